"""Reading a target and an actual for scoring: operator, number, unit — or a grade.

``read_target(row)`` reads the 年度指标值 with ``tui.parsing.indicator_value``;
the row's 指标性质 (``nature``: ≥ ≤ ＝ 定性 正向 反向) wins over the operator the
text implies, and its 计量单位 fills in a unit the text leaves out. A deadline
(``2021年12月31日前``, ``每月10日前``: a date without ≥ or ≤) is qualitative —
its actual is a grade such as 按时完成 — while a duration (``≤3个工作日``) is a
number.
``read_actual(text, target)`` reads an actual the same way; a bare number takes
the target's unit. Text shown in an explanation goes through
``tui.escape.printable``, so every explanation is one line. ``in_target_unit``
puts an actual into the target's unit: equal units (or a target without a
unit) as they are, 元/千元/万元/亿元 converted through 万元 (both must be money
units), anything else ``None`` — the row is then flagged, not scored.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from tui.escape import printable
from tui.model import Indicator
from tui.parsing.indicator_value import QUALITATIVE, parse_value
from tui.parsing.money import MONEY, to_wan

_DATE_UNITS = ("年", "月", "日")  # a date is a deadline, not a quantity
POSITIVE_OPS = ("≥", ">", "=")
REVERSE_OPS = ("≤", "<")
_NATURE_OPS = {
    "≥": "≥",
    ">=": "≥",
    ">": ">",
    "≤": "≤",
    "<=": "≤",
    "<": "<",
    "=": "=",
    "定性": QUALITATIVE,
    "正向": "≥",
    "反向": "≤",
}


@dataclass(frozen=True)
class Reading:
    """A value as scoring sees it.

    ``op`` is ``≥ > = ≤ < range 定性`` or ``""`` (blank); ``number`` (and
    ``upper`` for a range) is ``None`` when the text states no number.
    """

    text: str
    op: str
    number: Decimal | None = None
    upper: Decimal | None = None
    unit: str = ""

    @property
    def quantitative(self) -> bool:
        """Whether a number was read."""
        return self.number is not None

    @property
    def reverse(self) -> bool:
        """A 反向 (the lower the better) target: ≤ or <."""
        return self.op in REVERSE_OPS

    def shown(self, number: Decimal | None = None) -> str:
        """``96%``, ``110 万元``, ``100–150人``: the number (or ``number``) with the unit."""
        value = self.number if number is None else number
        if value is None:
            return printable(self.text.strip())
        body = plain(value)
        if self.op == "range" and number is None and self.upper is not None:
            body = f"{body}–{plain(self.upper)}"
        return body + unit_suffix(self.unit)


def plain(value: Decimal) -> str:
    """A number as written, never in exponent form: ``90``, ``9.99``, ``0.5``."""
    return format(value, "f")


def unit_suffix(unit: str) -> str:
    """How a unit follows a number: ``%`` and ASCII units directly, Chinese after a space."""
    if not unit or unit in ("%", "‰") or unit.isascii():
        return unit
    return " " + unit


def _nature_op(nature: str | None) -> str | None:
    if not nature:
        return None
    return _NATURE_OPS.get(unicodedata.normalize("NFKC", nature).strip())


def read_target(row: Indicator) -> Reading:
    """The 年度指标值 of ``row`` as a target (see the module doc)."""
    parsed = parse_value(row.annual or "")
    unit = parsed.unit or (row.unit or "").strip()
    op = _nature_op(row.nature) or parsed.op
    deadline = parsed.has_time and parsed.unit in _DATE_UNITS and op in ("=", QUALITATIVE)
    if op == QUALITATIVE or parsed.number is None or deadline:
        return Reading(row.annual or "", QUALITATIVE if parsed.op else "")
    if op == "range" and parsed.upper is None:
        op = "="
    upper = parsed.upper if op == "range" else None
    return Reading(row.annual or "", op, parsed.number, upper, unit)


def read_actual(text: str, target: Reading) -> Reading:
    """An actual (实际完成值 or 监控完成情况) read against ``target``."""
    parsed = parse_value(text)
    if parsed.number is None:
        return Reading(text, parsed.op)
    return Reading(text, parsed.op, parsed.number, None, parsed.unit or target.unit)


def in_target_unit(actual: Reading, target: Reading) -> Decimal | None:
    """The actual's number in the target's unit, or ``None`` when the units do not agree."""
    if actual.number is None:
        return None
    if actual.unit == target.unit or not target.unit:
        return actual.number
    actual_wan = to_wan(actual.number, actual.unit)
    one_target_unit = to_wan(Decimal(1), target.unit)
    if actual_wan is None or one_target_unit is None:
        return None
    return MONEY.divide(actual_wan, one_target_unit)
