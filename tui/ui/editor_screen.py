"""The editor screen: one table's panels, the check result they show, and the global keys.

After every change the screen re-checks once and hands the result to each mounted
panel. Panels own their keys and actions and see the screen as ``editor_api.Editor``.
"""

from __future__ import annotations

import importlib
from typing import Any

from textual.app import ComposeResult
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from tui.checking import CheckResult
from tui.editing.session import Session
from tui.fields import FieldRef
from tui.ui.actions import bindings
from tui.ui.disk_watch import DiskWatch
from tui.ui.git_actions import GitActions
from tui.ui.live_check import LiveCheck
from tui.ui.panels.indicators_panel import IndicatorsPanel
from tui.ui.panels.stages import focused_list, stage_panel
from tui.ui.problem_steps import ProblemSteps
from tui.ui.quick_fix import fix_here
from tui.ui.saving import SaveFlow
from tui.ui.text import plain
from tui.ui.widgets.key_bar import KeyBar
from tui.ui.widgets.title_bar import TabBar, TitleBar

PANELS = {  # name: (label, module, class); 指标 is mounted at start, the rest on first use
    "header": ("F2 项目信息", "tui.ui.panels.header_panel", "HeaderPanel"),
    "funding": ("F3 资金", "tui.ui.panels.funding_panel", "FundingPanel"),
    "goals": ("F4 目标", "tui.ui.panels.goals_panel", "GoalsPanel"),
    "indicators": ("F5 指标", "", ""),
    "problems": ("F6 问题", "tui.ui.panels.problems_panel", "ProblemsPanel"),
    "export": ("F7 导出", "tui.ui.panels.export_panel", "ExportPanel"),
    "evaluation": ("F10 自评", "tui.ui.panels.evaluation_panel", "EvaluationPanel"),
    "monitoring": ("F11 监控", "tui.ui.panels.monitoring_panel", "MonitoringPanel"),
}
_STATUS_STYLE = {"error": "bold red", "warning": "yellow", "information": ""}


