"""The core never imports ``textual`` or ``rich`` (every core module on disk, fresh interpreter).

The import-linter contract in ``pyproject.toml`` says the same statically; this
test proves it at run time, for modules as they are imported, not as listed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tui"
UI = PACKAGE / "ui"
FORBIDDEN = ("textual", "rich")


def core_modules() -> list[str]:
    """Dotted names of every module of ``tui`` outside ``tui/ui``."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if UI in path.parents or path.name == "__main__.py":  # __main__ runs the program
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_discovery_finds_the_core():
    modules = core_modules()
    assert {"tui", "tui.model", "tui.fields", "tui.tomlfile.loader", "tui.rules.engine"} <= set(
        modules
    )
    assert not any(m.startswith("tui.ui") for m in modules)


def test_core_does_not_import_textual_or_rich():
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
