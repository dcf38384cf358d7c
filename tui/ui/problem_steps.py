"""F8 / F9: from problem to problem, each shown in its panel with the cursor in its field.

An input the session holds back as not valid (``四分`` typed as a 权重) blocks saving
and is in no check result: while there is one, F8 and F9 go from one such input to
the next, before any problem.
"""

from __future__ import annotations

from typing import Any

from tui.fields import describe
from tui.ui.editor_part import EditorPart
from tui.ui.text import SEVERITY_MARK, invalid_message


class ProblemSteps(EditorPart):
    """The editor's F8 / F9."""

    _last_problem: Any = None  # the problem (or rejected input's field) shown last

    async def action_next_problem(self) -> None:
        """F8: the next problem after the last one visited (document order)."""
        await self._step_problem(1)

    async def action_previous_problem(self) -> None:
        """F9: the previous problem."""
        await self._step_problem(-1)

    async def _step_problem(self, delta: int) -> None:
        editor = self.host()
        rejected = list(editor.session.invalid.items())
        if rejected:
            refs = [ref for ref, _ in rejected]
            at = refs.index(self._last_problem) if self._last_problem in refs else -delta
            index = (at + delta) % len(refs)
            self._last_problem, (ref, typed) = refs[index], rejected[index]
            await editor.jump_to(ref)
            message = invalid_message(describe(ref), typed)  # saving is refused until fixed
            editor.say(f"{index + 1}/{len(refs)} ✖ {message}", "error")
            return
        result = editor.fresh_result()
        if not (problems := result.problems):
            editor.say("没有问题（no problems）")
            return
        last = self._last_problem if not isinstance(self._last_problem, tuple) else None
        index = result.step(last, delta)
        self._last_problem = problem = problems[index]
        await editor.jump_to(problem.ref)
        mark = SEVERITY_MARK[problem.severity][0]
        editor.say(
            f"{index + 1}/{len(problems)} {mark} {problem.code} {problem.message}",
            "error" if problem.severity == "error" else "warning",
        )
