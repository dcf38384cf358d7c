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

The year after the targets (``docs/lifecycle.md``) adds: ``("stage",)``,
``("profile",)``; per row ``("indicators", 3, "actual")`` and, per monitoring
month, ``("indicators", 3, "monitoring", 6, "progress")``; the budget-execution
block ``("execution", "weight")`` and ``("execution", "total", "executed")``;
the closing texts ``("evaluation", "conclusion")``. ``section_of`` is the one
place that knows these shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.frameworks import FRAMEWORKS
from tui.parsing.money import parse_money
from tui.tomlfile.limits import MAX_STRING_CHARS

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

STAGES = ("target", "monitoring", "evaluation")
STAGE_ZH = {"target": "目标", "monitoring": "监控", "evaluation": "自评"}
LIKELIHOODS = ("确定能", "有可能", "完全不可能")  # 完成可能性
CAUSES = ("经费", "制度", "人员", "硬件保障", "其他")  # 偏差原因类别
MONTHS = range(1, 13)

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
    choices: tuple[str, ...] = ()  # the values offered and accepted by the S rules

    @property
    def label(self) -> str:
        """``中期指标值（medium-term value）``: Chinese with the English in parentheses."""
        return f"{self.zh}（{self.en}）"

    @property
    def optional(self) -> bool:
        """Whether a blank value is an absent key in the file."""
        return self.kind in (OPTIONAL_TEXT, MONEY, NUMBER, YEAR)

    def parse(self, text: str) -> Any:
        """The stored value for what a person typed; ``ValueError`` when it is not valid
        (a text longer than a file may hold, too)."""
        if len(text) > MAX_STRING_CHARS:
            raise ValueError(text)
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
    Field("stage", OPTIONAL_TEXT, "阶段", "所处阶段", "stage", choices=STAGES),
    Field("profile", OPTIONAL_TEXT, "评分方案", "评分方案", "scoring profile"),
)
HEADER = (
    Field("name", TEXT, "项目名称", "项目名称", "project name", required=True),
    Field("department", TEXT, "主管部门", "主管部门", "department"),
    Field("department_code", TEXT, "部门代码", "主管部门代码", "department code"),
    Field("implementer", TEXT, "实施单位", "实施单位", "implementing unit"),
    Field("attribute", TEXT, "项目属性", "项目属性", "project attribute"),
    Field("period", TEXT, "项目期", "项目期", "project period"),
    Field("approved", OPTIONAL_TEXT, "批复", "批复", "approved (date or document)"),
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
# 自评 (self-evaluation) of a row, written after its target fields: the actual as typed,
# the evaluator's own score (else the profile's), the reason for a lost point.
RESULT = (
    Field("actual", OPTIONAL_TEXT, "实际值", "实际完成值", "actual value"),
    Field("score", NUMBER, "得分", "得分", "score given"),
    Field("deviation", OPTIONAL_TEXT, "偏差原因", "偏差原因分析及改进措施", "deviation and remedy"),
)
# 运行监控, one sub-table per month of a row: [indicators.monitoring.6]
MONITOR = (
    Field("progress", OPTIONAL_TEXT, "完成情况", "截至当月完成情况", "progress to date"),
    Field("forecast", OPTIONAL_TEXT, "全年预计", "全年预计完成情况", "full-year forecast"),
    Field(
        "likelihood",
        OPTIONAL_TEXT,
        "可能性",
        "完成目标可能性",
        "likelihood",
        choices=LIKELIHOODS,
    ),
    Field("cause", OPTIONAL_TEXT, "原因类别", "偏差原因类别", "cause category", choices=CAUSES),
    Field("reason", OPTIONAL_TEXT, "偏差原因", "偏差原因分析", "deviation analysis"),
    Field("action", OPTIONAL_TEXT, "纠偏措施", "纠偏措施", "corrective action"),
)
# 预算执行情况: [execution] with its 分值 and reason, one [execution.SOURCE] per funding source.
EXECUTION = (
    Field("weight", NUMBER, "分值", "预算执行率分值", "execution weight"),
    Field("reason", OPTIONAL_TEXT, "原因", "执行率偏差原因", "reason for the rate"),
)
BUDGET = (
    Field("initial", MONEY, "年初预算", "年初预算数", "initial budget"),
    Field("adjusted", MONEY, "全年预算", "全年预算数（调整后预算数）", "adjusted budget"),
    Field("executed", MONEY, "执行数", "全年执行数", "amount executed"),
)
SOURCES = ("total", "fiscal", "carryover", "special", "unit", "other")
SOURCE_ZH = {
    "total": "年度资金总额",
    "fiscal": "财政拨款",
    "carryover": "上年结转资金",
    "special": "财政专户管理资金",
    "unit": "单位资金",
    "other": "其他资金",
}
# 评价结论 and the other closing texts of the self-evaluation form.
EVALUATION = (
    Field("goal_actual", OPTIONAL_TEXT, "目标完成", "年度总体目标实际完成情况", "goal achieved"),
    Field("conclusion", OPTIONAL_TEXT, "评价结论", "评价结论", "conclusion"),
    Field("problems", OPTIONAL_TEXT, "存在问题", "存在问题", "problems found"),
    Field("improvements", OPTIONAL_TEXT, "改进措施", "改进措施", "improvements"),
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
    "result": RESULT,
    "monitoring": MONITOR,
    "execution": EXECUTION,
    "budget": BUDGET,
    "evaluation": EVALUATION,
}
_BY_KEY = {section: {f.key: f for f in fields} for section, fields in SECTIONS.items()}
_RESULT_KEYS = frozenset(f.key for f in RESULT)


def keys(section: str) -> tuple[str, ...]:
    """The keys of ``section`` ("" for the top level) in canonical order."""
    return tuple(f.key for f in SECTIONS[section])


def table_keys(ref: FieldRef) -> tuple[str, ...]:
    """The schema keys of the TOML table holding ``ref``, in canonical order.

    A row holds its target fields, then its self-evaluation fields.
    """
    section = section_of(ref)
    if section in ("indicators", "result"):
        return keys("indicators") + keys("result")
    return keys(section)


def section_of(ref: FieldRef) -> str:
    """The schema section a field reference belongs to ("" for the top level).

    A row's self-evaluation fields (``("indicators", i, "actual")``) are in
    ``"result"``, ``("indicators", i, "monitoring", month, key)`` in
    ``"monitoring"`` and ``("execution", source, key)`` in ``"budget"``;
    otherwise the first part names it.
    """
    if len(ref) == 1:
        return ""
    if ref[0] == "indicators" and len(ref) == 3 and ref[2] in _RESULT_KEYS:
        return "result"
    if ref[0] == "indicators" and len(ref) == 5 and ref[2] == "monitoring":
        return "monitoring"
    if ref[0] == "execution" and len(ref) == 3:
        return "budget"
    return ref[0]


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
        if len(ref) > 3 and ref[2] == "monitoring":
            where += f" {ref[3]}月监控"
        return f"{where} {field_of(ref).short}" if len(ref) > 2 and is_field(ref) else where
    if head == "execution" and len(ref) > 1:
        where = " ".join(part for part in ("预算执行", SOURCE_ZH.get(ref[1], "")) if part)
        return f"{where} {field_of(ref).short}" if is_field(ref) else where
    if head == "funding" and len(ref) > 1:
        column = COLUMN_ZH.get(ref[1], "")
        return column + (field_of(ref).short if len(ref) > 2 and is_field(ref) else "资金")
    if is_field(ref):
        return field_of(ref).zh
    names = {"project": "项目信息", "goals": "目标", "funding": "资金", "evaluation": "自评结论"}
    return names.get(head, str(head))
