"""S: rules of the later stages — 运行监控 and 绩效自评 (``docs/lifecycle.md``).

They read the scores of ``tui.scoring`` under the table's profile (the file's
``profile``, else the folder's ``jixiao.toml``, else ``pmkpi``) and stay silent
on a table without monitoring or self-evaluation data, so a target table is
checked exactly as before. Thresholds (≥120% of target, 执行率 90%, the light
bands) are profile data.

"A target changed after approval" needs the file's approved version from git
and is not checked here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from tui.fields import MONITOR, STAGES
from tui.model import FieldRef
from tui.parsing.money import MONEY, finite
from tui.rules.context import Context
from tui.rules.engine import Hit, rule
from tui.scoring import (
    PROFILES,
    TableScore,
    execution_weight,
    has_stage_data,
    light,
    profile_for,
    score_table,
)
from tui.scoring.formulas import percent
from tui.scoring.reading import plain
from tui.scoring.rows import in_band

# Reasons that say nothing (compared without spaces and end punctuation).
VAGUE = frozenset(
    {"无", "暂无", "没有", "无问题", "暂无问题", "无偏差", "不适用", "同上", "/", "-", "—", "——"}
)
_END_PUNCTUATION = "。．.，,；;！!"
_CHOICE_FIELDS = tuple(f for f in MONITOR if f.choices)


def _scores(ctx: Context) -> TableScore | None:
    """The table's scores, once per check; ``None`` for a table without stage data."""

    def compute(c: Context) -> TableScore | None:
        if not has_stage_data(c.table):
            return None
        return score_table(c.table, profile_for(c.table, c.settings))

    return ctx.memo("stage_scores", compute)


def _blank(text: str | None) -> bool:
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


@rule("S001", "error", "得分低于分值但未说明偏差原因", "points lost without a reason")
def lost_points_explained(ctx: Context) -> Iterator[Hit]:
    """A row scoring below its weight states 偏差原因分析及改进措施 (mandatory in pmkpi)."""
    scores = _scores(ctx)
    for row in scores.rows if scores else ():
        if row.lost and _blank(ctx.table.indicators[row.index].deviation):
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


@rule("S002", "warning", "原因或措施说了等于没说", "reason that says nothing")
def reasons_say_something(ctx: Context) -> Iterator[Hit]:
    """偏差原因、纠偏措施、存在问题、改进措施 are not just 无, 暂无 or a dash (大英, dyrmt)."""
    if _scores(ctx) is None:
        return
    for ref, text in _reason_fields(ctx):
        if vague(text):
            assert text is not None
            shown = text.strip()
            yield Hit(ref, f"“{shown}”没有说明任何内容", f"'{shown}' says nothing")


@rule("S003", "warning", "实际完成值远超目标但未说明", "actual far above target, no note")
def far_above_target(ctx: Context) -> Iterator[Hit]:
    """An actual ≥120% of a 正向 target (profile data) is explained: was the target too easy?"""
    scores = _scores(ctx)
    if scores is None:
        return
    limit = scores.profile.over_ratio
    for row in scores.rows:
        over = row.ratio is not None and row.ratio >= limit
        if over and _blank(ctx.table.indicators[row.index].deviation):
            assert row.ratio is not None
            yield Hit(
                ("indicators", row.index, "actual"),
                f"实际完成值达到目标的 {percent(row.ratio)}（≥{percent(limit)}），"
                "请在偏差原因中说明目标是否偏低",
                f"actual is {percent(row.ratio)} of the target; explain why",
                (("indicators", row.index, "deviation"),),
            )


@rule("S004", "error", "定量指标的实际完成值不是数字", "quantitative row with a non-numeric actual")
def actual_is_a_number(ctx: Context) -> Iterator[Hit]:
    """A row whose target states a number has an actual that states one (not 完成 for ≤30万元)."""
    scores = _scores(ctx)
    for row in scores.rows if scores else ():
        if row.problem == "not_number":
            yield Hit(("indicators", row.index, "actual"), row.explanation, "not a number")


@rule("S005", "error", "指标权重合计不符", "indicator weights do not add up")
def weights_add_up(ctx: Context) -> Iterator[Hit]:
    """Row weights add up to the total less the 预算执行率 分值 (90 = 100 − 10 under pmkpi)."""
    scores = _scores(ctx)
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


@rule("S006", "error", "预算执行率低于90%未说明原因", "execution rate below 90% without a reason")
def low_rate_explained(ctx: Context) -> Iterator[Hit]:
    """执行率 below 90% (profile) states why (printed on the Sichuan form)."""
    scores = _scores(ctx)
    execution = scores.execution if scores else None
    if execution is None or execution.rate is None or scores is None:
        return
    limit = scores.profile.rate_needs_reason_below
    if execution.rate < limit and _blank(ctx.table.execution.reason):
        yield Hit(
            ("execution", "reason"),
            f"预算执行率 {execution.rate_text} 低于 {percent(limit)}，未说明原因",
            f"execution rate {execution.rate_text} below {percent(limit)} without a reason",
            (("execution", "total", "executed"),),
        )


