"""S: rules of the later stages — 运行监控 and 绩效自评 (``docs/lifecycle.md``): the family,
its shared helpers and S001–S006 (S007–S013 are in ``tui.rules.checks.stage_entries``).

They read the scores of ``tui.scoring`` under the table's profile (the file's
``profile``, else the folder's ``jixiao.toml``, else ``pmkpi``) and stay silent
on a table without monitoring or self-evaluation data, so a target table is
checked exactly as before. Thresholds (≥120% of target, 执行率 90%, the light
bands) are profile data.

"A target changed after approval" is rule A001 (``tui.rules.checks.approval``):
it compares with the file's approved version in git.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from tui.model import FieldRef
from tui.parsing.money import MONEY
from tui.rules.context import Context
from tui.rules.engine import Example, Hit, family, rule
from tui.scoring import (
    TableScore,
    execution_weight,
    has_stage_data,
    profile_for,
    score_table,
)
from tui.scoring.formulas import percent
from tui.scoring.reading import plain

# Reasons that say nothing (compared without spaces and end punctuation).
VAGUE = frozenset(
    {"无", "暂无", "没有", "无问题", "暂无问题", "无偏差", "不适用", "同上", "/", "-", "—", "——"}
)
_END_PUNCTUATION = "。．.，,；;！!"

family(
    "S",
    "监控与自评（monitoring and self-evaluation）",
    "Rules of the later stages of the year ([`docs/lifecycle.md`](lifecycle.md)). They read\n"
    "the scores under the table's scoring profile (the file's `profile`, else the folder's\n"
    "`jixiao.toml` `[scoring] profile`, else `pmkpi`) and are silent on a table without\n"
    "monitoring or self-evaluation data: a target table is checked exactly as before.\n"
    'Thresholds are profile data. "A target changed after approval" is rule A001 (it\n'
    "compares with the file's approved version in git). The examples edit the base table\n"
    "`evaluation`: the 2015 table carried through June monitoring to the self-evaluation.",
)


def scores_of(ctx: Context) -> TableScore | None:
    """The table's scores, once per check; ``None`` for a table without stage data."""

    def compute(c: Context) -> TableScore | None:
        if not has_stage_data(c.table):
            return None
        return score_table(c.table, profile_for(c.table, c.settings))

    return ctx.memo("stage_scores", compute)


def blank(text: str | None) -> bool:
    """Whether a text field is empty (absent or only spaces)."""
    return text is None or not text.strip()


def vague(text: str | None) -> bool:
    """Whether ``text`` is a reason that says nothing (``无``, ``暂无``, ``/`` …)."""
    if text is None:
        return False
    compact = "".join(unicodedata.normalize("NFKC", text).split()).rstrip(_END_PUNCTUATION)
    return bool(text.strip()) and compact in VAGUE | {""}


def _name(ctx: Context, index: int) -> str:
    name = ctx.table.indicators[index].effective_annual_name.strip()
    return name if len(name) <= 20 else name[:19] + "…"


@rule(
    "S001",
    "error",
    "得分低于分值但未说明偏差原因",
    "points lost without a reason",
    why=(
        "偏差原因是自评的要点：一体化系统自评页面在得分低于分值时强制填写偏差原因分析及改进措施（"
        "pmkpi makes the reason mandatory whenever the score is below the weight）。"
    ),
    fires=[
        Example(
            {"资格认证率.actual": "85%"},
            at="资格认证率.deviation",
            base="evaluation",
            note="85/90×10 = 9.44",
        ),
    ],
    passes=[
        Example(
            {"资格认证率.actual": "85%", "资格认证率.deviation": "培训组织推迟，下年提前安排"},
            base="evaluation",
        ),
    ],
)
def lost_points_explained(ctx: Context) -> Iterator[Hit]:
    """A row scoring below its weight states 偏差原因分析及改进措施 (mandatory in pmkpi)."""
    scores = scores_of(ctx)
    for row in scores.rows if scores else ():
        if row.lost and blank(ctx.table.indicators[row.index].deviation):
            assert row.score is not None and row.weight is not None
            yield Hit(
                ("indicators", row.index, "deviation"),
                f"“{_name(ctx, row.index)}”得分 {plain(row.score)} 低于分值 "
                f"{plain(row.weight)}，未填写偏差原因分析及改进措施",
                f"score {plain(row.score)} below weight {plain(row.weight)} without a reason",
                (("indicators", row.index, "actual"),),
            )


