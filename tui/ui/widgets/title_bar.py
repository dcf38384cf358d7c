"""The title line: file name, unsaved mark, framework and the problem counts."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from tui.checking import CheckResult
from tui.editing.session import Session
from tui.ui.text import SEVERITY_MARK, plain


class TitleBar(Static):
    """Repainted only when what it shows changes (a count, the mark)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._shown: tuple = ()
        self._state: tuple[Session, CheckResult] | None = None
        self.changed_on_disk = False

    def mark_changed_on_disk(self, changed: bool) -> None:
        """Show (or stop showing) that the file on disk is not the one being edited."""
        self.changed_on_disk = changed
        if self._state is not None:
            self.show(*self._state)

    def show(self, session: Session, result: CheckResult) -> None:
        """Show the state of ``session`` with the counts of ``result``."""
        self._state = (session, result)
        counts = result.counts
        key = (
            session.path.name,
            session.modified,
            session.table.framework,
            tuple(counts.items()),
            self.changed_on_disk,
        )
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
        if self.changed_on_disk:
            title.append(" 磁盘上已变（changed on disk）", "bold yellow")
        self.update(title, layout=False)


class TabBar(Static):
    """The panels' keys and names, the current one highlighted; compact when narrow."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.labels: dict[str, str] = {}
        self.current = ""

    def show(self, labels: dict[str, str], current: str) -> None:
        """Show ``labels`` (panel name → ``F2 项目信息``) with ``current`` highlighted."""
        self.labels, self.current = labels, current
        self.draw()

    def on_resize(self) -> None:
        """The spacing depends on the width."""
        self.draw()

    def draw(self) -> None:
        """` F2 项目信息  F3 资金 …`; without the inner spaces when that does not fit."""
        wide = sum(cell_len(label) + 2 for label in self.labels.values())
        compact = wide > (self.size.width or self.app.size.width)
        text = plain("")
        for name, label in self.labels.items():
            key, _space, title = label.partition(" ")
            current = "reverse bold" if name == self.current else ""
            if compact:
                text.append(key, current or "bold")
                text.append(title, current)
            else:
                text.append(f" {label} ", current)
        self.update(text, layout=False)
