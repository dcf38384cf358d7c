"""Three-way merge of tables at the level of cells.

``merge_tables(base, mine, theirs)`` returns the merged table. Every cell
(a schema field or an unknown key, of a section or of a row matched by
``tui.history.rows``) merges on its own: changed on one side only → that
change; changed the same way on both → once; changed differently → a conflict,
recorded in the table next to the cell (``tui.history.conflicts``) with
*mine* in the cell. So edits to different cells of one row merge cleanly.

Rows: a row removed on one side is removed unless the other side changed it
(then it is kept, changed, with a row conflict). Rows added on both sides
with the same 一级/二级/三级 are one row (their cells merged as if added to a
blank row). Order: the order of the *layout* side, with the other side's
added rows and the rows only the other side moved placed after the row that
precedes them there (rows both sides insert after one row: the other side's
first). The layout side is the one whose text will be written (``"mine"`` for
``jixiao merge``, ``"theirs"`` — the file on disk — for the editor), and its
rows keep their in-memory ``uid`` so that the minimal-change save keeps their
blocks as written.
"""

from __future__ import annotations

from typing import Any

from tui.history.cells import (
    ROWS,
    SECTIONS,
    cell_keys,
    get_cell,
    holder,
    row_holder,
    row_parts,
    set_cell,
)
from tui.history.conflicts import RECORD_KEY, add_record, add_row_record
from tui.history.rows import match_rows, moved_rows
from tui.model import Indicator, Monitoring, Table

LAYOUTS = ("mine", "theirs")


def merge_value(base: Any, mine: Any, theirs: Any) -> tuple[Any, bool]:
    """The merged value of one cell, and whether it is a conflict (then *mine* is kept)."""
    if mine == theirs or theirs == base:
        return mine, False
    if mine == base:
        return theirs, False
    return mine, True


def _keys(objs: list[Any], section: tuple) -> list[str]:
    keys: dict[str, None] = {}
    for obj in objs:
        if obj is not None:
            keys.update(dict.fromkeys(cell_keys(obj, section)))
    return list(keys)


def _merge_cells(out: Any, section: tuple, base: Any, mine: Any, theirs: Any) -> None:
    """Merge every cell of one section or row into ``out``, recording conflicts there."""
    clashes = []
    for key in _keys([mine, theirs, base], section):
        if key == RECORD_KEY:
            continue
        values = [
            None if obj is None else get_cell(obj, section, key) for obj in (base, mine, theirs)
        ]
        value, clash = merge_value(*values)
        set_cell(out, section, key, value)
        if clash:
            clashes.append((key, values))
    records = [None if obj is None else obj.extra.get(RECORD_KEY) for obj in (base, mine, theirs)]
    value, _ = merge_value(*records)
    set_cell(out, section, RECORD_KEY, dict(value) if isinstance(value, dict) else value)
    for key, (b, m, t) in clashes:
        add_record(out, key, b, m, t)


def _merge_row(base: Indicator | None, mine: Indicator, theirs: Indicator, uid: int) -> Indicator:
    row = Indicator(uid=uid)
    _merge_cells(row, ROWS, base, mine, theirs)
    for part in row_parts([base, mine, theirs])[1:]:
        month = Monitoring()
        _merge_cells(month, part, *(row_holder(r, part) for r in (base, mine, theirs)))
        if not month.empty:
            row.monitoring[part[2]] = month
    return row


def _anchors(count: int, pairs: dict[int, int], moved: set[int]) -> set[int]:
    """The base rows that stand right before a moved or an added row on one side.

    ``count`` is the number of rows on that side, ``pairs`` base → side index.
    """
    base_at = {j: i for i, j in pairs.items()}
    anchors = set()
    last = None  # the nearest base row seen so far
    for j in range(count):
        i = base_at.get(j)
        if (i is None or i in moved) and last is not None:
            anchors.add(last)
        if i is not None:
            last = i
    return anchors


def _placed(order: list[Indicator], row: Indicator) -> int:
    """The position of ``row`` (by identity) in ``order``, or -1."""
    return next((i for i, r in enumerate(order) if r is row), -1)


