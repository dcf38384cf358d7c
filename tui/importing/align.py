"""Place a row's cells into the columns of an indicator block by content and order.

A ``Profile`` is the block's columns in order (from its heading row, or a
guess). A row's non-empty cells fill some of those columns, in order: merged
一级/二级 cells leave the first ones empty, blank optional columns leave others
empty. ``align`` tries every way the cells can fill the columns in order and
keeps the best by content — a 一级/二级 column only takes a category name, a
性质 column an operator, a 权重 column a number, a 指标值 column prefers a value
shape, a 三级 column dislikes category names and value shapes — with a small
bonus for a cell standing right under its heading. When every cell stands under
a heading and the category cells are category names, the row is read by
position alone (``positional``), so a table written by ``jixiao export`` reads
back exactly. ``tui.importing.runs`` cuts a run of cells (a stream, or a whole
table glued into one line) into rows by the same scores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.importing.cells import Cell
from tui.importing.columns import VALUE_SLOTS, is_other
from tui.importing.header import parse_amount
from tui.importing.labels import header_label
from tui.importing.levels import clean_level, is_category, level_fit, nested_fit, same_level2
from tui.importing.shapes import (
    is_nature,
    is_quantity,
    is_standard,
    is_unit,
    is_value,
    is_verdict,
    is_weight,
)

LEVEL_SLOTS = ("l1", "l2", "l2b")
NAME_SLOTS = ("name", "name_b", "annual_name")
_TEXT_SLOTS = {
    "likelihood",
    "cause",
    "action",
    "warning",
    "basis",
    "explanation",
    "remark",
    "reason",
    "goal",
    "project",
    "unit_name",
    "category",
}
_DONE_SLOTS = ("actual", "prior", "progress", "forecast", "midyear")  # done or to be done
_SKIP = {"name": 1.0, "name_b": 0.3, "medium": 3, "annual": 3, "value": 3, "weight": 0.2}
_PROJECT_SLOTS = ("project", "unit_name", "budget", "goal")
_AT_HEADING = 0.6
_NONE = float("-inf")  # no way to fill the slots so far
ROW_BONUS = 2.0
_AS_PLANNED = 3.0
_LOCAL_LEVEL = re.compile(r"[\u4e00-\u9fff]{2,8}")  # a short word of Chinese only
_LABEL_ROW = -3.0  # a row of category names only: worth less than joining them to a row
_NAMELESS = 100.0  # cost of a row without 三级 when one is required
_ROW_NUMBER = re.compile(r"^\d{1,3}[.、]?$")  # 1, 12., 3、 under 序号
_DIRECTIONS = {"正向", "反向", "正向指标", "反向指标", "中性", "中性指标"}


@dataclass(frozen=True)
class Profile:
    """The columns of an indicator block in order, with their heading positions."""

    slots: tuple[str, ...]
    positions: tuple[int | None, ...] = ()

    @property
    def halves(self) -> tuple[str, ...]:
        """The value columns the block has: ``("medium", "annual")``, or one of them."""
        return tuple(h for h in ("medium", "annual") if h in self.slots) or ("annual",)

    def value_positions(self) -> set[int]:
        """The heading cell indexes of the value columns (指标值, 中期/年度指标值)."""
        return {p for s, p in zip(self.slots, self.positions) if s in VALUE_SLOTS and p is not None}

    def position(self, slot_index: int) -> int | None:
        """The heading cell index of a slot, when known."""
        return self.positions[slot_index] if slot_index < len(self.positions) else None


@dataclass
class Reading:
    """A row read: slot → cell, and its score."""

    slots: dict[str, Cell]
    score: float


class Scorer:
    """Scores of cells in slots for one framework, memoised by text."""

    def __init__(self, framework: str, *, nested: bool = False) -> None:
        self.framework = framework
        self.fit_level = nested_fit if nested else level_fit  # a block of a nested tree
        self.memo: dict[tuple[str, str], float | None] = {}

    def levels(self, text: str) -> tuple[float, float]:
        """How well ``text`` reads as a 一级 and as a 二级."""
        return self.fit_level(text, 1, self.framework), self.fit_level(text, 2, self.framework)

    def fit(self, slot: str, text: str) -> float | None:
        """The score of ``text`` in ``slot``; ``None`` when it cannot go there."""
        key = (slot, text)
        if key not in self.memo:
            self.memo[key] = self._fit(slot, text)
        return self.memo[key]

    def _fit(self, slot: str, text: str) -> float | None:
        f1, f2 = self.levels(text)
        label = max(f1, f2)
        if slot == "l1":
            return (0.4 if f1 == 0.5 else f1) or None
        if slot in ("l2", "l2b"):
            return f2 or None
        if slot in NAME_SLOTS:
            if not any(ch.isalnum() for ch in text):
                return None  # a stray 、 or ( is no 三级 name
            # 数 量 指 标 and 数量指标(必填) too
            named = label >= 0.5 and clean_level(text)[0].endswith("指标")
            score = 0.5 - (2.5 if named else 1.0 if label >= 1 else label)
            if is_quantity(text) or is_nature(text):
                score -= 3.5
            elif is_verdict(text) or is_standard(text):
                score -= 4
            elif is_value(text):
                score -= 1.5
            if is_unit(text) and len(text.strip()) <= 2:
                score -= 2
            if header_label(text) is not None:
                score -= 3  # 绩效目标, 项目名称: a label of the form, not a 三级 name
            return score
        if label >= 1 or header_label(text) is not None:
            return None  # a category or a label of the form is no value, unit or note
        explains = text.startswith(("反映", "指"))
        if slot in VALUE_SLOTS:
            if is_nature(text):
                return None  # a bare operator or 正向/定量 is never the value itself
            if explains or is_standard(text) or is_verdict(text):
                return -1.0  # 反映…, 计划标准, 已完成: an explanation, a standard, a verdict
            return 1.0 if is_value(text) else 0.0
        if slot == "basis" and is_standard(text):
            return 1.0
        if slot in ("basis", "explanation"):
            return 0.5 if explains else 0.0
        if slot == "nature":
            return 2.0 if is_nature(text) else None
        if slot == "direction":  # some forms put the operator under 指标方向
            return 1.5 if text.strip() in _DIRECTIONS or is_nature(text) else None
        if slot == "unit":  # an odd text in a 单位 column (a date serial) rather than a lost row
            return 1.0 if is_unit(text) and not is_quantity(text) else -1.5
        if slot == "weight":  # 10, or 10% where a form gives weights as percentages
            return 1.0 if is_weight(text) else 0.5 if is_weight(text.rstrip("%％")) else None
        if slot == "score":
            return 0.5 if is_weight(text) else None
        if slot == "seq":
            return 1.0 if _ROW_NUMBER.match(text.strip()) else None
        if slot == "budget":
            return 2.0 if parse_amount(text) is not None else None
        if slot in _DONE_SLOTS:
            return 0.7 if is_verdict(text) or is_value(text) else 0.2
        if slot == "reason":
            return -0.3
        if slot == "project":
            return None if parse_amount(text) is not None or is_quantity(text) else 0.1
        return 0.0 if slot in _TEXT_SLOTS or is_other(slot) else None


def _skip(slot: str, named: bool = False) -> float:
    """The cost of leaving ``slot`` empty (``named``: a row must fill its 三级)."""
    return _NAMELESS if named and slot == "name" else _SKIP.get(slot, 0.0)


def _label_row(cells: list[Cell], scorer: Scorer) -> Reading | None:
    """A row of only 一级/二级 names (a merged cell's text on a line of its own)."""
    if not cells or len(cells) > 3:
        return None
    slots: dict[str, Cell] = {}
    score = _LABEL_ROW
    for n, cell in enumerate(cells):
        fit1, fit2 = scorer.levels(cell.text)
        if n == 0 and fit1 > fit2:
            slots["l1"] = cell
        elif fit2 and ("l2" not in slots or same_level2(slots["l2"].text, cell.text)):
            slots["l2b" if "l2" in slots else "l2"] = cell
        else:
            return None
        score += max(fit1, fit2)
    return Reading(slots, score)


def _shift(cells: list[Cell], profile: Profile, scorer: Scorer) -> int:
    """How many columns a row stands left of its headings (merged cells a web table dropped).

    Read from the row's 一级/二级 cells; 0 when they do not say.
    """
    shifts: list[int] = []
    for cell in cells:
        fits = [
            (scorer.fit(slot, cell.text) or 0.0, -j, at - cell.index)
            for j, slot in enumerate(profile.slots)
            if slot in LEVEL_SLOTS and (at := profile.position(j)) is not None
        ]
        best = max(fits, default=None)
        if best is not None and best[0] >= 1:
            shifts.append(best[2])
    return max(set(shifts), key=shifts.count) if shifts else 0


def _table(
    cells: list[Cell], profile: Profile, scorer: Scorer, named: bool = False
) -> list[list[float]]:
    """dp[i][j]: best score with the first ``i`` cells in the first ``j`` slots."""
    slots = profile.slots
    shift = _shift(cells, profile, scorer)
    n, m = len(cells), len(slots)
    dp = [[_NONE] * (m + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m):
            here = dp[i][j]
            if here == _NONE:
                continue
            dp[i][j + 1] = max(dp[i][j + 1], here - _skip(slots[j], named))
            if i < n:
                fit = scorer.fit(slots[j], cells[i].text)
                if fit is None:
                    continue
                if (
                    profile.position(j) is not None
                    and profile.position(j) == cells[i].index + shift
                ):
                    fit += _AT_HEADING
                dp[i + 1][j + 1] = max(dp[i + 1][j + 1], here + fit)
    return dp


def _trace(
    cells: list[Cell], profile: Profile, scorer: Scorer, named: bool = False
) -> dict[str, Cell]:
    dp = _table(cells, profile, scorer, named)
    slots = profile.slots
    i, j = len(cells), len(slots)
    out: dict[str, Cell] = {}
    while i or j:
        here = dp[i][j]
        prev = dp[i][j - 1] if j else None
        if (
            j
            and prev is not None
            and here is not None
            and abs(prev - _skip(slots[j - 1], named) - here) < 1e-9
        ):
            j -= 1
            continue
        out[slots[j - 1]] = cells[i - 1]
        i, j = i - 1, j - 1
    return out


def _bonus(slots: dict[str, Cell], profile: Profile) -> float | None:
    if not any(s in slots for s in NAME_SLOTS):
        if _nameless(slots):
            return ROW_BONUS  # a form without a 三级 column: 数量指标 | 375万平方米 | 说明
        if not any(s in slots for s in _PROJECT_SLOTS):
            return None
        # A project list's own row (单位 | 项目 | 预算数) has no indicator to miss.
        return 1.0 + sum(_skip(s) for s in profile.slots if s in (*NAME_SLOTS, *VALUE_SLOTS))
    bonus = ROW_BONUS
    values = [slots[s].text for s in VALUE_SLOTS if s in slots]
    if "actual" in slots and slots["actual"].text in values:
        bonus += _AS_PLANNED  # 目标 参照政府采购成本控制, 实际 the same: one row, as planned
    if "l2" in slots and "l2b" in slots:
        bonus += 1 if same_level2(slots["l2"].text, slots["l2b"].text) else -1
    return bonus


def _nameless(slots: dict[str, Cell]) -> bool:
    """A 二级 and a value shape with no 三级 between them: a row of a form without 三级."""
    values = [slots[s].text for s in VALUE_SLOTS if s in slots]
    value = values[0] if len(values) == 1 else ""
    return "l2" in slots and is_value(value) and not is_weight(value)


def _local_level1(text: str, slots: dict[str, Cell], scorer: Scorer) -> bool:
    """A form's own 一级 word (项目决策, 项目效益) in the 一级 column, over a known 二级:
    kept as written (the checker names it), not dropped for the framework's."""
    level2 = slots.get("l2")
    return (
        level2 is not None
        and (scorer.fit("l2", level2.text) or 0) >= 1
        and _LOCAL_LEVEL.fullmatch(text.strip()) is not None
    )


def positional(cells: list[Cell], profile: Profile, scorer: Scorer) -> Reading | None:
    """The row read by heading position alone, when every cell stands under a heading."""
    where = {p: s for s, p in zip(profile.slots, profile.positions) if p is not None}
    if not where or any(c.index not in where for c in cells):
        return None
    slots = {where[c.index]: c for c in cells}
    for slot, cell in slots.items():
        if slot in (*NAME_SLOTS, *VALUE_SLOTS, *_TEXT_SLOTS, *_DONE_SLOTS) or is_other(slot):
            continue  # any text may stand in a text column
        if slot == "l1" and _local_level1(cell.text, slots, scorer):
            continue
        if not scorer.fit(slot, cell.text):
            return None
    bonus = _bonus(slots, profile)
    return None if bonus is None else Reading(slots, 100.0)


def align(
    cells: list[Cell], profile: Profile, scorer: Scorer, *, whole: bool = True
) -> Reading | None:
    """The best reading of one row's cells, or ``None`` when none fits.

    ``whole``: the cells are a whole row (a line), not a piece of a run being cut.
    """
    label = _label_row(cells, scorer)
    if label is not None and len(cells) < 3:
        return label
    exact = positional(cells, profile, scorer)
    if exact is not None:
        return exact
    reading = _best(cells, profile, scorer, named=False)
    if reading is None and whole and "name" in profile.slots:
        # Values only (a name read as a 中期 value, 项目验收合格率 | ≥100%): read again
        # with the 三级 filled, as a row must have one.
        reading = _best(cells, profile, scorer, named=True)
    if reading is None:
        return label
    return label if label is not None and label.score >= reading.score else reading


def _best(cells: list[Cell], profile: Profile, scorer: Scorer, named: bool) -> Reading | None:
    dp = _table(cells, profile, scorer, named)
    total = dp[len(cells)][len(profile.slots)]
    if total == _NONE:
        return None
    slots = _trace(cells, profile, scorer, named)
    bonus = _bonus(slots, profile)
    if bonus is None or (
        named
        and (
            "name" not in slots
            or not any(s in slots for s in VALUE_SLOTS)
            or is_category(slots["name"].text)  # 生态效益指标 | 0: an empty group
        )
    ):
        return None
    return Reading(slots, total + bonus)
