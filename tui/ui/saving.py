"""Saving one table from the editor: atomic save, external changes, save as."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.editing.recovery import discard_recovery
from tui.errors import ChangedOnDiskError, JixiaoError
from tui.escape import printable
from tui.ui.dialogs import ChoiceDialog, PromptDialog

if TYPE_CHECKING:
    from tui.ui.editor_screen import EditorScreen


class SaveFlow:
    """The save actions of one editor screen (the core does the writing)."""

    def __init__(self, screen: EditorScreen) -> None:
        self.screen = screen

    def save(self) -> bool:
        """Save; returns whether the file on disk now holds the edits."""
        screen, session = self.screen, self.screen.session
        if session.invalid:
            screen.say("有无效的输入，请先更正再保存（fix invalid values before saving）", "error")
            return False
        try:
            session.save()
        except ChangedOnDiskError:
            screen.app.push_screen(
                ChoiceDialog(
                    "文件已在磁盘上被修改（changed on disk）",
                    f"{printable(str(session.path))} 在打开后被其他程序修改。",
                    [
                        ("r", "重新载入（丢弃我的修改）", "reload"),
                        ("o", "覆盖磁盘文件", "overwrite"),
                    ],
                ),
                self._on_disk_choice,
            )
            return False
        except JixiaoError as exc:
            screen.say(str(exc), "error")
            return False
        self._saved()
        return True

    def _saved(self) -> None:
        discard_recovery(self.screen.session.path)
        self.screen.show_title()
        self.screen.say(f"已保存 {printable(self.screen.session.path.name)}（saved）")

    def _on_disk_choice(self, choice: str | None) -> None:
        screen, session = self.screen, self.screen.session
        if choice == "reload":
            try:
                session.reload()
            except JixiaoError as exc:
                screen.say(str(exc), "error")
                return
            screen.model_changed()
            screen.say("已重新载入（reloaded）")
        elif choice == "overwrite":
            try:
                session.save(force=True)
            except JixiaoError as exc:
                screen.say(str(exc), "error")
                return
            self._saved()

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
            discard_recovery(old)
            self._saved()

        self.screen.app.push_screen(PromptDialog("另存为（save as）", str(default)), write)
