"""The editor's fix key (^x): the quick fix of the problem under the cursor, one undo step."""

from __future__ import annotations

import shutil

from tests.conftest import DATA
from tests.test_ui_flows import RETIREES, diff_lines, editor, panel
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp


async def test_ctrl_x_fixes_the_problem_of_the_current_field_and_undo_restores(tmp_path):
    path = tmp_path / RETIREES
    shutil.copy(DATA / RETIREES, path)
    before = path.read_text(encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = editor(app)
        target = next(p for p in screen.result.problems if p.code == "W005")  # 达到90%以上
        await screen.jump_to(target.ref)
        old = screen.session.table.get(target.ref)
        await pilot.press("ctrl+x")
        new = screen.session.table.get(target.ref)
        assert new != old and "≥90%" in new
        assert not [p for p in screen.result.problems if p.code == "W005" and p.ref == target.ref]
        await pilot.press("ctrl+z")
        assert screen.session.table.get(target.ref) == old
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    changed = diff_lines(before, path.read_text(encoding="utf-8"))
    assert len(changed) == 2 and "≥90%" in changed[1]


async def test_ctrl_x_without_a_fixable_problem_says_so(tmp_path):
    path = tmp_path / RETIREES
    shutil.copy(DATA / RETIREES, path)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = editor(app)
        await pilot.press("f3", "ctrl+x")
        assert "没有可自动修正" in screen.query_one("#status").render().plain
        assert not screen.session.modified
        assert panel(app, "funding").form.has_focus


async def test_ctrl_x_in_the_problem_list_fixes_the_highlighted_problem_below_rejected_inputs(
    tmp_path,
):
    path = tmp_path / RETIREES
    shutil.copy(DATA / RETIREES, path)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = editor(app)
        await pilot.press("f3", "ctrl+u", *"12..5", "tab")  # a rejected input: F6's first line
        assert screen.session.invalid
        await pilot.press("f6")
        problems_list = panel(app, "problems")
        problems = screen.result.problems
        unfixable = next(i for i, p in enumerate(problems) if p.fix is None)
        problems_list.highlighted = 1 + unfixable  # the line of a problem without a fix
        await pilot.press("ctrl+x")
        assert "没有可自动修正" in screen.query_one("#status").render().plain
        w005 = next(i for i, p in enumerate(problems) if p.code == "W005")
        problems_list.highlighted = 1 + w005
        ref = problems[w005].ref
        await pilot.press("ctrl+x")
        assert "≥90%" in screen.session.table.get(ref)
        assert problems_list.has_focus  # still in the list, for the next problem
