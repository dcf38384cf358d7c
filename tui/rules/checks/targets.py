"""Q: how targets are set — what 财政评审 reviewers send back (lifecycle.md §4, domain.md §3).

Approximate and narrative values, vague directions, targets so easy that every
row scores full marks, values that say nothing, and a 中期 column that only
repeats one year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tui.fields import COLUMN_ZH, describe
from tui.model import COLUMNS
from tui.parsing.indicator_value import has_placeholder, leading_bound
from tui.rules.context import Context, RowEnv, RowInfo, short
from tui.rules.engine import Example, Hit, family, rule
from tui.rules.rowinfo import row_fact

family(
    "Q",
    "目标设定（how targets are set）",
    "What reviewers of these tables (财政评审, practitioner guides) send back: a target must be "
    "definite and checkable at the end of the year. These rules read the values as the V rules "
    "do; none of them has an automatic fix, since only the author knows the intended target.",
)

# Words that tie a 中期 value to one year: 本年度, 当年, 一年举办1次…
_ONE_YEAR = re.compile(
    r"本年度|本年|当年|今年|年度内|全年|(?<![每第近满超逾同隔])一年(?![内以半多来后前期])"
)
_YEAR = re.compile(r"(?<!\d)(\d{4})年(?!\d)")
_CLAUSE = re.compile(r"[，,；;。]")
NARRATIVE_CHARS = 40  # a value longer than this is a sentence, not a target
CLAUSE_CHARS = 20  # … and one longer than this made of clauses too

_VAGUE = re.compile(
    r"(进一步|明显|显著|有效|逐步|不断|稳步|有所|持续|大幅|切实|全面|较大幅度|一定程度上?)地?"
    r"(提高|提升|改善|促进|增强|加强|改进|好转|增加|优化|完善|推进|推动|降低|减少|下降)"
)
_EMPTY_WORDS = frozenset({"无", "不适用", "/", "-", "—", "——", "暂无", "无此项", "不涉及", "略"})
EASY_MINIMUM = 3  # rows with a percentage before "all 100%" says something


def _value(info: RowInfo, col: str) -> str:
    text = info.row.medium if col == "medium" else info.row.annual
    return text.strip() if isinstance(text, str) else ""


@rule(
    "Q001",
    "warning",
    "中期指标值只写了一年",
    "medium-term value speaks of one year",
    why="中期指标值覆盖整个中期（如2021-2023三年），写“本年度”“一年举办1次”或预算年度"
    "“2021年”说明是从年度列照抄的（种子表两个项目都是）（a medium-term value covers the whole "
    "period: one-year wording means it was copied from the annual column, as in the seed）。",
    fires=[
        Example({"举办退休人员文体活动.medium": "一年举办5场"}, at="举办退休人员文体活动.medium"),
        Example({"设备采购成本.medium": "2021年预算≤15万元"}, at="设备采购成本.medium"),
    ],
    passes=[
        Example({"培训完成时间.medium": "每年12月31日前"}),
        Example({"培训完成时间.medium": "2023年12月31日前"}, note="中期最后一年（the last year）"),
        Example(
            {"举办退休人员文体活动.medium": "一年举办5场", "goals.medium_period": "2021"},
            note="中期只有一年（a one-year period）",
        ),
    ],
    per_row=True,
)
def medium_covers_period(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A 中期 value with one-year wording (本年度, 当年, 全年, 一年举办…) or naming one year of a
    several-year period other than its last."""
    if not env.multi_year:
        return
    last = env.last_year
    for info in rows:
        text = _value(info, "medium")
        if not text:
            continue
        word = _ONE_YEAR.search(text)
        years = [int(y) for y in _YEAR.findall(text) if last is None or int(y) != last]
        if word or years:
            said = word.group(0) if word else f"{years[0]}年"
            yield Hit(
                info.value_ref("medium"),
                f"中期指标值“{short(text)}”写的是“{said}”，中期目标应覆盖整个中期",
                f"the medium-term value says '{said}': it should cover the whole period",
            )


def _counts(info: RowInfo, col: str) -> tuple | None:
    parsed = info.parsed[col]
    if parsed.number is None or parsed.unit in ("%", "‰"):
        return None
    return (parsed.number, parsed.upper, parsed.amount_wan)


@row_fact
def same_counts(info: RowInfo) -> bool | None:
    """Q002: whether a 数量 or 成本 row states the same count or amount in both columns
    (``None``: another kind, or a column states none)."""
    if info.kind not in ("quantity", "cost"):
        return None
    medium, annual = _counts(info, "medium"), _counts(info, "annual")
    if medium is None or annual is None:
        return None
    return medium == annual


