"""Diff and merge reach the year after the targets: self-evaluation values, monitoring
months, the budget-execution block and the closing texts (the data/lifecycle example).
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from tests.conftest import DATA
from tests.test_core_edits import changes
from tui.cli import main
from tui.history.conflicts import conflicts_in, resolve
from tui.history.diff import diff_tables
from tui.history.merge import merge_tables
from tui.history.report import Style, text_lines
from tui.history.textconv import cell_listing
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table

SOURCE = next((DATA / "lifecycle").glob("*.toml"))


def test_diff_reports_evaluation_monitoring_and_execution_cells():
    old = load_table(SOURCE)
    new = old.clone()
    new.indicators[0].actual = "2次"
    new.indicators[0].monitoring[6].action = "9月举办"
    new.execution.line("total").executed = Decimal("88.00")
    new.evaluation.conclusion = "完成年度目标。"
    diff = diff_tables(old, new)
    assert [(c.ref, c.new) for c in diff.cell_changes()] == [
        (("execution", "total", "executed"), Decimal("88.00")),
        (("evaluation", "conclusion"), "完成年度目标。"),
        (("indicators", 0, "actual"), "2次"),
        (("indicators", 0, "monitoring", 6, "action"), "9月举办"),
    ]
    lines = text_lines(diff, Style(False))
    assert "预算执行 年度资金总额 执行数: 85.50 → 88.00" in lines
    assert "  6月监控 纠偏措施: 已与培训机构签订协议，10月举办 → 9月举办" in lines


def test_textconv_lists_monitoring_months_under_their_row():
    listing = cell_listing(load_table(SOURCE)).split("\n")
    row = listing.index("[产出指标 › 数量指标 › 培训场次]")
    assert listing[row + 1 : row + 4] == ["  中期值: 一年举办1次社区专管员资格认证培训"] + [
        "  年度值: 一年举办1次社区专管员资格认证培训",
        "  权重: 4",
    ]
    assert "  6月监控 可能性: 确定能" in listing[row:]


def test_edits_of_one_month_and_of_the_row_merge_and_clash_per_cell(tmp_path: Path):
    path = tmp_path / SOURCE.name
    shutil.copyfile(SOURCE, path)
    file = TableFile.load(path)  # mine: the open file, so that the save keeps its text
    base, theirs = load_table(SOURCE), load_table(SOURCE)
    file.table.indicators[0].monitoring[6].action = "我方措施"
    theirs.indicators[0].actual = "2次"
    theirs.indicators[0].monitoring[6].reason = "对方原因"
    merged = merge_tables(base, file.table, theirs)
    assert conflicts_in(merged) == []
    row = merged.indicators[0]
    assert (row.actual, row.monitoring[6].action, row.monitoring[6].reason) == (
        "2次",
        "我方措施",
        "对方原因",
    )
    theirs.indicators[0].monitoring[6].action = "对方措施"
    merged = merge_tables(base, file.table, theirs)
    (conflict,) = conflicts_in(merged)
    assert conflict.ref(merged) == ("indicators", 0, "monitoring", 6, "action")
    assert (conflict.mine, conflict.theirs) == ("我方措施", "对方措施")

    file.table = merged  # the record is saved inside [indicators.monitoring.6]
    file.save()
    assert changes(SOURCE.read_text("utf-8"), path.read_text("utf-8")) == (
        [
            'actual = "1次"',
            'reason = "培训安排在第四季度"',
            'action = "已与培训机构签订协议，10月举办"',
        ],
        [
            'actual = "2次"',
            'reason = "对方原因"',
            'action = "我方措施"',
            'merge_conflict = { action = { base = "已与培训机构签订协议，10月举办", '
            'mine = "我方措施", theirs = "对方措施" } }',
        ],
    )
    loaded = load_table(path)
    (again,) = conflicts_in(loaded)
    resolve(loaded, again, "theirs")
    month = loaded.indicators[0].monitoring[6]
    assert month.action == "对方措施" and "merge_conflict" not in month.extra
    assert conflicts_in(loaded) == []


def test_a_month_added_on_one_side_is_kept(tmp_path: Path):
    base = load_table(SOURCE)
    mine, theirs = base.clone(), base.clone()
    theirs.indicators[0].monitoring[9] = theirs.indicators[0].month(9)
    theirs.indicators[0].monitoring[9].progress = "1次"
    mine.indicators[0].weight = Decimal("5")
    merged = merge_tables(base, mine, theirs)
    assert merged.indicators[0].monitoring[9].progress == "1次"
    assert merged.indicators[0].weight == Decimal("5")


def test_jixiao_merge_of_lifecycle_files(tmp_path: Path, capsys):
    base = tmp_path / "base.toml"
    shutil.copyfile(SOURCE, base)
    mine, theirs = tmp_path / "mine.toml", tmp_path / "theirs.toml"
    for path, change in (
        (mine, lambda t: setattr(t.evaluation, "problems", "我方问题")),
        (theirs, lambda t: setattr(t.execution.line("fiscal"), "executed", Decimal("86.00"))),
    ):
        shutil.copyfile(SOURCE, path)
        file = TableFile.load(path)
        change(file.table)
        file.save()
    assert main(["merge", str(base), str(mine), str(theirs)]) == 0
    merged = load_table(mine)
    assert merged.evaluation.problems == "我方问题"
    assert merged.execution.line("fiscal").executed == Decimal("86.00")
