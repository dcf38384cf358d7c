"""What the rules report: ``Hit`` (from a rule), ``Problem`` (to the user), ``Fix``,
severities and the document order problems are listed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from tui.model import AMOUNT_KEYS, COLUMNS, GOAL_KEYS, HEADER_KEYS, ROW_KEYS, FieldRef

SEVERITIES = ("error", "warning", "hint")  # worst first
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def worst_severity(severities: Iterable[str | None]) -> str | None:
    """The worst of ``severities`` (``None`` and ``""`` ignored), or ``None``."""
    found = [s for s in severities if s]
    return min(found, key=SEVERITY_RANK.__getitem__) if found else None


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
    return (_position(problem.ref), SEVERITY_RANK[problem.severity], problem.code)
