"""Merge conflicts kept in the table itself, and their resolution.

A conflict left by a merge is stored next to the cell it concerns, as a
``merge_conflict`` inline table in the same section or row, keyed by the
cell's key, with the three versions (an absent side is a blank cell)::

    [[indicators]]
    name = "培训场次"
    annual = "2次"
    merge_conflict = { annual = { base = "1次", mine = "2次", theirs = "3次" } }

The cell itself holds *mine*. A row removed on one side and changed on the
other is kept as changed, with ``row = { removed_in = "theirs", base = {…} }``
(``base`` holds the row's cells before either change). Being ordinary TOML,
the file still loads, saves and diffs; ``jixiao check`` reports each record as
an error (rule M001), so it cannot be committed unnoticed. ``resolve`` takes
one side and removes the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.fields import FieldRef, describe, is_field
from tui.history.cells import (
    ROWS,
    SECTIONS,
    cell_ref,
    holder,
    row_cells,
    row_holder,
    row_parts,
    schema_keys,
    set_cell,
    set_row_cell,
)
from tui.model import Indicator, Table

RECORD_KEY = "merge_conflict"
ROW_RECORD = "row"
SIDES = ("mine", "theirs", "base")


@dataclass(eq=False)
class Conflict:
    """One unresolved conflict: a cell changed differently on both sides, or a whole row.

    For a cell, ``base``/``mine``/``theirs`` are its three values (``None`` =
    blank). For a row (``key == "row"``) they are the row's cells as dicts, and
    ``None`` for the side that removed it.
    """

    section: FieldRef  # a section of ``tui.history.cells.SECTIONS``, or a row part
    key: str
    base: Any
    mine: Any
    theirs: Any
    row: Indicator | None = None  # the row of the table it concerns (rows only)

    @property
    def whole_row(self) -> bool:
        """Whether this is a row removed on one side and changed on the other."""
        return self.section == ROWS and self.key == ROW_RECORD

    def ref(self, table: Table) -> FieldRef:
        """Where the conflict is in ``table``: a cell, or a row (``("indicators", i)``)."""
        if self.row is None:
            return cell_ref(self.section, self.key)
        index = next(i for i, row in enumerate(table.indicators) if row is self.row)
        return ("indicators", index) if self.whole_row else cell_ref(self.section, self.key, index)


def conflict_place(ref: FieldRef) -> str:
    """Where a conflict is, in a few Chinese words: ``第2行 中期值``, ``项目期``, ``第3行``;
    an unknown key by its name (``项目信息 owner``)."""
    if is_field(ref) or (ref[0] == "indicators" and len(ref) == 2):
        return describe(ref)
    parent = ref[:2] if ref[0] == "indicators" else ref[:-1]
    return " ".join(part for part in (describe(parent) if parent else "", str(ref[-1])) if part)


def _side(entry: Any, side: str) -> Any:
    return entry.get(side) if isinstance(entry, dict) else None


def _read(obj: Any, section: FieldRef, row: Indicator | None) -> list[Conflict]:
    record = obj.extra.get(RECORD_KEY)
    if not isinstance(record, dict):
        return [] if record is None else [Conflict(section, RECORD_KEY, None, None, None, row)]
    found = []
    for key, entry in record.items():
        if section == ROWS and key == ROW_RECORD:
            removed = _side(entry, "removed_in")
            base = _side(entry, "base")
            kept = row_cells(row) if row is not None else {}
            found.append(
                Conflict(
                    section,
                    key,
                    base if isinstance(base, dict) else {},
                    None if removed == "mine" else kept,
                    None if removed == "theirs" else kept,
                    row,
                )
            )
        else:
            base, mine, theirs = (_side(entry, side) for side in ("base", "mine", "theirs"))
            found.append(Conflict(section, key, base, mine, theirs, row))
    return found


def conflicts_in(table: Table) -> list[Conflict]:
    """Every conflict record in ``table``, in document order."""
    found = []
    for section in SECTIONS:
        found += _read(holder(table, section), section, None)
    for row in table.indicators:
        for part in row_parts([row]):
            found += _read(row_holder(row, part), part, row)
    return found


def add_record(obj: Any, key: str, base: Any, mine: Any, theirs: Any) -> None:
    """Record a cell conflict in ``obj`` (a section holder or a row)."""
    entry = {
        side: value
        for side, value in (("base", base), ("mine", mine), ("theirs", theirs))
        if value is not None
    }
    _records(obj)[key] = entry


def add_row_record(row: Indicator, removed_in: str, base: Indicator) -> None:
    """Record that ``row`` was removed in ``removed_in`` and changed on the other side."""
    _records(row)[ROW_RECORD] = {"removed_in": removed_in, "base": row_cells(base)}


def _records(obj: Any) -> dict[str, Any]:
    record = obj.extra.get(RECORD_KEY)
    if not isinstance(record, dict):
        record = obj.extra[RECORD_KEY] = {}
    return record


def _drop(obj: Any, key: str) -> None:
    record = obj.extra.get(RECORD_KEY)
    if isinstance(record, dict):
        record.pop(key, None)
    if not record:
        obj.extra.pop(RECORD_KEY, None)


def resolve(table: Table, conflict: Conflict, side: str) -> FieldRef | None:
    """Take ``side`` (``"mine"``, ``"theirs"`` or ``"base"``) and remove the record.

    Returns the field to show afterwards, or ``None`` when the row is gone.
    """
    if side not in SIDES:
        raise ValueError(side)
    if conflict.row is not None and not any(r is conflict.row for r in table.indicators):
        return None
    ref = conflict.ref(table)
    if conflict.row is None:
        obj = holder(table, conflict.section)
        if conflict.key != RECORD_KEY:
            set_cell(obj, conflict.section, conflict.key, getattr(conflict, side))
        _drop(obj, conflict.key)
        return ref
    row = conflict.row
    assert row is not None
    if not conflict.whole_row:
        part = conflict.section
        owner = row_holder(row, part)
        if owner is not None:
            _drop(owner, conflict.key)
        if conflict.key != RECORD_KEY:
            set_row_cell(row, part, conflict.key, getattr(conflict, side))
        elif owner is not None and part != ROWS and owner.empty:
            del row.monitoring[part[2]]
        return ref
    chosen = getattr(conflict, side)
    if chosen is None:
        del table.indicators[ref[1]]
        return None
    _drop(row, ROW_RECORD)
    if side == "base":
        for key in list(schema_keys(ROWS)) + [k for k in row.extra if k != RECORD_KEY]:
            set_cell(row, ROWS, key, chosen.get(key))
        for key, value in chosen.items():
            set_cell(row, ROWS, key, value)
    return (*ref, "name")


def resolve_all(table: Table, side: str) -> int:
    """Resolve every conflict of ``table`` by taking ``side``; returns how many there were."""
    conflicts = conflicts_in(table)
    for conflict in conflicts:
        resolve(table, conflict, side)
    return len(conflicts)
