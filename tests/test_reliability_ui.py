"""The editor's side of recovery, through Pilot: a stale recovery never silently reverts the
disk, a broken or hostile recovery file is ignored with a warning, a file deleted while
open does not crash the editor, and a save that loses a race says so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.editing.recovery import recovery_path, write_recovery
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp
from tui.ui.dialogs import ChoiceDialog
from tui.ui.editor_screen import EditorScreen

PENSION = "养老保险专项业务经费.toml"
SIZE = (80, 24)


@pytest.fixture
def table(tmp_path: Path) -> Path:
    target = tmp_path / PENSION
    shutil.copy(DATA / PENSION, target)
    return target


def _status(app: JixiaoApp) -> str:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return str(screen.query_one("#status").render())


def _recovery_after_a_colleague_pulled(table: Path) -> None:
    file = TableFile.load(table)
    file.table.goals.annual = "我的修改"
    write_recovery(file)
    text = table.read_text(encoding="utf-8").replace("市人社局", "同事改的")
    table.write_text(text, encoding="utf-8")


async def test_stale_recovery_is_offered_with_a_warning_and_kept_aside(table):
    _recovery_after_a_colleague_pulled(table)
    app = JixiaoApp(file=TableFile.load(table))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "旧版本" in dialog.title_text and "revert" in dialog.message
        await pilot.press("k")
        await pilot.pause()
        session = app.screen.session
        assert session.table.header.department == "同事改的"  # the disk version is open
        assert not session.modified
    kept = list(table.parent.glob(f"{table.name}.jixiao-recovered-*"))
    assert len(kept) == 1 and "我的修改" in kept[0].read_text(encoding="utf-8")
    assert not recovery_path(table).exists()
    assert "同事改的" in table.read_text(encoding="utf-8")


async def test_stale_recovery_escape_keeps_it_too(table):
    _recovery_after_a_colleague_pulled(table)
    app = JixiaoApp(file=TableFile.load(table))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert len(list(table.parent.glob("*.jixiao-recovered-*"))) == 1


async def test_hostile_recovery_is_ignored_with_a_warning(table, tmp_path):
    deep = "x = " + "[" * 600 + "]" * 600 + "\n"
    recovery_path(table).write_text(deep, encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(table))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert "已忽略" in _status(app)
    recovery_path(table).unlink()
    recovery_path(table).symlink_to(tmp_path / "elsewhere")
    app = JixiaoApp(file=TableFile.load(table))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "符号链接" in _status(app)
        app.screen.session.edit(("goals", "annual"), "改")
        app.write_recoveries()
        await pilot.pause()
    assert not (tmp_path / "elsewhere").exists()


async def test_file_deleted_while_open_then_reload_does_not_crash(table):
    app = JixiaoApp(file=TableFile.load(table))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.session.edit(("goals", "annual"), "未保存")
        table.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await pilot.pause()
        assert "文件不存在" in _status(app)
        assert app.screen.session.table.goals.annual == "未保存"
        app.write_recoveries()
    assert "未保存" in recovery_path(table).read_text(encoding="utf-8")


async def test_a_save_that_loses_a_race_says_so(table, monkeypatch):
    from tui.tomlfile import atomic

    real_exchange = atomic.exchange

    def racing(a, b):
        Path(b).write_text("# a colleague's version\n", encoding="utf-8")
        return real_exchange(a, b)

    monkeypatch.setattr(atomic, "exchange", racing)
    app = JixiaoApp(file=TableFile.load(table))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.session.edit(("goals", "annual"), "我的")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "jixiao-other" in _status(app)
    kept = list(table.parent.glob(f"{table.name}.jixiao-other-*"))
    assert kept and kept[0].read_text(encoding="utf-8") == "# a colleague's version\n"


async def test_undoing_a_restored_recovery_shows_the_row_it_changed(table):
    """Found trying it as a new user: ^z after restoring went to 项目信息, which nothing
    changed; it goes to the first field the recovery changed."""
    file = TableFile.load(table)
    file.table.indicators[2].level1 += "X"
    write_recovery(file)
    app = JixiaoApp(file=TableFile.load(table))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")  # restore
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.session.modified
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not screen.session.modified
        assert screen.current_panel == "indicators"
        indicators = screen.query_one("#indicators")
        assert indicators.current_index() == 2
