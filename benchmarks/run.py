"""The benchmarks of issues 7 and 14: start-up, terminal bytes, live-check latency, bulk check.

    python benchmarks/run.py [--quick] [--markdown FILE]

Prints one table: each figure is the median of several runs with min and max,
its baseline measured in the same run (interleaved with it), the ratio and the
target. Programs run in a pseudo-terminal of 80×24 with TERM=xterm-256color.
Takes about eight minutes (``--quick``: about three).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import batch
import terminal
from report import Figure, markdown_table, text_table
from workload import prepare

SIZES = (30, 100, 1000)
ECHO_ROWS = 10_000  # the typing echo on a very large table
BULK_FILES, BULK_ROWS = 1000, 30


def progress(text: str) -> None:
    """One line of progress on stderr."""
    print(f"… {text}", file=sys.stderr, flush=True)


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


def latency(work, sessions: int, keys: int, repeat: int) -> list[Figure]:
    """Keystroke → updated error count on screen, the rules engine alone, the 10,000-row echo."""
    figures = []
    echo = []
    for _ in range(sessions):
        echo += terminal.input_latency(keys)
    for rows in SIZES:
        progress(f"live check, {rows} indicators")
        path = work.table(rows)
        times = []
        for _ in range(sessions):
            times += terminal.live_latency(path, keys)
        engine = batch.engine(path, repeat if rows < 1000 else max(repeat // 10, 5))
        hit = rows == 1000
        figures.append(
            Figure(f"key → error count, {rows} indicators", "ms", times, "Input echo", echo,
                   target="≤ 16 ms" if hit else "", limit=16 if hit else None)
        )  # fmt: skip
        figures.append(Figure(f"rules engine alone, {rows} indicators", "ms", engine))
    progress(f"typing echo, {ECHO_ROWS:,} indicators")
    path = work.table(ECHO_ROWS)
    diffed, raw = terminal.typing_echo(path, keys), terminal.typing_echo(path, keys, diff=False)
    name = f"{ECHO_ROWS:,} indicators"
    figures += [
        Figure(f"key → echo, {name}", "ms", diffed[0], "Input echo", echo),
        Figure(f"key → echo, {name}, --no-diff", "ms", raw[0], "Input echo", echo),
        Figure(f"bytes/key typing, {name}", "B", [diffed[1]], "--no-diff", [raw[1]]),
    ]
    return figures


def bulk(work, runs: int) -> list[Figure]:
    """``jixiao check`` over the bulk folder against parsing it with tomllib."""
    checks, parses = [], []
    for round_ in range(runs + 1):
        progress(f"bulk check, round {round_}/{runs}")
        check, parse = batch.bulk_check(work.bulk), batch.parse_only(work.bulk)
        if round_:
            checks.append(check)
            parses.append(parse)
    name = f"jixiao check, {BULK_FILES:,} tables × {BULK_ROWS}"
    return [Figure(name, "s", checks, "tomllib parse only", parses, "≤ 1.5× parse", 1.5, "ratio")]


def main() -> int:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (3, bulk 1)")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    args = parser.parse_args()
    runs, bulk_runs, idle = (3, 1, 1.0) if args.quick else (5, 3, 3.0)
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as folder:
        progress("writing the benchmark tables")
        work = prepare(Path(folder), (*SIZES, ECHO_ROWS), BULK_FILES, BULK_ROWS)
        figures = start_and_memory(work, runs)
        figures += keystrokes(work, runs, idle)
        figures += latency(work, max(runs // 2, 1), 8, 200)
        figures += bulk(work, bulk_runs)
    print(text_table(figures))
    if args.markdown:
        Path(args.markdown).write_text(markdown_table(figures) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
