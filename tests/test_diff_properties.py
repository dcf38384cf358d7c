"""Property: random cell edits, renames, regroupings, moves, additions and deletions,
saved through the minimal-change save, are exactly what ``diff_tables`` reports.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, DATA_FILES, FIXTURES
from tui.history.diff import diff_tables
from tui.model import Indicator
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table

SETTINGS = settings(
    max_examples=int(os.environ.get("JIXIAO_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SOURCES = [
    *DATA_FILES,
    *sorted((DATA / "lifecycle").glob("*.toml")),  # with monitoring months and execution
    FIXTURES / "clean_2015.toml",
    FIXTURES / "clean_2021.toml",
]
CHARS = st.sampled_from(list('≥≤%人次万元0123456789较高完成 "\\\n\t#=[]') + ["\x1b", "中"])
TEXT = st.text(CHARS, max_size=8)
OPTIONAL = st.none() | st.text(CHARS, min_size=1, max_size=8)
WEIGHT = st.none() | st.decimals(0, 100, places=2).map(Decimal)
EDITABLE = {
    "medium": TEXT,
    "annual": TEXT,
    "annual_name": OPTIONAL,
    "nature": OPTIONAL,
    "unit": OPTIONAL,
    "weight": WEIGHT,
    "basis": OPTIONAL,
    "explanation": OPTIONAL,
    "remark": OPTIONAL,
}


@dataclass
class Applied:
    """What a test did to a table: cells by base row, deletions, additions and moves."""

    cells: dict[tuple[int, str], tuple[Any, Any]] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    added: list[Indicator] = field(default_factory=list)
    moves: int = 0

    def set(self, rows: list[Indicator], index: int, key: str, value: Any) -> None:
        """Set ``key`` of base row ``index`` and remember the change (net of earlier ones)."""
        row = rows[index]
        old = self.cells.get((index, key), (getattr(row, key), None))[0]
        setattr(row, key, value)
        if value == old:
            self.cells.pop((index, key), None)
        else:
            self.cells[(index, key)] = (old, value)


@st.composite
def edit_plan(draw, rows: list[Indicator]) -> tuple[list[Indicator], Applied]:
    """Rows edited in place (a list of the same objects, reordered) and what was done.

    Identity stays recognisable by construction: a renamed row keeps both of its
    values or changes one, a regrouped row keeps its name, and at most one row
    per group is renamed or deleted (a row renamed beside a deleted row with the
    same values could be either: see ``docs/format.md``).
    """
    applied = Applied()
    renamed_groups: set[tuple[str, str]] = set()
    for index, row in enumerate(rows):
        action = draw(st.sampled_from(["keep", "keep", "edit", "rename", "regroup", "delete"]))
        group = (row.level1, row.level2)
        if action in ("rename", "delete"):
            if group in renamed_groups:
                action = "edit"
            renamed_groups.add(group)
        if action == "delete":
            applied.deleted.add(index)
        elif action == "edit":
            for key in draw(st.lists(st.sampled_from(sorted(EDITABLE)), max_size=3, unique=True)):
                applied.set(rows, index, key, draw(EDITABLE[key]))
        elif action == "rename":
            applied.set(rows, index, "name", f"改名{index}")
            if draw(st.booleans()):
                key = draw(st.sampled_from(["medium", "annual"]))
                applied.set(rows, index, key, draw(TEXT))
        elif action == "regroup":
            applied.set(rows, index, "level2", "其他指标")
    kept = [row for i, row in enumerate(rows) if i not in applied.deleted]
    for number in range(draw(st.integers(0, 3))):
        new = Indicator(
            draw(st.sampled_from(["产出指标", "效益指标", "新一级"])),
            draw(st.sampled_from(["数量指标", "社会效益指标", "新二级"])),
            f"新增{number}",
            draw(TEXT),
            draw(TEXT),
        )
        kept.insert(draw(st.integers(0, len(kept))), new)
        applied.added.append(new)
    for _ in range(draw(st.integers(0, 3))):
        if len(kept) < 2:
            break
        row = kept.pop(draw(st.integers(0, len(kept) - 1)))
        kept.insert(draw(st.integers(0, len(kept))), row)
        applied.moves += 1
    return kept, applied


@SETTINGS
@given(source=st.sampled_from(SOURCES), data=st.data())
def test_reported_changes_equal_applied_ones(source: Path, data) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.toml"
        shutil.copyfile(source, path)
        file = TableFile.load(path)
        base_rows = list(file.table.indicators)
        new_rows, applied = data.draw(edit_plan(base_rows))
        file.table.indicators = new_rows
        file.save()
        diff = diff_tables(load_table(source), load_table(path))

    position = {id(row): j for j, row in enumerate(new_rows)}
    reported_cells = {(r.old_index, c.key): (c.old, c.new) for r in diff.rows for c in r.cells}
    assert reported_cells == applied.cells
    assert {r.old_index for r in diff.rows if r.kind == "removed"} == applied.deleted
    added = {position[id(row)] for row in applied.added}
    assert {r.new_index for r in diff.rows if r.kind == "added"} == added
    for row in diff.rows:
        if row.kind in ("changed", "moved"):
            assert row.new_index == position[id(base_rows[row.old_index])]
    assert sum(r.moved for r in diff.rows) <= applied.moves
    assert not diff.fields
