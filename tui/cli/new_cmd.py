"""``jixiao new [-o FILE] [--framework 2015|2021]``: a blank table."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.frameworks import FRAMEWORKS
from tui.settings import folder_config, new_table_defaults
from tui.skeleton import blank_table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import save_new

HELP = "新建空白表，含指标体系的一级/二级骨架 (a blank table with the framework skeleton)"


def add_arguments(parser) -> None:
    """Arguments of ``jixiao new``."""
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件 (write to FILE)")
    parser.add_argument(
        "--framework",
        choices=list(FRAMEWORKS),
        default=None,
        help="指标体系：2015 = 财预〔2015〕88号，2021 = 财预〔2021〕101号 "
        "(default: jixiao.toml, else 2015)",
    )
    parser.add_argument(
        "--year", type=int, help="预算年度 (budget year; default: jixiao.toml, else next year)"
    )
    parser.add_argument("--force", action="store_true", help="覆盖已有文件 (overwrite FILE)")


def run(args) -> int:
    """Write the blank table to ``args.output`` or standard output."""
    folder = Path(args.output).resolve().parent if args.output else Path.cwd()
    framework, year = new_table_defaults(folder_config(folder))
    text = dump_table(blank_table(args.framework or framework, args.year or year))
    if args.output:
        save_new(args.output, text, force=args.force)
    else:
        sys.stdout.write(text)
    return 0
