"""The cells of a table as diff and merge see them: every value, known or unknown, by key.

A table is a few *sections* — the top level, ``[project]``, ``[funding]``,
``[funding.medium]``, ``[funding.annual]``, ``[goals]`` — and the rows. Each
holds schema fields (``tui.fields``) and unknown keys (its ``extra``); the top
level also holds the ``[check]`` table as one value. A cell is one key of one
section or row; an absent key reads as ``None``.
"""

from __future__ import annotations

from typing import Any

from tui.fields import TEXT, FieldRef, field_of, keys
from tui.model import Indicator, Table

ROWS: FieldRef = ("indicators",)
SECTIONS: tuple[FieldRef, ...] = (
    (),
    ("project",),
    ("funding",),
    ("funding", "medium"),
    ("funding", "annual"),
    ("goals",),
)
_SCHEMA = {
    (): keys("") + ("check",),
    ("project",): keys("project"),
    ("funding",): (),
    ("funding", "medium"): keys("funding"),
    ("funding", "annual"): keys("funding"),
    ("goals",): keys("goals"),
    ROWS: keys("indicators"),
}


def holder(table: Table, section: FieldRef) -> Any:
    """The object holding ``section``'s values: the table, its header, a funding column …"""
    if section == ():
        return table
    if section == ("project",):
        return table.header
    if section == ("funding",):
        return table.funding
    if section[0] == "funding":
        return table.funding.column(section[1])
    if section == ("goals",):
        return table.goals
    raise KeyError(section)


def schema_keys(section: FieldRef) -> tuple[str, ...]:
    """The schema keys of a section (``ROWS`` for an indicator row), in canonical order."""
    return _SCHEMA[section]


def cell_keys(obj: Any, section: FieldRef) -> list[str]:
    """Schema keys, then the unknown keys ``obj`` holds, in their order."""
    known = schema_keys(section)
    return list(known) + [k for k in obj.extra if k not in known]


def get_cell(obj: Any, section: FieldRef, key: str) -> Any:
    """The value of ``key`` in ``obj`` (``None`` when absent; ``[check]`` when empty too)."""
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
        spec = field_of((key,) if section == () else (*section[:1], key))
        setattr(obj, key, "" if value is None and spec.kind == TEXT else value)
    elif value is None:
        obj.extra.pop(key, None)
    else:
        obj.extra[key] = value


def cells(obj: Any, section: FieldRef) -> dict[str, Any]:
    """Every cell of ``obj`` that is not blank, in key order."""
    values = {k: get_cell(obj, section, k) for k in cell_keys(obj, section)}
    return {k: v for k, v in values.items() if v is not None and v != ""}


def row_cells(row: Indicator) -> dict[str, Any]:
    """Every cell of an indicator row that is not blank."""
    return cells(row, ROWS)


def cell_ref(section: FieldRef, key: str, row: int | None = None) -> FieldRef:
    """The field reference of a cell: ``("project", "name")``, ``("indicators", 3, "annual")``."""
    if section == ROWS:
        return ("indicators", row, key)
    return (*section, key)
