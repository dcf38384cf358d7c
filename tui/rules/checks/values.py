"""V: rules on each 指标值 (and 三级 name) read by ``tui.parsing.indicator_value.parse_value``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from operator import attrgetter

from tui.escape import escape_char, is_hidden
from tui.fields import COLUMN_ZH, OPTIONAL_TEXT, ROW, TEXT
from tui.model import COLUMNS, GOAL_KEYS, HEADER_KEYS, FieldRef
from tui.parsing.indicator_value import has_placeholder, unit_in_name
from tui.parsing.money import to_wan
from tui.rules.context import Context, RowEnv, RowInfo, short
from tui.rules.engine import Example, Fix, Hit, family, rule, set_to

_ROW_TEXT_KEYS = tuple(f.key for f in ROW if f.kind in (TEXT, OPTIONAL_TEXT))
MAX_VALUE_CHARS = 60  # 一体化 data standard: KPI_VAL VARCHAR2(60)
MAX_NAME_CHARS = 30  # 一体化 data standard: kpi_lv3 VARCHAR2(30)
_GROWTH_WORDS = ("增长", "增幅", "增加", "提高", "提升", "同比", "环比", "倍")

family(
    "V",
    "指标值（values）",
    "指标值 are read into operator (`=`, `≥`, `≤`, `>`, `<`, range, 定性), number and unit: "
    "`100%`, `≥90%`, `达到90%以上` (≥ 90 %), `100-150人` (range), `约47万元` (approximate, "
    "47 万元), `≤1125万元`, `每月10日前` (a time), `年底之前` (定性, a time), `较高` (定性).",
)


@rule(
    "V001",
    "warning",
    "百分比超过100%",
    "percentage above 100%",
    why="比率类指标不可能超过100%（a rate cannot exceed 100%）；增长、提高类指标除外"
    "（growth and increase rows are exempt）。",
    fires=[Example({"资格认证率.medium": "≥120%"}, at="资格认证率.medium")],
    passes=[
        Example(
            {
                "退休人员社会化管理服务覆盖率.name": "参保人数增长率",
                "退休人员社会化管理服务覆盖率.medium": "150%",
            },
            note="增长率可以超过100%（a growth rate may exceed 100%）",
        )
    ],
    per_row=True,
)
def percent_at_most_100(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A rate cannot exceed 100% (rows about growth or increase are exempt)."""
    for info in rows:
        for col in COLUMNS:
            over = [p for p in info.parsed[col].percents if p > 100]
            if over and not any(word in info.names[col] for word in _GROWTH_WORDS):
                yield Hit(
                    info.value_ref(col),
                    f"“{short(info.names[col])}”的{COLUMN_ZH[col]}指标值 {over[0]}% 超过100%",
                    f"{col} value {over[0]}% is above 100%",
                )


@rule(
    "V002",
    "warning",
    "定量指标缺少计量单位",
    "quantitative value without a unit",
    why="定量三级指标必须有计量单位，一体化系统把计量单位设为必录项；种子表中期“10”即缺单位"
    "（quantitative indicators need a unit: the budget system makes it mandatory）。",
    fires=[Example({"采购资格认证设备数量.medium": "10"}, at="采购资格认证设备数量.medium")],
    passes=[
        Example({"采购资格认证设备数量.medium": "10台"}),
        Example({"采购资格认证设备数量.medium": "10", "采购资格认证设备数量.unit": "台"}),
        Example(
            {
                "采购资格认证设备数量.name": "采购资格认证设备数量(台)",
                "采购资格认证设备数量.medium": "10",
            },
            note="单位写在名称的括号里（the unit in brackets at the end of the name）",
        ),
    ],
    per_row=True,
)
def unit_present(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """数量/质量 values that state a number also state its unit (10 → 10套), in the value
    or in the row's 计量单位 field."""
    for info in rows:
        if info.kind not in ("quantity", "quality") or (info.row.unit or "").strip():
            continue
        if unit_in_name(info.row.name):  # 总建筑面积(平方米) | 44979.8
            continue
        for col in COLUMNS:
            parsed = info.parsed[col]
            if parsed.quantitative and not parsed.unit:
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值“{short(parsed.text.strip())}”缺少计量单位",
                    f"{col} value has a number but no unit",
                )


