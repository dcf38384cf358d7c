"""The self-evaluation (自评表) and monitoring (运行监控表) forms as grids of plain text.

``lifecycle_layout(scored, form, layout, month)`` gives ``Section``s that the
txt, Markdown, TSV and xlsx renderers draw like the target form. ``scored`` is
a list of ``(Table, Profile)``: each table is scored under its own profile.

Layouts (``docs/lifecycle.md`` has the sources):

* ``anhui`` (default) — the 池州 2022 自评表: 项目资金 with 年初预算数 | 全年预算数 |
  全年执行数 | 分值 | 执行率 | 得分 (rows 年度资金总额, 其中：本年财政拨款, 上年结转资金,
  其他资金); 年度总体目标 预期目标 | 实际完成情况; indicators 一级 | 二级 | 三级 |
  年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, then 总分.
* ``sichuan`` — the 一体化 output "510000_0013zp": 预算执行情况（N分）with 年初预算 |
  调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 per 财政资金, 财政专户管理资金,
  单位资金, 其他资金; indicators with 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |
  未完成原因分析; then 评价结论, 存在问题, 改进措施.

The monitoring form at month N lists, per row, the target, the progress to date,
the full-year forecast, the likelihood, the deviation (category and analysis),
the corrective action and the traffic light; its columns follow the 一体化
monitoring table (no filled monitoring form was found: the layout is jixiao's).
A funding source is shown when the layout names it or the table fills it.
"""

from __future__ import annotations

from decimal import Decimal

from tui.export.layout import Grid, Section, money
from tui.fields import SOURCE_ZH, SOURCES
from tui.model import BudgetLine, Indicator, Table
from tui.parsing.money import MONEY, total_of
from tui.scoring import (
    Profile,
    Reading,
    RowScore,
    TableScore,
    execution_weight,
    monitor_table,
    score_table,
)
from tui.scoring.execution import ExecutionScore
from tui.scoring.formulas import percent
from tui.scoring.reading import plain

FORMS = ("evaluation", "monitoring")
LAYOUTS = ("anhui", "sichuan")
# The funding rows of each layout: source → label on the form.
_SOURCES = {
    "anhui": {
        "total": "年度资金总额",
        "fiscal": "其中：本年财政拨款",
        "carryover": "上年结转资金",
        "other": "其他资金",
    },
    "sichuan": {
        "total": "合计",
        "fiscal": "财政资金",
        "special": "财政专户管理资金",
        "unit": "单位资金",
        "other": "其他资金",
    },
}


def _title(year: int | None, name: str) -> str:
    return name if year is None else f"{year}年度{name}"


