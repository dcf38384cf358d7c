"""Join the lines a PDF's layout text wraps a cell onto: a piece printed under its cell.

pdfplumber's layout text (and a PDF viewer's copy) keeps each cell in its column and
wraps a long one onto the next lines, in the same column::

    产出指标    质量指标            重点建设工程验收合格  100%
                                    率

A line whose every piece starts where a cell of the row above starts, on the next
line, hardly wider than that cell, is the rest of those cells — unless a piece is a
value of its own or stands under a whole label (a new row's cells: ``时效指标`` /
``资金拨付``) and does not complete the cell above into a label (``经济效益`` /
``指标``). Under a name, even a word that is a label goes on it (``重点建设工程安排`` /
``数量``). A wrapped cell fills its column, so a piece must stand under a full one
(about as wide as the column's widest), not under one that ends a sentence
(``…的发展。``). Only lines laid out in columns (cells two spaces apart or more) count.

A full cell may touch the next one with a single space (``安置小区物 房屋设备``): it is
cut there when the next column starts there, a place where the cells of three rows or
more (and a quarter of the rows of cells) start. Columns are counted two ways, and
either may line the pieces up: in display columns (a Chinese character is two wide:
text laid out for a terminal, ``tabulate``) and in characters (pdfplumber's layout
text gives every character one column).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import accumulate
from typing import TYPE_CHECKING

from wcwidth import wcwidth

from tui.importing.columns import column_slot
from tui.importing.labels import furniture
from tui.importing.shapes import is_value
from tui.importing.spaced import is_label

if TYPE_CHECKING:
    from tui.importing.cells import Cell

_COLUMNS = "  "  # a line laid out in columns has cells two spaces apart or more
_SLACK = 1  # columns a piece may stand off its cell's start
_WIDER = 4  # …and be wider than it (a line of narrow characters holds more of them)
_FULL = 2  # a cell is full when at most this much narrower than its column's widest
_ENDS = ("。", "；", ";")  # a cell ending a sentence is whole
# A place where cells of this many rows start (and this share of the rows of cells) is a
# column of the table; text not laid out in columns shares few such places by chance.
_COLUMN_ROWS, _COLUMN_SHARE = 3, 0.25


def _display(char: str) -> int:
    """The display columns of one character (a Chinese one takes two, a control none)."""
    return max(wcwidth(char), 0)


def _one(char: str) -> int:
    """One column for every character, as pdfplumber's layout text counts them."""
    return 1


class _Measure:
    """Where cells start and how wide they are, counted one way (``char`` gives the
    columns one character takes)."""

    def __init__(
        self, char: Callable[[str], int], rows: list[list[Cell]], texts: dict[int, str]
    ) -> None:
        self.char = char
        self.texts = texts
        self._starts: dict[int, list[int]] = {}  # line → the column before each character
        self.widest: dict[int, int] = {}  # a column's widest cell, by where its cells start
        self.columns: Counter[int] = Counter()  # how many rows of cells have one starting there
        for row in rows:
            for cell in row:
                if cell.line in texts and not cell.tabular:
                    x = self.x(cell)
                    self.widest[x] = max(self.widest.get(x, 0), self.width(cell.text))
                    self.columns[x] += len(row) > 1
        rows_of_cells = sum(len(row) > 1 for row in rows)
        self.shared = max(_COLUMN_ROWS, rows_of_cells * _COLUMN_SHARE)

    def width(self, text: str) -> int:
        """The columns ``text`` takes."""
        return sum(map(self.char, text))

    def at(self, line: int, offset: int) -> int:
        """The column where character ``offset`` of line ``line`` stands (each line's
        columns are counted once: a long line costs its length, not its length squared)."""
        starts = self._starts.get(line)
        if starts is None:
            starts = list(accumulate(map(self.char, self.texts[line]), initial=0))
            self._starts[line] = starts
        return starts[min(offset, len(starts) - 1)]

    def x(self, cell: Cell) -> int:
        """The column where ``cell`` starts on its line."""
        return self.at(cell.line, cell.column - 1)

    def full(self, cell: Cell) -> bool:
        """Whether ``cell``'s last line fills its column and does not end a sentence."""
        last = cell.parts[-1] if cell.parts else cell
        whole = self.widest.get(self.x(cell), 0) - _FULL
        return self.width(last.text) >= whole and not cell.text.endswith(_ENDS)


