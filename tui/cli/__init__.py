"""The ``jixiao`` command: subcommands, or a path to open in the editor.

Each subcommand lives in a module of its own exposing ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``; modules are imported only
when their subcommand runs, so ``jixiao check`` never loads the UI.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from tui import __version__
from tui.errors import JixiaoError

SUBCOMMANDS = {
    "fmt": "tui.cli.fmt_cmd",
    "new": "tui.cli.new_cmd",
    "check": "tui.cli.check_cmd",
    "export": "tui.cli.export_cmd",
    "import": "tui.cli.import_cmd",
    "score": "tui.cli.score_cmd",
    "diff": "tui.cli.diff_cmd",
    "merge": "tui.cli.merge_cmd",
}

_DESCRIPTION = """jixiao（绩效）: 项目支出预算绩效目标表编辑器 (performance target table editor)

  jixiao [PATH]          打开表格文件或目录 (open a table file or a folder in the editor)
  jixiao fmt PATH...     规范化文件格式 (rewrite into the canonical layout)
  jixiao new             新建空白表 (a blank table with the framework skeleton)
  jixiao check PATH...   检查错误 (validate tables)
  jixiao export PATH...  导出为文本/Markdown/TSV 表格 (export tables)
  jixiao import [FILE]   导入从 Excel/WPS/Word/PDF 复制的表格 (import pasted tables)
  jixiao score PATH...   自评评分及说明 (self-evaluation scores with explanations)
  jixiao diff OLD NEW    按单元格比较两个版本 (cell-level differences; files or git revisions)
  jixiao merge B M T     三方合并，可作 git 合并驱动 (three-way merge; a git merge driver)

用 jixiao SUBCOMMAND --help 查看各子命令的选项 (see each subcommand's --help)."""


def _parser(name: str, module) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"jixiao {name}", description=module.HELP)
    module.add_arguments(parser)
    return parser


def _editor_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jixiao",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help="表格文件或目录 (a table file or a folder)")
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    parser.add_argument(
        "--no-diff",
        action="store_true",
        help="整屏重绘，不只发送变化的字符（send whole lines as Textual draws them, "
        "not only the changed cells; also JIXIAO_NO_DIFF=1）",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``jixiao`` console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            module = importlib.import_module(SUBCOMMANDS[argv[0]])
            args = _parser(argv[0], module).parse_args(argv[1:])
            return module.run(args)
        args = _editor_parser().parse_args(argv)
        from tui.cli import edit_cmd

        return edit_cmd.run(args)
    except JixiaoError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
