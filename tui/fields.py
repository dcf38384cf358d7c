"""The field schema: every value a table file holds, one entry each.

For each field: where it lives (section path and key), its kind, its Chinese
label (short and long) with the English, whether it is required, and — by its
place in the tuples below — the order the canonical layout writes it in. The
loader, the canonical writer, the minimal-change save, the editing session,
rule messages and the editor's labels all read it; no other module spells a
field's label, type or order.

A *field reference* (``FieldRef``) names one value by the same path the TOML
file uses: ``("year",)``, ``("project", "name")``, ``("funding", "annual",
"total")``, ``("goals", "medium")``, ``("indicators", 3, "annual")``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.frameworks import FRAMEWORKS
from tui.parsing.money import parse_money

FieldRef = tuple[Any, ...]

# Kinds of value.
TEXT = "text"  # always written; "" when blank
OPTIONAL_TEXT = "optional_text"  # absent key (None) when blank
MONEY = "money"  # Decimal in 万元; absent key (None) when blank
NUMBER = "number"  # Decimal (a weight); absent key when blank
YEAR = "year"  # a whole year, 1900–2200; absent when blank
FRAMEWORK = "framework"  # a code of tui.frameworks.FRAMEWORKS
FORMAT = "format"  # the file format version (not edited)
CODES = "codes"  # rule codes or prefixes: a list of strings or "V008, C005"

COLUMNS = ("medium", "annual")
COLUMN_ZH = {"medium": "中期", "annual": "年度"}


@dataclass(frozen=True)
class Field:
    """One field of the format: its place, kind and labels."""

    key: str
    kind: str
    short: str  # the label where space is tight: 三级, 中期值
    zh: str  # the full Chinese label: 三级指标, 中期指标值
    en: str
    required: bool = False

    @property
    def label(self) -> str:
        """``中期指标值（medium-term value）``: Chinese with the English in parentheses."""
        return f"{self.zh}（{self.en}）"

    @property
    def optional(self) -> bool:
        """Whether a blank value is an absent key in the file."""
        return self.kind in (OPTIONAL_TEXT, MONEY, NUMBER, YEAR)

    def parse(self, text: str) -> Any:
        """The stored value for what a person typed; ``ValueError`` when it is not valid."""
        if self.kind == TEXT:
            return text
        if self.kind == OPTIONAL_TEXT:
            return text or None
        if self.kind in (MONEY, NUMBER):
            return parse_money(text)
        if self.kind == YEAR:
            return _parse_year(text)
        if self.kind == FRAMEWORK:
            code = text.strip()
            if code not in FRAMEWORKS:
                raise ValueError(text)
            return code
        raise ValueError(f"{self.key} is not editable")

    @property
    def invalid_zh(self) -> str:
        """What a rejected input is told, in Chinese with the English."""
        return {
            YEAR: "不是年份（not a year）",
            FRAMEWORK: f"应为 {' 或 '.join(FRAMEWORKS)}（{' or '.join(FRAMEWORKS)}）",
        }.get(self.kind, "不是数字（not a number）")


def _parse_year(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise ValueError(text)
    return int(text)


TOP = (
    Field("format", FORMAT, "格式", "格式版本", "format version", required=True),
    Field("year", YEAR, "年度", "预算年度", "budget year"),
    Field("framework", FRAMEWORK, "体系", "指标体系", "indicator framework"),
)
HEADER = (
    Field("name", TEXT, "项目名称", "项目名称", "project name", required=True),
    Field("department", TEXT, "主管部门", "主管部门", "department"),
    Field("department_code", TEXT, "部门代码", "主管部门代码", "department code"),
    Field("implementer", TEXT, "实施单位", "实施单位", "implementing unit"),
    Field("attribute", TEXT, "项目属性", "项目属性", "project attribute"),
    Field("period", TEXT, "项目期", "项目期", "project period"),
)
AMOUNTS = (
    Field("total", MONEY, "资金总额", "资金总额", "total"),
    Field("fiscal", MONEY, "财政拨款", "其中：财政拨款", "fiscal appropriation"),
    Field("other", MONEY, "其他资金", "其他资金", "other funds"),
)
GOALS = (
    Field("medium_period", TEXT, "中期期间", "中期目标期间", "medium-term years"),
    Field("medium", TEXT, "中期目标", "中期目标", "medium-term goal"),
    Field("annual", TEXT, "年度目标", "年度目标", "annual goal"),
)
ROW = (
    Field("level1", TEXT, "一级", "一级指标", "level-1 indicator", required=True),
    Field("level2", TEXT, "二级", "二级指标", "level-2 indicator", required=True),
    Field("name", TEXT, "三级", "三级指标", "indicator", required=True),
    Field("medium", TEXT, "中期值", "中期指标值", "medium-term value"),
    Field("annual_name", OPTIONAL_TEXT, "年度三级", "年度三级指标", "annual indicator name"),
    Field("annual", TEXT, "年度值", "年度指标值", "annual value"),
    Field("nature", OPTIONAL_TEXT, "性质", "指标性质", "nature"),
    Field("unit", OPTIONAL_TEXT, "单位", "计量单位", "unit"),
    Field("weight", NUMBER, "权重", "权重", "weight"),
    Field("basis", OPTIONAL_TEXT, "依据", "指标值设定依据", "basis of the value"),
    Field("explanation", OPTIONAL_TEXT, "解释", "指标解释", "explanation"),
    Field("remark", OPTIONAL_TEXT, "备注", "备注", "remark"),
)

# A row key the rules read and the row form does not show: the rule codes (or
# prefixes) not reported on this row, ``ignore = ["V008"]``. Kept, like every key
# outside the schema tuples, in ``Indicator.extra`` and written after the row's fields.
ROW_IGNORE = Field("ignore", CODES, "忽略", "本行忽略的规则", "rules ignored on this row")

SECTIONS: dict[str, tuple[Field, ...]] = {
    "": TOP,
    "project": HEADER,
    "funding": AMOUNTS,
    "goals": GOALS,
    "indicators": ROW,
}
_BY_KEY = {section: {f.key: f for f in fields} for section, fields in SECTIONS.items()}


def keys(section: str) -> tuple[str, ...]:
    """The keys of ``section`` ("" for the top level) in canonical order."""
    return tuple(f.key for f in SECTIONS[section])


def section_of(ref: FieldRef) -> str:
    """The schema section a field reference belongs to ("" for the top level)."""
    return "" if len(ref) == 1 else ref[0]


def field_of(ref: FieldRef) -> Field:
    """The schema entry of a field reference; ``KeyError`` for an unknown one."""
    return _BY_KEY[section_of(ref)][ref[-1]]


def is_field(ref: FieldRef) -> bool:
    """Whether ``ref`` names a field of the schema (not a section or a row)."""
    try:
        field_of(ref)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def describe(ref: FieldRef) -> str:
    """Where ``ref`` is, in a few Chinese words: ``第3行 中期值``, ``年度资金总额``, ``项目期``."""
    head = ref[0] if ref else ""
    if head == "indicators" and len(ref) > 1:
        where = f"第{ref[1] + 1}行"
        return f"{where} {field_of(ref).short}" if len(ref) > 2 and is_field(ref) else where
    if head == "funding" and len(ref) > 1:
        column = COLUMN_ZH.get(ref[1], "")
        return column + (field_of(ref).short if len(ref) > 2 and is_field(ref) else "资金")
    if is_field(ref):
        return field_of(ref).zh
    return {"project": "项目信息", "goals": "目标", "funding": "资金"}.get(head, str(head))
