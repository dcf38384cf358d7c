"""The title line: file name, unsaved mark, framework and the problem counts."""

from __future__ import annotations

from textual.widgets import Static

from tui.checking import CheckResult
from tui.editing.session import Session
from tui.ui.text import SEVERITY_MARK, plain


class TitleBar(Static):
    """Repainted only when what it shows changes (a count, the mark)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._shown: tuple = ()

    def show(self, session: Session, result: CheckResult) -> None:
        """Show the state of ``session`` with the counts of ``result``."""
        counts = result.counts
        key = (session.path.name, session.modified, session.table.framework, tuple(counts.items()))
        if key == self._shown:
            return
        self._shown = key
        title = plain(f" {session.path.name}", "bold")
        title.append(" ●" if session.modified else "  ", "bold yellow")
        title.append(f"  {session.table.framework}  ", "dim")
        for severity in ("error", "warning", "hint"):
            mark, style = SEVERITY_MARK[severity]
            count = counts.get(severity, 0)
            title.append(f"{mark}{count} ", style if count else "dim")
        self.update(title, layout=False)
