"""``Session.adopt_merge`` and ``Session.resolve_conflict`` without a terminal.

Undo after a merge must be sound: each resolution is one step, the merge itself
one more, and a save after undoing any of them writes only the cells that
differ from the version on disk (rows keep their blocks, comments stay).
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tui.editing.session import Session
from tui.history.conflicts import RECORD_KEY, conflicts_in
from tui.history.files import merge_onto_disk
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table

PENSION = "养老保险专项业务经费.toml"


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [d for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---"))]


def open_copy(folder: Path) -> Session:
    path = folder / PENSION
    shutil.copy(DATA / PENSION, path)
    return Session(TableFile.load(path))


def theirs(session: Session, edit) -> str:
    """Someone else saves the file with ``edit`` applied to its table; the new text."""
    other = TableFile.load(session.path)
    edit(other.table)
    other.save()
    return session.path.read_text("utf-8")


def test_undo_after_a_merge_is_my_table_and_saves_cell_by_cell(tmp_path):
    session = open_copy(tmp_path)
    session.edit(("project", "name"), "我的")
    session.move_row(1, 1)  # a row move of mine: no conflict, but rows to keep apart
    disk = theirs(
        session, lambda t: (setattr(t.header, "period", "2021至2030"), t.indicators.pop(0))
    )
    session.adopt_merge(merge_onto_disk(session.file))
    merged = session.table.clone()
    assert merged.header.period == "2021至2030" and merged.header.name == "我的"
    assert session.undo() is not None
    assert session.table.header.period == "2021至2023"  # mine, before the merge
    assert len(session.table.indicators) == 12  # the row they deleted is mine again
    session.save()
    changed = changed_lines(disk, session.path.read_text("utf-8"))
    assert '+period = "2021至2023"' in changed and '+name = "我的"' in changed
    assert sum(line.startswith("+[[indicators]]") for line in changed) == 1  # the row restored
    session.redo()
    assert session.table == merged


def test_each_resolution_is_one_undo_step(tmp_path):
    session = open_copy(tmp_path)
    session.edit(("project", "name"), "我的")
    session.edit(("goals", "annual"), "我的目标")
    theirs(session, lambda t: (setattr(t.header, "name", "对方"), setattr(t.goals, "annual", "乙")))
    session.adopt_merge(merge_onto_disk(session.file))
    first, second = conflicts_in(session.table)
    assert session.resolve_conflict(first, "theirs") == ("project", "name")
    assert session.resolve_conflict(second, "base") == ("goals", "annual")
    assert not conflicts_in(session.table) and session.table.header.name == "对方"
    session.undo()
    assert [c.key for c in conflicts_in(session.table)] == ["annual"]
    session.undo()
    assert len(conflicts_in(session.table)) == 2
    session.undo()
    assert not conflicts_in(session.table) and session.table.header.name == "我的"


def test_resolving_one_of_two_records_in_a_section_saves_the_other(tmp_path):
    """Undo snapshots and the saved base must not share a record with the live table."""
    session = open_copy(tmp_path)
    session.edit(("project", "name"), "我的")
    session.edit(("project", "period"), "2021至2025")
    theirs(
        session, lambda t: (setattr(t.header, "name", "对方"), setattr(t.header, "period", "2022"))
    )
    session.adopt_merge(merge_onto_disk(session.file))
    session.save()  # both records written
    first = conflicts_in(session.table)[0]
    session.resolve_conflict(first, "mine")
    assert session.file.modified
    session.save()
    saved = load_table(session.path)
    assert list(saved.header.extra[RECORD_KEY]) == ["period"]
    session.undo()
    assert list(session.table.header.extra[RECORD_KEY]) == ["name", "period"]


@settings(max_examples=25, deadline=None)
@given(sides=st.lists(st.sampled_from(["mine", "theirs", "base"]), min_size=3, max_size=3))
def test_any_resolution_then_full_undo_returns_to_my_pre_merge_table(sides):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        session = open_copy(Path(folder))
        session.edit(("project", "name"), "我的")
        session.edit(("goals", "medium"), "我的中期")
        session.edit(("indicators", 2, "annual"), "我的年度值")
        before = session.table.clone()

        def edit(t):
            t.header.name, t.goals.medium = "对方", "对方中期"
            t.indicators[2].annual = "对方年度值"

        theirs(session, edit)
        session.adopt_merge(merge_onto_disk(session.file))
        for side in sides:
            session.resolve_conflict(conflicts_in(session.table)[0], side)
        assert not conflicts_in(session.table)
        for _ in range(4):
            session.undo()
        assert session.table == before
