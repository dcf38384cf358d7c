"""``jixiao export`` of the imported tables reads back as the same tables, in every
text format (tsv, the bordered txt table whose cells wrap over lines, Markdown)."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from tui.importing import import_text
from tui.tomlfile.canonical import dump_table


@pytest.mark.parametrize("fmt", ["tsv", "txt", "md"])
def test_exported_text_imports_back(fmt):
    export = pytest.importorskip("tui.export")
    tables = import_text(SEED.read_text(encoding="utf-8")).tables
    again = import_text(export.export_tables(tables, fmt))
    assert again.tables == tables
    assert [dump_table(t) for t in again.tables] == [dump_table(t) for t in tables]
    assert [u.reason_en for u in again.report] == ["page title; not imported"]


def test_a_bordered_tables_wrapped_cells_are_joined():
    # psql / tabulate grid / org-mode: a cell too wide for its column runs on below.
    text = "\n".join(
        [
            "+----------+----------+------------+-------------+",
            "| 一级指标 | 二级指标 | 三级指标   | 指标值      |",
            "+==========+==========+============+=============+",
            "| 产出指标 | 数量指标 | 培训场次   | 一年举办1次 |",
            "|          |          |            | 社区专管员  |",
            "|          |          |            | 培训        |",
            "+----------+----------+------------+-------------+",
            "|          |          | Service    | 100%        |",
            "|          |          | level      |             |",
            "├──────────┼──────────┼────────────┼─────────────┤",
        ]
    )
    result = import_text("项目名称 甲\n" + text)
    rows = [(r.level1, r.level2, r.name, r.annual) for r in result.tables[0].indicators]
    assert rows == [
        ("产出指标", "数量指标", "培训场次", "一年举办1次社区专管员培训"),
        ("产出指标", "数量指标", "Service level", "100%"),
    ]
    assert result.report == []
