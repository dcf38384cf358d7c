"""Reading a 指标值 into operator, number and unit.

``parse_value("≥90%")`` → op ``"≥"``, number ``90``, unit ``"%"``.
``parse_value("100-150人")`` → op ``"range"``, number ``100``, upper ``150``.
``parse_value("约47万元")`` → op ``"="``, approx, amount_wan ``47``.
``parse_value("年底之前")`` → op ``"定性"``, qualitative, has_time.

The parser never fails: any text gives a ``ParsedValue``. Results are cached,
so checking a table on every keystroke re-parses only the values that changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from tui.parsing.money import UNIT_IN_WAN

QUALITATIVE = "定性"
# Distinct texts whose parse (and whose checks, in tui.rules) stay cached: the texts of a
# few thousand rows. Larger caches make a bulk `jixiao check` slower (more objects for the
# garbage collector) and a 10,000-row table is re-checked in linear time without them.
TEXT_CACHE_SIZE = 1 << 14

_SYMBOL_OPS = {">=": "≥", "≥": "≥", "≧": "≥", "<=": "≤", "≤": "≤", "≦": "≤"}
_SYMBOL_OPS |= {">": ">", "<": "<", "=": "=", "≠": "≠"}
_SYMBOL = re.compile(r">=|<=|[≥≧≤≦><=]")

# Operator words, longest first so that 不低于 wins over 低于.
_WORD_OPS = {
    "不低于": "≥",
    "不少于": "≥",
    "不小于": "≥",
    "及以上": "≥",
    "以上": "≥",
    "至少": "≥",
    "达到": "≥",
    "不高于": "≤",
    "不超过": "≤",
    "不多于": "≤",
    "不大于": "≤",
    "以内": "≤",
    "以下": "≤",
    "之内": "≤",
    "大于": ">",
    "高于": ">",
    "超过": ">",
    "多于": ">",
    "小于": "<",
    "低于": "<",
    "少于": "<",
}
_WORD = re.compile("|".join(sorted(_WORD_OPS, key=len, reverse=True)))

# Units of more than one character; any other unit is one Chinese character or a Latin word.
UNITS = (
    "%",
    "‰",
    "万元",
    "亿元",
    "千元",
    "元",
    "人次",
    "万人次",
    "万人",
    "万户",
    "万亩",
    "万吨",
    "个工作日",
    "工作日",
    "个月",
    "小时",
    "平方米",
    "万平方米",
    "平方公里",
    "立方米",
    "公里",
    "千米",
    "百分点",
)
# Longest first: a regex alternation takes the first that matches (万人次, not 万人 + 次).
_UNIT = "|".join(
    [
        *(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)),
        r"[A-Za-z]+",
        r"[\u4e00-\u9fff]",
    ]
)
_NUMBER = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT})?")
_NAMED_UNIT = re.compile(rf"[(（]\s*({_UNIT})\s*[)）]\s*$")  # 总建筑面积(平方米)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_DASHES = frozenset("-~—–至到")
_NOT_UNIT = frozenset("以上下内前后左右及至到的或和与共约达")

_TIME = re.compile(
    r"年底|年末|年初|年中|年前|季度|月底|月末|月初|月中|上半年|下半年|之前|以前|日前|月前|前完成"
    r"|及时|按时|按期|当年|当月|当日|天内|日内|月内|周内|工作日|小时|时限|期限|截止"
    r"|(?<!\d)\d+\s*[年月日天周]|[一二三四五六七八九十两]+个?[月天周日]|(?<!\d)\d{1,2}月"
)
# "约21万元", "大约5台", "100人左右" — but not 节约, 预约, 签约, 制约 before a number.
_APPROX = re.compile(r"(?<![节制契预签履违公条简俭])约\s*(?:为|合|计)?\s*\d|\d[^\d]{0,4}左右")
_PLACEHOLDER = re.compile(r"\*{2,}|×{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|某某|○{2,}|□{2,}")
_PLACEHOLDER_START = re.compile("[*×Xx某○□]")


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """What a 指标值 says: operator, number (and upper bound of a range), unit.

    ``op`` is one of ``=``, ``≥``, ``≤``, ``>``, ``<``, ``≠``, ``range``, ``定性``,
    or ``""`` for an empty value. ``amount_wan`` is the last money amount in
    the text converted to 万元 (``None`` when there is none); ``percents`` are
    all numbers written with ``%``.
    """

    text: str
    op: str
    number: Decimal | None = None
    upper: Decimal | None = None
    unit: str = ""
    qualitative: bool = False
    has_time: bool = False
    approx: bool = False
    amount_wan: Decimal | None = None
    percents: tuple[Decimal, ...] = ()

    @property
    def quantitative(self) -> bool:
        """Whether the value states a number."""
        return self.number is not None


_LEADING_BOUND = re.compile(
    r"\s*(>=|<=|[≥≧≤≦><]|大于等于|小于等于|不低于|不少于|不小于|至少|不高于|不超过|不多于|不大于)"
)


def leading_bound(text: str) -> str:
    """The comparison a 指标值 opens with (``≥多人`` → ``≥``, ``不低于…`` → ``不低于``), or
    ``""``."""
    found = _LEADING_BOUND.match(fold_width(text))
    return found.group(1) if found else ""


def unit_in_name(name: str) -> str:
    """The unit a 三级 name gives its values in brackets at its end (``新增学位数量(个)``,
    ``总建筑面积（平方米）``), or ``""``."""
    found = _NAMED_UNIT.search(name)
    return "" if found is None or found.group(1) in _NOT_UNIT else found.group(1)


def normalize(text: str) -> str:
    """Full-width forms folded (NFKC), thousands separators and outer spaces removed."""
    return _THOUSANDS.sub("", unicodedata.normalize("NFKC", text)).strip()


def has_placeholder(text: str) -> bool:
    """Whether ``text`` holds a template placeholder such as ``**``, ``×××`` or ``XX``."""
    # Every placeholder starts with one of these characters: a search for them is many
    # times faster than the pattern, and most texts have none.
    return _PLACEHOLDER_START.search(text) is not None and _PLACEHOLDER.search(text) is not None


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def parse_value(text: str) -> ParsedValue:
    """Read one 指标值 (never raises)."""
    norm = normalize(text)
    if not norm:
        return ParsedValue(text=text, op="")
    numbers = []
    for match in _NUMBER.finditer(norm):
        unit = match.group(2) or ""
        if unit in _NOT_UNIT:
            unit = ""
        numbers.append((Decimal(match.group(1)), unit, match.start(), match.end()))
    has_time = _TIME.search(norm) is not None
    approx = _APPROX.search(norm) is not None
    if not numbers:
        return ParsedValue(text=text, op=QUALITATIVE, qualitative=True, has_time=has_time)
    symbol = _SYMBOL.search(norm)
    main = len(numbers) - 1
    if symbol:
        after = [i for i, n in enumerate(numbers) if n[2] >= symbol.end()]
        if after:
            main = after[0]
    number, unit, start, _ = numbers[main]
    upper = None
    op = "="
    if main > 0 and norm[numbers[main - 1][3] : start].strip() in _DASHES:
        op, upper = "range", number
        number = numbers[main - 1][0]
        unit = unit or numbers[main - 1][1]
    elif symbol:
        op = _SYMBOL_OPS[symbol.group(0)]
    else:
        word = _WORD.search(norm)
        if word:
            op = _WORD_OPS[word.group(0)]
    amount = None
    for value, money_unit, _, _ in numbers:
        if money_unit in UNIT_IN_WAN:
            amount = value * UNIT_IN_WAN[money_unit]
    percents = tuple(value for value, u, _, _ in numbers if u == "%")
    return ParsedValue(
        text=text,
        op=op,
        number=number,
        upper=upper,
        unit=unit,
        has_time=has_time,
        approx=approx,
        amount_wan=amount,
        percents=percents,
    )


# Full-width digits, per cent and comparison signs, and two-character operators.
_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": "."})
_WIDTH_OPS = {"＞＝": "≥", "＜＝": "≤", ">=": "≥", "<=": "≤", "＞": ">", "＜": "<", "＝": "="}
_WIDTH_OP = re.compile("|".join(sorted(map(re.escape, _WIDTH_OPS), key=len, reverse=True)))
_FOLDED = re.compile("[０-９％．＞＜＝]|[<>]=")  # what fold_width changes


def fold_width(text: str) -> str:
    """``text`` with full-width digits, ``％``, ``．`` and comparison signs made plain, and
    ``>=``/``<=`` written ``≥``/``≤``; Chinese punctuation (，：（）) is left alone."""
    if _FOLDED.search(text) is None:
        return text  # nothing to fold, the usual case
    folded = text.translate(_WIDTH)
    return _WIDTH_OP.sub(lambda m: _WIDTH_OPS[m.group(0)], folded)


_AT_LEAST = "达到|达|不低于|不少于|不小于|至少|大于或等于|大于等于"
_AT_MOST = "不高于|不超过|不多于|不大于|至多|小于或等于|小于等于"
_BOUND = re.compile(
    rf"^(?P<pre>{_AT_LEAST}|{_AT_MOST})?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})?\s*"
    r"(?P<post>及以上|以上|及以下|以下|以内|之内)?$"
)
_LOW_WORDS = frozenset(_AT_LEAST.split("|")) | {"及以上", "以上"}
_HIGH_WORDS = frozenset(_AT_MOST.split("|")) | {"及以下", "以下", "以内", "之内"}


def symbolic(text: str) -> str | None:
    """The bound a value states in words, in symbols: ``达到90%以上`` → ``≥90%``,
    ``不超过50万元`` → ``≤50万元``; ``None`` when the value is not just one bound
    in words (``≥90%``, ``90%``, ``3个工作日内完成``, ``达到90%以下``)."""
    match = _BOUND.match(text.strip())
    if match is None:
        return None
    words = {w for w in (match.group("pre"), match.group("post")) if w}
    if not words:
        return None
    if words <= _LOW_WORDS:
        sign = "≥"
    elif words <= _HIGH_WORDS:
        sign = "≤"
    else:
        return None
    unit = match.group("unit") or ""
    if unit in _NOT_UNIT:
        return None
    return f"{sign}{match.group('num')}{unit}"
