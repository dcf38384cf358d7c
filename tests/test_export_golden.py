"""Golden files: the export of every file in data/, and of the whole folder, per format.

The files under tests/golden/ were read by a person before being committed.
After an intended change to the export, regenerate them with

    JIXIAO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_export_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import DATA, DATA_FILES
from tui.cli import main
from tui.export import FORMATS, export_tables
from tui.paths import iter_table_paths
from tui.tomlfile.loader import load_table

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("JIXIAO_UPDATE_GOLDEN") == "1"
# "data" is the folder as `jixiao export data/` reads it (data/lifecycle/ included)
SOURCES = {path.stem: [path] for path in DATA_FILES} | {"data": list(iter_table_paths([DATA]))}


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"missing golden file {path}; run with JIXIAO_UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_export_matches_golden(stem, fmt):
    tables = [load_table(path) for path in SOURCES[stem]]
    _check(f"{stem}.{fmt}", export_tables(tables, fmt, width=100))


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_output_is_the_golden_document(fmt, capsys):
    assert main(["export", str(DATA), "--format", fmt, "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert out == (GOLDEN / f"data.{fmt}").read_bytes().decode("utf-8")


def test_golden_files_use_lf_only():
    for path in GOLDEN.iterdir():
        assert b"\r" not in path.read_bytes(), path
