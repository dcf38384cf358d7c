"""The columns of an indicator block: read from its heading row, or guessed from its rows.

``profile_of`` reads a heading row (一级指标 | 二级指标 | 三级指标 | 指标值 …, with
any extra columns, two heading rows run together put back in order);
``guess_profile`` picks the likeliest of a few layouts (both halves, 年度 only,
年度三级 between) for rows without one.
"""

from __future__ import annotations

from tui.importing.align import Profile, Reading, Scorer, align
from tui.importing.cells import Cell
from tui.importing.columns import (
    AGAIN,
    EVALUATION_SLOTS,
    EXPLAINING_NAMES,
    MONITORING_SLOTS,
    OTHER,
    UNKEPT,
    VALUE_SLOTS,
    column_slot,
    heading_form,
    is_other,
)
from tui.importing.heading import block_title, heading_cell
from tui.importing.runs import LONG_ROW, segment

_EXTRAS = ("unit", "weight")
_FIT_CELLS = 50  # a long row's cells a guess is fitted on (each guess cuts them into rows)
_FIT_STREAM = 200  # …and a paste's cells, one a line
GUESSES = (
    ("l1", "l2", "name", "nature", "annual", *_EXTRAS),
    ("l1", "l2", "name", "medium", "l2b", "name_b", "annual", *_EXTRAS),
    ("l1", "l2", "name", "medium", "annual_name", "annual", *_EXTRAS),
    # A self-evaluation without its heading: 符号 | 值 | 单位 | 实际完成值 | 分值.
    ("l1", "l2", "name", "nature", "annual", "unit", "actual", "weight"),
    # …and the Ministry's 自评表 without its heading: 年度指标值 | 实际完成值 | 分值 | 得分,
    # with or without its 偏差原因分析及改进措施.
    ("l1", "l2", "name", "annual", "actual", "weight", "score"),
    ("l1", "l2", "name", "annual", "actual", "weight", "score", "reason"),
    # Hunan's 专项 form without its heading: 指标内容 (反映…) | 指标值 | 绩效标准.
    ("l1", "l2", "name", "explanation", "annual", "basis"),
)
# Columns that stand right of the 三级 name (values, self-evaluation, weight, notes).
_RIGHT_SIDE = {
    *(*VALUE_SLOTS, *UNKEPT, *EVALUATION_SLOTS, *MONITORING_SLOTS),
    *("weight", "remark", "basis", "explanation"),
}


def profile_of(header: list[Cell], half: str = "annual") -> Profile | None:
    """The columns an indicator heading row names, or ``None`` when it names none.

    ``half`` is the half a lone 指标值 column fills: ``medium`` under a title such as
    ``(二)中长期绩效指标``.
    """
    known = [k for k, c in enumerate(header) if column_slot(c.text)]
    found: list[tuple[str, Cell]] = []
    for k, cell in enumerate(header):
        slot = column_slot(cell.text)
        if slot is None and known and known[0] < k and (k < known[-1] or not heading_cell(cell)):
            slot = OTHER + (str(k) if any(is_other(s) for s, _ in found) else "")
        if slot is not None:
            found.append((slot, cell))
    reordered = _lower_tier_first(found)
    slots: list[str] = []
    positions: list[int | None] = []
    indexes = [c.index for _, c in found]
    tabular = all(c.tabular for _, c in found) and len(set(indexes)) == len(indexes)
    if reordered is not None:  # the cells no longer stand in their columns' order
        found, tabular = reordered, False
    for slot, cell in found:
        if slot == "name" and slot in slots and heading_form(cell.text) in EXPLAINING_NAMES:
            slot = "explanation"
        if slot in ("l2", "name") and slot in slots:
            slot = "l2b" if slot == "l2" else "name_b"
        if slot in slots and slot not in VALUE_SLOTS:
            slot = AGAIN + str(len(slots))  # kept in its place, its cells reported
        slots.append(slot)
        positions.append(cell.index if tabular else None)
    values = [i for i, s in enumerate(slots) if s in VALUE_SLOTS]
    if not values and "name" not in slots:
        return None
    halves = "name_b" in slots or "l2b" in slots or "annual_name" in slots
    explicit = {slots[i] for i in values} == {"medium", "annual"}
    if len(values) >= 2 and (halves or explicit):
        slots[values[0]] = "medium" if slots[values[0]] == "value" else slots[values[0]]
        slots[values[-1]] = "annual" if slots[values[-1]] == "value" else slots[values[-1]]
        drop = values[1:-1]
    else:
        drop = values[:-1]
        if values:
            last = values[-1]
            slots[last] = half if slots[last] == "value" else slots[last]
    keep = [i for i in range(len(slots)) if i not in drop]
    slots, positions = [slots[i] for i in keep], [positions[i] for i in keep]
    if "name" not in slots:
        at = max((i for i, s in enumerate(slots) if s in ("l1", "l2")), default=-1) + 1
        slots.insert(at, "name")
        positions.insert(at, None)
    for level, after in (("l1", None), ("l2", "l1")):
        if level not in slots:  # a heading without 一级/二级 columns (指标类型 | 指标名称 …)
            below = "l2" if level == "l1" and "l2" in slots else "name"  # 一级 before its 二级
            at = slots.index(after) + 1 if after in slots else slots.index(below)
            slots.insert(at, level)
            positions.insert(at, None)
    if "direction" in slots and "nature" not in slots:  # the operator under 指标方向
        slots[slots.index("direction")] = "nature"
    return Profile(tuple(slots), tuple(positions))


