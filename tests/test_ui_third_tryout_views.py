"""Defects found by the third new-user tryout (tmux, keyboard only), each kept as a test.

The tree hiding its top after a framework switch; a line break shown as ``\\x0a`` in the
tree; a rejected amount missing from the error count and the problem list; redo after
undoing a rejected amount; the problem list's keys in the key bar; the tab bar at 60×20.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import DATA
from tests.test_ui_flows import PENSION, editor, panel, row_label, type_text
from tui.editing.session import Session
from tui.skeleton import new_table_file
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp
from tui.ui.dialogs import ChoiceDialog
from tui.ui.widgets.cells import fit
from tui.ui.widgets.stage_list import cell

SIZE = (80, 24)
TOTAL = ("funding", "medium", "total")
REJECTED = "中期资金总额“12..5”不是有效值（invalid value），未写入"


@pytest.fixture
def pension(tmp_path: Path) -> Path:
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    return path


def _rendered(widget) -> str:
    """What ``widget`` shows on screen, one line per line of its height."""
    return str(widget.render())


def _shown(app: JixiaoApp, selector: str) -> str:
    """The part of a one-line bar that fits on the screen."""
    return fit(_rendered(editor(app).query_one(selector)), app.size.width)


def _tree_lines(app: JixiaoApp) -> list[str]:
    tree = panel(app, "indicators").indicator_tree
    return [tree.render_line(y).text for y in range(tree.size.height)]


# -- 1. the tree after a framework switch -------------------------------------------------


async def test_the_tree_shows_its_top_after_switching_the_framework_of_a_new_table(tmp_path):
    app = JixiaoApp(file=new_table_file(tmp_path / "新表.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # a new table opens on 项目信息
        form = panel(app, "header").form
        for _ in form.order:
            if form.current == ("framework",):
                break
            await pilot.press("tab")
        before = editor(app).session.table.framework
        await pilot.press("space")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("y", "f5")
        await pilot.pause()
        assert editor(app).session.table.framework != before
        tree = panel(app, "indicators").indicator_tree
        assert tree.scroll_offset.y == 0
        lines = _tree_lines(app)
        assert "▾" in lines[0] and "产出" in lines[0]
        assert "▾" in lines[1] and "数量指标" in lines[1]
        assert lines[tree.cursor].startswith("▶") and tree.cursor_key[0] == "row"


async def test_after_a_rebuild_the_cursor_stays_on_screen_and_the_top_shows_when_it_fits(
    pension,
):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f5", "G")
        tree = panel(app, "indicators").indicator_tree
        assert tree.scroll_offset.y > 0  # a table longer than the screen
        await pilot.press("d")  # duplicate the last row: the tree is rebuilt
        await pilot.pause()
        top = tree.scroll_offset.y
        assert top <= tree.cursor < top + tree.size.height
        await pilot.press("g")
        await pilot.press("j", "j", "d")
        await pilot.pause()
        assert tree.cursor < tree.size.height and tree.scroll_offset.y == 0


# -- 2. a line break in a cell --------------------------------------------------------------


async def test_a_line_break_is_the_same_visible_symbol_in_the_tree_and_the_row_form(pension):
    file = TableFile.load(pension)
    file.table.indicators[0].annual = "服务投诉处理率  ≥95%\n（按季度统计）"
    app = JixiaoApp(file=file)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        line = row_label(app, file.table.indicators[0].uid)  # the whole line, not cut
        assert "服务投诉处理率  ≥95%␊（按季度统计）" in line and "\\x0a" not in line
        form = panel(app, "indicators").form
        shown = "\n".join(form.render_line(y).text for y in range(form.size.height))
        assert "≥95%␊（按季度统计）" in shown


def test_a_stage_list_cell_shows_a_line_break_as_its_picture():
    assert cell("≥95%\n（季）", 12).rstrip() == "≥95%␊（季）"


# -- 3. a rejected amount is an error -----------------------------------------------------


async def _type_rejected_total(pilot) -> None:
    await pilot.press("f3")
    panel(pilot.app, "funding").form.focus_field(TOTAL)
    await pilot.press("ctrl+u")
    await type_text(pilot, "12..5")
    await pilot.press("tab")


async def test_a_rejected_amount_counts_as_an_error_and_is_listed_in_problems(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        errors = screen.result.counts["error"]
        assert f"✖{errors} " in _rendered(screen.query_one("#title"))
        await _type_rejected_total(pilot)
        assert screen.session.invalid == {TOTAL: "12..5"}
        assert screen.result.counts["error"] == errors  # the check API is unchanged
        assert f"✖{errors + 1} " in _rendered(screen.query_one("#title"))
        await pilot.press("f6")
        problems = panel(app, "problems")
        assert REJECTED in str(problems.get_option_at_index(0).prompt)
        assert problems.option_count == len(screen.result.problems) + 1
        await pilot.press("j", "k", "enter")  # back on the first line: Enter goes to the field
        await pilot.pause()
        form = panel(app, "funding").form
        assert screen.current_panel == "funding" and screen.focused is form
        assert form.current == TOTAL and form.value(TOTAL) == "12..5"
        await pilot.press("ctrl+u")
        await type_text(pilot, "103")
        assert not screen.session.invalid
        assert f"✖{screen.result.counts['error']} " in _rendered(screen.query_one("#title"))
        await pilot.press("f6")
        assert REJECTED not in str(problems.get_option_at_index(0).prompt)


# -- 4. redo after undoing a rejected amount ---------------------------------------------


async def test_redo_brings_back_an_undone_rejected_amount_then_says_nothing_to_redo(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        session = screen.session
        await _type_rejected_total(pilot)
        form = panel(app, "funding").form
        await pilot.press("ctrl+z")
        assert str(session.table.get(TOTAL)) == "103.00" and form.value(TOTAL) == "103.00"
        assert not session.invalid and not form.state[TOTAL].invalid
        await pilot.press("ctrl+y")
        assert session.invalid == {TOTAL: "12..5"} and str(session.table.get(TOTAL)) == "103.00"
        assert form.value(TOTAL) == "12..5" and form.state[TOTAL].invalid
        await pilot.press("ctrl+y")
        assert "没有可重做的修改" in _rendered(screen.query_one("#status"))
        assert form.value(TOTAL) == "12..5"
        await pilot.press("ctrl+z")  # and undone again, back to the saved value
        assert form.value(TOTAL) == "103.00" and not session.invalid


def test_undo_and_redo_carry_the_rejected_inputs_of_their_step(pension):
    session = Session(TableFile.load(pension))
    name = ("project", "name")
    session.edit(TOTAL, "")
    session.edit(TOTAL, "12..5")  # the same typing run: the model keeps 103.00
    session.break_coalescing()
    session.edit(name, "新名称")  # a later edit while the amount is still rejected
    assert session.undo() == name
    assert session.invalid == {TOTAL: "12..5"}  # undoing another field keeps the draft
    assert session.undo() == TOTAL
    assert session.invalid == {} and session.table.get(TOTAL) == Decimal("103.00")
    assert session.redo() == TOTAL
    assert session.invalid == {TOTAL: "12..5"} and session.table.get(TOTAL) == Decimal("103.00")
    assert session.redo() == name and session.table.header.name == "新名称"
    assert session.redo() is None


async def test_a_rejected_input_stays_shown_when_another_edit_redraws_its_form(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        session = editor(app).session
        rows = len(session.table.indicators)
        await _type_rejected_total(pilot)
        await pilot.press("f5", "enter")  # the first row's 三级 in the row editor
        row_form = panel(app, "indicators").form
        row_form.focus_field("weight")
        await type_text(pilot, "十")
        await pilot.press("escape", "d")  # a copy of the row below it: every panel is redrawn
        await pilot.press("k")  # back on the first row; the row editor follows once it rests
        await pilot.pause(0.3)
        assert len(session.table.indicators) == rows + 1
        assert session.invalid == {TOTAL: "12..5", ("indicators", 0, "weight"): "十"}
        assert row_form.value("weight") == "十" and row_form.state["weight"].invalid
        assert panel(app, "funding").form.value(TOTAL) == "12..5"


# -- 5. the problem list's keys --------------------------------------------------------------


async def test_the_key_bar_of_the_problem_list_shows_its_keys(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        keys = _shown(app, "#keys")
        for shown in ("F1 帮助", "^q 退出", "Enter 跳转", "j/k 上下", "g/G 首尾"):
            assert shown in keys, keys


# -- 6. the narrowest layout ------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 64, 70, 80, 120])
async def test_the_tab_bar_keeps_a_space_between_tabs_at_every_width(pension, width):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        tabs = _rendered(editor(app).query_one("#tabs"))
        assert cell_len(tabs) <= width
        keys = ["F2", "F3", "F4", "F5", "F6", "F7", "F10", "F11"]
        assert re.findall(r"(?:^|\s)(F\d+)", tabs) == keys  # each after a space
        if width >= 80:
            assert "F2 项目信息" in tabs
        keys_bar = _shown(app, "#keys")
        assert "F1 帮助" in keys_bar and "^q 退出" in keys_bar
