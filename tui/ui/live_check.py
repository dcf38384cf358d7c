"""When the editor re-checks the table after an edit.

On an ordinary table the check runs at once, and the frame that echoes a key
carries its marks and counts too. From ``LARGE_TABLE`` rows on, a check costs
more than a frame (about 40 ms at 10,000 rows, most of it sorting and counting
problems), so it runs right after the frame that echoes the key: typing stays
quick, and the keys of a burst cost one check. What acts on problems (F8/F9, the
quick fix) asks for ``fresh_result()``, which first runs a check that is due, so
it never acts on a result older than the last key.
"""

from __future__ import annotations

from tui.checking import CheckResult
from tui.ui.editor_part import EditorPart

LARGE_TABLE = 2_000  # rows from which a keystroke's check follows its echo


class LiveCheck(EditorPart):
    """The editor's checking schedule: at once, or after the echo on a large table."""

    check_due = False  # an edit on a large table waits for its check

    def check_now(self) -> None:
        """Check the table now and hand the result to every view."""
        self.check_due = False
        editor = self.host()
        editor.result = editor.checked()

    def recheck(self) -> None:
        """After an edit: check now, or on a large table once the echo is on screen."""
        if len(self.host().session.table.indicators) < LARGE_TABLE:
            self.check_now()
        elif not self.check_due:
            self.check_due = True
            self.call_after_refresh(self.run_due_check)

    def run_due_check(self) -> None:
        """Run the check an edit left due, if any."""
        if self.check_due:
            self.check_now()

    def fresh_result(self) -> CheckResult:
        """The check result of the table as it is now (a due check runs first)."""
        self.run_due_check()
        return self.host().result
