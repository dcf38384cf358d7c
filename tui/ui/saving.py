"""Saving one table from the editor: atomic save, external changes, save as.

When the file changed on disk since it was opened, saving offers to merge my
edits onto the version on disk (the default: cell by cell, ``tui.history``),
to reload it, or to overwrite it. A clean merge is saved at once; conflicts are
shown one by one (``tui.ui.conflicts``), then the result is saved, with any
conflict left unresolved kept in the file as a record (rule M001).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.editing.recovery import discard_recovery
from tui.errors import ChangedOnDiskError, JixiaoError
from tui.escape import printable
from tui.history.files import merge_onto_disk
from tui.ui.conflicts import step_through
from tui.ui.dialogs import ChoiceDialog, PromptDialog

if TYPE_CHECKING:
    from tui.ui.editor_screen import EditorScreen


class SaveFlow:
    """The save actions of one editor screen (the core does the writing)."""

    def __init__(self, screen: EditorScreen) -> None:
        self.screen = screen

    def save(self, done: str = "") -> bool:
        """Save; returns whether the file on disk now holds the edits.

        ``done`` replaces the message shown after saving.
        """
        screen, session = self.screen, self.screen.session
        if session.invalid:
            screen.say("有无效的输入，请先更正再保存（fix invalid values before saving）", "error")
            return False
        try:
            kept = session.save()
        except ChangedOnDiskError:
            screen.app.push_screen(
                ChoiceDialog(
                    "文件已在磁盘上被修改（changed on disk）",
                    f"{printable(str(session.path))} 在打开后被其他程序修改。"
                    "合并：把我的修改逐格合并到磁盘上的新版本，两边都改了的格逐个选择"
                    "（merge my edits onto it, cell by cell）。",
                    [
                        ("m", "合并我的修改", "merge"),
                        ("r", "重新载入（丢弃修改）", "reload"),
                        ("o", "覆盖", "overwrite"),
                    ],
                    default="merge",
                ),
                self._on_disk_choice,
            )
            return False
        except JixiaoError as exc:
            screen.say(str(exc), "error")
            return False
        self._saved(done, kept)
        return True

    def _saved(self, done: str = "", kept: Path | None = None) -> None:
        self.screen.app.journal.settle(self.screen.session)  # type: ignore[attr-defined]
        self.screen.look_at_disk()  # the title's "changed on disk" mark goes at once
        self.screen.show_title()
        name = printable(self.screen.session.path.name)
        if kept is None:
            self.screen.say(done or f"已保存 {name}（saved）")
        else:  # another program wrote while saving: its version is beside the file
            self.screen.say(
                f"已保存 {name}；另一程序同时写入的版本另存为 {printable(kept.name)}"
                "（saved; a version written meanwhile by another program was kept beside it）",
                "warning",
            )
        self.screen.look_up_approval()

    def merge(self) -> None:
        """Merge my edits onto the version on disk, resolve its conflicts, save."""
        screen, session = self.screen, self.screen.session
        try:
            merge = merge_onto_disk(session.file)
        except JixiaoError as exc:
            screen.say(str(exc), "error")
            return
        session.adopt_merge(merge)
        screen.model_changed()
        done = "已将我的修改合并到磁盘版本并保存（merged onto the version on disk and saved）"

        def after(left: int) -> None:
            if self.save(done) and left:
                screen.say(
                    f"已合并并保存，{left} 个冲突留在文件中（saved; {left} left: M001, ^r）",
                    "warning",
                )

        if not step_through(screen, then=after):
            self.save(done)

    def _on_disk_choice(self, choice: str | None) -> None:
        screen, session = self.screen, self.screen.session
        if choice == "merge":
            self.merge()
        elif choice == "reload":
            try:
                session.reload()
            except JixiaoError as exc:
                screen.say(str(exc), "error")
                return
            screen.app.journal.settle(session)  # type: ignore[attr-defined]
            screen.look_at_disk()
            screen.model_changed()
            screen.say("已重新载入（reloaded）")
        elif choice == "overwrite":
            try:
                kept = session.save(force=True)
            except JixiaoError as exc:
                screen.say(str(exc), "error")
                return
            self._saved(kept=kept)

    def save_as(self) -> None:
        """Ask for a new file name and save there."""
        session = self.screen.session
        default = session.path.with_name(session.path.stem + "-副本.toml")

        def write(name: str | None) -> None:
            if not name:
                return
            old = session.path
            target = Path(name)
            if target.suffix != ".toml":
                target = target.with_name(target.name + ".toml")
            try:
                session.file.save_as(target)
            except JixiaoError as exc:
                self.screen.say(str(exc), "error")
                return
            session.break_coalescing()
            self._saved()  # no write for the old name is pending after it
            discard_recovery(old)

        self.screen.app.push_screen(PromptDialog("另存为（save as）", str(default)), write)
