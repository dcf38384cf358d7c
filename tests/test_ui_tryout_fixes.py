"""Defects found by the first new-user tryout, each reproduced and kept as a test."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from textual import events

from tests.conftest import DATA
from tests.test_ui_flows import PENSION, editor, panel, type_text
from tui.parsing.money import parse_money
from tui.paths import table_file_name
from tui.tomlfile.document import TableFile
from tui.ui.actions import ACTIONS
from tui.ui.app import JixiaoApp
from tui.ui.commands import ActionsProvider
from tui.ui.help_screen import HelpScreen, help_text
from tui.ui.keys import run_anywhere
from tui.ui.text import invalid_message

SIZE = (80, 24)


@pytest.fixture
def pension(tmp_path):
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    return path


async def test_esc_and_the_next_key_read_together_are_two_keys(pension):
    """Over SSH, Esc then j arrive in one read and look like Alt+j."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        indicators = panel(app, "indicators")
        await pilot.press("enter")
        name = screen.session.table.indicators[0].name
        app.post_message(events.Key("alt+j", "j"))  # what the parser makes of ESC j
        await pilot.pause()
        assert screen.focused is indicators.indicator_tree
        assert screen.session.table.indicators[0].name == name  # no "j" typed into it
        assert indicators.indicator_tree.cursor != 0


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234.50", Decimal("1234.50")), ("1,234", Decimal("1234")), ("103.00", Decimal("103.00"))],
)
def test_money_accepts_thousands_separators(text, value):
    assert parse_money(text) == value


@pytest.mark.parametrize("text", ["12,34", "90.001,000", "1,23", ",5", "1,2345"])
def test_money_refuses_any_other_comma(text):
    with pytest.raises(ValueError):
        parse_money(text)


