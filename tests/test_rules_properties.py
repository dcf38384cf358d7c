"""No table, however malformed, crashes the rules engine or the parsers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.frameworks import FRAMEWORKS, LABEL_VARIANTS
from tui.model import Amounts, Funding, Goals, Header, Indicator, Table
from tui.parsing.indicator_value import parse_value
from tui.parsing.period import parse_period
from tui.rules import check_table
from tui.rules.engine import SEVERITIES

LABELS = sorted(
    {l1 for fw in FRAMEWORKS.values() for l1 in fw.level1}
    | {l2 for fw in FRAMEWORKS.values() for l2s in fw.level2.values() for l2 in l2s}
    | set(LABEL_VARIANTS)
)
# Value-like fragments glued together exercise the parser's branches.
FRAGMENTS = [
    "≥",
    "≤",
    ">",
    "<",
    "=",
    "-",
    "至",
    "约",
    "%",
    "万元",
    "元",
    "亿元",
    "人",
    "年底",
    "每月",
    "10",
    "2021",
    "3.5",
    "以上",
    "以内",
    "**",
    "×××",
    "XX",
    "完成时间",
    "计划",
    "总成本",
    " ",
    "\u3000",
    "\x1b[31m",
    "٣",
    "１２",
    ".",
]

text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join),
    st.sampled_from(["", "项目总成本", "项目总成本90万元", "采购硬件设备数量", "2021至2023"]),
)
label = st.one_of(st.sampled_from(LABELS), st.text(max_size=8))
money = st.one_of(
    st.none(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=-1000, max_value=1000, places=6),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([Decimal("9E+999999"), Decimal("-9E+999999"), Decimal("1E-999999")]),
)
amounts = st.builds(Amounts, total=money, fiscal=money, other=money)
row = st.builds(
    Indicator,
    level1=label,
    level2=label,
    name=text,
    medium=text,
    annual=text,
    annual_name=st.one_of(st.none(), text),
)
check = st.one_of(
    st.just({}),
    st.dictionaries(
        st.sampled_from(["select", "ignore", "other"]),
        st.one_of(st.text(max_size=6), st.lists(st.one_of(st.text(max_size=4), st.integers()))),
    ),
)
tables = st.builds(
    Table,
    year=st.one_of(st.none(), st.integers(min_value=-(10**6), max_value=10**6)),
    framework=st.one_of(st.sampled_from(list(FRAMEWORKS)), st.text(max_size=4)),
    header=st.builds(Header, name=text, period=text),
    funding=st.builds(Funding, medium=amounts, annual=amounts),
    goals=st.builds(Goals, medium_period=text, medium=text, annual=text),
    indicators=st.lists(row, max_size=12),
    check=check,
)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_engine_never_crashes(table):
    for problem in check_table(table):
        assert problem.severity in SEVERITIES
        assert problem.zh and problem.en
        for ref in (problem.ref, *problem.related):
            table.get(ref)  # every reference names a real field of the table


@settings(max_examples=300, deadline=None)
@given(text)
def test_parsers_never_crash(value):
    parsed = parse_value(value)
    assert parsed.op in ("", "=", "≥", "≤", ">", "<", "≠", "range", "定性")
    assert (parsed.number is None) == (parsed.op in ("", "定性"))
    period = parse_period(value)
    if period is not None:
        assert (period.start is None) == (period.end is None)
        if period.start is None:
            assert period.years > 0
        else:
            assert period.years == period.end - period.start + 1
