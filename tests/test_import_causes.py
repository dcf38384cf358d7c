"""One minimal input per way real tables went wrong (issue 13's cause classes 1–9)."""

from __future__ import annotations

from decimal import Decimal

from tui.importing import import_text


def _rows(text: str, **kw):
    result = import_text(text, **kw)
    return result, [
        (r.level1, r.level2, r.name, r.medium, r.annual)
        for t in result.tables
        for r in t.indicators
    ]


def test_1_extra_columns_go_to_the_optional_row_fields():
    text = (
        "项目名称\t甲\n"
        "一级指标\t二级指标\t三级指标\t计量单位\t指标性质\t指标值\t权重\t指标值设定依据\t指标解释\t备注\n"
        "产出指标\t数量指标\t绿化长度\t米\t=\t3500\t10\t计划标准\t反映绿化长度\t无\n"
    )
    result, rows = _rows(text)
    (row,) = result.tables[0].indicators
    assert rows == [("产出指标", "数量指标", "绿化长度", "", "3500")]
    assert (row.unit, row.nature, row.weight, row.basis, row.explanation, row.remark) == (
        "米",
        "=",
        Decimal("10"),
        "计划标准",
        "反映绿化长度",
        "无",
    )
    assert result.report == []


def test_1_a_sign_column_in_ascii_or_full_width():
    text = "项目名称\t甲\n一级指标\t二级指标\t三级指标\t计算符号\t指标值\t计量单位\n"
    text += "产出指标\t数量指标\t户数\t>=\t120\t户\n产出指标\t质量指标\t合格率\t＜＝\t5\t%\n"
    result, _ = _rows(text)
    assert [(r.nature, r.annual, r.unit) for r in result.tables[0].indicators] == [
        (">=", "120", "户"),
        ("＜＝", "5", "%"),
    ]
    assert result.report == []


def test_1_a_row_number_column_is_a_label_not_a_name():
    rows = [
        ("1", "产出指标", "数量指标", "保障人数(人)", "116"),
        ("2", "", "", "保障遗属人数(人)", "13"),
        ("3", "", "质量指标", "发放准确率", "按计划实施"),
    ]
    heading = ("序号", "一级指标", "二级指标", "三级指标", "指标值")
    tabs = "\n".join("\t".join(r) for r in [("项目名称", "甲"), heading, *rows])
    stream = "\n".join(c for r in [("项目名称", "甲"), heading, *rows] for c in r if c)
    for text in (tabs, stream):
        result, got = _rows(text)
        assert got == [
            ("产出指标", "数量指标", "保障人数(人)", "", "116"),
            ("产出指标", "数量指标", "保障遗属人数(人)", "", "13"),
            ("产出指标", "质量指标", "发放准确率", "", "按计划实施"),
        ]
        assert result.report == []
        numbers = [p for p in result.placed if p.ref == ("label", "row number")]
        assert len(numbers) == 3


def test_1_self_evaluation_columns_fill_the_rows_self_evaluation_fields():
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"
        "\t偏差原因分析及改进措施\n"
        "产出指标\t数量指标\t培训人次\t≥100人\t90人\t10\t9\t报名不足\n"
        "产出指标\t数量指标\t培训场次\t≥10次\t8次\t10\t7\t\n"
    )
    result, rows = _rows(text)
    assert rows == [
        ("产出指标", "数量指标", "培训人次", "", "≥100人"),
        ("产出指标", "数量指标", "培训场次", "", "≥10次"),
    ]
    first, second = result.tables[0].indicators
    assert (first.actual, first.weight, first.deviation) == ("90人", 10, "报名不足")
    # 9 is what the scoring profile computes (90 of 100 × 10): left to it, and noted; the
    # evaluator's 7 (the profile gives 8) is theirs and stays.
    assert (first.score, second.score) == (None, 7)
    assert [n.reason_en for n in result.notes] == ["as the scoring profile computes it; left to it"]
    assert result.tables[0].stage == "evaluation"
    assert result.report == []


