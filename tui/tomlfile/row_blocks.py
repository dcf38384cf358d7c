"""Rows added, removed or moved: the ``[[indicators]]`` region of a file's text rebuilt.

Each kept row keeps its own lines (comments, key order, quoting) and the lines
between two rows that stay neighbours are kept; a new row is written in the
canonical layout. Rows written as an inline array become ``[[indicators]]``
blocks. ``tui.tomlfile.document`` then writes the changed values into the result.
"""

from __future__ import annotations

from tui.model import Table
from tui.tomlfile.canonical import render_row
from tui.tomlfile.locate import Locator


def restructure_rows(text: str, loc: Locator, base_rows: list, table: Table) -> str:
    """Rebuild the ``[[indicators]]`` region for a new order/set of rows."""
    import tomlkit  # loaded on first save: faster start-up

    lines = text.split("\n")
    blocks = loc.blocks
    new_rows = table.indicators
    if not blocks:
        if base_rows:  # rows written as an inline array: replace it by [[indicators]] blocks
            doc = tomlkit.parse(text)
            del doc["indicators"]
            text = doc.as_string()
        body = "\n\n".join(render_row(r) for r in new_rows)
        head = text.rstrip("\n")
        return "\n\n".join(part for part in (head, body) if part) + "\n"
    chunk = {row.uid: lines[b.start : b.end] for row, b in zip(base_rows, blocks)}
    seps = {}
    for i in range(len(blocks) - 1):
        seps[(base_rows[i].uid, base_rows[i + 1].uid)] = lines[blocks[i].end : blocks[i + 1].start]
    out = lines[: blocks[0].start]
    prev = None
    for row in new_rows:
        if prev is not None:
            out.extend(seps.get((prev, row.uid), [""]))
        if row.uid in chunk:
            out.extend(chunk[row.uid])
        else:
            out.extend(render_row(row).split("\n"))
        prev = row.uid
    tail = lines[blocks[-1].end :]
    if not new_rows:
        while out and not out[-1].strip():
            out.pop()
        if out and tail and tail != [""]:
            out.append("")
    out.extend(tail)
    return "\n".join(out)
