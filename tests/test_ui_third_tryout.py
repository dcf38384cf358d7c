"""Defects found by the third new-user tryout (tmux, 80×24, keyboard only), kept as tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static

from tests.conftest import DATA
from tests.test_ui_flows import PENSION, type_text
from tui.editing.recovery import recovery_path
from tui.skeleton import new_table_file
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp
from tui.ui.dialogs import ChoiceDialog
from tui.ui.editor_screen import EditorScreen

SIZE = (80, 24)


@pytest.fixture
def pension(tmp_path: Path) -> Path:
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    return path


async def test_discarding_on_quit_removes_the_recovery(pension):
    before = pension.read_bytes()
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "end")
        await type_text(pilot, "X")
        app.journal.flush()  # the journal has written the edit (3 s after typing)
        assert recovery_path(pension).exists()
        await pilot.press("ctrl+q", "d")  # 放弃修改
        await pilot.pause()
    assert not recovery_path(pension).exists()  # was written again by the close
    assert pension.read_bytes() == before
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen), "the discarded edits were offered"


async def test_a_new_table_discarded_on_quit_leaves_nothing(tmp_path: Path):
    path = tmp_path / "试验.toml"
    app = JixiaoApp(file=new_table_file(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "项目")
        app.journal.flush()
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
    assert not path.exists() and not recovery_path(path).exists()
    assert list(tmp_path.iterdir()) == []


# -- found by the fourth tryout: a line break pasted into a value field ----------------------


async def _paste_into_row_field(pension: Path, pasted: str, enters: int) -> str:
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await pilot.press("enter", *["enter"] * enters, "ctrl+u")  # 三级 → 中期值 → 年度值
        rows = len(screen.session.table.indicators)
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        assert len(screen.session.table.indicators) == rows  # not taken for rows
        row = screen.session.table.indicators[0]
        return row.medium if enters == 1 else row.annual


@pytest.mark.parametrize("pasted", ["≥95%\r（按季度）", "≥95%\r\n（按季度）", "≥95%\n（按季度）\n"])
async def test_a_pasted_line_break_is_a_line_break_in_the_field(pension, pasted):
    # tmux and xterm send a pasted line break as CR; a copied cell ends with CRLF
    assert await _paste_into_row_field(pension, pasted, 1) == "≥95%\n（按季度）"
    assert await _paste_into_row_field(pension, pasted, 2) == "≥95%\n（按季度）"


async def test_a_new_table_cut_off_before_its_first_save_is_listed_and_recovered(tmp_path: Path):
    path = tmp_path / "新表甲.toml"
    app = JixiaoApp(file=new_table_file(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "项目")
        app.journal.flush()  # then the link drops: the recovery is all there is
    assert not path.exists() and recovery_path(path).exists()
    shutil.copy(DATA / PENSION, tmp_path / PENSION)
    app = JixiaoApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        workspace = app.screen
        assert workspace.paths == [tmp_path / PENSION, path]  # listed after the tables
        await pilot.press("j", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "新建空表" in str(dialog.query_one(".dialog-keys", Static).render())
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.session.table.header.name.endswith("项目")