@rule("S007", "warning", "监控亮红灯或黄灯但未填纠偏措施", "red or yellow light without action")
def alarming_rows_act(ctx: Context) -> Iterator[Hit]:
    """A monitoring month whose light is red or yellow states its 纠偏措施."""
    scores = _scores(ctx)
    if scores is None:
        return
    for index, row in enumerate(ctx.table.indicators):
        for month, monitoring in row.monitoring.items():
            signal = light(row, month, scores.profile)
            if signal.alarming and _blank(monitoring.action):
                yield Hit(
                    ("indicators", index, "monitoring", month, "action"),
                    f"{month}月{signal.zh}（{signal.explanation}），未填写纠偏措施",
                    f"month {month}: {signal.color} light without a corrective action",
                    (("indicators", index, "monitoring", month, "progress"),),
                )


@rule("S008", "warning", "实际完成值与目标单位不一致", "actual and target units differ")
def units_agree(ctx: Context) -> Iterator[Hit]:
    """The actual is in the target's unit (元 and 万元 are converted; 台 vs 套 is not)."""
    scores = _scores(ctx)
    for row in scores.rows if scores else ():
        if row.problem == "unit":
            yield Hit(("indicators", row.index, "actual"), row.explanation, "units differ")


@rule("S009", "error", "得分超过分值", "score above the weight")
def score_within_weight(ctx: Context) -> Iterator[Hit]:
    """A score given by the evaluator lies between 0 and the row's weight."""
    for index, row in enumerate(ctx.table.indicators):
        score, weight = finite(row.score), finite(row.weight)
        if score is None:
            continue
        if score < 0 or (weight is not None and score > weight):
            limit = plain(weight) if weight is not None else "—"
            yield Hit(
                ("indicators", index, "score"),
                f"得分 {plain(score)} 不在 0 与分值 {limit} 之间",
                f"score {plain(score)} outside 0..{limit}",
                (("indicators", index, "weight"),),
            )


@rule("S010", "warning", "定性指标无法评分", "qualitative row cannot be scored")
def qualitative_graded(ctx: Context) -> Iterator[Hit]:
    """A qualitative actual names a grade; a grade below 达成 needs a score inside its band."""
    scores = _scores(ctx)
    if scores is None:
        return
    for row in scores.rows:
        ref = ("indicators", row.index, "actual")
        if row.problem in ("grade", "needs_score"):
            yield Hit(ref, row.explanation, "grade missing or score needed")
        elif row.status == "given" and row.band is not None and row.weight is not None:
            assert row.score is not None
            if not in_band(row.score, row.band, row.weight, scores.profile):
                yield Hit(
                    ("indicators", row.index, "score"),
                    f"得分 {plain(row.score)} 不在“{row.band.grade}”的区间内",
                    "score outside the band of its grade",
                    (ref,),
                )


@rule("S011", "error", "未知的评分方案", "unknown scoring profile")
def known_profile(ctx: Context) -> Iterator[Hit]:
    """``profile`` names one of the profiles (``pmkpi``, ``form2020``)."""
    name = ctx.table.profile
    if name is not None and name not in PROFILES:
        names = "、".join(PROFILES)
        yield Hit(("profile",), f"未知的评分方案“{name}”，应为 {names}", f"unknown: {name}")


@rule("S012", "warning", "监控选项不在可选值中", "monitoring value not one of the choices")
def monitoring_choices(ctx: Context) -> Iterator[Hit]:
    """完成可能性 is 确定能/有可能/完全不可能; 偏差原因类别 经费/制度/人员/硬件保障/其他."""
    for index, row in enumerate(ctx.table.indicators):
        for month, monitoring in row.monitoring.items():
            for spec in _CHOICE_FIELDS:
                value = getattr(monitoring, spec.key)
                if value is not None and value.strip() not in spec.choices:
                    yield Hit(
                        ("indicators", index, "monitoring", month, spec.key),
                        f"{spec.zh}“{value.strip()}”应为 {'、'.join(spec.choices)} 之一",
                        f"{spec.en} must be one of {', '.join(spec.choices)}",
                    )


@rule("S013", "error", "未知的阶段", "unknown stage")
def known_stage(ctx: Context) -> Iterator[Hit]:
    """``stage`` is ``target``, ``monitoring`` or ``evaluation``."""
    stage = ctx.table.stage
    if stage is not None and stage not in STAGES:
        yield Hit(("stage",), f"未知的阶段“{stage}”，应为 {'、'.join(STAGES)}", "unknown stage")
