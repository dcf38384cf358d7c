"""The rule engine: the registry, ``Problem`` and ``check_table``.

A rule is a function ``func(ctx) -> Iterable[Hit]`` registered with ``@rule``.
It receives a ``Context`` (the table plus data computed once per check) and
yields ``Hit``s: the field the problem concerns, optionally a more specific
message and related fields. The engine turns hits into ``Problem``s and sorts
them in document order. Everything about a rule is written next to its code::

    @rule(
        "F005", "error", "金额为负数", "negative amount",
        why="资金金额不可能为负（an amount of money cannot be negative）。",
        fires=[Example({"funding.medium.other": "-20.00"}, at="funding.medium.other")],
        passes=[Example({"funding.medium.other": "0"}, note="零不是负数（zero is fine）")],
    )
    def not_negative(ctx: Context) -> Iterator[Hit]:
        ...  # its docstring says what the rule checks (shown in docs/rules.md)

An ``Example`` is a clean base table (``tui/rules/base_tables/clean_2015.toml``,
or ``base="2021"``) with a few fields typed in, as a person types them in the
editor (``""`` blanks a field). Field paths: ``year``, ``project.period``,
``funding.annual.total``, ``goals.medium_period``; a row by its 三级 name in
the base table, ``资格认证率.medium``; ``+1.name``, ``+2.name`` … for rows
appended; a row name mapped to ``None`` deletes the row. ``at`` lists the fields the rule
must report, exactly (firing examples); passing examples have no ``at``, and
the rule must report nothing on them. ``docs/rules.md`` is generated from all
this by ``python -m tui.rules.docs > docs/rules.md`` and the examples run as
tests (``tests/test_rules_examples.py``). A new family of codes (a new letter)
is declared once with ``family(letter, title, intro)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from tui.fields import ROW_IGNORE
from tui.model import AMOUNT_KEYS, COLUMNS, GOAL_KEYS, HEADER_KEYS, ROW_KEYS, FieldRef, Table
from tui.rules.context import Context

SEVERITIES = ("error", "warning", "hint")  # worst first
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def worst_severity(severities: Iterable[str | None]) -> str | None:
    """The worst of ``severities`` (``None`` and ``""`` ignored), or ``None``."""
    found = [s for s in severities if s]
    return min(found, key=_SEVERITY_RANK.__getitem__) if found else None


@dataclass(frozen=True)
class Fix:
    """A quick fix: the new value of each field it changes, safe to apply without asking.

    ``changes`` holds ``(field ref, new value)`` pairs (``None`` blanks an optional
    field); ``zh``/``en`` say what it does (“改为“≥90%”” / “write ≥90%”).
    ``tui.fixing`` applies fixes to a table, an editing session or a file.
    """

    changes: tuple[tuple[FieldRef, Any], ...]
    zh: str = ""
    en: str = ""

    @property
    def message(self) -> str:
        """What the fix does: Chinese first, English in parentheses."""
        return f"{self.zh}（{self.en}）"


def set_to(ref: FieldRef, value: Any, zh: str = "", en: str = "") -> Fix:
    """A fix setting one field; the description defaults to the new value."""
    shown = "（空）" if value is None else str(value)
    return Fix(((ref, value),), zh or f"改为“{shown}”", en or f"write '{shown}'")


@dataclass(frozen=True)
class Problem:
    """One finding: rule code, severity, message, the field it concerns and its fix."""

    code: str
    severity: str
    zh: str
    en: str
    ref: FieldRef
    related: tuple[FieldRef, ...] = ()
    fix: Fix | None = None

    @property
    def message(self) -> str:
        """The one-line message: Chinese first, English gloss in parentheses."""
        return f"{self.zh}（{self.en}）"


class Hit(NamedTuple):
    """What a rule function yields; empty ``zh``/``en`` mean the rule's title.

    ``fix`` is the quick fix, for rules whose repair is safe and mechanical.
    """

    ref: FieldRef
    zh: str = ""
    en: str = ""
    related: tuple[FieldRef, ...] = ()
    fix: Fix | None = None


RuleFunc = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Example:
    """A base table with a few fields typed in, and where the rule reports on it.

    ``edits`` maps a field path (see the module docstring) to the text typed
    there, or a row's 三级 name to ``None`` to delete that row. ``at`` holds the
    paths the rule must report, exactly (a string for one); empty for a passing
    example. ``base`` names the clean table edited; ``note`` says in a few words
    what the example shows. ``fixed`` (firing examples of fixable rules) maps
    paths to the text they hold once the rule's fixes are applied (``None``:
    the field is blank). ``approved``, when given, makes the version the
    table was approved in (from git): the same base with those edits.
    """

    edits: Mapping[str, str | None]
    at: tuple[str, ...] | str = ()
    base: str = "2015"
    note: str = ""
    fixed: Mapping[str, str | None] = field(default_factory=dict)
    approved: Mapping[str, str | None] | None = None

    @property
    def reported_at(self) -> tuple[str, ...]:
        """``at`` as a tuple of paths."""
        return (self.at,) if isinstance(self.at, str) else tuple(self.at)


@dataclass(frozen=True)
class Family:
    """A letter of rule codes (``F`` …), its heading and the intro paragraph of its docs."""

    letter: str
    title: str
    intro: str = ""


FAMILIES: dict[str, Family] = {}


def family(letter: str, title: str, intro: str = "") -> Family:
    """Declare the family of codes starting with ``letter`` (once, in its checks module)."""
    if letter in FAMILIES:
        raise ValueError(f"duplicate rule family {letter}")
    FAMILIES[letter] = Family(letter, title, intro)
    return FAMILIES[letter]


@dataclass(frozen=True)
class Rule:
    """A registered rule: code, severity, title, rationale, examples and its function."""

    code: str
    severity: str
    title_zh: str
    title_en: str
    func: RuleFunc
    why: str = ""
    fires: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()

    @property
    def what(self) -> str:
        """What the rule checks: its function's docstring on one line."""
        return " ".join((self.func.__doc__ or "").split())

    @property
    def fixable(self) -> bool:
        """Whether the rule carries quick fixes (its firing examples show them)."""
        return any(e.fixed for e in self.fires)


