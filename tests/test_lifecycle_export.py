"""The self-evaluation and monitoring forms: golden files for both layouts, Markdown shape,
the xlsx workbook read back, the CLI options.

The golden files tests/golden/lifecycle-*.{txt,md} were read by a person before being
committed; after an intended change regenerate them with

    JIXIAO_UPDATE_GOLDEN=1 pytest tests/test_lifecycle_export.py

and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import DATA
from tui.cli import main
from tui.escape import visible
from tui.export import export_lifecycle, export_lifecycle_file
from tui.export.lifecycle import lifecycle_layout
from tui.scoring import PROFILES, profile_for
from tui.tomlfile.loader import load_table

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("JIXIAO_UPDATE_GOLDEN") == "1"
EXAMPLE = DATA / "lifecycle" / "企业退休人员社会化管理服务-自评.toml"
FORM_LAYOUTS = [(f, lay) for f in ("evaluation", "monitoring") for lay in ("anhui", "sichuan")]
CASES = [(f, lay, fmt) for f, lay in FORM_LAYOUTS for fmt in ("txt", "md")]


def scored():
    table = load_table(EXAMPLE)
    return [(table, profile_for(table))]


def _check(name: str, text: str) -> None:
    path = GOLDEN / f"lifecycle-{name}"
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"missing golden file {path}; run with JIXIAO_UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize(("form", "layout", "fmt"), CASES, ids=["-".join(c) for c in CASES])
def test_golden(form, layout, fmt):
    _check(f"{form}-{layout}.{fmt}", export_lifecycle(scored(), fmt, form=form, layout=layout))


@pytest.mark.parametrize(("form", "layout", "fmt"), CASES, ids=["-".join(c) for c in CASES])
def test_cli_prints_the_golden_document(form, layout, fmt, capsys):
    argv = ["export", str(EXAMPLE), "--form", form, "--layout", layout, "--format", fmt]
    assert main([*argv, "--width", "100"]) == 0
    assert capsys.readouterr().out == (GOLDEN / f"lifecycle-{form}-{layout}.{fmt}").read_text(
        "utf-8"
    )


def test_golden_files_use_lf_only():
    for path in GOLDEN.glob("lifecycle-*"):
        assert b"\r" not in path.read_bytes(), path


def test_the_forms_say_what_the_scores_say():
    anhui = (GOLDEN / "lifecycle-evaluation-anhui.txt").read_text("utf-8")
    assert "| 年度资金总额       |        90.00 |        90.00 |        85.50 |     10 |" in anhui
    assert "| 合计       |" in anhui and "| 90     | 87.07  |" in anhui
    assert "总分 = 指标 87.07 + 预算执行 9.50 = 96.57（满分 100）" in anhui
    sichuan = (GOLDEN / "lifecycle-evaluation-sichuan.md").read_text("utf-8")
    assert "预算执行情况（10分）" in sichuan and "财政专户管理资金" in sichuan
    assert "| 评价结论   | 项目基本完成年度绩效目标" in sichuan
    monitoring = (GOLDEN / "lifecycle-monitoring-anhui.md").read_text("utf-8")
    assert "（1–6月）" in monitoring and "黄灯" in monitoring and "红灯" in monitoring


@pytest.mark.parametrize(("form", "layout"), FORM_LAYOUTS)
def test_markdown_tables_keep_their_shape(form, layout):
    text = export_lifecycle(scored(), "md", form=form, layout=layout)
    tokens = MarkdownIt().enable("table").parse(text)
    tables = [t for t in tokens if t.type == "table_open"]
    grids = lifecycle_layout(scored(), form, layout)[0].projects[0]
    assert len(tables) == len(grids)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == sum(1 + len(grid.rows) for grid in grids)


@pytest.mark.parametrize(("form", "layout"), FORM_LAYOUTS)
def test_xlsx_holds_the_same_cells(form, layout, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "form.xlsx"
    path.write_bytes(export_lifecycle_file(scored(), form=form, layout=layout))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["企业退休人员社会化管理服务"]
    sheet = book.active
    section = lifecycle_layout(scored(), form, layout)[0]
    assert sheet.cell(row=1, column=1).value == section.title
    row = 2
    for grid in section.projects[0]:
        row += 1
        for cells in [grid.headers, *grid.rows]:
            got = [sheet.cell(row=row, column=c + 1).value for c in range(len(cells))]
            assert got == [visible(cell) if cell else None for cell in cells]
            row += 1


def test_target_tables_and_other_months(capsys):
    assert main(["export", str(DATA), "--form", "evaluation", "--width", "0"]) == 0
    out = capsys.readouterr().out
    assert out.count("项目支出绩效自评表") == 1 and out.count("| 项目名称") == 3
    assert main(["export", str(EXAMPLE), "--form", "monitoring", "--month", "9"]) == 0
    out = capsys.readouterr().out
    assert "（1–9月）" in out and "红灯" not in out  # nothing filled in for September


def test_each_table_scores_under_its_own_profile():
    table = load_table(EXAMPLE)
    text = export_lifecycle([(table, PROFILES["form2020"])], "md", layout="sichuan")
    assert "预算执行情况（20分）" in text and "19.00" in text


def test_options_that_do_not_apply(capsys, tmp_path):
    assert main(["export", str(EXAMPLE), "--form", "evaluation", "--columns", "annual"]) == 2
    assert "--columns" in capsys.readouterr().err
    target = tmp_path / "out.xlsx"
    assert main(["export", str(EXAMPLE), "--form", "monitoring", "-o", str(target)]) == 0
    assert target.read_bytes()[:2] == b"PK"
