"""History and saving actions of the editor screen: undo, redo, save, quit."""

from __future__ import annotations

from pathlib import Path

from tui.editing.recovery import discard_recovery
from tui.errors import ChangedOnDiskError, JixiaoError
from tui.escape import printable
from tui.model import FieldRef
from tui.ui.dialogs import ChoiceDialog


class SavingMixin:
    """Mixed into ``EditorScreen``; saving goes through the core's atomic save."""

    async def action_undo(self) -> None:
        """Undo the last edit."""
        await self._after_history(self.session.undo(), "没有可撤销的修改（nothing to undo）")

    async def action_redo(self) -> None:
        """Redo the last undone edit."""
        await self._after_history(self.session.redo(), "没有可重做的修改（nothing to redo）")

    async def _after_history(self, ref: FieldRef | None, empty: str) -> None:
        if ref is None:
            self.notify(empty, markup=False)
            return
        in_tree = self.focused is self.indicator_tree
        self.refresh_all()
        await self.jump_to(ref)
        if in_tree and ref[0] == "indicators":
            self.set_focus(self.indicator_tree)

    def action_save(self) -> None:
        """Save atomically; on an external change, offer reload or overwrite."""
        if self.session.invalid:
            self.notify(
                "有无效的输入，请先更正再保存（fix invalid values before saving）",
                severity="error",
                markup=False,
            )
            return
        try:
            kept = self.session.save()
        except ChangedOnDiskError:
            self.app.push_screen(
                ChoiceDialog(
                    "文件已在磁盘上被修改（changed on disk）",
                    f"{printable(str(self.session.path))} 在打开后被其他程序修改。",
                    [
                        ("r", "重新载入（丢弃我的修改）", "reload"),
                        ("o", "覆盖磁盘文件", "overwrite"),
                    ],
                ),
                self._on_disk_choice,
            )
            return
        except JixiaoError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._saved(kept)

    def _saved(self, kept: Path | None = None) -> None:
        discard_recovery(self.session.path)
        self._show_title()
        name = printable(self.session.path.name)
        if kept is not None:
            self.notify(
                f"已保存 {name}；保存时另一程序写入的版本另存为 {printable(kept.name)}"
                "（saved; a version written meanwhile by another program was kept beside it）",
                severity="warning",
                markup=False,
                timeout=10,
            )
            return
        self.notify(f"已保存 {name}（saved）", markup=False, timeout=2)

    def _on_disk_choice(self, choice: str | None) -> None:
        if choice == "reload":
            try:
                self.session.reload()
            except JixiaoError as exc:  # deleted or made unreadable meanwhile
                self.notify(str(exc), severity="error", markup=False)
                return
            self.refresh_all()
            self.notify("已重新载入（reloaded）", markup=False)
        elif choice == "overwrite":
            try:
                kept = self.session.save(force=True)
            except JixiaoError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self._saved(kept)

    def action_quit_editor(self) -> None:
        """Quit; with unsaved changes ask save / discard / cancel."""
        self.app.leave_editor(self, quit_app=True)

    def action_workspace(self) -> None:
        """Back to the folder's table list."""
        self.app.leave_editor(self, quit_app=False)
