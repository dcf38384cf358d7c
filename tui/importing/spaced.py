"""Cut a field at single spaces, when the spaces separate cells and not words.

A web table flattened to text keeps one space between its cells
(``产出指标 数量指标 受益户数 120户``); a name of a cell keeps its own spaces
(``市人社局 111`` is a department and its code, one cell). A field is cut when a
known label is involved or, in a row of cells, when it holds three words or more
(or a name and its value); pieces that make one label (``一级 指标``) are joined
again, and so are the spaces inside parentheses (``( ≥**个 )``) and the letters of a
label a PDF spaced out to fill its merged cell (``产 出 指 标``). Before any of that, a
web page's typographic spaces are read as spaces (``as_ascii``) and a colon standing
alone is the end of the field before it (``colons_joined``).
"""

from __future__ import annotations

import re
from functools import cache

from tui.importing.columns import COLUMN_LABELS, column_slot
from tui.importing.glued import starts_with_label
from tui.importing.labels import HEADER_LABELS, header_label, normalise
from tui.importing.levels import LEVEL_NAMES, is_level
from tui.importing.shapes import HAN, is_operator, is_value

# No-break and typographic spaces (U+00A0, U+2000–U+200A, U+202F, U+205F) and the full-width bar.
_AS_ASCII = str.maketrans(
    {**dict.fromkeys([0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F], " "), "｜": "|"}
)
_LONE_IDEOGRAPHIC = re.compile(r"(?<![\u3000 ])\u3000(?![\u3000 ])")  # 项　目, 产出指标　数量指标
_COLON = re.compile(r"[:：]+")
_BARE_NUMBER = re.compile(r"^[\d.,]+$")
_PERCENT = ("%", "％", "‰")
_SUFFIX = "指标"
MANY_WORDS = 3  # a line of this many single-space-separated words is a row of cells


def is_label(text: str) -> bool:
    """Whether ``text`` is a header label, a column heading or a known 一级/二级 name."""
    label = header_label(text)
    return (label is not None and label.inline is None) or is_level(text, strong=True)


def split_at(line: str, sep: re.Pattern[str] | str) -> list[tuple[int, str]]:
    """``line`` cut at each ``sep`` (a string or a pattern): ``(offset, piece)`` pairs."""
    out: list[tuple[int, str]] = []
    start = 0
    matches = re.finditer(re.escape(sep), line) if isinstance(sep, str) else sep.finditer(line)
    for match in matches:
        out.append((start, line[start : match.start()]))
        start = match.end()
    out.append((start, line[start:]))
    return out


def joins(first: str, second: str) -> bool:
    """Whether two pieces are one label cut in two (``主管部门`` + ``及编码``).

    Two labels stay apart, except a column heading whose first half is no
    column heading (``年度`` + ``指标值`` → ``年度指标值``) and a label completed by
    ``指标`` (``一级`` + ``指标``; a bare ``指标`` heads the name column of some forms).
    """
    joined = first + second
    if not is_label(joined):
        return False
    heading = column_slot(joined) is not None and column_slot(first) is None
    suffix = normalise(second) == _SUFFIX  # 一级 + 指标: the word ending every level label
    if is_label(first) and is_label(second) and not (heading or suffix):
        return False
    return normalise(joined) not in (normalise(first), normalise(second))


