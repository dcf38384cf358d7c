"""One minimal input per general cause found on the fourth kept-aside set (``real_fresh3/``;
docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

import pytest

from tests.realcorpus import imported_rows, unplaced_reasons
from tui.importing import import_text
from tui.importing.shapes import is_value, split_inner_values


def test_a_form_that_writes_zhi_for_zhibiao_reads_as_the_framework_names():
    # Shandong (Linyi): 产出值 / 数量值 / 经济效益值 under 一级 | 二级 | 三级 | 年度数值.
    text = "\n\n".join(
        ["项目名称", "小学教育公用经费", "一级", "二级", "三级", "年度数值", "备注"]
        + ["产出值", "数量值", "小学就读人数", "<=6962人", " "]
        + ["效益值", "经济效益值", "经费有效使用情况", "=100%", " "]
    )
    result, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "小学就读人数", "", "<=6962人"),
        ("效益指标", "经济效益指标", "经费有效使用情况", "", "=100%"),
    ]
    assert any("产出值" in n.text and "read as" in n.reason_en for n in result.notes)


def test_a_government_site_footer_ends_the_table_and_makes_no_rows():
    text = "\n".join(
        [
            "项目名称\t小学教育公用经费",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t小学就读人数\t6962人",
            "内容保障 | 公务邮箱",
            "临邑县人民政府主办  临邑县人民政府办公室承办",
            "地址:山东省德州市临邑县广场大街111号  网站监督电话:0534-4366343",
            "鲁ICP备06032897号  鲁公网安备37142402000014  政府网站标识码:3714240016",
        ]
    )
    result, rows = imported_rows(text)
    assert rows == [("产出指标", "数量指标", "小学就读人数", "", "6962人")]
    reasons = unplaced_reasons(result)
    assert reasons["鲁ICP备06032897号"] == reasons["内容保障"] == "page text; not imported"


def test_a_block_titled_medium_term_holds_medium_values():
    # Zhejiang (Cixi): "(二)中长期绩效指标" above a heading with one 指标值 column.
    block = "一级指标\t二级指标\t指标名称\t指标值\n产出指标\t数量指标\t每千人托位\t4.5"
    _, medium = imported_rows("项目名称\t托育服务\n(二)中长期绩效指标\n" + block)
    _, annual = imported_rows("项目名称\t托育服务\n" + block)
    assert medium == [("产出指标", "数量指标", "每千人托位", "4.5", "")]
    assert annual == [("产出指标", "数量指标", "每千人托位", "", "4.5")]


def test_a_numbered_section_heading_after_the_rows_ends_the_table():
    # The next project's "(一)中长期绩效目标" and its prose were read as a row.
    text = "\n".join(
        [
            "项目名称\t托育服务",
            "一级指标\t二级指标\t指标名称\t指标值",
            "满意度指标\t满意度指标\t社会公众满意度\t≥90%",
            "参保城乡居民健康体检经费项目项目绩效目标",
            "(一)中长期绩效目标",
            "优化城乡居民体检制度,缩小城乡之间基本卫生健康服务差距",
        ]
    )
    result, rows = imported_rows(text)
    assert rows == [("满意度指标", "满意度指标", "社会公众满意度", "", "≥90%")]
    assert unplaced_reasons(result)["(一)中长期绩效目标"] == "section heading; not imported"


def test_a_self_evaluation_goal_section_is_no_sign_of_a_glued_paste():
    # Anhui (Xuancheng): "年度总体目标完成情况 预期目标 实际完成情况" made the page count as
    # glued, so the single spaces of a row without value shapes separated nothing.
    text = "\n".join(
        [
            "项目名称 禁毒经费",
            "年度总体目标完成情况 预期目标 实际完成情况",
            "年度绩效指标完成情况 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
            "产出指标 质量指标 指标1:经费支出合规性 严格执行相关财经法规制度 严格执行 12 12",
        ]
    )
    _, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "质量指标", "指标1:经费支出合规性", "", "严格执行相关财经法规制度")
    ]


def test_a_per_unit_value_with_a_star_is_a_value():
    # Anhui (Suixi): the actual value 583元/人*月 was read as the name of a new row.
    assert is_value("583元/人*月") and is_value(">=530元/人*月")
    cells = [
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "年度指标值",
        "全年实际值",
        "得分",
        "产出指标(50分)",
        "质量指标",
        "★农村低保标准(≥**元/人·月)",
        "5",
        ">=530元/人*月",
        "583元/人*月",
        "5",
    ]
    _, rows = imported_rows("项目名称 |\n临时救助 |\n" + "\n".join(c + " |" for c in cells))
    assert rows == [("产出指标", "质量指标", "★农村低保标准(≥**元/人·月)", "", ">=530元/人*月")]


def test_a_project_list_with_bracketed_level_headings_reads_one_table_per_project():
    # Anhui (Huangshan): 编码 | 项目 | 预算 | 项目内容 | 绩效目标, one cell per line; each
    # indicator a heading 【一级-二级】 and a numbered 三级 with its value in parentheses.
    text = "\n\n".join(
        ["单位编码", "单位名称(项目类别/支出项目)", "年度预算安排", "项目内容", "绩效目标"]
        + ["037001", "机房租赁服务采购项目", "1681680", "【项目概况】:租赁77个机柜。"]
        + ["【总体目标】", "保障机房内所有设备设施运转"]
        + ["【产出指标-数量指标】", "指标1:机柜数量(≥77台)"]
        + ["【效益指标-社会效益指标】", "指标1:服务保障民生(有力保障)"]
        + ["本级项目", "26273500", "037001", "执法办案费", "100000", "【项目概况】:办案。"]
        + ["【满意度指标-服务对象满意度指标】", "指标1:群众满意度(≥90%)"]
    )
    result = import_text(text)
    assert [t.header.name for t in result.tables] == ["机房租赁服务采购项目", "执法办案费"]
    assert result.tables[0].goals.annual == "保障机房内所有设备设施运转"
    rows = [[(r.level1, r.level2, r.name, r.annual) for r in t.indicators] for t in result.tables]
    assert rows == [
        [
            ("产出指标", "数量指标", "指标1:机柜数量", "≥77台"),
            ("效益指标", "社会效益指标", "指标1:服务保障民生", "有力保障"),
        ],
        [("满意度指标", "服务对象满意度指标", "指标1:群众满意度", "≥90%")],
    ]
    assert "本级项目" in unplaced_reasons(result)


def test_a_numbered_indicator_beside_its_value_cell_keeps_its_parentheses():
    _, rows = imported_rows("产出指标\t数量指标\t指标1:受益人数(万人)\t≥3")
    assert rows == [("产出指标", "数量指标", "指标1:受益人数(万人)", "", "≥3")]


def test_a_line_wrap_space_inside_an_indicator_name_is_removed_and_noted():
    # Anhui (Mengcheng), a PDF-derived page: "7 岁以下儿童健康管理率".
    result, rows = imported_rows("产出指标\t数量指标\t7 岁以下儿童健康管理率\t≧85%")
    assert rows == [("产出指标", "数量指标", "7岁以下儿童健康管理率", "", "≧85%")]
    assert any("line-wrap spaces removed" in n.reason_en for n in result.notes)
    _, kept = imported_rows("产出指标\t数量指标\tWi Fi 覆盖率\t100%")
    assert kept[0][2] == "Wi Fi 覆盖率"  # spaces beside Latin words are kept


@pytest.mark.parametrize(
    "text",
    [
        "1种",
        "≥70村",
        "9月前",
        "2025年年底前",
        "12月底",
        "3天内",
        "780元/生/年",
        "≥0.97比例",
        "10台套",
    ],
)
def test_units_and_time_qualifiers_of_real_tables_read_as_values(text):
    assert is_value(text)


def test_a_one_character_unit_followed_by_more_chinese_does_not_cut_a_glued_name():
    assert split_inner_values("指标1种薯采购价格不高于市场价") == ["指标1种薯采购价格不高于市场价"]
    assert split_inner_values("开展活动3次大楼安检") == ["开展活动", "3次", "大楼安检"]
