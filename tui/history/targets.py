"""Which changes touch a target, and which lower one.

A *lowered* target is a 指标值 that asks for less than before, read by
``tui.parsing.indicator_value.parse_value``: ``≥90%`` → ``≥85%``, ``704人`` →
``600人``, a ceiling raised (``≤30万元`` → ``≤40万元``; 成本 rows and 时效
deadlines count a higher number as less demanding), a number replaced by words
(``≥90%`` → ``较高``) or by nothing. Values whose units cannot be compared
(``90%`` → ``90人``) are never called lowered.

*Target cells* are what an approval fixes: a row's names, values, nature, unit
and weight, the goals, and whether a row exists at all.
"""

from __future__ import annotations

from decimal import Decimal

from tui.frameworks import canonical_label
from tui.model import Indicator
from tui.parsing.indicator_value import ParsedValue, parse_value
from tui.rules.context import KINDS

VALUE_KEYS = ("medium", "annual")
ROW_TARGET_KEYS = (
    *("level1", "level2", "name", "annual_name"),
    *("medium", "annual", "nature", "unit", "weight"),
)
GOAL_TARGET_KEYS = ("medium_period", "medium", "annual")
_CEILINGS = ("≤", "<")
_FLOORS = ("≥", ">", "=", "range")


def row_kind(row: Indicator) -> str | None:
    """The kind of a row from its 二级: ``"quantity"``, ``"cost"``, ``"time"`` …"""
    return KINDS.get(canonical_label(row.level2 if isinstance(row.level2, str) else "", 2))


def _direction(parsed: ParsedValue, kind: str | None) -> int:
    """+1 when a higher number asks for more, -1 when a lower one does, 0 when unclear."""
    if parsed.op in _CEILINGS:
        return -1
    if parsed.op not in _FLOORS:
        return 0
    if kind == "cost" or (kind == "time" and parsed.unit != "%" and parsed.op == "="):
        return -1
    return 1


def _bound(parsed: ParsedValue, direction: int) -> Decimal | None:
    if parsed.amount_wan is not None:
        return parsed.amount_wan
    if direction < 0 and parsed.upper is not None:
        return parsed.upper
    return parsed.number


def lowers_target(old: object, new: object, kind: str | None = None) -> bool:
    """Whether the 指标值 ``new`` asks for less than ``old`` (see the module doc)."""
    before = parse_value(old if isinstance(old, str) else "")
    after = parse_value(new if isinstance(new, str) else "")
    if not before.quantitative:
        return False
    if not after.quantitative:
        return True
    direction = _direction(before, kind)
    if direction == 0 or _direction(after, kind) != direction:
        return False
    money = before.amount_wan is not None and after.amount_wan is not None
    if not money and before.unit != after.unit:
        return False
    old_bound, new_bound = _bound(before, direction), _bound(after, direction)
    if old_bound is None or new_bound is None:
        return False
    return new_bound < old_bound if direction > 0 else new_bound > old_bound
