"""One minimal input per general cause found by pasting every real table again without
separators (``tests/test_import_restyled.py``, the glued style)."""

from __future__ import annotations

import pytest

from tests.realcorpus import imported_rows
from tui.importing.glued import split_glued
from tui.importing.shapes import is_quantity, split_value_tail


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
