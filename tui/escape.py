"""Text from a file, a file name or a paste is data: the one module that makes it safe to show.

Every string that reaches a terminal, a Markdown viewer or a spreadsheet goes
through one of these functions; nothing else in the package escapes text.

* ``printable`` — one line for messages, errors, CLI output and file names:
  every control, format (zero-width, bidi), surrogate and line-separator
  character becomes a visible escape (``\\x1b``, ``\\u202e``), so an escape
  sequence or a newline in a path cannot act or break the one-line format.
* ``pictures`` — for an input field: each such character becomes one visible
  symbol (ESC → ␛), one character per character, so cursor positions stay right.
* ``visible`` — for exported cells (multi-line), described below.
* ``markdown_cell`` — one Markdown table cell.

``visible`` turns everything that could act instead of being shown into a
visible escape:

* C0/C1 control characters (ESC, BEL, DEL, a lone CR …), lone surrogates, the
  Unicode line/paragraph separators and the bidirectional-override controls
  become ``\\x1b``, ``\\x7f``, ``\\u2028``, ``\\u202e`` …, so a terminal escape
  sequence such as ESC ``[31m`` is printed as the text ``\\x1b[31m``;
* a character that would join its cluster to a neighbouring cell or padding
  space (a zero-width joiner that joins nothing, a combining mark at the start
  of a line) is escaped too, e.g. ``\\u200d``;
* a tab becomes one space (a tab has no fixed display width, and a tab inside a
  TSV cell would split the cell);
* CR LF becomes LF; LF is kept as the one line break inside a cell.

Backslashes already in the text are left alone, so a text that literally
contains ``\\x1b`` looks the same as one holding the ESC character; the
escapes are for reading, not for a round trip.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Format characters that are paste debris when they stand in a cell: zero-width
# space, word joiner, byte-order mark, soft hyphen, invisible operators.
_ZERO_WIDTH = frozenset("\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\ufeff")
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
# ASCII punctuation that can start Markdown syntax inside a table cell
# (emphasis, code, links, HTML, entities, strikethrough, math, cell separators).
_MARKDOWN_SPECIALS = frozenset("\\`*_[]<>|~&$")


def escape_char(char: str) -> str:
    """The visible escape of one character: ``\\x1b``, ``\\u202e`` or ``\\U000e0001``."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _needs_escape(char: str) -> bool:
    return (
        unicodedata.category(char) in _ESCAPED_CATEGORIES
        or char in _BIDI_CONTROLS
        or char in _ZERO_WIDTH
    )


def is_hidden(char: str) -> bool:
    """Whether ``char`` is invisible or acts on the terminal (control, format, separator)."""
    return unicodedata.category(char) in _HIDDEN


def printable(text: str) -> str:
    """``text`` on one line with every hidden character escaped (``ESC`` → ``\\x1b``).

    For messages, errors, CLI output, titles and file names.
    """
    if text.isprintable():  # fast path, checked in C
        return text
    return "".join(escape_char(ch) if is_hidden(ch) else ch for ch in text)


def pictures(text: str) -> str:
    """``text`` with each hidden character replaced by one visible symbol (ESC → ␛).

    One character per character, so a cursor position in an input stays right;
    C0 controls get their control picture, every other hidden character
    (C1 controls, bidi and zero-width format characters, separators) ``�``.
    """
    if text.isprintable():
        return text
    return "".join(_PICTURES.get(ord(ch), "\ufffd") if is_hidden(ch) else ch for ch in text)


def _fix_grapheme(cluster: str) -> str:
    """Escape what would join the cluster to a neighbouring space (or has no width).

    Marks attached to a space are escaped too: a wrapper or a table may strip
    the space and leave the mark to start a cell.
    """
    from wcwidth import wcswidth  # imported on first use: messages and checks never need it

    if len(cluster) > 1 and cluster[0].isspace():
        return cluster[0] + "".join(escape_char(c) for c in cluster[1:])
    if wcswidth(cluster) < 0:
        return "".join(escape_char(c) if not c.isprintable() else c for c in cluster)
    head = ""
    while cluster and wcswidth(" " + cluster) != 1 + wcswidth(cluster):
        head, cluster = head + escape_char(cluster[0]), cluster[1:]
    tail = ""
    while cluster and wcswidth(cluster + " ") != 1 + wcswidth(cluster):
        cluster, tail = cluster[:-1], escape_char(cluster[-1]) + tail
    return head + cluster + tail


def visible(text: str) -> str:
    """``text`` with control characters and escape sequences made visible (see module doc).

    Every line of the result has a non-negative ``wcswidth``, and the display
    width of a line is the sum of the widths of its grapheme clusters.
    """
    from wcwidth import iter_graphemes

    chars = []
    for char in text.replace("\r\n", "\n"):
        if char == "\n":
            chars.append(char)
        elif char == "\t":
            chars.append(" ")
        elif _needs_escape(char):
            chars.append(escape_char(char))
        else:
            chars.append(char)
    lines = "".join(chars).split("\n")
    return "\n".join("".join(_fix_grapheme(g) for g in iter_graphemes(line)) for line in lines)


def json_safe(text: str) -> str:
    """JSON text with every hidden character left by ``json.dumps`` escaped as ``\\uXXXX``."""
    return "".join(ch if ch == "\n" or not is_hidden(ch) else f"\\u{ord(ch):04x}" for ch in text)


def markdown_cell(text: str) -> str:
    """``text`` as the source of one Markdown table cell, shown literally.

    Markdown punctuation (including ``|`` and ``\\``) is backslash-escaped and a
    line break becomes ``<br>``; the cell can never end early or turn into markup.
    """
    escaped = "".join("\\" + c if c in _MARKDOWN_SPECIALS else c for c in visible(text))
    return escaped.replace("\n", "<br>")
