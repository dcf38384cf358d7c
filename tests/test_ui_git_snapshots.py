"""SVG snapshots at 80×24 of the merge-conflict dialog and the history screen.

Update after a reviewed change with ``pytest tests/test_ui_git_snapshots.py --snapshot-update``.
The history is a repository made in the test with fixed authors and dates, so
its commit ids are the same on every run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA
from tests.gitrepo import GitRepo
from tests.test_ui_merge import _conflicted_file
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp

PENSION = "养老保险专项业务经费.toml"
SIZE = (80, 24)


def test_conflict_dialog(snap_compare, tmp_path: Path):
    app = JixiaoApp(file=TableFile.load(_conflicted_file(tmp_path)))
    assert snap_compare(app, press=["ctrl+r"], terminal_size=SIZE)


def test_history_screen(snap_compare, tmp_path: Path):
    git = GitRepo(tmp_path)
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    git.commit("初稿")
    text = path.read_text("utf-8")
    path.write_text(text.replace('annual = "100%"', 'annual = "≥95%"', 1), "utf-8")
    git.commit("降低准确率目标")
    text = path.read_text("utf-8").replace('period = "2021至2023"', 'period = "2021至2024"')
    path.write_text(text, "utf-8")
    git.commit("项目期延长")

    async def open_history(pilot) -> None:
        await pilot.press("ctrl+l")
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("j")
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    assert snap_compare(
        JixiaoApp(file=TableFile.load(path)), run_before=open_history, terminal_size=SIZE
    )
