"""The approved version of a table file, read from git once and cached: what rule A001 compares.

A table marks its approval with ``[project] approved = "…"``; the approved
version is the commit where that mark was set (``tui.history.git.
approved_version``). Finding it walks the file's history, so it is done once
per file, mark and repository state (``HEAD``) and kept: ``check_path`` (the
CLI, the workspace) calls ``approved_table`` for each marked file, the editor
calls it in a worker when a file is opened, saved or its mark changes, and
hands the table to ``tui.checking.check`` on every keystroke.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from tui.errors import JixiaoError
from tui.history.git import Commit, approved_version, bytes_at, repo_root, run_git
from tui.model import Table
from tui.tomlfile.loader import decode, parse_table


@dataclass(frozen=True)
class ApprovedVersion:
    """The table as it was approved: the commit that set the mark, and the table there."""

    mark: str
    commit: Commit
    table: Table


_CACHE: dict[tuple[str, str, str], ApprovedVersion | None] = {}
_LOCK = threading.Lock()


def approved_mark(table: Table) -> str | None:
    """The table's approval mark, or ``None`` when it has none (blank counts as none)."""
    mark = table.header.approved
    return mark if isinstance(mark, str) and mark.strip() else None


def _head(root: Path) -> str:
    return run_git(["rev-parse", "--verify", "--quiet", "HEAD"], root, check=False).decode().strip()


def find_approved(path: str | Path, mark: str) -> ApprovedVersion | None:
    """The version of the file at ``path`` where its mark first read ``mark`` (cached).

    ``None`` when the file is not in a git repository, has no commit carrying
    the mark (not committed yet), or the approved version cannot be read.
    The cache key is the file, the mark and the commit ``HEAD`` names, so a
    new commit is seen on the next call and git runs once per state.
    """
    try:
        root = repo_root(path)
        key = (str(Path(path).resolve()), mark, _head(root))
        with _LOCK:
            if key in _CACHE:
                return _CACHE[key]
        found = None
        commit = approved_version(path, mark) if key[2] else None
        if commit is not None:
            label = f"{commit.short}:{commit.path}"
            raw = bytes_at(commit.sha, commit.path, root)
            found = ApprovedVersion(mark, commit, parse_table(decode(raw, label).text, label)[0])
    except JixiaoError:
        return None
    with _LOCK:
        _CACHE[key] = found
    return found


def approved_table(path: str | Path, table: Table) -> Table | None:
    """The approved version of ``table`` (as read from ``path``), or ``None`` (see above)."""
    mark = approved_mark(table)
    if mark is None:
        return None
    found = find_approved(path, mark)
    return None if found is None else found.table
