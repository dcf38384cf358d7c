"""``jixiao check --fix`` / ``--diff`` on real files, and the editor's fix through a session."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA_FILES, FIXTURES, ROOT
from tui.cli import main
from tui.editing.session import Session
from tui.fixing import apply_problem_fix, fix_file
from tui.rules import check_table
from tui.tomlfile.document import TableFile

KEY_LINE = re.compile(r"^[-+](\w+) = ")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in DATA_FILES:  # the two seed projects
        shutil.copy(path, folder)
    return folder


def _texts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.toml"))}


def _changed_lines(diff: str) -> tuple[list[str], list[str]]:
    lines = [line for line in diff.splitlines() if not line.startswith(("---", "+++"))]
    return [x for x in lines if x.startswith("-")], [x for x in lines if x.startswith("+")]


def test_diff_shows_without_writing(seed: Path, capsys):
    before = _texts(seed)
    status, out, err = run(capsys, "--diff", seed)
    assert status == 1 and _texts(seed) == before
    removed, added = _changed_lines(out)
    assert removed and len(removed) == len(added)
    # one changed line per changed value: each removed key line is replaced by the same key
    assert [KEY_LINE.match(x).group(1) for x in removed] == [
        KEY_LINE.match(x).group(1) for x in added
    ]
    assert '-medium = "达到90%以上"' in out and '+medium = "≥90%"' in out
    assert '+annual = "≥90%"' in out  # 资格认证率达90%以上 → 达90%以上 → ≥90%
    assert '+level1 = "产出指标"' in out and '+name = "退休人员文体活动完成时间"' in out
    assert "可修复 2 个文件中的 23 处" in err


def test_fix_writes_the_diff_is_idempotent_and_canonical(seed: Path, capsys):
    _, diff, _ = run(capsys, "--diff", seed)
    status, out, err = run(capsys, "--fix", seed)
    assert out.startswith(diff) and "已修复 2 个文件中的 23 处" in err
    assert status == 1  # the errors that have no fix remain and are listed
    assert " error C003 " in out and " W005 " not in out and " T001 " not in out
    fixed = _texts(seed)
    status, out, err = run(capsys, "--fix", seed)
    assert _texts(seed) == fixed and "已修复 0 个文件中的 0 处" in err
    assert not out.startswith("---")
    assert main(["fmt", "--check", str(seed)]) == 0
    assert run(capsys, "--diff", seed)[0] == 0


def test_fix_in_a_real_process(seed: Path):
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--fix", "--select", "W,T001", str(seed)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr  # only warnings and hints are selected
    assert done.stdout.startswith("--- ") and done.stdout.count("\n+++ ") == 2
    assert '+level1 = "效益指标"' in done.stdout
    text = (seed / "养老保险专项业务经费.toml").read_text(encoding="utf-8")
    assert 'annual = "影响程度较高"' in text and "影响程度 较高" not in text
    other = (seed / "企业退休人员社会化管理服务.toml").read_text(encoding="utf-8")
    assert 'medium = "≥90%"' in other  # W005 is selected
    assert 'annual = "资格认证率达90%以上"' in other  # V007, which would start the chain, is not
    assert "# 原表此行左移一列" in text  # comments stay


def test_fix_keeps_crlf_bom_and_comments(tmp_path: Path):
    text = (FIXTURES / "clean_2015.toml").read_text(encoding="utf-8")
    text = text.replace(
        'name = "资格认证率"\nmedium = "≥90%"',
        'name = "资格认证率"\nmedium = "达到90%以上"  # 原文',
    )
    path = tmp_path / "t.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = fix_file(path, write=True)
    assert result.fixes == 1 and result.error is None
    data = path.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in data
        and b"\n" not in data.replace(b"\r\n", b"")
    )
    assert 'medium = "≥90%"  # 原文' in data.decode("utf-8")
    removed, added = _changed_lines(result.diff)
    assert removed == ['-medium = "达到90%以上"  # 原文'] and added == ['+medium = "≥90%"  # 原文']


def test_clean_files_need_nothing(capsys):
    status, out, _ = run(
        capsys, "--diff", FIXTURES / "clean_2015.toml", FIXTURES / "clean_2021.toml"
    )
    assert status == 0 and out == ""


def test_unreadable_file(tmp_path: Path, capsys):
    (tmp_path / "bad.toml").write_text("format = [", encoding="utf-8")
    status, out, err = run(capsys, "--diff", tmp_path)
    assert status == 2 and out == "" and "bad.toml:1" in err
    status, _, err = run(capsys, "--fix", tmp_path)
    assert status == 2


def test_json_problems_carry_their_fix(capsys):
    _, out, err = run(capsys, "--format", "json", *DATA_FILES)
    listing = json.loads(out)
    w005 = next(p for p in listing if p["code"] == "W005")
    assert w005["fix"]["changes"] == [[["indicators", 6, "medium"], "≥90%"]]
    assert "≥90%" in w005["fix"]["message"]
    assert next(p for p in listing if p["code"] == "C003")["fix"] is None
    assert "可用 --fix 自动修复" in err


def test_statistics(capsys):
    status, out, _ = run(capsys, "--statistics", *DATA_FILES)
    lines = [
        line for line in out.splitlines() if not line.startswith("其中 ")
    ]  # the fixable note follows the summary
    assert status == 1 and lines[-1].startswith("共 2 个文件")
    rows = [re.match(r"^\s*(\d+)  ([A-Z]\d{3})  (\w+)\s+(.+?)( \[\*\])?$", x) for x in lines[:-1]]
    assert all(rows)
    counts = {m.group(2): int(m.group(1)) for m in rows}
    problems = [p for path in DATA_FILES for p in check_table(_load(path))]
    assert counts == {code: sum(p.code == code for p in problems) for code in counts}
    assert sum(counts.values()) == len(problems)
    fixable = {m.group(2) for m in rows if m.group(5)}
    assert {"W005", "T001", "V007"} <= fixable and "C005" not in fixable  # C005 here: no slip
    assert [int(m.group(1)) for m in rows] == sorted((int(m.group(1)) for m in rows), reverse=True)
    status, out, _ = run(capsys, "--statistics", "--format", "json", *DATA_FILES)
    assert {r["code"]: r["count"] for r in json.loads(out)} == counts


def _load(path: Path):
    return TableFile.load(path).table


def test_editor_fix_is_one_undo_step(seed: Path):
    session = Session(TableFile.load(seed / "养老保险专项业务经费.toml"))
    t001 = next(p for p in check_table(session.table) if p.code == "T001")
    before = [row.level1 for row in session.table.indicators]
    assert apply_problem_fix(session, t001) == t001.ref
    assert [row.level1 for row in session.table.indicators][:5] == ["产出指标"] * 5
    assert session.undo() is not None
    assert [row.level1 for row in session.table.indicators] == before
    assert session.redo() is not None and session.table.indicators[4].level1 == "产出指标"
    session.save()
    assert main(["fmt", "--check", str(seed)]) == 0


def test_editor_fix_of_a_stale_problem_does_nothing(seed: Path):
    session = Session(TableFile.load(seed / "企业退休人员社会化管理服务.toml"))
    w005 = next(p for p in check_table(session.table) if p.code == "W005")
    session.edit(w005.ref, "≥95%")
    assert apply_problem_fix(session, w005) is None
    assert session.table.get(w005.ref) == "≥95%"
    c003 = next(p for p in check_table(session.table) if p.code == "C003")
    assert apply_problem_fix(session, c003) is None  # a rule without a fix


def test_fix_with_json_keeps_stdout_json(seed: Path, capsys):
    status, out, err = run(capsys, "--fix", "--format", "json", seed)
    assert status == 1 and "W005" not in {p["code"] for p in json.loads(out)}
    assert '+medium = "≥90%"' in err


def test_the_fixable_note_follows_the_summary_on_stdout(capsys):
    _, out, err = run(capsys, *DATA_FILES)
    summary, note = out.rstrip().splitlines()[-2:]
    assert summary.startswith("共 2 个文件") and note.startswith("其中 13 个可用 --fix 自动修复")
    assert "--fix" not in err