class EditorScreen(DiskWatch, GitActions, LiveCheck, ProblemSteps):
    """One open table."""

    KEY_SCOPES = ("editor",)
    BINDINGS = bindings("editor")
    PALETTE_SCOPES = ("editor", "tree", "row", "header", "funding", "export", "monitoring")

    result: var[CheckResult] = var(CheckResult.empty, always_update=True, init=False)  # no repaint

    def __init__(
        self,
        session: Session,
        names: list[str] | None = None,
        settings: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.other_names = names or []
        self.settings = settings or {}
        self.saving = SaveFlow(self)
        self.panels: dict[str, Any] = {}
        self.current_panel = "indicators"

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield TabBar(id="tabs")
        with ContentSwitcher(initial="indicators", id="panels"):
            self.panels["indicators"] = IndicatorsPanel(self, id="indicators")
            yield self.panels["indicators"]
        yield Static("", id="status", markup=False)
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        """Check, show, and put the cursor on the first row."""
        self._show_tabs()
        self.model_changed()
        indicators = self.panels["indicators"]
        if self.session.table.indicators:
            indicators.select_row(0)
        self.set_focus(indicators.indicator_tree)
        if not self.session.file.source.raw:  # a new table: its name, framework and year first
            self.call_later(self.action_panel, "header")
        path = self.session.path
        if path.exists() and not path.stat().st_mode & 0o222:
            self.say("文件是只读的：F12 另存为（read-only file: F12 saves as）", "warning")

    # -- the model and the checks ---------------------------------------------
    def apply_edit(self, ref: FieldRef, text: str) -> None:
        """A field's text changed: apply it, re-check, update every view."""
        self.session.edit(ref, text)
        self.say("")
        self.recheck()

    def model_changed(self, focus_row: int | None = None) -> None:
        """The session changed the model: re-check and show the model in every panel."""
        self.say("")
        self.check_now()
        for panel in self.panels.values():
            if panel.is_mounted:
                panel.reload()

    def watch_result(self, result: CheckResult) -> None:
        """Hand the new result to every mounted panel, and update the title."""
        for panel in self.panels.values():
            if panel.is_mounted:
                panel.show_result(result)
        self.show_title()

    def show_title(self) -> None:
        """File name, unsaved mark, framework and counts."""
        self.query_one(TitleBar).show(self.session, self.result)

    def say(self, message: str, severity: str = "information") -> None:
        """One status line: the latest message replaces the last (never markup)."""
        status = plain(message, _STATUS_STYLE.get(severity, ""))
        self.query_one("#status", Static).update(status, layout=False)  # one line, fixed

    # -- panels and jumps ----------------------------------------------------
    def _show_tabs(self) -> None:
        labels = {name: label for name, (label, _module, _cls) in PANELS.items()}
        self.query_one(TabBar).show(labels, self.current_panel)

    async def action_panel(self, name: str) -> None:
        """Show panel ``name`` (mounted on first use) and focus it."""
        if name not in self.panels:
            _label, module, cls = PANELS[name]
            panel = getattr(importlib.import_module(module), cls)(self, id=name)
            self.panels[name] = panel
            await self.query_one(ContentSwitcher).mount(panel)
            panel.reload()
            panel.show_result(self.result)
        self.query_one(ContentSwitcher).current = name
        self.current_panel = name
        self._show_tabs()
        panel = self.panels[name]
        if name == "export":
            panel.reload()
        focus = {"indicators": "indicator_tree", "export": "preview"}.get(name, "form")
        focus = "row_list" if name in ("evaluation", "monitoring") else focus
        target = getattr(panel, focus, panel)
        self.set_focus(target if isinstance(target, Widget) else panel)

    async def reach_scope(self, scope: str) -> None:
        """Show the panel where the keys of ``scope`` work (for the palette)."""
        panel = {"tree": "indicators", "row": "indicators"}.get(scope, scope)
        if panel in PANELS:
            await self.action_panel(panel)

    async def jump_to(self, ref: FieldRef) -> None:
        """Show the panel and field ``ref`` names, with the cursor at the end of its text."""
        head, stage = ref[0], stage_panel(ref, self.current_panel)
        if stage is not None:
            await self.action_panel(stage)
            self.panels[stage].go_to(ref)
            return
        if head == "indicators" and len(ref) > 1 and self.session.table.indicators:
            await self.action_panel("indicators")
            index = min(max(ref[1], 0), len(self.session.table.indicators) - 1)
            form = self.panels["indicators"].form
            key = ref[2] if len(ref) > 2 and ref[2] in form.state else "name"
            self.panels["indicators"].select_row(index, key)
            return
        name = {"funding": "funding", "goals": "goals"}.get(head, "header")
        await self.action_panel(name)
        panel = self.panels[name]
        if name == "goals" and ref in panel.texts:
            self.set_focus(panel.texts[ref])
            return
        if head == "funding" and tuple(ref) not in panel.form.state:
            ref = ("funding", ref[1] if len(ref) > 1 else "medium", "total")
        if tuple(ref) in panel.form.state:
            panel.form.focus_field(tuple(ref))

    # -- history, saving, leaving --------------------------------------------
    async def action_undo(self) -> None:
        """Undo the last edit."""
        await self._history(self.session.undo(), "没有可撤销的修改（nothing to undo）")

    async def action_redo(self) -> None:
        """Redo the last undone edit."""
        await self._history(self.session.redo(), "没有可重做的修改（nothing to redo）")

    async def _history(self, ref: FieldRef | None, empty: str) -> None:
        if ref is None:
            self.say(empty)
            return
        kept = focused_list(self.panels, self.focused)
        self.model_changed()
        await self.jump_to(ref)
        if kept is not None and kept[0] == self.current_panel:  # the list keeps the keys
            self.set_focus(kept[1])

    async def action_apply_fix(self) -> None:
        """^x: the quick fix of the problem under the cursor (one undo step)."""
        await fix_here(self)

    def action_save(self) -> None:
        """Save atomically; on an external change, offer the choices."""
        self.saving.save()

    def action_save_as(self) -> None:
        """Save under another name (a read-only file, a copy)."""
        self.saving.save_as()

    def action_quit_editor(self) -> None:
        """Quit; with unsaved changes ask save / discard / cancel."""
        self.app.leave_editor(self, quit_app=True)  # type: ignore[attr-defined]

    def action_workspace(self) -> None:
        """Back to the folder's list of tables."""
        self.app.leave_editor(self, quit_app=False)  # type: ignore[attr-defined]

    def action_help(self) -> None:
        """F1: every key of the editor."""
        from tui.ui.help_screen import HelpScreen

        every = (*self.PALETTE_SCOPES, "form", "goals", "problems", "stagelist", "stage")
        self.app.push_screen(HelpScreen.focused_first(self, every))

    def action_palette(self) -> None:
        """^p: the command palette (our actions only, in Chinese)."""
        self.app.action_command_palette()
