"""The installed editor in a real pseudo-terminal, with the cell-diff writer and with --no-diff.

The same keys, a real SIGWINCH resize (the pty's window size changes) and
back: the screens rebuilt by pyte from each run's bytes must be equal, and the
diff run must have written less. At each resize the emulated terminal loses
its content (as a terminal that reflows may), so a writer that kept its copy
of the old screen would leave cells blank.
"""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

from tests.conftest import DATA
from tests.tee_driver import Emulators

PENSION = "养老保险专项业务经费.toml"
KEYS = [b"j", b"j", b"j", b"\r", b"1", b"2", b"\x1b", b"\x1bOQ", b"\x1b[15~", b"j"]  # F2, F5


class Pty:
    """A child on a pty; ``chunks`` holds what it wrote, with the resizes in between."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        master, slave = os.openpty()
        self.master = master
        self.resize(80, 24)
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TEXTUAL")}
        env.update(TERM="xterm-256color", LANG="C.UTF-8")
        env.pop("JIXIAO_NO_DIFF", None)
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.events: list[bytes | tuple[int, int]] = []

    def resize(self, width: int, height: int) -> None:
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        if hasattr(self, "events"):
            self.events.append((width, height))

    def quiet(self, seconds: float = 0.5, timeout: float = 30.0) -> None:
        end, last = time.monotonic() + timeout, time.monotonic()
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.events.append(os.read(self.master, 65536))
                except OSError:
                    return
                last = time.monotonic()
            elif time.monotonic() - last >= seconds:
                return
        raise TimeoutError("no quiet")

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
        os.close(self.master)

    def screen(self) -> tuple[list[list[tuple]], int]:
        """The final screen as pyte rebuilds it, and the bytes written."""
        emulators = Emulators(80, 24)
        decoder = pyte.ByteStream(emulators.pyte)
        written = 0
        for event in self.events:
            if isinstance(event, tuple):
                emulators.pyte.resize(event[1], event[0])
                emulators.pyte.reset()  # the terminal lost its content
            else:
                written += len(event)
                decoder.feed(event)
        return emulators.pyte_cells(), written


def run(folder: Path, *flags: str) -> tuple[list[list[tuple]], int]:
    pty = Pty([sys.executable, "-m", "tui", PENSION, *flags], folder)
    try:
        pty.quiet(1.0)
        for key in KEYS:
            os.write(pty.master, key)
            pty.quiet()
        for size in ((100, 30), (80, 24)):
            pty.resize(*size)
            pty.quiet()
        return pty.screen()
    finally:
        pty.close()


@pytest.mark.slow
def test_real_terminal_same_screen_fewer_bytes(tmp_path: Path):
    screens = {}
    for name, flags in (("raw", ("--no-diff",)), ("diff", ())):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(DATA / PENSION, folder / PENSION)
        screens[name] = run(folder, *flags)
    (raw, raw_bytes), (diffed, diff_bytes) = screens["raw"], screens["diff"]
    assert PENSION in "".join(cell[0] for cell in raw[0])  # the editor is showing
    assert diffed == raw
    assert diff_bytes < raw_bytes / 3
