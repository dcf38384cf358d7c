"""自评 (F10): every row's actual and score, budget execution, the total, the closing texts.

The heading shows the total (指标 + 预算执行 = 总分) and each 一级 group; the
list has the budget-execution block, one line per indicator row (三级, 年度指标值,
实际完成值, 得分/权重, the mark of its worst S problem) and the closing texts;
below it the form of the entry under the cursor. Scores come from
``tui.scoring`` under the table's profile and follow every keystroke, each with
its one-line explanation.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text

from tui.checking import CheckResult
from tui.fields import FieldRef
from tui.rules.engine import worst_severity
from tui.scoring import TableScore, profile_for, score_table
from tui.scoring.reading import plain as number
from tui.ui.editor_api import Editor
from tui.ui.panels.evaluation_forms import (
    CLOSING_LINES,
    EXECUTION_LABEL_WIDTH,
    EXECUTION_LINES,
    ROW_KEYS,
    ROW_LINES,
    closing_label,
    column_titles,
    draw,
    execution_head,
    execution_label,
    explanation_text,
    goal_text,
    heading,
    row_label,
    target_text,
)
from tui.ui.panels.stage_panel import StageForm, StagePanel
from tui.ui.widgets.form import Key

EXECUTION_KEY = ("execution",)
CLOSING_KEY = ("closing",)
ROW_FIELDS = frozenset(ROW_KEYS)


class EvaluationPanel(StagePanel):
    """The self-evaluation: list of rows and blocks, and the form of the one selected."""

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        forms = {
            "row": StageForm(ROW_LINES, self.form_edited, label_width=9, id="eval-row"),
            "execution": StageForm(
                EXECUTION_LINES,
                self.form_edited,
                label_width=EXECUTION_LABEL_WIDTH,
                id="eval-execution",
            ),
            "closing": StageForm(CLOSING_LINES, self.form_edited, label_width=9, id="eval-closing"),
        }
        super().__init__(editor, forms, id=id or "evaluation")
        for ref in forms["execution"].order:
            forms["execution"].configure(ref, placeholder="空")
        forms["row"].configure(
            "deviation", placeholder="得分低于分值时必填（required below the weight）"
        )
        self.scores: TableScore | None = None

    # -- entries ---------------------------------------------------------------
    def score(self) -> TableScore:
        """The table scored under its profile (rows are cached by their values)."""
        table = self.editor.session.table
        self.scores = score_table(table, profile_for(table, self.editor.settings))
        return self.scores

    def entries(self, result: CheckResult) -> list[tuple[Hashable, tuple]]:
        """Budget execution, the rows, the closing texts."""
        table = self.editor.session.table
        scores = self.score()
        marks = self.row_marks(result, lambda ref: len(ref) == 3 and ref[2] in ROW_FIELDS)
        worst = {
            head: worst_severity(p.severity for p in result.on((head,)))
            for head in ("execution", "evaluation")
        }
        rows = [
            (("row", row.uid), row_label(row, scores.rows[i], marks.get(i)))
            for i, row in enumerate(table.indicators)
        ]
        return [
            (EXECUTION_KEY, execution_label(scores.execution, worst["execution"])),
            *rows,
            (CLOSING_KEY, closing_label(table, worst["evaluation"])),
        ]

    def draw_entry(self, label: tuple, width: int) -> Text:
        """One line of the list."""
        return draw(label, width)

    def kind_of(self, key: Hashable) -> str:
        """The execution block, the closing texts, or a row."""
        if key == EXECUTION_KEY:
            return "execution"
        return "closing" if key == CLOSING_KEY else "row"

    # -- fields ----------------------------------------------------------------
    def ref_of(self, key: Key) -> FieldRef | None:
        """A row field's reference for the row under the cursor; other keys are references."""
        if self.kind != "row":
            return key
        index = self.row_index()
        return None if index is None else ("indicators", index, key)

    def values(self) -> dict[Key, str]:
        """The model's values of the current form."""
        table = self.editor.session.table
        if self.kind == "row":
            index = self.row_index()
            row = None if index is None else table.indicators[index]
            return {k: "" if row is None else _text(getattr(row, k)) for k in ROW_KEYS}
        return {ref: _text(table.get(ref)) for ref in self.form.order}

    def show_details(self, result: CheckResult) -> None:
        """Total, group scores, the column titles and the current form's text lines."""
        scores = self.scores or self.score()
        width = self.row_list.list_width
        self.heading.show(heading(scores, self.size.width or self.app.size.width))
        self.columns.show(column_titles(width))
        table = self.editor.session.table
        if self.kind == "execution":
            self.form.set_text("head", execution_head(self.form.size.width or width))
            execution = scores.execution
            line = execution.explanation if execution else "未填写预算执行数"
            score = execution.score if execution else None
            weight = execution.weight if execution else scores.profile.execution_weight
            style = "yellow" if score is not None and score < weight else ""
            self.form.set_text("rate", explanation_text("得分", score, weight, line, style))
            self.form.configure(
                ("execution", "weight"),
                placeholder=f"{number(weight)}（评分方案 {scores.profile.name}）",
            )
        elif self.kind == "closing":
            self.form.set_text("goal", goal_text(table))
        else:
            index = self.row_index()
            if index is None:
                return
            row, scored = table.indicators[index], scores.rows[index]
            self.form.set_text("target", target_text(index, row))
            style = "bold red" if scored.problem else ("yellow" if scored.lost else "")
            self.form.set_text(
                "score",
                explanation_text("得分", scored.score, scored.weight, scored.explanation, style),
            )
            auto = "自动" if scored.auto is None else f"自动 {number(scored.auto)}"
            self.form.configure("score", placeholder=f"{auto}（auto）")

    # -- jumping -----------------------------------------------------------------
    def go_to(self, ref: FieldRef) -> None:
        """Show the entry and field ``ref`` names, ready to edit (F8, undo)."""
        table = self.editor.session.table
        if ref[0] == "indicators" and len(ref) > 2 and table.indicators:
            index = min(max(ref[1], 0), len(table.indicators) - 1)
            key = ref[2] if ref[2] in ROW_FIELDS else "actual"
            self.select(("row", table.indicators[index].uid), key)
        else:
            kind = "execution" if ref[0] == "execution" else "closing"
            field = tuple(ref) if tuple(ref) in self.forms[kind].state else None
            self.select(EXECUTION_KEY if kind == "execution" else CLOSING_KEY, field)
            self.screen.set_focus(self.form)


def _text(value: object) -> str:
    return "" if value is None else str(value)
