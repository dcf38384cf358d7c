"""Any export document of grids as an Excel workbook: the 自评表 and 监控表 (``--form``).

One sheet per project: the section's title over the widest grid, then each grid
— its heading row in bold, its rows below — with one empty row between grids.
Cells are text exactly as the txt export shows them (``tui.escape.visible``),
never a number or a formula; cells wrap, columns are as wide as their Chinese
text needs (up to a limit), thin borders, A4 landscape fitted to the page width.
Needs openpyxl (the ``office`` extra).
"""

from __future__ import annotations

import importlib
import io

from wcwidth import wcswidth

from tui.errors import JixiaoError
from tui.escape import visible
from tui.export.layout import Grid, Section

INSTALL = "pip install 'jixiao[office]'"
_MAX_WIDTH = 40  # display columns of the widest column
_MIN_WIDTH = 6
_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _openpyxl():
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise JixiaoError(
            f"导出 .xlsx 需要 openpyxl：{INSTALL}", f"xlsx export needs openpyxl: {INSTALL}"
        ) from None


def _title(name: str, used: set[str]) -> str:
    base = visible(name).translate(_FORBIDDEN).strip("'")[:28] or "项目"
    title, n = base, 1
    while title in used:
        n += 1
        title = f"{base}-{n}"
    used.add(title)
    return title


def _write(sheet, title: str, grids: list[Grid], styles) -> None:
    width = max(len(grid.headers) for grid in grids)
    sheet.cell(row=1, column=1).value = visible(title)
    sheet.cell(row=1, column=1).font = styles.Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    thin = styles.Side(style="thin")
    border = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = styles.Alignment(wrap_text=True, vertical="center")
    widths = [_MIN_WIDTH] * width
    row = 2
    for grid in grids:
        row += 1
        for line, cells in enumerate([grid.headers, *grid.rows]):
            for column, text in enumerate(cells, start=1):
                cell = sheet.cell(row=row, column=column)
                if text:
                    cell.value = visible(text)
                    cell.data_type = "s"  # text, never a formula or a number
                cell.border, cell.alignment = border, wrap
                if line == 0:
                    cell.font = styles.Font(bold=True)
                longest = max((wcswidth(part) for part in visible(text).split("\n")), default=0)
                widths[column - 1] = max(widths[column - 1], min(longest, _MAX_WIDTH))
            row += 1
    utils = importlib.import_module("openpyxl.utils")
    for index, chars in enumerate(widths, start=1):
        sheet.column_dimensions[utils.get_column_letter(index)].width = chars + 2
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def export_grids_xlsx(sections: list[Section]) -> bytes:
    """The workbook (one sheet per project) as .xlsx bytes."""
    openpyxl = _openpyxl()
    styles = importlib.import_module("openpyxl.styles")
    book = openpyxl.Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for section in sections:
        for grids in section.projects:
            name = grids[0].headers[1] if len(grids[0].headers) > 1 else section.title
            sheet = book.create_sheet(_title(name, used))
            _write(sheet, section.title, grids, styles)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
