"""F: 项目资金 rules (all arithmetic in ``Decimal``, amounts in 万元)."""

from __future__ import annotations

from collections.abc import Iterator

from tui.fields import AMOUNTS, COLUMN_ZH
from tui.model import AMOUNT_KEYS, COLUMNS
from tui.parsing.money import MONEY, extra_decimals, finite, sum_of_parts
from tui.rules.context import Context
from tui.rules.engine import Example, Hit, family, rule

AMOUNT_ZH = {f.key: f.short for f in AMOUNTS}

family("F", "项目资金（funding, in 万元, computed in `Decimal`）")


def _other_column(column: str) -> str:
    return "annual" if column == "medium" else "medium"


@rule(
    "F001",
    "error",
    "资金总额不等于财政拨款与其他资金之和",
    "total ≠ fiscal + other",
    why="资金总额由财政拨款与其他资金组成；一体化系统保存时即校验“资金总额应等于财政拨款和其他资金总和”"
    "（the total is made of the two sources; deployed budget systems refuse to save otherwise）。",
    fires=[Example({"funding.annual.total": "101.00"}, at="funding.annual.total")],
    passes=[
        Example(
            {"funding.annual.total": "95.00", "funding.annual.other": ""},
            note="空白的其他资金按 0 计（a blank 其他资金 counts as 0）",
        )
    ],
)
def total_is_sum(ctx: Context) -> Iterator[Hit]:
    """资金总额 = 财政拨款 + 其他资金 in each column (a blank 其他资金 counts as 0)."""
    for col in COLUMNS:
        total, fiscal, other = (ctx.amount(col, k) for k in AMOUNT_KEYS)
        parts = sum_of_parts(fiscal, other)
        if total is None or parts is None:
            continue
        if MONEY.compare(total, parts) != 0:
            zh = COLUMN_ZH[col]
            yield Hit(
                ("funding", col, "total"),
                f"{zh}资金总额 {total} 不等于财政拨款与其他资金之和 {parts}",
                f"{col} total {total} ≠ fiscal + other = {parts}",
                (("funding", col, "fiscal"), ("funding", col, "other")),
            )


@rule(
    "F002",
    "error",
    "资金总额空白",
    "total is blank",
    why="中期与年度两列资金都要填；种子表即有中期已填而年度全部空白的错误"
    "（both columns are required; the seed has a filled 中期 column beside a blank 年度 one）。",
    fires=[
        Example(
            {"funding.annual.total": "", "funding.annual.fiscal": "", "funding.annual.other": ""},
            at="funding.annual.total",
        )
    ],
    passes=[
        Example(
            {"funding.medium.total": "", "funding.annual.total": ""},
            note="两列都空白时报告 F003（both columns blank is F003）",
        )
    ],
)
def total_present(ctx: Context) -> Iterator[Hit]:
    """A column's 资金总额 is blank while the other column's is filled."""
    for col in COLUMNS:
        other_col = _other_column(col)
        if ctx.amount(col, "total") is None and ctx.amount(other_col, "total") is not None:
            zh = COLUMN_ZH[col]
            yield Hit(
                ("funding", col, "total"),
                f"{zh}资金总额空白，而{COLUMN_ZH[other_col]}资金已填",
                f"{col} total is blank while the {other_col} column is filled",
                (("funding", other_col, "total"),),
            )


@rule(
    "F003",
    "warning",
    "未填项目资金",
    "no funding amounts",
    why="项目资金是表的必填部分；两列都空白说明表还没有填完（the funding block is required: "
    "with both columns blank the table is unfinished, as a new one from `jixiao new`）。",
    fires=[
        Example({"funding.medium.total": "", "funding.annual.total": ""}, at="funding.medium.total")
    ],
    passes=[
        Example(
            {"funding.annual.total": ""}, note="只有一列空白时报告 F002（one blank column is F002）"
        )
    ],
)
def some_funding(ctx: Context) -> Iterator[Hit]:
    """Neither column has a 资金总额."""
    if all(ctx.amount(col, "total") is None for col in COLUMNS):
        yield Hit(("funding", "medium", "total"), related=(("funding", "annual", "total"),))


