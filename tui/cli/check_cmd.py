"""``jixiao check PATH... [--format text|json] [--select CODES] [--ignore CODES]
[--fix | --diff] [--statistics]``.

One line per problem, ``path:line:col: severity CODE message``, then a summary.
Exit status: 0 no errors (warnings and hints allowed), 1 errors, 2 a file could
not be read or parsed (the other files are still checked). ``--fix`` applies the
rules' quick fixes, prints what changed as a unified diff and then checks the
fixed files; ``--diff`` only prints the diff (exit 1 when there is something to
fix, like ``fmt --check``). ``--statistics`` prints a count per rule instead of
the problems.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tui.checking import FileCheck, check_path
from tui.errors import JixiaoError
from tui.escape import json_safe, printable
from tui.fixing import FileFix, fix_file
from tui.paths import iter_table_paths
from tui.rules import RULES, Problem
from tui.rules.engine import code_patterns, matches, rule_by_code

HELP = "检查表格中的错误 (validate tables; rules are listed in docs/rules.md)"
PARALLEL_FROM = 200  # files; below this a process pool costs more than it saves


def add_arguments(parser) -> None:
    """Arguments of ``jixiao check``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录 (files or folders)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="输出格式 (output format; json = a machine-readable list)",
    )
    parser.add_argument(
        "--select",
        metavar="CODES",
        help="只运行这些规则，逗号分隔，可用前缀如 F (only these rule codes or prefixes)",
    )
    parser.add_argument(
        "--ignore",
        metavar="CODES",
        help="不运行这些规则，逗号分隔，可用前缀 (skip these rule codes or prefixes)",
    )
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix",
        action="store_true",
        help="应用可自动修复的问题并显示差异，再检查 (apply the quick fixes, show the diff, "
        "then check)",
    )
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="只显示 --fix 会做的修改，不写文件；有修改时退出码为 1 (show the fixes as a "
        "diff without writing; exit 1 when there are any)",
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="按规则统计问题数，不逐条列出 (a count per rule instead of the problems)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help=f"并行进程数，0 = 文件多于 {PARALLEL_FROM} 个时自动 (worker processes; 0 = auto)",
    )


@dataclass
class Finished:
    """One file's output, made where it was checked: only lines cross a process boundary."""

    error: str | None
    counts: dict[str, int]
    lines: list[Any]  # text lines, or JSON objects for --format json
    per_rule: Counter[str] = field(default_factory=Counter)  # problems per rule code
    fixable: Counter[str] = field(default_factory=Counter)  # of those, with a quick fix


def finish(report: FileCheck, fmt: str) -> Finished:
    """The lines ``jixiao check`` prints for ``report`` and its counts per severity."""
    counts = {"error": 0, "warning": 0, "hint": 0}
    if report.error is not None:
        return Finished(report.error, counts, [])
    assert report.result is not None
    lines: list[Any] = []
    per_rule: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    for (line, col), problem in zip(report.positions, report.result.problems):
        counts[problem.severity] += 1
        per_rule[problem.code] += 1
        fixable[problem.code] += problem.fix is not None
        if fmt == "json":
            lines.append(_json_line(report, line, col, problem))
        else:
            where = printable(f"{report.path}:{line}:{col}")
            lines.append(f"{where}: {problem.severity} {problem.code} {printable(problem.message)}")
    return Finished(None, counts, lines, per_rule, fixable)


def _check_many(args: tuple[list[str], tuple[str, ...] | None, tuple[str, ...], str]) -> list:
    paths, select, ignore, fmt = args
    cache: dict[Path, dict[str, Any]] = {}
    return [
        finish(check_path(p, select=select, ignore=ignore, settings_cache=cache), fmt)
        for p in paths
    ]


