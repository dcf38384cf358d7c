"""Find the indicator heading in a paste: the run of column headings (一级指标 | 二级指标 |
三级指标 | 指标值 …) dividing a project's header block from its indicator rows.

The run may be wrapped over several lines, may go on over a few unknown headings
between known ones, and may stand in the middle of a line when a whole table
arrived as one line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tui.importing.cells import Cell
from tui.importing.columns import CORE, column_slot
from tui.importing.labels import header_label
from tui.importing.levels import is_level
from tui.importing.shapes import is_value

_GAP = 2  # unknown headings a run of known ones goes on over
_PIECES = 12  # a wrapped heading's second line holds at most this many pieces
_LIST_ITEM = re.compile(r"^[(（]?\d{1,2}[.、)）]")  # 1. 2、 (3)
_HEADLESS_ROWS = 3  # indicator rows before a first 项目名称 that make a table without a heading
_GAP_TEXT = 10


def heading_cell(cell: Cell) -> bool:
    if column_slot(cell.text):
        return True
    label = header_label(cell.text)
    return label is not None and label.kind == "columns"


def block_title(cell: Cell) -> bool:
    """Whether ``cell`` is an indicator block's title (绩效指标, 年度绩效指标), no column."""
    label = header_label(cell.text)
    return label is not None and label.kind == "columns" and column_slot(cell.text) is None


def core_count(cells: list[Cell]) -> int:
    return len({s for c in cells if (s := column_slot(c.text)) in CORE})


def _runs(row: list[Cell]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of heading cells in a row.

    A run goes on over a few unknown headings between known ones (``指标值内容 |
    评(扣分标准) | 度量单位``), or ending the row (``指标值 | 实施进度``): a misprinted or
    local column heading does not cut the heading row short.
    """
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, cell in enumerate(row):
        if heading_cell(cell):
            if start is None and runs and _bridged(row[runs[-1][1] : i]):
                start = runs.pop()[0]
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(row)))
    elif runs and _bridged(row[runs[-1][1] :]):  # unknown headings end the row (| 实施进度)
        runs[-1] = (runs[-1][0], len(row))
    return runs


def _bridged(gap: list[Cell]) -> bool:
    """Whether the cells between two runs of headings are unknown headings too."""
    return 0 < len(gap) <= _GAP and all(
        len(c.text) <= _GAP_TEXT
        and header_label(c.text) is None
        and not is_level(c.text)
        and not is_value(c.text)
        and not any(ch.isdigit() for ch in c.text)
        for c in gap
    )


def _numbers_rows(head: list[Cell]) -> bool:
    """Whether ``head`` is a 序号 heading alone: a stream's heading may open with it."""
    return all(column_slot(c.text) == "seq" for c in head)


Split = tuple[list[list[Cell]], list[Cell], list[list[Cell]]]


def _interleaved(row: list[Cell], below: list[Cell]) -> list[Cell] | None:
    """``… 三级指标 年度 实际 分值 …`` over ``指标值 完成值``: a heading row whose
    two-line headings wrapped, each line's pieces in order (年度 + 指标值, 实际 +
    完成值), as a web table's text gives them. The row with each heading joined, or
    ``None`` when no run of its unknown cells and the pieces make headings."""
    if not below or len(below) > _PIECES or core_count(row) < 2:
        return None
    if not all(heading_cell(c) and c.line > row[0].line for c in below):
        return None
    for start in range(len(row) - len(below) + 1):
        tops = row[start : start + len(below)]
        if any(heading_cell(top) for top in tops):
            continue
        texts = [top.text + piece.text for top, piece in zip(tops, below, strict=True)]
        if all(column_slot(text) is not None for text in texts):
            joined = list(row)
            for i, (top, piece, text) in enumerate(zip(tops, below, texts, strict=True)):
                joined[start + i] = replace(
                    top, text=text, end_line=piece.last_line, parts=(top, piece)
                )
            return joined
    return None


def _unwrapped(rows: list[list[Cell]]) -> list[list[Cell]]:
    """``rows`` with each heading row wrapped as ``_interleaved`` says joined."""
    out: list[list[Cell]] = []
    r = 0
    while r < len(rows):
        merged = _interleaved(rows[r], rows[r + 1]) if r + 1 < len(rows) else None
        out.append(rows[r] if merged is None else merged)
        r += 1 if merged is None else 2
    return out


def is_heading_row(row: list[Cell]) -> bool:
    """Whether ``row`` is a heading row as a whole: one run of headings (unknown ones
    between known ones too) naming two core columns or more."""
    return _runs(row) == [(0, len(row))] and core_count(row) >= 2


def find_heading(rows: list[list[Cell]]) -> Split | None:
    """Rows before the indicator heading, its cells, and the rows after it."""
    rows = _unwrapped(rows)
    for r, row in enumerate(rows):
        for start, end in _runs(row):
            head = row[start:end]
            if end < len(row):
                if core_count(head) >= 2:
                    return rows[:r] + [row[:start]], head, [row[end:]] + rows[r + 1 :]
                continue
            last = r
            while (
                (core_count(head) or _numbers_rows(head))
                and last + 1 < len(rows)
                and all(heading_cell(c) for c in rows[last + 1])
            ):
                last += 1
                head = head + rows[last]
            if core_count(head) >= 2:
                return rows[:r] + [row[:start]], head, rows[last + 1 :]
    return None


def indicator_block(rows: list[list[Cell]]) -> bool:
    """Whether ``rows`` hold an indicator heading with indicator rows under it (a
    一级/二级 name or a value among them, not a form's instructions), or indicator
    rows without one: a page's chunk that starts inside a table (a few rows each with
    a 一级/二级 name and a value)."""
    found = find_heading(rows)
    if found is None:
        return sum(1 for row in rows if _level_and_value(row)) >= _HEADLESS_ROWS
    return any(
        is_level(cell.text, strong=True) or is_value(cell.text) for row in found[2] for cell in row
    )


def _level_and_value(row: list[Cell]) -> bool:
    """A 一级/二级 name and a value in one row, not an item of a numbered list (1. 产出指标 …:
    a form's instructions)."""
    if not row or _LIST_ITEM.match(row[0].text):
        return False
    return any(is_level(c.text, strong=True) for c in row) and any(is_value(c.text) for c in row)
