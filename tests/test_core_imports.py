"""The core never imports ``textual`` (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec

CORE = [
    "tui",
    "tui.model",
    "tui.tomlfile.loader",
    "tui.tomlfile.document",
    "tui.tomlfile.canonical",
    "tui.cli",
]
CORE += [
    "tui.cli.fmt_cmd",
    "tui.cli.new_cmd",
    "tui.tomlfile.locate",
    "tui.frameworks",
    "tui.skeleton",
]
LATER = ["tui.rules", "tui.export", "tui.importing"]


def test_core_does_not_import_textual():
    modules = CORE + [name for name in LATER if find_spec(name) is not None]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
