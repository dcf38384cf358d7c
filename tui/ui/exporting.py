"""Export actions of the editor screen: preview, write to a file, copy over OSC 52."""

from __future__ import annotations

from pathlib import Path

from tui.errors import JixiaoError
from tui.tomlfile.atomic import write_atomic
from tui.ui.dialogs import PromptDialog


class ExportMixin:
    """Mixed into ``EditorScreen``; the text comes from the core's exporter."""

    def export_text(self) -> str:
        """The current table exported in the chosen format, fitted to the panel width."""
        from tui.export import export_tables  # imported on first use: faster start-up

        width = max(self.size.width - 2, 40)
        return export_tables([self.session.table], self.export_format, width=width)

    def render_export(self) -> None:
        """Refresh the preview and the status line."""
        status = f"格式 {self.export_format}（f 切换 txt/md）  w 写入文件  c 复制到剪贴板（OSC 52）"
        self.query_one("#export-status").update(status)
        self.query_one("#export-preview").load_text(self.export_text())

    def action_toggle_format(self) -> None:
        """Switch the preview between txt and Markdown."""
        self.export_format = "md" if self.export_format == "txt" else "txt"
        self.render_export()

    def action_write_export(self) -> None:
        """Ask for a file name and write the export there."""
        default = self.session.path.with_suffix("." + self.export_format)
        self.app.push_screen(
            PromptDialog("导出到文件（export to file）", str(default)), self._write
        )

    def _write(self, name: str | None) -> None:
        if not name:
            return
        path = Path(name)
        try:
            write_atomic(path, self.export_text().encode("utf-8"))
        except JixiaoError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(f"已导出到 {path}（written）", markup=False)

    def action_copy_export(self) -> None:
        """Copy the export to the local clipboard through the terminal (OSC 52)."""
        self.app.copy_to_clipboard(self.export_text())
        self.notify("已复制到剪贴板（copied via OSC 52）", markup=False, timeout=2)
