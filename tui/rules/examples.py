"""Rule examples made real: the base tables, and an ``Example`` applied to one.

An ``Example`` (``tui.rules.engine``) names a base table and the text typed into
a few of its fields; ``build`` returns that table and the field references its
``at`` paths point to. The docs generator and the tests read examples through
this module only.

Besides fields, a path may name one of ``DATA_KEYS``: keys that are not fields
of the schema but that rules read (``资格认证率.merge_conflict``,
``project.merge_conflict``); its text is a TOML value
(``{ annual = { mine = "≥95%" } }``), kept as the file would keep it. Any
other unknown key is refused, so a misspelt field cannot pass unnoticed.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.fields import COLUMNS, SOURCES, FieldRef, field_of, keys
from tui.history.conflicts import RECORD_KEY
from tui.model import Indicator, Table
from tui.rules.engine import Example
from tui.tomlfile.loader import load_table

DATA_KEYS = frozenset({RECORD_KEY})  # unknown keys that rules read
BASE_DIR = Path(__file__).resolve().parent / "base_tables"
# "evaluation" is the 2015 table carried through monitoring to the self-evaluation.
BASES = ("2015", "2021", "evaluation")
_TOP = keys("")
_SECTION_HEADS = {*_TOP, "project", "funding", "goals", "execution", "evaluation"}
_MONTH_PATH = re.compile(r"^(.+)\.monitoring\.(\d{1,2})\.(\w+)$")


def base_path(base: str) -> Path:
    """The file of base table ``base`` (one of ``BASES``)."""
    if base not in BASES:
        raise ValueError(f"unknown base table {base!r}")
    return BASE_DIR / f"clean_{base}.toml"


@lru_cache(maxsize=len(BASES))
def _base_table(base: str) -> Table:
    return load_table(base_path(base))


def base_table(base: str) -> Table:
    """A fresh copy of base table ``base``."""
    return _base_table(base).clone()


def _section_ref(path: str) -> FieldRef:
    ref = tuple(path.split("."))
    size = {"funding": 3}.get(ref[0], 1 if ref[0] in _TOP else 2)
    if ref[0] == "execution" and len(ref) == 3 and ref[1] in SOURCES:
        size = 3  # execution.total.executed; execution.weight has 2 parts
    if len(ref) != size or (ref[0] == "funding" and ref[1] not in COLUMNS):
        raise KeyError(f"{path}: not a field path")
    field_of(ref)  # KeyError for an unknown key
    return ref


class _Rows:
    """The rows of one example's table, found by base 三级 name or ``+N``."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.by_name = {row.name: row for row in table.indicators}
        self.added: dict[str, Indicator] = {}

    def row(self, token: str, path: str) -> Indicator:
        if token.startswith("+") and token[1:].isdigit():
            if token not in self.added:
                self.added[token] = Indicator()
            return self.added[token]
        if token not in self.by_name:
            raise KeyError(f"{path}: no row named {token!r} in the base table")
        return self.by_name[token]


def _split_row_path(path: str) -> tuple[str, FieldRef]:
    """A row path's row token and its field below the row.

    ``("actual",)`` for ``资格认证率.actual``; ``("monitoring", 6, "action")`` for
    ``资格认证率.monitoring.6.action``.
    """
    month = _MONTH_PATH.match(path)
    tail: FieldRef
    if month:
        token, tail = month.group(1), ("monitoring", int(month.group(2)), month.group(3))
    else:
        token, _, key = path.rpartition(".")
        tail = (key,)
    field_of(("indicators", 0, *tail))  # KeyError for an unknown key
    return token, tail


def _set_in_row(row: Indicator, tail: FieldRef, text: str) -> None:
    """Type ``text`` into the field ``tail`` of ``row`` (a monitoring month comes and goes)."""
    Table(indicators=[row]).set(
        ("indicators", 0, *tail), field_of(("indicators", 0, *tail)).parse(text)
    )


def build(example: Example) -> tuple[Table, list[FieldRef]]:
    """The example's table (its base with the edits applied) and the refs of its ``at``."""
    table = base_table(example.base)
    rows = _Rows(table)
    deleted: list[Indicator] = []
    for path, text in example.edits.items():
        head = path.split(".", 1)[0]
        if path.rpartition(".")[2] in DATA_KEYS:
            _set_data_key(table, rows, path, text)
        elif head in _SECTION_HEADS:
            ref = _section_ref(path)
            table.set(ref, field_of(ref).parse(_text(path, text)))
        elif text is None:
            deleted.append(rows.row(path, path))
        else:
            token, tail = _split_row_path(path)
            _set_in_row(rows.row(token, path), tail, text)
    table.indicators = [r for r in table.indicators if all(r is not d for d in deleted)]
    table.indicators += [rows.added[t] for t in sorted(rows.added, key=lambda t: int(t[1:]))]
    return table, [_at_ref(rows, path) for path in example.reported_at]


def build_approved(example: Example) -> Table | None:
    """The version the example's table was approved in (``Example.approved``), if any."""
    if example.approved is None:
        return None
    return build(Example(example.approved, base=example.base))[0]


def _set_data_key(table: Table, rows: _Rows, path: str, text: str | None) -> None:
    """Write one of ``DATA_KEYS`` into a row or a section, from its TOML value."""
    owner, _, key = path.rpartition(".")
    try:
        value = tomllib.loads(f"v = {_text(path, text)}")["v"]
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {key} takes a TOML value: {exc}") from None
    holders: dict[str, Any] = {
        "": table,
        "project": table.header,
        "goals": table.goals,
        "funding.medium": table.funding.medium,
        "funding.annual": table.funding.annual,
    }
    holder = holders[owner] if owner in holders else rows.row(owner, path)
    holder.extra[key] = value


def _text(path: str, text: str | None) -> str:
    if text is None:
        raise ValueError(f'{path}: only a row can be deleted (None); type "" to blank a field')
    return text


def _at_ref(rows: _Rows, path: str) -> FieldRef:
    head = path.split(".", 1)[0]
    if head in _SECTION_HEADS:
        return _section_ref(path)
    token, tail = _split_row_path(path)
    row = rows.row(token, path)
    index = next(i for i, r in enumerate(rows.table.indicators) if r is row)
    return ("indicators", index, *tail)
