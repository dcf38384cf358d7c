"""Read .xlsx, .docx and .pdf files into the importer's grid of cells.

* ``.xlsx`` (openpyxl): every sheet in order, every row; a merged range gives
  its value once, in its first cell, as Excel itself copies it (一级/二级 carry
  down); numbers are shown as their cell format shows them (``103.00``, ``95%``);
  a formula saved without its value (a file a program wrote) is read as typed.
* ``.docx`` (python-docx): paragraphs and tables in document order; a cell
  merged across columns counts once, one merged down rows is blank below its
  first row.
* ``.pdf`` (pdfplumber): each page's tables first (merged cells blank, the line
  breaks a cell's width made taken out), the text above and below them as
  lines; a page without tables as text lines, split by runs of spaces like
  pasted PDF text.

The libraries are the optional extra ``jixiao[office]``: without one, reading
that kind of file raises ``JixiaoError`` naming the install command. ``.xls``
(the pre-2007 format) is refused with a hint to save as .xlsx.
Every row keeps where it came from (``Position.where``) for the report.
"""

from __future__ import annotations

import datetime
import importlib
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from tui.errors import JixiaoError
from tui.importing.aligned import join_aligned
from tui.importing.cells import Cell, Grid, line_cells
from tui.importing.quoted import visible

SUFFIXES = (".xlsx", ".docx", ".pdf")
INSTALL = "pip install 'jixiao[office]'"
_MODULES = {".xlsx": "openpyxl", ".docx": "docx", ".pdf": "pdfplumber"}


