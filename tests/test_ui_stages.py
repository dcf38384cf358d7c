"""The stage panels through Pilot: 自评 (F10) and 监控 (F11) on the data/lifecycle example.

Expected numbers are worked out by hand from the example file and the pmkpi
profile (docs/lifecycle.md): row 2 (异地退管服务次数, target 6次, weight 4) scores
5/6 × 4 = 3.33; the total is 指标 87.07 + 预算执行 9.50 = 96.57.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events

from tests.conftest import DATA
from tests.test_ui_flows import diff_lines, editor, type_text
from tui.tomlfile.document import TableFile
from tui.ui.actions import ACTIONS
from tui.ui.app import JixiaoApp
from tui.ui.help_screen import help_text
from tui.ui.keys import run_anywhere

EXAMPLE = DATA / "lifecycle" / "企业退休人员社会化管理服务-自评.toml"
SIZE = (80, 24)
PROBLEMS = "异地退管服务受疫情影响少开展1次；劳务成本略有超支；部分街道专管员空缺。"  # 存在问题


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the lifecycle example in a temp folder."""
    target = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, target)
    return target


def stage(app: JixiaoApp, name: str):
    return editor(app).panels[name]


async def clear_and_type(pilot, text: str) -> None:
    """^u clears the field up to the cursor (at its end), then ``text`` is typed."""
    await pilot.press("ctrl+u")
    await type_text(pilot, text)


async def key(pilot, name: str, character: str) -> None:
    """A key the way a terminal sends it, named as Textual names it."""
    pilot.app.post_message(events.Key(name, character))
    await pilot.pause()


def heading(panel) -> str:
    return str(panel.heading.render())


def list_line(panel, y: int) -> str:
    entries = panel.row_list.entries
    return panel.draw_entry(entries[y][1], 120).plain


