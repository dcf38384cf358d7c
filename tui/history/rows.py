"""Row identity: which row of one version is which row of another.

Rows carry no id in the file (see ``docs/format.md``, *Tables in git*); they are
matched by what they say, in phases, each phase pairing only rows the earlier
phases left over:

0. the same in-memory row (an editing session's rows keep their ``uid``);
1. identical rows (every cell equal), in order;
2. the same 一级 / 二级 / 三级 names (cells edited);
3. the same 三级 name under another 一级 / 二级 (moved to another group);
4. the most similar remaining rows, when at least ``SAME_ROW`` of their
   weighted cells agree (renamed: 三级 counts 3, each 指标值 2, any other cell 1).

Within a phase, the most similar candidates pair first, then the nearest in
position. A row whose name and both values all change at once is not
recognised: it reads as one row removed and another added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

from tui.history.cells import row_cells
from tui.model import Indicator
from tui.tomlfile.canonical import render_row

SAME_ROW = Fraction(2, 5)
WEIGHTS = {"name": 3, "medium": 2, "annual": 2}
FUZZY_PAIRS_LIMIT = 250_000  # beyond this many candidate pairs, only rows of one group compare


def _weighted(ca: dict[str, Any], cb: dict[str, Any]) -> tuple[int, int]:
    """(weight of equal cells, weight of all cells) of two rows' non-blank cells."""
    total = same = 0
    for key in ca.keys() | cb.keys():
        weight = WEIGHTS.get(key, 1)
        total += weight
        if ca.get(key) == cb.get(key):
            same += weight
    return same, total


def similarity(a: Indicator, b: Indicator) -> Fraction:
    """Weighted share of the non-blank cells of ``a`` and ``b`` that are equal."""
    same, total = _weighted(row_cells(a), row_cells(b))
    return Fraction(same, total) if total else Fraction(1)


def _pair(
    old: list[Indicator],
    new: list[Indicator],
    olds: Iterable[int],
    news: Iterable[int],
    minimum: Fraction,
    pairs: dict[int, int],
) -> None:
    """Pair the most similar of ``olds`` × ``news`` greedily (similarity, then position)."""
    scale_old, scale_new = max(len(old), 1), max(len(new), 1)
    cells_new = {j: row_cells(new[j]) for j in news}
    scored = []
    for i in olds:
        cells = row_cells(old[i])
        for j, other in cells_new.items():
            same, total = _weighted(cells, other)
            if total == 0:
                same = total = 1
            if same * minimum.denominator >= total * minimum.numerator:
                distance = abs(i / scale_old - j / scale_new)
                scored.append((-same / total, distance, i, j))
    scored.sort()
    used_new = set(pairs.values())
    for _, _, i, j in scored:
        if i not in pairs and j not in used_new:
            pairs[i] = j
            used_new.add(j)


def _grouped(
    old: list[Indicator],
    new: list[Indicator],
    pairs: dict[int, int],
    key: Callable[[Indicator], object],
    minimum: Fraction,
) -> None:
    """Pair still-unmatched rows that share ``key``."""
    used = set(pairs.values())
    groups: dict[object, tuple[list[int], list[int]]] = {}
    for i, row in enumerate(old):
        if i not in pairs:
            groups.setdefault(key(row), ([], []))[0].append(i)
    for j, row in enumerate(new):
        if j not in used and key(row) in groups:
            groups[key(row)][1].append(j)
    for olds, news in groups.values():
        if olds and news:
            if len(olds) == len(news) == 1 and minimum == 0:
                pairs[olds[0]] = news[0]
            else:
                _pair(old, new, olds, news, minimum, pairs)


def match_rows(old: list[Indicator], new: list[Indicator], *, fuzzy: bool = True) -> dict[int, int]:
    """Index in ``old`` → index in ``new`` for every row recognised in both.

    ``fuzzy=False`` stops after phase 2 (same names): for rows that both sides
    added, which are the same row only when they are named the same.
    """
    pairs: dict[int, int] = {}
    by_uid = {row.uid: j for j, row in enumerate(new)}
    for i, row in enumerate(old):
        if row.uid in by_uid:
            pairs[i] = by_uid[row.uid]
    used = set(pairs.values())
    texts: dict[str, list[int]] = {}
    for j, row in enumerate(new):
        if j not in used:
            texts.setdefault(render_row(row), []).append(j)
    for i, row in enumerate(old):
        waiting = texts.get(render_row(row)) if i not in pairs else None
        if waiting:
            pairs[i] = waiting.pop(0)
    _grouped(old, new, pairs, lambda r: (r.level1, r.level2, r.name), Fraction(0))
    if not fuzzy:
        return pairs
    _grouped(old, new, pairs, lambda r: r.name, SAME_ROW)
    olds = [i for i in range(len(old)) if i not in pairs]
    used = set(pairs.values())
    news = [j for j in range(len(new)) if j not in used]
    if len(olds) * len(news) <= FUZZY_PAIRS_LIMIT:
        _pair(old, new, olds, news, SAME_ROW, pairs)
    else:
        _grouped(old, new, pairs, lambda r: (r.level1, r.level2), SAME_ROW)
    return pairs


def moved_rows(pairs: dict[int, int], keep: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """The old indexes of rows that changed place relative to the others.

    The rows kept in place are a longest increasing subsequence of old positions
    in new order; among the longest, the one that keeps most of ``keep`` (rows
    known to have been moved by someone else), then the one whose rows moved
    least, so that a row carried far is the one reported as moved, not its
    neighbours.
    """
    order = sorted(pairs.items(), key=lambda item: item[1])
    count = len(order)
    if count < 2:
        return set()
    rank_old = {i: r for r, i in enumerate(sorted(pairs))}
    prefer = count * count + 1  # outweighs any total displacement
    big = count * (prefer + 1) + 1  # outweighs any preference: the longest comes first
    weights = [
        big + prefer * (i in keep) - abs(rank_old[i] - rank_new)
        for rank_new, (i, _) in enumerate(order)
    ]
    tree = [(0, -1)] * (count + 1)  # Fenwick tree over old ranks: (best total, item)
    best_at: list[int] = [0] * count
    back: list[int] = [-1] * count
    for position, (i, _) in enumerate(order):
        rank, best = rank_old[i], (0, -1)
        k = rank
        while k > 0:
            best = max(best, tree[k])
            k -= k & -k
        best_at[position] = best[0] + weights[position]
        back[position] = best[1]
        k = rank + 1
        while k <= count:
            tree[k] = max(tree[k], (best_at[position], position))
            k += k & -k
    position = max(range(count), key=best_at.__getitem__)
    kept = set()
    while position != -1:
        kept.add(order[position][0])
        position = back[position]
    return {i for i, _ in order if i not in kept}
