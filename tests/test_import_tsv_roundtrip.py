"""TSV export → import is the identity: spreadsheet guards, blank cells and odd values survive."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA_FILES
from tui.export import export_tables
from tui.export.tsv import guard
from tui.frameworks import FRAMEWORKS
from tui.importing import import_text
from tui.importing.cells import unguard
from tui.importing.labels import furniture, header_label
from tui.importing.levels import is_level
from tui.importing.shapes import is_placeholder
from tui.model import Indicator, Table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.loader import load_table


def test_guard_marks_formula_cells_and_import_takes_it_off():
    for cell in ("=SUM(A1)", "+1", "-5%", "@x", "'quoted", "\tx", "\rx"):
        assert guard(cell).startswith("'")
        assert unguard(guard(cell)) == cell
    for cell in ("≥90%", "培训人次", "", "a=b"):
        assert guard(cell) == cell


def test_data_tables_round_trip_through_tsv():
    tables = [load_table(p) for p in DATA_FILES]
    again = import_text(export_tables(tables, "tsv")).tables
    assert [dump_table(t) for t in again] == [dump_table(t) for t in tables]


def test_satisfaction_row_and_blank_cells_round_trip():
    table = Table(year=2024, framework="2015")
    table.header.name = "甲项目"
    table.indicators = [
        Indicator("产出指标", "数量指标", "培训人次", "≥200人", "≥100人"),
        Indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "", "≥90%"),
        Indicator("效益指标", "社会效益指标", "=1+1", "-5%", "@home", nature="≥", unit="%"),
    ]
    (again,) = import_text(export_tables([table], "tsv")).tables
    assert again.indicators == table.indicators
    assert again.indicators[1].medium == ""  # blank stays blank, never the 年度值 moved left
    assert again.indicators[0].remark is None  # an absent optional key stays absent


_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S"),
    exclude_characters="\\|",
    include_characters='"\n',
)
_text = st.text(_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)


# A cell written exactly like a form label (项目名称, 实施单位…) or a level label reads as
# that label, in the header and in the rows alike.
_header_text = _text.filter(lambda t: header_label(t) is None and not is_level(t))
# A 三级 written like a template slot left unfilled (指标2, ……, a 0 beside a 0.00%) is
# reported as one when its values are too; one written like the form's total row (合计,
# 总分) starting a line ends the table as that row does (a value 总分 is a value).
_name_text = _header_text.filter(
    lambda t: not is_placeholder(t) and furniture(t) != ("合计行", "total row")
)


@st.composite
def _tables(draw) -> Table:
    framework = draw(st.sampled_from(sorted(FRAMEWORKS)))
    table = Table(year=draw(st.integers(2000, 2100)), framework=framework)
    levels = [(l1, l2) for l1, l2s in FRAMEWORKS[framework].level2.items() for l2 in l2s]
    table.header.name = draw(_header_text)
    table.header.implementer = draw(_header_text)
    table.funding.annual.total = Decimal(draw(st.integers(0, 10**6))).scaleb(-2)  # as shown
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        l1, l2 = draw(st.sampled_from(levels))
        rows.append(
            Indicator(
                l1,
                l2,
                draw(_name_text),
                draw(st.one_of(st.just(""), _header_text)),
                draw(_header_text),
                nature=draw(st.one_of(st.none(), st.sampled_from(["≥", "≤", "=", "定性"]))),
                remark=draw(st.one_of(st.none(), _text)),
            )
        )
    table.indicators = rows
    return table


@settings(max_examples=150, deadline=None)
@given(_tables())
def test_tsv_export_then_import_is_the_identity(table):
    # The TSV carries no framework: a 2021 table whose tree has no 成本指标 一级 reads as
    # 2015 unless --framework says otherwise, so the framework is given here.
    (again,) = import_text(export_tables([table], "tsv"), framework=table.framework).tables
    assert dump_table(again) == dump_table(table)


def test_a_row_named_like_a_page_number_is_a_row():
    """Found by the round trip: a 三级 named 0/0 in a row of cells was dropped as a page number."""
    table = Table(year=2000, framework="2015")
    table.header.name = "甲"
    table.indicators = [
        Indicator("产出指标", "数量指标", "甲", "", "0"),
        Indicator("产出指标", "数量指标", "0/0", "", "0"),
    ]
    (again,) = import_text(export_tables([table], "tsv"), framework="2015").tables
    assert [r.name for r in again.indicators] == ["甲", "0/0"]


def test_multi_line_and_quoted_cells_round_trip():
    """A line break or a quote in a cell: the TSV quotes the cell, import reads it back."""
    table = Table(year=2024, framework="2015")
    table.header.name = '甲\n"乙"'
    table.goals.annual = '1、完成培训\n2、"发放"补贴'
    table.indicators = [
        Indicator("产出指标", "数量指标", "培训\n人次", '"≥1"', "-5\n6", remark="a\nb"),
    ]
    text = export_tables([table], "tsv")
    assert '"培训\n人次"' in text  # quoted as Excel quotes it
    (again,) = import_text(text, framework="2015").tables
    assert dump_table(again) == dump_table(table)


def test_a_value_written_like_a_total_is_a_value():
    """Found by the round trip: a 年度值 总分 in a row of cells ended the table as a 合计 row."""
    table = Table(year=2000, framework="2015")
    table.header.name = "甲"
    table.indicators = [
        Indicator("产出指标", "数量指标", "甲", "", "1"),
        Indicator("产出指标", "数量指标", "乙", "", "总分"),
    ]
    (again,) = import_text(export_tables([table], "tsv"), framework="2015").tables
    assert [(r.name, r.annual) for r in again.indicators] == [("甲", "1"), ("乙", "总分")]


def test_a_note_saying_a_project_label_after_the_levels_is_no_new_project():
    # Found by the property above: 备注 专项名称 (a label of the form) started a project.
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t年度指标值\t备注\n"
        "产出指标\t数量指标\t培训人次\t100人\t专项名称\n"
        "\t\t培训场次\t2次\t项目名称\n"  # the levels left blank below, as merged cells copy
    )
    (table,) = import_text(text).tables
    assert [(r.name, r.annual, r.remark) for r in table.indicators] == [
        ("培训人次", "100人", "专项名称"),
        ("培训场次", "2次", "项目名称"),
    ]
