"""Differential: the rows read by eye in every real table, written into the files officers
hand round — an .xlsx and a .docx with 一级/二级 merged down their rows, a .pdf whose
cells wrap long text over lines — import to the same rows (``tui.importing.files``).

Found this way: a percentage Excel stores as a fraction (0.95 under ``0%``), a target
typed as ``=100%`` that a program saved as a formula without its value, and a PDF
cell's width breaking ``显著提升了…`` over lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realcorpus import Expected, Score, score_tables
from tests.test_import_restyled import _one_value_tables
from tui.importing import import_file

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

_HEADING = ["一级指标", "二级指标", "三级指标", "指标值"]
_FLOOR = {"xlsx": 0.99, "docx": 0.99, "pdf": 0.98}


def _rows(expected: Expected) -> tuple[list[list[str]], list[tuple[int, int, int]]]:
    """The table's rows of cells, and its merged 一级/二级 runs as (column, first, last)."""
    rows: list[list[str]] = []
    runs: list[tuple[int, int, int]] = []
    for project in expected.projects:
        rows += [["项目名称", project["name"] or "某项目", "", ""], list(_HEADING)]
        first = len(rows)
        rows += [[l1, l2, name, annual] for l1, l2, name, _, annual in project["rows"]]
        for column in (0, 1):
            start = first
            for r in range(first + 1, len(rows) + 1):
                if r == len(rows) or rows[r][: column + 1] != rows[start][: column + 1]:
                    if r - 1 > start and rows[start][column]:
                        runs.append((column, start, r - 1))
                    start = r
    for column, start, last in runs:
        for r in range(start + 1, last + 1):
            rows[r][column] = ""  # a merged cell holds its text in its first cell only
    return rows, runs


def _xlsx(expected: Expected, path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    rows, runs = _rows(expected)
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                sheet.cell(row=r, column=c, value=text)  # "=100%" is saved as a formula
    for column, start, last in runs:
        sheet.merge_cells(
            start_row=start + 1, start_column=column + 1, end_row=last + 1, end_column=column + 1
        )
    book.save(path)


def _docx(expected: Expected, path: Path) -> None:
    document = docx.Document()
    rows, runs = _rows(expected)
    table = document.add_table(rows=len(rows), cols=len(_HEADING))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for column, start, last in runs:
        table.cell(start, column).merge(table.cell(last, column))
    document.save(path)


def _pdf(expected: Expected, path: Path, *, ruled: bool = True) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7)
    rows, runs = _rows(expected)

    def cell(text: str) -> Paragraph | str:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped, style) if text else ""

    if not ruled:  # no rules: pdfplumber finds no table, the text lines are read
        table = Table([[cell(t) for t in row] for row in rows], colWidths=[80, 90, 160, 90])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
        return
    table = Table([[cell(t) for t in row] for row in rows], colWidths=[80, 90, 260, 120])
    spans = [("SPAN", (column, start), (column, last)) for column, start, last in runs]
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])


_WRITERS = {"xlsx": _xlsx, "docx": _docx, "pdf": _pdf}


@pytest.mark.slow
@pytest.mark.parametrize("kind", _WRITERS)
def test_real_rows_written_into_files_import_alike(kind, tmp_path, capsys):
    total = Score()
    for n, expected in enumerate(e for e in _one_value_tables() if e.projects):
        path = tmp_path / f"{n}.{kind}"
        _WRITERS[kind](expected, path)
        result, _ = import_file(path)
        total.add(score_tables(result.tables, expected))
    with capsys.disabled():
        print(f"\n{kind}: {total.hits}/{total.total}, extra rows {total.extra_rows}")
    assert total.total > 600
    assert total.hits >= _FLOOR[kind] * total.total, total.misses[:10]
    assert total.extra_rows <= 0.01 * total.total


@pytest.mark.slow
def test_a_pdf_table_without_rules_reads_from_its_layout_text(tmp_path):
    # Long names and values wrap under themselves in narrow columns, a full one touching
    # the next with one space: 685/760 before the pieces were joined back and such cells
    # cut where the next column starts (28 junk rows), 707 now (24 rows with a name cut).
    total = Score()
    for n, expected in enumerate(e for e in _one_value_tables() if e.projects):
        path = tmp_path / f"{n}.pdf"
        _pdf(expected, path, ruled=False)
        total.add(score_tables(import_file(path)[0].tables, expected))
    assert total.total > 600
    assert total.hits >= 0.92 * total.total, total.misses[:10]
    assert total.extra_rows <= 0.04 * total.total


def test_a_percentage_excel_stores_as_a_fraction_reads_as_shown(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目名称", "某项目"])
    sheet.append(_HEADING)
    sheet.append(["产出指标", "质量指标", "验收合格率", 0.95])
    sheet.append(["", "", "资金到位率", 1])
    sheet.append(["满意度指标", "服务对象满意度指标", "群众满意度", 0.905])
    sheet["D3"].number_format = "0%"
    sheet["D4"].number_format = "0%"
    sheet["D5"].number_format = "0.0%"
    book.save(tmp_path / "t.xlsx")
    result, _ = import_file(tmp_path / "t.xlsx")
    assert [i.annual for i in result.tables[0].indicators] == ["95%", "100%", "90.5%"]


def test_a_formula_saved_without_its_value_reads_as_typed(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目名称", "某项目"])
    sheet.append(_HEADING)
    sheet.append(["产出指标", "质量指标", "验收合格率", "=100%"])
    book.save(tmp_path / "t.xlsx")  # openpyxl saves no value for a formula
    result, _ = import_file(tmp_path / "t.xlsx")
    assert result.tables[0].indicators[0].annual == "=100%"
