"""Editor flows driven by real key presses; assertions on the model and the saved file."""

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
from tui.ui.panels.indicators_panel import RowInput

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
    """Press one key per ASCII character; other characters arrive as an IME would send them."""
    for ch in text:
        if ch.isascii():
            await pilot.press(ch if ch != " " else "space")
        else:
            pilot.app.focused.insert_text_at_cursor(ch)
            await pilot.pause()


def editor(app: JixiaoApp) -> EditorScreen:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


async def test_open_shows_problems_and_first_row(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        assert screen.focused is screen.indicator_tree
        assert screen.current_row == 0
        assert any(p.code == "F002" for p in screen.problems)
        title = screen.query_one("#title").render().plain
        errors = sum(p.severity == "error" for p in screen.problems)
        assert f"✖{errors}" in title
        inputs = screen.row_editor.inputs()
        assert inputs["name"].value == "完成代发项目数"


async def test_fill_annual_funding_until_sum_error_clears_and_save(table_copy):
    path = table_copy()
    before = path.read_text(encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f3")
        screen.fields[("funding", "annual", "total")].focus()
        await type_text(pilot, "33.00")
        await pilot.pause()
        table = screen.session.table
        assert table.funding.annual.total == Decimal("33.00")
        assert any(
            p.code.startswith("F") and p.ref[:2] == ("funding", "annual") for p in screen.problems
        )
        screen.fields[("funding", "annual", "fiscal")].focus()
        await type_text(pilot, "33.00")
        await pilot.pause()
        assert not [
            p
            for p in screen.problems
            if p.ref[:2] == ("funding", "annual") and p.severity == "error"
        ]
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
        await pilot.press("f3")
        screen.fields[("funding", "annual", "total")].focus()
        await type_text(pilot, "12a")
        await pilot.pause()
        assert screen.session.table.funding.annual.total == Decimal("12")
        assert screen.session.invalid == {("funding", "annual", "total"): "12a"}
        message = screen.query_one("#funding-msg-annual").render().plain
        assert "12a" in message
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before


async def test_quick_entry_of_a_three_row_block(table_copy):
    path = table_copy()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        tree = screen.indicator_tree
        assert tree.select_data(("l2", "产出 指标", "质量指标"))
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
        await pilot.pause()
        rows = screen.session.table.indicators
        quality = [r for r in rows if r.level2 == "质量指标"]
        assert [(r.name, r.medium, r.annual) for r in quality] == [
            ("各项代发放金额准确率", "100%", "100%"),
            ("准确率甲", "100%", "≥99%"),
            ("及时率乙", "≥95%", "≥95%"),
            ("差错率丙", "≤1%", "≤1%"),
        ]
        assert screen.focused is tree
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_table(path)
    assert [r.name for r in saved.indicators if r.level2 == "质量指标"][1:] == [
        "准确率甲",
        "及时率乙",
        "差错率丙",
    ]


async def test_row_actions_and_undo_redo(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        session = screen.session
        names = [r.name for r in session.table.indicators]
        await screen.jump_to(("indicators", 3, "name"))
        screen.indicator_tree.focus()
        await pilot.press("d")
        assert len(session.table.indicators) == len(names) + 1
        await pilot.press("x")
        assert [r.name for r in session.table.indicators] == names
        assert screen.current_row == 4  # the cursor lands on the next row
        await pilot.press("K")
        assert session.table.indicators[3].name == names[4]
        await pilot.press("J")
        await pilot.press("J")  # cannot leave its 二级 group: stays
        assert [r.name for r in session.table.indicators] == names
        await pilot.press("K")
        await pilot.press("ctrl+z")
        assert [r.name for r in session.table.indicators] == names
        await pilot.press("ctrl+y")
        assert session.table.indicators[3].name == names[4]
        for _ in range(5):
            await pilot.press("ctrl+z")
        assert [r.name for r in session.table.indicators] == names
        assert not session.modified


async def test_typing_in_a_field_is_one_undo_step(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f2")
        assert app.focused is screen.fields[("project", "name")]
        await pilot.press("end")
        await type_text(pilot, "二期")
        assert screen.session.table.header.name == "养老保险专项业务经费二期"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.session.table.header.name == "养老保险专项业务经费"
        assert screen.fields[("project", "name")].value == "养老保险专项业务经费"


async def test_problem_list_enter_and_f8_jump_to_the_field(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy(RETIREES)))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f6")
        target = next(i for i, p in enumerate(screen.problems) if p.code == "C003")
        problems = screen.query_one("#problems")
        problems.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        ref = screen.problems[target].ref
        assert isinstance(app.focused, RowInput)
        assert app.focused.ref == ref
        await pilot.press("f8")
        await pilot.pause()
        nxt = screen.problems[(target + 1) % len(screen.problems)]
        assert getattr(app.focused, "ref", None) == nxt.ref or nxt.ref[0] in ("framework", "year")


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
        assert not any(p.code == "C004" for p in screen.problems)
        assert screen.session.table.indicators[9].annual_name is None  # same as 中期: left out
    changed = diff_lines(before, path.read_text(encoding="utf-8"))
    assert changed == ['-annual_name = "活动计划完成时间"']


async def test_quit_with_changes_asks_and_discard_keeps_file(table_copy):
    path = table_copy()
    before = path.read_bytes()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        screen.session.set_text(("project", "name"), "改过")
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
        editor(app).session.set_text(("project", "name"), "改过")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
    assert load_table(path).header.name == "改过"


async def test_external_change_on_save_offers_overwrite(table_copy):
    path = table_copy()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        screen.session.set_text(("project", "implementer"), "新单位")
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
        screen.session.set_text(("project", "implementer"), "新单位")
        text = path.read_text(encoding="utf-8").replace("经常性项目", "一次性项目")
        path.write_text(text, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert screen.session.table.header.attribute == "一次性项目"
        assert screen.session.table.header.implementer == "六安市养老保险基金管理中心"
        assert not screen.session.modified


async def test_recovery_after_hangup(table_copy):
    path = table_copy()
    before = path.read_bytes()
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).session.set_text(("goals", "annual"), "恢复我")
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
        await pilot.press("f")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")
        await pilot.pause()
    exported = path.with_suffix(".md").read_text(encoding="utf-8")
    assert "2021年项目支出预算绩效目标表" in exported
    assert re.search(r"^\|\s*一级指标\s*\|", exported, re.MULTILINE)
    assert "完成代发项目数" in exported


async def test_markup_in_values_is_shown_literally(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await screen.jump_to(("indicators", 0, "medium"))
        await pilot.press("ctrl+u")
        await type_text(pilot, "[bold red]x[/]")
        await pilot.press("escape")  # the tree shows the typed text once the field is left
        await pilot.pause()
        row = screen.session.table.indicators[0]
        assert row.medium == "[bold red]x[/]"
        label = screen.indicator_tree.row_nodes[row.uid].label.plain
        assert "[bold red]x[/]" in label


async def test_workspace_lists_tables_and_opens_one(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    app = JixiaoApp(folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        assert table.row_count == 3  # two seed tables and data/lifecycle/'s example
        await pilot.press("enter")
        await pilot.pause()
        screen = editor(app)
        assert folder in screen.session.path.parents
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("DataTable").row_count == 3


async def test_paste_rows_into_the_tree(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    pasted = (
        "产出指标\t数量指标\t培训场次\t4次\t数量指标\t培训场次\t4次\n"
        "\t\t\t培训人数\t200人\t\t培训人数\t200人\n"
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        before = len(screen.session.table.indicators)
        await pilot.pause()
        screen.indicator_tree.post_message(events.Paste(pasted))
        await pilot.pause()
        rows = screen.session.table.indicators
        assert len(rows) == before + 2
        added = rows[1:3]
        assert [(r.name, r.medium, r.annual) for r in added] == [
            ("培训场次", "4次", "4次"),
            ("培训人数", "200人", "200人"),
        ]
        await pilot.press("ctrl+z")
        assert len(screen.session.table.indicators) == before


async def test_escape_sequences_in_values_never_reach_the_screen(table_copy):
    file = TableFile.load(table_copy())
    file.table.indicators[0].name = "A\x1b[31mRED\x07B"
    file.table.header.name = "H\x1b]0;title\x07X"
    file.table.goals.medium = "G\x1b[2JZ"
    app = JixiaoApp(file=file)
    async with app.run_test(size=SIZE) as pilot:
        for panel in ("f2", "f3", "f4", "f5", "f6", "f7"):
            await pilot.press(panel)
            await pilot.pause()
            shot = app.export_screenshot()
            assert "\x1b" not in shot and "\x07" not in shot, panel
        await pilot.press("f2")
        await pilot.pause()
        assert "H␛]0;title␇X" in app.export_screenshot().replace("&#160;", " ")


async def test_copy_to_annual_updates_the_tree_and_undo_keeps_tree_focus(table_copy):
    app = JixiaoApp(file=TableFile.load(table_copy()))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await screen.jump_to(("indicators", 2, "name"))
        screen.set_focus(screen.indicator_tree)
        await pilot.pause()
        await pilot.press("equals_sign")
        await pilot.pause()
        row = screen.session.table.indicators[2]
        assert row.annual == row.medium == "每月10日前"
        label = screen.indicator_tree.row_nodes[row.uid].label.plain
        assert "每月10日前 │ 每月10日前" in label
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.focused is screen.indicator_tree
        row = screen.session.table.indicators[2]
        assert "│ 计划完成时间每月10日前" in screen.indicator_tree.row_nodes[row.uid].label.plain


async def test_keys_in_one_burst_land_in_the_fields_they_were_typed_for(table_copy):
    """A paste or a slow SSH link delivers many keys at once; focus moves must keep up."""
    app = JixiaoApp(file=TableFile.load(table_copy()))
    burst = [("enter", "\r"), ("enter", "\r"), ("ctrl+u", None), ("a", "a"), ("b", "b")]
    burst += [("enter", "\r"), ("ctrl+u", None), ("d", "d"), ("e", "e")]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, character in burst:  # posted without waiting in between
            app.post_message(events.Key(key, character))
        await pilot.pause(0.5)
        rows = editor(app).session.table.indicators
        assert (rows[0].medium, rows[0].annual) == ("ab", "de")
        await pilot.press("f3")
        for key, character in [("tab", "\t"), ("3", "3"), ("tab", "\t"), ("tab", "\t"), ("3", "3")]:
            app.post_message(events.Key(key, character))
        await pilot.pause(0.5)
        annual = editor(app).session.table.funding.annual
        assert (annual.total, annual.fiscal) == (Decimal("3"), Decimal("3"))
