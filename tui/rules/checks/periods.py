"""P: 项目期 rules: readable, in order, containing the budget year, matching 中期目标."""

from __future__ import annotations

from collections.abc import Iterator

from tui.parsing.period import Period, parse_period
from tui.rules.context import Context
from tui.rules.engine import Example, Hit, family, rule

PERIOD_REF = ("project", "period")
MEDIUM_REF = ("goals", "medium_period")

family(
    "P",
    "项目期（periods）",
    "项目期 is read in the forms real tables use: `2021至2023`, `2021-2023`, `2021年—2023年`, "
    "`202001-202012`, `2023.07-2024.01`, `2023年4月-2024年2月`, `2021年度`, `3年` / `三年` "
    "(a length only).",
)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _periods(ctx: Context) -> tuple[Period | None, Period | None]:
    return (
        parse_period(_text(ctx.table.header.period)),
        parse_period(_text(ctx.table.goals.medium_period)),
    )


def _span(period: Period) -> str:
    return f"{period.start}-{period.end}" if period.start is not None else f"{period.years}年"


@rule(
    "P001",
    "warning",
    "项目期空白",
    "project period is blank",
    why="项目期决定中期目标与中期资金覆盖哪几年（the project period fixes the years the "
    "medium-term goal and funding cover）。",
    fires=[Example({"project.period": ""}, at="project.period")],
    passes=[Example({"project.period": "3年"}, note="只写年数也可以（a length alone is fine）")],
)
def period_present(ctx: Context) -> Iterator[Hit]:
    """项目期 is filled in."""
    if not _text(ctx.table.header.period):
        yield Hit(PERIOD_REF)


@rule(
    "P002",
    "warning",
    "无法识别期间格式",
    "period not recognised",
    why="无法识别的期间无法与预算年度、中期目标核对（a period that cannot be read cannot be "
    "checked against the budget year and the medium-term years）。",
    fires=[
        Example({"project.period": "明年开始"}, at="project.period"),
        Example({"goals.medium_period": "待定"}, at="goals.medium_period"),
    ],
    passes=[
        Example({"project.period": "2021年—2023年"}),
        Example({"project.period": "2021.01-2023.12"}),
    ],
)
def period_readable(ctx: Context) -> Iterator[Hit]:
    """项目期 and the years of 中期目标 are written in a recognised form (2021至2023, 3年 …)."""
    for ref, label in ((PERIOD_REF, "项目期"), (MEDIUM_REF, "中期目标期间")):
        text = _text(ctx.table.get(ref))
        if text and parse_period(text) is None:
            yield Hit(
                ref,
                f"无法识别{label}“{text}”（应如 2021至2023、2021-2023、3年）",
                f"period '{text}' not recognised, e.g. 2021-2023 or 3年",
            )


@rule(
    "P003",
    "error",
    "期间起止颠倒",
    "period ends before it starts",
    why="结束早于开始的期间是笔误（a period that ends before it starts is a slip of the pen）。",
    fires=[Example({"goals.medium_period": "2023-2021"}, at="goals.medium_period")],
    passes=[Example({"project.period": "2021至2023"})],
)
def period_in_order(ctx: Context) -> Iterator[Hit]:
    """The end of a period is not before its start."""
    for ref, period in zip((PERIOD_REF, MEDIUM_REF), _periods(ctx)):
        if period is not None and period.reversed:
            yield Hit(ref)


@rule(
    "P004",
    "error",
    "预算年度不在项目期内",
    "budget year outside the project period",
    why="预算年度必须落在项目期内，否则这一年不应为项目安排资金（the budget year lies within the "
    "project period, or the project has no money that year）。",
    fires=[
        Example(
            {"year": "2025"},
            at="project.period",
            note="项目期为 2021-2023（the period is 2021-2023）",
        )
    ],
    passes=[Example({"year": "2023"})],
)
def year_in_period(ctx: Context) -> Iterator[Hit]:
    """The budget ``year`` falls inside 项目期."""
    year = ctx.table.year
    period = _periods(ctx)[0]
    if period is None or period.reversed or not isinstance(year, int):
        return
    if not period.contains_year(year):
        yield Hit(
            PERIOD_REF,
            f"预算年度 {year} 不在项目期 {_span(period)} 内",
            f"budget year {year} is outside the project period {_span(period)}",
            (("year",),),
        )


