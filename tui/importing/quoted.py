"""The records of pasted text, with spreadsheet-quoted cells read back.

Excel, WPS and LibreOffice copy a cell that holds a line break (or a tab, or a
double quote) in double quotes, with ``""`` for a quote inside and the line
break kept as it is: ``"第一行\\n第二行"`` — the ``excel-tab`` dialect of
Python's ``csv`` module, which ``jixiao export --format tsv`` writes too. Such
a cell makes one *record* of several lines of text.

A field is read as quoted only when it starts with ``"`` (at the start of a
line or right after a tab) and its closing ``"`` — every other ``"`` in it
doubled — is followed by a tab, a line break or the end of the text. Any other
field is literal text: ``"十四五"规划``, ``a"b`` and a lone ``"`` stay as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

_FIELD_END = re.compile(r"[\t\n]")
# Characters that show nothing: soft hyphen, zero-width spaces and joiners, direction
# marks and embeddings, word joiners, the byte-order mark. A web page's copy carries
# them inside words (指\u200b标), where they would hide a label from every comparison.
_INVISIBLE = dict.fromkeys(
    [0xAD, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF]
)


def visible(text: str) -> str:
    """``text`` without the characters that show nothing (zero-width spaces, BOM, …)."""
    return text.translate(_INVISIBLE)


@dataclass(frozen=True)
class Field:
    """One field of a record: its text (quotes taken off) and where it lies in the record."""

    text: str
    start: int  # offset in the record's text where the cell's text starts
    end: int  # offset just after the cell's text
    quoted: bool = False


@dataclass(frozen=True)
class Record:
    """One line of a paste, or several joined by a quoted cell that spans them."""

    first: int  # 1-based number of the record's first line
    text: str  # the raw text, its lines joined by "\n"
    fields: tuple[Field, ...]

    @property
    def last(self) -> int:
        """The number of the record's last line."""
        return self.first + self.text.count("\n")

    @property
    def quoted(self) -> bool:
        """Whether a field of the record was quoted (its fields are then final)."""
        return any(f.quoted for f in self.fields)

    @cached_property
    def _line_starts(self) -> list[int]:
        """The offset in the record's text where each of its lines starts."""
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def line_of(self, offset: int) -> int:
        """The number of the line that ``offset`` in the record's text lies on."""
        return self.first + bisect_right(self._line_starts, offset) - 1

    def column_of(self, offset: int) -> int:
        """The 1-based column of ``offset`` in the record's text, on its own line."""
        return offset - self._line_starts[self.line_of(offset) - self.first] + 1


def _closing(text: str, start: int) -> int | None:
    """Just past the closing quote of a quoted field opening at ``start``, or ``None``."""
    pos = start + 1
    while (quote := text.find('"', pos)) >= 0:
        after = quote + 1
        if text.startswith('"', after):
            pos = after + 1  # "" is one quote inside the cell
            continue
        return after if after == len(text) or text[after] in "\t\n" else None
    return None


def records(text: str) -> list[Record]:
    """The records of ``text`` (``\\r\\n``, ``\\r`` and ``\\n`` all end a line), its
    invisible characters dropped (see ``visible``).

    Without any quoted cell, there is one record per line, exactly the lines of
    ``text`` (an empty text is one empty record).
    """
    text = visible(text).replace("\r\n", "\n").replace("\r", "\n")
    out: list[Record] = []
    pos, line = 0, 1
    while pos <= len(text):
        start = pos
        fields: list[Field] = []
        while True:
            closing = _closing(text, pos) if text.startswith('"', pos) else None
            if closing is not None:
                inner = text[pos + 1 : closing - 1].replace('""', '"')
                fields.append(Field(inner, pos + 1 - start, closing - 1 - start, quoted=True))
                pos = closing
            else:
                found = _FIELD_END.search(text, pos)
                stop = found.start() if found else len(text)
                fields.append(Field(text[pos:stop], pos - start, stop - start))
                pos = stop
            if not text.startswith("\t", pos):
                break
            pos += 1
        record = Record(line, text[start:pos], tuple(fields))
        out.append(record)
        line = record.last + 1
        pos += 1  # past the line break (or past the end)
    return out


_DOUBLE_SPACED = 0.9  # share of a paste's lines followed by a blank line
_DOUBLE_LINES = 6  # …among at least this many lines


def single_spaced(found: list[Record]) -> list[Record]:
    """``found`` without the blank line after each line when a web page's copy put one
    there (``<p>`` a line): every line but a few is followed by a blank line. A run
    of blank lines keeps half its lines (three were one, the page's and its own);
    line numbers stay."""
    blank = [not r.quoted and not r.text.strip() for r in found]
    lines = [i for i, b in enumerate(blank) if not b]
    followed = sum(1 for i in lines if i + 1 < len(found) and blank[i + 1])
    if len(lines) < _DOUBLE_LINES or followed < _DOUBLE_SPACED * (len(lines) - 1):
        return found
    out: list[Record] = []
    run: list[Record] = []  # the blank lines since the last line
    for record, empty in zip(found, blank, strict=True):
        if empty:
            run.append(record)
            continue
        out += run[: len(run) // 2]  # each line's own blank line gone, then half the rest
        run = []
        out.append(record)
    return out + run[: len(run) // 2]
