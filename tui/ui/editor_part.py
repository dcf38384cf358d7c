"""The base of the editor screen's parts: ``GitActions``, ``DiskWatch`` and ``LiveCheck``
are base classes of ``EditorScreen``, each with one concern, and reach the whole
screen through ``host()``."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from tui.ui.editor_screen import EditorScreen


class EditorPart(Screen):
    """One concern of the editor screen, as a base class of it."""

    def host(self) -> EditorScreen:
        """This screen as the editor it is."""
        return cast("EditorScreen", self)