@rule(
    "Q002",
    "warning",
    "中期指标值照抄年度指标值",
    "medium-term values copied from the annual ones",
    why="中期数量与金额应是整个中期的目标；所有数量、成本指标的中期值都与年度值相同，说明中期列"
    "是照抄的（种子表“704人”“约21万元”两列相同）（when every count and amount of a several-year "
    "column equals the annual one, the column was copied, as in the seed）。",
    fires=[
        Example(
            {
                "举办退休人员文体活动.medium": "≥5场",
                "项目总成本.medium": "≤100万元",
                "设备采购成本.medium": "≤5万元",
            },
            at="举办退休人员文体活动.medium",
        )
    ],
    passes=[
        Example({}, note="中期15场、年度5场（15 over the period, 5 this year）"),
        Example(
            {
                "举办退休人员文体活动.medium": "≥5场",
                "项目总成本.medium": "≤100万元",
                "设备采购成本.medium": "≤5万元",
                "goals.medium_period": "2021",
                "project.period": "2021",
            },
            note="中期只有一年（a one-year period）",
        ),
    ],
)
def medium_not_copied(ctx: Context) -> Iterator[Hit]:
    """Every count and amount (数量 and 成本 rows, two or more) is the same in the 中期 and the
    年度 column of a several-year table whose 中期 funding is larger than the 年度."""
    if not ctx.multi_year:
        return
    medium, annual = ctx.amount("medium", "total"), ctx.amount("annual", "total")
    if medium is not None and annual is not None and medium <= annual:
        return
    rows = []
    for info, same in ctx.with_fact(same_counts):
        if not same:
            return
        rows.append(info)
    if len(rows) >= 2:
        yield Hit(
            rows[0].value_ref("medium"),
            f"全部{len(rows)}个数量、成本指标的中期值与年度值相同：中期目标疑似照抄年度",
            f"all {len(rows)} counts and amounts are the same in both columns: the medium-term "
            "targets look copied from the annual ones",
            tuple(info.value_ref("medium") for info in rows[1:]),
        )


@rule(
    "Q003",
    "warning",
    "指标值是约数",
    "approximate value",
    why="“约21万元”“100人左右”无法作为考核标准，年底无法判断是否完成（种子表成本指标均为"
    "“约…万元”）（an approximate figure cannot be checked at the end of the year）。",
    fires=[Example({"设备采购成本.annual": "约5万元"}, at="设备采购成本.annual")],
    passes=[
        Example({"设备采购成本.annual": "≤5万元"}),
        Example({"设备采购成本.annual": "节约资金≤5万元"}, note="节约不是约数（节约 is no 约）"),
    ],
    per_row=True,
)
def definite_values(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value that states a number approximately (约21万元, 大约5台, 100人左右)."""
    for info in rows:
        for col in COLUMNS:
            parsed = info.parsed[col]
            if parsed.approx and parsed.number is not None:
                sign = "≤" if info.kind == "cost" else "≥"
                bound = f"{sign}{parsed.number}{parsed.unit}"
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值“{short(_value(info, col))}”是约数，应写明确的目标"
                    f"（如 {bound}）",
                    f"{col} value is approximate: state a definite target (e.g. {bound})",
                )


@rule(
    "Q004",
    "warning",
    "指标值是叙述而不是目标",
    "value is a narrative, not a target",
    why="指标值应是可考核的目标值（≥90%、≤21万元、年底前），说明与测算写入指标解释或依据（种子表"
    "“完成共军转干补贴…等代发项目共704人”）（a value states the target; explanations belong in "
    "指标解释 or 依据）。",
    fires=[
        Example(
            {"设备采购成本.annual": "考虑每年提标，结合账户剩余资金，预算还需约5万元"},
            at="设备采购成本.annual",
        )
    ],
    passes=[Example({"设备采购成本.annual": "≤5万元"})],
    per_row=True,
)
def target_not_narrative(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value longer than 40 characters, or longer than 20 and made of clauses (，；。)."""
    for info in rows:
        for col in COLUMNS:
            text = _value(info, col)
            size = len(text)
            if size > NARRATIVE_CHARS or (size > CLAUSE_CHARS and _CLAUSE.search(text)):
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值是一段{size}字的叙述，应只写目标值，说明移入指标解释",
                    f"{col} value is a {size}-character narrative: state the target only",
                )


