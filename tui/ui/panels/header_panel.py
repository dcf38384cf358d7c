"""项目信息: the header fields, the budget year and the framework, in one form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Container

from tui.checking import CheckResult
from tui.fields import HEADER, TOP, FieldRef, field_of
from tui.framework_switch import plan_switch
from tui.frameworks import FRAMEWORKS
from tui.ui.dialogs import ChoiceDialog
from tui.ui.editor_api import Editor
from tui.ui.widgets.form import Form, Key, Line, fields_line

REFS: tuple[FieldRef, ...] = (
    *(("project", f.key) for f in HEADER),
    *((f.key,) for f in TOP if f.key != "format"),
)
_PLACEHOLDER = {
    ("project", "period"): "如 2021至2023",
    ("project", "attribute"): "经常性项目 / 一次性项目",
    ("framework",): "空格切换（Space switches）",
}
_SUGGEST = {("project", "attribute"): ["经常性项目", "一次性项目", "新增项目", "延续项目"]}


def labelled_lines(refs: tuple[FieldRef, ...]) -> list[Line]:
    """One line per field, each followed by the line of its problems."""
    lines = []
    for ref in refs:
        lines.append(fields_line((field_of(ref).zh, ref)))
        lines.append(Line(message_for=(ref,)))
    return lines


class FrameworkForm(Form):
    """The header form; the framework is switched with Space (it moves rows), not typed.

    The switch is offered at once through ``on_switch`` (not a posted message),
    so the keys after Space in the same burst answer the dialog.
    """

    def __init__(
        self,
        lines: list[Line],
        on_edit: Callable[[Key, str], None],
        on_switch: Callable[[], None],
        **kwargs: Any,
    ) -> None:
        super().__init__(lines, on_edit, **kwargs)
        self.on_switch = on_switch

    def apply_key(self, event: events.Key) -> bool:
        """Space on 指标体系 offers the switch; other keys there are ignored."""
        if self.current != ("framework",):
            return super().apply_key(event)
        if event.key in ("space", "enter"):
            self.on_switch()
            return True
        return event.is_printable or event.key in ("backspace", "delete")


class HeaderPanel(Container):
    """The 项目信息 form."""

    KEY_SCOPES = ("header",)

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editor = editor
        self.form = FrameworkForm(
            labelled_lines(REFS),
            editor.apply_edit,
            self.offer_switch,
            label_width=14,
            on_leave=lambda _key: editor.session.break_coalescing(),
            id="header-form",
        )
        for ref in REFS:
            self.form.configure(
                ref, placeholder=_PLACEHOLDER.get(ref, ""), suggestions=_SUGGEST.get(ref, ())
            )

    def compose(self) -> ComposeResult:
        yield self.form

    def reload(self) -> None:
        """Show the model's values (a rejected input as typed)."""
        table, held = self.editor.session.table, self.editor.session.invalid
        values = {}
        for ref in REFS:
            value = table.get(ref)
            values[ref] = held.get(ref, "" if value is None else str(value))
        self.form.load(values)

    def show_result(self, result: CheckResult) -> None:
        """Each field's problems under it."""
        problems: dict[Key, list] = {ref: result.on(ref) for ref in REFS}
        invalid = {ref: text for ref, text in self.editor.session.invalid.items() if ref in REFS}
        self.form.show_problems(problems, invalid)

    def action_switch_framework(self) -> None:
        """From the command palette: offer the switch, wherever the cursor is."""
        self.offer_switch()

    def offer_switch(self) -> None:
        """Space on 指标体系: offer to switch to the other framework, saying what moves."""
        table = self.editor.session.table
        target = next(code for code in FRAMEWORKS if code != table.framework)
        plan = plan_switch(table, target)
        moved = f"{len(plan.labels)} 行成本指标将移动"
        kept = f"，{len(plan.unmapped)} 行无法对应、保持原样" if plan.unmapped else ""

        def answer(choice: str | None) -> None:
            if choice != "switch":
                return
            self.editor.session.switch_framework(plan)
            self.editor.model_changed()
            self.reload()
            rows = ", ".join(str(i + 1) for i in plan.unmapped[:8])
            note = f"；第 {rows} 行未能对应（not mapped）" if plan.unmapped else ""
            self.editor.say(f"已切换为 {FRAMEWORKS[target].title}{note}")

        self.app.push_screen(
            ChoiceDialog(
                f"切换指标体系为 {FRAMEWORKS[target].title}（switch framework）",
                f"{moved}{kept}。一步可撤销（one undo step）。",
                [("y", "切换", "switch")],
            ),
            answer,
        )
