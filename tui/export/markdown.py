"""Markdown export: GitHub-style pipe tables rendered by tabulate.

Every cell goes through ``escape.markdown_cell`` first (``|`` and other Markdown
punctuation backslash-escaped, line breaks as ``<br>``), so each row keeps its
number of cells whatever the text holds. Cells are not wrapped: the viewer does
that. Projects are separated by a thematic break (``---``).
"""

from __future__ import annotations

import tabulate as tabulate_module
from tabulate import tabulate

from tui.escape import markdown_cell
from tui.export.layout import Grid, Section

tabulate_module.WIDE_CHARS_MODE = True


def render_grid(grid: Grid) -> str:
    """One grid as a Markdown pipe table."""
    return tabulate(
        [[markdown_cell(cell) for cell in row] for row in grid.rows],
        headers=[markdown_cell(h) for h in grid.headers],
        tablefmt="pipe",
        colalign=grid.align,
        disable_numparse=True,
    )


def render_markdown(sections: list[Section]) -> str:
    """The whole document: a ``#`` title per section, then each project's tables."""
    blocks = []
    for section in sections:
        blocks.append("# " + markdown_cell(section.title))
        for number, grids in enumerate(section.projects):
            if number:
                blocks.append("---")
            blocks.extend(render_grid(grid) for grid in grids)
    return "\n\n".join(blocks) + "\n"
