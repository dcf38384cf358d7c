"""One minimal input per general cause found on round 16's kept-aside sets
(``real_fresh20/`` … ``real_fresh22/``; docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

from tui.importing import import_text

_NANKAI = [
    "一级指标 | 二级指标 | 三级指标 | 预算设定指标值 | 项目完成指标值 | ||",
    "产出指标 | 数量指标 | 购置仪器设备 | 31 | 42 | ||",
    "改造实验室 | 2间 | 2间 | ||||",
    "满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥95% | ≥95% | ||",
    "预算绩效评价结果 | 考核节点进度完成率 | 10分 | 项目采购节约率 | 10分 | ||",
    "预算编制准确度 | 9分 | 绩效评价结果 | 29分 |",
    "公示期:自即日起3天。",
    "联系地址:南开大学综合实验楼D702 电话:23507658",
]


def test_a_budgeted_and_a_completed_value_heading_are_the_target_and_the_actual():
    (table,) = import_text("\n".join(_NANKAI)).tables
    assert [(r.name, r.annual, r.actual) for r in table.indicators] == [
        ("购置仪器设备", "31", "42"),
        ("改造实验室", "2间", "2间"),
        ("师生满意度", "≥95%", "≥95%"),
    ]


def test_an_evaluation_s_score_block_and_a_notice_s_closing_lines_end_the_rows():
    result = import_text("\n".join(_NANKAI))
    assert len(result.tables[0].indicators) == 3
    reasons = {u.text: u.reason_en for u in result.report}
    assert reasons["公示期:自即日起3天。"] == "page text; not imported"
    assert reasons["联系地址:南开大学综合实验楼D702 电话:23507658"] == "page text; not imported"
    assert "notes section" in reasons["预算绩效评价结果"]


def test_a_level_name_wrapped_before_its_row_s_cells_is_joined_back():
    # Anhui (Huizhou): the 二级 cell 经济效益 / 指标 wrapped, its second line holding the row.
    text = "\n".join(
        [
            "项目名称 电影放映",
            "一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分",
            "效益指标 经济效益",
            "指标 全年影院观影人数 ≥4万人次 4.4万人次 5 5",
            "影院营业收入 ≥150万元 188.6万元 5 5",
        ]
    )
    rows = [(r.level2, r.name, r.annual) for r in import_text(text).tables[0].indicators]
    assert rows == [
        ("经济效益指标", "全年影院观影人数", "≥4万人次"),
        ("经济效益指标", "影院营业收入", "≥150万元"),
    ]


def test_a_wrapped_heading_s_pieces_stay_a_heading():
    text = "\n".join(
        ["项目名称 档案", "一级 二级 三级", "指标 指标 指标 指标值", "产出指标 数量指标 卷数 100卷"]
    )
    rows = [(r.level1, r.level2, r.name, r.annual) for r in import_text(text).tables[0].indicators]
    assert rows == [("产出指标", "数量指标", "卷数", "100卷")]


def test_a_tender_site_s_project_field_holding_the_form_s_title_is_no_project():
    text = "\n".join(
        [
            "项目名称: 中央补助地方国家电影事业发展专项资金转移支付区域(项目)绩效自评表",
            "招标公司: 黄山市徽州区人民政府",
            "转移支付(项目)名称 2025年国家电影事业发展专项资金补助地方资金",
            "一级指标 二级指标 三级指标 年度指标值",
            "产出指标 数量指标 维护电影放映设备数量 ≥5套",
        ]
    )
    result = import_text(text)
    assert [t.header.name for t in result.tables] == ["2025年国家电影事业发展专项资金补助地方资金"]


def test_a_report_s_text_after_a_table_written_between_bars_is_no_row():
    # Sichuan (Daying): each cell on a line, a line holding | after it; the report goes on.
    cells = ["项目完成指标", "质量指标", "河道保洁", "做好保洁", "做好保洁"]
    cells += ["满意度指标", "满意度指标", "辖区企业满意率", "≥95%", "≥95%"]
    prose = ["2.部门绩效评价结果。", "本部门按要求开展自评。", "第三部分", "名词解释"]
    text = "\n".join([line for cell in cells for line in (cell, "|")] + prose)
    result = import_text(text)
    assert [r.name for t in result.tables for r in t.indicators] == ["河道保洁", "辖区企业满意率"]
    reasons = {u.text: u.reason_en for u in result.report}
    assert {reasons[line] for line in prose} == {"text after the table's end"}


def test_a_half_year_and_a_full_year_target_keep_the_year_s_and_report_the_half():
    # Jiangsu (Zhenjiang): 半年(程) 指标值 | 全年(程) 指标值; the format has no half-year.
    text = "\n".join(
        [
            "项目名称\t赛珍珠文化公园运转经费",
            "一级指标\t二级指标\t三级指标\t半年(程) 指标值\t全年(程) 指标值",
            "产出指标\t数量指标\t开放天数\t≥150天\t≥300天",
        ]
    )
    result = import_text(text)
    assert [(r.name, r.annual) for r in result.tables[0].indicators] == [("开放天数", "≥300天")]
    reasons = {u.text: u.reason_en for u in result.report}
    assert reasons["≥150天"] == "half-year target; not in the format"


def test_a_table_in_the_evaluation_framework_s_tree_keeps_its_levels():
    # Jiangsu (Zhenjiang): 决策 → 项目立项 / 绩效目标 (the goal label, here a 二级), one cell
    # a line with blank lines between.
    cells = ["项目名称", "赛珍珠文化公园运转经费", "一级指标", "二级指标", "三级指标"]
    cells += ["全年(程) 指标值", "决策", "项目立项", "立项程序规范性", "规范"]
    cells += ["立项依据充分性", "充分", "绩效目标", "绩效指标明确性", "明确"]
    rows = [
        (r.level1, r.level2, r.name, r.annual)
        for r in import_text("\n\n".join(cells)).tables[0].indicators
    ]
    assert rows == [
        ("决策", "项目立项", "立项程序规范性", "规范"),
        ("决策", "项目立项", "立项依据充分性", "充分"),
        ("决策", "绩效目标", "绩效指标明确性", "明确"),
    ]
