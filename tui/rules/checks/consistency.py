"""C: rules across fields: 成本 amounts against 资金总额, names against values and rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from tui.fields import COLUMN_ZH
from tui.model import COLUMNS, FieldRef
from tui.parsing.money import MONEY
from tui.rules.context import Context, Labels, RowInfo, short
from tui.rules.engine import Example, Fix, Hit, family, rule
from tui.rules.lexicon import corrected
from tui.rules.rowinfo import row_fact

_TOTAL_COST = re.compile(r"^(项目)?总成本(合计)?$|^成本合计$|^项目总投入$")
_LABEL_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,10}$")

family("C", "一致性（consistency across fields and rows）")


CostRows = list[tuple[RowInfo, Decimal]]


@row_fact
def costs(info: RowInfo) -> dict[str, tuple[bool, Decimal]] | None:
    """C001, C002: column → (whether the row names the total cost, its amount in 万元), for
    the columns where a 成本 row states an amount (``None``: none)."""
    if info.kind != "cost":
        return None
    found = {}
    for col in COLUMNS:
        amount = info.parsed[col].amount_wan
        if amount is not None:
            found[col] = (_TOTAL_COST.match(info.names[col]) is not None, amount)
    return found or None


def _cost_amounts(ctx: Context, col: str) -> tuple[CostRows, CostRows]:
    """(rows naming the total cost, other cost rows) that state an amount in ``col``,
    each with that amount in 万元."""
    totals: CostRows = []
    parts: CostRows = []
    for info, amounts in ctx.with_fact(costs):
        if col in amounts:
            total, amount = amounts[col]
            (totals if total else parts).append((info, amount))
    return totals, parts


def _wan(amount: Decimal) -> str:
    text = format(amount.normalize(MONEY), "f") if amount else "0"
    return f"{text}万元"


@rule(
    "C001",
    "error",
    "成本指标合计超过资金总额",
    "cost indicators exceed the funding total",
    why="成本指标是项目资金的支出，合计不能超过同列的资金总额；元、亿元折算为万元比较（cost "
    "indicators spend the project's money: together they cannot exceed the column's total）。",
    fires=[
        Example({"设备采购成本.annual": "≤120万元"}, at="funding.annual.total"),
        Example({"设备采购成本.annual": "≤1500000元"}, at="funding.annual.total"),
        Example(
            {
                "项目总成本": None,
                "设备采购成本.annual": "≤60万元",
                "+1.level1": "产出指标",
                "+1.level2": "成本指标",
                "+1.name": "办公成本",
                "+1.medium": "≤30万元",
                "+1.annual": "≤45万元",
            },
            at="funding.annual.total",
            note="没有总成本行时各成本行相加：60 + 45 > 100（without a total row, rows add up）",
        ),
    ],
    passes=[Example({"设备采购成本.annual": "≤100万元"})],
)
def costs_within_funding(ctx: Context) -> Iterator[Hit]:
    """The 成本 amounts of a column (or its 总成本 row) do not exceed that column's 资金总额."""
    for col in COLUMNS:
        funding = ctx.amount(col, "total")
        if funding is None:
            continue
        totals, parts = _cost_amounts(ctx, col)
        spent = Decimal(0)
        for _, amount in parts:
            spent = MONEY.add(spent, amount)
        for _, amount in totals:
            spent = max(spent, amount)
        if spent > funding:
            rows = totals or parts
            zh = COLUMN_ZH[col]
            yield Hit(
                ("funding", col, "total"),
                f"{zh}成本指标合计 {_wan(spent)} 超过{zh}资金总额 {funding}",
                f"{col} cost indicators add up to {spent} > {col} total {funding}",
                tuple(info.value_ref(col) for info, _ in rows),
            )


@rule(
    "C002",
    "warning",
    "总成本与资金总额不符",
    "total cost differs from the funding total",
    why="项目总成本应与资金总额一致；种子表中期“项目总成本 90万元”而中期资金总额为 294.00"
    "（the total cost should equal the funding total; the seed states 90万元 against 294.00）。",
    fires=[Example({"项目总成本.medium": "≤250万元"}, at="项目总成本.medium")],
    passes=[Example({"项目总成本.medium": "300万元"})],
)
def total_cost_matches(ctx: Context) -> Iterator[Hit]:
    """A 项目总成本/总成本 row states less than its column's 资金总额 (more is C001)."""
    for col in COLUMNS:
        funding = ctx.amount(col, "total")
        if funding is None:
            continue
        for info, amount in _cost_amounts(ctx, col)[0]:
            if amount < funding:
                zh = COLUMN_ZH[col]
                yield Hit(
                    info.value_ref(col),
                    f"{zh}成本指标合计与{zh}资金总额不符："
                    f"“{info.names[col]}”为 {_wan(amount)}，{zh}资金总额为 {funding}",
                    f"{col} total cost {amount} ≠ {col} funding total {funding}",
                    (("funding", col, "total"),),
                )


