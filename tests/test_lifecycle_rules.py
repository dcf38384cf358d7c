"""The S rules (monitoring and self-evaluation): each fires on one broken thing and is silent
on an evaluated table that is right, and on every target table.

The base is the rules' ``evaluation`` table: the clean 2015 table carried through the
year, weights adding up to 90, actuals that meet every target, budget execution at 98%,
June monitoring on track, closing texts that say something. The rules' own examples
(``tests/test_rules_examples.py``) run too; these are further cases.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

import pytest

from tests.conftest import FIXTURES
from tui.model import BudgetLine, Monitoring, Table
from tui.rules import RULES, check_table
from tui.rules.examples import base_table
from tui.tomlfile.loader import load_table


def evaluated() -> Table:
    """The rules' own base table ``evaluation`` (tui/rules/base_tables/clean_evaluation.toml)."""
    return base_table("evaluation")


def row(table: Table, name: str):
    return next(r for r in table.indicators if r.name == name)


def index(table: Table, name: str) -> int:
    return next(i for i, r in enumerate(table.indicators) if r.name == name)


def s_problems(table: Table) -> list[tuple[str, tuple]]:
    return [(p.code, p.ref) for p in check_table(table) if p.code.startswith("S")]


def test_the_evaluated_table_has_no_problem_at_all():
    assert check_table(evaluated()) == []


def test_a_target_table_has_no_s_problem():
    assert s_problems(load_table(FIXTURES / "clean_2015.toml")) == []


def _set(name: str, **values) -> Callable[[Table], None]:
    def mutate(table: Table) -> None:
        for key, value in values.items():
            setattr(row(table, name), key, value)

    return mutate


def _month(name: str, month: int, **values) -> Callable[[Table], None]:
    def mutate(table: Table) -> None:
        row(table, name).monitoring[month] = Monitoring(**values)

    return mutate


def _executed(amount: str, reason: str | None = None) -> Callable[[Table], None]:
    def mutate(table: Table) -> None:
        table.execution.lines["total"] = BudgetLine(D(100), D(100), D(amount))
        table.execution.reason = reason

    return mutate


def _attr(path: str, value) -> Callable[[Table], None]:
    def mutate(table: Table) -> None:
        target: object = table
        *parents, key = path.split(".")
        for part in parents:
            target = getattr(target, part)
        setattr(target, key, value)

    return mutate


R = "资格认证率"
# code → [(mutation, field expected), …] firing cases, and mutations that must stay silent
FIRES: dict[str, list[tuple[Callable[[Table], None], tuple]]] = {
    "S001": [(_set(R, actual="85%"), ("indicators", 2, "deviation"))],
    "S002": [
        (_set(R, actual="85%", deviation="无"), ("indicators", 2, "deviation")),
        (_attr("evaluation.improvements", "暂无。"), ("evaluation", "improvements")),
        (_month(R, 6, progress="40%", action="/"), ("indicators", 2, "monitoring", 6, "action")),
    ],
    "S003": [(_set("退休人员社会化管理服务覆盖率", actual="120%"), ("indicators", 6, "actual"))],
    "S004": [(_set("项目总成本", actual="完成"), ("indicators", 4, "actual"))],
    "S005": [
        (_set(R, weight=D(20)), ("indicators", 0, "weight")),
        (_attr("profile", "form2020"), ("indicators", 0, "weight")),  # form2020: 80 + 20
        (_attr("execution.weight", D(20)), ("indicators", 0, "weight")),  # own 分值 20
    ],
    "S006": [(_executed("80.00"), ("execution", "reason"))],
    "S007": [
        (
            _month("举办退休人员文体活动", 6, progress="1场"),
            ("indicators", 0, "monitoring", 6, "action"),
        ),
        (
            _month("举办退休人员文体活动", 6, progress="1.8场"),
            ("indicators", 0, "monitoring", 6, "action"),
        ),
        (_month("项目总成本", 9, progress="105万元"), ("indicators", 4, "monitoring", 9, "action")),
    ],
    "S008": [(_set("采购资格认证设备数量", actual="10台"), ("indicators", 1, "actual"))],
    "S009": [
        (_set(R, score=D(12)), ("indicators", 2, "score")),
        (_set(R, score=D(-1)), ("indicators", 2, "score")),
    ],
    "S010": [
        (_set("长效管理机制健全性", actual="部分达成"), ("indicators", 7, "actual")),
        (_set("长效管理机制健全性", actual="良"), ("indicators", 7, "actual")),
        (_set("长效管理机制健全性", actual="部分达成", score=D(9)), ("indicators", 7, "score")),
    ],
    "S011": [(_attr("profile", "guangxi"), ("profile",))],
    "S012": [
        (
            _month(R, 6, progress="50%", likelihood="可能"),
            ("indicators", 2, "monitoring", 6, "likelihood"),
        ),
        (_month(R, 6, progress="50%", cause="资金"), ("indicators", 2, "monitoring", 6, "cause")),
    ],
    "S013": [(_attr("stage", "done"), ("stage",))],
}

