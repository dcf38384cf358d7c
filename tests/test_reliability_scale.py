"""Linear everywhere: sizes of what the rules produce, not timings (those are in
``benchmarks/reliability.py``)."""

from __future__ import annotations

from tui.checking import check
from tui.model import Indicator
from tui.tomlfile.loader import load_table

from .conftest import DATA_FILES


def _same_name_rows(count: int):
    table = load_table(DATA_FILES[0])
    row = table.indicators[0]
    table.indicators = [
        Indicator(level1=row.level1, level2=row.level2, name="同名", medium="1个", annual="1个")
        for _ in range(count)
    ]
    return table


def test_t009_reports_each_duplicate_row_once_with_one_pointer():
    """1,000 rows sharing a name made 999 problems of 999 related fields each (n²)."""
    rows = 1_000
    result = check(_same_name_rows(rows))
    duplicates = [p for p in result.problems if p.code == "T009"]
    assert len(duplicates) == rows - 1
    assert sum(len(p.related) for p in duplicates) == rows - 1
    first = ("indicators", 0, "name")
    assert all(p.related == (first,) for p in duplicates)


def test_problem_count_grows_linearly_with_rows():
    small = check(_same_name_rows(100)).problems
    large = check(_same_name_rows(1_000)).problems
    assert len(large) <= 11 * len(small)
    assert sum(len(p.related) for p in large) <= 11 * max(1, sum(len(p.related) for p in small))
