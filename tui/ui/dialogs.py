"""Small modal dialogs: a choice between a few keyed answers, and a one-line prompt."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.text import plain
from tui.ui.widgets.form import Form, fields_line


class ChoiceDialog(ModalScreen[str]):
    """A question answered by one key per choice; Esc answers ``"cancel"``.

    ``default`` (a choice's value) is also answered by Enter.
    """

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[tuple[str, str, str]],
        default: str | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.choices = choices
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"), classes="dialog-title")
            yield Static(plain(self.message), classes="dialog-body")
            keys = "   ".join(
                f"{key}{'/Enter' if value == self.default else ''} {label}"
                for key, label, value in self.choices
            )
            yield Static(plain(keys + "   Esc 取消", "bold"), classes="dialog-keys")

    def apply_key(self, event: events.Key) -> bool:
        """A choice's key answers; Esc cancels; other keys are ignored."""
        for key, _label, value in self.choices:
            if event.key == key:
                self.dismiss(value)
                return True
        if event.key == "enter" and self.default is not None:
            self.dismiss(self.default)
        elif event.key == "escape":
            self.dismiss("cancel")
        return True


class PromptForm(Form):
    """The one field of a prompt: editing keys only (Enter and Esc go to the dialog)."""

    KEY_SCOPES = ()


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line of text (a file name, a group name); Enter accepts, Esc cancels."""

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text = title
        self.form = PromptForm([fields_line(("", "value"))], lambda _key, _text: None)
        self.form.load({"value": value})

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"), classes="dialog-title")
            yield self.form
            yield Static("Enter 确定   Esc 取消", classes="dialog-keys")

    def on_mount(self) -> None:
        """The cursor in the field."""
        self.set_focus(self.form)

    def apply_key(self, event: events.Key) -> bool:
        """Enter accepts, Esc cancels."""
        if event.key == "enter":
            self.dismiss(self.form.value("value").strip() or None)
        elif event.key == "escape":
            self.dismiss(None)
        return event.key in ("enter", "escape")
