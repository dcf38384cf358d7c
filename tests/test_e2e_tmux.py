"""End to end: the installed ``jixiao`` in tmux at 80×24, one edit, save, quit, ``git diff``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import DATA

JIXIAO = Path(sys.executable).parent / "jixiao"
pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("git") is None or not JIXIAO.exists(),
    reason="needs tmux, git and the installed jixiao script",
)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _wait_for(session: str, predicate, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if predicate(screen):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"screen never matched:\n{screen}")


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(
        ["git", *args], cwd=folder, check=True, capture_output=True, text=True, env=env
    ).stdout


def test_edit_save_quit_changes_one_line(tmp_path: Path):
    name = "养老保险专项业务经费.toml"
    shutil.copy(DATA / name, tmp_path / name)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", name)
    _git(tmp_path, "commit", "-qm", "base")
    session = f"jixiao-e2e-{uuid.uuid4().hex[:8]}"
    command = f"cd {tmp_path} && {JIXIAO} {name}; sleep 30"
    _tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)
    try:
        _wait_for(session, lambda s: name in s and "F5 指标" in s)
        _tmux("send-keys", "-t", session, "F2")
        _wait_for(session, lambda s: "项目名称" in s)
        _tmux("send-keys", "-t", session, "End")
        _tmux("send-keys", "-t", session, "-l", "（二期）")
        _wait_for(session, lambda s: "养老保险专项业务经费（二期）" in s and "●" in s)
        _tmux("send-keys", "-t", session, "C-s")
        _wait_for(session, lambda s: "●" not in s)
        _tmux("send-keys", "-t", session, "C-q")
        time.sleep(1.0)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    diff = _git(tmp_path, "diff", "--unified=0")
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == ['-name = "养老保险专项业务经费"', '+name = "养老保险专项业务经费（二期）"']
