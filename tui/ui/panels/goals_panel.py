"""目标: 中期目标 with its stated period, and 年度目标, multi-line."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import Label, TextArea

from tui.checking import CheckResult
from tui.escape import pictures, printable
from tui.fields import FieldRef, field_of
from tui.ui.editor_api import Editor
from tui.ui.panels.header_panel import labelled_lines
from tui.ui.text import SEVERITY_MARK
from tui.ui.widgets.form import Form

PERIOD_REF: FieldRef = ("goals", "medium_period")
TEXT_REFS: tuple[FieldRef, ...] = (("goals", "medium"), ("goals", "annual"))

# Editing keys of a goal text → the public ``TextArea`` action that performs them.
_TEXT_KEYS = {
    "backspace": "delete_left",
    "delete": "delete_right",
    "left": "cursor_left",
    "right": "cursor_right",
    "up": "cursor_up",
    "down": "cursor_down",
    "home": "cursor_line_start",
    "end": "cursor_line_end",
    "ctrl+a": "cursor_line_start",
    "ctrl+e": "cursor_line_end",
    "ctrl+k": "delete_to_end_of_line",
    "ctrl+w": "delete_word_left",
}


class GoalText(TextArea):
    """A goal text. Keys are applied here, synchronously and in order, by the key router."""

    KEY_SCOPES = ("goals",)

    def __init__(self, ref: FieldRef, on_edit: Callable[[FieldRef, str], None], **kwargs) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)
        self.cursor_blink = False
        self.ref = ref
        self.on_edit = on_edit

    def get_line(self, line_index: int) -> Text:
        """A line as shown: control characters as visible symbols, never sent raw."""
        return Text(pictures(self.document.get_line(line_index)), end="", no_wrap=True)

    def show_value(self, value: str) -> None:
        """Set the text without reporting it as an edit."""
        if self.text != value:
            self.load_text(value)
            self.move_cursor(self.document.end)

    def apply_key(self, event: events.Key) -> bool:
        """Apply an editing key now (not through the widget's queue)."""
        before = self.text
        if event.key in _TEXT_KEYS:
            getattr(self, "action_" + _TEXT_KEYS[event.key])()
        elif event.key == "ctrl+u":  # like every other field: clear up to the cursor
            self.replace("", (0, 0), self.cursor_location)
        elif event.is_printable and event.character:
            self.insert(event.character)
        else:
            return False
        if self.text != before:
            self.on_edit(self.ref, self.text)
        return True

    def apply_paste(self, text: str) -> None:
        """Insert pasted text as it is."""
        self.insert(text)
        self.on_edit(self.ref, self.text)


class GoalsPanel(Container):
    """The goals form."""

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editor = editor
        self.form = Form(
            labelled_lines((PERIOD_REF,)), editor.apply_edit, label_width=14, wrap=False
        )
        self.form.configure(PERIOD_REF, placeholder="如 2021-2023")
        self.texts = {
            ref: GoalText(ref, editor.apply_edit, classes="goal-text") for ref in TEXT_REFS
        }
        self.messages = {ref: Label("", classes="field-message", markup=False) for ref in TEXT_REFS}

    def compose(self) -> ComposeResult:
        yield self.form
        for ref in TEXT_REFS:
            yield Label(field_of(ref).zh, classes="section-label")
            yield self.texts[ref]
            yield self.messages[ref]

    def reload(self) -> None:
        """Show the model's goals."""
        goals = self.editor.session.table.goals
        self.form.load({PERIOD_REF: goals.medium_period})
        for ref, widget in self.texts.items():
            widget.show_value(self.editor.session.table.get(ref) or "")

    def show_result(self, result: CheckResult) -> None:
        """Problems under each field."""
        self.form.show_problems({PERIOD_REF: result.on(PERIOD_REF)}, {})
        for ref, label in self.messages.items():
            found = result.on(ref)
            if found:
                mark, style = SEVERITY_MARK.get(found[0].severity, ("·", ""))
                label.update(Text(f"{mark} {found[0].code} {printable(found[0].zh)}", style))
            else:
                label.update("")

    def action_next_widget(self) -> None:
        """Tab in a goal text: the next field."""
        self.screen.focus_next()

    def action_previous_widget(self) -> None:
        """Shift+Tab in a goal text: the previous field."""
        self.screen.focus_previous()
