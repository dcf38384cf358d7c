"""The tree repaints only the lines on screen after an edit; lines off screen show the
model as it is when they are scrolled into view (a keystroke in a 10,000-row table costs
the lines on screen, not every line)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA
from tui.model import Indicator
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table
from tui.ui.app import JixiaoApp
from tui.ui.editor_screen import EditorScreen
from tui.ui.widgets.indicator_tree import IndicatorTree


async def test_a_row_changed_off_screen_shows_its_new_text_when_scrolled_to(tmp_path: Path):
    table = load_table(DATA / "养老保险专项业务经费.toml")
    group = table.indicators[0]
    table.indicators[1:1] = [
        Indicator(group.level1, group.level2, f"行{n:03d}", "1次", "1次") for n in range(80)
    ]
    path = tmp_path / "big.toml"
    path.write_text(dump_table(table), encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        tree = screen.query_one(IndicatorTree)
        last = next(i for i, r in enumerate(screen.session.table.indicators) if r.name == "行079")
        screen.apply_edit(("indicators", last, "medium"), "≥99次")  # far below the screen
        await pilot.pause()
        uid = screen.session.table.indicators[last].uid
        y = next(y for y, line in enumerate(tree.lines) if line.key == ("row", uid))
        assert y > tree.size.height  # off screen when it changed
        tree.scroll_to(y=y - 2, animate=False)
        await pilot.pause()
        shown = tree.render_line(2).text
        assert "行079" in shown and "≥99次" in shown
