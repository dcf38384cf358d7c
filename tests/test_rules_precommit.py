"""The pre-commit hooks of ``.pre-commit-hooks.yaml`` name real entry points and work.

The slow test installs the hooks with pre-commit itself (``pre-commit try-repo``,
which pip-installs this repository into its own environment) in a fresh git repo.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, FIXTURES, ROOT
from tui.cli import SUBCOMMANDS

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
BY_ID = {hook["id"]: hook for hook in HOOKS}
SCRIPTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]


def test_hooks_are_the_two_documented():
    assert set(BY_ID) == {"jixiao-check", "jixiao-fmt"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(hook_id in readme for hook_id in BY_ID)


@pytest.mark.parametrize("hook_id", sorted(BY_ID))
def test_hook_entry_is_a_real_command(hook_id):
    hook = BY_ID[hook_id]
    program, subcommand, *flags = hook["entry"].split()
    assert program in SCRIPTS and hook["language"] == "python"
    assert subcommand in SUBCOMMANDS
    module = __import__(SUBCOMMANDS[subcommand], fromlist=["add_arguments"])
    import argparse

    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    parser.parse_args([*flags, "x.toml"])  # the flags exist; pre-commit appends file names
    included = re.compile(hook["files"])
    excluded = re.compile(hook["exclude"])
    assert included.search("tables/养老保险.toml") and not excluded.search("tables/养老保险.toml")
    for config in ("pyproject.toml", "tables/jixiao.toml", "ruff.toml"):
        assert excluded.search(config)


@pytest.mark.parametrize(
    ("hook_id", "clean", "seed"), [("jixiao-check", 0, 1), ("jixiao-fmt", 0, 0)]
)
def test_hook_entry_runs_on_files(hook_id, clean, seed):
    _, subcommand, *flags = BY_ID[hook_id]["entry"].split()

    def status(*files: Path) -> int:
        command = [sys.executable, "-m", "tui", subcommand, *flags, *map(str, files)]
        return subprocess.run(command, capture_output=True, cwd=ROOT, timeout=120).returncode

    assert status(FIXTURES / "clean_2015.toml", FIXTURES / "clean_2021.toml") == clean
    assert status(*sorted(DATA.glob("*.toml"))) == seed


@pytest.mark.slow
def test_pre_commit_runs_the_hooks_in_a_fresh_repo(tmp_path: Path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = tmp_path / "team"
    tables = repo / "tables"
    tables.mkdir(parents=True)
    shutil.copy(FIXTURES / "clean_2015.toml", tables / "clean.toml")
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t"}
    env |= {"GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            argv, cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False
        )

    run("git", "init", "-q")
    run("git", "add", ".")

    def try_repo(hook_id: str) -> subprocess.CompletedProcess:
        return run(pre_commit, "try-repo", str(ROOT), hook_id, "--all-files")

    for hook_id in BY_ID:
        done = try_repo(hook_id)
        assert done.returncode == 0, done.stdout + done.stderr
    broken = (tables / "clean.toml").read_text(encoding="utf-8").replace("≥90%", "≥120%", 1)
    (tables / "bad.toml").write_text(broken.replace("total = 100.00", "total = 101.00"), "utf-8")
    run("git", "add", ".")
    done = try_repo("jixiao-check")
    assert done.returncode == 1 and "error F001" in done.stdout, done.stdout + done.stderr
    (tables / "bad.toml").write_text(
        broken.replace('level1 = "产出指标"', "level1='产出指标'"), "utf-8"
    )
    run("git", "add", ".")
    done = try_repo("jixiao-fmt")
    assert done.returncode == 1 and "bad.toml" in done.stdout, done.stdout + done.stderr