SILENT: dict[str, list[Callable[[Table], None]]] = {
    "S001": [_set(R, actual="85%", deviation="培训组织推迟，下年提前安排")],
    "S002": [_set(R, actual="85%", deviation="无法按期组织，已调整计划")],
    "S003": [
        _set("退休人员社会化管理服务覆盖率", actual="120%", deviation="新增街道纳入服务"),
        _set("退休人员社会化管理服务覆盖率", actual="113%"),
    ],
    "S004": [_set("项目总成本", actual="98.5万元")],
    "S005": [_attr("profile", "pmkpi")],
    "S006": [_executed("80.00", "设备采购延至次年"), _executed("90.00")],
    "S007": [
        _month("举办退休人员文体活动", 6, progress="1场", action="下半年集中举办"),
        _month("举办退休人员文体活动", 6, progress="2场"),  # 2 / 2.5 = 80%: green
        _month("项目总成本", 9, progress="70万元"),
    ],
    "S008": [_set("项目总成本", actual="980000元")],
    "S009": [_set(R, score=D(10)), _set(R, score=D(0))],
    "S010": [_set("长效管理机制健全性", actual="部分达成", score=D(7))],
    "S011": [_attr("profile", "form2020"), _attr("profile", None)],
    "S012": [_month(R, 6, progress="50%", likelihood="有可能", cause="经费")],
    "S013": [_attr("stage", "monitoring")],
}


def test_every_s_rule_has_cases():
    codes = sorted(r.code for r in RULES if r.code.startswith("S"))
    assert sorted(FIRES) == codes and sorted(SILENT) == codes


CASES = [(code, i) for code, cases in FIRES.items() for i in range(len(cases))]


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{c}-{i}" for c, i in CASES])
def test_rule_fires(code, case):
    table = evaluated()
    mutate, ref = FIRES[code][case]
    mutate(table)
    assert (code, ref) in s_problems(table)


QUIET = [(code, i) for code, cases in SILENT.items() for i in range(len(cases))]


@pytest.mark.parametrize(("code", "case"), QUIET, ids=[f"{c}-{i}" for c, i in QUIET])
def test_rule_silent(code, case):
    table = evaluated()
    SILENT[code][case](table)
    assert code not in {c for c, _ in s_problems(table)}


def test_messages_name_the_numbers():
    table = evaluated()
    _set(R, actual="85%")(table)
    _executed("80.00")(table)
    messages = {p.code: p.message for p in check_table(table)}
    # target ≥90%: 85/90·10 = 9.444… → 9.44
    assert messages["S001"] == (
        "“资格认证率”得分 9.44 低于分值 10，未填写偏差原因分析及改进措施"
        "（score 9.44 below weight 10 without a reason）"
    )
    assert messages["S006"].startswith("预算执行率 80% 低于 90%，未说明原因")
