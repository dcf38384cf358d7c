"""What a panel may ask of the editor it sits in: one small typed interface.

Panels get the editor at construction and call only these members, so no
widget reaches into the screen by name. Every call is synchronous: when a key
has been handled the model, the checks and the views are up to date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tui.checking import CheckResult
    from tui.editing.session import Session
    from tui.fields import FieldRef


class Editor(Protocol):
    """The editor screen, as its panels see it."""

    session: Session
    result: CheckResult
    settings: dict[str, Any]
    other_names: list[str]

    def apply_edit(self, ref: FieldRef, text: str) -> None:
        """A field's text changed: apply it to the model, re-check, update the views."""

    def model_changed(self, focus_row: int | None = None) -> None:
        """The session changed the model (rows added, moved, undone…): re-check and redraw."""

    def say(self, message: str, severity: str = "information") -> None:
        """Show one message on the status line (the latest message replaces the last)."""

    async def jump_to(self, ref: FieldRef) -> None:
        """Show the panel and field that ``ref`` names, with the cursor at its end."""

    async def resolve_conflicts(self, ref: FieldRef | None = None) -> None:
        """Step through the table's merge conflicts (mine / theirs / base), from ``ref``'s."""