async def test_typing_an_actual_rescores_the_row_and_the_total(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        panel = stage(app, "evaluation")
        screen = editor(app)
        assert screen.focused is panel.row_list
        assert "96.57" in heading(panel)
        await pilot.press("j", "j")  # 预算执行情况 → 培训场次 → 异地退管服务次数
        form = panel.form
        assert form.value("actual") == "5次"
        assert "完成 83.33%），得 3.33" in form.texts["score"].plain
        assert "3.33/4" in list_line(panel, 2)
        await pilot.press("enter")
        assert screen.focused is form and form.current == "actual"
        await clear_and_type(pilot, "6")
        assert "实际 6 次 = 目标 6 次，得满分 4" in form.texts["score"].plain
        assert "4.00/4" in list_line(panel, 2)
        assert "指标 87.74" in heading(panel) and "= 97.24" in heading(panel)  # 87.07 + 0.67
        assert screen.session.table.indicators[1].actual == "6"
        await pilot.press("pageup")  # row 1, 培训场次 (1次, no deviation)
        await clear_and_type(pilot, "2次")
        assert "实际 2 次 ≥ 目标 1 次，得满分 4" in form.texts["score"].plain
        assert [p.code for p in form.problems["actual"]] == ["S003"]  # 200% of the target
        assert list_line(panel, 1).startswith("▲") and list_line(panel, 2).startswith(" ")


async def test_a_manual_score_counts_and_a_weight_is_edited_here(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10", "j", "j", "enter", "tab")
        panel = stage(app, "evaluation")
        form = panel.form
        assert form.current == "weight"
        await pilot.press("tab")
        assert form.current == "score"
        await type_text(pilot, "3")
        assert "评分人给分 3" in form.texts["score"].plain
        assert "= 96.24" in heading(panel)  # 96.57 − 0.33
        await type_text(pilot, "x")
        assert form.invalid_text == {"score": "3x"}  # never read as 0
        assert editor(app).session.table.indicators[1].score is None  # as before typing "3x"


async def test_an_execution_amount_updates_the_rate_and_its_score(example):
    path = example
    before = path.read_text(encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10", "enter")
        panel = stage(app, "evaluation")
        form = panel.form
        assert form.current == ("execution", "total", "initial")
        assert "= 95%，得 9.50（分值 10）" in form.texts["rate"].plain
        await pilot.press("tab", "tab")
        assert form.current == ("execution", "total", "executed")
        await clear_and_type(pilot, "72.00")
        assert "全年执行数 72.00 ÷ 全年预算数 90.00 = 80%，得 8.00" in form.texts["rate"].plain
        assert "执行率 80%" in list_line(panel, 0) and "8.00/10" in list_line(panel, 0)
        assert list_line(panel, 0).startswith("✖")  # S006: below 90% without a reason
        mark = next(seg for seg in panel.row_list.render_line(0) if "✖" in seg.text)
        assert mark.style is not None and mark.style.color and mark.style.color.name == "red"
        message = next(seg for seg in form.render_line(10) if "S006" in seg.text)
        assert message.style is not None and message.style.bold  # an error, in bold red
        assert [p.code for p in form.problems[("execution", "reason")]] == ["S006"]
        assert "= 95.07" in heading(panel)  # 87.07 + 8.00
        for _ in range(7):  # down past the other sources and 分值 to 执行率偏差原因
            await pilot.press("down")
        assert form.current == ("execution", "reason")
        await type_text(pilot, "设备采购延至次年")
        assert ("execution", "reason") not in form.problems or not form.problems[
            ("execution", "reason")
        ]
        await pilot.press("ctrl+s")
        await pilot.pause()
    changed = diff_lines(before, path.read_text(encoding="utf-8"))
    assert sorted(changed) == sorted(
        ['+reason = "设备采购延至次年"', "-executed = 85.50", "+executed = 72.00"]
    )


async def test_changing_the_month_changes_the_lights(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f11")
        panel = stage(app, "monitoring")
        assert heading(panel).startswith("6月 运行监控")
        assert "红灯 2  黄灯 1  绿灯 2" in heading(panel)
        assert "●红" in list_line(panel, 0) and "●黄" in list_line(panel, 1)
        assert panel.form.texts["light"].plain.startswith("●红灯 6月标准值 = 1 次 × 6/12 = 0.5 次")
        await key(pilot, "right_square_bracket", "]")
        assert heading(panel).startswith("7月")
        assert "●" not in list_line(panel, 0) and panel.form.value("progress") == ""
        await key(pilot, "minus", "-")
        await key(pilot, "minus", "-")
        assert heading(panel).startswith("5月")
        await key(pilot, "plus", "+")
        assert heading(panel).startswith("6月") and "●红" in list_line(panel, 0)
        await pilot.press("enter")
        await clear_and_type(pilot, "1次")  # 1 of the 0.5 due by June: 200%
        light = panel.form.texts["light"].plain
        assert light.startswith("●蓝灯 6月标准值") and light.endswith("为标准值的 200%")
        assert "●蓝" in list_line(panel, 0)
        await type_text(pilot, "[")  # in a field, [ is text
        assert panel.form.value("progress") == "1次["
        await pilot.press("escape")
        assert editor(app).focused is panel.row_list


async def test_month_edges_and_choices_complete(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f11")
        panel = stage(app, "monitoring")
        for _ in range(7):
            await key(pilot, "right_square_bracket", "]")
        assert panel.month == 12
        assert "1–12" in str(editor(app).query_one("#status").render())
        await pilot.press("j", "j", "enter", "down")  # row 3 at December: 可能性
        form = panel.form
        assert form.current == "likelihood"
        await type_text(pilot, "有")
        await pilot.press("right")  # accept the completion
        assert form.value("likelihood") == "有可能"
        ref = ("indicators", 2, "monitoring", 12, "likelihood")
        assert editor(app).session.table.get(ref) == "有可能"
        await pilot.press("tab")
        await type_text(pilot, "钱")  # not one of the categories
        assert [p.code for p in form.problems["cause"]] == ["S012"]


async def test_f8_reaches_the_stage_fields(example):
    text = example.read_text(encoding="utf-8")
    text = text.replace('action = "已与培训机构签订协议，10月举办"\n', "")  # S007, row 1 June
    text = text.replace(
        'deviation = "受疫情防控影响取消1次异地服务，改为电话回访；下年度提前安排并准备线上方案"\n',
        "",
    )
    example.write_text(text, encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f11", "right_square_bracket")  # the panel at July
        seen = []
        for _ in range(len(screen.result.problems)):
            await pilot.press("f8")
            code = str(screen.query_one("#status").render()).split()[2]
            seen.append(code)
            if code == "S007":
                panel = stage(app, "monitoring")
                assert screen.current_panel == "monitoring" and panel.month == 6
                assert screen.focused is panel.form and panel.form.current == "action"
                assert panel.row_index() == 0
            if code == "S001":
                panel = stage(app, "evaluation")
                assert screen.current_panel == "evaluation"
                assert screen.focused is panel.form and panel.form.current == "deviation"
                assert panel.row_index() == 1
                assert panel.form.problems["deviation"][0].code == "S001"
        assert {"S001", "S007"} <= set(seen)


async def test_a_weight_problem_is_shown_where_the_weight_is_being_edited(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f10", "j", "j", "enter", "tab")
        await clear_and_type(pilot, "5")  # weights now add up to 91: S005 on row 1's weight
        problem = next(p for p in screen.result.problems if p.code == "S005")
        assert problem.ref == ("indicators", 0, "weight")
        await screen.jump_to(problem.ref)  # from the 自评 panel: stays there
        panel = stage(app, "evaluation")
        assert screen.current_panel == "evaluation"
        assert panel.form.current == "weight" and panel.row_index() == 0
        assert [p.code for p in panel.form.problems["weight"]] == ["S005"]
        await pilot.press("f5")
        await screen.jump_to(problem.ref)  # from elsewhere: the 指标 panel's row editor
        assert screen.current_panel == "indicators"
        assert screen.panels["indicators"].form.current == "weight"


async def test_undo_goes_back_to_the_stage_field(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f10", "end", "enter", "tab")
        await type_text(pilot, "已提交")
        assert screen.session.table.evaluation.conclusion.endswith("已提交")
        await pilot.press("f5", "ctrl+z")
        assert screen.current_panel == "evaluation"
        assert screen.session.table.evaluation.conclusion.endswith("95%。")
        assert stage(app, "evaluation").form.value(("evaluation", "conclusion")).endswith("95%。")


async def test_saving_stage_edits_changes_one_line_each(example):
    before = example.read_text(encoding="utf-8")
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10", "j", "j", "enter")
        await clear_and_type(pilot, "6次")
        await pilot.press("f11", "enter")
        await clear_and_type(pilot, "1次")
        await pilot.press("f10", "escape", "end", "enter", "tab", "tab")
        await type_text(pilot, "（待整改）")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not editor(app).session.modified
    changed = diff_lines(before, example.read_text(encoding="utf-8"))
    assert changed == [  # row 1's June, row 2's actual, the closing text
        '-progress = "0次"',
        '+progress = "1次"',
        '-actual = "5次"',
        '+actual = "6次"',
        f'-problems = "{PROBLEMS}"',
        f'+problems = "{PROBLEMS}（待整改）"',
    ]


async def test_a_target_table_and_a_table_without_rows(tmp_path):
    target = tmp_path / "t.toml"
    shutil.copy(DATA / "养老保险专项业务经费.toml", target)
    app = JixiaoApp(file=TableFile.load(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        assert "无自评得分" in heading(stage(app, "evaluation"))
        await pilot.press("f11")
        panel = stage(app, "monitoring")
        assert panel.month == 6
        await pilot.press("enter")
        await type_text(pilot, "1")
        assert editor(app).session.table.indicators[0].month(6).progress == "1"
    empty = TableFile.from_text(tmp_path / "e.toml", 'format = 1\n[project]\nname = "空"\n')
    app = JixiaoApp(file=empty)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f11", "enter", "j", "]", "f10", "j", "enter")
        await type_text(pilot, "x")
        assert app.is_running
        assert stage(app, "monitoring").row_list.entries == []


async def test_tabs_help_and_palette_offer_both_panels(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        tabs = str(screen.query_one("#tabs").render())
        assert "F10 自评" in tabs and "F11 监控" in tabs
        page = help_text(("editor", "stagelist", "stage", "monitoring")).plain
        for words in ("F10", "自评", "F11", "监控", "[ / -", "上月", "返回列表"):
            assert words in page
        month = next(s for s in ACTIONS if s.action == "month(1)")
        assert month.scope in screen.PALETTE_SCOPES
        await run_anywhere(screen, month)  # from the palette, before the panel was ever shown
        await pilot.pause()
        assert screen.current_panel == "monitoring" and stage(app, "monitoring").month == 7
        await pilot.press("f10")
        bar = str(screen.query_one("#keys").render())
        assert "Enter 编辑" in bar
        await pilot.press("enter")
        bar = str(screen.query_one("#keys").render())
        assert "Esc 返回列表" in bar and "PgDn 下一行" in bar


async def test_tabs_fit_a_narrow_terminal(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f11")
        tabs = str(editor(app).query_one("#tabs").render())
        assert "F11监控" in tabs and "…" not in tabs


async def test_page_keys_in_the_form_go_to_the_next_entry_same_field(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10", "j", "enter", "tab")  # row 1, 权重
        panel = stage(app, "evaluation")
        await pilot.press("pagedown")
        assert panel.row_index() == 1 and panel.form.current == "weight"
        assert panel.form.value("weight") == "4"
        await pilot.press("pageup", "pageup")  # onto 预算执行情况: its first field
        assert panel.kind == "execution" and editor(app).focused is panel.form
        assert panel.form.current == ("execution", "total", "initial")


STAGE_REACH = {"stagelist": ["f10"], "stage": ["f10", "enter"], "monitoring": ["f11"]}


@pytest.mark.slow
@pytest.mark.parametrize("scope", sorted(STAGE_REACH))
async def test_every_stage_key_runs(example, scope):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        for spec in (s for s in ACTIONS if s.scope == scope):
            for name in spec.key_list:
                await pilot.press("escape", "f5", *STAGE_REACH[scope], name)
                await pilot.pause()
                assert app.is_running and app.screen is screen, (scope, name)


async def test_keys_in_one_burst_leave_the_form_before_moving(example):
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10", "j", "enter")
        panel = stage(app, "evaluation")
        for name, character in (("escape", "\x1b"), ("G", "G"), ("k", "k")):
            app.post_message(events.Key(name, character))  # one read: no pause between
        await pilot.pause()
        assert editor(app).focused is panel.row_list
        assert panel.row_list.cursor == len(panel.row_list.entries) - 2
        assert editor(app).session.table.evaluation == TableFile.load(example).table.evaluation


async def test_typing_repaints_lines_not_the_whole_screen(example, monkeypatch):
    """A key re-checks and rescores everything, but only changed lines are drawn again."""
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f10", "j", "j", "enter", "ctrl+u")
        await pilot.pause()
        whole = []
        refresh = screen.refresh

        def counted(*regions, **options):
            if not regions:
                whole.append(options)
            return refresh(*regions, **options)

        monkeypatch.setattr(screen, "refresh", counted)
        await type_text(pilot, "6次")
        assert "得满分 4" in stage(app, "evaluation").form.texts["score"].plain
        assert whole == []


async def test_undo_from_the_list_keeps_the_keys_in_the_list(example):
    # A new user's tryout: Esc back to the list, ^z, then j went into the actual's field.
    app = JixiaoApp(file=TableFile.load(example))
    async with app.run_test(size=SIZE) as pilot:
        screen = editor(app)
        await pilot.press("f10", "j", "enter")  # 培训场次's 实际完成值
        panel = stage(app, "evaluation")
        await type_text(pilot, "x")
        await pilot.press("escape", "ctrl+z")
        assert screen.focused is panel.row_list
        assert screen.session.table.indicators[0].actual == "1次"
        await pilot.press("j")
        assert screen.session.table.indicators[0].actual == "1次"  # j moved, typed nothing
        assert screen.focused is panel.row_list
