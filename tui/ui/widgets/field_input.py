"""A one-line input bound to a field of the table, and the message line under it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, Static

from tui.escape import pictures
from tui.model import FieldRef
from tui.ui.actions import bindings
from tui.ui.text import SEVERITY_MARK, plain
from tui.ui.widgets.in_order_keys import InOrderKeys

_WIDTH_STEP = 64
WORDING_DELAY = 0.25  # seconds of typing pause before a reworded message repaints


class FieldInput(InOrderKeys, Input):
    """An ``Input`` that knows which field (``ref``) it edits and whether it holds money."""

    BINDINGS = bindings("field")

    def __init__(self, ref: FieldRef, *, money: bool = False, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(**kwargs)
        self.cursor_blink = False
        self._showing = False
        self.ref = ref
        if money:
            self.add_class("money")

    @property
    def _value(self) -> Text:
        """The value as shown: control characters as visible symbols, never sent raw."""
        return Text(pictures(self.value), no_wrap=True, overflow="ignore", end="")

    @property
    def content_width(self) -> int:
        """The scrollable width, rounded up to 64 cells.

        Textual re-lays out the whole screen whenever an input's virtual size
        changes, i.e. on every keystroke; rounding makes that once per 64 cells.
        """
        width = super().content_width
        return -(-width // _WIDTH_STEP) * _WIDTH_STEP

    def watch_value(self, value: str) -> None:
        """Report a user edit to the screen at once (not through a queued message)."""
        if not self._showing:
            edited = getattr(self.screen, "field_edited", None)
            if edited is not None:
                edited(self, value)

    def show_value(self, value: str) -> None:
        """Set the text without reporting it as a user edit."""
        if self.value != value:
            self._showing = True
            try:
                self.value = value
            finally:
                self._showing = False


class FieldMessage(Static):
    """The problems of one field, one line, shown under or beside its input."""

    def __init__(self, ref: FieldRef | None = None, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.ref = ref
        self._shown: tuple = ()
        self._extra: str | None = None
        self._timer = None

    def show_problems(self, problems: list, extra: str | None = None) -> None:
        """Show the first problem (and a count of the rest); repaint only on change.

        When only a message's wording changes (it quotes the value being typed)
        the repaint waits for a pause in typing; a new or cleared problem shows at once.
        """
        key = (tuple((p.code, p.zh) for p in problems), extra)
        if key == self._shown:
            return
        same_codes = (
            tuple(c for c, _ in key[0]) == tuple(c for c, _ in self._shown[0])
            if (self._shown)
            else False
        )
        self._shown = key
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if same_codes and extra == self._extra:
            self._timer = self.set_timer(WORDING_DELAY, lambda: self._paint(problems, extra))
        else:
            self._paint(problems, extra)

    def _paint(self, problems: list, extra: str | None) -> None:
        self._timer = None
        self._extra = extra
        if extra:
            self.update(plain("✖ " + extra, "bold red"), layout=False)
        elif problems:
            first = problems[0]
            mark, style = SEVERITY_MARK.get(first.severity, ("·", ""))
            more = f" (+{len(problems) - 1})" if len(problems) > 1 else ""
            self.update(plain(f"{mark} {first.code} {first.zh}{more}", style), layout=False)
        else:
            self.update("", layout=False)
