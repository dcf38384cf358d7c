"""Account for every cell of a paste: placed in a table, or reported.

The readers ``place`` the cells they use and ``report`` the ones they reject;
``sweep`` reports whatever is left, so no non-empty cell is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.importing.cells import Cell


@dataclass
class Unplaced:
    """A cell that did not end up in a table: its text, position and why."""

    text: str
    line: int
    column: int
    reason_zh: str
    reason_en: str
    end_line: int = 0


@dataclass
class Placed:
    """A cell that was used: which table, and the field (or ``("label", kind)``)."""

    line: int
    column: int
    table: int
    ref: tuple
    end_line: int = 0


class Ledger:
    """Where each cell went; a reported cell is never also placed."""

    def __init__(self) -> None:
        self.placed: dict[tuple[int, int], Placed] = {}
        self.reported: dict[tuple[int, int], Unplaced] = {}
        self.notes: list[Unplaced] = []

    def seen(self, cell: Cell) -> bool:
        """Whether ``cell`` was already placed or reported."""
        return cell.key in self.placed or cell.key in self.reported

    def place(self, cell: Cell, table: int, ref: tuple) -> None:
        """Record that ``cell`` (each cell joined into it) went into table ``table`` at
        ``ref``."""
        for part in cell.parts or (cell,):
            if part.key not in self.reported:
                self.placed[part.key] = Placed(part.line, part.column, table, ref, part.last_line)

    def report(self, cell: Cell, zh: str, en: str) -> None:
        """Record that ``cell`` (each cell joined into it) was not placed, and why."""
        for part in cell.parts or (cell,):
            self.placed.pop(part.key, None)
            self.reported.setdefault(
                part.key, Unplaced(part.text, part.line, part.column, zh, en, part.last_line)
            )

    def note(self, cell: Cell, zh: str, en: str) -> None:
        """Record something done to a placed cell that the user should know (元 → 万元)."""
        self.notes.append(Unplaced(cell.text, cell.line, cell.column, zh, en, cell.last_line))

    def sweep(self, cells: list[Cell], zh: str, en: str) -> None:
        """Report each of ``cells`` that is neither placed nor reported yet."""
        for cell in cells:
            if not self.seen(cell):
                self.report(cell, zh, en)

    def drop_table(self, table: int, zh: str, en: str, cells: list[Cell]) -> None:
        """Turn the placements into table ``table`` back into reports."""
        for cell in cells:
            placed = self.placed.get(cell.key)
            if placed is not None and placed.table == table:
                self.report(cell, zh, en)

    def uses_header(self, table: int) -> bool:
        """Whether any cell went into the header, funding or goals of table ``table``."""
        return any(
            p.table == table and p.ref[0] in ("project", "funding", "goals")
            for p in self.placed.values()
        )

    def report_list(self) -> list[Unplaced]:
        """The reported cells in reading order."""
        return sorted(self.reported.values(), key=lambda u: (u.line, u.column))

    def placed_list(self) -> list[Placed]:
        """The placed cells in reading order."""
        return sorted(self.placed.values(), key=lambda p: (p.line, p.column))
