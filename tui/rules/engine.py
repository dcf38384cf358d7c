"""The rule engine: the registry, ``Problem`` and ``check_table``.

A rule is registered with ``@rule`` and yields ``Hit``s: the field the problem
concerns, optionally a more specific message and related fields. The engine
turns hits into ``Problem``s and sorts them in document order. A rule is one of:

* a rule on the table, ``func(ctx) -> Iterable[Hit]``: it receives a ``Context``
  (the table plus data computed once per check, see ``tui.rules.context``) and
  runs at every check;
* a per-row rule (``per_row=True``), ``func(rows, env) -> Iterable[Hit]``: it
  receives rows (``RowInfo``) and the ``RowEnv`` — what a row may know of its
  table — and reports on each of those rows from that row alone. The engine
  keeps each row's problems with the row and runs such rules again only on the
  rows whose content changed (``tui.rules.rowcache``): that keeps a keystroke
  cheap, and gives exactly what a check from scratch gives;
* a rule on labels (``on_labels=True``), ``func(labels) -> Iterable[Hit]``: it
  reads only the framework and each row's labels and names (``Labels``), and its
  problems are kept while those stay — typing a value does not run it again;
* both a rule on the table and a per-row one: ``rows=row_func`` (e.g. a rule on
  every text, in the goals and in each row).

Everything about a rule is written next to its code::

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
from functools import lru_cache, partial
from operator import itemgetter
from typing import Any

from tui.fields import ROW_IGNORE
from tui.model import Table
from tui.rules.context import Context, RowEnv, RowInfo
from tui.rules.problems import (
    SEVERITIES,
    SEVERITY_RANK,
    Fix,
    Hit,
    Problem,
    problem_order,
    set_to,
    worst_severity,
)

__all__ = [
    "RULES",
    "SEVERITIES",
    "Example",
    "Fix",
    "Hit",
    "Problem",
    "Rule",
    "check_table",
    "family",
    "problem_order",
    "rule",
    "run_rules",
    "set_to",
    "worst_severity",
]

RuleFunc = Callable[[Context], Iterable[Hit]]
RowFunc = Callable[[Sequence[RowInfo], RowEnv], Iterable[Hit]]


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


@dataclass(frozen=True, eq=False)
class Rule:
    """A registered rule: code, severity, title, rationale, examples and its functions —
    the part on the table (``func``), the part run on each row (``row_func``), or both."""

    code: str
    severity: str
    title_zh: str
    title_en: str
    func: RuleFunc | None
    why: str = ""
    fires: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    row_func: RowFunc | None = None
    on_labels: bool = False  # ``func`` reads only a ``Labels`` view: its problems are kept

    @property
    def what(self) -> str:
        """What the rule checks: its (documented) function's docstring on one line."""
        documented: Any = self.func or self.row_func
        return " ".join((documented.__doc__ or "").split())

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
    per_row: bool = False,
    rows: RowFunc | None = None,
    on_labels: bool = False,
) -> Callable[[Any], Any]:
    """Decorator registering ``func`` in ``RULES`` under ``code``, with its rationale
    (``why``, Chinese with the English) and at least one firing and one passing example.

    ``func(ctx)`` is a rule on the table, ``rows`` its part run on each row if it has
    one; with ``per_row`` the rule is ``func(rows, env)``, run on rows only; with
    ``on_labels`` it is ``func(labels)``, reading only labels (``Labels``).
    """
    if severity not in SEVERITY_RANK:
        raise ValueError(f"unknown severity {severity!r}")
    if code[:1] not in FAMILIES:
        raise ValueError(f"{code}: declare its family with family({code[:1]!r}, ...) first")
    if not why or not fires or not passes:
        raise ValueError(f"{code}: a rule needs why=, fires= and passes=")
    if not all(e.reported_at for e in fires) or any(e.reported_at for e in passes):
        raise ValueError(f"{code}: firing examples need at=, passing ones have none")
    if any(e.fixed for e in passes):
        raise ValueError(f"{code}: only firing examples show a fix (fixed=)")
    if per_row and (rows is not None or on_labels):
        raise ValueError(f"{code}: a per-row rule has no other part (rows=, on_labels=)")

    def register(func: Any) -> Any:
        if any(r.code == code for r in RULES):
            raise ValueError(f"duplicate rule code {code}")
        if not func.__doc__:
            raise ValueError(f"{code}: the rule function needs a docstring (what it checks)")
        on_table, on_rows = (None, func) if per_row else (func, rows)
        about = (why, tuple(fires), tuple(passes))
        RULES.append(Rule(code, severity, title_zh, title_en, on_table, *about, on_rows, on_labels))
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
def _parts(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> tuple[tuple[Rule, ...], ...]:
    """The rules that ``select`` (``None`` = all) and ``ignore`` leave on: those with a part
    on the table, and those with a part on each row."""
    rules = [
        r
        for r in RULES
        if (select is None or matches(r.code, select)) and not matches(r.code, ignore)
    ]
    return tuple(r for r in rules if r.func), tuple(r for r in rules if r.row_func)


def _problem(r: Rule, hit: Hit) -> Problem:
    return Problem(
        code=r.code,
        severity=r.severity,
        zh=hit.zh or r.title_zh,
        en=hit.en or r.title_en,
        ref=hit.ref,
        related=hit.related,
        fix=hit.fix,
    )


def run_rules(
    table: Table,
    rules: Iterable[Rule],
    settings: dict[str, Any] | None = None,
    approved: Table | None = None,
) -> Iterator[Problem]:
    """The problems ``rules`` find in ``table`` (with the folder ``settings`` and the
    ``approved`` version from git, if any), rule by rule; nothing is kept for later."""
    ctx = Context(table, settings, approved, keep=False)
    for r in rules:
        if r.func is not None:
            for hit in r.func(ctx):
                yield _problem(r, hit)
        if r.row_func is not None:
            for hit in r.row_func(ctx.rows, ctx.env):
                yield _problem(r, hit)


Keyed = list[tuple[tuple, Problem]]  # problems, each after where it sorts (problem_order)
_ORDER = itemgetter(0)


def _find_in_rows(rows: list[RowInfo], rules: tuple[Rule, ...], env: RowEnv) -> None:
    """Run the per-row parts of ``rules`` on ``rows`` and keep what each row has, in
    document order, with its ``RowInfo`` (``found``: kept while ``rules`` and ``env`` stay)."""
    found: dict[int, Keyed] = {info.index: [] for info in rows}
    for r in rules:
        assert r.row_func is not None
        for hit in r.row_func(rows, env):
            ref = hit.ref
            if ref[0] != "indicators" or ref[1] not in found:
                raise ValueError(f"{r.code}: a per-row rule reported {ref}, not on its rows")
            problem = _problem(r, hit)
            found[ref[1]].append((problem_order(problem), problem))
    token = (rules, env)
    for info in rows:
        keyed = found[info.index]
        keyed.sort(key=_ORDER)
        info.found = (token, keyed)


def _found_on_table(r: Rule, ctx: Any) -> Keyed:
    """What the part of ``r`` on the table finds (in ``ctx``, a ``Context`` or, for a rule on
    labels, its ``Labels`` view)."""
    assert r.func is not None
    keyed = []
    for hit in r.func(ctx):
        problem = _problem(r, hit)
        keyed.append((problem_order(problem), problem))
    return keyed


def rule_by_code(code: str) -> Rule:
    """The registered rule ``code`` (``KeyError`` when there is none)."""
    for r in RULES:
        if r.code == code:
            return r
    raise KeyError(code)


def row_ignores(ctx: Context) -> dict[int, tuple[str, ...]]:
    """Row index → the codes its ``ignore`` key switches off (rows without one left out)."""
    key = ROW_IGNORE.key
    found = {}
    for info in ctx.unkeyed:
        if key in info.row.extra:
            codes = code_patterns(info.row.extra[key])
            if codes:
                found[info.index] = codes
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
    keep: bool = True,
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
    Per-row rules run again only on rows whose content changed since an
    earlier check (``tui.rules.rowcache``); the result is the same either way.
    ``keep=False`` keeps nothing for later checks (a table checked once).
    """
    own = table.check if isinstance(table.check, dict) else {}
    if select is None and "select" in own:
        select = code_patterns(own["select"])
    ignores = set(code_patterns(list(ignore or ()))) | set(code_patterns(own.get("ignore")))
    chosen = None if select is None else code_patterns(list(select))
    on_table, on_rows = _parts(chosen, code_patterns(list(ignores)))
    ctx = Context(table, settings, approved, keep)
    keyed: Keyed = []
    for r in on_table:
        if r.on_labels:
            keyed += ctx.by_labels(f"rule {r.code}", partial(_found_on_table, r))
        else:
            keyed += _found_on_table(r, ctx)
    if on_rows:
        token = (on_rows, ctx.env)
        stale = [info for info in ctx.rows if info.found is None or info.found[0] != token]
        if stale:
            _find_in_rows(stale, on_rows, ctx.env)
        for info in ctx.rows:
            assert info.found is not None
            keyed += info.found[1]
    keyed.sort(key=_ORDER)
    problems = [problem for _, problem in keyed]
    per_row = row_ignores(ctx)
    if per_row:
        problems = [p for p in problems if not suppressed(p, per_row)]
    return problems
