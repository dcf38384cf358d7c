"""What a line or a block of a paste is, before it is read: the start of a project, a
glued line holding two projects, another kind of table's heading, a block written one
cell per line, a title over medium-term targets, the cell that names a line.
"""

from __future__ import annotations

import itertools

from tui.importing.cells import Cell
from tui.importing.columns import CORE, column_slot
from tui.importing.heading import core_count
from tui.importing.labels import (
    PAGE_TITLE,
    UNIT_NOTE,
    furniture,
    header_label,
    medium_term_title,
    names_project,
)
from tui.importing.levels import is_level, is_nested_top

_UNIT_LINE = 3  # a line this short closed by a unit note is the top line of a table
_STREAM_ROWS, _STREAM_SHARE = 4, 0.9  # a block this long, this share of it one cell a line
_TITLE_REACH = 3  # lines above an indicator heading that may title its block
_NUMBER_HEADINGS = ("序号", "编号")
_OTHER_WIDTH = 3
_TITLE_MAX = 80  # a form's title is a line, not a glued page


def split_at_levels(rows: list[list[Cell]]) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """Rows before the first 一级/二级 name (the header block) and from it on; the top of
    a nested tree (实施效果指标, over 产出指标) is such a name."""
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            level = is_level(cell.text, strong=True) or is_nested_top(cell.text)
            if level and header_label(cell.text) is None:
                return rows[:r] + [row[:i]], [row[i:]] + rows[r + 1 :]
    return rows, []


def has_field(row: list[Cell]) -> bool:
    return any((lab := header_label(c.text)) and lab.kind == "field" for c in row)


def is_project_start(row: list[Cell]) -> bool:
    """A row naming a project (项目名称 …), not an indicator row whose note says 项目名称:
    after its 一级/二级 names, or last in a row of real columns that does not start with
    it (found by the TSV round trip's property test)."""
    at = next((k for k, cell in enumerate(row) if names_project(cell.text)), None)
    if at is None or core_count(row) >= 2 or titles_project(row, at):
        return False
    noted = row[at].tabular and row[at].index > 0 and at == len(row) - 1
    return not noted and not any(is_level(cell.text, strong=True) for cell in row[:at])


def titles_project(row: list[Cell], at: int) -> bool:
    """Whether the 项目名称 at ``at`` is a web page's field holding the form's title
    (``项目名称: …绩效自评表``, a tender site's listing), not a project's name."""
    value = row[at + 1].text if at + 1 < len(row) else ""
    return len(value) <= _TITLE_MAX and furniture(value) == PAGE_TITLE


def projects_in_line(row: list[Cell]) -> list[list[Cell]]:
    """A glued line cut before each 项目名称 that follows an indicator heading in it
    (and again at that project's own heading).

    When a page's projects lost their separators, one line can hold the end of
    one project's indicator block and the start of the next project.
    """
    cuts: list[int] = []
    part = ""  # what the cells since the last cut are: a project's header or its indicators
    for i, cell in enumerate(row):
        if column_slot(cell.text) in CORE:
            if part == "header":
                cuts.append(i)
            part = "indicators"
        elif names_project(cell.text):
            if part == "indicators":
                cuts.append(i)
            part = "header"
    bounds = [0, *cuts, len(row)]
    return [row[a:b] for a, b in itertools.pairwise(bounds) if row[a:b]]


def other_heading(row: list[Cell]) -> bool:
    """A heading row of another kind of table: ``序号`` first, no indicator column heading."""
    return len(row) >= _OTHER_WIDTH and row[0].text in _NUMBER_HEADINGS and core_count(row) == 0


def one_cell_rows(body: list[list[Cell]]) -> bool:
    """An indicator block written one cell per line in a page whose other text is not
    (a report's prose around a table copied from the web): the block is a stream."""
    single = sum(1 for row in body if len(row) == 1)
    return len(body) >= _STREAM_ROWS and single >= _STREAM_SHARE * len(body)


def half_titled(before: list[list[Cell]]) -> str:
    """``medium`` when one of the last lines before a heading titles medium-term targets."""
    near = [c for row in [row for row in before if row][-_TITLE_REACH:] for c in row]
    return "medium" if any(medium_term_title(c.text) for c in near) else "annual"


def naming_cell(cells: list[Cell]) -> Cell:
    """The cell that says what a line is: its first, or the unit note closing a short line
    (``207101天津市河北区人民法院 | 单位:万元``: the top line of the next table)."""
    last = cells[-1]
    unit = furniture(last.text)
    short = 1 < len(cells) <= _UNIT_LINE
    if short and unit and unit[0] == UNIT_NOTE and not any(header_label(c.text) for c in cells):
        return last
    return cells[0]
