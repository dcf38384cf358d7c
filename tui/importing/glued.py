"""Cut text that arrived without separators into cells, by labels and value shapes.

Web pages flattened to text and Word files pasted as plain text lose their
cell borders: ``产出指标数量指标农村义务教育学校改造覆盖率100%``,
``项目主管部门青山区教育局项目执行单位化工区学校``. Known labels (header labels,
column headings, 一级/二级 names) and value shapes (``100%``, ``≥90%``,
``稳步提高``) are enough to cut them: a text is cut only where it *starts*
with a known label followed by more text, and then at every further known label
inside it; the value at the end of what remains is cut off.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from tui.importing.columns import COLUMN_LABELS
from tui.importing.labels import HEADER_LABELS
from tui.importing.levels import LEVEL_NAMES, split_label_prefix
from tui.importing.shapes import split_inner_values, split_lead_number, split_value_tail

_MIN_LABEL = 4  # shorter labels (中期, 年度, 总体) occur inside ordinary words
_MIN_INNER = 4
_LONG_TEXT = 100  # a text this long with this many different labels in it is a glued table
_MANY_LABELS = 4
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_EXPLAIN = re.compile(r"(?<=.{2})(?=反映)")


@cache
def _label_pattern(least: int = _MIN_LABEL, levels: bool = False) -> re.Pattern[str]:
    words = {w for w in (*HEADER_LABELS, *COLUMN_LABELS) if len(w) >= least}
    if levels:  # 一级/二级 names too, with an optional score suffix
        words |= {w for w in LEVEL_NAMES if w.endswith("指标")}
    pattern = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(f"(?:{pattern})" + (r"(?:[(（]\d+分[)）])?" if levels else ""))


def starts_with_label(text: str) -> bool:
    """Whether ``text`` starts with a known label and has more text after it."""
    if split_label_prefix(text):
        return True
    match = _label_pattern().match(unicodedata.normalize("NFKC", text))
    return bool(match and _PAREN.sub("", text[match.end() :]).strip(" :："))


def looks_glued(text: str) -> bool:
    """A long text holding several known labels: a table that lost its separators."""
    if len(text) < _LONG_TEXT:
        return False
    found = _label_pattern().findall(unicodedata.normalize("NFKC", text))
    return len(set(found)) >= _MANY_LABELS


def _at_labels(text: str, levels: bool = False) -> list[str]:
    """Cut ``text`` before and after every known label in it (and 一级/二级 prefixes)."""
    parts: list[str] = []
    rest = text
    while rest:
        prefix = split_label_prefix(rest)
        if prefix:
            parts.append(prefix[0])
            rest = prefix[1]
            continue
        match = _label_pattern(_MIN_INNER, levels).search(unicodedata.normalize("NFKC", rest))
        if match is None:
            parts.append(rest)
            break
        if match.start():
            parts.append(rest[: match.start()])
        end = match.end()
        while end < len(rest) and rest[end] in ":：":
            end += 1
        parts.append(rest[match.start() : end])
        rest = rest[end:]
    return [p for p in parts if p.strip()]


def split_glued(text: str, *, inner: bool) -> list[str]:
    """The cells of a glued text; ``[text]`` when it does not start with a label.

    ``inner`` (a paste glued throughout) also cuts texts that do not start with
    a label, after values in the middle of a text and before 反映… explanations.
    """
    if not (inner or starts_with_label(text)):
        return [text]
    out: list[str] = []
    for part in _at_labels(text, levels=inner):
        pieces = split_inner_values(part) if inner else [part]
        for piece in pieces:
            for bit in _at_labels(piece, levels=True) if inner else [piece]:
                out += split_value(bit, inner=inner)
    return out


def split_value(text: str, *, inner: bool = False) -> list[str]:
    """``校舍合格率100%`` → [``校舍合格率``, ``100%``]; labels are left whole."""
    if _label_pattern().fullmatch(unicodedata.normalize("NFKC", text).rstrip(":：")):
        return [text]
    tail = split_value_tail(text)
    parts = [text] if tail is None else list(tail)
    if inner:
        parts = [bit for part in parts for bit in _EXPLAIN.split(part)]
        parts = [bit for part in parts for bit in split_lead_number(part)]
    return [p for p in parts if p]
