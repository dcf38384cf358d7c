"""Defects found by the third new-user tryout (tmux, 80×24, keyboard only), kept as tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.test_ui_flows import PENSION, type_text
from tui.editing.recovery import recovery_path
from tui.skeleton import new_table_file
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp
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
