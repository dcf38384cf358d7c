"""Noticing another program's change to the open table's file while it is open.

Every ``INTERVAL`` seconds the editor looks at the file's ``stat`` (mtime, size,
inode: no read). Only when that changed, or the editor saved or reloaded since
the last look, are the bytes compared with what was loaded or last saved. A
difference is said on the status line, in Chinese with the English, and
stays marked in the title until it is settled; nothing is reloaded or written:
ctrl+s then offers to merge my edits onto the version on disk, reload it, or
overwrite it (``tui.ui.saving``).
"""

from __future__ import annotations

import os

from tui.tomlfile.loader import SourceText
from tui.ui.editor_part import EditorPart
from tui.ui.widgets.title_bar import TitleBar

INTERVAL = 2.0  # seconds between two looks at the file
Stat = tuple[int, int, int] | None  # (mtime in ns, size, inode); None: no file

# One status line at 80 columns (the title names the file).
CHANGED = "文件已在磁盘上被修改（file changed on disk）：^s 合并或重新载入（merge/reload）"
DELETED = "文件已在磁盘上被删除（file deleted on disk）：^s 再按 o 写回（^s o: rewrite）"


def stat_of(path: os.PathLike[str] | str) -> Stat:
    """What the look compares: the file's mtime, size and inode, ``None`` when absent."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


class DiskWatch(EditorPart):
    """The editor screen's watch on its file (a base class of ``EditorScreen``)."""

    changed_on_disk = False  # the file on disk differs from what was loaded or saved
    _looked: tuple[Stat, SourceText] | None = None  # the stat and the text at the last look

    def on_mount(self) -> None:
        """Start looking (Textual calls each class's ``on_mount``, the editor's too)."""
        self.set_interval(INTERVAL, self.look_at_disk)

    def look_at_disk(self) -> None:
        """Compare the file with what was loaded or saved, when its stat says it may differ."""
        editor = self.host()
        file = editor.session.file
        now = (stat_of(file.path), file.source)
        if self._looked is not None and now[0] == self._looked[0] and now[1] is self._looked[1]:
            return
        self._looked = now
        changed = file.changed_on_disk()
        if changed != self.changed_on_disk:
            self.changed_on_disk = changed
            self.query_one(TitleBar).mark_changed_on_disk(changed)
        if changed:  # each change seen is said (another write after the first one too)
            editor.say(DELETED if now[0] is None else CHANGED, "warning")
