"""The terminal stream: bytes the editor and the CLI write never carry a raw escape
sequence, C1 control, bidi control or zero-width character taken from a file name,
a value or a paste.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.ptyrun import PtyProcess, pty_env

from .conftest import DATA_FILES, ROOT

SAMPLE = DATA_FILES[0]
NAME = "t\x1b]2;PWNED\x1b\\\u202e\u009b31m表.toml"
VALUE = "\u202e\u200b\x1b[31mRED\x1b]52;c;SGFjaw==\x07\u2060\ufeff"
PASTE = "\u202eX\u200bY\u2060Z\ufeff\u009b2J"
# What must never reach the terminal raw.
FORBIDDEN = (
    b"\x1b]2;PWNED",
    b"\x1b]52;",
    b"\x1b[31mRED",
    "\u009b".encode(),
    "\u202e".encode(),
    "\u200b".encode(),
    "\u2060".encode(),
    "\ufeff".encode(),
)


def _hostile_table(folder: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    escaped = VALUE.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    text = re.sub(r'(?m)^name = "[^"]*"$', lambda _: f'name = "{escaped}"', text, count=2)
    assert text.count(escaped) == 2
    path = folder / NAME
    path.write_text(text, encoding="utf-8")
    return path


def _assert_clean(stream: bytes, where: str) -> None:
    for raw in FORBIDDEN:
        assert raw not in stream, f"{where}: {raw!r} reached the terminal"


@pytest.mark.slow
def test_editor_writes_no_raw_sequence_from_names_values_or_pastes(tmp_path):
    path = _hostile_table(tmp_path)
    env = pty_env({"PYTHONPATH": str(ROOT)})
    with PtyProcess([sys.executable, "-m", "tui", str(path)], cwd=str(tmp_path), env=env) as child:
        child.wait_for("表.toml".encode())
        child.wait_quiet()
        child.send(b"\x1bOQ")  # F2: the header, with the project name field
        child.wait_quiet()
        child.send(b"\x1b[200~" + PASTE.encode() + b"\x1b[201~")
        child.wait_quiet()
        child.send("甲".encode())
        child.wait_quiet()
        child.send(b"\x13")  # ctrl+s: the "saved NAME" message
        child.wait_for("已保存".encode())
        child.wait_quiet()
        child.send(b"\x11")  # ctrl+q
        child.drain_for(1.0)
        stream = bytes(child.output)
    _assert_clean(stream, "editor")
    assert b"\\u202e" in stream or "�".encode() in stream  # shown, as a marker
    saved = path.read_text(encoding="utf-8")
    assert "\u202eX\u200bY" in saved  # the value itself is kept exactly as typed


@pytest.mark.slow
def test_workspace_lists_hostile_names_escaped(tmp_path):
    _hostile_table(tmp_path)
    env = pty_env({"PYTHONPATH": str(ROOT)})
    with PtyProcess([sys.executable, "-m", "tui", str(tmp_path)], cwd=str(tmp_path), env=env) as c:
        c.wait_for("打开".encode())
        c.wait_quiet()
        stream = bytes(c.output)
    _assert_clean(stream, "workspace")


def _cli(*args: str, cwd: Path, stdin: bytes = b"") -> bytes:
    run = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    assert b"Traceback" not in run.stderr, run.stderr[-2000:]
    return run.stdout + run.stderr


def test_cli_writes_no_raw_sequence(tmp_path):
    path = _hostile_table(tmp_path)
    broken = tmp_path / ("坏\u202e\x1b]2;X\x07.toml")
    broken.write_text("format = [\n", encoding="utf-8")
    outputs = {
        "check": _cli("check", str(tmp_path), cwd=tmp_path),
        "check json": _cli("check", "--format", "json", str(path), cwd=tmp_path),
        "fmt --check": _cli("fmt", "--check", str(tmp_path), cwd=tmp_path),
        "export txt": _cli("export", str(path), cwd=tmp_path),
        "export md": _cli("export", "--format", "md", str(path), cwd=tmp_path),
        "export tsv": _cli("export", "--format", "tsv", str(path), cwd=tmp_path),
    }
    paste = (
        f"项目名称\t{VALUE}\u009b\n主管部门\t局\n"
        "一级指标\t二级指标\t三级指标\t指标值\n"
        f"产出指标\t数量指标\t{PASTE}\t10个\n"
    )
    out = tmp_path / "imported"
    outputs["import"] = _cli("import", "-o", str(out), cwd=tmp_path, stdin=paste.encode())
    for where, stream in outputs.items():
        _assert_clean(stream, where)
    assert any(out.iterdir()), outputs["import"]
