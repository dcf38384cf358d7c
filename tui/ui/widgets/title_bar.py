"""The title line: file name, unsaved mark, framework and the problem counts (rejected
inputs count as errors), and the panels' tab bar."""

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
        # An input held back as not valid (``12..5`` as an amount) blocks saving like an error.
        counts = dict(result.counts)
        counts["error"] = counts.get("error", 0) + len(session.invalid)
        modified = session.modified  # compares the table with the saved one: once per call
        key = (
            session.path.name,
            modified,
            session.table.framework,
            tuple(counts.items()),
            self.changed_on_disk,
        )
        if key == self._shown:
            return
        self._shown = key
        title = plain(f" {session.path.name}", "bold")
        title.append(" ●" if modified else "  ", "bold yellow")
        title.append(f"  {session.table.framework}  ", "dim")
        for severity in ("error", "warning", "hint"):
            mark, style = SEVERITY_MARK[severity]
            count = counts.get(severity, 0)
            title.append(f"{mark}{count} ", style if count else "dim")
        if self.changed_on_disk:
            title.append(" 磁盘上已变（changed on disk）", "bold yellow")
        self.update(title, layout=False)


# How the tabs are laid out, roomiest first; the first that fits is used:
# (space around each tab, space between key and title, title cut to this many characters).
TAB_LAYOUTS = ((" ", " ", None), ("", " ", None), ("", "", None), ("", "", 2))


class TabBar(Static):
    """The panels' keys and names, the current one highlighted; tighter when narrow."""

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
        """` F2 项目信息  F3 资金 …`; narrower: one space between tabs, then none between
        key and title (`F2项目信息 F3资金`), then short titles (`F2项目 F3资金`)."""
        width = self.size.width or self.app.size.width
        tabs = [(name, *label.partition(" ")[::2]) for name, label in self.labels.items()]
        for around, inner, cut in TAB_LAYOUTS:
            gap = "" if around else " "
            shown = [(name, key, inner + title[:cut]) for name, key, title in tabs]
            size = sum(cell_len(around + key + title + around) for _n, key, title in shown)
            if size + len(gap) * (len(shown) - 1) <= width:
                break
        text = plain("")
        for place, (name, key, title) in enumerate(shown):
            current = "reverse bold" if name == self.current else ""
            if around:
                text.append(around + key + title + around, current)
            else:
                text.append(gap if place else "")
                text.append(key, current or "bold")
                text.append(title, current)
        self.update(text, layout=False)
