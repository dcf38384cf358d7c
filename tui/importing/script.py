"""A paste a converter turned into traditional characters, read as the simplified text
it was made from.

Budget tables are published in simplified characters; a copy in traditional ones
(績效目標表, 產出指標) is a mirror site's machine conversion, sometimes with the pinyin
the converter wrote after a character (``指標(biāo)``). When a paste is clearly
traditional (a tenth of its Han characters or more are characters simplified text
never writes), each such character is read as its simplified form, one for one, and
each pinyin annotation is dropped; the notes say both. Positions in the report stay
those of the paste as given. The table of characters is ``traditional.txt`` (from
OpenCC, see its header). Files (.xlsx, .docx, .pdf) are a unit's own and are not
converted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

from tui.importing.ledger import Placed, Unplaced

_TABLE = Path(__file__).resolve().parent / "traditional.txt"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LINE_END = re.compile(r"\r\n|\r|\n")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü]*[{_TONED}][a-zü]*[)）]")
_SHARE = 0.1  # of a paste's Han characters, written only in traditional text
_LEAST = 5  # …and at least this many

Position = TypeVar("Position", Placed, Unplaced)


@cache
def _simplified_of() -> dict[int, str]:
    """Each traditional-only character's simplified form, as a ``str.translate`` table."""
    pairs = (
        line.split("\t")
        for line in _TABLE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    return {ord(traditional): simplified for traditional, simplified in pairs}


@dataclass(frozen=True)
class Restored:
    """A paste as read: its text, the notes saying what was changed, and where text
    was taken out (line → the columns of the new line where a cut was, and the
    characters taken out up to each; 1-based)."""

    text: str
    notes: list[Unplaced] = field(default_factory=list)
    removed: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)

    def moved(self, items: list[Position]) -> list[Position]:
        """``items`` with their columns those of the paste as given."""
        return [replace(item, column=self.column(item.line, item.column)) for item in items]

    def column(self, line: int, column: int) -> int:
        """Where ``column`` of ``line`` of the text as read stood in the paste as given."""
        cuts, taken = self.removed.get(line, ([], []))
        before = bisect_right(cuts, column)
        return column + (taken[before - 1] if before else 0)


def restore_script(text: str) -> Restored:
    """``text`` read in simplified characters when it is clearly traditional, without
    the pinyin a converter wrote after its characters; else ``text`` as it is."""
    table = _simplified_of()
    han = _HAN.findall(text)
    converted = sum(1 for char in han if ord(char) in table)
    if converted < _LEAST or converted < _SHARE * len(han):
        return Restored(text)
    lines = _LINE_END.split(text)
    first = next(
        (number, match)
        for number, raw in enumerate(lines, start=1)
        for match in _HAN.finditer(raw)
        if ord(match.group()) in table
    )
    zh = f"繁体字已按简体读入（{converted} 个字）"
    en = f"traditional characters read as simplified ({converted})"
    notes = [Unplaced(first[1].group(), first[0], first[1].start() + 1, zh, en)]
    pinyin = [(n, m) for n, raw in enumerate(lines, start=1) for m in _PINYIN.finditer(raw)]
    removed: dict[int, tuple[list[int], list[int]]] = {}
    for number, match in pinyin:
        cuts, taken = removed.setdefault(number, ([], []))
        before = taken[-1] if taken else 0
        cuts.append(match.start() + 1 - before)
        taken.append(before + len(match.group()))
    if pinyin:
        number, match = pinyin[0]
        zh, en = (
            f"拼音注音已删除（{len(pinyin)} 处）",
            f"pinyin annotations dropped ({len(pinyin)})",
        )
        notes.append(Unplaced(match.group(), number, match.start() + 1, zh, en))
    return Restored("\n".join(simplified(raw) for raw in lines), notes, removed)


def simplified(text: str) -> str:
    """``text`` with each traditional-only character simplified and without pinyin
    annotations (whatever its share of them: the corpus compares its cells so)."""
    return _PINYIN.sub("", text).translate(_simplified_of())
