"""A terminal writer that sends only the cells that changed (issue 14).

``writer.CellDiff`` is the diff itself (no Textual import beyond Rich's cell
widths); ``driver.DiffDriver`` hooks it into Textual at ``Driver.write`` (see
that module for why there). ``diff_driver_class`` decides whether to use it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.driver import Driver

TEXTUAL_MINOR = "8.2"  # the Textual minor the writer was written and checked for
OFF_VARIABLE = "JIXIAO_NO_DIFF"  # set (non-empty) to turn the writer off


def textual_minor() -> str:
    """The installed Textual's ``major.minor``.

    Read from the ``textual-X.Y.Z.dist-info`` folder beside the package when
    there is one: ``importlib.metadata`` costs the editor's start several ms.
    """
    import textual

    for info in Path(textual.__file__).parent.parent.glob("textual-*.dist-info"):
        return ".".join(info.name[len("textual-") :].split(".")[:2])
    from importlib.metadata import version

    return ".".join(version("textual").split(".")[:2])


def diff_driver_class(enabled: bool = True) -> type[Driver] | None:
    """The driver for ``App(driver_class=...)``: the diff driver, or None for Textual's own.

    Off when ``enabled`` is false (``jixiao --no-diff``), when ``JIXIAO_NO_DIFF``
    is set, on Windows, when ``TEXTUAL_DRIVER`` names another driver, and on a
    Textual minor this was not written for.
    """
    if not enabled or os.environ.get(OFF_VARIABLE) or os.environ.get("TEXTUAL_DRIVER"):
        return None
    if sys.platform == "win32" or textual_minor() != TEXTUAL_MINOR:
        return None
    from tui.ui.terminal_diff.driver import DiffDriver

    return DiffDriver
