"""A Textual driver for tests: every write goes raw to one emulated screen, diffed to another.

The app runs in-process (``run_test(headless=False)``) and draws exactly as it
would on a terminal; each ``write`` is fed unchanged to one pair of emulators
(``tests.vt_screen`` and pyte) and through ``CellDiff`` to another pair, so
the two screens can be compared after every step of a script. Nothing reaches
a real terminal; no input thread.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pyte
from textual import events
from textual.driver import Driver
from textual.geometry import Size
from wcwidth import wcswidth

from tests.vt_screen import VTScreen
from tui.ui.terminal_diff.writer import CellDiff

START = "\x1b[?1049h\x1b[?25l\x1b[?1004h\x1b[?2004h\x1b[?7l"  # what LinuxDriver sends at start
PYTE_LINES = {"underscore", "strikethrough", "reverse"}


class Emulators:
    """One screen as two emulators see it: ours (strict, every attribute) and pyte."""

    def __init__(self, width: int, height: int) -> None:
        self.vt = VTScreen(width, height)
        self.pyte = pyte.Screen(width, height)
        self.stream = pyte.Stream(self.pyte)
        self.bytes = 0

    def feed(self, data: str) -> None:
        self.bytes += len(data.encode())
        self.vt.feed(data)
        self.stream.feed(data)

    def resize(self, width: int, height: int) -> None:
        self.vt = VTScreen(width, height)  # the terminal reflows: content unknown
        self.pyte.resize(height, width)
        self.pyte.reset()

    def pyte_cells(self) -> list[list[tuple]]:
        """pyte's cells as they look (a blank shows its background).

        pyte keeps the other half of a wide character that was half overwritten;
        a terminal shows a blank there (Textual's own frames do this when a
        layout change moves a widget border through a wide character).
        """
        rows = []
        for y in range(self.pyte.lines):
            line = self.pyte.buffer[y]
            row = []
            for x in range(self.pyte.columns):
                c = line[x]
                left, right = line[x - 1].data if x else " ", line[x + 1].data
                if (c.data == "" and wcswidth(left) != 2) or (
                    wcswidth(c.data) == 2 and right != ""
                ):
                    c = c._replace(data=" ")
                if c.data == " " and not any(getattr(c, a) for a in PYTE_LINES):
                    row.append((" ", c.bg))
                else:
                    row.append(tuple(c))
            rows.append(row)
        return rows


class TeeDriver(Driver):
    """Feeds raw writes to ``raw`` and diffed writes to ``diffed``."""

    last: ClassVar[TeeDriver | None] = None
    erase: ClassVar[bool] = True

    def __init__(self, app: Any, *, debug: bool = False, mouse: bool = True, size=None) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        width, height = size or (80, 24)
        self.size = (width, height)
        self.raw = Emulators(width, height)
        self.diffed = Emulators(width, height)
        self.diff = CellDiff(width, height, erase=self.erase)
        self.writes = 0
        TeeDriver.last = self

    def write(self, data: str) -> None:
        """One write: raw to one screen, through the diff to the other."""
        self.writes += 1
        self.raw.feed(data)
        self.diffed.feed(self.diff.feed(data))

    def start_application_mode(self) -> None:
        """Modes as the Linux driver sets them, and the first size."""
        self.write(START)
        size = Size(*self.size)
        self.send_message(events.Resize(size, size))

    def resize(self, width: int, height: int) -> None:
        """The terminal changed size: both screens lose their content, the diff forgets."""
        self.size = (width, height)
        self.raw.resize(width, height)
        self.diffed.resize(width, height)
        self.diff.resize(width, height)

    def disable_input(self) -> None:
        """No input thread."""

    def stop_application_mode(self) -> None:
        """Nothing to restore."""

    def mismatch(self) -> str | None:
        """Where the two screens differ (None when they are equal), for assertion messages."""
        raw, diffed = self.raw.vt.visible(), self.diffed.vt.visible()
        for y, (a, b) in enumerate(zip(raw, diffed)):
            for x, (p, q) in enumerate(zip(a, b)):
                if p != q:
                    return f"emulator: row {y} col {x}: raw {p} vs diffed {q}\n{self.raw.vt.text()}"
        raw, diffed = self.raw.pyte_cells(), self.diffed.pyte_cells()
        for y, (a, b) in enumerate(zip(raw, diffed)):
            for x, (p, q) in enumerate(zip(a, b)):
                if p != q:
                    return f"pyte: row {y} col {x}: raw {p} vs diffed {q}"
        return None
