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

from tui.importing.aligned import join_aligned
from tui.importing.bordered import join_bordered
from tui.importing.bracketed import is_bracket_heading, split_bracketed
from tui.importing.columns import CORE, column_slot
from tui.importing.glued import (
    glued_cells,
    paste_is_glued,
    starts_with_label,
    unwrap_spaces,
    value_cells,
)
from tui.importing.labels import awaits_value, closing_section, furniture, names_project
from tui.importing.levels import is_level, split_label_prefix
from tui.importing.markdown import join_markdown
from tui.importing.pages import breaks_in_place, page_breaks
from tui.importing.piped import join_piped, prose_after_bars
from tui.importing.quoted import Record, records, single_spaced
from tui.importing.shapes import is_quantity
from tui.importing.spaced import (
    MANY_WORDS,
    as_ascii,
    colons_joined,
    joins,
    split_at,
    split_spaced,
)

_BLOCK_HEADINGS = 2  # after this many indicator column headings, lines are indicator rows
_SPACES = re.compile(r"(?: {2,}|\u3000+)")
_RULE = re.compile(r"^[-=_—─━:+*~.·]{3,}$")
_HEADING = re.compile(r"^(#{1,6})\s+")
_GUARD = re.compile(r"^'(?=[=+\-@'\t\r])")
_STREAM_SHARE = 0.1  # a grid is a stream when at most this share of lines hold several cells
_PIPE_SHARE = 0.5  # …and pipe-terminated when at least this share of lines end in "|"
_WRAP_MAX = 20  # a wrapped cell's pieces are short
_WRAP_LINES = 4
# A report's section heading or a sentence ((三)绩效目标。, 一、项目概况): never half a cell.
_SECTION = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)|。$")


@dataclass(frozen=True)
class Cell:
    """One non-empty cell: its stripped text and where it starts."""

    text: str
    line: int
    column: int
    index: int
    end_line: int = 0
    tabular: bool = False  # from a tab- or "|"-separated line: ``index`` is a real column
    parts: tuple[Cell, ...] = ()  # the cells joined into this one (each placed or reported)
    opened: int = 0  # the line its row opens on, when that row is several lines joined

    @property
    def row_line(self) -> int:
        """The line the cell's row opens on: its own, unless lines were joined into a row
        (a quoted cell's, a bordered row's, a web row written a cell a line)."""
        return self.opened or self.line

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
    prose: int | None = None  # the line a report's text starts after a table between bars

    def cells(self) -> list[Cell]:
        """Every cell, in reading order."""
        return [cell for row in self.rows for cell in row]


def unguard(text: str) -> str:
    """``'=SUM`` → ``=SUM``: the spreadsheet guard ``jixiao export`` adds, taken off."""
    return _GUARD.sub("", text)


def _fields(
    line: str, pairs: bool = False, block: bool = False
) -> tuple[list[tuple[int, str]], str]:
    """The fields of one line as ``(offset, raw text)``, and the separator kind.

    ``block``: the line stands after an indicator heading, where a name and a bare
    number (``开设课程数量 220``) are a row's cells. Spaces starting or ending the line
    are no gap.
    """
    line = line.rstrip(" \u3000")
    if "\t" in line:
        return split_at(line, "\t"), "tab"
    if "|" in line:
        return split_at(line, "|"), "pipe"
    stripped = line.strip()
    if _SPACES.search(stripped):
        out: list[tuple[int, str]] = []
        for start, raw in split_at(line, _SPACES):
            out += split_spaced(start, raw, always=False)
        return colons_joined(line, out), "spaces"
    if " " in stripped and (len(stripped) > _WRAP_MAX * 2 or furniture(stripped) is None):
        indent = len(line) - len(line.lstrip(" \u3000"))
        words = split_spaced(indent, line[indent:], always=True, pairs=pairs, numbers=block)
        return colons_joined(line, words), "space"
    return [(0, line)], "none"


