"""Where things are in a table file: ``FieldRef`` → line, built from TOML tokens.

The parser (``tomllib``) does not report positions, so this module walks the
tokens of ``tui.tomlfile.toml_lexer`` once, following TOML's own structure
(tables and arrays of tables, dotted and quoted keys, arrays and inline tables
spanning lines, multi-line strings), and records where each key, table header
and ``[[indicators]]`` block stands. A key is named by the path ``tomllib``
gives it: ``("project", "name")``, ``("indicators", 2, "name")`` for a key of
the third ``[[indicators]]`` row (a ``[indicators.x]`` sub-table stays in that
row; ``[indicators.monitoring.6]`` is ``("indicators", 2, "monitoring", 6)``),
``("a", 0)`` for the first element of the array ``a``. Tables created
only implicitly (``a`` in ``[a.b]`` or ``a.b = 1``) stand where first named.

It also records the comments that stand on their own lines above a key or
header, and the comment at the end of its line, so that ``jixiao fmt`` can carry
them into the canonical layout.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from typing import Any

from tui.model import FieldRef
from tui.tomlfile.toml_lexer import (
    ARRAY_TABLE,
    BARE,
    COMMENT,
    KEY_VALUE,
    NEWLINE,
    PUNCT,
    STRING,
    TABLE,
    tokenize,
)

# Parser states.
_LINE = 0  # at the start of a statement: a key, a [header], a comment or a blank line
_KEY = 1  # reading the parts of a key, up to "="
_VALUE = 2  # a value comes next
_AFTER = 3  # a value or header is complete
_HEADER = 4  # reading the parts of a [table] or [[array]] header
_HEADER_END = 5  # the second "]" of an [[array]] header
_ELEMENT = 6  # inside an array: an element or "]" comes next
_INLINE_KEY = 7  # inside an inline table: a key or "}" comes next


@dataclass
class Block:
    """Line range (0-based, end exclusive) of one ``[[indicators]]`` block."""

    start: int
    header: int
    end: int


@dataclass
class Locator:
    """Positions found in one file's text (lines and columns are 1-based).

    A key's column is that of its value; a header's column is 1.
    """

    positions: dict[FieldRef, tuple[int, int]] = field(default_factory=dict)
    comments_before: dict[FieldRef, list[str]] = field(default_factory=dict)
    inline_comments: dict[FieldRef, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    leading_comments: list[str] = field(default_factory=list)
    line_count: int = 0

    def line_of(self, ref: FieldRef) -> tuple[int, int] | None:
        """``(line, col)`` of ``ref`` or of its nearest located ancestor."""
        ref = tuple(ref)
        while ref:
            pos = self.positions.get(ref)
            if pos is not None:
                return pos
            ref = ref[:-1]
        return None


def _unescaped(token: str) -> str:
    """The text of a basic string with escapes (the parser's own reading of it)."""
    try:
        return str(tomllib.loads("k=" + token)["k"])
    except tomllib.TOMLDecodeError:  # not valid TOML: keep the text as written
        return token[1:-1]


def _key_part(token: str, parts: list[str]) -> None:
    """Add the key part(s) a bare word or quoted string stands for."""
    if token[0] == '"':
        parts.append(_unescaped(token) if "\\" in token else token[1:-1])
    elif token[0] == "'":
        parts.append(token[1:-1])
    elif "." in token:
        parts.extend(part for part in token.split(".") if part)
    else:
        parts.append(token)


class _Layout:
    """Where the ``[[indicators]]`` headers, the headers that end them and the comments stand."""

    def __init__(self) -> None:
        self.headers: list[int] = []  # line of each [[indicators]]
        self.starts: list[int] = []  # first line of each block (its comments included)
        self.stops: dict[int, int] = {}  # block index → first line of a later, other table
        self.blank: set[int] = set()  # lines holding nothing (outside any value)
        self.run = (-2, -2)  # first and last line of the latest run of own-line comments

    def comment(self, line: int) -> None:
        first, last = self.run
        self.run = (first if last == line - 1 else line, line)

    def start_of(self, header: int) -> int:
        """The first line of the comments directly above ``header`` (else ``header``)."""
        first, last = self.run
        return first if last == header - 1 else header

    def header(self, line: int, in_rows: bool, new_row: bool) -> None:
        if new_row:
            self.headers.append(line)
            self.starts.append(self.start_of(line))
        elif self.headers and not in_rows:
            block = len(self.headers) - 1
            self.stops.setdefault(block, max(self.start_of(line), self.headers[block] + 1))

    def blocks(self, line_count: int) -> list[Block]:
        """Block ranges: leading comments + header + body, trailing blank lines excluded."""
        blocks = []
        for i, header in enumerate(self.headers):
            end = self.stops.get(i, self.starts[i + 1] if i + 1 < len(self.starts) else line_count)
            while end > header + 1 and end - 1 in self.blank:
                end -= 1
            blocks.append(Block(start=self.starts[i], header=header, end=end))
        return blocks


def _numbered(ref: FieldRef) -> FieldRef:
    """In a row's sub-table a part of ASCII digits is a number, as in the model:
    ``[indicators.monitoring.6]`` is ``("indicators", row, "monitoring", 6)``."""
    if len(ref) < 3 or ref[0] != "indicators" or not isinstance(ref[1], int):
        return ref
    rest = (int(p) if isinstance(p, str) and p.isascii() and p.isdigit() else p for p in ref[2:])
    return (*ref[:2], *rest)


def _resolve(parts: list[str], arrays: dict[FieldRef, int], is_array: bool) -> FieldRef:
    """The path a header names: each array of tables on the way stands for its last element."""
    ref: FieldRef = ()
    last = len(parts) - 1
    for i, part in enumerate(parts):
        ref = (*ref, part)
        if i < last and ref in arrays:
            ref = (*ref, arrays[ref])
    if is_array:
        index = arrays.get(ref, -1) + 1
        arrays[ref] = index
        ref = (*ref, index)
    return ref


class _Statements:
    """What the walk records at the level of lines: headers, keys' comments, blank lines."""

    def __init__(self, loc: Locator) -> None:
        self.loc = loc
        self.found: dict[FieldRef, tuple[int, int]] = {}  # keys and headers as written
        self.implied: dict[FieldRef, tuple[int, int]] = {}  # tables implied by a longer path
        self.arrays: dict[FieldRef, int] = {}  # array-of-tables path → index of its last element
        self.layout = _Layout()
        self.pending: list[str] = []  # own-line comments waiting for the next key or header

    def leading(self) -> None:
        """A blank line before any content: the comments above it open the file."""
        if self.loc.leading_comments:
            self.loc.leading_comments.append("")
        self.loc.leading_comments.extend(self.pending)
        self.pending = []

    def comment(self, token: str, line: int) -> None:
        """A comment on a line of its own, outside any value."""
        self.pending.append(token.strip())
        self.layout.comment(line)

    def key(self, ref: FieldRef) -> None:
        """A top-level ``key =``: it takes the comments above it."""
        if self.pending:
            self.loc.comments_before[ref] = self.pending
            self.pending = []

    def dotted(self, ref: FieldRef, parts: int, pos: tuple[int, int]) -> None:
        """The tables a dotted key ``a.b.c =`` implies stand where the key does."""
        for n in range(len(ref) - parts + 1, len(ref)):
            self.implied.setdefault(ref[:n], pos)

    def header(self, parts: list[str], is_array: bool, line: int) -> FieldRef:
        """A ``[table]`` or ``[[array]]`` header: record it, return the table it opens."""
        ref = _numbered(_resolve(parts, self.arrays, is_array))
        pos = (line + 1, 1)
        for n in range(1, len(ref)):
            self.implied.setdefault(ref[:n], pos)
        self.found.setdefault(ref, pos)
        if self.pending:
            self.loc.comments_before[ref] = self.pending
            if is_array and ref[-1] == 0:  # the array's first element: the array's comments
                self.loc.comments_before.setdefault(ref[:-1], self.pending)
            self.pending = []
        in_rows = parts[0] == "indicators"
        self.layout.header(line, in_rows, is_array and in_rows and len(parts) == 1)
        return ref

    def positions(self) -> dict[FieldRef, tuple[int, int]]:
        """Every located path; a table written out wins over one implied earlier."""
        self.implied.update(self.found)
        return self.implied


def locate(text: str) -> Locator:
    """Walk the tokens of ``text`` (a table file) and return the positions it holds."""
    loc = Locator()
    lines = _Statements(loc)
    found = lines.found
    blank = lines.layout.blank
    table: FieldRef = ()  # the table that the following keys belong to
    state = _LINE
    parts: list[str] = []  # the key or header being read
    is_array = False  # the header being read is [[...]]
    stack: list[list[Any]] = []  # open values: arrays [ref, index], inline tables [ref, None]
    ref: FieldRef = ()  # what the next value belongs to
    statement: FieldRef = ()  # the top-level key or header of the line (for its end comment)
    statement_line = comment_line = -1
    for kind, token, line, col in tokenize(text):
        if kind == KEY_VALUE:  # a whole line "key = scalar", outside any value
            parts = token.split(".") if "." in token else [token]
            statement = ref = (*table, *parts)
            pos = (line + 1, col + 1)
            found.setdefault(ref, pos)
            if len(parts) > 1:
                lines.dotted(ref, len(parts), pos)
            if lines.pending:
                lines.key(ref)
        elif kind == NEWLINE:
            if stack:
                continue
            if state == _LINE and comment_line != line:
                blank.add(line)
                if lines.pending and not found:  # nothing written yet: the file's own comments
                    lines.leading()
            state = _LINE
        elif kind in (TABLE, ARRAY_TABLE):  # a whole line "[a.b]" or "[[a.b]]"
            statement = table = lines.header(token.split("."), kind == ARRAY_TABLE, line)
        elif kind == COMMENT:
            if state == _LINE:
                lines.comment(token, line)
                comment_line = line
            elif not stack or (line == statement_line and statement not in loc.inline_comments):
                loc.inline_comments[statement] = token.rstrip()  # also "key = [  # note"
        elif state == _LINE:
            statement_line = line
            if kind in (BARE, STRING):
                state, parts = _KEY, []
                _key_part(token, parts)
            elif token == "[":
                state, parts, is_array = _HEADER, [], False
        elif state in (_KEY, _HEADER, _HEADER_END):
            if kind in (BARE, STRING):
                _key_part(token, parts)
            elif token == "=" and state == _KEY:
                ref = (*(stack[-1][0] if stack else table), *parts)
                if not stack:
                    statement = ref
                    lines.key(ref)
                state = _VALUE
            elif token == "[" and state == _HEADER and not parts:
                is_array = True
            elif token == "]" and state != _KEY and parts:
                if state == _HEADER and is_array:
                    state = _HEADER_END
                else:
                    statement = table = lines.header(parts, is_array, line)
                    state = _AFTER
        elif state in (_VALUE, _ELEMENT):
            if state == _ELEMENT:
                if token == "]":
                    stack.pop()
                    state = _AFTER
                    continue
                ref = (*stack[-1][0], stack[-1][1])
            pos = (line + 1, col + 1)
            found.setdefault(ref, pos)
            if state == _VALUE and len(parts) > 1:
                lines.dotted(ref, len(parts), pos)
            if token == "[":
                stack.append([ref, 0])
                state = _ELEMENT
            elif token == "{":
                stack.append([ref, None])
                state = _INLINE_KEY
            else:
                state = _AFTER
        elif state == _INLINE_KEY:
            if kind in (BARE, STRING):
                state, parts = _KEY, []
                _key_part(token, parts)
            elif token == "}":
                stack.pop()
                state = _AFTER
        elif stack and kind == PUNCT:  # _AFTER, inside an array or inline table
            if token == ",":
                frame = stack[-1]
                if frame[1] is None:
                    state = _INLINE_KEY
                else:
                    frame[1] += 1
                    state = _ELEMENT
            elif token == "]" or token == "}":
                stack.pop()
    loc.positions = lines.positions()
    loc.line_count = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    loc.blocks = lines.layout.blocks(loc.line_count)
    return loc
