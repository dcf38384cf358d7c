"""Join an indicator row that a web page or a PDF wrapped over several lines, and
take apart a row that only groups the indented rows below it.

A long 三级 name or a tall merged cell can push the rest of a row onto the next
lines: ``经济效益指标 | 减轻贫困学生家庭经济负担`` / ``有效`` / ``有效 | 10 | 10``.
A line that starts with a value (not with a name or a category) and follows a
row that has a name but no value yet is the rest of that row; so is the next
such line while the joined row stays within the block's usual row length.

A self-evaluation may give a group's 分值 and 得分 on a row of its own
(``★补助各类瓜果蔬菜种植面积 10 10``) above its indicators, indented below it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from tui.importing.align import Profile, Scorer, align
from tui.importing.cells import Cell
from tui.importing.columns import VALUE_SLOTS
from tui.importing.shapes import is_value, is_weight

_EXPLAINED = "explanation"  # a block with a column explaining each name
_GROUP_SCORES = 2  # a group row's 分值 and 得分
_GROUP_GAP = 2  # lines from a group row to its first indented row (a page number between)
_NAME_REST = re.compile("^(?:以及|及|和|、)")  # words that go on a name, never begin one


def _has_level(row: list[Cell], scorer: Scorer) -> bool:
    return any(max(scorer.levels(c.text)) >= 1 for c in row)


def _starts_with_value(row: list[Cell]) -> bool:
    return bool(row) and (is_value(row[0].text) or is_weight(row[0].text))


def _usual_length(rows: list[list[Cell]], scorer: Scorer) -> int:
    """The most common length of the rows that start a group (hold a 一级/二级 name)."""
    counts = Counter(len(row) for row in rows if _has_level(row, scorer))
    return counts.most_common(1)[0][0] if counts else 0


def _lacks_value(row: list[Cell], profile: Profile, scorer: Scorer) -> bool:
    """Whether ``row`` reads as no complete row, or as one without a value shape in
    its value column (``机关事务正常运转率 | 机关事务正常运转率``: a name and its
    指标解释, the value on the next line)."""
    reading = align(row, profile, scorer)
    if reading is None:
        return True
    values = [reading.slots[s].text for s in VALUE_SLOTS if s in reading.slots]
    return not values or (_EXPLAINED in profile.slots and not any(map(is_value, values)))


def name_rest(name: Cell, after: Cell) -> Cell | None:
    """``各种强制免率、屠宰率`` / ``100%`` / ``及检疫率``: the name joined to ``after`` when
    ``after`` is the rest of a name a PDF wrapped around its value line (on a later line,
    starting with 及, 和, 以及, 、); else ``None``."""
    if after.line <= name.line or not _NAME_REST.match(after.text):
        return None
    return replace(name, text=name.text + after.text, parts=(name, after))


def _joined_name(prev: list[Cell], row: list[Cell], profile: Profile, scorer: Scorer) -> bool:
    """Join a one-cell ``row`` that is the rest of ``prev``'s name into it, in place."""
    reading = align(prev, profile, scorer) if len(row) == 1 else None
    name = reading.slots.get("name") if reading else None
    joined = name_rest(name, row[0]) if name is not None else None
    if name is None or joined is None:
        return False
    prev[prev.index(name)] = joined
    return True


def join_continued(rows: list[list[Cell]], profile: Profile, scorer: Scorer) -> list[list[Cell]]:
    """``rows`` with each wrapped row's continuation lines appended to it."""
    usual = _usual_length(rows, scorer)
    out: list[list[Cell]] = []
    continuing = False  # the last row already took a continuation line
    for row in rows:
        if out and continuing and _joined_name(out[-1], row, profile, scorer):
            continue
        if out and _starts_with_value(row) and not _has_level(row, scorer):
            prev = out[-1]
            short = continuing and len(prev) + len(row) <= usual
            if short or _lacks_value(prev, profile, scorer):
                out[-1] = prev + row
                continuing = True
                continue
        out.append(row)
        continuing = False
    return out


def group_rows(
    rows: list[list[Cell]], scorer: Scorer, *, scored: bool
) -> tuple[list[list[Cell]], list[Cell]]:
    """``rows`` without the name and scores of each row that only groups the rows
    indented below it (its 一级/二级 cells kept), and the cells taken out. Only a form
    with 分值/得分 columns (``scored``) has such rows: elsewhere a row whose value is a
    bare number (``重点建设工程安排数量 2``) above a row whose merged 一级 left it
    indented is an indicator row."""
    if not scored:
        return rows, []
    out: list[list[Cell]] = []
    taken: list[Cell] = []
    for n, row in enumerate(rows):
        levels = 0
        while levels < len(row) - 1 and max(scorer.levels(row[levels].text)) >= 1:
            levels += 1
        name, scores = row[levels], row[levels + 1 :]
        below = rows[n + 1] if n + 1 < len(rows) else []
        group = (
            0 < len(scores) <= _GROUP_SCORES
            and all(is_weight(c.text) for c in scores)
            and not is_value(name.text)
            and bool(below)
            and not below[0].tabular
            and 0 < below[0].line - name.last_line <= _GROUP_GAP
            and below[0].column > row[0].column
            and any(is_value(c.text) for c in below[1:])
        )
        if group:
            taken += row[levels:]
            row = row[:levels]
        if row:
            out.append(row)
    return out, taken
