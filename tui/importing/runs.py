"""Cut a run of cells into indicator rows: a stream (one cell per line) or a whole
table glued into one line, read with ``tui.importing.align``'s scores.

Every way to cut the run into rows is scored — each row by ``align``, a cell left
out of every row at a cost — and the best kept. Rows of one table fill the same
columns: the run is cut again with a bonus for the rows of the usual shape.
"""

from __future__ import annotations

from collections import Counter

from tui.importing.align import (
    LEVEL_SLOTS,
    NAME_SLOTS,
    ROW_BONUS,
    Profile,
    Reading,
    Scorer,
    align,
)
from tui.importing.cells import Cell
from tui.importing.columns import VALUE_SLOTS

SKIP_CELL = 10.0  # cost of a cell that fits no row
LONG_ROW = 2  # a row this many cells longer than the profile is read as a run
_USUAL_SHAPE = 3.0  # a row of a run filling the same columns as most rows
_USUAL_ROWS = 3


def _valueless(reading: Reading) -> float:
    """What a run's row without a value costs: its bonus, so a self-evaluation's note
    (资金下达较晚) does not read as a 三级 of its own."""
    valued = any(s in reading.slots for s in VALUE_SLOTS)
    return ROW_BONUS if _named(reading) and not valued else 0.0


def _shape(reading: Reading) -> frozenset[str]:
    """The columns a row fills besides its 一级/二级 (merged cells leave those out)."""
    return frozenset(s for s in reading.slots if s not in LEVEL_SLOTS)


def segment(
    cells: list[Cell], profile: Profile, scorer: Scorer, *, settle: bool = True
) -> list[Reading | Cell]:
    """Cut a run of cells into rows (``Reading``) and cells that fit no row (``Cell``).

    Rows of one table fill the same columns: the run is cut a second time with a
    bonus for rows of the shape most rows took the first time, so a self-evaluation's
    verdict and note (基本达到预期, 资金下达较晚) stay in the row instead of
    starting one of their own (not when only ``settle`` is false: a guess's fit).
    """
    full = frozenset(s for s in profile.slots if s not in LEVEL_SLOTS)
    first = _cut(cells, profile, scorer, full)
    if not settle:
        return first
    shapes = Counter(_shape(r) for r in first if isinstance(r, Reading) and _named(r))
    if not shapes:
        return first
    usual, count = shapes.most_common(1)[0]
    if count < _USUAL_ROWS or (usual == full and len(shapes) == 1):
        return first  # too few rows to tell, or every row already complete
    return _cut(cells, profile, scorer, usual)


def _named(reading: Reading) -> bool:
    return any(s in reading.slots for s in NAME_SLOTS)


def _cut(
    cells: list[Cell], profile: Profile, scorer: Scorer, usual: frozenset[str] | None
) -> list[Reading | Cell]:
    n = len(cells)
    longest = len(profile.slots) + 1
    best: list[tuple[float, int, Reading | None]] = [(0.0, 0, None)] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice: tuple[float, int, Reading | None] = (best[i + 1][0] - SKIP_CELL, 1, None)
        for length in range(1, min(longest, n - i) + 1):
            reading = align(cells[i : i + length], profile, scorer, whole=False)
            if reading is None:
                continue
            total = reading.score + best[i + length][0] - _valueless(reading)
            if usual is not None and _shape(reading) == usual:
                total += _USUAL_SHAPE
            if total > choice[0]:
                choice = (total, length, reading)
        best[i] = choice
    out: list[Reading | Cell] = []
    i = 0
    while i < n:
        _, length, reading = best[i]
        out.append(reading if reading is not None else cells[i])
        i += length
    return out
