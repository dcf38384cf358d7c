"""One minimal input per general cause found on the ninth kept-aside set
(``real_fresh8/``; docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

from decimal import Decimal

from tests.realcorpus import imported_rows
from tui.importing import import_text
from tui.importing.cells import split_cells
from tui.importing.columns import column_slot


def _report_with_a_table() -> str:
    # Chongqing (Fengdu): a self-evaluation report whose table was copied one cell per
    # line, each ending in ' |', between a section heading and prose of several cells.
    return "\n".join(
        [
            "全年预算数2565万元, 全年执行数2565万元, 预算执行率100%。",
            "(三)绩效目标。",
            *(f"{cell} |" for cell in ("指标名称", "计量单位", "指标性质", "指标值")),
            *(f"{cell} |" for cell in ("辅警人员", "人", "=", "512")),
            *(f"{cell} |" for cell in ("项目持续期", "定性", "基本建立")),
            *(f"{cell} |" for cell in ("受益对象满意度", "%", "≥", "95")),
            "(四)部门(单位)职能职责。",
            "丰都县公安局是主管全县社会治安的县政府组成部门, 有内设所队室22个。",
        ]
    )


def test_a_section_heading_is_never_the_first_half_of_a_wrapped_cell():
    texts = [row[0].text for row in split_cells(_report_with_a_table()).rows]
    assert "指标名称" in texts and "(三)绩效目标。" in texts


def test_a_block_one_cell_per_line_in_a_page_of_longer_lines_is_read_as_a_run():
    result = import_text(_report_with_a_table())
    rows = [(i.name, i.annual, i.unit, i.nature) for i in result.tables[0].indicators]
    assert rows == [
        ("辅警人员", "512", "人", "="),
        ("项目持续期", "基本建立", None, "定性"),
        ("受益对象满意度", "95", "%", "≥"),
    ]


def test_a_name_written_twice_is_a_name_and_its_explanation_with_the_value_below():
    # Hunan (Lixian): glued rows whose 指标解释 repeats the 三级 name; the value stands
    # alone on the next line. Heading words 指标说明及公式 and 预期达到目标.
    assert column_slot("指标说明及公式") == "explanation"
    assert column_slot("预期达到目标") == "value"
    text = "\n".join(
        [
            "项目名称食用菌研究",
            "一级指标二级指标三级指标指标解释指标说明及公式预期达到目标",
            "产出指标数量指标研究培育食用菌品种数量研究培育食用菌品种数量",
            "2种",
            "质量指标机关事务正常运转率机关事务正常运转率",
            "100%",
        ]
    )
    _, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "研究培育食用菌品种数量", "", "2种"),
        ("产出指标", "质量指标", "机关事务正常运转率", "", "100%"),
    ]


def test_a_category_with_only_a_score_is_an_empty_group_not_a_row():
    # Anhui (Huoqiu): 生态效益指标 with no 三级 and a score of 0.
    text = "\n".join(
        [
            "项目名称  科技特派员",
            "一级指标  二级指标  三级指标  年度指标值  全年实际值  分值  得分",
            "效益指标  社会效益指标  巩固拓展脱贫攻坚成果  巩固拓展  达成预期指标  10  10",
            "生态效益指标         0",
        ]
    )
    result, rows = imported_rows(text)
    assert rows == [("效益指标", "社会效益指标", "巩固拓展脱贫攻坚成果", "", "巩固拓展")]
    assert "0" in {u.text for u in result.report}


def test_a_forms_own_level1_word_in_the_level1_column_is_kept_as_written():
    # Sichuan (Daying): 项目决策 / 项目效益 as 一级 over known 二级, in a table with columns.
    text = "\n".join(
        [
            "项目名称\t文明创建",
            "一级指标\t二级指标\t三级指标\t指标值",
            "项目决策\t数量指标\t宣传次数\t至少全年完成2次宣传",
            "\t质量指标\t创建质量\t按质按量完成",
            "项目效益\t社会效益指标\t提升全县消费者维权意识\t不断提升",
            "满意度指标\t服务对象满意度指标\t群众满意度\t90%",
        ]
    )
    _, rows = imported_rows(text)
    assert [row[:2] for row in rows] == [
        ("项目决策", "数量指标"),
        ("项目决策", "质量指标"),
        ("项目效益", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]


def test_a_value_word_under_the_level1_column_is_still_no_level1():
    # Only a known 二级 beside it makes an unknown word a 一级: a shifted row stays a row.
    text = "\n".join(
        [
            "项目名称\t某项目",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t发放人数\t80人",
            "群众满意度\t95%",
        ]
    )
    _, rows = imported_rows(text)
    assert rows[-1][2:] == ("群众满意度", "", "95%")


def test_names_printed_around_their_rows_by_a_pdf_are_put_back_on_them():
    # Shanghai (Putuo): pdfplumber's layout text of a form whose merged and wrapped
    # 一级/二级 cells are printed centred on their rows, two of them interleaved.
    text = "\n".join(
        [
            "项目名称 下立交工程",
            "一级指标 二级指标 三级指标 年度(/项目)指标值",
            "生态环境",
            "文明施工情况 可控",
            "成本指标",
            "数量指标 道路建设长度 985米",
            "产出指标 质量指标 项目验收达标率 =100.00(%)",
            "时效指标 项目完成及时性 及时",
            "道路安全隐患减少情况 减少",
            "社会效益",
            "道路景观提升情况 提升",
            "指标",
            "效益指标",
            "道路通行能力提升情况 提升",
            "可持续影",
            "长效管理制度健全性 健全",
            "响指标",
            "服务对象",
            "满意度指",
            "满意度指 居民群众满意度 ≥90.00(%)",
            "标",
            "标",
        ]
    )
    result, rows = imported_rows(text)
    assert [row[:3] for row in rows] == [
        ("成本指标", "生态环境成本指标", "文明施工情况"),
        ("产出指标", "数量指标", "道路建设长度"),
        ("产出指标", "质量指标", "项目验收达标率"),
        ("产出指标", "时效指标", "项目完成及时性"),
        ("效益指标", "社会效益指标", "道路安全隐患减少情况"),
        ("效益指标", "社会效益指标", "道路景观提升情况"),
        ("效益指标", "社会效益指标", "道路通行能力提升情况"),
        ("效益指标", "可持续影响指标", "长效管理制度健全性"),
        ("满意度指标", "服务对象满意度指标", "居民群众满意度"),
    ]
    assert result.tables[0].framework == "2021"
    placed = {(p.line, p.column) for p in result.placed}
    assert {(3, 1), (5, 1), (21, 1), (22, 1)} <= placed  # every piece of a name is used


def test_a_name_wrapped_above_its_rows_is_still_read_as_written():
    # A web page copies a wrapped merged cell above its rows: no row between its pieces.
    text = "\n".join(
        [
            "项目名称 某项目",
            "一级指标 二级指标 三级指标 指标值",
            "产出指标 数量指标 发放人数 80人",
            "效益指标",
            "社会效益",
            "指标",
            "受益群众 500人",
            "满意度指标 服务对象满意度指标 群众满意度 ≥90%",
        ]
    )
    _, rows = imported_rows(text)
    assert rows[1][:3] == ("效益指标", "社会效益指标", "受益群众")


def test_a_glued_name_and_a_different_explanation_are_cut_after_the_names_last_word():
    # Hunan (Taoyuan, Lixian): 专项资金绩效目标表 glued, 指标内容 between name and value.
    text = "\n".join(
        [
            "专项名称再就业援助对象岗位补贴",
            "一级指标二级指标三级指标指标内容指标值绩效标准",
            "产出指标数量指标补助人数实际发放解困工资人数250人计划标准",
            "质量指标补贴覆盖率对符合条件的对象发放解困工资的覆盖率100%历史标准",
            "时效指标完成及时率各项工作按计划进度及时完成100%计划标准",
            "成本指标提标补差标准解困工资提标补差标准143元/月/人计划标准",
        ]
    )
    result, rows = imported_rows(text)
    assert [row[2:] for row in rows] == [
        ("补助人数", "", "250人"),
        ("补贴覆盖率", "", "100%"),
        ("完成及时率", "", "100%"),
        ("提标补差标准", "", "143元/月/人"),
    ]
    explanations = [i.explanation for i in result.tables[0].indicators]
    assert explanations[0] == "实际发放解困工资人数"
    assert any("指标解释" in n.reason_zh for n in result.notes)


def test_a_name_is_never_cut_outside_a_glued_paste_with_an_explanation_column():
    text = "\n".join(
        [
            "项目名称\t某项目",
            "一级指标\t二级指标\t三级指标\t指标解释\t指标值",
            "产出指标\t数量指标\t培训人员数量达到要求\t\t100人",
        ]
    )
    _, rows = imported_rows(text)
    assert rows[0][2] == "培训人员数量达到要求"


def test_one_line_names_centred_on_their_rows_without_a_piece_between_rows():
    # The same PDF layout when every name fits one line: the first row carries no name,
    # 数量指标 and 产出指标 stand between the rows of their groups, the others on a row.
    text = "\n".join(
        [
            "项目名称 消防设备改造",
            "一级指标 二级指标 三级指标 指标值",
            "七氟丙烷式灭火装置及药剂 10套",
            "数量指标",
            "烟感、温感控制设备 160个",
            "产出指标",
            "质量指标 项目验收合格率 100%",
            "时效指标 项目完工时间 2021年12月31日",
            "满意度指标 服务对象满意度指标 群众满意度 ≥90%",
        ]
    )
    _, rows = imported_rows(text)
    assert [row[:3] for row in rows] == [
        ("产出指标", "数量指标", "七氟丙烷式灭火装置及药剂"),
        ("产出指标", "数量指标", "烟感、温感控制设备"),
        ("产出指标", "质量指标", "项目验收合格率"),
        ("产出指标", "时效指标", "项目完工时间"),
        ("满意度指标", "服务对象满意度指标", "群众满意度"),
    ]


def test_header_values_a_pdf_wraps_around_their_labels_are_put_back():
    # Shanghai (Putuo), layout text: a value wrapped in its cell printed above and below
    # its label's line; one cell per line, a value wrapped over lines of its own.
    text = "\n".join(
        [
            "兰溪路-真南路下立交工 阶段性项",
            "项目名称 项目性质 项目类别 特定目标类",
            "程 目",
            "上海市普陀区建设和管",
            "主管部门 实施单位 上海市普陀区市政工程建设中心",
            "理委员会",
            "一级指标 二级指标 三级指标 指标值",
            "产出指标 数量指标 道路建设长度 985米",
        ]
    )
    header = import_text(text).tables[0].header
    assert (header.name, header.attribute) == ("兰溪路-真南路下立交工程", "阶段性项目")
    assert (header.department, header.implementer) == (
        "上海市普陀区建设和管理委员会",
        "上海市普陀区市政工程建设中心",
    )
    stream = "\n".join(
        ["项目名称", "拆违经费", "项目性质", "阶段", "性项", "目", "主管部门"]
        + ["普陀区城市管理行政执", "法局执法大队", "计划开始日期", "2024-01-01"]
        + [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "产出指标",
            "数量指标",
            "拆违面积",
            "5万平方米",
        ]
    )
    header = import_text(stream).tables[0].header
    assert (header.attribute, header.department) == (
        "阶段性项目",
        "普陀区城市管理行政执法局执法大队",
    )


def _shanghai_funding() -> str:
    # Shanghai (Putuo) PDF text: the 项目资金（元） label is centred on its rows, so its
    # unit comes after the amounts, and 当年财政拨款 (the 年度 half) comes before 财政资金.
    return "\n".join(
        [
            "项目名称 某下立交工程",
            "项目资金总额 771,325,800.00 年度资金申请总额 226,145,100.00",
            "其中：当年财政拨款 226,145,100.00",
            "项目资金",
            "其中：财政资金 771,325,800.00",
            "（元）",
            "其他资金 0 其他资金 0",
            "一级指标 二级指标 三级指标 年度指标值",
            "产出指标 数量指标 道路建设长度 985米",
        ]
    )


def test_a_funding_label_saying_yuan_after_its_amounts_still_converts_them():
    funding = import_text(_shanghai_funding()).tables[0].funding
    assert (funding.medium.total, funding.annual.total) == (
        Decimal("77132.58"),
        Decimal("22614.51"),
    )


def test_a_fiscal_amount_labelled_this_year_is_the_annual_one_whatever_its_order():
    funding = import_text(_shanghai_funding()).tables[0].funding
    assert (funding.medium.fiscal, funding.annual.fiscal) == (
        Decimal("77132.58"),
        Decimal("22614.51"),
    )


def test_pieces_of_a_wrapped_label_are_never_a_goal():
    # Shanghai PDF: the form's first column 项目 / 绩效 / 目标 wrapped beside the two goal
    # texts, which interleave line by line: no goal is better than a label's piece.
    text = "\n".join(
        [
            "项目名称 某工程",
            "项目总目标 年度总体目标",
            "项目",
            "绩效 为居民出行提供快速便捷的通道，完善、提高了路",
            "一级指标 二级指标 三级指标 年度指标值",
            "产出指标 数量指标 道路建设长度 985米",
        ]
    )
    result = import_text(text)
    goals = result.tables[0].goals
    assert (goals.medium, goals.annual) == ("", "")
    assert {"项目", "绩效"} <= {u.text for u in result.report}


def test_a_dash_left_in_a_goal_cell_is_not_the_goal():
    # Yunnan (Yongde): an empty cell's dash before the goal on the line after its label.
    text = "\n".join(
        [
            "项目名称 学生营养改善",
            "年度总体目标",
            "— 确保每一个学生都能享受到国家政策福利,改善学生体质",
            "一级指标 二级指标 三级指标 指标值",
            "产出指标 数量指标 受益学生人数 1200人",
        ]
    )
    goals = import_text(text).tables[0].goals
    assert goals.annual == "确保每一个学生都能享受到国家政策福利,改善学生体质"
