"""S007–S013: what is typed in the later stages — monitoring actions and choices, units,
scores, grades, and the names of the profile and the stage.

The S family, its shared helpers and S001–S006 are in ``tui.rules.checks.stages``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tui.fields import MONITOR, STAGES
from tui.parsing.money import finite
from tui.rules.checks.stages import blank, scores_of
from tui.rules.context import Context, RowEnv, RowInfo
from tui.rules.engine import Example, Hit, rule
from tui.scoring import PROFILES, light
from tui.scoring.reading import plain
from tui.scoring.rows import in_band

_CHOICE_FIELDS = tuple(f for f in MONITOR if f.choices)


@rule(
    "S007",
    "warning",
    "监控亮红灯或黄灯但未填纠偏措施",
    "red or yellow light without action",
    why=(
        "监控亮红灯、黄灯说明进度落后，须提出纠偏措施（山西：标准值 = 年度指标值 × 月份/12，60% "
        "以下红灯，60–80% 黄灯）（a red or yellow monitoring light calls for corrective action）"
        "。"
    ),
    fires=[
        Example(
            {"举办退休人员文体活动.monitoring.6.progress": "1场"},
            at="举办退休人员文体活动.monitoring.6.action",
            base="evaluation",
            note="1 / 2.5 = 40%：红灯（red）",
        ),
        Example(
            {"项目总成本.monitoring.9.progress": "105万元"},
            at="项目总成本.monitoring.9.action",
            base="evaluation",
            note="成本超出目标：红灯（cost over target: red）",
        ),
    ],
    passes=[
        Example(
            {"举办退休人员文体活动.monitoring.6.progress": "2场"},
            base="evaluation",
            note="80%：绿灯（green）",
        ),
        Example(
            {
                "举办退休人员文体活动.monitoring.6.progress": "1场",
                "举办退休人员文体活动.monitoring.6.action": "下半年集中举办",
            },
            base="evaluation",
        ),
    ],
)
def alarming_rows_act(ctx: Context) -> Iterator[Hit]:
    """A monitoring month whose light is red or yellow states its 纠偏措施."""
    scores = scores_of(ctx)
    if scores is None:
        return
    for index, row in enumerate(ctx.table.indicators):
        for month, monitoring in row.monitoring.items():
            signal = light(row, month, scores.profile)
            if signal.alarming and blank(monitoring.action):
                yield Hit(
                    ("indicators", index, "monitoring", month, "action"),
                    f"{month}月{signal.zh}（{signal.explanation}），未填写纠偏措施",
                    f"month {month}: {signal.color} light without a corrective action",
                    (("indicators", index, "monitoring", month, "progress"),),
                )


@rule(
    "S008",
    "warning",
    "实际完成值与目标单位不一致",
    "actual and target units differ",
    why=(
        "单位不同的数值不能比较；元与万元可以换算，台与套不能（values in different units cannot "
        "be compared; 元 and 万元 convert, 台 and 套 do not）。"
    ),
    fires=[
        Example(
            {"采购资格认证设备数量.actual": "10台"},
            at="采购资格认证设备数量.actual",
            base="evaluation",
        ),
    ],
    passes=[
        Example({"项目总成本.actual": "980000元"}, base="evaluation", note="98 万元"),
    ],
)
def units_agree(ctx: Context) -> Iterator[Hit]:
    """The actual is in the target's unit (元 and 万元 are converted; 台 vs 套 is not)."""
    scores = scores_of(ctx)
    for row in scores.rows if scores else ():
        if row.problem == "unit":
            yield Hit(("indicators", row.index, "actual"), row.explanation, "units differ")


