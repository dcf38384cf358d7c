"""``jixiao merge`` on real files, the editor's merge onto the disk version, and new keys
written as one line each.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_core_edits import HAND, changes
from tui.cli import main
from tui.history.conflicts import RECORD_KEY, conflicts_in
from tui.history.files import merge_onto_disk
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table, parse_table


def write(folder: Path, name: str, text: str, newline: str = "\n", bom: bool = False) -> Path:
    path = folder / name
    data = text.replace("\n", newline).encode("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + data if bom else data)
    return path


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture
def three(tmp_path: Path):
    """HAND as base; mine adds a comment and edits one row; theirs edits another cell of it."""
    base = write(tmp_path, "base.toml", HAND)
    mine_text = edit(HAND, 'medium = "≥90%"\n', '# 我方注释\nmedium = "≥95%"\n')
    mine = write(tmp_path, "mine.toml", mine_text)
    theirs_text = edit(HAND, 'annual = "≥90%"\n', 'annual = "≥92%"\n')
    theirs_text = edit(theirs_text, 'period = "2021至2023"', 'period = "2021至2024"')
    theirs = write(tmp_path, "theirs.toml", theirs_text)
    return base, mine, theirs, mine_text


def test_clean_merge_keeps_mine_and_changes_one_line_per_cell_of_theirs(three, capsys):
    base, mine, theirs, mine_text = three
    assert main(["merge", str(base), str(mine), str(theirs)]) == 0
    merged = mine.read_text("utf-8")
    removed, added = changes(mine_text, merged)
    assert removed == ['period = "2021至2023"', 'annual = "≥90%"']
    assert added == ['period = "2021至2024"', 'annual = "≥92%"']
    assert "# 我方注释" in merged
    assert capsys.readouterr().err == ""


def test_conflicting_cell_is_written_as_data_and_exit_status_is_1(tmp_path, capsys):
    base = write(tmp_path, "base.toml", HAND)
    mine = write(tmp_path, "mine.toml", edit(HAND, 'medium = "≥90%"', 'medium = "≥95%"'))
    theirs = write(tmp_path, "theirs.toml", edit(HAND, 'medium = "≥90%"', 'medium = "≥85%"'))
    out = tmp_path / "out.toml"
    assert main(["merge", str(base), str(mine), str(theirs), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "1 处合并冲突" in err and "merge conflicts" in err
    text = out.read_text("utf-8")
    assert "<<<<<<<" not in text
    table = load_table(out)
    assert table.indicators[1].medium == "≥95%"
    assert table.indicators[1].extra[RECORD_KEY] == {
        "medium": {"base": "≥90%", "mine": "≥95%", "theirs": "≥85%"}
    }
    _, added = changes(mine.read_text("utf-8"), text)
    assert added == [
        'merge_conflict = { medium = { base = "≥90%", mine = "≥95%", theirs = "≥85%" } }'
    ]


def test_check_reports_each_conflict_at_its_cell(tmp_path, capsys):
    base = write(tmp_path, "base.toml", HAND)
    mine = write(tmp_path, "mine.toml", edit(HAND, 'medium = "≥90%"', 'medium = "≥95%"'))
    theirs_text = edit(HAND, 'medium = "≥90%"', 'medium = "≥85%"')
    theirs = write(tmp_path, "theirs.toml", edit(theirs_text, 'medium = "1次"', 'medium = "2次"'))
    assert main(["merge", str(base), str(mine), str(theirs)]) == 1
    capsys.readouterr()
    assert main(["check", str(mine), "--select", "M"]) == 1
    lines = capsys.readouterr().out.splitlines()
    line = mine.read_text("utf-8").split("\n").index('medium = "≥95%"') + 1
    assert lines[0] == (
        f"{mine}:{line}:10: error M001 第2行 中期值 合并冲突：我方“≥95%”，对方“≥85%”，原为“≥90%”"
        "（merge conflict: both sides changed this cell; choose mine, theirs or base）"
    )
    assert len(lines) == 2  # and the summary


@pytest.mark.parametrize(("newline", "bom"), [("\r\n", False), ("\n", True)])
def test_mine_keeps_its_newlines_and_bom(tmp_path, newline, bom):
    base = write(tmp_path, "base.toml", HAND)
    mine = write(tmp_path, "mine.toml", HAND, newline, bom)
    theirs = write(tmp_path, "theirs.toml", edit(HAND, 'annual = "1次"', 'annual = "2次"'))
    assert main(["merge", str(base), str(mine), str(theirs)]) == 0
    raw = mine.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    assert (b"\r\n" in raw) is (newline == "\r\n")
    assert load_table(mine).indicators[0].annual == "2次"


def test_a_row_theirs_added_keeps_its_own_text_and_comments(tmp_path):
    base = write(tmp_path, "base.toml", HAND)
    mine = write(tmp_path, "mine.toml", edit(HAND, 'annual = "1次"', 'annual = "2次"'))
    block = (
        "# 对方新增的行（their new row）\n[[indicators]]\nlevel1 = '产出指标'\n"
        'level2 = "成本指标"\nname  =  "培训成本"  # 行尾注释\nmedium = "≤5万元"\n'
    )
    theirs = write(tmp_path, "theirs.toml", HAND + "\n" + block)
    assert main(["merge", str(base), str(mine), str(theirs)]) == 0
    assert mine.read_text("utf-8") == edit(HAND, 'annual = "1次"', 'annual = "2次"') + "\n" + block


def test_empty_base_of_an_add_add_merge(tmp_path):
    base = write(tmp_path, "base.toml", "")
    mine = write(tmp_path, "mine.toml", HAND)
    theirs = write(tmp_path, "theirs.toml", edit(HAND, 'annual = "1次"', 'annual = "2次"'))
    assert main(["merge", str(base), str(mine), str(theirs)]) == 1
    (conflict,) = conflicts_in(load_table(mine))
    assert (conflict.key, conflict.base, conflict.mine, conflict.theirs) == (
        "annual",
        None,
        "1次",
        "2次",
    )


def test_a_toml_file_that_is_not_a_table_is_merged_by_lines(tmp_path, capsys):
    base = write(tmp_path, "base.toml", "[tool]\na = 1\nb = 2\nc = 3\n")
    mine = write(tmp_path, "mine.toml", "[tool]\na = 10\nb = 2\nc = 3\n")
    theirs = write(tmp_path, "theirs.toml", "[tool]\na = 1\nb = 2\nc = 30\n")
    assert main(["merge", str(base), str(mine), str(theirs), "--path", "pyproject.toml"]) == 0
    assert mine.read_text() == "[tool]\na = 10\nb = 2\nc = 30\n"
    assert "pyproject.toml: 不是 jixiao 表格" in capsys.readouterr().err
    theirs.write_text("[tool]\na = 11\nb = 2\nc = 3\n")
    assert main(["merge", str(base), str(mine), str(theirs)]) == 1
    assert "<<<<<<< mine" in mine.read_text()


def test_an_unreadable_input_is_one_line_and_status_2(tmp_path, capsys):
    base = write(tmp_path, "base.toml", HAND)
    mine = write(tmp_path, "mine.toml", HAND)
    assert main(["merge", str(base), str(mine), str(tmp_path / "missing.toml")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.toml" in err[0] and "不存在" in err[0]
    assert mine.read_text("utf-8") == HAND


def test_output_to_stdout_in_a_real_process(three):
    base, mine, theirs, mine_text = three
    done = subprocess.run(
        [sys.executable, "-m", "tui", "merge", base, mine, theirs, "-o", "-"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert parse_table(done.stdout.decode("utf-8"))[0].indicators[1].annual == "≥92%"
    assert mine.read_text("utf-8") == mine_text  # untouched


# -- the editor's merge onto the disk version ---------------------------------


def test_my_edits_merge_onto_a_changed_disk_version_and_save_minimally(tmp_path):
    path = write(tmp_path, "t.toml", HAND)
    file = TableFile.load(path)
    file.table.indicators[0].annual = "3次"  # mine
    file.table.header.period = "2021至2025"
    disk_text = edit(HAND, 'medium = "≥95%"', 'medium = "≥96%"')  # someone else saved
    disk_text = edit(disk_text, 'period = "2021至2023"', 'period = "2021至2024"')
    path.write_text(disk_text, "utf-8")
    assert file.changed_on_disk()
    merge = merge_onto_disk(file)
    (conflict,) = merge.conflicts
    assert (conflict.ref(merge.table), conflict.mine, conflict.theirs) == (
        ("project", "period"),
        "2021至2025",
        "2021至2024",
    )
    merge.resolve(conflict, "theirs")
    merge.apply()
    file.save()
    removed, added = changes(disk_text, path.read_text("utf-8"))
    assert (removed, added) == (['annual = "1次"'], ['annual = "3次"'])
    saved = load_table(path)
    assert saved.indicators[2].medium == "≥96%" and saved.header.period == "2021至2024"


def test_unresolved_conflicts_are_saved_with_the_table(tmp_path):
    path = write(tmp_path, "t.toml", HAND)
    file = TableFile.load(path)
    file.table.indicators[0].annual = "3次"
    path.write_text(edit(HAND, 'annual = "1次"', 'annual = "4次"'), "utf-8")
    merge = merge_onto_disk(file)
    merge.apply()
    file.save()
    (conflict,) = conflicts_in(load_table(path))
    assert (conflict.mine, conflict.theirs, conflict.base) == ("3次", "4次", "1次")


# -- keys new to a table are one added line -------------------------------------


def test_new_fields_and_unknown_keys_are_one_line_each_at_their_canonical_place(tmp_path):
    path = write(tmp_path, "t.toml", HAND)
    file = TableFile.load(path)
    file.table.indicators[0].unit = "次"  # a field: after the field before it (annual)
    file.table.indicators[0].extra[RECORD_KEY] = {"unit": {"mine": "次", "theirs": "场"}}
    file.table.header.approved = "2021-03-15"  # after period, before the unknown owner
    file.table.goals.extra["note"] = "新的未知键"  # unknown: after the table's last key
    file.save()
    text = path.read_text("utf-8")
    removed, added = changes(HAND, text)
    assert removed == []
    assert added == [
        'approved = "2021-03-15"',
        'note = "新的未知键"',
        'unit = "次"',
        'merge_conflict = { unit = { mine = "次", theirs = "场" } }',
    ]
    assert 'period = "2021至2023"\napproved = "2021-03-15"\nowner' in text
    assert 'annual = "1次"\nunit = "次"\nnote = "未知键"' in text
    assert "# unknown key in an indicator\nmerge_conflict = " in text
    assert '目标"""\nannual = "年度目标"\nnote = "新的未知键"\n' in text
    assert load_table(path) == file.table


def test_a_new_key_after_a_multiline_string_ending_in_a_hash(tmp_path):
    text = 'format = 1\n[project]\nname = "x"\n\n[[indicators]]\nlevel1 = "a"\nlevel2 = "b"\n'
    text += 'name = "c"\nremark = """\n]]\n##45"""\n\n# 下一行\n[[indicators]]\nlevel1 = "d"\n'
    text += 'level2 = "e"\nname = "f"\n'
    path = write(tmp_path, "t.toml", text)
    file = TableFile.load(path)
    file.table.indicators[0].extra["note"] = "个"
    file.save()
    assert path.read_text("utf-8") == text.replace('##45"""\n', '##45"""\nnote = "个"\n')
