"""Properties of the three-way merge, through real files and the minimal-change save.

* Disjoint edit sets A and B on one base: merge(base, base+A, base+B) is
  base+A+B (A's edits, then B's, applied to the base as a table) and the merge
  is commutative.
* Overlapping edits: exactly the cells both sides changed differently are
  conflicts, with the right three values; the same change on both sides is not.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_diff_properties import SOURCES, TEXT
from tui.history.conflicts import conflicts_in
from tui.history.files import merge_files
from tui.model import Indicator, Table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table, parse_table

SETTINGS = settings(
    max_examples=int(os.environ.get("JIXIAO_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ROW_KEYS = ("medium", "annual", "unit", "remark")
SECTION_CELLS = (
    ("project", "period"),
    ("project", "implementer"),
    ("funding", "annual", "total"),
    ("funding", "medium", "other"),
    ("goals", "annual"),
    ("year",),
)
SIDES = ("A", "B")


@dataclass
class Op:
    """One edit, naming rows by their index in the base table."""

    kind: str  # set, section, delete, move, add
    row: int | None = None
    key: str = ""
    value: Any = None
    anchor: int | None = None  # move/add: put the row right after this base row (None: first)
    ref: tuple = ()


def apply(table: Table, base_rows: list[Indicator], ops: list[Op]) -> None:
    """Apply ``ops`` to ``table``, whose rows ``base_rows`` are the base rows by index."""
    rows = table.indicators

    def where(row: Indicator) -> int:
        return next(i for i, r in enumerate(rows) if r is row)

    def after(anchor: int | None) -> int:
        return 0 if anchor is None else where(base_rows[anchor]) + 1

    for op in ops:
        if op.kind == "section":
            table.set(op.ref, op.value)
        elif op.kind == "set":
            assert op.row is not None
            setattr(base_rows[op.row], op.key, op.value)
        elif op.kind == "delete":
            assert op.row is not None
            del rows[where(base_rows[op.row])]
        elif op.kind == "move":
            assert op.row is not None
            row = rows.pop(where(base_rows[op.row]))
            rows.insert(after(op.anchor), row)
        elif op.kind == "add":
            rows.insert(after(op.anchor), op.value.copy(keep_uid=False))


def _section_value(ref: tuple, draw) -> Any:
    if ref[0] == "funding":
        return draw(st.decimals(0, 1000, places=2).map(Decimal))
    if ref == ("year",):
        return draw(st.integers(2000, 2100))
    return draw(TEXT)


def one_reading(order: list[int]) -> bool:
    """Whether exactly one set of fewest rows explains ``order`` as moves from sorted order.

    Two neighbours swapped, or two blocks exchanged, can be read as either one
    moving: then "A's moves, then B's" is not one table, and such edits are left out.
    """
    size = len(order)
    length, ways = [1] * size, [1] * size
    for j in range(size):
        for i in range(j):
            if order[i] < order[j]:
                if length[i] + 1 > length[j]:
                    length[j], ways[j] = length[i] + 1, ways[i]
                elif length[i] + 1 == length[j]:
                    ways[j] += ways[i]
    longest = max(length, default=0)
    return sum(w for n, w in zip(length, ways) if n == longest) <= 1


@st.composite
def disjoint_edits(draw, base: Table) -> dict[str, list[Op]]:
    """Two edit sets that touch different cells, rows and places (see the module doc)."""
    count = len(base.indicators)
    owner = [draw(st.sampled_from([None, None, "A", "B"])) for _ in range(count)]
    ops: dict[str, list[Op]] = {side: [] for side in SIDES}
    for ref in SECTION_CELLS:
        side = draw(st.sampled_from([None, None, "A", "B"]))
        if side:
            ops[side].append(Op("section", ref=ref, value=_section_value(ref, draw)))
    deleted: set[int] = set()
    deleted_by: dict[str, set[int]] = {side: set() for side in SIDES}
    renamed: dict[str, set[int]] = {side: set() for side in SIDES}
    for side in SIDES:
        groups: set[tuple[str, str]] = set()
        for i in [i for i in range(count) if owner[i] == side]:
            row = base.indicators[i]
            group = (row.level1, row.level2)
            action = draw(st.sampled_from(["keep", "delete", "rename"]))
            if action != "keep" and group not in groups:
                groups.add(group)
                if action == "delete":
                    deleted.add(i)
                    deleted_by[side].add(i)
                    ops[side].append(Op("delete", i))
                else:
                    renamed[side].add(i)
                    ops[side].append(Op("set", i, "name", f"{side}改名{i}"))
    for i in range(count):
        if i in deleted:
            continue
        for key in ROW_KEYS:
            side = draw(st.sampled_from([None, None, None, "A", "B"]))
            if side is None or i in renamed[side]:
                continue  # a side that renames a row leaves its other cells: it stays recognisable
            value = draw(TEXT) if key in ("medium", "annual") else draw(st.none() | TEXT)
            ops[side].insert(
                0, Op("set", i, key, value or None if key in ("unit", "remark") else value)
            )
    for side in SIDES:
        pool = [i for i in range(count) if owner[i] == side and i not in deleted]
        movers = draw(st.lists(st.sampled_from(pool), unique=True, max_size=2)) if pool else []
        anchors = [i for i in pool if i not in movers]
        first = [None] if side == "A" else []  # both sides putting rows first: ordered by side
        order = [i for i in range(count) if i not in deleted_by[side]]
        moves = []
        for i in movers:
            if not (first or anchors):
                break
            anchor = draw(st.sampled_from([*first, *anchors]))
            rest = [k for k in order if k != i]
            place = 0 if anchor is None else rest.index(anchor) + 1
            order = rest[:place] + [i] + rest[place:]
            moves.append(Op("move", i, anchor=anchor))
        if one_reading(order):
            ops[side] += moves
        for number in range(draw(st.integers(0, 2))):
            if not (first or anchors):
                break
            anchor = draw(st.sampled_from([*first, *anchors]))
            row = Indicator("产出指标", "数量指标", f"{side}新增{number}", draw(TEXT), draw(TEXT))
            ops[side].append(Op("add", value=row, anchor=anchor))
    return ops


def _edited(base_path: Path, folder: Path, name: str, ops: list[Op]) -> Path:
    path = folder / name
    shutil.copyfile(base_path, path)
    file = TableFile.load(path)
    apply(file.table, list(file.table.indicators), ops)
    file.save()
    return path


def _merged(base: Path, mine: Path, theirs: Path) -> Table:
    outcome = merge_files(base.read_bytes(), mine, theirs.read_bytes())
    written = parse_table(outcome.data.decode("utf-8").lstrip("\ufeff"))[0]
    assert written == outcome.table
    return outcome.table


@SETTINGS
@given(source=st.sampled_from(SOURCES), data=st.data())
def test_disjoint_edits_merge_to_both_and_commute(source: Path, data) -> None:
    base = load_table(source)
    ops = data.draw(disjoint_edits(base))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        a = _edited(source, folder, "a.toml", ops["A"])
        b = _edited(source, folder, "b.toml", ops["B"])
        ab = _merged(source, a, b)
        ba = _merged(source, b, a)
    expected = base.clone()
    rows = list(expected.indicators)
    apply(expected, rows, ops["A"])
    apply(expected, rows, ops["B"])
    assert conflicts_in(ab) == []
    assert ab == expected
    assert ba == expected


def _blank_is_none(text: str) -> str | None:
    return text or None


def _same_text(text: str) -> str | None:
    return text


@st.composite
def overlapping_edits(draw, base: Table):
    """Both sides set some of the same cells; returns the ops and the conflicts expected."""
    ops: dict[str, list[Op]] = {side: [] for side in SIDES}
    expected = set()
    for i, row in enumerate(base.indicators):
        for key in ("medium", "annual", "remark"):
            how = draw(st.sampled_from(["none", "none", "A", "B", "same", "differ"]))
            if how == "none":
                continue
            old = getattr(row, key)
            norm = _blank_is_none if key == "remark" else _same_text
            value_a = draw(TEXT.filter(lambda t, old=old: bool(t) and t != old))
            if how == "differ":
                value_b = norm(
                    draw(TEXT.filter(lambda t, a=value_a, old=old, n=norm: n(t) not in (a, old)))
                )
                expected.add((row.name, key, old or None, value_a, value_b))
            else:
                value_b = value_a
            for side, value in (("A", value_a), ("B", value_b)):
                if how in (side, "same", "differ"):
                    ops[side].append(Op("set", i, key, value))
    return ops, expected


@SETTINGS
@given(source=st.sampled_from(SOURCES), data=st.data())
def test_overlapping_edits_give_exactly_the_expected_conflicts(source: Path, data) -> None:
    base = load_table(source)
    ops, expected = data.draw(overlapping_edits(base))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        a = _edited(source, folder, "a.toml", ops["A"])
        b = _edited(source, folder, "b.toml", ops["B"])
        merged = _merged(source, a, b)
    found = {
        (c.row.name if c.row else "", c.key, c.base or None, c.mine, c.theirs)
        for c in conflicts_in(merged)
    }
    assert found == expected
    for conflict in conflicts_in(merged):  # the cell holds mine
        assert getattr(conflict.row, conflict.key) == conflict.mine
