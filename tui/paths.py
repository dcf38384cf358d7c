"""Finding table files: a file, or every ``*.toml`` below a folder."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

CONFIG_NAME = "jixiao.toml"


def iter_table_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path as given when a file; for a folder, its ``*.toml`` files, sorted.

    The folder configuration file ``jixiao.toml`` and hidden folders are skipped.
    A path that does not exist is yielded as is, so the caller reports it.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*.toml")):
                relative = found.relative_to(path).parts
                if found.name == CONFIG_NAME or any(p.startswith(".") for p in relative):
                    continue
                yield found
        else:
            yield path


def holds_tables(folder: str | Path) -> bool:
    """Whether ``folder`` has at least one table file below it."""
    return next(iter_table_paths([folder]), None) is not None
