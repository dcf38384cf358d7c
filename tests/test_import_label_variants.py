"""Wordings of column headings, header labels and 二级 names collected from published
tables and blank templates (round 10, docs/import.md): each reads as the person reading
the form would, and a table written with them imports whole."""

from __future__ import annotations

import pytest

from tests.realcorpus import imported_rows
from tui.importing import import_text
from tui.importing.columns import column_slot
from tui.importing.labels import header_label
from tui.importing.levels import canonical_label


@pytest.mark.parametrize(
    ("heading", "slot"),
    [
        ("*指标值", "value"),  # a template's * marks a required column
        ("＊指标解释", "explanation"),
        ("评分细则", "remark"),
        ("本年度计划水平", "annual"),
        ("上年度实际水平", "prior"),
        ("指标内容/计算公式", "explanation"),
        ("参考标准", "basis"),
        ("预期值", "value"),
        # A half's word before any value heading names that half's value.
        ("年度绩效指标值", "annual"),
        ("本年度预期目标值", "annual"),
        ("实施期绩效目标值", "medium"),
        ("年度指标", None),  # …and only before a value heading
        ("全年(程) 指标值", "annual"),  # Jiangsu (Zhenjiang), fresh23
        ("半年(程) 指标值", "midyear"),  # …a half-year target: reported, not in the format
        ("预算设定指标值", "value"),  # Tianjin (Nankai), fresh20
        ("项目完成指标值", "actual"),
        # A half named in brackets or by a period of years, a year before 年度 (round 17).
        ("指标值(年度)", "annual"),
        ("目标值（中期）", "medium"),
        ("指标值(含数字及文字描述)", "value"),
        ("2025-2027年指标值", "medium"),
        ("2023年—2025年目标值", "medium"),
        ("2023年度指标值", "annual"),
        ("2024年度", None),  # a year alone is no heading
        ("2024年度项目名称", None),  # …nor a year before a label (Zhenjiang's title wrapped)
        ("本年指标值", "annual"),
        ("项目期指标值", "medium"),
        ("计划值", "value"),
        ("考核目标值", "value"),
        ("一级指标名称", "l1"),
        ("二级指标名称", "l2"),
        ("指标解释及评分标准", "explanation"),
    ],
)
def test_column_heading_variants(heading, slot):
    assert column_slot(heading) == slot


@pytest.mark.parametrize(
    ("label", "kind", "arg"),
    [
        ("主管部门名称", "field", "department"),
        ("一级主管部门名称", "field", "department"),
        ("项目主管单位", "field", "department"),  # Hubei (Guangshui), fresh12
        ("主管单位", "field", "department"),
        ("项目申报单位名称", "field", "implementer"),
        ("单位代码", "field", "department_code"),
        ("项目计划实施时间", "field", "period"),
        ("*年度总体绩效目标", "goal", "annual"),
        ("项目年度目标", "goal", "annual"),
        ("项目期目标", "goal", "medium"),
        ("项目负责人", "unmapped", ""),  # reported: the format has no field for it
        ("部门(单位)职责", "unmapped", ""),
        ("项目申报的必要性", "unmapped", ""),
        ("政策依据", "unmapped", ""),  # Hunan (Nanxian), fresh17: not the 实施单位's value
        ("组织实施单位", "unmapped", ""),  # Gansu (Jiayuguan): above the 项目实施单位
    ],
)
def test_header_label_variants(label, kind, arg):
    found = header_label(label)
    assert found is not None and (found.kind, found.arg) == (kind, arg)


def test_an_organising_unit_is_not_the_implementer():
    text = "项目名称博物馆免费开放组织实施单位甘肃省文物局项目实施单位嘉峪关城市博物馆"
    assert import_text(text).tables[0].header.implementer == "嘉峪关城市博物馆"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("产出数量指标", "数量指标"),
        ("产出时效指标", "时效指标"),
        ("数量目标", "数量指标"),  # an old form writing 目标 for 指标
        ("社会效益目标", "社会效益指标"),
        ("服务对象满意度目标", "服务对象满意度指标"),
        ("环境效益", "生态效益指标"),  # Hubei (Huangshi), fresh15
    ],
)
def test_level_two_variants(name, canonical):
    assert canonical_label(name, 2) == canonical


def test_a_table_written_with_the_variants_imports_whole():
    text = "\n".join(
        [
            "项目名称\t学校公用经费",
            "主管部门名称\t某县教育局\t单位代码\t207001",
            "项目申报单位名称\t某县第一中学\t项目计划实施时间\t2024年1月-12月",
            "*年度总体绩效目标\t保障学校正常运转",
            "一级指标\t二级指标\t三级指标\t*指标值\t评分细则",
            "产出指标\t数量目标\t保障学生人数\t1200人\t少1人扣1分",
            "效益指标\t社会效益目标\t办学条件\t持续改善\t未改善不得分",
        ]
    )
    result, rows = imported_rows(text)
    header = result.tables[0].header
    assert (header.department, header.department_code) == ("某县教育局", "207001")
    assert (header.implementer, header.period) == ("某县第一中学", "2024年1月-12月")
    assert result.tables[0].goals.annual == "保障学校正常运转"
    assert rows == [
        ("产出指标", "数量目标", "保障学生人数", "", "1200人"),
        ("效益指标", "社会效益目标", "办学条件", "", "持续改善"),
    ]
    assert [r.remark for r in result.tables[0].indicators] == ["少1人扣1分", "未改善不得分"]


def test_a_local_level_one_written_short_is_its_official_name():
    # Xinjiang (Wenquan), fresh14: 项目完成 for Sichuan's 项目完成指标, the 产出指标.
    assert canonical_label("项目完成", 1) == "产出指标"


def test_halves_named_in_brackets_and_by_years_read_in_any_order():
    text = "\n".join(
        [
            "项目名称\t河道保洁",
            "一级指标\t二级指标\t三级指标\t指标值(年度)\t2024-2026年指标值",
            "产出指标\t数量指标\t保洁河道长度\t12公里\t36公里",
            "满意度指标\t服务对象满意度指标\t沿河居民满意度\t≥90%\t≥92%",
        ]
    )
    result = import_text(text)
    rows = [(r.name, r.medium, r.annual) for t in result.tables for r in t.indicators]
    assert rows == [("保洁河道长度", "36公里", "12公里"), ("沿河居民满意度", "≥92%", "≥90%")]
    assert result.report == []
