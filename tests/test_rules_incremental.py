"""A check that reuses what earlier checks found (the editor's, on every keystroke) gives
exactly what a check from scratch gives: random tables, random edit sequences."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA_FILES
from tui.checking import CheckResult, check
from tui.model import Indicator, Monitoring, Table
from tui.rules import RULES, Hit, check_table
from tui.rules.examples import BASES, base_table, build
from tui.rules.rowcache import clear_caches
from tui.rules.rowinfo import content_key
from tui.tomlfile.loader import load_table

# Texts that make rules fire: taken from the rules' own examples, plus a few of ours.
EXAMPLE_TEXTS = sorted(
    {
        text
        for r in RULES
        for example in (*r.fires, *r.passes)
        for text in example.edits.values()
        if isinstance(text, str) and len(text) < 80
    }
)
TEXTS = st.one_of(
    st.sampled_from(EXAMPLE_TEXTS),
    st.sampled_from(["", " ", "较高", "影响程度 较高", "≥90%", "100%", "年底之前", "约21万元"]),
    st.text(alphabet="较高影响程度成本人次 0123456789%≥万元约年", max_size=8),
)
ROW_TEXT_KEYS = ("level1", "level2", "name", "medium", "annual", "nature", "unit", "actual")
ROW_KEYS = (*ROW_TEXT_KEYS, "annual_name", "deviation", "weight", "score")
AMOUNTS = st.sampled_from([None, Decimal("10"), Decimal("10.0"), Decimal("12"), Decimal("-1")])
PERIODS = st.sampled_from(["2021-2023", "2021", "3年", "2020-2022", "2022", "", "2023-2021"])


RICH = [base_table(base) for base in BASES] + [load_table(p) for p in DATA_FILES]
EXAMPLES = [build(e)[0] for r in RULES for e in r.fires[:1]]  # a table each rule fires on
STARTS = st.one_of(st.sampled_from(RICH), st.sampled_from(EXAMPLES))


@st.composite
def edits(draw) -> tuple:
    """One edit: what a person (or undo, or a merge) does to a table."""
    kind = draw(
        st.sampled_from(["set"] * 4 + ["insert", "delete", "move", "clone", "top", "top", "ignore"])
    )
    if kind == "set":
        key = draw(st.sampled_from(ROW_KEYS))
        if key in ("weight", "score"):
            value = draw(AMOUNTS)
        elif key in ("annual_name", "deviation"):
            value = draw(st.none() | TEXTS)
        else:
            value = draw(TEXTS)
        return kind, draw(st.integers(0, 40)), key, value
    if kind == "top":
        return (
            kind,
            draw(st.sampled_from(["period", "medium_period", "framework", "year"])),
            draw(PERIODS),
        )
    return kind, draw(st.integers(0, 40)), draw(st.integers(0, 40)), draw(st.booleans())


def apply(table: Table, edit: tuple) -> Table:
    """``table`` after ``edit`` (a clone stands for undo: the same content, new objects)."""
    kind, *args = edit
    rows = table.indicators
    if kind == "clone":
        return table.clone()
    if kind == "top":
        what, text = args
        if what == "period":
            table.header.period = text
        elif what == "medium_period":
            table.goals.medium_period = text
        elif what == "framework":
            table.framework = "2021" if table.framework == "2015" else "2015"
        else:
            table.year = 2021 if table.year != 2021 else 2023
        return table
    if not rows:
        rows.append(Indicator("产出指标", "数量指标", "新指标", "1场", "1场"))
        return table
    i = args[0] % len(rows)
    if kind == "set":
        setattr(rows[i], args[1], args[2])
        return table
    j = args[1] % len(rows)
    if kind == "insert":
        rows.insert(j, rows[i].copy(keep_uid=False))
    elif kind == "delete":
        del rows[i]
    elif kind == "move":
        rows[i], rows[j] = rows[j], rows[i]
    elif args[2]:  # ignore: a row key unknown to the schema
        rows[i].extra["ignore"] = ["V", "W003"]
    else:
        rows[i].extra.pop("ignore", None)
        rows[i].monitoring[6] = Monitoring(progress="1场", likelihood="可能")
    return table


def same(incremental: CheckResult, full: CheckResult) -> None:
    assert incremental.problems == full.problems
    assert incremental.counts == full.counts
    assert incremental.row_worst == full.row_worst


@settings(max_examples=300, deadline=None)
@given(start=STARTS, steps=st.lists(edits(), min_size=1, max_size=15), other=STARTS)
def test_incremental_check_equals_a_check_from_scratch(start, steps, other):
    table, neighbour = start.clone(), other.clone()
    check(table)
    for n, edit in enumerate(steps):
        table = apply(table, edit)
        if n % 3 == 1:  # another table checked meanwhile (the workspace): caches are shared
            neighbour = apply(neighbour, edit)
            same(check(neighbour), check(neighbour, keep=False))
        same(check(table), check(table, keep=False))


def test_a_check_after_clearing_the_caches_is_the_same():
    table = base_table("evaluation")
    first = check_table(table)
    table.indicators[0].medium = "≥**%"
    second = check_table(table)
    clear_caches()
    assert check_table(table) == second != first


def test_content_keys_tell_apart_what_compares_equal():
    """1.0 and 1.00 are equal Decimals but written differently: rows holding them differ."""
    a, b = Indicator(weight=Decimal("1.0")), Indicator(weight=Decimal("1.00"))
    assert a.weight == b.weight and content_key(a) != content_key(b)
    assert content_key(Indicator(name="1")) != content_key(Indicator(name=1))  # type: ignore[arg-type]
    assert content_key(Indicator(extra={"ignore": "V"})) is None


def test_a_per_row_rule_reporting_elsewhere_is_refused(monkeypatch):
    """A per-row rule's problems are kept with its rows: one on another field is refused."""
    from tui.rules import engine

    def strays(rows, env):
        """Reports on the funding."""
        yield Hit(("funding", "medium", "total"))

    v001 = next(r for r in RULES if r.code == "V001")
    monkeypatch.setattr(engine, "RULES", [replace(v001, row_func=strays)])
    engine._parts.cache_clear()
    try:
        with pytest.raises(ValueError, match="V001"):
            check_table(base_table("2015"), keep=False)
    finally:
        engine._parts.cache_clear()
