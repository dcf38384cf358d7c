"""K: indicators in the right category, counting what their names say.

Money under 数量指标, a name ending in 人次/项目数/金额 whose value counts
something else, indicators filed under the wrong 二级 (结余率 as 经济效益,
合格率 or 满意度 as 效益), and a table without any 成本 indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tui.fields import COLUMN_ZH
from tui.model import COLUMNS
from tui.rules.context import Labels, RowEnv, RowInfo, short
from tui.rules.engine import Example, Hit, family, rule

family(
    "K",
    "指标归类（categories and units）",
    "Each 二级 measures one kind of thing: 数量 counts, 质量 rates, 时效 times, 成本 money, "
    "效益 effects, 满意度 satisfaction. These rules compare an indicator's name and value with "
    "the category it is filed under.",
)

_MONEY = ("元", "万元", "亿元", "千元")
# A 三级 name ending → the units its value may be counted in.
NAME_UNITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("人次", ("人次", "万人次")),
    ("人数", ("人", "名", "万人")),
    ("项目数", ("个", "项")),
    ("场次", ("场", "次", "期", "批")),
    ("次数", ("次", "场", "期", "批")),
    ("户数", ("户", "万户")),
    ("金额", _MONEY),
)


@dataclass(frozen=True)
class Misfiling:
    """A kind of indicator that reviewers find filed under the wrong category."""

    under: str  # the canonical 二级 (or 一级) it is found under
    name: re.Pattern[str]  # what its 三级 name says
    zh: str  # what it is, and where it belongs
    en: str


MISFILINGS = (
    Misfiling(
        "经济效益指标",
        re.compile(r"结余|节支率|执行率|支出|拨付|到位率|资金使用|投资额"),
        "是预算执行或成本指标，不是经济效益",
        "budget execution or cost, not an economic benefit",
    ),
    Misfiling(
        "效益指标",
        re.compile(r"合格率|准确率|及时率|完成率|验收"),
        "是质量或时效（产出）指标，不是效益",
        "a quality or timeliness output, not a benefit",
    ),
    Misfiling(
        "效益指标",
        re.compile(r"满意"),
        "是满意度指标，不能代替效益指标",
        "satisfaction, which cannot stand in for a benefit",
    ),
    Misfiling(
        "生态效益指标",
        re.compile(r"成本|费用|支出|节约资金"),
        "是成本控制，不是生态效益",
        "cost control, not an ecological benefit",
    ),
)


_MISFILED_UNDER: dict[str, tuple[Misfiling, ...]] = {}
for _slip in MISFILINGS:
    _MISFILED_UNDER[_slip.under] = (*_MISFILED_UNDER.get(_slip.under, ()), _slip)


@rule(
    "K001",
    "warning",
    "数量指标写的是金额",
    "money amount under 数量指标",
    why="数量指标计数（场、人、套），金额属于成本指标（种子表数量指标“拨付…经费约47万元”）"
    "（数量 counts things; money belongs under 成本, as the seed's 47万元 row shows）。",
    fires=[
        Example({"采购资格认证设备数量.annual": "采购设备5万元"}, at="采购资格认证设备数量.annual")
    ],
    passes=[Example({"采购资格认证设备数量.annual": "10套"})],
    per_row=True,
)
def no_money_in_quantity(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A 数量指标 value stating an amount in 元/万元/亿元."""
    for info in rows:
        if info.kind != "quantity":
            continue
        for col in COLUMNS:
            if info.parsed[col].amount_wan is not None:
                yield Hit(
                    info.value_ref(col),
                    f"数量指标“{short(info.names[col])}”的{COLUMN_ZH[col]}指标值是金额，"
                    "金额应作为成本指标",
                    f"the {col} value of a 数量 indicator is money: file it under 成本",
                )


_ENDINGS = tuple(ending for ending, _ in NAME_UNITS)


def _expected(name: str) -> tuple[str, tuple[str, ...]] | None:
    if not name.endswith(_ENDINGS):
        return None  # the usual case, checked at once
    for ending, units in NAME_UNITS:
        if name.endswith(ending):
            return ending, units
    return None


