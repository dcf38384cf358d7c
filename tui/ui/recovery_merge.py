"""Taking a recovery file's edits into an open editor, as one undo step.

A recovery made on the version still on disk is restored as it is. A stale
one (the file changed since, e.g. after ``git pull``) is merged: its edits —
from the base text it carries to its table — are applied onto the version now
on disk, cell by cell; cells changed on both sides become conflicts resolved
with the same dialog as a merge on save. Nothing the other side wrote is
reverted silently, and nothing the user typed is dropped silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.editing.recovery import Recovery, recovery_base, restored_table
from tui.errors import JixiaoError
from tui.history.files import merge_onto
from tui.tomlfile.loader import parse_table

if TYPE_CHECKING:
    from tui.ui.editor_screen import EditorScreen


async def adopt_recovery(screen: EditorScreen, recovery: Recovery, merge: bool) -> None:
    """Restore (``merge`` false) or merge the recovery into ``screen``'s session."""
    session = screen.session
    try:
        if not merge:
            session.adopt_table(restored_table(session.file, recovery))
            screen.model_changed()
            screen.say("已恢复上次未保存的修改，^z 可撤销（restored; ^z undoes）")
            return
        base = recovery_base(recovery)
        if base is None:
            screen.say(
                "恢复文件未记录原始版本，无法合并，请选择恢复或另存（cannot merge）", "error"
            )
            return
        recovered, _ = parse_table(recovery.text, recovery.path)
        result = merge_onto(session.file, base, recovered)
    except JixiaoError as exc:
        screen.say(str(exc), "error")
        return
    session.adopt_merge(result)
    screen.model_changed()
    if result.conflicts:
        await screen.resolve_conflicts()
    else:
        screen.say("已把恢复的修改合并到磁盘上的新版本，请检查后保存（merged; ^z undoes）")
