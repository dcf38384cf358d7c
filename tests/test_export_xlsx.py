"""``jixiao export --format xlsx``: the official form as a workbook, read back by the importer."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest

from tests.conftest import DATA_FILES
from tests.realcorpus import corpus, source_text
from tui.export import export_file
from tui.importing import import_file, import_text
from tui.model import Evaluation, Execution, Table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.loader import load_table

openpyxl = pytest.importorskip("openpyxl")


def _target_form(table: Table) -> Table:
    """``table`` as the target form shows it: without a self-evaluation's actual values,
    scores, notes, budget execution and closing texts (a 自评表 imported keeps them)."""
    target = copy.deepcopy(table)
    target.stage, target.execution, target.evaluation = None, Execution(), Evaluation()
    for row in target.indicators:
        row.actual = row.score = row.deviation = None
        row.monitoring = {}
    return target


def _round_trip(tables, tmp_path, **kw):
    path = tmp_path / "form.xlsx"
    path.write_bytes(export_file(tables, "xlsx"))
    return import_file(path, **kw)[0].tables


def test_data_tables_round_trip(tmp_path):
    tables = [load_table(p) for p in DATA_FILES]
    again = _round_trip(tables, tmp_path)
    assert [dump_table(t) for t in again] == [dump_table(t) for t in tables]


@pytest.mark.parametrize("path", [p for p, _ in corpus()], ids=lambda p: p.stem)
def test_corpus_tables_round_trip(path, tmp_path):
    tables = import_text(source_text(path)).tables
    if not tables:
        pytest.skip("no table in this text")
    for table in tables:  # the form has no framework cell: give the one the text had
        (again,) = _round_trip([table], tmp_path, framework=table.framework)
        assert again == _target_form(table)  # money compares as numbers: 1125 is 1125.00


def test_layout_merged_cells_values_and_print_setup(tmp_path):
    tables = [load_table(p) for p in DATA_FILES]
    path = tmp_path / "form.xlsx"
    path.write_bytes(export_file(tables, "xlsx"))
    book = openpyxl.load_workbook(path)
    assert [s.title for s in book.worksheets] == [t.header.name for t in tables]
    sheet = book[tables[1].header.name]  # 养老保险专项业务经费: 5 产出 rows, 6 效益 rows
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:H1" in merged  # the title
    cells = {c.value: c.coordinate for row in sheet.iter_rows() for c in row if c.value}
    first = sheet[cells["产出 指标"]].row
    assert f"B{first}:B{first + 4}" in merged  # 一级 over its five rows
    assert f"C{first + 3}:C{first + 4}" in merged  # 二级 成本指标 over its two rows
    assert f"F{first + 3}:F{first + 4}" in merged  # …and in the 年度 half
    assert f"A{first - 1}:A{sheet.max_row}" in merged  # 绩效指标 down the block
    money = sheet[cells["中期资金总额："]].offset(column=2)
    assert (money.value, money.number_format) == (103, "0.00")
    value = sheet.cell(row=first + 1, column=5)
    assert (value.value, value.data_type) == ("100%", "s")  # text stays text
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width - 20


def test_formula_like_values_stay_text(tmp_path):
    table = load_table(DATA_FILES[0])
    table.indicators[0].medium = "=1+1"
    table.indicators[0].weight = Decimal("12.5")
    path = tmp_path / "form.xlsx"
    path.write_bytes(export_file([table], "xlsx"))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    found = [c for row in sheet.iter_rows() for c in row if c.value == "=1+1"]
    assert [c.data_type for c in found] == ["s"]
    (again,) = import_file(path)[0].tables
    assert (again.indicators[0].medium, again.indicators[0].weight) == ("=1+1", Decimal("12.5"))


def test_weights_are_numbers_that_add_up(tmp_path):
    # A tryout: 权重 cells were text ('4'), which a spreadsheet flags and will not sum.
    table = load_table(DATA_FILES[0])
    weights = [Decimal("4"), Decimal("12.5"), Decimal("10.00")]
    for row, weight in zip(table.indicators, weights):
        row.weight = weight
    path = tmp_path / "form.xlsx"
    path.write_bytes(export_file([table], "xlsx"))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    heading = next(c for row in sheet.iter_rows() for c in row if c.value == "权重")
    cells = [sheet.cell(row=heading.row + 1 + n, column=heading.column) for n in range(3)]
    assert [(c.value, c.data_type, c.number_format) for c in cells] == [
        (4, "n", "0"),
        (12.5, "n", "0.0"),
        (10, "n", "0.00"),
    ]
    (again,) = import_file(path)[0].tables
    assert [r.weight for r in again.indicators[:3]] == weights


def test_cli_writes_xlsx_and_needs_an_output_file(tmp_path):
    out = tmp_path / "all.xlsx"
    cmd = [sys.executable, "-m", "tui", "export", *map(str, DATA_FILES)]
    assert subprocess.run([*cmd, "-o", str(out)], capture_output=True).returncode == 0
    assert out.read_bytes()[:2] == b"PK"
    done = subprocess.run([*cmd, "--format", "xlsx"], capture_output=True, text=True)
    assert done.returncode == 2 and "-o" in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_form(tmp_path):
    path = tmp_path / "form.xlsx"
    path.write_bytes(export_file([load_table(p) for p in DATA_FILES], "xlsx"))
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "form.pdf").read_bytes()[:4] == b"%PDF"
