"""Cell-level diff: row identity, changes in table terms, lowered targets, approval.

Expectations are written by hand from the small tables below.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from tui.history.diff import diff_tables, first_change
from tui.history.rows import match_rows, moved_rows, similarity
from tui.history.targets import lowers_target
from tui.model import Indicator, Table
from tui.tomlfile.loader import parse_table

TABLE = """\
format = 1
year = 2021

[project]
name = "测试项目"
period = "2021至2023"

[funding.annual]
total = 90.00
fiscal = 90.00

[goals]
annual = "完成培训"

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训场次"
medium = "≥3次"
annual = "≥1次"

[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "合格率"
medium = "≥90%"
annual = "≥90%"

[[indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "完成时间"
medium = "每年12月底前"
annual = "12月底前"

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "受益人数"
medium = "≥3000人"
annual = "≥1000人"

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "服务对象满意度"
medium = "≥90%"
annual = "≥90%"
"""


def table() -> Table:
    return parse_table(TABLE)[0]


def pairs_of(old: Table, new: Table) -> dict[int, int]:
    return match_rows(old.indicators, new.indicators)


def test_unchanged_table_has_no_differences():
    assert diff_tables(table(), table()).empty


def test_section_cells_are_reported_in_document_order():
    old, new = table(), table()
    new.year = 2022
    new.header.period = "2022至2024"
    new.funding.annual.total = Decimal("95.00")
    new.funding.annual.other = Decimal("5.00")
    new.goals.annual = "完成两次培训"
    new.header.extra["owner"] = "张三"
    diff = diff_tables(old, new)
    assert [(c.ref, c.old, c.new) for c in diff.fields] == [
        (("year",), 2021, 2022),
        (("project", "period"), "2021至2023", "2022至2024"),
        (("project", "owner"), None, "张三"),
        (("funding", "annual", "total"), Decimal("90.00"), Decimal("95.00")),
        (("funding", "annual", "other"), None, Decimal("5.00")),
        (("goals", "annual"), "完成培训", "完成两次培训"),
    ]
    assert diff.rows == []


def test_edited_cells_of_a_row_are_one_change_each():
    old, new = table(), table()
    new.indicators[1].annual = "≥95%"
    new.indicators[1].unit = "%"
    diff = diff_tables(old, new)
    (row,) = diff.rows
    assert (row.kind, row.old_index, row.new_index, row.moved) == ("changed", 1, 1, False)
    assert [(c.ref, c.old, c.new) for c in row.cells] == [
        (("indicators", 1, "annual"), "≥90%", "≥95%"),
        (("indicators", 1, "unit"), None, "%"),
    ]


def test_a_renamed_row_is_the_same_row():
    old, new = table(), table()
    new.indicators[3].name = "服务人数"
    diff = diff_tables(old, new)
    (row,) = diff.rows
    assert row.kind == "changed"
    assert [(c.key, c.old, c.new) for c in row.cells] == [("name", "受益人数", "服务人数")]


def test_a_row_moved_to_another_group_keeps_its_identity():
    old, new = table(), table()
    new.indicators[2].level2 = "数量指标"
    (row,) = diff_tables(old, new).rows
    assert [(c.key, c.old, c.new) for c in row.cells] == [("level2", "时效指标", "数量指标")]


def test_a_moved_row_is_reported_once_as_moved():
    old, new = table(), table()
    moved = new.indicators.pop(0)
    new.indicators.insert(3, moved)
    diff = diff_tables(old, new)
    (row,) = diff.rows
    assert (row.kind, row.old_index, row.new_index, row.moved) == ("moved", 0, 3, True)


def test_added_and_removed_rows():
    old, new = table(), table()
    del new.indicators[2]
    new.indicators.append(Indicator("产出指标", "成本指标", "培训成本", "≤5万元", "≤2万元"))
    diff = diff_tables(old, new)
    kinds = [(r.kind, r.old_index, r.new_index) for r in diff.rows]
    assert kinds == [("removed", 2, None), ("added", None, 4)]
    assert diff.rows[1].new is new.indicators[4]


def test_rename_and_value_edit_together_still_match():
    old, new = table(), table()
    new.indicators[3].name = "服务人数"
    new.indicators[3].annual = "≥1200人"
    (row,) = diff_tables(old, new).rows
    assert row.kind == "changed" and len(row.cells) == 2


def test_a_row_whose_name_and_both_values_change_reads_as_removed_and_added():
    old, new = table(), table()
    row = new.indicators[3]
    row.name, row.medium, row.annual = "新指标", "≥10个", "≥5个"
    kinds = [r.kind for r in diff_tables(old, new).rows]
    assert kinds == ["removed", "added"]


def test_identical_duplicate_rows_pair_in_order():
    rows = [Indicator("a", "b", "c", "1", "1") for _ in range(3)]
    new = [Indicator("a", "b", "c", "1", "1") for _ in range(2)]
    assert match_rows(rows, new) == {0: 0, 1: 1}


def test_same_named_rows_pair_by_content_then_position():
    old = [Indicator("a", "b", "c", "1", "1"), Indicator("a", "b", "c", "2", "2")]
    new = [Indicator("a", "b", "c", "2", "9"), Indicator("a", "b", "c", "1", "8")]
    assert match_rows(old, new) == {0: 1, 1: 0}


def test_session_rows_match_by_uid_first():
    old = [Indicator("a", "b", "c", "1", "1"), Indicator("a", "b", "d", "2", "2")]
    new = [old[1].copy(), old[0].copy()]
    new[0].name, new[0].medium, new[0].annual = "x", "y", "z"  # unrecognisable by content
    assert match_rows(old, new) == {0: 1, 1: 0}


def test_similarity_weights_name_and_values():
    a = Indicator("a", "b", "c", "1", "2")
    b = Indicator("a", "b", "x", "1", "2")  # name differs: 3 of 9
    assert similarity(a, b) == Fraction(6, 9)


@pytest.mark.parametrize(
    ("order", "moved"),
    [
        ([0, 1, 2, 3, 4], set()),
        ([1, 2, 3, 0, 4], {0}),  # the row carried far is the moved one
        ([0, 4, 1, 2, 3], {4}),
        ([4, 3, 2, 1, 0], {0, 1, 3, 4}),  # reversed: the middle row stays
    ],
)
def test_moved_rows_are_the_fewest_and_farthest(order, moved):
    pairs = {old: new for new, old in enumerate(order)}
    assert moved_rows(pairs) == moved


@pytest.mark.parametrize(
    ("old", "new", "kind", "lowered"),
    [
        ("≥90%", "≥85%", None, True),
        ("≥90%", "≥95%", None, False),
        ("100%", "≥95%", None, True),
        ("704人", "600人", "quantity", True),
        ("≤30万元", "≤40万元", "cost", True),
        ("≤30万元", "≤300000元", "cost", False),  # the same amount in 元
        ("≤30万元", "≤400000元", "cost", True),
        ("约21万元", "约25万元", "cost", True),  # a cost rising asks for less
        ("3个工作日内", "5个工作日内", "time", True),
        ("每月10日前", "每月15日前", "time", True),
        ("每月10日前", "每月5日前", "time", False),
        ("≥90%", "较高", None, True),  # a number replaced by words
        ("≥90%", "", None, True),
        ("较高", "一般", None, False),  # words to words: cannot tell
        ("90%", "90人", None, False),  # units that cannot be compared
        ("100-150人", "80-150人", "quantity", True),
        ("≥90%", "≤90%", None, False),  # direction flipped: not a lowering to report
    ],
)
def test_lowered_targets(old, new, kind, lowered):
    assert lowers_target(old, new, kind) is lowered


def test_lowered_target_is_marked_on_the_value_change():
    old, new = table(), table()
    new.indicators[1].annual = "≥85%"
    new.indicators[0].annual = "≥2次"
    diff = diff_tables(old, new)
    assert [(c.ref, c.lowered) for c in diff.cell_changes()] == [
        (("indicators", 0, "annual"), False),
        (("indicators", 1, "annual"), True),
    ]
    assert diff.flagged


def test_changes_to_targets_after_approval_are_marked():
    old, new = table(), table()
    old.header.approved = new.header.approved = "2021-03-15"
    new.indicators[0].annual = "≥2次"
    new.indicators[0].remark = "备注不是目标"
    new.goals.annual = "完成两次培训"
    new.funding.annual.total = Decimal("80.00")
    del new.indicators[4]
    diff = diff_tables(old, new)
    assert diff.approved == "2021-03-15"
    marks = {c.ref: c.after_approval for c in diff.cell_changes()}
    assert marks == {
        ("funding", "annual", "total"): False,
        ("goals", "annual"): True,
        ("indicators", 0, "annual"): True,
        ("indicators", 0, "remark"): False,
    }
    assert [(r.kind, r.after_approval) for r in diff.rows] == [
        ("changed", False),
        ("removed", True),
    ]


def test_the_approving_change_itself_is_not_marked():
    old, new = table(), table()
    new.header.approved = "2021-03-15"
    new.indicators[0].annual = "≥2次"
    diff = diff_tables(old, new)
    assert not any(c.after_approval for c in diff.cell_changes())


def test_the_first_change_is_named_in_the_old_tables_terms():
    old = table()
    assert first_change(old, table()) is None
    new = table()
    new.goals.annual = "完成全部培训"
    new.indicators[3].annual = "≥1200人"
    assert first_change(old, new) == ("goals", "annual")  # sections before rows
    new = table()
    del new.indicators[0]
    new.indicators[2].annual = "≥1200人"  # row 3 of the old table
    assert first_change(old, new) == ("indicators", 0, "name")  # the removed row's place
    new = table()
    new.indicators[3].annual = "≥1200人"
    assert first_change(old, new) == ("indicators", 3, "annual")
    new = table()
    new.indicators.append(Indicator("产出指标", "成本指标", "培训成本", "≤5万元", "≤2万元"))
    assert first_change(old, new) == ("indicators", 4, "name")  # shown by the last old row
