"""Import tables pasted from Excel, WPS, Word or PDF (``jixiao import``).

``import_text`` reads a whole paste — one or more projects with their header,
funding, goals and indicator block — into ``Table`` objects; ``import_rows``
reads indicator rows only, for pasting rows into an open table. Every
non-empty cell of the input is either placed (``ImportResult.placed``) or
reported with its position and a reason (``ImportResult.report``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.importing.cells import split_cells
from tui.importing.indicators import guess_layout, read_indicators
from tui.importing.ledger import Ledger, Placed, Unplaced
from tui.importing.project import import_grid, split_at_header
from tui.model import DEFAULT_FRAMEWORK, Table

__all__ = ["ImportResult", "Placed", "Unplaced", "import_rows", "import_text"]


@dataclass
class ImportResult:
    """The tables read from a paste, and the cells that were not placed."""

    tables: list[Table]
    report: list[Unplaced]
    placed: list[Placed] = field(default_factory=list)


def import_text(
    text: str, *, framework: str | None = None, year: int | None = None
) -> ImportResult:
    """Read every project in pasted ``text``.

    ``framework`` ("2015" or "2021", default 2015) is stored in each table and
    guides which 一级/二级 names are preferred; ``year`` overrides the year
    found in a title such as "2021年项目支出预算绩效目标表".
    """
    tables, ledger = import_grid(split_cells(text), framework or DEFAULT_FRAMEWORK, year)
    return ImportResult(tables, ledger.report_list(), ledger.placed_list())


def import_rows(text: str, *, framework: str = DEFAULT_FRAMEWORK) -> ImportResult:
    """Read indicator rows only (no header block): one ``Table`` holding just the rows.

    A column header row (一级指标 … 指标值), when present, says whether the rows
    carry both a 中期 and a 年度 half; otherwise the better reading decides.
    """
    grid = split_cells(text)
    table = Table(framework=framework)
    ledger = Ledger()
    found = split_at_header(grid.rows, grid.stream, 0, ledger)
    rows, layout = (grid.rows, None) if found is None else found[1:]
    layout = layout or guess_layout(rows, framework, stream=grid.stream)
    read_indicators(rows, table, 0, ledger, layout=layout, stream=grid.stream)
    ledger.sweep(grid.cells(), "未识别的单元格", "cell not recognised")
    return ImportResult([table], ledger.report_list(), ledger.placed_list())
