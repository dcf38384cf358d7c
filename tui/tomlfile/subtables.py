"""Where a table the file does not have yet goes, for the minimal-change save.

tomlkit appends a new table at the end of the document and leaves the blank
lines around it to chance; for the tables of the year after the targets the
save inserts an empty header in the text first, at its place in the canonical
layout, and lets tomlkit fill in the keys:

* a monitoring month ``[indicators.monitoring.M]`` goes into its row's block,
  before the row's next later month or after the block's last line;
* ``[execution]`` (written whenever the block holds something),
  ``[execution.SOURCE]`` and ``[evaluation]`` go before the
  first of their canonical successors the file has (a later source of the
  block, ``[evaluation]``), else at the end of the file.

Each header is surrounded by exactly one blank line, so adding a value adds its
header, its key and one blank line, and nothing else changes.
"""

from __future__ import annotations

from tui.fields import SOURCES, FieldRef
from tui.tomlfile.locate import Locator, locate

# The top-level lifecycle tables in canonical order (they follow the rows).
_TAIL: tuple[FieldRef, ...] = (
    ("execution",),
    *(("execution", source) for source in SOURCES),
    ("evaluation",),
)


def table_path(ref: FieldRef) -> FieldRef | None:
    """The lifecycle table holding field ``ref``, or ``None`` for every other field."""
    if ref[0] == "indicators" and len(ref) == 5:
        return ref[:4]
    if ref[0] in ("execution", "evaluation"):
        return ref[:-1]
    return None


def _present(loc: Locator, path: FieldRef) -> bool:
    """Whether the text has ``path`` or anything inside it (a key, a sub-table)."""
    size = len(path)
    return any(ref[:size] == path for ref in loc.positions)


def _comment_start(lines: list[str], line: int) -> int:
    """The first line of the comments directly above ``line`` (0-based), or ``line``."""
    while line > 0 and lines[line - 1].strip().startswith("#"):
        line -= 1
    return line


def _insert_before(lines: list[str], line: int, header: str) -> list[str]:
    start = _comment_start(lines, line)
    return lines[:start] + [header, ""] + lines[start:]


def _append(lines: list[str], end: int, header: str) -> list[str]:
    """``header`` after line ``end`` (exclusive), with one blank line before it."""
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    before = [""] if end > 0 else []
    rest = lines[end:]
    while rest and not rest[0].strip():
        rest = rest[1:]
    return lines[:end] + before + [header] + ([""] + rest if rest else [])


def _month_header(lines: list[str], loc: Locator, path: FieldRef) -> list[str]:
    _, row, _, month = path
    header = f"[indicators.monitoring.{month}]"
    later = sorted(
        pos[0] - 1
        for ref, pos in loc.positions.items()
        if len(ref) == 4 and ref[:3] == (*path[:2], "monitoring") and isinstance(ref[3], int)
        if ref[3] > month
    )
    if later:
        return _insert_before(lines, later[0], header)
    if row >= len(loc.blocks):  # rows written as an inline array: tomlkit adds it inline
        return lines
    return _append(lines, loc.blocks[row].end, header)


def _tail_header(lines: list[str], loc: Locator, path: FieldRef) -> list[str]:
    header = "[" + ".".join(path) + "]"
    for successor in _TAIL[_TAIL.index(path) + 1 :]:
        pos = loc.positions.get(successor)
        if pos is not None and pos[1] == 1:
            return _insert_before(lines, pos[0] - 1, header)
    return _append(lines, len(lines), header)


def add_missing_tables(text: str, paths: list[FieldRef]) -> str:
    """``text`` with an empty header for each table of ``paths`` it lacks (see the module doc).

    A source of the execution block brings ``[execution]`` along when the file
    has no part of the block yet.
    """
    wanted = set(paths) | {("execution",) for path in paths if path[0] == "execution"}
    for path in sorted(wanted, key=_order):
        loc = locate(text)
        if _present(loc, path):
            continue
        lines = text.split("\n")
        final = lines[-1] == ""
        if final:
            lines.pop()
        if path[0] == "indicators":
            lines = _month_header(lines, loc, path)
        else:
            lines = _tail_header(lines, loc, path)
        text = "\n".join(lines) + ("\n" if final else "")
    return text


def _order(path: FieldRef) -> tuple:
    if path[0] == "indicators":
        return (0, path[1], path[3])
    return (1, _TAIL.index(path))
