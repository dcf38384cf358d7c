"""Finding a vertical scroll between two frames, so the terminal can move the lines itself.

When a list scrolls, Textual rewrites every visible line. If most lines of
the new frame are lines of the old frame shifted by ``k`` rows, the writer can
set a scroll region (DECSTBM) over them and delete or insert ``k`` lines
(DL/IL, VT102), then write only the cells that still differ. Regions span the
full width (left/right margins are not widely supported), so the choice
weighs the cells that the shift breaks beside the list too.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

Row = tuple[list[str], list[int]]  # characters and style ids of one line
_CELL_BYTES = 2  # rough bytes written per differing cell (text plus colour changes)
_OVERHEAD = 24  # bytes of region, cursor, delete/insert, reset and a pen reset
_MAX_SAME = 4  # half-lines that occur more often than this say nothing (blank lines)


class Scroll(NamedTuple):
    """Rows ``top``..``bottom`` (inclusive) move up by ``shift`` rows (down when negative)."""

    top: int
    bottom: int
    shift: int


def differing(a: Row, b: Row) -> int:
    """How many cells of two lines differ."""
    if a[0] == b[0] and a[1] == b[1]:
        return 0
    return sum(1 for p, q, s, t in zip(a[0], b[0], a[1], b[1]) if p != q or s != t)


def _halves(row: Row) -> tuple[tuple, tuple]:
    chars, styles = row
    half = len(chars) // 2
    return (0, *chars[:half], *styles[:half]), (1, *chars[half:], *styles[half:])


def _candidates(old: list[Row], new: list[Row], changed: set[int]) -> list[int]:
    where: dict[tuple, list[int]] = {}
    for y, row in enumerate(old):
        for key in _halves(row):
            where.setdefault(key, []).append(y)
    votes: Counter[int] = Counter()
    for y in changed:
        for key in _halves(new[y]):
            rows = where.get(key, ())
            if len(rows) <= _MAX_SAME:
                votes.update(source - y for source in rows if source != y)
    return [shift for shift, count in votes.most_common(3) if count >= 2]


def find_scroll(old: list[Row], new: list[Row], changed: set[int], blank: Row) -> Scroll | None:
    """The scroll of a region that saves most bytes turning ``old`` into ``new``, if any.

    ``old`` and ``new`` are whole frames (rows of equal width), ``changed`` the
    rows that differ, ``blank`` the line that a deleted or inserted line shows.
    """
    height = len(old)
    stay = [differing(new[y], old[y]) if y in changed else 0 for y in range(height)]
    empty = [differing(new[y], blank) for y in range(height)]
    best: tuple[int, Scroll] | None = None
    for shift in _candidates(old, new, changed):
        moved = [
            differing(new[y], old[y + shift]) if 0 <= y + shift < height else 10**6
            for y in range(height)
        ]
        gain = _best_region(stay, moved, empty, shift)
        if gain is not None and (best is None or gain[0] > best[0]):
            best = gain
    if best is None or best[0] * _CELL_BYTES <= _OVERHEAD:
        return None
    return best[1]


def _prefix(values: list[int]) -> list[int]:
    sums = [0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def _best_region(
    stay: list[int], moved: list[int], empty: list[int], shift: int
) -> tuple[int, Scroll] | None:
    """The region (and its gain in cells) where scrolling by ``shift`` helps most."""
    height, size = len(stay), abs(shift)
    saved_moved = _prefix([s - m for s, m in zip(stay, moved)])
    saved_empty = _prefix([s - e for s, e in zip(stay, empty)])
    best: tuple[int, Scroll] | None = None
    for top in range(height):
        for bottom in range(top + size, height):
            if shift > 0:  # rows top..bottom-size show old rows below; the last rows are new
                gain = saved_moved[bottom - size + 1] - saved_moved[top]
                gain += saved_empty[bottom + 1] - saved_empty[bottom - size + 1]
            else:  # the first rows are new; rows top+size..bottom show old rows above
                gain = saved_empty[top + size] - saved_empty[top]
                gain += saved_moved[bottom + 1] - saved_moved[top + size]
            if best is None or gain > best[0]:
                best = (gain, Scroll(top, bottom, shift))
    return best
