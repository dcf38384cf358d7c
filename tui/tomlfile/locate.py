"""Where things are in a table file: a fast line scanner for ``FieldRef`` → line.

The parser (``tomllib``) does not report positions, so this module scans the
text once, line by line, and records where each key, table header and
``[[indicators]]`` block stands. It also records the comments that stand
directly above a key or header (and trailing comments on its line), so that
``jixiao fmt`` can carry them into the canonical layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.model import FieldRef

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_KEY_LINE = re.compile(rf"^(\s*)({_KEY}(?:\s*\.\s*{_KEY})*)\s*=\s*")
_AOT_HEADER = re.compile(rf"^\s*\[\[\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\]")
_TABLE_HEADER = re.compile(rf"^\s*\[\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]")
_KEY_PART = re.compile(rf"{_KEY}")


def _split_key(dotted: str) -> list[str]:
    parts = []
    for match in _KEY_PART.finditer(dotted):
        part = match.group(0)
        if part[0] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return parts


def _inline_comment(rest: str) -> str | None:
    """The ``# comment`` after a one-line value, if any (quotes respected)."""
    quote = None
    i = 0
    while i < len(rest):
        ch = rest[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return rest[i:].rstrip("\r\n")
        i += 1
    return None


@dataclass
class Block:
    """Line range (0-based, end exclusive) of one ``[[indicators]]`` block."""

    start: int
    header: int
    end: int


@dataclass
class Locator:
    """Positions found in one file's text (lines and columns are 1-based)."""

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


def _multiline_opener(rest: str) -> str | None:
    """The delimiter of a multi-line string that opens but does not close here."""
    stripped = rest.lstrip()
    for delim in ('"""', "'''"):
        if stripped.startswith(delim):
            body = stripped[3:]
            if delim == '"""':
                body = re.sub(r"\\.", "", body)
            return None if delim in body else delim
    return None


def locate(text: str) -> Locator:
    """Scan ``text`` (a table file) and return the positions it holds."""
    loc = Locator()
    lines = text.split("\n")  # not splitlines(): U+2028, U+0085 etc. may sit inside strings
    if lines[-1] == "":
        lines.pop()
    loc.line_count = len(lines)
    table: tuple = ()
    pending: list[str] = []  # own-line comments waiting for the next key/header
    seen_content = False
    in_string: str | None = None
    block_headers: list[int] = []
    stops: dict[int, int] = {}  # block index → line of a later, non-indicator header
    for number, line in enumerate(lines):
        if in_string is not None:
            check = re.sub(r"\\.", "", line) if in_string == '"""' else line
            if in_string in check:
                in_string = None
            continue
        stripped = line.strip()
        if not stripped:
            if not seen_content and pending:
                loc.leading_comments = pending
                pending = []
            continue
        if stripped.startswith("#"):
            pending.append(stripped)
            continue
        seen_content = True
        aot = _AOT_HEADER.match(line)
        if aot:
            parts = _split_key(aot.group(1))
            if parts == ["indicators"]:
                table = ("indicators", len(block_headers))
                block_headers.append(number)
            else:
                table = _sub_table(parts, block_headers, stops, number)
            ref, header_end = table, aot.end()
        else:
            header = _TABLE_HEADER.match(line)
            if header:
                table = _sub_table(_split_key(header.group(1)), block_headers, stops, number)
                ref, header_end = table, header.end()
            else:
                key = _KEY_LINE.match(line)
                if not key:
                    pending = []
                    continue
                ref = table + tuple(_split_key(key.group(2)))
                rest = line[key.end() :]
                in_string = _multiline_opener(rest)
                if in_string is None:
                    comment = _inline_comment(rest)
                    if comment:
                        loc.inline_comments[ref] = comment
                col = key.end() + 1
                loc.positions.setdefault(ref, (number + 1, col))
                if pending:
                    loc.comments_before[ref] = pending
                    pending = []
                continue
        loc.positions.setdefault(ref, (number + 1, 1))
        comment = _inline_comment(line[header_end:])
        if comment:
            loc.inline_comments[ref] = comment
        if pending:
            loc.comments_before[ref] = pending
            pending = []
    loc.blocks = _blocks(lines, block_headers, stops)
    return loc


def _sub_table(parts: list[str], headers: list[int], stops: dict[int, int], number: int) -> tuple:
    """The table a header opens; a sub-table of a row stays inside that row's block.

    In a row's sub-table a part of ASCII digits is a number, as in the model:
    ``[indicators.monitoring.6]`` is ``("indicators", row, "monitoring", 6)``.
    """
    if parts[0] == "indicators" and len(parts) > 1 and headers:
        rest = (int(p) if p.isascii() and p.isdigit() else p for p in parts[1:])
        return ("indicators", len(headers) - 1, *rest)
    if headers:
        stops.setdefault(len(headers) - 1, number)
    return tuple(parts)


def _blocks(lines: list[str], headers: list[int], stops: dict[int, int]) -> list[Block]:
    """Block ranges: leading comments + header + body, trailing blank lines excluded."""
    blocks = []
    for header in headers:
        start = header
        while start > 0 and lines[start - 1].strip().startswith("#"):
            start -= 1
        blocks.append(Block(start=start, header=header, end=len(lines)))
    for i, block in enumerate(blocks):
        if i in stops:
            end = stops[i]
            while end > block.header + 1 and lines[end - 1].strip().startswith("#"):
                end -= 1
        elif i + 1 < len(blocks):
            end = blocks[i + 1].start
        else:
            end = len(lines)
        while end > block.header + 1 and not lines[end - 1].strip():
            end -= 1
        block.end = end
    return blocks
