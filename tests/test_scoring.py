"""Scoring beyond single rows: explanations, budget execution, roll-ups, lights, profile choice.

Expected numbers are worked out by hand in the comments next to them.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from tui.checking import check, settings_for
from tui.errors import JixiaoError
from tui.model import BudgetLine, Execution, Indicator, Monitoring, Table
from tui.scoring import (
    PROFILES,
    has_stage_data,
    light,
    monitor_table,
    profile_for,
    score_execution,
    score_row,
    score_table,
)

PMKPI, FORM2020 = PROFILES["pmkpi"], PROFILES["form2020"]


def explain(annual: str, actual: str, weight: str = "10", profile=PMKPI, **kw) -> str:
    row = Indicator(annual=annual, actual=actual, weight=D(weight), **kw)
    return score_row(0, row, profile).explanation


@pytest.mark.parametrize(
    ("annual", "actual", "profile", "expected"),
    [
        ("≥90%", "96%", PMKPI, "实际 96% ≥ 目标 90%，得满分 10"),
        ("≤100万元", "110万元", PMKPI, "反向指标：实际 110 万元超出目标 100 万元 10%，得 9.00"),
        (
            "≤100万元",
            "110万元",
            FORM2020,
            "反向指标：实际 110 万元超出目标 100 万元 10%，按 目标/实际 90.91%，得 9.09",
        ),
        ("≥90%", "80%", PMKPI, "实际 80% 未达目标 90%（完成 88.89%），得 8.89"),
        ("≥90%", "90%", PMKPI, "实际 90% = 目标 90%，得满分 10"),
        (
            "≤100万元",
            "950000元",
            PMKPI,
            "反向指标：实际 95 万元（950000 元） ≤ 目标 100 万元，得满分 10",
        ),
        (
            "≤100万元",
            "200万元",
            PMKPI,
            "反向指标：实际 200 万元超出目标 100 万元 100%（达到目标的 2 倍），得 0.00",
        ),
        ("100-150人", "120人", PMKPI, "实际 120 人 在目标 100–150 人 之内，得满分 10"),
        ("100-150人", "165人", PMKPI, "区间指标：实际 165 人超出目标上限 150 人 10%，得 9.00"),
        ("=0", "2", PMKPI, "目标为 0：实际 2，得 0"),
        ("≤30万元", "完成", PMKPI, "实际完成值“完成”不是数字（目标 ≤30万元），未评分"),
        ("10套", "10台", PMKPI, "单位不一致：实际 10 台，目标 10 套，未评分"),
        ("较高", "达成年度指标", PMKPI, "定性：达成年度指标，得满分 10"),
        ("2021年12月31日前", "12月20日按时完成", PMKPI, "定性：达成年度指标，得满分 10"),
        (
            "≤3个工作日",
            "2个工作日",
            PMKPI,
            "反向指标：实际 2 个工作日 ≤ 目标 3 个工作日，得满分 10",
        ),
        (
            "较高",
            "部分达成",
            PMKPI,
            "定性：部分达成年度指标并具有一定效果，得分应在 6.00–8.00（不含上限），请填写得分",
        ),
        (
            "较高",
            "部分达成",
            FORM2020,
            "定性：部分达成年度指标并具有一定效果，得分应在 5.00–8.00（不含上限），请填写得分",
        ),
    ],
)
def test_explanations(annual, actual, profile, expected):
    assert explain(annual, actual, profile=profile) == expected


def test_given_score_is_explained_with_the_profiles_own():
    text = explain("≥90%", "80%", score=D("9"))
    assert text == "评分人给分 9；按评分方案：实际 80% 未达目标 90%（完成 88.89%），得 8.89"
    text = explain("较高", "部分达成", score=D("7"))
    assert text == "定性：部分达成年度指标并具有一定效果（6.00–8.00），评分人给分 7"


def test_a_given_score_outside_the_weight_counts_within_it():
    # A tryout: 得分 5 on a row of 权重 4 was flagged (S009) and still counted 5 in totals.
    over = score_row(0, Indicator(annual="≥90%", actual="96%", weight=D(4), score=D(5)), PMKPI)
    under = score_row(0, Indicator(annual="≥90%", actual="96%", weight=D(4), score=D(-1)), PMKPI)
    assert (over.score, under.score) == (D(4), D(0))
    assert "按 4 计" in over.explanation and "按 0 计" in under.explanation


def test_rows_without_weight_or_actual_are_not_scored():
    assert score_row(0, Indicator(annual="≥90%", actual="96%"), PMKPI).status == "unweighted"
    pending = score_row(0, Indicator(annual="≥90%", weight=D(10)), PMKPI)
    assert (pending.status, pending.score, pending.explanation) == (
        "pending",
        None,
        "未填实际完成值",
    )
    blank = score_row(0, Indicator(annual="", actual="5", weight=D(10)), PMKPI)
    assert (blank.status, blank.problem) == ("flagged", "no_target")


def lines(**amounts) -> dict[str, BudgetLine]:
    result = {s: BudgetLine() for s in ("total", "fiscal", "carryover", "special", "unit", "other")}
    for source, (initial, adjusted, executed) in amounts.items():
        result[source] = BudgetLine(initial, adjusted, executed)
    return result


def test_execution_rate_and_score():
    execution = Execution(lines=lines(total=(D("90.00"), D("90.00"), D("85.50"))))
    pm = score_execution(execution, PMKPI)
    # 85.50 / 90.00 = 95%; 10 × 95% = 9.50
    assert (pm.rate, pm.score, pm.weight) == (D("0.95"), D("9.50"), D(10))
    assert (
        pm.explanation == "执行率 = 全年执行数 85.50 ÷ 全年预算数 90.00 = 95%，得 9.50（分值 10）"
    )
    assert score_execution(execution, FORM2020).score == D("19.00")  # 20 × 95%
    own = Execution(weight=D(15), lines=execution.lines)
    assert score_execution(own, PMKPI).score == D("14.25")  # the file's 分值 wins: 15 × 95%


def test_execution_edge_cases():
    full = score_execution(Execution(lines=lines(total=(None, D(90), D(95)))), PMKPI)
    assert (full.score, full.explanation.endswith("得满分 10")) == (D(10), True)
    initial = score_execution(Execution(lines=lines(total=(D(90), None, D(60)))), PMKPI)
    # 60 / 90 = 66.67%; 10 × 0.6666… = 6.67 (年初预算数 used: no adjusted budget)
    assert initial.score == D("6.67") and "÷ 年初预算数 90" in initial.explanation
    parts = score_execution(
        Execution(lines=lines(fiscal=(None, D(80), D(72)), other=(None, D(20), D(18)))), PMKPI
    )
    # (72 + 18) / (80 + 20) = 90%
    assert (parts.rate, parts.score) == (D("0.9"), D("9.00"))
    assert parts.explanation.startswith("各来源合计：")
    assert [line.source for line in parts.lines] == ["fiscal", "other"]
    zero = score_execution(Execution(lines=lines(total=(None, D(0), D(1)))), PMKPI)
    assert (zero.score, zero.problem) == (None, "zero_budget")
    empty = score_execution(Execution(weight=D(10)), PMKPI)
    assert (empty.score, empty.explanation) == (None, "未填预算执行数")


def roll_table() -> Table:
    def row(l1, l2, annual, actual, weight):
        return Indicator(level1=l1, level2=l2, name=annual, annual=annual, actual=actual,
                         weight=D(weight))  # fmt: skip

    return Table(
        indicators=[
            row("产出指标", "数量指标", "≥10套", "10套", "20"),  # 20
            row("产出指标", "数量指标", "≥10次", "8次", "20"),  # 16.00
            row("产出指标", "质量指标", "≥90%", "完成", "10"),  # not scored
            row("效益指标", "社会效益指标", "较高", "达成", "30"),  # 30
            row("满意度指标", "服务对象满意度指标", "≥90%", "", "10"),  # pending
        ],
        execution=Execution(lines=lines(total=(None, D(100), D(80)))),  # 80%: 8.00
    )


def test_rollups_and_total():
    result = score_table(roll_table(), PMKPI)
    output, benefit, satisfaction = result.groups
    assert (output.weight, output.score) == (D(50), D("36.00"))
    assert [(c.name, c.weight, c.score) for c in output.children] == [
        ("数量指标", D(40), D("36.00")),
        ("质量指标", D(10), None),
    ]
    assert (benefit.weight, benefit.score) == (D(30), D("30.00"))
    assert (satisfaction.weight, satisfaction.score) == (D(10), None)
    assert (result.indicators.weight, result.indicators.score) == (D(90), D("66.00"))
    assert result.execution is not None and result.execution.score == D("8.00")
    assert result.total == D("74.00")
    assert result.explanation == "总分 = 指标 66.00 + 预算执行 8.00 = 74.00（满分 100，2 行未评分）"
    assert [r.index for r in result.unscored] == [2, 4]


def test_a_target_table_scores_nothing():
    table = roll_table()
    for row in table.indicators:
        row.actual = None
    table.execution = Execution()
    assert not has_stage_data(table)
    result = score_table(table, PMKPI)
    assert result.total is None and result.execution is None
    assert all(r.score is None for r in result.rows)


def month_row(annual: str, progress: str, level2: str = "数量指标") -> Indicator:
    return Indicator(level2=level2, annual=annual, monitoring={6: Monitoring(progress=progress)})


@pytest.mark.parametrize(
    ("annual", "progress", "level2", "color"),
    [
        ("≥10套", "5套", "数量指标", "green"),  # 标准值 5, 100%
        ("≥10套", "2套", "数量指标", "red"),  # 40%
        ("≥10套", "2.9套", "数量指标", "red"),  # 58%
        ("≥10套", "3套", "数量指标", "yellow"),  # 60%
        ("≥10套", "3.9套", "数量指标", "yellow"),  # 78%
        ("≥10套", "4套", "数量指标", "green"),  # 80%
        ("≥10套", "5.9套", "数量指标", "green"),  # 118%
        ("≥10套", "6套", "数量指标", "blue"),  # 120%
        ("≥90%", "85%", "质量指标", "red"),  # in range or out
        ("≥90%", "92%", "质量指标", "green"),
        ("≤90万元", "40万元", "成本指标", "green"),
        ("≤90万元", "95万元", "数量指标", "red"),  # reverse: out of range
        ("100-150人", "120人", "数量指标", "green"),
        ("较高", "较高", "社会效益指标", ""),  # qualitative: no light
        ("≥10套", "两套", "数量指标", ""),  # no number
    ],
)
def test_traffic_lights(annual, progress, level2, color):
    assert light(month_row(annual, progress, level2), 6, PMKPI).color == color


def test_light_explanation_and_other_months():
    signal = light(month_row("≥10套", "5套"), 6, PMKPI)
    assert signal.explanation == "6月标准值 = 10 套 × 6/12 = 5 套，完成 5 套，为标准值的 100%，绿灯"
    assert (signal.standard, signal.ratio, signal.zh) == (D(5), D(1), "绿灯")
    row = month_row("≥12次", "5次")
    row.monitoring[7] = Monitoring(progress="5次")  # 标准值 7: 71.43%
    assert light(row, 7, PMKPI).color == "yellow"
    assert light(row, 8, PMKPI).explanation == "未填完成情况"
    table = Table(indicators=[row, Indicator(annual="≥1")])
    assert [s.color for s in monitor_table(table, 7, PMKPI)] == ["yellow", ""]


def test_profile_from_file_then_folder_then_default(tmp_path: Path):
    table = Table(profile="form2020")
    assert profile_for(table) is FORM2020
    assert profile_for(Table()) is PMKPI
    (tmp_path / "jixiao.toml").write_text('[scoring]\nprofile = "form2020"\n', "utf-8")
    settings = settings_for(tmp_path / "t.toml")
    assert settings["profile"] == "form2020"
    assert profile_for(Table(), settings) is FORM2020
    assert profile_for(Table(profile="pmkpi"), settings) is PMKPI
    assert profile_for(Table(profile="nonsense"), settings) is FORM2020


def test_unknown_folder_profile_is_an_error(tmp_path: Path):
    (tmp_path / "jixiao.toml").write_text('[scoring]\nprofile = "guangxi"\n', "utf-8")
    with pytest.raises(JixiaoError) as caught:
        settings_for(tmp_path / "t.toml")
    assert "guangxi" in str(caught.value) and "jixiao.toml" in str(caught.value)


def test_folder_profile_reaches_the_rules(tmp_path: Path):
    # 90 + 10 under pmkpi, 80 + 20 under form2020: the S005 weight check follows the folder
    table = Table(
        stage="evaluation",
        indicators=[Indicator(annual="≥1", actual="1", weight=D(80), deviation="x")],
    )
    assert "S005" in {p.code for p in check(table).problems}
    (tmp_path / "jixiao.toml").write_text('[scoring]\nprofile = "form2020"\n', "utf-8")
    settings = settings_for(tmp_path / "t.toml")
    assert "S005" not in {p.code for p in check(table, settings).problems}