def check_paths(
    paths: list[str],
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    jobs: int = 0,
    fmt: str = "text",
) -> list[Finished]:
    """The finished output of ``paths`` in order; a process pool for many files."""
    workers = jobs or (min(os.cpu_count() or 1, 8) if len(paths) >= PARALLEL_FROM else 1)
    if workers <= 1 or len(paths) < 2:
        return _check_many((paths, select, ignore, fmt))
    size = max(1, -(-len(paths) // (workers * 4)))
    chunks = [(paths[i : i + size], select, ignore, fmt) for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [report for batch in pool.map(_check_many, chunks) for report in batch]


def _codes(option: str | None, flag: str) -> tuple[str, ...] | None:
    if option is None:
        return None
    codes = code_patterns(option)
    unknown = [c for c in codes if not any(matches(r.code, (c,)) for r in RULES)]
    if unknown:
        listed = ", ".join(unknown)
        raise JixiaoError(f"未知的规则代码：{listed}", f"unknown rule code: {listed}", flag)
    return codes


def _json_line(report: FileCheck, line: int, col: int, problem: Problem) -> dict[str, Any]:
    fix = problem.fix
    return {
        "path": report.path,
        "line": line,
        "col": col,
        "severity": problem.severity,
        "code": problem.code,
        "message": problem.message,
        "zh": problem.zh,
        "en": problem.en,
        "ref": list(problem.ref),
        "related": [list(ref) for ref in problem.related],
        "fix": None
        if fix is None
        else {
            "message": fix.message,
            "changes": [[list(ref), None if v is None else str(v)] for ref, v in fix.changes],
        },
    }


def summary(counts: dict[str, int], files: int, broken: int) -> str:
    """``共 N 个文件：…（N errors, N warnings, N hints in N files）``."""
    e, w, h = counts["error"], counts["warning"], counts["hint"]
    zh = f"共 {files} 个文件：{e} 个错误，{w} 个警告，{h} 个提示"
    en = f"{_n(e, 'error')}, {_n(w, 'warning')}, {_n(h, 'hint')} in {_n(files, 'file')}"
    if broken:
        zh += f"，{broken} 个文件无法读取"
        en += f"; {broken} unreadable"
    return f"{zh}（{en}）"


def statistics_lines(per_rule: Counter[str], fixable: Counter[str]) -> list[str]:
    """One line per rule found, most frequent first: count, code, severity, title, and
    ``[*]`` when some of its problems have a quick fix."""
    lines = []
    for code, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
        r = rule_by_code(code)
        mark = " [*]" if fixable[code] else ""
        lines.append(f"{count:5d}  {code}  {r.severity:<7}  {r.title_zh}（{r.title_en}）{mark}")
    return lines


def _statistics_json(per_rule: Counter[str], fixable: Counter[str]) -> list[dict[str, Any]]:
    rows = []
    for code, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
        r = rule_by_code(code)
        rows.append(
            {
                "code": code,
                "count": count,
                "severity": r.severity,
                "title": f"{r.title_zh}（{r.title_en}）",
                "fixable": fixable[code],
            }
        )
    return rows


def _fix_paths(
    paths: list[str],
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    write: bool,
    out: TextIO,
) -> tuple[list[FileFix], int]:
    """Fix (or, without ``write``, only compute the fixes of) every file; print the diffs
    to ``out``. Returns the outcomes and the number of files that could not be read."""
    cache: dict[Path, dict[str, Any]] = {}
    done = [
        fix_file(p, write=write, select=select, ignore=ignore, settings_cache=cache) for p in paths
    ]
    broken = 0
    for result in done:
        if result.error is not None:
            broken += 1
            print(result.error, file=sys.stderr)
        elif result.fixes:
            for line in result.diff.splitlines():
                print(printable(line), file=out)
    return done, broken


def _fix_summary(done: list[FileFix], write: bool) -> str:
    fixes = sum(r.fixes for r in done)
    files = sum(1 for r in done if r.fixes)
    where = f"{_n(fixes, 'value')} in {_n(files, 'file')}"
    if write:
        return f"已修复 {files} 个文件中的 {fixes} 处（fixed {where}）"
    return f"可修复 {files} 个文件中的 {fixes} 处（{where} to fix）"


def _n(count: int, noun: str) -> str:
    """``1 file``, ``2 files``: a count and its noun in English."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def run(args) -> int:
    """Check (and with ``--fix``/``--diff`` fix) every table under ``args.paths``."""
    select = _codes(args.select, "--select")
    ignore = _codes(args.ignore, "--ignore") or ()
    paths = [str(p) for p in iter_table_paths(args.paths)]
    if args.diff:
        done, broken = _fix_paths(paths, select, ignore, False, sys.stdout)
        print(_fix_summary(done, write=False), file=sys.stderr)
        return 2 if broken else (1 if any(r.fixes for r in done) else 0)
    if args.fix:
        # With --format json the diff goes to standard error: standard output is the JSON.
        out = sys.stderr if args.format == "json" else sys.stdout
        done, _ = _fix_paths(paths, select, ignore, True, out)
        print(_fix_summary(done, write=True), file=sys.stderr)
    reports = check_paths(paths, select, ignore, max(args.jobs, 0), args.format)
    counts = {"error": 0, "warning": 0, "hint": 0}
    per_rule: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    listing: list[dict[str, Any]] = []
    broken = 0
    for report in reports:
        if report.error is not None:
            broken += 1
            print(report.error, file=sys.stderr)
            continue
        for severity, count in report.counts.items():
            counts[severity] += count
        per_rule.update(report.per_rule)
        fixable.update(report.fixable)
        if args.statistics:
            continue
        if args.format == "json":
            listing += report.lines
        elif report.lines:
            print("\n".join(report.lines))
    text = summary(counts, len(reports), broken)
    if args.format == "json":
        data = _statistics_json(per_rule, fixable) if args.statistics else listing
        print(json_safe(json.dumps(data, ensure_ascii=False, indent=1)))
        print(text, file=sys.stderr)
    else:
        if args.statistics:
            print("\n".join(statistics_lines(per_rule, fixable)))
        print(text)
    fixes = sum(fixable.values())
    if fixes and not args.fix:
        note = f"其中 {fixes} 个可用 --fix 自动修复（{fixes} fixable with --fix）"
        print(note, file=sys.stderr if args.format == "json" else sys.stdout)  # with the summary
    if broken:
        return 2
    return 1 if counts["error"] else 0
