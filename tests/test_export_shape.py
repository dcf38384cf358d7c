"""Property test: random cell texts never break a table's shape, in any format."""

from __future__ import annotations

import csv
import io
import unicodedata
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from wcwidth import wcswidth

from tests.test_export_markdown import parse_tables
from tests.test_export_text import grid_blocks
from tui.escape import visible
from tui.export import export_tables
from tui.export.layout import document_layout
from tui.export.tsv import guard
from tui.model import Amounts, Funding, Goals, Header, Indicator, Table

_SPECIAL = list("|\\\n\r\t\x1b\x07\x00\x7f\x85\x9b[]*_`<>&~$#:，、（）：；。 ") + [
    "\u200d",
    "\u0301",
    "\ufe0f",
    "\u202e",
    "\u2028",
    "\u3000",
    "\xa0",
    "👍",
    "👨‍👩‍👧",
    "🇨🇳",
    "\x1b[31m",
    "\x1b]8;;http://x\x07",
    "<br>",
    "&amp;",
]
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cn", "Co"))
_PIECES = st.one_of(st.sampled_from(_SPECIAL), st.sampled_from("产出指标中期年度甲乙"), _CHARS)
cell_text = st.lists(_PIECES, max_size=20).map("".join)
amount = st.none() | st.decimals(
    min_value=-1000, max_value=10**6, places=2, allow_nan=False, allow_infinity=False
)
rows = st.builds(
    Indicator,
    level1=cell_text,
    level2=cell_text,
    name=cell_text,
    medium=cell_text,
    annual=cell_text,
    annual_name=st.none() | cell_text,
    unit=st.none() | cell_text,
    weight=st.none() | st.just(Decimal("10")),
)
tables = st.builds(
    Table,
    year=st.none() | st.integers(2015, 2030),
    header=st.builds(Header, name=cell_text, department=cell_text, period=cell_text),
    funding=st.builds(
        Funding,
        medium=st.builds(Amounts, total=amount, fiscal=amount),
        annual=st.builds(Amounts, total=amount, other=amount),
    ),
    goals=st.builds(Goals, medium_period=cell_text, medium=cell_text, annual=cell_text),
    indicators=st.lists(rows, min_size=1, max_size=4),
)


def _no_raw_controls(text: str, allowed: str) -> None:
    for char in text:
        if char not in allowed:
            assert unicodedata.category(char) not in ("Cc", "Cs", "Zl", "Zp"), repr(char)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(tables, min_size=1, max_size=2),
    st.sampled_from(["both", "medium", "annual"]),
    st.integers(70, 130),
)
def test_random_texts_keep_every_format_in_shape(tabs, columns, width):
    grids = [grid for s in document_layout(tabs, columns) for p in s.projects for grid in p]
    shapes = [len(grid.headers) for grid in grids]

    parsed = parse_tables(export_tables(tabs, "md", columns=columns))
    assert [len(rows[0]) for rows in parsed] == shapes
    for rows, grid in zip(parsed, grids):
        assert len(rows) == len(grid.rows) + 1
        assert all(len(row) == len(rows[0]) for row in rows)
        for got, cell in zip(rows[1], grid.rows[0]):
            assert "".join(got.split()) == "".join(visible(cell).split())

    text = export_tables(tabs, "txt", width=width, columns=columns)
    _no_raw_controls(text, "\n")
    blocks = grid_blocks(text)
    assert len(blocks) == len(grids)
    for lines in blocks:
        assert len({wcswidth(line) for line in lines}) == 1
        assert wcswidth(lines[0]) <= width

    tsv = export_tables(tabs, "tsv", columns=columns)
    _no_raw_controls(tsv, "\n\t")
    records = [row for row in csv.reader(io.StringIO(tsv), delimiter="\t") if row]
    body = [row for row in records if not row[0].endswith("项目支出预算绩效目标表")]
    expected = [
        [guard(visible(c)) for c in row] for grid in grids for row in [grid.headers, *grid.rows]
    ]
    assert body == expected
