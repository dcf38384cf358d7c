"""TSV export: tab-separated cells to paste into Excel or WPS.

Written with the ``csv`` module (tabulate's ``tsv`` format pads cells with
spaces, which would end up inside the spreadsheet cells). A cell holding a line
break or a double quote is quoted the way Excel reads it: ``"…"`` with ``"``
doubled; a line break inside a cell stays a line break within that cell. Tabs
in the text were already turned into spaces by ``escape.visible``. Grids are
separated by one empty row, projects and sections by two.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be read by a spreadsheet as a formula (formula injection): it gets a
leading ``'``, which Excel, WPS and LibreOffice take as "text, do not evaluate".
A cell that itself starts with ``'`` gets one too, so ``jixiao import`` can
take exactly one ``'`` off again and a round trip is exact.
"""

from __future__ import annotations

import csv
import io

from tui.escape import visible
from tui.export.layout import Grid, Section

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def guard(cell: str) -> str:
    """``=SUM(A1)`` → ``'=SUM(A1)``: a cell a spreadsheet would evaluate, made text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _write_grid(writer, grid: Grid) -> None:
    writer.writerow([guard(visible(h)) for h in grid.headers])
    for row in grid.rows:
        writer.writerow([guard(visible(cell)) for cell in row])


def render_tsv(sections: list[Section]) -> str:
    """The whole document as TSV text (LF line endings)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for index, section in enumerate(sections):
        if index:
            out.write("\n\n")
        writer.writerow([guard(visible(section.title))])
        for project, grids in enumerate(section.projects):
            out.write("\n\n" if project else "\n")
            for number, grid in enumerate(grids):
                if number:
                    out.write("\n")
                _write_grid(writer, grid)
    return out.getvalue()