@rule(
    "P005",
    "error",
    "中期目标期间超出项目期",
    "medium-term years outside the project period",
    why="中期目标覆盖的年份应在项目期内；种子表“项目期 2021至2023、中期目标(2020-2022)”即此错误"
    "（the medium-term years lie within the project period; both seed projects break this）。",
    fires=[Example({"goals.medium_period": "2020-2022"}, at="goals.medium_period")],
    passes=[Example({"goals.medium_period": "2021年-2023年"})],
)
def medium_inside_period(ctx: Context) -> Iterator[Hit]:
    """The years of 中期目标 lie within 项目期."""
    period, medium = _periods(ctx)
    if period is None or medium is None or period.reversed or medium.reversed:
        return
    if period.dates is None or medium.dates is None:
        return
    (start, end), (medium_start, medium_end) = period.dates, medium.dates
    if medium_start < start or medium_end > end:
        yield Hit(
            MEDIUM_REF,
            f"中期目标期间 {_span(medium)} 超出项目期 {_span(period)}",
            f"medium-term {_span(medium)} lies outside the project period {_span(period)}",
            (PERIOD_REF,),
        )


@rule(
    "P006",
    "warning",
    "中期目标期间与项目期不一致",
    "medium-term years differ from the period",
    why="中期目标一般覆盖整个项目期，不一致多为笔误（the medium-term goal usually covers the whole "
    "project period; a difference is usually a slip）。",
    fires=[
        Example({"goals.medium_period": "2021-2022"}, at="goals.medium_period"),
        Example({"project.period": "3年", "goals.medium_period": "两年"}, at="goals.medium_period"),
    ],
    passes=[Example({"project.period": "3年", "goals.medium_period": "三年"})],
)
def medium_equals_period(ctx: Context) -> Iterator[Hit]:
    """The years of 中期目标 equal 项目期 (when they lie within it, or only a length is given)."""
    period, medium = _periods(ctx)
    if period is None or medium is None or period.reversed or medium.reversed:
        return
    if period.dates is not None and medium.dates is not None:
        (start, end), (medium_start, medium_end) = period.dates, medium.dates
        inside = start <= medium_start and medium_end <= end
        differs = inside and medium.dates != period.dates
    else:
        differs = medium.years != period.years
    if differs:
        yield Hit(
            MEDIUM_REF,
            f"中期目标期间 {_span(medium)} 与项目期 {_span(period)} 不一致",
            f"medium-term {_span(medium)} ≠ project period {_span(period)}",
            (PERIOD_REF,),
        )


@rule(
    "P007",
    "warning",
    "中期目标未注明期间",
    "medium-term goal has no years",
    why="表样写作“中期目标(20xx-20xx)”，年份是中期目标的一部分（the form writes "
    "中期目标(20xx-20xx): the years belong to the goal）。",
    fires=[Example({"goals.medium_period": ""}, at="goals.medium_period")],
    passes=[
        Example(
            {"goals.medium": "", "goals.medium_period": ""},
            note="没有中期目标时不要求年份（no goal, no years needed）",
        )
    ],
)
def medium_period_present(ctx: Context) -> Iterator[Hit]:
    """中期目标 states its years (the “(2021-2023)” of the form) when it has a text."""
    goals = ctx.table.goals
    if _text(goals.medium) and not _text(goals.medium_period):
        yield Hit(MEDIUM_REF, related=(("goals", "medium"),))
