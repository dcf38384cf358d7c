"""One minimal input per general cause found by pasting the rows of every real table again
in other styles and layouts (``tests/test_import_restyled.py``): without separators
(glued), and as a self-evaluation with one cell per line."""

from __future__ import annotations

import pytest

from tests.realcorpus import imported_rows
from tui.importing import import_text
from tui.importing.glued import split_glued
from tui.importing.shapes import is_quantity, is_verdict, split_value_tail


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("培训任务完成及时2021.1.1-12.31", "2021.1.1-12.31"),
        ("补贴期限2020.1.1-2020.12.31", "2020.1.1-2020.12.31"),
        ("服务周期2023.07-2024.01", "2023.07-2024.01"),
        ("各项费用使用周期2020年1月--2020年11月", "2020年1月--2020年11月"),
        ("项目实施时间2021年1月-12月", "2021年1月-12月"),
        ("培训对象年龄18—54周岁", "18—54周岁"),
        ("参训学员就业率60%及以上", "60%及以上"),
    ],
)
def test_a_span_of_dates_or_numbers_and_an_open_bound_close_a_glued_name(text, value):
    assert split_value_tail(text) == (text[: -len(value)], value)
    assert is_quantity(value)


def test_a_dotted_date_is_not_cut_inside_a_longer_number():
    assert split_value_tail("版本号1.2.3.4") != ("版本号1.2.3.", "4")
    assert not is_quantity("2021.1.1.5")


def test_an_older_level2_spelling_is_cut_after_a_level1_and_at_a_glued_row_start():
    text = "\n".join(
        [
            "项目名称某项目",
            "一级指标二级指标三级指标指标值",
            "产出指标产出数量完成护工培训任务12500名",
            "产出质量参训学员结业考核通过率100%",
            "效益指标社会效益参训学员就业率60%及以上",
            "可持续影响巩固脱贫攻坚成果有效巩固",
        ]
    )
    _, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "产出数量", "完成护工培训任务", "", "12500名"),
        ("产出指标", "产出质量", "参训学员结业考核通过率", "", "100%"),
        ("效益指标", "社会效益", "参训学员就业率", "", "60%及以上"),
        ("效益指标", "可持续影响", "巩固脱贫攻坚成果", "", "有效巩固"),
    ]


@pytest.mark.parametrize("value", ["有效巩固", "基本提高", "明显增强", "稳步提升", "有力保障"])
def test_a_degree_and_a_change_close_a_glued_name_as_a_qualitative_value(value):
    assert split_value_tail("巩固脱贫攻坚成果" + value) == ("巩固脱贫攻坚成果", value)


def test_an_older_level2_spelling_before_only_a_value_is_the_name():
    # 服务对象满意度 95%: the name and its value, not a 二级 without a name.
    assert split_glued("满意度指标服务对象满意度指标服务对象满意度95%", inner=True) == [
        "满意度指标",
        "服务对象满意度指标",
        "服务对象满意度",
        "95%",
    ]


def test_an_older_level2_spelling_inside_a_row_is_not_cut():
    # Only after a 一级 or at the start of a row: 社会效益 inside a name stays in it.
    parts = split_glued("社会效益指标提升区域社会效益水平显著提升", inner=True)
    assert "社会效益" not in parts


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("已完成", True),
        ("基本达到预期", True),
        ("达成预期指标", True),
        ("未实现预期目标", True),
        ("全部完成", True),
        ("完成率", False),
        ("完成及时率", False),
        ("完成", False),
    ],
)
def test_a_self_evaluation_verdict_is_told_from_a_name(text, verdict):
    assert is_verdict(text) is verdict


