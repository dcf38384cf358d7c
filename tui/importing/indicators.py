"""Read the indicator block by the sequence of cells, not by column position.

A row with both halves reads ``[一级] [二级] 三级 指标值 [二级] 三级 指标值``; a
row with one half ``[一级] [二级] 三级 指标值``. Every way the non-empty cells
of a row can fill those slots is scored — a 一级/二级 slot only takes a known
category name, a name in a text slot costs a little, an empty text slot costs
more — and the best reading wins. So a row shifted left, a row starting in
column 0 and a 一级 written only on its first row all read the same. 一级 and
二级 carry down over the blank cells merged cells leave. In a stream (one
cell per line) the rows are cut out of the cell sequence by the same scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import product

from tui.importing.cells import Cell
from tui.importing.labels import header_label, level_fit, same_level2
from tui.importing.ledger import Ledger
from tui.model import Indicator, Table

BOTH = ("medium", "annual")
_SLOTS = {
    "both": ("l1", "l2", "name", "value", "l2b", "name_b", "value_b"),
    "named": ("l1", "l2", "name", "value", "name_b", "value_b"),
    "one": ("l1", "l2", "name", "value"),
}
_PAIRS = {
    "both": (("name", "value"), ("name_b", "value_b")),
    "named": (("name", "value"), ("name", "value_b"), ("name_b", "value_b")),
    "one": (("name", "value"),),
}
_FREE = {"named": ("name_b",)}  # an empty 年度三级指标 cell means "same as 中期"
_LEVEL = {"l1": 1, "l2": 2, "l2b": 2}
_MISSING = 3  # cost of an empty 三级/指标值 slot
_SKIP = 10  # cost of a cell that fits no row
_AT_HEADER = 0.1  # tie-break: the cell stands under its column heading


@dataclass(frozen=True)
class Layout:
    """The value columns of an indicator block and where the header put each slot.

    ``columns`` is ``BOTH``, ``("annual",)`` or ``("medium",)``; ``annual_names``
    is true for a 年度三级指标 column that is left blank when it equals 中期 (as
    ``jixiao export`` writes it); ``positions`` maps slots to header cell indexes.
    """

    columns: tuple[str, ...] = BOTH
    annual_names: bool = False
    positions: tuple[tuple[str, int], ...] = ()

    @property
    def shape(self) -> str:
        """The template family: ``"both"``, ``"named"`` or ``"one"``."""
        if len(self.columns) == 1:
            return "one"
        return "named" if self.annual_names else "both"


@cache
def _templates(shape: str) -> dict[int, list[tuple[tuple[str, ...], int]]]:
    """Templates by length: the slots a row of that many cells fills, and their cost."""
    slots = _SLOTS[shape]
    free = _FREE.get(shape, ())
    out: dict[int, list[tuple[tuple[str, ...], int]]] = {}
    for mask in product((1, 0), repeat=len(slots)):
        chosen = tuple(s for s, keep in zip(slots, mask) if keep)
        if not any(a in chosen and b in chosen for a, b in _PAIRS[shape]):
            continue
        empty = [s for s in slots if s not in _LEVEL and s not in chosen and s not in free]
        out.setdefault(len(chosen), []).append((chosen, _MISSING * len(empty)))
    for options in out.values():
        options.sort(key=lambda t: t[1])
    return out


@dataclass
class Reading:
    """The best way to read a run of cells: slot → cell, and its score."""

    slots: dict[str, Cell]
    score: float


class _Fits:
    def __init__(self, framework: str) -> None:
        self.framework = framework
        self.memo: dict[str, tuple[int, int]] = {}

    def __call__(self, text: str) -> tuple[int, int]:
        if text not in self.memo:
            self.memo[text] = (
                level_fit(text, 1, self.framework),
                level_fit(text, 2, self.framework),
            )
        return self.memo[text]


def _score(template: tuple[str, ...], cells: list[Cell], fits: _Fits) -> float | None:
    score = 0.0
    for slot, cell in zip(template, cells):
        fit = fits(cell.text)
        if slot in _LEVEL:
            if not fit[_LEVEL[slot] - 1]:
                return None
            score += fit[_LEVEL[slot] - 1]
        elif any(fit):
            score -= 1
    if "l2" in template and "l2b" in template:
        a, b = cells[template.index("l2")], cells[template.index("l2b")]
        score += 1 if same_level2(a.text, b.text) else -1
    return score


def _label_row(cells: list[Cell], fits: _Fits) -> Reading | None:
    """A row of only 一级/二级 names (a merged cell's text on a line of its own)."""
    if not cells or len(cells) > 3:
        return None
    slots: dict[str, Cell] = {}
    score = -1.0
    for n, cell in enumerate(cells):
        fit1, fit2 = fits(cell.text)
        if n == 0 and fit1 > fit2:
            slots["l1"] = cell
        elif fit2 and ("l2" not in slots or same_level2(slots["l2"].text, cell.text)):
            slots.setdefault("l2", cell)
            if slots["l2"] is not cell:
                slots["l2b"] = cell
        else:
            return None
        score += max(fit1, fit2)
    return Reading(slots, score)


def read_row(cells: list[Cell], layout: Layout, fits: _Fits) -> Reading | None:
    """The best reading of one row's cells, or ``None`` when none fits."""
    best = _label_row(cells, fits)
    positions = dict(layout.positions)
    for template, cost in _templates(layout.shape).get(len(cells), []):
        score = _score(template, cells, fits)
        if score is None:
            continue
        score -= cost
        score += _AT_HEADER * sum(
            1 for slot, cell in zip(template, cells) if positions.get(slot) == cell.index
        )
        if best is None or score > best.score:
            best = Reading(dict(zip(template, cells)), score)
    return best


def read_stream(cells: list[Cell], layout: Layout, fits: _Fits) -> list[Reading | Cell]:
    """Cut a cell sequence into rows (``Reading``) and unreadable cells (``Cell``)."""
    n = len(cells)
    best: list[tuple[float, int, Reading | None]] = [(0.0, 0, None)] * (n + 1)
    lengths = sorted(_templates(layout.shape))
    for i in range(n - 1, -1, -1):
        choice = (best[i + 1][0] - _SKIP, 1, None)
        for length in (*range(1, 4), *lengths):
            if i + length > n:
                continue
            run = cells[i : i + length]
            reading = read_row(run, layout, fits) if length in lengths else _label_row(run, fits)
            if reading is not None and reading.score + best[i + length][0] > choice[0]:
                choice = (reading.score + best[i + length][0], length, reading)
        best[i] = choice
    out: list[Reading | Cell] = []
    i = 0
    while i < n:
        _, length, reading = best[i]
        out.append(reading if reading is not None else cells[i])
        i += length
    return out


_HEADER_SLOTS = {
    "level1": ("l1",),
    "level2": ("l2", "l2b"),
    "name": ("name", "name_b"),
    "annual_name": ("name_b",),
    "value": ("value", "value_b"),
    "medium": ("value",),
    "annual": ("value_b",),
}


def layout_of(header: list[Cell]) -> Layout | None:
    """The layout an indicator header row names, or ``None`` when it names no column."""
    found = [
        (lab.arg, c.index) for c in header if (lab := header_label(c.text)) and lab.kind == "column"
    ]
    args = [arg for arg, _ in found]
    values = [a for a in args if a in ("value", "medium", "annual")]
    if len(values) >= 2 or args.count("name") >= 2 or "annual_name" in args:
        columns: tuple[str, ...] = BOTH
    elif values == ["medium"]:
        columns = ("medium",)
    elif values or "name" in args:
        columns = ("annual",)
    else:
        return None
    positions: dict[str, int] = {}
    for arg, index in found:
        free = [s for s in _HEADER_SLOTS[arg] if s not in positions]
        if free:
            positions[free[0]] = index
    if len(columns) == 1 and "value_b" in positions:
        positions["value"] = positions.pop("value_b")
    return Layout(columns, "annual_name" in args, tuple(positions.items()))


class IndicatorReader:
    """Turn readings into ``Indicator`` rows of one table, carrying 一级/二级 down."""

    def __init__(self, table: Table, index: int, ledger: Ledger, layout: Layout):
        self.table = table
        self.index = index
        self.ledger = ledger
        self.columns = layout.columns
        self.fits = _Fits(table.framework)
        self.level: dict[str, Cell | None] = {"l1": None, "l2": None}
        self.used: dict[str, bool] = {"l1": True, "l2": True}

    def _set_level(self, slot: str, cell: Cell | None) -> None:
        old = self.level[slot]
        if old is not None and not self.used[slot]:
            self.ledger.report(old, "指标分类下没有指标行", "category with no indicator rows")
        self.level[slot] = cell
        self.used[slot] = cell is None

    def add(self, reading: Reading) -> None:
        """Add the row ``reading`` describes (or only update 一级/二级)."""
        slots = reading.slots
        if "l1" in slots:
            self._set_level("l1", slots["l1"])
            self._set_level("l2", None)
        l2b = slots.get("l2b")
        if "l2" in slots or l2b is not None:
            self._set_level("l2", slots.get("l2", l2b))
        if l2b is not None and "l2" in slots and not same_level2(slots["l2"].text, l2b.text):
            self.ledger.report(l2b, "年度列二级指标与中期列不同，未保存", "annual 二级 differs")
        elif l2b is not None:
            self.ledger.place(l2b, self.index, ("label", "level2"))
        if "name" not in slots and "name_b" not in slots:
            return
        self._row(slots)

    def _row(self, slots: dict[str, Cell]) -> None:
        i = len(self.table.indicators)
        row = Indicator()
        refs: list[tuple[Cell, str]] = []
        for slot, key in (("l1", "level1"), ("l2", "level2")):
            cell = self.level[slot]
            if cell is not None:
                setattr(row, key, cell.text)
                if not self.used[slot]:
                    refs.append((cell, key))
                self.used[slot] = True
        if len(self.columns) == 2:
            pairs = (("name", "name"), ("value", "medium"), ("name_b", "annual_name"))
            pairs += (("value_b", "annual"),)
        else:
            pairs = (("name", "name"), ("value", self.columns[0]))
        for slot, key in pairs:
            if slot in slots:
                setattr(row, key, slots[slot].text)
                refs.append((slots[slot], key))
        if "name" not in slots:
            row.name, row.annual_name = row.annual_name or "", None
            refs = [(c, "name" if k == "annual_name" else k) for c, k in refs]
        elif row.annual_name == row.name:
            row.annual_name = None
        self.table.indicators.append(row)
        for cell, key in refs:
            self.ledger.place(cell, self.index, ("indicators", i, key))

    def finish(self) -> None:
        """Report a trailing 一级/二级 name that no row used."""
        self._set_level("l1", None)
        self._set_level("l2", None)


def guess_layout(rows: list[list[Cell]], framework: str, *, stream: bool) -> Layout:
    """Both halves or 年度 only, for rows without a header: whichever reads better."""
    fits = _Fits(framework)

    def total(layout: Layout) -> float:
        if stream:
            cells = [c for row in rows for c in row]
            readings = read_stream(cells, layout, fits)
            return sum(r.score if isinstance(r, Reading) else -_SKIP for r in readings)
        scores = [read_row(row, layout, fits) for row in rows]
        return sum(-_SKIP * len(row) if r is None else r.score for r, row in zip(scores, rows))

    both, annual = Layout(BOTH), Layout(("annual",))
    return both if total(both) >= total(annual) else annual


def read_indicators(
    rows: list[list[Cell]],
    table: Table,
    index: int,
    ledger: Ledger,
    *,
    layout: Layout,
    stream: bool,
) -> None:
    """Append the indicator rows read from ``rows`` to ``table``; report what does not fit."""
    reader = IndicatorReader(table, index, ledger, layout)
    rows = [[c for c in row if not _is_column_label(c, ledger, index)] for row in rows]
    if stream:
        for item in read_stream([c for row in rows for c in row], layout, reader.fits):
            if isinstance(item, Reading):
                reader.add(item)
            else:
                ledger.report(item, "未能归入指标行", "not part of any indicator row")
    else:
        for row in rows:
            reading = read_row(row, layout, reader.fits) if row else None
            if reading is None:
                for cell in row:
                    ledger.report(cell, "指标行无法识别", "indicator row not understood")
            else:
                reader.add(reading)
    reader.finish()


def _is_column_label(cell: Cell, ledger: Ledger, index: int) -> bool:
    """A repeated column heading (一级指标, 指标值…) inside the block: used as a label."""
    label = header_label(cell.text)
    if label is not None and label.kind in ("column", "columns"):
        ledger.place(cell, index, ("label", label.kind))
        return True
    return False
