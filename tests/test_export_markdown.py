"""Markdown export: parsed with markdown-it-py, every table keeps its shape and text."""

from __future__ import annotations

from markdown_it import MarkdownIt

from tests.conftest import DATA_FILES
from tui.escape import markdown_cell
from tui.export import export_table, export_tables
from tui.model import Indicator, Table
from tui.tomlfile.loader import load_table


def parse_tables(text: str) -> list[list[list[str]]]:
    """Each table of a Markdown document as rows of cell texts (``<br>`` read as a line break)."""
    tables: list[list[list[str]]] = []
    in_table = False
    for token in MarkdownIt().enable("table").parse(text):
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
            if in_table:
                tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and in_table:
            parts = []
            for child in token.children or []:
                if child.type == "html_inline" and child.content == "<br>":
                    parts.append("\n")
                elif child.type == "text":
                    parts.append(child.content)
                else:
                    raise AssertionError(f"markup in a cell: {child.type} {child.content!r}")
            tables[-1][-1].append("".join(parts))
    return tables


def test_data_folder_parses_as_tables_of_the_right_shape():
    tables = [load_table(path) for path in DATA_FILES]
    parsed = parse_tables(export_tables(tables, "md"))
    assert len(parsed) == 4 * len(tables)
    for rows in parsed:
        assert len({len(row) for row in rows}) == 1
    expected_columns = [2, 3, 2, 6] * len(tables)
    assert [len(rows[0]) for rows in parsed] == expected_columns


def test_every_cell_text_of_the_source_appears():
    for path in DATA_FILES:
        table = load_table(path)
        cells = {
            cell for rows in parse_tables(export_table(table, "md")) for row in rows for cell in row
        }
        head = table.header
        expected = {head.name, head.implementer, head.attribute, head.period}
        expected |= {table.goals.medium, table.goals.annual}
        for row in table.indicators:
            expected |= {row.level1, row.level2, row.name, row.medium, row.annual}
            expected |= {row.effective_annual_name}
        assert expected <= cells, expected - cells


def test_pipes_backslashes_and_line_breaks_are_escaped():
    text = "a|b \\| c\\\n*not em* <b>x</b> `code` [l](u) &amp; ~~s~~ $x$"
    assert "\n" not in markdown_cell(text)
    assert markdown_cell("甲\n乙") == "甲<br>乙"
    table = Table(year=2021, indicators=[Indicator("产出指标", "数量指标", text, text, text)])
    parsed = parse_tables(export_table(table, "md"))
    indicators = parsed[3]
    assert len(indicators[1]) == len(indicators[0]) == 5
    assert indicators[1][2] == text


def test_title_is_a_heading():
    out = export_table(Table(year=2021), "md")
    assert out.startswith("# 2021年项目支出预算绩效目标表\n\n")
