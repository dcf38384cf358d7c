"""A self-evaluation's own blocks: its 预算执行情况 grid and its closing texts.

The 绩效自评表 adds to the target form a grid of the budget's execution above the
goals (Anhui: ``项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
得分`` over 年度资金总额, 其中：本年财政拨款, 上年结转资金, 其他资金; Sichuan:
``预算执行情况（10分） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |
原因`` over 合计, 财政资金, 财政专户管理资金, 单位资金, 其他资金), and after the
indicators 评价结论, 存在问题 and 改进措施. They fill the table's ``execution``
lines and ``evaluation`` texts; the 年初预算数 of 年度资金总额, 财政拨款 and 其他资金
are the 年度 funding too. 执行率 and 得分 follow from the others (the scoring
profile computes them): they are reported, not kept. Headings and sources are data.
A monitoring form's 预警 lights are computed too: one the profile computes alike is
placed, one that differs reported.
"""

from __future__ import annotations

from tui.fields import field_of
from tui.importing.cells import Cell
from tui.importing.header import Amount
from tui.importing.labels import furniture, header_label, normalise, says_yuan
from tui.importing.ledger import Ledger
from tui.model import Table
from tui.scoring.lights import Light
from tui.scoring.rows import score_row
from tui.scoring.table import monitor_table, profile_for

# A column heading of the grid → the BudgetLine key it fills, or what it is.
BUDGET_COLUMNS: dict[str, str] = {
    **dict.fromkeys(("年初预算数", "年初预算"), "initial"),
    **dict.fromkeys(("全年预算数", "调整后预算数", "调整后预算", "全年预算"), "adjusted"),
    **dict.fromkeys(("全年执行数", "预算执行数", "执行数", "实际执行数"), "executed"),
    **dict.fromkeys(("分值", "权重"), "weight"),
    **dict.fromkeys(("执行率", "预算执行率"), "rate"),
    **dict.fromkeys(("得分",), "score"),
    **dict.fromkeys(("原因", "偏差原因"), "reason"),
}
_MONEY_COLUMNS = ("initial", "adjusted", "executed")
_TITLES = ("预算执行情况",)  # the grid's corner cell (its 分值 is the 分值 column's)
_COMPUTED = ("由执行数计算，未导入", "computed from the amounts; not imported")
_LEFT_TO_PROFILE = (
    "与评分方案算出的一致，留给评分方案计算",
    "as the scoring profile computes it; left to it",
)
_MIN_COLUMNS = 2  # a heading row names at least this many money columns
# A row label of the grid → its funding source (tui.fields.SOURCES).
BUDGET_SOURCES: dict[str, str] = {
    **dict.fromkeys(("年度资金总额", "资金总额", "合计", "项目资金总额"), "total"),
    **dict.fromkeys(
        ("本年财政拨款", "当年财政拨款", "财政拨款", "财政资金", "财政拨款资金"), "fiscal"
    ),
    **dict.fromkeys(("上年结转资金", "上年结转"), "carryover"),
    **dict.fromkeys(("财政专户管理资金", "财政专户拨款"), "special"),
    **dict.fromkeys(("单位资金",), "unit"),
    **dict.fromkeys(("其他资金", "其它资金"), "other"),
}
_FUNDED = ("total", "fiscal", "other")  # sources whose 年初预算数 is the 年度 funding too
# The closing texts after the indicators → the evaluation field each fills.
CLOSING_TEXTS: dict[str, str] = {
    **dict.fromkeys(("评价结论", "自评结论", "总体评价结论"), "conclusion"),
    **dict.fromkeys(("存在问题", "存在的问题", "主要问题"), "problems"),
    **dict.fromkeys(("改进措施", "改进措施及建议", "整改措施"), "improvements"),
}


def _closing_text(text: str) -> bool:
    """Whether ``text`` can be a closing text: not another closing label, a label of the
    form or page furniture (``项目负责人:`` after an empty 存在问题)."""
    labelled = CLOSING_TEXTS.get(normalise(text)) or header_label(text)
    return not labelled and furniture(text) is None


