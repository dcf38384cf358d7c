"""Esc and the keys after it in one read: Textual's parser reports the Esc as ``^``."""

from __future__ import annotations

import shutil

from textual import events

from tests.conftest import DATA
from tests.test_ui_flows import PENSION, editor, panel
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp


async def test_a_caret_followed_at_once_by_keys_is_the_lost_escape(tmp_path):
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = editor(app)
        # What the parser makes of "Enter Enter Enter ^u AB Esc j" read in one go:
        keys = [("enter", "\r")] * 3 + [("ctrl+u", "\x15"), ("A", "A"), ("B", "B")]
        keys += [("circumflex_accent", "^"), ("j", "j")]
        for key, character in keys:
            app.post_message(events.Key(key, character))
        await pilot.pause(0.3)
        assert screen.session.table.indicators[0].annual == "AB"
        assert screen.focused is panel(app, "indicators").indicator_tree


async def test_a_caret_typed_alone_is_a_caret(tmp_path):
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = editor(app)
        await pilot.press("enter", "ctrl+u")
        app.post_message(events.Key("circumflex_accent", "^"))
        await pilot.pause(0.2)
        assert screen.session.table.indicators[0].name == "^"
