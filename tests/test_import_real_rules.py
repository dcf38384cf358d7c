"""One minimal input per general cause found on the held-out real tables (docs/import.md)."""

from __future__ import annotations

from tests.realcorpus import imported_rows, unplaced_reasons
from tui.importing.cells import split_cells

_HEAD = "项目名称\t甲\n"
_SPACED = "项目名称 甲\n一级指标 二级指标 三级指标 指标值\n"


# --- tokenizer ---------------------------------------------------------------------------


def test_a_label_with_a_short_word_after_it_is_one_word_not_a_glued_paste():
    # 财政资金补助 (a 三级 name) and a title 绩效目标申报表 once made the whole paste "glued".
    text = "\n\n".join(
        ["绩效目标申报表", "项目名称", "甲", "一级指标", "二级指标", "三级指标", "指标值"]
        + ["产出指标", "成本指标", "财政资金补助", "1600元/亩", "数量指标", "道路里程", "≥100公里"]
    )
    grid = split_cells(text)
    assert not grid.glued and grid.stream
    _, rows = imported_rows(text)
    assert ("产出指标", "成本指标", "财政资金补助", "", "1600元/亩") in rows
    assert ("产出指标", "数量指标", "道路里程", "", "≥100公里") in rows


def test_one_sure_sign_or_two_likely_ones_make_a_paste_glued():
    assert split_cells("项目名称甲\n产出指标数量指标培训人次100人次").glued
    assert split_cells("项目名称农村义务教育学校改造\n项目主管部门青山区教育局").glued
    assert not split_cells("项目类别 (31)部门预算项目\n财政拨款数 3").glued


def test_a_two_word_line_in_a_table_of_rows_is_a_name_and_its_value():
    text = (
        "项目名称 甲\n一级指标 二级指标 三级指标 指标值\n"
        "产出指标 时效指标 项目实施时间 2021年1月-12月\n资金拨付 12月底到位\n"
        "流转土地 >=60亩\n"
    )
    _, rows = imported_rows(text)
    assert ("产出指标", "时效指标", "资金拨付", "", "12月底到位") in rows
    assert ("产出指标", "时效指标", "流转土地", "", ">=60亩") in rows


def test_a_two_word_cell_of_a_stream_and_a_code_stay_whole():
    first = split_cells("影响程度 较高\n\n较高\n\n是").cells()[0]
    assert first.text == "影响程度 较高"
    rows = split_cells("市人社局 111\n产出指标 数量指标 人数 5人").rows
    assert [c.text for c in rows[0]] == ["市人社局 111"]


def test_spaces_inside_parentheses_do_not_cut_a_cell():
    text = _SPACED + "产出指标 数量指标 景点数量( ≥**个 ) >=4个\n"
    _, rows = imported_rows(text)
    assert rows == [("产出指标", "数量指标", "景点数量( ≥**个 )", "", ">=4个")]


def test_a_label_tail_on_the_next_line_is_joined():
    text = _SPACED + "绩效指标 项目完成\n指标\n数量指标 扶助人数 63人\n"
    result, rows = imported_rows(text)
    assert rows == [("项目完成指标", "数量指标", "扶助人数", "", "63人")]
    assert result.tables[0].indicators[0].level1 == "项目完成指标"  # Sichuan's 产出指标


def test_a_wrapped_column_heading_is_joined_in_a_stream():
    cells = ["项目名称", "甲", "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际完成值"]
    cells += ["产出指标", "数量指标", "指标1工程资金", "43.2", "37.24"]
    result, rows = imported_rows("\n\n".join(cells))
    assert rows == [("产出指标", "数量指标", "指标1工程资金", "", "43.2")]
    assert result.tables[0].indicators[0].actual == "37.24"


def test_a_weight_glued_before_a_repeated_value_is_cut_off():
    text = (
        "项目名称甲一级指标二级指标三级指标分值年度指标值全年实际值得分"
        "产出指标数量指标安装水标尺10≥266米≥266米10质量指标验收合格率20100%100%20"
        "成本指标项目计划总投资1020万元20万元10"
    )
    _, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "安装水标尺", "", "≥266米"),
        ("产出指标", "质量指标", "验收合格率", "", "100%"),
        ("产出指标", "成本指标", "项目计划总投资", "", "20万元"),
    ]


def test_value_shapes_seen_in_real_tables():
    text = (
        _HEAD
        + "一级指标\t二级指标\t三级指标\t指标值\n"
        + "".join(
            f"产出指标\t数量指标\t名称{n}\t{value}\n"
            for n, value in enumerate([">=98%", "<=475元/亩", "=100百分比", "≥80M", "═100"])
        )
    )
    _, rows = imported_rows(text)
    assert [r[4] for r in rows] == [">=98%", "<=475元/亩", "=100百分比", "≥80M", "═100"]


# --- headings and rows -------------------------------------------------------------------


def test_two_heading_rows_run_together_are_put_in_column_order():
    text = (
        _HEAD + "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | "
        "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | "
        "产出指标 | 数量指标 | 受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10\n"
        "质量指标 | 覆盖率 | ═ | 100 | % | 100% | 10 | 10\n"
    )
    result, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "受资助人数", "", "735"),
        ("产出指标", "质量指标", "覆盖率", "", "100"),
    ]
    assert [(r.nature, r.unit) for r in result.tables[0].indicators] == [("≧", "人次"), ("═", "%")]


