"""The editor defects listed in issue 11 (item 7) that ``test_ui_flows`` does not cover yet.

Each test drives the real app through Pilot on a copy of a ``data/`` table (or
a folder) and asserts on the model, the screen's widgets or the file on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.widgets import DataTable, OptionList, Static

from tests.conftest import DATA
from tests.test_ui_flows import PENSION, RETIREES, editor, panel, type_text
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table
from tui.ui.actions import ACTIONS, key_label
from tui.ui.app import JixiaoApp
from tui.ui.help_screen import HelpScreen

SIZE = (80, 24)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def pension(tmp_path: Path) -> Path:
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    return path


def status(app: JixiaoApp) -> str:
    """The text of the current screen's status line."""
    return str(app.screen.query_one("#status", Static).content)


# -- Esc keeps the row selected when its group changed -----------------------
@pytest.mark.parametrize(("field", "steps"), [("level2", 1), ("level1", 2)])
async def test_esc_after_changing_a_rows_group_keeps_that_row_selected(pension, field, steps):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        indicators = panel(app, "indicators")
        indicators.select_row(4)  # 完成各项代发所需办公成本, the second 成本指标 row
        uid = screen.session.table.indicators[4].uid
        await pilot.press("enter", *["shift+tab"] * steps)  # from 三级 back to 二级 / 一级
        assert indicators.form.current == field
        await pilot.press("ctrl+u")
        await type_text(pilot, "新组")
        await pilot.press("escape")
        await pilot.pause()
        rows = screen.session.table.indicators
        index = next(i for i, r in enumerate(rows) if r.uid == uid)
        assert getattr(rows[index], field) == "新组"
        tree = indicators.indicator_tree
        assert tree.cursor_key == ("row", uid)  # not the top of the tree
        assert screen.focused is tree
        assert indicators.form.uid == uid
        await pilot.press("d")  # a row action applies to that row
        assert [r.name for r in screen.session.table.indicators].count(rows[index].name) == 2


# -- invalid money in the difference line ------------------------------------
async def test_an_invalid_part_shows_the_difference_as_invalid_not_as_zero(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f3")
        form = panel(app, "funding").form
        await pilot.press("tab")  # 年度资金总额
        await type_text(pilot, "110")
        await pilot.press("down")  # 年度财政拨款
        await type_text(pilot, "abc")
        assert screen.session.table.funding.annual.fiscal is None  # never 0
        assert screen.session.invalid == {("funding", "annual", "fiscal"): "abc"}
        line = form.shown_text("difference").plain
        assert "金额无效" in line and "110" not in line  # not "差额 +110" (abc taken as 0)
        await pilot.press("ctrl+u")
        await type_text(pilot, "110")
        assert "金额无效" not in form.shown_text("difference").plain
        assert "相符" in form.shown_text("difference").plain


async def test_the_issue_case_abc_total_beside_a_fiscal_amount(pension):
    """``abc`` in 资金总额 with 财政拨款 110 once showed 差额 −110.00."""
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "tab", "down")
        await type_text(pilot, "110")
        await pilot.press("up")
        await type_text(pilot, "abc")
        line = panel(app, "funding").form.shown_text("difference").plain
        assert line.count("金额无效") == 1 and "110" not in line
        assert "相符" in line.split("金额无效")[0]  # the 中期 column is unaffected


