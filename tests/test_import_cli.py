"""``jixiao import``: files written, report printed, exit status."""

from __future__ import annotations

import io
import sys

from tests.conftest import DATA_FILES, SEED
from tui.cli import main
from tui.cli.import_cmd import file_name, report_line, shown
from tui.importing import Unplaced
from tui.tomlfile.loader import load_table


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_seed_from_stdin_writes_the_data_tables(tmp_path, monkeypatch, capsys):
    _stdin(monkeypatch, SEED.read_text(encoding="utf-8"))
    assert main(["import", "-o", str(tmp_path / "tables")]) == 0  # the titles gave the year
    out, err = capsys.readouterr()
    written = sorted((tmp_path / "tables").glob("*.toml"))
    assert sorted(p.name for p in written) == sorted(p.name for p in DATA_FILES)
    assert sorted(out.split()) == sorted(str(p) for p in written)
    for path in written:
        assert load_table(path) == load_table(next(p for p in DATA_FILES if p.name == path.name))
    assert err == ""


def test_cells_left_over_are_reported_by_line_and_column(tmp_path, monkeypatch, capsys):
    _stdin(monkeypatch, SEED.read_text(encoding="utf-8"))
    # --year: the titles' own year is not taken, so they are left over.
    assert main(["import", "--year", "2022", "-o", str(tmp_path / "tables")]) == 1
    _, err = capsys.readouterr()
    assert err.splitlines() == [
        "stdin:3:1: 未放置 “2021年项目支出预算绩效目标表”"
        "（页面标题，未导入；page title; not imported）",
        "stdin:4:1: 未放置 “(2021 年度)”（页面标题，未导入；page title; not imported）",
    ]


def test_existing_file_is_not_overwritten_without_force(tmp_path, capsys):
    paste = tmp_path / "paste.txt"
    paste.write_text(
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t5\n"
    )
    assert main(["import", str(paste), "-o", str(tmp_path)]) == 0
    before = (tmp_path / "甲.toml").read_text()
    paste.write_text(
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t6\n"
    )
    assert main(["import", str(paste), "-o", str(tmp_path)]) == 2
    assert "文件已存在" in capsys.readouterr().err
    assert (tmp_path / "甲.toml").read_text() == before
    assert main(["import", str(paste), "-o", str(tmp_path), "--force", "--year", "2024"]) == 0
    table = load_table(tmp_path / "甲.toml")
    assert (table.year, table.indicators[0].annual) == (2024, "6")


def test_nothing_readable_exits_2(tmp_path, monkeypatch, capsys):
    _stdin(monkeypatch, "hello\x1b[31m world\n")
    assert main(["import", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err
    assert list(tmp_path.iterdir()) == []


def test_same_names_get_numbered_files(tmp_path, capsys):
    paste = tmp_path / "paste.txt"
    paste.write_text("项目名称\ta/b\n实施单位\t甲\n项目名称\ta/b\n实施单位\t乙\n", encoding="utf-8")
    assert main(["import", str(paste), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a_b-2.toml", "a_b.toml"]


def test_a_table_without_a_name_is_named_after_its_file(tmp_path, monkeypatch, capsys):
    # A tryout: two unnamed imports both became 未命名项目.toml, the second refused.
    rows = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t5\n"
    for stem in ("网页表一", "网页表二"):
        (tmp_path / f"{stem}.txt").write_text(rows, encoding="utf-8")
        assert main(["import", str(tmp_path / f"{stem}.txt"), "-o", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["网页表一.toml", "网页表二.toml"]
    assert "说明 项目名称空白" in capsys.readouterr().err
    for _ in range(2):  # from standard input: no file to name it after, and no name to keep
        _stdin(monkeypatch, rows)
        assert main(["import", "-o", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["未命名项目-2.toml", "未命名项目.toml", "网页表一.toml", "网页表二.toml"]


def test_report_text_is_escaped_and_shortened():
    assert shown("a\tb\u202ec") == "a\\x09b\\u202ec"
    assert shown("长" * 70) == "长" * 60 + "…"
    item = Unplaced("x\ny", 12, 3, "未识别的单元格", "cell not recognised")
    assert (
        report_line("stdin", item)
        == "stdin:12:3: 未放置 “x\\x0ay”（未识别的单元格；cell not recognised）"
    )


def test_file_names_are_sanitised():
    assert file_name("养老保险专项业务经费") == "养老保险专项业务经费"
    assert file_name(' a/b:c*?"<>| ') == "a_b_c"
    assert file_name("...") == "未命名项目"
    assert len(file_name("名" * 200)) == 80


def test_an_xlsx_file_imports_and_reports_by_sheet_and_cell(tmp_path, capsys):
    import openpyxl

    from tui.export import export_file

    form = tmp_path / "form.xlsx"
    form.write_bytes(export_file([load_table(p) for p in DATA_FILES], "xlsx"))
    assert main(["import", str(form), "-o", str(tmp_path / "out")]) == 0  # all placed
    out, err = capsys.readouterr()
    assert len(out.split()) == 2
    assert err == ""
    book = openpyxl.load_workbook(form)
    book["养老保险专项业务经费"]["A40"] = "填表人：张三"
    book.save(form)
    assert main(["import", str(form), "-o", str(tmp_path / "again")]) == 1
    out, err = capsys.readouterr()
    assert f"{form}:养老保险专项业务经费!A40: 未放置 “填表人：张三”" in err


def test_a_missing_extra_names_the_install_command(tmp_path):
    import subprocess

    (tmp_path / "a.docx").write_bytes(b"PK")
    code = (
        "import sys; sys.modules['docx'] = None\n"
        "from tui.cli import main\n"
        f"sys.exit(main(['import', {str(tmp_path / 'a.docx')!r}]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("pip install 'jixiao[office]'）")
    assert len(done.stderr.strip().splitlines()) == 1
