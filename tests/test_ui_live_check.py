"""On a large table a keystroke's check follows its echo; the result is never stale for
what acts on it, and a burst of keys costs one check (``tui.ui.live_check``)."""

from __future__ import annotations

from pathlib import Path

from textual import events

from tests.conftest import DATA
from tui.checking import check
from tui.model import Indicator
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table
from tui.ui.app import JixiaoApp
from tui.ui.editor_screen import EditorScreen
from tui.ui.live_check import LARGE_TABLE


def _table(tmp_path: Path, rows: int) -> Path:
    table = load_table(DATA / "养老保险专项业务经费.toml")
    group = table.indicators[0]
    table.indicators[1:1] = [
        Indicator(group.level1, group.level2, f"行{n:04d}", "", "1次") for n in range(rows)
    ]
    path = tmp_path / "big.toml"
    path.write_text(dump_table(table), encoding="utf-8")
    return path


def _same(result, table) -> bool:
    scratch = check(table)
    return result.counts == scratch.counts and result.problems == scratch.problems


async def test_a_large_tables_check_follows_the_echo_and_a_burst_costs_one(tmp_path: Path):
    app = JixiaoApp(file=TableFile.load(_table(tmp_path, LARGE_TABLE)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        checks = []
        checked = screen.checked
        screen.checked = lambda: checks.append(1) or checked()  # type: ignore[method-assign]
        await pilot.press("enter", "enter")  # the first row's 中期值
        await pilot.pause()
        checks.clear()
        for ch in "123":  # one burst: all posted before any is handled
            app.post_message(events.Key(ch, ch))
        await pilot.pause()
        table = screen.session.table
        assert table.indicators[0].medium.endswith("123")
        assert not screen.check_due and _same(screen.result, table)
        assert len(checks) < 3  # the burst was checked once (or twice), not per key


async def test_what_acts_on_problems_never_sees_a_stale_result(tmp_path: Path):
    app = JixiaoApp(file=TableFile.load(_table(tmp_path, LARGE_TABLE)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        before = screen.result.counts["error"]
        screen.apply_edit(("indicators", 1, "medium"), "≥5次")  # fills a blank 中期值 (T008)
        assert screen.check_due  # not checked yet: after the next frame
        fresh = screen.fresh_result()
        assert not screen.check_due and fresh.counts["error"] == before - 1
        assert _same(fresh, screen.session.table)


async def test_an_ordinary_table_is_checked_with_the_key(tmp_path: Path):
    app = JixiaoApp(file=TableFile.load(_table(tmp_path, 20)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        screen.apply_edit(("indicators", 1, "medium"), "≥5次")
        assert not screen.check_due and _same(screen.result, screen.session.table)
