"""Real processes: SIGKILL in the middle of saves, an external writer racing saves, and
SIGHUP/SIGTERM/SIGKILL to the editor in a pseudo-terminal (also within 100 ms of start).

Longer runs of the same experiments: ``python benchmarks/reliability.py``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.ptyrun import PtyProcess, pty_env
from tui.editing.recovery import recovery_path
from tui.tomlfile.document import TableFile

from .conftest import DATA_FILES, ROOT

SAMPLE = DATA_FILES[0]
KILLS = 100
RACES = 100

# A process that has imported jixiao and forks, on each line of input, a child that
# saves the table over and over through the atomic writer, each version a 1 MB
# file (the table and a long comment ending in its number), and says "ready PID"
# after its first save; the forking process reaps it once killed. Forking saves
# the interpreter's start-up: each child is a real process all the same.
SAVERS = r"""
import os, sys
from tui.tomlfile.atomic import write_atomic
path = sys.argv[1]
base = open(path, "rb").read()
def version(n):
    return base + b"# " + b"x" * (1 << 20) + b"\n# version %d\n" % n
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        current = open(path, "rb").read()
        n = int(current.rsplit(b"# version ", 1)[1]) if b"# version " in current else 0
        first = n + 1
        while True:
            n += 1
            new = version(n)
            write_atomic(path, new, expected=current)
            current = new
            if line.strip() == "once":
                os._exit(0)
            if n == first:
                print("ready", os.getpid(), flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


def _strays(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _check_whole(path: Path) -> None:
    """The file is one complete version: the original or a whole 1 MB one."""
    data = path.read_bytes()
    if b"# version " not in data:
        assert data == SAMPLE.read_bytes()
        return
    n = int(data.rsplit(b"# version ", 1)[1])
    assert data == SAMPLE.read_bytes() + b"# " + b"x" * (1 << 20) + b"\n# version %d\n" % n
    TableFile.load(path)


def run_kills(folder: Path, kills: int, seed: int = 12) -> dict[str, int]:
    """SIGKILL ``kills`` saving processes at random moments; counts of what was found.

    ``torn``: files that were neither the old nor a whole new version (must be 0);
    ``mid_save``: kills that left a temporary file (the kill landed inside a write);
    ``strays_after``: temporary files left once a new process has saved (must be 0).
    """
    path = folder / SAMPLE.name
    path.write_bytes(SAMPLE.read_bytes())
    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    savers = subprocess.Popen(
        [sys.executable, "-c", SAVERS, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert savers.stdin is not None and savers.stdout is not None
    counts = {"kills": 0, "torn": 0, "mid_save": 0, "strays_seen_by_next": 0, "strays_after": 0}
    try:
        for _ in range(kills):
            savers.stdin.write("go\n")
            savers.stdin.flush()
            word, pid = savers.stdout.readline().split()
            assert word == "ready"
            # the new process's first save removed what earlier kills left behind
            counts["strays_seen_by_next"] += len(_strays(folder)) > 1
            time.sleep(rng.uniform(0, 0.03))
            os.kill(int(pid), signal.SIGKILL)
            assert savers.stdout.readline() == "reaped\n"
            counts["kills"] += 1
            counts["mid_save"] += bool(_strays(folder))
            try:
                _check_whole(path)
            except Exception:  # torn: unreadable or not one whole version
                counts["torn"] += 1
        savers.stdin.write("once\n")  # one more save, by a new process, to completion
        savers.stdin.flush()
        assert savers.stdout.readline() == "reaped\n"
    finally:
        savers.stdin.close()
        savers.wait(10)
    counts["strays_after"] = len(_strays(folder))
    return counts


@pytest.mark.slow
def test_sigkill_during_saves_leaves_old_or_new_and_strays_are_cleaned(tmp_path):
    counts = run_kills(tmp_path, KILLS)
    assert counts["torn"] == 0 and counts["strays_after"] == 0, counts
    assert counts["strays_seen_by_next"] == 0, counts
    assert counts["mid_save"] >= KILLS // 10, counts  # the kills did land inside writes


# An external program writing the table at a random moment while jixiao saves it.
WRITER = r"""
import os, random, sys, time
path, mode = sys.argv[1], sys.argv[2]
rng = random.Random(int(sys.argv[3]))
for line in sys.stdin:
    n = line.strip()
    time.sleep(rng.uniform(0, 0.02))
    data = f"# written by another program, run {n}\n".encode()
    if mode == "rename":
        tmp = f"{path}.writer.tmp"
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    else:
        with open(path, "wb") as handle:
            handle.write(data)
    print("done", flush=True)
"""


def run_races(folder: Path, races: int, mode: str, seed: int = 7) -> dict[str, int]:
    """Save while another process writes the table at a random moment, ``races`` times.

    Outcomes: ``refused`` (the change was seen before writing), ``kept`` (it landed
    in between and was kept beside), ``after`` (it landed after the save), and
    ``silent`` (it was overwritten and is nowhere: must be 0).
    """
    from tui.errors import ChangedOnDiskError

    path = folder / SAMPLE.name
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), mode, str(seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdin is not None and writer.stdout is not None
    outcomes = {"refused": 0, "kept": 0, "after": 0, "silent": 0}
    try:
        for n in range(races):
            path.write_bytes(SAMPLE.read_bytes())
            file = TableFile.load(path)
            file.table.goals.annual = f"mine {n}"
            theirs = f"# written by another program, run {n}\n"
            writer.stdin.write(f"{n}\n")
            writer.stdin.flush()
            kept = None
            try:
                kept = file.save()
                refused = False
            except ChangedOnDiskError:
                refused = True
            assert writer.stdout.readline() == "done\n"
            final = path.read_text(encoding="utf-8")
            if refused:
                outcomes["refused"] += 1
            elif kept is not None and kept.read_text(encoding="utf-8") == theirs:
                outcomes["kept"] += 1
                kept.unlink()
            elif final == theirs:
                outcomes["after"] += 1
            else:
                outcomes["silent"] += 1
    finally:
        writer.stdin.close()
        writer.wait(10)
    return outcomes


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["rename", "in-place"])
def test_external_writer_racing_saves_is_never_silently_overwritten(tmp_path, mode):
    outcomes = run_races(tmp_path, RACES, mode)
    assert outcomes["silent"] == 0, outcomes


# -- the editor under signals -------------------------------------------------------------

F2, END = b"\x1bOQ", b"\x1b[F"


def _editor(path: Path) -> PtyProcess:
    env = pty_env({"PYTHONPATH": str(ROOT)})
    return PtyProcess([sys.executable, "-m", "tui", str(path)], cwd=str(path.parent), env=env)


def _ends_within(child: PtyProcess, seconds: float) -> int | None:
    """Keep reading its output until the child ends; its exit status, or ``None``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if child.proc.poll() is not None:
            return child.proc.returncode
        child.pump(0.05)
    return None


def _type_into_project_name(child: PtyProcess, text: str) -> None:
    child.send(F2)
    child.drain_for(0.4)
    child.send(END + text.encode("utf-8"))
    child.drain_for(0.2)


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / SAMPLE.name
    path.write_bytes(SAMPLE.read_bytes())
    return path


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_signal_within_100_ms_of_start_ends_the_editor(table, sig):
    rng = random.Random(int(sig))
    for _ in range(3):
        with _editor(table) as child:
            time.sleep(rng.uniform(0, 0.1))
            os.kill(child.proc.pid, sig)
            assert _ends_within(child, 10) is not None, "orphan: still running 10 s later"
    assert table.read_bytes() == SAMPLE.read_bytes()
    assert not recovery_path(table).exists()


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_signal_right_after_an_edit_writes_the_recovery(table, sig):
    with _editor(table) as child:
        child.wait_for(table.name.encode("utf-8"))
        _type_into_project_name(child, "（信号）")
        os.kill(child.proc.pid, sig)  # before the journal's pause is over
        assert _ends_within(child, 10) is not None
    assert "（信号）" in recovery_path(table).read_text(encoding="utf-8")
    assert table.read_bytes() == SAMPLE.read_bytes()


def run_hangups(table: Path, runs: int) -> dict[str, int]:
    """Close the terminal right after the first paint, ``runs`` times; count orphans."""
    counts = {"runs": 0, "orphans": 0}
    for _ in range(runs):
        child = _editor(table)
        child.wait_for(table.name.encode("utf-8"))
        os.close(child.master)  # the SSH link drops: SIGHUP, then EIO on the terminal
        child.master = -1
        counts["runs"] += 1
        try:
            child.proc.wait(10)
        except subprocess.TimeoutExpired:
            counts["orphans"] += 1
            os.killpg(child.proc.pid, signal.SIGKILL)
            child.proc.wait()
    return counts


@pytest.mark.slow
def test_terminal_closed_right_after_first_paint_leaves_no_orphan(table):
    counts = run_hangups(table, 4)
    assert counts["orphans"] == 0, counts


@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_two_seconds(table):
    with _editor(table) as child:
        child.wait_for(table.name.encode("utf-8"))
        _type_into_project_name(child, "（早）")
        child.drain_for(2.5)
        child.send("（晚）".encode())
        child.drain_for(0.05)
        os.kill(child.proc.pid, signal.SIGKILL)
        child.proc.wait()
    text = recovery_path(table).read_text(encoding="utf-8")
    assert "（早）" in text
