"""Small modal dialogs: a choice between a few keyed answers, and a one-line prompt."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.ui.text import plain


class ChoiceDialog(ModalScreen[str]):
    """A question answered by one key per choice; Escape answers ``"cancel"``."""

    def __init__(self, title: str, message: str, choices: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.choices = choices
        for key, _label, value in choices:
            self._bindings.bind(key, f"choose('{value}')", show=False)
        self._bindings.bind("escape", "choose('cancel')", show=False)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"), classes="dialog-title")
            yield Static(plain(self.message), classes="dialog-body")
            keys = "   ".join(f"{key} {label}" for key, label, _ in self.choices)
            yield Static(plain(keys + "   Esc 取消", "bold"), classes="dialog-keys")

    def action_choose(self, value: str) -> None:
        """Close the dialog with ``value``."""
        self.dismiss(value)


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line of text (a file name); Enter accepts, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "取消", show=False)]

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"), classes="dialog-title")
            prompt = Input(self.value, id="prompt-input", classes="field")
            prompt.cursor_blink = False
            yield prompt
            yield Static("Enter 确定   Esc 取消", classes="dialog-keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Accept the typed value."""
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without a value."""
        self.dismiss(None)
