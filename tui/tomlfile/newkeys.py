"""Adding keys a table does not have yet, each as one new line at the end of that table.

``tomlkit`` appends a new key after the last item of a table's body, and that
item can be a comment standing above the *next* header, so the comment would
end up above the new key instead of its header. ``insert_keys`` writes the line
itself, after the table's last key line and before the blank lines and comments
that lead to the next header: one added line, nothing else moved.

Only tables with a header line of their own (``[project]``, ``[[indicators]]``,
``[funding.annual]``) and the top level are handled here; a key added inside an
inline table or a dotted-key table is left to ``tomlkit`` (the caller's fallback).
"""

from __future__ import annotations

import re
from typing import Any

from tui.fields import FieldRef
from tui.tomlfile.locate import Locator
from tui.tomlfile.tomltext import render_key, render_value

_ESCAPE = re.compile(r"\\.")
Addition = tuple[FieldRef, str, Any]  # (table ref in the located text, key, value)


def _header_lines(loc: Locator) -> list[int]:
    """0-based lines of every table header (headers are located at column 1)."""
    return sorted({line - 1 for line, col in loc.positions.values() if col == 1})


def _in_strings(lines: list[str], start: int, end: int) -> set[int]:
    """Lines of ``start:end`` that lie inside a multi-line string (its closing line included)."""
    inside: set[int] = set()
    delimiter = None
    for number in range(start, end):
        line = lines[number]
        if delimiter is None and line.lstrip().startswith("#"):
            continue
        plain = _ESCAPE.sub("", line)
        for quote in ('"""', "'''"):
            if delimiter in (None, quote) and (plain if quote == '"""' else line).count(quote) % 2:
                if delimiter is not None:
                    inside.add(number)
                delimiter = None if delimiter else quote
                break
        else:
            if delimiter is not None:
                inside.add(number)
    return inside


def _body_end(lines: list[str], headers: list[int], header: int) -> int:
    """The line index just after the last key line of the table whose header is ``header``."""
    later = [h for h in headers if h > header]
    end = later[0] if later else len(lines)
    strings = _in_strings(lines, header + 1, end)
    while end > header + 1 and end - 1 not in strings:
        line = lines[end - 1].strip()
        if line and not line.startswith("#"):
            break
        end -= 1
    return end


def _table_header(loc: Locator, table: FieldRef) -> int | None:
    """The 0-based header line of ``table``; ``-1`` for the top level; ``None`` if it has none."""
    if table == ():
        return -1
    pos = loc.positions.get(tuple(table))
    if pos is None or pos[1] != 1:
        return None
    return pos[0] - 1


def insert_keys(text: str, loc: Locator, additions: list[Addition]) -> tuple[str, list[bool]]:
    """``text`` with each addition written as ``key = value`` at the end of its table.

    ``loc`` locates ``text``. Returns the new text and, per addition, whether it
    was written (``False``: the table has no header line of its own).
    """
    lines = text.split("\n")
    headers = _header_lines(loc)
    placed: list[bool] = []
    at: dict[int, list[str]] = {}  # insert before this line index → new lines, in order
    for table, key, value in additions:
        header = _table_header(loc, table)
        if header is None:
            placed.append(False)
            continue
        end = _body_end(lines, headers, header)
        previous = lines[end - 1] if end > header + 1 else ""
        indent = previous[: len(previous) - len(previous.lstrip())]
        new = f"{indent}{render_key(key)} = {render_value(value)}"
        at.setdefault(end, []).extend(new.split("\n"))
        placed.append(True)
    for index in sorted(at, reverse=True):
        lines[index:index] = at[index]
    return "\n".join(lines), placed
