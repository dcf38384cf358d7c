"""A form: labelled one-line fields in one focusable widget, edited in the order keys arrive.

The form owns the text and cursor of every field (``LineBuffer``) and which
field is current. Moving between fields is a cursor move inside the form, not
a Textual focus change, so a burst of keys (a paste, a slow SSH link, an input
method committing a phrase) lands in the fields it was typed for. Keys reach
``apply_key`` synchronously from the app's key router (``tui.ui.keys``);
every change of a field's text is reported at once through ``on_edit``, so the
model is up to date before the next key is applied.

Lines are drawn with the line API and only the lines that changed are
repainted. Text is shown through ``tui.escape.pictures``: a control character
in a value is one visible symbol, never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.escape import pictures, printable
from tui.rules.problems import SEVERITY_RANK
from tui.ui.text import SEVERITY_MARK, invalid_message, paste_lines
from tui.ui.widgets.cells import cells, char_index, columns_line, fit, scroll_for, share_width
from tui.ui.widgets.line_buffer import EDIT_KEYS, LineBuffer

Key = Any  # a field's key: a FieldRef, or a row field's name


@dataclass(frozen=True)
class Item:
    """One field on a line: its label (may be empty) and key."""

    label: str
    key: Key


@dataclass(frozen=True)
class Line:
    """A line of the form: fields side by side, a message line, or a text line."""

    items: tuple[Item, ...] = ()
    message_for: tuple[Key, ...] = ()  # a message line showing these fields' problems
    text_id: str = ""  # a text line whose content the owner sets with ``set_text``


def fields_line(*items: tuple[str, Key]) -> Line:
    """A line holding the fields ``(label, key)``, side by side."""
    return Line(items=tuple(Item(label, key) for label, key in items))


@dataclass
class FieldState:
    """What the form keeps per field besides its buffer."""

    buffer: LineBuffer = field(default_factory=LineBuffer)
    scroll: int = 0  # first cell shown
    placeholder: str = ""
    suggestions: Sequence[str] = ()
    invalid: bool = False


class Form(ScrollView, can_focus=True):
    """Fields laid out in lines; one of them current, with a cursor."""

    KEY_SCOPES: tuple[str, ...] = ("form",)
    COMPONENT_CLASSES = {
        "form--label",
        "form--value",
        "form--current",
        "form--invalid",
        "form--placeholder",
        "form--hint",
    }

    def __init__(
        self,
        lines: Sequence[Line],
        on_edit: Callable[[Key, str], None],
        *,
        label_width: int = 12,
        wrap: bool = True,
        on_leave: Callable[[Key], None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``on_edit(key, text)``: a field's text changed; ``on_leave(key)``: the cursor
        left field ``key`` (a typing run ends there)."""
        super().__init__(id=id, classes=classes)
        self.form_lines = list(lines)
        self.on_edit = on_edit
        self.on_leave = on_leave
        self.label_width = label_width
        self.wrap = wrap
        self.order: list[Key] = [item.key for line in lines for item in line.items]
        self.state: dict[Key, FieldState] = {key: FieldState() for key in self.order}
        self.current: Key = self.order[0]
        self.problems: dict[Key, list] = {}
        self.invalid_text: dict[Key, str] = {}
        self.texts: dict[str, Text] = {}
        self.columns: dict[str, tuple[str, tuple[Text, ...]]] = {}  # text lines set by columns
        self._line_of = {
            item.key: y for y, line in enumerate(self.form_lines) for item in line.items
        }
        self._painted: dict[int, object] = {}

    # -- content -------------------------------------------------------------
    def on_mount(self) -> None:
        """The form is as tall as its lines."""
        self.virtual_size = Size(0, len(self.form_lines))

    def value(self, key: Key) -> str:
        """The text of field ``key``."""
        return self.state[key].buffer.text

    def load(self, values: dict[Key, str]) -> None:
        """Show ``values`` (not an edit); a field whose text changes gets its cursor at the end."""
        for key, text in values.items():
            state = self.state[key]
            if state.buffer.text != text:
                state.buffer.set(text)
                state.scroll = 0
                self._repaint_key(key)

    def configure(self, key: Key, *, placeholder: str = "", suggestions: Sequence[str] = ()):
        """Set the placeholder and completion list of field ``key`` (repainted if changed)."""
        state = self.state[key]
        changed = (state.placeholder, state.suggestions) != (placeholder, suggestions)
        state.placeholder = placeholder
        state.suggestions = suggestions
        if changed:
            self._repaint_key(key)

    def set_text(self, text_id: str, text: Text) -> None:
        """Set the content of the text line ``text_id``."""
        self.columns.pop(text_id, None)
        if self.texts.get(text_id) != text:
            self.texts[text_id] = text
            self._refresh_text_line(text_id)

    def set_columns(self, text_id: str, label: str, cells: Sequence[Text]) -> None:
        """Set the text line ``text_id`` to ``label`` and ``cells`` under the fields' columns.

        Laid out at each paint like a line of as many fields, so a heading or a
        status per column stays aligned with the boxes at any width, after a resize too.
        """
        columns = (label, tuple(cells))
        if self.columns.get(text_id) != columns:
            self.columns[text_id] = columns
            self._refresh_text_line(text_id)

    def shown_text(self, text_id: str) -> Text:
        """The text line ``text_id`` as it is drawn at the form's width (a copy)."""
        if text_id in self.columns:
            label, texts = self.columns[text_id]
            return columns_line(label, texts, self.label_width, self.size.width)
        return self.texts.get(text_id, Text()).copy()

    def _refresh_text_line(self, text_id: str) -> None:
        for y, line in enumerate(self.form_lines):
            if line.text_id == text_id:
                self.refresh_line(y)

    def show_problems(self, problems: dict[Key, list], invalid: dict[Key, str]) -> None:
        """The problems and rejected inputs per field; repaints what changed."""
        self.problems = problems
        self.invalid_text = invalid
        for key, state in self.state.items():
            bad = key in invalid
            if state.invalid != bad:
                state.invalid = bad
                self._repaint_key(key)
        for y, line in enumerate(self.form_lines):
            if line.message_for:
                self._refresh_if_changed(y)

    # -- moving --------------------------------------------------------------
    def focus_field(self, key: Key) -> None:
        """Make ``key`` the current field, with the cursor at the end of its text."""
        old = self.current
        if old != key and self.on_leave is not None:
            self.on_leave(old)
        self.current = key
        self.state[key].buffer.end()
        self._repaint_key(old)
        self._repaint_key(key)
        self.scroll_to_region(self._region_of(key), animate=False)

    def action_next_field(self) -> None:
        """Tab: the next field (wrapping, or on to the next widget)."""
        self._step(1)

    def action_previous_field(self) -> None:
        """Shift+Tab: the previous field."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        index = self.order.index(self.current) + delta
        if not 0 <= index < len(self.order) and not self.wrap:
            (self.screen.focus_next if delta > 0 else self.screen.focus_previous)()
            return
        self.focus_field(self.order[index % len(self.order)])

    def _line_step(self, delta: int) -> bool:
        """Up/Down: the field on the previous or next line with fields."""
        y = self._line_of[self.current] + delta
        while 0 <= y < len(self.form_lines):
            items = self.form_lines[y].items
            if items:
                column = [i.key for i in self.form_lines[self._line_of[self.current]].items]
                place = min(column.index(self.current), len(items) - 1)
                self.focus_field(items[place].key)
                return True
            y += delta
        return False

    # -- keys ----------------------------------------------------------------
    def apply_key(self, event: events.Key) -> bool:
        """Apply an editing key to the current field; ``False`` when it is not one."""
        state = self.state[self.current]
        buffer = state.buffer
        operation = EDIT_KEYS.get(event.key)
        if event.key == "right" and buffer.cursor == len(buffer.text):
            completion = self._completion(state)
            if completion:
                buffer.set(completion)
                self._changed()
            return True
        if operation is not None:
            if operation(buffer):
                self._changed()
            else:
                self._repaint_key(self.current)
            return True
        if event.key in ("up", "down"):
            self._line_step(-1 if event.key == "up" else 1)
            return True
        if event.is_printable and event.character:
            buffer.insert(event.character)
            self._changed()
            return True
        return False

    def apply_paste(self, text: str) -> None:
        """Insert pasted text at the cursor as pasted (control characters kept, line breaks
        as ``paste_lines`` reads them)."""
        if self.state[self.current].buffer.insert(paste_lines(text)):
            self._changed()

    def _changed(self) -> None:
        key = self.current
        self._repaint_key(key)
        self.on_edit(key, self.state[key].buffer.text)

    def _completion(self, state: FieldState) -> str:
        text = state.buffer.text
        found = (s for s in state.suggestions if text and s.startswith(text) and s != text)
        return next(found, "")

    # -- drawing -------------------------------------------------------------
    def _repaint_key(self, key: Key) -> None:
        if key in self._line_of:
            self.refresh_line(self._line_of[key])

    def _refresh_if_changed(self, y: int) -> None:
        key = self._message_key(self.form_lines[y])
        if self._painted.get(y) != key:
            self.refresh_line(y)

    def _region_of(self, key: Key) -> Region:
        return Region(0, self._line_of[key], self.size.width, 1)

    def render_line(self, y: int) -> Strip:
        """One line of the form (``y`` counts from the top of the view)."""
        index = y + self.scroll_offset.y
        width = self.size.width
        base = self.rich_style
        if not 0 <= index < len(self.form_lines):
            return Strip.blank(width, base)
        line = self.form_lines[index]
        if line.items:
            text = self._fields_text(line, width)
        elif line.message_for:
            key = self._message_key(line)
            self._painted[index] = key
            text = self._message_text(line)
        else:
            text = self.shown_text(line.text_id)
        text.truncate(width, overflow="ellipsis")
        if text.style:  # render() draws spans only: the Text's own style becomes one
            text.stylize_before(text.style)
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, base).apply_style(base)

    def _fields_text(self, line: Line, width: int) -> Text:
        """Labels, then the fields' boxes sharing the rest of the width equally."""
        text = Text(no_wrap=True)
        labels = [self.label_width if item.label else 0 for item in line.items]
        boxes = share_width(labels, width)
        label_style = self._style("label")
        for place, item in enumerate(line.items):
            label = fit(item.label, labels[place] - 1) if item.label else ""
            text.append(label + " " * (labels[place] - cell_len(label)), label_style)
            text.append_text(self._box(item.key, boxes[place]))
            if place < len(boxes) - 1:
                text.append(" ")
        return text

    def _box(self, key: Key, width: int) -> Text:
        state = self.state[key]
        current = key == self.current and self.has_focus
        names = ["form--value"]
        if current:
            names.append("form--current")
        if state.invalid:
            names.append("form--invalid")
        style = Style.combine(self.get_component_rich_style(n) for n in names)
        shown = pictures(state.buffer.text)
        if not shown and not current:
            hint = fit(state.placeholder, width)
            return Text(hint + " " * (width - cell_len(hint)), style + self._style("placeholder"))
        if not current:
            return Text(cells(shown, 0, width), style)
        cursor = cell_len(shown[: state.buffer.cursor])
        state.scroll = scroll_for(cursor, state.scroll, width)
        visible = cells(shown, state.scroll, width)
        at = char_index(visible, cursor - state.scroll)
        completion = self._completion(state)
        hint = ""
        if completion and state.buffer.cursor == len(state.buffer.text):
            room = width - (cursor - state.scroll) - 1
            hint = fit(pictures(completion[len(state.buffer.text) :]), room)
            visible = visible[: at + 1] + hint + " " * (room - cell_len(hint))
        box = Text(visible, style)
        box.stylize("reverse", at, at + 1)
        if hint:
            box.stylize(self._style("hint"), at + 1, at + 1 + len(hint))
        return box

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"form--{name}")

    def _message_source(self, line: Line) -> Key | None:
        """The field a message line speaks of: a rejected input's, else the worst problem's
        (the current field first among equals, then in line order)."""
        keys = dict.fromkeys([self.current] if self.current in line.message_for else [])
        news = [k for k in {**keys, **dict.fromkeys(line.message_for)} if self._news(k) >= 0]
        return min(news, key=self._news, default=None)

    def _news(self, key: Key) -> int:
        """The rank of a field's worst problem; 0 for a rejected input, -1 for no news."""
        ranks = (1 + SEVERITY_RANK[p.severity] for p in self.problems.get(key, ()))
        return 0 if key in self.invalid_text else min(ranks, default=-1)

    def _message_key(self, line: Line) -> tuple:
        source = self._message_source(line)
        if source is None:
            return ()
        if source in self.invalid_text:
            return ("invalid", self.invalid_text[source])
        ranked = sorted(self.problems[source], key=lambda p: SEVERITY_RANK[p.severity])
        return tuple((p.code, p.zh, p.severity) for p in ranked)  # the worst first

    def _message_text(self, line: Line) -> Text:
        key = self._message_key(line)
        if not key:
            return Text()
        source = self._message_source(line)
        if key[0] == "invalid":
            text = "✖ " + invalid_message(self._label_of(source), key[1])
            return Text(text, "bold red", no_wrap=True, overflow="ellipsis")
        code, zh, severity = key[0]
        mark, style = SEVERITY_MARK.get(severity, ("·", ""))
        more = f" (+{len(key) - 1})" if len(key) > 1 else ""
        message = f"{mark} {code} {printable(zh)}{more}"
        return Text(message, style, no_wrap=True, overflow="ellipsis")

    def _label_of(self, key: Key) -> str:
        """The label of field ``key`` (its line's first label when its own is blank)."""
        items = self.form_lines[self._line_of[key]].items if key in self._line_of else ()
        labels = [i.label for i in items if i.key == key and i.label] or [i.label for i in items]
        return labels[0] if labels else ""

    def on_focus(self) -> None:
        """Show the cursor."""
        self._repaint_key(self.current)

    def on_blur(self) -> None:
        """Hide the cursor."""
        self._repaint_key(self.current)
