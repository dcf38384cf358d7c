"""The 指标值 and 项目期 parsers on the forms real tables use (expected values by hand)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tui.checking import check
from tui.model import Indicator, Table
from tui.parsing.indicator_value import UNITS, has_placeholder, parse_value
from tui.parsing.money import tidy
from tui.parsing.period import parse_period

VALUES = [
    # text, op, number, upper, unit
    ("100%", "=", D(100), None, "%"),
    ("≥90%", "≥", D(90), None, "%"),
    (">=95%", "≥", D(95), None, "%"),
    ("＞８０％", ">", D(80), None, "%"),
    ("达到90%以上", "≥", D(90), None, "%"),
    ("不低于95%", "≥", D(95), None, "%"),
    ("100-150人", "range", D(100), D(150), "人"),
    ("一次学习人数100-150人", "range", D(100), D(150), "人"),
    ("约47万元", "=", D(47), None, "万元"),
    ("≤1125万元", "≤", D(1125), None, "万元"),
    ("3个工作日以内", "≤", D(3), None, "个工作日"),
    ("6次异地退管服务", "=", D(6), None, "次"),
    ("10", "=", D(10), None, ""),
    ("1,500元", "=", D(1500), None, "元"),
    ("≥3万人次", "≥", D(3), None, "万人次"),
    ("约2万人次", "=", D(2), None, "万人次"),
    ("1.5万人次以上", "≥", D("1.5"), None, "万人次"),
    ("≥3万人", "≥", D(3), None, "万人"),
    ("≥2万户", "≥", D(2), None, "万户"),
    ("12平方公里", "=", D(12), None, "平方公里"),
    ("≥500平方米", "≥", D(500), None, "平方米"),
    ("3公里", "=", D(3), None, "公里"),
]


@pytest.mark.parametrize(("text", "op", "number", "upper", "unit"), VALUES)
def test_quantitative_values(text, op, number, upper, unit):
    parsed = parse_value(text)
    assert (parsed.op, parsed.number, parsed.upper, parsed.unit) == (op, number, upper, unit)
    assert not parsed.qualitative


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_is_read_whole_never_a_shorter_one_and_a_character(unit):
    for text in (f"≥3{unit}", f"约3{unit}", f"3{unit}以上", f"1-3{unit}"):
        assert parse_value(text).unit == unit, text


def _k002(medium: str, annual: str) -> list[str]:
    table = Table(year=2024, framework="2015")
    table.indicators = [Indicator("产出指标", "数量指标", "培训人次", medium, annual)]
    return [p.ref[-1] for p in check(table, select=["K002"]).problems]


def test_k002_reads_wan_renci_as_one_unit():
    """万人次 is not 万人 and 次: a 人次 indicator counted in 万人次 is no problem."""
    assert _k002("≥3万人次", "约2万人次") == []
    assert _k002("≥3万人", "约2万人次") == ["medium"]  # 万人 (persons) still is one


@pytest.mark.parametrize("text", ["较高", "年底之前", "影响程度 较高", "健全"])
def test_qualitative_values(text):
    parsed = parse_value(text)
    assert parsed.op == "定性" and parsed.qualitative and parsed.number is None


def test_empty_value():
    assert parse_value("  ").op == ""


@pytest.mark.parametrize(
    ("text", "has_time"),
    [
        ("每月10日前", True),
        ("年底之前", True),
        ("2021年12月31日前", True),
        ("3个工作日内", True),
        ("较高", False),
        ("100%", False),
    ],
)
def test_time(text, has_time):
    assert parse_value(text).has_time is has_time


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("约47万元", D(47)),
        ("≤1125万元", D(1125)),
        ("采购10套资格认证设备约5万元", D(5)),
        ("档案整理购买劳务3人支付劳务费约9.99万元", D("9.99")),
        ("≤50000元", D("5")),
        ("0.2亿元", D(2000)),
        ("100-150万元", D(150)),
        ("10套", None),
    ],
)
def test_amount_in_wan(text, amount):
    assert parse_value(text).amount_wan == amount


def test_approx_and_percents():
    assert parse_value("约12万元").approx
    assert parse_value("≥90%，且不低于上年85%").percents == (D(90), D(85))


@pytest.mark.parametrize("text", ["≥**%", "×××", "XX人", "某某单位"])
def test_placeholders(text):
    assert has_placeholder(text)


@pytest.mark.parametrize("text", ["≥90%", "*注", "Xbox", "5×3"])
def test_not_placeholders(text):
    assert not has_placeholder(text)


PERIODS = [
    # text, start, end, years, start_month, end_month
    ("2021至2023", 2021, 2023, 3, None, None),
    ("2021-2023", 2021, 2023, 3, None, None),
    ("2021年—2023年", 2021, 2023, 3, None, None),
    ("202001-202012", 2020, 2020, 1, 1, 12),
    ("2023.07-2024.01", 2023, 2024, 2, 7, 1),
    ("2023年4月-2024年2月", 2023, 2024, 2, 4, 2),
    ("2021年度", 2021, 2021, 1, None, None),
    ("3年", None, None, 3, None, None),
    ("三年", None, None, 3, None, None),
]


@pytest.mark.parametrize(("text", "start", "end", "years", "sm", "em"), PERIODS)
def test_periods(text, start, end, years, sm, em):
    p = parse_period(text)
    assert p is not None
    assert (p.start, p.end, p.years, p.start_month, p.end_month) == (start, end, years, sm, em)


@pytest.mark.parametrize("text", ["", "明年", "2021-2022-2023", "0年", "abc2021"])
def test_unrecognised_periods(text):
    assert parse_period(text) is None


def test_period_order_and_year():
    assert parse_period("2023-2021").reversed
    assert not parse_period("2023.07-2024.01").reversed
    assert parse_period("2021至2023").contains_year(2022)
    assert not parse_period("2021至2023").contains_year(2024)
    assert parse_period("3年").contains_year(1999)


@pytest.mark.parametrize(
    ("value", "tidied"),
    [
        ("77132.580000", "77132.58"),  # 771,325,800.00 元 in 万元
        ("330.984000", "330.984"),  # digits past the cent kept
        ("0.0000", "0.00"),
        ("5", "5"),  # never more places than written
        ("12.3456789", "12.3456789"),
    ],
)
def test_tidy_drops_the_zeros_a_conversion_leaves_past_the_cent(value, tidied):
    assert str(tidy(D(value))) == tidied
    assert tidy(D(value)) == D(value)
