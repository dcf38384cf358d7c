"""An editing session on one table: every edit the editor can make, with undo/redo.

The UI calls these methods and nothing else changes the model, so every edit
is undoable and testable without a terminal. Undo keeps whole-model snapshots
(a clone of 1,000 rows takes about a millisecond); consecutive keystrokes in the
same field form one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.editing.placement import place_row
from tui.fields import FieldRef, field_of
from tui.framework_switch import SwitchPlan
from tui.history.conflicts import Conflict, resolve
from tui.history.diff import first_change
from tui.history.rows import match_rows
from tui.model import Indicator, Table
from tui.parsing.money import sum_of_parts
from tui.tomlfile.document import TableFile

if TYPE_CHECKING:
    from tui.history.files import DiskMerge

_HISTORY_LIMIT = 500


@dataclass
class _Step:
    """One undo step: the model and the rejected inputs before it, the field to show after."""

    table: Table
    focus: FieldRef | None
    field: FieldRef | None  # the text field being typed into, for coalescing
    invalid: dict[FieldRef, str]  # ``Session.invalid`` then: an undone draft comes back on redo


def _renumber(table: Table, uids: dict[int, int]) -> None:
    """Give ``table``'s rows the uids ``uids`` maps theirs to (rows not in it keep theirs)."""
    for row in table.indicators:
        row.uid = uids.get(row.uid, row.uid)


def _same(old: object, new: object) -> bool:
    """Equal and spelled the same (``Decimal('33.0')`` is not the same as ``33``)."""
    return old == new and str(old) == str(new)


