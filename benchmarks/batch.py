"""Measurements without a terminal: the rules engine alone, the bulk check, interpreter start.

Each runs in a child process with this process's environment, so a ``PYTHONPATH``
naming another checkout measures that version of the code (``run.py --before``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from ptyrun import NO_BYTECODE

APPS = Path(__file__).resolve().parent / "apps"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in NO_BYTECODE}  # as users run it


def engine(path: Path, repeat: int) -> list[float]:
    """Milliseconds of each check of the table at ``path``, each after a new value typed
    into its first row (``apps/engine_times.py``): what the editor runs per keystroke."""
    argv = [sys.executable, str(APPS / "engine_times.py"), str(path), str(repeat)]
    done = subprocess.run(argv, capture_output=True, check=True, env=_env())
    return json.loads(done.stdout)


def _wall(argv: list[str], ok: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=_env()
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
