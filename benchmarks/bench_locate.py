"""Benchmark of the locator (``tui.tomlfile.locate``) against an older revision of it.

    python benchmarks/bench_locate.py [--files 1000] [--rows 30] [--baseline main] [--rounds 7]

The locator runs once per file for every ``jixiao check``. This times
``locate()`` over the texts of ``--files`` generated tables (``--rows``
indicators each, canonical layout as ``jixiao new``/``fmt`` write it), the
current module against the module as it stood at ``--baseline`` (read with
``git show``), interleaved round by round; ``tomllib.loads`` of the same texts
is shown for scale. Prints medians of the per-round totals of CPU time, then the
time of the current locator on a few 200 KB texts that are not TOML (an open
string, endless quotes, brackets, trailing blanks): linear, never a hang.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tomllib
import types
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from bench_rules import make_table

from tui.tomlfile import locate as current
from tui.tomlfile.canonical import dump_table

REPO = Path(__file__).resolve().parent.parent


def module_at(revision: str) -> types.ModuleType:
    """``tui/tomlfile/locate.py`` as it stood at ``revision``, loaded as a module."""
    source = subprocess.run(
        ["git", "show", f"{revision}:tui/tomlfile/locate.py"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType(f"locate_at_{revision}")
    sys.modules[module.__name__] = module  # dataclasses look their module up there
    exec(compile(source, f"{revision}:locate.py", "exec"), module.__dict__)
    return module


def total_ms(func: Callable[[str], object], texts: list[str]) -> float:
    """CPU milliseconds to call ``func`` on every text (steadier than wall time on a busy box)."""
    start = time.process_time()
    for text in texts:
        func(text)
    return (time.process_time() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=30)
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    texts = [dump_table(make_table(args.rows, salt=str(i))) for i in range(args.files)]
    old = module_at(args.baseline)
    subjects: dict[str, Callable[[str], object]] = {
        f"locate at {args.baseline}": old.locate,
        "locate (this tree)": current.locate,
        "tomllib.loads": lambda text: tomllib.loads(text, parse_float=Decimal),
    }
    times: dict[str, list[float]] = {name: [] for name in subjects}
    for _ in range(args.rounds):
        for name, func in subjects.items():
            times[name].append(total_ms(func, texts))
    lines = sum(text.count("\n") for text in texts)
    print(f"{args.files} files × {args.rows} indicators, {lines} lines in all")
    base = statistics.median(times[f"locate at {args.baseline}"])
    for name, runs in times.items():
        med = statistics.median(runs)
        print(
            f"{name:<22} median {med:8.1f} ms  min {min(runs):8.1f}  max {max(runs):8.1f}"
            f"  ({med / base:.2f}× baseline, {med * 1000 / lines:.2f} µs/line)"
        )
    for name, text in PATHOLOGICAL.items():
        print(f"not TOML, {name:<28} {total_ms(current.locate, [text]):8.1f} ms")


PATHOLOGICAL = {
    "open multi-line string": '"""' + "a" * 200_000,
    "escaped quotes, never closed": '"' + '\\"' * 100_000,
    "quotes only": '"' * 200_000,
    "brackets only": "[" * 200_000,
    "trailing blanks": "a = 1" + " " * 200_000,
}


if __name__ == "__main__":
    main()
