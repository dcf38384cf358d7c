"""Defects found by the second new-user tryout (tmux, 80×24, keyboard only), each kept as a test.

Recovery offered after a save or a revert; an invalid amount leaving a transient value in
the model; a change on disk going unnoticed; a new table quitting without a prompt; j/k in
the problem list; the funding grid's heading after a resize; the workspace at 60 columns.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from rich.text import Text
from textual import events
from textual.command import CommandPalette
from textual.widgets import DataTable, Input

from benchmarks.ptyrun import PtyProcess, pty_env
from tests.conftest import DATA, ROOT
from tests.test_ui_flows import PENSION, RETIREES, editor, panel, type_text
from tui.editing.recovery import recovery_path, write_recovery
from tui.skeleton import new_table_file
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table
from tui.ui import recovery_journal
from tui.ui.app import JixiaoApp
from tui.ui.dialogs import ChoiceDialog
from tui.ui.disk_watch import INTERVAL
from tui.ui.editor_screen import EditorScreen
from tui.ui.workspace_screen import WorkspaceScreen, workspace_columns

SIZE = (80, 24)
NAME = ("project", "name")
TOTAL = ("funding", "medium", "total")


@pytest.fixture
def pension(tmp_path: Path) -> Path:
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    return path


def _status(app: JixiaoApp) -> str:
    return str(editor(app).query_one("#status").render())


def _title(app: JixiaoApp) -> str:
    return str(editor(app).query_one("#title").render())


async def _type_into_name(pilot, text: str) -> None:
    await pilot.press("f2", "end")
    await type_text(pilot, text)


async def _opens_without_an_offer(path: Path) -> None:
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen), "recovery offered again"


# -- 1. the recovery journal ------------------------------------------------------------


async def test_no_recovery_after_an_edit_was_journaled_then_saved(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await _type_into_name(pilot, "改")
        app.journal.flush()  # the journal has written the edit
        assert recovery_path(pension).exists()
        await pilot.press("ctrl+s")
        assert not recovery_path(pension).exists()
        await pilot.press("ctrl+q")  # at once, before the journal's next look
    assert not recovery_path(pension).exists()
    assert load_table(pension).header.name.endswith("改")
    await _opens_without_an_offer(pension)


async def test_no_recovery_after_undoing_back_to_the_saved_state_and_quitting(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await _type_into_name(pilot, "改")
        app.journal.flush()
        await pilot.press("ctrl+z", "ctrl+q")  # unmodified again: quits without asking
    assert not app.is_running
    assert not recovery_path(pension).exists()
    await _opens_without_an_offer(pension)


async def test_reload_from_disk_removes_the_recovery(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await _type_into_name(pilot, "改")
        app.journal.flush()
        pension.write_text(pension.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        await pilot.press("ctrl+s")  # changed on disk: merge / reload / overwrite
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await pilot.pause()
        assert not editor(app).session.modified
        assert not recovery_path(pension).exists()
    await _opens_without_an_offer(pension)


async def test_a_journal_write_in_flight_during_the_save_leaves_no_recovery(pension, monkeypatch):
    writing, real_write = threading.Event(), recovery_journal.write_recovery

    def slow_write(file):
        writing.set()
        time.sleep(0.3)  # the save happens meanwhile
        return real_write(file)

    monkeypatch.setattr(recovery_journal, "write_recovery", slow_write)
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await _type_into_name(pilot, "改")
        later = time.monotonic() + 100
        app.journal.poll(later)
        app.journal.poll(later + recovery_journal.MAX_DELAY)  # the write is due: queued
        assert await asyncio.to_thread(writing.wait, 5)
        await pilot.press("ctrl+s")
        await asyncio.sleep(0.5)  # the write in flight would have landed by now
        assert not recovery_path(pension).exists()
        await pilot.press("ctrl+q")
    assert not recovery_path(pension).exists()
    await _opens_without_an_offer(pension)


async def test_the_journal_writes_nothing_for_an_unmodified_session(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await _type_into_name(pilot, "改")
        await pilot.press("ctrl+z")
        later = time.monotonic() + 100
        app.journal.poll(later)
        app.journal.poll(later + recovery_journal.MAX_DELAY)
        await asyncio.sleep(0.2)
        assert not recovery_path(pension).exists()
        app.journal.flush()
        assert not recovery_path(pension).exists()


async def test_a_hangup_while_the_recovery_is_offered_keeps_it(pension):
    file = TableFile.load(pension)
    file.table.goals.annual = "上次的修改"
    write_recovery(file)
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        app.write_recoveries()  # what SIGHUP runs: the question was never answered
    assert "上次的修改" in recovery_path(pension).read_text(encoding="utf-8")


F2, END, CTRL_S, CTRL_Z, CTRL_Q = b"\x1bOQ", b"\x1b[F", b"\x13", b"\x1a", b"\x11"


def _editor_process(path: Path) -> PtyProcess:
    env = pty_env({"PYTHONPATH": str(ROOT)})
    return PtyProcess([sys.executable, "-m", "tui", str(path)], cwd=str(path.parent), env=env)


def _edit_and_let_the_journal_write(child: PtyProcess, path: Path) -> None:
    child.wait_for(path.name.encode("utf-8"))
    child.send(F2)
    child.drain_for(0.4)
    child.send(END + "（改）".encode())
    child.drain_for(2.5)  # the journal has written it
    assert recovery_path(path).exists()


@pytest.mark.slow
@pytest.mark.parametrize("keys", [CTRL_S + CTRL_Q, CTRL_Z + CTRL_Q], ids=["save", "undo"])
def test_real_editor_saved_or_reverted_then_quit_leaves_no_recovery(pension, keys):
    with _editor_process(pension) as child:
        _edit_and_let_the_journal_write(child, pension)
        child.send(keys)  # in one read: quit right after the save / the undo
        deadline = time.monotonic() + 10
        while child.proc.poll() is None and time.monotonic() < deadline:
            child.pump(0.05)
        assert child.proc.poll() is not None, "still running: quit asked something"
    assert not recovery_path(pension).exists()
    assert ("（改）" in pension.read_text(encoding="utf-8")) == (keys == CTRL_S + CTRL_Q)


@pytest.mark.slow
async def test_real_editor_killed_after_an_edit_offers_the_recovery(pension):
    with _editor_process(pension) as child:
        _edit_and_let_the_journal_write(child, pension)
        os.kill(child.proc.pid, signal.SIGKILL)
        child.proc.wait()
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await pilot.pause()
        assert editor(app).session.table.header.name.endswith("（改）")


# -- 2. an invalid amount -------------------------------------------------------------


async def _funding_total(pilot) -> None:
    await pilot.press("f3")
    form = panel(pilot.app, "funding").form
    form.focus_field(TOTAL)
    await pilot.pause()


@pytest.mark.parametrize("typed", ["abc", "99x", "103.00103x"])
async def test_an_invalid_amount_leaves_the_value_from_before_the_typing_run(pension, typed):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        session = editor(app).session
        start = session.table.get(TOTAL)
        await _funding_total(pilot)
        await pilot.press("ctrl+u")  # a blank total on the way is a valid value (None)
        await type_text(pilot, typed)
        assert session.table.get(TOTAL) == start and str(session.table.get(TOTAL)) == "103.00"
        await pilot.press("tab")  # leave the field with the invalid text
        form = panel(app, "funding").form
        assert form.value(TOTAL) == typed and form.state[TOTAL].invalid
        assert session.table.get(TOTAL) == start
        await pilot.press("ctrl+s")  # refused while a value is invalid
    assert load_table(pension).funding.medium.total == Decimal("103.00")


async def test_the_typing_run_starts_again_when_the_field_is_entered_again(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        session = editor(app).session
        await _funding_total(pilot)
        await pilot.press("ctrl+u")
        await type_text(pilot, "12")
        await pilot.press("tab", "shift+tab")  # out of the field and back
        await type_text(pilot, "x")
        assert session.table.get(TOTAL) == Decimal("12")  # not the 103.00 from before "12"
        await pilot.press("backspace")
        assert session.table.get(TOTAL) == Decimal("12") and not session.invalid
        await pilot.press("ctrl+z")
        assert str(session.table.get(TOTAL)) == "103.00"


# -- 3. a change on disk ----------------------------------------------------------------


async def test_a_change_on_disk_is_noticed_said_and_never_overwritten(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await _type_into_name(pilot, "改")
        theirs = pension.read_text(encoding="utf-8").replace("市人社局", "同事改的")
        pension.write_text(theirs, encoding="utf-8")  # another program writes the file
        await asyncio.sleep(INTERVAL + 0.5)
        await pilot.pause()
        assert "文件已在磁盘上被修改（file changed on disk）" in _status(app)
        assert "changed on disk" in _title(app)
        session = editor(app).session
        assert session.table.header.department != "同事改的"  # not reloaded behind my back
        assert pension.read_text(encoding="utf-8") == theirs  # nor overwritten
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("m")  # merge my edits onto theirs
        await pilot.pause()
        assert "changed on disk" not in _title(app)
    saved = load_table(pension)
    assert saved.header.department == "同事改的" and saved.header.name.endswith("改")


async def test_my_own_save_is_not_a_change_on_disk(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        screen.look_at_disk()
        await _type_into_name(pilot, "改")
        await pilot.press("ctrl+s")
        screen.look_at_disk()
        assert not screen.changed_on_disk and "changed on disk" not in _status(app)
        pension.unlink()
        screen.look_at_disk()
        assert "file deleted on disk" in _status(app) and screen.changed_on_disk


# -- 4. a new table ----------------------------------------------------------------------


async def test_a_never_saved_table_asks_before_quitting(tmp_path):
    path = tmp_path / "新项目.toml"
    app = JixiaoApp(file=new_table_file(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert editor(app).session.modified and "●" in _title(app)
        app.journal.flush()
        assert not recovery_path(path).exists()  # nothing typed: nothing to recover
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("s")
        await pilot.pause()
    assert not app.is_running
    assert load_table(path).framework == new_table_file(path).table.framework


# -- 5. the problem list ----------------------------------------------------------------


async def test_j_and_k_move_in_the_problem_list_like_the_arrows(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        problems = panel(app, "problems")
        count = len(editor(app).result.problems)
        assert problems.highlighted == 0 and count > 3
        await pilot.press("j", "j")
        assert problems.highlighted == 2
        await pilot.press("k")
        assert problems.highlighted == 1
        await pilot.press("G")
        assert problems.highlighted == count - 1
        jumps = []

        async def jump_to(ref):
            jumps.append(ref)

        editor(app).jump_to = jump_to  # type: ignore[method-assign]
        await pilot.press("g", "j", "enter")  # the Enter sees the line j chose
        await pilot.pause()
        assert jumps == [editor(app).result.problems[1].ref]


# -- 6. the funding grid's columns ------------------------------------------------------


def _columns_of(form, y: int, words: list[str]) -> list[int]:
    """The cell where each of ``words`` starts on line ``y`` of the form."""
    text = form.render_line(y).text
    found = []
    for word in words:
        index = text.index(word)
        found.append(Text(text[:index]).cell_len)
    return found


async def test_the_funding_heading_and_difference_stay_over_their_columns(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        form = panel(app, "funding").form
        for size in [(120, 40), (80, 24), (100, 30), (60, 20)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            line = form.render_line(1).text  # 资金总额  103.00  空
            annual = Text(line[: line.rindex("空")]).cell_len
            assert _columns_of(form, 0, ["年度"]) == [annual], size
            assert _columns_of(form, 4, ["（空）"]) == [annual], size
            assert _columns_of(form, 0, ["中期"]) == _columns_of(form, 1, ["103.00"]), size


# -- 7. the workspace at 60 columns ------------------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
@pytest.mark.parametrize("longest", [10, 30, 60])
def test_workspace_columns_fit_and_keep_the_counts(width, longest):
    columns = workspace_columns(longest, width)
    labels = [label for label, _ in columns]
    assert labels[0] == "文件" and labels[-3:] == ["错误", "警告", "提示"]
    total = sum(w + 2 for _, w in columns)
    assert total <= width or columns[0][1] == 12  # only the narrowest file column may overflow
    if "项目名称" in labels:
        assert dict(columns)["项目名称"] >= 10
        assert dict(columns)["文件"] == min(longest, 40)  # the project name gives way first


async def test_workspace_at_60_columns_then_wider_keeps_counts_and_cursor(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for name in (PENSION, RETIREES):
        shutil.copy(DATA / name, folder / name)
    app = JixiaoApp(folder=folder)
    async with app.run_test(size=(60, 20)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        table = screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["文件", "错误", "警告", "提示"]
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= 60
        assert str(table.get_row_at(0)[1]).startswith("✖")
        await pilot.press("j")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["文件", "项目名称", "错误", "警告", "提示"]
        assert table.cursor_row == 1
        assert str(table.get_row_at(1)[2]).startswith("✖")  # counts kept, not re-read


# -- the command palette ------------------------------------------------------------------


async def test_a_burst_after_ctrl_u_in_the_palette_keeps_every_key_in_order(pension):
    app = JixiaoApp(file=TableFile.load(pension))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        keys = [("a", "a"), ("b", "b"), ("ctrl+u", "\x15"), ("x", "x"), ("y", "y")]
        keys += [("backspace", "\x7f"), ("z", "z")]
        for key, character in keys:  # one read: nothing handled in between
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert app.screen.query_one(Input).value == "xz"
