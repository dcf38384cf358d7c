"""Reliability at length (issue 12): kills, races, hang-ups, fuzzing and scale.

    python benchmarks/reliability.py [--kills N] [--races N] [--hangups N]
                                     [--fuzz N] [--rows N] [--only NAME ...]

Runs, with the counts given (defaults: 1,000 kills, 1,000 races of each kind,
30 hang-ups, 20,000 fuzz examples, 10,000 rows), and prints one line per figure:

* ``kills``   — SIGKILL of a process in the middle of saves: torn files (must be
  0), kills that landed inside a write, temporary files left after the next save;
* ``races``   — another process writes the table while it is saved: refused,
  kept beside, written after, silently overwritten (must be 0);
* ``hangups`` — the terminal closed right after the first paint: orphans (must be 0);
* ``fuzz``    — hostile tables through check, fmt, export, import and the editor's
  load/save/recovery path: examples, failures (tracebacks or runs over 10 s);
* ``scale``   — ``check`` of N rows sharing one name (time, peak memory), txt
  wrapping of a 1 MB line, the rules engine per keystroke at N rows (median and
  the three slowest rules), and key → updated count in the editor at N rows.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def kills(count: int) -> None:
    from tests.test_reliability_processes import run_kills

    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        counts = run_kills(Path(folder), count)
    print(f"kills: {counts} in {time.monotonic() - started:.0f} s", flush=True)


def races(count: int) -> None:
    from tests.test_reliability_processes import run_races

    for mode in ("rename", "in-place"):
        with tempfile.TemporaryDirectory() as folder:
            print(f"races ({mode}, {count}): {run_races(Path(folder), count, mode)}", flush=True)


def hangups(count: int) -> None:
    from tests.test_reliability_processes import SAMPLE, run_hangups

    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / SAMPLE.name
        table.write_bytes(SAMPLE.read_bytes())
        print(f"hangups: {run_hangups(table, count)}", flush=True)


def fuzz(count: int) -> None:
    from tests.test_reliability_fuzz import TARGETS

    per_target = max(1, count // len(TARGETS))
    for target in TARGETS:
        started = time.monotonic()
        failures, slowest = _campaign(target, per_target)
        print(
            f"fuzz {target.__name__}: {per_target} examples, {len(failures)} failures, "
            f"slowest {slowest:.2f} s, {time.monotonic() - started:.0f} s"
            + (f"; first: {failures[0]}" if failures else ""),
            flush=True,
        )


def _campaign(target, examples: int) -> tuple[list[str], float]:
    """Run ``target`` on ``examples`` fuzzed tables; failures and the slowest run (s)."""
    from hypothesis import HealthCheck, given, settings

    from tests.test_reliability_fuzz import documents

    failures: list[str] = []
    slowest = 0.0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(documents())
    def run(data):
        nonlocal slowest
        started = time.monotonic()
        try:
            target(data)
        except Exception as exc:  # counted, not raised: the campaign goes on
            failures.append(f"{type(exc).__name__}: {str(exc)[:200]}")
        elapsed = time.monotonic() - started
        slowest = max(slowest, elapsed)
        if elapsed > 10:
            failures.append(f"slow: {elapsed:.1f} s")

    run()
    return failures, slowest


def scale(rows: int) -> None:
    from tui.checking import check
    from tui.export.wrap import wrap_text
    from tui.model import Indicator
    from tui.rules import RULES
    from tui.tomlfile.canonical import dump_table
    from tui.tomlfile.loader import load_table

    base = load_table(ROOT / "data" / "养老保险专项业务经费.toml")
    first = base.indicators[0]
    same = base.clone()
    same.indicators = [
        Indicator(level1=first.level1, level2=first.level2, name="同名", medium="1个", annual="1个")
        for _ in range(rows)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "same.toml"
        path.write_text(dump_table(same), encoding="utf-8")
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-m", "tui", "check", str(path)],
            capture_output=True,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            check=False,
        )
        took = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"scale: check of {rows} same-name rows: {took:.2f} s, peak {peak:.0f} MiB, "
        f"exit {run.returncode}",
        flush=True,
    )
    started = time.monotonic()
    wrap_text("长" * 350_000 + "ab " * 10_000, 80)
    print(f"scale: txt wrapping of a 1 MB line: {time.monotonic() - started:.2f} s", flush=True)

    from workload import live_table

    table = live_table(rows)  # the table of the editor benchmark: distinct names
    check(table)  # warm the caches, as the editor has
    times = []
    for n in range(15):
        table.indicators[0].medium = f"{n}个"
        started = time.perf_counter()
        check(table)
        times.append((time.perf_counter() - started) * 1000)
    profile = cProfile.Profile()
    profile.enable()
    check(table)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    per_rule = []
    for rule in RULES:
        for func in (rule.func, rule.row_func):  # the part on the table, the part per row
            if func is None:
                continue
            code = func.__code__
            for (filename, line, _name), (_cc, _nc, _tt, cumulative, _calls) in stats.items():
                if filename == code.co_filename and line == code.co_firstlineno:
                    per_rule.append((cumulative * 1000, rule.code))
    top = ", ".join(f"{code} {ms:.1f} ms" for ms, code in sorted(per_rule, reverse=True)[:3])
    print(
        f"scale: rules per keystroke at {rows} rows: median {statistics.median(times):.1f} ms "
        f"(min {min(times):.1f}, max {max(times):.1f}); slowest rules (profiled): {top}",
        flush=True,
    )
    try:
        import terminal

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "big.toml"
            path.write_text(dump_table(live_table(rows)), encoding="utf-8")
            echo = terminal.live_latency(path, 12)
        print(
            f"scale: key → updated count in the editor at {rows} rows: median "
            f"{statistics.median(echo):.0f} ms (min {min(echo):.0f}, max {max(echo):.0f})",
            flush=True,
        )
    except Exception as exc:  # the pty measure depends on the editor's screen
        print(f"scale: editor echo at {rows} rows not measured: {exc}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--races", type=int, default=1000)
    parser.add_argument("--hangups", type=int, default=30)
    parser.add_argument("--fuzz", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    steps = {
        "scale": lambda: scale(args.rows),
        "kills": lambda: kills(args.kills),
        "races": lambda: races(args.races),
        "hangups": lambda: hangups(args.hangups),
        "fuzz": lambda: fuzz(args.fuzz),
    }
    for name, step in steps.items():
        if args.only is None or name in args.only:
            step()


if __name__ == "__main__":
    main()
