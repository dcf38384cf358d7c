"""``jixiao diff``: what changed in a table, cell by cell, in table terms.

Forms::

    jixiao diff OLD NEW             two files (either may be REV:PATH)
    jixiao diff FILE                the file as committed (HEAD) → as it is now
    jixiao diff REV FILE            FILE at git revision REV → as it is now
    jixiao diff REV1 REV2 FILE      FILE at REV1 → at REV2
    jixiao diff --git REV [PATH…]   every table changed since REV (REV1..REV2 for two revisions)
    jixiao diff --approved FILE     the approved version in git (see [project] approved) → now
    jixiao diff --textconv FILE     one line per cell, for git's diff.<driver>.textconv

Seven arguments (git's external diff protocol: path, old file, hex, mode, new
file, hex, mode) compare the two files. Exit status: 0 no differences, 1
differences, 2 an input could not be read (0 always as textconv or external diff).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.errors import JixiaoError
from tui.escape import json_safe, markdown_cell, printable
from tui.history import git
from tui.history.diff import TableDiff, diff_tables
from tui.history.report import MARKDOWN_HEADER, Style, json_data, markdown_rows, text_lines
from tui.history.textconv import cell_listing
from tui.model import Table
from tui.tomlfile.loader import decode, load_table, parse_table, read_source

HELP = "比较表格的两个版本，按单元格列出修改 (cell-level differences between two versions)"
NO_DIFFERENCES = "无差异（no differences）"
WORKING = "工作区（working tree）"
_EXTERNAL_ARGS = 7


@dataclass
class Compared:
    """One comparison: labels of the two versions and their differences."""

    old: str
    new: str
    diff: TableDiff


def add_arguments(parser) -> None:
    """Arguments of ``jixiao diff``."""
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="OLD NEW",
        help="文件、git 版本或 REV:PATH (files or revisions)",
    )
    parser.add_argument(
        "--git",
        metavar="REV",
        help="比较该版本以来修改的所有表格；REV1..REV2 比较两个版本 (tables changed since REV)",
    )
    parser.add_argument(
        "--approved",
        action="store_true",
        help="与 git 中的批复版本比较 (compare with the version in git where it was approved)",
    )
    parser.add_argument(
        "--textconv", action="store_true", help="每格一行，供 git textconv 使用 (one line per cell)"
    )
    parser.add_argument(
        "--name",
        metavar="NAME",
        help="标题中显示的文件名 (the file's name in the headings, e.g. git difftool's $MERGED)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "md", "json"),
        default="text",
        help="输出格式 (output format)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="彩色输出，auto 为终端时 (colours; auto = when writing to a terminal)",
    )


def _file(path: str) -> tuple[str, Table]:
    return path, load_table(path)


def _at(rev: str, path: str) -> tuple[str, Table]:
    return f"{rev}:{path}", git.table_at(rev, path)


def _version(spec: str) -> tuple[str, Table]:
    """A file, or ``REV:PATH`` (PATH relative to the current folder)."""
    if Path(spec).exists() or ":" not in spec:
        return _file(spec)
    rev, _, path = spec.partition(":")
    if not git.is_revision(rev, path or "."):
        return _file(spec)
    return _at(rev, path)


def _empty(raw: bytes, label: str) -> Table:
    return parse_table(decode(raw, label).text, label)[0] if raw.strip() else Table()


def _from_sources(sources: list[str]) -> list[Compared]:
    if len(sources) == 1:
        old, new = _at("HEAD", sources[0]), _file(sources[0])
    elif (
        len(sources) == 2
        and not Path(sources[0]).exists()
        and git.is_revision(sources[0], sources[1])
    ):
        old, new = _at(sources[0], sources[1]), _file(sources[1])
    elif len(sources) == 2:
        old, new = _version(sources[0]), _version(sources[1])
    elif len(sources) == 3:
        git.resolve_revision(sources[0], sources[2])
        git.resolve_revision(sources[1], sources[2])
        old, new = _at(sources[0], sources[2]), _at(sources[1], sources[2])
    else:
        raise JixiaoError(
            "需要 OLD NEW、FILE、REV FILE 或 REV1 REV2 FILE",
            "expected OLD NEW, FILE, REV FILE or REV1 REV2 FILE",
        )
    return [Compared(old[0], new[0], diff_tables(old[1], new[1]))]


def _external(sources: list[str]) -> list[Compared]:
    """git's external diff: path old-file old-hex old-mode new-file new-hex new-mode."""
    name, old_file, new_file = sources[0], sources[1], sources[4]
    old = _empty(read_source(old_file).raw, name)
    new = _empty(read_source(new_file).raw, name)
    return [Compared(f"a/{name}", f"b/{name}", diff_tables(old, new))]


