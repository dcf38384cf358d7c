"""Writing a key the file does not have yet at its canonical place in its table or row.

tomlkit appends a new key at the end of its table, and it counts the comments
above the next ``[[indicators]]`` block as part of that table: the key would
land below another row's comment, and ``jixiao fmt --check`` would reject the
file. Here the new ``key = value`` line goes right after the value of the key
that precedes it in the canonical order (``tui.fields``), or right after the
table's header when none does; an unknown key goes after the table's last key
(where the canonical layout puts unknown keys). Nothing else moves.
"""

from __future__ import annotations

import tomllib
from typing import Any

from tui.fields import FieldRef, table_keys
from tui.tomlfile.locate import locate
from tui.tomlfile.tomltext import render_key, render_value


def _own_keys(positions: dict[FieldRef, tuple[int, int]], container: FieldRef) -> list[FieldRef]:
    """The keys written in ``container`` itself (not headers, not sub-tables), in file order."""
    size = len(container) + 1
    own = [r for r, (_, col) in positions.items() if len(r) == size and r[:-1] == container]
    return sorted((r for r in own if positions[r][1] != 1), key=positions.__getitem__)


def insert_key(text: str, ref: FieldRef, value: Any) -> str | None:
    """``text`` with ``ref = value`` added; ``None`` when its table is not a ``[header]``
    of the file (absent, inline or implied: tomlkit then writes it)."""
    locator = locate(text)
    lines = text.split("\n")
    container, key = ref[:-1], ref[-1]
    if container:  # only a [table] or [[indicators]] header: not an inline or implied table
        header = locator.positions.get(container)
        if header is None or not lines[header[0] - 1].lstrip().startswith("["):
            return None
    order = table_keys(ref)
    if key in order:
        located = [container + (k,) for k in order[: order.index(key)]]
        earlier = [r for r in located if r in locator.positions]
    else:  # an unknown key: after the table's last key, where the canonical layout puts it
        earlier = _own_keys(locator.positions, container)
    if earlier:
        anchor = locator.positions[earlier[-1]][0] - 1
        after = _value_end(lines, anchor)
    elif container:
        after = locator.positions[container][0] - 1  # the header line
    else:
        return None
    line = f"{render_key(key)} = {render_value(value)}"
    return "\n".join([*lines[: after + 1], line, *lines[after + 1 :]])


def _value_end(lines: list[str], start: int) -> int:
    """The last line of the ``key = value`` that starts on line ``start`` (0-based)."""
    for end in range(start, len(lines)):
        try:
            tomllib.loads("\n".join(lines[start : end + 1]))
        except tomllib.TOMLDecodeError:
            continue
        return end
    return start
