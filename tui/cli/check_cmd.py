"""``jixiao check PATH... [--format text|json] [--select CODES] [--ignore CODES]``.

One line per problem, ``path:line:col: severity CODE message``, then a summary.
Exit status: 0 no errors (warnings and hints allowed), 1 errors, 2 a file could
not be read or parsed (the other files are still checked).
"""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.checking import FileCheck, check_path
from tui.errors import JixiaoError
from tui.escape import json_safe, printable
from tui.paths import iter_table_paths
from tui.rules import RULES, Problem
from tui.rules.engine import code_patterns, matches

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


def finish(report: FileCheck, fmt: str) -> Finished:
    """The lines ``jixiao check`` prints for ``report`` and its counts per severity."""
    counts = {"error": 0, "warning": 0, "hint": 0}
    if report.error is not None:
        return Finished(report.error, counts, [])
    assert report.result is not None
    lines: list[Any] = []
    for (line, col), problem in zip(report.positions, report.result.problems):
        counts[problem.severity] += 1
        if fmt == "json":
            lines.append(_json_line(report, line, col, problem))
        else:
            where = printable(f"{report.path}:{line}:{col}")
            lines.append(f"{where}: {problem.severity} {problem.code} {printable(problem.message)}")
    return Finished(None, counts, lines)


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
    }


def summary(counts: dict[str, int], files: int, broken: int) -> str:
    """``共 N 个文件：…（N errors, N warnings in N files; N hints）``."""
    e, w, h = counts["error"], counts["warning"], counts["hint"]
    zh = f"共 {files} 个文件：{e} 个错误，{w} 个警告，{h} 个提示"
    en = f"{e} errors, {w} warnings in {files} files; {h} hints"
    if broken:
        zh += f"，{broken} 个文件无法读取"
        en += f"; {broken} unreadable"
    return f"{zh}（{en}）"


def run(args) -> int:
    """Check every table under ``args.paths`` and print the problems."""
    select = _codes(args.select, "--select")
    ignore = _codes(args.ignore, "--ignore") or ()
    paths = [str(p) for p in iter_table_paths(args.paths)]
    reports = check_paths(paths, select, ignore, max(args.jobs, 0), args.format)
    counts = {"error": 0, "warning": 0, "hint": 0}
    listing: list[dict[str, Any]] = []
    broken = 0
    for report in reports:
        if report.error is not None:
            broken += 1
            print(report.error, file=sys.stderr)
            continue
        for severity, count in report.counts.items():
            counts[severity] += count
        if args.format == "json":
            listing += report.lines
        elif report.lines:
            print("\n".join(report.lines))
    if args.format == "json":
        print(json_safe(json.dumps(listing, ensure_ascii=False, indent=1)))
        print(summary(counts, len(reports), broken), file=sys.stderr)
    else:
        print(summary(counts, len(reports), broken))
    if broken:
        return 2
    return 1 if counts["error"] else 0
