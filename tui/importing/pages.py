"""Page breaks in a PDF's text: a page's number alone on a line (``第 2 页``, ``- 2 -``).

The text is read without them, so that a cell or a row a page break cut goes on past
it (``打造金安国际网球`` / ``第 2 页`` / ``公开赛等系列品牌赛事 |``); they are put back as
rows of their own where they stood, to be reported as page numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.importing.labels import PAGE_NUMBER, furniture
from tui.importing.quoted import Record

if TYPE_CHECKING:
    from tui.importing.cells import Cell

_PAGE_MAX = 20  # a page's number is short (第 12 页，共 30 页): no long line is asked


def page_breaks(found: list[Record]) -> tuple[list[Record], list[Record]]:
    """``found`` without its page numbers, and the page numbers."""
    kept: list[Record] = []
    breaks: list[Record] = []
    for record in found:
        text = record.text.strip()
        page = not record.quoted and len(text) <= _PAGE_MAX and furniture(text) == PAGE_NUMBER
        (breaks if page else kept).append(record)
    return kept, breaks


def breaks_in_place(rows: list[list[Cell]], breaks: list[list[Cell]]) -> list[list[Cell]]:
    """``rows`` with each page number's row back before the first row below it."""
    out: list[list[Cell]] = []
    pending = iter(breaks)
    page = next(pending, None)
    for row in rows:
        while page is not None and page[0].line < row[0].row_line:
            out.append(page)
            page = next(pending, None)
        out.append(row)
    return out + ([page] if page else []) + list(pending)
