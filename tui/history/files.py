"""Merging table files: the git merge driver's work, and the editor's merge onto the disk version.

Both write through the minimal-change save of ``tui.tomlfile.document``: the
merged table is rendered into the text of one side (*mine* for
``jixiao merge``, the file on disk for the editor), so that side's comments,
unknown keys, key order, quoting, newlines and BOM stay as they are, and each
cell taken from the other side changes one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.errors import JixiaoError
from tui.fields import FieldRef
from tui.history.conflicts import Conflict, conflicts_in, resolve
from tui.history.merge import merge_tables
from tui.model import Table
from tui.tomlfile.canonical import dump_table, render_row
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import BOM, decode, parse_table
from tui.tomlfile.locate import Locator


def read_base(raw: bytes, label: str) -> Table:
    """The base version from its bytes; an empty file (git's add/add) is an empty table."""
    if not raw.strip():
        return Table()
    return parse_table(decode(raw, label).text, label)[0]


def rendered(file: TableFile, blocks: dict[int, str] | None = None) -> bytes:
    """The bytes of ``file``'s model in its own text, checked to hold exactly that model.

    ``blocks`` maps the uid of a row new to the file to the text to write for it
    instead of its canonical block (the other side's own block, with its comments).
    """
    text = file.render_text()
    for row in file.table.indicators:
        block = (blocks or {}).get(row.uid)
        canonical = render_row(row)
        if block is not None and text.count(canonical) == 1:
            text = text.replace(canonical, block)
    if file.source.newline != "\n":
        text = text.replace("\n", file.source.newline)
    data = ((BOM if file.source.bom else "") + text).encode("utf-8")
    try:
        written = parse_table(decode(data, file.path).text, file.path)[0]
    except JixiaoError:
        written = None
    expected = parse_table(dump_table(file.table))[0]
    if written is None or dump_table(written) != dump_table(expected):
        raise JixiaoError(
            "内部错误：合并结果无法写成文本，未写入",
            "internal error: the merged table could not be written; nothing written",
            file.path,
        )
    return data


def _blocks(text: str, locator: Locator, table: Table) -> dict[int, str]:
    """Row uid → the row's own block in ``text`` (comments above it included)."""
    lines = text.split("\n")
    if len(locator.blocks) != len(table.indicators):
        return {}
    return {
        row.uid: "\n".join(lines[block.start : block.end])
        for row, block in zip(table.indicators, locator.blocks)
    }


@dataclass
class FileMerge:
    """The outcome of merging three versions of a file."""

    data: bytes  # the merged file, in mine's layout, newlines and BOM
    table: Table
    conflicts: list[Conflict]


def merge_files(base: bytes, mine: str | Path, theirs: bytes, theirs_label: str = "") -> FileMerge:
    """Merge the file ``mine`` with ``theirs`` from ``base`` (bytes; ``b""`` = no base)."""
    ours = TableFile.load(mine)
    base_table = read_base(base, "%O")
    theirs_text = decode(theirs, theirs_label).text
    theirs_table, theirs_locator = parse_table(theirs_text, theirs_label or None)
    ours.table = merge_tables(base_table, ours.table, theirs_table, layout="mine")
    merged = {row.uid: row for row in ours.table.indicators}
    taken = {r.uid for r in theirs_table.indicators if merged.get(r.uid) == r}  # as theirs wrote it
    blocks = {
        uid: text
        for uid, text in _blocks(theirs_text, theirs_locator, theirs_table).items()
        if uid in taken
    }
    return FileMerge(rendered(ours, blocks), ours.table, conflicts_in(ours.table))


@dataclass
class DiskMerge:
    """My unsaved edits merged onto the version now on disk, ready to resolve and adopt.

    ``table`` holds the result (with mine in each conflicting cell);
    ``conflicts`` lists what is left to resolve; ``apply()`` makes ``file`` an
    editing of the disk version holding the result, so that its next ``save()``
    writes only my changes into the disk text.
    """

    file: TableFile
    disk: TableFile
    table: Table

    @property
    def conflicts(self) -> list[Conflict]:
        """The conflicts not yet resolved."""
        return conflicts_in(self.table)

    def resolve(self, conflict: Conflict, side: str) -> FieldRef | None:
        """Take ``"mine"``, ``"theirs"`` or ``"base"`` for one conflict."""
        return resolve(self.table, conflict, side)

    def apply(self) -> None:
        """Adopt the result: ``file`` now edits the disk version and holds the merged table.

        Unresolved conflicts stay in the table as records (saved with it, and
        reported by ``jixiao check``).
        """
        self.file.source = self.disk.source
        self.file.locator = self.disk.locator
        self.file.base = self.disk.base
        self.file.table = self.table


def merge_onto(file: TableFile, base: Table, mine: Table) -> DiskMerge:
    """Merge the edits ``base`` → ``mine`` onto the version of ``file.path`` now on disk.

    For a recovery file whose base is stale, pass the base it was made from.
    """
    disk = TableFile.load(file.path)
    merged = merge_tables(base, mine, disk.table, layout="theirs")
    return DiskMerge(file, disk, merged)


def merge_onto_disk(file: TableFile) -> DiskMerge:
    """Merge ``file``'s unsaved edits (its base → its table) onto the file now on disk."""
    return merge_onto(file, file.base, file.table)
