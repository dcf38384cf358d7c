"""Split pasted text into cells, each with its (line, column) position.

Text copied out of a spreadsheet, a document or a PDF arrives in a few shapes,
decided line by line:

* cells separated by tabs (Excel, WPS, Word tables);
* cells separated by ``|`` (Markdown tables, some web pages);
* cells separated by runs of two or more spaces (PDF text, fixed-width text);
* one cell per line with blank lines between (web pages, PDF viewers): when
  (nearly) every line holds a single cell the grid is a *stream*, and the
  readers use the order of the cells, not the lines.

Lines made only of drawing characters (a heading underlined with dashes, a
Markdown table's ``|---|---|`` row) are layout, not cells, and are dropped;
a Markdown ``#`` heading marker is removed from the start of a line.
Positions are 1-based; ``column`` is the character column where the cell's
text starts, ``index`` the 0-based field number in its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPACES = re.compile(r"(?: {2,}|\u3000+)")
_RULE = re.compile(r"^[-=_—─━:+*~.·]{3,}$")
_HEADING = re.compile(r"^(#{1,6})\s+")
# A grid is a stream when at most this share of its non-empty lines hold several cells.
_STREAM_SHARE = 0.1


@dataclass(frozen=True)
class Cell:
    """One non-empty cell: its stripped text and where it starts."""

    text: str
    line: int
    column: int
    index: int

    @property
    def key(self) -> tuple[int, int]:
        """The cell's position ``(line, column)``, unique within one grid."""
        return (self.line, self.column)


@dataclass
class Grid:
    """The non-empty lines of a paste, each as its list of non-empty cells."""

    rows: list[list[Cell]] = field(default_factory=list)
    stream: bool = False

    def cells(self) -> list[Cell]:
        """Every cell, in reading order."""
        return [cell for row in self.rows for cell in row]


def _fields(line: str) -> list[tuple[int, str]]:
    """The fields of one line as ``(offset, raw text)``, by the line's own separator."""
    if "\t" in line:
        sep: re.Pattern[str] | str = "\t"
    elif "|" in line:
        sep = "|"
    elif _SPACES.search(line.strip()):
        sep = _SPACES
    else:
        return [(0, line)]
    out: list[tuple[int, str]] = []
    start = 0
    matches = re.finditer(re.escape(sep), line) if isinstance(sep, str) else sep.finditer(line)
    for match in matches:
        out.append((start, line[start : match.start()]))
        start = match.end()
    out.append((start, line[start:]))
    return out


def _line_cells(line: str, number: int) -> list[Cell]:
    heading = _HEADING.match(line)
    offset = heading.end() if heading else 0
    cells: list[Cell] = []
    for index, (start, raw) in enumerate(_fields(line[offset:])):
        text = raw.strip()
        if text:
            lead = len(raw) - len(raw.lstrip())
            cells.append(Cell(text, number, offset + start + lead + 1, index))
    if cells and all(_RULE.match(cell.text) for cell in cells):
        return []
    return cells


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` (``\\r\\n``, ``\\r`` and ``\\n`` all end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def split_cells(text: str) -> Grid:
    """The grid of non-empty cells of pasted ``text``."""
    text = text.removeprefix("\ufeff")
    rows = [
        row
        for number, line in enumerate(split_lines(text), start=1)
        if (row := _line_cells(line, number))
    ]
    multi = sum(1 for row in rows if len(row) > 1)
    stream = len(rows) > 1 and multi <= _STREAM_SHARE * len(rows)
    if stream:
        rows = [[cell] for row in rows for cell in row]
    return Grid(rows=rows, stream=stream)
