"""导出: a preview of the txt or Markdown export; write it to a file or copy it (OSC 52)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.ui.actions import bindings


class ExportPreview(TextArea):
    """The read-only export text; plain letters act as commands here."""

    BINDINGS = bindings("export")

    def __init__(self, **kwargs) -> None:
        super().__init__(read_only=True, soft_wrap=False, show_line_numbers=False, **kwargs)


class ExportPanel(Vertical):
    """Format line and preview."""

    def compose(self) -> ComposeResult:
        yield Static("", id="export-status", markup=False)
        yield ExportPreview(id="export-preview")
