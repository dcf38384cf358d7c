"""指标: the indicator tree, the row editor below (or beside) it, and every row action."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container
from textual.timer import Timer

from tui.checking import CheckResult
from tui.escape import printable
from tui.frameworks import canonical_label, get_framework
from tui.model import Indicator
from tui.ui.dialogs import PromptDialog
from tui.ui.editor_api import Editor
from tui.ui.widgets.form import Key
from tui.ui.widgets.indicator_tree import IndicatorTree, NodeKey
from tui.ui.widgets.row_form import QUICK_NEXT, RowForm

WIDE_LAYOUT = 160  # columns from which the row editor stands beside the tree
ROW_DISPLAY_DELAY = 0.12  # seconds the tree cursor rests before the row editor follows


class IndicatorsPanel(Container):
    """Tree and row editor; side by side when wide, stacked when narrow."""

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editor = editor
        self.indicator_tree = IndicatorTree(self._tree_cursor, self.paste_on_tree, id="tree")
        self.form = RowForm(self._row_edited, self.paste_rows, id="row-editor")
        self.fresh_uid: int | None = None  # a row just added; dropped on Esc while empty
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield self.indicator_tree
        yield self.form

    def on_mount(self) -> None:
        """Completion lists, then the first row."""
        self.set_suggestions()
        rows = self.editor.session.table.indicators
        self.form.show_row(rows[0] if rows else None)

    def on_resize(self) -> None:
        """Side by side on very wide terminals."""
        self.set_class(self.app.size.width >= WIDE_LAYOUT, "wide")

    def set_suggestions(self, row: Indicator | None = None) -> None:
        """Completion from the table's framework (the row's own 一级 first) and the folder."""
        fw = get_framework(self.editor.session.table.framework)
        level2 = [l2 for l1 in fw.level1 for l2 in fw.level2[l1]]
        names = sorted(
            {n for l2 in level2 for n in fw.common.get(l2, ())} | set(self.editor.other_names)
        )
        if row is not None:
            own = fw.level2.get(canonical_label(row.level1, 1), ())
            level2 = [*own, *(l2 for l2 in level2 if l2 not in own)]
            common = fw.common.get(canonical_label(row.level2, 2), ())
            names = [*common, *(n for n in names if n not in common)]
        self.form.set_suggestions(list(fw.level1), level2, names)

    # -- showing -------------------------------------------------------------
    @property
    def rows(self) -> list[Indicator]:
        """The table's rows."""
        return self.editor.session.table.indicators

    def current_index(self) -> int | None:
        """The index of the row in the row editor."""
        uid = self.form.uid
        return None if uid is None else self.indicator_tree.index_of(uid)

    def show_result(self, result: CheckResult) -> None:
        """Marks in the tree (a row holding a rejected input as an error: it blocks saving),
        problems in the row editor; the row editor follows its row."""
        held = {r[1]: "error" for r in self.editor.session.invalid if r[0] == "indicators"}
        worst = {**result.row_worst, **held} if held else result.row_worst  # no copy per key
        self.indicator_tree.show(self.editor.session.table, worst)
        index = self.current_index()
        if index is None and self.form.uid is not None:
            self.form.show_row(self._row_at_cursor())
            index = self.current_index()
        problems: dict[Key, list] = {}
        invalid: dict[Key, str] = {}
        if index is not None:
            for problem in result.on(("indicators", index)):
                key = problem.ref[2] if len(problem.ref) > 2 else "name"
                problems.setdefault(key, []).append(problem)
            for ref, text in self.editor.session.invalid.items():
                if ref[:2] == ("indicators", index):
                    invalid[ref[2]] = text
        self.form.show_problems(problems, invalid)

    def reload(self) -> None:
        """Show the model again after undo, redo or reload (the row keeps its uid)."""
        index = self.current_index()
        row = self.rows[index] if index is not None else self._row_at_cursor()
        self.show_row(row)

    def show_row(self, row: Indicator | None) -> None:
        """Show ``row`` in the row editor (a rejected input as typed), completing 二级 names
        of its 一级 first."""
        self.set_suggestions(row)
        self.form.show_row(row)
        index = None if row is None else self.indicator_tree.index_of(row.uid)
        held = self.editor.session.invalid.items()
        mine = {r[2]: text for r, text in held if len(r) == 3 and r[:2] == ("indicators", index)}
        self.form.load({key: text for key, text in mine.items() if key in self.form.state})

    def _row_at_cursor(self) -> Indicator | None:
        """The row under the tree cursor; on a group, the group's first row (shown dimmed)."""
        key = self.indicator_tree.cursor_key
        self.form.set_class(key is not None and key[0] != "row", "group")
        if key is not None and key[0] == "row":
            index = self.indicator_tree.index_of(key[1])
            if index is not None:
                return self.rows[index]
        if key is not None:
            for row in self.rows:
                if row.level1 == key[1] and (key[0] == "l1" or row.level2 == key[2]):
                    return row
        return self.rows[0] if self.rows else None

    def _tree_cursor(self, key: NodeKey) -> None:
        """The tree cursor moved: the row editor follows once it rests — unless the row
        editor has the focus (an edit regrouped the tree under it): then the cursor goes
        back to the row being edited, and typing goes on into that row."""
        if key[0] == "row" and key[1] == self.form.uid and not self.form.has_class("group"):
            return
        if self.screen.focused is self.form:
            if self.form.uid is not None and key != ("row", self.form.uid):
                self.indicator_tree.select(("row", self.form.uid))
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(ROW_DISPLAY_DELAY, self._follow_cursor)

    def _follow_cursor(self) -> None:
        self._timer = None
        row = self._row_at_cursor()
        if row is None or row.uid != self.form.uid:
            self.show_row(row)
            self.show_result(self.editor.result)

    def select_row(self, index: int, key: str | None = None) -> None:
        """Select row ``index`` in the tree and the row editor; focus field ``key`` if given."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        row = self.rows[index]
        self.form.set_class(False, "group")
        if self.form.uid != row.uid:  # first: the tree cursor, once moved, follows the form
            self.show_row(row)
        self.indicator_tree.select(("row", row.uid))
        self.show_result(self.editor.result)
        if key is not None:
            self.form.focus_field(key)
            self.screen.set_focus(self.form)

    # -- editing -------------------------------------------------------------
    def _row_edited(self, key: Key, text: str) -> None:
        index = self.current_index()
        if index is None:
            return
        self.editor.apply_edit(("indicators", index, key), text)

    def _action_place(self) -> tuple[str, str, int | None]:
        """(一级, 二级, row index or None) where a row action applies."""
        if self.screen.focused is self.form:
            index = self.current_index()
            if index is not None:
                return self.rows[index].level1, self.rows[index].level2, index
        key = self.indicator_tree.cursor_key
        if key is not None and key[0] == "row":
            index = self.indicator_tree.index_of(key[1])
            if index is not None:
                return self.rows[index].level1, self.rows[index].level2, index
        fw = get_framework(self.editor.session.table.framework)
        if key is not None and key[0] == "l2":
            return key[1], key[2], None
        if key is not None and key[0] == "l1":
            existing = [r.level2 for r in self.rows if r.level1 == key[1]]
            return key[1], existing[-1] if existing else fw.level2.get(key[1], ("",))[0], None
        return fw.level1[0], fw.level2[fw.level1[0]][0], None

    def _row_index(self) -> int | None:
        """The row a row action applies to; on a group, say that it needs a row."""
        index = self._action_place()[2]
        if index is None:
            self.editor.say("光标在分组上：此操作作用于三级指标行（move to an indicator row）")
        return index

    def _changed(self, index: int | None, key: str | None = None) -> None:
        self.editor.model_changed(index)
        if index is not None and self.rows:
            self.select_row(min(index, len(self.rows) - 1), key)

    def action_add_row(self) -> None:
        """Add a 三级 row under the current 二级 and type its name."""
        self._drop_fresh_row()
        level1, level2, after = self._action_place()
        index = self.editor.session.add_row(level1, level2, after)
        self.fresh_uid = self.rows[index].uid
        self._changed(index, "name")

    def action_edit_row(self) -> None:
        """Enter on a row: edit its name; on a group: fold or unfold it."""
        key = self.indicator_tree.cursor_key
        if key is None:
            return
        if key[0] != "row":
            self.indicator_tree.action_toggle_group()
            return
        index = self.indicator_tree.index_of(key[1])
        if index is not None:
            self.select_row(index, "name")

    def action_to_form(self) -> None:
        """Tab on the tree: into the row editor, which shows the row under the cursor at once.

        Not Textual's own focus move (it happens after the keys already read) and
        not after the row editor's display delay: the keys after Tab edit that row.
        """
        if self._timer is not None:
            self._timer.stop()
        self._follow_cursor()
        self.form.focus_field(self.form.current)  # the cursor at the end of its text
        self.screen.set_focus(self.form)

    def action_quick_next(self) -> None:
        """Enter in the row editor: 三级 → 中期值 → 年度值 → a fresh next row."""
        current = self.form.current
        if current == "annual":
            self.action_add_row()
        elif current in QUICK_NEXT:
            self.form.focus_field(QUICK_NEXT[current])
        else:
            self.form.action_next_field()

    def action_duplicate_row(self) -> None:
        """Duplicate the current row."""
        index = self._row_index()
        if index is not None:
            self._changed(self.editor.session.duplicate_row(index))

    def action_delete_row(self) -> None:
        """Delete the current row (undo brings it back)."""
        index = self._row_index()
        if index is None:
            return
        below = self.indicator_tree.row_beside(self.rows[index].uid)  # on screen, not in file
        self.editor.session.delete_row(index)
        after = next((i for i, row in enumerate(self.rows) if row.uid == below), None)
        self._changed(after)  # None: the table has no row left
        self.editor.say("已删除一行，^z 撤销（row deleted; ^z undoes）")

    def action_move_row(self, delta: int) -> None:
        """Move the current row up or down within its 二级."""
        index = self._row_index()
        if index is not None:
            self._changed(self.editor.session.move_row(index, delta))

    def action_copy_to_annual(self) -> None:
        """Copy 中期值 into 年度值 of the current row."""
        index = self._row_index()
        if index is None:
            return
        old = self.rows[index].annual
        if self.editor.session.copy_medium_to_annual(index):
            in_form = self.screen.focused is self.form
            self._changed(index, "annual" if in_form else None)
            if old:
                self.editor.say(
                    f"年度值“{printable(old)[:20]}”已改为中期值，^z 撤销（copied; ^z undoes）"
                )

    def action_back_to_tree(self) -> None:
        """Esc in the row editor: back to the tree; a fresh row left empty is dropped."""
        self._drop_fresh_row()
        self.screen.set_focus(self.indicator_tree)

    def _drop_fresh_row(self) -> None:
        uid, self.fresh_uid = self.fresh_uid, None
        index = None if uid is None else self.indicator_tree.index_of(uid)
        if index is not None and self.editor.session.discard_empty_row(index):
            self._changed(min(max(index - 1, 0), len(self.rows) - 1) if self.rows else None)

    def action_rename_group(self) -> None:
        """Rename the 一级 or 二级 under the cursor for all its rows (one undo step)."""
        key = self.indicator_tree.cursor_key
        if key is None:
            return
        if key[0] == "row":
            index = self.indicator_tree.index_of(key[1])
            if index is None:
                return
            key = ("l2", self.rows[index].level1, self.rows[index].level2)
        level1, level2 = key[1], key[2] if key[0] == "l2" else None
        old = level2 if level2 is not None else level1

        def rename(name: str | None) -> None:
            if name is None or name == old:
                return
            count = self.editor.session.rename_group(level1, level2, name)
            self.editor.model_changed()
            self.indicator_tree.select(("l1", name) if level2 is None else ("l2", level1, name))
            self.editor.say(
                f"已将 {count} 行的“{printable(old)}”改为“{printable(name)}”（renamed）"
            )

        title = (
            "重命名一级指标（rename level 1）"
            if level2 is None
            else "重命名二级指标（rename level 2）"
        )
        self.app.push_screen(PromptDialog(title, old), rename)

    def paste_on_tree(self, text: str) -> None:
        """A paste on the tree: rows from a spreadsheet (said so when there are none)."""
        if not self.paste_rows(text):
            self.editor.say("粘贴的内容中没有指标行（no indicator rows pasted）", "warning")

    def paste_rows(self, text: str) -> bool:
        """Rows pasted from a spreadsheet go in after the cursor, as one undo step; returns
        whether the text held any row."""
        from tui.importing import import_rows  # imported on first use: faster start-up

        table = self.editor.session.table  # a target table takes no actual values
        evaluating = table.stage == "evaluation"
        result = import_rows(text, framework=table.framework, evaluation=evaluating)
        rows = result.tables[0].indicators if result.tables else []
        if not rows:
            return False
        self._drop_fresh_row()
        level1, level2, after = self._action_place()
        for row in rows:  # rows pasted without their levels go under the cursor's 二级
            if not row.level1 and not row.level2:
                row.level1, row.level2 = level1, level2
        index = self.editor.session.insert_rows(rows, after)
        self._changed(index)
        skipped = "".join(
            f"；未放置 {item.line}:{item.column} “{printable(item.text)[:20]}”"
            for item in result.report[:2]
        )
        more = f" 等 {len(result.report)} 个单元格" if len(result.report) > 2 else ""
        self.editor.say(f"已粘贴 {len(rows)} 行指标{skipped}{more}（pasted）")
        return True
