"""A value's cells put right once a block's columns are known.

Single spaces and missing separators cut or glue a value's parts: ``≥`` + ``90%``
and ``100`` + ``%`` are one value where the block has no 指标性质 (单位) column
for the piece; ``=100`` is two cells where it has one; ``1010`` is a target and an
actual alike, glued, where the block has an actual-value column.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tui.importing.cells import Cell
from tui.importing.shapes import (
    UNITS,
    is_nature,
    is_operator,
    is_quantity,
    split_sign,
    trailing_sign,
)

_TWIN = re.compile(r"(\d{1,3}(?:\.\d+)?%?)\1")  # 2020, 1010, 100%100%
_UNIT_ONLY = re.compile(rf"(?:{UNITS})(?:/(?:{UNITS}))?")  # %, 人, 万元, 元/人


def split_trailing_signs(row: list[Cell], *, join: bool) -> list[Cell]:
    """``学校满意度≥`` + ``90%`` → ``学校满意度`` + ``≥ 90%``: a sign a single space cut
    from its quantity stays at the end of the name before it. It goes to its value
    (``join``), or stands as a cell of its own in a block with a 指标性质 column."""
    out: list[Cell] = []
    i = 0
    while i < len(row):
        cell = row[i]
        after = row[i + 1] if i + 1 < len(row) else None
        whole = not (cell.tabular or cell.parts or cell.end_line > cell.line)
        at = trailing_sign(cell.text) if whole else None
        if at is None or after is None or after.line != cell.line or not is_quantity(after.text):
            out.append(cell)
            i += 1
            continue
        sign = replace(cell, text=cell.text[at:], column=cell.column + at)
        out.append(replace(cell, text=cell.text[:at].rstrip()))
        if join:
            out.append(_joined(sign, after, at=after))
            i += 2
        else:
            out.append(sign)
            i += 1
    return out


def join_value_parts(row: list[Cell], *, signs: bool, units: bool) -> list[Cell]:
    """``≥`` + ``90%`` → ``≥ 90%`` (``signs``), ``100`` + ``%`` → ``100 %`` (``units``): a
    value a single space cut in two, in a block without a 指标性质 (or 单位) column for
    the piece to stand in. The joined cell remembers its parts."""
    out: list[Cell] = []
    for cell in row:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not (prev.tabular or cell.tabular)
            and prev.line == cell.line
            and (
                (signs and is_operator(prev.text) and is_quantity(cell.text))
                or (units and is_quantity(prev.text) and _UNIT_ONLY.fullmatch(cell.text))
            )
        ):
            out[-1] = _joined(prev, cell, at=prev)
        else:
            out.append(cell)
    return out


def _joined(first: Cell, second: Cell, *, at: Cell) -> Cell:
    """``first`` and ``second`` as one cell standing where ``at`` stands, remembering
    its parts (each placed or reported)."""
    parts = (*(first.parts or (first,)), *(second.parts or (second,)))
    return replace(at, text=f"{first.text} {second.text}", parts=parts)


def split_signs(row: list[Cell]) -> list[Cell]:
    """``=100`` → ``=`` + ``100``: a sign glued to its value in a block with a 指标性质 column,
    when no cell of the row stands in that column (the two keep the cell's place)."""
    if any(is_nature(cell.text) for cell in row):
        return row
    out: list[Cell] = []
    for cell in row:
        split = None if cell.tabular else split_sign(cell.text)
        if split is None:
            out.append(cell)
        else:
            out += [replace(cell, text=split[0]), replace(cell, text=split[1])]
    return out


def split_twins(row: list[Cell]) -> list[Cell]:
    """``2020`` → ``20`` + ``20``: a target and an actual value alike, glued, in a block
    with an actual-value column (a bare number made of one number twice)."""
    out: list[Cell] = []
    for cell in row:
        twin = _TWIN.fullmatch(cell.text)
        if twin and not cell.tabular:
            out += [replace(cell, text=twin.group(1)), replace(cell, text=twin.group(1))]
        else:
            out.append(cell)
    return out