def _self_evaluation_stream(actual: str, note: str) -> str:
    heading = ["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "分值", "得分"]
    rows = [
        ["产出指标", "质量指标", "委托业务报告合格率", "≥95%", actual, "10", "8"],
        ["经费支出合规性", "严格执行相关制度规定", actual, "10", "8"],
        ["时效指标", "提交报告及时性", "在项目计划完成时间内完成", actual, "10", "8"],
        ["成本指标", "单项业务成本", "符合相关规定", actual, "10", "8"],
    ]
    cells = ["项目名称", "某项目", *heading, "偏差原因分析及改进措施"]
    return "\n".join(cells + [c for row in rows for c in [*row, note]])


@pytest.mark.parametrize("actual", ["基本达到预期", "符合相关规定"])
def test_a_self_evaluation_one_cell_per_line_keeps_its_actual_and_note_in_the_row(actual):
    # Its verdict or note could open a row of its own; rows of one table fill the same
    # columns, and a text value repeated as the actual value is the row's own.
    result = import_text(_self_evaluation_stream(actual, "资金下达较晚"))
    names = [i.name for i in result.tables[0].indicators]
    assert names == ["委托业务报告合格率", "经费支出合规性", "提交报告及时性", "单项业务成本"]


def test_a_longer_label_overlapping_a_shorter_one_wins_in_glued_text():
    # …建设项目 + 主管部门名称及代码, not …建设 + 项目主管部门 + 名称及代码.
    text = "专项资金名称加工园配套设施建设项目主管部门名称及代码县民宗委"
    assert split_glued(text, inner=False) == [
        "专项资金名称",
        "加工园配套设施建设项目",
        "主管部门名称及代码",
        "县民宗委",
    ]


def test_a_three_character_header_label_is_cut_out_before_a_number_only():
    text = "项目名称校舍改造项目属性基础建设、修缮类项目期202001-202012"
    assert split_glued(text, inner=False)[-2:] == ["项目期", "202001-202012"]
    assert "目标值" not in split_glued("资金支出率达到目标值95%", inner=True)


@pytest.mark.parametrize("span", ["2019-2021", "202001-202012", "2019年-2021年"])
def test_a_span_of_years_is_one_value(span):
    assert is_quantity(span)
    assert split_value_tail("建设周期" + span) == ("建设周期", span)


def test_a_year_after_a_field_label_one_cell_per_line_is_its_value_not_a_title():
    text = "\n".join(
        ["项目名称", "某项目", "项目起止时间", "2022年", "一级指标", "二级指标", "三级指标"]
        + ["指标值", "产出指标", "数量指标", "开设课程数量", "220"]
    )
    table = import_text(text).tables[0]
    assert table.header.period == "2022年"
    assert [i.name for i in table.indicators] == ["开设课程数量"]


def test_a_unit_spaced_off_its_number_joins_it_unless_a_column_holds_units():
    row = "产出指标 数量指标 发放人数 80 人"
    _, rows = imported_rows(f"项目名称 某项目\n一级指标 二级指标 三级指标 指标值\n{row}")
    assert rows == [("产出指标", "数量指标", "发放人数", "", "80 人")]
    result, rows = imported_rows(f"项目名称 某项目\n一级指标 二级指标 三级指标 指标值 单位\n{row}")
    assert rows == [("产出指标", "数量指标", "发放人数", "", "80")]
    assert result.tables[0].indicators[0].unit == "人"


def test_a_sign_spaced_off_its_value_joins_it_unless_a_column_holds_signs():
    row = "产出指标 数量指标 发放人数 ≥ 80人"
    plain = f"项目名称 某项目\n一级指标 二级指标 三级指标 指标值\n{row}"
    result, rows = imported_rows(plain)
    assert rows == [("产出指标", "数量指标", "发放人数", "", "≥ 80人")]
    placed = {(p.line, p.column) for p in result.placed}
    assert {(3, 16), (3, 18)} <= placed  # the sign and the number, both accounted for
    signs = f"项目名称 某项目\n一级指标 二级指标 三级指标 计算符号 指标值\n{row}"
    result, rows = imported_rows(signs)
    assert rows == [("产出指标", "数量指标", "发放人数", "", "80人")]
    assert result.tables[0].indicators[0].nature == "≥"


@pytest.mark.parametrize("value", ["=100.00(%)", "≥90.00(%)", "≤5(万元)"])
def test_a_unit_in_parentheses_is_part_of_a_value(value):
    # Shanghai's system prints 指标值 as =100.00(%): glued, it still closes the name.
    assert is_quantity(value)
    assert split_value_tail("项目验收达标率" + value) == ("项目验收达标率", value)


def test_a_standard_word_closing_a_glued_row_is_cut_off_before_the_value():
    # A 绩效标准 column after the value (计划标准, 历史标准): …情况2计划标准.
    parts = split_glued("重点建设工程安排数量反映安排数量情况2计划标准", inner=True)
    assert parts[-2:] == ["2", "计划标准"]


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("长效管理制度健全性健全", ["长效管理制度健全性", "健全"]),  # a word of the name again
        ("道路景观提升情况提升", ["道路景观提升情况", "提升"]),
        ("新增违建发生数降低", ["新增违建发生数", "降低"]),  # a whole-cell value
        ("项目实施是否产生经济价值否", ["项目实施是否产生经济价值否"]),  # 值 is no name ending
        ("道路景观提升", ["道路景观提升"]),  # too short a name before it
    ],
)
def test_a_short_value_after_a_name_ending_closes_a_glued_row(text, cells):
    assert split_glued(text, inner=True) == cells


