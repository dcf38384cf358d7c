"""预算执行率 and its score: 执行率 = 全年执行数 ÷ 全年预算数（调整后预算数）.

The rate comes from the 年度资金总额 line (``total``), or from the sum of the
other sources when the total line has no amounts. A blank 全年预算数 falls back
to the 年初预算数 (the budget was not adjusted). The score is 分值 × 执行率,
never above the 分值 (the 2020 form's "20分*执行率", the Sichuan form's 10 分),
rounded as the profile says; the 分值 is the file's ``[execution] weight`` or
the profile's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tui.fields import SOURCES
from tui.model import BudgetLine, Execution
from tui.parsing.money import MONEY, finite, total_of
from tui.scoring.formulas import percent
from tui.scoring.profiles import Profile
from tui.scoring.reading import plain
from tui.scoring.rows import rounded


@dataclass(frozen=True)
class LineRate:
    """One funding source: its budget (adjusted, else initial), executed amount and rate."""

    source: str
    budget: Decimal | None
    executed: Decimal | None
    rate: Decimal | None


@dataclass(frozen=True)
class ExecutionScore:
    """The budget-execution block scored: rate, score and a one-line explanation."""

    weight: Decimal  # 分值
    budget: Decimal | None
    executed: Decimal | None
    rate: Decimal | None  # exact; ``None`` when it cannot be computed
    score: Decimal | None
    explanation: str
    lines: tuple[LineRate, ...]  # every source with an amount, in ``SOURCES`` order
    problem: str = ""  # zero_budget

    @property
    def rate_text(self) -> str:
        """``95%``, or ``""`` without a rate."""
        return "" if self.rate is None else percent(self.rate)


def _budget(line: BudgetLine) -> Decimal | None:
    adjusted = finite(line.adjusted)
    return adjusted if adjusted is not None else finite(line.initial)


def _rate(budget: Decimal | None, executed: Decimal | None) -> Decimal | None:
    if budget is None or executed is None or budget == 0:
        return None
    return MONEY.divide(executed, budget)


def line_rates(execution: Execution) -> tuple[LineRate, ...]:
    """Every source that holds an amount, with its own rate."""
    rates = []
    for source in SOURCES:
        line = execution.line(source)
        if line.empty:
            continue
        budget, executed = _budget(line), finite(line.executed)
        rates.append(LineRate(source, budget, executed, _rate(budget, executed)))
    return tuple(rates)


def score_execution(execution: Execution, profile: Profile) -> ExecutionScore:
    """The execution block of a table under ``profile`` (see the module doc)."""
    weight = finite(execution.weight)
    if weight is None:
        weight = profile.execution_weight
    lines = line_rates(execution)
    total = execution.line("total")
    budget, executed = _budget(total), finite(total.executed)
    where = ""
    if budget is None and executed is None:
        parts = [rate for rate in lines if rate.source != "total"]
        budget, executed = total_of(r.budget for r in parts), total_of(r.executed for r in parts)
        where = "各来源合计："
    label = "全年预算数" if finite(total.adjusted) is not None else "年初预算数"
    if where:
        label = "预算数"
    if budget is None or executed is None:
        return ExecutionScore(weight, budget, executed, None, None, "未填预算执行数", lines)
    if budget == 0:
        sentence = f"{where}{label}为 0，无法计算执行率"
        return ExecutionScore(weight, budget, executed, None, None, sentence, lines, "zero_budget")
    rate = MONEY.divide(executed, budget)
    raw = weight if rate >= 1 else MONEY.multiply(weight, rate)
    score = weight if rate >= 1 else rounded(raw, profile)
    got = f"得满分 {plain(weight)}" if rate >= 1 else f"得 {plain(score)}（分值 {plain(weight)}）"
    sentence = (
        f"{where}执行率 = 全年执行数 {plain(executed)} ÷ {label} {plain(budget)}"
        f" = {percent(rate)}，{got}"
    )
    return ExecutionScore(weight, budget, executed, rate, score, sentence, lines)