def _reason_fields(ctx: Context) -> Iterator[tuple[FieldRef, str | None]]:
    table = ctx.table
    for index, row in enumerate(table.indicators):
        yield ("indicators", index, "deviation"), row.deviation
        for month, monitoring in row.monitoring.items():
            for key in ("reason", "action"):
                ref = ("indicators", index, "monitoring", month, key)
                yield ref, getattr(monitoring, key)
    yield ("execution", "reason"), table.execution.reason
    for key in ("problems", "improvements"):
        yield ("evaluation", key), getattr(table.evaluation, key)


@rule(
    "S002",
    "warning",
    "原因或措施说了等于没说",
    "reason that says nothing",
    why=(
        "“无”“暂无”等于没有说明，是审核中常见的自评问题（大英 2023 的存在问题、改进措施均为“无”）"
        "（a reason of 无 or 暂无 explains nothing; published self-evaluations do it）。"
    ),
    fires=[
        Example(
            {"资格认证率.actual": "85%", "资格认证率.deviation": "无"},
            at="资格认证率.deviation",
            base="evaluation",
        ),
        Example(
            {"evaluation.improvements": "暂无。"}, at="evaluation.improvements", base="evaluation"
        ),
    ],
    passes=[
        Example(
            {"资格认证率.actual": "85%", "资格认证率.deviation": "无法按期组织，已调整计划"},
            base="evaluation",
            note="以“无”开头但有内容（starts with 无 but says something）",
        ),
    ],
)
def reasons_say_something(ctx: Context) -> Iterator[Hit]:
    """偏差原因、纠偏措施、存在问题、改进措施 are not just 无, 暂无 or a dash (大英, dyrmt)."""
    if scores_of(ctx) is None:
        return
    for ref, text in _reason_fields(ctx):
        if vague(text):
            assert text is not None
            shown = text.strip()
            yield Hit(ref, f"“{shown}”没有说明任何内容", f"'{shown}' says nothing")


@rule(
    "S003",
    "warning",
    "实际完成值远超目标但未说明",
    "actual far above target, no note",
    why=(
        "目标定得过低、轻易超额完成是常见问题；一体化系统在实际值达到目标 120% 时将得分标红（广西"
        "为 130%）（pmkpi flags an actual ≥120% of the target; too-easy targets are a known "
        "fault）。"
    ),
    fires=[
        Example(
            {"退休人员社会化管理服务覆盖率.actual": "120%"},
            at="退休人员社会化管理服务覆盖率.actual",
            base="evaluation",
            note="120/95 = 126%",
        ),
    ],
    passes=[
        Example({"退休人员社会化管理服务覆盖率.actual": "113%"}, base="evaluation", note="119%"),
        Example(
            {
                "退休人员社会化管理服务覆盖率.actual": "120%",
                "退休人员社会化管理服务覆盖率.deviation": "新增街道纳入服务",
            },
            base="evaluation",
        ),
    ],
)
def far_above_target(ctx: Context) -> Iterator[Hit]:
    """An actual ≥120% of a 正向 target (profile data) is explained: was the target too easy?"""
    scores = scores_of(ctx)
    if scores is None:
        return
    limit = scores.profile.over_ratio
    for row in scores.rows:
        over = row.ratio is not None and row.ratio >= limit
        if over and blank(ctx.table.indicators[row.index].deviation):
            assert row.ratio is not None
            yield Hit(
                ("indicators", row.index, "actual"),
                f"实际完成值达到目标的 {percent(row.ratio)}（≥{percent(limit)}），"
                "请在偏差原因中说明目标是否偏低",
                f"actual is {percent(row.ratio)} of the target; explain why",
                (("indicators", row.index, "deviation"),),
            )


