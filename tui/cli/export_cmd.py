"""``jixiao export PATH... [--format txt|md|tsv|xlsx] [-o FILE] [--width N] [--columns ...]``.

``--form evaluation|monitoring [--layout anhui|sichuan] [--month N]`` exports the
self-evaluation or the monitoring table instead of the target table, scored
under each table's profile (the file's, the folder's ``jixiao.toml``, pmkpi).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from tui.checking import settings_for
from tui.errors import JixiaoError
from tui.export import (
    COLUMN_CHOICES,
    DEFAULT_STYLE,
    FILE_FORMATS,
    FORMATS,
    FORMS,
    LAYOUTS,
    TEXT_STYLES,
    export_file,
    export_lifecycle,
    export_lifecycle_file,
    export_tables,
)
from tui.model import Table
from tui.paths import iter_table_paths
from tui.scoring import profile_for
from tui.tomlfile.atomic import write_atomic
from tui.tomlfile.loader import load_table

HELP = "导出为文本/Markdown/TSV 表格或 Excel 表单 (export as text, Markdown, TSV or an Excel form)"

_SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "xlsx"}
_DEFAULT_WIDTH = 100


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"应为非负整数（must be a non-negative integer）: {text!r}"
        )
    return value


def _month(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 12):
        raise argparse.ArgumentTypeError(f"应为 1–12（must be 1-12）: {text!r}")
    return int(text)


def add_arguments(parser) -> None:
    """Arguments of ``jixiao export``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录 (files or folders)")
    parser.add_argument(
        "--format",
        choices=FORMATS + FILE_FORMATS,
        help="输出格式 (output format; default txt, or from the -o suffix: .md, .tsv, .xlsx)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件 (write to FILE)")
    parser.add_argument(
        "--width",
        type=_width,
        metavar="N",
        help="txt 每行最多 N 列，0 为不限 (txt: at most N columns per line, 0 = no limit; "
        f"default: the terminal's width, or {_DEFAULT_WIDTH})",
    )
    parser.add_argument(
        "--columns",
        choices=COLUMN_CHOICES,
        default="both",
        help="中期和年度 / 仅中期 / 仅年度 (both halves, or only the 中期 or 年度 half)",
    )
    parser.add_argument(
        "--form",
        choices=("target", *FORMS),
        default="target",
        help="目标表 / 自评表 / 运行监控表 (the target table, the self-evaluation or the "
        "monitoring table)",
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="anhui",
        help="自评表与监控表的版式：安徽（默认）或四川 (layout: Anhui, the default, or Sichuan)",
    )
    parser.add_argument(
        "--month",
        type=_month,
        metavar="N",
        help="监控月份 1–12，默认为文件中最近的月份 (monitoring month; default: the latest)",
    )
    parser.add_argument(
        "--style",
        choices=TEXT_STYLES,
        metavar="STYLE",
        help=f"txt 表格样式 (txt table style, default {DEFAULT_STYLE}: {', '.join(TEXT_STYLES)})",
    )


def _choose_format(args) -> str:
    if args.format:
        return args.format
    if args.output:
        return _SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "txt")
    return "txt"


def _choose_width(args) -> int | None:
    if args.width is not None:
        return args.width or None
    if not args.output and sys.stdout.isatty():
        return shutil.get_terminal_size((_DEFAULT_WIDTH, 24)).columns
    return _DEFAULT_WIDTH


def run(args) -> int:
    """Export every table under ``args.paths`` as one document."""
    fmt = _choose_format(args)
    if args.style and fmt != "txt":
        print(
            "jixiao export: --style 只适用于 txt 格式（--style applies to txt only）",
            file=sys.stderr,
        )
        return 2
    if fmt in FILE_FORMATS and not args.output:
        print(
            f"jixiao export: --format {fmt} 需要 -o 文件（needs -o FILE）",
            file=sys.stderr,
        )
        return 2
    status = 0
    tables, paths = [], []
    for path in iter_table_paths(args.paths):
        try:
            tables.append(load_table(path))
        except JixiaoError as exc:
            print(str(exc), file=sys.stderr)
            status = 2
            continue
        paths.append(path.resolve())
    if not tables:
        if status == 0:
            print("jixiao export: 没有找到表格文件（no table files found）", file=sys.stderr)
        return 2
    if args.output and Path(args.output).resolve() in paths:
        raise JixiaoError(
            "输出文件是输入的表格之一", "output is one of the input tables", args.output
        )
    if args.form != "target":
        return _export_lifecycle(args, fmt, tables, paths) or status
    if fmt in FILE_FORMATS:
        write_atomic(args.output, export_file(tables, fmt))
        return status
    text = export_tables(
        tables, fmt, width=_choose_width(args), columns=args.columns, style=args.style
    )
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return status


def _export_lifecycle(args, fmt: str, tables: list[Table], paths: list[Path]) -> int:
    """Write the self-evaluation or monitoring form; 2 when an option does not apply."""
    if args.columns != "both":
        print(
            "jixiao export: --columns 只适用于目标表（--columns applies to --form target only）",
            file=sys.stderr,
        )
        return 2
    cache: dict[Path, dict] = {}
    scored = [(t, profile_for(t, settings_for(p, cache))) for t, p in zip(tables, paths)]
    options = {"form": args.form, "layout": args.layout, "month": args.month}
    if fmt in FILE_FORMATS:
        write_atomic(args.output, export_lifecycle_file(scored, fmt, **options))
        return 0
    text = export_lifecycle(scored, fmt, width=_choose_width(args), style=args.style, **options)
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0
