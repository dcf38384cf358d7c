"""Read the header block: project fields, funding and goals, by label.

Each label cell's value is the next non-empty cell after it on the same line
(in a stream, simply the next cell) unless that cell is itself a label, which
means the value is blank. Funding sub-labels (其中:财政拨款, 其他资金) go to
the columns the totals declared, in order: the first 财政拨款 to the first
declared column, the second to the second. Goal labels with no text beside
them wait for the texts on a following line, matched in the same left-to-right
order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from tui.fields import field_of
from tui.importing.cells import Cell
from tui.importing.labels import (
    WEAK,
    Label,
    furniture,
    goal_period,
    header_label,
    normalise,
    says_yuan,
    split_department,
)
from tui.importing.ledger import Ledger
from tui.importing.levels import is_level
from tui.model import COLUMNS, Table

Amount = Callable[[Cell, str, bool], Decimal | None]  # (cell, text, in 元 by the label)
_AMOUNT = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_UNIT = re.compile(r"(万元|元)$")
_AMOUNT_TAIL = re.compile(r"[,，\s]*(?:其中)?[;；。、:：\s]*$")  # 100万元，其中： / 20万元。
_FUNDING_KINDS = ("funding", "total", "fiscal", "other", "unit")  # labels that may say 元
_OTHER_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]$")  # 评价时间: a label not ours, no value
_GOAL_MIN = 6  # a goal is a sentence, not a word
_LABEL_PIECE = 2  # …and never as short as a piece of a wrapped label
_WRAP_PIECES = 4  # a header value wrapped in its cell: at most this many lines
# Section labels over the goals that hold the goal's text when no 中期/年度 label follows
# (not 绩效目标: also a word of the form's title).
_OVERALL_GOAL = ("总体目标", "总体绩效目标")


def parse_amount(text: str) -> Decimal | None:
    """ "103.00" → ``Decimal("103.00")``; "1,234.5万元" → ``Decimal("1234.5")``; "100万元，其中"
    (a sentence's amount before its parts) → ``Decimal("100")``; else ``None``."""
    text = unicodedata.normalize("NFKC", amount_text(text)).replace(",", "").replace(" ", "")
    text = _UNIT.sub("", text)
    return Decimal(text) if _AMOUNT.match(text) else None


def amount_text(text: str) -> str:
    """``text`` without the clause after its amount: ``1000000元，其中：`` → ``1000000元``."""
    return _AMOUNT_TAIL.sub("", text.strip())


def _given_elsewhere(ref: tuple) -> tuple[str, str]:
    """Why a weak label's value (预算单位, 单位名称) is not used: a stronger label gave it."""
    field = field_of(ref)
    return f"另有{field.zh}，未用", f"a {field.zh} is given elsewhere"


class _Header:
    def __init__(
        self, table: Table, index: int, ledger: Ledger, stream: bool, amount: Amount | None
    ) -> None:
        self.amount = amount or (lambda cell, text, yuan: parse_amount(text))
        self.yuan = False  # a funding label says 元: 项目资金（元）
        self.either = "annual"  # the column a bare 资金总额 names
        self.table = table
        self.index = index
        self.ledger = ledger
        self.stream = stream
        self.columns: list[str] = []
        self.taken: dict[str, list[str]] = {"fiscal": [], "other": []}  # columns given a value
        self.pending: list[tuple[tuple, Cell]] = []
        self.filled: set[tuple] = set()
        self.weak: dict[tuple, Cell] = {}  # fields filled by a weak label (预算单位)
        self.grid: list[tuple[int, str]] = []  # (cell index, column) of a 中期/年度 heading
        self.dates: dict[str, str] = {}  # period_start / period_end: the period in two fields

    def grid_row(self, flat: list, labels: list, i: int, key: str) -> int:
        """Read a funding row under 中期/年度 headings; return the index after it."""
        row = flat[i - 1][0]
        by_index = dict(self.grid)
        free = [column for _, column in self.grid]
        while i < len(flat) and free and labels[i] is None and (self.stream or flat[i][0] == row):
            cell = flat[i][1]
            column = by_index.get(cell.index) if not self.stream else None
            column = column if column in free else free[0]
            free.remove(column)
            self.store(cell, ("funding", column, key), cell.text)
            i += 1
        return i

    def put(self, cell: Cell, ref: tuple, value: object, *, weak: bool = False) -> None:
        if weak and ref in self.filled:
            self.ledger.report(cell, *_given_elsewhere(ref))
            return
        if ref in self.weak and not weak:
            self.ledger.report(self.weak.pop(ref), *_given_elsewhere(ref))
            self.filled.discard(ref)
        if weak:
            self.weak[ref] = cell
        if ref in self.filled:
            self.ledger.report(cell, "重复的表头字段", "duplicate header field")
            return
        self.filled.add(ref)
        self.table.set(ref, value)
        self.ledger.place(cell, self.index, ref)

    def store(self, cell: Cell, ref: tuple, text: str) -> None:
        """Store ``text`` (written in ``cell``) at ``ref``."""
        if ref == ("unmapped",):
            self.ledger.report(
                cell, "表头字段在格式中无对应位置，未导入", "header field not in the format"
            )
        elif ref in (("project", "department"), ("project", "department" + WEAK)):
            dept, code = split_department(text)
            self.put(cell, ("project", "department"), dept, weak=ref[1].endswith(WEAK))
            if code:
                self.table.header.department_code = code
        elif ref[0] == "project" and ref[1].endswith(WEAK):
            self.put(cell, ("project", ref[1].removesuffix(WEAK)), text, weak=True)
        elif ref in (("project", "period_start"), ("project", "period_end")):
            self._date(cell, ref[1], text)
        elif ref[0] == "funding":
            value = self.amount(cell, text, self.yuan)
            if value is None:
                self.ledger.report(cell, "不是金额，未填入", "not an amount; left blank")
            else:
                self.put(cell, ref, value)
        else:
            self.put(cell, ref, text)

    def _date(self, cell: Cell, key: str, text: str) -> None:
        """One end of a period written in two fields: the period is 开始至完成."""
        if key in self.dates or (("project", "period") in self.filled and not self.dates):
            self.ledger.report(cell, "重复的表头字段", "duplicate header field")
            return
        self.dates[key] = text
        start, end = self.dates.get("period_start", ""), self.dates.get("period_end", "")
        self.table.header.period = f"{start}至{end}" if start and end else start or end
        self.filled.add(("project", "period"))
        self.ledger.place(cell, self.index, ("project", "period"))

    def target(self, cell: Cell, label: Label) -> tuple | None:
        """The field ``label`` names, or ``None`` when it takes no value."""
        if label.kind == "field":
            return ("project", label.arg)
        if label.kind == "unmapped":
            return ("unmapped",)
        if label.kind == "goal":
            period = goal_period(cell.text) if label.arg == "medium" else ""
            if period:
                self.put(cell, ("goals", "medium_period"), period)
            return ("goals", label.arg)
        if label.kind == "total":
            column = self.either if label.arg == "either" else label.arg
            self.columns.append(column)
            return ("funding", column, "total")
        if label.kind in self.taken:
            taken = self.taken[label.kind]
            order = self.columns + [c for c in COLUMNS if c not in self.columns]
            free = [c for c in order if c not in taken]
            if free:
                chosen = label.arg if label.arg in free else free[0]
                taken.append(chosen)
                return ("funding", chosen, label.kind)
            self.ledger.report(cell, "多余的资金标签", "extra funding label")
        return None

    def fill_pending(self, texts: list[Cell]) -> None:
        """Give goal texts to the goal labels waiting for them, left to right (a word of
        a label wrapped in the form's first column, ``项目`` / ``绩效`` / ``目标``, is none)."""
        texts = [t for t in texts if _may_be_goal(t.text)]
        if not texts:  # a line of label pieces: in a grid, the goals' texts are not beside
            self.pending = self.pending if self.stream else []
            return
        if self.stream or len(texts) == len(self.pending):
            pairs = list(zip(self.pending, texts))
        else:
            pairs = []
            for text in texts:
                left = [p for p in self.pending if p[1].index <= text.index]
                pairs.append((left[-1] if left else self.pending[0], text))
        for (ref, _), text in pairs:
            self.store(text, ref, text.text)
        self.pending = self.pending[len(pairs) :] if self.stream else []


def parse_header(
    rows: list[list[Cell]],
    table: Table,
    index: int,
    ledger: Ledger,
    *,
    stream: bool,
    amount: Amount | None = None,
) -> int:
    """Fill ``table``'s header, funding and goals from ``rows``.

    Returns the number of leading rows that belong to the header (the rows up
    to the last one in which a cell was used).
    """
    reader = _Header(table, index, ledger, stream, amount)
    flat = [(r, cell) for r, row in enumerate(rows) for cell in row]
    labels = [header_label(cell.text) for _, cell in flat]
    if any(lab and lab.kind == "total" and lab.arg == "annual" for lab in labels):
        reader.either = "medium"
    reader.yuan = any(
        lab and lab.kind in _FUNDING_KINDS and says_yuan(cell.text)
        for lab, (_, cell) in zip(labels, flat)
    )
    last = -1
    i = 0
    while i < len(flat):
        r, cell = flat[i]
        label = labels[i]
        i += 1
        if label is None:
            if reader.pending and not ledger.seen(cell):
                reader.fill_pending([cell] if stream else _texts_of(rows[r], ledger))
                last = r
            continue
        if label.kind in ("column", "columns"):
            ledger.place(cell, index, ("label", label.kind))
            if label.arg == "actual" and reader.pending:  # 年度总体目标 | 实际完成情况
                reader.pending.append((("evaluation", "goal_actual"), cell))
                last = r
            continue
        ledger.place(cell, index, ("label", label.kind))
        last = r
        if label.kind == "fundcol":
            reader.grid.append((cell.index, label.arg))
            continue
        if label.kind in ("total", "fiscal", "other") and reader.grid:
            i = reader.grid_row(flat, labels, i, label.kind)
            continue
        ref = reader.target(cell, label)
        if (
            ref is None
            and normalise(cell.text) in _OVERALL_GOAL
            and _text_follows(flat, labels, i, stream)
        ):
            ref = ("goals", "annual")  # 【总体目标】 and its text, no 中期/年度 split
        if ref is None:
            continue
        if label.inline is not None:
            reader.store(cell, ref, label.inline)
        elif ref[0] == "goals" and reader.pending:
            reader.pending.append((ref, cell))
        elif (
            i < len(flat)
            and labels[i] is None
            and not _OTHER_LABEL.match(flat[i][1].text)
            and (stream or flat[i][0] == r or (label.kind == "field" and _ends_row(flat, i - 1)))
        ):
            wrapped = stream and label.kind == "field"
            value, used = _wrapped(flat, labels, i) if wrapped else (flat[i][1], 1)
            reader.store(value, ref, value.text)
            i += used
        elif ref[0] == "goals":
            reader.pending.append((ref, cell))
    return last + 1


def _wrapped(flat: list[tuple[int, Cell]], labels: list[Label | None], i: int) -> tuple[Cell, int]:
    """The value at ``i`` of a field label, one cell per line, and how many cells it takes:
    a PDF cell's text wrapped over lines (``普陀区城市管理行政执`` / ``法局执法大队``,
    ``阶段`` / ``性项`` / ``目``) when the pieces fill the gap to the next label, all but
    the last of one width (the cell's), none shorter than the last, none a number."""
    end = i
    while end < len(flat) and labels[end] is None and end - i < _WRAP_PIECES:
        end += 1
    pieces = [cell for _, cell in flat[i:end]]
    whole = (
        len(pieces) > 1
        and end < len(flat)
        and labels[end] is not None
        and all(len(p.text) >= len(pieces[-1].text) for p in pieces)
        and max(len(p.text) for p in pieces[:-1]) - min(len(p.text) for p in pieces[:-1]) <= 1
        and not any(ch.isdigit() for p in pieces for ch in p.text)
    )
    if not whole:
        return flat[i][1], 1
    joined = replace(pieces[0], text="".join(p.text for p in pieces), parts=tuple(pieces))
    return joined, len(pieces)


def _text_follows(
    flat: list[tuple[int, Cell]], labels: list[Label | None], i: int, stream: bool
) -> bool:
    """Whether cell ``i`` is a text (no label, level or number) read with the label before it."""
    if i >= len(flat) or labels[i] is not None:
        return False
    text = flat[i][1].text
    beside = stream or flat[i][0] == flat[i - 1][0]
    return beside and not is_level(text) and not parse_amount(text) and len(text) > _GOAL_MIN


def _may_be_goal(text: str) -> bool:
    """Not a piece of a wrapped label, page furniture (``填报单位(盖章)``), the rest of a
    cut-off list item (``、…``), a 一级/二级 name or an amount."""
    if len(text) <= _LABEL_PIECE or furniture(text) is not None or text.startswith("、"):
        return False
    return not is_level(text) and parse_amount(text) is None


def _ends_row(flat: list[tuple[int, Cell]], i: int) -> bool:
    """Whether cell ``i`` ends its row and a row follows (a value on the next line)."""
    return i + 1 < len(flat) and flat[i + 1][0] == flat[i][0] + 1


def _texts_of(row: list[Cell], ledger: Ledger) -> list[Cell]:
    return [c for c in row if header_label(c.text) is None and not ledger.seen(c)]
