"""The workspace: the tables of a folder with their problem counts; Enter opens one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.checking import check_path
from tui.escape import printable
from tui.paths import iter_table_paths
from tui.ui.actions import bindings
from tui.ui.text import plain


def summarize(path: Path) -> tuple[Text, Text, Text, Text]:
    """Project name and error / warning / hint counts of one table file."""
    report = check_path(path)
    if report.result is None:
        reason = (report.error or "").split(": ", 1)[-1]
        return plain(f"无法读取：{reason}", "bold red"), Text("—"), Text("—"), Text("—")
    counts = report.result.counts
    return (
        plain(report.name or "（未命名）"),
        Text(f"✖{counts['error']}", "bold red" if counts["error"] else "dim"),
        Text(f"▲{counts['warning']}", "yellow" if counts["warning"] else "dim"),
        Text(f"·{counts['hint']}", "cyan" if counts["hint"] else "dim"),
    )


class WorkspaceScreen(Screen):
    """A folder of tables."""

    BINDINGS = bindings("workspace")
    PALETTE_SCOPES = ("workspace",)

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.paths = list(iter_table_paths([folder]))

    def compose(self) -> ComposeResult:
        yield Static(
            plain(f" 工作区 {printable(str(self.folder))}  {len(self.paths)} 个表格", "bold"),
            id="title",
        )
        yield DataTable(id="tables", cursor_type="row", zebra_stripes=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the table list."""
        table = self.query_one(DataTable)
        table.add_columns("文件", "项目名称", "错误", "警告", "提示")
        for path in self.paths:
            name = plain(str(path.relative_to(self.folder)))
            table.add_row(name, *summarize(path), key=str(path))
        table.focus()

    def refresh_row(self, path: Path) -> None:
        """Update one file's counts after it was edited."""
        table = self.query_one(DataTable)
        key = str(path)
        if key in table.rows:
            for column, value in zip(list(table.columns)[1:], summarize(path)):
                table.update_cell(key, column, value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter opens the table."""
        self.action_open_table()

    def action_open_table(self) -> None:
        """Open the highlighted table in the editor."""
        table = self.query_one(DataTable)
        if not self.paths:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.app.open_table(Path(key))

    def action_quit_workspace(self) -> None:
        """Quit jixiao."""
        self.app.exit()

    def action_help(self) -> None:
        """F1: the help page."""
        from tui.ui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())
