"""A real git repository set up as the README says: ``git diff`` through the textconv,
``git merge`` through the driver, ``jixiao diff`` on revisions, and the history API.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA_FILES, ROOT
from tui.history.conflicts import conflicts_in, resolve
from tui.history.git import changed_tables, file_history, table_at
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table

pytestmark = pytest.mark.slow
JIXIAO = f"{shlex.quote(sys.executable)} -m tui"
TABLE = "data/养老保险专项业务经费.toml"


def readme_setup() -> tuple[str, list[list[str]]]:
    """The ``.gitattributes`` line and ``git config`` commands, as the README gives them."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Tables in git", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```")
    attributes = next(b for b in blocks if b.startswith("gitattributes")).split("\n", 1)[1]
    shell = next(b for b in blocks if b.startswith("sh\ngit config"))
    commands = [shlex.split(line) for line in shell.split("\n")[1:] if line.startswith("git ")]
    return attributes, commands


class Repo:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.env = {
            **os.environ,
            "HOME": str(path),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "张三",
            "GIT_AUTHOR_EMAIL": "a@example.org",
            "GIT_COMMITTER_NAME": "张三",
            "GIT_COMMITTER_EMAIL": "a@example.org",
            "PAGER": "cat",
        }

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            ["git", *args], cwd=self.path, env=self.env, capture_output=True, text=True
        )
        if check and done.returncode != 0:
            raise AssertionError(f"git {args}: {done.stdout}{done.stderr}")
        return done

    def jixiao(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args],
            cwd=self.path,
            env=self.env,
            capture_output=True,
            text=True,
        )

    def edit(self, name: str, change) -> None:
        file = TableFile.load(self.path / name)
        change(file.table)
        file.save()

    def commit(self, message: str) -> None:
        self.git("commit", "-qam", message)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    (repo.path / "data").mkdir(parents=True)
    for path in DATA_FILES:
        shutil.copyfile(path, repo.path / "data" / path.name)
    repo.git("init", "-q", "-b", "main")
    attributes, commands = readme_setup()
    (repo.path / ".gitattributes").write_text(attributes, "utf-8")
    for command in commands:
        command = [part.replace("jixiao ", JIXIAO + " ", 1) for part in command]
        repo.git(*command[1:])
    repo.git("add", ".")
    repo.commit("基础版本")
    return repo


def test_readme_configures_textconv_and_the_merge_driver(repo):
    config = repo.git("config", "--list", "--local").stdout
    assert "diff.jixiao.textconv=" in config and "merge.jixiao.driver=" in config
    assert repo.git("check-attr", "diff", "merge", "--", TABLE).stdout.count("jixiao") == 2


def test_git_diff_shows_cells(repo):
    def change(table):
        table.indicators[1].annual = "≥95%"
        table.header.period = "2021至2024"

    repo.edit(TABLE, change)
    out = repo.git("diff").stdout
    changed = [line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert changed == [
        "-项目期: 2021至2023",
        "+项目期: 2021至2024",
        "-  年度值: 100%",
        "+  年度值: ≥95%",
    ]
    assert "[产出 指标 › 质量指标 › 各项代发放金额准确率]" in out


def test_two_branches_merge_without_conflict_markers(repo):
    repo.git("checkout", "-qb", "a")

    def on_a(table):
        table.indicators[1].medium = "≥98%"  # the same row as b, another cell
        table.indicators.insert(5, table.indicators.pop(0))  # and a move

    repo.edit(TABLE, on_a)
    repo.commit("a: 中期值与顺序")
    repo.git("checkout", "-q", "main")
    repo.git("checkout", "-qb", "b")

    def on_b(table):
        table.indicators[1].annual = "≥95%"
        table.header.period = "2021至2024"

    repo.edit(TABLE, on_b)
    repo.commit("b: 年度值与项目期")
    repo.git("checkout", "-q", "a")
    done = repo.git("merge", "-q", "--no-edit", "b", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    text = (repo.path / TABLE).read_text("utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text and "merge_conflict" not in text
    merged = load_table(repo.path / TABLE)
    row = next(r for r in merged.indicators if r.name == "各项代发放金额准确率")
    assert (row.medium, row.annual, merged.header.period) == ("≥98%", "≥95%", "2021至2024")
    assert merged.indicators[5].name == "完成代发项目数"
    assert text.startswith("# 来源（source）")  # the file's own comments are kept

    out = repo.jixiao("diff", "HEAD~1", TABLE, "--color", "never")  # a → the merge: b's edits
    assert out.returncode == 1
    assert out.stdout.splitlines()[2:] == [
        "项目期: 2021至2023 → 2021至2024",
        "修改 第1行 产出 指标 › 质量指标 › 各项代发放金额准确率",
        "  年度值: 100% → ≥95%  ▼ 目标降低（target lowered）",
    ]
    log = repo.git("log", "-p", "-1", "--first-parent", "-m", "--", TABLE).stdout
    assert "+  年度值: ≥95%" in log and "+项目期: 2021至2024" in log


def test_a_conflict_is_written_as_data_and_reported_by_check(repo):
    repo.git("checkout", "-qb", "a")
    repo.edit(TABLE, lambda t: setattr(t.indicators[1], "annual", "≥98%"))
    repo.commit("a")
    repo.git("checkout", "-q", "main")
    repo.edit(TABLE, lambda t: setattr(t.indicators[1], "annual", "≥95%"))
    repo.commit("main")
    done = repo.git("merge", "-q", "--no-edit", "a", check=False)
    assert done.returncode == 1
    assert "CONFLICT" in done.stdout + done.stderr
    text = (repo.path / TABLE).read_text("utf-8")
    assert "<<<<<<<" not in text
    (conflict,) = conflicts_in(load_table(repo.path / TABLE))
    assert (conflict.base, conflict.mine, conflict.theirs) == ("100%", "≥95%", "≥98%")
    check = repo.jixiao("check", TABLE)
    assert check.returncode == 1 and " error M001 " in check.stdout

    file = TableFile.load(repo.path / TABLE)  # what the editor does with the conflict
    resolve(file.table, conflicts_in(file.table)[0], "theirs")
    file.save()
    assert " M001 " not in repo.jixiao("check", TABLE).stdout
    repo.git("add", TABLE)
    repo.commit("合并 a")
    assert load_table(repo.path / TABLE).indicators[1].annual == "≥98%"


def test_jixiao_diff_on_revisions_and_the_history_api(repo):
    path = repo.path / TABLE
    repo.edit(TABLE, lambda t: setattr(t.header, "approved", "2021-03-15"))
    repo.commit("批复")
    repo.edit(TABLE, lambda t: setattr(t.indicators[1], "annual", "≥95%"))
    repo.commit("降低目标")
    repo.edit(TABLE, lambda t: setattr(t.header, "period", "2021至2024"))

    now = repo.jixiao("diff", TABLE, "--color", "never")  # HEAD → working tree
    assert now.returncode == 1
    assert now.stdout.splitlines()[2:] == ["项目期: 2021至2023 → 2021至2024"]

    two = repo.jixiao("diff", "HEAD~2", "HEAD", TABLE, "--format", "json")
    assert '"lowered": true' in two.stdout and '"after_approval": false' in two.stdout

    approved = repo.jixiao("diff", "--approved", TABLE, "--color", "never")
    assert approved.returncode == 1, approved.stderr
    assert "年度值: 100% → ≥95%  ▼ 目标降低（target lowered）  ⚠ 批复后修改" in approved.stdout

    folder = repo.jixiao("diff", "--git", "HEAD~2", "data", "--color", "never")
    assert folder.stdout.startswith(f"--- HEAD~2:{TABLE}\n+++ {TABLE}\n")
    assert repo.jixiao("diff", "--git", "HEAD~2..HEAD~1").stdout.count("---") == 1

    bad = repo.jixiao("diff", "nosuchrev", TABLE)
    assert bad.returncode == 2 and "nosuchrev" in bad.stderr and bad.stderr.count("\n") == 1

    commits = file_history(path)
    assert [c.subject for c in commits] == ["降低目标", "批复", "基础版本"]
    assert table_at(commits[1].sha, path).header.approved == "2021-03-15"
    assert table_at("HEAD~2", path).header.approved is None
    assert changed_tables("HEAD~2", None, [], repo.path) == [(TABLE, TABLE)]
