"""``jixiao export`` of the imported tables reads back as the same tables, in every
text format (tsv, the bordered txt table whose cells wrap over lines, Markdown)."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from tests.realcorpus import Score, score_tables
from tests.test_import_restyled import _one_value_tables
from tui.importing import import_text
from tui.model import Header, Indicator, Table
from tui.tomlfile.canonical import dump_table


@pytest.mark.parametrize("fmt", ["tsv", "txt", "md"])
def test_exported_text_imports_back(fmt):
    export = pytest.importorskip("tui.export")
    tables = import_text(SEED.read_text(encoding="utf-8")).tables
    again = import_text(export.export_tables(tables, fmt))
    assert again.tables == tables
    assert [dump_table(t) for t in again.tables] == [dump_table(t) for t in tables]
    assert again.report == []  # the title gave the year: placed, nothing left over


def test_a_bordered_tables_wrapped_cells_are_joined():
    # psql / tabulate grid / org-mode: a cell too wide for its column runs on below.
    text = "\n".join(
        [
            "+----------+----------+------------+-------------+",
            "| 一级指标 | 二级指标 | 三级指标   | 指标值      |",
            "+==========+==========+============+=============+",
            "| 产出指标 | 数量指标 | 培训场次   | 一年举办1次 |",
            "|          |          |            | 社区专管员  |",
            "|          |          |            | 培训1000-15 |",
            "|          |          |            | 00人次      |",
            "+----------+----------+------------+-------------+",
            "|          |          | Service    | 100%        |",
            "|          |          | level      |             |",
            "├──────────┼──────────┼────────────┼─────────────┤",
        ]
    )
    result = import_text("项目名称 甲\n" + text)
    rows = [(r.level1, r.level2, r.name, r.annual) for r in result.tables[0].indicators]
    assert rows == [
        ("产出指标", "数量指标", "培训场次", "一年举办1次社区专管员培训1000-1500人次"),
        ("产出指标", "数量指标", "Service level", "100%"),
    ]
    assert result.report == []


@pytest.mark.parametrize("fmt", ["tsv", "txt", "md"])
def test_every_real_row_exported_and_imported_again_is_the_same_row(fmt):
    # The rows read by eye in every real table, as tables exported in each text format.
    # Left over: txt wraps a long cell at its spaces and drops them (`( ≥**% )`), and
    # one older 二级 (满意度 under 效益指标) is read under the 一级 the framework gives it.
    export = pytest.importorskip("tui.export")
    total = Score()
    for expected in _one_value_tables():
        tables = [
            Table(
                header=Header(name=project["name"] or "某项目"),
                indicators=[
                    Indicator(level1=l1, level2=l2, name=name, annual=annual)
                    for l1, l2, name, _, annual in project["rows"]
                ],
            )
            for project in expected.projects
        ]
        total.add(score_tables(import_text(export.export_tables(tables, fmt)).tables, expected))
    assert total.hits >= 0.995 * total.total, total.misses[:10]  # 759, 757, 759 of 760
    assert total.extra_rows <= 0.005 * total.total