def test_names_and_values_among_one_cell_lines_are_rows_not_a_stream():
    # PDF text: 一级/二级 centred on their rows, each on a line of its own, between rows
    # written as a name and its value with one space: still a name and a value each.
    text = "\n".join(
        [
            "项目名称",
            "疫苗及药物采购",
            "一级指标 二级指标 三级指标 指标值",
            "按照物价部门定价标准采购 100%",
            "成本指标",
            "疫苗提供及时率 100%",
            "时效指标",
            "对美沙酮维持患者及时给予治疗 100%",
            "产出指标",
            "疫苗使用率 100%",
            "数量指标",
            "满足海洛因成瘾患者维持治疗需求 100%",
            "质量符合国家标准 100%",
            "质量指标",
            "美沙酮药物治疗符合国家相关标准 100%",
        ]
    )
    _, rows = imported_rows(text)
    assert [(name, value) for _, _, name, _, value in rows] == [
        ("按照物价部门定价标准采购", "100%"),
        ("疫苗提供及时率", "100%"),
        ("对美沙酮维持患者及时给予治疗", "100%"),
        ("疫苗使用率", "100%"),
        ("满足海洛因成瘾患者维持治疗需求", "100%"),
        ("质量符合国家标准", "100%"),
        ("美沙酮药物治疗符合国家相关标准", "100%"),
    ]


def test_a_funding_label_starting_a_glued_name_after_the_heading_stays_in_it():
    # Inner Mongolia (Wuhai), Hunan (Yueyang), glued: 财政资金 is a header label, but after
    # the indicator heading it begins a name (财政资金到位及时支付率), unless a colon or a
    # number follows it.
    text = "\n".join(
        [
            "项目名称某工程年度资金总额100",
            "一级指标二级指标三级指标指标值",
            "产出指标时效指标财政资金到位及时支付率100%",
            "成本指标财政资金补助标准1600元/亩",
        ]
    )
    result, rows = imported_rows(text)
    assert [(name, value) for _, _, name, _, value in rows] == [
        ("财政资金到位及时支付率", "100%"),
        ("财政资金补助标准", "1600元/亩"),
    ]
    assert result.tables[0].funding.annual.total == 100


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        # the longest unit first: 18周岁, not 18周 and a name starting 岁后
        (
            "孤儿身份、年满18周岁后就学水平情况有所提升",
            ["孤儿身份、年满18周岁后就学水平情况", "有所提升"],
        ),
        # quantities listed inside a name, each followed by 、 or a comma
        (
            "配备台式电脑4台、笔记本电脑4台、班班通设备到位率100%",
            ["配备台式电脑4台、笔记本电脑4台、班班通设备到位率", "100%"],
        ),
        # 项 begins 项目: 指标1项目完成及时率 is one name
        ("指标1项目完成及时率100", ["指标1项目完成及时率", "100"]),
        # thousands separators and an upper-case unit
        ("首批补助到位时间44,561", ["首批补助到位时间", "44,561"]),
        ("雾炮车风炮射程≥80M", ["雾炮车风炮射程", "≥80M"]),
    ],
)
def test_value_shapes_inside_glued_names(text, cells):
    assert split_glued(text, inner=True) == cells
