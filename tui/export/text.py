"""Plain-text export: tabulate grids whose lines fit a given display width.

tabulate measures cells with ``wcwidth`` (``WIDE_CHARS_MODE``), so a Chinese
character counts two columns. The wrapping is done here, before tabulate sees
the cells, because tabulate's own ``maxcolwidths`` wraps by code points and can
split a grapheme cluster. Column widths are chosen by "water filling": the
widest columns give up space first, no column gets narrower than its widest
grapheme; when even that does not fit, the narrowest possible table is printed.
"""

from __future__ import annotations

from functools import lru_cache

import tabulate as tabulate_module
from tabulate import tabulate

from tui.escape import visible
from tui.export.layout import Grid, Section
from tui.export.wrap import display_width, min_width, wrap_text

DEFAULT_STYLE = "grid"
# tabulate styles that are plain text and keep multi-line cells inside the box.
TEXT_STYLES = (
    "grid",
    "simple_grid",
    "rounded_grid",
    "heavy_grid",
    "mixed_grid",
    "double_grid",
    "fancy_grid",
    "colon_grid",
    "outline",
    "simple_outline",
    "rounded_outline",
    "heavy_outline",
    "mixed_outline",
    "double_outline",
    "psql",
    "pretty",
    "presto",
    "simple",
    "plain",
    "rst",
    "orgtbl",
)

tabulate_module.WIDE_CHARS_MODE = True


def _render(headers: list[str], rows: list[list[str]], align: tuple[str, ...], style: str) -> str:
    return tabulate(rows, headers=headers, tablefmt=style, colalign=align, disable_numparse=True)


@lru_cache(maxsize=64)
def _frame(style: str, ncols: int) -> tuple[int, int]:
    """(columns used by borders and padding, extra width tabulate adds to a header)."""

    def probe(cell: str) -> int:
        text = _render(["x"] * ncols, [[cell] * ncols], ("left",) * ncols, style)
        return display_width(text)

    overhead = probe("x" * 8) - 8 * ncols
    header_pad = max((probe("x") - overhead) // ncols - 1, 0)
    return overhead, header_pad


def _fit(natural: list[int], minimum: list[int], room: int) -> list[int]:
    """Column widths within ``room``: cap the widest columns, never below ``minimum``."""
    if sum(natural) <= room:
        return natural
    low, high = 0, max(natural)
    while low < high:
        cap = (low + high + 1) // 2
        if sum(max(lo, min(nat, cap)) for nat, lo in zip(natural, minimum)) <= room:
            low = cap
        else:
            high = cap - 1
    widths = [max(lo, min(nat, low)) for nat, lo in zip(natural, minimum)]
    spare = room - sum(widths)
    for index, nat in enumerate(natural):
        if spare <= 0:
            break
        if widths[index] < nat:
            widths[index] += 1
            spare -= 1
    return widths


def render_grid(grid: Grid, width: int | None, style: str = DEFAULT_STYLE) -> str:
    """One grid as text; every line at most ``width`` columns when that is possible."""
    headers = [visible(h) for h in grid.headers]
    rows = [[visible(cell) for cell in row] for row in grid.rows]
    if width is not None:
        overhead, pad = _frame(style, len(headers))
        natural, minimum = [], []
        for head, *cells in zip(headers, *rows):
            natural.append(max([display_width(head) + pad, *map(display_width, cells)]))
            minimum.append(max([min_width(head) + pad, *map(min_width, cells), 1]))
        widths = _fit(natural, minimum, width - overhead)
        headers = [wrap_text(h, w - pad) for h, w in zip(headers, widths)]
        rows = [[wrap_text(cell, w) for cell, w in zip(row, widths)] for row in rows]
    return _render(headers, rows, grid.align, style)


def render_text(sections: list[Section], width: int | None, style: str | None = None) -> str:
    """The whole document: title lines, then each project's grids, blank lines between."""
    style = style or DEFAULT_STYLE
    if style not in TEXT_STYLES:
        raise ValueError(f"style must be one of {TEXT_STYLES}, not {style!r}")
    blocks = []
    for section in sections:
        title = visible(section.title)
        blocks.append(title if width is None else wrap_text(title, width))
        for grids in section.projects:
            blocks.extend(render_grid(grid, width, style) for grid in grids)
    return "\n\n".join(blocks) + "\n"
