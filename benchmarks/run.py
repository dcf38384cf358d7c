"""The benchmarks of issues 7 and 14: start-up, terminal bytes, live-check latency, bulk check.

    python benchmarks/run.py [--quick] [--markdown FILE] [--only GROUPS] [--before DIR]

Prints one table: each figure is the median of several runs with min and max,
its baseline measured in the same run (interleaved with it), the ratio and the
target. Programs run in a pseudo-terminal of 80×24 with TERM=xterm-256color.
Takes about eight minutes (``--quick``: about three).

``--only`` runs some groups: ``start``, ``keys``, ``latency``, ``bulk``.
``--before DIR`` also measures the latency and bulk figures with the code of
another version — DIR holds its ``tui`` package, e.g. from
``git archive main tui | tar -x -C DIR`` — interleaved with this one, and adds
its figures marked "before" (the engine alone: with it as the baseline).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import batch
import terminal
from report import Figure, markdown_table, text_table
from workload import prepare

SIZES = (30, 100, 1000)
ECHO_ROWS = 10_000  # the typing echo on a very large table
BULK_FILES, BULK_ROWS = 1000, 30


GROUPS = ("start", "keys", "latency", "bulk")


def progress(text: str) -> None:
    """One line of progress on stderr."""
    print(f"… {text}", file=sys.stderr, flush=True)


@contextmanager
def code_of(version: Path | None) -> Iterator[None]:
    """Children started inside run the ``tui`` in ``version`` (``None``: this checkout).

    They start in ``version`` too: ``python -m tui`` looks in its working folder
    before ``PYTHONPATH`` (the tables it opens have absolute paths).
    """
    if version is None:
        yield
        return
    saved, folder = os.environ.get("PYTHONPATH"), os.getcwd()
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(version), saved) if p)
    os.chdir(version)
    try:
        yield
    finally:
        os.chdir(folder)
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved


def start_and_memory(work, runs: int) -> list[Figure]:
    """Cold start and peak RSS: minimal app, data/ table (with and without the diff), sizes."""
    subjects = {
        "minimal": terminal.MINIMAL,
        "data": terminal.jixiao(work.data_table),
        "data_raw": terminal.jixiao(work.data_table, diff=False),
        100: terminal.jixiao(work.table(100)),
        1000: terminal.jixiao(work.table(1000)),
    }
    starts = {key: [] for key in subjects}
    memory = {key: [] for key in subjects}
    interp = []
    for round_ in range(runs + 1):  # round 0 warms the caches (bytecode, files) and is dropped
        progress(f"cold start, round {round_}/{runs}")
        for key, subject in subjects.items():
            work.reset_data()
            seconds, mib = terminal.cold_start(subject)
            if round_:
                starts[key].append(seconds * 1000)
                memory[key].append(mib)
        if round_:
            interp.append(batch.interpreter() * 1000)
    base = starts["minimal"]
    figures = [
        Figure("cold start: minimal Textual app", "ms", base, "python -c pass", interp),
        Figure("cold start: data/ table", "ms", starts["data"], "minimal app", base,
               "≤ 1.4× minimal", 1.4, "ratio"),
        Figure("cold start: data/ table, --no-diff", "ms", starts["data_raw"], "minimal app",
               base),
        Figure("cold start: data/ table, diff writer", "ms", starts["data"], "--no-diff",
               starts["data_raw"]),
        Figure("cold start: 100 indicators", "ms", starts[100], "minimal app", base),
        Figure("cold start: 1,000 indicators", "ms", starts[1000], "minimal app", base),
        Figure("peak RSS: data/ table", "MiB", memory["data"], "minimal app", memory["minimal"]),
        Figure("peak RSS: 1,000 indicators", "MiB", memory[1000], "minimal app",
               memory["minimal"], "≤ 1.5× minimal", 1.5, "ratio"),
    ]  # fmt: skip
    return figures


def keystrokes(work, runs: int, idle: float) -> list[Figure]:
    """Bytes per key and per idle second: editor with and without the diff, Input, vim."""
    vim = terminal.vim_path()
    ed, raw, inp, vi = [], [], [], []
    for round_ in range(runs + 1):
        progress(f"bytes per key, round {round_}/{runs}")
        work.reset_data()
        results = (
            terminal.editor_keys(work.data_table, idle),
            terminal.editor_keys(work.data_table, idle, diff=False),
            terminal.input_keys(idle),
            terminal.vim_keys(work.data_table, idle) if vim else None,
        )
        if round_:
            ed.append(results[0])
            raw.append(results[1])
            inp.append(results[2])
            if results[3]:
                vi.append(results[3])

    def col(rows, key):
        return [r[key] for r in rows]

    note = "" if vim else "vim not found: no vim baseline"
    typing = col(ed, "typing")
    vim_name = "vim -u NONE" if vim else ""
    figures = [
        Figure("bytes/key typing in 中期值", "B", typing, vim_name,
               col(vi, "typing") if vim else [], "≤ 100 B", 100, note=note),
        Figure("bytes/key typing in 中期值", "B", typing, "--no-diff", col(raw, "typing")),
        Figure("bytes/key typing: default Input", "B", col(inp, "typing")),
        Figure("bytes/key moving in the tree (j)", "B", col(ed, "moves"),
               "vim -u NONE j" if vim else "", col(vi, "moves") if vim else [], "≤ 300 B", 300),
        Figure("bytes/key moving in the tree (j)", "B", col(ed, "moves"), "--no-diff",
               col(raw, "moves")),
        Figure("bytes per focus change (Enter/Esc)", "B", col(ed, "focus"), "--no-diff",
               col(raw, "focus"), "≤ 1,500 B", 1500),
        Figure("bytes per half page (PgDn/PgUp)", "B", col(ed, "page"), "--no-diff",
               col(raw, "page")),
        Figure("bytes/s idle, tree focused", "B/s", col(ed, "idle_tree"), "default Input",
               col(inp, "idle"), "0 B/s", 0),
        Figure("bytes/s idle, 中期值 focused", "B/s", col(ed, "idle_field"), "default Input",
               col(inp, "idle"), "0 B/s", 0),
    ]  # fmt: skip
    if vim:
        figures.append(Figure("bytes/s idle: vim", "B/s", col(vi, "idle")))
    return figures


def latency(work, sessions: int, keys: int, repeat: int, before: Path | None) -> list[Figure]:
    """Keystroke → updated error count on screen, the rules engine alone, the 10,000-row echo;
    with ``before``, each also for that version of the code, interleaved."""
    versions = [None, before] if before else [None]
    figures = []
    echo = []
    for _ in range(sessions):
        echo += terminal.input_latency(keys)
    for rows in SIZES:
        progress(f"live check, {rows} indicators")
        path = work.table(rows)
        times: dict[Path | None, list[float]] = {v: [] for v in versions}
        engine: dict[Path | None, list[float]] = {}
        for _ in range(sessions):
            for version in versions:
                with code_of(version):
                    times[version] += terminal.live_latency(path, keys)
        for version in versions:
            with code_of(version):
                engine[version] = batch.engine(path, repeat if rows < 1000 else repeat // 4)
        hit = rows == 1000
        figures.append(
            Figure(f"key → error count, {rows} indicators", "ms", times[None], "Input echo", echo,
                   target="≤ 16 ms" if hit else "", limit=16 if hit else None)
        )  # fmt: skip
        if before:
            figures.append(
                Figure(f"key → error count, {rows} indicators, before", "ms", times[before],
                       "Input echo", echo)
            )  # fmt: skip
        target, limit = ("≤ 2 ms", 2) if rows == 100 else ("", None)
        name = f"rules engine alone, {rows} indicators"
        figures.append(
            Figure(name, "ms", engine[None], "before" if before else "",
                   engine[before] if before else [], target, limit)
        )  # fmt: skip
    progress(f"typing echo, {ECHO_ROWS:,} indicators")
    path = work.table(ECHO_ROWS)
    engine = {}
    for version in versions:
        with code_of(version):
            engine[version] = batch.engine(path, repeat // 10)
    figures.append(
        Figure(f"rules engine alone, {ECHO_ROWS:,} indicators", "ms", engine[None],
               "before" if before else "", engine[before] if before else [])
    )  # fmt: skip
    echoes = {}
    for version in versions:
        with code_of(version):
            echoes[version] = terminal.typing_echo(path, keys)
    raw = terminal.typing_echo(path, keys, diff=False)
    name = f"{ECHO_ROWS:,} indicators"
    figures += [
        Figure(f"key → echo, {name}", "ms", echoes[None][0], "Input echo", echo, "≤ 50 ms", 50),
        Figure(f"key → echo, {name}, --no-diff", "ms", raw[0], "Input echo", echo),
        Figure(f"bytes/key typing, {name}", "B", [echoes[None][1]], "--no-diff", [raw[1]]),
    ]
    if before:
        figures.append(
            Figure(f"key → echo, {name}, before", "ms", echoes[before][0], "Input echo", echo)
        )
    return figures


def bulk(work, runs: int, before: Path | None) -> list[Figure]:
    """``jixiao check`` over the bulk folder against parsing it with tomllib (and, with
    ``before``, that version's check too), interleaved."""
    checks, parses, olds = [], [], []
    for round_ in range(runs + 1):
        progress(f"bulk check, round {round_}/{runs}")
        check, parse = batch.bulk_check(work.bulk), batch.parse_only(work.bulk)
        if before:
            with code_of(before):
                old = batch.bulk_check(work.bulk)
        if round_:
            checks.append(check)
            parses.append(parse)
            if before:
                olds.append(old)
    name = f"jixiao check, {BULK_FILES:,} tables × {BULK_ROWS}"
    figures = [
        Figure(name, "s", checks, "tomllib parse only", parses, "≤ 1.5× parse", 1.5, "ratio")
    ]
    if before:
        figures.append(Figure(f"{name}, before", "s", olds, "tomllib parse only", parses))
    return figures


def main() -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (3, bulk 1)")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    parser.add_argument("--only", metavar="GROUPS", help="comma-separated: " + ", ".join(GROUPS))
    parser.add_argument("--before", metavar="DIR", type=Path, help="a version to compare with")
    args = parser.parse_args()
    groups = args.only.split(",") if args.only else GROUPS
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    if args.before and not (args.before / "tui" / "__init__.py").is_file():
        parser.error(f"{args.before} holds no tui package")
    before = args.before.resolve() if args.before else None
    runs, bulk_runs, idle = (3, 1, 1.0) if args.quick else (5, 3, 3.0)
    figures = []
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as folder:
        progress("writing the benchmark tables")
        work = prepare(Path(folder), (*SIZES, ECHO_ROWS), BULK_FILES, BULK_ROWS)
        if "start" in groups:
            figures += start_and_memory(work, runs)
        if "keys" in groups:
            figures += keystrokes(work, runs, idle)
        if "latency" in groups:
            figures += latency(work, max(runs // 2, 1), 8, 200, before)
        if "bulk" in groups:
            figures += bulk(work, bulk_runs, before)
    print(text_table(figures))
    if args.markdown:
        Path(args.markdown).write_text(markdown_table(figures) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