def test_2_cells_separated_by_single_spaces():
    _, rows = _rows(
        "项目名称 甲\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 受益户数 120户\n"
    )
    assert rows == [("产出指标", "数量指标", "受益户数", "", "120户")]


def test_3_annotations_in_parentheses_are_dropped_and_noted():
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标(必填硬性指标)\t受益户数\t120户\n"
    )
    result, rows = _rows(text)
    assert rows == [("产出指标", "数量指标", "受益户数", "", "120户")]
    assert [n.reason_zh for n in result.notes] == ["标签注释“必填硬性指标”已去掉"]


def test_3_an_annotated_level_two_repeated_in_the_annual_half_is_no_level_three_name():
    # Hubei (Wuhan, Qingshan): one cell a line, 长期 and 年度 halves, the 长期 half empty.
    cells = ["项目名称", "甲", "一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)"]
    cells += ["二级指标(年度)", "三级指标(年度)", "指标值(年度)"]
    cells += ["产出指标", "数量指标(必填)", "数量指标(必填)", "重点建设工程安排数量", "2"]
    cells += ["产出指标", "质量指标(必填)", "质量指标(必填)", "验收合格率", "100%"]
    _, rows = _rows("\n\n".join(cells) + "\n")
    assert rows == [
        ("产出指标", "数量指标", "重点建设工程安排数量", "", "2"),
        ("产出指标", "质量指标", "验收合格率", "", "100%"),
    ]


def test_4_no_separator_at_all():
    _, rows = _rows(
        "项目名称甲\n一级指标二级指标三级指标指标值\n产出指标数量指标校舍改造覆盖率100%\n"
    )
    assert rows == [("产出指标", "数量指标", "校舍改造覆盖率", "", "100%")]


def test_5_a_label_wrapped_across_two_lines():
    cells = ["项目名称", "甲", "年度", "目标", "完成任务", "一级", "指标", "二级指标", "三级指标"]
    cells += ["指标值", "产出指标", "数量指标", "受益户数", "120户"]
    text = "\n\n".join(cells) + "\n"
    result = import_text(text)
    (table,) = result.tables
    assert table.goals.annual == "完成任务"
    assert [(r.level2, r.name, r.annual) for r in table.indicators] == [
        ("数量指标", "受益户数", "120户")
    ]


def test_5_a_label_letter_spaced_to_fill_its_cell():
    # A PDF spreads a label over its merged cell: 项 目 名 称, 产 出 指 标.
    stream = "项 目 名 称\n甲\n一级指标\n二级指标\n三级指标\n指标值\n"
    stream += "产 出 指 标\n数 量 指 标\n受益户数\n120户\n"
    result, rows = _rows(stream)
    assert result.tables[0].header.name == "甲"
    assert rows == [("产出指标", "数量指标", "受益户数", "", "120户")]
    tabs = "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
    tabs += "产 出 指 标\t数 量 指 标\t受益户数\t120户\n"
    assert _rows(tabs)[1] == rows
    # Single characters that spell no label stay cells of their own.
    _, rows = _rows(
        "项目名称 甲\n一级指标 二级指标 三级指标 指标值 实际值\n产出指标 数量指标 是否达标 是 是\n"
    )
    assert rows == [("产出指标", "数量指标", "是否达标", "", "是")]


def test_5_a_letter_spaced_level2_repeated_under_the_annual_headings_is_no_name():
    # Wuhan (Qingshan), one cell a line: the 二级 of both halves, letter-spaced, then
    # the 年度 三级 and value; the second 数 量 指 标 is the 年度 二级, not a 三级.
    heads = ["一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)"]
    heads += ["二级指标(年度)", "三级指标(年度)", "指标值(年度)"]
    rows = ["产出指标", "数 量 指 标", "数 量 指 标", "重点建设工程安排数量", "2"]
    rows += ["产出指标", "质 量 指 标", "质 量 指 标", "重点建设工程验收合格率", "100%"]
    _, read = _rows("\n".join(["项目名称", "甲", *heads, *rows]) + "\n")
    assert [(l2, name, annual) for _, l2, name, _, annual in read] == [
        ("数量指标", "重点建设工程安排数量", "2"),
        ("质量指标", "重点建设工程验收合格率", "100%"),
    ]


