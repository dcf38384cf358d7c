"""Each rule fires on a broken table and stays quiet on a correct one.

Every case starts from a clean fixture (no problems at all), breaks one thing,
and expects the rule's code at the field that was broken.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

import pytest

from tests.conftest import FIXTURES
from tui.model import Amounts, Indicator, Table
from tui.rules import RULES, check_table
from tui.tomlfile.loader import load_table

CLEAN = {fw: FIXTURES / f"clean_{fw}.toml" for fw in ("2015", "2021")}


def clean(framework: str = "2015") -> Table:
    return load_table(CLEAN[framework])


def index(table: Table, name: str) -> int:
    return next(i for i, row in enumerate(table.indicators) if row.name == name)


def setrow(table: Table, row_name: str, /, **values) -> None:
    row = table.indicators[index(table, row_name)]
    for key, value in values.items():
        setattr(row, key, value)


def found(table: Table, code: str) -> list[tuple]:
    return [p.ref for p in check_table(table) if p.code == code]


@pytest.mark.parametrize("framework", ["2015", "2021"])
def test_clean_tables_have_no_problems(framework):
    assert check_table(clean(framework)) == []


def _annual(t: Table, **values) -> None:
    for key, value in values.items():
        setattr(t.funding.annual, key, value)


def _medium(t: Table, **values) -> None:
    for key, value in values.items():
        setattr(t.funding.medium, key, value)


def _drop_level1(t: Table, level1: str) -> None:
    t.indicators = [r for r in t.indicators if r.level1 != level1]


def _blank_row(t: Table) -> None:
    t.indicators.append(Indicator(level1="效益指标", level2="生态效益指标"))


def _set_level1(t: Table, old: str, new: str) -> None:
    for row in t.indicators:
        if row.level1 == old:
            row.level1 = new


# code → (mutation of the clean 2015 table, the field expected to be reported)
FIRES: dict[str, tuple[Callable[[Table], None], tuple]] = {
    "F001": (lambda t: _annual(t, total=D("101.00")), ("funding", "annual", "total")),
    "F002": (
        lambda t: _annual(t, total=None, fiscal=None, other=None),
        ("funding", "annual", "total"),
    ),
    "F003": (
        lambda t: (_annual(t, total=None, fiscal=None, other=None), _medium(t, total=None)),
        ("funding", "medium", "total"),
    ),
    "F004": (lambda t: _annual(t, fiscal=None, other=None), ("funding", "annual", "fiscal")),
    "F005": (
        lambda t: _medium(t, fiscal=D("320.00"), other=D("-20.00")),
        ("funding", "medium", "other"),
    ),
    "F006": (
        lambda t: _annual(t, total=D("400.00"), fiscal=D("395.00")),
        ("funding", "annual", "total"),
    ),
    "F007": (
        lambda t: _medium(t, total=D("300.001"), fiscal=D("280.001")),
        ("funding", "medium", "total"),
    ),
    "P001": (lambda t: setattr(t.header, "period", ""), ("project", "period")),
    "P002": (lambda t: setattr(t.header, "period", "明年开始"), ("project", "period")),
    "P003": (lambda t: setattr(t.goals, "medium_period", "2023-2021"), ("goals", "medium_period")),
    "P004": (lambda t: setattr(t, "year", 2025), ("project", "period")),
    "P005": (lambda t: setattr(t.goals, "medium_period", "2020-2022"), ("goals", "medium_period")),
    "P006": (lambda t: setattr(t.goals, "medium_period", "2021-2022"), ("goals", "medium_period")),
    "P007": (lambda t: setattr(t.goals, "medium_period", ""), ("goals", "medium_period")),
    "T001": (lambda t: _set_level1(t, "产出指标", "产出 指标"), ("indicators", 0, "level1")),
    "T002": (lambda t: _set_level1(t, "效益指标", "投入指标"), ("indicators", 6, "level1")),
    "T003": (
        lambda t: setrow(t, "服务对象满意度", level2="满意度指标"),
        ("indicators", 8, "level2"),
    ),
    "T004": (lambda t: setrow(t, "资格认证率", level2="社会效益指标"), ("indicators", 2, "level2")),
    "T005": (lambda t: _drop_level1(t, "满意度指标"), ("framework",)),
    "T006": (lambda t: setrow(t, "资格认证率", name=""), ("indicators", 2, "name")),
    "T007": (_blank_row, ("indicators", 9, "name")),
    "T008": (lambda t: setrow(t, "资格认证率", annual=" "), ("indicators", 2, "annual")),
    "T009": (
        lambda t: setrow(t, "采购资格认证设备数量", name="举办退休人员文体活动"),
        ("indicators", 1, "name"),
    ),
    "V001": (lambda t: setrow(t, "资格认证率", medium="≥120%"), ("indicators", 2, "medium")),
    "V002": (lambda t: setrow(t, "采购资格认证设备数量", medium="10"), ("indicators", 1, "medium")),
    "V003": (lambda t: setrow(t, "培训完成时间", annual="按计划完成"), ("indicators", 3, "annual")),
    "V004": (lambda t: setrow(t, "设备采购成本", annual="按需采购"), ("indicators", 5, "annual")),
    "V005": (lambda t: setrow(t, "资格认证率", medium="≥**%"), ("indicators", 2, "medium")),
    "V006": (
        lambda t: setrow(t, "长效管理机制健全性", annual="长效管理机制健全性"),
        ("indicators", 7, "annual"),
    ),
    "V007": (
        lambda t: setrow(t, "资格认证率", annual="资格认证率达90%以上"),
        ("indicators", 2, "annual"),
    ),
    "V008": (
        lambda t: setrow(t, "长效管理机制健全性", medium="健" * 61),
        ("indicators", 7, "medium"),
    ),
    "V009": (lambda t: setrow(t, "长效管理机制健全性", name="长" * 31), ("indicators", 7, "name")),
    "V010": (lambda t: setrow(t, "服务对象满意度", annual="100%"), ("indicators", 8, "annual")),
    "C001": (
        lambda t: setrow(t, "设备采购成本", annual="≤120万元"),
        ("funding", "annual", "total"),
    ),
    "C002": (lambda t: setrow(t, "项目总成本", medium="≤250万元"), ("indicators", 4, "medium")),
    "C003": (
        lambda t: setrow(
            t, "举办退休人员文体活动", annual_name="采购资格认证设备数量", annual="≥15场"
        ),
        ("indicators", 0, "annual_name"),
    ),
    "C004": (
        lambda t: setrow(
            t, "培训完成时间", annual_name="活动计划完成时间", annual="培训计划完成时间12月31日前"
        ),
        ("indicators", 3, "annual"),
    ),
    "C005": (
        lambda t: setrow(t, "资格认证率", annual_name="资格认证通过率"),
        ("indicators", 2, "annual_name"),
    ),
}


def test_every_rule_has_a_firing_case():
    # the S family (monitoring, self-evaluation) has its cases in tests/test_lifecycle_rules.py
    assert sorted(FIRES) == sorted(r.code for r in RULES if not r.code.startswith("S"))


@pytest.mark.parametrize("code", sorted(FIRES))
def test_rule_fires(code):
    table = clean()
    mutate, ref = FIRES[code]
    mutate(table)
    assert ref in found(table, code)


@pytest.mark.parametrize("code", sorted(FIRES))
def test_rule_silent_when_ignored(code):
    table = clean()
    FIRES[code][0](table)
    assert found_ignoring(table, code) == []


def found_ignoring(table: Table, code: str) -> list:
    return [p for p in check_table(table, ignore=[code]) if p.code == code]


# Cases close to a firing one that must stay quiet.
PASSES: dict[str, Callable[[Table], None]] = {
    "F001": lambda t: _annual(t, total=D("95.00"), other=None),  # absent 其他资金 counts as 0
    "F002": lambda t: (_annual(t, total=None, fiscal=None, other=None), _medium(t, total=None)),
    "F006": lambda t: _annual(t, total=D("300.00"), fiscal=D("280.00"), other=D("20.00")),
    "F007": lambda t: _medium(t, total=D("300.000")),  # trailing zeros are not extra decimals
    "P002": lambda t: setattr(t.header, "period", "2023年4月-2024年2月"),
    "P004": lambda t: setattr(t, "year", 2023),
    "P005": lambda t: setattr(t.goals, "medium_period", "2021年-2023年"),
    "P006": lambda t: (
        setattr(t.header, "period", "3年"),
        setattr(t.goals, "medium_period", "三年"),
    ),
    "T003": lambda t: setrow(t, "服务对象满意度", level2="服务对象满意度指标"),
    "T009": lambda t: setrow(t, "资格认证率", level2="数量指标", name="举办退休人员文体活动x"),
    "V001": lambda t: setrow(
        t, "退休人员社会化管理服务覆盖率", name="参保人数增长率", medium="150%"
    ),
    "V002": lambda t: setrow(t, "采购资格认证设备数量", medium="10台"),
    "V003": lambda t: setrow(t, "培训完成时间", annual="及时率100%"),
    "V004": lambda t: setrow(t, "设备采购成本", annual="≤50000元"),
    "V006": lambda t: setrow(t, "长效管理机制健全性", annual="机制健全"),
    "V010": lambda t: setrow(t, "服务对象满意度", annual="≥95%"),
    "C001": lambda t: setrow(t, "设备采购成本", annual="≤100万元"),
    "C002": lambda t: setrow(t, "项目总成本", medium="300万元"),
    "C003": lambda t: setrow(t, "举办退休人员文体活动", annual_name="举办文体活动", annual="≥15场"),
    "C004": lambda t: setrow(t, "培训完成时间", annual="培训12月31日前完成"),
}


@pytest.mark.parametrize("code", sorted(PASSES))
def test_rule_passes(code):
    table = clean()
    PASSES[code](table)
    assert found(table, code) == []


def test_f002_and_f003_on_a_blank_funding_block():
    table = clean()
    table.funding.medium = Amounts()
    table.funding.annual = Amounts()
    codes = {p.code for p in check_table(table)}
    assert "F003" in codes and "F002" not in codes


def test_cost_rows_without_a_total_row_are_summed():
    table = clean()
    table.indicators.pop(index(table, "项目总成本"))
    setrow(table, "设备采购成本", annual="≤60万元")
    table.indicators.insert(5, Indicator("产出指标", "成本指标", "办公成本", "≤30万元", "≤45万元"))
    # 60 + 45 = 105 > 100 in the 年度 column; 15 + 30 ≤ 300 in the 中期 column
    assert found(table, "C001") == [("funding", "annual", "total")]


def test_cost_in_yuan_is_converted():
    table = clean()
    setrow(table, "设备采购成本", annual="≤1500000元")  # 150万元 > 100.00
    assert ("funding", "annual", "total") in found(table, "C001")


def test_2021_framework_cost_is_level1():
    table = clean("2021")
    row = table.indicators[index(table, "项目总成本")]
    row.level1, row.level2 = "产出指标", "成本指标"
    problems = [p for p in check_table(table) if p.code == "T004"]
    assert problems and "一级" in problems[0].zh


def test_2021_required_cost_level1():
    table = clean("2021")
    _drop_level1(table, "成本指标")
    assert found(table, "T005") == [("framework",)]


def test_level1_variant_is_a_hint_not_an_error():
    table = clean()
    _set_level1(table, "产出指标", "产出 指标")
    problems = check_table(table)
    assert {(p.code, p.severity) for p in problems} == {("T001", "hint")}


def test_placeholder_in_header():
    table = clean()
    table.header.name = "×××项目"
    assert found(table, "V005") == [("project", "name")]


def test_duplicate_in_annual_column_only():
    table = clean()
    setrow(table, "举办退休人员文体活动", annual_name="采购资格认证设备数量")
    assert found(table, "T009") == [("indicators", 0, "annual_name")]


def test_name_wording_differs_is_hint_only_when_no_mismatch():
    table = clean()
    FIRES["C004"][0](table)
    assert found(table, "C005") == []
