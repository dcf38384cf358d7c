"""Limits on what a table file may hold, checked before parsing, with the position of the excess.

A table is a few hundred short values. Text far beyond that is refused with one
clear error instead of a ``RecursionError`` (deep nesting breaks ``tomllib``,
``tomlkit`` and every recursive writer), a ``MemoryError`` (``1e999999999`` is
cheap to read and a gigabyte to print) or a run of minutes:

* nesting (arrays, inline tables, tables and dotted keys together) at most
  ``MAX_DEPTH`` levels deep;
* a dotted key or table header of at most ``MAX_KEY_PARTS`` parts;
* a number of at most ``MAX_NUMBER_DIGITS`` digits when written out without an
  exponent (money has its own, smaller limit in the loader);
* a string of at most ``MAX_STRING_CHARS`` characters.

``scan_limits(text)`` tokenises the text once with one regular expression (so
it is linear and fast) and raises ``LimitError`` at the first excess. It only
measures: text that is not valid TOML passes, and ``tomllib`` reports it.
"""

from __future__ import annotations

import re

from tui.parsing.money import MAX_DIGITS

MAX_DEPTH = 32
MAX_KEY_PARTS = 16
MAX_NUMBER_DIGITS = MAX_DIGITS
MAX_STRING_CHARS = 100_000  # a long 中期目标 is a few thousand

_TOKEN = re.compile(
    r'(?P<mlb>"""(?:[^"\\]|\\.|"(?!""))*"""(?:""?(?!"))?)'
    r"|(?P<mll>'''(?:[^']|'(?!''))*'''(?:''?(?!'))?)"
    r'|(?P<bs>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<ls>'[^'\n]*')"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<nl>\n)"
    r"|(?P<num>0[xob][\dA-Fa-f_]*|[+-]?\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d[\d_]*)?)"
    r"|(?P<op>[\[\]{}=,.])"
    r"|(?P<quote>[\"'])"
    r"|(?P<other>[^\"'#\n\[\]{}=,.\d+-]+|[+-])",
    re.DOTALL,
)
_STRINGS = frozenset({"mlb", "mll", "bs", "ls"})
_NUMBER_PARTS = re.compile(r"[+-]?([\d_]*)(?:\.([\d_]*))?(?:[eE]([+-]?[\d_]*))?")


class LimitError(Exception):
    """Text beyond a limit: Chinese and English message and the 1-based position."""

    def __init__(self, zh: str, en: str, line: int, col: int) -> None:
        super().__init__(f"{line}:{col}: {en}")
        self.zh, self.en, self.line, self.col = zh, en, line, col


def _number_excess(token: str) -> tuple[str, str] | None:
    """Why the number ``token`` is beyond the limits, or ``None``.

    What counts is the number of digits the number has when written out without an
    exponent (as ``jixiao fmt`` writes it): ``1e-39`` is 40 digits, ``1e40`` is 41.
    """
    match = _NUMBER_PARTS.fullmatch(token)
    if match is None:  # 0x…, 0o…, 0b…
        whole, fraction, exponent = token[2:], "", ""
    else:
        whole, fraction, exponent = (part or "" for part in match.groups())
    count = len(whole.replace("_", "")) + len(fraction.replace("_", ""))
    exponent = exponent.replace("_", "")
    if len(exponent.lstrip("+-").lstrip("0")) > 6:
        written = MAX_NUMBER_DIGITS + 1
    else:
        shift = (int(exponent) if exponent.lstrip("+-") else 0) - len(fraction.replace("_", ""))
        written = count + shift if shift >= 0 else max(count, -shift) + (-shift >= count)
    if written > MAX_NUMBER_DIGITS:
        return (
            f"数字写出来超过 {MAX_NUMBER_DIGITS} 位",
            f"number has more than {MAX_NUMBER_DIGITS} digits written out",
        )
    return None


