"""Rows copied out of Excel or LibreOffice: a cell with a line break, a tab or a quote is
quoted (``"第一行\\n第二行"``, ``""`` for a quote) and is read back as that one cell."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tui.importing import import_rows, import_text
from tui.importing.cells import split_cells
from tui.importing.quoted import records


def _excel_tsv(rows: list[list[str]]) -> str:
    """``rows`` as Excel puts them on the clipboard (the csv module's ``excel-tab`` dialect)."""
    out = io.StringIO()
    csv.writer(out, dialect="excel-tab").writerows(rows)
    return out.getvalue()


def test_a_quoted_cell_with_line_breaks_is_one_cell_not_a_junk_row():
    text = _excel_tsv(
        [
            ["产出指标", "数量指标", "培训人次\n（含线上）", "≥100人", "≥200人"],
            ["产出指标", "质量指标", "合格率", '"优秀"率\n不低于', "≥95%"],
        ]
    )
    assert text.count("\n") == 4  # two rows, each quoted cell adds a line
    result = import_rows(text)
    rows = result.tables[0].indicators
    assert [(r.name, r.medium, r.annual) for r in rows] == [
        ("培训人次\n（含线上）", "≥100人", "≥200人"),
        ("合格率", '"优秀"率\n不低于', "≥95%"),
    ]
    assert result.report == []
    # Each cell is placed where its text stands: the quoted cell spans its lines, the
    # cells after it stand on its last line (its second).
    name = next(p for p in result.placed if p.ref == ("indicators", 0, "name"))
    annual = next(p for p in result.placed if p.ref == ("indicators", 0, "annual"))
    assert (name.line, name.end_line, annual.line, annual.end_line) == (1, 2, 2, 2)
    line = text.split("\n")[annual.line - 1]
    assert line[annual.column - 1 :].startswith("≥200人")


def test_a_whole_project_pasted_with_a_multi_line_goal():
    text = _excel_tsv(
        [
            ["项目名称", "甲项目"],
            ["年度目标", "1. 完成培训\n2. 发放补贴\t按时"],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人次", "≥100人"],
        ]
    )
    (table,) = import_text(text).tables
    assert table.header.name == "甲项目"
    assert table.goals.annual == "1. 完成培训\n2. 发放补贴\t按时"
    assert [r.name for r in table.indicators] == ["培训人次"]


def test_a_quote_that_does_not_open_a_quoted_cell_stays_literal():
    text = '"十四五"规划\t≥1项\ta"b\t"\nx"y\t甲\t"z""\n'
    grid = split_cells(text)
    assert [[c.text for c in row] for row in grid.rows] == [
        ['"十四五"规划', "≥1项", 'a"b', '"'],
        ['x"y', "甲", '"z""'],
    ]


def test_records_without_quoted_cells_are_the_lines():
    for text in ("", "a\n", "a\r\nb\rc\n\nd", "\t\n\t"):
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert [r.text for r in records(text)] == lines
        assert [r.first for r in records(text)] == list(range(1, len(lines) + 1))


def test_an_unclosed_quote_does_not_swallow_the_lines_after_it():
    text = '产出指标\t数量指标\t"培训人次\t≥100人\n产出指标\t质量指标\t合格率\t≥95%\n'
    rows = import_rows(text).tables[0].indicators
    assert [r.name for r in rows] == ['"培训人次', "合格率"]


_CELL_CHARS = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs"), include_characters='\t\n"'
)
# A cell as jixiao keeps it: no space around it. Three shapes are a paste's own syntax
# and are read as such: a leading ' before =+-@' (the export's formula guard), a
# leading "# " (a Markdown heading), a row of only drawing characters (a rule).
_cell = (
    st.text(_CELL_CHARS, max_size=10).map(str.strip).filter(lambda c: not c.startswith(("'", "#")))
)
_RULE = re.compile(r"^[-=_—─━:+*~.·]{3,}$")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_cell, min_size=2, max_size=6), min_size=1, max_size=6))
def test_rows_written_as_excel_writes_tsv_read_back_as_the_same_cells(rows):
    filled = [[(i, c) for i, c in enumerate(row) if c] for row in rows]
    assume(all(len(row) >= 2 for row in filled))
    assume(not any(all(_RULE.match(c) for _, c in row) for row in filled))
    grid = split_cells(_excel_tsv(rows))
    assert [[(c.index, c.text) for c in row] for row in grid.rows] == filled
