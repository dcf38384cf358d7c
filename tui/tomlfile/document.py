"""An open table file: its model, the text on disk, and a minimal-change save.

``TableFile.render()`` writes the current model back into the file's own text:
an unchanged model gives the original bytes; a changed value changes that one
line (through ``tomlkit``, so comments, quoting and key order stay); an added,
removed or moved row adds, removes or moves its ``[[indicators]]`` block and
nothing else; a monitoring month, a budget-execution source or the evaluation
texts filled for the first time add their table (``tui.tomlfile.subtables``),
and emptied ones are removed. ``save()`` is atomic and refuses to overwrite a
file that changed on disk since it was loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.errors import ChangedOnDiskError, JixiaoError
from tui.fields import COLUMNS, TEXT, field_of, is_field
from tui.model import MONITOR_KEYS, RESULT_KEYS, ROW_KEYS, Indicator, Table
from tui.tomlfile.atomic import MISSING, file_state, write_atomic
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.key_insertion import insert_key
from tui.tomlfile.loader import BOM, SourceText, decode, parse_table, read_source
from tui.tomlfile.locate import Locator, locate
from tui.tomlfile.row_blocks import restructure_rows
from tui.tomlfile.subtables import add_missing_tables, table_path
from tui.tomlfile.tomltext import render_value

if TYPE_CHECKING:
    from tomlkit.container import Container


@dataclass
class TableFile:
    """A table as loaded from ``path``; ``table`` is the live, editable model."""

    path: Path
    source: SourceText
    table: Table
    base: Table
    locator: Locator

    @classmethod
    def load(cls, path: str | Path) -> TableFile:
        """Read and parse ``path``; raises ``JixiaoError`` on bad input."""
        source = read_source(path)
        table, locator = parse_table(source.text, path)
        return cls(Path(path), source, table, table.clone(), locator)

    @classmethod
    def from_text(cls, path: str | Path, text: str) -> TableFile:
        """A table file that does not exist on disk yet (``jixiao new``, recovery)."""
        source = decode(text.encode("utf-8"), path)
        table, locator = parse_table(source.text, path)
        source.raw = b""
        return cls(Path(path), source, table, table.clone(), locator)

    @property
    def on_disk(self) -> bool:
        """Whether the file was loaded from disk or saved (``False`` for a new table)."""
        return bool(self.source.raw)

    @property
    def edited(self) -> bool:
        """Whether the model differs from what was last loaded or saved (or created).

        A number spelled differently (``1.00`` → ``1``) is a change too, although
        the two ``Decimal`` values are equal.
        """
        return (
            self.table != self.base
            or [r.uid for r in self.table.indicators] != [r.uid for r in self.base.indicators]
            or _numbers(self.table) != _numbers(self.base)
        )

    @property
    def modified(self) -> bool:
        """Whether there is anything unsaved: an edit, or a new table never saved yet.

        Quitting asks before losing it. For a loaded or saved file this is ``edited``.
        """
        return self.edited or not self.on_disk

    def render_text(self) -> str:
        """The new LF text of the file for the current model."""
        if not self.edited:
            return self.source.text
        text = self.source.text
        base_rows = self.base.indicators
        if [r.uid for r in base_rows] != [r.uid for r in self.table.indicators]:
            text = restructure_rows(text, self.locator, base_rows, self.table)
        return _apply_values(text, self.base, self.table)

    def render_bytes(self) -> bytes:
        """The bytes ``save()`` would write, in the file's own newline and BOM."""
        if not self.modified:
            return self.source.raw
        text = self.render_text()
        if self.source.newline != "\n":
            text = text.replace("\n", self.source.newline)
        if self.source.bom:
            text = BOM + text
        return text.encode("utf-8")

    def changed_on_disk(self) -> bool:
        """Whether the file on disk is no longer what was loaded or last saved."""
        try:
            current = file_state(self.path)
        except JixiaoError:
            return True
        if current is None:
            return self.on_disk
        return current != self.source.raw

    def save(self, *, force: bool = False) -> Path | None:
        """Write the model atomically; ``force`` overwrites an external change.

        Never overwrites silently: a file changed on disk since it was loaded
        raises ``ChangedOnDiskError``; a change that lands between that check and
        the write is kept beside the file, and its path returned (see
        ``tui.tomlfile.atomic``). A file deleted while open counts as changed.
        """
        try:
            data = self.render_bytes()
        except (RecursionError, ValueError, KeyError, IndexError):  # tomlkit on odd text
            raise JixiaoError(
                "内部错误：无法生成保存内容，未保存",
                "internal error: cannot render the file; not saved",
                self.path,
            ) from None
        source, locator = self.verified(data)
        expected: bytes | None = None
        if not force:
            expected = self.source.raw or MISSING
        kept = write_atomic(self.path, data, expected=expected)
        self.source, self.locator = source, locator
        self.base = self.table.clone()
        return kept

    def save_as(self, path: str | Path) -> None:
        """Write the model to a new file ``path`` (refused when it exists) and edit that one."""
        path = Path(path)
        if os.path.lexists(path):
            raise JixiaoError("文件已存在，未覆盖", "file exists; not overwritten", path)
        data = self.render_bytes()
        source, locator = self.verified(data)
        try:
            write_atomic(path, data, expected=MISSING)
        except ChangedOnDiskError:  # created meanwhile
            raise JixiaoError("文件已存在，未覆盖", "file exists; not overwritten", path) from None
        self.path, self.source, self.locator = path, source, locator
        self.base = self.table.clone()

    def reload(self) -> None:
        """Discard the model and read the file from disk again."""
        fresh = TableFile.load(self.path)
        self.source, self.table, self.base, self.locator = (
            fresh.source,
            fresh.table,
            fresh.base,
            fresh.locator,
        )

    def verified(self, data: bytes) -> tuple[SourceText, Locator]:
        """Parse the bytes about to be written; refuse them unless they hold the model."""
        try:
            source = decode(data, self.path)
            table, locator = parse_table(source.text, self.path)
        except JixiaoError:
            table = None
        # Compare as text of the model read back, so that -0 == 0 and nan == nan.
        expected, _ = parse_table(dump_table(self.table))
        if table is None or dump_table(table) != dump_table(expected):
            raise JixiaoError(
                "内部错误：保存结果与编辑内容不一致，未保存",
                "internal error: the text to save does not hold the edits; not saved",
                self.path,
            )
        return source, locator


