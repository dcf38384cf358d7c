"""Three-way merge of tables: cells, rows, conflicts kept in the table, and their resolution.

Every expectation is written by hand from the small table of ``test_diff_tables``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_diff_tables import table
from tui.history.conflicts import RECORD_KEY, conflicts_in, resolve, resolve_all
from tui.history.merge import merge_tables, merge_value
from tui.model import Indicator


@pytest.mark.parametrize(
    ("base", "mine", "theirs", "merged", "clash"),
    [
        ("a", "a", "a", "a", False),
        ("a", "b", "a", "b", False),
        ("a", "a", "c", "c", False),
        ("a", "b", "b", "b", False),
        ("a", "b", "c", "b", True),
        (None, "b", "c", "b", True),
        ("a", None, "c", None, True),
        (None, None, "c", "c", False),
    ],
)
def test_merge_value(base, mine, theirs, merged, clash):
    assert merge_value(base, mine, theirs) == (merged, clash)


def test_edits_to_different_cells_of_one_row_merge_cleanly():
    base, mine, theirs = table(), table(), table()
    mine.indicators[1].medium = "≥95%"
    theirs.indicators[1].annual = "≥92%"
    theirs.indicators[1].unit = "%"
    merged = merge_tables(base, mine, theirs)
    assert conflicts_in(merged) == []
    row = merged.indicators[1]
    assert (row.medium, row.annual, row.unit) == ("≥95%", "≥92%", "%")


def test_sections_merge_cell_by_cell():
    base, mine, theirs = table(), table(), table()
    mine.header.period = "2021至2024"
    theirs.funding.annual.total = Decimal("95.00")
    theirs.funding.annual.other = Decimal("5.00")
    theirs.header.extra["owner"] = "张三"
    merged = merge_tables(base, mine, theirs)
    assert merged.header.period == "2021至2024"
    assert merged.funding.annual.total == Decimal("95.00")
    assert merged.funding.annual.other == Decimal("5.00")
    assert merged.header.extra == {"owner": "张三"}
    assert conflicts_in(merged) == []


def test_the_same_change_on_both_sides_is_made_once():
    base, mine, theirs = table(), table(), table()
    for side in (mine, theirs):
        side.indicators[0].annual = "≥2次"
        side.indicators.append(Indicator("产出指标", "成本指标", "培训成本", "≤5万元", "≤2万元"))
    merged = merge_tables(base, mine, theirs)
    assert conflicts_in(merged) == []
    assert merged == mine


def test_one_cell_changed_differently_is_a_conflict_holding_mine():
    base, mine, theirs = table(), table(), table()
    mine.indicators[1].annual = "≥95%"
    theirs.indicators[1].annual = "≥85%"
    mine.funding.annual.total = Decimal("91.00")
    theirs.funding.annual.total = Decimal("92.00")
    merged = merge_tables(base, mine, theirs)
    found = [(c.ref(merged), c.base, c.mine, c.theirs) for c in conflicts_in(merged)]
    assert found == [
        (("funding", "annual", "total"), Decimal("90.00"), Decimal("91.00"), Decimal("92.00")),
        (("indicators", 1, "annual"), "≥90%", "≥95%", "≥85%"),
    ]
    assert merged.indicators[1].annual == "≥95%"
    assert merged.indicators[1].extra[RECORD_KEY] == {
        "annual": {"base": "≥90%", "mine": "≥95%", "theirs": "≥85%"}
    }


def test_a_row_removed_on_one_side_is_removed():
    base, mine, theirs = table(), table(), table()
    del theirs.indicators[2]
    mine.indicators[0].annual = "≥2次"
    merged = merge_tables(base, mine, theirs)
    assert [r.name for r in merged.indicators] == [
        "培训场次",
        "合格率",
        "受益人数",
        "服务对象满意度",
    ]
    assert conflicts_in(merged) == []


def test_a_row_removed_on_one_side_and_changed_on_the_other_is_kept_with_a_conflict():
    base, mine, theirs = table(), table(), table()
    del theirs.indicators[2]
    mine.indicators[2].annual = "11月底前"
    merged = merge_tables(base, mine, theirs)
    (conflict,) = conflicts_in(merged)
    assert conflict.whole_row and conflict.ref(merged) == ("indicators", 2)
    assert conflict.theirs is None
    assert conflict.mine["annual"] == "11月底前"
    assert conflict.base["annual"] == "12月底前"
    assert merged.indicators[2].annual == "11月底前"


@pytest.mark.parametrize(
    ("side", "names", "annual"),
    [
        ("mine", ["培训场次", "合格率", "完成时间", "受益人数", "服务对象满意度"], "11月底前"),
        ("theirs", ["培训场次", "合格率", "受益人数", "服务对象满意度"], None),
        ("base", ["培训场次", "合格率", "完成时间", "受益人数", "服务对象满意度"], "12月底前"),
    ],
)
def test_resolving_a_row_conflict(side, names, annual):
    base, mine, theirs = table(), table(), table()
    del theirs.indicators[2]
    mine.indicators[2].annual = "11月底前"
    mine.indicators[2].remark = "提前"
    merged = merge_tables(base, mine, theirs)
    (conflict,) = conflicts_in(merged)
    resolve(merged, conflict, side)
    assert [r.name for r in merged.indicators] == names
    assert conflicts_in(merged) == []
    if annual is not None:
        row = merged.indicators[2]
        assert row.annual == annual and RECORD_KEY not in row.extra
        assert row.remark == (None if side == "base" else "提前")


@pytest.mark.parametrize(
    ("side", "value"), [("mine", "≥95%"), ("theirs", "≥85%"), ("base", "≥90%")]
)
def test_resolving_a_cell_conflict(side, value):
    base, mine, theirs = table(), table(), table()
    mine.indicators[1].annual = "≥95%"
    theirs.indicators[1].annual = "≥85%"
    mine.indicators[1].unit = "%"
    theirs.indicators[1].unit = "百分比"
    merged = merge_tables(base, mine, theirs)
    first, second = conflicts_in(merged)
    assert resolve(merged, first, side) == ("indicators", 1, "annual")
    assert merged.indicators[1].annual == value
    assert conflicts_in(merged)[0].key == "unit"
    resolve(merged, second, "theirs")
    assert merged.indicators[1].unit == "百分比"
    assert RECORD_KEY not in merged.indicators[1].extra


def test_resolving_to_a_blank_side_blanks_the_cell():
    base, mine, theirs = table(), table(), table()
    mine.funding.annual.other = Decimal("1.00")
    theirs.funding.annual.other = Decimal("2.00")
    merged = merge_tables(base, mine, theirs)
    (conflict,) = conflicts_in(merged)
    resolve(merged, conflict, "base")
    assert merged.funding.annual.other is None
    assert merged.funding.annual.extra == {}


def test_resolve_all():
    base, mine, theirs = table(), table(), table()
    for side, value in ((mine, "A"), (theirs, "B")):
        side.header.period = value
        side.goals.annual = value
        side.indicators[0].annual = value
    merged = merge_tables(base, mine, theirs)
    assert resolve_all(merged, "theirs") == 3
    assert (merged.header.period, merged.goals.annual, merged.indicators[0].annual) == ("B",) * 3
    assert merged == theirs


def test_rows_added_on_both_sides_with_one_name_are_one_row():
    base, mine, theirs = table(), table(), table()
    mine.indicators.append(Indicator("产出指标", "成本指标", "培训成本", "≤5万元", "≤2万元"))
    theirs.indicators.append(Indicator("产出指标", "成本指标", "培训成本", "≤5万元", "≤3万元"))
    merged = merge_tables(base, mine, theirs)
    assert [r.name for r in merged.indicators].count("培训成本") == 1
    (conflict,) = conflicts_in(merged)
    assert (conflict.key, conflict.base, conflict.mine, conflict.theirs) == (
        "annual",
        None,
        "≤2万元",
        "≤3万元",
    )


def test_rows_added_on_both_sides_with_different_names_are_both_kept():
    base, mine, theirs = table(), table(), table()
    mine.indicators.insert(1, Indicator("产出指标", "数量指标", "培训人数", "≥100人", "≥40人"))
    theirs.indicators.insert(3, Indicator("产出指标", "成本指标", "培训成本", "≤5万元", "≤2万元"))
    merged = merge_tables(base, mine, theirs)
    names = [r.name for r in merged.indicators]
    assert names == [
        "培训场次",
        "培训人数",
        "合格率",
        "完成时间",
        "培训成本",
        "受益人数",
        "服务对象满意度",
    ]


def test_a_move_and_an_edit_of_the_same_row_merge():
    base, mine, theirs = table(), table(), table()
    mine.indicators.insert(3, mine.indicators.pop(0))
    theirs.indicators[0].annual = "≥2次"
    merged = merge_tables(base, mine, theirs)
    assert [r.name for r in merged.indicators][-2:] == ["培训场次", "服务对象满意度"]
    assert merged.indicators[3].annual == "≥2次"
    assert merged == merge_tables(base, theirs, mine)


def test_a_rename_and_an_edit_of_the_same_row_merge():
    base, mine, theirs = table(), table(), table()
    mine.indicators[3].name = "服务人数"
    theirs.indicators[3].annual = "≥1200人"
    merged = merge_tables(base, mine, theirs)
    row = merged.indicators[3]
    assert (row.name, row.annual) == ("服务人数", "≥1200人")
    assert conflicts_in(merged) == []


def test_rows_of_the_layout_side_keep_their_uids():
    base, mine, theirs = table(), table(), table()
    theirs.indicators[0].annual = "≥2次"
    mine.indicators.append(Indicator("产出指标", "成本指标", "培训成本"))
    merged = merge_tables(base, mine, theirs, layout="theirs")
    assert [r.uid for r in merged.indicators[:5]] == [r.uid for r in theirs.indicators]
    assert merged.indicators[5].uid == mine.indicators[5].uid
    merged = merge_tables(base, mine, theirs, layout="mine")
    assert [r.uid for r in merged.indicators] == [r.uid for r in mine.indicators]


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError):
        merge_tables(table(), table(), table(), layout="base")
