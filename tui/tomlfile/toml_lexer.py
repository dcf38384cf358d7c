"""A small TOML tokenizer: the tokens of a text, each with its line and column.

One regular expression, run once over the whole text, cuts it into newlines,
comments, strings (basic, literal and both multi-line forms, which may span
lines), bare words (keys and scalar values such as ``1.5``, ``true`` or
``1979-05-27T07:32:00Z``; a dot inside a bare word separates key parts) and the
punctuation ``[ ] { } = ,``. Spaces and tabs between tokens are skipped. A
character that fits none of these (only in text that is not valid TOML) becomes
an ``OTHER`` token, so tokenizing never fails and never hangs: every pattern is
possessive or atomic, so nothing backtracks.

The lexer knows nothing of tables or keys: ``tui.tomlfile.locate`` builds the
structure from these tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

KEY_VALUE = 2
NEWLINE = 3
COMMENT = 4
STRING = 5
BARE = 6
PUNCT = 7
OTHER = 8

KIND_NAMES = {
    KEY_VALUE: "key-value",
    NEWLINE: "newline",
    COMMENT: "comment",
    STRING: "string",
    BARE: "bare",
    PUNCT: "punct",
    OTHER: "other",
}

# Group numbers are the token kinds above, in the same order (group 1: the key of a
# KEY_VALUE line, whose last group is its value).
_TOKEN = re.compile(
    r"""
      (?<![^\n])[ \t]*+([A-Za-z0-9_\-.]++)[ \t]*+=[ \t]*+
      ("(?:[^"\\\n]++|\\.)*+"|'[^'\n]*+'|[A-Za-z0-9_\-+:.]++)[ \t\r]*+\n
    | [ \t\r]*+
    (?:
      (\n)
    | (\#[^\n]*+)
    | ( "{3}(?:[^"\\]++|\\[\s\S]|"{1,2}+(?!"))*+"{3,5}+
      | '{3}(?:[^']++|'{1,2}+(?!'))*+'{3,5}+
      | "(?:[^"\\\n]++|\\.)*+"
      | '[^'\n]*+'
      )
    | ([A-Za-z0-9_\-+:.]++)
    | ([\[\]{}=,])
    | ([^\n])
    )
    """,
    re.VERBOSE,
)

Token = tuple[int, str, int, int]
"""``(kind, text, line, column)``; line and column 0-based, column in characters."""


def tokenize(text: str) -> Iterator[Token]:
    """The tokens of ``text`` in order (``\\n`` ends a line; ``\\r`` counts as a space)."""
    line = 0
    line_start = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastindex or OTHER
        if kind == KEY_VALUE:
            yield kind, match.group(1), line, match.start(2) - line_start
            line += 1
            line_start = match.end()
            continue
        start = match.start(kind)
        token = match.group(kind)
        yield kind, token, line, start - line_start
        if kind == NEWLINE:
            line += 1
            line_start = start + 1
        elif kind == STRING and "\n" in token:
            line += token.count("\n")
            line_start = start + token.rindex("\n") + 1
