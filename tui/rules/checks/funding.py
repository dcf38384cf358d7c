"""F: 项目资金 rules (all arithmetic in ``Decimal``, amounts in 万元)."""

from __future__ import annotations

from collections.abc import Iterator

from tui.fields import AMOUNTS, COLUMN_ZH
from tui.model import AMOUNT_KEYS, COLUMNS
from tui.parsing.money import MONEY, extra_decimals, finite, sum_of_parts
from tui.rules.context import Context
from tui.rules.engine import Hit, rule

AMOUNT_ZH = {f.key: f.short for f in AMOUNTS}


def _other_column(column: str) -> str:
    return "annual" if column == "medium" else "medium"


@rule("F001", "error", "资金总额不等于财政拨款与其他资金之和", "total ≠ fiscal + other")
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


@rule("F002", "error", "资金总额空白", "total is blank")
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


@rule("F003", "warning", "未填项目资金", "no funding amounts")
def some_funding(ctx: Context) -> Iterator[Hit]:
    """Neither column has a 资金总额."""
    if all(ctx.amount(col, "total") is None for col in COLUMNS):
        yield Hit(("funding", "medium", "total"), related=(("funding", "annual", "total"),))


@rule("F004", "warning", "资金总额已填但财政拨款与其他资金均空白", "no fiscal or other amount")
def sources_present(ctx: Context) -> Iterator[Hit]:
    """A non-zero 资金总额 with neither 财政拨款 nor 其他资金 given."""
    for col in COLUMNS:
        total = ctx.amount(col, "total")
        if total and ctx.amount(col, "fiscal") is None and ctx.amount(col, "other") is None:
            yield Hit(("funding", col, "fiscal"), related=(("funding", col, "total"),))


@rule("F005", "error", "金额为负数", "negative amount")
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


@rule("F006", "error", "年度资金超过中期资金", "annual amount exceeds medium-term amount")
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


@rule("F007", "hint", "金额超过两位小数（万元）", "more than two decimals in 万元")
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