def rebased(profile: Profile, heading: list[Cell], body: list[list[Cell]]) -> Profile:
    """``profile`` with its heading positions moved left when its ``heading`` row opens
    with block titles its rows do not have.

    A web table's row-spanning title cell (``绩效指标 | 一级指标 | 二级指标 …``) stands
    on the heading's line only: the rows under it start one column further left.
    A spreadsheet's copy keeps the column, empty (``\t产出指标\t…``): nothing moves.
    """
    shift = min((p for p in profile.positions if p is not None), default=0)
    titles = [cell for cell in heading if cell.tabular and cell.index < shift]
    # A row carrying the title (a spreadsheet's filled-down merged cell) keeps its column.
    firsts = [row[0].index for row in body if row and row[0].tabular and not block_title(row[0])]
    if not titles or not all(block_title(cell) for cell in titles) or len(firsts) < 2:
        return profile
    if 2 * sum(1 for index in firsts if index < shift) <= len(firsts):
        return profile
    positions = tuple(None if p is None else p - shift for p in profile.positions)
    return Profile(profile.slots, positions)


def _lower_tier_first(found: list[tuple[str, Cell]]) -> list[tuple[str, Cell]] | None:
    """Two heading rows run together, the group row first, put back in column order.

    A self-evaluation form heads its columns in two rows — ``绩效指标 | 年度指标值 |
    实际完成值 | 分值 | 得分`` above ``一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
    度量单位`` — and a flattened web table gives them one after the other. When
    the 一级/二级/三级 headings come after other headings, the row from them on
    is the left part of the table and the headings before it its right part
    (a value heading there is the group over the lower row's value, dropped).
    ``None`` when the headings are in order.
    """
    slots = [slot for slot, _ in found]
    first = next((i for i, s in enumerate(slots) if s in ("l1", "l2", "name")), 0)
    if first == 0 or any(s not in _RIGHT_SIDE and not is_other(s) for s in slots[:first]):
        return None
    lower, upper = found[first:], found[:first]
    if any(s in VALUE_SLOTS for s, _ in lower):
        upper = [(s, c) for s, c in upper if s not in VALUE_SLOTS]
    return lower + upper


def _fit(rows: list[list[Cell]], profile: Profile, scorer: Scorer, stream: bool) -> float:
    """How well ``rows`` read with ``profile``: the sum of their readings' scores."""
    if stream:
        return _run_fit([c for row in rows for c in row][:_FIT_STREAM], profile, scorer)
    total = 0.0
    for row in rows:  # as the reader reads them: a row far longer than the profile as a run
        if len(row) > len(profile.slots) + LONG_ROW:
            total += _run_fit(row[:_FIT_CELLS], profile, scorer)
        else:
            reading = align(row, profile, scorer)
            total += -10 * len(row) if reading is None else reading.score
    return total


def _run_fit(cells: list[Cell], profile: Profile, scorer: Scorer) -> float:
    cut = segment(cells, profile, scorer, settle=False)
    return sum(r.score if isinstance(r, Reading) else -10 for r in cut)


def guess_profile(
    rows: list[list[Cell]],
    framework: str,
    *,
    stream: bool,
    nested: bool = False,
    evaluation: bool = True,
) -> Profile:
    """The likeliest columns for rows without a heading row (``nested``: rows of a nested
    tree, 实施效果指标 over 产出指标, read as the reader will read them; without
    ``evaluation``, only the target forms: rows pasted into a target table)."""
    scorer = Scorer(framework, nested=nested)
    guesses = [g for g in GUESSES if evaluation or not set(g) & set(EVALUATION_SLOTS)]
    scored = [
        (_fit(rows, Profile(g), scorer, stream), -n, Profile(g)) for n, g in enumerate(guesses)
    ]
    return max(scored, key=lambda t: (t[0], t[1]))[2]