def budget_heading(row: list[Cell]) -> dict[int, str] | None:
    """Where each column of a 预算执行情况 heading row stands (cell position → key), or
    ``None`` when ``row`` is no such heading."""
    columns = _column_keys(row)
    if sum(key in _MONEY_COLUMNS for key in columns.values()) < _MIN_COLUMNS:
        return None
    return columns


def _column_keys(row: list[Cell], start: int = 0) -> dict[int, str]:
    """The budget columns ``row``'s cells head (position from ``start`` → key)."""
    found = {start + n: BUDGET_COLUMNS.get(normalise(c.text)) for n, c in enumerate(row)}
    return {n: key for n, key in found.items() if key is not None}


def _heading_wrapped(row: list[Cell]) -> bool:
    """Whether ``row`` is the rest of a heading wrapped over two lines: headings and a
    formula in brackets only (``预算执行率`` / ``( B/A×100%) 得分``)."""
    return all(normalise(c.text) in BUDGET_COLUMNS or not normalise(c.text) for c in row)


def read_budget(
    rows: list[list[Cell]], table: Table, index: int, ledger: Ledger, amount: Amount
) -> list[list[Cell]]:
    """Fill ``table``'s execution lines from the grid in ``rows``; the rows left over."""
    out: list[list[Cell]] = []
    heading: list[Cell] | None = None
    columns: dict[int, str] = {}
    funded, yuan = None, False
    wrapped = False  # the row before was the heading: a row of headings goes on with it
    for row in (row for row in rows if row):
        if wrapped and heading is not None and _heading_wrapped(row):
            columns.update(_column_keys(row, start=len(heading)))
            heading = [*heading, *row]
            for cell in row:
                ledger.place(cell, index, ("label", "column"))
            continue
        found = budget_heading(row)
        wrapped = found is not None
        if found is not None:
            heading, columns = row, found
            funded = next((k for k in _MONEY_COLUMNS[:2] if k in columns.values()), None)
            yuan = any(says_yuan(c.text) for c in heading)  # 资金构成(元)
            for n, cell in enumerate(row):
                if n in columns or normalise(cell.text) in _TITLES:
                    ledger.place(cell, index, ("label", "column"))
            out.append([c for n, c in enumerate(row) if not ledger.seen(c)])  # 项目资金（万元）
            continue
        source = BUDGET_SOURCES.get(normalise(row[0].text)) if heading else None
        if heading is None or source is None:
            heading = None  # the grid ends at the first row of another kind
            out.append(row)
            continue
        ledger.place(row[0], index, ("label", "budget"))
        for cell, key in zip(row[1:], _keys(heading, columns, row), strict=True):
            _budget_cell(cell, key, (source, funded, yuan), (table, index, ledger), amount)
    return [row for row in out if row]  # the heading's corner cell may be all that is left


def _keys(heading: list[Cell], columns: dict[int, str], row: list[Cell]) -> list[str | None]:
    """The column key of each value cell of ``row``: by its column where the cells stand
    in real columns (a heading without a corner cell over the row labels, as in
    ``全年预算数(A) | 全年执行数(B) | …`` above ``年度资金总额: | 9.48 | …``, stands one
    column left of its values), else in the heading's order."""
    if all(c.tabular for c in (*heading, *row)):
        first = min(heading[n].index for n in columns)
        shift = max(0, row[0].index + 1 - first)
        by_index = {heading[n].index + shift: key for n, key in columns.items()}
        return [by_index.get(c.index) for c in row[1:]]
    ordered: list[str | None] = [columns[n] for n in sorted(columns)]
    values = len(row) - 1
    if values <= len(ordered):
        return ordered[:values]
    # More values than headings: the amounts from the left, 分值 | 执行率 | 得分 from the
    # right, what is left between them an extra cell (reported).
    money = [k for k in ordered if k in _MONEY_COLUMNS]
    rest = ordered[len(money) :]
    return [*money, *[None] * (values - len(ordered)), *rest]


