"""The one check API: the CLI, the workspace and the editor report the same counts."""

from __future__ import annotations

import shutil
from decimal import Decimal

from textual.widgets import DataTable

from tests.conftest import DATA_FILES
from tui.checking import check, check_path
from tui.cli import main
from tui.editing.session import Session
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp
from tui.ui.editor_screen import EditorScreen

CONFIG = '[check]\nignore = ["V", "C", "T001", "T003", "P006"]\n'


def _folder(tmp_path):
    for path in DATA_FILES:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "jixiao.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def _cli_errors(capsys, path) -> int:
    main(["check", str(path)])
    lines = capsys.readouterr().out.strip().splitlines()
    last = next(line for line in reversed(lines) if line.startswith("共 "))
    return int(last.split("：", 1)[1].split(" 个错误")[0])


async def test_jixiao_toml_applies_in_cli_workspace_and_editor(tmp_path, capsys):
    folder = _folder(tmp_path)
    target = folder / DATA_FILES[0].name
    cli = _cli_errors(capsys, target)
    api = check_path(target).result
    assert api is not None and api.counts["error"] == cli
    unfiltered = check(TableFile.load(target).table)
    assert unfiltered.counts["error"] > cli  # the folder's settings really switch rules off
    app = JixiaoApp(folder=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(DataTable)
        key = str(target)
        shown = grid.get_cell(key, list(grid.columns)[2])
        assert shown.plain == f"✖{cli}"
        grid.move_cursor(row=grid.get_row_index(key))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.result.counts == api.counts


def test_total_to_sum_never_produces_f001():
    file = TableFile.load(DATA_FILES[0])
    session = Session(file)
    amounts = session.table.funding.annual
    amounts.fiscal = Decimal("0.1000000000000000000000000000001")  # beyond 28 digits
    amounts.other = Decimal("1")
    session.set_total_to_sum("annual")
    assert amounts.total == Decimal("1.1000000000000000000000000000001")
    result = check(session.table)
    assert not [p for p in result.problems if p.code == "F001"]
    assert result.funding_differences["annual"] == 0


def test_result_counts_marks_and_differences():
    result = check(TableFile.load(DATA_FILES[1]).table)
    assert sum(result.counts.values()) == len(result.problems)
    for index, severity in result.row_worst.items():
        assert severity in {p.severity for p in result.on(("indicators", index))}
    assert result.worst(result.row_worst) in ("error", "warning", "hint")
    assert result.worst([]) is None
