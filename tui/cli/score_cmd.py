"""``jixiao score PATH... [--format text|json] [--profile NAME]``: self-evaluation scores.

Per table: every row's score with its one-line explanation, the 二级 and 一级
roll-ups, the indicators' total, budget execution and the total score, then the
problems of the S rules (monitoring and self-evaluation, ``docs/rules.md``) as
``path:line:col: severity CODE message``. Exit status: 0, or 1 when an S rule
reports an error, or 2 when a file could not be read (the others are still
scored).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from tui.checking import CheckResult, check, settings_for
from tui.errors import JixiaoError
from tui.escape import json_safe, printable
from tui.model import Table
from tui.paths import iter_table_paths
from tui.scoring import (
    PROFILES,
    Rollup,
    RowScore,
    TableScore,
    has_stage_data,
    profile_for,
    score_table,
)
from tui.tomlfile.loader import parse_table, read_source
from tui.tomlfile.locate import Locator

HELP = "自评评分：逐行得分、汇总与总分及其说明 (self-evaluation scores with explanations)"


def add_arguments(parser) -> None:
    """Arguments of ``jixiao score``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录 (files or folders)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="输出格式 (output format; json = machine-readable, amounts as exact strings)",
    )
    parser.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        help="评分方案，覆盖文件与目录的设置 (scoring profile; overrides the file and the folder)",
    )


@dataclass
class Scored:
    """One table scored, with what is needed to place its problems."""

    path: str
    table: Table
    locator: Locator
    score: TableScore
    check: CheckResult


def score_path(path: Path, profile: str | None = None) -> Scored:
    """Read, score and check (S rules only) one table; raises ``JixiaoError``."""
    source = read_source(path)
    table, locator = parse_table(source.text, path)
    settings = settings_for(path)
    if profile is not None:
        table.profile = profile
    result = check(table, settings, select=["S"])
    scores = score_table(table, profile_for(table, settings))
    return Scored(str(path), table, locator, scores, result)


def _number(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def _row_line(table: Table, row: RowScore) -> str:
    indicator = table.indicators[row.index]
    name = printable(indicator.effective_annual_name)
    return f"    第{row.index + 1}行 {name}  {_points(row.weight, row.score)}  {row.explanation}"


def _points(weight: Decimal | None, score: Decimal | None) -> str:
    return f"分值 {_number(weight)}  得分 {_number(score)}"


def _group_line(indent: str, label: str, group: Rollup) -> str:
    return f"{indent}{label} {printable(group.name)}  {_points(group.weight, group.score)}"


def text_lines(item: Scored) -> list[str]:
    """The text report of one table (without its problems)."""
    table, score = item.table, item.score
    profile = score.profile
    name = printable(table.header.name)
    lines = [f"{printable(item.path)}: {name}（评分方案 {profile.name}：{profile.title}）"]
    if not has_stage_data(table):
        return [*lines, " 无监控或自评数据，不计分（no monitoring or self-evaluation data）"]
    for level1 in score.groups:
        for level2 in level1.children:
            lines.extend(_row_line(table, score.rows[i]) for i in level2.rows)
            lines.append(_group_line("  ", "二级", level2))
        lines.append(_group_line(" ", "一级", level1))
    lines.append(f" 绩效指标  {_points(score.indicators.weight, score.indicators.score)}")
    ex = score.execution
    if ex is not None:
        rate = ex.rate_text or "—"
        lines.append(
            f" 预算执行  分值 {_number(ex.weight)}  执行率 {rate}  得分 {_number(ex.score)}  "
            f"{ex.explanation}"
        )
    lines.append(f" 总分 {_number(score.total)}  {score.explanation}")
    return lines


def _rollup_json(group: Rollup) -> dict[str, Any]:
    return {
        "name": group.name,
        "weight": _json_number(group.weight),
        "score": _json_number(group.score),
        "rows": list(group.rows),
        "children": [_rollup_json(child) for child in group.children],
    }


def _json_number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def to_json(item: Scored) -> dict[str, Any]:
    """The machine-readable report of one table (amounts as exact decimal strings)."""
    table, score = item.table, item.score
    rows = []
    for row in score.rows:
        indicator = table.indicators[row.index]
        line, _col = item.locator.line_of(("indicators", row.index)) or (0, 0)
        rows.append(
            {
                "index": row.index,
                "line": line,
                "level1": indicator.level1,
                "level2": indicator.level2,
                "name": indicator.effective_annual_name,
                "target": row.target.text,
                "actual": row.actual.text if row.actual else None,
                "weight": _json_number(row.weight),
                "score": _json_number(row.score),
                "auto": _json_number(row.auto),
                "status": row.status,
                "problem": row.problem,
                "explanation": row.explanation,
            }
        )
    ex = score.execution
    execution = None
    if ex is not None:
        execution = {
            "weight": _json_number(ex.weight),
            "budget": _json_number(ex.budget),
            "executed": _json_number(ex.executed),
            "rate": _json_number(ex.rate),
            "score": _json_number(ex.score),
            "explanation": ex.explanation,
            "lines": [
                {
                    "source": line.source,
                    "budget": _json_number(line.budget),
                    "executed": _json_number(line.executed),
                    "rate": _json_number(line.rate),
                }
                for line in ex.lines
            ],
        }
    return {
        "path": item.path,
        "name": table.header.name,
        "profile": score.profile.name,
        "rows": rows,
        "groups": [_rollup_json(group) for group in score.groups],
        "indicators": _rollup_json(score.indicators) | {"rows": None},
        "execution": execution,
        "total": _json_number(score.total),
        "explanation": score.explanation,
        "problems": [_problem_json(item, p) for p in item.check.problems],
    }


def _problem_json(item: Scored, problem) -> dict[str, Any]:
    line, col = item.locator.line_of(problem.ref) or (1, 1)
    return {
        "line": line,
        "col": col,
        "severity": problem.severity,
        "code": problem.code,
        "message": problem.message,
        "ref": list(problem.ref),
    }


def problem_lines(item: Scored) -> list[str]:
    """The S problems of one table, one ``path:line:col: severity CODE message`` each."""
    out = []
    for problem in item.check.problems:
        line, col = item.locator.line_of(problem.ref) or (1, 1)
        where = printable(f"{item.path}:{line}:{col}")
        out.append(f"{where}: {problem.severity} {problem.code} {printable(problem.message)}")
    return out


def run(args) -> int:
    """Score every table under ``args.paths``."""
    broken, errors = 0, 0
    reports: list[dict[str, Any]] = []
    for number, path in enumerate(iter_table_paths(args.paths)):
        try:
            item = score_path(path, args.profile)
        except JixiaoError as exc:
            print(str(exc), file=sys.stderr)
            broken += 1
            continue
        errors += item.check.counts["error"]
        if args.format == "json":
            reports.append(to_json(item))
            continue
        if number:
            print()
        print("\n".join(text_lines(item) + problem_lines(item)))
    if args.format == "json":
        print(json_safe(json.dumps(reports, ensure_ascii=False, indent=1)))
    if broken:
        return 2
    return 1 if errors else 0
