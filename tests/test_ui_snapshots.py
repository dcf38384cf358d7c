"""SVG snapshots of every panel at 80×24 and 120×40 (cursor blink off).

Update after a reviewed change with ``pytest tests/test_ui_snapshots.py --snapshot-update``
and look at every changed picture in ``snapshot_report.html`` before committing.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tui.tomlfile.document import TableFile
from tui.ui.app import JixiaoApp

SIZES = [(80, 24), (120, 40)]
PANELS = ["f2", "f3", "f4", "f5", "f6", "f7"]


def _editor_app(name: str = "企业退休人员社会化管理服务.toml") -> JixiaoApp:
    return JixiaoApp(file=TableFile.load(DATA / name))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("panel", PANELS)
def test_panel(snap_compare, panel, size):
    assert snap_compare(_editor_app(), press=[panel], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_funding_with_blank_annual(snap_compare, size):
    assert snap_compare(_editor_app("养老保险专项业务经费.toml"), press=["f3"], terminal_size=size)


@pytest.mark.parametrize("size", [(60, 20), (240, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("panel", ["f2", "f5"])
def test_smallest_and_largest_layouts(snap_compare, panel, size):
    assert snap_compare(_editor_app(), press=[panel], terminal_size=size)


LIFECYCLE = DATA / "lifecycle" / "企业退休人员社会化管理服务-自评.toml"


@pytest.mark.parametrize("size", [*SIZES, (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("panel", ["f10", "f11"])
def test_stage_panel(snap_compare, panel, size):
    """自评 on its budget-execution block, 监控 at June, on the data/lifecycle example."""
    app = JixiaoApp(file=TableFile.load(LIFECYCLE))
    assert snap_compare(app, press=[panel], terminal_size=size)


def test_evaluation_row_form(snap_compare):
    """A row that lost points, its form being edited: score, explanation, reason."""
    app = JixiaoApp(file=TableFile.load(LIFECYCLE))
    assert snap_compare(app, press=["f10", "j", "j", "enter"], terminal_size=(80, 24))


async def _counts_filled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workspace(snap_compare, size, monkeypatch):
    monkeypatch.chdir(DATA.parent)
    app = JixiaoApp(folder=DATA.relative_to(DATA.parent))
    assert snap_compare(app, run_before=_counts_filled, terminal_size=size)


def test_help(snap_compare):
    assert snap_compare(_editor_app(), press=["f1"], terminal_size=(80, 24))


def test_quit_prompt(snap_compare):
    async def edit_then_quit(pilot):
        pilot.app.screen.session.edit(("project", "name"), "改过")
        await pilot.press("ctrl+q")

    assert snap_compare(_editor_app(), run_before=edit_then_quit, terminal_size=(80, 24))
