"""Where the cell-diff writer meets Textual: a ``LinuxDriver`` whose ``write`` sends the diff.

Why this point: ``App(driver_class=...)`` is Textual's documented way to pick
the driver, and ``Driver.write(data)`` is the one method every byte of output
goes through (``App._display`` writes each frame with one call; modes,
clipboard and bell go the same way). Overriding it needs no private
attribute, sees whole frames, and leaves input, signals and suspend/resume to
Textual. Textual draws line-API widgets line by line with no memory of the last
frame (upstream issue #3096), so the memory lives here.

The copy is dropped (every cell unknown, so the next frame is written whole)
whenever the terminal may show something else: on a resize (SIGWINCH, chained
after Textual's handler, or an in-band report), on resume after ^z, on entering
or leaving the alternate screen, and at any sequence the writer does not model.
A full repaint by Textual (a focus change, a new screen) is diffed like any
frame: that is where most bytes are saved.

Written for Textual 8.2 (``TEXTUAL_MINOR``): the writer parses the sequences
Textual 8.2's compositor and Linux driver emit. On another minor the editor
falls back to Textual's own driver, and a test fails until this is checked.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import termios
from typing import Any

from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from tui.ui.terminal_diff.writer import CellDiff


def erases_with_background() -> bool:
    """Whether the terminal erases with the current background colour (terminfo ``bce``)."""
    try:
        import curses

        curses.setupterm(os.environ.get("TERM", "dumb"), sys.__stderr__.fileno())  # type: ignore[union-attr]
        return bool(curses.tigetflag("bce") > 0)
    except Exception:  # no terminfo, no curses, no tty: write blanks as spaces
        return False


def tty_adds_carriage_return() -> bool:
    """Whether the terminal's tty turns LF into CR LF (``opost`` and ``onlcr`` set)."""
    try:
        oflag = termios.tcgetattr(sys.__stderr__.fileno())[1]  # type: ignore[union-attr]
    except (termios.error, OSError, AttributeError, ValueError):
        return False
    return bool(oflag & termios.OPOST and oflag & termios.ONLCR)


class DiffDriver(LinuxDriver):
    """Textual's Linux driver, writing only the cells that changed since the last frame."""

    def __init__(
        self,
        app: Any,
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        width, height = size or shutil.get_terminal_size()
        newline = "\n" if tty_adds_carriage_return() else "\r\n"
        self.diff = CellDiff(width, height, erase=erases_with_background(), newline=newline)
        self._new_size: tuple[int, int] | None = None  # set by the resize signal or event

    def write(self, data: str) -> None:
        """Send the difference ``data`` makes to the screen, not ``data`` itself."""
        size, self._new_size = self._new_size, None
        if size is not None:
            self.diff.resize(*size)
        out = self.diff.feed(data)
        if out:
            super().write(out)

    def start_application_mode(self) -> None:
        """Start as Textual does; on a resize signal the copy of the screen is dropped."""
        super().start_application_mode()
        previous = signal.getsignal(signal.SIGWINCH)

        def on_resize(signum: int, frame: Any) -> None:
            self._new_size = tuple(shutil.get_terminal_size())  # type: ignore[assignment]
            if callable(previous):
                previous(signum, frame)

        signal.signal(signal.SIGWINCH, on_resize)

    def process_message(self, message: Message) -> None:
        """In-band resize reports (terminal mode 2048) also drop the copy."""
        if isinstance(message, events.Resize):
            self._new_size = (message.size.width, message.size.height)
        super().process_message(message)

    def resume_application_mode(self) -> None:
        """After a suspend (^z) the terminal shows the shell: start from an unknown screen."""
        self.diff.forget()
        super().resume_application_mode()
