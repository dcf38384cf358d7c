"""指标: the indicator tree and, beside or below it, the editor of the selected row."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Label

from tui.model import Indicator
from tui.ui.actions import bindings
from tui.ui.widgets.field_input import FieldInput, FieldMessage
from tui.ui.widgets.indicator_tree import IndicatorTree

# Row fields in Enter order; the quick-entry loop is name → medium → annual → next row.
ROW_FIELDS = (
    ("level1", "一级"),
    ("level2", "二级"),
    ("name", "三级"),
    ("medium", "中期值"),
    ("annual_name", "年度三级"),
    ("annual", "年度值"),
    ("unit", "单位"),
    ("weight", "权重"),
    ("nature", "性质"),
    ("basis", "依据"),
    ("remark", "备注"),
)
QUICK_NEXT = {"name": "medium", "medium": "annual"}
_PLACEHOLDER = {"annual_name": "同三级（same as 三级）", "nature": "定量/定性"}


class RowInput(FieldInput):
    """An input of the row editor; its ``ref`` follows the selected row."""

    BINDINGS = bindings("row")

    def __init__(self, key: str, **kwargs) -> None:
        super().__init__(("indicators", -1, key), money=key == "weight", **kwargs)
        self.key = key


class RowEditor(Vertical):
    """The selected row's fields, compact enough for 80×24."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row-line"):
            yield Label("一级", classes="row-label")
            yield RowInput("level1", classes="field half")
            yield Label("二级", classes="row-label")
            yield RowInput("level2", classes="field half")
        for key, label in ROW_FIELDS[2:6]:
            with Horizontal(classes="row-line"):
                yield Label(label, classes="row-label")
                yield RowInput(key, placeholder=_PLACEHOLDER.get(key, ""), classes="field")
        with Horizontal(classes="row-line"):
            for key, label in ROW_FIELDS[6:10]:
                yield Label(label, classes="row-label short")
                yield RowInput(key, placeholder=_PLACEHOLDER.get(key, ""), classes="field quarter")
        with Horizontal(classes="row-line"):
            yield Label("备注", classes="row-label")
            yield RowInput("remark", classes="field")
        yield FieldMessage(id="row-message", classes="field-message")

    def inputs(self) -> dict[str, RowInput]:
        """The row inputs by key."""
        return {w.key: w for w in self.query(RowInput)}

    def show_row(self, index: int, row: Indicator | None) -> None:
        """Point every input at row ``index`` and show its values."""
        for key, widget in self.inputs().items():
            widget.ref = ("indicators", index, key)
            widget.disabled = row is None
            value = "" if row is None else getattr(row, key)
            widget.show_value("" if value is None else str(value))

    def set_suggestions(self, level1: list[str], level2: list[str], names: list[str]) -> None:
        """Completion lists for the 一级, 二级 and 三级 inputs."""
        inputs = self.inputs()
        inputs["level1"].suggester = SuggestFromList(level1)
        inputs["level2"].suggester = SuggestFromList(level2)
        inputs["name"].suggester = SuggestFromList(names)
        inputs["annual_name"].suggester = SuggestFromList(names)


class IndicatorsPanel(Container):
    """Tree and row editor; side by side when wide, stacked when narrow."""

    def compose(self) -> ComposeResult:
        yield IndicatorTree(id="tree")
        yield RowEditor(id="row-editor")
