"""Properties of scoring and of the lifecycle keys, with hypothesis.

* a computed score is never negative and never above its weight;
* every roll-up is the sum of its children, and the total of its parts;
* a table without monitoring or self-evaluation data scores nothing, makes no
  S problem, and is not changed by scoring or checking;
* random lifecycle edits survive save and load.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.test_core_properties import SETTINGS, tables, texts
from tests.test_lifecycle_format import LIFE
from tui.fields import CAUSES, LIKELIHOODS, SOURCES
from tui.model import MONITOR_KEYS, BudgetLine, Execution, Indicator, Table
from tui.rules import check_table
from tui.scoring import PROFILES, has_stage_data, score_row, score_table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import parse_table

profiles = st.sampled_from(sorted(PROFILES))
numbers = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False)
weights = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)
units = st.sampled_from(["", "%", "人", "套", "元", "万元", "亿元", "天"])
ops = st.sampled_from(["≥", "≤", "=", ">", "<", "", "约", "不超过"])
grades = st.sampled_from(["达成年度指标", "部分达成", "未达成", "较高", "完成", "很好"])


@st.composite
def scored_rows(draw) -> Indicator:
    """A row with a quantitative or qualitative target and some actual."""
    if draw(st.booleans()):
        low = draw(numbers)
        annual = f"{draw(ops)}{low}{draw(units)}"
        if draw(st.integers(0, 5)) == 0:
            annual = f"{low}-{low + draw(numbers)}{draw(units)}"
        actual = f"{draw(numbers)}{draw(units)}" if draw(st.integers(0, 6)) else draw(grades)
    else:
        annual, actual = draw(grades), draw(grades | texts)
    return Indicator(
        level1=draw(st.sampled_from(["产出指标", "效益指标", "满意度指标"])),
        level2=draw(st.sampled_from(["数量指标", "质量指标", "社会效益指标"])),
        name="x",
        annual=annual,
        nature=draw(st.none() | st.sampled_from(["≥", "≤", "定性", "反向", "正向"])),
        actual=draw(st.none() | st.just(actual)),
        weight=draw(st.none() | weights),
    )


@SETTINGS
@given(scored_rows(), profiles)
def test_a_computed_score_stays_within_its_weight(row, profile):
    result = score_row(0, row, PROFILES[profile])
    if result.auto is not None:
        assert result.weight is not None
        assert Decimal(0) <= result.auto <= result.weight, result.explanation
        assert result.auto == result.auto.quantize(PROFILES[profile].quantum)
    assert result.explanation and "\n" not in result.explanation


def budget_lines() -> st.SearchStrategy[Execution]:
    amounts = st.none() | st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False)
    line = st.builds(BudgetLine, initial=amounts, adjusted=amounts, executed=amounts)
    return st.builds(
        Execution,
        weight=st.none() | weights,
        lines=st.fixed_dictionaries({source: line for source in SOURCES}),
    )


def _sum(values) -> Decimal | None:
    found = [v for v in values if v is not None]
    return None if not found else sum(found, Decimal(0))


@SETTINGS
@given(st.lists(scored_rows(), max_size=12), budget_lines(), profiles)
def test_rollups_are_sums_of_their_children(rows, execution, profile):
    result = score_table(Table(indicators=rows, execution=execution), PROFILES[profile])
    for group in result.groups:
        assert group.weight == _sum(c.weight for c in group.children)
        assert group.score == _sum(c.score for c in group.children)
        for child in group.children:
            assert child.weight == _sum(result.rows[i].weight for i in child.rows)
            assert child.score == _sum(result.rows[i].score for i in child.rows)
    assert result.indicators.weight == _sum(g.weight for g in result.groups)
    assert result.indicators.score == _sum(g.score for g in result.groups)
    ex = result.execution
    if ex is not None and ex.score is not None:
        assert Decimal(0) <= ex.score <= ex.weight
    parts = [result.indicators.score, ex.score if ex else None]
    assert result.total == _sum(parts)


target_tables = tables.filter(lambda t: not has_stage_data(t))


@SETTINGS
@given(target_tables)
def test_a_table_without_stage_data_scores_nothing_and_changes_nothing(table):
    before = dump_table(table)
    snapshot = table.clone()
    for profile in PROFILES.values():
        result = score_table(table, profile)
        assert result.total is None and result.execution is None
        assert all(r.score is None for r in result.rows)
    assert not [p for p in check_table(table) if p.code.startswith("S")]
    assert table == snapshot and dump_table(table) == before


@st.composite
def lifecycle_edit(draw, table: Table) -> None:
    """One random edit of a lifecycle value (set or clear)."""
    kind = draw(st.sampled_from(["row", "month", "execution", "evaluation", "top"]))
    value = draw(st.none() | texts)
    if kind == "top":
        table.set((draw(st.sampled_from(["stage", "profile"])),), value)
    elif kind == "evaluation":
        key = draw(st.sampled_from(["goal_actual", "conclusion", "problems", "improvements"]))
        table.set(("evaluation", key), value)
    elif kind == "execution":
        source = draw(st.sampled_from(["", *SOURCES]))
        if source:
            key = draw(st.sampled_from(["initial", "adjusted", "executed"]))
            money = draw(st.none() | st.decimals(0, 10**6, places=2, allow_nan=False))
            table.set(("execution", source, key), money)
        elif draw(st.booleans()):
            table.set(("execution", "weight"), draw(st.none() | weights))
        else:
            table.set(("execution", "reason"), value)
    elif table.indicators:
        index = draw(st.integers(0, len(table.indicators) - 1))
        if kind == "row":
            key = draw(st.sampled_from(["actual", "score", "deviation"]))
            if key == "score":
                value = draw(st.none() | weights)
            table.set(("indicators", index, key), value)
        else:
            month = draw(st.integers(1, 12))
            key = draw(st.sampled_from(MONITOR_KEYS))
            if key == "likelihood":
                value = draw(st.none() | st.sampled_from(LIKELIHOODS))
            elif key == "cause":
                value = draw(st.none() | st.sampled_from(CAUSES))
            table.set(("indicators", index, "monitoring", month, key), value)


@SETTINGS
@given(st.data(), st.sampled_from(["life", "target"]), st.booleans())
def test_lifecycle_edits_survive_save_and_load(data, start, restructure):
    text = (
        LIFE
        if start == "life"
        else LIFE.split("[[indicators]]")[0].replace(
            'stage = "evaluation"\nprofile = "pmkpi"\n', ""
        )
        + '[[indicators]]\nlevel1 = "a"\nlevel2 = "b"\nname = "c"\n'
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.toml"
        path.write_text(text, "utf-8")
        tf = TableFile.load(path)
        for _ in range(data.draw(st.integers(1, 8))):
            data.draw(lifecycle_edit(tf.table))
        if restructure and tf.table.indicators:
            tf.table.indicators.append(tf.table.indicators[0].copy(keep_uid=False))
            tf.table.indicators.reverse()
        expected = tf.table.clone()
        tf.save()
        saved = path.read_text("utf-8")
        reloaded, _ = parse_table(saved)
        assert reloaded == expected
        assert dump_table(reloaded) == dump_table(expected)  # digits of every amount too
