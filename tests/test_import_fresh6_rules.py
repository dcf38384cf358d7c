"""One minimal input per general cause found on the sixth and seventh kept-aside sets
(``real_fresh5/``, ``real_fresh6/``; docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

from tests.realcorpus import imported_rows, unplaced_reasons
from tui.frameworks import canonical_label
from tui.importing import import_text
from tui.importing.cells import split_cells
from tui.importing.glued import split_glued


def test_a_form_without_levels_heads_its_name_column_with_a_bare_zhibiao():
    # Chongqing (Tongnan) 一般性项目绩效目标表: 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值.
    text = "\n".join(
        [
            "专项资金名称\t在职村村干部补助",
            "指标\t指标权重\t计量单位\t指标性质\t指标值",
            "按月发放\t20\t次\t=\t1",
            "本土人才满意度\t10\t%\t≥\t95",
        ]
    )
    result, rows = imported_rows(text)
    assert rows == [("", "", "按月发放", "", "1"), ("", "", "本土人才满意度", "", "95")]
    first = result.tables[0].indicators[0]
    assert (first.nature, first.unit, first.weight) == ("=", "次", 20)


def test_a_label_wrapped_before_zhibiao_is_still_joined():
    grid = split_cells("\n".join(["一级", "指标", "二级", "指标", "三级", "指标", "指标值"]))
    assert [row[0].text for row in grid.rows] == ["一级指标", "二级指标", "三级指标", "指标值"]


def test_a_table_number_is_page_text_and_a_compiling_unit_line_opens_the_next_project():
    text = "\n\n".join(
        ["专项资金名称", "项目甲", "指标", "指标值", "发放人数", "80", "表十二"]
        + ["编制单位:", "813-某镇", "专项资金名称", "项目乙", "指标", "指标值", "按月发放", "1"]
    )
    result = import_text(text)
    assert [(t.header.name, t.header.department) for t in result.tables] == [
        ("项目甲", ""),
        ("项目乙", "某镇"),
    ]
    assert [[r.name for r in t.indicators] for t in result.tables] == [["发放人数"], ["按月发放"]]
    assert unplaced_reasons(result)["表十二"] == "table number; not imported"


def test_more_header_label_variants_of_transfer_and_bond_forms():
    text = "\n".join(
        [
            "转移(项目)名称\t基本药物制度补助",
            "主管预算部门\t卫健委",
            "资金使用单位\t某卫生院",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t覆盖机构数\t37个",
        ]
    )
    header = import_text(text).tables[0].header
    assert (header.name, header.department, header.implementer) == (
        "基本药物制度补助",
        "卫健委",
        "某卫生院",
    )


def test_older_forms_short_level_two_names_and_a_second_table_after_the_rows():
    # Shanxi (Lvliang) OCR: 产出数量 / 产出质量 … as 二级, then a table of training schools.
    text = "\n".join(
        [
            "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |",
            "产出指标 | 产出数量 | 完成护工培训任务 | 12500名 | 12166名 |",
            "| 产出质量 | 参训学员结业考核通过率 | 100% | 98.79% |",
            "序号 | 学校性质 | 培训机构 | 培训补助标准(元/人) | 合格人数 |",
            "1 | 民办 | 某职业培训学校 | 2600 | 842 |",
        ]
    )
    result, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "产出数量", "完成护工培训任务", "", "12500名"),
        ("产出指标", "产出质量", "参训学员结业考核通过率", "", "100%"),
    ]
    assert unplaced_reasons(result)["序号"] == "another table; not imported"
    assert unplaced_reasons(result)["某职业培训学校"] == "text after the table's end"


def test_a_heading_without_its_level_one_column_keeps_level_one_before_level_two():
    text = "\n".join(
        [
            "二级指标\t三级指标\t指标值",
            "数量指标\t培训人次\t500人次",
            "满意度\t学员满意度\t≥90%",
        ]
    )
    _, rows = imported_rows(text)
    assert rows == [
        ("产出指标", "数量指标", "培训人次", "", "500人次"),
        ("满意度指标", "满意度", "学员满意度", "", "≥90%"),
    ]


def test_short_and_older_level_two_names_are_the_framework_names():
    assert canonical_label("产出数量", 2) == "数量指标"
    assert canonical_label("产出成本", 2) == "成本指标"
    assert canonical_label("满意度", 2) == "服务对象满意度指标"
    assert canonical_label("满意度", 1) == "满意度指标"


def test_a_glued_self_evaluation_target_and_actual_alike_are_cut_off_the_name():
    # Hubei (Xiangyang), a document site's glued .docx: 三级 | 目标值 | 实际值 | 分值.
    assert split_glued("成本控制不超过预算不超过预算10", inner=True) == [
        "成本控制",
        "不超过预算",
        "不超过预算",
        "10",
    ]
    assert split_glued("哈哈哈哈", inner=True) == ["哈哈哈哈"]  # no name before it: left whole