def test_6_a_heading_row_wrapped_across_lines():
    text = (
        "项目名称 | 甲 |\n绩效指标 | 一级 指标 |\n二级 指标 |\n三级 指标 |\n指标值 |\n"
        "产出指标 | 数量指标 | 受益户数 | 120户 |\n"
    )
    _, rows = _rows(text)
    assert rows == [("产出指标", "数量指标", "受益户数", "", "120户")]


def test_7_value_column_heading_variants():
    for heading in ("指标值及单位", "目标值", "年度指标值", "预期目标值"):
        _, rows = _rows(
            f"项目名称\t甲\n一级指标\t二级指标\t三级指标\t{heading}\n产出指标\t数量指标\t户数\t≥5户\n"
        )
        assert rows == [("产出指标", "数量指标", "户数", "", "≥5户")], heading


def test_8_text_around_the_table_is_reported_not_made_into_rows():
    text = (
        "扫一扫在手机打开当前页\n项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t户数\t≥5户\n注：各地请根据实际情况填写\n项目负责人：张三\n"
    )
    result, rows = _rows(text)
    assert rows == [("产出指标", "数量指标", "户数", "", "≥5户")]
    assert {u.text for u in result.report} >= {"扫一扫在手机打开当前页", "项目负责人：张三"}


def test_9_score_suffixes_variants_and_framework_guess():
    text = (
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
        "成本指标(0-20)分\t经济成本指标\t建设成本\t≤65万元\n"
        "满意度指标(10分)\t满意度指标\t群众满意度\t≥95%\n"
    )
    result, rows = _rows(text)
    assert rows == [
        ("成本指标", "经济成本指标", "建设成本", "", "≤65万元"),
        ("满意度指标", "满意度指标", "群众满意度", "", "≥95%"),
    ]
    assert result.tables[0].framework == "2021"  # 成本指标 as a 一级
    assert import_text(text, framework="2015").tables[0].framework == "2015"


def test_9_header_label_variants_and_department_code():
    text = (
        "项目支出名称\t甲\n主管部门及其编码\t[015001]某区教育局\n具体实施单位\t乙\n"
        "项目起止时间\t202001-202012\n资金总额\t100\n当年资金总额\t40\n"
    )
    (table,) = import_text(text).tables
    assert (table.header.name, table.header.department, table.header.department_code) == (
        "甲",
        "某区教育局",
        "015001",
    )
    assert (table.header.implementer, table.header.period) == ("乙", "202001-202012")
    assert (table.funding.medium.total, table.funding.annual.total) == (Decimal(100), Decimal(40))


def test_9_a_project_list_gives_one_table_per_project_and_yuan_becomes_wanyuan():
    text = (
        "金额单位:元\n"
        "单位名称\t项目名称\t预算数\t一级指标\t二级指标\t三级指标\t指标值\n"
        "某单位\t项目甲\t3,309,840.00\t产出指标\t数量指标\t人数\t230人\n"
        "\t\t\t效益指标\t社会效益指标\t稳定\t≥95%\n"
        "项目乙\t660,000.00\t满意度指标\t服务对象满意度指标\t满意度\t≥95%\n"
    )
    result = import_text(text)
    assert [(t.header.name, t.funding.annual.total) for t in result.tables] == [
        ("项目甲", Decimal("330.984000")),
        ("项目乙", Decimal("66.0000")),
    ]
    assert [len(t.indicators) for t in result.tables] == [2, 1]
    assert any("元换算为万元" in n.reason_zh for n in result.notes)


def test_8_a_funding_table_headed_by_xiangmu_mingcheng_after_the_rows_makes_no_table():
    text = (
        "项目名称\t乡村道路养护\n"
        "一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t养护里程\t300公里\n"
        "项目名称\t预算数\t执行数\t执行率\n"
        "乡村道路养护\t100\t98\t98%\n"
    )
    result, rows = _rows(text)
    assert [t.header.name for t in result.tables] == ["乡村道路养护"]
    assert rows == [("产出指标", "数量指标", "养护里程", "", "300公里")]
    reported = {u.text for u in result.report}
    assert {"项目名称", "预算数", "执行数", "100"} <= reported


