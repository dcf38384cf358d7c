"""The Textual application: opens a table or a folder, guards unsaved edits."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.driver import Driver
from textual.screen import Screen

from tui.checking import settings_for
from tui.editing.recovery import Recovery, discard_recovery, find_recovery
from tui.editing.session import Session
from tui.errors import JixiaoError
from tui.escape import printable
from tui.paths import iter_table_paths
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import load_table
from tui.ui.dialogs import ChoiceDialog
from tui.ui.editor_screen import EditorScreen
from tui.ui.keys import route_key, route_paste
from tui.ui.lost_escape import HOLD, LostEscape
from tui.ui.recovery_journal import POLL, RecoveryJournal, SignalExit, end_process, keep_aside
from tui.ui.recovery_merge import adopt_recovery

if TYPE_CHECKING:
    from tui.ui.workspace_screen import WorkspaceScreen

_NAME_SCAN_LIMIT = 200


def folder_names(folder: Path) -> list[str]:
    """三级 names used by the tables of ``folder`` (for completion)."""
    names: set[str] = set()
    for index, path in enumerate(iter_table_paths([folder])):
        if index >= _NAME_SCAN_LIMIT:
            break
        try:
            table = load_table(path)
        except JixiaoError:
            continue
        names.update(row.name for row in table.indicators if row.name)
    return sorted(names)


def _actions_provider():
    """The palette's provider, imported when the palette first opens."""
    from tui.ui.commands import ActionsProvider

    return ActionsProvider