@rule(
    "F004",
    "warning",
    "资金总额已填但财政拨款与其他资金均空白",
    "no fiscal or other amount",
    why="资金总额须说明来源（财政拨款或其他资金），否则无法核对（a total must state its sources, "
    "or it cannot be checked）。",
    fires=[
        Example(
            {"funding.annual.fiscal": "", "funding.annual.other": ""}, at="funding.annual.fiscal"
        )
    ],
    passes=[
        Example({"funding.annual.fiscal": "100.00", "funding.annual.other": ""}),
        Example(
            {"funding.annual.total": "0", "funding.annual.fiscal": "", "funding.annual.other": ""},
            note="资金总额为 0 时无需来源（a zero total needs no source）",
        ),
    ],
)
def sources_present(ctx: Context) -> Iterator[Hit]:
    """A non-zero 资金总额 with neither 财政拨款 nor 其他资金 given."""
    for col in COLUMNS:
        total = ctx.amount(col, "total")
        if total and ctx.amount(col, "fiscal") is None and ctx.amount(col, "other") is None:
            yield Hit(("funding", col, "fiscal"), related=(("funding", col, "total"),))


@rule(
    "F005",
    "error",
    "金额为负数",
    "negative amount",
    why="资金金额不可能为负（an amount of money cannot be negative）。",
    fires=[
        Example(
            {"funding.medium.fiscal": "320.00", "funding.medium.other": "-20.00"},
            at="funding.medium.other",
        )
    ],
    passes=[
        Example(
            {"funding.medium.fiscal": "300.00", "funding.medium.other": "0"},
            note="零不是负数（zero is not negative）",
        )
    ],
)
def not_negative(ctx: Context) -> Iterator[Hit]:
    """No amount below zero."""
    for col in COLUMNS:
        for key in AMOUNT_KEYS:
            value = ctx.amount(col, key)
            if value is not None and value < 0:
                yield Hit(
                    ("funding", col, key),
                    f"{COLUMN_ZH[col]}{AMOUNT_ZH[key]} {value} 为负数",
                    f"{col} {key} {value} is negative",
                )


@rule(
    "F006",
    "error",
    "年度资金超过中期资金",
    "annual amount exceeds medium-term amount",
    why="年度资金是中期资金的一部分，不能超过中期（the annual budget is a part of the medium-term "
    "one and cannot exceed it）。",
    fires=[
        Example(
            {"funding.annual.total": "120.00", "funding.annual.other": "25.00"},
            at="funding.annual.other",
            note="中期其他资金为 20.00（the medium-term 其他资金 is 20.00）",
        )
    ],
    passes=[
        Example(
            {
                "funding.annual.total": "300.00",
                "funding.annual.fiscal": "280.00",
                "funding.annual.other": "20.00",
            },
            note="相等可以（equal is fine）",
        )
    ],
)
def annual_within_medium(ctx: Context) -> Iterator[Hit]:
    """年度 ≤ 中期 for each amount given in both columns."""
    for key in AMOUNT_KEYS:
        annual, medium = ctx.amount("annual", key), ctx.amount("medium", key)
        if annual is not None and medium is not None and annual > medium:
            name = AMOUNT_ZH[key]
            yield Hit(
                ("funding", "annual", key),
                f"年度{name} {annual} 超过中期{name} {medium}",
                f"annual {key} {annual} > medium {key} {medium}",
                (("funding", "medium", key),),
            )


@rule(
    "F007",
    "hint",
    "金额超过两位小数（万元）",
    "more than two decimals in 万元",
    why="金额以万元填列、保留两位小数，即精确到百元（amounts are in 万元 with two decimals, "
    "i.e. to the hundred yuan）；更多位数多为单位错写成元（more usually means 元 typed as 万元）。",
    fires=[
        Example(
            {"funding.medium.total": "300.001", "funding.medium.fiscal": "280.001"},
            at=("funding.medium.total", "funding.medium.fiscal"),
        )
    ],
    passes=[
        Example(
            {"funding.medium.total": "300.000"},
            note="末尾的零不算多余的小数（trailing zeros are fine）",
        )
    ],
)
def two_decimals(ctx: Context) -> Iterator[Hit]:
    """Amounts in 万元 are written with at most two decimals."""
    for col in COLUMNS:
        for key in AMOUNT_KEYS:
            value = finite(getattr(ctx.amounts(col), key, None))
            if value is not None and extra_decimals(value):
                yield Hit(
                    ("funding", col, key),
                    f"{COLUMN_ZH[col]}{AMOUNT_ZH[key]} {value} 超过两位小数（单位为万元）",
                    f"{col} {key} {value} has more than two decimals (unit is 万元)",
                )
