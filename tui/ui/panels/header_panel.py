"""项目信息: the header fields, the budget year and the framework."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Label

from tui.ui.widgets.field_input import FieldInput, FieldMessage

FIELDS = (
    (("project", "name"), "项目名称"),
    (("project", "department"), "主管部门"),
    (("project", "department_code"), "主管部门代码"),
    (("project", "implementer"), "实施单位"),
    (("project", "attribute"), "项目属性"),
    (("project", "period"), "项目期"),
    (("year",), "预算年度"),
    (("framework",), "指标体系"),
)
_SUGGEST = {
    ("project", "attribute"): ["经常性项目", "一次性项目", "新增项目", "延续项目"],
    ("framework",): ["2015", "2021"],
}
_PLACEHOLDER = {
    ("project", "period"): "如 2021至2023",
    ("framework",): "2015（88号）或 2021（101号）",
}


class HeaderPanel(VerticalScroll):
    """The 项目信息 form: one labelled input and one message line per field."""

    def compose(self) -> ComposeResult:
        for ref, label in FIELDS:
            with Horizontal(classes="field-row"):
                yield Label(label, classes="field-label")
                suggest = _SUGGEST.get(ref)
                yield FieldInput(
                    ref,
                    placeholder=_PLACEHOLDER.get(ref, ""),
                    suggester=SuggestFromList(suggest) if suggest else None,
                    classes="field",
                )
            yield FieldMessage(ref, classes="field-message")
