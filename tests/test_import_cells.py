"""Splitting pasted text into cells, and recognising labels."""

from __future__ import annotations

from tui.importing import import_text
from tui.importing.cells import split_cells
from tui.importing.labels import goal_period, header_label, normalise, split_department
from tui.importing.levels import level_fit


def _texts(grid):
    return [[(c.text, c.line, c.column) for c in row] for row in grid.rows]


def test_tabs_keep_positions_and_drop_empty_cells():
    grid = split_cells("项目名称\t\t 甲 \n")
    assert not grid.stream
    assert _texts(grid) == [[("项目名称", 1, 1), ("甲", 1, 8)]]
    assert [c.index for c in grid.rows[0]] == [0, 2]


def test_pipes_spaces_and_rules():
    grid = split_cells("| a | b |\n|---|---|\nc   d  e f\n------\n")
    assert _texts(grid) == [
        [("a", 1, 3), ("b", 1, 7)],
        [("c", 3, 1), ("d", 3, 5), ("e f", 3, 8)],
    ]


def test_markdown_heading_marker_is_dropped():
    grid = split_cells("## 项目名称\t甲\n")
    assert _texts(grid) == [[("项目名称", 1, 4), ("甲", 1, 9)]]


def test_one_cell_per_line_is_a_stream():
    grid = split_cells("项目名称\n\n甲\n\n实施单位\n\n乙\n")
    assert grid.stream
    assert [c.text for c in grid.cells()] == ["项目名称", "甲", "实施单位", "乙"]
    assert [c.line for c in grid.cells()] == [1, 3, 5, 7]


def test_crlf_and_bom():
    grid = split_cells("\ufeffa\tb\r\nc\td\r\n")
    assert _texts(grid) == [[("a", 1, 1), ("b", 1, 3)], [("c", 2, 1), ("d", 2, 3)]]


def test_invisible_characters_are_dropped():
    # A web page's copy: zero-width spaces and a soft hyphen inside words, a BOM mid-text.
    grid = split_cells("三级\u200b指标\t指标值\n受益\u00ad人数\t\ufeff120\u200d人\n")
    assert [[c.text for c in row] for row in grid.rows] == [
        ["三级指标", "指标值"],
        ["受益人数", "120人"],
    ]


def test_invisible_characters_do_not_hide_labels():
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出\u200b指标\t数量\u200b指标\t户数\t120户\n"
    )
    rows = [(r.level1, r.level2, r.name, r.annual) for r in import_text(text).tables[0].indicators]
    assert rows == [("产出指标", "数量指标", "户数", "120户")]


def test_label_normal_form():
    assert normalise("其中:财政拨款") == "财政拨款"
    assert normalise("项目资金 (万元)") == "项目资金"
    assert normalise("中期目标（2020-2022）") == "中期目标"
    assert header_label("中期资金总额:").kind == "total"
    assert header_label("主管部门(及代码)").arg == "department"
    assert header_label("影响程度较高") is None
    inline = header_label("项目名称：甲项目")
    assert (inline.arg, inline.inline) == ("name", "甲项目")


def test_goal_period():
    assert goal_period("中期目标(2020-2022)") == "2020-2022"
    assert goal_period("中期滚动目标（2019年--2021年）") == "2019年--2021年"
    assert goal_period("年度目标") == ""


def test_split_department():
    assert split_department("市人社局 111") == ("市人社局", "111")
    assert split_department("[015001]武汉市青山区教育局") == ("武汉市青山区教育局", "015001")
    assert split_department("219-池州市贵池区棠溪镇人民政府") == (
        "池州市贵池区棠溪镇人民政府",
        "219",
    )
    assert split_department("市人社局") == ("市人社局", "")


def test_level_fit_prefers_the_chosen_framework():
    assert level_fit("产出 指标", 1, "2015") == 2
    assert level_fit("成本指标", 1, "2015") == 1  # a 一级 only in the 2021 tree
    assert level_fit("成本指标", 2, "2015") == 2
    assert level_fit("成本指标", 1, "2021") == 2
    assert level_fit("培训场次", 2, "2015") == 0


def test_after_an_indicator_heading_a_name_and_a_bare_number_are_two_cells():
    # A web table flattened with single spaces (Jiangxi, Inner Mongolia rows).
    grid = split_cells(
        "项目名称 某项目\n一级指标 二级指标 三级指标 指标值\n"
        "产出指标 数量指标 出差人次 24\n保障退休职工人数(人) 81\n财政资金到位及时支付率 100"
    )
    assert [[c.text for c in row] for row in grid.rows[2:]] == [
        ["产出指标", "数量指标", "出差人次", "24"],
        ["保障退休职工人数(人)", "81"],
        ["财政资金到位及时支付率", "100"],
    ]


def test_before_an_indicator_heading_a_department_and_its_code_stay_one_cell():
    grid = split_cells("主管部门 市人社局 111\n市人社局 111\n一级指标 二级指标 三级指标 指标值")
    assert [c.text for c in grid.rows[1]] == ["市人社局 111"]
