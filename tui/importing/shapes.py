"""What a cell's text looks like: a 指标值, an operator, a unit, a weight, a score.

These shapes let the importer place cells by content when columns are missing,
merged or shifted, and split text that arrived without separators
(``校舍改造覆盖率100%`` → ``校舍改造覆盖率`` + ``100%``). The lists are data.
"""

from __future__ import annotations

import re
import unicodedata

# Units seen after numbers in 指标值 cells (the longest tried first: 周岁 before 周).
_UNIT_WORDS = (
    "%|％|‰|百分比|万元|亿元|元|人次|人天|人|户|个|次|项|场|台套|套|台|件|份|篇|门|所|家|批|名|辆|"
    "公里|千米|厘米|毫米|米|平方米|立方米|亩|公顷|吨|天|日|小时|年|月|周|期|处|条|座|本|册|部|盏|株|棵|头|只|起|"
    "粒|种|类|村|班|位|床|张|块|根|把|箱|组|队|支|对|栋|幢|间|层|宗|笔|单|轮|届|例|首|幅|集|"
    "课时|学时|个月|季度|个工作日|工作日|分钟|秒|周岁|岁|倍|个百分点|百分点|比例|公斤|千克|斤|"
    "匹|羽|尾|平方公里|千瓦时|千瓦|度|生|校|园|站|点|班次|车次|架次|批次|场次|户次|人日|工日|"
    "kg|t|GB|TB|MB|Mbps|km|m"
)
UNITS = "|".join(sorted(_UNIT_WORDS.split("|"), key=len, reverse=True))
_SIGN_CHARS = "≥≤><=＝≧≦±＞＜═"  # ═ (a box-drawing line) stands for = in some tables
_SIGN = rf"(?:[<>≥≤＞＜]=|[{_SIGN_CHARS}])"
_OPERATOR = (
    rf"(?:{_SIGN}"
    r"|大于等于|小于等于|不低于|不少于|不高于|不超过|不大于|不小于|大于|小于|高于|低于)"
)
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"  # 1,000 too
# 375万平方米, 1.2万人次; 150万 (万元) when no other word follows.
_UNIT = rf"(?:[万亿千]?(?:{UNITS})|[万亿](?![\u4e00-\u9fff])|[(（](?:{UNITS})[)）])"  # …(%) too
_PER = rf"(?:/{_UNIT}(?:[.·/*]每?{_UNIT})?)"  # 17元/人.每天, 元/人·月, 元/人*月
# 以内, 左右; 9月前, 2025年年底前, 12月底, 3天内.
# One-character units that also begin ordinary words (1种薯, 3点钟): a value ending in one
# does not cut a glued text when more Chinese follows straight after.
_LOOSE_UNITS = frozenset(
    "种类村班位床张块根把箱组队支对栋幢间层宗笔单轮届例首幅集度生校园站点匹羽尾斤岁倍项"
)
_QUALIFIER = (
    "(?:及以上|及以下|以内|以上|以下|左右|之内|内|(?:年底|年末|月底|月末|底|末)?(?:以前|之前|前)"
    "|年底|年末|月底|月末|底|末)"
)
# A date: 2023年12月31日, 2021年12月, 2021.12.31, 2023.07, 2023-12-31; or a span of them:
# 2021.1.1-12.31, 2023-01-01至2023-12-31,
# 2020年1月--2020年11月, 2021年1月-12月.
_ISO_DAY = r"\d{4}[-/]\d{1,2}[-/]\d{1,2}(?!\d)"  # 2023-12-31, 2023/1/1
_DAY = (
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}\.\d{1,2}(?:\.\d{1,2})?(?![\d.])"
    rf"|{_ISO_DAY}"
)
_DAY_END = (
    rf"{_ISO_DAY}"
    r"|(?:\d{4}\s*[年.]\s*)?\d{1,2}(?:\s*月(?:\s*\d{1,2}\s*日)?|\.\d{1,2}(?![\d.]))?"
)
_DATE = (
    rf"(?:{_DAY})(?:\s*[-~～—至]+\s*(?:{_DAY_END}))?"
    r"|\d{4}(?:\d{2})?\s*年?\s*[-~～—至]+\s*\d{4}(?:\d{2})?\s*年?(?!\d)"  # 2019-2021, 202001-202012
)
# A quantitative value: optional operator, number, optional unit and qualifier.
_QUANT = rf"{_OPERATOR}?\s*{_NUMBER}\s*{_UNIT}?{_PER}?{_QUALIFIER}?"
_QUANT_RE = re.compile(
    rf"^(?:{_QUANT}|{_DATE}|{_NUMBER}\s*[-~～—至]\s*{_NUMBER}\s*{_UNIT}?)$", re.IGNORECASE
)
# Qualitative values that close a glued 三级+指标值 cell.
QUALITATIVE = (
    "稳步提高",
    "逐步提高",
    "有所提高",
    "明显提高",
    "显著提高",
    "持续提高",
    "巩固提高",
    "持续改善",
    "显著改善",
    "明显改善",
    "有效改善",
    "持续保障",
    "效果明显",
    "效果显著",
    "效果良好",
    "影响可持续",
    "长期",
    "长远",
    "较高",
    "达标",
    "合格",
    "及时",
    "良好",
    "显著提升",
    "明显提升",
    "稳步提升",
    "有所提升",
    "有效提升",
    "有效提高",
    "有效保障",
    "有力保障",
    "正面支撑",
    "有所减轻",
    "有所下降",
    "逐步改善",
    "不断提高",
    "进一步提高",
    "进一步提升",
)
# Qualitative values seen as a whole cell only (too short or too common to cut a glued text at).
WHOLE_VALUES = {
    *("有效", "显著", "提升", "提高", "改善", "增加", "是", "否", "优", "优良", "全年", "无"),
    *("高", "好", "较好", "明显", "满意", "基本满意", "符合要求", "符合标准", "达到要求"),
    *("按时完成", "按期完成", "按计划完成", "按计划实施", "全部完成", "正常运行", "减少", "降低"),
}
# What a 绩效标准 / 指标值设定依据 column holds: the kind of standard, never a name or value.
STANDARDS = {"计划标准", "历史标准", "行业标准", "其他标准", "经验标准", "标杆标准"}
# Self-evaluation verdicts: an 实际完成值, never a 三级 name (达成预期指标, 已完成, 基本达到预期,
# 全部完成, 未实现预期目标).
_VERDICT_RE = re.compile(
    r"^(?:部分|基本|全部|已经?|未|均|按时|按期|圆满)?(?:达成|达到|完成|实现)"
    r"(?:了)?(?:预期|年度|计划|既定)?(?:目标|指标|任务)?(?:值)?$"
)
# Template placeholders left in a form: a numbered slot with no name, an ellipsis.
# …and a system's filler for an empty row: 三级 0, 指标值 0.00%.
_PLACEHOLDER = re.compile(r"^(?:指标\s*\d+\s*[:：]?|[.…。·]{2,}|…|0(?:\.0+)?%?)$")
# …and any degree + change (有效巩固, 基本提高, 明显增强): a qualitative value's usual form.
_DEGREES = "有效|明显|显著|基本|进一步|持续|逐步|稳步|有所|不断|大幅|全面|切实|得到"
_CHANGES = "提高|提升|改善|巩固|减轻|降低|减少|增加|增强|加强|完善|保障|缓解|下降"
_QUAL_RE = re.compile(
    "(" + "|".join(sorted(QUALITATIVE, key=len, reverse=True)) + f"|(?:{_DEGREES})(?:{_CHANGES}))$"
)
_SPAN = rf"{_NUMBER}\s*[-~～—至]\s*{_NUMBER}\s*{_UNIT}"  # 18—54周岁, 100-150人
_TAIL_RE = re.compile(rf"(?<![\d.{_SIGN_CHARS}])({_DATE}|{_SPAN}|{_QUANT})$", re.IGNORECASE)
HAN = re.compile(r"[\u4e00-\u9fff]")  # one Chinese character
_LETTER_SPACED = re.compile(rf"{HAN.pattern}(?: {HAN.pattern})+")
_LIST_MARKS = "、,，;；"  # what follows a quantity listed inside a name or a value
_RULE_WORD, _RULE_REACH = "每", 3  # 每少1元, 每超出10天: a quantity in a scoring rule
_INNER_RE = re.compile(
    rf"({_DATE}|{_OPERATOR}\s*{_NUMBER}\s*{_UNIT}?{_PER}?{_QUALIFIER}?"
    rf"|{_NUMBER}\s*{_UNIT}{_PER}?{_QUALIFIER}?)",
    re.IGNORECASE,  # 80M as 80m
)
NATURES = {
    "≥",
    "≤",
    ">",
    "<",
    ">=",  # Shanghai's and Chongqing's ASCII spelling (＞＝ too, read in NFKC)
    "<=",
    "=",
    "＝",
    "═",
    "≧",
    "≦",
    "＞",
    "＜",
    "定量",
    "定性",
    "正向",
    "反向",
    "正向指标",
    "反向指标",
    "大于等于",
    "小于等于",
    "等于",
    "大于",
    "小于",
    *("不低于", "不少于", "不高于", "不超过", "不大于", "不小于", "高于", "低于"),  # in words
    "区间",  # Sichuan's sign for a range (100-150)
}
_OPERATOR_RE = re.compile(_OPERATOR)
_LEADING_SIGN = re.compile(rf"^{_SIGN}(?=\d)")
_TRAILING_SIGN = re.compile(rf"{_SIGN}$")
_WEIGHT_RE = re.compile(r"^\d{1,3}(?:\.\d+)?$")
_UNIT_RE = re.compile(rf"^(?:{UNITS}|[^\d\s]{{1,3}}(?:/[^\d\s]{{1,3}})?)$")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def is_quantity(text: str) -> bool:
    """``≥90%``, ``100%``, ``3500``, ``≤1125万元``, ``100-150人``."""
    return bool(_QUANT_RE.match(_nfkc(text)))