@rule(
    "S009",
    "error",
    "得分超过分值",
    "score above the weight",
    why=(
        "“得分不得突破权重总额”（2020 年自评表说明）（a score may not exceed its weight, says "
        "the 2020 form）。"
    ),
    fires=[
        Example({"资格认证率.score": "12"}, at="资格认证率.score", base="evaluation"),
    ],
    passes=[
        Example({"资格认证率.score": "10"}, base="evaluation"),
    ],
    per_row=True,
)
def score_within_weight(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A score given by the evaluator lies between 0 and the row's weight."""
    for info in rows:
        index, row = info.index, info.row
        if row.score is None:
            continue  # most rows: no score given
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


@rule(
    "S010",
    "warning",
    "定性指标无法评分",
    "qualitative row cannot be scored",
    why=(
        "定性指标按等级评分：达成 80–100%、部分达成 60–80%（2020 表为 50–80%）、未达成 60% 以下，"
        "等级以下须由评价人在区间内打分（qualitative rows are scored by grade bands; below 达成 "
        "the evaluator gives a score within the band）。"
    ),
    fires=[
        Example(
            {"长效管理机制健全性.actual": "部分达成"},
            at="长效管理机制健全性.actual",
            base="evaluation",
        ),
        Example(
            {"长效管理机制健全性.actual": "良"},
            at="长效管理机制健全性.actual",
            base="evaluation",
            note="不是等级（not a grade）",
        ),
    ],
    passes=[
        Example(
            {
                "长效管理机制健全性.actual": "部分达成",
                "长效管理机制健全性.score": "7",
                "长效管理机制健全性.deviation": "机制已建立，尚未全面执行",
            },
            base="evaluation",
        ),
    ],
)
def qualitative_graded(ctx: Context) -> Iterator[Hit]:
    """A qualitative actual names a grade; a grade below 达成 needs a score inside its band."""
    scores = scores_of(ctx)
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


@rule(
    "S011",
    "error",
    "未知的评分方案",
    "unknown scoring profile",
    why=(
        "评分方案决定评分规则与阈值，写错名称会悄悄改用默认方案（the profile decides the rules; "
        "a misspelt name would silently fall back to the default）。"
    ),
    fires=[
        Example({"profile": "guangxi"}, at="profile", base="evaluation"),
    ],
    passes=[
        Example({"profile": "pmkpi"}, base="evaluation"),
    ],
)
def known_profile(ctx: Context) -> Iterator[Hit]:
    """``profile`` names one of the profiles (``pmkpi``, ``form2020``)."""
    name = ctx.table.profile
    if name is not None and name not in PROFILES:
        names = "、".join(PROFILES)
        yield Hit(("profile",), f"未知的评分方案“{name}”，应为 {names}", f"unknown: {name}")


@rule(
    "S012",
    "warning",
    "监控选项不在可选值中",
    "monitoring value not one of the choices",
    why=(
        "一体化监控表的完成可能性与偏差原因类别是固定选项，汇总统计依赖它们（the 一体化 "
        "monitoring form uses fixed choices; reports count by them）。"
    ),
    fires=[
        Example(
            {
                "资格认证率.monitoring.6.progress": "50%",
                "资格认证率.monitoring.6.likelihood": "可能",
            },
            at="资格认证率.monitoring.6.likelihood",
            base="evaluation",
        ),
    ],
    passes=[
        Example(
            {
                "资格认证率.monitoring.6.progress": "92%",
                "资格认证率.monitoring.6.likelihood": "有可能",
                "资格认证率.monitoring.6.cause": "经费",
            },
            base="evaluation",
        ),
    ],
    per_row=True,
)
def monitoring_choices(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """完成可能性 is 确定能/有可能/完全不可能; 偏差原因类别 经费/制度/人员/硬件保障/其他."""
    for info in rows:
        for month, monitoring in info.row.monitoring.items():
            for spec in _CHOICE_FIELDS:
                value = getattr(monitoring, spec.key)
                if value is not None and value.strip() not in spec.choices:
                    yield Hit(
                        ("indicators", info.index, "monitoring", month, spec.key),
                        f"{spec.zh}“{value.strip()}”应为 {'、'.join(spec.choices)} 之一",
                        f"{spec.en} must be one of {', '.join(spec.choices)}",
                    )


@rule(
    "S013",
    "error",
    "未知的阶段",
    "unknown stage",
    why=(
        "阶段决定文件处于目标、监控还是自评，写错会让各阶段的检查失效（the stage says which part "
        "of the year the file is in）。"
    ),
    fires=[
        Example({"stage": "done"}, at="stage", base="evaluation"),
    ],
    passes=[
        Example({"stage": "monitoring"}, base="evaluation"),
    ],
)
def known_stage(ctx: Context) -> Iterator[Hit]:
    """``stage`` is ``target``, ``monitoring`` or ``evaluation``."""
    stage = ctx.table.stage
    if stage is not None and stage not in STAGES:
        yield Hit(("stage",), f"未知的阶段“{stage}”，应为 {'、'.join(STAGES)}", "unknown stage")
