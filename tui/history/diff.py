"""Cell-level differences between two versions of a table, in table terms.

``diff_tables(old, new)`` matches rows by ``tui.history.rows.match_rows`` and
reports: changed cells of the header, funding, goals and other sections;
rows added, removed and moved; and per matched row its changed cells
(field: old → new). A 指标值 change that asks for less is marked ``lowered``;
when the old version is approved (``[project] approved``), every change to a
target is marked ``after_approval``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.fields import FieldRef
from tui.history.cells import (
    ROWS,
    SECTIONS,
    cell_keys,
    cell_ref,
    get_cell,
    holder,
    row_holder,
    row_parts,
)
from tui.history.rows import match_rows, moved_rows
from tui.history.targets import (
    GOAL_TARGET_KEYS,
    ROW_TARGET_KEYS,
    VALUE_KEYS,
    lowers_target,
    row_kind,
)
from tui.model import Indicator, Table


@dataclass(frozen=True)
class CellChange:
    """One cell whose value changed. Row cells are referenced by their index in the new table."""

    ref: FieldRef
    old: Any
    new: Any
    lowered: bool = False  # a 指标值 that asks for less than before
    after_approval: bool = False  # a target changed although the old version was approved

    @property
    def key(self) -> str:
        """The key of the cell (``"annual"``, ``"total"``, an unknown key)."""
        return self.ref[-1]


@dataclass
class RowChange:
    """A row added, removed, moved or with changed cells."""

    old_index: int | None
    new_index: int | None
    old: Indicator | None
    new: Indicator | None
    moved: bool = False
    cells: list[CellChange] = field(default_factory=list)
    after_approval: bool = False  # added or removed although the old version was approved

    @property
    def kind(self) -> str:
        """``"added"``, ``"removed"``, ``"changed"`` (cells, maybe moved too) or ``"moved"``."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if self.cells else "moved"

    @property
    def row(self) -> Indicator:
        """The row as it is now, or as it was when removed."""
        row = self.new if self.new is not None else self.old
        assert row is not None
        return row


@dataclass
class TableDiff:
    """Everything that differs between two versions of one table."""

    fields: list[CellChange]
    rows: list[RowChange]
    approved: str | None = None  # the old version's approval mark

    @property
    def empty(self) -> bool:
        """Whether the two versions hold the same table."""
        return not self.fields and not self.rows

    def cell_changes(self) -> list[CellChange]:
        """Every changed cell, sections first, then rows."""
        return self.fields + [c for row in self.rows for c in row.cells]

    @property
    def lowered(self) -> list[CellChange]:
        """The 指标值 changes that lower a target."""
        return [c for c in self.cell_changes() if c.lowered]

    @property
    def flagged(self) -> bool:
        """Whether anything is highlighted: a lowered target, or a change after approval."""
        return any(c.lowered or c.after_approval for c in self.cell_changes()) or any(
            r.after_approval for r in self.rows
        )


def _approval(table: Table) -> str | None:
    mark = table.header.approved
    return mark if isinstance(mark, str) and mark.strip() else None


def _row_cells(old: Indicator, new: Indicator, index: int, approved: bool) -> list[CellChange]:
    changes = []
    kind = row_kind(new)
    for part in row_parts([old, new]):
        a, b = row_holder(old, part), row_holder(new, part)
        for key in _keys(a, b, part):
            before, after = get_cell(a, part, key), get_cell(b, part, key)
            if before == after:
                continue
            own = part == ROWS
            changes.append(
                CellChange(
                    cell_ref(part, key, index),
                    before,
                    after,
                    lowered=own and key in VALUE_KEYS and lowers_target(before, after, kind),
                    after_approval=approved and own and key in ROW_TARGET_KEYS,
                )
            )
    return changes


def _keys(a: Any, b: Any, section: FieldRef) -> list[str]:
    """The cell keys of ``a`` and ``b`` (either may be ``None``), without repeats."""
    found: dict[str, None] = {}
    for obj in (a, b):
        if obj is not None:
            found.update(dict.fromkeys(cell_keys(obj, section)))
    return list(found)


def diff_sections(old: Table, new: Table, approved: bool = False) -> list[CellChange]:
    """Changed cells outside the rows, in document order."""
    changes = []
    for section in SECTIONS:
        a, b = holder(old, section), holder(new, section)
        for key in _keys(a, b, section):
            before, after = get_cell(a, section, key), get_cell(b, section, key)
            if before != after:
                target = approved and section == ("goals",) and key in GOAL_TARGET_KEYS
                changes.append(CellChange(cell_ref(section, key), before, after, False, target))
    return changes


def diff_tables(old: Table, new: Table) -> TableDiff:
    """The differences from ``old`` to ``new`` (see the module doc)."""
    mark = _approval(old)
    approved = mark is not None
    pairs = match_rows(old.indicators, new.indicators)
    moved = moved_rows(pairs)
    back = {j: i for i, j in pairs.items()}
    rows: list[RowChange] = []
    removed_after: dict[int, list[RowChange]] = {}  # new index (-1: at the top) → rows removed
    last_new = -1
    for i, row in enumerate(old.indicators):
        if i in pairs:
            last_new = pairs[i]
        else:
            change = RowChange(i, None, row, None, after_approval=approved)
            removed_after.setdefault(last_new, []).append(change)
    rows.extend(removed_after.get(-1, []))
    for j, row in enumerate(new.indicators):
        was = back.get(j)
        if was is None:
            rows.append(RowChange(None, j, None, row, after_approval=approved))
        else:
            before = old.indicators[was]
            cells = [] if before == row else _row_cells(before, row, j, approved)
            if cells or was in moved:
                rows.append(RowChange(was, j, old.indicators[was], row, was in moved, cells))
        rows.extend(removed_after.get(j, []))
    return TableDiff(diff_sections(old, new, approved), rows, mark)


def first_change(old: Table, new: Table) -> FieldRef | None:
    """The first field of ``old`` that ``new`` changes (a row by its index in ``old``; a
    row only ``new`` holds by the row of ``old`` at its place), or ``None`` if none."""
    changes = diff_tables(old, new)
    if changes.fields:
        return changes.fields[0].ref
    for row in changes.rows:
        if row.old_index is not None:
            rest = row.cells[0].ref[2:] if row.cells else ("name",)
            return ("indicators", row.old_index, *rest)
        if old.indicators:
            return ("indicators", min(row.new_index or 0, len(old.indicators) - 1), "name")
    return None