RULES: list[Rule] = []


def rule(
    code: str,
    severity: str,
    title_zh: str,
    title_en: str,
    *,
    why: str,
    fires: Sequence[Example],
    passes: Sequence[Example],
) -> Callable[[RuleFunc], RuleFunc]:
    """Decorator registering ``func`` in ``RULES`` under ``code``, with its rationale
    (``why``, Chinese with the English) and at least one firing and one passing example."""
    if severity not in _SEVERITY_RANK:
        raise ValueError(f"unknown severity {severity!r}")
    if code[:1] not in FAMILIES:
        raise ValueError(f"{code}: declare its family with family({code[:1]!r}, ...) first")
    if not why or not fires or not passes:
        raise ValueError(f"{code}: a rule needs why=, fires= and passes=")
    if not all(e.reported_at for e in fires) or any(e.reported_at for e in passes):
        raise ValueError(f"{code}: firing examples need at=, passing ones have none")
    if any(e.fixed for e in passes):
        raise ValueError(f"{code}: only firing examples show a fix (fixed=)")

    def register(func: RuleFunc) -> RuleFunc:
        if any(r.code == code for r in RULES):
            raise ValueError(f"duplicate rule code {code}")
        if not func.__doc__:
            raise ValueError(f"{code}: the rule function needs a docstring (what it checks)")
        RULES.append(
            Rule(code, severity, title_zh, title_en, func, why, tuple(fires), tuple(passes))
        )
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


def problem_order(problem: Problem) -> tuple:
    """Where a problem sorts: document order of its field, then severity, then code."""
    return (_position(problem.ref), _SEVERITY_RANK[problem.severity], problem.code)


def run_rules(
    table: Table,
    rules: Iterable[Rule],
    settings: dict[str, Any] | None = None,
    approved: Table | None = None,
) -> Iterator[Problem]:
    """The problems ``rules`` find in ``table`` (with the folder ``settings`` and the
    ``approved`` version from git, if any), in rule order."""
    ctx = Context(table, settings, approved)
    for r in rules:
        for hit in r.func(ctx):
            yield Problem(
                code=r.code,
                severity=r.severity,
                zh=hit.zh or r.title_zh,
                en=hit.en or r.title_en,
                ref=hit.ref,
                related=hit.related,
                fix=hit.fix,
            )


def rule_by_code(code: str) -> Rule:
    """The registered rule ``code`` (``KeyError`` when there is none)."""
    for r in RULES:
        if r.code == code:
            return r
    raise KeyError(code)


def row_ignores(table: Table) -> dict[int, tuple[str, ...]]:
    """Row index → the codes its ``ignore`` key switches off (rows without one left out)."""
    key = ROW_IGNORE.key
    found = {}
    for index, row in enumerate(table.indicators):
        if key in row.extra:
            codes = code_patterns(row.extra[key])
            if codes:
                found[index] = codes
    return found


def suppressed(problem: Problem, ignores: Mapping[int, tuple[str, ...]]) -> bool:
    """Whether ``problem`` stands on a row whose ``ignore`` key names its code."""
    ref = problem.ref
    if len(ref) < 2 or ref[0] != "indicators" or ref[1] not in ignores:
        return False
    return matches(problem.code, ignores[ref[1]])


def check_table(
    table: Table,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    settings: dict[str, Any] | None = None,
    approved: Table | None = None,
) -> list[Problem]:
    """All problems, sorted in document order (header, funding, goals, then rows),
    errors first within a field.

    ``select`` (default: the file's ``[check] select``, else every rule) and
    ``ignore`` take rule codes or prefixes; the file's ``[check] ignore`` is
    always added to ``ignore``, and a row's own ``ignore`` key drops the
    problems reported on that row. ``settings`` are the folder's (``jixiao.toml``):
    the rules of the later stages read the scoring profile from them.
    ``approved`` is the table as it was approved, from git
    (``tui.history.approval``): rule A001 compares the targets with it.
    """
    own = table.check if isinstance(table.check, dict) else {}
    if select is None and "select" in own:
        select = code_patterns(own["select"])
    ignores = set(code_patterns(list(ignore or ()))) | set(code_patterns(own.get("ignore")))
    problems = list(run_rules(table, active_rules(select, ignores), settings, approved))
    per_row = row_ignores(table)
    if per_row:
        problems = [p for p in problems if not suppressed(p, per_row)]
    problems.sort(key=problem_order)
    return problems