class Session:
    """The editor's view of one open ``TableFile``."""

    def __init__(self, file: TableFile) -> None:
        self.file = file
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self.invalid: dict[FieldRef, str] = {}  # money inputs that are not numbers
        self.revision = 0  # counts changes of the model, saves and reloads (for the journal)

    # -- state ---------------------------------------------------------------
    @property
    def table(self) -> Table:
        """The live model."""
        return self.file.table

    @property
    def path(self) -> Path:
        """The file this session edits."""
        return self.file.path

    @property
    def modified(self) -> bool:
        """Whether there is anything unsaved: edits, invalid inputs, a table never saved."""
        return self.file.modified or bool(self.invalid)

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    def _push(self, focus: FieldRef | None, field: FieldRef | None = None) -> None:
        self.revision += 1
        self._undo.append(_Step(self.table.clone(), focus, field, dict(self.invalid)))
        del self._undo[:-_HISTORY_LIMIT]
        self._redo.clear()

    def _coalesces(self, ref: FieldRef) -> bool:
        return bool(self._undo) and not self._redo and self._undo[-1].field == ref

    def break_coalescing(self) -> None:
        """End the current typing run, so the next keystroke starts a new undo step."""
        if self._undo:
            self._undo[-1].field = None

    # -- field edits ---------------------------------------------------------
    def set_text(self, ref: FieldRef, value: str | None) -> bool:
        """Set a text field; returns whether the model changed."""
        if self.table.get(ref) == value:
            return False
        if not self._coalesces(ref):
            self._push(ref, ref)
        self.table.set(ref, value)
        self.revision += 1
        return True

    def edit(self, ref: FieldRef, text: str) -> str | None:
        """Apply what the user typed into the field ``ref``; returns an error or ``None``.

        The field schema parses the text (money, weight, year, framework; text is
        kept exactly as typed, a blank optional text becomes an absent key). Text
        that does not parse is kept in ``invalid`` so that it is shown, never
        silently replaced by 0, and the model holds the field's value from before
        this typing run (not one typed on the way, as ``10`` of ``10x``). An
        年度三级名称 equal to the 三级 name means "same as 中期" and is left out.
        """
        spec = field_of(ref)
        if ref[0] == "indicators" and spec.key == "annual_name":
            text = "" if text == self.table.indicators[ref[1]].name else text
        try:
            value = spec.parse(text)
        except ValueError:
            self.invalid[ref] = text
            start = self._undo[-1].table.get(ref) if self._coalesces(ref) else self.table.get(ref)
            if not _same(self.table.get(ref), start):
                self.table.set(ref, start)
                self.revision += 1
            return f"“{text}”{spec.invalid_zh}"
        self.invalid.pop(ref, None)
        if not _same(self.table.get(ref), value):
            if not self._coalesces(ref):
                self._push(ref, ref)
            self.table.set(ref, value)
            self.revision += 1
        return None

    def set_fields(
        self, changes: Sequence[tuple[FieldRef, Any]], focus: FieldRef | None = None
    ) -> bool:
        """Set several fields to stored values at once, as one undo step (a quick fix);
        returns whether the model changed. ``focus`` is the field shown after an undo."""
        todo = [(ref, value) for ref, value in changes if not _same(self.table.get(ref), value)]
        if not todo:
            return False
        self._push(focus or todo[0][0])
        for ref, value in todo:
            self.invalid.pop(ref, None)
            self.table.set(ref, value)
        return True

    def set_total_to_sum(self, column: str) -> Decimal | None:
        """Set 资金总额 of ``column`` to 财政拨款 + 其他资金; returns the new total."""
        amounts = self.table.funding.column(column)
        total = sum_of_parts(amounts.fiscal, amounts.other)
        if total is None:
            return None
        ref = ("funding", column, "total")
        self.invalid.pop(ref, None)
        if not _same(amounts.total, total):
            self._push(ref)
            amounts.total = total
        return total

    # -- row edits -----------------------------------------------------------
    def add_row(self, level1: str, level2: str, after: int | None = None) -> int:
        """Add an empty 三级 row under ``level1``/``level2``; returns its index.

        It goes after row ``after`` when given, else after the last row of that
        二级 group, else at the end of its 一级 group, else at the end.
        """
        rows = self.table.indicators
        if after is None:
            group = [i for i, r in enumerate(rows) if (r.level1, r.level2) == (level1, level2)]
            same_l1 = [i for i, r in enumerate(rows) if r.level1 == level1]
            after = group[-1] if group else (same_l1[-1] if same_l1 else len(rows) - 1)
        index = after + 1
        before = self._uids()
        self._push(("indicators", index, "name"))
        rows.insert(index, Indicator(level1=level1, level2=level2))
        self._rows_moved(before)
        return index

    def duplicate_row(self, index: int) -> int:
        """Insert a copy of row ``index`` right after it; returns the copy's index."""
        before = self._uids()
        self._push(("indicators", index + 1, "name"))
        self.table.indicators.insert(index + 1, self.table.indicators[index].copy(keep_uid=False))
        self._rows_moved(before)
        return index + 1

    def delete_row(self, index: int) -> None:
        """Delete row ``index``."""
        before = self._uids()
        self._push(("indicators", index, "name"))
        del self.table.indicators[index]
        self._rows_moved(before)

    def insert_rows(self, new_rows: list[Indicator], after: int | None = None) -> int:
        """Insert rows (e.g. pasted ones), each within its group (``place_row``); one undo step.

        Returns the index of the first inserted row.
        """
        rows = self.table.indicators
        before = self._uids()
        self._push(("indicators", len(rows) if after is None else after + 1, "name"))
        first: int | None = None
        for new in new_rows:
            row = new.copy(keep_uid=False)
            index = place_row(rows, row, after, self.table.framework)
            rows.insert(index, row)
            if first is not None and index <= first:
                first += 1
            first = index if first is None else min(first, index)
            after = index
        self._rows_moved(before)
        return first if first is not None else len(rows)

    def discard_empty_row(self, index: int) -> bool:
        """Remove a just-added row that is (again) empty; returns whether it was removed.

        Right after it was added the add itself is undone (no undo step left
        behind); after typing and erasing it is an ordinary delete.
        """
        rows = self.table.indicators
        if not (0 <= index < len(rows)):
            return False
        row = rows[index]
        if row.name or row.medium or row.annual or row.annual_name:
            return False
        self.revision += 1
        if self._undo and [r.uid for r in self._undo[-1].table.indicators] == [
            r.uid for i, r in enumerate(rows) if i != index
        ]:
            before = self._uids()
            step = self._undo.pop()
            self.file.table = step.table
            self._rows_moved(before)
        else:
            self.delete_row(index)
        return True

    def move_row(self, index: int, delta: int) -> int:
        """Move row ``index`` up (``-1``) or down (``+1``) within its 二级 group.

        Returns the new index (unchanged when it cannot move).
        """
        rows = self.table.indicators
        target = index + delta
        if not (0 <= target < len(rows)):
            return index
        a, b = rows[index], rows[target]
        if (a.level1, a.level2) != (b.level1, b.level2):
            return index
        before = self._uids()
        self._push(("indicators", target, "name"))
        rows[index], rows[target] = b, a
        self._rows_moved(before)
        return target

    def copy_medium_to_annual(self, index: int) -> bool:
        """Set 年度指标值 to the 中期指标值 of row ``index``."""
        row = self.table.indicators[index]
        if row.annual == row.medium:
            return False
        self._push(("indicators", index, "annual"))
        row.annual = row.medium
        return True

    def rename_group(self, level1: str, level2: str | None, new_name: str) -> int:
        """Rename a 一级 (``level2`` is ``None``) or a 二级 group for all its rows.

        One undo step; returns how many rows changed.
        """
        table = self.table
        rows = [r for r in table.indicators if r.level1 == level1 and level2 in (None, r.level2)]
        key = "level1" if level2 is None else "level2"
        if not rows or all(getattr(r, key) == new_name for r in rows):
            return 0
        self._push(("indicators", table.indicators.index(rows[0]), key))
        for row in rows:
            setattr(row, key, new_name)
        return len(rows)

    def switch_framework(self, plan: SwitchPlan) -> None:
        """Switch to ``plan.target`` and move the rows it maps (one undo step)."""
        if self.table.framework == plan.target and not plan.labels:
            return
        self._push(("framework",))
        self.table.framework = plan.target
        for index, (level1, level2) in plan.labels.items():
            row = self.table.indicators[index]
            row.level1, row.level2 = level1, level2

    def _uids(self) -> list[int]:
        return [row.uid for row in self.table.indicators]

    def _rows_moved(self, before: list[int]) -> None:
        """Rows were added, moved or deleted: a rejected input stays on its row (by uid)."""
        where = {uid: index for index, uid in enumerate(self._uids())}
        kept: dict[FieldRef, str] = {}
        for ref, text in self.invalid.items():
            if ref[0] == "indicators":
                index = where.get(before[ref[1]]) if ref[1] < len(before) else None
                if index is None:  # its row was deleted
                    continue
                ref = ("indicators", index, *ref[2:])
            kept[ref] = text
        self.invalid = kept

    # -- history -------------------------------------------------------------
    def undo(self) -> FieldRef | None:
        """Undo the last edit; returns the field to show, or ``None`` if nothing to undo."""
        return self._travel(self._undo, self._redo)

    def redo(self) -> FieldRef | None:
        """Redo the last undone edit; returns the field to show, or ``None``."""
        return self._travel(self._redo, self._undo)

    def _travel(self, source: list[_Step], target: list[_Step]) -> FieldRef | None:
        if not source:
            return None
        step = source.pop()
        self.revision += 1
        target.append(_Step(self.table.clone(), step.focus, None, self.invalid))
        self.file.table = step.table
        self.invalid = dict(step.invalid)
        return step.focus or ("project", "name")

    # -- merges --------------------------------------------------------------
    def resolve_conflict(self, conflict: Conflict, side: str) -> FieldRef | None:
        """Settle one merge conflict of the open table by taking ``side`` (one undo step).

        ``side`` is ``"mine"``, ``"theirs"`` or ``"base"``; returns the field to
        show afterwards (``None`` when the row is gone).
        """
        row = conflict.row
        if row is not None and not any(r is row for r in self.table.indicators):
            return None
        before = self._uids()
        self._push(conflict.ref(self.table))
        ref = resolve(self.table, conflict, side)
        self._rows_moved(before)
        return ref

    def adopt_table(self, table: Table) -> None:
        """Replace the model by ``table`` (restored edits): one undo step, to its first change."""
        self._push(first_change(self.table, table))
        self.file.table = table

    def adopt_merge(self, merge: DiskMerge) -> None:
        """Adopt my edits merged onto the version on disk (``merge.apply()``) as one undo step.

        The file then edits the disk version. Undoing the step brings back my
        table as it was before the merge, now as an edit of the disk version
        (saving it would write my values over theirs, cell by cell); the older
        steps stay, their rows matched to the disk version's rows the way the
        merge matched them, so that a save after undoing changes only cells.
        """
        pairs = match_rows(self.file.base.indicators, merge.disk.table.indicators)
        renumber = {
            self.file.base.indicators[i].uid: merge.disk.table.indicators[j].uid
            for i, j in pairs.items()
        }
        mine = self.table.clone()
        merge.apply()
        self.revision += 1
        for step in self._undo:
            _renumber(step.table, renumber)
        _renumber(mine, renumber)
        self._undo.append(_Step(mine, None, None, {}))
        del self._undo[:-_HISTORY_LIMIT]
        self._redo.clear()

    # -- disk ----------------------------------------------------------------
    def save(self, *, force: bool = False) -> Path | None:
        """Save through the core's atomic save (raises ``JixiaoError``).

        Returns where another program's version of the file was kept, when one
        was written between the check and the save (see ``TableFile.save``).
        """
        kept = self.file.save(force=force)
        self.revision += 1
        self.break_coalescing()
        return kept

    def reload(self) -> None:
        """Drop all edits and history and read the file again."""
        self.file.reload()
        self.revision += 1
        self._undo.clear()
        self._redo.clear()
        self.invalid.clear()
