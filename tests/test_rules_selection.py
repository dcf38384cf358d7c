"""Switching rules off per row (an ``ignore`` key on the row), besides per file and folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.checking import check_path
from tui.cli import main
from tui.editing.session import Session
from tui.fields import ROW_IGNORE
from tui.rules import check_table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table

SEED_B = "企业退休人员社会化管理服务.toml"
ROW = 10  # 项目总成本: C002 on its 中期 value, V007 on both values


def _codes_on_row(table, row: int) -> set[str]:
    return {p.code for p in check_table(table) if p.ref[:2] == ("indicators", row)}


@pytest.mark.parametrize(
    ("ignore", "left"),
    [
        (["V007"], {"C002"}),
        (["V"], {"C002"}),
        ("V007, C002", set()),
        (["ALL"], set()),
        ([], {"C002", "V007"}),
        (42, {"C002", "V007"}),  # junk is ignored, as in [check]
    ],
)
def test_row_ignore_key(ignore, left):
    table = load_table(DATA / SEED_B)
    table.indicators[ROW].extra[ROW_IGNORE.key] = ignore
    assert _codes_on_row(table, ROW) == left
    assert "V007" in _codes_on_row(table, 5)  # other rows keep their problems


def test_row_ignore_in_a_file_survives_edits_and_fmt(tmp_path: Path):
    path = tmp_path / SEED_B
    shutil.copy(DATA / SEED_B, path)
    text = path.read_text(encoding="utf-8")
    row = 'annual = "项目总成本90万元"\n'
    path.write_text(text.replace(row, row + 'ignore = ["V007", "C002"]\n'), encoding="utf-8")
    report = check_path(path)
    assert report.result is not None
    assert not [p for p in report.result.problems if p.ref[:2] == ("indicators", ROW)]
    session = Session(TableFile.load(path))
    session.edit(("indicators", ROW, "annual"), "≤90万元")
    session.save()
    saved = path.read_text(encoding="utf-8")
    assert 'annual = "≤90万元"\nignore = ["V007", "C002"]\n' in saved
    assert main(["fmt", "--check", str(path)]) == 0  # the canonical place: after the fields
    assert 'annual = "≤90万元"\nignore = ["V007", "C002"]\n' in dump_table(load_table(path))


def test_check_fix_leaves_ignored_rows_alone(tmp_path: Path, capsys):
    path = tmp_path / SEED_B
    shutil.copy(DATA / SEED_B, path)
    text = path.read_text(encoding="utf-8")
    row = 'annual = "资格认证率达90%以上"\n'
    path.write_text(text.replace(row, row + 'ignore = ["W005", "V007"]\n'), encoding="utf-8")
    main(["check", "--fix", str(path)])
    capsys.readouterr()
    fixed = path.read_text(encoding="utf-8")
    assert 'medium = "达到90%以上"\nannual = "资格认证率达90%以上"' in fixed
    assert 'annual = "90万元"' in fixed  # another row is fixed
