"""Per-check data shared by the rules: the rows as read, the facts rules need of them,
results on labels kept while the labels stay, data computed once per check.

A rule sees the table through a ``Context``. Three kinds of rule code read it
(``tui.rules.engine`` explains how each is registered):

* a rule on the whole table reads anything, and runs at every check; what it
  needs of each row it takes from the rows' facts (``with_fact``) rather than
  by reading every row again;
* a per-row rule reads one ``RowInfo`` and the ``RowEnv`` — what a row may know
  of its table — and its problems are kept with the row while both stay;
* a computation on labels (``by_labels``) reads only a ``Labels`` view — the
  framework and each row's labels and names — and its result is kept while those
  stay (``tui.rules.rowcache``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cached_property
from typing import Any, NamedTuple, Protocol, TypeVar

from tui.frameworks import Framework, get_framework
from tui.model import Amounts, FieldRef, Table
from tui.parsing.money import finite
from tui.parsing.period import parse_period
from tui.rules.rowcache import labels_slot, row_infos
from tui.rules.rowinfo import KINDS, RowFact, RowInfo, compact

__all__ = ["KINDS", "Context", "Labels", "RowEnv", "RowInfo", "RowLabels", "compact"]

T = TypeVar("T")


class RowEnv(NamedTuple):
    """What a per-row rule may know of its table besides the row: whether the 中期
    column covers several years, its last year (``None`` when unknown), and whether
    the table fills the 中期 column at all."""

    multi_year: bool
    last_year: int | None
    medium_used: bool


class RowLabels(Protocol):
    """What a computation on labels may read of one row."""

    @property
    def index(self) -> int: ...
    @property
    def level1(self) -> str: ...  # canonical
    @property
    def level2(self) -> str: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def names(self) -> dict[str, str]: ...  # column → compact 三级 name
    @property
    def typed_level1(self) -> str: ...
    @property
    def typed_level2(self) -> str: ...
    @property
    def annual_named(self) -> bool: ...
    def name_ref(self, column: str) -> FieldRef: ...


class Labels(Protocol):
    """What a computation on labels may read of the table: the framework and its rows'
    labels and names (``Context.by_labels``)."""

    @property
    def framework(self) -> Framework: ...
    @property
    def rows(self) -> Sequence[RowLabels]: ...
    @property
    def name_index(self) -> dict[str, list[tuple[int, str]]]: ...


def short(text: str, limit: int = 20) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name_index(labels: Labels) -> dict[str, list[tuple[int, str]]]:
    index: dict[str, list[tuple[int, str]]] = {}
    for info in labels.rows:
        for column, name in info.names.items():
            if name and (column == "medium" or info.annual_named):
                index.setdefault(name, []).append((info.index, column))
    return index


class Context:
    """What every rule needs about one table, computed once per check."""

    def __init__(
        self,
        table: Table,
        settings: dict[str, Any] | None = None,
        approved: Table | None = None,
        keep: bool = True,
    ) -> None:
        self.table = table
        self.settings = settings or {}  # the folder's jixiao.toml (e.g. the scoring profile)
        self.approved = approved  # the version in git where the table was approved (rule A001)
        self.keep = keep  # whether what is found on rows and labels is kept for the next check
        self.framework: Framework = get_framework(table.framework)
        self.rows: list[RowInfo] = row_infos(table.indicators, keep)
        self._memo: dict[str, Any] = {}

    def amounts(self, column: str) -> Amounts:
        """The funding column ``"medium"`` or ``"annual"``."""
        return self.table.funding.column(column)

    def amount(self, column: str, key: str) -> Decimal | None:
        """A finite funding amount, or ``None`` when blank (or not a finite number)."""
        return finite(getattr(self.amounts(column), key, None))

    @cached_property
    def unkeyed(self) -> list[RowInfo]:
        """The rows holding keys unknown to the schema (a row's ``ignore``, a merge conflict
        record): they alone have no content key (``tui.rules.rowcache.content_key``)."""
        return [info for info in self.rows if info.key is None]

    @cached_property
    def name_index(self) -> dict[str, list[tuple[int, str]]]:
        """Compact 三级 name → ``(row, column)`` pairs where it stands, both columns."""
        return self.by_labels("name_index", _name_index)

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

    @cached_property
    def env(self) -> RowEnv:
        """What the per-row rules know of this table."""
        return RowEnv(self.multi_year, self.medium_span[1], self.column_used("medium"))

    def column_used(self, column: str) -> bool:
        """Whether the table fills ``column`` anywhere: an amount or a row's value (looked
        at once per check: the row rules' env and G003 both ask)."""
        return self.memo(f"column_used:{column}", lambda ctx: _column_used(ctx.table, column))

    def memo(self, key: str, compute: Callable[[Context], T]) -> T:
        """``compute(self)``, run once per check and shared by the rules that need it."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    @cached_property
    def _labels(self) -> dict[str, Any]:
        if not self.keep:
            return {}
        return labels_slot((self.framework.code, tuple(info.labels for info in self.rows)))

    def by_labels(self, name: str, compute: Callable[[Labels], T]) -> T:
        """``compute(self)`` for a computation that reads only labels (see ``Labels``),
        kept under ``name`` while the framework and every row's labels and names stay."""
        slot = self._labels
        if name not in slot:
            slot[name] = compute(self)
        result: T = slot[name]
        return result

    @cached_property
    def _facts(self) -> dict[RowFact, list[tuple[RowInfo, Any]]]:
        found: dict[RowFact, list[tuple[RowInfo, Any]]] = {}
        for info in self.rows:
            for fact, value in info.facts:
                found.setdefault(fact, []).append((info, value))
        return found

    def with_fact(self, fact: RowFact) -> list[tuple[RowInfo, Any]]:
        """The rows (in order) for which ``fact`` (a ``row_fact``) is not ``None``, each with
        its value."""
        return self._facts.get(fact, [])


def _column_used(table: Table, column: str) -> bool:
    amounts = table.funding.column(column)
    if any(value is not None for value in (amounts.total, amounts.fiscal, amounts.other)):
        return True
    return any(getattr(row, column) for row in table.indicators)
