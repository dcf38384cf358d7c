"""Measurements in a pseudo-terminal: cold start, peak memory, bytes per key, live-check latency.

First paint is the moment a marker that only the first frame shows arrives on
the terminal: the table's file name in the editor's title line (the first
screen line), the marker ``Static`` in the baseline apps. Textual writes a
frame with one ``write``, so the rest of the frame follows within microseconds.
"""

from __future__ import annotations

import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from apps.input_app import MARKER as INPUT_MARKER
from apps.minimal_app import MARKER as MINIMAL_MARKER
from ptyrun import PtyProcess

APPS = Path(__file__).resolve().parent / "apps"
ENTER, ESCAPE, BACKSPACE = b"\r", b"\x1b", b"\x7f"
PAGE_DOWN, PAGE_UP = b"\x1b[6~", b"\x1b[5~"
TYPED = b"12345abcde67890fghij"  # typed into value fields, vim and the Input
MOVES = b"j" * 20  # cursor moves in the tree (and in vim)
KEY_GAP = 0.07  # seconds between typed keys


@dataclass(frozen=True)
class Subject:
    """A program to start in the pty and the marker of its first paint."""

    label: str
    argv: list[str]
    marker: bytes


def jixiao(path: Path, diff: bool = True) -> Subject:
    """The editor on the table at ``path`` (``diff=False``: ``--no-diff``, Textual's own output)."""
    argv = [sys.executable, "-m", "tui", str(path)] + ([] if diff else ["--no-diff"])
    return Subject(path.name, argv, path.name.encode())


MINIMAL = Subject(
    "minimal Textual app",
    [sys.executable, str(APPS / "minimal_app.py")],
    MINIMAL_MARKER.encode(),
)
INPUT = Subject(
    "default Textual Input",
    [sys.executable, str(APPS / "input_app.py")],
    INPUT_MARKER.encode(),
)


def vim_path() -> str | None:
    """The vim executable, if installed."""
    return shutil.which("vim")


def cold_start(subject: Subject) -> tuple[float, float]:
    """Seconds from spawn to first paint, and peak RSS in MiB once the start-up settled."""
    with PtyProcess(subject.argv) as proc:
        painted = proc.wait_for(subject.marker) - proc.started
        proc.wait_quiet()
        proc.kill()
        return painted, (proc.peak_rss_kib or 0) / 1024


def _counted(proc: PtyProcess, keys: bytes) -> float:
    """Bytes written per key while ``keys`` are typed (until quiet again)."""
    start = len(proc.output)
    proc.type_slowly(keys, KEY_GAP)
    proc.wait_quiet()
    return (len(proc.output) - start) / len(keys)


def _idle(proc: PtyProcess, seconds: float) -> float:
    """Bytes per second written while nothing happens."""
    start = len(proc.output)
    proc.drain_for(seconds)
    return (len(proc.output) - start) / seconds


def _one(proc: PtyProcess, key: bytes) -> int:
    """Bytes written for one key (until quiet again)."""
    start = len(proc.output)
    proc.send(key)
    proc.wait_quiet()
    return len(proc.output) - start


def editor_keys(path: Path, idle: float, diff: bool = True) -> dict[str, float]:
    """In the editor: bytes per key typed in 中期值, per tree move, per focus change, per page.

    Enter on the first row focuses its 三级 input, Enter again 中期值; Escape
    goes back to the tree. Focus changes: Enter from the tree into the row
    (三级) and Escape back, 3 times, averaged. Pages: PgDn × 4 then PgUp × 4.
    """
    subject = jixiao(path, diff)
    with PtyProcess(subject.argv) as proc:
        proc.wait_for(subject.marker)
        proc.wait_quiet()
        idle_tree = _idle(proc, idle)
        focus = []
        for _ in range(3):
            focus += [_one(proc, ENTER), _one(proc, ESCAPE)]
        for key in (ENTER, ENTER):
            proc.send(key)
            proc.wait_quiet()
        typing = _counted(proc, TYPED)
        if typing == 0:
            raise RuntimeError("typing in 中期值 wrote nothing: the keys did not reach the field")
        idle_field = _idle(proc, idle)
        proc.send(ESCAPE)
        proc.wait_quiet()
        moves = _counted(proc, MOVES)
        pages = [_one(proc, key) for key in [PAGE_DOWN] * 4 + [PAGE_UP] * 4]
    return {
        "typing": typing,
        "moves": moves,
        "idle_tree": idle_tree,
        "idle_field": idle_field,
        "focus": sum(focus) / len(focus),
        "page": sum(pages) / len(pages),
    }


