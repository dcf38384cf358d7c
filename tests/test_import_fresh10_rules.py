"""One minimal input per general cause found on the eleventh kept-aside set
(``real_fresh10/``; docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

import pytest

from tests.realcorpus import imported_rows

_WRAPPED = [
    "项目名称 重大动物疫病防控",
    "一级指标 二级指标 三级指标 指标值",
    "产出指标",
    "数量指标",
    "各种强制免率、屠宰率",
    "100%",
    "及检疫率",
    "质量指标",
    "检疫合格率",
    "≥95%",
]


@pytest.mark.parametrize(
    "lines",
    [_WRAPPED, [*_WRAPPED[:2], "产出指标 数量指标 各种强制免率、屠宰率", *_WRAPPED[5:]]],
    ids=["one cell a line", "rows"],
)
def test_the_rest_of_a_name_wrapped_around_its_value_joins_the_name(lines):
    # Hunan (Yongxing) PDF text: a 三级 cell three lines tall, its value on the middle line.
    _, rows = imported_rows("\n".join(lines))
    assert rows == [
        ("产出指标", "数量指标", "各种强制免率、屠宰率及检疫率", "", "100%"),
        ("产出指标", "质量指标", "检疫合格率", "", "≥95%"),
    ]


def test_a_text_after_a_value_that_could_begin_a_name_is_not_joined():
    text = "\n".join([*_WRAPPED[:6], "与委托运营方结算完成率"])
    result, rows = imported_rows(text)
    assert rows == [("产出指标", "数量指标", "各种强制免率、屠宰率", "", "100%")]
    assert "与委托运营方结算完成率" in {u.text for u in result.report}
