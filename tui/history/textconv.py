"""A table as one line per cell, for git's ``textconv``: ``git diff`` then shows cells.

Each section cell is ``label: value``; each row is a heading
``[一级 › 二级 › 三级]`` followed by its other cells, indented. One changed cell
is one changed line, a renamed row one changed heading, and git's own hunk
headers and move detection work on the result. Values are escaped with
``tui.escape.printable`` (a newline in a value shows as ``\\x0a``).
"""

from __future__ import annotations

from tui.escape import printable
from tui.history.cells import SECTIONS, cell_ref, cells, holder
from tui.history.report import field_label, listed_cells, row_path, value_text
from tui.model import Table


def cell_listing(table: Table) -> str:
    """The text git compares (see the module doc)."""
    lines = []
    for section in SECTIONS:
        for key, value in cells(holder(table, section), section).items():
            if section == () and key == "format":
                continue
            label = field_label(cell_ref(section, key))
            lines.append(f"{printable(label)}: {printable(value_text(value))}")
    for row in table.indicators:
        lines.append("")
        lines.append(f"[{printable(row_path(row))}]")
        for ref, value in listed_cells(row):
            lines.append(f"  {printable(field_label(ref))}: {printable(value_text(value))}")
    return "\n".join(lines) + "\n"