def is_operator(text: str) -> bool:
    """A comparison sign on its own: ``≥``, ``<=``, ``不低于`` (not ``定性`` or ``正向``)."""
    return _OPERATOR_RE.fullmatch(_nfkc(text)) is not None


def trailing_sign(text: str) -> int | None:
    """Where a comparison sign ending ``text`` after other text starts (``学校满意度≥``,
    ``成本控制率<=``): the sign of the value after a space; else ``None``."""
    match = _TRAILING_SIGN.search(text)
    return None if match is None or not text[: match.start()].strip() else match.start()


def split_sign(text: str) -> tuple[str, str] | None:
    """``=100`` → (``=``, ``100``): a comparison sign glued to a quantity; else ``None``."""
    sign = _LEADING_SIGN.match(text)
    if sign is None or not is_quantity(text[sign.end() :]):
        return None
    return sign.group(), text[sign.end() :]


def unspaced(text: str) -> str:
    """``产 出 指 标`` → ``产出指标``: a word a PDF spaced out letter by letter to fill its
    cell, joined (``产出 指标``, a space typed inside a word, stays as it is)."""
    return text.replace(" ", "") if _LETTER_SPACED.fullmatch(text) else text


def is_nature(text: str) -> bool:
    """An 指标性质 / 计算符号 cell: ``≥``, ``=``, ``定性``, ``正向指标``."""
    return _nfkc(text) in NATURES  # ＞＝ as >=, ＝ as =


