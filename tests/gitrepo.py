"""A real git repository for tests: commits with fixed authors and dates (stable ids)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitRepo:
    """``git init`` in ``path``; ``commit`` records everything with a fixed author and date."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.commits = 0
        self.env = {
            **os.environ,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": "张三",
            "GIT_AUTHOR_EMAIL": "zhang@example.org",
            "GIT_COMMITTER_NAME": "张三",
            "GIT_COMMITTER_EMAIL": "zhang@example.org",
        }
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        """Run git in the repository; its output (fails the test on an error)."""
        done = subprocess.run(
            ["git", *args], cwd=self.path, env=self.env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"git {args}: {done.stdout}{done.stderr}"
        return done.stdout

    def commit(self, message: str) -> str:
        """Commit every change, dated one day after the previous commit; its short id."""
        self.commits += 1
        date = f"2021-03-{self.commits:02d}T10:00:00+08:00"
        self.env["GIT_AUTHOR_DATE"] = self.env["GIT_COMMITTER_DATE"] = date
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "--short", "HEAD").strip()


def rewrite(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in the file at ``path`` (an edit between commits)."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")
