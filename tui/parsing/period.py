"""Reading a 项目期 (or the years of 中期目标) in the forms real tables use.

``2021至2023``, ``2021-2023``, ``2021年—2023年``, ``202001-202012``,
``2023.07-2024.01``, ``2023年4月-2024年2月``, ``2021`` / ``2021年度`` (one year),
``3年`` / ``三年`` (a length only).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_DATE = re.compile(r"(?<!\d)(\d{4})(?:年度?)?(?:(?:[./]|年)?(\d{1,2})(?!\d)月?)?")
_LENGTH = re.compile(r"^(?:共|为期)?(\d{1,3}|[一二三四五六七八九十两]{1,2})年(?:期)?$")
_LEFTOVER = re.compile(r"[\s\-~—–至到()（）年度月./]")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


@dataclass(frozen=True, slots=True)
class Period:
    """A span of years (months kept when given); ``start``/``end`` are ``None`` for ``3年``."""

    start: int | None
    end: int | None
    years: int
    start_month: int | None = None
    end_month: int | None = None

    @property
    def dates(self) -> tuple[int, int] | None:
        """``(start, end)`` years, or ``None`` for a length only (``3年``)."""
        if self.start is None or self.end is None:
            return None
        return (self.start, self.end)

    @property
    def reversed(self) -> bool:
        """Whether the end comes before the start."""
        if self.start is None or self.end is None:
            return False
        return (self.end, self.end_month or 12) < (self.start, self.start_month or 1)

    def contains_year(self, year: int) -> bool:
        """Whether budget year ``year`` falls inside the period (``True`` when unknown)."""
        if self.start is None or self.end is None:
            return True
        return self.start <= year <= self.end


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if text.endswith("十"):
        return 10 * _CN_DIGITS[text[0]]
    return _CN_DIGITS[text[0]]


def _month(raw: str | None) -> int | None:
    if raw is None:
        return None
    month = int(raw)
    return month if 1 <= month <= 12 else None


@lru_cache(maxsize=1024)
def parse_period(text: str) -> Period | None:
    """The period ``text`` states, or ``None`` when it is empty or not recognised."""
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        return None
    length = _LENGTH.match(norm)
    if length:
        years = _cn_number(length.group(1))
        return Period(None, None, years) if years > 0 else None
    dates = list(_DATE.finditer(norm))
    if not 1 <= len(dates) <= 2:
        return None
    rest = _LEFTOVER.sub("", _DATE.sub("", norm))
    if rest:
        return None
    first, last = dates[0], dates[-1]
    start, end = int(first.group(1)), int(last.group(1))
    return Period(
        start=start,
        end=end,
        years=end - start + 1,
        start_month=_month(first.group(2)),
        end_month=_month(last.group(2)),
    )