@dataclass
class Source:
    """The rows of a file (each a list of cell texts or one text line) and where each is."""

    rows: list[list[str] | str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # rows where a document of its own starts

    def add(self, row: list[str] | str, place: str) -> None:
        """Append one table row (cells) or one text line, with its place in the file
        (invisible characters such as zero-width spaces dropped)."""
        self.rows.append(visible(row) if isinstance(row, str) else [visible(c) for c in row])
        self.places.append(place)

    def grids(self) -> list[Grid]:
        """One grid per document in the file (a workbook's sheets are read one by one)."""
        bounds = [0, *self.breaks, len(self.rows)]
        return [self.grid(start, end) for start, end in itertools.pairwise(bounds) if end > start]

    def grid(self, start: int = 0, end: int | None = None) -> Grid:
        """The importer's grid: table rows as cells by column, text lines split like a paste
        (a cell a PDF's layout text wrapped onto the next lines joined again)."""
        rows: list[list[Cell]] = []
        texts: dict[int, str] = {}
        stop = len(self.rows) if end is None else end
        for number, row in enumerate(self.rows[start:stop], start=start + 1):
            if isinstance(row, str):
                cells = line_cells(row, number)
                texts[number] = row
            else:
                cells = [
                    Cell(text.strip(), number, col, col - 1, 0, True)
                    for col, text in enumerate(row, start=1)
                    if text.strip()
                ]
            if cells:
                rows.append(cells)
        return Grid(rows=join_aligned(rows, texts))

    def where(self, line: int, column: int) -> str:
        """``Sheet1!C12`` / ``表2 第3行 第4列`` / ``第1页 文字第5行`` for a report position.

        A table row's place holds ``{col}`` (the column letter) and ``{n}`` (its number).
        """
        if 1 <= line <= len(self.places):
            return self.places[line - 1].format(col=_letters(column), n=column)
        return f"{line}:{column}"


def _letters(n: int) -> str:
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _need(suffix: str) -> ModuleType:
    name = _MODULES[suffix]
    try:
        return importlib.import_module(name)
    except ImportError:
        raise JixiaoError(
            f"读取 {suffix} 文件需要 {name}：{INSTALL}",
            f"reading {suffix} needs {name}: {INSTALL}",
        ) from None


def _number(value: float | int, number_format: str) -> str:
    """A numeric cell as its format shows it: ``103.00`` for ``0.00``, ``12`` for an int,
    ``95%`` for 0.95 under ``0%`` (a percentage typed into Excel is stored as a fraction)."""
    percent = "%" in number_format
    decimals = number_format.split(".")[1] if "." in number_format else ""
    places = len(decimals) - len(decimals.lstrip("0")) if decimals.startswith("0") else 0
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    exact, suffix = (exact.scaleb(2), "%") if percent else (exact, "")
    if places:
        return f"{exact.quantize(Decimal(1).scaleb(-places)):f}{suffix}"
    if exact == exact.to_integral_value():
        return f"{exact.quantize(Decimal(1)):f}{suffix}"
    return f"{exact.normalize():f}{suffix}"


def _cell_text(cell, formula: object = None) -> str:
    """A cell's text as the sheet shows it; ``formula`` (the cell as written) stands in
    when a formula has no value saved with it (a file written by a program, not Excel):
    ``=100%`` typed as a target is kept as typed rather than lost."""
    value = cell.value
    if value is None:
        return formula if isinstance(formula, str) else ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return _number(value, cell.number_format or "General")
    if isinstance(value, datetime.datetime | datetime.date):
        return (
            value.date().isoformat() if isinstance(value, datetime.datetime) else value.isoformat()
        )
    return str(value)


def read_xlsx(path: Path) -> Source:
    """Every sheet of an .xlsx workbook, row by row."""
    openpyxl = _need(".xlsx")
    try:
        book = openpyxl.load_workbook(path, data_only=True)
        written = openpyxl.load_workbook(path)  # formulas as typed, for cells without a value
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise JixiaoError("无法读取 .xlsx 文件", f"cannot read .xlsx: {exc}", path) from None
    source = Source()
    for sheet, typed in zip(book.worksheets, written.worksheets, strict=True):
        if source.rows:
            source.breaks.append(len(source.rows))
        for row, as_typed in zip(sheet.iter_rows(), typed.iter_rows(), strict=True):
            texts = [_cell_text(c, t.value) for c, t in zip(row, as_typed, strict=True)]
            if any(t.strip() for t in texts):
                source.add(texts, _braces(sheet.title) + "!{col}" + str(row[0].row))
    return source


def read_docx(path: Path) -> Source:
    """Paragraphs and tables of a .docx document, in order."""
    docx = _need(".docx")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a broken file
        raise JixiaoError("无法读取 .docx 文件", f"cannot read .docx: {exc}", path) from None
    table_type = importlib.import_module("docx.table").Table
    source = Source()
    tables = 0
    for number, block in enumerate(document.iter_inner_content(), start=1):
        if isinstance(block, table_type):
            tables += 1
            for r, row in enumerate(block.rows, start=1):
                cells: list = []
                for cell in row.cells:
                    if cells and cells[-1] is cell:  # merged across columns: once
                        continue
                    cells.append(cell)
                source.add([c.text for c in cells], f"表{tables} 第{r}行 第{{n}}列")
        elif block.text.strip():
            source.add(block.text, f"第{number}段 第{{n}}字")
    return source


def read_pdf(path: Path) -> Source:
    """Each page's tables (with the text around them), or its text lines."""
    pdfplumber = _need(".pdf")
    source = Source()
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises many kinds for a broken file
        raise JixiaoError("无法读取 .pdf 文件", f"cannot read .pdf: {exc}", path) from None
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
            top = 0.0
            for t, table in enumerate(found, start=1):
                _text_lines(source, page.crop((0, top, page.width, table.bbox[1])), number)
                for r, row in enumerate(table.extract(), start=1):
                    cells = [_unwrap(c or "") for c in row]
                    source.add(cells, f"第{number}页 表{t} 第{r}行 第{{n}}列")
                top = table.bbox[3]
            _text_lines(source, page.crop((0, top, page.width, page.height)), number)
    return source


_WRAP = re.compile(r"\s*\n\s*")
_WORD = re.compile(r"[A-Za-z0-9]")


def _unwrap(text: str) -> str:
    """A PDF cell's text without the line breaks its width made: ``显著提升了…幼儿园`` /
    ``的扶持力度`` is one text (a space is kept only between two Latin words or numbers)."""

    def join(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        return " " if _WORD.match(before) and _WORD.match(after) else ""

    return _WRAP.sub(join, text.strip())


def _text_lines(source: Source, region, page: int) -> None:
    if region.height <= 0:
        return
    text = region.extract_text(layout=True) or ""
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            source.add(line, f"第{page}页 文字第{n}行 第{{n}}字")


def read_source(path: Path) -> Source:
    """The rows of an .xlsx, .docx or .pdf file."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise JixiaoError(
            "不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx",
            "legacy .xls is not supported; save it as .xlsx",
            path,
        )
    readers = {".xlsx": read_xlsx, ".docx": read_docx, ".pdf": read_pdf}
    if suffix not in readers:
        raise JixiaoError("不支持的文件类型", f"unsupported file type {suffix}", path)
    return readers[suffix](path)
