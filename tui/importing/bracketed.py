"""Indicators written as headings: ``【产出指标-数量指标】`` then ``指标1:机柜数量(≥77台)``.

Some departments publish their projects as a list (编码 | 项目 | 预算 | 项目内容 |
绩效目标) in which each project's indicators are headings naming the 一级 and
二级 in brackets, each followed by numbered indicators with the target value in
parentheses after the name. ``split_bracketed`` cuts such a cell into the cells
of a table row: a heading into its 一级 and 二级, an indicator into its 三级 name
and its value. ``bracket_projects`` finds each project of such a list: its name
(the last text before its 【项目概况】 or 【总体目标】 section, past the amounts and
codes beside it) and its indicator block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.importing.levels import is_level

_HEADING = re.compile(r"^[【\[]\s*([^【】\[\]]+?)\s*[-—－–_/]\s*([^【】\[\]]+?)\s*[】\]]$")
_NUMBERED = re.compile(r"^(指标\s*\d+\s*[:：].+?)\s*[(（]([^()（）]+)[)）]$")
_SECTION = re.compile(r"^【[^】]+】")
_NUMBER_OR_CODE = re.compile(r"^[\d.,\s]+$")


def is_bracket_heading(text: str) -> bool:
    """Whether ``text`` is a heading ``【一级-二级】`` naming two known levels."""
    heading = _HEADING.match(text.strip())
    return heading is not None and all(is_level(heading[n], strong=True) for n in (1, 2))


def split_bracketed(text: str, *, numbered: bool) -> list[tuple[int, str]] | None:
    """The cells of ``text`` as ``(offset, text)`` when it is a bracketed heading or
    (``numbered``) a numbered indicator with its value in parentheses, else ``None``.

    ``【产出指标-数量指标】`` → 产出指标, 数量指标; ``指标1:机柜数量(≥77台)`` →
    指标1:机柜数量, ≥77台 (``正面支撑``, ``≥0.97比例``: whatever the parentheses
    hold). A heading counts only when both halves are known 一级/二级 names. The
    caller asks for indicators only in a paste with such headings and only for
    the last cell of a row: elsewhere the parentheses are part of the name
    (``受益人数(万人)`` beside its value, a template's ``项目总成本(≤**万元)``).
    """
    stripped = text.strip()
    heading = _HEADING.match(stripped)
    if heading and is_bracket_heading(stripped):
        return [(heading.start(1), heading[1]), (heading.start(2), heading[2])]
    found = _NUMBERED.match(stripped) if numbered else None
    if found and found[2].strip():
        return [(0, found[1]), (found.start(2), found[2].strip())]
    return None


@dataclass(frozen=True)
class BracketProject:
    """One project of a bracketed list: its rows ``[start, end)`` and its name's row."""

    start: int
    end: int
    name: int | None


def bracket_projects(
    rows: Sequence[tuple[int, str]], split: frozenset[int]
) -> list[BracketProject]:
    """The projects of a list whose indicators were cut by ``split_bracketed``.

    ``rows`` gives each row's text line and first cell, ``split`` the lines that
    held a bracketed heading or indicator. A project's indicator block is a run of
    rows on ``split`` lines; its name is the last row before its first bracketed
    section label (【项目概况】, 【总体目标】) that is not an amount or a code.
    Rows between one block and the next project's name belong to no project.
    Empty when no line was split.
    """
    blocks: list[tuple[int, int]] = []
    r = 0
    while r < len(rows):
        if rows[r][0] in split:
            start = r
            while r < len(rows) and rows[r][0] in split:
                r += 1
            blocks.append((start, r))
        else:
            r += 1
    projects: list[BracketProject] = []
    previous_end = 0
    for start, end in blocks:
        section = next((s for s in range(previous_end, start) if _section(rows[s][1])), None)
        name = None
        if section is not None:
            name = next(
                (
                    s
                    for s in range(section - 1, previous_end - 1, -1)
                    if not _NUMBER_OR_CODE.match(rows[s][1]) and not _section(rows[s][1])
                ),
                None,
            )
        projects.append(BracketProject(previous_end if name is None else name, end, name))
        previous_end = end
    return projects


def _section(text: str) -> bool:
    """Whether ``text`` starts with a bracketed section label such as ``【项目概况】``."""
    return bool(_SECTION.match(text.strip())) and not is_bracket_heading(text)
