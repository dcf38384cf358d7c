"""A list of entries in columns, one line each, with a cursor: the rows of the stage panels.

A line-API widget like the indicator tree: the owner hands it the entries as
``(key, label)`` pairs, where ``label`` is a tuple of what the line shows; a
line is repainted only when its label changes, and the whole list only when
the keys change. Each line is drawn by the owner's ``draw(label, width)``, so
the columns follow the width. The cursor moves and scrolls by half a page at
the edges; keys reach the ``action_*`` methods through ``tui.ui.keys``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.escape import pictures
from tui.ui.actions import bindings
from tui.ui.widgets.cells import fit

Entry = tuple[Hashable, tuple]  # (key, label)


def cell(text: str, width: int) -> str:
    """``text`` shown literally in exactly ``width`` cells, cut with ``…`` when too long
    (a control character as its one-symbol picture, as in the forms: a line break is ␊)."""
    shown = pictures(text)
    if cell_len(shown) > width:
        shown = fit(shown, width - 1) + "…" if width > 0 else ""
    return shown + " " * max(width - cell_len(shown), 0)


def column_widths(width: int, specs: Sequence[tuple[int, int]]) -> list[int]:
    """Widths of columns ``(minimum, share)`` on a line ``width`` cells wide.

    One space separates two columns; each column gets its minimum, then the
    columns with a share split what is left in proportion to it.
    """
    room = max(width - sum(low for low, _ in specs) - (len(specs) - 1), 0)
    total = sum(share for _, share in specs) or 1
    widths = [low + room * share // total for low, share in specs]
    first = next((i for i, (_, share) in enumerate(specs) if share), 0)
    widths[first] += width - (len(specs) - 1) - sum(widths) if room else 0
    return widths


class StageList(ScrollView, can_focus=True):
    """Entries in columns, one of them under the cursor."""

    KEY_SCOPES: tuple[str, ...] = ("stagelist",)
    BINDINGS = bindings("stagelist")
    COMPONENT_CLASSES = {"stagelist--cursor"}

    def __init__(
        self,
        draw: Callable[[tuple, int], Text],
        on_cursor: Callable[[Hashable], None],
        *,
        scopes: tuple[str, ...] = (),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.KEY_SCOPES = (*scopes, "stagelist")  # the owner's list keys first
        self.draw = draw
        self.on_cursor = on_cursor
        self.entries: list[Entry] = []
        self.cursor = 0

    # -- content -------------------------------------------------------------
    def show(self, entries: list[Entry]) -> None:
        """Show ``entries``; repaint only the lines whose label changed."""
        old = self.entries
        self.entries = entries
        if [key for key, _ in old] != [key for key, _ in entries]:
            current = old[self.cursor][0] if old and self.cursor < len(old) else None
            self.virtual_size = Size(0, len(entries))
            keys = [key for key, _ in entries]
            self.cursor = (
                keys.index(current) if current in keys else min(self.cursor, len(keys) - 1)
            )
            self.cursor = max(self.cursor, 0)
            self.refresh()
            return
        for y, ((_key, label), (_same, before)) in enumerate(zip(entries, old, strict=True)):
            if label != before:
                self.refresh_line(y)

    @property
    def cursor_key(self) -> Hashable | None:
        """The key of the entry under the cursor."""
        return self.entries[self.cursor][0] if self.entries else None

    def select(self, key: Hashable) -> bool:
        """Move the cursor to the entry ``key``; returns whether it is there."""
        for y, (entry_key, _label) in enumerate(self.entries):
            if entry_key == key:
                self.move_to(y)
                return True
        return False

    # -- cursor --------------------------------------------------------------
    def move_to(self, y: int) -> None:
        """Put the cursor on line ``y`` (kept in the list), scrolling it into view."""
        if not self.entries:
            return
        y = max(0, min(y, len(self.entries) - 1))
        old, self.cursor = self.cursor, y
        self.refresh_line(old)
        self.refresh_line(y)
        self.keep_cursor_visible()
        self.on_cursor(self.entries[y][0])

    def keep_cursor_visible(self) -> None:
        """Scroll by half a page when the cursor is outside the view."""
        y, top, height = self.cursor, self.scroll_offset.y, max(self.size.height, 1)
        if y < top or y >= top + height:
            half = max(height // 2, 1)
            self.scroll_to(y=max(y - half, 0) if y < top else y - height + half, animate=False)

    def on_resize(self) -> None:
        """The list got shorter (a taller form below): keep the cursor in view."""
        self.keep_cursor_visible()

    def action_cursor_down(self) -> None:
        """Next line."""
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous line."""
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        """Half a page down."""
        self.move_to(self.cursor + max(self.size.height // 2, 1))

    def action_page_up(self) -> None:
        """Half a page up."""
        self.move_to(self.cursor - max(self.size.height // 2, 1))

    def action_cursor_first(self) -> None:
        """First line."""
        self.move_to(0)

    def action_cursor_last(self) -> None:
        """Last line."""
        self.move_to(len(self.entries) - 1)

    # -- drawing -------------------------------------------------------------
    @property
    def list_width(self) -> int:
        """The cells a line has (the scrollbar, when shown, takes one)."""
        return self.scrollable_content_region.width or self.app.size.width

    def render_line(self, y: int) -> Strip:
        """One entry."""
        index = y + self.scroll_offset.y
        width = self.list_width
        base = self.rich_style
        if not 0 <= index < len(self.entries):
            return Strip.blank(width, base)
        text = self.draw(self.entries[index][1], width)
        if index == self.cursor:
            text.stylize_before(self.get_component_rich_style("stagelist--cursor"), 0, len(text))
        text.truncate(width, overflow="ellipsis")
        if text.style:  # render() draws spans only: the Text's own style becomes one
            text.stylize_before(text.style)
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, base).apply_style(base)