def _record_cells(record: Record) -> list[Cell]:
    """The cells of a record with a quoted cell: its fields as they are, split at tabs only."""
    cells: list[Cell] = []
    tabular = len(record.fields) > 1
    for index, found in enumerate(record.fields):
        text = unguard(found.text.strip())
        if not text:
            continue
        begin = found.start + len(found.text) - len(found.text.lstrip())
        line, last = record.line_of(begin), record.line_of(found.end)
        end = last if last != line else 0
        column = record.column_of(begin)
        cells.append(Cell(text, line, column, index, end, tabular, opened=record.first))
    return cells


def _line_cells(
    line: str, number: int, end: int, glued: bool, pairs: bool = False, block: bool = False
) -> list[Cell]:
    heading = _HEADING.match(line)
    offset = heading.end() if heading else 0
    fields, kind = _fields(line[offset:], pairs, block)
    cells: list[Cell] = []
    for index, (start, raw) in enumerate(fields):
        text = raw.strip()
        if not text:
            continue
        begin = offset + start + len(raw) - len(raw.lstrip())
        parts = [(begin, text)]
        # In a row of several cells (not a glued paste), or after an indicator heading, a
        # cell starting with a header label is an indicator name (财政资金到位及时支付率),
        # not a label and its value; a 一级/二级 name glued to more text is still cut.
        inside = block and not glued and split_label_prefix(text) is None
        if kind not in ("tab", "pipe") and (glued or len(fields) < MANY_WORDS) and not inside:
            parts = glued_cells(begin, text, inner=glued, block=block)
            if glued and len(parts) == 1 and not starts_with_label(text):
                parts = value_cells(begin, text)
        for at, part in parts:
            at += len(part) - len(part.lstrip())  # where the text starts, not its space
            part = unguard(part.strip())
            if part:
                cells.append(Cell(part, number, at + 1, index, end, kind in ("tab", "pipe")))
    if cells and all(_RULE.match(cell.text) for cell in cells):
        return []
    return cells


def line_cells(line: str, number: int) -> list[Cell]:
    """The cells of one line of text (a PDF text line, a Word paragraph), like a paste's."""
    return _line_cells(line, number, 0, glued=False)


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
            and not _SECTION.match(out[j][2].strip())
            and furniture(out[j][2].strip()) is None  # 填报日期:2023.6.28: no half of a cell
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
        if i and awaits_value(cells[i - 1].text):
            out.append(cell)  # 项目起止时间 / 2022年 / 一级指标: a value, not half a heading
            i += 1
            continue
        for size in (2, 3):
            parts = cells[i : i + size]
            texts = [c.text for c in parts]
            if len(parts) == size and (
                (size == 2 and joins(*texts))
                or (size == 3 and _heading_of_three(texts))
                or closing_section("".join(texts))
            ):
                joined = "".join(texts)
                cell = Cell(joined, cell.line, cell.column, cell.index, parts[-1].last_line)
                i += size - 1
                break
        out.append(cell)
        i += 1
    return [[cell] for cell in out]


def _heading_of_three(texts: list[str]) -> bool:
    """``偏差原因`` / ``分析及`` / ``改进措施``: a column heading wrapped over three lines
    (the middle piece no heading of its own, so that three headings stay three)."""
    return column_slot("".join(texts)) is not None and column_slot(texts[1]) is None


def _rows(
    lines: list[tuple[int, int, str, Record | None]], glued: bool, pairs: bool
) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    headings: set[str] = set()  # the indicator headings seen since the last 项目名称
    for number, end, line, record in lines:
        if record:
            row = _record_cells(record)
        else:
            origin: list[int] | None = None
            if glued and "\t" not in line and "|" not in line:
                line, origin = unwrap_spaces(line)  # 管理制 度严格执行率: a docx line wrap
            block = len(headings) >= _BLOCK_HEADINGS
            row = _line_cells(line, number, end if end != number else 0, glued, pairs, block)
            if origin is not None:
                row = [replace(c, column=origin[c.column - 1] + 1) for c in row]
        for cell in row:
            slot = column_slot(cell.text)
            if slot in CORE:
                headings.add(slot)
            elif names_project(cell.text):
                headings.clear()
        if row:
            out.append(row)
    return out


