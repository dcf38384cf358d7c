"""Run a program in a pseudo-terminal and count what it writes (benchmark helper).

The child gets the pty slave as stdin, stdout, stderr and controlling terminal,
a window of 80×24 and ``TERM=xterm-256color``; the benchmark drains the master
side into a byte buffer, sends keys, waits for markers or for quiet.
Nothing answers the terminal queries a program sends (like a terminal without
those features), so no program waits on a reply.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time

COLS, ROWS = 80, 24
NO_BYTECODE = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
QUIET = 0.3  # seconds without output that count as "quiet"


def pty_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a child: this one with an 80×24 xterm-256color terminal."""
    env = dict(os.environ)
    # With bytecode written and read, as users run it (an installed package is compiled).
    for name in ("TEXTUAL", "TERM_PROGRAM", "COLORTERM", "NO_COLOR", "TMUX", *NO_BYTECODE):
        env.pop(name, None)
    env.update(TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS), LANG="C.UTF-8")
    env.update(extra or {})
    return env


def _controlling_tty() -> None:
    """In the child: make the pty slave (already fd 0) the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyProcess:
    """A child process on a fresh pty; ``output`` holds every byte it wrote."""

    def __init__(self, argv: list[str], *, cwd: str | None = None, env=None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.master = master
        self.output = bytearray()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env or pty_env(),
            start_new_session=True,
            preexec_fn=_controlling_tty,
            close_fds=True,
        )
        os.close(slave)
        self.peak_rss_kib: int | None = None

    # -- reading -------------------------------------------------------------
    def pump(self, timeout: float) -> int:
        """Read what is available within ``timeout`` seconds; returns the bytes read."""
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return 0
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the child closed the terminal
            return 0
        self.output += chunk
        return len(chunk)

    def wait_for(self, marker: bytes, start: int = 0, timeout: float = 30.0) -> float:
        """Wait until ``marker`` appears in the output after ``start``; the ``perf_counter``."""
        deadline = time.perf_counter() + timeout
        while marker not in self.output[start:]:
            if time.perf_counter() > deadline or self.proc.poll() is not None:
                tail = bytes(self.output[-300:])
                raise TimeoutError(f"{marker!r} not seen; exit {self.proc.poll()}; tail {tail!r}")
            self.pump(0.05)
        return time.perf_counter()

    def wait_quiet(self, quiet: float = QUIET, timeout: float = 20.0) -> None:
        """Read until no output arrives for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        last = time.perf_counter()
        while time.perf_counter() < deadline:
            if self.pump(0.02):
                last = time.perf_counter()
            elif time.perf_counter() - last >= quiet:
                return
        raise TimeoutError("output never went quiet")

    def drain_for(self, seconds: float) -> None:
        """Keep reading for ``seconds``."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            self.pump(left)

    # -- writing -------------------------------------------------------------
    def send(self, keys: bytes) -> None:
        """Write ``keys`` to the terminal, as if typed."""
        os.write(self.master, keys)

    def type_slowly(self, keys: bytes, gap: float = 0.07) -> None:
        """Send one byte at a time with ``gap`` seconds between, reading meanwhile."""
        for key in keys:
            self.send(bytes([key]))
            self.drain_for(gap)

    # -- ending --------------------------------------------------------------
    def kill(self) -> None:
        """SIGKILL the child (no recovery files, no clean-up) and record its peak RSS."""
        if self.master < 0:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        try:
            _pid, status, usage = os.wait4(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)
            self.peak_rss_kib = usage.ru_maxrss
        except ChildProcessError:  # already reaped by poll()
            pass
        os.close(self.master)
        self.master = -1

    def __enter__(self) -> PtyProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.kill()
