"""Regressions of the regex locator (issue 10): a line ``  [1],`` of a multi-line array.

The old locator took ``  [1],`` for a table header, so ``jixiao check`` put a
problem of the row on the row's header instead of its key, and moving the row
cut its block at that line: the save-time verification refused the result with
"internal error". The fixture is a real table file whose first row holds such
an array; every expected line below was read off the fixture by hand.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tui.editing.session import Session
from tui.errors import JixiaoError
from tui.tomlfile.document import TableFile

PROBLEM = re.compile(r"^(.+):(\d+):(\d+): error ([A-Z]\d{3}) ")
NESTED = FIXTURES / "toml_conformance" / "20_table_nested_array_rows.toml"


@pytest.fixture
def table_path(tmp_path: Path) -> Path:
    path = tmp_path / NESTED.name
    shutil.copyfile(NESTED, path)
    return path


def test_check_reports_the_key_after_a_nested_array(table_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(table_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()[:-1]
    problems = [PROBLEM.match(line) for line in lines if " error " in line]
    # line 38 is `medium = ""` of the first row, below the array; its value starts in column 10
    assert [m.groups() if m else None for m in problems] == [(str(table_path), "38", "10", "T008")]


def test_row_move_below_a_nested_array_saves(table_path: Path) -> None:
    before = table_path.read_text(encoding="utf-8").split("\n")
    session = Session(TableFile.load(table_path))
    assert session.move_row(0, 1) == 1
    session.save()
    # lines (1-based) by hand: 1-28 head, 29-39 first row (array included), 40 blank,
    # 41-47 second row with its comment line above, 48 blank, 49 to the end the other rows
    expected = before[:28] + before[40:47] + [""] + before[28:39] + before[47:]
    assert table_path.read_text(encoding="utf-8").split("\n") == expected
    names = [row.name for row in TableFile.load(table_path).table.indicators]
    assert names[:2] == ["采购资格认证设备数量", "举办退休人员文体活动"]


def test_save_verification_still_refuses_a_wrong_text(table_path: Path) -> None:
    """The safety net stays: text that does not hold the model is never written."""
    tf = TableFile.load(table_path)
    tf.table.indicators[0].name = "改过的名称"
    original = table_path.read_bytes()
    tf.render_bytes = lambda: original  # type: ignore[method-assign]
    with pytest.raises(JixiaoError, match="internal error"):
        tf.save()
    assert table_path.read_bytes() == original
