"""Measurements without a terminal: the rules engine alone, the bulk check, interpreter start."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench_rules import timed
from ptyrun import NO_BYTECODE

from tui.rules import check_table
from tui.tomlfile.loader import load_table

APPS = Path(__file__).resolve().parent / "apps"


def engine(path: Path, repeat: int) -> list[float]:
    """Milliseconds of ``check_table`` on the table at ``path`` (value caches warm).

    Warm is what the editor sees: after a keystroke only the edited value is new.
    """
    table = load_table(path)
    check_table(table)
    return timed(lambda: check_table(table), repeat)


def _wall(argv: list[str], ok: tuple[int, ...] = (0,)) -> float:
    env = {k: v for k, v in os.environ.items() if k not in NO_BYTECODE}  # as users run it
    start = time.perf_counter()
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=env
    )
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        raise RuntimeError(f"{argv[1:]} exited {done.returncode}: {done.stderr[-500:]!r}")
    return seconds


def bulk_check(folder: Path) -> float:
    """Seconds of ``jixiao check FOLDER`` (default jobs; exit 1 on errors is expected)."""
    return _wall([sys.executable, "-m", "tui", "check", str(folder)], ok=(0, 1))


def parse_only(folder: Path) -> float:
    """Seconds of a process that only reads and ``tomllib``-parses the same files."""
    return _wall([sys.executable, str(APPS / "parse_only.py"), str(folder)])


def interpreter() -> float:
    """Seconds of ``python -c pass`` (the interpreter's own start and exit)."""
    return _wall([sys.executable, "-c", "pass"])
