"""Read the indicator block row by row.

The block's columns come as a ``Profile`` (``tui.importing.profiles``: from the
heading row, or guessed from the rows). Each row is read with
``tui.importing.align``; 一级 and 二级 carry down over the blank cells merged
cells leave, and a 二级 whose 一级 was never written (or stands on the middle
row of its merged range) gets the 一级 its framework puts it under. Extra
columns go to the format's optional row fields (性质, 单位, 权重, 依据, 解释,
备注); self-evaluation columns are reported. A ``项目名称`` column starts one
table per project (``on_project``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from tui.fields import CAUSES, field_of
from tui.importing.align import NAME_SLOTS, Profile, Reading, Scorer, align
from tui.importing.cells import Cell
from tui.importing.columns import (
    EVALUATION_SLOTS,
    MONITORING_SLOTS,
    UNKEPT,
    VALUE_SLOTS,
    is_other,
    other_reason,
)
from tui.importing.continued import group_rows, join_continued, name_rest
from tui.importing.glued import split_explanation, unwrap_name
from tui.importing.heading import is_heading_row
from tui.importing.labels import closing_section, header_label
from tui.importing.ledger import Ledger
from tui.importing.levels import (
    canonical_level1,
    clean_level,
    is_category,
    is_known_level1,
    owns,
    parent_of,
    respell,
    same_level1,
    same_level2,
)
from tui.importing.runs import LONG_ROW, segment
from tui.importing.shapes import is_placeholder, is_quantity
from tui.model import Indicator, Monitoring, Table

_ROW_FIELDS = ("nature", "unit", "basis", "explanation", "remark")
_GROUP_ROW = ("分组行（只有分值、得分），未导入", "a group row (scores only)")
_PROJECT_SLOTS = ("project", "unit_name", "budget", "goal")
_PLACEHOLDER = ("模板占位，未导入", "template placeholder; not imported")
_CLOSING = ("表后说明栏，未导入", "notes section after the table; not imported")
_MONTHLESS = (
    "监控列没有月份（应有“1–N月完成情况”列），未导入",
    "monitoring column without a month; not imported",
)


class IndicatorReader:
    """Turn readings into ``Indicator`` rows, carrying 一级/二级 down."""

    def __init__(
        self,
        table: Table,
        index: int,
        ledger: Ledger,
        *,
        on_project: Callable[[Cell], tuple[Table, int]] | None = None,
        amount: Callable[[Cell], Decimal | None] | None = None,
        whole_rows: bool = False,
        nested: bool = False,
        glued_explanations: bool = False,
        month: int | None = None,
    ) -> None:
        self.whole_rows = whole_rows  # a row needs a value or a 一级/二级 (a full table's rows)
        self.nested = nested  # the block names the top of a nested tree (实施效果指标)
        # a glued paste whose heading has a 指标解释 column: a name may hold its explanation
        self.glued_explanations = glued_explanations
        self.month = month  # a monitoring form's month (1–6月完成情况): its columns fill it
        self.table = table
        self.index = index
        self.ledger = ledger
        self.on_project = on_project
        self.amount = amount
        self.scorer = Scorer(table.framework, nested=nested)
        self.level: dict[str, tuple[str, Cell | None] | None] = {"l1": None, "l2": None}
        self.used: dict[str, bool] = {"l1": True, "l2": True}
        self.written: dict[int, set[str]] = {}  # 一级 names written in each table's block

    def _set(self, slot: str, text: str | None, cell: Cell | None) -> None:
        old = self.level[slot]
        if old is not None and old[1] is not None and not self.used[slot]:
            self.ledger.report(old[1], "指标分类下没有指标行", "category with no indicator rows")
        self.level[slot] = None if text is None else (text, cell)
        self.used[slot] = cell is None
        if slot == "l1" and text is not None and cell is not None:
            self.written.setdefault(self.index, set()).add(canonical_level1(text))

    def _label(self, cell: Cell) -> str:
        label, note = clean_level(cell.text)
        if note:
            self.ledger.note(cell, f"标签注释“{note}”已去掉", f"annotation “{note}” dropped")
        spelled = respell(label)
        if spelled != label:
            self.ledger.note(cell, f"“{label}”读作“{spelled}”", f"“{label}” read as “{spelled}”")
        return spelled

    def _levels(self, slots: dict[str, Cell]) -> None:
        l1, l2 = self.level["l1"], self.level["l2"]
        if "l1" in slots:
            text = self._label(slots["l1"])
            keep = l2 is not None and owns(text, l2[0])
            keep = keep and (l1 is None or l1[1] is None or same_level1(l1[0], text))
            self._set("l1", text, slots["l1"])
            if not keep:
                self._set("l2", None, None)
        l2b = slots.get("l2b")
        if "l2" in slots or l2b is not None:
            cell = slots.get("l2") or l2b
            assert cell is not None
            self._set("l2", self._label(cell), cell)
        if l2b is not None and "l2" in slots and not same_level2(slots["l2"].text, l2b.text):
            self.ledger.report(l2b, "年度列二级指标与中期列不同，未保存", "annual 二级 differs")
        elif l2b is not None and "l2" in slots:
            self.ledger.place(l2b, self.index, ("label", "level2"))
        l1, l2 = self.level["l1"], self.level["l2"]
        if l2 is not None and (l1 is None or not owns(l1[0], l2[0])):
            parent = parent_of(l2[0], self.table.framework)
            if parent and (l1 is None or l1[1] is None or is_known_level1(l1[0])):
                self._set("l1", parent, None)

    def add(self, reading: Reading) -> None:
        """Add the row ``reading`` describes (or only update 一级/二级, or start a project)."""
        slots = reading.slots
        if any(s in slots for s in _PROJECT_SLOTS):
            self._project(slots)
        self._levels(slots)
        if not any(s in slots for s in ("name", "name_b", "annual_name", *VALUE_SLOTS)):
            for slot, cell in slots.items():
                if slot not in ("l1", "l2", "l2b", *_PROJECT_SLOTS):
                    self.ledger.report(cell, "指标行缺少三级指标", "no indicator name in the row")
            return
        filled = [c for s, c in slots.items() if s in (*NAME_SLOTS, *VALUE_SLOTS)]
        if all(is_placeholder(c.text) for c in filled):
            for slot, cell in slots.items():
                if slot not in ("l1", "l2", "l2b"):
                    self.ledger.report(cell, *_PLACEHOLDER)
            return
        if not any(s in slots for s in VALUE_SLOTS) and all(is_category(c.text) for c in filled):
            for cell in filled:  # 生态效益指标 / 可持续影响指标: two empty groups, no row
                self.ledger.report(cell, "指标分类下没有指标行", "category with no indicator rows")
            return
        bare = self.level["l1"] is None and self.level["l2"] is None
        names = [slots[s].text for s in NAME_SLOTS if s in slots]
        numeric = all(is_quantity(n) for n in names)
        if self.whole_rows and (bare or numeric) and not any(s in slots for s in VALUE_SLOTS):
            for cell in slots.values():
                self.ledger.report(cell, "既无指标值也无指标分类", "neither a value nor a category")
            return
        self._row(slots)

    def _project(self, slots: dict[str, Cell]) -> None:
        cells = [slots[s] for s in _PROJECT_SLOTS if s in slots]
        if self.on_project is None or "project" not in slots:
            for cell in cells:
                self.ledger.report(
                    cell, "项目列不在指标行中", "project column outside a project list"
                )
            return
        self.finish()
        self.table, self.index = self.on_project(slots["project"])
        self.scorer = Scorer(self.table.framework, nested=self.nested)
        self.level = {"l1": None, "l2": None}
        self.used = {"l1": True, "l2": True}
        self.ledger.place(slots["project"], self.index, ("project", "name"))
        self.table.header.name = slots["project"].text
        if "unit_name" in slots:
            self.table.header.implementer = slots["unit_name"].text
            self.ledger.place(slots["unit_name"], self.index, ("project", "implementer"))
        if "goal" in slots:
            self.table.goals.annual = slots["goal"].text
            self.ledger.place(slots["goal"], self.index, ("goals", "annual"))
        if "budget" in slots:
            value = self.amount(slots["budget"]) if self.amount else None
            if value is None:
                self.ledger.report(slots["budget"], "不是金额，未填入", "not an amount; left blank")
            else:
                self.table.funding.annual.total = value
                self.ledger.place(slots["budget"], self.index, ("funding", "annual", "total"))

    def _row(self, slots: dict[str, Cell]) -> None:
        i = len(self.table.indicators)
        row = Indicator()
        refs: list[tuple[Cell, str]] = []
        watched: list[tuple[Cell, str]] = []  # cells of the month's monitoring
        for slot, field_key in (("l1", "level1"), ("l2", "level2")):
            level = self.level[slot]
            if level is not None:
                setattr(row, field_key, level[0])
                if not self.used[slot] and level[1] is not None:
                    refs.append((level[1], field_key))
                self.used[slot] = True
        names = {"name": "name", "name_b": "annual_name", "annual_name": "annual_name"}
        for slot, cell in slots.items():
            key: str | None = names.get(slot)
            if key is None and slot in (*_ROW_FIELDS, "medium", "annual"):
                key = slot
            if key is not None:
                setattr(row, key, self._text(cell, key))
                refs.append((cell, key))
            elif slot in ("weight", "score"):
                self._number(row, slot, cell, refs)
            elif slot in MONITORING_SLOTS and self.month is not None:
                month = row.monitoring.setdefault(self.month, Monitoring())
                setattr(month, slot, cell.text)
                if slot == "reason" and "cause" not in slots:  # 其他：培训安排在第四季度
                    month.cause, month.reason = _cause_and_reason(cell.text)
                watched.append((cell, slot))
            elif slot == "warning" and self.month is not None:  # checked once the row is in
                watched.append((cell, slot))
            elif slot in MONITORING_SLOTS and slot not in EVALUATION_SLOTS:
                self.ledger.report(cell, *_MONTHLESS)
            elif slot in EVALUATION_SLOTS and closing_section(cell.text):
                self.ledger.report(cell, *_CLOSING)  # 说明无 glued at the end of the last row
            elif slot in EVALUATION_SLOTS:
                setattr(row, EVALUATION_SLOTS[slot], cell.text)
                refs.append((cell, EVALUATION_SLOTS[slot]))
            elif slot == "seq":  # the row's number: its place in the table says it
                self.ledger.place(cell, self.index, ("label", "row number"))
            elif slot in UNKEPT:
                self.ledger.report(cell, *UNKEPT[slot])
            elif is_other(slot):
                self.ledger.report(cell, *other_reason(slot))
        if self.glued_explanations and row.explanation is None and "name" in slots:
            self._explained(row, slots["name"])
        if "name" not in slots and row.annual_name is not None:
            row.name, row.annual_name = row.annual_name, None
            refs = [(c, "name" if k == "annual_name" else k) for c, k in refs]
        elif row.annual_name == row.name:
            row.annual_name = None
        if any(getattr(row, key) is not None for key in EVALUATION_SLOTS.values()):
            self.table.stage = self.table.stage or "evaluation"  # a self-evaluation's row
        if watched:
            self.table.stage = self.table.stage or "monitoring"
        self.table.indicators.append(row)
        for cell, key in refs:
            self.ledger.place(cell, self.index, ("indicators", i, key))
        for cell, key in watched:
            self.ledger.place(cell, self.index, ("indicators", i, "monitoring", self.month, key))

    def _explained(self, row: Indicator, cell: Cell) -> None:
        """``补助人数实际发放解困工资人数`` → 三级 ``补助人数``, 指标解释 the rest (noted)."""
        split = split_explanation(row.name)
        if split is not None:
            row.name, row.explanation = split
            self.ledger.note(
                cell,
                f"三级指标与指标解释连在一起，已分开：{split[0]}",
                f"name and explanation glued; split after {split[0]}",
            )

    def _text(self, cell: Cell, key: str) -> str:
        """A cell's text for field ``key``; a name loses its line-wrap spaces (noted)."""
        if key not in ("name", "annual_name"):
            return cell.text
        text = unwrap_name(cell.text)
        if text != cell.text:
            self.ledger.note(
                cell, f"删去了换行留下的空格：{text}", f"line-wrap spaces removed: {text}"
            )
        return text

    def _number(self, row: Indicator, key: str, cell: Cell, refs: list[tuple[Cell, str]]) -> None:
        """A 权重 (``20%`` as 20) or a 得分 into ``row``; a text that is no number reported."""
        field = field_of(("indicators", 0, key))
        try:
            setattr(row, key, field.parse(cell.text.rstrip("%％")))
        except ValueError:
            zh, en = field.short, field.en
            self.ledger.report(cell, f"{zh}不是数字，未填入", f"{en} is not a number")
            return
        refs.append((cell, key))

    def finish(self) -> None:
        """Report a trailing 一级/二级 name that no row used."""
        self._set("l1", None, None)
        self._set("l2", None, None)


