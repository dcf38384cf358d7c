"""The key bar: the keys that work here, from the action registry, essentials first.

Help and quit come first so that they stay visible on the narrowest terminal;
then the keys of the focused widget's scopes, then the screen's other keys.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.ui.actions import ACTIONS

ESSENTIAL = ("help", "quit_editor", "quit_workspace")


class KeyBar(Static):
    """One line of keys; follows the focus."""

    def on_mount(self) -> None:
        """Follow the screen's focus."""
        self.watch(self.screen, "focused", self.show_keys)

    def show_keys(self, _focused: object = None) -> None:
        """Show the keys of the current focus chain."""
        focused = self.screen.focused
        chain = list(focused.ancestors_with_self) if focused else [self.screen]
        scopes = [s for node in chain for s in getattr(node, "KEY_SCOPES", ())]
        essential = [s for s in ACTIONS if s.scope in scopes and s.action in ESSENTIAL]
        context = [s for scope in scopes for s in ACTIONS if s.scope == scope and s.show]
        text = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        for spec in essential + context:
            keys, name = spec.bar_entry
            if spec.action in seen or keys in seen:
                continue
            seen.update((spec.action, keys))
            text.append(f" {keys}", "bold")
            text.append(f" {name} ", "dim")
        self.update(text)
