"""The indicator tree: 一级 → 二级 → 三级, each 三级 with its values and a problem mark."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.escape import printable
from tui.model import Indicator, Table, indicator_tree
from tui.rules.engine import worst_severity
from tui.ui.actions import bindings
from tui.ui.text import SEVERITY_MARK
from tui.ui.widgets.in_order_keys import InOrderKeys

# Node data: ("l1", level1) | ("l2", level1, level2) | ("row", uid)
NodeData = tuple


def _row_label(row: Indicator, severity: str | None) -> Text:
    mark, style = SEVERITY_MARK.get(severity or "", (" ", ""))
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append(mark + " ", style)
    label.append(printable(row.name) or "（未命名）", "" if row.name else "dim italic")
    label.append("  ")
    label.append(printable(row.medium) or "—", "green" if row.medium else "dim")
    label.append(" │ ", "dim")
    annual = printable(row.annual) or "—"
    if row.annual_name is not None and row.annual_name != row.name:
        annual = f"[{printable(row.annual_name)}] {annual}"
    label.append(annual, "cyan" if row.annual else "dim")
    return label


def _label_key(row: Indicator, severity: str | None) -> tuple:
    return (row.name, row.medium, row.annual, row.annual_name, severity)


def _group_label(name: str, count: int, severity: str | None) -> Text:
    mark, style = SEVERITY_MARK.get(severity or "", (" ", ""))
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append(mark + " ", style)
    label.append(printable(name) or "（空）", "bold")
    label.append(f"  {count}", "dim")
    return label


class IndicatorTree(InOrderKeys, Tree[NodeData]):
    """The tree of one table's rows; rebuilt on structural edits, relabelled on value edits."""

    BINDINGS = bindings("tree")

    def __init__(self, **kwargs) -> None:
        super().__init__("指标", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self.row_nodes: dict[int, TreeNode[NodeData]] = {}
        self._marks: dict[int, tuple] = {}
        self.group_nodes: dict[NodeData, TreeNode[NodeData]] = {}
        self._group_marks: dict[NodeData, str | None] = {}
        self._groups: list[tuple[NodeData, str, list[int]]] = []  # (data, name, row indexes)
        self._structure: tuple = ()

    def on_paste(self, event: events.Paste) -> None:
        """Bracketed paste on the tree: import the pasted rows into the table."""
        event.stop()
        self.screen.paste_rows(event.text)

    def rebuild(self, table: Table, severities: dict[int, str | None]) -> None:
        """Rebuild from ``table`` when its structure changed; keep the cursor's row."""
        rows = table.indicators
        structure = tuple((r.uid, r.level1, r.level2) for r in rows)
        if structure == self._structure:
            self.relabel_all(table, severities)
            return
        current = self.cursor_data
        self._structure = structure
        self.clear()
        self.row_nodes = {}
        self._marks = {}
        self.group_nodes = {}
        self._group_marks = {}
        self._groups = []
        for l1 in indicator_tree(rows):
            l1_rows = [i for l2 in l1.children for i in l2.rows]
            sev1 = _worst(severities, rows, l1_rows)
            node1 = self.root.add(
                _group_label(l1.name, len(l1_rows), sev1), data=("l1", l1.name), expand=True
            )
            self.group_nodes[node1.data] = node1
            self._group_marks[node1.data] = sev1
            self._groups.append((node1.data, l1.name, l1_rows))
            for l2 in l1.children:
                sev2 = _worst(severities, rows, l2.rows)
                node2 = node1.add(
                    _group_label(l2.name, len(l2.rows), sev2),
                    data=("l2", l1.name, l2.name),
                    expand=True,
                )
                self.group_nodes[node2.data] = node2
                self._group_marks[node2.data] = sev2
                self._groups.append((node2.data, l2.name, l2.rows))
                for index in l2.rows:
                    row = rows[index]
                    sev = severities.get(row.uid)
                    self._marks[row.uid] = _label_key(row, sev)
                    self.row_nodes[row.uid] = node2.add_leaf(
                        _row_label(row, sev), data=("row", row.uid)
                    )
        if current is not None:
            self.select_data(current)

    def relabel(self, row: Indicator, severity: str | None) -> None:
        """Update one row's label (after an edit of its values)."""
        node = self.row_nodes.get(row.uid)
        key = _label_key(row, severity)
        if node is not None and self._marks.get(row.uid) != key:
            self._marks[row.uid] = key
            node.set_label(_row_label(row, severity))

    def relabel_all(
        self, table: Table, severities: dict[int, str | None], skip_text: int | None = None
    ) -> None:
        """Update the labels whose text or mark changed, rows and groups alike.

        The row ``skip_text`` (being typed into) is relabelled only when its mark
        changed; its text follows when the field is left.
        """
        rows = table.indicators
        for row in rows:
            sev = severities.get(row.uid)
            old = self._marks.get(row.uid)
            if row.uid == skip_text and old is not None and old[-1] == sev:
                continue
            self.relabel(row, sev)
        for data, name, indexes in self._groups:  # groups are fixed until the next rebuild
            sev = _worst(severities, rows, indexes)
            if self._group_marks.get(data, "?") != sev:
                self._group_marks[data] = sev
                self._set_own_label(self.group_nodes[data], _group_label(name, len(indexes), sev))

    def _set_own_label(self, node: TreeNode[NodeData], label: Text) -> None:
        """Relabel a group node repainting only its own line.

        ``TreeNode.set_label`` repaints every line below the node too, which on a
        一级 group is most of the screen.
        """
        node._label = self.process_label(label)
        node._updates += 1
        if node._line >= 0:
            self._refresh_line(node._line)

    @property
    def cursor_data(self) -> NodeData | None:
        """The data of the node under the cursor."""
        node = self.cursor_node
        return node.data if node is not None else None

    def select_data(self, data: NodeData) -> bool:
        """Move the cursor to the node holding ``data``; returns whether found."""
        node = self.row_nodes.get(data[1]) if data[0] == "row" else self.group_nodes.get(data)
        if node is None:
            return False
        self.move_cursor(node)
        # After a rebuild the new nodes get their lines only at the next refresh.
        self.call_after_refresh(self.move_cursor, node)
        return True


def _worst(severities: dict[int, str | None], rows: list[Indicator], indexes: list[int]):
    return worst_severity(severities.get(rows[i].uid) for i in indexes)
