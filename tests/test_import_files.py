"""The .xlsx, .docx and .pdf readers, on files built in the test from real corpus tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realcorpus import CORPUS, load, score_tables, source_text
from tui.errors import JixiaoError
from tui.importing import import_file
from tui.importing.cells import split_cells
from tui.importing.files import Source
from tui.importing.levels import is_level

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

# Real tables whose text is tab- or |-separated, so their cells have columns.
TABLES = ["05_anhui_jinzhai_2023_selfeval", "08_guangdong_dongguan_2019", "12_hubei_huangshi_2022"]


def _grid(name: str, *, form: bool = False) -> list[list[str]]:
    """The table as rows of cell texts by column, as its source laid them out.

    ``form``: indicator rows that a web page shifted left (their merged 一级/二级
    dropped) are put back under their columns, blank where the merged cell was.
    """
    rows = []
    for row in split_cells(source_text(CORPUS / f"{name}.txt")).rows:
        cells = [""] * (max(c.index for c in row) + 1)
        for cell in row:
            cells[cell.index] = cell.text
        rows.append([c for c in cells if c] if form else cells)
    if form:
        start = next(i for i, r in enumerate(rows) if len(r) > 2 and is_level(r[0], strong=True))
        width = max(len(r) for r in rows[start:])
        rows[start:] = [[""] * (width - len(r)) + r for r in rows[start:]]
    return rows


def _assert_reads_like_the_text(name: str, result) -> None:
    score = score_tables(result.tables, load(CORPUS / f"{name}.expected"))
    assert (score.hits, score.extra_rows) == (score.total, 0), score.misses


def _xlsx(path: Path, names: list[str]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in names:
        sheet = book.create_sheet(name[:20])
        for r, row in enumerate(_grid(name, form=True), start=1):
            for c, text in enumerate(row, start=1):
                if text:
                    sheet.cell(row=r, column=c, value=text)
        # Merge each 一级/二级 cell down over a blank cell below it, as a real form does.
        for r in range(1, sheet.max_row):
            for c in range(1, 4):
                cell, below = sheet.cell(row=r, column=c), sheet.cell(row=r + 1, column=c)
                if str(cell.value).endswith("指标") and below.value is None:
                    sheet.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    book.save(path)


def test_xlsx_all_sheets_with_merged_cells(tmp_path):
    path = tmp_path / "tables.xlsx"
    _xlsx(path, TABLES[:2])
    result, source = import_file(path)
    assert len(result.tables) == 2
    assert all(s.merged_cells.ranges for s in openpyxl.load_workbook(path).worksheets)
    for name, table in zip(TABLES[:2], result.tables):
        _assert_reads_like_the_text(name, type(result)([table], []))
    assert source.where(1, 3).endswith("!C1")


def test_docx_tables_in_document_order_with_merged_cells(tmp_path):
    document = docx.Document()
    for name in TABLES[1:]:
        grid = _grid(name)
        document.add_paragraph("项目支出绩效目标表")
        width = max(len(r) for r in grid)
        table = document.add_table(rows=len(grid), cols=width)
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        # 绩效指标 spans two columns in a typical Word form.
        first = table.cell(0, 0)
        if not table.cell(0, 1).text:
            first.merge(table.cell(0, 1))
    path = tmp_path / "tables.docx"
    document.save(path)
    result, source = import_file(path)
    assert [t.header.name for t in result.tables] == ["镇际联网路升级改造工程一期", "主体班"]
    for name, table in zip(TABLES[1:], result.tables):
        _assert_reads_like_the_text(name, type(result)([table], []))
    assert "表1" in source.where(3, 2)


def _pdf(path: Path, name: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    grid = _grid(name)
    width = max(len(r) for r in grid)
    data = [
        [
            Paragraph(t, ParagraphStyle("c", fontName="STSong-Light", fontSize=6)) if t else ""
            for t in row + [""] * (width - len(row))
        ]
        for row in grid
    ]
    table = Table(data)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    title = Paragraph("2022年项目支出绩效目标表", ParagraphStyle("t", fontName="STSong-Light"))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([title, table])


def test_pdf_tables_first_and_text_around_them(tmp_path):
    path = tmp_path / "table.pdf"
    _pdf(path, TABLES[2])
    result, _ = import_file(path)
    _assert_reads_like_the_text(TABLES[2], result)
    assert result.tables[0].year == 2022  # from the title line above the table


def test_pdf_without_tables_reads_its_text_lines(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "text.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 10)
    lines = [
        "项目名称    项目甲",
        "一级指标    二级指标    三级指标    指标值",
        "产出指标    数量指标    培训人次    ≥200人",
    ]
    for n, line in enumerate(lines):
        pdf.drawString(40, 800 - 20 * n, line)
    pdf.save()
    result, _ = import_file(path)
    assert [(r.level2, r.name, r.annual) for r in result.tables[0].indicators] == [
        ("数量指标", "培训人次", "≥200人")
    ]


def test_legacy_xls_and_unknown_files_are_refused_with_a_clear_message(tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(JixiaoError, match=r"另存为 \.xlsx"):
        import_file(tmp_path / "old.xls")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(JixiaoError, match=r"无法读取 \.xlsx"):
        import_file(tmp_path / "bad.xlsx")


def test_file_rows_drop_invisible_characters():
    # A cell typed in Word or Excel from a web page's copy keeps its zero-width spaces.
    source = Source()
    source.add(["产出\u200b指标", "120\ufeff户"], "Sheet1!A1")
    source.add("三级\u00ad指标 指标值", "第1页 文字第1行")
    assert source.rows == [["产出指标", "120户"], "三级指标 指标值"]