@rule(
    "V003",
    "warning",
    "时效指标未写明时间",
    "timeliness value states no time",
    why="时效指标衡量何时完成，应写明时限或及时率（timeliness indicators measure when: state a "
    "deadline or a rate）。",
    fires=[Example({"培训完成时间.annual": "按计划完成"}, at="培训完成时间.annual")],
    passes=[
        Example({"培训完成时间.annual": "年底之前"}),
        Example({"培训完成时间.annual": "及时率100%"}),
    ],
    per_row=True,
)
def time_present(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """时效 values name a time (年底之前, 每月10日前, 3个工作日内) or a rate (及时率 100%)."""
    for info in rows:
        if info.kind != "time":
            continue
        for col in COLUMNS:
            parsed = info.parsed[col]
            if parsed.op and not parsed.has_time and not parsed.percents:
                yield Hit(info.value_ref(col), en=f"{col} timeliness value states no time")


@rule(
    "V004",
    "warning",
    "成本指标未写明金额",
    "cost value states no amount",
    why="成本指标应写明金额，才能与资金总额核对（a cost indicator states an amount, so that it "
    "can be checked against the funding）。",
    fires=[Example({"设备采购成本.annual": "按需采购"}, at="设备采购成本.annual")],
    passes=[
        Example({"设备采购成本.annual": "≤50000元"}, note="元折算为万元（元 is converted）"),
        Example({"设备采购成本.annual": "≤5", "设备采购成本.unit": "万元"}),
    ],
    per_row=True,
)
def amount_present(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """成本 values state an amount in 元/万元/亿元 (≤50万元), or a number whose unit the
    row's 计量单位 field gives in money."""
    for info in rows:
        if info.kind != "cost":
            continue
        money_unit = to_wan(Decimal(1), (info.row.unit or "").strip()) is not None
        for col in COLUMNS:
            parsed = info.parsed[col]
            if money_unit and parsed.quantitative:
                continue
            if parsed.op and parsed.amount_wan is None:
                yield Hit(info.value_ref(col), en=f"{col} cost value states no amount in 元/万元")


_ROW_TEXTS = attrgetter(*_ROW_TEXT_KEYS)


def _row_placeholders(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    texts = [_ROW_TEXTS(info.row) for info in rows]
    everything = (t for row in texts for t in row if isinstance(t, str))
    if not has_placeholder("\n".join(everything)):
        return  # one search for all the rows, the usual case
    for info, row in zip(rows, texts):
        for key, value in zip(_ROW_TEXT_KEYS, row):
            if isinstance(value, str) and has_placeholder(value):
                yield Hit(("indicators", info.index, key))


@rule(
    "V005",
    "error",
    "模板占位符未替换",
    "template placeholder left in",
    why="模板中的“≥**%”“×××”等占位符常被原样发布；有系统直接拒收含 * 的指标值"
    "（template placeholders leak into published tables; one system rejects values with *）。",
    fires=[
        Example({"资格认证率.medium": "≥**%"}, at="资格认证率.medium"),
        Example({"project.name": "×××项目"}, at="project.name"),
    ],
    passes=[Example({"资格认证率.medium": "≥90%"})],
    rows=_row_placeholders,
)
def no_placeholders(ctx: Context) -> Iterator[Hit]:
    """No template leftovers such as ``**``, ``×××`` or ``XX`` in any text field."""
    table = ctx.table
    for key in HEADER_KEYS:
        if has_placeholder(str(getattr(table.header, key) or "")):
            yield Hit(("project", key))
    for key in GOAL_KEYS:
        if has_placeholder(str(getattr(table.goals, key) or "")):
            yield Hit(("goals", key))


@rule(
    "V006",
    "warning",
    "指标值与三级指标名称相同",
    "value equals the indicator name",
    why="指标值只重复名称（种子表“社会代发无经济效益”）等于没有设定目标（a value that only "
    "repeats its name, as in both seed projects, sets no target）。",
    fires=[
        Example({"长效管理机制健全性.annual": "长效管理机制健全性"}, at="长效管理机制健全性.annual")
    ],
    passes=[Example({"长效管理机制健全性.annual": "机制健全"})],
    per_row=True,
)
def value_not_name(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value that only repeats its 三级 name (“社会代发无经济效益”) sets no target."""
    for info in rows:
        for col in COLUMNS:
            if info.values[col] and info.values[col] == info.names[col]:
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值与三级指标名称“{short(info.names[col])}”相同，未设定目标",
                    f"{col} value equals its indicator name; no target is set",
                    (info.name_ref(col),),
                )


@rule(
    "V007",
    "hint",
    "指标值重复了三级指标名称",
    "value repeats the indicator name",
    why="指标值只写目标（“≥90%”）；重复名称冗长，也不便录入（the value holds only the target; "
    "repeating the name, as the seed's “资格认证率达90%以上”, is noise）。修复：值以名称开头时"
    "删去名称（fix: a leading name is removed）。",
    fires=[
        Example(
            {"资格认证率.annual": "资格认证率达90%以上"},
            at="资格认证率.annual",
            fixed={"资格认证率.annual": "达90%以上"},
        ),
        Example(
            {"采购资格认证设备数量.annual": "共采购资格认证设备数量10套"},
            at="采购资格认证设备数量.annual",
            note="名称不在开头：不自动修复（not at the start: no automatic fix）",
        ),
    ],
    passes=[Example({"资格认证率.annual": "达到90%以上"})],
    per_row=True,
)
def value_without_name(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value that starts with or contains its own name (“资格认证率达90%以上” → “≥90%”)."""
    for info in rows:
        for col in COLUMNS:
            name, value = info.names[col], info.values[col]
            if len(name) >= 2 and name in value and value != name:
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值重复了三级指标名称“{short(name)}”",
                    f"{col} value repeats the indicator name",
                    (info.name_ref(col),),
                    _without_name(info.raw_name(col), info.raw_value(col), info.value_ref(col)),
                )


def _without_name(name: str, value: str, ref: FieldRef) -> Fix | None:
    """The fix removing ``name`` from the start of ``value`` (spaces around it too)."""
    name, rest = name.strip(), value.strip()
    if not name or not rest.startswith(name) or not rest[len(name) :].strip():
        return None
    return set_to(ref, rest[len(name) :].strip())


@rule(
    "V008",
    "hint",
    "指标值超过60字",
    "value longer than 60 characters",
    why="一体化数据标准的指标值字段为 KPI_VAL VARCHAR2(60)，超长的指标值无法录入（the national "
    "data standard's value field holds 60 characters）。",
    fires=[Example({"长效管理机制健全性.medium": "健" * 61}, at="长效管理机制健全性.medium")],
    passes=[Example({"长效管理机制健全性.medium": "健" * 60})],
    per_row=True,
)
def value_length(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """Values fit the national system's 60-character field."""
    for info in rows:
        for col in COLUMNS:
            size = len(info.parsed[col].text.strip())
            if size > MAX_VALUE_CHARS:
                yield Hit(
                    info.value_ref(col),
                    f"{COLUMN_ZH[col]}指标值有 {size} 字，超过{MAX_VALUE_CHARS}字",
                    f"{col} value has {size} characters (limit {MAX_VALUE_CHARS})",
                )


@rule(
    "V009",
    "hint",
    "三级指标名称超过30字",
    "indicator name longer than 30 characters",
    why="一体化数据标准的三级指标字段为 kpi_lv3 VARCHAR2(30)（the national data standard's "
    "indicator name field holds 30 characters）。",
    fires=[Example({"长效管理机制健全性.name": "长" * 31}, at="长效管理机制健全性.name")],
    passes=[Example({"长效管理机制健全性.name": "长" * 30})],
    per_row=True,
)
def name_length(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """三级 names fit the national system's 30-character field."""
    for info in rows:
        for col in COLUMNS:
            if col == "annual" and info.row.annual_name is None:
                continue
            raw = info.row.name if col == "medium" else info.row.annual_name
            size = len(raw.strip()) if isinstance(raw, str) else 0
            if size > MAX_NAME_CHARS:
                yield Hit(
                    info.name_ref(col),
                    f"{COLUMN_ZH[col]}三级指标名称有 {size} 字，超过{MAX_NAME_CHARS}字",
                    f"{col} indicator name has {size} characters (limit {MAX_NAME_CHARS})",
                )


@rule(
    "V010",
    "hint",
    "满意度目标为100%",
    "satisfaction target of 100%",
    why="100%的满意度几乎无法达到，多数表格采用≥90%或≥95%（a 100% satisfaction target is rarely "
    "attainable; most tables use ≥90% or ≥95%）。",
    fires=[Example({"服务对象满意度.annual": "100%"}, at="服务对象满意度.annual")],
    passes=[Example({"服务对象满意度.annual": "≥95%"})],
    per_row=True,
)
def satisfaction_target(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A 满意度 target of exactly 100% is rarely attainable; most tables use ≥90% or ≥95%."""
    for info in rows:
        if info.kind != "satisfaction":
            continue
        for col in COLUMNS:
            parsed = info.parsed[col]
            if parsed.unit == "%" and parsed.number == 100 and parsed.op in ("=", "≥"):
                yield Hit(info.value_ref(col))


def _hidden(text: object) -> str | None:
    """The first invisible or terminal-acting character of ``text`` (line breaks and tabs
    aside), or ``None``."""
    if not isinstance(text, str) or text.isprintable():  # the fast path, checked in C
        return None
    return next((ch for ch in text if ch not in "\n\t" and is_hidden(ch)), None)


def _hidden_in(fields: list[tuple[FieldRef, object]]) -> Iterator[Hit]:
    """V011 hits in ``fields`` (field, text); one test in C when none has a hidden character
    (every hidden character is one ``str.isprintable`` refuses)."""
    everything = "".join(map(str, (text for _, text in fields)))
    if everything.replace("\n", "").replace("\t", "").isprintable():  # the usual case
        return
    for ref, text in fields:
        found = _hidden(text)
        if found is not None:
            shown = escape_char(found)
            yield Hit(
                ref,
                f"含有不可见字符 {shown}，多为粘贴残留",
                f"hidden character {shown}, usually paste debris",
            )


def _hidden_in_rows(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    return _hidden_in(
        [
            (("indicators", info.index, key), text)
            for info in rows
            for key, text in zip(_ROW_TEXT_KEYS, _ROW_TEXTS(info.row))
        ]
    )


@rule(
    "V011",
    "warning",
    "文本中有不可见字符",
    "hidden character in a text",
    why="零宽字符、双向控制符（如 U+202E）和控制字符看不见，"
    "却会改变文字的显示顺序或让两个相同的名称不相等，几乎都是从网页或文档粘贴带来的"
    "（zero-width, bidi and control characters are "
    "invisible, reorder what is shown or make equal names differ; they are almost always paste "
    "debris）。",
    fires=[
        Example({"资格认证率.medium": "≥90%\u200b"}, at="资格认证率.medium"),
        Example({"project.name": "\u202e费经务业"}, at="project.name"),
    ],
    passes=[Example({"资格认证率.medium": "≥90%", "goals.annual": "第一行\n第二行"})],
    rows=_hidden_in_rows,
)
def no_hidden_characters(ctx: Context) -> Iterator[Hit]:
    """No zero-width, bidi-control or control character in any text (line breaks aside)."""
    table = ctx.table
    fields: list[tuple[FieldRef, object]] = [
        (("project", key), getattr(table.header, key)) for key in HEADER_KEYS
    ]
    fields += [(("goals", key), getattr(table.goals, key)) for key in GOAL_KEYS]
    return _hidden_in(fields)
