"""The forms of the 自评 panel and the texts they show: a row, budget execution, the closing.

Labels come from the field schema (``tui.fields``); scores and explanations
from ``tui.scoring``. A value from the file is shown through ``pictures`` (as in the
forms: a line break is ␊), an explanation through ``printable``.
"""

from __future__ import annotations

from decimal import Decimal

from rich.cells import cell_len
from rich.text import Text

from tui.escape import pictures, printable
from tui.fields import BUDGET, EVALUATION, EXECUTION, RESULT, SOURCE_ZH, SOURCES, field_of
from tui.model import Indicator, Table
from tui.scoring import ExecutionScore, RowScore, TableScore
from tui.scoring.reading import plain as number
from tui.ui.panels.stage_panel import dim, mark
from tui.ui.widgets.form import Line, fields_line
from tui.ui.widgets.stage_list import cell, column_widths

_RESULT = {f.key: f for f in RESULT}
ROW_KEYS = ("actual", "weight", "score", "deviation")
ROW_LINES = (
    Line(text_id="target"),
    fields_line((_RESULT["actual"].short, "actual")),
    fields_line(
        (field_of(("indicators", 0, "weight")).short, "weight"), (_RESULT["score"].short, "score")
    ),
    fields_line((_RESULT["deviation"].short, "deviation")),
    Line(text_id="score"),
    Line(message_for=ROW_KEYS),
)

EXECUTION_REFS = tuple(("execution", s, f.key) for s in SOURCES for f in BUDGET) + tuple(
    ("execution", f.key) for f in EXECUTION
)
EXECUTION_LINES = (
    Line(text_id="head"),
    *(
        fields_line(
            *((SOURCE_ZH[s] if f is BUDGET[0] else "", ("execution", s, f.key)) for f in BUDGET)
        )
        for s in SOURCES
    ),
    *(fields_line((f.zh, ("execution", f.key))) for f in EXECUTION),
    Line(text_id="rate"),
    Line(message_for=EXECUTION_REFS),
)
EXECUTION_LABEL_WIDTH = 17  # 财政专户管理资金 is 16 cells

CLOSING_REFS = tuple(("evaluation", f.key) for f in EVALUATION)
CLOSING_LINES = (
    Line(text_id="goal"),
    *(fields_line((f.short, ("evaluation", f.key))) for f in EVALUATION),
    Line(message_for=CLOSING_REFS),
)

# List columns: (minimum width, share of the rest) for 三级, 年度目标, 实际值, 得分/权重.
LIST_COLUMNS = ((6, 3), (6, 3), (4, 2), (11, 0))
COLUMN_TITLES = ("三级指标", "年度指标值", "实际完成值", "得分/权重")


def shown_score(score: Decimal | None, weight: Decimal | None) -> str:
    """``3.33/4``; ``—/4`` without a score; ``—`` without a weight."""
    if weight is None:
        return "—"
    return f"{'—' if score is None else number(score)}/{number(weight)}"


def score_style(score: Decimal | None, weight: Decimal | None, problem: bool) -> str:
    """Red when the row cannot be scored, yellow when it lost points."""
    if problem:
        return "bold red"
    if score is not None and weight is not None and score < weight:
        return "yellow"
    return ""


def line_text(mark: Text, cells_: list[tuple[str, str]], width: int) -> Text:
    """A list line: the mark, then the columns of ``LIST_COLUMNS`` (the last one right-aligned)."""
    text = mark.copy()
    widths = column_widths(max(width - 2, 0), LIST_COLUMNS)
    for place, ((value, style), size) in enumerate(zip(cells_, widths, strict=True)):
        if place:
            text.append(" ")
        shown = cell(value, size)
        if place == len(widths) - 1:  # scores right-aligned
            shown = shown.rstrip()
            shown = " " * (size - cell_len(shown)) + shown
        text.append(shown, style)
    return text


def column_titles(width: int) -> Text:
    """The titles above the list, aligned with its columns."""
    return line_text(Text("  "), [(t, "dim") for t in COLUMN_TITLES], width)


