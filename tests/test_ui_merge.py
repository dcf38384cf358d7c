"""The editor's merge-on-save and conflict resolution through Pilot, on real files.

Someone else saves the table while it is open; ^s offers merge (Enter), reload
or overwrite. Conflicts are settled with m / t / b, Esc leaves them in the file
(rule M001), undo takes each resolution back and then the merge itself. A file
left with conflict records by ``jixiao merge`` shows them in F6, where Enter
(and ^r anywhere) resolves them.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.checking import check_path
from tui.history.conflicts import RECORD_KEY, conflicts_in
from tui.history.files import merge_files
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table
from tui.ui.app import JixiaoApp
from tui.ui.conflicts import ConflictDialog
from tui.ui.dialogs import ChoiceDialog
from tui.ui.editor_screen import EditorScreen

PENSION = "养老保险专项业务经费.toml"
SIZE = (80, 24)
NAME = 'name = "养老保险专项业务经费"'
PERIOD = 'period = "2021至2023"'
ACCURACY = 'name = "各项代发放金额准确率"\nmedium = "100%"\nannual = "100%"'  # row 2
GOAL_START = 'annual = "通过该项目的实施'


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / PENSION
    shutil.copy(DATA / PENSION, target)
    return target


def rewrite(path: Path, *pairs: tuple[str, str]) -> str:
    """Someone else edits the file on disk (each ``old`` occurs once)."""
    text = path.read_text("utf-8")
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    return text


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [d for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---"))]


def editor(app: JixiaoApp) -> EditorScreen:
    screens = [s for s in app.screen_stack if isinstance(s, EditorScreen)]
    return screens[-1]


def status(app: JixiaoApp) -> str:
    return editor(app).query_one("#status").render().plain


def codes(app: JixiaoApp) -> list[str]:
    return [p.code for p in editor(app).result.problems]


async def save_and_merge(pilot) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.press("enter")  # merge is the default
    await pilot.pause()


async def test_a_clean_merge_saves_at_once_and_says_so(path):
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        session = editor(app).session
        session.edit(("project", "implementer"), "新单位")
        disk = rewrite(path, (PERIOD, 'period = "2021至2024"'))
        await save_and_merge(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert "合并" in status(app) and "saved" in status(app)
        assert not session.modified
        assert session.table.header.period == "2021至2024"  # theirs, now in the buffer
    assert changed_lines(disk, path.read_text("utf-8")) == [
        '-implementer = "六安市养老保险基金管理中心"',
        '+implementer = "新单位"',
    ]


async def _three_conflicts(pilot, path: Path) -> str:
    """Mine and theirs both change 项目名称, 年度目标 and row 2's 年度值, differently."""
    session = editor(pilot.app).session
    session.edit(("project", "name"), "我的名称")
    session.edit(("goals", "annual"), "我的年度目标")
    session.edit(("indicators", 1, "annual"), "≥99%")
    session.edit(("project", "implementer"), "新单位")  # mine only: merges cleanly
    disk = rewrite(
        path,
        (NAME, 'name = "对方名称"'),
        (GOAL_START, 'annual = "对方年度目标'),
        (ACCURACY, ACCURACY.replace('annual = "100%"', 'annual = "≥98%"')),
        (PERIOD, 'period = "2021至2024"'),  # theirs only
    )
    await save_and_merge(pilot)
    assert isinstance(pilot.app.screen, ConflictDialog)
    return disk


async def test_each_conflict_is_shown_and_settled_by_its_key_then_saved(path):
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await _three_conflicts(pilot, path)
        body = app.screen.query_one("#conflict-body").render().plain
        assert "项目名称" in body and "我的名称" in body and "对方名称" in body
        assert "养老保险专项业务经费" in body  # base
        await pilot.press("m")  # 项目名称: mine
        body = app.screen.query_one("#conflict-body").render().plain
        assert (
            "年度目标" in body and "2/3" in app.screen.query_one("#conflict-title").render().plain
        )
        await pilot.press("t")  # 年度目标: theirs
        assert "第2行 年度值" in app.screen.query_one("#conflict-body").render().plain
        await pilot.press("b")  # 年度值: base
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert not editor(app).session.modified and "M001" not in codes(app)
    saved = load_table(path)
    assert saved.header.name == "我的名称"
    assert saved.goals.annual is not None and saved.goals.annual.startswith("对方年度目标")
    assert saved.indicators[1].annual == "100%"
    assert (saved.header.implementer, saved.header.period) == ("新单位", "2021至2024")
    assert RECORD_KEY not in path.read_text("utf-8")