def _budget_cell(
    cell: Cell,
    key: str | None,
    line: tuple[str, str | None, bool],
    target: tuple[Table, int, Ledger],
    amount: Amount,
) -> None:
    """One cell of a grid row: an amount, the 分值 or the reason of the total row.

    ``line`` is the row's source, the column that is the 年度 funding (年初预算数, or
    全年预算数 in a grid without it) and whether the grid's amounts are in 元."""
    source, funded, yuan = line
    table, index, ledger = target
    if key in _MONEY_COLUMNS:
        value = amount(cell, cell.text, yuan)
        if value is None:
            ledger.report(cell, "不是金额，未填入", "not an amount; left blank")
            return
        setattr(table.execution.lines[source], key, value)
        ledger.place(cell, index, ("execution", source, key))
        if key == funded and source in _FUNDED:
            setattr(table.funding.annual, source, value)
    elif key in ("weight", "reason") and source == "total":
        field = field_of(("execution", key))
        try:
            setattr(table.execution, key, field.parse(cell.text))
        except ValueError:
            ledger.report(cell, f"{field.short}不是数字，未填入", f"{field.en} is not a number")
            return
        ledger.place(cell, index, ("execution", key))
    elif key in ("rate", "score"):
        ledger.report(cell, *_COMPUTED)
    else:
        ledger.report(cell, "预算执行表中的多余单元格", "extra cell in the budget grid")


def read_closing(cells: list[Cell], table: Table, index: int, ledger: Ledger) -> set[Cell]:
    """评价结论 / 存在问题 / 改进措施 after the indicators, each with the text after it on
    its line (or on the next line): the evaluation's texts. The cells used."""
    used: set[Cell] = set()
    for n, cell in enumerate(cells):
        key = CLOSING_TEXTS.get(normalise(cell.text))
        after = cells[n + 1] if n + 1 < len(cells) else None
        if key is None or after is None or not _closing_text(after.text):
            continue
        ledger.place(cell, index, ("label", "evaluation"))
        ledger.place(after, index, ("evaluation", key))
        setattr(table.evaluation, key, after.text)
        used |= {cell, after}
    return used


def leave_computed(table: Table, ledger: Ledger, cells: dict[tuple, Cell]) -> None:
    """Leave to the scoring profile what a self-evaluation wrote as it computes it: a row's
    得分 equal to the profile's score for it, a 分值 of 预算执行 equal to the profile's
    (each noted), so that changing an actual value later scores the row again. A score
    that differs is the evaluator's and stays. ``cells``: where each score was written."""
    profile = profile_for(table)
    for i, row in enumerate(table.indicators):
        cell = cells.get(("indicators", i, "score"))
        if row.score is None or cell is None:
            continue
        if score_row(i, row, profile).auto == row.score:
            row.score = None
            ledger.note(cell, *_LEFT_TO_PROFILE)
    cell = cells.get(("execution", "weight"))
    if cell is not None and table.execution.weight == profile.execution_weight:
        table.execution.weight = None
        ledger.note(cell, *_LEFT_TO_PROFILE)


def check_lights(table: Table, ledger: Ledger, cells: dict[tuple, Cell]) -> None:
    """A monitoring form's 预警 cells (``cells``: where each was placed) against the lights
    the scoring profile computes: one that agrees (``黄灯``, ``黄``, ``黄色``) stays placed,
    one that differs is reported with the computed light."""
    profile = profile_for(table)
    computed: dict[int, list[Light]] = {}
    for ref, cell in cells.items():
        if ref[0] != "indicators" or len(ref) != 5 or ref[4] != "warning":
            continue
        month = ref[3]
        lights = computed.setdefault(month, monitor_table(table, month, profile))
        light = lights[ref[1]].zh
        if not light or cell.text.strip()[:1] != light[:1]:
            ledger.report(
                cell,
                f"预警与算出的“{light or '无'}”不同，未导入",
                f"warning light differs from the computed “{light or 'none'}”; not imported",
            )
