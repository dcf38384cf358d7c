"""The fix key (^x): apply the quick fix of the problem under the cursor, as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.escape import printable
from tui.fixing import apply_problem_fix
from tui.rules.engine import Problem
from tui.ui.panels.problems_panel import ProblemsPanel
from tui.ui.widgets.form import Form
from tui.ui.widgets.indicator_tree import IndicatorTree
from tui.ui.widgets.row_form import RowForm

if TYPE_CHECKING:
    from tui.ui.editor_screen import EditorScreen


def problem_here(screen: EditorScreen) -> Problem | None:
    """The fixable problem under the cursor: the highlighted one in 问题, else the current
    field's (a row's, in the tree)."""
    focused = screen.focused
    screen.fresh_result()  # a check an edit left due runs first (and the list follows it)
    if isinstance(focused, ProblemsPanel):
        problem = focused.highlighted_problem()
        return problem if problem is not None and problem.fix is not None else None
    if isinstance(focused, RowForm):
        index = screen.panels["indicators"].current_index()
        ref: tuple = () if index is None else ("indicators", index, focused.current)
    elif isinstance(focused, IndicatorTree):
        key = focused.cursor_key
        index = focused.index_of(key[1]) if key and key[0] == "row" else None
        ref = () if index is None else ("indicators", index)
    elif isinstance(focused, Form) and isinstance(focused.current, tuple):
        ref = focused.current
    else:
        ref = ()
    fixable = [p for p in screen.result.on(ref) if p.fix is not None] if ref else []
    return fixable[0] if fixable else None


async def fix_here(screen: EditorScreen) -> None:
    """Apply the fix of the problem under the cursor and show its field."""
    problem = problem_here(screen)
    if problem is None:
        screen.say("这里没有可自动修正的问题（no quick fix here）")
        return
    ref = apply_problem_fix(screen.session, problem)
    if ref is None:
        screen.say("修正已不适用（the fix no longer applies）")
        return
    stay = isinstance(screen.focused, (IndicatorTree, ProblemsPanel))  # lists: on to the next
    screen.model_changed()
    if not stay:
        await screen.jump_to(ref)
    screen.say(f"已修正 {problem.code} {printable(problem.zh)}，^z 撤销（fixed; ^z undoes）")
