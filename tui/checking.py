"""The one check API: a table (open or on disk) in, every count and mark the UI or CLI shows out.

``check(table, settings)`` runs the rules with the folder's ``jixiao.toml`` and
the file's own ``[check]`` applied, and returns a ``CheckResult``: the problems
in document order, counts per severity, the worst severity per row, and the
funding differences computed with the rules' own ``Decimal`` context.
``check_path`` reads a file first. The CLI, the workspace and the editor all
call these; nothing else counts problems, ranks severities or sums money.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tui.errors import JixiaoError
from tui.fields import COLUMNS, FieldRef
from tui.history.approval import approved_table
from tui.model import Table
from tui.parsing.money import total_difference
from tui.rules import Problem, check_table
from tui.rules.engine import SEVERITIES, problem_order, worst_severity
from tui.rules.problems import SEVERITY_RANK
from tui.settings import effective_ignores, folder_config
from tui.tomlfile.loader import build_table, read_source
from tui.tomlfile.locate import locate


@dataclass
class CheckResult:
    """What the rules found in one table, with everything derived from it."""

    problems: list[Problem]
    counts: dict[str, int]  # every severity, zero included
    row_worst: dict[int, str]  # row index → its worst severity (rows with problems only)
    funding_differences: dict[str, Decimal | None]  # column → 资金总额 − (财政拨款 + 其他资金)

    def worst(self, rows: Iterable[int]) -> str | None:
        """The worst severity among ``rows`` (row indexes), ``None`` when they have none."""
        return worst_severity(self.row_worst.get(i) for i in rows)

    def on(self, ref: FieldRef) -> list[Problem]:
        """The problems of ``ref`` and of every field below it (a row, a section)."""
        size = len(ref)
        return [p for p in self.problems if tuple(p.ref[:size]) == tuple(ref)]

    def step(self, last: Problem | None, delta: int) -> int:
        """The index of the problem after (``delta`` 1) or before (-1) ``last``.

        When ``last`` was fixed meanwhile, "after" is the first problem that
        stands after where it stood, so that no problem is skipped.
        """
        problems = self.problems
        if last is None:
            return 0 if delta > 0 else len(problems) - 1
        if last in problems:
            return (problems.index(last) + delta) % len(problems)
        after = [i for i, p in enumerate(problems) if problem_order(p) > problem_order(last)]
        first_after = after[0] if after else len(problems)
        return (first_after if delta > 0 else first_after - 1) % len(problems)

    @classmethod
    def empty(cls) -> CheckResult:
        """The result before anything was checked."""
        return cls([], dict.fromkeys(SEVERITIES, 0), {}, dict.fromkeys(COLUMNS))

    @property
    def summary(self) -> str:
        """``✖2 ▲3 ·7``: the counts as the title bar and the workspace show them."""
        return f"✖{self.counts['error']} ▲{self.counts['warning']} ·{self.counts['hint']}"


def result_of(table: Table, problems: list[Problem]) -> CheckResult:
    """Counts, row marks and funding differences for ``problems`` found in ``table``."""
    counts = dict.fromkeys(SEVERITIES, 0)
    row_worst: dict[int, str] = {}
    rows = len(table.indicators)
    rank = SEVERITY_RANK
    for problem in problems:
        severity = problem.severity
        counts[severity] += 1
        ref = problem.ref
        if ref[0] == "indicators" and len(ref) > 1 and isinstance(ref[1], int) and ref[1] < rows:
            before = row_worst.get(ref[1])
            if before is None or rank[severity] < rank[before]:
                row_worst[ref[1]] = severity
    differences = {}
    for col in COLUMNS:
        amounts = table.funding.column(col)
        differences[col] = total_difference(amounts.total, amounts.fiscal, amounts.other)
    return CheckResult(problems, counts, row_worst, differences)


def check(
    table: Table,
    settings: dict[str, Any] | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    approved: Table | None = None,
    keep: bool = True,
) -> CheckResult:
    """Check ``table`` with the folder ``settings`` (``jixiao.toml``) and its own ``[check]``.

    ``select`` (rule codes or prefixes) replaces the folder's selection;
    ``ignore`` adds to the folder's and the file's. ``approved`` is the table
    as it was approved, read from git by ``tui.history.approval.approved_table``
    (never here: this runs on every keystroke); rule A001 compares with it.
    What the rules found on each row is kept for the next check of the table,
    where only the rows that changed are checked again (``tui.rules.rowcache``);
    ``keep=False`` keeps nothing, for a table checked once.
    """
    settings = settings or {}
    chosen = select if select is not None else settings.get("select")
    ignores = effective_ignores(table, settings) | set(ignore)
    problems = check_table(
        table, select=chosen, ignore=ignores, settings=settings, approved=approved, keep=keep
    )
    return result_of(table, problems)


@dataclass
class FileCheck:
    """The outcome for one file: its check result with positions, or the error that stopped it."""

    path: str
    name: str = ""  # 项目名称
    result: CheckResult | None = None
    error: str | None = None
    positions: list[tuple[int, int]] = field(default_factory=list)  # per problem: line, col


def check_path(
    path: str | Path,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    settings_cache: dict[Path, dict[str, Any]] | None = None,
) -> FileCheck:
    """Read, parse and check one file (never raises ``JixiaoError``).

    ``settings_cache`` (folder → settings) saves re-reading ``jixiao.toml``
    for every file of a folder. A file marked approved is compared with its
    approved version in git (looked up once per file and repository state).
    """
    try:
        source = read_source(path)
        table = build_table(source.text, path)
        settings = settings_for(Path(path), settings_cache)
    except JixiaoError as exc:
        return FileCheck(str(path), error=str(exc))
    approved = approved_table(path, table)
    result = check(table, settings, select=select, ignore=ignore, approved=approved, keep=False)
    positions = []
    if result.problems:  # positions only for files with problems
        locator = locate(source.text)
        positions = [locator.line_of(p.ref) or (1, 1) for p in result.problems]
    return FileCheck(str(path), table.header.name, result, positions=positions)


def settings_for(path: Path, cache: dict[Path, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The folder settings that apply to the table at ``path`` (``JixiaoError`` if broken)."""
    folder = path.resolve().parent
    if cache is not None and folder in cache:
        return cache[folder]
    settings = folder_config(folder)
    if cache is not None:
        cache[folder] = settings
    return settings