def _numbers(table: Table) -> list[str]:
    """The spelling of every amount and weight (equal Decimals may be written differently)."""
    amounts = [str(table.get(ref)) for ref in table.field_refs() if ref[0] == "funding"]
    return amounts + [str(row.weight) for row in table.indicators]


def _item(value: Any) -> Any:
    """A tomlkit item whose text is jixiao's own rendering of ``value``."""
    import tomlkit  # loaded on first save: faster start-up

    return tomlkit.parse(f"x = {render_value(value)}\n")["x"]


def _assign(container: Any, key: str, value: Any) -> None:
    from tomlkit.items import Table as TomlTable  # loaded on first save: faster start-up

    if value is None:
        if key in container:
            del container[key]
    elif isinstance(value, dict) and isinstance(container.get(key), TomlTable):
        table = container[key]  # an unknown [table]: stays a table, its keys are updated
        for old in [k for k in table if k not in value]:
            del table[old]
        for name, item in value.items():
            if table.get(name) != item:
                _assign(table, name, item)
    else:
        container[key] = _item(value)


def _sub(container: Any, key: str) -> Any:
    import tomlkit  # loaded on first save: faster start-up

    if key not in container:
        container[key] = tomlkit.table()
    return container[key]


def _extra_changes(base: dict, new: dict, prefix: tuple) -> list[tuple[tuple, Any]]:
    """Unknown keys whose value differs between ``base`` and ``new`` (``None``: removed)."""
    names = list(base) + [k for k in new if k not in base]
    return [(prefix + (k,), new.get(k)) for k in names if _differs(base.get(k), new.get(k))]


def _differs(old: Any, new: Any) -> bool:
    """Whether a value changed, its spelling included (``1.00`` → ``1`` is a change)."""
    return old != new or type(old) is not type(new) or str(old) != str(new)


def _row_changes(index: int, old: Indicator, row: Indicator) -> list[tuple[tuple, Any]]:
    """The fields of a kept row that differ, its monitoring months included."""
    changes: list[tuple[tuple, Any]] = []
    for key in ROW_KEYS + RESULT_KEYS:
        if _differs(getattr(old, key), getattr(row, key)):
            changes.append((("indicators", index, key), getattr(row, key)))
    for month in sorted(set(old.monitoring) | set(row.monitoring)):
        before, after = old.month(month), row.month(month)
        for key in MONITOR_KEYS:
            if _differs(getattr(before, key), getattr(after, key)):
                ref = ("indicators", index, "monitoring", month, key)
                changes.append((ref, getattr(after, key)))
        prefix = ("indicators", index, "monitoring", month)
        changes += _extra_changes(before.extra, after.extra, prefix)
    changes += _extra_changes(old.extra, row.extra, ("indicators", index))
    return changes


