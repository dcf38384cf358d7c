"""历史: the commits that touched the file, what each changed cell by cell, the buffer vs HEAD.

The screen appears at once; git runs in worker threads (the list of commits,
then the diff of the highlighted commit against its parent, each kept once
read). Outside a git repository, or for a file never committed, it says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.errors import JixiaoError
from tui.escape import printable
from tui.history.diff import TableDiff, diff_tables
from tui.history.git import Commit, commit_versions, file_history, table_at
from tui.history.report import AFTER_APPROVAL, KIND_ZH, LOWERED, Style, text_lines
from tui.ui.actions import bindings
from tui.ui.text import plain
from tui.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.editing.session import Session

HEAD_KEY = "HEAD"  # the diff of the buffer against HEAD, kept beside the commits' diffs
_KIND_STYLE = {"added": "green", "removed": "red", "moved": "cyan", "changed": "yellow"}
NO_CHANGE = "没有表格内容的变化（no changes to the table）"


def diff_text(diff: TableDiff) -> Text:
    """A diff as ``jixiao diff`` prints it (escaped), coloured by kind, flags highlighted."""
    lines = text_lines(diff, Style(False)) or [NO_CHANGE]
    text = Text("\n".join(lines))
    offset = 0
    for line in lines:
        for kind, word in KIND_ZH.items():
            if line.startswith(word + " "):
                text.stylize(f"bold {_KIND_STYLE[kind]}", offset, offset + len(word))
        offset += len(line) + 1
    text.highlight_words([LOWERED, AFTER_APPROVAL], "bold magenta")
    return text


def commit_label(commit: Commit) -> Text:
    """``a1b2c3d  2024-03-05  张三  subject`` (escaped, one line)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(commit.short + "  ", "bold yellow")
    text.append(commit.date[:10] + "  ", "dim")
    text.append(printable(commit.author) + "  ", "cyan")
    text.append(printable(commit.subject))
    return text


