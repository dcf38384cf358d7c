"""One minimal input per general cause found on the tenth kept-aside set
(``real_fresh9/``; docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

from tests.realcorpus import imported_rows
from tui.importing import import_text
from tui.importing.glued import split_glued


def test_a_glued_self_evaluation_with_its_headings_run_together():
    # Sichuan: 指标值完成值权重得分 glued as one heading, weights as percentages, the
    # table closed by 得分合计100。; 省级主管部门 a (weaker) department label.
    text = (
        "专项名称普惠金融发展专项资金省级主管部门四川省财政厅"
        "一级指标二级指标三级指标指标值完成值权重得分"
        "产出指标数量指标创业担保贷款发放额增长率≥10%115.25%20%20"
        "质量指标创业担保贷款回收率≥90%98.70%20%20资金足额拨付率100%100%10%10"
        "得分合计100。"
    )
    assert split_glued("指标值完成值权重得分", inner=True) == ["指标值", "完成值", "权重", "得分"]
    result, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "创业担保贷款发放额增长率", "", "≥10%"),
        ("产出指标", "质量指标", "创业担保贷款回收率", "", "≥90%"),
        ("产出指标", "质量指标", "资金足额拨付率", "", "100%"),
    ]
    table = result.tables[0]
    assert [i.weight for i in table.indicators] == [20, 20, 10]
    assert (table.header.name, table.header.department) == ("普惠金融发展专项资金", "四川省财政厅")


def test_a_local_department_wins_over_a_higher_levels():
    text = "\n".join(
        ["项目名称\t某专项", "市级主管部门\t某市财政局", "县级主管部门\t某县农业农村局"]
        + ["一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t发放人数\t80人"]
    )
    assert import_text(text).tables[0].header.department == "某县农业农村局"


def test_a_glued_sign_is_its_own_cell_where_the_heading_has_a_nature_column():
    # Chongqing (Banan): 预算执行率10%=100 under 指标名称 指标权重 计量单位 指标性质 指标值;
    # the next table's title after it stays a title.
    text = "\n".join(
        [
            "绩效指标指标名称指标权重计量单位指标性质指标值",
            "预算执行率10%=100",
            "基层组织建设办公阵地和干部人才保障有效性10有效保障",
            "2022年区级一般性项目绩效目标表",
        ]
    )
    result, rows = imported_rows(text)
    assert [row[2:] for row in rows] == [
        ("预算执行率", "", "100"),
        ("基层组织建设办公阵地和干部人才保障有效性", "", "有效保障"),
    ]
    assert result.tables[0].indicators[0].nature == "="
    assert "2022年区级一般性项目绩效目标表" in {u.text for u in result.report}


def test_a_target_and_an_actual_alike_glued_into_one_number_are_two():
    # Sichuan (Langzhong): 按期完成投资1010 under 指标值 全年实际完成值.
    text = "\n".join(
        [
            "转移支付(项目)名称车辆购置税收入补助地方资金",
            "一级指标二级指标三级指标指标值全年实际完成值",
            "产出指标质量指标建设符合验收要求2020",
            "时效指标按期完成投资1010",
        ]
    )
    _, rows = imported_rows(text)
    assert [row[2:] for row in rows] == [
        ("建设符合验收要求", "", "20"),
        ("按期完成投资", "", "10"),
    ]


def test_values_of_different_widths_one_cell_per_line_are_not_one_wrapped_value():
    # Shaanxi (Chencang): a name and the next label's pieces are not a value wrapped in
    # its cell — only lines of one width (the cell's) and a shorter last one are.
    text = "\n".join(
        ["专项(项目)名称", "农村饮水安全巩固提升工程专项", "市级财政部门", "宝鸡市财政局"]
        + ["市级主管部门", "宝鸡市水利局", "一级指标", "二级指标", "三级指标", "指标值"]
        + ["产出指标", "数量指标", "新建堤防长度", "3公里"]
    )
    header = import_text(text).tables[0].header
    assert header.name == "农村饮水安全巩固提升工程专项"


def test_a_row_that_only_groups_the_indented_rows_below_it_is_not_a_row():
    # Anhui (Xiaoxian): ★补助… carries the group's 分值 and 得分, its indicators indented.
    text = "\n".join(
        [
            "项目名称 特色种养殖补贴",
            "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分",
            "产出指标 数量指标 ★补助各类粮食作物种植面积 10 10",
            "        红薯种植面积 5.5亩 5.5亩",
            "★补助家畜家禽养殖数量 10 10",
            "        猪养殖数量 80头 80头",
            "        牛养殖数量 3头 3头",
        ]
    )
    result, rows = imported_rows(text)
    assert [row[1:] for row in rows] == [
        ("数量指标", "红薯种植面积", "", "5.5亩"),
        ("数量指标", "猪养殖数量", "", "80头"),
        ("数量指标", "牛养殖数量", "", "3头"),
    ]
    grouped = [u.text for u in result.report if u.reason_en == "a group row (scores only)"]
    assert grouped == ["★补助各类粮食作物种植面积", "10", "10", "★补助家畜家禽养殖数量", "10", "10"]
