"""Web tables copied as text with each cell on a line of its own, opened by ``|``.

Some pages' copy (and some HTML-to-text tools) write a table row as its first cell
at the start of a line, then every further cell on the next lines, indented and
opened by ``|``; a line break inside a cell stays as a line of its own, indented,
without the bar::

    项目效益
            | 社会效益
           指标
            | 提升全县消费者维权意识
            | 不断提升

Another copy puts the bar alone on its line before each cell (the cell's text on
the next, indented line), opens the row with a bar and closes it with a line of
bars (``||||``).

Such a row becomes one record whose fields are final, as a spreadsheet's quoted
cells are (``tui.importing.quoted``): ``项目效益 | 社会效益指标 | 提升全县消费者维权意识
| 不断提升``. A row is only read so when at least one line opens with ``|`` and
holds one cell (trailing empty cells aside), and the row's other lines are indented
deeper than its first: an indented Markdown or pipe row of several cells is a whole
row and is left as it is. A line's cell holds no tab and no run of spaces (a layout's or
a spreadsheet's columns, never joined); a blank line, or a line of spaces, ends a row,
and a cell goes on over two lines at most.
"""

from __future__ import annotations

import re

from tui.importing.bordered import join_pieces
from tui.importing.quoted import Field, Record

_SPACE = r"[^\S\t\n]"  # a space, a no-break or an ideographic one; no tab
# One cell's text on a line: no bar, no tab, no run of spaces (a layout's column gap).
_TEXT = rf"[^\s|](?:[^\s|]|{_SPACE}(?=[^\s|]))*"
_EMPTIES = rf"(?P<empties>(?:\|{_SPACE}*+)*)"  # trailing empty cells
# A line opening a row: its first cell (after a bar, in one copy), then no bar but
# trailing empty cells.
_START = re.compile(
    rf"^(?P<indent>{_SPACE}*+)(?=.*\S)(?:\|{_SPACE}*+)?(?P<text>{_TEXT}|){_SPACE}*+{_EMPTIES}$"
)
# A line holding the row's next cell: opened by |, one cell then empty ones.
_CELL = re.compile(rf"^(?P<indent>{_SPACE}*+)\|{_SPACE}*+(?P<text>{_TEXT}|){_SPACE}*+{_EMPTIES}$")
# A line going on with the cell above: text without a bar.
_WRAP = re.compile(rf"^(?P<indent>{_SPACE}*+)(?P<text>{_TEXT}){_SPACE}*+$")
_WRAPS = 2  # lines a cell goes on over, at most
_BAR_LINE = re.compile(r"^\s*\|[|\s]*$")
_BARRED = 8  # bar lines that make a page's text a table written a cell a line between bars
_PROSE = 3  # lines after the last bar that are a report's text, not the table's last cell


def _under(pattern: re.Pattern[str], text: str, indent: int) -> re.Match[str] | None:
    """``pattern``'s match of a line indented deeper than ``indent``, or ``None``."""
    match = pattern.match(text)
    return match if match is not None and len(match["indent"]) > indent else None


def _block_end(found: list[Record], start: int, indent: int) -> int:
    """Just past the last line of the row opening at ``start`` (``start + 1`` when none
    of the lines after it open a cell): the lines indented deeper than it (``indent``)."""
    end, cells, wraps = start + 1, 0, 0
    while end < len(found) and not found[end].quoted:
        text = found[end].text
        if _under(_CELL, text, indent):
            cells, wraps = cells + 1, 0
        elif _under(_WRAP, text, indent) and wraps < _WRAPS:
            wraps += 1
        else:
            break
        end += 1
    return end if cells else start + 1


def _pieces(record: Record, offset: int) -> list[tuple[int, str]]:
    """The cells a row's opening line or cell line opens: ``(offset of its text in the
    row, text)`` each; an empty text for each trailing empty cell."""
    match = _CELL.match(record.text) or _START.match(record.text)
    assert match is not None  # a row's lines other than wraps match one or the other
    out = [(offset + match.start("text"), match["text"])]
    return out + [(offset + match.end("text"), "")] * match["empties"].count("|")


def _row(lines: list[Record]) -> Record:
    """The lines of one row as one record of final fields."""
    raw = "\n".join(line.text for line in lines)
    cells: list[list[tuple[int, str]]] = []  # each cell's pieces: (offset, text)
    offset = 0
    for k, line in enumerate(lines):
        wrap = _WRAP.match(line.text) if k else None
        if wrap is not None:
            cells[-1].append((offset + wrap.start("text"), wrap["text"]))
        else:
            cells += [[piece] for piece in _pieces(line, offset)]
        offset += len(line.text) + 1
    fields = []
    for pieces in cells:
        full = [(at, text) for at, text in pieces if text] or pieces[:1]
        start, end = full[0][0], full[-1][0] + len(full[-1][1])
        fields.append(Field(join_pieces([text for _, text in full]), start, end, quoted=True))
    return Record(lines[0].first, raw, tuple(fields))


def join_piped(found: list[Record]) -> list[Record]:
    """``found`` with each row written a cell a line (see the module) joined into one
    record; every other record as it is."""
    out: list[Record] = []
    i = 0
    while i < len(found):
        record = found[i]
        opening = None if record.quoted else _START.match(record.text)
        end = i + 1 if opening is None else _block_end(found, i, len(opening["indent"]))
        out.append(_row(found[i:end]) if end > i + 1 else record)
        i = end
    return out


def prose_after_bars(found: list[Record]) -> int | None:
    """The first line of a report's text after a table written a cell a line, each cell
    followed by a line holding a bar (``项目完成指标`` / ``|`` / ``质量指标`` / ``|``):
    the lines after the last bar, when there are several; ``None`` for other texts."""
    lines = [r for r in found if not r.quoted and r.text.strip()]
    bars = [n for n, r in enumerate(lines) if _BAR_LINE.match(r.text)]
    if len(bars) < _BARRED or bars[0] == 0 or len(lines) - bars[-1] <= _PROSE:
        return None
    return lines[bars[-1] + 1].first
