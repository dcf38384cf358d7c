"""The editor's side of tables in git: merge conflicts, the history screen, the approved version.

``GitActions`` is the base class of ``EditorScreen`` holding these actions, so
that the editor screen stays thin. The approved version of a table (``[project]
approved``) is looked up in git by a worker thread — when the table is opened,
saved or its mark changes — and every check compares with the version found
(rule A001), so no keystroke waits for git.
"""

from __future__ import annotations

from pathlib import Path

from tui.checking import CheckResult, check
from tui.fields import FieldRef
from tui.history.approval import approved_mark, find_approved
from tui.model import Table
from tui.ui.conflicts import step_through
from tui.ui.editor_part import EditorPart


class GitActions(EditorPart):
    """Merge conflicts, history and the approved version, for the editor screen."""

    approval: tuple[str | None, Table | None] = (None, None)  # (mark looked up, its version)

    # -- checking against the approved version ------------------------------
    def checked(self) -> CheckResult:
        """The check of the open table, against its approved version when one was found."""
        editor = self.host()
        table = editor.session.table
        mark = approved_mark(table)
        if mark != self.approval[0]:
            self.approval = (mark, None)
            self.look_up_approval()
        return check(table, editor.settings, approved=self.approval[1])

    def look_up_approval(self) -> None:
        """Find the approved version of the table in git, in a worker thread."""
        mark, path = self.approval[0], self.host().session.path
        if mark is not None:
            self.run_worker(lambda: self.find_approval(path, mark), thread=True, group="approval")

    def find_approval(self, path: Path, mark: str) -> None:
        """Worker: read the approved version (cached in the core) and hand it over."""
        found = find_approved(path, mark)
        try:
            self.app.call_from_thread(self.approval_found, mark, found.table if found else None)
        except RuntimeError:  # the app has exited meanwhile
            pass

    def approval_found(self, mark: str, table: Table | None) -> None:
        """The approved version of ``mark`` was read: check again against it."""
        if self.is_attached and self.approval[0] == mark and self.approval[1] is not table:
            self.approval = (mark, table)
            self.host().check_now()

    # -- merge conflicts -----------------------------------------------------
    async def action_resolve_conflicts(self) -> None:
        """^r: step through the merge conflicts of the table."""
        await self.resolve_conflicts()

    async def resolve_conflicts(self, ref: FieldRef | None = None) -> None:
        """Show the table's merge conflicts one by one, from the one at ``ref``."""
        if not step_through(self.host(), ref):
            self.host().say("没有合并冲突（no merge conflicts）")

    # -- history -------------------------------------------------------------
    def action_history(self) -> None:
        """^l: the file's commits and what each changed, and the buffer against HEAD."""
        from tui.ui.history_screen import HistoryScreen

        self.app.push_screen(HistoryScreen(self.host().session))
