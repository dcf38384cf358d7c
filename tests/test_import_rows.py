"""import_rows: indicator rows pasted into an open table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tui.importing import import_rows


def test_rows_with_both_halves_and_no_header():
    text = (
        "产出指标\t数量指标\t培训场次\t2次\t数量指标\t培训场次\t1次\n"
        "\t\t培训人次\t200人\t\t培训人次\t100人\n"
    )
    result = import_rows(text)
    (table,) = result.tables
    assert result.report == []
    assert [(r.level1, r.level2, r.name, r.medium, r.annual) for r in table.indicators] == [
        ("产出指标", "数量指标", "培训场次", "2次", "1次"),
        ("产出指标", "数量指标", "培训人次", "200人", "100人"),
    ]


def test_rows_with_one_value_go_to_the_annual_column():
    result = import_rows("社会效益指标\t受益人数\t≥500人\n\t惠及户数\t≥100户\n")
    assert [(r.level2, r.name, r.medium, r.annual) for r in result.tables[0].indicators] == [
        ("社会效益指标", "受益人数", "", "≥500人"),
        ("社会效益指标", "惠及户数", "", "≥100户"),
    ]


def test_header_row_is_used_and_leftovers_reported():
    text = "一级指标\t二级指标\t三级指标\t中期指标值\n产出指标\t质量指标\t合格率\t100%\n注\n"
    result = import_rows(text)
    rows = result.tables[0].indicators
    assert [(r.name, r.medium, r.annual) for r in rows] == [("合格率", "100%", "")]
    assert [(u.text, u.line) for u in result.report] == [("注", 3)]


# Pastes in each of the form's layouts, each with and without its heading row.
_LAYOUTS = {
    "3: 三级 + values": (
        "三级指标\t中期指标值\t年度指标值",
        "培训人次\t≥200人\t≥100人",
        ("", "", "培训人次", "≥200人", None, "≥100人"),
    ),
    "4: 二级 + 三级 + values": (
        "二级指标\t三级指标\t中期指标值\t年度指标值",
        "数量指标\t培训人次\t≥200人\t≥100人",
        ("产出指标", "数量指标", "培训人次", "≥200人", None, "≥100人"),
    ),
    "5: 一级 + 二级 + 三级 + 中期 + 年度": (
        "一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值",
        "产出指标\t数量指标\t培训人次\t≥200人\t≥100人",
        ("产出指标", "数量指标", "培训人次", "≥200人", None, "≥100人"),
    ),
    "6: with 年度三级": (
        "一级指标\t二级指标\t三级指标\t中期指标值\t年度三级指标\t年度指标值",
        "产出指标\t数量指标\t培训人次\t≥200人\t当年培训人次\t≥100人",
        ("产出指标", "数量指标", "培训人次", "≥200人", "当年培训人次", "≥100人"),
    ),
    "7: with 性质/单位/权重": (
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位\t权重",
        "产出指标\t数量指标\t绿化长度\t=\t3500\t米\t10",
        ("产出指标", "数量指标", "绿化长度", "", None, "3500"),
    ),
}


def _row(r):
    return (r.level1, r.level2, r.name, r.medium, r.annual_name, r.annual)


@pytest.mark.parametrize("layout", sorted(_LAYOUTS))
@pytest.mark.parametrize("with_heading", [True, False])
def test_pasted_layouts_land_right(layout, with_heading):
    heading, row, expected = _LAYOUTS[layout]
    text = (heading + "\n" if with_heading else "") + row + "\n"
    result = import_rows(text)
    (got,) = result.tables[0].indicators
    assert _row(got) == expected
    assert result.report == []


def test_extra_columns_fill_the_optional_fields_and_blank_cells_stay_absent():
    text = "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位\t权重\t备注\n"
    text += "产出指标\t数量指标\t绿化长度\t=\t3500\t米\t10\t\n产出指标\t数量指标\t宽度\t\t8\t\t\t\n"
    first, second = import_rows(text).tables[0].indicators
    assert (first.nature, first.unit, first.weight, first.remark) == ("=", "米", Decimal(10), None)
    assert (second.nature, second.unit, second.weight, second.remark) == (None, None, None, None)


def test_the_misread_paste_of_issue_11_reads_right():
    result = import_rows("产出指标\t数量指标\t培训人次\t≥200人\t≥100人")
    assert [_row(r) for r in result.tables[0].indicators] == [
        ("产出指标", "数量指标", "培训人次", "≥200人", None, "≥100人")
    ]


def test_control_characters_are_kept_as_data_in_order():
    text = "产出指标\t数量指标\tA\x1b[31mRED\x1b[0mB\t≥200人\t≥100人\n"
    (row,) = import_rows(text).tables[0].indicators
    assert row.name == "A\x1b[31mRED\x1b[0mB"
    with_heading = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t甲\x07乙\x00丙\t≥5\n"
    (row,) = import_rows(with_heading).tables[0].indicators
    assert row.name == "甲\x07乙\x00丙"


def test_what_cannot_be_placed_is_reported():
    result = import_rows(
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t甲\t≥5\n说明文字\n"
    )
    assert [r.name for r in result.tables[0].indicators] == ["甲"]
    assert [(u.text, u.line) for u in result.report] == [("说明文字", 3)]
