"""The UI's shape: no private Textual attribute, small files, one action registry that works."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import shutil
from pathlib import Path

import pytest
from textual.dom import DOMNode

from tests.conftest import DATA
from tui.tomlfile.document import TableFile
from tui.ui.actions import ACTIONS, SCOPES
from tui.ui.app import JixiaoApp

PACKAGE = Path(__file__).resolve().parent.parent / "tui"
UI = PACKAGE / "ui"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _ui_modules() -> list[str]:
    return [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in sorted(UI.rglob("*.py"))
        if p.name != "__init__.py"
    ]


def _defined_private_names() -> set[str]:
    """Every ``_name`` the project itself defines (methods, attributes, module names)."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {n for n in names if n.startswith("_")}


def test_ui_touches_no_private_attribute_of_a_library():
    ours = _defined_private_names()
    offenders = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            attr = getattr(node, "attr", "") if isinstance(node, ast.Attribute) else ""
            if attr.startswith("_") and not attr.startswith("__") and attr not in ours:
                offenders.append(f"{path.name}:{node.lineno} .{attr}")
    assert offenders == []


def test_our_private_names_do_not_shadow_textual_ones():
    """A method named like one of Textual's own (``_context``) silently breaks a widget."""
    clashes = []
    for name in _ui_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != name or not issubclass(cls, DOMNode):
                continue
            base = next(b for b in cls.__mro__ if b.__module__.startswith("textual"))
            theirs = set(dir(base())) | {a for b in base.__mro__ for a in vars(b)}
            for attr in _own_private_names(cls):
                if attr in theirs:
                    clashes.append(f"{cls.__name__}.{attr}")
    assert clashes == []


def _own_private_names(cls: type) -> set[str]:
    """Private methods and ``self._x`` attributes written in the class's own source."""
    tree = ast.parse(inspect.getsource(cls))
    names = {
        n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    names |= {
        n.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute)
        and isinstance(n.ctx, ast.Store)
        and isinstance(n.value, ast.Name)
        and n.value.id == "self"
    }
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def test_files_are_small_and_the_editor_screen_thin():
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {str(p): n for p, n in sizes.items() if n > 400} == {}
    assert sizes[UI / "editor_screen.py"] < 250


def test_every_action_has_a_chinese_name_a_method_and_a_known_scope():
    methods = set()
    for name in _ui_modules():
        for _, cls in inspect.getmembers(importlib.import_module(name), inspect.isclass):
            methods |= {m for m in dir(cls) if m.startswith("action_")}
    for spec in ACTIONS:
        assert spec.scope in SCOPES, spec
        assert CJK.search(spec.zh), spec
        assert spec.method in methods, spec


# Keys that leave the screen under test: they are checked by their own flow tests.
LEAVING = {"quit_editor", "quit_workspace", "workspace", "open_table"}
# How to reach each scope from a freshly opened table.
REACH = {
    "editor": [],
    "tree": [],
    "row": ["enter"],
    "form": ["f2"],
    "header": ["f2"],
    "funding": ["f3"],
    "goals": ["f4", "tab"],
    "problems": ["f6"],
    "export": ["f7"],
    "history": ["ctrl+l"],
}


async def _back_to(app, screen) -> None:
    while app.screen is not screen and len(app.screen_stack) > 2:
        app.pop_screen()


@pytest.mark.slow
@pytest.mark.parametrize("scope", sorted(REACH))
async def test_every_key_of_the_registry_runs_on_a_loaded_table(tmp_path, scope):
    path = tmp_path / "t.toml"
    shutil.copy(DATA / "养老保险专项业务经费.toml", path)
    app = JixiaoApp(file=TableFile.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor = app.screen
        for spec in (s for s in ACTIONS if s.scope == scope and s.action not in LEAVING):
            for key in spec.key_list:
                await _back_to(app, editor)
                await pilot.press("escape", "f5", *REACH[scope])
                await pilot.press(key)
                await pilot.pause()
                assert app.is_running, (scope, key)
        await _back_to(app, editor)


@pytest.mark.slow
async def test_every_workspace_key_runs(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    app = JixiaoApp(folder=tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        workspace = app.screen
        for spec in (s for s in ACTIONS if s.scope == "workspace" and s.action not in LEAVING):
            for key in spec.key_list:
                await _back_to(app, workspace)
                await pilot.press(key)
                await pilot.pause()
                assert app.is_running, key
