"""P: 项目期 rules: readable, in order, containing the budget year, matching 中期目标."""

from __future__ import annotations

from collections.abc import Iterator

from tui.parsing.period import Period, parse_period
from tui.rules.context import Context
from tui.rules.engine import Hit, rule

PERIOD_REF = ("project", "period")
MEDIUM_REF = ("goals", "medium_period")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _periods(ctx: Context) -> tuple[Period | None, Period | None]:
    return (
        parse_period(_text(ctx.table.header.period)),
        parse_period(_text(ctx.table.goals.medium_period)),
    )


def _span(period: Period) -> str:
    return f"{period.start}-{period.end}" if period.start is not None else f"{period.years}年"


@rule("P001", "warning", "项目期空白", "project period is blank")
def period_present(ctx: Context) -> Iterator[Hit]:
    """项目期 is filled in."""
    if not _text(ctx.table.header.period):
        yield Hit(PERIOD_REF)


@rule("P002", "warning", "无法识别期间格式", "period not recognised")
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


@rule("P003", "error", "期间起止颠倒", "period ends before it starts")
def period_in_order(ctx: Context) -> Iterator[Hit]:
    """The end of a period is not before its start."""
    for ref, period in zip((PERIOD_REF, MEDIUM_REF), _periods(ctx)):
        if period is not None and period.reversed:
            yield Hit(ref)


@rule("P004", "error", "预算年度不在项目期内", "budget year outside the project period")
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


@rule("P005", "error", "中期目标期间超出项目期", "medium-term years outside the project period")
def medium_inside_period(ctx: Context) -> Iterator[Hit]:
    """The years of 中期目标 lie within 项目期."""
    period, medium = _periods(ctx)
    if period is None or medium is None or period.start is None or medium.start is None:
        return
    if period.reversed or medium.reversed:
        return
    if medium.start < period.start or medium.end > period.end:
        yield Hit(
            MEDIUM_REF,
            f"中期目标期间 {_span(medium)} 超出项目期 {_span(period)}",
            f"medium-term {_span(medium)} lies outside the project period {_span(period)}",
            (PERIOD_REF,),
        )


@rule("P006", "warning", "中期目标期间与项目期不一致", "medium-term years differ from the period")
def medium_equals_period(ctx: Context) -> Iterator[Hit]:
    """The years of 中期目标 equal 项目期 (when they lie within it, or only a length is given)."""
    period, medium = _periods(ctx)
    if period is None or medium is None or period.reversed or medium.reversed:
        return
    both_dated = period.start is not None and medium.start is not None
    if both_dated:
        inside = period.start <= medium.start and medium.end <= period.end
        differs = inside and (medium.start, medium.end) != (period.start, period.end)
    else:
        differs = medium.years != period.years
    if differs:
        yield Hit(
            MEDIUM_REF,
            f"中期目标期间 {_span(medium)} 与项目期 {_span(period)} 不一致",
            f"medium-term {_span(medium)} ≠ project period {_span(period)}",
            (PERIOD_REF,),
        )


@rule("P007", "warning", "中期目标未注明期间", "medium-term goal has no years")
def medium_period_present(ctx: Context) -> Iterator[Hit]:
    """中期目标 states its years (the “(2021-2023)” of the form) when it has a text."""
    goals = ctx.table.goals
    if _text(goals.medium) and not _text(goals.medium_period):
        yield Hit(MEDIUM_REF, related=(("goals", "medium"),))
