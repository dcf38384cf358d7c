"""Merge conflicts in the open table, one at a time: mine / theirs / base, one key each.

The conflicts are the table's ``merge_conflict`` records (``tui.history.conflicts``),
left by ``jixiao merge`` or by merging unsaved edits onto a newer version on
disk. Each key settles the conflict shown through ``Session.resolve_conflict``
(one undo step) and shows the next; Esc leaves the rest in the table, where
rule M001 reports them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.escape import printable
from tui.fields import FieldRef
from tui.history.cells import cell_ref
from tui.history.conflicts import Conflict, conflict_place, conflicts_in
from tui.history.report import field_label, row_path, value_text
from tui.ui.actions import ACTIONS, bindings
from tui.ui.text import plain

if TYPE_CHECKING:
    from tui.editing.session import Session
    from tui.ui.editor_screen import EditorScreen

SIDES = (("mine", "我的（mine）"), ("theirs", "对方（theirs）"), ("base", "原值（base）"))
_LONG = 160  # characters of a value shown; a longer one is cut with …
ROW_GONE = "（删除此行 row removed）"
_LABEL_CELLS = 16


def side_text(conflict: Conflict, side: str) -> str:
    """One side's value as plain escaped text (a whole row as its cells)."""
    value = getattr(conflict, side)
    if conflict.whole_row:
        if value is None:
            return ROW_GONE
        cells = [
            f"{field_label(cell_ref(('indicators',), key, 0))} {value_text(v)}"
            for key, v in value.items()
        ]
        text = " · ".join(cells)
    else:
        text = value_text(value)
    text = printable(text)
    return text if len(text) <= _LONG else text[: _LONG - 1] + "…"


def conflict_text(conflict: Conflict, session: Session) -> Text:
    """The body of the dialog: where the conflict is, then the three versions."""
    text = Text()
    text.append(conflict_place(conflict.ref(session.table)), "bold")
    if conflict.row is not None:
        text.append("  " + printable(row_path(conflict.row)), "dim")
    text.append("\n")
    for side, label in SIDES:
        text.append("\n" + label + " " * max(_LABEL_CELLS - cell_len(label), 1), "bold cyan")
        text.append(side_text(conflict, side))
    return text


def _keys_line() -> Text:
    text = Text()
    for spec in (s for s in ACTIONS if s.scope == "conflict"):
        text.append(f"{spec.key_display} ", "bold")
        text.append(f"{spec.zh}   ")
    return text


class ConflictDialog(ModalScreen[int]):
    """The open table's conflicts one by one; answers how many were left unresolved."""

    KEY_SCOPES = ("conflict",)
    BINDINGS = bindings("conflict")

    def __init__(
        self,
        session: Session,
        changed: Callable[[FieldRef | None], None],
        start: FieldRef | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.changed = changed  # called after each resolution, with the field to show
        found = conflicts_in(session.table)
        refs = [c.ref(session.table) for c in found]
        self.index = refs.index(tuple(start)) if start is not None and start in refs else 0
        self.total = len(found)
        self.settled = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog conflict-dialog"):
            yield Static("", id="conflict-title")
            yield Static("", id="conflict-body")
            yield Static(_keys_line(), classes="dialog-keys")

    def on_mount(self) -> None:
        """Show the first conflict."""
        self.show_current()

    def current(self) -> Conflict | None:
        """The conflict shown (the next one after the last settled, in document order)."""
        found = conflicts_in(self.session.table)
        return found[self.index % len(found)] if found else None

    def show_current(self) -> None:
        """Update the title and body for the current conflict."""
        conflict = self.current()
        if conflict is None:
            return
        title = f"合并冲突 {self.settled + 1}/{self.total}（merge conflict）"
        self.query_one("#conflict-title", Static).update(plain(title, "bold"))
        self.query_one("#conflict-body", Static).update(conflict_text(conflict, self.session))

    def action_take(self, side: str) -> None:
        """Settle the conflict shown with ``side``, then show the next (or close)."""
        conflict = self.current()
        if conflict is None:
            self.dismiss(0)
            return
        ref = self.session.resolve_conflict(conflict, side)
        self.settled += 1
        self.changed(ref)
        left = len(conflicts_in(self.session.table))
        if not left:
            self.dismiss(0)
            return
        self.index %= left
        self.show_current()

    def action_leave(self) -> None:
        """Esc: leave the remaining conflicts in the table as records (M001)."""
        self.dismiss(len(conflicts_in(self.session.table)))


def step_through(
    screen: EditorScreen, start: FieldRef | None = None, then: Callable[[int], Any] | None = None
) -> bool:
    """Show the conflicts of ``screen``'s table from the one at ``start``; ``False`` if none.

    ``then`` gets the number left unresolved when the dialog closes.
    """
    if not conflicts_in(screen.session.table):
        return False
    last: list[FieldRef | None] = [None]

    def changed(ref: FieldRef | None) -> None:
        last[0] = ref
        screen.model_changed()

    async def closed(left: int | None) -> None:
        if last[0] is not None:
            await screen.jump_to(last[0])
        if left:
            screen.say(
                f"{left} 个合并冲突未解决（{left} unresolved: M001, ^r resolves）", "warning"
            )
        else:
            screen.say(f"已解决 {dialog.settled} 个合并冲突（conflicts resolved; ^z undoes）")
        if then is not None:
            then(left or 0)

    dialog = ConflictDialog(screen.session, changed, start)
    screen.app.push_screen(dialog, closed)
    return True
