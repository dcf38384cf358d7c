"""One indicator row as the rules read it: canonical labels, compact names, parsed values.

A ``RowInfo`` depends only on what its row holds and where it stands, so
``tui.rules.rowcache`` keeps it across checks: after a keystroke only the row
typed in gets a new one. Besides the values every rule reads, it holds the
row's *facts*: small results that a rule across rows needs of each row,
computed once per row content by functions registered with ``row_fact`` next
to the rule that reads them (``Context.with_fact`` lists the rows having one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from tui.frameworks import canonical_label
from tui.model import FieldRef, Indicator, Monitoring
from tui.parsing.indicator_value import TEXT_CACHE_SIZE, ParsedValue, parse_value

_SPACE = re.compile(r"\s+")
T = TypeVar("T")

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


@lru_cache(maxsize=1024)
def _canonical1(label: str) -> str:
    return canonical_label(label, 1)


@lru_cache(maxsize=1024)
def _canonical2(label: str) -> str:
    return canonical_label(label, 2)


RowFact = Callable[["RowInfo"], Any]
FACTS: list[RowFact] = []


def row_fact(func: RowFact) -> RowFact:
    """Register ``func(info)``: what a rule across rows needs of one row, ``None`` when
    the row has nothing for it. It runs once per row content; ``Context.with_fact(func)``
    gives the rows where it is not ``None``, with its value."""
    FACTS.append(func)
    return func


@dataclass(eq=False, slots=True)
class RowInfo:
    """One indicator row with its canonical labels, parsed values and facts.

    ``key`` is the row's content (``tui.rules.rowcache.content_key``), ``None``
    for a row holding keys unknown to the schema (never cached). ``found``
    keeps the problems the per-row rules found in it: ``(token, problems)``,
    replaced as a whole (``tui.rules.engine``).
    """

    index: int
    row: Indicator
    key: tuple | None
    level1: str  # canonical 一级
    level2: str  # canonical 二级
    kind: str | None
    names: dict[str, str]  # column → compact 三级 name
    values: dict[str, str]  # column → compact 指标值
    parsed: dict[str, ParsedValue]
    typed_level1: str  # 一级 as typed ("" when not text)
    typed_level2: str  # 二级 as typed ("" when not text)
    annual_named: bool  # the 年度 column has a 三级 name of its own
    labels: tuple  # what the rules on labels read of this row, exactly (Context.by_labels)
    facts: tuple[tuple[RowFact, Any], ...] = ()
    found: tuple[Any, list] | None = None
    kept: dict[str, Any] = field(default_factory=dict)  # memo()

    def name_ref(self, column: str) -> FieldRef:
        """The field holding this row's 三级 name in ``column``."""
        if column == "annual" and self.annual_named:
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

    def memo(self, name: str, compute: Callable[[RowInfo], T]) -> T:
        """``compute(self)``, run once per row content and shared by the rules that need it."""
        if name not in self.kept:
            self.kept[name] = compute(self)
        result: T = self.kept[name]
        return result

    def moved(self, row: Indicator) -> RowInfo:
        """This information for another row object holding the same content."""
        return replace(self, row=row)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


_PLAIN = frozenset({str, type(None)})
_CONTENT = tuple(f.name for f in fields(Indicator) if f.name not in ("uid", "monitoring", "extra"))
_ROW_FIELDS = attrgetter(*_CONTENT)
_MONTH_FIELDS = attrgetter(*(f.name for f in fields(Monitoring) if f.name != "extra"))
_LABEL_FIELDS = ("level1", "level2", "name", "annual_name")  # what the rules on labels read
_LABELS = attrgetter(*_LABEL_FIELDS)
_LABELS_IN_KEY = itemgetter(*(_CONTENT.index(name) for name in _LABEL_FIELDS))


def exact(values: tuple) -> tuple:
    """``values`` as a key equal only to the same values written the same way: texts and
    blanks as they are, anything else with its type and ``repr`` (``1.0`` ≠ ``1.00``)."""
    if _PLAIN.issuperset(map(type, values)):
        return values
    return tuple(v if v is None or type(v) is str else (type(v), repr(v)) for v in values)


def content_key(row: Indicator) -> tuple | None:
    """Everything ``row`` holds, as a key equal only for rows holding exactly the same —
    texts, numbers as written, monitoring months in their order — or ``None`` for a row
    holding keys unknown to the schema (a row's ``ignore``, a merge conflict record)."""
    if row.extra:
        return None
    key = exact(_ROW_FIELDS(row))
    if row.monitoring:
        months = []
        for month, entry in row.monitoring.items():
            if entry.extra or type(month) is not int:
                return None
            months.append((month, exact(_MONTH_FIELDS(entry))))
        key += (tuple(months),)
    return key


def row_info(index: int, row: Indicator, key: tuple | None) -> RowInfo:
    """The ``RowInfo`` of ``row`` standing at ``index`` (``key``: its content key)."""
    level1, level2, name = _text(row.level1), _text(row.level2), _text(row.name)
    canonical2 = _canonical2(level2)
    medium_name = compact(name)
    annual_raw = row.annual_name
    annual_name = medium_name if annual_raw is None else compact(_text(annual_raw))
    medium, annual = _text(row.medium), _text(row.annual)
    info = RowInfo(
        index,
        row,
        key,
        _canonical1(level1),
        canonical2,
        KINDS.get(canonical2),
        {"medium": medium_name, "annual": annual_name},
        {"medium": compact(medium), "annual": compact(annual)},
        {"medium": parse_value(medium), "annual": parse_value(annual)},
        level1,
        level2,
        annual_raw is not None,
        exact(_LABELS(row)) if key is None else _LABELS_IN_KEY(key),
    )
    facts = []
    for fact in FACTS:
        value = fact(info)
        if value is not None:
            facts.append((fact, value))
    info.facts = tuple(facts)
    return info
