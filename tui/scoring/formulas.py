"""The per-row formulas a profile names, each with the words that explain it.

A formula takes the actual ``a`` (in the target's unit), the target ``t`` (> 0)
and the weight ``w``, and returns the unrounded score — never below 0, never
above ``w`` — with what the explanation adds after the overshoot (``（达到 2 倍）``,
``，按 目标/实际 90.91%``), empty when there is nothing to add. All
arithmetic is exact ``Decimal`` in ``tui.parsing.money.MONEY``; the caller
rounds as the profile says.

* ``ratio`` (正向, both profiles): a ≥ t → w; otherwise a/t × w.
* ``linear_to_double`` (反向, pmkpi): a ≤ t → w; t < a < 2t → (1 − (a−t)/t) × w;
  a ≥ 2t → 0.
* ``inverse`` (反向, 2020 form): a ≤ t → w; otherwise w × t/a.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from tui.parsing.money import MONEY

Formula = Callable[[Decimal, Decimal, Decimal], tuple[Decimal, str]]
_HUNDRED = Decimal(100)
_PERCENT = Decimal("0.01")


def percent(ratio: Decimal) -> str:
    """A ratio as a percentage to two places, trailing zeros dropped: ``88.89%``, ``10%``."""
    value = MONEY.multiply(ratio, _HUNDRED).quantize(_PERCENT, rounding=ROUND_HALF_UP)
    text = format(value, "f").rstrip("0").rstrip(".")
    return f"{text}%"


def ratio(a: Decimal, t: Decimal, w: Decimal) -> tuple[Decimal, str]:
    """正向: the share of the target reached, capped at the weight."""
    if a >= t:
        return w, ""
    return MONEY.divide(MONEY.multiply(a, w), t), ""


def linear_to_double(a: Decimal, t: Decimal, w: Decimal) -> tuple[Decimal, str]:
    """反向 (pmkpi): lose the share by which the target is exceeded; nothing from 2×."""
    if a <= t:
        return w, ""
    double = MONEY.multiply(t, Decimal(2))
    if a >= double:
        return Decimal(0), "（达到目标的 2 倍）"
    return MONEY.divide(MONEY.multiply(MONEY.subtract(double, a), w), t), ""


def inverse(a: Decimal, t: Decimal, w: Decimal) -> tuple[Decimal, str]:
    """反向 (2020 form): weight × target/actual, capped at the weight."""
    if a <= t:
        return w, ""
    return MONEY.divide(MONEY.multiply(w, t), a), f"，按 目标/实际 {percent(MONEY.divide(t, a))}"


FORMULAS: dict[str, Formula] = {
    "ratio": ratio,
    "linear_to_double": linear_to_double,
    "inverse": inverse,
}