@rule(
    "K002",
    "warning",
    "指标值计量的不是名称所说的",
    "value counts something other than its name says",
    why="名称以“人次”结尾的指标计人次，以“项目数”结尾的计项目、以“金额”结尾的计金额（种子表"
    "“培训人次”写“一次学习人数100-150人”，“完成代发项目数”写“共704人”）（a name ending in 人次 "
    "counts person-times, 项目数 projects, 金额 money; the seed counts persons instead）。",
    fires=[
        Example(
            {
                "举办退休人员文体活动.name": "文体活动参与人次",
                "举办退休人员文体活动.medium": "≥750人次",
                "举办退休人员文体活动.annual": "每次参加人数≥50人",
            },
            at="举办退休人员文体活动.annual",
        )
    ],
    passes=[
        Example(
            {
                "举办退休人员文体活动.name": "文体活动参与人次",
                "举办退休人员文体活动.medium": "≥750人次",
                "举办退休人员文体活动.annual": "≥250人次",
            }
        )
    ],
    per_row=True,
)
def unit_matches_name(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A name ending in 人次, 人数, 项目数, 场次, 次数, 户数 or 金额 whose value's unit is
    another (培训人次 → “100-150人”, 项目数 → “704人”)."""
    for info in rows:
        for col in COLUMNS:
            expected = _expected(info.names[col])
            parsed = info.parsed[col]
            if expected is None or not parsed.unit or parsed.unit == "%":
                continue
            ending, units = expected
            if parsed.unit not in units:
                yield Hit(
                    info.value_ref(col),
                    f"“{short(info.names[col])}”计的是{ending}，{COLUMN_ZH[col]}指标值的单位却是"
                    f"“{parsed.unit}”",
                    f"the name counts {ending} but the {col} value is in '{parsed.unit}'",
                    (info.name_ref(col),),
                )


@rule(
    "K003",
    "warning",
    "指标归类错误",
    "indicator filed under the wrong category",
    why="评审常见的归类错误：结余率、资金支出当作经济效益，合格率当作效益，用满意度代替效益，"
    "成本控制当作生态效益（reviewers' common misfilings: budget execution as economic benefit, "
    "quality rates as benefits, satisfaction standing in for a benefit）。",
    fires=[
        Example(
            {
                "退休人员社会化管理服务覆盖率.level2": "经济效益指标",
                "退休人员社会化管理服务覆盖率.name": "资金结余率",
            },
            at="退休人员社会化管理服务覆盖率.name",
        ),
        Example(
            {"退休人员社会化管理服务覆盖率.name": "服务对象满意度"},
            at="退休人员社会化管理服务覆盖率.name",
        ),
    ],
    passes=[
        Example(
            {
                "退休人员社会化管理服务覆盖率.level2": "经济效益指标",
                "退休人员社会化管理服务覆盖率.name": "节约成本",
            }
        )
    ],
    per_row=True,
)
def right_category(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A 三级 whose name says it belongs elsewhere: 结余率/支出/执行率 under 经济效益, 合格率/
    准确率/及时率 or 满意度 under 效益, 成本/费用 under 生态效益."""
    for info in rows:
        name = info.names["medium"]
        slips = _MISFILED_UNDER.get(info.level2, ()) + _MISFILED_UNDER.get(info.level1, ())
        for slip in slips:
            if slip.name.search(name):
                yield Hit(
                    info.name_ref("medium"),
                    f"“{short(name)}”{slip.zh}（现在{info.level2 or info.level1}下）",
                    f"'{name}' is {slip.en}",
                    (("indicators", info.index, "level2"),),
                )
                break


@rule(
    "K004",
    "warning",
    "没有成本指标",
    "no cost indicator",
    why="成本指标说明钱花在哪里、花多少；缺成本维度是评审常见的问题（“成本维度空洞”），101号"
    "体系把成本列为一级指标（T005）（a table without cost indicators is a common reviewers' "
    "finding; in 2021 成本 is a required 一级, T005）。",
    fires=[Example({"项目总成本": None, "设备采购成本": None}, at="framework")],
    passes=[Example({"设备采购成本": None}, note="还有项目总成本（项目总成本 remains）")],
    on_labels=True,
)
def has_cost(labels: Labels) -> Iterator[Hit]:
    """A 2015-framework table (成本 a 二级 under 产出) without a named 成本指标 row."""
    if "成本指标" in labels.framework.level2:
        return  # 2021: 成本指标 is a required 一级, reported by T005
    if not any(info.kind == "cost" and info.names["medium"] for info in labels.rows):
        yield Hit(("framework",))
