"""A small TOML tokenizer: the tokens of a text, each with its line and column.

A regular expression, matched token after token, cuts the text into newlines,
comments, strings (basic, literal and both multi-line forms, which may span
lines), bare words (keys and scalar values such as ``1.5``, ``true`` or
``1979-05-27T07:32:00Z``; a dot inside a bare word separates key parts) and the
punctuation ``[ ] { } = ,``. Spaces and tabs between tokens are skipped.

The lexer counts open brackets and braces, so it knows when a line starts
outside any value. There, the lines that make up almost all of a table file
come as one token each, newline included: ``key = scalar`` (``KEY_VALUE``: the
key, dots included, and the column of the value), ``[table]`` (``TABLE``) and
``[[array]]`` (``ARRAY_TABLE``), each with a bare, dotted name. Any other line,
and any line inside an array or inline table, comes token by token: a line
``[1]`` of a multi-line array is never taken for a header.

Text that is not valid TOML is still cut in linear time, never an error: a
character that fits no token becomes an ``OTHER`` token, a string left open runs
to the end of its line (a multi-line one to the end of the text), and every
repetition is possessive, so nothing is scanned twice.

The lexer knows nothing of tables or keys: ``tui.tomlfile.locate`` builds the
structure from these tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Token kinds: the number of the group that holds the token's text.
KEY_VALUE = 2  # group 1 holds the key; the token's column is its value's (group 2)
TABLE = 3
ARRAY_TABLE = 4
NEWLINE = 5
COMMENT = 6
STRING = 7
BARE = 8
PUNCT = 9
OTHER = 10

_LINE_START = r"(?<![^\n])"
_SOURCE = r"""
      LINE_START [ \t]*+ ([A-Za-z0-9_\-.]++) [ \t]*+ = [ \t]*+
      ("(?:[^"\\\n]++|\\.)*+" | '[^'\n]*+' | [A-Za-z0-9_\-+:.]++) [ \t\r]*+ \n
    | LINE_START [ \t]*+ \[ [ \t]*+ ([A-Za-z0-9_\-.]++) [ \t]*+ \] [ \t\r]*+ \n
    | LINE_START [ \t]*+ \[\[ [ \t]*+ ([A-Za-z0-9_\-.]++) [ \t]*+ \]\] [ \t\r]*+ \n
    | [ \t\r]*+
    (?:
      (\n)
    | (\#[^\n]*+)
    | ( "{3}(?:[^"\\]++|\\[\s\S]|"{1,2}+(?!"))*+(?:"{3,5}+)?
      | '{3}(?:[^']++|'{1,2}+(?!'))*+(?:'{3,5}+)?
      | "(?:[^"\\\n]++|\\.)*+"?
      | '[^'\n]*+'?
      )
    | ([A-Za-z0-9_\-+:.]++)
    | ([\[\]{}=,])
    | ([^\n]|\Z)
    )
"""
# Outside any value, whole lines may match; inside one, the same groups never do.
_OUTSIDE = re.compile(_SOURCE.replace("LINE_START", _LINE_START), re.VERBOSE).match
_INSIDE = re.compile(_SOURCE.replace("LINE_START", "(?!)"), re.VERBOSE).match
_DEPTH = {"[": 1, "{": 1, "]": -1, "}": -1}

Token = tuple[int, str, int, int]
"""``(kind, text, line, column)``; line and column 0-based, column in characters."""


def tokenize(text: str) -> Iterator[Token]:
    """The tokens of ``text`` in order (``\\n`` ends a line; ``\\r`` counts as a space)."""
    line = line_start = pos = depth = 0
    while True:
        match = (_INSIDE if depth else _OUTSIDE)(text, pos)
        assert match is not None  # the last alternative matches anywhere
        kind = match.lastindex or OTHER
        pos = match.end()
        if kind < NEWLINE:  # a whole line
            if kind == KEY_VALUE:
                yield kind, match.group(1), line, match.start(2) - line_start
            else:
                yield kind, match.group(kind), line, match.start(kind) - line_start
            line += 1
            line_start = pos
            continue
        start = match.start(kind)
        token = match.group(kind)
        if not token:  # the end of the text
            return
        yield kind, token, line, start - line_start
        if kind == NEWLINE:
            line += 1
            line_start = pos
        elif kind == PUNCT:
            depth = max(depth + _DEPTH.get(token, 0), 0)
        elif kind == STRING and "\n" in token:
            line += token.count("\n")
            line_start = start + token.rindex("\n") + 1