def join_aligned(rows: list[list[Cell]], texts: dict[int, str]) -> list[list[Cell]]:
    """``rows`` with each cell that runs into the next column cut where it starts, and
    each line that only continues the cells of the row above joined to them; ``texts``:
    each line's text, by number (to find where cells start)."""
    measures = [_Measure(_display, rows, texts), _Measure(_one, rows, texts)]
    rows = [_cut_at_columns(row, texts, measures) for row in rows]
    measures = [_Measure(_display, rows, texts), _Measure(_one, rows, texts)]  # cells as cut
    out: list[list[Cell]] = []
    for row in rows:
        joined = None
        if out and _laid_out(out[-1], row, texts):
            joined = next((j for m in measures if (j := _continued(out[-1], row, m))), None)
        if joined is None:
            out.append(row)
        else:
            out[-1] = joined
    return out


def _cut_at_columns(row: list[Cell], texts: dict[int, str], measures: list[_Measure]) -> list[Cell]:
    """``row`` with a cell cut at a single space where a column of the table starts: a
    cell filling its column touches the next one (``安置小区物 房屋设备``) in layout text."""
    if not row or any(c.tabular or c.line not in texts for c in row):
        return row
    if _COLUMNS not in texts[row[0].line].strip():
        return row
    out: list[Cell] = []
    for cell in row:
        for measure in measures:
            cut = _column_cut(cell, measure)
            if cut is not None:
                out += [replace(cell, text=cell.text[:cut]), _tail(cell, cut + 1)]
                break
        else:
            out.append(cell)
    return out


def _column_cut(cell: Cell, measure: _Measure) -> int | None:
    """Where in ``cell`` a single space stands just before a column of the table."""
    depth = 0  # parentheses open: ( ≥**% ) — a space inside them cuts nothing
    text = cell.text
    for i, ch in enumerate(text):
        depth = max(0, depth + (ch in "(（") - (ch in ")）"))
        if ch != " " or depth or not 0 < i < len(text) - 1 or " " in (text[i - 1], text[i + 1]):
            continue
        if measure.columns.get(measure.at(cell.line, cell.column + i), 0) >= measure.shared:
            return i
    return None


def _tail(cell: Cell, start: int) -> Cell:
    """The part of ``cell`` from ``start`` on, as a cell of its own."""
    return replace(cell, text=cell.text[start:], column=cell.column + start)


def _laid_out(above: list[Cell], row: list[Cell], texts: dict[int, str]) -> bool:
    """Whether ``row`` may continue ``above``: fewer cells (as many would be a row of its
    own: 万人 / 公里 under the widest cells), lines laid out in columns."""
    if len(above) < 2 or not row or len(row) >= len(above):
        return False
    if any(c.tabular or c.line not in texts for c in (*above, *row)):
        return False
    return _COLUMNS in texts[above[0].line].strip()


def _continued(above: list[Cell], row: list[Cell], measure: _Measure) -> list[Cell] | None:
    """``above`` with ``row``'s pieces added to the cells they continue, or ``None``."""
    starts = {measure.x(cell): n for n, cell in enumerate(above)}
    joined = list(above)
    for piece in row:
        x = measure.x(piece)
        n = next((starts[s] for s in range(x - _SLACK, x + _SLACK + 1) if s in starts), None)
        if n is None or not _continues(above[n], piece, measure) or not measure.full(above[n]):
            return None  # no cell above it, or one with room left: the piece starts a row
        cell = joined[n]
        parts = (*(cell.parts or (cell,)), piece)
        joined[n] = replace(
            cell, text=cell.text + piece.text, end_line=piece.last_line, parts=parts
        )
    return joined


def _continues(cell: Cell, piece: Cell, measure: _Measure) -> bool:
    """Whether ``piece``, on the line after ``cell`` and under it, is the rest of it."""
    wide = measure.width(piece.text) > measure.width(cell.text) + _WIDER
    if piece.line != cell.last_line + 1 or wide or furniture(piece.text):
        return False  # not on the next line, too wide, or a page number (- 1 -)
    if is_label(cell.text + piece.text) or column_slot(cell.text + piece.text):
        return True  # 经济效益 / 指标, 偏差原因 / 分析
    if is_label(cell.text) or column_slot(cell.text):
        return False  # a whole label goes on with nothing: 时效指标 / 资金拨付 is a new row
    return not is_value(piece.text)  # under a name: 重点建设工程安排 / 数量 goes on
