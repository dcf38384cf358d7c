"""The history screen and the approval rule in the editor, on real git repositories.

Commits are made in the test (fixed authors and dates); the editor reads git
in worker threads, so each test waits for the workers before looking.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.gitrepo import GitRepo, rewrite
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp
from tui.ui.editor_screen import EditorScreen
from tui.ui.history_screen import HistoryScreen

PENSION = "养老保险专项业务经费.toml"
SIZE = (80, 24)
ACCURACY = 'name = "各项代发放金额准确率"\nmedium = "100%"\nannual = "100%"'
APPROVED = 'period = "2021至2023"\napproved = "2021-03-15"'


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """A repository whose table has three commits: added, a target lowered, the period."""
    git = GitRepo(tmp_path)
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    git.commit("初稿")
    rewrite(path, ACCURACY, ACCURACY.replace('annual = "100%"', 'annual = "≥95%"'))
    git.commit("降低准确率目标")
    rewrite(path, 'period = "2021至2023"', 'period = "2021至2024"')
    git.commit("项目期延长 [bold]x[/]")
    return git


async def settle(pilot) -> None:
    """Let the git workers finish and their results arrive."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def diff_shown(app: JixiaoApp) -> str:
    return str(app.screen.query_one("#diff").render())


async def test_history_lists_commits_and_shows_each_diff(repo):
    app = JixiaoApp(file=TableFile.load(repo.path / PENSION))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, HistoryScreen)  # at once, before git has answered
        await settle(pilot)
        listing = app.screen.query_one("#commits")
        subjects = [str(listing.get_option_at_index(i).prompt) for i in range(3)]
        assert [s.split("  ")[-1] for s in subjects] == [
            "项目期延长 [bold]x[/]",  # newest first, markup shown as text
            "降低准确率目标",
            "初稿",
        ]
        assert "2021-03-03  张三" in subjects[0]
        assert "项目期: 2021至2023 → 2021至2024" in diff_shown(app)
        await pilot.press("j")
        await settle(pilot)
        shown = diff_shown(app)
        assert "修改 第2行" in shown and "年度值: 100% → ≥95%" in shown and "▼" in shown
        await pilot.press("j")
        await settle(pilot)
        assert "新增 第1行" in diff_shown(app)  # the first commit: against nothing
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)


async def test_h_compares_the_buffer_with_head(repo):
    app = JixiaoApp(file=TableFile.load(repo.path / PENSION))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.session.edit(("indicators", 1, "medium"), "≥98%")
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert "HEAD" in str(app.screen.query_one("#diff-heading").render())
        assert "中期值: 100% → ≥98%" in diff_shown(app)
        await pilot.press("k")  # back to the commits
        await settle(pilot)
        assert "项目期" in diff_shown(app)


async def test_history_outside_git_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await settle(pilot)
        listing = app.screen.query_one("#commits")
        assert "不在 git 仓库中" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("h")
        await settle(pilot)
        assert "git" in diff_shown(app)
        await pilot.press("q")
        assert isinstance(app.screen, EditorScreen)


# -- a target changed after approval (rule A001) -------------------------------


@pytest.fixture
def approved(tmp_path: Path) -> Path:
    """A table committed with ``approved = "2021-03-15"``, then a later commit of another cell."""
    git = GitRepo(tmp_path)
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    git.commit("初稿")
    rewrite(path, 'period = "2021至2023"', APPROVED)
    git.commit("批复")
    rewrite(path, 'implementer = "六安市养老保险基金管理中心"', 'implementer = "六安市社保中心"')
    git.commit("改实施单位")
    return path


def a001(app: JixiaoApp) -> list[tuple]:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return [p.ref for p in screen.result.problems if p.code == "A001"]


async def test_a_target_changed_after_approval_is_a_problem(approved):
    app = JixiaoApp(file=TableFile.load(approved))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert a001(app) == []  # a later commit changed no target
        screen = app.screen
        await screen.jump_to(("indicators", 1, "annual"))
        await pilot.press("ctrl+u", "9", "0", "%")
        assert a001(app) == [("indicators", 1, "annual")]
        problem = next(p for p in screen.result.problems if p.code == "A001")
        assert "100%" in problem.zh and "90%" in problem.zh and "目标降低" in problem.zh
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.press("1", "0", "0", "%")
        assert a001(app) == []  # back as approved


async def test_a_non_target_change_after_approval_is_no_problem(approved):
    app = JixiaoApp(file=TableFile.load(approved))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.apply_edit(("project", "implementer"), "另一单位")
        app.screen.apply_edit(("indicators", 1, "remark"), "备注")
        assert a001(app) == []


async def test_the_approved_version_is_read_when_the_mark_is_typed(tmp_path):
    git = GitRepo(tmp_path)
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    rewrite(path, 'period = "2021至2023"', APPROVED)
    git.commit("批复")
    rewrite(path, APPROVED, 'period = "2021至2023"')  # the mark removed on disk, not committed
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.apply_edit(("indicators", 1, "annual"), "≥90%")
        await settle(pilot)
        assert a001(app) == []  # no mark, no comparison
        screen.apply_edit(("project", "approved"), "2021-03-15")
        await settle(pilot)
        assert a001(app) == [("indicators", 1, "annual")]
