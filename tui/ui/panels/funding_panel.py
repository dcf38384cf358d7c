"""资金: 中期 and 年度 side by side, with the live difference and total = sum."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Label, Static

from tui.checking import CheckResult
from tui.fields import AMOUNTS, COLUMN_ZH, COLUMNS, FieldRef
from tui.ui.actions import bindings
from tui.ui.widgets.field_input import FieldInput, FieldMessage


def difference_text(result: CheckResult, column: str, invalid: bool) -> Text:
    """``资金总额 − (财政拨款 + 其他资金)`` of one column, as a short status.

    A column holding text that is not a number shows that, never a difference
    computed as if the text were 0.
    """
    if invalid:
        return Text("✖ 金额无效（invalid amount）", "bold red")
    diff = result.funding_differences[column]
    if diff is None:
        return Text("（空）", "dim")
    if diff == 0:
        return Text("✓ 相符", "green")
    return Text(f"✖ 差额 {diff:+}", "bold red")


class FundingPanel(VerticalScroll):
    """The funding grid: rows 资金总额/财政拨款/其他资金, columns 中期/年度."""

    BINDINGS = bindings("funding")

    def compose(self) -> ComposeResult:
        with Grid(id="funding-grid"):
            yield Label("")
            for col in COLUMNS:
                yield Label(f"{COLUMN_ZH[col]}（万元）", classes="grid-head")
            for spec in AMOUNTS:
                yield Label(spec.zh, classes="field-label")
                for col in COLUMNS:
                    yield FieldInput(
                        ("funding", col, spec.key), money=True, placeholder="空", classes="field"
                    )
            yield Label("总额−合计", classes="field-label")
            for col in COLUMNS:
                yield Static("", id=f"diff-{col}", classes="diff")
        for col in COLUMNS:
            yield FieldMessage(("funding", col), id=f"funding-msg-{col}", classes="field-message")
        yield Static("^g 把资金总额设为财政拨款与其他资金之和（set total = sum）", classes="hint")

    def show_differences(self, result: CheckResult, invalid: dict[FieldRef, str]) -> None:
        """Refresh the difference line of both columns."""
        for col in COLUMNS:
            bad = any(ref[:2] == ("funding", col) for ref in invalid)
            text = difference_text(result, col, bad)
            widget = self.query_one(f"#diff-{col}", Static)
            if getattr(widget, "shown", None) != text.plain:
                widget.shown = text.plain
                widget.update(text, layout=False)
