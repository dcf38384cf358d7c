"""Row actions of the editor screen: add, duplicate, delete, move, copy 中期→年度."""

from __future__ import annotations

from tui.escape import printable
from tui.frameworks import get_framework


class RowActionsMixin:
    """Mixed into ``EditorScreen``; every change goes through the session."""

    def _row_context(self) -> tuple[str, str, int | None]:
        """(一级, 二级, row index or None) of the tree cursor or the edited row."""
        table = self.session.table
        rows = table.indicators
        focused = self.focused
        data = self.indicator_tree.cursor_data
        if focused is not self.indicator_tree and self.current_row is not None and rows:
            row = rows[self.current_row]
            return row.level1, row.level2, self.current_row
        if data is None or data[0] == "row":
            index = self._index_of(data[1]) if data else self.current_row
            if index is not None and 0 <= index < len(rows):
                return rows[index].level1, rows[index].level2, index
            fw = get_framework(table.framework)
            return fw.level1[0], fw.level2[fw.level1[0]][0], None
        if data[0] == "l2":
            return data[1], data[2], None
        level1 = data[1]
        existing = [r.level2 for r in rows if r.level1 == level1]
        if existing:
            return level1, existing[-1], None
        fw = get_framework(table.framework)
        return level1, fw.level2.get(level1, ("",))[0], None

    def _row_changed(self, index: int | None, key: str = "name", edit: bool = False) -> None:
        self.current_row = index
        self.validate(structure=True)
        self.show_current_row()
        rows = self.session.table.indicators
        if index is not None and rows:
            self.indicator_tree.select_data(("row", rows[index].uid))
        if edit:
            self.set_focus(self.row_editor.inputs()[key])

    def action_add_row(self) -> None:
        """Add a 三级 row under the current 二级 and put the cursor in its name."""
        self._discard_fresh_row()
        level1, level2, after = self._row_context()
        index = self.session.add_row(level1, level2, after)
        self.fresh_row_uid = self.session.table.indicators[index].uid
        self.query_one("ContentSwitcher").current = "indicators"
        self._show_tabs("indicators")
        self._row_changed(index, edit=True)

    def action_edit_row(self) -> None:
        """Enter on a row: edit its name; on a group: expand or collapse it."""
        data = self.indicator_tree.cursor_data
        if data is None and self.current_row is not None:
            data = ("row", None)  # the cursor is not drawn yet (first frame): the shown row
        if data and data[0] == "row":
            self.show_current_row()
            self.set_focus(self.row_editor.inputs()["name"])
        elif self.indicator_tree.cursor_node is not None:
            self.indicator_tree.cursor_node.toggle()

    def action_duplicate_row(self) -> None:
        """Duplicate the current row."""
        _l1, _l2, index = self._row_context()
        if index is None:
            return
        self._row_changed(self.session.duplicate_row(index))

    def action_delete_row(self) -> None:
        """Delete the current row (undo brings it back)."""
        _l1, _l2, index = self._row_context()
        if index is None:
            return
        self.session.delete_row(index)
        rows = self.session.table.indicators
        self._row_changed(min(index, len(rows) - 1) if rows else None)
        self.notify("已删除一行，^z 撤销（row deleted; ^z to undo）", markup=False, timeout=3)

    def action_move_row(self, delta: int) -> None:
        """Move the current row up or down within its 二级."""
        _l1, _l2, index = self._row_context()
        if index is None:
            return
        self._row_changed(self.session.move_row(index, delta))

    def action_copy_to_annual(self) -> None:
        """Copy 中期值 into 年度值 of the current row."""
        _l1, _l2, index = self._row_context()
        if index is None:
            return
        if self.session.copy_medium_to_annual(index):
            self._row_changed(index, "annual", edit=self.focused is not self.indicator_tree)

    def action_back_to_tree(self) -> None:
        """Escape in the row editor: back to the tree; drop a fresh row left empty."""
        self._discard_fresh_row()
        self.set_focus(self.indicator_tree)

    def _discard_fresh_row(self) -> None:
        uid = self.fresh_row_uid
        self.fresh_row_uid = None
        if uid is None:
            return
        index = self._index_of(uid)
        if index is not None and self.session.discard_empty_row(index):
            rows = self.session.table.indicators
            self._row_changed(min(max(index - 1, 0), len(rows) - 1) if rows else None)

    def action_total_to_sum(self) -> None:
        """Set 资金总额 = 财政拨款 + 其他资金 in the focused column (both if none)."""
        ref = getattr(self.focused, "ref", None)
        columns = [ref[1]] if ref and ref[0] == "funding" else ["medium", "annual"]
        for column in columns:
            self.session.set_total_to_sum(column)
        self.refresh_all()

    def paste_rows(self, text: str) -> None:
        """Import indicator rows pasted from a spreadsheet into the table, after the cursor."""
        from tui.importing import import_rows  # imported on first use: faster start-up

        result = import_rows(text, framework=self.session.table.framework)
        rows = result.tables[0].indicators if result.tables else []
        for item in result.report[:3]:
            self.notify(
                f"未放置 {item.line}:{item.column} “{printable(item.text)[:30]}”：{item.reason_zh}",
                severity="warning",
                markup=False,
            )
        if not rows:
            self.notify("粘贴的内容中没有指标行（no indicator rows pasted）", markup=False)
            return
        _l1, _l2, after = self._row_context()
        index = self.session.insert_rows(rows, after)
        self._row_changed(index)
        skipped = len(result.report)
        self.notify(
            f"已粘贴 {len(rows)} 行指标" + (f"，{skipped} 个单元格未放置" if skipped else ""),
            markup=False,
        )