def _cause_and_reason(text: str) -> tuple[str | None, str]:
    """``其他：培训安排在第四季度`` → (``其他``, ``培训安排在第四季度``): a deviation's cause
    category written before its analysis, where the form has no column for it."""
    cause, colon, reason = text.partition("：")
    if colon and cause in CAUSES and reason:
        return cause, reason
    return None, text


def read_indicators(
    rows: list[list[Cell]], reader: IndicatorReader, *, profile: Profile, stream: bool
) -> None:
    """Append the indicator rows read from ``rows``; report what does not fit."""
    rows = [row for row in rows if not _repeated_heading(row, reader)]
    scorer = reader.scorer
    if stream:
        _read_run([c for row in rows for c in row], reader, profile)
    else:
        scored = bool({"weight", "score"} & set(profile.slots))
        rows, groups = group_rows([row for row in rows if row], scorer, scored=scored)
        for cell in groups:
            reader.ledger.report(cell, *_GROUP_ROW)
        for row in join_continued(rows, profile, scorer):
            reading = (
                align(row, profile, scorer) if len(row) <= len(profile.slots) + LONG_ROW else None
            )
            if reading is None:
                _read_run(row, reader, profile)
            else:
                reader.add(reading)
    reader.finish()


def _read_run(cells: list[Cell], reader: IndicatorReader, profile: Profile) -> None:
    heading = [_heading_label(c) for c in cells]
    repeated = {
        i
        for i in range(len(cells))
        if heading[i]
        and (
            (i and heading[i - 1])
            or (i + 1 < len(cells) and heading[i + 1])
            or _block_title(cells[i])
        )
    }
    for i in repeated:  # a heading repeated inside the block (a new page): labels
        reader.ledger.place(cells[i], reader.index, ("label", "column"))
    cells = [c for i, c in enumerate(cells) if i not in repeated]
    items = segment(cells, profile, reader.scorer)
    joined: set[int] = set()  # the rest of a name wrapped around its value, joined to it
    for n, item in enumerate(items):
        if isinstance(item, Reading):
            after = items[n + 1] if n + 1 < len(items) else None
            name = item.slots.get("name")
            whole = name_rest(name, after) if name and isinstance(after, Cell) else None
            if whole is not None:
                item.slots["name"] = whole
                joined.add(n + 1)
            reader.add(item)
        elif n not in joined:
            reader.ledger.report(item, "未能归入指标行", "not part of any indicator row")


def _heading_label(cell: Cell) -> bool:
    label = header_label(cell.text)
    return label is not None and label.kind in ("column", "columns")


def _block_title(cell: Cell) -> bool:
    """绩效指标, 年度绩效指标: the title of the indicator block, repeated on a new page."""
    label = header_label(cell.text)
    return label is not None and label.kind == "columns"


def _repeated_heading(row: list[Cell], reader: IndicatorReader) -> bool:
    """A heading row repeated inside the block (a page break): its cells used as labels
    (a project list's too: 项目名称 | 预算数 | … | 三级指标 | 指标值)."""
    labels = [header_label(c.text) for c in row]
    columns = all(lab is not None and lab.kind in ("column", "columns") for lab in labels)
    if not columns and not is_heading_row(row):
        return False
    for cell, label in zip(row, labels):
        reader.ledger.place(cell, reader.index, ("label", label.kind if label else "column"))
    return True
