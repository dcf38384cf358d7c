"""Random text never crashes the importer, and no non-empty cell is dropped silently."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.importing import import_rows, import_text
from tui.importing.cells import split_cells

_WORDS = [
    "项目名称",
    "主管部门及代码",
    "实施单位",
    "项目期",
    "项目资金 (万元)",
    "中期资金总额:",
    "年度资金总额:",
    "其中:财政拨款",
    "其他资金",
    "总体目标",
    "中期目标(2020-2022)",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "产出指标",
    "数量指标",
    "成本指标",
    "满意度指标",
    "服务对象满意度",
    "103.00",
    "较高",
    "2021年项目支出预算绩效目标表",
    "填表人：张三",
    "------",
    "中期",
    "年度",
    "年度三级指标",
]
# quotes too: a paste may hold spreadsheet-quoted cells, or quotes that open none
_SEPS = ["\t", "\t\t", "  ", " | ", "\n", "\n\n", " ", '\t"', '"\t', '""', '"\n']
_text = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SEPS), st.text(max_size=8))
).map("".join)


def _check(text: str, result) -> None:
    grid = split_cells(text)
    placed = {(p.line, p.column) for p in result.placed}
    reported = {(u.line, u.column) for u in result.report}
    assert not placed & reported
    for cell in grid.cells():
        assert cell.key in placed | reported, cell
    # Independent of the splitter: a line with visible text has a placed or reported cell
    # (a cell wrapped over several lines, or quoted across them, covers them all; the
    # quotes of a spreadsheet-quoted cell are syntax, not text).
    spans = [(p.line, p.end_line) for p in result.placed] + [
        (u.line, u.end_line) for u in result.report
    ]
    lines = {n for start, end in spans for n in range(start, max(start, end) + 1)}
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff")), start=1):
        visible = "".join(
            ch
            for ch in line
            if not ch.isspace()
            and ch not in '|-=_—─━:+*~.·#"'
            and unicodedata.category(ch) != "Cf"  # zero-width and other invisible characters
        )
        if visible:
            assert number in lines, (number, line)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_import_text_places_or_reports_every_cell(text):
    _check(text, import_text(text))


@settings(max_examples=150, deadline=None)
@given(_text)
def test_import_rows_places_or_reports_every_cell(text):
    _check(text, import_rows(text))


_STYLES = {
    "tab": lambda cells: "\t".join(cells),
    "pipe": lambda cells: "| " + " | ".join(cells) + " |",
    "spaces": lambda cells: "   ".join(cells),
    "space": lambda cells: " ".join(cells),
    "lines": lambda cells: "\n\n".join(cells),
    "glued": lambda cells: "".join(cells),
}
_cell = st.one_of(
    st.sampled_from(_WORDS + ["≥90%", "100%", "每月10日前", "培训人次", "=", "%", "10"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6),
)
_table = st.lists(st.lists(_cell, min_size=1, max_size=8), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(_table, st.sampled_from(sorted(_STYLES)))
def test_random_tables_in_every_separator_style_place_or_report_every_cell(rows, style):
    head = ["项目名称", "甲", "\n", "一级指标", "二级指标", "三级指标", "指标值"]
    lines = [_STYLES[style](head[:2]), _STYLES[style](head[3:])]
    lines += [_STYLES[style](row) for row in rows]
    text = "\n".join(lines)
    _check(text, import_text(text))
    _check(text, import_rows(text))


def _markdown(rows: list[list[str]]) -> str:
    """``rows`` as a Markdown table: a delimiter row under the first."""
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]])


def _grid(rows: list[list[str]], width: int = 3) -> str:
    """``rows`` as a bordered table whose cells wrap every ``width`` characters."""
    columns = max(len(row) for row in rows)
    rule = "+" + "-----+" * columns
    out = [rule]
    for row in rows:
        pieces = [[cell[i : i + width] for i in range(0, len(cell), width)] for cell in row]
        for k in range(max(len(p) for p in pieces)):
            cells = [p[k] if k < len(p) else "" for p in pieces]
            out.append("| " + " | ".join(cells + [""] * (columns - len(cells))) + " |")
        out.append(rule)
    return "\n".join(out)


@settings(max_examples=200, deadline=None)
@given(_table, st.sampled_from(["markdown", "grid"]))
def test_random_drawn_tables_place_or_report_every_cell(rows, style):
    # Markdown and bordered tables are read a row at a time (tui/importing/markdown.py,
    # bordered.py); whatever their cells hold, each is placed or reported.
    rows = [["项目名称", "甲"], ["一级指标", "二级指标", "三级指标", "指标值"], *rows]
    rows = [[cell.replace("\n", " ").replace("|", "/") for cell in row] for row in rows]
    text = (_markdown if style == "markdown" else _grid)(rows)
    _check(text, import_text(text))