def row_label(row: Indicator, scored: RowScore, severity: str | None) -> tuple:
    """What an indicator row's line shows (its change repaints the line)."""
    return (
        "row",
        severity,
        row.effective_annual_name,
        row.annual,
        row.actual or "",
        shown_score(scored.score, scored.weight),
        score_style(scored.score, scored.weight, scored.status == "flagged"),
    )


def execution_label(execution: ExecutionScore | None, severity: str | None) -> tuple:
    """What the budget-execution line shows."""
    if execution is None:
        return ("execution", severity, "未填写", "", "—", "")
    rate = f"执行率 {execution.rate_text}" if execution.rate is not None else "执行率 —"
    lost = execution.score is not None and execution.score < execution.weight
    shown = shown_score(execution.score, execution.weight)
    return ("execution", severity, rate, "", shown, "yellow" if lost else "")


def closing_label(table: Table, severity: str | None) -> tuple:
    """What the closing-texts line shows: how many of them are filled."""
    filled = sum(1 for f in EVALUATION if (getattr(table.evaluation, f.key) or "").strip())
    return ("closing", severity, f"已填 {filled}/{len(EVALUATION)} 项", "", "", "")


ENTRY_NAMES = {"execution": "预算执行情况", "closing": "评价结论等"}


def draw(label: tuple, width: int) -> Text:
    """One line of the 自评 list."""
    kind, severity = label[0], label[1]
    if kind == "row":
        _kind, _sev, name, annual, actual, score, style = label
        cells_ = [(name or "（未命名）", ""), (annual, "dim"), (actual, ""), (score, style)]
    else:
        _kind, _sev, what, _blank, score, style = label
        cells_ = [(ENTRY_NAMES[kind], "bold"), (what, ""), ("", ""), (score, style)]
    return line_text(mark(severity), cells_, width)


def heading(scores: TableScore, width: int) -> Text:
    """Two lines: the total with its sum (and the profile, room permitting), then each 一级
    group's score over its weight; each line cut to ``width``."""
    total = Text(printable(scores.explanation), "bold")
    profile = f"  评分方案 {scores.profile.name}"
    if cell_len(total.plain + profile) <= width:
        total.append(profile, "dim")
    groups = Text()
    for place, group in enumerate(scores.groups):
        if place:
            groups.append(" · ", "dim")
        groups.append(pictures(group.name) or "（空）", "dim")
        groups.append(f" {shown_score(group.score, group.weight)}")
    for line in (total, groups):
        line.truncate(width, overflow="ellipsis")
    return Text("\n").join((total, groups))


def target_text(index: int, row: Indicator) -> Text:
    """The row above its form: which row, and its target."""
    text = dim(f"第{index + 1}行 ")
    text.append(pictures(row.effective_annual_name) or "（未命名）", "bold")
    text.append("  目标 ", "dim")
    text.append(pictures(row.annual) or "（空）")
    return text


def explanation_text(
    label: str, score: Decimal | None, weight: Decimal | None, line: str, style: str
) -> Text:
    """``得分 3.33/4  实际 5 次 未达目标 6 次…``: a score and its one-line explanation."""
    text = dim(f"{label} ")
    text.append(shown_score(score, weight), style or "bold green")
    text.append("  " + printable(line), style)
    return text


def execution_head(width: int) -> Text:
    """The column titles of the execution grid, over its three money columns (万元)."""
    room = max(width - EXECUTION_LABEL_WIDTH - 2, 3)
    boxes = [room // 3, room // 3, room - 2 * (room // 3)]
    text = dim(cell("（万元）", EXECUTION_LABEL_WIDTH))
    for place, (spec, size) in enumerate(zip(BUDGET, boxes, strict=True)):
        if place:
            text.append(" ")
        text.append(cell(spec.short, size), "bold")
    return text


def goal_text(table: Table) -> Text:
    """The annual goal the closing texts answer to."""
    text = dim(cell("预期目标", 9))
    text.append(pictures(table.goals.annual) or "（空）")
    return text
