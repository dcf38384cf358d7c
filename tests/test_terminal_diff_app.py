"""Screen equivalence with the real editor: every frame it draws, raw and through the writer.

The app runs in-process with ``TeeDriver`` (``tests/tee_driver.py``): what
Textual writes goes unchanged to one pair of emulated terminals and through
``CellDiff`` to another. After every step of each script the two screens must
be equal cell for cell (characters, colours, attributes; blanks by what they
show), in this suite's strict emulator and in pyte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events

from tests.conftest import DATA
from tests.tee_driver import TeeDriver
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp
from tui.ui.dialogs import ChoiceDialog

PENSION = "养老保险专项业务经费.toml"


@pytest.fixture
def app(tmp_path: Path) -> JixiaoApp:
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    return JixiaoApp(file=TableFile.load(path), driver_class=TeeDriver)


def driver() -> TeeDriver:
    assert TeeDriver.last is not None
    return TeeDriver.last


async def check(pilot, label: str) -> None:
    """Let the app draw, then compare the two screens."""
    await pilot.pause()
    mismatch = driver().mismatch()
    assert mismatch is None, f"after {label}: {mismatch}"


async def keys(pilot, *names: str) -> None:
    for name in names:
        await pilot.press(name)
        await check(pilot, name)


async def type_text(pilot, text: str) -> None:
    """Characters as a terminal (or an input method) sends them, CJK included."""
    for char in text:
        pilot.app.post_message(events.Key(char, char))
        await check(pilot, f"typing {char!r}")


@pytest.mark.parametrize("erase", [True, False], ids=["bce", "no-bce"])
async def test_move_scroll_type_and_change_focus(app, erase, monkeypatch):
    monkeypatch.setattr(TeeDriver, "erase", erase)
    async with app.run_test(headless=False, size=(80, 24)) as pilot:
        await check(pilot, "open")
        await keys(pilot, *["j"] * 6, "k", "k")  # move
        await keys(pilot, *["j"] * 25, "pagedown", "pageup", "end", "home")  # scroll
        await keys(pilot, "enter", "enter")  # into 三级, then 中期值
        await type_text(pilot, "12345abc")
        await keys(pilot, "backspace", "backspace", "backspace")
        await keys(pilot, "escape", "j", "enter")  # back to the tree, next row, its 三级
        await type_text(pilot, "中文指标ab")  # CJK over ASCII in the field and the tree
        await keys(pilot, *["backspace"] * 6)
        await type_text(pilot, "xyz")  # ASCII over CJK
        await keys(pilot, "tab", "tab", "shift+tab", "escape")
    assert driver().diffed.bytes < driver().raw.bytes / 3


async def test_every_panel_resize_and_a_dialog(app):
    async with app.run_test(headless=False, size=(80, 24)) as pilot:
        await check(pilot, "open")
        await keys(pilot, "f2", "f3", "f4", "f5", "f6", "f7", "f5", "f1", "escape")
        for width, height in ((100, 30), (60, 20), (80, 24)):
            driver().resize(width, height)
            await pilot.resize_terminal(width, height)
            await check(pilot, f"resize to {width}×{height}")
            await keys(pilot, "j", "f6", "f5")
        app.screen.session.edit(("project", "name"), "改过")
        await keys(pilot, "ctrl+q")  # unsaved: the dialog asks
        assert isinstance(app.screen, ChoiceDialog)
        await keys(pilot, "escape")
        assert not isinstance(app.screen, ChoiceDialog)