@row_fact
def renamed(info: RowInfo) -> bool | None:
    """C003, C005: whether a row whose 年度 name differs from its 中期 name (``None``: the
    same, or no 年度 name of its own) has the same value in both columns."""
    annual, medium = info.names["annual"], info.names["medium"]
    if not info.annual_named or annual == medium:
        return None
    return bool(info.values["annual"]) and info.values["annual"] == info.values["medium"]


def _copied_names(ctx: Context) -> list[Hit]:
    """C003 hits: 年度 name differs, values agree, and the 年度 name is another row's."""
    hits = []
    for info, same_values in ctx.with_fact(renamed):
        annual, medium = info.names["annual"], info.names["medium"]
        if not annual or not same_values:
            continue
        others = [(i, c) for i, c in ctx.name_index.get(annual, ()) if i != info.index]
        if not others:
            continue
        i, c = others[0]
        other = ctx.rows[i]
        hits.append(
            Hit(
                info.name_ref("annual"),
                f"第{info.index + 1}行年度三级指标“{short(annual)}”与其中期名称"
                f"“{short(medium)}”不同而指标值相同，且与第{i + 1}行重名：疑似名称与指标值错配",
                f"row {info.index + 1}: annual name differs from the medium-term name while the "
                f"values agree, and duplicates row {i + 1}: probable name/value mismatch",
                (info.name_ref("medium"), other.name_ref(c)),
            )
        )
    return hits


def _foreign_label(ctx: Context, info: RowInfo, col: str) -> Hit | None:
    """A C004 hit when ``col``'s value opens with another indicator's name."""
    name, value = info.names[col], info.values[col]
    if len(name) < 3 or name[-2:] not in value or name in value:
        return None
    for size in range(len(name) - 1, 1, -1):
        pos = value.find(name[-size:])
        if pos < 0:
            continue
        prefix = value[:pos]
        if not _LABEL_PREFIX.match(prefix):
            return None
        if any(prefix[k : k + 2] in name for k in range(len(prefix) - 1)):
            return None
        other_col = "medium" if col == "annual" else "annual"
        own = info.names[other_col]
        found = (info.index, other_col) if prefix in own and own != name else None
        found = found or _named(ctx, prefix, name)
        if found is None:
            return None
        i, c = found
        other = ctx.rows[i]
        stated = value[: pos + size]
        if i == info.index:
            where_zh, where_en = f"本行{COLUMN_ZH[c]}名称", f"this row's {c} name"
        else:
            where_zh, where_en = f"第{i + 1}行", f"row {i + 1}"
        return Hit(
            info.value_ref(col),
            f"第{info.index + 1}行{COLUMN_ZH[col]}三级指标“{short(name)}”的指标值写的是"
            f"“{short(stated)}”，对应{where_zh}“{short(other.names[c])}”：疑似名称与指标值错配",
            f"row {info.index + 1}: the {col} value names '{stated}', which matches {where_en} "
            f"'{other.names[c]}' rather than '{name}': probable name/value mismatch",
            (info.name_ref(col), other.name_ref(c)),
        )
    return None


def _names_by_pair(labels: Labels) -> dict[str, list[str]]:
    """Each pair of characters → the 三级 names holding it, in ``name_index`` order."""
    index: dict[str, list[str]] = {}
    for key in labels.name_index:
        for pair in {key[k : k + 2] for k in range(len(key) - 1)}:
            index.setdefault(pair, []).append(key)
    return index


def _named(ctx: Context, words: str, but: str) -> tuple[int, str] | None:
    """The first ``(row, column)`` (in ``name_index`` order) whose name holds ``words`` and
    is not ``but``; only the names holding the rarest pair of ``words`` are read, so a
    table of many rows does not read every name for every row."""
    by_pair = ctx.by_labels("C004 pairs", _names_by_pair)
    pairs = (by_pair.get(words[k : k + 2], ()) for k in range(len(words) - 1))
    for key in min(pairs, key=len):
        if key != but and words in key:
            return ctx.name_index[key][0]
    return None


@row_fact
def name_tail_in_value(info: RowInfo) -> tuple[str, ...] | None:
    """C004: the columns whose value holds the end of the row's name but not the whole
    name (``None``: no such column), where the value may open with another name."""
    found = []
    for col in COLUMNS:
        name, value = info.names[col], info.values[col]
        if len(name) >= 3 and name[-2:] in value and name not in value:
            found.append(col)
    return tuple(found) or None


def _foreign_labels(ctx: Context) -> list[Hit]:
    hits = []
    for info, columns in ctx.with_fact(name_tail_in_value):
        for col in columns:
            hit = _foreign_label(ctx, info, col)
            if hit is not None:
                hits.append(hit)
    return hits


def mismatched_rows(ctx: Context) -> set[int]:
    """The rows whose name and value do not match (C003, C004): other rules leave them be."""
    flagged = {hit.ref[1] for hit in ctx.memo("C003", _copied_names)}
    return flagged | {hit.ref[1] for hit in ctx.memo("C004", _foreign_labels)}


