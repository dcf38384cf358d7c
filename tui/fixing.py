"""Quick fixes: applying the ``Fix`` a rule attaches to a problem (``Problem.fix``).

A fix is data — ``(field ref, new value)`` pairs — yielded by rules whose repair
is safe and mechanical (label spacing, ``达到90%以上`` → ``≥90%``, a name repeated
in its value, full-width digits, stray spaces, doubled words, typos). Three
callers, one implementation:

* the editor's fix key: ``apply_problem_fix(session, problem)`` — one undo step;
* ``jixiao check --fix`` / ``--diff``: ``fix_file(path)`` — every fix of a file,
  written through ``TableFile`` so that each changed value is one changed line;
* tests and scripts: ``fix_table(table)``.

A fix can reveal another (``资格认证率达90%以上`` → ``达90%以上`` → ``≥90%``), so
``fix_table`` re-checks and fixes again until nothing changes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.checking import check, settings_for
from tui.errors import JixiaoError
from tui.fields import FieldRef
from tui.model import Table
from tui.rules import Problem
from tui.rules.engine import rule_by_code, run_rules
from tui.tomlfile.document import TableFile

if TYPE_CHECKING:
    from tui.editing.session import Session

MAX_ROUNDS = 10  # fix, re-check, fix again — a chain of fixes is never this long


def _same(old: object, new: object) -> bool:
    return old == new and type(old) is type(new)


def apply_fixes(table: Table, problems: Iterable[Problem]) -> list[FieldRef]:
    """Apply the fixes of ``problems`` to ``table``, in order; returns the fields changed.

    A fix that touches a field an earlier fix of this call already changed is
    left for the next round (it is found again by the next check).
    """
    changed: list[FieldRef] = []
    touched: set[FieldRef] = set()
    for problem in problems:
        fix = problem.fix
        if fix is None or any(ref in touched for ref, _ in fix.changes):
            continue
        for ref, value in fix.changes:
            touched.add(ref)
            if not _same(table.get(ref), value):
                table.set(ref, value)
                changed.append(ref)
    return changed


def fix_table(
    table: Table,
    settings: dict[str, Any] | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> list[FieldRef]:
    """Apply every quick fix to ``table`` in place, re-checking until none applies.

    The rules chosen are those ``tui.checking.check`` runs with the same
    arguments (a row's ``ignore`` key and the file's ``[check]`` included).
    Returns the fields changed, in the order they were changed.
    """
    changed: list[FieldRef] = []
    for _ in range(MAX_ROUNDS):
        problems = check(table, settings, select=select, ignore=ignore).problems
        round_changes = apply_fixes(table, (p for p in problems if p.fix is not None))
        if not round_changes:
            break
        changed += round_changes
    return changed


def apply_problem_fix(session: Session, problem: Problem) -> FieldRef | None:
    """The editor's fix key: apply the quick fix of ``problem`` to ``session`` as one undo step.

    ``problem`` is one of the last check (the problem under the cursor). Its
    rule runs again on the session's current table and the fix of the same
    problem — same rule, same field — is applied, so a stale problem never
    writes stale values. Returns the field to show afterwards (the problem's
    own), or ``None`` when there is no fix to apply (the rule has none, the
    problem is gone, or the fix changes nothing).
    """
    try:
        rule = rule_by_code(problem.code)
    except KeyError:
        return None
    for fresh in run_rules(session.table, (rule,)):
        if fresh.ref == problem.ref and fresh.fix is not None:
            if session.set_fields(fresh.fix.changes, focus=problem.ref):
                session.break_coalescing()
                return problem.ref
            return None
    return None


@dataclass
class FileFix:
    """What ``fix_file`` did to one file (or the error that stopped it)."""

    path: str
    before: str = ""
    after: str = ""
    fixes: int = 0  # fields changed
    error: str | None = None

    @property
    def diff(self) -> str:
        """The unified diff from ``before`` to ``after`` (empty when unchanged)."""
        return unified_diff(self.path, self.before, self.after)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's text, both sides named ``path`` (``patch -p0``)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), path, path
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def fix_file(
    path: str | Path,
    *,
    write: bool,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    settings_cache: dict[Path, dict[str, Any]] | None = None,
) -> FileFix:
    """Apply every quick fix to the table file ``path``; write it when ``write`` (atomic,
    refused if the file changed meanwhile). The text keeps its layout: comments, key
    order, newlines and BOM stay, and each changed value is one changed line.
    Never raises ``JixiaoError``: an unreadable file comes back with ``error``."""
    try:
        file = TableFile.load(path)
        settings = settings_for(Path(path), settings_cache)
        changed = fix_table(file.table, settings, select=select, ignore=ignore)
        before, after = file.source.text, file.render_text()
        if write and changed:
            file.save()
    except JixiaoError as exc:
        return FileFix(str(path), error=str(exc))
    return FileFix(str(path), before, after, len(changed))