async def test_escape_leaves_the_rest_as_records_reported_as_m001(path):
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await _three_conflicts(pilot, path)
        await pilot.press("t", "escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert codes(app).count("M001") == 2
        assert "2" in status(app) and "M001" in status(app)
        assert not editor(app).session.modified  # saved, records and all
    report = check_path(path)
    assert report.result is not None
    assert [p.code for p in report.result.problems].count("M001") == 2
    assert load_table(path).header.name == "对方名称"


async def test_undo_takes_back_each_resolution_then_the_merge(path):
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        disk = await _three_conflicts(pilot, path)
        await pilot.press("t", "t", "t")
        await pilot.pause()
        session = editor(app).session
        assert session.table.header.name == "对方名称" and not conflicts_in(session.table)
        await pilot.press("ctrl+z")
        assert [c.key for c in conflicts_in(session.table)] == ["annual"]  # row 2's is back
        await pilot.press("ctrl+z", "ctrl+z")
        assert len(conflicts_in(session.table)) == 3
        await pilot.press("ctrl+z")  # before the merge: my table, on the disk version
        table = session.table
        assert (table.header.name, table.header.period) == ("我的名称", "2021至2023")
        assert not conflicts_in(table)
        await pilot.press("ctrl+y")
        assert session.table.header.period == "2021至2024"
        await pilot.press("ctrl+z", "ctrl+s")  # my table saved over theirs, cell by cell
        await pilot.pause()
        assert not session.modified
    changed = changed_lines(disk, path.read_text("utf-8"))
    assert len(changed) == 10  # 5 cells, one line each (the goal's line is long)
    assert '+period = "2021至2023"' in changed and '+annual = "≥99%"' in changed


def _conflicted_file(folder: Path) -> Path:
    """The table as ``jixiao merge`` leaves it after two branches changed the same cells."""
    base = (DATA / PENSION).read_bytes()
    text = base.decode("utf-8")
    mine = folder / PENSION
    mine.write_text(
        text.replace(NAME, 'name = "甲名称"').replace(PERIOD, 'period = "2021至2024"'), "utf-8"
    )
    accuracy = ACCURACY.replace('annual = "100%"', 'annual = "≥95%"')  # theirs only: merges
    theirs = text.replace(NAME, 'name = "乙名称"').replace(ACCURACY, accuracy)
    theirs = theirs.replace(PERIOD, 'period = "2021至2025"')
    merged = merge_files(base, mine, theirs.encode("utf-8"))
    assert len(merged.conflicts) == 2
    mine.write_bytes(merged.data)
    return mine


async def test_a_file_with_conflict_records_shows_them_and_enter_resolves(tmp_path):
    path = _conflicted_file(tmp_path)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        screen = editor(app)
        problems = screen.result.problems
        conflicts = [i for i, p in enumerate(problems) if p.code == "M001"]
        assert [problems[i].ref for i in conflicts] == [("project", "name"), ("project", "period")]
        screen.panels["problems"].highlighted = conflicts[1]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert "项目期" in app.screen.query_one("#conflict-body").render().plain  # the one chosen
        await pilot.press("t")
        assert "项目名称" in app.screen.query_one("#conflict-body").render().plain  # then the other
        await pilot.press("escape")
        await pilot.pause()
        assert screen.session.table.header.period == "2021至2025"
        assert codes(app).count("M001") == 1
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert "M001" not in codes(app) and screen.session.table.header.name == "甲名称"
        await pilot.press("ctrl+z")
        assert codes(app).count("M001") == 1
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    text = path.read_text("utf-8")
    assert RECORD_KEY not in text and 'period = "2021至2025"' in text


async def test_resolving_without_conflicts_says_so(path):
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert "没有合并冲突" in status(app)


async def test_reload_and_overwrite_are_still_offered(path):
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).session.edit(("project", "name"), "我的名称")
        rewrite(path, (NAME, 'name = "对方名称"'))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert load_table(path).header.name == "我的名称"
