"""Recovery files: unsaved edits written beside the table when a session is cut off.

When the editor gets SIGHUP (an SSH link drops) or SIGTERM, it writes the text
the table would have if saved to ``.NAME.jixiao-recover`` in the same folder.
The next ``jixiao`` on that table offers to restore it; restoring maps rows
back to the file's own rows where they are equal, so that a later save still
changes only the lines that were edited.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from tui.errors import JixiaoError
from tui.model import Indicator
from tui.tomlfile.atomic import write_atomic
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import parse_table

SUFFIX = ".jixiao-recover"


def recovery_path(path: str | Path) -> Path:
    """Where the recovery file of the table at ``path`` lives."""
    path = Path(path)
    return path.with_name(f".{path.name}{SUFFIX}")


def write_recovery(file: TableFile) -> Path:
    """Write the unsaved model of ``file`` beside it; returns the recovery path.

    Uses plain blocking calls so it can run inside a signal handler.
    """
    target = recovery_path(file.path)
    write_atomic(target, file.render_text().encode("utf-8"))
    return target


def pending_recovery(path: str | Path) -> Path | None:
    """The recovery file of ``path`` if one exists and differs from the file."""
    target = recovery_path(path)
    if not target.exists():
        return None
    try:
        if Path(path).exists() and target.read_bytes() == Path(path).read_bytes():
            discard_recovery(path)
            return None
    except OSError:
        return None
    return target


def discard_recovery(path: str | Path) -> None:
    """Remove the recovery file of ``path``, if any."""
    try:
        os.unlink(recovery_path(path))
    except FileNotFoundError:
        pass


def _row_key(row: Indicator) -> tuple:
    return tuple(getattr(row, key) for key in ("level1", "level2", "name", "medium", "annual"))


def restore_into(file: TableFile) -> None:
    """Replace the model of ``file`` by the recovery file's, keeping row identities.

    Raises ``JixiaoError`` when the recovery file cannot be read.
    """
    target = recovery_path(file.path)
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise JixiaoError("无法读取恢复文件", "cannot read the recovery file", target) from None
    recovered, _ = parse_table(text, target)
    base = file.base.indicators
    rows = recovered.indicators
    matcher = difflib.SequenceMatcher(
        a=[_row_key(r) for r in base], b=[_row_key(r) for r in rows], autojunk=False
    )
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            for offset in range(b1 - b0):
                rows[b0 + offset].uid = base[a0 + offset].uid
    file.table = recovered
