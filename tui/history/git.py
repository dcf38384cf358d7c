"""Reading tables from git: a file's commits, a table at a revision, what changed between two.

Runs the ``git`` command (never a library); every failure is a ``JixiaoError``
with one line in Chinese and English. Paths in git's output are read with
``-z`` so that any file name survives.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tui.errors import JixiaoError
from tui.model import Table
from tui.tomlfile.loader import decode, parse_table

_SEP = "\x1f"


@dataclass(frozen=True)
class Commit:
    """One commit that touched a file, with the file's path at that commit."""

    sha: str
    short: str
    author: str
    date: str  # ISO 8601, author date
    subject: str
    path: str  # the file's path in the repository at this commit (it may have been renamed)


def run_git(args: list[str], cwd: str | Path, *, check: bool = True) -> bytes:
    """Run ``git args`` in ``cwd``; its standard output, or ``JixiaoError``."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise JixiaoError("找不到 git 命令", "git is not installed", cwd) from None
    except subprocess.TimeoutExpired:
        raise JixiaoError("git 超时", "git timed out", cwd) from None
    if check and done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        message = reason[-1] if reason else f"exit status {done.returncode}"
        raise JixiaoError("git 命令失败", f"git {args[0]}: {message}", cwd)
    return done.stdout


def _folder(path: str | Path) -> Path:
    path = Path(path)
    return path if path.is_dir() else (path.parent if str(path.parent) else Path("."))


def repo_root(path: str | Path) -> Path:
    """The top folder of the git work tree holding ``path``."""
    folder = _folder(path)
    if not folder.exists():
        raise JixiaoError("目录不存在", "no such folder", folder)
    out = run_git(["rev-parse", "--show-toplevel"], folder, check=False)
    if not out.strip():
        raise JixiaoError("不在 git 仓库中", "not inside a git repository", path)
    return Path(os.fsdecode(out.strip()))


def repo_path(path: str | Path) -> str:
    """``path`` relative to the top of its repository, with ``/`` separators."""
    root = repo_root(path).resolve()
    full = Path(os.path.abspath(path))
    try:
        return full.resolve().relative_to(root).as_posix()
    except ValueError:
        raise JixiaoError("文件不在该 git 仓库中", "file is outside the repository", path) from None


def is_revision(text: str, cwd: str | Path) -> bool:
    """Whether ``text`` names a commit in the repository around ``cwd``."""
    if not text or text.startswith("-"):
        return False
    try:
        folder = _folder(cwd)
        out = run_git(
            ["rev-parse", "--verify", "--quiet", f"{text}^{{commit}}"], folder, check=False
        )
    except JixiaoError:
        return False
    return bool(out.strip())


def resolve_revision(rev: str, cwd: str | Path) -> str:
    """The full commit id of ``rev``, or ``JixiaoError`` naming it."""
    if not is_revision(rev, cwd):
        raise JixiaoError(f"未知的 git 版本 {rev}", f"unknown git revision {rev}", cwd)
    return run_git(["rev-parse", f"{rev}^{{commit}}"], _folder(cwd)).decode().strip()


def bytes_at(rev: str, path_in_repo: str, root: str | Path) -> bytes:
    """The content of ``path_in_repo`` at ``rev`` (``JixiaoError`` when it is not there)."""
    out = subprocess.run(
        ["git", "cat-file", "blob", f"{rev}:{path_in_repo}"],
        cwd=root,
        capture_output=True,
        check=False,
        timeout=60,
    )
    if out.returncode != 0:
        raise JixiaoError(
            f"该版本中没有此文件（{rev}）", f"file not in revision {rev}", path_in_repo
        )
    return out.stdout


def table_at(rev: str, path: str | Path) -> Table:
    """The table at ``path`` (a working-tree path) as it was at ``rev``."""
    root = repo_root(path)
    inner = repo_path(path)
    raw = bytes_at(rev, inner, root)
    label = f"{rev}:{inner}"
    return parse_table(decode(raw, label).text, label)[0]


def _parsed(raw: bytes, label: str) -> Table:
    return parse_table(decode(raw, label).text, label)[0] if raw.strip() else Table()


def commit_versions(path: str | Path, commit: Commit, older: Commit | None) -> tuple[Table, Table]:
    """The table before and after ``commit`` (one of ``file_history(path)``).

    "Before" is the version in the commit's first parent (for a merge: what
    the merge brought to its branch, with its conflict resolution), at the path
    ``older`` (the next older commit of the history) gave it, so a rename is
    followed; an empty table when the file did not exist there.
    """
    root = repo_root(path)
    after = _parsed(bytes_at(commit.sha, commit.path, root), f"{commit.short}:{commit.path}")
    parent = f"{commit.sha}^"
    for name in dict.fromkeys([older.path if older else commit.path, commit.path]):
        try:
            raw = bytes_at(parent, name, root)
        except JixiaoError:  # not in the parent (added here), or no parent at all
            continue
        return _parsed(raw, f"{commit.short}^:{name}"), after
    return Table(), after


# How ``git log --follow`` is made to list merge commits. ``--follow`` alone lists none;
# ``--diff-merges=first-parent`` (git 2.31) lists a merge that changed the file against
# its first parent — what the merge brought to the branch, and its conflict resolution —
# and keeps the commits of the merged branches. Older git: the first-parent line only.
MERGES = (["--diff-merges=first-parent"], ["-m", "--first-parent"])


def file_history(
    path: str | Path, limit: int = 200, merges: list[str] | None = None
) -> list[Commit]:
    """The commits that changed ``path``, newest first, following renames.

    A merge commit is one of them when it changed the file against its first
    parent (``commit_versions`` diffs it against that parent). ``merges`` forces
    one of ``MERGES``; by default the first one this git understands is used.
    """
    root = repo_root(path)
    inner = repo_path(path)
    fmt = _SEP.join(("%H", "%h", "%an", "%aI", "%s"))
    log = ["log", "--follow", f"-n{limit}", "--name-only", "-z", f"--format={fmt}"]
    *first, last = [merges] if merges else MERGES
    try:
        out = run_git([*log, *(first[0] if first else last), "--", inner], root)
    except JixiaoError:  # an older git without the first option: the fallback's error counts
        if not first:
            raise
        out = run_git([*log, *last, "--", inner], root)
    commits: list[Commit] = []
    headers: list[list[str]] = []
    # -z with --name-only: "<header>\0\n<path>\0" per commit.
    for record in out.split(b"\x00"):
        text = record.decode("utf-8", "surrogateescape").strip("\n")
        if _SEP in text:
            headers.append(text.split(_SEP, 4) + [inner])
        elif text and headers:
            headers[-1][5] = text
    for sha, short, author, date, subject, name in headers:
        commits.append(Commit(sha, short, author, date, subject, name))
    return commits


def changed_tables(old: str, new: str | None, paths: list[str], cwd: str | Path) -> list[tuple]:
    """``(old_path, new_path)`` of ``*.toml`` files that differ between ``old`` and ``new``.

    ``new`` ``None`` means the working tree. Paths are relative to the repository
    top; a side is ``None`` for a file added or deleted. Renames are followed.
    """
    root = repo_root(cwd)
    revs = [old] + ([new] if new else [])
    specs = [str(Path(os.path.abspath(p)).resolve().relative_to(root.resolve())) for p in paths]
    out = run_git(["diff", "--name-status", "-z", "-M", *revs, "--", *(specs or ["."])], root)
    fields = out.decode("utf-8", "surrogateescape").split("\x00")
    pairs: list[tuple] = []
    pair: tuple[str | None, str | None]
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        if status[0] in "RC":
            pair = (fields[i + 1], fields[i + 2])
            i += 3
        else:
            name = fields[i + 1]
            pair = (None if status[0] == "A" else name, None if status[0] == "D" else name)
            i += 2
        if any(p and p.endswith(".toml") and Path(p).name != "jixiao.toml" for p in pair):
            pairs.append(pair)
    return pairs


def approved_version(path: str | Path, approved: str) -> Commit | None:
    """The commit where the file's approval mark first read ``approved`` (in its latest run).

    Walks the file's history from the newest commit back while the mark stays
    the same; ``None`` when no commit carries the mark.
    """
    found = None
    root = repo_root(path)
    for commit in file_history(path):
        try:
            raw = bytes_at(commit.sha, commit.path, root)
            table = parse_table(decode(raw).text)[0]
        except JixiaoError:
            break
        if table.header.approved != approved:
            if found is not None:
                break
            continue
        found = commit
    return found
