"""The cells of a table as diff and merge see them: every value, known or unknown, by key.

A table is a few *sections* — the top level, ``[project]``, ``[funding]``,
``[funding.medium]``, ``[funding.annual]``, ``[goals]``, ``[execution]`` and its
per-source ``[execution.SOURCE]``, ``[evaluation]`` — and the rows. A row has
*parts*: the row itself (``ROWS``) and each monitoring month
(``("indicators", "monitoring", 6)``). Each section and part holds schema fields
(``tui.fields``) and unknown keys (its ``extra``); the top level also holds the
``[check]`` table as one value. A cell is one key of one section or part; an
absent key reads as ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.fields import SOURCES, TEXT, FieldRef, field_of, keys
from tui.model import Indicator, Monitoring, Table

ROWS: FieldRef = ("indicators",)
SECTIONS: tuple[FieldRef, ...] = (
    (),
    ("project",),
    ("funding",),
    ("funding", "medium"),
    ("funding", "annual"),
    ("goals",),
    ("execution",),
    *(("execution", source) for source in SOURCES),
    ("evaluation",),
)
_SCHEMA = {
    (): keys("") + ("check",),
    ("project",): keys("project"),
    ("funding",): (),
    ("funding", "medium"): keys("funding"),
    ("funding", "annual"): keys("funding"),
    ("goals",): keys("goals"),
    ("execution",): keys("execution"),
    ("evaluation",): keys("evaluation"),
    ROWS: keys("indicators") + keys("result"),
}


def month_part(month: int) -> FieldRef:
    """The part of a row holding its monitoring of ``month``."""
    return ("indicators", "monitoring", month)


def holder(table: Table, section: FieldRef) -> Any:
    """The object holding ``section``'s values: the table, its header, a funding column …"""
    if section == ():
        return table
    head = section[0]
    if head == "funding":
        return table.funding.column(section[1]) if len(section) > 1 else table.funding
    if head == "execution":
        return table.execution.line(section[1]) if len(section) > 1 else table.execution
    objects = {"project": table.header, "goals": table.goals, "evaluation": table.evaluation}
    return objects[head]


def row_parts(rows: Iterable[Indicator | None]) -> list[FieldRef]:
    """``ROWS``, then the monitoring month of any of ``rows``, in month order."""
    months = {m for row in rows if row is not None for m in row.monitoring}
    return [ROWS, *(month_part(m) for m in sorted(months))]


def row_holder(row: Indicator | None, part: FieldRef) -> Any:
    """The row itself, or its monitoring of the part's month (``None`` when it has none)."""
    if row is None or part == ROWS:
        return row
    return row.monitoring.get(part[2])


def schema_keys(section: FieldRef) -> tuple[str, ...]:
    """The schema keys of a section or row part, in canonical order."""
    if section[:2] == ("indicators", "monitoring"):
        return keys("monitoring")
    if section[:1] == ("execution",) and len(section) == 2:
        return keys("budget")
    return _SCHEMA[section]


def cell_keys(obj: Any, section: FieldRef) -> list[str]:
    """Schema keys, then the unknown keys ``obj`` holds, in their order."""
    known = schema_keys(section)
    return list(known) + [k for k in obj.extra if k not in known]


def cell_ref(section: FieldRef, key: str, row: int | None = None) -> FieldRef:
    """The field reference of a cell: ``("project", "name")``, ``("indicators", 3, "annual")``,
    ``("indicators", 3, "monitoring", 6, "action")``."""
    if section[:1] == ROWS:
        return ("indicators", row, *section[1:], key)
    return (*section, key)


def get_cell(obj: Any, section: FieldRef, key: str) -> Any:
    """The value of ``key`` in ``obj`` (``None`` when absent; ``[check]`` when empty too)."""
    if obj is None:
        return None
    if section == () and key == "check":
        return obj.check or None
    if key in schema_keys(section):
        return getattr(obj, key)
    return obj.extra.get(key)


def set_cell(obj: Any, section: FieldRef, key: str, value: Any) -> None:
    """Set ``key`` in ``obj``; ``None`` blanks a field or removes an unknown key."""
    if section == () and key == "check":
        obj.check = dict(value or {})
    elif key in schema_keys(section):
        blank = "" if field_of(cell_ref(section, key, 0)).kind == TEXT else None
        setattr(obj, key, blank if value is None else value)
    elif value is None:
        obj.extra.pop(key, None)
    else:
        obj.extra[key] = value


def set_row_cell(row: Indicator, part: FieldRef, key: str, value: Any) -> None:
    """Set a cell of a row part; a monitoring month comes with its first value and goes
    with its last."""
    if part == ROWS:
        set_cell(row, part, key, value)
        return
    month = row.monitoring.setdefault(part[2], Monitoring())
    set_cell(month, part, key, value)
    if month.empty:
        del row.monitoring[part[2]]


def cells(obj: Any, section: FieldRef) -> dict[str, Any]:
    """Every cell of ``obj`` that is not blank, in key order."""
    values = {k: get_cell(obj, section, k) for k in cell_keys(obj, section)}
    return {k: v for k, v in values.items() if v is not None and v != ""}


def row_cells(row: Indicator) -> dict[str, Any]:
    """Every cell of an indicator row itself (not its monitoring months) that is not blank."""
    return cells(row, ROWS)