def _several(row: list[Cell], pair: list[Cell]) -> bool:
    """Whether a line holds several cells: split by separators, or a name and its value
    (``疫苗提供及时率 100%`` among the one-cell lines of a PDF's centred names; not
    ``影响程度 较高``, which a stream's cell may hold)."""
    return len(row) > 1 or (len(pair) > 1 and is_quantity(pair[-1].text))


def split_cells(text: str) -> Grid:
    """The grid of non-empty cells of pasted ``text``.

    Outside tab-separated lines (whose cells are taken as they are), a web page's
    no-break and other typographic spaces are read as spaces, a lone ideographic space
    as a space, and a full-width ``｜`` as ``|`` (one character for one: positions stay
    those of ``text``).
    """
    found = join_piped(join_bordered(join_markdown(single_spaced(records(text)))))
    found, breaks = page_breaks(found)
    prose = prose_after_bars(found)
    lines = [
        (first, last, line if record or "\t" in line else as_ascii(line), record)
        for first, last, line, record in _logical_lines(found)
    ]
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
    paired = _rows(lines, glued, pairs=True)  # …and with a two-word line a name and its value
    multi = sum(1 for row, pair in zip(rows, paired, strict=True) if _several(row, pair))
    stream = len(rows) > 1 and multi <= _STREAM_SHARE * len(rows)
    if not stream:  # lines are rows of cells: a two-word line is a name and its value
        rows = paired
    rows, bracketed = _unbracket(rows)
    if not stream and not glued:  # a cell a PDF's layout text wrapped under itself
        rows = join_aligned(rows, {first: line for first, _, line, record in lines if not record})
    rows = _join_wrapped([[c] for row in rows for c in row]) if stream else _join_tails(rows)
    rows = breaks_in_place(rows, [line_cells(r.text, r.first) for r in breaks])
    return Grid(rows=rows, stream=stream, glued=glued, bracketed=bracketed, prose=prose)


def _unbracket(rows: list[list[Cell]]) -> tuple[list[list[Cell]], frozenset[int]]:
    """The rows with each bracketed heading or numbered indicator cut into its cells,
    and the lines where that was done."""
    out: list[list[Cell]] = []
    lines: set[int] = set()
    headed = any(is_bracket_heading(cell.text) for row in rows for cell in row)
    for row in rows:
        cut: list[Cell] = []
        for i, cell in enumerate(row):
            parts = split_bracketed(cell.text, numbered=headed and i == len(row) - 1)
            if parts is None:
                cut.append(cell)
                continue
            lines.add(cell.line)
            cut += [replace(cell, text=text, column=cell.column + at) for at, text in parts]
        out.append(cut)
    return out, frozenset(lines)


def _join_tails(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A line that is the end of the label the line above ends with, or starts with the end
    of a 一级/二级 name (not a heading's piece: ``三级`` / ``指标 | 指标值``): joined to it.

    ``绩效指标 项目完成`` / ``指标`` → ``绩效指标 | 项目完成指标``; ``标 经济效益`` /
    ``指标 全年影院观影人数 ≥4万人次`` → ``标 | 经济效益指标`` and the row.
    """
    out: list[list[Cell]] = []
    for row in rows:
        rest = row[1:]
        if out and len(row[0].text) <= _WRAP_MAX and not (rest and column_slot(rest[0].text)):
            prev, cell = out[-1][-1], row[0]
            whole = prev.text + cell.text  # …and before a row's cells, a 一级/二级 name only
            if joins(prev.text, cell.text) and (not rest or is_level(whole, strong=True)):
                joined = replace(prev, text=whole, end_line=cell.last_line)
                out[-1] = [*out[-1][:-1], joined]
                row = rest
        if row:
            out.append(row)
    return out
