"""A ``TableDiff`` as text (optionally coloured), Markdown or JSON-ready data.

Every value and name from a file goes through ``tui.escape`` (``printable`` in
text, ``markdown_cell`` in Markdown, ``json_safe`` by the caller for JSON), so a
control character in a cell can never act on the terminal or break a line.
Labels come from the field schema (``tui.fields``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tui.escape import markdown_cell, printable
from tui.fields import FieldRef, describe, field_of, is_field
from tui.history.cells import ROWS, cell_ref, cells, row_holder, row_parts
from tui.history.diff import CellChange, RowChange, TableDiff
from tui.model import Indicator
from tui.tomlfile.tomltext import render_decimal, render_value

BLANK = "（空）"
_IN_PATH = ("level1", "level2", "name")
KIND_ZH = {"added": "新增", "removed": "删除", "moved": "移动", "changed": "修改"}
LOWERED = "▼ 目标降低（target lowered）"
AFTER_APPROVAL = "⚠ 批复后修改（changed after approval）"
_SGR = {
    "added": "32",
    "removed": "31",
    "moved": "36",
    "changed": "33",
    "old": "31",
    "new": "32",
    "flag": "1;35",
    "title": "1",
}


class Style:
    """ANSI colours for a terminal, or none."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, role: str, text: str) -> str:
        """``text`` in the colour of ``role`` (already escaped text only)."""
        return f"\x1b[{_SGR[role]}m{text}\x1b[0m" if self.color and text else text


def value_text(value: Any) -> str:
    """A cell value as one line of plain text (not yet escaped)."""
    if value is None or value == "":
        return BLANK
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return render_decimal(value)
    return render_value(value)


def field_label(ref: FieldRef) -> str:
    """``项目期``, ``年度资金总额``, ``年度值``; an unknown key as ``项目信息 owner``."""
    if ref[0] == "indicators":
        label = field_of(ref).short if is_field(ref) else str(ref[-1])
        return f"{ref[3]}月监控 {label}" if len(ref) == 5 and ref[2] == "monitoring" else label
    if is_field(ref):
        return describe(ref)
    return " ".join(p for p in (describe(ref[:-1]) if len(ref) > 1 else "", ref[-1]) if p)


def row_path(row: Indicator) -> str:
    """``产出指标 › 数量指标 › 培训场次`` (not yet escaped)."""
    return " › ".join(str(part) for part in (row.level1, row.level2, row.name))


def listed_cells(row: Indicator) -> list[tuple[FieldRef, Any]]:
    """The non-blank cells of a row and its monitoring months, less the names in its heading.

    References use row index 0.
    """
    listed = []
    for part in row_parts([row]):
        for key, value in cells(row_holder(row, part), part).items():
            if part != ROWS or key not in _IN_PATH:
                listed.append((cell_ref(part, key, 0), value))
    return listed


def _all_cells(row: Indicator) -> list[tuple[FieldRef, Any]]:
    """Every non-blank cell of a row and its months (references use row index 0)."""
    return [
        (cell_ref(part, key, 0), value)
        for part in row_parts([row])
        for key, value in cells(row_holder(row, part), part).items()
    ]


def _flags(change: CellChange) -> list[str]:
    return [LOWERED] * change.lowered + [AFTER_APPROVAL] * change.after_approval


def _row_heading(row: RowChange) -> tuple[str, str]:
    """(kind, ``第3行`` / ``原第5行`` / ``第6行（原第1行）``)."""
    kind = row.kind
    if row.new_index is None:
        return kind, f"原第{(row.old_index or 0) + 1}行"
    where = f"第{row.new_index + 1}行"
    if row.moved and row.old_index is not None:
        where += f"（原第{row.old_index + 1}行）"
    return kind, where


def text_lines(diff: TableDiff, style: Style) -> list[str]:
    """The diff as lines of text: one per changed cell, a heading per row."""
    lines = []
    for change in diff.fields:
        lines.append(_cell_line(change, style, field_label(change.ref)))
    for row in diff.rows:
        kind, where = _row_heading(row)
        heading = f"{style(kind, KIND_ZH[kind])} {where} {printable(row_path(row.row))}"
        if row.after_approval:
            heading += "  " + style("flag", AFTER_APPROVAL)
        lines.append(heading)
        if kind in ("added", "removed"):
            mark, role = ("+", "new") if kind == "added" else ("-", "old")
            for ref, value in listed_cells(row.row):
                label = field_label(ref)
                lines.append(f"  {mark} {label}: {style(role, printable(value_text(value)))}")
        for change in row.cells:
            lines.append("  " + _cell_line(change, style, field_label(change.ref)))
    return lines


def _cell_line(change: CellChange, style: Style, label: str) -> str:
    old = style("old", printable(value_text(change.old)))
    new = style("new", printable(value_text(change.new)))
    line = f"{printable(label)}: {old} → {new}"
    for flag in _flags(change):
        line += "  " + style("flag", flag)
    return line


def markdown_rows(diff: TableDiff) -> list[str]:
    """The diff as the rows of a Markdown table: 位置 | 字段 | 原值 | 新值 | 说明."""
    out = []

    def add(where: str, label: str, old: Any, new: Any, notes: list[str]) -> None:
        cells = [where, label, value_text(old), value_text(new), "；".join(notes)]
        out.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")

    for change in diff.fields:
        section = describe(change.ref[:1]) if len(change.ref) > 1 else ""
        add(section, field_label(change.ref), change.old, change.new, _flags(change))
    for row in diff.rows:
        kind, where = _row_heading(row)
        where = f"{where} {row_path(row.row)}"
        notes = [KIND_ZH[kind]] + [AFTER_APPROVAL] * row.after_approval
        if kind in ("added", "removed"):
            for ref, value in listed_cells(row.row):
                old, new = (None, value) if kind == "added" else (value, None)
                add(where, field_label(ref), old, new, notes)
        elif not row.cells:
            add(
                where,
                "",
                f"第{(row.old_index or 0) + 1}行",
                f"第{(row.new_index or 0) + 1}行",
                notes,
            )
        for change in row.cells:
            add(where, field_label(change.ref), change.old, change.new, notes + _flags(change))
    return out


MARKDOWN_HEADER = ["| 位置 | 字段 | 原值 | 新值 | 说明 |", "|---|---|---|---|---|"]


def json_value(value: Any) -> Any:
    """A cell value for JSON: ``Decimal`` and dates as their exact text."""
    if isinstance(value, Decimal):
        return render_decimal(value)
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def _json_cell(change: CellChange) -> dict[str, Any]:
    return {
        "ref": list(change.ref),
        "field": field_label(change.ref),
        "old": json_value(change.old),
        "new": json_value(change.new),
        "lowered": change.lowered,
        "after_approval": change.after_approval,
    }


def json_data(diff: TableDiff) -> dict[str, Any]:
    """The diff as JSON-ready data (row indexes 0-based, as in field references)."""
    rows = []
    for row in diff.rows:
        rows.append(
            {
                "kind": row.kind,
                "old_index": row.old_index,
                "new_index": row.new_index,
                "moved": row.moved,
                "path": [json_value(row.row.level1), json_value(row.row.level2), row.row.name],
                "after_approval": row.after_approval,
                "cells": [_json_cell(c) for c in row.cells],
                "row": (
                    {".".join(map(str, ref[2:])): json_value(v) for ref, v in _all_cells(row.row)}
                    if row.kind in ("added", "removed")
                    else None
                ),
            }
        )
    return {
        "approved": diff.approved,
        "fields": [_json_cell(c) for c in diff.fields],
        "rows": rows,
    }
