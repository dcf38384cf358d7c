"""Where a new or pasted row goes: within its 一级/二级 group, so groups stay together.

The printed form merges the level cells of neighbouring rows, so a row must
stand with the other rows of its group (rule T010 says when they do not).
"""

from __future__ import annotations

from tui.frameworks import canonical_label, get_framework
from tui.model import Indicator


def _group(row: Indicator) -> tuple[str, str]:
    return canonical_label(row.level1, 1), canonical_label(row.level2, 2)


def place_row(rows: list[Indicator], row: Indicator, after: int | None, framework: str) -> int:
    """The index where ``row`` goes among ``rows``; it adopts its group's spelling.

    After row ``after`` when that row is of its group, else after the group's
    last row, else after its 一级's last row, else before the first 一级 that
    comes later in ``framework``, else at the end.
    """
    level1, level2 = _group(row)
    same = [i for i, r in enumerate(rows) if _group(r) == (level1, level2)]
    if same:
        row.level1, row.level2 = rows[same[0]].level1, rows[same[0]].level2
        if after is not None and after in same:
            return after + 1
        return same[-1] + 1
    same_l1 = [i for i, r in enumerate(rows) if _group(r)[0] == level1]
    if same_l1:
        row.level1 = rows[same_l1[0]].level1
        return same_l1[-1] + 1
    order = get_framework(framework).level1
    rank = order.index(level1) if level1 in order else len(order)
    later = [i for i, r in enumerate(rows) if _group(r)[0] in order[rank + 1 :]]
    return later[0] if later else len(rows)