@rule(
    "S004",
    "error",
    "定量指标的实际完成值不是数字",
    "quantitative row with a non-numeric actual",
    why=(
        "定量指标要以数值衡量完成情况，“完成”无法评分（大英 2023：“≤30万元”的完成值写作“完成”）"
        "（a quantitative target is met by a number, not by the word 完成）。"
    ),
    fires=[
        Example({"项目总成本.actual": "完成"}, at="项目总成本.actual", base="evaluation"),
    ],
    passes=[
        Example({"项目总成本.actual": "98.5万元"}, base="evaluation"),
    ],
)
def actual_is_a_number(ctx: Context) -> Iterator[Hit]:
    """A row whose target states a number has an actual that states one (not 完成 for ≤30万元)."""
    scores = scores_of(ctx)
    for row in scores.rows if scores else ():
        if row.problem == "not_number":
            yield Hit(("indicators", row.index, "actual"), row.explanation, "not a number")


@rule(
    "S005",
    "error",
    "指标权重合计不符",
    "indicator weights do not add up",
    why=(
        "指标权重逐级汇总，合计须为总分减去预算执行率分值（一体化系统校验三级→二级→一级汇总；"
        "默认 10 分执行率 + 90 分指标）（weights roll up to 100 less the budget-execution "
        "points; pmkpi checks the sums）。"
    ),
    fires=[
        Example(
            {"资格认证率.weight": "20"},
            at="举办退休人员文体活动.weight",
            base="evaluation",
            note="合计 100（sum 100）",
        ),
        Example(
            {"profile": "form2020"},
            at="举办退休人员文体活动.weight",
            base="evaluation",
            note="form2020 为 80 + 20（80 + 20 under form2020）",
        ),
    ],
    passes=[
        Example(
            {"execution.weight": "20", "资格认证率.weight": "0"},
            base="evaluation",
            note="执行率分值 20，指标合计 80（80 + 20）",
        ),
    ],
)
def weights_add_up(ctx: Context) -> Iterator[Hit]:
    """Row weights add up to the total less the 预算执行率 分值 (90 = 100 − 10 under pmkpi)."""
    scores = scores_of(ctx)
    if scores is None or ctx.table.stage == "monitoring":
        return
    weighted = [r.index for r in scores.rows if r.weight is not None]
    if not weighted:
        return
    share = execution_weight(ctx.table, scores.profile)
    expected = MONEY.subtract(scores.profile.total, share)
    got = scores.indicators.weight or Decimal(0)
    if MONEY.compare(got, expected) != 0:
        yield Hit(
            ("indicators", weighted[0], "weight"),
            f"指标权重合计 {plain(got)}，应为 {plain(expected)}"
            f"（总分 {plain(scores.profile.total)} − 预算执行 {plain(share)}）",
            f"weights add up to {plain(got)}, expected {plain(expected)}",
            tuple(("indicators", i, "weight") for i in weighted[1:]),
        )


@rule(
    "S006",
    "error",
    "预算执行率低于90%未说明原因",
    "execution rate below 90% without a reason",
    why=(
        "四川 510000_0013zp 自评表注明“预算执行率未达到90%的需说明原因”（the Sichuan form "
        "requires a reason for an execution rate below 90%）。"
    ),
    fires=[
        Example(
            {"execution.total.executed": "80.00"},
            at="execution.reason",
            base="evaluation",
            note="80%",
        ),
    ],
    passes=[
        Example(
            {"execution.total.executed": "80.00", "execution.reason": "设备采购延至次年"},
            base="evaluation",
        ),
        Example({"execution.total.executed": "90.00"}, base="evaluation"),
    ],
)
def low_rate_explained(ctx: Context) -> Iterator[Hit]:
    """执行率 below 90% (profile) states why (printed on the Sichuan form)."""
    scores = scores_of(ctx)
    execution = scores.execution if scores else None
    if execution is None or execution.rate is None or scores is None:
        return
    limit = scores.profile.rate_needs_reason_below
    if execution.rate < limit and blank(ctx.table.execution.reason):
        yield Hit(
            ("execution", "reason"),
            f"预算执行率 {execution.rate_text} 低于 {percent(limit)}，未说明原因",
            f"execution rate {execution.rate_text} below {percent(limit)} without a reason",
            (("execution", "total", "executed"),),
        )
