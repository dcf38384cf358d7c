"""The approved version from git (cached), rule A001 through ``check_path`` and ``jixiao check``,
and ``commit_versions`` across a rename — on real repositories made in the test."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.gitrepo import GitRepo, rewrite
from tui.checking import check, check_path
from tui.history import approval, git
from tui.history.approval import approved_table, find_approved
from tui.history.diff import diff_tables
from tui.tomlfile.loader import load_table

PENSION = "养老保险专项业务经费.toml"
MARK = 'approved = "2021-03-15"'
ACCURACY = 'name = "各项代发放金额准确率"\nmedium = "100%"\nannual = "100%"'


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """The table committed, then approved, then a commit that lowers a target."""
    git_repo = GitRepo(tmp_path)
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    git_repo.commit("初稿")
    rewrite(path, 'period = "2021至2023"', f'period = "2021至2023"\n{MARK}')
    git_repo.commit("批复")
    rewrite(path, ACCURACY, ACCURACY.replace('annual = "100%"', 'annual = "≥95%"'))
    git_repo.commit("调低准确率")
    return git_repo


def a001(report) -> list[tuple]:
    assert report.result is not None, report.error
    return [p.ref for p in report.result.problems if p.code == "A001"]


def test_check_path_compares_with_the_approved_commit_not_head(repo):
    path = repo.path / PENSION
    assert a001(check_path(path)) == [("indicators", 1, "annual")]
    found = find_approved(path, "2021-03-15")
    assert found is not None and found.commit.subject == "批复"
    assert found.table.indicators[1].annual == "100%"


def test_an_unchanged_target_is_no_problem(repo):
    path = repo.path / PENSION
    rewrite(path, 'annual = "≥95%"', 'annual = "100%"')  # back as approved (not committed)
    rewrite(path, 'implementer = "六安市养老保险基金管理中心"', 'implementer = "新单位"')
    assert a001(check_path(path)) == []


def test_a_row_removed_after_approval_is_reported_at_the_mark(repo):
    path = repo.path / PENSION
    table = load_table(path)
    approved = approved_table(path, table)
    assert approved is not None
    removed = table.indicators.pop(2)
    problems = [p for p in check(table, approved=approved).problems if p.code == "A001"]
    assert [p.ref for p in problems] == [("project", "approved"), ("indicators", 1, "annual")]
    assert removed.name in problems[0].zh


def test_no_mark_no_repository_no_commit_no_comparison(repo, tmp_path_factory, monkeypatch):
    path = repo.path / PENSION
    rewrite(path, 'approved = "2021-03-15"', 'approved = "2022-01-01"')  # not committed
    assert a001(check_path(path)) == []
    outside = tmp_path_factory.mktemp("outside")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.parent))
    copy = outside / PENSION
    shutil.copy(path, copy)
    assert approved_table(copy, load_table(copy)) is None
    assert a001(check_path(copy)) == []


def test_git_runs_once_per_file_mark_and_head(repo, monkeypatch):
    path = repo.path / PENSION
    walks = []
    real = approval.approved_version
    monkeypatch.setattr(approval, "approved_version", lambda *a: walks.append(a) or real(*a))
    for _ in range(3):
        assert find_approved(path, "2021-03-15") is not None
    assert len(walks) == 1  # walked once; then from the cache
    rewrite(path, 'annual = "≥95%"', 'annual = "≥96%"')
    repo.commit("再改")
    found = find_approved(path, "2021-03-15")
    assert found is not None and found.commit.subject == "批复"
    assert len(walks) == 2  # a new HEAD: looked up again, the same version found


def test_jixiao_check_reports_a001_as_a_warning(repo):
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--format", "json", PENSION],
        cwd=repo.path,
        capture_output=True,
        text=True,
    )
    found = [p for p in json.loads(done.stdout) if p["code"] == "A001"]
    lines = (repo.path / PENSION).read_text("utf-8").splitlines()
    assert [(p["severity"], p["line"]) for p in found] == [
        ("warning", lines.index('annual = "≥95%"') + 1)
    ]


def test_commit_versions_follow_a_rename(repo):
    repo.git("mv", PENSION, "养老.toml")
    path = repo.path / "养老.toml"
    rewrite(path, 'period = "2021至2023"', 'period = "2021至2024"')
    repo.commit("改名并延长项目期")
    commits = git.file_history(path)
    assert [c.subject for c in commits] == ["改名并延长项目期", "调低准确率", "批复", "初稿"]
    before, after = git.commit_versions(path, commits[0], commits[1])
    assert [c.key for c in diff_tables(before, after).cell_changes()] == ["period"]
    before, after = git.commit_versions(path, commits[-1], None)
    assert before.indicators == [] and len(after.indicators) == 12
