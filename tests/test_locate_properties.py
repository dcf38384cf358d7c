"""Property: for generated valid TOML, the locator finds every path ``tomllib`` reads, where it is.

The generator writes a random document (root keys, tables, sub-tables, arrays
of tables such as ``[[indicators]]`` with sub-tables of their own; dotted and
quoted keys; strings of all four kinds full of ``[x]``, ``#``, ``=`` and
newlines; arrays and inline tables nested and spanning lines; comments and
blank lines between statements, inside arrays and at the ends of lines) and
notes, as it writes, the line and column where each key's value, each header
and each array element starts, and which comments belong to which key. The
locator must report exactly that, for exactly the paths ``tomllib`` parses.
"""

from __future__ import annotations

import os
import re
import tomllib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_locate_differential import paths
from tui.tomlfile.loader import decode
from tui.tomlfile.locate import locate

SETTINGS = settings(
    # JIXIAO_EXAMPLES=2000 for a longer local run
    max_examples=int(os.environ.get("JIXIAO_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BARE = re.compile(r"[A-Za-z0-9_-]+")
TEXT = st.text(alphabet="a中 []{}#=,.\"'\\\t\n", max_size=8)
SPACE = st.sampled_from(["", " ", "  ", "\t"])
KEYS = ["a", "b", "c-d", "_e", "1", "2", "name", "a.b", "[x]", "k = v", "#c", "", 'q"', "q'", "中"]
COMMENT = st.text(alphabet="注x #[]=\"'", max_size=6).map(lambda s: "#" + s)
SCALARS = [
    "1",
    "+1_000",
    "0x1F",
    "-0.5e3",
    "inf",
    "nan",
    "true",
    "1979-05-27 07:32:00Z",
    "1979-05-27T07:32:00",
    "1979-05-27",
    "07:32:00",
]


def basic(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def string(data: st.DataObject) -> str:
    """A string value of one of the four kinds, with a tricky content."""
    text = data.draw(TEXT)
    kind = data.draw(st.sampled_from(["basic", "literal", "ml-basic", "ml-literal"]))
    if kind == "basic":
        return basic(text)
    if kind == "ml-basic":
        return '"""' + text.replace("\\", "\\\\").replace('"', '\\"') + '"""'
    text = text.replace("'", "")
    if kind == "literal":
        return "'" + text.replace("\n", "") + "'"
    return "'''" + text + "'''"


def key_part(data: st.DataObject, part: str) -> str:
    if BARE.fullmatch(part) and data.draw(st.booleans()):
        return part
    if "'" not in part and data.draw(st.booleans()):
        return f"'{part}'"
    return basic(part)


class Document:
    """A TOML text being written, with what the locator should find in it."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data
        self.out: list[str] = []
        self.line, self.col = 1, 1
        self.positions: dict[tuple[Any, ...], tuple[int, int]] = {}
        self.comments_before: dict[tuple[Any, ...], list[str]] = {}
        self.inline: dict[tuple[Any, ...], str] = {}
        self.leading: list[str] = []
        self.pending: list[str] = []
        self.content = False
        self.row_headers: list[int] = []
        self.row_lines: dict[int, list[int]] = {}  # row index → lines of its keys

    def put(self, text: str) -> None:
        self.out.append(text)
        if "\n" in text:
            self.line += text.count("\n")
            self.col = len(text) - text.rindex("\n")
        else:
            self.col += len(text)

    def draw(self, strategy: st.SearchStrategy[Any]) -> Any:
        return self.data.draw(strategy)

    def gap(self) -> None:
        """Blank lines and own-line comments before a statement."""
        for _ in range(self.draw(st.integers(0, 2))):
            if self.draw(st.booleans()):
                comment = self.draw(COMMENT)
                self.put(self.draw(SPACE) + comment + "\n")
                self.pending.append(comment.strip())
            else:
                self.put(self.draw(SPACE) + "\n")
                if not self.content and self.pending:
                    self.leading += [""] * bool(self.leading) + self.pending
                    self.pending = []

    def statement(self, ref: tuple[Any, ...]) -> None:
        """A key or header starts here: it takes the waiting comments."""
        if self.pending:
            self.comments_before[ref] = self.pending
            self.pending = []
        self.content = True

    def end_of_line(self, ref: tuple[Any, ...]) -> None:
        if self.draw(st.booleans()):
            comment = self.draw(COMMENT)
            self.put(self.draw(SPACE) + comment)
            self.inline[ref] = comment.rstrip()
        self.put(self.draw(SPACE) + "\n")

    def keys(self, base: tuple[Any, ...], used: set[str], row: int | None = None) -> None:
        for _ in range(self.draw(st.integers(0, 3))):
            first = self.draw(st.sampled_from(KEYS))
            if first in used:
                continue
            used.add(first)
            parts = [first, *self.draw(st.lists(st.sampled_from(KEYS), max_size=2))]
            self.gap()
            self.put(self.draw(SPACE))
            dots = [self.draw(st.sampled_from([".", " . ", ". "])) for _ in parts[1:]]
            self.put(key_part(self.data, parts[0]))
            for dot, part in zip(dots, parts[1:]):
                self.put(dot + key_part(self.data, part))
            self.put(self.draw(SPACE) + "=" + self.draw(SPACE))
            ref = (*base, *parts)
            self.statement(ref)
            if row is not None:
                self.row_lines[row].append(self.line)
            self.value(ref, len(parts), 0)
            self.end_of_line(ref)

    def value(self, ref: tuple[Any, ...], parts: int, depth: int) -> None:
        """A value for ``ref``; the tables a dotted key of ``parts`` parts implies stand here."""
        here = (self.line, self.col)
        for n in range(len(ref) - parts + 1, len(ref) + 1):
            self.positions.setdefault(ref[:n], here)
        kinds = ["scalar", "string"] + ["array", "inline"] * (depth < 2)
        kind = self.draw(st.sampled_from(kinds))
        if kind == "scalar":
            self.put(self.draw(st.sampled_from(SCALARS)))
        elif kind == "string":
            self.put(string(self.data))
        elif kind == "array":
            self.array(ref, depth)
        else:
            self.put("{")
            used: set[str] = set()
            for part in self.draw(st.lists(st.sampled_from(KEYS), max_size=3, unique=True)):
                self.put(", " if used else self.draw(SPACE))
                used.add(part)
                self.put(key_part(self.data, part) + self.draw(SPACE) + "=" + self.draw(SPACE))
                self.value((*ref, part), 1, depth + 1)
            self.put(self.draw(SPACE) + "}")

    def array(self, ref: tuple[Any, ...], depth: int) -> None:
        self.put("[")
        multi = self.draw(st.booleans())
        count = self.draw(st.integers(0, 3))
        for i in range(count):
            if multi:
                self.put("\n" + self.draw(SPACE))
                if self.draw(st.booleans()):
                    self.put(self.draw(COMMENT) + "\n" + self.draw(SPACE))
            elif i:
                self.put("," + self.draw(SPACE))
            self.value((*ref, i), 1, depth + 1)
            if multi and (i < count - 1 or self.draw(st.booleans())):
                self.put(",")
            if multi and self.draw(st.booleans()):
                self.put(" " + self.draw(COMMENT))
        self.put("\n]" if multi else "]")

    def header(self, parts: list[str], ref: tuple[Any, ...], is_array: bool) -> int:
        """Write ``[a.b]`` or ``[[a.b]]`` for ``ref``; return its line."""
        self.gap()
        dot = self.draw(st.sampled_from([".", " . ", ". "]))
        name = dot.join(key_part(self.data, part) for part in parts)
        inside = self.draw(SPACE) + name + self.draw(SPACE)
        self.put(self.draw(SPACE) + (f"[[{inside}]]" if is_array else f"[{inside}]"))
        for n in range(1, len(ref) + 1):
            self.positions.setdefault(ref[:n], (self.line, 1))
        if is_array and ref[-1] == 0 and self.pending:
            self.comments_before.setdefault(ref[:-1], self.pending)
        self.statement(ref)
        line = self.line
        self.end_of_line(ref)
        return line

    def write(self) -> str:
        self.keys((), set())
        tables: list[str] = []
        rows = 0
        in_block: int | None = None  # the row whose block the next lines belong to
        steps: dict[int, int] = {}  # row → count of its [[indicators.steps]]
        for n in range(self.draw(st.integers(0, 5))):
            choice = self.draw(st.sampled_from(["table", "sub", "row", "row-sub", "row-array"]))
            if choice == "table" or (choice == "sub" and not tables):
                tables.append(f"t{n}")
                self.header([f"t{n}"], (f"t{n}",), False)
                self.keys((f"t{n}",), set())
                in_block = None  # a table after the rows ends the last block
            elif choice == "sub":
                parent = self.draw(st.sampled_from(tables))
                self.header([parent, f"s{n}"], (parent, f"s{n}"), False)
                self.keys((parent, f"s{n}"), set())
                in_block = None
            elif choice == "row" or not rows:
                self.row_lines[rows] = []
                self.row_headers.append(self.header(["indicators"], ("indicators", rows), True))
                in_block, rows = rows, rows + 1
                self.keys(("indicators", rows - 1), set(), in_block)
            elif choice == "row-sub":
                ref = ("indicators", rows - 1, f"s{n}")
                self.header(["indicators", f"s{n}"], ref, False)
                self.keys(ref, set(), in_block)
            else:
                steps[rows - 1] = steps.get(rows - 1, -1) + 1
                ref = ("indicators", rows - 1, "steps", steps[rows - 1])
                self.header(["indicators", "steps"], ref, True)
                self.keys(ref, set(), in_block)
        return "".join(self.out)


@SETTINGS
@given(st.data(), st.booleans(), st.booleans())
def test_every_parsed_path_is_located_where_it_was_written(data, crlf, bom) -> None:
    doc = Document(data)
    text = doc.write()
    parsed = tomllib.loads(text)  # the generator writes valid TOML
    raw = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    loc = locate(decode(b"\xef\xbb\xbf" * bom + raw).text)
    assert set(paths(parsed)) == set(doc.positions)
    assert loc.positions == doc.positions
    assert loc.comments_before == doc.comments_before
    assert loc.inline_comments == doc.inline
    assert loc.leading_comments == doc.leading
    assert loc.line_count == text.count("\n")
    assert [b.header + 1 for b in loc.blocks] == doc.row_headers
    ends = [b.start for b in loc.blocks[1:]] + [loc.line_count]
    for i, block in enumerate(loc.blocks):
        assert block.start <= block.header < block.end <= ends[i]
        assert all(block.start < line <= block.end for line in doc.row_lines[i])


PIECES = [
    *"ab1.=[]{},#\"'\\\n\r\t -:中\ufeff",
    '"""',
    "'''",
    "[[",
    "]]",
    "\n[[indicators]]\n",
    "x = ",
]


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_any_text_is_walked_without_error(text) -> None:
    """Not valid TOML (the loader never asks, but a bug must not become a traceback)."""
    loc = locate(text)
    assert loc.line_count == len(text.split("\n")) - (text == "" or text.endswith("\n"))
    assert all(1 <= line <= max(loc.line_count, 1) for line, _ in loc.positions.values())