def _section_extra_changes(base: Table, table: Table) -> list[tuple[tuple, Any]]:
    """Unknown keys changed outside the rows, section by section."""
    pairs: list[tuple[tuple, dict, dict]] = [
        ((), base.extra, table.extra),
        (("project",), base.header.extra, table.header.extra),
        (("funding",), base.funding.extra, table.funding.extra),
        (("goals",), base.goals.extra, table.goals.extra),
        (("execution",), base.execution.extra, table.execution.extra),
        (("evaluation",), base.evaluation.extra, table.evaluation.extra),
    ]
    pairs += [
        (("funding", col), base.funding.column(col).extra, table.funding.column(col).extra)
        for col in COLUMNS
    ]
    pairs += [
        (("execution", source), base.execution.line(source).extra, line.extra)
        for source, line in table.execution.lines.items()
    ]
    return [change for prefix, old, new in pairs for change in _extra_changes(old, new, prefix)]


def _apply_values(text: str, base: Table, table: Table) -> str:
    """Set every value (schema field or unknown key) that differs between ``base`` and ``table``.

    Values already in the file change in place through tomlkit; a key new to
    its table is written as one line by ``tui.tomlfile.key_insertion``.
    """
    import tomlkit  # loaded on first save: faster start-up

    changes: list[tuple[tuple, Any]] = [
        (ref, table.get(ref))
        for ref in table.field_refs()
        if _differs(base.get(ref), table.get(ref))
    ]
    changes += _section_extra_changes(base, table)
    old_rows = {r.uid: r for r in base.indicators}
    for index, row in enumerate(table.indicators):
        old = old_rows.get(row.uid)
        if old is not None:
            changes += _row_changes(index, old, row)
    if base.check != table.check:
        changes.append((("check",), table.check))
    if not changes:
        return text
    needed = [table_path(ref) for ref, value in changes if value is not None]
    text = add_missing_tables(text, [path for path in needed if path is not None])
    present = locate(text).positions
    added = [(r, v) for r, v in changes if v is not None and r not in present and r != ("check",)]
    others = [(r, v) for r, v in changes if (r, v) not in added]
    if others:
        doc = tomlkit.parse(text)
        for ref, value in others:
            _set(doc, ref, value)
        cleared = {table_path(ref) for ref, value in others if value is None} - {None}
        _drop_emptied(doc, table, cleared)
        result = doc.as_string()
        # A dropped last table leaves its blank line behind.
        if cleared and text.endswith("\n") and not text.endswith("\n\n"):
            result = result.rstrip("\n") + "\n"
        text = result
    for ref, value in added:
        inserted = insert_key(text, ref, value)
        if inserted is None:  # its table is not in the file yet: tomlkit creates it
            doc = tomlkit.parse(text)
            _set(doc, ref, value)
            inserted = doc.as_string()
        text = inserted
    return text


def _drop_emptied(doc: Container, table: Table, paths: set) -> None:
    """Remove the lifecycle tables whose last value was just cleared."""
    for path in sorted(p for p in paths if p[0] == "indicators"):
        _, index, _, month = path
        row = doc["indicators"][index]
        months = row.get("monitoring")
        if month in table.indicators[index].monitoring or months is None:
            continue
        if str(month) in months and not months[str(month)]:
            del months[str(month)]
        if not months:
            del row["monitoring"]
    execution = doc.get("execution")
    if execution is not None and any(p[0] == "execution" for p in paths):
        for source, line in table.execution.lines.items():
            if line.empty and source in execution and not execution[source]:
                del execution[source]
        if table.execution.empty and not execution:
            del doc["execution"]
    evaluation = doc.get("evaluation")
    if ("evaluation",) in paths and evaluation is not None and not evaluation:
        del doc["evaluation"]


def _set(doc: Container, ref: tuple, value: Any) -> None:
    import tomlkit  # loaded on first save: faster start-up

    if ref == ("check",):
        if value:
            doc["check"] = tomlkit.table()
            for key, item in value.items():
                doc["check"][key] = _item(item)
        elif "check" in doc:
            del doc["check"]
        return
    if value is None and is_field(ref) and field_of(ref).kind == TEXT:
        value = ""
    container: Any = doc["indicators"][ref[1]] if ref[0] == "indicators" else doc
    for key in ref[2:-1] if ref[0] == "indicators" else ref[:-1]:
        if value is None and str(key) not in container:
            return  # nothing to clear
        container = _sub(container, str(key))
    _assign(container, ref[-1], value)


def save_new(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write a brand-new table file; refuse to overwrite unless ``force``."""
    path = Path(path)
    try:
        write_atomic(path, text.encode("utf-8"), expected=None if force else MISSING)
    except ChangedOnDiskError:
        raise JixiaoError("文件已存在，未覆盖", "file exists; not overwritten", path) from None
