"""Recovery files: unsaved edits kept beside the table, safely, and offered on the next open.

The editor writes the text the table would have if saved to
``.NAME.jixiao-recover`` in the same folder: shortly after every pause in
typing (the journal) and when the session is cut off (SIGHUP, SIGTERM). The
file is written like a save is verified: it must read back as exactly the
edited model, else the canonical layout is written instead, else nothing (a
recovery that would lose a block is refused, and the caller tells the user).

It can never be turned against the user: it is created with mode ``0o600``, and
a symbolic link, FIFO, device or directory standing at its name (or a file of
another user) is never followed, read, written or removed: it is reported and
ignored (see ``tui.tomlfile.atomic.write_private``).

Its first lines are TOML comments naming the table bytes it was based on
(SHA-256, git blob id, size, mtime), so that on the next open a recovery whose
base is no longer the file on disk is recognised as *stale*: restoring it
would revert the other change, so the editor warns and lets the user choose;
the git blob id lets a three-way merge fetch the base (``git cat-file blob``).
Restoring maps rows back to the file's own rows where they are equal, so a
later save still changes only the lines that were edited.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from tui.errors import JixiaoError
from tui.model import Indicator, Table
from tui.tomlfile.atomic import read_regular, write_private
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import decode, parse_table

SUFFIX = ".jixiao-recover"
_MAGIC = "# jixiao-recover 1"
_BASE_TEXT = "# jixiao-base-text: the table the edits were made on, for a three-way merge"
_BASE_PREFIX = "#| "
_BASE_LINE = re.compile(
    r"^# base: sha256=(?P<sha256>[0-9a-f]{64}|none) git-blob=(?P<blob>[0-9a-f]{40}|none)"
    r" size=(?P<size>-?\d+) mtime-ns=(?P<mtime>-?\d+)$"
)


@dataclass(frozen=True)
class Base:
    """The identity of the table bytes a recovery was based on (``None``: no file yet)."""

    sha256: str | None
    git_blob: str | None
    size: int = -1
    mtime_ns: int = -1

    @classmethod
    def of(cls, raw: bytes | None, path: str | Path | None = None) -> Base:
        """The identity of ``raw`` (the file's bytes; ``None`` or empty: no file)."""
        if not raw:
            return cls(None, None)
        blob = hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()
        mtime = -1
        if path is not None:
            try:
                mtime = os.stat(path).st_mtime_ns
            except OSError:
                pass
        return cls(hashlib.sha256(raw).hexdigest(), blob, len(raw), mtime)

    def matches(self, raw: bytes | None) -> bool:
        """Whether ``raw`` (the bytes on disk now, ``None`` when absent) is this base."""
        if not raw:
            return self.sha256 is None
        return self.sha256 == hashlib.sha256(raw).hexdigest()

    def header(self) -> str:
        """The comment lines that start a recovery file."""
        return (
            f"{_MAGIC}: 未保存的修改（unsaved edits）; jixiao offers them when the table opens\n"
            f"# base: sha256={self.sha256 or 'none'} git-blob={self.git_blob or 'none'}"
            f" size={self.size} mtime-ns={self.mtime_ns}\n"
        )


@dataclass
class Recovery:
    """A recovery file found beside a table."""

    path: Path
    text: str  # the table text it holds (LF, header comments included)
    base: Base | None  # None for a recovery written before bases were recorded
    stale: bool  # the table on disk is no longer the one the edits were made on


def recovery_path(path: str | Path) -> Path:
    """Where the recovery file of the table at ``path`` lives."""
    path = Path(path)
    return path.with_name(f".{path.name}{SUFFIX}")


def recovery_text(file: TableFile) -> str:
    """The recovery text for the current model of ``file``, verified like a save.

    The file's own text with the edits applied when that reads back as the
    model, else the canonical layout of the model; ``JixiaoError`` when neither
    holds every edit and every block (nothing is written then).
    """
    header = Base.of(file.source.raw, file.path).header()
    for render in (file.render_text, lambda: dump_table(file.table, file.locator)):
        try:
            text = render()
            file.verified(text.encode("utf-8"))
        except (JixiaoError, RecursionError, ValueError, KeyError, IndexError):
            continue
        base = "".join(_BASE_PREFIX + line + "\n" for line in file.source.text.split("\n")[:-1])
        return header + text + ("" if text.endswith("\n") else "\n") + _BASE_TEXT + "\n" + base
    raise JixiaoError(
        "恢复文件会丢失部分内容，未写入",
        "the recovery file would lose part of the table; not written",
        recovery_path(file.path),
    )


def write_recovery(file: TableFile) -> Path:
    """Write the unsaved model of ``file`` beside it; returns the recovery path.

    Plain blocking calls, so it can run in a signal handler or a worker thread.
    Raises ``JixiaoError`` (a link or other non-regular file at the recovery
    path, a recovery that would lose content, an OS error); nothing is written then.
    """
    target = recovery_path(file.path)
    write_private(target, recovery_text(file).encode("utf-8"))
    return target


def _read_base(text: str) -> Base | None:
    lines = text.split("\n", 2)
    if len(lines) < 2 or not lines[0].startswith(_MAGIC):
        return None
    match = _BASE_LINE.match(lines[1])
    if match is None:
        return None
    sha256, blob = match["sha256"], match["blob"]
    return Base(
        None if sha256 == "none" else sha256,
        None if blob == "none" else blob,
        int(match["size"]),
        int(match["mtime"]),
    )


def find_recovery(file: TableFile) -> Recovery | None:
    """The recovery file of ``file`` if it holds edits, else ``None``.

    A recovery that holds nothing beyond the file on disk is removed. Raises
    ``JixiaoError`` when something stands at the recovery path that must be
    ignored (a link, FIFO, device, directory, an unreadable or broken file):
    the caller shows it as a warning and opens the table as it is.
    """
    target = recovery_path(file.path)
    if not os.path.lexists(target):
        return None
    try:
        raw = read_regular(target, follow_symlinks=False)
    except OSError as exc:
        raise JixiaoError(
            "无法读取恢复文件，已忽略", f"cannot read the recovery file: {exc.strerror}", target
        ) from None
    text = decode(raw, target).text
    recovered, _ = parse_table(text, target)
    if dump_table(recovered) == dump_table(file.table):
        discard_recovery(file.path)
        return None
    base = _read_base(text)
    stale = base is not None and not base.matches(file.source.raw)
    return Recovery(target, text, base, stale)


def discard_recovery(path: str | Path) -> None:
    """Remove the recovery file of ``path``, if it is a regular file of this user."""
    target = recovery_path(path)
    try:
        info = os.lstat(target)
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid():
            os.unlink(target)
    except OSError:
        pass


def recovery_base(recovery: Recovery) -> Table | None:
    """The table the recovery's edits were made on (written at its end), or ``None``."""
    lines = recovery.text.split("\n")
    if _BASE_TEXT not in lines:
        return None
    body = lines[lines.index(_BASE_TEXT) + 1 :]
    text = "".join(line[len(_BASE_PREFIX) :] + "\n" for line in body if line.startswith("#|"))
    try:
        return parse_table(text, recovery.path)[0]
    except JixiaoError:
        return None


def _row_key(row: Indicator) -> tuple:
    return tuple(getattr(row, key) for key in ("level1", "level2", "name", "medium", "annual"))


def restored_table(file: TableFile, recovery: Recovery) -> Table:
    """The recovery's table, its rows given the uids of the file's equal rows.

    Raises ``JixiaoError`` when the recovery cannot be parsed.
    """
    recovered, _ = parse_table(recovery.text, recovery.path)
    base = file.base.indicators
    rows = recovered.indicators
    matcher = difflib.SequenceMatcher(
        a=[_row_key(r) for r in base], b=[_row_key(r) for r in rows], autojunk=False
    )
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            for offset in range(b1 - b0):
                rows[b0 + offset].uid = base[a0 + offset].uid
    return recovered


def restore_into(file: TableFile, recovery: Recovery | None = None) -> None:
    """Replace the model of ``file`` by the recovery file's, keeping row identities.

    Raises ``JixiaoError`` when the recovery file cannot be read or parsed.
    """
    if recovery is None:
        recovery = find_recovery(file)
        if recovery is None:
            raise JixiaoError(
                "没有可恢复的修改", "no recovery file to restore", recovery_path(file.path)
            )
    file.table = restored_table(file, recovery)


def unsaved_new_tables(folder: Path) -> list[Path]:
    """Tables under ``folder`` never saved but with a recovery file (a new table whose
    editor was cut off): where each would be saved, sorted. Hidden folders are skipped."""
    found = []
    for recovery in sorted(folder.rglob(f".*.toml{SUFFIX}")):
        if any(part.startswith(".") for part in recovery.relative_to(folder).parts[:-1]):
            continue
        table = recovery.with_name(recovery.name[1 : -len(SUFFIX)])
        if not os.path.lexists(table) and recovery.is_file() and not recovery.is_symlink():
            found.append(table)
    return found
