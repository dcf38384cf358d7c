"""问题: the live list of problems; Enter jumps to the field concerned.

The inputs the session holds back because they are not valid (``Session.invalid``:
``12..5`` typed as an amount) come first: they are not in the model, so the
checks never see them, but they block saving like an error.

Its keys (j/k and the arrows, PgDn/PgUp, g/G, Home/End) are in the key
registry (``tui.ui.actions``), like every list's, so the router applies each
before the next key of a burst: an Enter read with them sees the line they chose.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.checking import CheckResult
from tui.escape import printable
from tui.fields import FieldRef, describe
from tui.rules.engine import Problem
from tui.ui.actions import bindings
from tui.ui.editor_api import Editor
from tui.ui.text import SEVERITY_MARK, invalid_message

CONFLICT_CODE = "M001"  # an unresolved merge conflict: Enter resolves it


class ProblemsPanel(OptionList):
    """One line per problem, in document order."""

    KEY_SCOPES = ("problems",)
    BINDINGS = bindings("problems")

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editor = editor
        self._shown: tuple | None = None
        self.refs: list[FieldRef] = []  # the field of each line: rejected inputs, then problems

    def show_result(self, result: CheckResult) -> None:
        """Replace the list when the problems changed, keeping the highlighted position."""
        invalid = list(self.editor.session.invalid.items())
        key = (tuple(invalid), tuple((p.code, p.ref, p.zh) for p in result.problems))
        if key == self._shown:
            return
        self._shown = key
        self.refs = [ref for ref, _text in invalid] + [p.ref for p in result.problems]
        keep = self.highlighted
        self.clear_options()
        options = []
        for ref, typed in invalid:
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append(SEVERITY_MARK["error"][0] + " ", SEVERITY_MARK["error"][1])
            text.append(invalid_message(describe(ref), typed))
            options.append(Option(text))
        for problem in result.problems:
            mark, style = SEVERITY_MARK.get(problem.severity, ("·", ""))
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append(f"{mark} {problem.code} ", style)
            text.append(describe(problem.ref) + "  ", "bold")
            text.append(printable(problem.zh))
            options.append(Option(text))
        if not options:
            options.append(Option(Text("没有问题（no problems）", "green"), disabled=True))
        self.add_options(options)
        if self.refs:
            self.highlighted = min(keep or 0, len(self.refs) - 1)

    def reload(self) -> None:
        """Nothing of the model is shown here besides the problems."""

    async def action_jump_to_problem(self) -> None:
        """Enter: go to the field of the highlighted entry (a merge conflict: resolve it)."""
        if self.highlighted is None or self.highlighted >= len(self.refs):
            return
        problem = self.highlighted_problem()
        if problem is not None and problem.code == CONFLICT_CODE:
            await self.editor.resolve_conflicts(problem.ref)
        else:
            await self.editor.jump_to(self.refs[self.highlighted])

    def highlighted_problem(self) -> Problem | None:
        """The problem on the highlighted line (``None`` on a rejected input's line)."""
        problems = self.editor.result.problems
        if self.highlighted is None or self.highlighted >= len(self.refs):
            return None
        place = self.highlighted - (len(self.refs) - len(problems))
        return problems[place] if 0 <= place < len(problems) else None