class HistoryScreen(Screen):
    """The git history of one open table."""

    KEY_SCOPES = ("history",)
    BINDINGS = bindings("history")
    PALETTE_SCOPES = ("history",)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.commits: list[Commit] = []
        self.diffs: dict[str, Text] = {}  # commit sha (or HEAD_KEY) → its diff, once read
        self.shown = ""  # the sha (or HEAD_KEY) whose diff is shown
        self.index_shown = -1  # the commit last shown by position
        self.buffer = session.table.clone()  # what "h" compares with HEAD

    def compose(self) -> ComposeResult:
        name = printable(self.session.path.name)
        yield Static(plain(f" 历史 {name}（git history）", "bold"), id="title")
        yield OptionList(id="commits")
        yield Static("", id="diff-heading")
        with VerticalScroll(id="diff-scroll", can_focus=False):
            yield Static("", id="diff")
        yield Static("", id="status", markup=False)
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        """Show the screen now; read the commits in a worker."""
        commits = self.query_one("#commits", OptionList)
        commits.add_option(Option(Text("读取 git 历史…（reading git history）", "dim")))
        self.set_focus(commits)
        path = self.session.path
        self.run_worker(lambda: self.read_history(path), thread=True, group="history")

    # -- workers -------------------------------------------------------------
    def read_history(self, path: Path) -> None:
        """Worker: the file's commits, or the reason there are none."""
        try:
            commits, error = file_history(path), ""
        except JixiaoError as exc:
            commits, error = [], f"{exc.zh}（{exc.en}）"
        self.deliver(self.history_read, commits, error)

    def read_diff(self, key: str, index: int) -> None:
        """Worker: the diff of commit ``index`` against its parent (or the buffer vs HEAD)."""
        try:
            if key == HEAD_KEY:
                old, new = table_at("HEAD", self.session.path), self.buffer
            else:
                older = self.commits[index + 1] if index + 1 < len(self.commits) else None
                old, new = commit_versions(self.session.path, self.commits[index], older)
            text = diff_text(diff_tables(old, new))
        except JixiaoError as exc:
            text = plain(f"{exc.zh}（{exc.en}）", "red")
        self.deliver(self.diff_read, key, text)

    def deliver(self, method: Callable[..., None], *args: Any) -> None:
        """From a worker: run ``method`` on the UI thread, unless the screen was closed."""

        def run() -> None:
            if self.is_attached:
                method(*args)

        try:
            self.app.call_from_thread(run)
        except RuntimeError:  # the app has exited meanwhile
            pass

    # -- results -------------------------------------------------------------
    def history_read(self, commits: list[Commit], error: str) -> None:
        """Fill the list of commits (newest first) and show the newest one's diff."""
        self.commits = commits
        listing = self.query_one("#commits", OptionList)
        listing.clear_options()
        if not commits:
            reason = error or "此文件还没有提交（the file has no commits yet）"
            listing.add_option(Option(plain(reason, "yellow"), disabled=True))
            self.say("h 比较当前内容与 HEAD（h: compare the buffer with HEAD）")
            return
        listing.add_options([Option(commit_label(c), id=c.sha) for c in commits])
        listing.highlighted = 0
        self.show_commit(0)
        self.say(f"{len(commits)} 个提交（commits）")

    def diff_read(self, key: str, text: Text) -> None:
        """A diff was read: keep it, and show it if it is still the one asked for."""
        self.diffs[key] = text
        if key == self.shown:
            self.query_one("#diff", Static).update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A commit highlighted by a key the list handled itself (Home, End …)."""
        if event.option_index != self.index_shown and 0 <= event.option_index < len(self.commits):
            self.show_commit(event.option_index)

    def show_commit(self, index: int) -> None:
        """The diff of commit ``index`` against its parent."""
        self.index_shown = index
        commit = self.commits[index]
        heading = f"{commit.short} 与上一版本相比（against its parent）: "
        self.show_diff(commit.sha, index, plain(heading + printable(commit.subject), "bold"))

    def show_diff(self, key: str, index: int, heading: Text) -> None:
        """Show the diff kept for ``key``, or read it in a worker."""
        self.shown = key
        self.query_one("#diff-heading", Static).update(heading)
        self.query_one("#diff-scroll", VerticalScroll).scroll_home(animate=False)
        text = self.diffs.get(key)
        self.query_one("#diff", Static).update(text or Text("…", "dim"))
        if text is None:
            self.run_worker(lambda: self.read_diff(key, index), thread=True, group="diff")

    def say(self, message: str, severity: str = "information") -> None:
        """One status line."""
        style = {"error": "bold red", "warning": "yellow"}.get(severity, "")
        self.query_one("#status", Static).update(plain(message, style))

    # -- actions -------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        """j/k: the next or previous commit (from the HEAD comparison: the one highlighted)."""
        if not self.commits:
            return
        listing = self.query_one("#commits", OptionList)
        current = listing.highlighted if listing.highlighted is not None else 0
        index = min(max(current + delta, 0), len(self.commits) - 1)
        listing.highlighted = index
        self.show_commit(index)

    def action_scroll_diff(self, direction: int) -> None:
        """PgDn/PgUp: scroll the diff by a page."""
        scroll = self.query_one("#diff-scroll", VerticalScroll)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def action_compare_head(self) -> None:
        """h: what the open buffer changes against the last commit (HEAD)."""
        self.buffer = self.session.table.clone()
        self.diffs.pop(HEAD_KEY, None)  # the buffer may have changed since
        heading = plain("当前编辑内容与 HEAD 相比（the buffer against HEAD）", "bold")
        self.show_diff(HEAD_KEY, -1, heading)

    def action_help(self) -> None:
        """F1: the keys of this screen."""
        from tui.ui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.PALETTE_SCOPES))

    def action_close(self) -> None:
        """Esc: back to the editor."""
        self.dismiss()
