"""资金: 中期 and 年度 side by side, with the live difference and total = sum."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Label, Static

from tui.model import AMOUNT_KEYS, COLUMNS, Table
from tui.ui.actions import bindings
from tui.ui.widgets.field_input import FieldInput, FieldMessage

ROW_LABELS = {"total": "资金总额", "fiscal": "其中：财政拨款", "other": "其他资金"}
COLUMN_LABELS = {"medium": "中期（万元）", "annual": "年度（万元）"}


def difference_text(table: Table, column: str) -> Text:
    """``资金总额 − (财政拨款 + 其他资金)`` for one column, as a short status."""
    amounts = table.funding.column(column)
    if amounts.total is None and amounts.fiscal is None and amounts.other is None:
        return Text("（空）", "dim")
    parts = (amounts.fiscal or Decimal(0)) + (amounts.other or Decimal(0))
    diff = (amounts.total or Decimal(0)) - parts
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
                yield Label(COLUMN_LABELS[col], classes="grid-head")
            for key in AMOUNT_KEYS:
                yield Label(ROW_LABELS[key], classes="field-label")
                for col in COLUMNS:
                    yield FieldInput(
                        ("funding", col, key), money=True, placeholder="空", classes="field"
                    )
            yield Label("总额−合计", classes="field-label")
            for col in COLUMNS:
                yield Static("", id=f"diff-{col}", classes="diff")
        for col in COLUMNS:
            yield FieldMessage(("funding", col), id=f"funding-msg-{col}", classes="field-message")
        yield Static("^g 把资金总额设为财政拨款与其他资金之和（set total = sum）", classes="hint")

    def show_differences(self, table: Table) -> None:
        """Refresh the difference line of both columns."""
        for col in COLUMNS:
            text = difference_text(table, col)
            widget = self.query_one(f"#diff-{col}", Static)
            if getattr(widget, "shown", None) != text.plain:
                widget.shown = text.plain
                widget.update(text, layout=False)
