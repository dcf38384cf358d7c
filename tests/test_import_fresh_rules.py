"""One minimal input per general cause found on the fresh sets (``real_fresh/``,
``real_fresh2/``; docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

from tests.realcorpus import imported_rows, unplaced_reasons
from tui.importing import import_text
from tui.importing.cells import split_cells
from tui.importing.shapes import is_value, split_inner_values

# --- tokenizer ---------------------------------------------------------------------------


def test_a_wrap_space_inside_a_glued_cell_is_no_separator():
    # A .docx pasted as text keeps its line wraps as single spaces inside the cells.
    text = (
        "项目名称县级储备粮\n一级 指标二级 指标三级指标年度指标 值\n"
        "产出指标质量 指标县级储备粮管理制 度严格执行率100%时效 指标应急保 障率100%"
    )
    _, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "质量指标", "县级储备粮管理制度严格执行率", "", "100%"),
        ("产出指标", "时效指标", "应急保障率", "", "100%"),
    ]
    line = text.split("\n")[2]
    cells = split_cells(text).rows[2]
    assert [c.column for c in cells[-2:]] == [line.index("应急") + 1, line.rindex("100%") + 1]


def test_quantities_that_begin_a_glued_name_stay_in_it():
    assert split_inner_values("5000吨稻谷、500吨成品粮储备到位率100%100%库存数量真实率") == [
        "5000吨稻谷、500吨成品粮储备到位率",
        "100%",
        "100%",
        "库存数量真实率",
    ]
    assert split_inner_values("情况2280次大楼安检巡察次数")[1] == "2280次"  # still cut


def test_a_quantity_in_a_scoring_rule_stays_in_its_text():
    assert split_inner_values("按标准发放得10分,每少1元扣1分-定量") == [
        "按标准发放得10分,每少1元扣1分-定量"
    ]


def test_an_annotation_after_a_category_on_its_own_line_stays_with_it():
    # 成本指标(必填硬性指标) was cut into two cells; the lines were no longer one cell each.
    text = "\n\n".join(
        ["项目", "指标值", "产出指标", "成本指标(必填硬性指标)", "按标准采购", "100%"]
        + ["满意度指标", "服务对象满意度指标(必填)", "服务对象满意度", "100%"]
    )
    grid = split_cells(text)
    assert grid.stream
    assert "成本指标(必填硬性指标)" in [c.text for c in grid.cells()]
    result, rows = imported_rows(text)
    assert ("产出指标", "成本指标", "按标准采购", "", "100%") in rows
    assert ("满意度指标", "服务对象满意度指标", "服务对象满意度", "", "100%") in rows
    assert "annotation" in " ".join(n.reason_en for n in result.notes)


# --- value shapes ------------------------------------------------------------------------


def test_value_shapes_of_real_tables():
    for value in (
        "375万平方米",  # a unit with 万
        "150万",  # 万元 written 万
        "17元/人.每天",  # a unit per person per day
        "2023年12月31日",  # a date
        "大于90%",  # a comparison in words
        "不低于95%",
        "0起",
        "550万粒",
        "全年",
    ):
        assert is_value(value), value
    assert not is_value("县级储备粮")


def test_a_glued_value_keeps_its_qualifier_per_unit_and_date():
    text = (
        "项目名称甲\n一级指标二级指标三级指标指标值指标值内容\n"
        "产出指标质量指标伙食补助发放率90%以上实际发放金额/应发放金额"
        "时效指标任务完成时间2023年12月31日反映完成时间"
        "成本指标学生补助标准17元/人.每天反映用餐标准"
        "数量指标补助学生数量168反映补助人数"
    )
    _, rows = imported_rows(text)
    assert ("产出指标", "质量指标", "伙食补助发放率", "", "90%以上") in rows
    assert ("产出指标", "时效指标", "任务完成时间", "", "2023年12月31日") in rows
    assert ("产出指标", "成本指标", "学生补助标准", "", "17元/人.每天") in rows
    assert ("产出指标", "数量指标", "补助学生数量", "", "168") in rows  # cut before 反映…


# --- headings ----------------------------------------------------------------------------


def test_heading_variants_of_local_forms():
    text = (
        "项目名称\t甲\n"
        "一级指标\t二级指标\t三级指标\t指标值类型\t目标值\t度量单位\t指标值内容\n"
        "成本指标\t经济成本指标\t中心经费\t≤\t70\t万元\t反映中心经费。\n"
    )
    (table,) = import_text(text).tables
    (row,) = table.indicators
    assert (row.name, row.annual, row.nature, row.unit) == ("中心经费", "70", "≤", "万元")
    assert row.explanation == "反映中心经费。"


def test_an_unknown_heading_between_known_ones_keeps_the_heading_whole():
    # 评(扣分标准) (a misprint) used to end the heading: the columns after it read as a row.
    text = (
        "项目名称\t甲\n"
        "一级指标\t二级指标\t三级指标\t指标值\t评(扣分标准)\t度量单位\n"
        "产出指标\t数量指标\t培训人次\t≥100\t少1人扣1分\t人次\n"
    )
    result = import_text(text)
    (table,) = result.tables
    (row,) = table.indicators
    assert (row.name, row.annual, row.unit) == ("培训人次", "≥100", "人次")
    assert unplaced_reasons(result)["少1人扣1分"] == "column not recognised; not imported"
    assert "评(扣分标准)" not in unplaced_reasons(result)  # a heading, placed as a label


def test_self_evaluation_heading_variants():
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t未完成原因和改进措施\n"
        "产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t无\n"
    )
    result, rows = imported_rows(text)
    assert rows == [("产出指标", "数量指标", "培训人次", "", "≥100人次")]
    row = result.tables[0].indicators[0]
    assert (row.actual, row.deviation) == ("120人次", "无")


def test_a_short_row_of_a_two_halves_table_keeps_its_name():
    # 三级 | 值 under 一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值: the name once read as a
    # 中期 value, the value as a 年度 one, and the row was lost.
    text = (
        "项目名称 | 甲 |\n"
        "一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |\n"
        "产出指标 | 质量指标 | 经费支出合规性 | 较高 | 质量指标 |\n"
        "项目验收合格率 | ≥100百分比 |\n"
    )
    _, rows = imported_rows(text)
    assert ("产出指标", "质量指标", "项目验收合格率", "≥100百分比", "") in rows


def test_a_form_without_a_level3_column_gives_rows_without_a_name():
    # 指标类型 | 指标名称 | 指标值 | 指标描述, the 指标名称 column holding the 二级 names.
    text = (
        "项目名称 | 绿化养护 |\n指标类型 | 指标名称 | 指标值 | 指标描述 |\n"
        "产出指标 | 数量指标 | 375万平方米 | 完成绿地养护 |\n"
        "效益指标 | 可持续性发展影响指标 | 是 | 保障养护正常运行 |\n"
        "最近年度绩效评价情况 | 优秀□ 良好□ |\n"
    )
    result, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "", "", "375万平方米"),
        ("效益指标", "可持续性发展影响指标", "", "", "是"),
    ]
    assert result.tables[0].indicators[0].explanation == "完成绿地养护"
    assert unplaced_reasons(result)["优秀□ 良好□"]  # the form's next section, reported


# --- the block and what follows it -------------------------------------------------------


def test_the_block_title_repeated_at_a_page_break_and_a_note_end_are_no_rows():
    text = (
        "项目名称县级储备粮\n一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施\n"
        "效益指标经济效益指标利息费用保障率100%100%绩效指标效益指标生态效益指标"
        "食品安全指标达标率100%100%说明无注:1、其他资金包括中央补助"
    )
    result, rows = imported_rows(text)
    assert rows == [
        ("效益指标", "经济效益指标", "利息费用保障率", "", "100%"),
        ("效益指标", "生态效益指标", "食品安全指标达标率", "", "100%"),
    ]
    assert unplaced_reasons(result)["注:1、其他资金包括中央补助"] == "text after the total row"
    assert [r.deviation for r in result.tables[0].indicators] == [None, None]  # 说明无: a section


def test_template_filler_rows_are_placeholders_and_still_tell_the_framework():
    # A system fills an empty row with 三级 0 and 0.00%; the 成本指标 一级 above them still
    # says the table follows the 2021 framework.
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
        "成本指标\t经济成本指标\t0\t0.00%\n"
        "产出指标\t数量指标\t培训人次\t≥100人次\n"
    )
    result, rows = imported_rows(text)
    assert rows == [("产出指标", "数量指标", "培训人次", "", "≥100人次")]
    assert result.tables[0].framework == "2021"
    assert unplaced_reasons(result)["0.00%"] == "template placeholder; not imported"


def test_a_download_line_after_the_table_is_page_text():
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t人次\t5\n附件下载:\n"
    )
    result, rows = imported_rows(text)
    assert rows == [("产出指标", "数量指标", "人次", "", "5")]
    assert unplaced_reasons(result)["附件下载:"] == "page text; not imported"
