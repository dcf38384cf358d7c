"""The editor screen: panels for one table, live checks, and every edit action."""

from __future__ import annotations

import importlib
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static, Tree

from tui.checking import check
from tui.editing.session import Session
from tui.frameworks import get_framework
from tui.model import FieldRef
from tui.ui.actions import bindings
from tui.ui.exporting import ExportMixin
from tui.ui.panels.funding_panel import FundingPanel
from tui.ui.panels.indicators_panel import (
    QUICK_NEXT,
    ROW_FIELDS,
    IndicatorsPanel,
    RowEditor,
    RowInput,
)
from tui.ui.rows import RowActionsMixin
from tui.ui.saving import SavingMixin
from tui.ui.text import plain
from tui.ui.widgets.field_input import FieldInput, FieldMessage
from tui.ui.widgets.indicator_tree import IndicatorTree

if TYPE_CHECKING:
    from textual.widget import Widget
    from textual.widgets import OptionList, TextArea

# Panels other than 指标 are imported and mounted on first use: a faster first paint.
PANEL_CLASSES = {
    "header": ("tui.ui.panels.header_panel", "HeaderPanel"),
    "funding": ("tui.ui.panels.funding_panel", "FundingPanel"),
    "goals": ("tui.ui.panels.goals_panel", "GoalsPanel"),
    "problems": ("tui.ui.panels.problems_panel", "ProblemsList"),
    "export": ("tui.ui.panels.export_panel", "ExportPanel"),
}
PANELS = (
    ("header", "F2 项目信息"),
    ("funding", "F3 资金"),
    ("goals", "F4 目标"),
    ("indicators", "F5 指标"),
    ("problems", "F6 问题"),
    ("export", "F7 导出"),
)
WIDE_LAYOUT = 160  # columns from which the row editor stands beside the tree
ROW_DISPLAY_DELAY = 0.12  # seconds the tree cursor rests before the row editor follows


