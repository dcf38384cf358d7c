"""The rule engine: the registry, ``Problem`` and ``check_table``.

A rule is a small function ``func(ctx) -> Iterable[Hit]`` registered with
``@rule(code, severity, title_zh, title_en)``. It receives a ``Context`` (the
table plus data computed once per check) and yields ``Hit``s: the field the
problem concerns, optionally a more specific message and related fields. The
engine turns hits into ``Problem``s and sorts them in document order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from tui.model import AMOUNT_KEYS, COLUMNS, GOAL_KEYS, HEADER_KEYS, ROW_KEYS, FieldRef, Table
from tui.rules.context import Context

SEVERITIES = ("error", "warning", "hint")  # worst first
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def worst_severity(severities: Iterable[str | None]) -> str | None:
    """The worst of ``severities`` (``None`` and ``""`` ignored), or ``None``."""
    found = [s for s in severities if s]
    return min(found, key=_SEVERITY_RANK.__getitem__) if found else None


@dataclass(frozen=True)
class Problem:
    """One finding: rule code, severity, message and the field it concerns."""

    code: str
    severity: str
    zh: str
    en: str
    ref: FieldRef
    related: tuple[FieldRef, ...] = ()

    @property
    def message(self) -> str:
        """The one-line message: Chinese first, English gloss in parentheses."""
        return f"{self.zh}（{self.en}）"


class Hit(NamedTuple):
    """What a rule function yields; empty ``zh``/``en`` mean the rule's title."""

    ref: FieldRef
    zh: str = ""
    en: str = ""
    related: tuple[FieldRef, ...] = ()


RuleFunc = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: stable code, severity, title and the function that checks."""

    code: str
    severity: str
    title_zh: str
    title_en: str
    func: RuleFunc


RULES: list[Rule] = []


def rule(code: str, severity: str, title_zh: str, title_en: str) -> Callable[[RuleFunc], RuleFunc]:
    """Decorator registering ``func`` in ``RULES`` under ``code``."""
    if severity not in _SEVERITY_RANK:
        raise ValueError(f"unknown severity {severity!r}")

    def register(func: RuleFunc) -> RuleFunc:
        if any(r.code == code for r in RULES):
            raise ValueError(f"duplicate rule code {code}")
        RULES.append(Rule(code, severity, title_zh, title_en, func))
        return func

    return register


def code_patterns(value: object) -> tuple[str, ...]:
    """Rule-code patterns from a list, a comma-separated string or junk (→ ``()``)."""
    if isinstance(value, str):
        items: Iterable[object] = value.split(",")
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = value
    else:
        return ()
    return tuple(sorted({s.strip().upper() for s in items if isinstance(s, str) and s.strip()}))


def matches(code: str, patterns: Iterable[str]) -> bool:
    """Whether ``code`` is named by one of ``patterns`` (prefixes such as ``F``; ``ALL``)."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)


@lru_cache(maxsize=256)
def _active(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(
        r
        for r in RULES
        if (select is None or matches(r.code, select)) and not matches(r.code, ignore)
    )


def active_rules(select: Iterable[str] | None, ignore: Iterable[str] | None) -> tuple[Rule, ...]:
    """The registered rules that ``select`` (``None`` = all) and ``ignore`` leave on."""
    chosen = None if select is None else code_patterns(list(select))
    return _active(chosen, code_patterns(list(ignore or ())))


_TOP = ("format", "year", "framework")
_SECTIONS = {"project": HEADER_KEYS, "goals": GOAL_KEYS}
_SECTION_RANK = {"format": 0, "year": 0, "framework": 0, "project": 1, "funding": 2, "goals": 3}


def _position(ref: FieldRef) -> tuple:
    head = ref[0] if ref else ""
    rank = _SECTION_RANK.get(head, 4)
    rest = ref[1:]
    if head in _TOP:
        return (rank, _TOP.index(head))
    if head in _SECTIONS:
        keys = _SECTIONS[head]
        return (rank, keys.index(rest[0]) if rest and rest[0] in keys else len(keys))
    if head == "funding" and len(rest) == 2:
        return (rank, COLUMNS.index(rest[0]), AMOUNT_KEYS.index(rest[1]))
    if head == "indicators" and rest:
        key = rest[1] if len(rest) > 1 else ""
        return (rank, rest[0], ROW_KEYS.index(key) if key in ROW_KEYS else -1)
    return (rank,)


def _sort_key(problem: Problem) -> tuple:
    return (_position(problem.ref), _SEVERITY_RANK[problem.severity], problem.code)


def run_rules(
    table: Table, rules: Iterable[Rule], settings: dict[str, Any] | None = None
) -> Iterator[Problem]:
    """The problems ``rules`` find in ``table`` (with the folder ``settings``), in rule order."""
    ctx = Context(table, settings)
    for r in rules:
        for hit in r.func(ctx):
            yield Problem(
                code=r.code,
                severity=r.severity,
                zh=hit.zh or r.title_zh,
                en=hit.en or r.title_en,
                ref=hit.ref,
                related=hit.related,
            )


def check_table(
    table: Table,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    settings: dict[str, Any] | None = None,
) -> list[Problem]:
    """All problems, sorted in document order (header, funding, goals, then rows),
    errors first within a field.

    ``select`` (default: the file's ``[check] select``, else every rule) and
    ``ignore`` take rule codes or prefixes; the file's ``[check] ignore`` is
    always added to ``ignore``. ``settings`` are the folder's (``jixiao.toml``):
    the rules of the later stages read the scoring profile from them.
    """
    own = table.check if isinstance(table.check, dict) else {}
    if select is None and "select" in own:
        select = code_patterns(own["select"])
    ignores = set(code_patterns(list(ignore or ()))) | set(code_patterns(own.get("ignore")))
    problems = list(run_rules(table, active_rules(select, ignores), settings))
    problems.sort(key=_sort_key)
    return problems