def _changed(spec: str, paths: list[str]) -> tuple[list[Compared], list[str]]:
    """Every table that differs between the revisions of ``spec`` (or REV and the work tree)."""
    old_rev, _, new_rev = spec.partition("..")
    cwd = paths[0] if paths else "."
    for rev in (old_rev, new_rev):
        if rev:
            git.resolve_revision(rev, cwd)
    root = git.repo_root(cwd)
    found, errors = [], []
    for old_path, new_path in git.changed_tables(old_rev, new_rev or None, paths, cwd):
        name = new_path or old_path
        try:
            old = _empty(git.bytes_at(old_rev, old_path, root), name) if old_path else Table()
            if new_rev:
                new = _empty(git.bytes_at(new_rev, new_path, root), name) if new_path else Table()
            else:
                new = load_table(root / new_path) if new_path else Table()
        except JixiaoError as exc:
            errors.append(str(exc))
            continue
        old_label = f"{old_rev}:{old_path}" if old_path else "/dev/null"
        new_label = (f"{new_rev}:{new_path}" if new_rev else new_path) if new_path else "/dev/null"
        found.append(Compared(old_label, new_label, diff_tables(old, new)))
    return found, errors


def _approved(path: str) -> list[Compared]:
    table = load_table(path)
    mark = table.header.approved
    if not mark:
        raise JixiaoError(
            "文件未标记批复（[project] approved）", "the file has no approved mark", path
        )
    commit = git.approved_version(path, mark)
    if commit is None:
        raise JixiaoError("git 历史中没有批复版本", "no approved version in git history", path)
    raw = git.bytes_at(commit.sha, commit.path, git.repo_root(path))
    old = _empty(raw, f"{commit.short}:{commit.path}")
    return [Compared(f"{commit.short}:{commit.path}", path, diff_tables(old, table))]


def render(compared: list[Compared], fmt: str, color: bool) -> str:
    """All comparisons in one output of format ``fmt``."""
    if fmt == "json":
        data = [{"old": c.old, "new": c.new, **json_data(c.diff)} for c in compared]
        return json_safe(json.dumps(data, ensure_ascii=False, indent=1)) + "\n"
    out: list[str] = []
    style = Style(color)
    for item in compared:
        if out:
            out.append("")
        if fmt == "md":
            out.append(f"### {markdown_cell(item.old)} → {markdown_cell(item.new)}")
            out.append("")
            rows = markdown_rows(item.diff)
            out.extend(MARKDOWN_HEADER + rows if rows else [NO_DIFFERENCES])
        else:
            out.append(style("title", f"--- {printable(item.old)}"))
            out.append(style("title", f"+++ {printable(item.new)}"))
            out.extend(text_lines(item.diff, style) or [NO_DIFFERENCES])
    return "\n".join(out) + "\n"


def run(args) -> int:
    """Compare the versions named by ``args`` and print the differences."""
    if args.textconv:
        if len(args.sources) != 1:
            raise JixiaoError("--textconv 需要一个文件", "--textconv takes one file")
        path = Path(args.sources[0])
        try:
            source = read_source(path)
            text = cell_listing(parse_table(source.text, path)[0])
        except JixiaoError:
            if not path.is_file():
                raise
            sys.stdout.flush()
            sys.stdout.buffer.write(path.read_bytes())  # not a table: shown as it is
            return 0
        sys.stdout.write(text)
        return 0
    errors: list[str] = []
    external = len(args.sources) == _EXTERNAL_ARGS and not args.git
    if args.git:
        compared, errors = _changed(args.git, args.sources)
    elif args.approved:
        if len(args.sources) != 1:
            raise JixiaoError("--approved 需要一个文件", "--approved takes one file")
        compared = _approved(args.sources[0])
    elif external:
        compared = _external(args.sources)
    else:
        compared = _from_sources(args.sources)
    if args.name:
        for item in compared:
            item.old, item.new = f"a/{args.name}", f"b/{args.name}"
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    sys.stdout.write(render(compared, args.format, color and args.format == "text"))
    sys.stdout.flush()
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return 2
    return 0 if external else int(any(not c.diff.empty for c in compared))
