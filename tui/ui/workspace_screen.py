"""The workspace: the tables of a folder with their problem counts; Enter opens one.

The list appears at once; each table is read and checked in a worker thread
and its counts fill in as they come.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.checking import FileCheck, check_path
from tui.editing.recovery import unsaved_new_tables
from tui.escape import printable
from tui.paths import iter_table_paths, table_file_name
from tui.skeleton import new_table_file
from tui.ui.actions import bindings
from tui.ui.dialogs import PromptDialog
from tui.ui.text import SEVERITY_MARK, plain
from tui.ui.widgets.key_bar import KeyBar

PENDING = Text("…", "dim")
NONE = Text("—", "dim")
SUMMARY_COLUMNS = ("项目名称", "错误", "警告", "提示")  # the columns after the file name
FILE_MAX, FILE_MIN, NAME_MIN, COUNT_WIDTH = 40, 12, 10, 5
PADDING = 2  # a DataTable column takes one more cell on each side


def workspace_columns(file_width: int, width: int) -> list[tuple[str, int]]:
    """The columns that fit in ``width`` cells, as ``(label, width)``.

    The three counts always; the file name as wide as the longest (at most
    ``FILE_MAX``, cut to fit down to ``FILE_MIN``); the project name, the least
    needed (file names usually say it too), in the rest, dropped under ``NAME_MIN``.
    """
    counts = [(label, COUNT_WIDTH) for label in SUMMARY_COLUMNS[1:]]
    room = width - len(counts) * (COUNT_WIDTH + PADDING)  # for the file and name columns
    file = min(file_width, FILE_MAX)
    name = room - file - 2 * PADDING
    if name >= NAME_MIN:
        return [("文件", file), (SUMMARY_COLUMNS[0], name), *counts]
    return [("文件", max(min(file, room - PADDING), FILE_MIN)), *counts]


def summary_cells(report: FileCheck) -> tuple[Text, Text, Text, Text]:
    """Project name and error / warning / hint counts of one checked file."""
    if report.result is None:
        reason = (report.error or "").split(": ", 1)[-1]
        return plain(f"无法读取：{reason}", "bold red"), Text("—"), Text("—"), Text("—")
    counts = report.result.counts
    cells = [plain(report.name or "（未命名）")]
    for severity in ("error", "warning", "hint"):
        mark, style = SEVERITY_MARK[severity]
        cells.append(Text(f"{mark}{counts[severity]}", style if counts[severity] else "dim"))
    return cells[0], cells[1], cells[2], cells[3]


class WorkspaceScreen(Screen):
    """A folder of tables."""

    KEY_SCOPES = ("workspace",)
    BINDINGS = bindings("workspace")
    PALETTE_SCOPES = ("workspace",)

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.paths = self.listed()
        self.reports: dict[Path, FileCheck] = {}  # the checks done so far, by path

    def listed(self) -> list[Path]:
        """The folder's tables, then the new tables never saved that have a recovery."""
        return [*iter_table_paths([self.folder]), *unsaved_new_tables(self.folder)]

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield DataTable(id="tables", cursor_type="row", zebra_stripes=False)
        yield Static("", id="status", markup=False)
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        """List the files at once; counts come from a worker."""
        self.fill()
        self.set_focus(self.query_one(DataTable))

    def fill(self, select: Path | None = None) -> None:
        """(Re)list the folder's tables, with the cursor on ``select`` if given."""
        self.paths = self.listed()
        self.reports = {}
        count = f"{len(self.paths)} 个表格" if self.paths else "没有表格：按 n 新建（n: new table）"
        title = plain(f" 工作区 {self.folder}  {count}", "bold")
        self.query_one("#title", Static).update(title)
        self.lay_out(select)
        self.run_worker(self._check_all, thread=True, exclusive=True)

    def lay_out(self, select: Path | None = None) -> None:
        """The columns that fit the width, and every row with the counts known so far."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        names = [str(p.relative_to(self.folder)) for p in self.paths]
        width = self.app.size.width
        if len(self.paths) > self.app.size.height - 4:  # a vertical scrollbar takes 2 cells
            width -= 2
        columns = workspace_columns(max([cell_len(n) for n in names] + [4]), width)
        for label, column_width in columns:
            table.add_column(label, width=column_width, key=label)
        for path, name in zip(self.paths, names):
            report = self.reports.get(path)
            cells: tuple[Text, ...] = (PENDING,) * len(SUMMARY_COLUMNS)
            if not path.exists():
                cells = (plain("未保存的新表，有恢复文件：Enter 打开", "yellow"),) + (NONE,) * 3
            elif report:
                cells = summary_cells(report)
            shown = [cell for label, cell in zip(SUMMARY_COLUMNS, cells) if label in table.columns]
            table.add_row(plain(name), *shown, key=str(path))
        if select is not None and str(select) in table.rows:
            table.move_cursor(row=table.get_row_index(str(select)))

    def on_resize(self) -> None:
        """Columns again for the new width (the counts already found are kept)."""
        if self.is_mounted and self.paths:
            table = self.query_one(DataTable)
            row = table.cursor_row
            self.lay_out(self.paths[row] if 0 <= row < len(self.paths) else None)

    def _check_all(self) -> None:
        cache: dict = {}
        for path in [p for p in self.paths if p.exists()]:
            report = check_path(path, settings_cache=cache)
            self.app.call_from_thread(self._show_counts, path, report)

    def _show_counts(self, path: Path, report: FileCheck) -> None:
        self.reports[path] = report
        table = self.query_one(DataTable)
        key = str(path)
        if key in table.rows:
            for label, value in zip(SUMMARY_COLUMNS, summary_cells(report)):
                if label in table.columns:
                    table.update_cell(key, label, value)

    def refresh_row(self, path: Path) -> None:
        """Back from editing ``path``: list again (a new table appears), cursor on it."""
        self.fill(select=path)

    def say(self, message: str, severity: str = "information") -> None:
        """One status line."""
        style = {"error": "bold red", "warning": "yellow"}.get(severity, "")
        self.query_one("#status", Static).update(plain(message, style))

    def action_open_table(self) -> None:
        """Open the highlighted table in the editor."""
        table = self.query_one(DataTable)
        if not self.paths:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is None:
            return
        if Path(key).exists():
            self.app.open_table(Path(key))  # type: ignore[attr-defined]
        else:  # a new table never saved: opened new, and its recovery is offered
            self.app.open_file(new_table_file(Path(key)))  # type: ignore[attr-defined]

    def action_new_table(self) -> None:
        """Ask for a name and open a new table there (saved on ^s)."""

        def create(name: str | None) -> None:
            if not name:
                return
            try:
                path = self.folder / table_file_name(name)
            except ValueError as exc:
                self.say(str(exc), "error")
                return
            if path.exists():
                self.say(f"文件已存在（file exists）：{printable(path.name)}", "error")
                return
            self.app.open_file(new_table_file(path))  # type: ignore[attr-defined]

        self.app.push_screen(
            PromptDialog("新建表格：文件名（new table: file name）", "新项目"), create
        )

    def action_quit_workspace(self) -> None:
        """Quit jixiao."""
        self.app.exit()

    def action_help(self) -> None:
        """F1: the workspace's keys."""
        from tui.ui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.PALETTE_SCOPES))

    def action_palette(self) -> None:
        """^p: the command palette."""
        self.app.action_command_palette()
