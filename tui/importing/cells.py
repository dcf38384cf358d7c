"""Split pasted text into cells, each with its (line, column) position.

Text copied out of a spreadsheet, a document, a web page or a PDF arrives in a
few shapes, decided line by line:

* cells separated by tabs (Excel, WPS, Word tables) or by ``|`` (Markdown,
  web tables); a web table flattened to one cell per line ending in ``|`` has
  its wrapped cells (``项目资金`` / ``(万元) |``) joined again;
* cells separated by runs of two or more spaces (PDF text); a single space
  inside such a cell also separates when one side of it is a known label;
* cells separated by single spaces (web tables flattened to text), where
  ``一级 指标`` is joined back into one label;
* no separator at all (``产出指标数量指标校舍改造覆盖率100%``): cut by known
  labels and value shapes (``tui.importing.glued``);
* one cell per line: when (nearly) every line holds a single cell the grid is
  a *stream*, and the readers use the order of the cells, not the lines; a
  label wrapped over two lines (``主管部门`` / ``及编码``) is joined.

A cell a spreadsheet copied in double quotes (one holding a line break, a tab
or a quote: ``"第一行\n第二行"``) is read back as one cell, its lines a single
row of the grid (``tui.importing.quoted``); the other cells of that row are
taken as they are, split at tabs only.

Lines made only of drawing characters are layout and dropped; a Markdown ``#``
heading marker is removed. A leading ``'`` that ``jixiao export --format tsv``
put before ``=``, ``+``, ``-``, ``@`` (or another ``'``) is taken off again.
Positions are 1-based; ``column`` is the character column where the cell's
text starts, ``index`` the 0-based field number in its line, ``end_line`` the
last line the cell's text reaches. In a row that spans lines (a quoted cell),
every cell has the row's first line and its column counts from the start of
that line, line breaks included, so that ``(line, column)`` stays unique.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tui.importing.bracketed import split_bracketed
from tui.importing.columns import column_slot
from tui.importing.glued import (
    paste_is_glued,
    split_glued,
    split_value,
    starts_with_label,
    unwrap_spaces,
)
from tui.importing.labels import closing_section, furniture, header_label, normalise
from tui.importing.levels import is_level
from tui.importing.quoted import Record, records
from tui.importing.shapes import is_value

_SPACES = re.compile(r"(?: {2,}|\u3000+)")
_RULE = re.compile(r"^[-=_—─━:+*~.·]{3,}$")
_HEADING = re.compile(r"^(#{1,6})\s+")
_GUARD = re.compile(r"^'(?=[=+\-@'\t\r])")
_STREAM_SHARE = 0.1  # a grid is a stream when at most this share of lines hold several cells
_PIPE_SHARE = 0.5  # …and pipe-terminated when at least this share of lines end in "|"
_WRAP_MAX = 20  # a wrapped cell's pieces are short
_WRAP_LINES = 4
_BARE_NUMBER = re.compile(r"^[\d.,]+$")
_MANY_WORDS = 3  # a line of this many single-space-separated words is a row of cells


@dataclass(frozen=True)
class Cell:
    """One non-empty cell: its stripped text and where it starts."""

    text: str
    line: int
    column: int
    index: int
    end_line: int = 0
    tabular: bool = False  # from a tab- or "|"-separated line: ``index`` is a real column

    @property
    def key(self) -> tuple[int, int]:
        """The cell's position ``(line, column)``, unique within one grid."""
        return (self.line, self.column)

    @property
    def last_line(self) -> int:
        """The last line the cell's text reaches."""
        return max(self.line, self.end_line)


@dataclass
class Grid:
    """The non-empty lines of a paste, each as its list of non-empty cells."""

    rows: list[list[Cell]] = field(default_factory=list)
    stream: bool = False
    glued: bool = False
    bracketed: frozenset[int] = frozenset()  # lines cut by ``split_bracketed``

    def cells(self) -> list[Cell]:
        """Every cell, in reading order."""
        return [cell for row in self.rows for cell in row]