@rule(
    "Q005",
    "warning",
    "目标含糊",
    "vague target",
    why="“进一步提高”“明显改善”“有效促进”无法衡量是否完成，是评审最常指出的问题（vague "
    "directions cannot be measured: the fault reviewers name first）。",
    fires=[
        Example({"长效管理机制健全性.annual": "进一步提高"}, at="长效管理机制健全性.annual"),
        Example(
            {"退休人员社会化管理服务覆盖率.medium": "服务水平明显改善"},
            at="退休人员社会化管理服务覆盖率.medium",
        ),
    ],
    passes=[
        Example({"长效管理机制健全性.annual": "较高"}, note="定性分级可以（a grade is fine）"),
        Example({"退休人员社会化管理服务覆盖率.medium": "较上年提高5%"}),
    ],
    per_row=True,
)
def measurable_targets(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value without a number that only names a direction (进一步提高, 明显改善, 有效促进)."""
    for info in rows:
        for col in COLUMNS:
            parsed = info.parsed[col]
            if parsed.quantitative:
                continue
            match = _VAGUE.search(info.values[col])
            if match:
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值“{match.group(0)}”无法衡量，应写明程度或数值",
                    f"{col} value '{match.group(0)}' cannot be measured: state a level or number",
                )


@row_fact
def full_marks(info: RowInfo) -> bool | None:
    """Q006: whether the annual percentage of a row (满意度 aside) is 100% (``None``: it
    states no percentage)."""
    parsed = info.parsed["annual"]
    if info.kind == "satisfaction" or parsed.unit != "%" or parsed.number is None:
        return None
    return parsed.number == 100 and parsed.op in ("=", "≥")


@rule(
    "Q006",
    "warning",
    "所有比率目标都是100%",
    "every rate target is 100%",
    why="每个比率都定为100%，目标过易、人人满分，评审视为目标设置偏低的信号（every rate at 100% "
    "makes every row score full marks: reviewers read it as targets set too easy）。满意度另见 "
    "V010（satisfaction is V010）。",
    fires=[
        Example(
            {
                "资格认证率.annual": "100%",
                "退休人员社会化管理服务覆盖率.annual": "100%",
                "+1.level1": "产出指标",
                "+1.level2": "质量指标",
                "+1.name": "资金发放准确率",
                "+1.medium": "100%",
                "+1.annual": "100%",
            },
            at="资格认证率.annual",
        )
    ],
    passes=[
        Example(
            {
                "退休人员社会化管理服务覆盖率.annual": "100%",
                "+1.level1": "产出指标",
                "+1.level2": "质量指标",
                "+1.name": "资金发放准确率",
                "+1.medium": "100%",
                "+1.annual": "100%",
            },
            note="资格认证率仍为≥90%（one rate below 100%）",
        )
    ],
)
def not_all_full_marks(ctx: Context) -> Iterator[Hit]:
    """Three or more rows state an annual percentage (满意度 aside) and all of them are 100%."""
    rates = []
    for info, full in ctx.with_fact(full_marks):
        if not full:
            return
        rates.append(info)
    if len(rates) >= EASY_MINIMUM:
        yield Hit(
            rates[0].value_ref("annual"),
            f"全部{len(rates)}个比率指标的年度目标都是100%：目标过易",
            f"all {len(rates)} annual rate targets are 100%: targets set too easy",
            tuple(info.value_ref("annual") for info in rates[1:]),
        )


@rule(
    "Q007",
    "warning",
    "指标值为空话",
    "value says nothing",
    why="“无”“不适用”“/”不是目标；不适用的指标应删除，而不是留空话（种子表的“无经济效益”另见 "
    "V006）（“无” sets no target: delete an indicator that does not apply）。",
    fires=[Example({"长效管理机制健全性.medium": "不适用"}, at="长效管理机制健全性.medium")],
    passes=[Example({"长效管理机制健全性.medium": "健全"})],
    per_row=True,
)
def value_says_something(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value that is only 无, 不适用, 不涉及, /, — or the like."""
    for info in rows:
        for col in COLUMNS:
            if info.values[col] in _EMPTY_WORDS:
                yield Hit(
                    info.value_ref(col),
                    f"{describe(info.value_ref(col))}为“{info.values[col]}”，未设定目标",
                    f"{col} value '{info.values[col]}' sets no target",
                )


@rule(
    "Q008",
    "warning",
    "比较符号后没有数值",
    "bound without a number",
    why="“≥”“不低于”要和一个数值一起才能在年底核对是否达到；“≥多人”“不少于”只有方向"
    "（a bound needs a number to be checked at the year's end: ≥多人 only names a direction）。",
    fires=[Example({"资格认证率.annual": "≥多人"}, at="资格认证率.annual")],
    passes=[
        Example({"资格认证率.annual": "≥90%"}),
        Example(
            {"资格认证率.annual": "=合格"}, note="等于一个等级可以（equal to a grade is fine）"
        ),
    ],
    per_row=True,
)
def bound_has_number(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value opening with ≥, ≤, 不低于… that states no number (placeholders aside: V005)."""
    for info in rows:
        for col in COLUMNS:
            text = info.values[col]
            sign = "" if info.parsed[col].quantitative else leading_bound(text)
            if sign and not has_placeholder(text):
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值“{short(text)}”有“{sign}”却没有数值，年底无法核对",
                    f"{col} value has '{sign}' but no number to check",
                )
