"""Per-check data shared by the rules: canonical labels, parsed values, name index.

Built once per ``check_table`` call; parsing is cached across calls, so a
keystroke re-parses only the text that changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from tui.frameworks import Framework, canonical_label, get_framework
from tui.model import Amounts, FieldRef, Indicator, Table
from tui.parsing.indicator_value import TEXT_CACHE_SIZE, ParsedValue, parse_value
from tui.parsing.money import finite
from tui.parsing.period import parse_period

T = TypeVar("T")
_SPACE = re.compile(r"\s+")

# Canonical 二级 → the kind of indicator it holds.
KINDS = {
    "数量指标": "quantity",
    "质量指标": "quality",
    "时效指标": "time",
    "成本指标": "cost",
    "经济成本指标": "cost",
    "服务对象满意度指标": "satisfaction",
}


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def compact(text: str) -> str:
    """``text`` with all whitespace removed (how names and values are compared)."""
    return _SPACE.sub("", text)


_canonical = lru_cache(maxsize=1024)(canonical_label)


@dataclass
class RowInfo:
    """One indicator row with its canonical labels and parsed values."""

    index: int
    row: Indicator
    level1: str  # canonical 一级
    level2: str  # canonical 二级
    kind: str | None
    names: dict[str, str]  # column → compact 三级 name
    values: dict[str, str]  # column → compact 指标值
    parsed: dict[str, ParsedValue]

    def name_ref(self, column: str) -> FieldRef:
        """The field holding this row's 三级 name in ``column``."""
        if column == "annual" and self.row.annual_name is not None:
            return ("indicators", self.index, "annual_name")
        return ("indicators", self.index, "name")

    def value_ref(self, column: str) -> FieldRef:
        """The field holding this row's value in ``column``."""
        return ("indicators", self.index, column)

    def raw_name(self, column: str) -> str:
        """The 三级 name of ``column`` as typed ("" when not text)."""
        raw = self.row.effective_annual_name if column == "annual" else self.row.name
        return raw if isinstance(raw, str) else ""

    def raw_value(self, column: str) -> str:
        """The value of ``column`` as typed ("" when not text)."""
        return _text(getattr(self.row, column))

    @property
    def blank(self) -> bool:
        """Whether name and both values are empty."""
        return not (self.names["medium"] or self.values["medium"] or self.values["annual"])


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _row_info(index: int, row: Indicator) -> RowInfo:
    level2 = _canonical(_text(row.level2), 2)
    medium_name = compact(_text(row.name))
    annual_raw = row.annual_name
    annual_name = medium_name if annual_raw is None else compact(_text(annual_raw))
    medium, annual = _text(row.medium), _text(row.annual)
    return RowInfo(
        index=index,
        row=row,
        level1=_canonical(_text(row.level1), 1),
        level2=level2,
        kind=KINDS.get(level2),
        names={"medium": medium_name, "annual": annual_name},
        values={"medium": compact(medium), "annual": compact(annual)},
        parsed={"medium": parse_value(medium), "annual": parse_value(annual)},
    )


class Context:
    """What every rule needs about one table, computed once per check."""

    def __init__(
        self, table: Table, settings: dict[str, Any] | None = None, approved: Table | None = None
    ) -> None:
        self.table = table
        self.settings = settings or {}  # the folder's jixiao.toml (e.g. the scoring profile)
        self.approved = approved  # the version in git where the table was approved (rule A001)
        self.framework: Framework = get_framework(table.framework)
        self.rows = [_row_info(i, row) for i, row in enumerate(table.indicators)]
        self._memo: dict[str, Any] = {}

    def amounts(self, column: str) -> Amounts:
        """The funding column ``"medium"`` or ``"annual"``."""
        return self.table.funding.column(column)

    def amount(self, column: str, key: str) -> Decimal | None:
        """A finite funding amount, or ``None`` when blank (or not a finite number)."""
        return finite(getattr(self.amounts(column), key, None))

    @cached_property
    def name_index(self) -> dict[str, list[tuple[int, str]]]:
        """Compact 三级 name → ``(row, column)`` pairs where it stands, both columns."""
        index: dict[str, list[tuple[int, str]]] = {}
        for info in self.rows:
            for column, name in info.names.items():
                if name and (column == "medium" or info.row.annual_name is not None):
                    index.setdefault(name, []).append((info.index, column))
        return index

    @cached_property
    def medium_span(self) -> tuple[int | None, int | None]:
        """(years, last year) of the 中期 period — 中期目标期间, else 项目期; ``None`` unknown."""
        for text in (self.table.goals.medium_period, self.table.header.period):
            period = parse_period(text.strip()) if isinstance(text, str) else None
            if period is not None:
                return period.years, period.end
        return None, None

    @property
    def multi_year(self) -> bool:
        """Whether the 中期 column covers more than one year (assumed when unknown)."""
        years = self.medium_span[0]
        return years is None or years > 1

    def memo(self, key: str, compute: Callable[[Context], T]) -> T:
        """``compute(self)``, run once per check and shared by the rules that need it."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]
