"""Find the projects in a paste and read each into a ``Table``.

A project starts at each 项目名称 label; what comes before the first one is
page furniture (titles, dates) or text outside any table. Lines whose first
cell is page furniture (a title, a 填表人/盖章 line, a URL, a page number, web
page text) are reported, wherever they stand; a title's year is used for the
projects after it, and a unit note saying 元 makes the amounts after it 元
(converted to 万元, with a note). Inside a project the indicator heading (a run
of column headings, possibly wrapped over several lines, possibly in the middle
of a line when a whole table arrived as one line) divides the header block
from the indicator block. A 项目名称 column in the heading makes the block a
list of projects, one table each. The framework is guessed from the tree
(成本指标 as a 一级 → 2021) unless one was given.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from tui.importing.align import Profile
from tui.importing.bracketed import bracket_projects
from tui.importing.cells import Cell, Grid
from tui.importing.centred import centred_values, recentred
from tui.importing.columns import progress_month
from tui.importing.evaluation import (
    budget_heading,
    check_lights,
    leave_computed,
    read_budget,
    read_closing,
)
from tui.importing.header import amount_text, parse_amount, parse_header
from tui.importing.heading import find_heading, indicator_block
from tui.importing.indicators import IndicatorReader, read_indicators
from tui.importing.labels import UNIT_NOTE, awaits_value, furniture, header_label, title_year
from tui.importing.ledger import Ledger
from tui.importing.levels import canonical_level1, is_level, is_nested_top
from tui.importing.lines import (
    half_titled,
    has_field,
    is_project_start,
    naming_cell,
    one_cell_rows,
    other_heading,
    projects_in_line,
    split_at_levels,
)
from tui.importing.profiles import guess_profile, profile_of, rebased
from tui.importing.shapes import is_weight
from tui.importing.values import (
    join_value_parts,
    split_signs,
    split_trailing_signs,
    split_twins,
)
from tui.model import DEFAULT_FRAMEWORK, Table
from tui.parsing.money import tidy, to_wan

# A heading of these alone (names and scores, no value, actual or monitoring column) cannot
# hold the rows' values: the columns are guessed from the rows.
_VALUELESS_SLOTS = {"seq", "l1", "l2", "name", "weight", "score"}
_WHOLE_LINE = 6  # a furniture line longer than this (a table glued into one line) keeps the rest
# Furniture after which no indicator row follows: signatures, web page text, closing notes.
_ENDS_TABLE = ("signature line", "page text", "notes section after the table", "section heading")
# The row ending the indicator block inside a line: 合计, 总分, or a note (注:1、…).
_TOTAL = re.compile(
    r"^[.…。·\s]*(合计|总计|总分|得分合计)(?:[(（][^()（）]*[)）])?[:：]?$|^注\s*\d?[:：]"
)  # 总分(100分) too


class _Importer:
    def __init__(self, grid: Grid, framework: str | None, year: int | None) -> None:
        self.grid = grid
        self.forced = framework
        self.framework = framework or DEFAULT_FRAMEWORK
        self.year = year
        self.ledger = Ledger()
        self.tables: list[Table] = []
        self.years: list[tuple[int, int]] = []  # (line, year) of each title
        # Titles naming a year, alone on their line: placed when a table takes its year from
        # them (2021年项目支出预算绩效目标表 says no more than the table does), else reported.
        self.titles: dict[int, tuple[Cell, int, tuple[str, str]]] = {}
        self.used_titles: dict[int, int] = {}  # title line → the table whose year it gave
        self.yuan_from: int | None = None  # line of a unit note saying 元
        self.stops: list[int] = []  # lines of 合计 rows: the indicator block ends there
        # signature lines, page text, a report's text after the table: the block is over
        self.ends: list[int] = [] if grid.prose is None else [grid.prose - 1]

    def drop_furniture(self, rows: list[list[Cell]]) -> list[list[Cell]]:
        by_line: dict[int, list[Cell]] = {}
        for cell in self.grid.cells():
            by_line.setdefault(cell.row_line, []).append(cell)
        firsts = {line: naming_cell(cells) for line, cells in by_line.items()}
        counts = {line: len(cells) for line, cells in by_line.items()}
        lines = sorted(firsts)
        after_label = {  # 项目起止时间 / 2022年: a field's value on the next line, not a title
            line
            for before, line in itertools.pairwise(lines)
            if counts[before] == 1 and awaits_value(firsts[before].text)
        }
        under_budget = {  # 合计 heading a 预算执行情况 grid's rows: its total line
            line
            for before, line in itertools.pairwise(lines)
            if budget_heading(by_line[before]) is not None
        }
        kinds = {
            line: kind
            for line, cell in firsts.items()
            if (kind := furniture(cell.text))
            and (kind[1] != "page number" or counts[line] == 1)  # "1/3" alone, not a 三级 "0/0"
            and not (kind[1] == "page title" and line in after_label)
            and not (kind[1] == "total row" and line in under_budget)
        }
        alone = {firsts[line].key for line in kinds if counts[line] > _WHOLE_LINE}
        for line, kind in kinds.items():
            text = firsts[line].text
            year = title_year(text) if kind[1] == "page title" else None
            if year is not None:
                self.years.append((line, year))
            if kind[0] == UNIT_NOTE and "万元" not in text and self.yuan_from is None:
                self.yuan_from = line
            if kind[1] == "total row":
                self.stops.append(line)
            if kind[1] in _ENDS_TABLE:
                self.ends.append(line)
        other = {row[0].row_line for row in rows if other_heading(row)}
        for line in other:  # a second table's heading (序号 | 学校性质 | …) after the indicators
            kinds[line] = ("另一表格", "another table")
            alone.discard(firsts[line].key)
            self.ends.append(line)

        def dropped(cell: Cell) -> bool:
            return cell.line in kinds and (
                cell.key in alone or not _long(cell) or cell.line in other
            )

        def _long(cell: Cell) -> bool:
            return counts[cell.line] > _WHOLE_LINE

        kept = [kept_row for row in rows if (kept_row := [c for c in row if not dropped(c)])]
        for cell in self.grid.cells():
            if not dropped(cell):
                continue
            year = title_year(cell.text) if kinds[cell.line][1] == "page title" else None
            if year is not None and cell is firsts[cell.line]:
                self.titles[cell.line] = (cell, year, kinds[cell.line])
            else:
                zh, en = kinds[cell.line]
                self.ledger.report(cell, f"{zh}，未导入", f"{en}; not imported")
        return kept

    def amount(self, cell: Cell, text: str, yuan: bool = False) -> Decimal | None:
        """An amount in 万元: 元 (by the cell, its label, or a unit note before it) divided by
        10000."""
        value = parse_amount(text)
        stripped = amount_text(text)
        noted = yuan or (self.yuan_from is not None and self.yuan_from < cell.line)
        in_yuan = stripped.endswith("元") and not stripped.endswith("万元")
        in_yuan = in_yuan or (noted and "万元" not in stripped)
        wan = to_wan(value, "元") if value is not None and in_yuan else None
        if wan is not None:
            value = tidy(wan)
            self.ledger.note(cell, f"元换算为万元：{value}", f"yuan converted to 万元: {value}")
        return value

    def year_for(self, first_line: int, last_line: int, index: int) -> int | None:
        """The year of the table ``index`` made of those lines: ``--year``, else the last
        title above it, else the first inside it; the titles saying it are then used."""
        if self.year is not None:
            return self.year
        before = [y for line, y in self.years if line < first_line]
        inside = [y for line, y in self.years if first_line <= line <= last_line]
        year = before[-1] if before else inside[0] if inside else None
        for line, (_, said, _) in self.titles.items():
            if said == year and line <= last_line:
                self.used_titles.setdefault(line, index)
        return year

    def _titles(self) -> None:
        """Each title naming a year: placed when a table took its year, else reported."""
        for line, (cell, _, (zh, en)) in self.titles.items():
            if line in self.used_titles:
                self.ledger.place(cell, self.used_titles[line], ("label", "title"))
            else:
                self.ledger.report(cell, f"{zh}，未导入", f"{en}; not imported")

    def new_project(self, cell: Cell) -> tuple[Table, int]:
        """A table for the next project of a project list (the current one while empty)."""
        table = self.tables[-1]
        index = len(self.tables) - 1
        if table.header.name or table.indicators:
            table = Table(framework=self.framework)
            self.tables.append(table)
            index += 1
        return table, index

    def project(self, rows: list[list[Cell]], named: bool, name: Cell | None = None) -> None:
        index = len(self.tables)
        table = Table(framework=self.framework)
        self.tables.append(table)
        stream = self.grid.stream
        cells = [c for row in rows for c in row]
        found = find_heading(rows)
        amount = self.amount
        if found is None:
            before, body = split_at_levels(rows)
        else:
            before, head, body = found
            for cell in head:
                label = header_label(cell.text)
                kind = label.kind if label and label.kind == "columns" else "column"
                self.ledger.place(cell, index, ("label", kind))
        before = read_budget(before, table, index, self.ledger, amount)
        parse_header(before, table, index, self.ledger, stream=stream, amount=amount)
        profile, month = None, None
        if found is not None:
            profile = profile_of(head, half_titled(before))
            profile = profile and rebased(profile, found[0][-1] + head, body)
            if profile is not None and set(profile.slots) <= _VALUELESS_SLOTS:
                profile = None  # 二级指标 | 三级指标 alone (the rest scrambled away): guessed
            month = next(filter(None, (progress_month(c.text) for c in head)), None)
            total = self._score_heading(body, profile, index) if profile else None
            if profile is not None and total is not None:
                body = [[c for c in row if c is not total] for row in body]
                profile = Profile((*profile.slots, "weight"), (*profile.positions, None))
        if name is not None and not table.header.name:
            table.header.name = name.text
            self.ledger.place(name, index, ("project", "name"))
        body = self._cut_at_total([row for row in body if row], profile, (table, index))
        written: dict[int, set[str]] = {}
        signed = profile is not None and _sign_column(profile)
        body = [split_trailing_signs(row, join=not signed) for row in body]
        if profile is not None:
            body = self._value_parts(body, profile)
        if body and not stream:
            body = recentred(body) or body
        if body:
            stream = stream or one_cell_rows(body)
            nested = any(is_nested_top(c.text) for row in body for c in row)
            profile = profile or guess_profile(body, self.framework, stream=stream, nested=nested)
            reader = IndicatorReader(
                table,
                index,
                self.ledger,
                on_project=self.new_project,
                amount=lambda cell: self.amount(cell, cell.text),
                whole_rows=True,
                nested=nested,
                glued_explanations=self.grid.glued and "explanation" in profile.slots,
                month=month,
            )
            read_indicators(body, reader, profile=profile, stream=stream)
            written = reader.written
        labelled = any(row.level1 or row.level2 for row in table.indicators)
        # 项目名称 heading another table's columns (项目名称 | 预算数 | 执行数) names no project.
        named = named and bool(table.header.name or table.indicators)
        if len(self.tables) == index + 1 and not (
            named or found or labelled or self.ledger.uses_header(index)
        ):
            self.ledger.drop_table(index, "没有找到项目", "no project found", cells)
            self.tables.pop()
            return
        year = self.year_for(cells[0].line, cells[-1].line, index) if cells else self.year
        for n, made in enumerate(self.tables[index:], start=index):
            made.year = year
            self._guess_framework(made, written.get(n, set()))
            if made.stage in ("evaluation", "monitoring"):
                placed = [(self.ledger.placed.get(c.key), c) for c in cells]
                refs = {p.ref: c for p, c in placed if p is not None and p.table == n}
                computed = leave_computed if made.stage == "evaluation" else check_lights
                computed(made, self.ledger, refs)

    def _value_parts(self, body: list[list[Cell]], profile: Profile) -> list[list[Cell]]:
        """The rows' values put right for the heading's columns: a lone ≥ or % is its
        value's where no column holds it; a glued sign or twin value cut where one does."""
        signs = not _sign_column(profile)
        units = "unit" not in profile.slots
        body = [join_value_parts(row, signs=signs, units=units) for row in body]
        if not signs and self.grid.glued:  # 预算执行率10%=100: the sign has a column
            body = [split_signs(row) for row in body]
        if "actual" in profile.slots and self.grid.glued:  # 按期完成投资1010: 10 and 10
            body = [split_twins(row) for row in body]
        return body

    def _score_heading(self, body: list[list[Cell]], profile: Profile, index: int) -> Cell | None:
        """A bare number right after the heading, before the first 一级/二级 name: the
        total heading a self-evaluation's 分值 column (``50``), placed as its heading (not
        under a 序号 column, where it is the first row's number)."""
        cells = [c for row in body for c in row][:2]
        if "weight" in profile.slots or "seq" in profile.slots or len(cells) < 2:
            return None
        if not (is_weight(cells[0].text) and is_level(cells[1].text, strong=True)):
            return None
        self.ledger.place(cells[0], index, ("label", "column"))
        return cells[0]

    def _fields_above(self, rows: list[list[Cell]], start: int, previous: int | None) -> int:
        """Where a project starting at a 项目名称 row really starts: header fields on the
        lines just above it (预算单位：…, 编制单位：…) are its own — above the first
        project, or after the previous project's indicator block, not inside its header."""
        floor = 0 if previous is None else previous + 1
        top = start
        while top > floor:
            if has_field(rows[top - 1]):
                top -= 1
            elif self.grid.stream and top - 2 >= floor and has_field(rows[top - 2]):
                top -= 2  # one cell per line: the label, then its value
            else:
                break
        if top < start and previous is not None and find_heading(rows[previous:top]) is None:
            return start
        return top

    def _cut_at_total(
        self, body: list[list[Cell]], profile: Profile | None, target: tuple[Table, int]
    ) -> list[list[Cell]]:
        """The indicator rows up to a 合计 row; what follows is reported, but for the
        self-evaluation's closing texts (评价结论 …)."""
        if not body:
            return body
        start = body[0][0].line
        stop = min((line for line in self.stops + self.ends if line > start), default=None)
        cells = [c for row in body for c in row]
        values = set() if profile is None else profile.value_positions()
        # A 合计 or 总分 standing in a value column is a value, not the total row.
        total = next(
            (c for c in cells if _TOTAL.match(c.text) and not (c.tabular and c.index in values)),
            None,
        )
        reason = ("合计行之后的文字", "text after the total row")
        if total is not None and (stop is None or total.line <= stop):
            after = cells[cells.index(total) :]
        elif stop is not None:
            after = [c for c in cells if c.line > stop]
            reason = ("表格结束之后的文字", "text after the table's end")
        else:
            return body
        gone = {c.key for c in after}
        kept = [[c for c in row if c.key not in gone] for row in body]
        used = read_closing(after, *target, self.ledger)
        for cell in after:
            if cell not in used:
                self.ledger.report(cell, *reason)
        return [row for row in kept if row]

    def _guess_framework(self, table: Table, written: set[str]) -> None:
        """2021 when 成本指标 stands as a 一级: in a row, or written over placeholder rows."""
        level1 = written | {canonical_level1(row.level1) for row in table.indicators}
        if self.forced is None and "成本指标" in level1:
            table.framework = "2021"

    def run(self) -> None:
        rows = self.drop_furniture(self.grid.rows)
        if not self.grid.stream:
            rows = centred_values(rows)  # 兰溪路-真南路下立交工 / 项目名称 … / 程
        if self.grid.glued:
            rows = [part for row in rows for part in projects_in_line(row)]
        starts = [r for r, row in enumerate(rows) if is_project_start(row)]
        for n, start in enumerate(starts):
            starts[n] = self._fields_above(rows, start, starts[n - 1] if n else None)
        listed = (
            []
            if starts
            else bracket_projects([(row[0].line, row[0].text) for row in rows], self.grid.bracketed)
        )
        for found in listed:
            name = rows[found.name][0] if found.name is not None else None
            self.project(rows[found.start : found.end], named=True, name=name)
        if not starts and not listed:
            self.project(rows, named=False)
        else:
            if starts and indicator_block(rows[: starts[0]]):  # a table without 项目名称 first
                self.project(rows[: starts[0]], named=False)
            for n, start in enumerate(starts):
                end = starts[n + 1] if n + 1 < len(starts) else len(rows)
                self.project(rows[start:end], named=True)
        self._titles()
        if starts:
            preamble = [c for row in rows[: starts[0]] for c in row]
            self.ledger.sweep(preamble, "表格之外的文字", "text outside any table")
        self.ledger.sweep(self.grid.cells(), "未识别的单元格", "cell not recognised")


def _sign_column(profile: Profile) -> bool:
    """Whether the block has a column for a value's sign (指标性质, 指标方向)."""
    return bool({"nature", "direction"} & set(profile.slots))


def import_grid(grid: Grid, framework: str | None, year: int | None) -> tuple[list[Table], Ledger]:
    """Every project found in ``grid``, and the ledger of where each cell went."""
    importer = _Importer(grid, framework, year)
    importer.run()
    return importer.tables, importer.ledger
