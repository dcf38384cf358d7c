"""A file's history lists the merge commits that changed it, each with what it changed
against its first parent — on a real repository: a branch, edits on both sides, a merge
whose conflict is resolved by hand, and a merge of a branch that left the table alone."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.gitrepo import GitRepo, rewrite
from tui.history import git
from tui.history.diff import diff_tables

PENSION = "养老保险专项业务经费.toml"
ACCURACY = 'name = "各项代发放金额准确率"\nmedium = "100%"\nannual = "{}"'


def merge(repo: GitRepo, branch: str) -> int:
    """``git merge --no-commit`` (a conflict is not a test failure); its exit status."""
    done = subprocess.run(
        ["git", "merge", "--no-ff", "--no-commit", branch],
        cwd=repo.path,
        env=repo.env,
        capture_output=True,
        text=True,
    )
    return done.returncode


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """初稿; branch 分支 and main both edit the table (one cell both); merged, resolved."""
    repo = GitRepo(tmp_path)
    path = tmp_path / PENSION
    shutil.copy(DATA / PENSION, path)
    repo.commit("初稿")
    repo.git("checkout", "-q", "-b", "分支")
    rewrite(path, 'period = "2021至2023"', 'period = "2021至2024"')
    rewrite(path, ACCURACY.format("100%"), ACCURACY.format("≥98%"))
    repo.commit("分支：延长项目期，准确率≥98%")
    repo.git("checkout", "-q", "main")
    rewrite(path, 'implementer = "六安市养老保险基金管理中心"', 'implementer = "新单位"')
    rewrite(path, ACCURACY.format("100%"), ACCURACY.format("≥95%"))
    repo.commit("主线：改单位，准确率≥95%")
    assert merge(repo, "分支") != 0  # the accuracy cell conflicts (git's line merge)
    text = path.read_text("utf-8")
    assert "<<<<<<<" in text
    head, rest = text.split("<<<<<<<", 1)
    tail = rest.split(">>>>>>>", 1)[1].split("\n", 1)[1]
    path.write_text(head + 'annual = "≥97%"\n' + tail, "utf-8")  # the resolution
    repo.commit("合并分支")
    return repo


def test_history_lists_the_merge_with_its_change_against_the_first_parent(repo):
    path = repo.path / PENSION
    commits = git.file_history(path)
    assert [c.subject for c in commits] == [
        "合并分支",
        "主线：改单位，准确率≥95%",
        "分支：延长项目期，准确率≥98%",
        "初稿",
    ]
    before, after = git.commit_versions(path, commits[0], commits[1])
    changes = {(c.key, c.old, c.new) for c in diff_tables(before, after).cell_changes()}
    # What the merge brought to main: the branch's period, and the resolved cell.
    assert changes == {("period", "2021至2023", "2021至2024"), ("annual", "≥95%", "≥97%")}


def test_a_merge_that_left_the_table_as_it_was_is_not_listed(repo):
    path = repo.path / PENSION
    repo.git("checkout", "-q", "-b", "其他")
    (repo.path / "说明.txt").write_text("无关的文件\n", "utf-8")
    repo.commit("其他：说明")
    repo.git("checkout", "-q", "main")
    rewrite(path, 'period = "2021至2024"', 'period = "2021至2025"')
    repo.commit("主线：再延长")
    assert merge(repo, "其他") == 0
    repo.commit("合并其他")  # the table differs from the second parent, not from the first
    subjects = [c.subject for c in git.file_history(path)]
    assert subjects[:2] == ["主线：再延长", "合并分支"]
    assert "合并其他" not in subjects


def test_the_fallback_for_an_older_git_lists_the_merge_too(repo):
    """Before git 2.31 (no ``--diff-merges``): the first-parent line, merges included."""
    path = repo.path / PENSION
    commits = git.file_history(path, merges=git.MERGES[-1])
    assert [c.subject for c in commits] == ["合并分支", "主线：改单位，准确率≥95%", "初稿"]


def test_a_merge_after_a_rename_on_the_branch_is_followed(repo):
    repo.git("checkout", "-q", "-b", "改名")
    repo.git("mv", PENSION, "养老.toml")
    repo.commit("改名")
    repo.git("checkout", "-q", "main")
    rewrite(repo.path / PENSION, 'implementer = "新单位"', 'implementer = "新单位二"')
    repo.commit("主线：再改单位")
    assert merge(repo, "改名") == 0
    repo.commit("合并改名")
    path = repo.path / "养老.toml"
    commits = git.file_history(path)
    assert [c.subject for c in commits][:3] == ["合并改名", "主线：再改单位", "改名"]
    assert commits[-1].path == PENSION
    before, after = git.commit_versions(path, commits[0], commits[1])
    assert diff_tables(before, after).cell_changes() == []  # only renamed by the merge