def is_standard(text: str) -> bool:
    """A 绩效标准 cell naming the kind of standard: ``计划标准``, ``历史标准``."""
    return text.strip() in STANDARDS


def is_weight(text: str) -> bool:
    """A 权重 / 分值 / 得分 cell: a plain number up to three digits."""
    return bool(_WEIGHT_RE.match(_nfkc(text)))


def is_unit(text: str) -> bool:
    """A 度量单位 cell: ``%``, ``个``, ``人/年``, ``万元``."""
    return bool(_UNIT_RE.match(text.strip())) and not is_nature(text)


def is_value(text: str) -> bool:
    """Whether ``text`` reads as a 指标值 (quantity, or a known qualitative word)."""
    word = text.strip()
    return is_quantity(text) or word in WHOLE_VALUES or bool(_QUAL_RE.fullmatch(word))


def is_verdict(text: str) -> bool:
    """A self-evaluation's verdict on a row: ``已完成``, ``基本达到预期``, ``达成预期指标``."""
    word = _nfkc(text)
    return len(word) > 2 and bool(_VERDICT_RE.match(word))


def is_placeholder(text: str) -> bool:
    """A template slot left unfilled: ``指标2``, ``指标1：``, ``……``, ``0`` / ``0.00%``."""
    return bool(_PLACEHOLDER.match(_nfkc(text)))


def split_value_tail(text: str) -> tuple[str, str] | None:
    """``校舍合格率100%`` → (``校舍合格率``, ``100%``); ``None`` when no value closes it."""
    for pattern in (_TAIL_RE, _QUAL_RE):
        match = pattern.search(text)
        if match and match.start() >= 2 and not text[: match.start()].rstrip().endswith(":"):
            return text[: match.start()], text[match.start() :]
    return None


def split_inner_values(text: str) -> list[str]:
    """Cut glued ``…情况2280次大楼安检…`` after each value followed by more text."""
    parts: list[str] = []
    start = 0
    for match in _INNER_RE.finditer(text):
        end = match.end()
        if match.start() < start or end >= len(text):
            continue
        before = text[match.start() - 1] if match.start() else ""
        digit_run = bool(before) and match.group()[0].isdigit()
        digit_run = digit_run and (before.isdigit() or before in ".-/")
        if digit_run or (before and before in ":：") or re.fullmatch(r"\d{4}年", match.group()):
            continue
        if before in ("", "、") and HAN.match(text, end):
            continue  # 5000吨稻谷、500吨成品粮储备到位率: quantities that begin a name
        if text[end] in _LIST_MARKS:
            continue  # 台式电脑4台、笔记本电脑4台; 小学600人,初中700人: items of a list
        if _RULE_WORD in text[max(0, match.start() - _RULE_REACH) : match.start()]:
            continue  # 每降低1%扣1分: a scoring rule, not a value of its own
        if match.group()[-1] in _LOOSE_UNITS and HAN.match(text, end):
            continue  # 指标1种薯采购价格: the unit begins the next word
        parts += [text[start : match.start()], text[match.start() : end]]
        start = end
    parts.append(text[start:])
    return [p for p in parts if p]


_LEAD = re.compile(rf"^(\d{{1,3}}(?:\.\d+)?)(?!\d|\.|,\d|\s*{_UNIT})")


def split_lead_number(text: str) -> list[str]:
    """``10水标尺宽度`` → [``10``, ``水标尺宽度``]: a 分值 glued before the next name."""
    match = _LEAD.match(text)
    if match is None or match.end() == len(text):
        return [text]
    return [text[: match.end()], text[match.end() :]]
