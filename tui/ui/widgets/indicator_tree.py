"""The indicator tree: 一级 → 二级 → 三级, each 三级 with its values and its worst problem.

A line-API widget of its own (not Textual's ``Tree``): the lines are a flat
list rebuilt when the structure changes; a value edit or a new mark repaints
only the lines whose text changed; the cursor moves and scrolls by half a page
at the edges, so moving and scrolling send little over a slow link. Keys are
routed to its ``action_*`` methods by ``tui.ui.keys``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.escape import pictures
from tui.model import Indicator, Table, indicator_tree
from tui.rules.engine import worst_severity
from tui.ui.actions import bindings
from tui.ui.text import SEVERITY_MARK

NodeKey = tuple  # ("l1", level1) | ("l2", level1, level2) | ("row", uid)


@dataclass
class TreeLine:
    """One visible line: what it shows and the key that identifies it."""

    key: NodeKey
    depth: int
    label: tuple = ()  # what the line showed when last painted; a change repaints the line


class IndicatorTree(ScrollView, can_focus=True):
    """The rows of one table as a foldable tree with problem marks."""

    KEY_SCOPES = ("tree",)
    BINDINGS = bindings("tree")
    COMPONENT_CLASSES = {"tree--cursor", "tree--group", "tree--dim", "tree--medium", "tree--annual"}

    def __init__(
        self,
        on_cursor: Callable[[NodeKey], None],
        on_paste: Callable[[str], None],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.on_cursor = on_cursor
        self.on_paste = on_paste
        self.lines: list[TreeLine] = []
        self.cursor = 0
        self.folded: set[NodeKey] = set()
        self._structure: tuple = ()
        self._groups: list[tuple[NodeKey, str, list[int]]] = []
        self._table: Table | None = None
        self._worst: dict[int, str] = {}
        self._index: dict[int, int] = {}  # uid → row index

    # -- content -------------------------------------------------------------
    def show(self, table: Table, row_worst: dict[int, str]) -> None:
        """Show ``table`` with the worst severity per row index; repaint what changed."""
        self._table, self._worst = table, row_worst
        rows = table.indicators
        self._index = {row.uid: index for index, row in enumerate(rows)}
        structure = tuple((r.uid, r.level1, r.level2) for r in rows)
        if structure != self._structure:
            self._structure = structure
            self._rebuild(rows)
            return
        # Only the lines on screen: a line's label is read from the model when it is painted,
        # so a line scrolled into view later shows what it holds then (a keystroke in a
        # 10,000-row table costs the lines on screen, not every line).
        top = self.scroll_offset.y
        for y in range(top, min(top + max(self.size.height, 1), len(self.lines))):
            line = self.lines[y]
            if self._label_of(line.key) != line.label:
                self.refresh_line(y)

    def _rebuild(self, rows: list[Indicator]) -> None:
        current = self.cursor_key
        self._groups = []
        for l1 in indicator_tree(rows):
            l1_rows = [i for l2 in l1.children for i in l2.rows]
            self._groups.append((("l1", l1.name), l1.name, l1_rows))
            for l2 in l1.children:
                self._groups.append((("l2", l1.name, l2.name), l2.name, l2.rows))
        self._relayout()
        if current is not None:
            self.select(current)
        self._reveal_cursor(top_first=True)

    def _relayout(self) -> None:
        """The visible lines from the groups and the folded set."""
        assert self._table is not None
        rows = self._table.indicators
        lines: list[TreeLine] = []
        hidden_l1: str | None = None
        for key, _name, indexes in self._groups:
            if key[0] == "l1":
                hidden_l1 = key[1] if key in self.folded else None
                lines.append(TreeLine(key, 0))
                continue
            if hidden_l1 is not None and key[1] == hidden_l1:
                continue
            lines.append(TreeLine(key, 1))
            if key not in self.folded:
                for index in indexes:
                    row_key = ("row", rows[index].uid)
                    lines.append(TreeLine(row_key, 2))
        self.lines = lines
        self.cursor = min(self.cursor, max(len(lines) - 1, 0))
        self.virtual_size = Size(0, len(lines))
        self.refresh()

    def _label_of(self, key: NodeKey) -> tuple:
        assert self._table is not None
        rows = self._table.indicators
        if key[0] == "row":
            index = self.index_of(key[1])
            if index is None:
                return ()
            row = rows[index]
            return (
                "row",
                row.name,
                row.medium,
                row.annual,
                row.annual_name,
                self._worst.get(index),
            )
        indexes = next((ix for k, _n, ix in self._groups if k == key), [])
        worst = worst_severity(self._worst.get(i) for i in indexes)
        return ("group", key[-1], len(indexes), worst, key in self.folded)

    def index_of(self, uid: int) -> int | None:
        """The row index of the row with ``uid``."""
        return self._index.get(uid)

    def row_beside(self, uid: int) -> int | None:
        """The uid of the row line shown below the row ``uid`` (above it when it is the last)."""
        rows = [line.key[1] for line in self.lines if line.key[0] == "row"]
        at = rows.index(uid) if uid in rows else None
        if at is None or len(rows) < 2:
            return None
        return rows[at + 1] if at + 1 < len(rows) else rows[at - 1]

    # -- cursor --------------------------------------------------------------
    @property
    def cursor_key(self) -> NodeKey | None:
        """The key of the line under the cursor."""
        return self.lines[self.cursor].key if self.lines else None

    def select(self, key: NodeKey) -> bool:
        """Move the cursor to ``key`` (unfolding its groups); returns whether found."""
        if key[0] == "row" and key not in [line.key for line in self.lines]:
            self._unfold_row(key[1])
        for y, line in enumerate(self.lines):
            if line.key == key:
                self._move(y)
                return True
        return False

    def _unfold_row(self, uid: int) -> None:
        index = self.index_of(uid)
        if index is None or self._table is None:
            return
        row = self._table.indicators[index]
        self.folded -= {("l1", row.level1), ("l2", row.level1, row.level2)}
        self._relayout()

    def _move(self, y: int) -> None:
        if not self.lines:
            return
        y = max(0, min(y, len(self.lines) - 1))
        old, self.cursor = self.cursor, y
        self.refresh_line(old)
        self.refresh_line(y)
        self._reveal_cursor()
        self.on_cursor(self.lines[y].key)

    def _reveal_cursor(self, *, top_first: bool = False) -> None:
        """Scroll the cursor line into view, half a page in from the edge it passed.

        With ``top_first`` (after a rebuild or a resize) a cursor within the first
        screen shows the top, so no line above it is hidden when all of them fit. A
        tree not laid out yet (a hidden panel) waits for its size: ``on_resize``.
        """
        top, height = self.scroll_offset.y, self.size.height
        if not height or not self.lines:
            return
        y, half = self.cursor, max(height // 2, 1)
        if top_first and y < height:
            target = 0
        elif y < top:
            target = max(y - half, 0)
        elif y >= top + height:
            target = y - height + half
        else:
            return
        if target != top:
            self.scroll_to(y=target, animate=False)

    def on_resize(self) -> None:
        """The cursor stays in view at the new height (the first size after a hidden mount)."""
        self._reveal_cursor(top_first=True)

    def action_cursor_down(self) -> None:
        """Next line."""
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous line."""
        self._move(self.cursor - 1)

    def action_page_down(self) -> None:
        """Half a page down."""
        self._move(self.cursor + max(self.size.height // 2, 1))

    def action_page_up(self) -> None:
        """Half a page up."""
        self._move(self.cursor - max(self.size.height // 2, 1))

    def action_cursor_first(self) -> None:
        """First line."""
        self._move(0)

    def action_cursor_last(self) -> None:
        """Last line."""
        self._move(len(self.lines) - 1)

    def action_toggle_group(self) -> None:
        """Fold or unfold the group under the cursor."""
        key = self.cursor_key
        if key is None or key[0] == "row":
            return
        self.folded ^= {key}
        self._relayout()
        self.select(key)

    def apply_paste(self, text: str) -> None:
        """A bracketed paste on the tree: rows from a spreadsheet."""
        self.on_paste(text)

    # -- drawing -------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """One line of the tree."""
        index = y + self.scroll_offset.y
        width = self.size.width
        base = self.rich_style
        if not 0 <= index < len(self.lines):
            return Strip.blank(width, base)
        line = self.lines[index]
        # The cursor is a mark in a one-cell gutter, not a highlighted line: moving it
        # changes two cells, so a move sends a few bytes over a slow link.
        text = Text()
        if index == self.cursor:
            text.append("▶", self.get_component_rich_style("tree--cursor"))
        else:
            text.append(" ")
        line.label = self._label_of(line.key)
        text.append_text(self._line_text(line))
        text.truncate(width, overflow="ellipsis")
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, base).apply_style(base)

    def _line_text(self, line: TreeLine) -> Text:
        label = line.label
        indent = "  " * line.depth
        if not label:
            return Text(indent)
        if label[0] == "group":
            _kind, name, count, worst, folded = label
            mark, style = SEVERITY_MARK.get(worst or "", (" ", ""))
            text = Text(indent + ("▸ " if folded else "▾ "))
            text.append(mark + " ", style)
            text.append(pictures(name) or "（空）", self.get_component_rich_style("tree--group"))
            text.append(f"  {count}", self.get_component_rich_style("tree--dim"))
            return text
        _kind, name, medium, annual, annual_name, worst = label
        mark, style = SEVERITY_MARK.get(worst or "", (" ", ""))
        dim = self.get_component_rich_style("tree--dim")
        text = Text(indent)
        text.append(mark + " ", style)
        text.append(pictures(name) or "（未命名）", "" if name else dim)
        text.append("  ")
        text.append(pictures(medium) or "—", self.get_component_rich_style("tree--medium"))
        text.append(" │ ", dim)
        shown = pictures(annual) or "—"
        if annual_name is not None and annual_name != name:
            shown = f"[{pictures(annual_name)}] {shown}"
        text.append(shown, self.get_component_rich_style("tree--annual"))
        return text
