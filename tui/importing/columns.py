"""The column headings of an indicator block, as data: heading text → slot.

A heading row (一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 …)
says which slot each column fills. Headings are compared in the label normal
form (NFKC, no spaces, no parenthesised part, no year such as ``2022年``).

Slots: ``l1`` ``l2`` ``name`` (三级), ``value`` (a 指标值 whose half the block
decides), ``medium`` / ``annual`` (a 指标值 of that half), ``annual_name``
(年度三级指标); row fields ``nature`` ``unit`` ``weight`` ``basis``
``explanation`` ``remark`` (the format's optional keys); ``direction``
(指标方向, kept as ``nature`` when there is no 指标性质 column); project-list
columns ``project`` ``unit_name`` ``budget`` ``goal``; a self-evaluation's
``actual`` (实际完成值), ``score`` (得分) and ``reason`` (偏差原因分析及改进措施),
kept in the row's self-evaluation fields; ``seq`` (序号, a row number the row's place
in the table already says); and columns the format has no place
for (``prior``, ``category``, ``direction`` beside a 指标性质 column): their
cells are reported, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

COLUMN_LABELS: dict[str, str] = {
    **dict.fromkeys(("序号", "编号", "行次"), "seq"),
    **dict.fromkeys(("一级指标", "一级", "一级指标名称"), "l1"),
    **dict.fromkeys(("二级指标", "二级", "二级指标名称"), "l2"),
    **dict.fromkeys(
        (
            "三级指标",
            "三级",
            "指标名称",
            "三级指标名称",
            "三级指标内容",
            "指标内容",
            "绩效指标名称",
            "指标",
        ),
        "name",
    ),
    **dict.fromkeys(
        (
            "指标值",
            "目标值",
            "指标值及单位",
            "预期目标值",
            "预期实现值",
            "当年预期实现值",
            "计划指标值",
            "绩效目标值",
            "指标目标值",
            "绩效指标值",
            "年初目标值",
            "年初指标值",
            "预期达到目标",
            "预期指标值",
            "预期值",
            "预算设定指标值",  # a university's 评价结果: 预算设定指标值 | 项目完成指标值
            "设定指标值",
            *("计划值", "计划目标值", "计划完成值", "考核目标值", "拟达到指标值"),
            *("预期完成值", "预期绩效目标值", "期望值"),
        ),
        "value",
    ),
    **dict.fromkeys(("中期指标值", "实施期指标值", "长期指标值", "中期目标值"), "medium"),
    **dict.fromkeys(
        ("年度指标值", "本年度指标值", "年度目标值", "当年指标值", "年度数值", "本年度计划水平"),
        "annual",
    ),
    **dict.fromkeys(("年度三级指标",), "annual_name"),
    **dict.fromkeys(
        ("半年指标值", "半年目标值", "半年度指标值"), "midyear"
    ),  # Zhenjiang's 半年(程)
    **dict.fromkeys(("指标性质", "计算符号", "运算符号", "符号", "指标值类型"), "nature"),
    **dict.fromkeys(("指标方向", "指标方向性"), "direction"),
    **dict.fromkeys(("度量单位", "计量单位", "指标单位", "单位"), "unit"),
    **dict.fromkeys(("权重", "分值", "指标权重", "指标分值"), "weight"),
    **dict.fromkeys(
        (
            *("指标值设定依据", "绩效标准", "指标标准或依据", "设定依据", "指标值确定依据"),
            "参考标准",
        ),
        "basis",
    ),
    **dict.fromkeys(
        (
            "指标解释",
            "指标值说明",
            "指标说明",
            "绩效指标说明",
            "指标值内容",
            "指标描述",
            "指标说明及公式",
            "计算公式",
            "指标内容/计算公式",
            "指标解释及评分标准",
        ),
        "explanation",
    ),
    **dict.fromkeys(("备注", "评分标准", "评扣分标准", "评分细则"), "remark"),
    **dict.fromkeys(
        (
            "实际完成值",
            "完成值",
            "全年实际值",
            "实际值",
            "全年实际完成值",
            "实际完成情况",
            "全年完成值",
            "实际完成指标值",
            "全年实际完成指标值",
            "项目完成指标值",
            "完成指标值",
            "全年实际完成情况",  # Anhui's transfer self-evaluation: 年初设定目标 | 全年实际完成情况
            "全年完成情况",
        ),
        "actual",
    ),
    **dict.fromkeys(
        ("实际实现值", "上年实际值", "上年完成值", "上年度实际水平", "上年自评值"), "prior"
    ),
    **dict.fromkeys(("得分", "自评得分"), "score"),
    **dict.fromkeys(
        (
            "偏差原因分析及改进措施",
            "未完成原因分析",
            "未完成原因及拟采取的改进措施",
            "未完成原因和改进措施",
            "未完成原因及改进措施",
            "偏差原因",
            "原因分析",
            "未完成原因",
        ),
        "reason",
    ),
    # 运行监控: the month's progress (headed by its months, see ``progress_month``), the year's
    # forecast, the likelihood, the deviation's cause and analysis, the corrective action,
    # and the traffic light (computed from the others: reported).
    **dict.fromkeys(("全年预计完成情况", "全年预计完成值", "预计全年完成情况"), "forecast"),
    **dict.fromkeys(("完成目标可能性", "完成可能性", "能否完成目标"), "likelihood"),
    **dict.fromkeys(("偏差原因类别",), "cause"),
    **dict.fromkeys(("偏差原因分析", "偏差原因说明"), "reason"),
    **dict.fromkeys(("纠偏措施", "拟采取的纠偏措施"), "action"),
    **dict.fromkeys(("预警", "预警信号", "预警灯"), "warning"),
    **dict.fromkeys(("项目名称",), "project"),
    **dict.fromkeys(("单位名称", "预算单位名称", "项目单位"), "unit_name"),
    **dict.fromkeys(("项目类别", "项目类型"), "category"),
    **dict.fromkeys(("预算数", "预算金额", "项目预算数"), "budget"),
    **dict.fromkeys(("年度目标", "年度绩效目标"), "goal"),
}

# Words naming a half before a value heading (年度 + 绩效指标值): longest first.
HALF_WORDS = {
    **dict.fromkeys(("本年度", "年度", "当年", "全年", "本年"), "annual"),
    **dict.fromkeys(("实施期", "项目期", "周期", "中期", "长期"), "medium"),
}
# Name headings that, after a 三级 heading, head its explanation (三级指标 | 指标内容 | 指标值).
EXPLAINING_NAMES = {"指标内容"}
# Slots that make a row an indicator heading row (together at least two of them).
CORE = {"l1", "l2", "name", "value", "medium", "annual"}
# Slots whose cells a project's rows do not keep; the reason each is reported with.
UNKEPT = {
    "prior": ("往年实现值，未导入", "earlier year's value; not imported"),
    "warning": ("预警由监控值计算，未导入", "warning light; computed, not imported"),
    "category": ("项目类别，格式中无对应位置", "project category; not in the format"),
    "midyear": ("半年目标值，格式中无对应位置", "half-year target; not in the format"),
    "direction": (
        "指标方向，未导入（已有指标性质列）",
        "direction; not imported (a 性质 column exists)",
    ),
}
VALUE_SLOTS = ("value", "medium", "annual")
# A self-evaluation's columns → the row's fields they fill (the table is then at that stage).
EVALUATION_SLOTS = {"actual": "actual", "score": "score", "reason": "deviation"}
# A monitoring form's columns: the month's fields of the same names (its 偏差原因 is the
# month's, not the year's deviation).
MONITORING_SLOTS = ("progress", "forecast", "likelihood", "cause", "reason", "action")
# A column whose heading is not known (评(扣分标准) between 指标值内容 and 度量单位): its
# slots are named ``other``, ``other2`` …, their cells reported.
OTHER = "other"
OTHER_REASON = ("未识别的列，未导入", "column not recognised; not imported")
# A second column of a kind a row keeps once (Hunan's 评(扣)分标准 | 备注, both remarks):
# its slots are named ``again…``, its cells reported.
AGAIN = "again"
AGAIN_REASON = ("同类列已有一列，未导入", "a second column of its kind; not imported")


def is_other(slot: str) -> bool:
    """Whether ``slot`` is the slot of a column whose cells are reported: a heading not
    known, or a second column of a kind."""
    return slot.startswith((OTHER, AGAIN))


def other_reason(slot: str) -> tuple[str, str]:
    """Why the cells of ``slot`` (an ``is_other`` slot) are reported."""
    return AGAIN_REASON if slot.startswith(AGAIN) else OTHER_REASON


_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_OPEN_MARK = re.compile(r"[(（][A-Za-z0-9/]{0,3}$|^[A-Za-z0-9/]{1,3}[)）]")
_YEAR = re.compile(r"(?:19|20)\d{2}年?")
_YEAR_HALF = re.compile(r"^\s*(?:19|20)\d{2}\s*年度")  # 2023年度指标值: the year's value
_YEARS = re.compile(r"(?:19|20)\d{2}年?[-–—~至](?:19|20)\d{2}年?")  # 2025-2027年: a period
_HALF_MARK = re.compile(r"[(（]([^()（）]*)[)）]")  # 指标值(年度): the half in brackets
_DROP = re.compile(r"[\s:：*＊]+")  # …and a template's * marking a required field


def heading_form(text: str) -> str:
    """The form headings are compared in (a cut-off ``(A`` / ``B)`` mark dropped too)."""
    text = unicodedata.normalize("NFKC", text)
    text = _OPEN_MARK.sub("", _PAREN.sub("", text))
    return _YEAR.sub("", _YEARS.sub("", _DROP.sub("", text)))


_MEMO = 8192  # texts remembered by the lookups every cell goes through
_PROGRESS = re.compile(
    r"^(?:\d{1,2}[-–—~至]|截至|截止)(\d{1,2})月(?:底|末)?(?:累计)?"
    r"(?:完成情况|完成值|实际完成值|执行情况)$"
)


def progress_month(text: str) -> int | None:
    """The month a monitoring form's progress heading names: ``1–6月完成情况`` → 6,
    ``截至9月底完成值`` → 9; ``None`` for another heading."""
    found = _PROGRESS.match(heading_form(text))
    month = int(found.group(1)) if found else 0
    return month if 1 <= month <= 12 else None


@lru_cache(maxsize=_MEMO)
def column_slot(text: str) -> str | None:
    """The slot a column heading names, or ``None`` (memoised: every cell is asked)."""
    form = heading_form(_YEAR_HALF.sub("年度", unicodedata.normalize("NFKC", text)))
    if form in COLUMN_LABELS:
        return _half_named(text, form) or COLUMN_LABELS[form]
    half = next((h for h in HALF_WORDS if form.startswith(h)), None)
    if half is not None and COLUMN_LABELS.get(form[len(half) :]) == "value":
        return HALF_WORDS[half]  # 年度绩效指标值, 实施期预期目标值: a value of that half
    return "progress" if "月" in form and progress_month(text) is not None else None


def _half_named(text: str, form: str) -> str | None:
    """The half a value heading names beside its words: in brackets (``指标值(年度)``) or
    as a period of years (``2025-2027年指标值``, the medium term); else ``None``."""
    if COLUMN_LABELS.get(form) != "value":
        return None
    text = unicodedata.normalize("NFKC", text)
    if _YEARS.search(text):
        return "medium"
    marks = (heading_form(m) for m in _HALF_MARK.findall(text))
    return next((HALF_WORDS[m] for m in marks if m in HALF_WORDS), None)