class _Scanner:
    """One pass over the tokens, tracking where keys end and how deep values nest."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line = 1
        self.line_start = 0

    def fail(self, offset: int, zh: str, en: str) -> LimitError:
        return LimitError(zh, en, self.line, offset - self.line_start + 1)

    def depth_error(self, offset: int) -> LimitError:
        return self.fail(
            offset, f"嵌套层数超过 {MAX_DEPTH} 层", f"nesting deeper than {MAX_DEPTH} levels"
        )

    def parts_error(self, offset: int) -> LimitError:
        return self.fail(
            offset,
            f"键的层级超过 {MAX_KEY_PARTS} 段",
            f"dotted key has more than {MAX_KEY_PARTS} parts",
        )

    def run(self) -> None:
        """Walk the tokens; raise ``LimitError`` at the first excess."""
        # Open brackets, innermost last: ("[", depth of its elements), ("{", depth of the
        # inline table) and ("=", depth of the value of a key inside an inline table).
        stack: list[tuple[str, int]] = []
        table_depth = 0  # depth of the current [table] or [[array]] section
        top_depth = 0  # depth of the current top-level key's value
        expect_key = True  # at a key: line start at top level, after { or , in a table
        key_start = -1  # offset where the current key began, -1 when not in a key
        key_parts = 0
        header: list[int] | None = None  # [offset, parts, brackets] inside [a.b] / [[a.b]]
        for match in _TOKEN.finditer(self.text):
            kind = match.lastgroup
            token = match.group()
            start = match.start()
            if kind == "nl":
                self.line += 1
                self.line_start = start + 1
                if not stack:
                    expect_key, key_start, header = True, -1, None
                continue
            if kind in ("comment", "quote") or token.isspace():
                continue
            if kind in _STRINGS:
                self.string(start, token, kind)
            if header is not None:
                if token == "[":
                    header[2] += 1
                elif token == "." or kind == "num":
                    header[1] += token.count(".")
                    if header[1] > MAX_KEY_PARTS:
                        raise self.parts_error(header[0])
                elif token == "]":
                    table_depth = header[1] + (1 if header[2] > 1 else 0)
                    if table_depth > MAX_DEPTH:
                        raise self.depth_error(header[0])
                    header, expect_key = None, False
                continue
            if expect_key:
                if token == "[" and not stack and key_start < 0:
                    header = [start, 1, 1]
                elif token == "}" and stack and stack[-1][0] == "{":
                    stack.pop()
                    expect_key = False
                elif token == "=":
                    depth = (stack[-1][1] if stack else table_depth) + max(key_parts, 1)
                    if key_parts > MAX_KEY_PARTS:
                        raise self.parts_error(key_start)
                    if depth > MAX_DEPTH:
                        raise self.depth_error(max(key_start, 0))
                    if stack:
                        stack.append(("=", depth))
                    else:
                        top_depth = depth
                    expect_key, key_start = False, -1
                else:
                    if key_start < 0:
                        key_start, key_parts = start, 1
                    if token == "." or kind == "num":
                        key_parts += token.count(".")
                continue
            depth = stack[-1][1] if stack else top_depth
            if kind == "num":
                excess = _number_excess(token)
                if excess:
                    raise self.fail(start, *excess)
            elif token == "[":
                if depth + 1 > MAX_DEPTH:
                    raise self.depth_error(start)
                stack.append(("[", depth + 1))
            elif token == "{":
                stack.append(("{", depth))
                expect_key = True
            elif token in (",", "]", "}"):
                if stack and stack[-1][0] == "=":
                    stack.pop()
                if token != "," and stack and stack[-1][0] == ("[" if token == "]" else "{"):
                    stack.pop()
                expect_key = token == "," and bool(stack) and stack[-1][0] == "{"

    def string(self, start: int, token: str, kind: str) -> None:
        """Check a string token's length and count the lines it spans."""
        quotes = 3 if kind in ("mlb", "mll") else 1
        if len(token) - 2 * quotes > MAX_STRING_CHARS:
            raise self.fail(
                start,
                f"文本超过 {MAX_STRING_CHARS} 个字符",
                f"string longer than {MAX_STRING_CHARS} characters",
            )
        count = token.count("\n")
        if count:
            self.line += count
            self.line_start = start + token.rindex("\n") + 1


def scan_limits(text: str) -> None:
    """Raise ``LimitError`` at the first place ``text`` exceeds a limit (see module doc)."""
    _Scanner(text).run()
