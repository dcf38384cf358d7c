"""Money in 万元: parsing what people type, and the one place sums and differences are computed.

All arithmetic uses ``MONEY``, a ``Decimal`` context exact enough for any
amount a file may hold and never raising on overflow, so the rules, the
editor's ctrl+g and the funding panel always agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import MAX_EMAX, MIN_EMIN, Decimal, InvalidOperation
from decimal import Context as DecimalContext

MONEY = DecimalContext(prec=80, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])

# How many 万元 one of each money unit is.
UNIT_IN_WAN = {
    "万元": Decimal(1),
    "亿元": Decimal(10000),
    "千元": Decimal("0.1"),
    "元": Decimal("0.0001"),
}

MAX_MONEY = Decimal(10) ** 16  # 万元: beyond any budget; a file or an input past it is refused
MAX_DIGITS = 40  # digits of a number written out (no exponent): past it a file is refused
_MONEY_TEXT = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)$")
_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d*)?$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－，", "0123456789.-,")


def parse_money(text: str) -> Decimal | None:
    """Parse a money input in 万元: blank → ``None``; a bad number raises ``ValueError``.

    Full-width digits, thousands separators (``1,234.50``) and a trailing 万元 are
    accepted; any other comma makes the text invalid (never silently dropped); the
    digits are kept as typed (``103.00`` stays ``103.00``). An amount of
    ``MAX_MONEY`` or more, or of more than ``MAX_DIGITS`` digits, is invalid: a file
    holding it would be refused.
    """
    cleaned = text.strip().translate(_FULLWIDTH).removesuffix("万元").strip()
    if not cleaned:
        return None
    if "," in cleaned:  # only as thousands separators: 1,234.50 (12,34 is not a number)
        if not _THOUSANDS.match(cleaned):
            raise ValueError(text)
        cleaned = cleaned.replace(",", "")
    if not _MONEY_TEXT.match(cleaned):
        raise ValueError(text)
    if cleaned.endswith("."):
        cleaned = cleaned[:-1]
    if cleaned.startswith("."):
        cleaned = "0" + cleaned
    if cleaned.startswith("-."):
        cleaned = "-0" + cleaned[1:]
    if len(cleaned.lstrip("-").replace(".", "")) > MAX_DIGITS:
        raise ValueError(text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if abs(value) >= MAX_MONEY:
        raise ValueError(text)
    return value


def finite(value: object) -> Decimal | None:
    """``value`` if it is a finite ``Decimal`` (or int), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def sum_of_parts(fiscal: Decimal | None, other: Decimal | None) -> Decimal | None:
    """财政拨款 + 其他资金 (a blank part counts as 0); ``None`` when both are blank."""
    fiscal, other = finite(fiscal), finite(other)
    if fiscal is None and other is None:
        return None
    return MONEY.add(fiscal or Decimal(0), other or Decimal(0))


def total_of(amounts: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of the amounts that are filled in; ``None`` when none is."""
    total: Decimal | None = None
    for amount in amounts:
        value = finite(amount)
        if value is not None:
            total = value if total is None else MONEY.add(total, value)
    return total


def total_difference(
    total: Decimal | None, fiscal: Decimal | None, other: Decimal | None
) -> Decimal | None:
    """资金总额 − (财政拨款 + 其他资金), or ``None`` when there is nothing to compare."""
    parts = sum_of_parts(fiscal, other)
    total = finite(total)
    if total is None or parts is None:
        return None
    return MONEY.subtract(total, parts)


def to_wan(amount: Decimal, unit: str) -> Decimal | None:
    """``amount`` written in ``unit`` (元, 千元, 万元, 亿元) in 万元; ``None`` for another unit."""
    factor = UNIT_IN_WAN.get(unit)
    return None if factor is None else MONEY.multiply(amount, factor)


def tidy(value: Decimal) -> Decimal:
    """``value`` without the zeros a unit conversion leaves past the second decimal place:
    ``77132.580000`` → ``77132.58``, ``330.984000`` → ``330.984``, ``0.0000`` → ``0.00``."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return value
    while exponent < -2 and value == value.quantize(Decimal(1).scaleb(exponent + 1), context=MONEY):
        exponent += 1
    return value.quantize(Decimal(1).scaleb(exponent), context=MONEY)


def extra_decimals(value: Decimal) -> bool:
    """Whether ``value`` has non-zero digits beyond the second decimal place."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= -2:
        return False
    tail = -exponent - 2
    return any(digits[-tail:])
