"""目标: 中期目标 with its stated period, and 年度目标, multi-line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, TextArea

from tui.escape import pictures
from tui.model import FieldRef
from tui.ui.widgets.field_input import FieldInput, FieldMessage
from tui.ui.widgets.in_order_keys import InOrderKeys


class FieldTextArea(InOrderKeys, TextArea):
    """A multi-line editor bound to a goal text."""

    def __init__(self, ref: FieldRef, **kwargs) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)
        self.cursor_blink = False
        self.ref = ref

    def get_line(self, line_index: int) -> Text:
        """A line as shown: control characters as visible symbols, never sent raw."""
        return Text(pictures(self.document.get_line(line_index)), end="", no_wrap=True)

    def show_value(self, value: str) -> None:
        """Set the text without reporting it as a user edit."""
        if self.text != value:
            with self.prevent(TextArea.Changed):
                self.load_text(value)


class GoalsPanel(VerticalScroll):
    """The goals form."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label("中期目标期间", classes="field-label")
            yield FieldInput(
                ("goals", "medium_period"), placeholder="如 2021-2023", classes="field"
            )
        yield FieldMessage(("goals", "medium_period"), classes="field-message")
        yield Label("中期目标", classes="section-label")
        yield FieldTextArea(("goals", "medium"), classes="goal-text")
        yield FieldMessage(("goals", "medium"), classes="field-message")
        yield Label("年度目标", classes="section-label")
        yield FieldTextArea(("goals", "annual"), classes="goal-text")
        yield FieldMessage(("goals", "annual"), classes="field-message")
