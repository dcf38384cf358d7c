"""Benchmark of row matching, ``diff_tables`` and ``merge_tables`` (prints medians; not a test).

    .venv/bin/python benchmarks/bench_history.py [--repeat 5]

Generated tables of 30, 100 and 1,000 rows; the new version edits a value in
every tenth row, renames every twentieth (matched by similarity, the slow
phase), moves a few rows and adds and removes some. The merge takes two such
edit sets made on different rows.
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchmarks.bench_rules import make_table
from tui.history.diff import diff_tables
from tui.history.merge import merge_tables
from tui.history.rows import match_rows
from tui.model import Indicator, Table


def edited(base: Table, offset: int) -> Table:
    """A copy of ``base`` with values, names, order and rows changed from row ``offset`` on."""
    table = base.clone()
    rows = table.indicators
    for i in range(offset, len(rows), 10):
        rows[i].annual += "（修订）"
    for i in range(offset + 5, len(rows), 20):
        rows[i].name += "（改）"
    for i in range(offset, len(rows), 50):
        rows.insert(max(0, i - 7), rows.pop(i))
    del rows[offset + 3 :: 40]
    for n in range(len(rows) // 30 + 1):
        rows.insert(
            n * 30 % (len(rows) + 1), Indicator("产出指标", "数量指标", f"新增{offset}-{n}")
        )
    return table


def fresh(table: Table) -> Table:
    """The table as if read from its file: no in-memory row identities."""
    copy = table.clone()
    copy.indicators = [row.copy(keep_uid=False) for row in copy.indicators]
    return copy


def timed(func, repeat: int) -> float:
    """Median milliseconds of ``func()``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'rows':>6} {'match ms':>9} {'diff ms':>8} {'merge ms':>9}")
    for size in (30, 100, 1000):
        base = make_table(size)
        mine, theirs = fresh(edited(base, 0)), fresh(edited(base, 1))
        match = timed(lambda b=base, m=mine: match_rows(b.indicators, m.indicators), args.repeat)
        diff = timed(lambda b=base, m=mine: diff_tables(b, m), args.repeat)
        merge = timed(lambda b=base, m=mine, t=theirs: merge_tables(b, m, t), args.repeat)
        print(f"{size:>6} {match:>9.1f} {diff:>8.1f} {merge:>9.1f}")


if __name__ == "__main__":
    main()
