"""``jixiao fmt PATH... [--check]``: rewrite tables into the canonical layout."""

from __future__ import annotations

import sys

from tui.errors import JixiaoError
from tui.escape import printable
from tui.paths import iter_table_paths
from tui.tomlfile.atomic import write_atomic
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.loader import parse_table, read_source

HELP = "规范化表格文件的格式 (rewrite table files into the canonical layout of docs/format.md)"


def add_arguments(parser) -> None:
    """Arguments of ``jixiao fmt``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录 (files or folders)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="只检查不改写；有文件需要规范化时退出码为 1 (only report files that would change)",
    )


def canonical_text(path) -> tuple[str, bytes]:
    """The canonical text of the file at ``path`` and its current bytes."""
    source = read_source(path)
    table, locator = parse_table(source.text, path)
    return dump_table(table, locator), source.raw


def run(args) -> int:
    """Format or check every table under ``args.paths``."""
    status = 0
    for path in iter_table_paths(args.paths):
        try:
            text, raw = canonical_text(path)
        except JixiaoError as exc:
            print(str(exc), file=sys.stderr)
            status = 2
            continue
        new = text.encode("utf-8")
        if new == raw:
            continue
        if args.check:
            print(f"{printable(str(path))}: 需要规范化（would reformat）")
            status = max(status, 1)
        else:
            try:
                kept = write_atomic(path, new, expected=raw)  # never over a change made meanwhile
            except JixiaoError as exc:
                print(str(exc), file=sys.stderr)
                status = 2
                continue
            print(f"{printable(str(path))}: 已规范化（reformatted）")
            if kept is not None:
                print(
                    f"{printable(str(kept))}: 格式化时另一程序写入的版本另存于此"
                    "（a version written meanwhile by another program was kept here）",
                    file=sys.stderr,
                )
                status = max(status, 1)
    return status