@rule(
    "C003",
    "error",
    "年度三级名称疑似复制错误",
    "annual name looks copied from another row",
    why="年度名称改成了另一行的名称、指标值却仍是本行的，多为复制粘贴错误（种子表“采购硬件设备"
    "数量”对应“5场退休人员文体活动”）（a copy-paste slip seen in the seed）。",
    fires=[
        Example(
            {
                "举办退休人员文体活动.annual_name": "采购资格认证设备数量",
                "举办退休人员文体活动.annual": "≥15场",
            },
            at="举办退休人员文体活动.annual_name",
        )
    ],
    passes=[
        Example(
            {
                "举办退休人员文体活动.annual_name": "举办文体活动",
                "举办退休人员文体活动.annual": "≥15场",
            },
            note="只是措辞不同：报告 C005（only reworded: C005）",
        )
    ],
)
def annual_name_copied(ctx: Context) -> Iterator[Hit]:
    """A 年度 name that differs from its row's 中期 name while the values agree, and that
    duplicates another row's name (采购硬件设备数量 → “5场退休人员文体活动”)."""
    yield from ctx.memo("C003", _copied_names)


@rule(
    "C004",
    "error",
    "指标值对应的是另一个指标",
    "value names a different indicator",
    why="指标值开头写的是另一个指标的名称（种子表“活动计划完成时间”的值为“培训计划完成时间年底"
    "之前”），名称与值错配（the value names another indicator: a name/value mismatch）。",
    fires=[
        Example(
            {
                "培训完成时间.annual_name": "活动计划完成时间",
                "培训完成时间.annual": "培训计划完成时间12月31日前",
            },
            at="培训完成时间.annual",
        )
    ],
    passes=[Example({"培训完成时间.annual": "培训12月31日前完成"})],
)
def value_names_other(ctx: Context) -> Iterator[Hit]:
    """A value that opens with another indicator's name (活动计划完成时间 → “培训计划完成时间…”)."""
    yield from ctx.memo("C004", _foreign_labels)


@rule(
    "C005",
    "hint",
    "中期与年度三级名称措辞不同",
    "medium and annual names differ in wording",
    why="同一指标中期与年度的名称应一致，措辞不同让两列难以对应（种子表“…影响或改善情况”与"
    "“…影响或提升程度”）（one indicator keeps one name in both columns）。修复：两个名称只差"
    "一处重复字词或错别字时，用正确的一个（fix: when the two differ by a doubled word or a "
    "typo only, the right one is used in both columns）。",
    fires=[
        Example({"资格认证率.annual_name": "资格认证通过率"}, at="资格认证率.annual_name"),
        Example(
            {"培训完成时间.annual_name": "培训完成完成时间"},
            at="培训完成时间.annual_name",
            fixed={"培训完成时间.annual_name": None, "培训完成时间.name": "培训完成时间"},
            note="年度名称多了一个“完成”（a doubled word in the 年度 name）",
        ),
        Example(
            {"资格认证率.name": "资格认证律", "资格认证率.annual_name": "资格认证率"},
            at="资格认证率.annual_name",
            fixed={"资格认证率.annual_name": None, "资格认证率.name": "资格认证率"},
            note="错别字在中期名称中（the typo is in the 中期 name）",
        ),
    ],
    passes=[
        Example({"资格认证率.annual_name": "资格认证率"}),
        Example(
            {
                "培训完成时间.annual_name": "活动计划完成时间",
                "培训完成时间.annual": "培训计划完成时间12月31日前",
            },
            note="已报告名称与值错配（C004）时不再提示（not repeated over a C004 mismatch）",
        ),
    ],
)
def names_agree(ctx: Context) -> Iterator[Hit]:
    """The 年度 name of a row differs from its 中期 name (when not already a mismatch)."""
    flagged = mismatched_rows(ctx)
    for info, _ in ctx.with_fact(renamed):
        annual, medium = info.names["annual"], info.names["medium"]
        if info.index in flagged:
            continue
        if annual and medium:
            yield Hit(
                info.name_ref("annual"),
                f"年度三级指标“{short(annual)}”与中期“{short(medium)}”措辞不同",
                "annual indicator name is worded differently from the medium-term one",
                (info.name_ref("medium"),),
                _one_name(info),
            )


def _one_name(info: RowInfo) -> Fix | None:
    """When the two names differ by a slip only, the fix writing the right one as the 三级
    name (the 年度 column then shows it too)."""
    medium, annual = info.raw_name("medium").strip(), info.raw_name("annual").strip()
    right = corrected(medium)
    if right != corrected(annual) or right not in (medium, annual):
        return None
    changes: list[tuple[FieldRef, str | None]] = [(info.name_ref("annual"), None)]
    if medium != right:
        changes.append((info.name_ref("medium"), right))
    return Fix(tuple(changes), f"两列都用“{right}”", f"use '{right}' in both columns")