def typing_echo(path: Path, keystrokes: int, diff: bool = True) -> tuple[list[float], float]:
    """Key → echo in the first row's 中期值 (ms each), and bytes per key, on the table at ``path``.

    The clock stops when the typed digit reaches the terminal (every frame
    carries the echo, the marks and the counts of that key together).
    """
    subject = jixiao(path, diff)
    times, written = [], 0
    with PtyProcess(subject.argv) as proc:
        proc.wait_for(subject.marker)
        proc.wait_quiet()
        for key in (ENTER, ENTER):
            proc.send(key)
            proc.wait_quiet()
        for n in range(keystrokes):
            key = b"QWY"[n % 3 : n % 3 + 1]  # letters no escape sequence contains
            start = len(proc.output)
            sent = time.perf_counter()
            proc.send(key)
            times.append((proc.wait_for(key, start, timeout=20) - sent) * 1000)
            proc.wait_quiet(0.15)
            written += len(proc.output) - start
    return times, written / keystrokes


def input_keys(idle: float) -> dict[str, float]:
    """In the default Textual ``Input``: bytes per key typed; idle bytes/s."""
    with PtyProcess(INPUT.argv) as proc:
        proc.wait_for(INPUT.marker)
        proc.wait_quiet()
        idle_bytes = _idle(proc, idle)
        typing = _counted(proc, TYPED)
    return {"typing": typing, "idle": idle_bytes}


def vim_keys(path: Path, idle: float) -> dict[str, float]:
    """``vim -u NONE -N -n``: bytes per key typed in insert mode, per ``j`` on ``path``; idle.

    ``-n``: no swap file (a killed vim would leave one); run in the file's (temporary) folder.
    """
    vim = vim_path()
    assert vim is not None
    with PtyProcess([vim, "-u", "NONE", "-N", "-n"], cwd=str(path.parent)) as proc:
        proc.wait_quiet()
        proc.send(b"i")
        proc.wait_quiet()
        typing = _counted(proc, TYPED)
        idle_bytes = _idle(proc, idle)
    with PtyProcess([vim, "-u", "NONE", "-N", "-n", str(path)], cwd=str(path.parent)) as proc:
        proc.wait_quiet()
        moves = _counted(proc, MOVES)
    return {"typing": typing, "moves": moves, "idle": idle_bytes}


def live_latency(path: Path, keystrokes: int) -> list[float]:
    """Milliseconds from a key in 中期值 of the first row to the new error count on screen.

    The first row's 中期值 is empty (one error); typing ``5`` fixes it (✖0) and
    Backspace breaks it again (✖1). The clock stops when the title line's
    ``✖N`` with the new count reaches the terminal.
    """
    subject = jixiao(path)
    times = []
    with PtyProcess(subject.argv) as proc:
        proc.wait_for(subject.marker)
        proc.wait_quiet()
        for key in (ENTER, ENTER):
            proc.send(key)
            proc.wait_quiet()
        for n in range(keystrokes):
            key, count = (b"5", 0) if n % 2 == 0 else (BACKSPACE, 1)
            start = len(proc.output)
            sent = time.perf_counter()
            proc.send(key)
            # "✖N": the mark changes style with the count (dim at 0), so the cell-diff
            # writer sends it with the digit; the unchanged space after it is not sent.
            seen = proc.wait_for(f"✖{count}".encode(), start, timeout=10)
            times.append((seen - sent) * 1000)
            proc.wait_quiet(0.15)
    return times


def input_latency(keystrokes: int) -> list[float]:
    """Milliseconds from a key in the default Textual ``Input`` to its echo on the terminal.

    The baseline of the live check: the same path through Textual without any
    work in the handler. The letters sent never occur in the escape sequences.
    """
    times = []
    with PtyProcess(INPUT.argv) as proc:
        proc.wait_for(INPUT.marker)
        proc.wait_quiet()
        for n in range(keystrokes):
            key = b"QWY"[n % 3 : n % 3 + 1]
            start = len(proc.output)
            sent = time.perf_counter()
            proc.send(key)
            times.append((proc.wait_for(key, start, timeout=10) - sent) * 1000)
            proc.wait_quiet(0.15)
    return times