def _number(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def _score(row: RowScore) -> str:
    return "" if row.score is None else plain(row.score)


def _project_grid(table: Table) -> Grid:
    head = table.header
    department = " ".join(part for part in (head.department, head.department_code) if part)
    rows = [["主管部门", department], ["实施单位", head.implementer]]
    return Grid(["项目名称", head.name], rows, ("left", "left"))


def _goal_grid(table: Table) -> Grid:
    return Grid(
        ["年度总体目标（预期目标）", "实际完成情况"],
        [[table.goals.annual, table.evaluation.goal_actual or ""]],
        ("left", "left"),
    )


def _shown_sources(table: Table, layout: str) -> list[tuple[str, str]]:
    names = _SOURCES[layout]
    lines = table.execution.lines
    return [
        (source, names.get(source, SOURCE_ZH[source]))
        for source in SOURCES
        if source in names or not lines[source].empty
    ]


def _total_line(table: Table) -> BudgetLine:
    """The 年度资金总额 line; when it is blank, the sum of the sources, column by column."""
    lines = table.execution.lines
    if not lines["total"].empty:
        return lines["total"]
    initial, adjusted, executed = (
        total_of(getattr(lines[source], key) for source in SOURCES[1:])
        for key in ("initial", "adjusted", "executed")
    )
    return BudgetLine(initial, adjusted, executed)


def _rate(line: BudgetLine) -> str:
    budget = line.adjusted if line.adjusted is not None else line.initial
    if budget is None or line.executed is None or budget == 0:
        return ""
    return percent(MONEY.divide(line.executed, budget))


def _funding_grid(table: Table, ex: ExecutionScore | None, weight: str, layout: str) -> Grid:
    score = _number(ex.score) if ex else ""
    rate = ex.rate_text if ex else ""
    rows = []
    for source, label in _shown_sources(table, layout):
        line = _total_line(table) if source == "total" else table.execution.line(source)
        amounts = [money(line.initial), money(line.adjusted), money(line.executed)]
        if layout == "anhui":
            extra = [weight, rate, score] if source == "total" else ["", "", ""]
        else:
            own = [weight, score, table.execution.reason or ""] if source == "total" else [""] * 3
            extra = [rate if source == "total" else _rate(line), *own]
        rows.append([label, *amounts, *extra])
    if layout == "anhui":
        headers = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率"]
        headers.append("得分")
    else:
        headers = [f"预算执行情况（{weight}分）", "年初预算", "调整后预算数", "预算执行数"]
        headers += ["预算执行率", "权重", "得分", "原因"]
    return Grid(headers, rows, ("left",) + ("right",) * 6 + ("left",) * (len(headers) - 7))


def _group_cells(rows: list[Indicator], index: int) -> list[str]:
    row = rows[index]
    previous = rows[index - 1] if index else None
    new_l1 = previous is None or row.level1 != previous.level1
    new_l2 = new_l1 or previous is None or row.level2 != previous.level2
    return [row.level1 if new_l1 else "", row.level2 if new_l2 else "", row.effective_annual_name]


def _nature(target: Reading, row: Indicator) -> str:
    if row.nature:
        return row.nature
    return {"range": "区间", "": ""}.get(target.op, target.op)


def _value_and_unit(reading: Reading | None) -> tuple[str, str]:
    """A number and its unit for the Sichuan columns, or the text as written."""
    if reading is None:
        return "", ""
    if reading.number is None:
        return reading.text, ""
    body = plain(reading.number)
    if reading.op == "range" and reading.upper is not None:
        body += f"-{plain(reading.upper)}"
    return body, reading.unit


def _indicator_grid(table: Table, scores: TableScore, layout: str) -> Grid:
    rows = table.indicators
    body = []
    for index, row in enumerate(rows):
        score = scores.rows[index]
        cells = _group_cells(rows, index)
        if layout == "anhui":
            cells += [row.annual, row.actual or "", _number(row.weight), _score(score)]
        else:
            value, unit = _value_and_unit(score.target)
            done, done_unit = _value_and_unit(score.actual)
            if done_unit and done_unit != unit:
                done = row.actual or ""
            cells += [_nature(score.target, row), value, unit or (row.unit or ""), done]
            cells += [_number(row.weight), _score(score)]
        body.append([*cells, row.deviation or ""])
    headers = ["一级指标", "二级指标", "三级指标"]
    if layout == "anhui":
        headers += ["年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    else:
        headers += ["指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]
    sums = [_number(scores.indicators.weight), _number(scores.indicators.score)]
    body.append(["合计", *([""] * (len(headers) - 4)), *sums, ""])
    return Grid(headers, body, ("left",) * len(headers))


def _total_grid(scores: TableScore) -> Grid:
    return Grid(
        ["总分", _number(scores.total)],
        [["说明", scores.explanation]],
        ("left", "left"),
    )


def _closing_grid(table: Table, layout: str) -> Grid | None:
    ev = table.evaluation
    texts = [ev.conclusion, ev.problems, ev.improvements]
    if layout == "anhui" and all(t is None for t in texts):
        return None
    labels = ["评价结论", "存在问题", "改进措施"]
    conclusion, problems, improvements = (t or "" for t in texts)
    rows = [[labels[1], problems], [labels[2], improvements]]
    return Grid([labels[0], conclusion], rows, ("left", "left"))


def evaluation_grids(table: Table, profile: Profile, layout: str = "anhui") -> list[Grid]:
    """The self-evaluation form of one table."""
    scores = score_table(table, profile)
    grids = [
        _project_grid(table),
        _funding_grid(table, scores.execution, plain(execution_weight(table, profile)), layout),
        _goal_grid(table),
        _indicator_grid(table, scores, layout),
        _total_grid(scores),
    ]
    closing = _closing_grid(table, layout)
    return grids if closing is None else [*grids, closing]


def _cause(reason: str | None, cause: str | None) -> str:
    return "：".join(part for part in (cause, reason) if part)


def monitoring_grids(
    table: Table, profile: Profile, month: int, layout: str = "anhui"
) -> list[Grid]:
    """The monitoring form of one table at ``month``."""
    scores = score_table(table, profile)
    lights = monitor_table(table, month, profile)
    rows = table.indicators
    body = []
    for index, row in enumerate(rows):
        m = row.month(month)
        cells = _group_cells(rows, index)
        if layout == "anhui":
            cells += [row.annual, m.progress or "", m.forecast or "", m.likelihood or ""]
            cells += [_cause(m.reason, m.cause), m.action or ""]
        else:
            target = scores.rows[index].target
            value, unit = _value_and_unit(target)
            cells += [_nature(target, row), value, unit or (row.unit or "")]
            cells += [m.progress or "", m.forecast or "", m.likelihood or ""]
            cells += [m.cause or "", m.reason or "", m.action or ""]
        body.append([*cells, lights[index].zh])
    headers = ["一级指标", "二级指标", "三级指标"]
    if layout == "anhui":
        headers += ["年度指标值", f"1–{month}月完成情况", "全年预计完成情况", "完成目标可能性"]
        headers += ["偏差原因分析", "纠偏措施"]
    else:
        headers += ["指标性质", "指标值", "度量单位", f"截至{month}月完成值", "全年预计完成值"]
        headers += ["完成可能性", "偏差原因类别", "偏差原因说明", "纠偏措施"]
    headers.append("预警")
    indicators = Grid(headers, body, ("left",) * len(headers))
    goal = Grid(["年度总体目标"], [[table.goals.annual]], ("left",))
    return [_project_grid(table), goal, indicators]


def months_of(table: Table) -> list[int]:
    """The monitoring months the table holds, in order."""
    return sorted({month for row in table.indicators for month in row.monitoring})


def lifecycle_layout(
    scored: list[tuple[Table, Profile]],
    form: str = "evaluation",
    layout: str = "anhui",
    month: int | None = None,
) -> list[Section]:
    """The ``form`` (``FORMS``) of every table in ``layout`` (``LAYOUTS``), grouped by year.

    ``month`` (1–12) is the monitoring month; by default each table's latest.
    Raises ``ValueError`` for an unknown form, layout or month.
    """
    if form not in FORMS or layout not in LAYOUTS:
        raise ValueError(f"form must be one of {FORMS} and layout one of {LAYOUTS}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, not {month}")
    name = "项目支出绩效自评表" if form == "evaluation" else "项目支出绩效运行监控表"
    sections: dict[tuple[int | None, int | None], Section] = {}
    for table, profile in scored:
        key: tuple[int | None, int | None]
        if form == "evaluation":
            key, grids = (table.year, None), evaluation_grids(table, profile, layout)
        else:
            chosen = month or (months_of(table) or [12])[-1]
            key = (table.year, chosen)
            grids = monitoring_grids(table, profile, chosen, layout)
        section = sections.get(key)
        if section is None:
            title = _title(table.year, name)
            if form == "monitoring":
                title += f"（1–{key[1]}月）"
            section = sections[key] = Section(title, [])
        section.projects.append(grids)
    return list(sections.values())