def test_a_row_wrapped_over_lines_is_joined():
    text = (
        _HEAD + "一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分\n"
        "产出指标 | 数量指标 | 受资助人数 | 735 | 735 | 10 | 10\n"
        "效益指标 | 经济效益指标 | 减轻家庭经济负担\n有效\n有效 | 10 | 10\n"
    )
    _, rows = imported_rows(text)
    assert rows[-1] == ("效益指标", "经济效益指标", "减轻家庭经济负担", "", "有效")
    assert len(rows) == 2


def test_placeholders_and_empty_categories_are_not_rows():
    cells = ["项目名称", "甲", "一级指标", "二级指标", "三级指标", "指标值"]
    cells += ["产出指标", "数量指标", "指标1培训人次", "100", "指标2", "……"]
    cells += ["效益指标", "生态效益指标", "可持续影响指标", "满意度指标", "服务对象满意度指标"]
    cells += ["满意度", "90%"]
    result, rows = imported_rows("\n\n".join(cells))
    assert rows == [
        ("产出指标", "数量指标", "指标1培训人次", "", "100"),
        ("满意度指标", "服务对象满意度指标", "满意度", "", "90%"),
    ]
    reasons = unplaced_reasons(result)
    assert reasons["指标2"] == reasons["……"] == "template placeholder; not imported"
    assert reasons["可持续影响指标"] == "category with no indicator rows"


def test_standard_words_go_to_basis_not_to_names():
    cells = ["项目名称", "甲", "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"]
    cells += ["产出指标", "数量指标", "车辆数", "10辆", "计划标准", "风炮射程", "≥80M", "计划标准"]
    result, rows = imported_rows("\n\n".join(cells))
    assert rows == [
        ("产出指标", "数量指标", "车辆数", "", "10辆"),
        ("产出指标", "数量指标", "风炮射程", "", "≥80M"),
    ]
    assert [r.basis for r in result.tables[0].indicators] == ["计划标准", "计划标准"]


def test_an_operator_is_never_the_value_even_under_a_direction_heading():
    text = (
        _HEAD + "一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值\n"
        "产出指标 数量指标 出差人数 正向 = 8 4\n产出指标 数量指标 出差人次 正向 = 24 人/次 4\n"
    )
    result, rows = imported_rows(text)
    assert [r[4] for r in rows] == ["8", "24"]
    assert result.tables[0].indicators[1].unit == "人/次"


# --- what is not the table ---------------------------------------------------------------


def test_the_forms_closing_sections_and_page_widgets_end_the_table():
    cells = ["项目名称", "甲", "一级指标", "二级指标", "三级指标", "指标值"]
    cells += ["产出指标", "数量指标", "培训人次", "100人次", "偏差大或", "目标未完成", "原因分析"]
    cells += ["改进措施及", "结果应用方案", "备注:", "1.预算数为调整后财政资金总额。"]
    result, rows = imported_rows("\n\n".join(cells))
    assert rows == [("产出指标", "数量指标", "培训人次", "", "100人次")]
    closing = unplaced_reasons(result)["偏差大或目标未完成原因分析"]
    assert closing == "notes section after the table; not imported"

    text = (
        _HEAD + "一级指标 | 二级指标 | 三级指标 | 指标值\n"
        "满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90% |\n"
        "财政部门审核意见 |\n填表人: 宋某 |\n- 扫一扫在手机打开当前页\n相关解读\n- 全部留言\n- /\n"
    )
    result, rows = imported_rows(text)
    assert rows == [("满意度指标", "服务对象满意度指标", "市民满意度", "", "≥90%")]


def test_a_glued_line_holding_two_projects_is_cut_before_the_second():
    text = (
        "项目名称甲项目主管部门某局一级指标二级指标三级指标指标值"
        "产出指标数量指标培训人次100人次项目名称乙项目主管部门某局一级指标二级指标三级指标指标值"
        "产出指标质量指标合格率100%"
    )
    result, _ = imported_rows(text)
    assert [(t.header.name, [r.name for r in t.indicators]) for t in result.tables] == [
        ("甲", ["培训人次"]),
        ("乙", ["合格率"]),
    ]


# --- labels --------------------------------------------------------------------------------


def test_header_label_variants_and_a_level_with_etc():
    text = (
        "二级项目名称\t甲\n一级项目名称\t某专项资金\n项目类型\t新增项目\n"
        "一级指标\t二级指标\t三级指标\t指标值\n满意度指标\t服务对象满意度指标等\t满意度\t95\n"
    )
    result, rows = imported_rows(text)
    (table,) = result.tables
    assert table.header.name == "甲"
    assert rows == [("满意度指标", "服务对象满意度指标", "满意度", "", "95")]
    reasons = unplaced_reasons(result)
    assert reasons["新增项目"] == reasons["某专项资金"] == "header field not in the format"
    assert "annotation “等” dropped" in [n.reason_en for n in result.notes]