class JixiaoApp(App):
    """jixiao: a folder's workspace or one table's editor."""

    CSS_PATH = "app.tcss"
    COMMANDS = {_actions_provider}
    TITLE = "jixiao"

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes go through the key router, one after the other (``tui.ui.keys``)."""
        if not event.is_forwarded:
            if isinstance(event, events.Key):
                if await self.lost_escape.key(event):
                    self.set_timer(HOLD, self.lost_escape.pause)
                    return
                if await route_key(self.screen, event):
                    return
            if isinstance(event, events.Paste) and route_paste(self.screen, event):
                return
        await super().on_event(event)

    async def _deliver_key(self, event: events.Key) -> None:
        if not await route_key(self.screen, event):
            await super().on_event(event)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """No built-in (English) palette commands: the palette offers jixiao's own actions."""
        return ()

    def action_command_palette(self) -> None:
        """^p: the palette, in Chinese."""
        from textual.command import CommandPalette

        self.push_screen(CommandPalette(placeholder="搜索命令（search commands）…"))

    def say(self, message: str, severity: str = "information") -> None:
        """A message on the current screen's status line (a toast where there is none)."""
        say = getattr(self.screen, "say", None)
        if say is not None:
            say(message, severity)
        else:
            self.notify(printable(message), severity=severity, markup=False)  # type: ignore[arg-type]

    def __init__(
        self,
        *,
        folder: Path | None = None,
        file: TableFile | None = None,
        driver_class: type[Driver] | None = None,
    ) -> None:
        """``driver_class``: e.g. the cell-diff driver (``tui.ui.terminal_diff``)."""
        super().__init__(driver_class=driver_class)
        self.folder = folder
        self.initial_file = file
        self.workspace: WorkspaceScreen | None = None  # when a folder was opened
        self.journal = RecoveryJournal(self._warn_from_any_thread)
        self.lost_escape = LostEscape(self._deliver_key)
        self._event_loop_for_signals: asyncio.AbstractEventLoop | None = None

    def install_signal_handlers(self) -> None:
        """SIGHUP/SIGTERM end the process at any moment, after writing recoveries."""
        SignalExit(self.journal, self._request_exit).install()

    def get_default_screen(self) -> Screen:
        """The first screen itself (no blank screen that could swallow early keys)."""
        if self.folder is not None:
            from tui.ui.workspace_screen import WorkspaceScreen

            self.workspace = WorkspaceScreen(self.folder)
            return self.workspace
        if self.initial_file is not None:
            return self._editor(self.initial_file)
        return super().get_default_screen()

    def on_mount(self) -> None:
        """Start the recovery journal; offer the first table's recovery, if any."""
        self._event_loop_for_signals = asyncio.get_running_loop()
        self.set_interval(POLL, self.journal.poll)
        if isinstance(self.screen, EditorScreen):
            self._after_open(self.screen)

    # -- opening -------------------------------------------------------------
    def open_table(self, path: Path) -> None:
        """Open the table at ``path`` in a new editor screen."""
        try:
            file = TableFile.load(path)
        except JixiaoError as exc:
            self.say(str(exc), "error")
            return
        self.open_file(file)

    def open_file(self, file: TableFile) -> None:
        """Open ``file`` in an editor, offering its recovery file first if it has one."""
        screen = self._editor(file)
        self.push_screen(screen)
        self._after_open(screen)

    def _editor(self, file: TableFile) -> EditorScreen:
        try:
            settings = settings_for(file.path)
        except JixiaoError as exc:
            self.call_after_refresh(self.say, str(exc), "error")
            settings = {}
        session = Session(file)
        self.journal.track(session)
        return EditorScreen(session, [], settings)

    def _after_open(self, screen: EditorScreen) -> None:
        """Read the neighbours' names in a thread; offer the recovery file on top."""
        file = screen.session.file
        if file.path.parent.exists():
            self.run_worker(lambda: self._scan_names(screen), thread=True)
        try:
            recovery = find_recovery(file)
        except JixiaoError as exc:  # a link, FIFO or broken file at the recovery path: ignored
            self.call_after_refresh(self.say, f"{exc}，已忽略（ignored）", "warning")
            return
        if recovery is not None:
            dialog = _recovery_dialog(file, recovery)
            self.push_screen(dialog, self._recovery_answer(screen, recovery))

    def _recovery_answer(self, screen: EditorScreen, recovery: Recovery):
        def answer(choice: str | None) -> None:
            message = None
            if choice in ("restore", "merge"):  # in the editor, as one undo step
                self.call_after_refresh(adopt_recovery, screen, recovery, choice == "merge")
                return
            if choice == "discard":
                discard_recovery(screen.session.path)
            else:  # kept: moved aside, so that new edits cannot overwrite it
                try:
                    kept = keep_aside(recovery)
                    shown = printable(kept.name)
                    message = (f"恢复文件已另存为 {shown}（recovery kept aside）", "")
                except JixiaoError as exc:
                    message = (str(exc), "error")
            if message is not None:
                self.call_after_refresh(self.say, message[0], message[1] or "information")

        return answer

    def _scan_names(self, screen: EditorScreen) -> None:
        names = folder_names(screen.session.path.parent)
        self.call_from_thread(self._names_found, screen, names)

    def _names_found(self, screen: EditorScreen, names: list[str]) -> None:
        """Completion offers the folder's 三级 names once they are read."""
        screen.other_names = names
        panel = screen.panels.get("indicators")
        if panel is not None and panel.is_mounted:
            index = panel.current_index()
            panel.set_suggestions(None if index is None else panel.rows[index])

    # -- leaving -------------------------------------------------------------
    async def action_quit(self) -> None:
        """^q anywhere: quit through the unsaved-changes guard of the open table."""
        editors = self._editors()
        if editors:
            self.leave_editor(editors[-1], quit_app=True)
        else:
            self.exit()

    def leave_editor(self, screen: EditorScreen, *, quit_app: bool) -> None:
        """Close ``screen`` (and the app when ``quit_app`` or no workspace), asking first."""

        def close() -> None:
            self.journal.untrack(screen.session)
            if quit_app:
                self.exit()
                return
            if self.workspace is None:  # opened by path: its folder becomes the workspace
                from tui.ui.workspace_screen import WorkspaceScreen

                self.workspace = WorkspaceScreen(screen.session.path.parent)
                # The first screen cannot be popped: the closed editor stays beneath.
                self.push_screen(self.workspace)
                return
            self.pop_screen()
            self.workspace.refresh_row(screen.session.path)

        if not screen.session.modified:
            close()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                if screen.saving.save():
                    close()
            elif choice == "discard":
                self.journal.untrack(screen.session, discard=True)
                close()

        self.push_screen(
            ChoiceDialog(
                "有未保存的修改（unsaved changes）",
                f"{printable(screen.session.path.name)} 已修改但未保存。",
                [("s", "保存", "save"), ("d", "放弃修改", "discard")],
            ),
            answer,
        )

    # -- recovery ------------------------------------------------------------
    def _editors(self) -> list[EditorScreen]:
        return [s for s in self.screen_stack if isinstance(s, EditorScreen)]

    def write_recoveries(self) -> None:
        """Write a recovery file for every open table with unsaved edits, now."""
        self.journal.flush()

    def save_recovery_and_exit(self) -> None:
        """SIGHUP/SIGTERM: keep unsaved edits in recovery files, then exit."""
        self.write_recoveries()
        self.exit(return_code=1)

    def _request_exit(self) -> None:
        """Ask the running app to exit (from a signal handler); end the process if none runs."""
        loop = self._event_loop_for_signals
        if loop is None or loop.is_closed() or not loop.is_running():
            end_process(1)
        loop.call_soon_threadsafe(self.exit, None, 1)

    def _warn_from_any_thread(self, message: str) -> None:
        loop = self._event_loop_for_signals
        if loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(self.say, message, "warning")


def _recovery_dialog(file: TableFile, recovery: Recovery) -> ChoiceDialog:
    """The question asked when a table has a recovery file; a stale one is said to be."""
    name = printable(file.path.name)
    shown = "打开磁盘版本" if file.path.exists() else "新建空表"  # a new table has none
    keep = ("k", f"另存恢复文件，{shown}", "keep")
    if not recovery.stale:
        return ChoiceDialog(
            "发现未保存的修改（unsaved edits found）",
            f"上次编辑 {name} 时会话中断，修改已保存在恢复文件中。",
            [("r", "恢复修改", "restore"), keep, ("d", "丢弃恢复文件", "discard")],
        )
    return ChoiceDialog(
        "恢复文件基于旧版本（the recovery is older than the file）",
        f"上次编辑 {name} 时会话中断；此后磁盘上的文件已被修改（例如 git pull）。"
        "恢复后保存会撤销磁盘上的那些修改。"
        "（The file changed on disk since; restoring and saving would revert that change.）",
        [
            ("m", "合并到磁盘上的新版本（推荐）", "merge"),
            ("r", "仍然恢复（覆盖磁盘上的修改）", "restore"),
            keep,
            ("d", "丢弃恢复文件", "discard"),
        ],
        default="merge",
    )
