"""Wrapping text by display width: wide characters count two columns.

Lines are cut only between grapheme clusters (an emoji sequence, a letter with
its accents or a surrogate pair is never split). Where a break is needed the
wrapper prefers, within a quarter of the width: a space, or the end of a Chinese
or ASCII punctuation mark (，、。；：…); it keeps an ASCII word or number whole
when it fits on a line of its own, and does not start a line with closing
punctuation. Text should already have passed ``escape.visible``.
"""

from __future__ import annotations

from wcwidth import iter_graphemes, wcswidth

_BREAK_AFTER = frozenset("，、。；：！？,;:!?）)」』】》”")
_WORD_PUNCT = frozenset(".%-％")
_NO_LINE_START = frozenset("，、。；：！？,.;:!?）)」』】》”%％")


def display_width(text: str) -> int:
    """The widest line of ``text`` in terminal columns."""
    return max(max(wcswidth(line), 0) for line in text.split("\n"))


def min_width(text: str) -> int:
    """The narrowest width ``text`` can be wrapped to: its widest grapheme cluster."""
    return max((max(wcswidth(g), 0) for g in iter_graphemes(text.replace("\n", ""))), default=0)


def wrap_text(text: str, width: int) -> str:
    """``text`` with line breaks added so that no line is wider than ``width`` columns.

    Existing line breaks are kept. A single grapheme wider than ``width`` gets a
    line of its own (the only case where a line exceeds ``width``).
    """
    width = max(width, 1)
    return "\n".join(line for part in text.split("\n") for line in _wrap_line(part, width))


def _is_word_char(cluster: str) -> bool:
    """Part of an ASCII word or a number such as ``9.99``, ``90%`` or ``100-150``."""
    return (cluster.isascii() and cluster.isalnum()) or cluster in _WORD_PUNCT


def _choose_break(clusters: list[str], widths: list[int], start: int, end: int, room: int) -> int:
    """Where to cut ``clusters[start:]`` given that ``clusters[end]`` does not fit."""
    if clusters[end] == " ":
        return end
    lookback = max(2, room // 4)
    used = 0
    for pos in range(end, start, -1):
        if used > lookback:
            break
        before = clusters[pos - 1]
        if before == " " or before in _BREAK_AFTER:
            return pos
        used += widths[pos - 1]
    if _is_word_char(clusters[end]) and _is_word_char(clusters[end - 1]):
        word_start = end - 1
        while word_start > start and _is_word_char(clusters[word_start - 1]):
            word_start -= 1
        if word_start > start:
            return word_start
    if clusters[end] in _NO_LINE_START and end - 1 > start:
        return end - 1
    return end


def _wrap_line(line: str, width: int) -> list[str]:
    clusters = list(iter_graphemes(line))
    widths = [max(wcswidth(c), 0) for c in clusters]
    lines: list[str] = []
    start = 0
    remaining = sum(widths)  # width of clusters[start:], kept up to date: linear overall
    while remaining > width:
        end, used = start, 0
        while used + widths[end] <= width:
            used += widths[end]
            end += 1
        cut = max(_choose_break(clusters, widths, start, end, width), start + 1)
        lines.append("".join(clusters[start:cut]).rstrip(" "))
        while cut < len(clusters) and clusters[cut] == " ":
            cut += 1
        remaining -= sum(widths[start:cut])
        start = cut
    if start < len(clusters) or not lines:
        lines.append("".join(clusters[start:]))
    return lines
