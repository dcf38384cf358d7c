"""G: 总体目标 — goal texts cut off, and a 年度目标 that only repeats the 中期目标."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.fields import COLUMN_ZH
from tui.model import COLUMNS
from tui.rules.context import Context, compact, short
from tui.rules.engine import Example, Hit, family, rule

family("G", "总体目标（goals）")

_DANGLING = set("、,，;；:：的和与及或为对在将把向从以并而")
_FINAL = set('。！？.!?）)”"」』】')
_SEPARATORS = re.compile(r"[,，、;；]")
_OPEN_CLOSE = (("（", "）"), ("(", ")"), ("“", "”"), ("【", "】"), ("《", "》"))
MIN_PREFIX = 8  # a 年度目标 this long that begins the 中期目标 is a cut copy


def _goal(ctx: Context, col: str) -> str:
    text = getattr(ctx.table.goals, col)
    return text.strip() if isinstance(text, str) else ""


def cut_off(text: str) -> str | None:
    """Why ``text`` looks cut off mid-sentence (in Chinese), or ``None``."""
    if not text:
        return None
    if text[-1] in _DANGLING:
        return f"以“{text[-1]}”结尾"
    for opening, closing in _OPEN_CLOSE:
        if text.count(opening) > text.count(closing):
            return f"“{opening}”没有对应的“{closing}”"
    if text[-1] not in _FINAL and len(_SEPARATORS.findall(text)) >= 2:
        return "有多个分句却没有句号"
    return None


@rule(
    "G001",
    "warning",
    "目标文字不完整",
    "goal text cut off",
    why="从 Excel、PDF 复制时单元格内容常被截断（种子表“…退休人员独生子女”“…退休人”），"
    "不完整的目标无法审核（goal texts are often cut when copied out of a spreadsheet, as in "
    "the seed）。",
    fires=[
        Example(
            {"goals.annual": "本年度举办5场退休人员文体活动、1次资格认证培训、"}, at="goals.annual"
        ),
        Example(
            {"goals.medium": "三年内完成企业退休人员社会化管理服务,每年举办文体活动、资格认证培训"},
            at="goals.medium",
        ),
    ],
    passes=[Example({"goals.annual": "本年度举办5场退休人员文体活动，按时拨付经费"})],
)
def goals_complete(ctx: Context) -> Iterator[Hit]:
    """A goal that ends with 、，的和与… , leaves a bracket open, or has several clauses and
    no full stop."""
    for col in COLUMNS:
        reason = cut_off(_goal(ctx, col))
        if reason:
            yield Hit(
                ("goals", col),
                f"{COLUMN_ZH[col]}目标{reason}，疑似被截断",
                f"the {col} goal looks cut off mid-sentence",
            )


@rule(
    "G002",
    "warning",
    "年度目标照抄中期目标",
    "annual goal copies the medium-term goal",
    why="年度目标是中期目标在预算年度的部分，两者相同（种子表项目二）或年度目标只是中期目标的"
    "开头（项目一）说明是照抄或截断的（the annual goal is this year's share of the medium-term "
    "one: the same text, or its first part, is a copy or a cut）。",
    fires=[
        Example(
            {"goals.annual": "三年内完成企业退休人员社会化管理服务"},
            at="goals.annual",
            note="中期目标的开头（the medium-term goal's first words）",
        ),
        Example(
            {
                "goals.annual": "三年内完成企业退休人员社会化管理服务，每年举办文体活动和资格认证"
                "培训，服务对象满意度保持在90%以上。"
            },
            at="goals.annual",
        ),
    ],
    passes=[
        Example(
            {
                "goals.medium_period": "2021",
                "project.period": "2021",
                "goals.annual": "三年内完成企业退休人员社会化管理服务，每年举办文体活动和资格认证"
                "培训，服务对象满意度保持在90%以上。",
            },
            note="中期只有一年（a one-year period）",
        )
    ],
)
def annual_goal_own(ctx: Context) -> Iterator[Hit]:
    """The 年度目标 equals the 中期目标 of a several-year period, or is its first part."""
    medium, annual = compact(_goal(ctx, "medium")), compact(_goal(ctx, "annual"))
    if not medium or not annual:
        return
    if annual == medium and ctx.multi_year:
        yield Hit(
            ("goals", "annual"),
            "年度目标与中期目标完全相同",
            "the annual goal is the medium-term goal word for word",
            (("goals", "medium"),),
        )
    elif len(annual) >= MIN_PREFIX and annual != medium and medium.startswith(annual):
        yield Hit(
            ("goals", "annual"),
            f"年度目标“{short(annual)}”只是中期目标的开头部分：疑似截断或照抄",
            "the annual goal is the first part of the medium-term goal: cut or copied",
            (("goals", "medium"),),
        )


@rule(
    "G003",
    "warning",
    "总体目标空白",
    "goal is blank",
    why="总体目标是绩效目标表必填的一栏，指标由它分解而来；空着的目标无法审核"
    "（the goal is a required part of the form, the indicators break it down; a blank goal "
    "cannot be reviewed）。中期目标只在表格填写了中期资金或中期指标值时要求"
    "（the medium-term goal only where the table fills the medium-term column）。",
    fires=[Example({"goals.annual": ""}, at="goals.annual")],
    passes=[Example({"goals.annual": "本年度举办5场退休人员文体活动，按时拨付经费。"})],
)
def goals_filled(ctx: Context) -> Iterator[Hit]:
    """A blank 年度目标, or a blank 中期目标 in a table that fills the 中期 column."""
    for col in COLUMNS:
        if not _goal(ctx, col) and (col == "annual" or ctx.column_used(col)):
            yield Hit(
                ("goals", col),
                f"{COLUMN_ZH[col]}目标空白",
                f"the {col} goal is blank",
            )
