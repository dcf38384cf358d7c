"""Markdown pipe tables: cells split at unescaped ``|``, their escapes taken off.

A Markdown table (``jixiao export --format md``, GitHub, Typora, an AI chat's
answer) has a delimiter row under its heading (``|:---|---:|``); its cells
escape Markdown punctuation with a backslash (``\\<=6962人``, ``(≥\\*\\*%)``,
``a\\|b`` for a pipe inside a cell) and write a line break as ``<br>``. Inside such
a table each row becomes one record whose fields are final (``tui.importing.quoted``),
read literally: ``<=6962人``, ``(≥**%)``, ``a|b``. Outside one nothing changes.
"""

from __future__ import annotations

import re

from tui.importing.quoted import Field, Record

# No two runs of spaces side by side (``\s*\|?\s*``): a line of spaces took quadratic time.
_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_BAR = re.compile(r"(?<!\\)(?:\\\\)*\|")  # a | not escaped by a backslash
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _cell(text: str) -> str:
    """A cell's source as the text it shows."""
    return _ESCAPE.sub(r"\1", _BREAK.sub("\n", text))


def _row(record: Record) -> Record:
    """One row of a Markdown table as a record of final (quoted) fields."""
    text = record.text
    bars = [m.end() - 1 for m in _BAR.finditer(text)]
    fields: list[Field] = []
    for left, right in zip([-1, *bars], [*bars, len(text)], strict=True):
        raw = text[left + 1 : right]
        begin = left + 1 + len(raw) - len(raw.lstrip())
        fields.append(Field(_cell(raw.strip()), begin, begin + len(raw.strip()), quoted=True))
    return Record(record.first, text, tuple(fields))


def join_markdown(found: list[Record]) -> list[Record]:
    """``found`` with the rows of each Markdown table read as records of final cells."""
    out = list(found)
    for i, record in enumerate(found):
        if record.quoted or not _DELIMITER.match(record.text) or "|" not in record.text:
            continue
        if i and _ROW.match(found[i - 1].text) and not found[i - 1].quoted:
            out[i - 1] = _row(found[i - 1])
        j = i + 1
        while j < len(found) and not found[j].quoted and _ROW.match(found[j].text):
            out[j] = _row(found[j])
            j += 1
    return out
