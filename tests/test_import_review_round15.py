"""Faults a hostile review of this round's importer rules found (docs/import.md), each
with the input that showed it."""

from __future__ import annotations

from decimal import Decimal

from tui.importing import import_text
from tui.importing.cells import split_cells


def test_an_amount_in_yuan_before_a_clause_is_converted_to_wanyuan():
    text = "项目名称：乡村教师培训\n年度资金总额：1000000元，其中：\n财政拨款：800000元\n"
    result = import_text(text)
    funding = result.tables[0].funding.annual
    assert (funding.total, funding.fiscal) == (Decimal("100.00"), Decimal("80.00"))
    assert len(result.notes) == 2  # both conversions said


def test_a_heading_with_monitoring_or_evaluation_columns_but_no_target_is_kept():
    monitoring = (
        "一级指标 | 二级指标 | 三级指标 | 1-6月执行情况 | 全年预计完成情况 | 偏差原因\n"
        "产出指标 | 数量指标 | 培训人数 | 150人 | 300人 | 无\n"
    )
    (table,) = import_text(monitoring).tables
    (row,) = table.indicators
    assert (row.medium, row.annual, table.stage) == ("", "", "monitoring")
    assert (row.monitoring[6].progress, row.monitoring[6].forecast) == ("150人", "300人")
    evaluation = (
        "一级指标 | 二级指标 | 三级指标 | 实际完成值 | 分值 | 得分\n"
        "产出指标 | 数量指标 | 培训人数 | 310人 | 20 | 20\n"
    )
    (row,) = import_text(evaluation).tables[0].indicators
    assert (row.annual, row.actual, row.weight, row.score) == ("", "310人", 20, 20)


def test_a_lone_ideographic_space_is_the_cell_gap_on_a_line_with_spaces_of_its_own():
    text = "一级指标　二级指标　三级指标　指标值\n产出指标　数量指标　4G 基站建设数量　100个\n"
    (row,) = import_text(text).tables[0].indicators
    assert (row.name, row.annual) == ("4G 基站建设数量", "100个")


def test_a_cell_after_spaces_is_placed_where_its_text_starts():
    text = "时效指标 ： 按时完成"
    (row,) = split_cells(text).rows
    for cell in row:
        assert text[cell.column - 1 :].startswith(cell.text), cell


def test_a_colon_between_two_numbers_is_a_ratio_not_a_labels_end():
    text = "项目名称 甲\n一级指标 二级指标 三级指标 指标值\n产出指标 质量指标 生师比 18 : 1\n"
    result = import_text(text)
    assert [r.annual for r in result.tables[0].indicators] == ["18"]
    assert {u.text for u in result.report} == {":", "1"}


def test_numbered_instructions_before_the_first_project_are_no_table():
    text = (
        "1. 产出指标 数量指标 应填写 100%\n2. 效益指标 社会效益指标 可填写 ≥90%\n"
        "3. 满意度指标 服务对象满意度指标 一般不低于 85%\n"
        "项目名称 甲\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 人数 5人\n"
    )
    result = import_text(text)
    assert [t.header.name for t in result.tables] == ["甲"]
    assert {u.reason_en for u in result.report} == {"text outside any table"}
