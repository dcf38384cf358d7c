"""Benchmark of the rules engine and of ``jixiao check`` (prints medians; not a test).

    .venv/bin/python benchmarks/bench_rules.py [--files 1000]

``check_table`` on generated 30/100/1,000/10,000-indicator tables: checked again
unchanged, checked after a new value in one row (what the editor does on a
keystroke: only that row is checked again), and with every cache cleared (every
value new); then ``jixiao check`` over many generated files, serially and with
the pool.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from tui.frameworks import FRAMEWORK_2015
from tui.model import Amounts, Indicator, Table
from tui.parsing.indicator_value import parse_value
from tui.parsing.period import parse_period
from tui.rules import check_table
from tui.rules.checks.rows import grade_outliers
from tui.rules.checks.writing import slips_of
from tui.rules.context import compact
from tui.rules.lexicon import doubled, typos
from tui.rules.rowcache import clear_caches
from tui.tomlfile.canonical import dump_table

CACHES = (
    parse_value,
    parse_period,
    compact,
    slips_of,
    doubled,
    typos,
    grade_outliers,
)

VALUES = {
    "数量指标": ("≥{n}场", "{n}套", "100-{n}人"),
    "质量指标": ("≥9{d}%", "达到8{d}%以上", "100%"),
    "时效指标": ("{d}月底前", "每月1{d}日前", "年底之前"),
    "成本指标": ("≤{d}万元", "约{d}.5万元", "≤{n}000元"),
    "经济效益指标": ("带动增收{n}万元", "较高", "明显"),
    "社会效益指标": ("较高", "受益{n}人", "显著提高"),
    "生态效益指标": ("改善", "减少排放{d}%", "较好"),
    "可持续影响指标": ("长期", "持续{d}年", "较高"),
    "服务对象满意度指标": ("≥9{d}%", "≥85%", "≥90%"),
}


def make_table(rows: int, salt: str = "") -> Table:
    """A 2015-framework table with ``rows`` indicators cycling through every 二级."""
    table = Table(year=2021, framework="2015")
    table.header.name = f"生成的项目{salt}"
    table.header.period = "2021-2023"
    table.goals.medium_period = "2021-2023"
    table.goals.medium = table.goals.annual = "完成项目目标"
    table.funding.medium = Amounts(Decimal("30000.00"), Decimal("30000.00"))
    table.funding.annual = Amounts(Decimal("10000.00"), Decimal("10000.00"))
    pairs = [(l1, l2) for l1 in FRAMEWORK_2015.level1 for l2 in FRAMEWORK_2015.level2[l1]]
    for i in range(rows):
        level1, level2 = pairs[i % len(pairs)]
        form = VALUES[level2][i % 3]
        value = form.format(n=i + 1, d=i % 10)
        name = f"{level2[:2]}三级指标{salt}第{i}项"
        table.indicators.append(Indicator(level1, level2, name, value, value))
    return table


def timed(func, repeat: int) -> list[float]:
    """Wall-clock milliseconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    med, lo, hi = statistics.median(times), min(times), max(times)
    print(f"{label:<42} median {med:8.3f} ms   min {lo:8.3f}   max {hi:8.3f}   (n={len(times)})")


def bench_engine() -> None:
    for rows in (30, 100, 1000, 10000):
        repeat = {1000: 30, 10000: 5}.get(rows, 200)
        table = make_table(rows)
        check_table(table)
        report(
            f"check_table {rows:>5} rows, unchanged", timed(lambda t=table: check_table(t), repeat)
        )
        row, typed = table.indicators[rows // 2], iter(range(1_000_000))

        def keystroke(t=table, row=row, typed=typed):
            row.medium = f"≥{next(typed)}场"  # a new text, as a key typed in a value makes
            check_table(t)

        report(f"check_table {rows:>5} rows, a value typed", timed(keystroke, repeat))

        def cold(t=table):
            for cache in CACHES:
                cache.cache_clear()
            clear_caches()
            check_table(t)

        report(f"check_table {rows:>5} rows, cold caches", timed(cold, repeat))


def bench_cli(files: int) -> None:
    from tui.cli.check_cmd import check_paths

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i in range(files):
            path = Path(folder) / f"t{i:04}.toml"
            path.write_text(dump_table(make_table(20 + i % 30, salt=str(i))), encoding="utf-8")
            paths.append(str(path))
        for jobs in (1, 2):

            def run(jobs=jobs):
                parse_value.cache_clear()
                check_paths(paths, None, (), jobs)

            report(f"check {files} files, jobs={jobs}", timed(run, 3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000, help="files for the CLI benchmark")
    args = parser.parse_args()
    bench_engine()
    if args.files:
        bench_cli(args.files)


if __name__ == "__main__":
    main()