async def test_enter_in_a_goal_moves_to_the_next_field(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f4", "tab")
        goals = panel(app, "goals")
        assert screen.focused is goals.texts[("goals", "medium")]
        await pilot.press("ctrl+u", "enter")
        await type_text(pilot, "年度")
        assert screen.session.table.goals.medium == ""
        assert screen.session.table.goals.annual.endswith("年度")  # the cursor starts at the end


async def test_cells_pasted_into_the_row_editor_become_rows(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        before = len(screen.session.table.indicators)
        await pilot.press("enter")
        app.post_message(events.Paste("甲指标\t1个\t1个\n乙指标\t2个\t2个\n"))
        await pilot.pause()
        rows = screen.session.table.indicators
        assert len(rows) == before + 2
        assert "\t" not in rows[0].name


@pytest.mark.parametrize("name", ["../逃逸/子表", "a/b", ".隐藏", "", "x\x1by"])
def test_a_new_table_name_cannot_leave_the_folder(name):
    with pytest.raises(ValueError):
        table_file_name(name)


def test_a_new_table_name_gets_its_suffix():
    assert table_file_name(" 子表 ") == "子表.toml"
    assert table_file_name("子表.toml") == "子表.toml"


async def test_a_table_created_in_the_workspace_is_listed_when_back(tmp_path):
    shutil.copy(DATA / PENSION, tmp_path / PENSION)
    app = JixiaoApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "ctrl+u")
        await type_text(pilot, "新表")
        await pilot.press("enter")
        await pilot.pause()
        assert editor(app).session.table.header.name == "新表"  # named after its file
        await pilot.press("ctrl+s", "ctrl+o")
        await pilot.pause()
        grid = app.screen.query_one("DataTable")
        assert grid.row_count == 2 and str(tmp_path / "新表.toml") in grid.rows


async def test_the_status_line_is_cleared_by_the_next_edit(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("x")
        assert "已删除" in screen.query_one("#status").render().plain
        await pilot.press("enter")
        await type_text(pilot, "改")
        assert screen.query_one("#status").render().plain.strip() == ""


async def test_neighbour_names_complete_after_the_first_frame(tmp_path):
    """The folder's other tables are read in a thread after the editor shows (start-up)."""
    import shutil

    from tests.conftest import DATA
    from tui.tomlfile.document import TableFile
    from tui.tomlfile.loader import load_table
    from tui.ui.app import JixiaoApp

    for path in DATA.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    opened, other = sorted(tmp_path.glob("*.toml"))
    theirs = {row.name for row in load_table(other).indicators} - {
        row.name for row in load_table(opened).indicators
    }
    app = JixiaoApp(file=TableFile.load(opened))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        form = app.screen.panels["indicators"].form
        assert theirs and theirs <= set(form.state["name"].suggestions)


async def test_typing_on_after_an_edit_regroups_the_tree_stays_in_the_row(pension):
    """Found by the burst test: j, Tab, jj, a pause, j. The edit moved the row out of the
    tree's 一级 group under the cursor; the row editor then followed the cursor to another
    row and the last j went into that row's 一级."""
    from tui.ui.panels.indicators_panel import ROW_DISPLAY_DELAY

    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        before = [row.level1 for row in screen.session.table.indicators]
        await pilot.press("j", "tab", "j", "j")
        await pilot.pause(ROW_DISPLAY_DELAY * 3)
        await pilot.press("j")
        await pilot.pause()
        after = [row.level1 for row in screen.session.table.indicators]
        changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
        assert changed == [(before[0], before[0] + "jjj")]
        # The tree's cursor went back to the row being edited.
        indicators = panel(app, "indicators")
        assert indicators.indicator_tree.cursor_key == ("row", indicators.form.uid)


async def test_the_row_editors_message_line_names_the_rows_worst_problem(pension):
    """A later tryout: on a row marked ✖ the line under the tree showed a hint (T001 on
    its 一级) instead of the error (T008, a blank value) that gave the row its mark."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        indicators = panel(app, "indicators")
        screen.session.edit(("indicators", 0, "level1"), "产出")  # T001, a hint
        screen.session.edit(("indicators", 0, "medium"), "")  # T008, an error
        screen.model_changed()
        indicators.select_row(0)
        await pilot.pause()
        form = indicators.form
        y = next(y for y, line in enumerate(form.form_lines) if line.message_for)
        shown = "".join(segment.text for segment in form.render_line(y - form.scroll_offset.y))
        assert "T008" in shown and shown.lstrip().startswith("✖"), shown


async def test_a_rejected_input_marks_its_row_and_f8_goes_to_it_first(pension):
    """A later tryout: a 权重 typed as 四分 blocked saving, but its row kept a ▲ (or no
    mark) in the tree and F8 walked every problem without ever stopping at it."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        indicators = panel(app, "indicators")
        tree = indicators.indicator_tree
        screen.apply_edit(("indicators", 2, "weight"), "四分")
        await pilot.pause()
        uid = screen.session.table.indicators[2].uid
        line = next(line for line in tree.lines if line.key == ("row", uid))
        assert tree._line_text(line).plain.lstrip().startswith("✖")
        tree.select(("row", screen.session.table.indicators[0].uid))
        await pilot.press("f8")
        assert (indicators.current_index(), indicators.form.current) == (2, "weight")
        assert "1/1 ✖ 第3行 权重“四分”不是有效值" in str(screen.query_one("#status").render())
        screen.apply_edit(("indicators", 2, "weight"), "4")  # fixed: F8 walks the problems
        await pilot.press("f8")
        assert "四分" not in str(screen.query_one("#status").render())


async def test_deleting_a_row_puts_the_cursor_on_the_row_shown_below_it(pension):
    """A later tryout: after x the cursor went to the next row of the file, which an
    edited 一级 had moved to a group far down the tree, not to the row below on screen."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        indicators = panel(app, "indicators")
        tree = indicators.indicator_tree
        rows = screen.session.table.indicators
        moved, deleted, below = rows[1].uid, rows[0].uid, rows[2].uid
        screen.apply_edit(("indicators", 1, "level1"), "自定义一级")  # a group of its own
        await pilot.pause()
        shown = [line.key[1] for line in tree.lines if line.key[0] == "row"]
        assert shown.index(moved) > shown.index(below) == shown.index(deleted) + 1
        indicators.select_row(next(i for i, r in enumerate(rows) if r.uid == deleted))
        await pilot.press("x")
        await pilot.pause()
        assert tree.cursor_key == ("row", below) == ("row", indicators.form.uid)


async def test_rows_pasted_into_a_target_table_keep_both_values_when_they_are_equal(pension):
    """A third tryout: a block with a row whose 中期 and 年度 values were equal was read as
    a self-evaluation (target | actual): every 中期 value was lost, each 年度 went to the
    actual value, which a target table does not even show."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        before = {r.uid for r in screen.session.table.indicators}
        rows = [
            "产出指标\t数量指标\t新增培训班次\t≥2次\t≥1次",
            "产出指标\t质量指标\t培训合格率\t≥95%\t≥95%",
            "效益指标\t社会效益指标\t退休人员获得感\t逐步提升\t有所提升",
        ]
        app.post_message(events.Paste("\n".join(rows)))
        await pilot.pause()
        new = [r for r in screen.session.table.indicators if r.uid not in before]
        assert [(r.name, r.medium, r.annual, r.actual) for r in new] == [
            ("新增培训班次", "≥2次", "≥1次", None),
            ("培训合格率", "≥95%", "≥95%", None),
            ("退休人员获得感", "逐步提升", "有所提升", None),
        ]


async def test_tab_from_the_tree_puts_the_cursor_at_the_end_of_the_field(pension):
    """A third tryout: Enter, ← ← ←, Esc, then Tab into the row and typing X inserted it
    three characters from the end (the README says the cursor goes to the end)."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        name = screen.session.table.indicators[0].name
        await pilot.press("enter", "left", "left", "left", "escape", "tab")
        await type_text(pilot, "X")
        assert screen.session.table.indicators[0].name == name + "X"


async def test_ctrl_g_says_which_total_it_set(pension):
    """A third tryout: ^g set only the column the cursor was in, and said nothing."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        medium = screen.session.table.funding.medium
        expected = medium.fiscal + (medium.other or 0)
        await pilot.press("f3", "ctrl+g")  # the cursor starts in the 中期 column
        status = str(screen.query_one("#status").render())
        assert f"中期资金总额 = {expected}" in status and "年度" not in status


async def test_the_framework_switch_is_in_the_palette_and_the_help(pension):
    """A third tryout: neither F1 nor ^p knew the framework switch (Space on 指标体系)."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        spec = next(s for s in ACTIONS if s.action == "switch_framework")
        assert spec in ActionsProvider(screen)._specs()  # the palette's own list
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "切换指标体系" in help_text(app.screen.scopes).plain
        await pilot.press("escape")
        await run_anywhere(screen, spec)  # from the palette, with 指标 shown
        await pilot.pause()
        assert app.screen is not screen  # the dialog saying what moves
        await pilot.press("escape")
        assert screen.session.table.framework == "2015"


async def test_the_export_preview_scrolls_sideways_and_down_with_the_keys(pension):
    """A third tryout: at 80 columns the preview cut the table at 年度指标值 and no key but
    PgDn moved it (→, l, j, ↓ did nothing)."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        preview = panel(app, "export").preview
        assert preview.max_scroll_x > 0  # wider than the screen
        right = min(16, preview.max_scroll_x)
        await pilot.press("l", "right", "j", "down")
        await pilot.pause()
        assert (preview.scroll_offset.x, preview.scroll_offset.y) == (right, 2)
        await pilot.press("h", "k")
        await pilot.pause()
        assert (preview.scroll_offset.x, preview.scroll_offset.y) == (max(right - 8, 0), 1)


def test_a_long_rejected_input_is_quoted_short_with_its_reason():
    """A fourth tryout: the message quoted all 100,050 characters, so its reason never
    showed (and the problem list filled the screen)."""
    message = invalid_message("解释", "说明" * 50_025)
    assert (
        message == "解释“说明说明说明说明说明说明…（100050 字）”超过 100000 字（too long），未写入"
    )
    assert invalid_message("权重", "四分") == "权重“四分”不是有效值（invalid value），未写入"
