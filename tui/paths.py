"""Finding table files: a file, or every ``*.toml`` below a folder."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

CONFIG_NAME = "jixiao.toml"


_TABLE_MARK = re.compile(
    rb"^[ \t]*(?:format[ \t]*=|\[\[[ \t]*indicators[ \t]*\]\]|\[[ \t]*(?:funding|goals)\b)", re.M
)


def looks_like_table(path: Path) -> bool:
    """Whether a ``.toml`` file found in a folder is meant as a table.

    It is when it has a ``format =`` line, an ``[[indicators]]`` block or a
    ``[funding]``/``[goals]`` table (a broken table is then still reported);
    ``pyproject.toml`` or a tool's configuration is not. A file that cannot be
    read counts, so that the error is reported.
    """
    try:
        head = path.read_bytes()
    except OSError:
        return True
    return _TABLE_MARK.search(head) is not None


def iter_table_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path as given when a file; for a folder, the table files below it, sorted.

    The folder configuration file ``jixiao.toml``, hidden folders and TOML
    files that are not tables (``pyproject.toml``) are skipped. A path that does
    not exist is yielded as is, so the caller reports it.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*.toml")):
                relative = found.relative_to(path).parts
                if found.name == CONFIG_NAME or any(p.startswith(".") for p in relative):
                    continue
                if looks_like_table(found):
                    yield found
        else:
            yield path


def holds_tables(folder: str | Path) -> bool:
    """Whether ``folder`` has at least one table file below it."""
    return next(iter_table_paths([folder]), None) is not None


def table_file_name(name: str) -> str:
    """A new table's file name from what a person typed: ``.toml`` added, no folders.

    Raises ``ValueError`` with a Chinese (English) reason for a name that would
    leave the folder or hide the file.
    """
    name = name.strip()
    if not name or name in (".", "..") or name.startswith("."):
        raise ValueError("文件名不能为空或以“.”开头（name is empty or hidden）")
    if any(ch in name for ch in "/\\") or not name.isprintable():
        raise ValueError("文件名不能含路径或控制字符（no folders or control characters）")
    return name if name.endswith(".toml") else name + ".toml"
