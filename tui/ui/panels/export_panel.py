"""导出: a preview of the txt or Markdown export; write it to a file or copy it (OSC 52)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.checking import CheckResult
from tui.errors import JixiaoError
from tui.escape import printable
from tui.tomlfile.atomic import write_atomic
from tui.ui.actions import bindings
from tui.ui.dialogs import ChoiceDialog, PromptDialog
from tui.ui.editor_api import Editor


class ExportPanel(Vertical):
    """Format line and preview; the text comes from the core's exporter."""

    KEY_SCOPES = ("export",)
    BINDINGS = bindings("export")

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editor = editor
        self.export_format = "txt"
        self.status = Static("", id="export-status", markup=False)
        self.preview = TextArea(
            read_only=True, soft_wrap=False, show_line_numbers=False, id="export-preview"
        )

    def compose(self) -> ComposeResult:
        yield self.status
        yield self.preview

    def export_text(self) -> str:
        """The table exported in the chosen format, fitted to the screen's width."""
        from tui.export import export_tables  # imported on first use: faster start-up

        width = max(self.app.size.width - 2, 40)
        return export_tables([self.editor.session.table], self.export_format, width=width)

    def reload(self) -> None:
        """Refresh the preview and the status line."""
        self.status.update(
            f"格式 {self.export_format}（f 切换 txt/md）  w 写入文件  c 复制到剪贴板（OSC 52）"
        )
        self.preview.load_text(self.export_text())

    def show_result(self, result: CheckResult) -> None:
        """The preview follows the model when shown."""
        if self.display:
            self.reload()

    def action_scroll_preview(self, columns: int, lines: int) -> None:
        """hjkl / arrows: scroll the preview sideways and down, whatever has the focus."""
        self.preview.scroll_relative(columns, lines, animate=False, immediate=True)

    def action_toggle_format(self) -> None:
        """Switch the preview between txt and Markdown."""
        self.export_format = "md" if self.export_format == "txt" else "txt"
        self.reload()

    def action_write_export(self) -> None:
        """Ask for a file name and write the export there."""
        default = self.editor.session.path.with_suffix("." + self.export_format)
        self.app.push_screen(
            PromptDialog("导出到文件（export to file）", str(default)), self._write
        )

    def _write(self, name: str | None) -> None:
        if not name:
            return
        path = Path(name)
        if path.exists():

            def answer(choice: str | None) -> None:
                if choice == "overwrite":
                    self._write_to(path)

            self.app.push_screen(
                ChoiceDialog(
                    "文件已存在（file exists）",
                    f"{printable(name)} 已存在，覆盖吗？",
                    [("o", "覆盖", "overwrite")],
                ),
                answer,
            )
            return
        self._write_to(path)

    def _write_to(self, path: Path) -> None:
        name = str(path)
        try:
            write_atomic(path, self.export_text().encode("utf-8"))
        except JixiaoError as exc:
            self.editor.say(str(exc), "error")
            return
        self.editor.say(f"已导出到 {printable(name)}（written）")

    def action_copy_export(self) -> None:
        """Copy the export to the local clipboard through the terminal (OSC 52)."""
        self.app.copy_to_clipboard(self.export_text())
        self.editor.say("已复制到剪贴板（copied via OSC 52）")
