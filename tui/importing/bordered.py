"""Plain-text tables drawn with borders, each row's cells wrapped over several lines.

``jixiao export --format txt`` (tabulate's ``grid``), psql, MySQL and org-mode
draw a table with rules between its rows (``+------+-----+``, ``+======+``,
``├──┼──┤``) and ``|`` or ``│`` between its cells; a cell too wide for its column
runs on over the next lines of the same row::

    | 产出指标 | 数量指标 | 培训场次 | 一年举办1次 |
    |          |          |          | 社区专管员  |

The lines between two rules are one row: each column's pieces are joined (with
no space between Chinese, with one between two Latin words) into one cell, and
the row becomes one record whose fields are final, as a spreadsheet's quoted
cells are (``tui.importing.quoted``). Outside such a table nothing changes.
"""

from __future__ import annotations

import itertools
import re

from tui.importing.quoted import Field, Record

_RULE = re.compile(r"^\s*[+├╞╟┝┠┣╠╒╓┌╔][-=+:─━═┼╪╫┿╂╋╬┬┯┰┳╤╥╦]*[+┤╡╢┥┨┫╣╕╖┐╗]\s*$")
_BAR = re.compile(r"[|│┃║]")
_ROW = re.compile(r"^\s*[|│┃║].*[|│┃║]\s*$")
_LETTER = re.compile(r"[A-Za-z]")


def join_pieces(pieces: list[str]) -> str:
    """A cell's pieces, one a line, as its text: ``一年举办1次`` + ``社区专管员`` and a number
    cut in two (``1000-15`` + ``00次``, ``≥9`` + ``5%``) → no space; two Latin words
    (``Service`` + ``level``) → one space, where the wrap took it."""
    text = ""
    for piece in pieces:
        space = text and _LETTER.match(text[-1]) and _LETTER.match(piece[0])
        text += (" " if space else "") + piece
    return text


def _row(lines: list[Record]) -> Record:
    """The physical lines of one bordered row as one record of final (quoted) fields."""
    raw = "\n".join(line.text for line in lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line.text) + 1)
    columns: list[list[tuple[int, int, str]]] = []  # per column: (start, end, piece)
    for offset, line in zip(starts, lines, strict=True):
        bars = [m.start() for m in _BAR.finditer(line.text)]
        for k, (left, right) in enumerate(itertools.pairwise(bars)):
            if len(columns) <= k:
                columns.append([])
            text = line.text[left + 1 : right]
            if text.strip():
                begin = offset + left + 1 + len(text) - len(text.lstrip())
                columns[k].append((begin, begin + len(text.strip()), text.strip()))
    fields = []
    for k, pieces in enumerate(columns):
        if pieces:
            text = join_pieces([p for _, _, p in pieces])
            fields.append(Field(text, pieces[0][0], pieces[-1][1], quoted=True))
        else:  # an empty cell keeps its column
            fields.append(Field("", starts[0] + k, starts[0] + k, quoted=True))
    return Record(lines[0].first, raw, tuple(fields))


def join_bordered(found: list[Record]) -> list[Record]:
    """``found`` with the lines of each row of a bordered table joined into one record
    (the table's rules left out)."""
    out: list[Record] = []
    i = 0
    closing = False  # the last record was a bordered row: a rule next closes it
    while i < len(found):
        record = found[i]
        rule = not record.quoted and bool(_RULE.match(record.text))
        j = i + 1
        while rule and j < len(found) and not found[j].quoted and _ROW.match(found[j].text):
            j += 1
        if rule and i + 1 < j < len(found) and _RULE.match(found[j].text):
            out.append(_row(found[i + 1 : j]))
            i, closing = j, True
            continue
        if not (rule and closing):
            out.append(record)
        i, closing = i + 1, False
    return out
