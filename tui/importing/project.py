"""Find the projects in a paste and read each into a ``Table``.

A project starts at each 项目名称 label; what comes before the first one is
page furniture (titles, dates) or text outside any table. Lines whose first
cell is page furniture (a title, a 填表人/盖章 line, a URL, a page number) are
reported, wherever they stand; a title's year is used for the projects after
it. Inside a project the indicator header row (一级指标 二级指标 三级指标
指标值 …) divides the header block from the indicator block.
"""

from __future__ import annotations

from tui.importing.cells import Cell, Grid
from tui.importing.header import parse_header
from tui.importing.indicators import Layout, guess_layout, layout_of, read_indicators
from tui.importing.labels import furniture, header_label, title_year
from tui.importing.ledger import Ledger
from tui.model import Table


def _is_project_start(row: list[Cell]) -> bool:
    return any(
        (label := header_label(cell.text)) and label.kind == "field" and label.arg == "name"
        for cell in row
    )


def _column_labels(row: list[Cell]) -> int:
    return sum(1 for c in row if (lab := header_label(c.text)) and lab.kind == "column")


def _header_split(rows: list[list[Cell]], stream: bool) -> tuple[int, int] | None:
    """``(start, end)`` of the indicator header rows, or ``None`` when there is none."""
    if not stream:
        for r, row in enumerate(rows):
            if _column_labels(row) >= 2:
                return r, r + 1
        return None
    for r, row in enumerate(rows):
        if _column_labels(row):
            end = r
            while (
                end < len(rows)
                and (lab := header_label(rows[end][0].text))
                and (lab.kind in ("column", "columns"))
            ):
                end += 1
            start = r
            while (
                start > 0
                and (lab := header_label(rows[start - 1][0].text))
                and (lab.kind == "columns")
            ):
                start -= 1
            return start, end
    return None


def split_at_header(
    rows: list[list[Cell]], stream: bool, index: int, ledger: Ledger
) -> tuple[list[list[Cell]], list[list[Cell]], Layout | None] | None:
    """Rows before and after the indicator header, and the layout it names.

    The header's labels are placed in ``ledger`` for table ``index``; ``None``
    when there is no indicator header.
    """
    split = _header_split(rows, stream)
    if split is None:
        return None
    start, end = split
    head = [c for row in rows[start:end] for c in row]
    for cell in head:
        if (lab := header_label(cell.text)) and lab.kind in ("column", "columns"):
            ledger.place(cell, index, ("label", lab.kind))
    return rows[:start], rows[end:], layout_of(head)


class _Importer:
    def __init__(self, grid: Grid, framework: str, year: int | None) -> None:
        self.grid = grid
        self.framework = framework
        self.year = year
        self.ledger = Ledger()
        self.tables: list[Table] = []
        self.years: list[tuple[int, int]] = []  # (line, year) of each title

    def drop_furniture(self, rows: list[list[Cell]]) -> list[list[Cell]]:
        kept = []
        for row in rows:
            kind = furniture(row[0].text)
            if kind is None:
                kept.append(row)
                continue
            year = title_year(row[0].text) if kind[1] == "page title" else None
            if year is not None:
                self.years.append((row[0].line, year))
            for cell in row:
                self.ledger.report(cell, f"{kind[0]}，未导入", f"{kind[1]}; not imported")
        return kept

    def year_for(self, first_line: int, last_line: int) -> int | None:
        if self.year is not None:
            return self.year
        before = [y for line, y in self.years if line < first_line]
        inside = [y for line, y in self.years if first_line <= line <= last_line]
        return before[-1] if before else inside[0] if inside else None

    def project(self, rows: list[list[Cell]], named: bool) -> None:
        index = len(self.tables)
        table = Table(framework=self.framework)
        stream = self.grid.stream
        found = split_at_header(rows, stream, index, self.ledger)
        if found is None:
            used = parse_header(rows, table, index, self.ledger, stream=stream)
            body, layout = rows[used:], None
        else:
            before, body, layout = found
            parse_header(before, table, index, self.ledger, stream=stream)
        if body:
            layout = layout or guess_layout(body, self.framework, stream=stream)
            read_indicators(body, table, index, self.ledger, layout=layout, stream=stream)
        cells = [c for row in rows for c in row]
        labelled = any(row.level1 or row.level2 for row in table.indicators)
        if not (named or found or labelled or self.ledger.uses_header(index)):
            self.ledger.drop_table(index, "没有找到项目", "no project found", cells)
            return
        table.year = self.year_for(cells[0].line, cells[-1].line) if cells else self.year
        self.tables.append(table)

    def run(self) -> None:
        rows = self.drop_furniture(self.grid.rows)
        starts = [r for r, row in enumerate(rows) if _is_project_start(row)]
        if not starts:
            self.project(rows, named=False)
        else:
            for n, start in enumerate(starts):
                end = starts[n + 1] if n + 1 < len(starts) else len(rows)
                self.project(rows[start:end], named=True)
        if starts:
            preamble = [c for row in rows[: starts[0]] for c in row]
            self.ledger.sweep(preamble, "表格之外的文字", "text outside any table")
        self.ledger.sweep(self.grid.cells(), "未识别的单元格", "cell not recognised")


def import_grid(grid: Grid, framework: str, year: int | None) -> tuple[list[Table], Ledger]:
    """Every project found in ``grid``, and the ledger of where each cell went."""
    importer = _Importer(grid, framework, year)
    importer.run()
    return importer.tables, importer.ledger