class _RowMerge:
    """The rows of a merge: which result row each side's row became, and their order."""

    def __init__(self, base: Table, mine: Table, theirs: Table, layout: str) -> None:
        self.base, self.mine, self.theirs = base.indicators, mine.indicators, theirs.indicators
        self.layout = layout
        self.to_mine = match_rows(self.base, self.mine)
        self.to_theirs = match_rows(self.base, self.theirs)
        self.of_mine: dict[int, Indicator] = {}
        self.of_theirs: dict[int, Indicator] = {}

    def uid(self, mine: int | None, theirs: int | None) -> int:
        side, index = (self.mine, mine) if self.layout == "mine" else (self.theirs, theirs)
        if index is None:
            side, index = (self.theirs, theirs) if self.layout == "mine" else (self.mine, mine)
        assert index is not None
        return side[index].uid

    def merge(self) -> list[Indicator]:
        for i, base_row in enumerate(self.base):
            self._base_row(i, base_row)
        self._added()
        return self._order()

    def _base_row(self, i: int, base_row: Indicator) -> None:
        m, t = self.to_mine.get(i), self.to_theirs.get(i)
        if m is not None and t is not None:
            row = _merge_row(base_row, self.mine[m], self.theirs[t], self.uid(m, t))
            self.of_mine[m] = self.of_theirs[t] = row
            return
        for kept, index, removed_in, result in (
            (self.mine, m, "theirs", self.of_mine),
            (self.theirs, t, "mine", self.of_theirs),
        ):
            if index is not None and kept[index] != base_row:
                row = kept[index].copy()
                row.uid = self.uid(m, t)
                add_row_record(row, removed_in, base_row)
                result[index] = row

    def _added(self) -> None:
        new_mine = [j for j in range(len(self.mine)) if j not in self.of_mine]
        new_mine = [j for j in new_mine if j not in set(self.to_mine.values())]
        new_theirs = [j for j in range(len(self.theirs)) if j not in self.of_theirs]
        new_theirs = [j for j in new_theirs if j not in set(self.to_theirs.values())]
        both = match_rows(
            [self.mine[j] for j in new_mine], [self.theirs[j] for j in new_theirs], fuzzy=False
        )
        for a, b in both.items():
            m, t = new_mine[a], new_theirs[b]
            row = _merge_row(None, self.mine[m], self.theirs[t], self.uid(m, t))
            self.of_mine[m] = self.of_theirs[t] = row
        for j in new_mine:
            if j not in self.of_mine:
                self.of_mine[j] = self.mine[j].copy()
        for j in new_theirs:
            if j not in self.of_theirs:
                self.of_theirs[j] = self.theirs[j].copy()

    def _order(self) -> list[Indicator]:
        if self.layout == "mine":
            lead, lead_of, lead_pairs = self.mine, self.of_mine, self.to_mine
            other, other_of, other_pairs = self.theirs, self.of_theirs, self.to_theirs
        else:
            lead, lead_of, lead_pairs = self.theirs, self.of_theirs, self.to_theirs
            other, other_of, other_pairs = self.mine, self.of_mine, self.to_mine
        order = [lead_of[j] for j in range(len(lead)) if j in lead_of]
        # Which rows a side moved is ambiguous when several moved (2,0,1 from 0,1,2 is
        # "2 moved up" or "0 and 1 moved down"; 1,3,0,2 has three readings): prefer
        # readings where the rows the lead put rows after stayed put on the other side,
        # and the rows the other side moved or put rows after stayed put on the lead's.
        anchors = _anchors(len(lead), lead_pairs, moved_rows(lead_pairs))
        other_moved_base = moved_rows(other_pairs, keep=anchors)
        other_moved = {other_pairs[i] for i in other_moved_base}
        keep = other_moved_base | _anchors(len(other), other_pairs, other_moved_base)
        lead_moved = {lead_pairs[i] for i in moved_rows(lead_pairs, keep=keep)}
        lead_moved_rows = {id(lead_of[j]) for j in lead_moved if j in lead_of}
        in_order = {id(r) for r in order}
        place = set()
        for j in range(len(other)):
            row = other_of.get(j)
            if row is None:
                continue
            if id(row) not in in_order:
                place.add(j)
            elif j in other_moved and id(row) not in lead_moved_rows:
                order.pop(_placed(order, row))
                place.add(j)
        for j in sorted(place):
            anchor = -1
            for k in range(j - 1, -1, -1):
                before = other_of.get(k)
                if before is not None:
                    anchor = _placed(order, before)
                    if anchor >= 0:
                        break
            order.insert(anchor + 1, other_of[j])
        return order


def merge_tables(base: Table, mine: Table, theirs: Table, *, layout: str = "mine") -> Table:
    """The three-way merge of ``mine`` and ``theirs`` from ``base`` (see the module doc).

    The result carries its conflicts as records; read them with
    ``tui.history.conflicts.conflicts_in`` and settle each with ``resolve``.
    """
    if layout not in LAYOUTS:
        raise ValueError(layout)
    result = (mine if layout == "mine" else theirs).clone()
    for section in SECTIONS:
        objs = [holder(t, section) for t in (base, mine, theirs)]
        _merge_cells(holder(result, section), section, *objs)
    result.indicators = _RowMerge(base, mine, theirs, layout).merge()
    return result
