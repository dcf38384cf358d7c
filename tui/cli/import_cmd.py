"""``jixiao import [FILE|-] [-o DIR] [--framework 2015|2021] [--year N] [--force]``.

Reads a table pasted from Excel, WPS, Word, a web page or PDF (standard input
when FILE is ``-`` or absent, so a person can paste into the terminal and press
ctrl+d), or an .xlsx, .docx or .pdf file; writes one TOML file per project into
DIR, prints the written paths, prints every cell it could not place to standard
error, and what it changed on the way (元 → 万元, a label's annotation) as notes.
Exit status: 0 when every cell was placed, 1 when some were reported, 2 when
nothing was read.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from tui.errors import JixiaoError
from tui.escape import printable
from tui.frameworks import FRAMEWORKS
from tui.importing import ImportResult, Unplaced, import_file, import_text
from tui.importing.files import SUFFIXES
from tui.model import Table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import save_new

HELP = "导入粘贴的表格或 .xlsx/.docx/.pdf 文件 (import pasted tables or .xlsx/.docx/.pdf files)"

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_NAME_LIMIT = 80
_SHOW_LIMIT = 60
UNNAMED = "未命名项目"  # the file of a table without a 项目名称, read from standard input
MAX_LINE_CHARS = 10_000  # a pasted row of a real table is well under 2,000


def add_arguments(parser) -> None:
    """Arguments of ``jixiao import``."""
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="文本、.xlsx、.docx 或 .pdf 文件；- 或省略为标准输入 (text, .xlsx, .docx, .pdf; -)",
    )
    parser.add_argument(
        "-o", "--output", metavar="DIR", default=".", help="写入目录 (output folder; default .)"
    )
    parser.add_argument(
        "--framework",
        choices=list(FRAMEWORKS),
        default=None,
        help="指标体系：2015 = 财预〔2015〕88号，2021 = 财预〔2021〕101号 "
        "(default: guessed from the tree, 成本指标 as a 一级 → 2021)",
    )
    parser.add_argument("--year", type=int, help="预算年度，优先于标题中的年份 (budget year)")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件 (overwrite files)")


def _read(file: str) -> tuple[str, str]:
    """The pasted text and the name used for it in the report."""
    if file == "-":
        raw, where = sys.stdin.buffer.read(), "stdin"
    else:
        try:
            raw, where = Path(file).read_bytes(), file
        except OSError as exc:
            raise JixiaoError("无法读取文件", f"cannot read: {exc.strerror}", file) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        _check_line_lengths(text, where)
        return text, where
    raise JixiaoError("无法识别文本编码", "text is neither UTF-8 nor GB18030", where)


def _check_line_lengths(text: str, where: str) -> None:
    """Refuse a line no table row could be (its thousands of cells take minutes to place)."""
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise JixiaoError(
                f"一行超过 {MAX_LINE_CHARS} 个字符，不像表格",
                f"line longer than {MAX_LINE_CHARS} characters; not a table row",
                where,
                number,
                MAX_LINE_CHARS + 1,
            )


def shown(text: str) -> str:
    """Cell text safe for a terminal: hidden characters escaped, long text cut."""
    return printable(text[:_SHOW_LIMIT]) + ("…" if len(text) > _SHOW_LIMIT else "")


def report_line(where: str, item: Unplaced, *, note: bool = False) -> str:
    """``stdin:12:3: 未放置 “…”（原因；reason）``, or ``说明`` for a note."""
    kind = "说明" if note else "未放置"
    return (
        f"{printable(where)}:{item.line}:{item.column}: {kind} “{shown(item.text)}”"
        f"（{item.reason_zh}；{item.reason_en}）"
    )


def file_name(name: str, unnamed: str = UNNAMED) -> str:
    """A safe file name (without ``.toml``) made from a project name (``unnamed``
    when it has none)."""
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE.sub("_", "".join(ch for ch in name if unicodedata.category(ch) != "Cf"))
    name = re.sub(r"\s+", " ", name).strip(" ._")[:_NAME_LIMIT].strip(" ._")
    return name or unnamed


def target_paths(tables: list[Table], folder: Path, unnamed: str = UNNAMED) -> list[Path]:
    """One path per table, from the project names (a table without one after the file
    it came from, ``unnamed``); equal names get ``-2``, ``-3``… (an unnamed table also
    past the files already there: it has no name of its own to refuse to overwrite)."""
    paths: list[Path] = []
    for table in tables:
        stem = file_name(table.header.name, unnamed)
        path, n = folder / f"{stem}.toml", 1
        while path in paths or (_unnamed(table) and path.exists()):
            n += 1
            path = folder / f"{stem}-{n}.toml"
        paths.append(path)
    return paths


def _unnamed(table: Table) -> bool:
    """Whether ``table`` has no 项目名称 to name its file (it is named after its source)."""
    return not file_name(table.header.name, "")


def _write(result: ImportResult, folder: Path, force: bool, unnamed: str) -> list[Path]:
    paths = target_paths(result.tables, folder, unnamed)
    if not force:
        for path in paths:
            if path.exists():
                raise JixiaoError(
                    "文件已存在，未写入任何文件，可用 --force 覆盖",
                    "file exists; nothing written, use --force",
                    path,
                )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table, path in zip(result.tables, paths):
            save_new(path, dump_table(table), force=force)
    except OSError as exc:
        raise JixiaoError("无法写入", f"cannot write: {exc.strerror}", exc.filename) from None
    return paths


def _import(args) -> tuple[ImportResult, Callable[[Unplaced, bool], str], str]:
    """The import of FILE, a function giving each report line, and FILE's name."""
    if args.file != "-" and Path(args.file).suffix.lower() in (*SUFFIXES, ".xls"):
        path = Path(args.file)
        if not path.is_file():
            raise JixiaoError("无法读取文件", "cannot read: not a file", path)
        result, source = import_file(path, framework=args.framework, year=args.year)

        def file_line(item: Unplaced, note: bool) -> str:
            kind = "说明" if note else "未放置"
            return (
                f"{printable(args.file)}:{printable(source.where(item.line, item.column))}: "
                f"{kind} “{shown(item.text)}”（{item.reason_zh}；{item.reason_en}）"
            )

        return result, file_line, args.file
    text, where = _read(args.file)
    result = import_text(text, framework=args.framework, year=args.year)
    return result, lambda item, note: report_line(where, item, note=note), where


def run(args) -> int:
    """Import the paste or file, write the tables, print paths, the report and notes."""
    result, line, where = _import(args)
    for item in result.report:
        print(line(item, False), file=sys.stderr)
    for item in result.notes:
        print(line(item, True), file=sys.stderr)
    if not result.tables:
        print(f"{printable(where)}: 没有找到任何项目（no project found）", file=sys.stderr)
        return 2
    unnamed = UNNAMED if args.file == "-" else file_name(Path(args.file).stem)
    for table, path in zip(result.tables, _write(result, Path(args.output), args.force, unnamed)):
        print(printable(str(path)))
        if _unnamed(table):
            print(
                f"{printable(str(path))}: 说明 项目名称空白，文件按来源命名（no 项目名称）",
                file=sys.stderr,
            )
    return 1 if result.report else 0
