"""Rule behaviour beyond what one example shows: the clean fixtures stay clean, messages
name the right level, a variant label is only a hint.

The fire/pass cases of every rule are the rules' own examples
(``tests/test_rules_examples.py``).
"""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tui.model import Table
from tui.rules import Example, check_table
from tui.rules.examples import build
from tui.tomlfile.loader import load_table


@pytest.mark.parametrize("framework", ["2015", "2021"])
def test_clean_fixtures_have_no_problems(framework):
    assert check_table(load_table(FIXTURES / f"clean_{framework}.toml")) == []


def problems(edits: dict[str, str | None], base: str = "2015") -> tuple[Table, list]:
    table, _ = build(Example(edits, base=base))
    return table, check_table(table)


def test_2021_framework_cost_under_output_says_it_is_a_level1():
    _, found = problems({"项目总成本.level1": "产出指标", "项目总成本.level2": "成本指标"}, "2021")
    t004 = [p for p in found if p.code == "T004"]
    assert t004 and "一级" in t004[0].zh and "level-1" in t004[0].en


def test_level1_variant_is_a_hint_not_an_error():
    table, _ = problems({})
    for row in table.indicators:
        if row.level1 == "产出指标":
            row.level1 = "产出 指标"
    found = check_table(table)
    assert {(p.code, p.severity) for p in found} == {("T001", "hint")}
    assert len(found) == 1 and len(found[0].related) == 5  # once per label, other rows related


def test_cost_messages_state_amounts_in_wan():
    _, found = problems({"设备采购成本.annual": "≤1500000元"})
    c001 = next(p for p in found if p.code == "C001")
    assert "150万元" in c001.zh and "100.00" in c001.zh


def test_a_table_filling_only_the_annual_column_is_not_asked_for_medium_values():
    # A tryout: a table pasted with one 指标值 column imports as 年度 values, and every
    # row then had a T008 error for its blank 中期 value (G003 already waived the goal).
    table, _ = problems({})
    table.funding.medium.total = table.funding.medium.fiscal = table.funding.medium.other = None
    table.goals.medium = ""
    for row in table.indicators:
        row.medium = ""
    assert [p for p in check_table(table) if p.code == "T008"] == []
    table.indicators[0].medium = "100%"  # one 中期 value: the column is used, each is asked
    blank = [p.ref for p in check_table(table) if p.code == "T008"]
    assert blank == [("indicators", i, "medium") for i in range(1, len(table.indicators))]
