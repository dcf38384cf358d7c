"""``jixiao merge BASE MINE THEIRS [-o OUT]``: three-way merge of a table, cell by cell.

Made to be git's merge driver (``%O %A %B``): the result is written over MINE
(``%A``) unless ``-o`` says otherwise (``-o -``: standard output). Exit status
0 when the merge is clean, 1 when conflicts were written into the result (git
then marks the file as conflicted), 2 when an input cannot be read. A file
that is not a jixiao table (another ``*.toml``) is merged by lines with
``git merge-file`` instead, with its exit status.
"""

from __future__ import annotations

import subprocess
import sys

from tui.errors import JixiaoError
from tui.escape import printable
from tui.history.files import merge_files
from tui.tomlfile.atomic import write_atomic
from tui.tomlfile.loader import parse_table, read_source

HELP = (
    "三方合并表格（按单元格）(three-way merge of a table, cell by cell; "
    "usable as git's merge driver: jixiao merge %O %A %B)"
)


def add_arguments(parser) -> None:
    """Arguments of ``jixiao merge``."""
    parser.add_argument(
        "base", metavar="BASE", help="共同祖先版本 (the common ancestor, git's %%O)"
    )
    parser.add_argument("mine", metavar="MINE", help="我方版本 (mine / ours, git's %%A)")
    parser.add_argument("theirs", metavar="THEIRS", help="对方版本 (theirs, git's %%B)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="写入此文件，- 为标准输出；默认覆盖 MINE (write here, - for stdout; default: MINE)",
    )
    parser.add_argument(
        "--path", metavar="NAME", help="消息中显示的文件名 (the file's name in messages, git's %%P)"
    )
    parser.add_argument(
        "--marker-size",
        type=int,
        default=7,
        metavar="N",
        help="按行合并时冲突标记的长度 (conflict marker size for the line merge, git's %%L)",
    )


def _is_table(path: str, *, empty_ok: bool = False) -> bool:
    """Whether ``path`` holds a jixiao table (or, when ``empty_ok``, nothing at all)."""
    try:
        source = read_source(path)
        if not (empty_ok and not source.text.strip()):
            parse_table(source.text, path)
        return True
    except JixiaoError:
        return False


def _line_merge(args, name: str) -> int:
    """Merge by lines with ``git merge-file`` (for files that are not tables)."""
    print(
        f"{printable(name)}: 不是 jixiao 表格，按行合并（not a jixiao table: merged by lines）",
        file=sys.stderr,
    )
    command = ["git", "merge-file", f"--marker-size={args.marker_size}"]
    command += ["-L", "mine", "-L", "base", "-L", "theirs"]
    if args.output:
        command.append("-p")
    command += [args.mine, args.base, args.theirs]
    try:
        done = subprocess.run(command, capture_output=bool(args.output), check=False)
    except FileNotFoundError:
        raise JixiaoError("找不到 git 命令", "git is not installed", name) from None
    if done.returncode > 127:  # git merge-file reports errors as negative numbers
        return 2
    if args.output:
        _write(args.output, done.stdout)
    return min(done.returncode, 1)


def _write(output: str, data: bytes) -> None:
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)


def run(args) -> int:
    """Merge THEIRS into MINE from BASE; write the result; exit as git expects."""
    name = args.path or args.mine
    base, _, theirs = (read_source(p).raw for p in (args.base, args.mine, args.theirs))
    tables = _is_table(args.base, empty_ok=True) and _is_table(args.mine)
    if not (tables and _is_table(args.theirs)):
        return _line_merge(args, name)
    outcome = merge_files(base, args.mine, theirs, theirs_label=args.theirs)
    _write(args.output or args.mine, outcome.data)
    if outcome.conflicts:
        count = len(outcome.conflicts)
        print(
            f"{printable(name)}: {count} 处合并冲突，已写入文件，"
            f"用 jixiao 打开解决或运行 jixiao check 查看"
            f"（{count} merge conflicts written into the file; resolve them in jixiao）",
            file=sys.stderr,
        )
        return 1
    return 0
