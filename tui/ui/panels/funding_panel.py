"""资金: 中期 and 年度 side by side, the live difference, and total = sum (ctrl+g)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container

from tui.checking import CheckResult
from tui.fields import AMOUNTS, COLUMN_ZH, COLUMNS, FieldRef
from tui.ui.actions import bindings
from tui.ui.editor_api import Editor
from tui.ui.widgets.form import Form, Key, Line, fields_line

LINES = (
    Line(text_id="head"),
    *(
        fields_line(
            (spec.zh, ("funding", "medium", spec.key)), ("", ("funding", "annual", spec.key))
        )
        for spec in AMOUNTS
    ),
    Line(text_id="difference"),
    Line(message_for=tuple(("funding", c, s.key) for c in COLUMNS[:1] for s in AMOUNTS)),
    Line(message_for=tuple(("funding", c, s.key) for c in COLUMNS[1:] for s in AMOUNTS)),
    Line(text_id="blank"),
    Line(text_id="hint"),
)
LABEL_WIDTH = 16


def difference_text(result: CheckResult, column: str, invalid: bool) -> Text:
    """``资金总额 − (财政拨款 + 其他资金)`` of one column, as a short status.

    A column holding text that is not a number says so, never a difference
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


class FundingPanel(Container):
    """The funding grid: rows 资金总额/财政拨款/其他资金, columns 中期/年度."""

    BINDINGS = bindings("funding")
    KEY_SCOPES = ("funding",)

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editor = editor
        self.form = Form(
            LINES,
            editor.apply_edit,
            label_width=LABEL_WIDTH,
            on_leave=lambda _key: editor.session.break_coalescing(),
            id="funding-form",
        )
        for ref in self.form.order:
            self.form.configure(ref, placeholder="空")

    def compose(self) -> ComposeResult:
        yield self.form

    def on_mount(self) -> None:
        """The fixed lines (the heading laid out over the columns at each paint)."""
        heads = [Text(f"{COLUMN_ZH[c]}（万元）", "bold") for c in COLUMNS]
        self.form.set_columns("head", "", heads)
        self.form.set_text(
            "hint", Text("^g 把资金总额设为财政拨款与其他资金之和（set total = sum）", "dim")
        )

    def reload(self) -> None:
        """Show the model's amounts, as written (103.00 stays 103.00); a rejected input as typed."""
        table, held = self.editor.session.table, self.editor.session.invalid
        values: dict[Key, str] = {}
        for ref in self.form.order:
            value = table.get(ref)
            values[ref] = held.get(ref, "" if value is None else str(value))
        self.form.load(values)

    def show_result(self, result: CheckResult) -> None:
        """Problems under the grid and the difference line of each column."""
        invalid: dict[FieldRef, str] = self.editor.session.invalid
        problems: dict[Key, list] = {ref: result.on(ref) for ref in self.form.order}
        for col in COLUMNS:  # problems on a whole column land on its total
            problems[("funding", col, "total")] = result.on(("funding", col))
        self.form.show_problems(problems, {r: t for r, t in invalid.items() if r[0] == "funding"})
        medium, annual = (
            difference_text(result, col, any(r[:2] == ("funding", col) for r in invalid))
            for col in COLUMNS
        )
        self.form.set_columns("difference", "总额−合计", [medium, annual])

    def action_total_to_sum(self) -> None:
        """Set 资金总额 = 财政拨款 + 其他资金 in the current column (both if none)."""
        ref = self.form.current if self.screen.focused is self.form else None
        columns = [ref[1]] if isinstance(ref, tuple) and ref[0] == "funding" else list(COLUMNS)
        done = []
        for column in columns:
            total = self.editor.session.set_total_to_sum(column)
            if total is not None:
                done.append(f"{COLUMN_ZH[column]}资金总额 = {total}")
        self.editor.model_changed()
        self.reload()
        self.editor.say(
            f"{'，'.join(done)}（total set to the sum）"
            if done
            else "财政拨款与其他资金都空着，无从相加（nothing to add up）"
        )