class EditorScreen(RowActionsMixin, ExportMixin, SavingMixin, Screen):
    """One open table."""

    BINDINGS = bindings("editor")
    PALETTE_SCOPES = ("editor", "tree", "row", "funding", "export")

    def __init__(
        self,
        session: Session,
        names: list[str] | None = None,
        settings: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or {}
        self.other_names = names or []
        self.problems: list = []
        self._problem_cursor = -1
        self._problems_stale = True
        self.fields: dict[FieldRef, Widget] = {}  # FieldInput or FieldTextArea
        self.current_row: int | None = None
        self.fresh_row_uid: int | None = None
        self.export_format = "txt"
        self._title_key: tuple = ()
        self._worst: dict[int, str | None] = {}
        self._row_timer = None
        self._messages: list[FieldMessage] = []
        self._funding: FundingPanel | None = None

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static("", id="title", markup=False)
        yield Static("", id="tabs", markup=False)
        with ContentSwitcher(initial="indicators", id="panels"):
            yield IndicatorsPanel(id="indicators")
        yield Footer(compact=True)

    async def ensure_panel(self, name: str) -> None:
        """Mount panel ``name`` on first use (a faster first paint), then fill it."""
        switcher = self.query_one(ContentSwitcher)
        if switcher.query_children(f"#{name}"):
            return
        module, cls = PANEL_CLASSES[name]
        await switcher.mount(getattr(importlib.import_module(module), cls)(id=name))
        panel = switcher.get_child_by_id(name)
        self._messages.extend(panel.query(FieldMessage))
        if isinstance(panel, FundingPanel):
            self._funding = panel
        table = self.session.table
        for widget in panel.query("FieldInput, FieldTextArea"):
            if not isinstance(widget, RowInput):
                self.fields[widget.ref] = widget
                value = table.get(widget.ref)
                widget.show_value("" if value is None else str(value))
        self.validate()

    def on_mount(self) -> None:
        """Fill the tree and row editor from the model and run the checks."""
        # Widgets looked up on every keystroke are found once: a query walks the DOM.
        self._tree = self.query_one(IndicatorTree)
        self._row_editor = self.query_one(RowEditor)
        self._switcher = self.query_one(ContentSwitcher)
        self._title_widget = self.query_one("#title", Static)
        self._row_message_widget = self.query_one("#row-message", FieldMessage)
        self._messages = [m for m in self.query(FieldMessage) if m.ref is not None]
        self._suggestions()
        if self.session.table.indicators:
            self.current_row = 0
        self.refresh_all()
        if self.current_row is not None:
            self.indicator_tree.select_data(("row", self.session.table.indicators[0].uid))
        self._show_tabs("indicators")
        self.set_focus(self.indicator_tree)

    def on_resize(self, event) -> None:
        """Tree and row editor side by side on very wide terminals, stacked otherwise."""
        self.query_one(IndicatorsPanel).set_class(event.size.width >= WIDE_LAYOUT, "wide")

    @property
    def indicator_tree(self) -> IndicatorTree:
        """The indicator tree."""
        return self._tree

    @property
    def row_editor(self) -> RowEditor:
        """The row editor."""
        return self._row_editor

    def _suggestions(self) -> None:
        fw = get_framework(self.session.table.framework)
        level2 = [l2 for l1 in fw.level1 for l2 in fw.level2[l1]]
        names = sorted({n for ns in fw.common.values() for n in ns} | set(self.other_names))
        self.row_editor.set_suggestions(list(fw.level1), level2, names)

    # -- showing the model ---------------------------------------------------
    def refresh_all(self) -> None:
        """Show every field from the model (after undo, redo, reload)."""
        table = self.session.table
        for ref, widget in self.fields.items():
            value = table.get(ref)
            widget.show_value("" if value is None else str(value))
        rows = table.indicators
        if self.current_row is not None and self.current_row >= len(rows):
            self.current_row = len(rows) - 1 if rows else None
        self.validate(structure=True)
        self.show_current_row()

    def show_current_row(self) -> None:
        """Load the selected row into the row editor."""
        if self._row_timer is not None:
            self._row_timer.stop()
            self._row_timer = None
        rows = self.session.table.indicators
        index = self.current_row
        row = rows[index] if index is not None and 0 <= index < len(rows) else None
        self.row_editor.show_row(index if row is not None else -1, row)
        self._row_message()

    def validate(self, *, structure: bool = False, typing_row: int | None = None) -> None:
        """Run the rules and update marks, messages, counts and the problem list."""
        table = self.session.table
        self.result = check(table, self.settings)
        self.problems = self.result.problems
        by_ref: dict[FieldRef, list] = defaultdict(list)
        for problem in self.problems:
            by_ref[problem.ref].append(problem)
        rows = table.indicators
        worst = {rows[i].uid: sev for i, sev in self.result.row_worst.items()}
        self.by_ref = by_ref
        self._worst = worst
        for message in self._messages:
            found = [
                p for r, ps in by_ref.items() if r[: len(message.ref)] == message.ref for p in ps
            ]
            message.show_problems(found, self._invalid_text(message.ref))
        if structure:
            self.indicator_tree.rebuild(table, worst)
        else:
            self.indicator_tree.relabel_all(table, worst, skip_text=typing_row)
        if self._funding is not None:
            self._funding.show_differences(self.result, self.session.invalid)
        self._row_message()
        self._problems_stale = True
        if self._switcher.current == "problems":
            self._show_problem_list()
        self._show_title()

    def _invalid_text(self, ref: FieldRef) -> str | None:
        for bad_ref, text in self.session.invalid.items():
            if bad_ref[: len(ref)] == ref:
                return f"“{text}”不是有效值（invalid value），未写入"
        return None

    def _row_message(self) -> None:
        index = self.current_row
        message = self._row_message_widget
        if index is None or not hasattr(self, "by_ref"):
            message.show_problems([])
            return
        found = [p for r, ps in self.by_ref.items() if r[:2] == ("indicators", index) for p in ps]
        message.show_problems(found, self._invalid_text(("indicators", index)))

    def _show_title(self) -> None:
        counts = self.result.counts
        session = self.session
        key = (session.path.name, session.modified, session.table.framework, tuple(counts.items()))
        if key == self._title_key:
            return
        self._title_key = key
        title = plain(f" {session.path.name}", "bold")
        title.append(" ●" if session.modified else "  ", "bold yellow")
        title.append(f"  {session.table.framework}  ", "dim")
        title.append(f"✖{counts['error']} ", "bold red" if counts["error"] else "dim")
        title.append(f"▲{counts['warning']} ", "yellow" if counts["warning"] else "dim")
        title.append(f"·{counts['hint']}", "cyan" if counts["hint"] else "dim")
        self._title_widget.update(title, layout=False)

    def _show_tabs(self, current: str) -> None:
        text = plain("")
        for panel, label in PANELS:
            text.append(f" {label} ", "reverse bold" if panel == current else "")
        self.query_one("#tabs", Static).update(text, layout=False)

    def _show_problem_list(self) -> None:
        if self._problems_stale:
            problems = self.query_one("#problems")
            problems.show(self.session.table, self.problems)
            if problems.highlighted is None and self.problems:
                problems.highlighted = 0
            self._problems_stale = False

    # -- edits from widgets --------------------------------------------------
    def field_edited(self, widget: FieldInput, value: str) -> None:
        """A keystroke in a field: apply it and re-check.

        Called by the field itself, in the same step as the keystroke, so that the
        echo, the marks and the counts reach the terminal in one frame.
        """
        if widget.ref[:2] == ("indicators", -1):
            return
        self.session.edit(widget.ref, value)
        if widget.ref[0] == "indicators":
            self.fresh_row_uid = None if value else self.fresh_row_uid
            row = self.session.table.indicators[widget.ref[1]]
            self.validate(structure=widget.ref[2] in ("level1", "level2"), typing_row=row.uid)
        else:
            self.validate()

    def on_descendant_blur(self, event) -> None:
        """Leaving a row field: the tree now shows the text typed into it."""
        if isinstance(event.widget, RowInput):
            self.indicator_tree.relabel_all(self.session.table, self._worst)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """A keystroke in a goal text."""
        if hasattr(event.text_area, "ref"):  # a FieldTextArea of the goals panel
            event.stop()
            self.session.edit(event.text_area.ref, event.text_area.text)
            self.validate()

    def action_submit_field(self) -> None:
        """Enter in a field: the quick-entry loop in the row editor, next field elsewhere.

        A priority binding of the field, so focus moves before the keys that follow
        in the same burst (a paste, a slow link) are delivered.
        """
        widget = self.focused
        self.session.break_coalescing()
        if isinstance(widget, RowInput):
            if widget.key == "annual":
                self.action_add_row()
            else:
                keys = [k for k, _ in ROW_FIELDS]
                nxt = QUICK_NEXT.get(widget.key) or keys[(keys.index(widget.key) + 1) % len(keys)]
                self.set_focus(self.row_editor.inputs()[nxt])
        else:
            self.focus_next()

    def action_next_field(self) -> None:
        """Tab in a field (a priority binding, like Enter)."""
        self.focus_next()

    def action_previous_field(self) -> None:
        """Shift+Tab in a field (a priority binding, like Enter)."""
        self.focus_previous()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        """Show the highlighted row in the row editor."""
        data = event.node.data
        if data and data[0] == "row":
            index = self._index_of(data[1])
            if index is not None and index != self.current_row:
                self.current_row = index
                self._schedule_row_display()

    def _schedule_row_display(self) -> None:
        """Show the highlighted row once the cursor rests (fewer bytes while scrolling)."""
        if self._row_timer is not None:
            self._row_timer.stop()
        self._row_timer = self.set_timer(ROW_DISPLAY_DELAY, self.show_current_row)

    def on_descendant_focus(self, event) -> None:
        """Entering the row editor always shows the current row first."""
        if isinstance(event.widget, RowInput) and self._row_timer is not None:
            self.show_current_row()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter in the problem list jumps to the field."""
        if event.option.id is not None:
            self._problem_cursor = int(event.option.id)
            await self.jump_to(self.problems[self._problem_cursor].ref)

    def _index_of(self, uid: int) -> int | None:
        for index, row in enumerate(self.session.table.indicators):
            if row.uid == uid:
                return index
        return None

    # -- navigation ----------------------------------------------------------
    async def action_panel(self, name: str) -> None:
        """Show panel ``name`` and focus its first field."""
        if name != "indicators":
            await self.ensure_panel(name)
        self.query_one(ContentSwitcher).current = name
        self._show_tabs(name)
        if name == "indicators":
            self.set_focus(self.indicator_tree)
        elif name == "problems":
            self._show_problem_list()
            self.set_focus(self.query_one("#problems"))
        elif name == "export":
            self.render_export()
            self.set_focus(self.query_one("#export-preview"))
        else:
            panel = self.query_one(f"#{name}")
            focusable = [w for w in panel.query("Input, TextArea") if w.focusable]
            if focusable:
                self.set_focus(focusable[0])

    async def jump_to(self, ref: FieldRef) -> None:
        """Show the panel and field a problem or undo step concerns."""
        head = ref[0]
        if head == "indicators" and len(ref) > 1:
            await self.action_panel("indicators")
            rows = self.session.table.indicators
            if not rows:
                return
            index = min(max(ref[1], 0), len(rows) - 1)
            self.current_row = index
            self.indicator_tree.select_data(("row", rows[index].uid))
            self.show_current_row()
            key = ref[2] if len(ref) > 2 else "name"
            target = self.row_editor.inputs().get(key)
            self.set_focus(target or self.indicator_tree)
            return
        panel = {"funding": "funding", "goals": "goals"}.get(head, "header")
        await self.action_panel(panel)
        target = self.fields.get(tuple(ref))
        if target is None and head == "funding":
            target = self.fields.get(("funding", ref[1] if len(ref) > 1 else "medium", "total"))
        if target is not None:
            self.set_focus(target)

    async def action_next_problem(self) -> None:
        """Jump to the next problem."""
        await self._step_problem(1)

    async def action_prev_problem(self) -> None:
        """Jump to the previous problem."""
        await self._step_problem(-1)

    async def _step_problem(self, delta: int) -> None:
        if not self.problems:
            self.notify("没有问题（no problems）")
            return
        self._problem_cursor = (self._problem_cursor + delta) % len(self.problems)
        problem = self.problems[self._problem_cursor]
        await self.jump_to(problem.ref)
        self.notify(
            plain(f"{problem.code} {problem.zh}（{problem.en}）").plain,
            title=f"{self._problem_cursor + 1}/{len(self.problems)}",
            severity="error" if problem.severity == "error" else "warning",
            markup=False,
            timeout=4,
        )

    def action_help(self) -> None:
        """F1: the help page."""
        from tui.ui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())
