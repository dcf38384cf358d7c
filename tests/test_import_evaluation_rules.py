"""One minimal input per part of a self-evaluation form the importer reads into the
table's self-evaluation fields (``tui/importing/evaluation.py``)."""

from __future__ import annotations

from decimal import Decimal

from tests.realcorpus import imported_rows, unplaced_reasons

_INDICATORS = [
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分"
    " | 偏差原因分析及改进措施",
    "产出指标 | 数量指标 | 补助户数 | 39户 | 39户 | 20 | 20 | ",
]


def test_a_budget_grid_without_a_corner_cell_reads_under_its_headings():
    # Anhui (Xiaoxian): the grid's headings start above the row labels' column.
    text = "\n".join(
        [
            "项目名称 | 河西村特色种养补贴到户项目 |",
            "资金情况 (万元) |",
            "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |",
            "年度资金总额: | 9.48 | 9.00 | 10 | 95% | 9.5 |",
            "其中:本年财政拨款 | 9.48 | 9.00 | 10 | 95% | 9.5 |",
            "其他资金 | - | - |",
            *_INDICATORS,
        ]
    )
    result, rows = imported_rows(text)
    table = result.tables[0]
    lines = table.execution.lines
    assert (lines["total"].adjusted, lines["total"].executed) == (Decimal("9.48"), Decimal("9"))
    assert lines["fiscal"].executed == Decimal("9")
    assert table.execution.weight is None  # 10, the scoring profile's own: left to it
    assert table.funding.annual.total == Decimal("9.48")  # no 年初预算数: the 全年预算数
    assert unplaced_reasons(result)["95%"] == "computed from the amounts; not imported"
    assert rows == [("产出指标", "数量指标", "补助户数", "", "39户")]


def test_a_sichuan_grid_opens_with_its_total_row_and_the_form_closes_with_its_texts():
    text = "\n".join(
        [
            "项目名称 | 养老服务补贴 |",
            "预算执行情况（10分） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率"
            " | 权重 | 得分 | 原因",
            "合计 | 90.00 | 90.00 | 85.50 | 95% | 10 | 9.50 | 疫情影响",
            "财政资金 | 90.00 | 90.00 | 85.50 | 95% | | |",
            "年度总体目标（预期目标） | 实际完成情况 |",
            "完成退休人员社会化管理服务 | 全年举办培训1次、文体活动5场 |",
            *_INDICATORS,
            "总分 | 96.5 |",
            "评价结论 | 项目基本完成年度绩效目标。 |",
            "存在问题 | 劳务成本略有超支。 |",
            "改进措施 | 按市场价测算劳务费。 |",
        ]
    )
    result, _ = imported_rows(text)
    table = result.tables[0]
    assert table.execution.lines["total"].initial == Decimal("90.00")
    assert table.execution.lines["fiscal"].executed == Decimal("85.50")
    assert (table.execution.weight, table.execution.reason) == (None, "疫情影响")
    assert table.goals.annual == "完成退休人员社会化管理服务"
    assert table.evaluation.goal_actual == "全年举办培训1次、文体活动5场"
    assert table.evaluation.conclusion == "项目基本完成年度绩效目标。"
    assert table.evaluation.problems == "劳务成本略有超支。"
    assert table.evaluation.improvements == "按市场价测算劳务费。"
    row = table.indicators[0]
    assert (row.actual, row.weight, row.score, row.deviation) == ("39户", 20, None, None)
    assert table.stage == "evaluation"