def is_label(text: str) -> bool:
    """Whether ``text`` is a header label, a column heading or a known 一级/二级 name."""
    label = header_label(text)
    return (label is not None and label.inline is None) or is_level(text, strong=True)


def unguard(text: str) -> str:
    """``'=SUM`` → ``=SUM``: the spreadsheet guard ``jixiao export`` adds, taken off."""
    return _GUARD.sub("", text)


def _split(line: str, sep: re.Pattern[str] | str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    start = 0
    matches = re.finditer(re.escape(sep), line) if isinstance(sep, str) else sep.finditer(line)
    for match in matches:
        out.append((start, line[start : match.start()]))
        start = match.end()
    out.append((start, line[start:]))
    return out


def _joins(first: str, second: str) -> bool:
    """Whether two pieces are one label cut in two (``主管部门`` + ``及编码``).

    Two labels stay apart, except a column heading whose first half is no
    column heading (``年度`` + ``指标值`` → ``年度指标值``).
    """
    joined = first + second
    if not is_label(joined):
        return False
    heading = column_slot(joined) is not None and column_slot(first) is None
    if is_label(first) and is_label(second) and not heading:
        return False
    return normalise(joined) not in (normalise(first), normalise(second))


def _rejoin(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join neighbouring space-separated tokens that form one label (``一级 指标``)."""
    out: list[tuple[int, str]] = []
    for start, text in tokens:
        if out and text and out[-1][1]:
            prev_start, prev = out[-1]
            if _joins(prev, text) or (text[0] in "(（" and is_label(prev)):
                out[-1] = (prev_start, prev + " " + text)
                continue
        out.append((start, text))
    return out


def _spaced(start: int, raw: str, always: bool, pairs: bool = False) -> list[tuple[int, str]]:
    """A field split at single spaces when a label is involved (or, ``always``, 3+ words).

    ``市人社局 111`` and ``影响程度 较高`` stay whole; ``产出指标 数量指标 受益户数 120户``
    and ``(万元) 年度资金总额: 1125`` are cut; with ``pairs`` (a paste whose lines are
    rows of cells) so is a name and its value, ``资金拨付 12月底到位``.
    """
    tokens = _bracketed([(start + s, t) for s, t in _split(raw, " ")])
    words = [t for _, t in tokens if t]
    labelled = any(is_label(w.rstrip(":：")) or starts_with_label(w) for w in words)
    row = len(words) >= _MANY_WORDS or (pairs and _name_and_value(words))
    if len(words) < 2 or not (labelled or (always and row)):
        return [(start, raw)]
    return _rejoin(tokens)


def _bracketed(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Space-separated tokens with a space inside parentheses joined again: ``( ≥**个 )``."""
    out: list[tuple[int, str]] = []
    depth = 0
    for start, text in tokens:
        if depth > 0 and out:
            out[-1] = (out[-1][0], out[-1][1] + " " + text)
        else:
            out.append((start, text))
        depth = max(
            0, depth + sum(text.count(c) for c in "(（") - sum(text.count(c) for c in ")）")
        )
    return out


def _name_and_value(words: list[str]) -> bool:
    """``流转土地 >=60亩``, ``资金拨付 12月底到位``: a name and its value (not ``市人社局 111``)."""
    return len(words) == 2 and not is_value(words[0]) and not _BARE_NUMBER.match(words[1])


def _fields(line: str, pairs: bool = False) -> tuple[list[tuple[int, str]], str]:
    """The fields of one line as ``(offset, raw text)``, and the separator kind."""
    if "\t" in line:
        return _split(line, "\t"), "tab"
    if "|" in line:
        return _split(line, "|"), "pipe"
    stripped = line.strip()
    if _SPACES.search(stripped):
        out: list[tuple[int, str]] = []
        for start, raw in _split(line, _SPACES):
            out += _spaced(start, raw, always=False)
        return out, "spaces"
    if " " in stripped and (len(stripped) > _WRAP_MAX * 2 or furniture(stripped) is None):
        return _spaced(0, line, always=True, pairs=pairs), "space"
    return [(0, line)], "none"


def _glue(start: int, text: str, inner: bool) -> list[tuple[int, str]]:
    """A glued field cut into its cells, with their offsets."""
    out, at = [], 0
    for part in split_glued(text, inner=inner):
        found = text.find(part, at)
        found = at if found < 0 else found
        out.append((start + found, part))
        at = found + len(part)
    return out


def _record_cells(record: Record) -> list[Cell]:
    """The cells of a record with a quoted cell: its fields as they are, split at tabs only."""
    cells: list[Cell] = []
    tabular = len(record.fields) > 1
    for index, found in enumerate(record.fields):
        text = unguard(found.text.strip())
        if not text:
            continue
        begin = found.start + len(found.text) - len(found.text.lstrip())
        last = record.line_of(found.end)
        end = last if last != record.first else 0
        cells.append(Cell(text, record.first, begin + 1, index, end, tabular))
    return cells


def _line_cells(line: str, number: int, end: int, glued: bool, pairs: bool = False) -> list[Cell]:
    heading = _HEADING.match(line)
    offset = heading.end() if heading else 0
    fields, kind = _fields(line[offset:], pairs)
    cells: list[Cell] = []
    for index, (start, raw) in enumerate(fields):
        text = raw.strip()
        if not text:
            continue
        begin = offset + start + len(raw) - len(raw.lstrip())
        parts = [(begin, text)]
        # In a row of several cells (not a glued paste), a cell starting with a header
        # label is an indicator name (财政资金到位及时支付率), not a label and its value.
        if kind not in ("tab", "pipe") and (glued or len(fields) < _MANY_WORDS):
            parts = _glue(begin, text, inner=glued)
            if glued and len(parts) == 1 and not starts_with_label(text):
                parts = _glue_value(begin, text)
        for at, part in parts:
            part = unguard(part.strip())
            if part:
                cells.append(Cell(part, number, at + 1, index, end, kind in ("tab", "pipe")))
    if cells and all(_RULE.match(cell.text) for cell in cells):
        return []
    return cells


def line_cells(line: str, number: int) -> list[Cell]:
    """The cells of one line of text (a PDF text line, a Word paragraph), like a paste's."""
    return _line_cells(line, number, 0, glued=False)


def _glue_value(begin: int, text: str) -> list[tuple[int, str]]:
    parts, at = [], 0
    for part in split_value(text):
        parts.append((begin + text.find(part, at), part))
        at = parts[-1][0] - begin + len(part)
    return parts


def _logical_lines(found: list[Record]) -> list[tuple[int, int, str, Record | None]]:
    """``(first line, last line, text, record)``: pipe-terminated cells wrapped over lines joined.

    ``record`` is given for a record with a quoted cell, whose cells are read from it.
    """
    lines = [r.text for r in found if not r.quoted]
    filled = [ln for ln in lines if ln.strip()]
    piped = sum(1 for ln in filled if ln.rstrip().endswith("|"))
    out = [(r.first, r.last, r.text, r if r.quoted else None) for r in found]
    if not filled or piped < _PIPE_SHARE * len(filled) or piped < _WRAP_LINES:
        return out
    joined: list[tuple[int, int, str, Record | None]] = []
    i = 0
    while i < len(out):
        j = i
        while (
            j < len(out)
            and j - i < _WRAP_LINES
            and out[j][3] is None
            and "|" not in out[j][2]
            and "\t" not in out[j][2]
            and 0 < len(out[j][2].strip()) <= _WRAP_MAX
        ):
            j += 1
        if j > i and j < len(out) and out[j][3] is None and out[j][2].rstrip().endswith("|"):
            pieces = [out[k][2].strip() for k in range(i, j + 1)]
            joined.append((out[i][0], out[j][0], "".join(pieces), None))
            i = j + 1
            continue
        joined.append(out[i])
        i += 1
    return joined


def _join_wrapped(rows: list[list[Cell]]) -> list[list[Cell]]:
    """In a stream, join a label wrapped over two or three lines (``年度`` / ``目标``).

    A closing section label of the form (``偏差大或`` / ``目标未完成`` / ``原因分析``)
    is joined too, so that it is seen as the end of the table.
    """
    cells = [row[0] for row in rows]
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        for size in (2, 3):
            parts = cells[i : i + size]
            texts = [c.text for c in parts]
            if len(parts) == size and (
                (size == 2 and _joins(*texts)) or closing_section("".join(texts))
            ):
                joined = "".join(texts)
                cell = Cell(joined, cell.line, cell.column, cell.index, parts[-1].last_line)
                i += size - 1
                break
        out.append(cell)
        i += 1
    return [[cell] for cell in out]


def _rows(
    lines: list[tuple[int, int, str, Record | None]], glued: bool, pairs: bool
) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for number, end, line, record in lines:
        if record:
            row = _record_cells(record)
        else:
            origin: list[int] | None = None
            if glued and "\t" not in line and "|" not in line:
                line, origin = unwrap_spaces(line)  # 管理制 度严格执行率: a docx line wrap
            row = _line_cells(line, number, end if end != number else 0, glued, pairs)
            if origin is not None:
                row = [replace(c, column=origin[c.column - 1] + 1) for c in row]
        if row:
            out.append(row)
    return out


def split_cells(text: str) -> Grid:
    """The grid of non-empty cells of pasted ``text``."""
    lines = _logical_lines(records(text.removeprefix("\ufeff")))
    glued = paste_is_glued(
        [
            raw.strip()
            for _, _, line, record in lines
            if record is None and "\t" not in line and "|" not in line
            for _, raw in _fields(line)[0]
            if raw.strip()
        ]
    )
    rows = _rows(lines, glued, pairs=False)
    multi = sum(1 for row in rows if len(row) > 1)
    stream = len(rows) > 1 and multi <= _STREAM_SHARE * len(rows)
    if not stream:  # lines are rows of cells: a two-word line is a name and its value
        rows = _rows(lines, glued, pairs=True)
    rows, bracketed = _unbracket(rows)
    rows = _join_wrapped([[c] for row in rows for c in row]) if stream else _join_tails(rows)
    return Grid(rows=rows, stream=stream, glued=glued, bracketed=bracketed)


def _unbracket(rows: list[list[Cell]]) -> tuple[list[list[Cell]], frozenset[int]]:
    """The rows with each bracketed heading or numbered indicator cut into its cells,
    and the lines where that was done."""
    out: list[list[Cell]] = []
    lines: set[int] = set()
    for row in rows:
        cut: list[Cell] = []
        for i, cell in enumerate(row):
            parts = split_bracketed(cell.text, last=i == len(row) - 1)
            if parts is None:
                cut.append(cell)
                continue
            lines.add(cell.line)
            cut += [replace(cell, text=text, column=cell.column + at) for at, text in parts]
        out.append(cut)
    return out, frozenset(lines)


def _join_tails(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A line that is only the end of the label the line above ends with, joined to it.

    ``绩效指标 项目完成`` / ``指标`` → ``绩效指标 | 项目完成指标``.
    """
    out: list[list[Cell]] = []
    for row in rows:
        if out and len(row) == 1 and len(row[0].text) <= _WRAP_MAX:
            prev, cell = out[-1][-1], row[0]
            if _joins(prev.text, cell.text):
                joined = replace(prev, text=prev.text + cell.text, end_line=cell.last_line)
                out[-1] = [*out[-1][:-1], joined]
                continue
        out.append(row)
    return out