def _rejoin(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join neighbouring space-separated tokens that form one label (``一级 指标``)."""
    out: list[tuple[int, str]] = []
    for start, text in tokens:
        if out and text and out[-1][1]:
            prev_start, prev = out[-1]
            if joins(prev, text) or (text[0] in "(（" and is_label(prev)):
                out[-1] = (prev_start, prev + " " + text)
                continue
        out.append((start, text))
    return out


def split_spaced(
    start: int, raw: str, always: bool, pairs: bool = False, numbers: bool = False
) -> list[tuple[int, str]]:
    """A field split at single spaces when a label is involved (or, ``always``, 3+ words).

    ``市人社局 111`` and ``影响程度 较高`` stay whole; ``产出指标 数量指标 受益户数 120户``
    and ``(万元) 年度资金总额: 1125`` are cut; with ``pairs`` (a paste whose lines are
    rows of cells) so is a name and its value, ``资金拨付 12月底到位``, and with
    ``numbers`` (indicator rows) a name and a bare number, ``开设课程数量 220``.
    """
    pieces = [(start + s, t) for s, t in split_at(raw, " ")]
    tokens = _percent_joined(_bracketed(_letter_spaced(pieces)))
    words = [t for _, t in tokens if t]
    if len(words) == 1 and len(tokens) > 1:  # the whole field was one letter-spaced label
        return [next((s, t) for s, t in tokens if t)]
    labelled = any(is_label(w.rstrip(":：")) or starts_with_label(w) for w in words)
    row = len(words) >= MANY_WORDS or (pairs and _name_and_value(words, numbers))
    if len(words) < 2 or not (labelled or (always and row)):
        return [(start, raw)]
    return _rejoin(tokens)


@cache
def _label_prefixes() -> frozenset[str]:
    """Every beginning (two characters or more) of a known label, heading or category."""
    words = {*HEADER_LABELS, *COLUMN_LABELS, *LEVEL_NAMES}
    return frozenset(w[:n] for w in words for n in range(2, len(w) + 1))


def _letter_spaced(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Runs of one-character tokens that spell a label joined: ``产 出 指 标`` → ``产出指标``
    (the longest such run from each token; ``是 否`` and other single characters stay)."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(tokens):
        found, spelt = None, tokens[i][1]
        for j in range(i + 1, len(tokens)):
            letter = tokens[j][1]
            if len(letter) != 1 or not HAN.match(letter) or spelt + letter not in _label_prefixes():
                break
            spelt += letter
            found = j + 1 if is_label(spelt) else found
        if found is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append((tokens[i][0], "".join(t for _, t in tokens[i:found])))
            i = found
    return out


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


def _percent_joined(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A percent sign a space cut from its number joined again: ``100 %(计划标准)``."""
    out: list[tuple[int, str]] = []
    for start, text in tokens:
        if out and text[:1] in _PERCENT and len(text) > 1 and out[-1][1][-1:].isdigit():
            out[-1] = (out[-1][0], out[-1][1] + " " + text)
        else:
            out.append((start, text))
    return out


def _name_and_value(words: list[str], numbers: bool) -> bool:
    """``流转土地 >=60亩``, ``资金拨付 12月底到位``: a name and its value (not ``市人社局 111``,
    unless ``numbers``; not ``≥ 95%``, one value a space cut; not ``成立95 周年档案图片展``,
    a number and the word it counts)."""
    if len(words) != 2:
        return False
    name, value = words
    counted = name[-1:].isdigit() and HAN.match(value) and not is_value(value)
    return not (is_value(name) or is_operator(name) or counted) and (
        numbers or not _BARE_NUMBER.match(value)
    )


def as_ascii(line: str) -> str:
    """``line`` with typographic spaces as spaces, a lone ideographic space as one space
    (a word's gap, as a single space is) unless the line has spaces of its own (then it
    is the gap between cells: ``4G 基站建设数量　100个``), and ``｜`` as ``|``: one
    character for one."""
    line = line.translate(_AS_ASCII)
    return line if " " in line.strip() else _LONE_IDEOGRAPHIC.sub(" ", line)


def colons_joined(line: str, fields: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A colon standing alone between spaces (``项目名称 ： 乡村道路``) ends the field
    before it: the label's, not a value of its own."""
    out: list[tuple[int, str]] = []
    for n, (start, raw) in enumerate(fields):
        after = fields[n + 1][1].strip() if n + 1 < len(fields) else ""
        last = out[-1][1].strip() if out else ""
        ratio = last[-1:].isdigit() and after[:1].isdigit()  # 18 : 1
        if last and last[-1] not in ":：" and _COLON.fullmatch(raw.strip()) and not ratio:
            before = out[-1][0]
            out[-1] = (before, line[before : start + len(raw)])
        else:
            out.append((start, raw))
    return out