def test_a_monitoring_form_fills_the_month_its_progress_column_names():
    text = "\n".join(
        [
            "2021年度项目支出绩效运行监控表（1–9月）",
            "项目名称\t培训补贴",
            "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t截至9月底完成值\t全年预计完成值"
            "\t完成目标可能性\t偏差原因分析\t纠偏措施\t预警",
            "产出指标\t数量指标\t培训人次\t区间\t100-150人\t60人\t130人\t有可能"
            "\t人员：报名推迟\t第四季度集中培训\t黄灯",
            "\t质量指标\t培训合格率\t≥\t90%\t95%\t95%\t确定能\t\t\t绿",
        ]
    )
    result, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "培训人次", "", "100-150人"),
        ("产出指标", "质量指标", "培训合格率", "", "90%"),
    ]
    row = result.tables[0].indicators[0]
    assert row.nature == "区间"
    month = row.monitoring[9]
    assert (month.progress, month.forecast, month.likelihood) == ("60人", "130人", "有可能")
    assert (month.cause, month.reason, month.action) == ("人员", "报名推迟", "第四季度集中培训")
    assert result.tables[0].stage == "monitoring"
    reasons = unplaced_reasons(result)
    # The form's light is checked against the computed one: 60 of 100–150 by September is
    # behind (红灯), so its 黄灯 is reported; the 绿 of the second row agrees and is placed.
    assert reasons["黄灯"] == "warning light differs from the computed “红灯”; not imported"
    assert "绿" not in reasons
    assert "2021年度项目支出绩效运行监控表（1–9月）" not in reasons  # it gave the year
    assert result.tables[0].year == 2021


def test_a_grid_in_yuan_with_an_extra_value_and_a_signature_after_an_empty_section():
    # Hainan (Nongken): the grid's corner says 元; Anhui (Huoshan): one amount too many in
    # single-space text; Sichuan (Daying): 存在问题 left empty, a signature line after it.
    text = "\n".join(
        [
            "项目名称 学校运转补助",
            "资金构成(元) 年初预算数 全年预算数 执行数 分值 执行率(%) 得分",
            "资金总额: 120,000.00 120,000.00 30,000.00 30,000.00 10 25 2.5",
            *(line.replace(" | ", "\t") for line in _INDICATORS),
            "总分\t92.5",
            "存在问题",
            "项目负责人: 张三",
        ]
    )
    result, _ = imported_rows(text)
    table = result.tables[0]
    total = table.execution.lines["total"]
    assert (total.initial, total.adjusted, total.executed) == (12, 12, 3)  # 万元
    assert table.execution.weight is None  # the profile's 10
    assert unplaced_reasons(result)["30,000.00"] == "extra cell in the budget grid"
    assert table.evaluation.problems is None


def test_a_heading_wrapped_before_its_formula_and_the_goals_under_their_headings():
    # Anhui (Huizhou), found by a new user's tryout: 预算执行率 wrapped before its
    # ``( B/A×100%) 得分``, which ended the grid before its rows; and the goals headed
    # 年初设定目标 | 全年实际完成情况, the second heading taken for the year's goal.
    text = "\n".join(
        [
            "转移支付(项目)名称 2025年国家电影事业发展专项资金补助地方资金",
            "资金投入情况",
            "(万元) 全年预算数( A ) 全年执行数( B ) 分值 预算执行率",
            "( B/A×100%) 得分",
            "年度资金总额: 4 3.6 10 90% 9",
            "总体目标完成情况 年初设定目标 全年实际完成情况",
            "加强影院放映设备升级维护。 2025年,影院共维护电影放映设备5套。",
            *_INDICATORS,
        ]
    )
    result, rows = imported_rows(text)
    table = result.tables[0]
    total = table.execution.lines["total"]
    assert (total.adjusted, total.executed) == (Decimal("4"), Decimal("3.6"))
    assert table.goals.annual == "加强影院放映设备升级维护。"
    assert table.evaluation.goal_actual == "2025年,影院共维护电影放映设备5套。"
    reasons = unplaced_reasons(result)
    assert reasons["90%"] == "computed from the amounts; not imported"
    assert "( B/A×100%)" not in reasons and "全年实际完成情况" not in reasons
    assert rows == [("产出指标", "数量指标", "补助户数", "", "39户")]