# -- the palette ----------------------------------------------------------------
async def _palette_prompts(pilot) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    for _ in range(50):  # the providers fill the list in a worker
        if options.option_count:
            break
        await pilot.pause(0.02)
    await pilot.pause(0.1)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_palette_offers_our_actions_only_in_chinese_with_their_keys(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        scopes = editor(app).PALETTE_SCOPES
        prompts = await _palette_prompts(pilot)
    expected: dict[str, str] = {}
    for spec in ACTIONS:
        if spec.scope in scopes and spec.palette:
            expected.setdefault(spec.action, f"{spec.zh}  {spec.key_display}")
    assert sorted(prompts) == sorted(expected.values())
    assert len(prompts) == len(set(prompts))  # nothing listed twice
    for prompt in prompts:
        assert CJK.search(prompt), prompt
        assert not re.search(r"\b(Screenshot|Keys|Theme|Quit|Maximize|Minimize)\b", prompt)
    assert "保存  ^s" in prompts and "总额=合计  ^g" in prompts


async def test_total_equals_sum_from_the_palette_on_the_indicators_panel(pension):
    """The palette's 总额=合计 once did nothing unless the funding panel was shown.

    Now it shows the funding panel and sets the total of the column under its
    cursor, as F3 then ^g does.
    """
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        screen.session.edit(("funding", "annual", "fiscal"), "100")
        screen.session.edit(("funding", "annual", "other"), "3.00")
        screen.session.edit(("funding", "medium", "total"), "1")
        assert screen.current_panel == "indicators"
        await _palette_prompts(pilot)
        await pilot.press(*"total")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert screen.current_panel == "funding"
        assert screen.session.table.funding.medium.total == Decimal("103.00")
        await pilot.press("tab", "f5")  # the cursor to the 年度 column, back to 指标
        await _palette_prompts(pilot)
        await pilot.press(*"total")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert screen.session.table.funding.annual.total == Decimal("103.00")


async def test_the_workspace_palette_offers_workspace_actions(tmp_path):
    shutil.copy(DATA / PENSION, tmp_path / PENSION)
    app = JixiaoApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        prompts = await _palette_prompts(pilot)
    assert "新建表格  n" in prompts and "打开  Enter" in prompts
    assert not [p for p in prompts if "保存" in p or "新增" in p]  # no editor actions


# -- one status line, never a toast ------------------------------------------
async def test_messages_go_to_the_status_line_never_to_toasts(pension, monkeypatch):
    pension.chmod(0o444)
    app = JixiaoApp(file=TableFile.load(pension))
    toasts: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: toasts.append(message))
    async with app.run_test(size=SIZE) as pilot:
        assert "只读" in status(app)
        await pilot.press("x")  # delete a row
        assert "已删除" in status(app)
        await pilot.press("f3", "tab")
        await type_text(pilot, "abc")
        await pilot.press("ctrl+s")  # refused: an invalid amount
        assert "无效" in status(app)
        await pilot.press("ctrl+u", "f8")
        assert re.match(r"\d+/\d+ ", status(app))
        await pilot.press("ctrl+s")  # refused: the file is read-only
        await pilot.pause()
        assert status(app).strip() and "已保存" not in status(app)
        assert not app.screen.query("Toast")
        assert len(status(app).splitlines()) == 1
    assert toasts == []


# -- the workspace ------------------------------------------------------------
async def test_the_workspace_has_its_own_f1(tmp_path):
    shutil.copy(DATA / PENSION, tmp_path / PENSION)
    app = JixiaoApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        shown = str(help_screen.query_one(Static).content)
        workspace_names = {s.zh for s in ACTIONS if s.scope == "workspace"}
        editor_only = {s.zh for s in ACTIONS if s.scope in ("tree", "row", "funding")}
        editor_only -= workspace_names
        assert all(name in shown for name in workspace_names)
        assert not [name for name in editor_only if name in shown], shown
        assert "新增" not in shown and "^s" not in shown
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("escape")  # does nothing harmful on the workspace


async def test_the_workspace_ignores_non_table_toml_and_moves_with_j_and_k(tmp_path):
    for name in (PENSION, RETIREES):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "jixiao.toml").write_text('[check]\nignore = ["V"]\n', encoding="utf-8")
    app = JixiaoApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(DataTable)
        keys = [row.value for row in grid.rows]
        assert sorted(Path(k).name for k in keys if k) == sorted([PENSION, RETIREES])
        assert grid.cursor_row == 0
        await pilot.press("j")
        assert grid.cursor_row == 1
        await pilot.press("k")
        assert grid.cursor_row == 0


# -- file modes -----------------------------------------------------------------
@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


async def test_a_new_table_honours_the_umask(tmp_path, umask_027):
    app = JixiaoApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "新表")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    path = tmp_path / "新表.toml"
    assert load_table(path) is not None
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask_027  # 0o640, not 0o600


async def test_saving_keeps_the_files_own_mode(pension, umask_027):
    pension.chmod(0o664)
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).session.edit(("project", "name"), "改过")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_table(pension).header.name == "改过"
    assert stat.S_IMODE(pension.stat().st_mode) == 0o664


async def test_export_honours_the_umask(pension, umask_027):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    exported = pension.with_suffix(".txt")
    assert exported.exists(), key_label("enter")
    assert stat.S_IMODE(exported.stat().st_mode) == 0o640


async def test_j_and_k_scroll_the_help_like_every_list(tmp_path):
    """Found trying it as a new user: ↓ and PgDn scrolled F1's page, j and k did not."""
    from textual.containers import VerticalScroll

    shutil.copy(DATA / PENSION, tmp_path / PENSION)
    app = JixiaoApp(file=TableFile.load(tmp_path / PENSION))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        page = app.screen.query_one(VerticalScroll)
        assert page.max_scroll_y > 3
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert page.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert page.scroll_y == 2
        for key in "jjjk":  # the same keys in one burst, as over SSH
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert page.scroll_y == 4
        assert isinstance(app.screen, HelpScreen)