def test_9_a_colon_between_spaces_is_the_labels_and_a_funding_sentence_gives_its_amounts():
    text = (
        "项目名称 ： 乡村道路养护\n主管部门  ：  某县交通运输局\n"
        "资金总额：100万元，其中财政拨款：80万元，其他资金：20万元。\n"
        "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 养护里程 300公里\n"
    )
    result, rows = _rows(text)
    (table,) = result.tables
    assert (table.header.name, table.header.department) == ("乡村道路养护", "某县交通运输局")
    funding = table.funding.annual
    assert (funding.total, funding.fiscal, funding.other) == tuple(map(Decimal, (100, 80, 20)))
    assert rows == [("产出指标", "数量指标", "养护里程", "", "300公里")]
    assert result.report == []


def test_6_a_heading_wrapped_with_each_lines_pieces_in_order_is_joined():
    # Anhui (Lu'an, Yu'an district): 年度 + 指标值 and 实际 + 完成值 on two lines.
    text = (
        "项目名称 市级文物保护专项经费\n"
        "绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施\n"
        "指标值 完成值\n"
        "产出指标 数量指标 指标2:修缮建筑面积 6000平方米 6000平方米 7 7\n"
        "质量指标 指标1:验收通过率 100% 95% 6 5\n"
    )
    result, rows = _rows(text)
    assert rows == [
        ("产出指标", "数量指标", "指标2:修缮建筑面积", "", "6000平方米"),
        ("产出指标", "质量指标", "指标1:验收通过率", "", "100%"),
    ]
    assert [(r.actual, r.weight) for r in result.tables[0].indicators] == [
        ("6000平方米", Decimal(7)),
        ("95%", Decimal(6)),
    ]
    # The first row's 得分 is what the scoring profile computes: left to it, and said so.
    assert [n.reason_en for n in result.notes] == ["as the scoring profile computes it; left to it"]
    assert result.report == []


def test_9_a_unit_name_is_the_implementer_unless_an_implementer_label_names_one():
    # Henan (Puyang): 部门名称 and 单位名称, no 实施单位 label.
    text = "项目名称 | 库房消防改造 |\n部门名称 | 濮阳市档案局 |\n单位名称 | 濮阳市档案馆 |\n"
    (table,) = import_text(text).tables
    assert (table.header.department, table.header.implementer) == ("濮阳市档案局", "濮阳市档案馆")
    text += "实施单位 | 濮阳市档案馆技术科 |\n"
    result = import_text(text)
    assert result.tables[0].header.implementer == "濮阳市档案馆技术科"
    assert [(u.text, u.reason_zh) for u in result.report] == [
        ("濮阳市档案馆", "另有实施单位，未用")
    ]


def test_8_rows_before_a_later_form_with_no_heading_of_their_own_are_a_table():
    # Sichuan (Daying): a page's chunk starts inside one form's indicator block, and the
    # next form's header follows its closing rows.
    text = (
        "成本指标 | 宣传成本预算 | ≤ | 101400 | 元 | 5 |\n"
        "效益指标 | 社会效益指标 | 群众知晓率 | = | 100 | % | 15 |\n"
        "满意度指标 | 服务对象满意度指标 | 参保人员满意度 | ≥ | 90 | % | 10 |\n"
        "合计 | 100 |\n"
        "部门预算项目支出绩效自评表(2023年度) |\n"
        "项目名称 | 城乡居民监管工作经费 |\n"
        "主管部门 | 大英县医疗保障局 |\n"
    )
    result = import_text(text)
    assert [t.header.name for t in result.tables] == ["", "城乡居民监管工作经费"]
    assert [(r.level2, r.name) for r in result.tables[0].indicators] == [
        ("成本指标", "宣传成本预算"),
        ("社会效益指标", "群众知晓率"),
        ("服务对象满意度指标", "参保人员满意度"),
    ]
