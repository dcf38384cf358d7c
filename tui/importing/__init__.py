"""Import tables pasted from Excel, WPS, Word, web pages or PDF (``jixiao import``).

``import_text`` reads a whole paste — one or more projects with their header,
funding, goals and indicator block — into ``Table`` objects; ``import_rows``
reads indicator rows only, for pasting rows into an open table. Every
non-empty cell of the input is either placed (``ImportResult.placed``) or
reported with its position and a reason (``ImportResult.report``);
``ImportResult.notes`` says what was changed on the way (元 → 万元, an
annotation dropped from a label, a converter's traditional characters read as
simplified). Files (.xlsx, .docx, .pdf) are turned into
the same text first by ``tui.importing.files``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.importing.cells import split_cells
from tui.importing.files import Source, read_source
from tui.importing.heading import find_heading
from tui.importing.indicators import IndicatorReader, read_indicators
from tui.importing.ledger import Ledger, Placed, Unplaced
from tui.importing.profiles import guess_profile, profile_of
from tui.importing.project import import_grid
from tui.importing.script import Restored, restore_script
from tui.model import DEFAULT_FRAMEWORK, Table

__all__ = ["ImportResult", "Placed", "Unplaced", "import_file", "import_rows", "import_text"]


@dataclass
class ImportResult:
    """The tables read from a paste, the cells that were not placed, and notes."""

    tables: list[Table]
    report: list[Unplaced]
    placed: list[Placed] = field(default_factory=list)
    notes: list[Unplaced] = field(default_factory=list)


def import_text(
    text: str, *, framework: str | None = None, year: int | None = None
) -> ImportResult:
    """Read every project in pasted ``text``.

    ``framework`` ("2015" or "2021") is stored in each table; without it the
    framework is guessed from the tree (成本指标 as a 一级 → 2021, else 2015).
    ``year`` overrides the year found in a title such as "2021年项目支出预算绩效目标表".
    """
    script = restore_script(text)
    tables, ledger = import_grid(split_cells(script.text), framework, year)
    return _result(tables, ledger, script)


def import_file(
    path: Path, *, framework: str | None = None, year: int | None = None
) -> tuple[ImportResult, Source]:
    """Read every project in an .xlsx, .docx or .pdf file (see ``tui.importing.files``).

    Returns the result and the file's ``Source``, whose ``where(line, column)``
    names a report position in the file's own terms (``Sheet1!C12``).
    """
    source = read_source(path)
    result = ImportResult([], [])
    for grid in source.grids():
        tables, ledger = import_grid(grid, framework, year)
        offset = len(result.tables)
        result.tables += tables
        result.report += ledger.report_list()
        result.placed += [replace(p, table=p.table + offset) for p in ledger.placed_list()]
        result.notes += ledger.notes
    return result, source


def import_rows(
    text: str, *, framework: str = DEFAULT_FRAMEWORK, evaluation: bool = True
) -> ImportResult:
    """Read indicator rows only (no header block): one ``Table`` holding just the rows.

    Columns are found by a heading row when there is one (一级指标 … 指标值, with
    any extra columns), else by content and count: 3 to 7 columns of 三级 +
    values, 二级 + 三级 + values, 一级 + 二级 + 三级 + 中期 + 年度, with 年度三级,
    with 性质/单位/权重; without ``evaluation`` (rows pasted into a target table) never
    a self-evaluation's 实际值/分值/得分. A blank cell stays an absent value.
    """
    script = restore_script(text)
    grid = split_cells(script.text)
    table = Table(framework=framework)
    ledger = Ledger()
    found = find_heading(grid.rows)
    rows = grid.rows
    profile = None
    if found is not None:
        before, head, rows = found
        rows = [row for row in rows if row]
        for cell in head:
            ledger.place(cell, 0, ("label", "column"))
        profile = profile_of(head)
        for row in before:
            ledger.sweep(row, "指标表头之前的文字", "text before the indicator heading")
    profile = profile or guess_profile(rows, framework, stream=grid.stream, evaluation=evaluation)
    reader = IndicatorReader(table, 0, ledger)
    read_indicators(rows, reader, profile=profile, stream=grid.stream)
    ledger.sweep(grid.cells(), "未识别的单元格", "cell not recognised")
    return _result([table], ledger, script)


def _result(tables: list[Table], ledger: Ledger, script: Restored) -> ImportResult:
    """The result of reading ``script``: positions those of the paste as given."""
    return ImportResult(
        tables,
        script.moved(ledger.report_list()),
        script.moved(ledger.placed_list()),
        script.notes + script.moved(ledger.notes),
    )
