"""The editor through Pilot: every flow, asserting on the model and the saved file."""

from __future__ import annotations

import difflib
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from textual import events

from tests.conftest import DATA
from tui.editing.recovery import recovery_path
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table
from tui.ui.app import JixiaoApp
from tui.ui.dialogs import ChoiceDialog, PromptDialog
from tui.ui.editor_screen import EditorScreen

PENSION = "养老保险专项业务经费.toml"
RETIREES = "企业退休人员社会化管理服务.toml"
SIZE = (80, 24)


@pytest.fixture
def table_copy(tmp_path: Path):
    """Copy a data/ table into a temp folder and return its path."""

    def make(name: str = PENSION) -> Path:
        target = tmp_path / name
        shutil.copy(DATA / name, target)
        return target

    return make


def diff_lines(before: str, after: str) -> list[str]:
    """The changed lines of a unified diff (without headers and context)."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [d for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---"))]


async def type_text(pilot, text: str) -> None:
    """One key per character, as a terminal sends them, each handled before the next."""
    for ch in text:
        key = {" ": "space", "=": "equals_sign"}.get(ch, ch)
        pilot.app.post_message(events.Key(key, ch))
        await pilot.pause()


def editor(app: JixiaoApp) -> EditorScreen:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


def panel(app: JixiaoApp, name: str):
    return editor(app).panels[name]


def row_label(app: JixiaoApp, uid: int) -> str:
    tree = panel(app, "indicators").indicator_tree
    line = next(y for y, line in enumerate(tree.lines) if line.key == ("row", uid))
    return tree._line_text(tree.lines[line]).plain


async def test_open_shows_problems_and_first_row(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        indicators = panel(app, "indicators")
        assert screen.focused is indicators.indicator_tree
        assert any(p.code == "F002" for p in screen.result.problems)
        title = screen.query_one("#title").render().plain
        assert f"✖{screen.result.counts['error']}" in title
        assert indicators.form.value("name") == "完成代发项目数"


async def test_fill_annual_funding_until_sum_error_clears_and_save(table_copy):
    path = table_copy()
    before = path.read_text(encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f3", "tab")
        await type_text(pilot, "33.00")
        assert screen.session.table.funding.annual.total == Decimal("33.00")
        assert any(p.ref[:2] == ("funding", "annual") for p in screen.result.problems)
        await pilot.press("down")
        await type_text(pilot, "33.00")
        annual_errors = [
            p
            for p in screen.result.problems
            if p.ref[:2] == ("funding", "annual") and p.severity == "error"
        ]
        assert not annual_errors
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.session.modified
    changed = diff_lines(before, path.read_text(encoding="utf-8"))
    assert changed == ["+total = 33.00", "+fiscal = 33.00"]


async def test_bad_money_is_flagged_never_zero_and_blocks_save(table_copy):
    path = table_copy()
    before = path.read_bytes()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f3", "tab")
        await type_text(pilot, "110")
        assert screen.session.table.funding.annual.total == Decimal("110")
        await type_text(pilot, "a")  # the model holds the value from before "110a": blank
        assert screen.session.table.funding.annual.total is None
        assert screen.session.invalid == {("funding", "annual", "total"): "110a"}
        form = panel(app, "funding").form
        assert form.shown_text("difference").plain.count("金额无效") == 1  # never "差额 −110"
        assert "差额" not in form.shown_text("difference").plain.split("金额无效")[1]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "无效" in screen.query_one("#status").render().plain
    assert path.read_bytes() == before


async def test_quick_entry_of_a_three_row_block(table_copy):
    path = table_copy()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        tree = panel(app, "indicators").indicator_tree
        assert tree.select(("l2", "产出 指标", "质量指标"))
        await pilot.press("a")
        for name, medium, annual in (
            ("准确率甲", "100%", "≥99%"),
            ("及时率乙", "≥95%", ""),
            ("差错率丙", "≤1%", "≤1%"),
        ):
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, medium)
            await pilot.press("enter")
            if annual:
                await type_text(pilot, annual)
            else:
                await pilot.press("ctrl+t")
            await pilot.press("enter")
        await pilot.press("escape")
        rows = screen.session.table.indicators
        quality = [(r.name, r.medium, r.annual) for r in rows if r.level2 == "质量指标"]
        assert quality == [
            ("各项代发放金额准确率", "100%", "100%"),
            ("准确率甲", "100%", "≥99%"),
            ("及时率乙", "≥95%", "≥95%"),
            ("差错率丙", "≤1%", "≤1%"),
        ]
        assert screen.focused is tree
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = [r.name for r in load_table(path).indicators if r.level2 == "质量指标"]
    assert saved[1:] == ["准确率甲", "及时率乙", "差错率丙"]


async def test_after_quick_entry_the_cursor_the_form_and_x_agree_on_the_last_row(table_copy):
    # A new-user tryout: after typing two rows and Esc, the row editor showed the second
    # row while the tree cursor had stayed on the first, and x deleted the one not shown.
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        indicators = panel(app, "indicators")
        await pilot.press("f5", "a")
        for name in ("测试一", "测试二"):
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, "1个")
            await pilot.press("enter")
            await type_text(pilot, "1个")
            if name == "测试一":
                await pilot.press("enter")  # …and on to a fresh row
        await pilot.press("escape")  # from 测试二's 年度值
        await pilot.pause(0.3)  # the row editor's display delay
        rows = screen.session.table.indicators
        cursor = indicators.indicator_tree.cursor_key
        assert cursor == ("row", indicators.form.uid)
        assert rows[indicators.indicator_tree.index_of(cursor[1])].name == "测试二"
        await pilot.press("x")
        names = [r.name for r in screen.session.table.indicators]
        assert "测试一" in names and "测试二" not in names


async def test_row_actions_and_undo_redo(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        session = screen.session
        names = [r.name for r in session.table.indicators]
        panel(app, "indicators").select_row(3)
        await pilot.press("d")
        assert len(session.table.indicators) == len(names) + 1
        await pilot.press("x")
        assert [r.name for r in session.table.indicators] == names
        await pilot.press("K")
        assert session.table.indicators[3].name == names[4]
        await pilot.press("J", "J")  # cannot leave its 二级 group: stays
        assert [r.name for r in session.table.indicators] == names
        await pilot.press("K", "ctrl+z")
        assert [r.name for r in session.table.indicators] == names
        await pilot.press("ctrl+y")
        assert session.table.indicators[3].name == names[4]
        await pilot.press(*["ctrl+z"] * 5)
        assert [r.name for r in session.table.indicators] == names
        assert not session.modified


async def test_typing_in_a_field_is_one_undo_step_and_the_cursor_starts_at_the_end(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f2")
        await type_text(pilot, "二期")  # the cursor was at the end of the name
        assert screen.session.table.header.name == "养老保险专项业务经费二期"
        await pilot.press("ctrl+z")
        assert screen.session.table.header.name == "养老保险专项业务经费"
        assert panel(app, "header").form.value(("project", "name")) == "养老保险专项业务经费"


async def test_enter_on_a_row_puts_the_cursor_at_the_end_so_ctrl_u_clears_it(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("enter", "ctrl+u")
        await type_text(pilot, "新名称")
        assert screen.session.table.indicators[0].name == "新名称"
        await pilot.press("escape", "j", "j", "enter", "ctrl+u", "x")  # past the 质量指标 line
        assert screen.session.table.indicators[1].name == "x"


async def test_problem_list_enter_and_f8_go_to_the_field(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy(RETIREES)))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f6")
        problems = screen.result.problems
        target = next(i for i, p in enumerate(problems) if p.code == "C003")
        panel(app, "problems").highlighted = target
        await pilot.press("enter")
        form = panel(app, "indicators").form
        ref = problems[target].ref
        assert screen.focused is form and form.current == ref[2]
        await pilot.press("f8")
        nxt = problems[(target + 1) % len(problems)]
        assert form.current == nxt.ref[2] or nxt.ref[0] != "indicators"


async def test_f8_after_a_fix_goes_to_the_next_problem_not_the_one_after(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f8")  # F002: 年度资金总额 blank
        form = panel(app, "funding").form
        assert screen.focused is form and form.current == ("funding", "annual", "total")
        await type_text(pilot, "103")  # fixes F002; F004 now stands on 年度财政拨款, just after it
        assert [p.code for p in screen.result.problems[:2]] == ["F004", "P005"]
        await pilot.press("f8")
        assert form.current == ("funding", "annual", "fiscal")  # not P005, one further


async def test_fix_mismatched_annual_name_changes_one_line(table_copy):
    path = table_copy(RETIREES)
    before = path.read_text(encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await screen.jump_to(("indicators", 9, "annual_name"))
        await pilot.press("ctrl+u")
        await type_text(pilot, "培训完成时间")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not any(p.code == "C004" for p in screen.result.problems)
        assert screen.session.table.indicators[9].annual_name is None  # same as 中期: left out
    changed = diff_lines(before, path.read_text(encoding="utf-8"))
    assert changed == ['-annual_name = "活动计划完成时间"']


async def test_rename_a_group_in_one_step(table_copy):
    path = table_copy()
    before = path.read_text(encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        tree = panel(app, "indicators").indicator_tree
        tree.select(("l1", "产出 指标"))
        await pilot.press("r")
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("ctrl+u")
        await type_text(pilot, "产出指标")
        await pilot.press("enter")
        await pilot.pause()
        assert tree.cursor_key == ("l1", "产出指标")
        rows = screen.session.table.indicators
        assert not [r for r in rows if r.level1 == "产出 指标"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    changed = diff_lines(before, path.read_text(encoding="utf-8"))
    assert len(changed) == 10 and all("level1" in line for line in changed)


async def test_switching_the_framework_moves_cost_rows_in_one_undo_step(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f2")
        await screen.jump_to(("framework",))
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("y")
        await pilot.pause()
        table = screen.session.table
        assert table.framework == "2021"
        cost = [r for r in table.indicators if r.level1 == "成本指标"]
        assert len(cost) == 2 and {r.level2 for r in cost} == {"经济成本指标"}
        assert not any(p.code == "T004" for p in screen.result.problems)
        await pilot.press("ctrl+z")
        assert screen.session.table.framework == "2015"


async def test_quit_with_changes_asks_and_discard_keeps_file(table_copy):
    path = table_copy()
    before = path.read_bytes()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        screen.session.edit(("project", "name"), "改过")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    assert path.read_bytes() == before


async def test_quit_with_changes_can_save(table_copy):
    path = table_copy()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).session.edit(("project", "name"), "改过")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
    assert load_table(path).header.name == "改过"


async def test_external_change_on_save_offers_overwrite(table_copy):
    path = table_copy()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).session.edit(("project", "implementer"), "新单位")
        path.write_text(path.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert load_table(path).header.implementer == "六安市养老保险基金管理中心"
        await pilot.press("o")
        await pilot.pause()
    assert load_table(path).header.implementer == "新单位"


async def test_external_change_on_save_offers_reload(table_copy):
    path = table_copy()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        screen.session.edit(("project", "implementer"), "新单位")
        text = path.read_text(encoding="utf-8").replace("经常性项目", "一次性项目")
        path.write_text(text, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert screen.session.table.header.attribute == "一次性项目"
        assert screen.session.table.header.implementer == "六安市养老保险基金管理中心"
        assert not screen.session.modified


async def test_save_as_for_a_read_only_file(table_copy):
    path = table_copy()
    path.chmod(0o444)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        assert "只读" in screen.query_one("#status").render().plain
        screen.session.edit(("project", "name"), "副本")
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.path.name.endswith("-副本.toml")
    assert load_table(path.with_name(path.stem + "-副本.toml")).header.name == "副本"


async def test_recovery_after_hangup(table_copy):
    path = table_copy()
    before = path.read_bytes()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).session.edit(("goals", "annual"), "恢复我")
        app.save_recovery_and_exit()  # what the SIGHUP/SIGTERM handler runs
        await pilot.pause()
    assert path.read_bytes() == before
    assert recovery_path(path).exists()
    again = JixiaoApp(file=TableFile.load(path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ChoiceDialog)
        await pilot.press("r")
        await pilot.pause()
        screen = editor(again)
        assert screen.session.table.goals.annual == "恢复我"
        assert screen.session.modified
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not recovery_path(path).exists()
    changed = diff_lines(before.decode("utf-8"), path.read_text(encoding="utf-8"))
    assert len(changed) == 2 and changed[1] == '+annual = "恢复我"'


async def test_export_to_file(table_copy):
    path = table_copy()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("f", "w")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")
        await pilot.pause()
    exported = path.with_suffix(".md").read_text(encoding="utf-8")
    assert "2021年项目支出预算绩效目标表" in exported
    assert re.search(r"^\|\s*一级指标\s*\|", exported, re.MULTILINE)


async def test_markup_in_values_is_shown_literally(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await screen.jump_to(("indicators", 0, "medium"))
        await pilot.press("ctrl+u")
        await type_text(pilot, "[bold red]x[/]")
        row = screen.session.table.indicators[0]
        assert row.medium == "[bold red]x[/]"
        assert "[bold red]x[/]" in row_label(app, row.uid)  # the tree follows as you type


async def test_workspace_lists_tables_and_opens_one(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    app = JixiaoApp(folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        assert table.row_count == 3  # data/lifecycle/'s example too; pyproject.toml is not a table
        await pilot.press("j", "k", "enter")
        await pilot.pause()
        screen = editor(app)
        assert folder in screen.session.path.parents
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("DataTable").row_count == 3


async def test_ctrl_o_on_a_file_opened_by_path_shows_its_folder(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("DataTable").row_count == 1


async def test_new_table_from_an_empty_folder(tmp_path):
    (tmp_path / "jixiao.toml").write_text('framework = "2021"\nyear = 2027\n', encoding="utf-8")
    app = JixiaoApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "新表")
        await pilot.press("enter")
        await pilot.pause()
        screen = editor(app)
        assert (screen.session.table.framework, screen.session.table.year) == ("2021", 2027)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_table(tmp_path / "新表.toml").framework == "2021"


async def test_paste_rows_into_the_tree(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    pasted = (
        "产出指标\t数量指标\t培训场次\t4次\t数量指标\t培训场次\t4次\n"
        "\t\t\t培训人数\t200人\t\t培训人数\t200人\n"
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        before = len(screen.session.table.indicators)
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        rows = screen.session.table.indicators
        assert len(rows) == before + 2
        assert [(r.name, r.medium, r.annual) for r in rows[1:3]] == [
            ("培训场次", "4次", "4次"),
            ("培训人数", "200人", "200人"),
        ]
        await pilot.press("ctrl+z")
        assert len(screen.session.table.indicators) == before


async def test_paste_into_a_field_keeps_control_characters_in_order(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("enter", "ctrl+u")
        app.post_message(events.Paste("A\x1b[31mRED\x1b[0mB"))
        await pilot.pause()
        assert screen.session.table.indicators[0].name == "A\x1b[31mRED\x1b[0mB"
        assert "\x1b" not in app.export_screenshot()


async def test_escape_sequences_in_values_never_reach_the_screen(table_copy):
    file = TableFile.load(table_copy())
    file.table.indicators[0].name = "A\x1b[31mRED\x07B\u202e"
    file.table.header.name = "H\x1b]0;title\x07X"
    file.table.goals.medium = "G\x1b[2JZ"
    app = JixiaoApp(file=file)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("f2", "f3", "f4", "f5", "f6", "f7"):
            await pilot.press(key)
            await pilot.pause()
            shot = app.export_screenshot()
            assert "\x1b" not in shot and "\x07" not in shot and "\u202e" not in shot, key
        await pilot.press("f2")
        await pilot.pause()
        assert "H␛]0;title␇X" in app.export_screenshot().replace("&#160;", " ")


async def test_copy_to_annual_updates_the_tree_and_undo_keeps_tree_focus(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        indicators = panel(app, "indicators")
        indicators.select_row(2)
        await pilot.press("equals_sign")
        row = screen.session.table.indicators[2]
        assert row.annual == row.medium == "每月10日前"
        assert "每月10日前 │ 每月10日前" in row_label(app, row.uid)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.focused is indicators.indicator_tree
        row = screen.session.table.indicators[2]
        assert "│ 计划完成时间每月10日前" in row_label(app, row.uid)


async def test_an_empty_new_row_is_dropped_on_escape_even_after_typing(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        before = [r.name for r in screen.session.table.indicators]
        await pilot.press("a", "x", "backspace", "escape")
        assert [r.name for r in screen.session.table.indicators] == before


async def test_keys_in_one_burst_land_in_the_fields_they_were_typed_for(table_copy):
    """A paste or a slow SSH link delivers many keys at once: they apply in order."""
    app = JixiaoApp(file=TableFile.load(table_copy()))
    burst = [("enter", "\r"), ("enter", "\r"), ("ctrl+u", None), ("a", "a"), ("b", "b")]
    burst += [("enter", "\r"), ("ctrl+u", None), ("d", "d"), ("e", "e")]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, character in burst:  # posted without waiting in between
            app.post_message(events.Key(key, character))
        await pilot.pause(0.3)
        rows = editor(app).session.table.indicators
        assert (rows[0].medium, rows[0].annual) == ("ab", "de")
        await pilot.press("f3")
        for key, character in [("tab", "\t"), ("3", "3"), ("down", None), ("3", "3")]:
            app.post_message(events.Key(key, character))
        await pilot.pause(0.3)
        annual = editor(app).session.table.funding.annual
        assert (annual.total, annual.fiscal) == (Decimal("3"), Decimal("3"))
