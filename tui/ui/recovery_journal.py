"""The recovery journal and the hang-up path: unsaved edits survive a cut link or a kill.

``RecoveryJournal`` watches the open sessions (a cheap revision counter, polled
by the app) and writes each one's recovery file shortly after its edits: one
``DEBOUNCE`` of quiet after the last change, or at most ``MAX_DELAY`` after the
first unwritten one while typing goes on. So a SIGKILL loses about two seconds
of typing at most. The model is copied on the UI thread (a clone, a few
milliseconds for 1,000 rows); rendering, verifying and writing run on one
background thread, never on the keystroke path. Back at the saved state (undo,
save) the recovery file is removed.

``install_signal_handlers`` makes SIGHUP and SIGTERM end the process at any
moment, including start-up and shut-down: a plain ``signal`` handler (it runs
even when the event loop is busy or gone) writes every recovery synchronously,
asks the app to exit, and a watchdog thread ends the process if the exit does
not finish in ``EXIT_GRACE`` seconds; a second signal ends it at once.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from os import _exit as end_process  # ends the process now: no clean-up, no thread joins
from pathlib import Path

from tui.editing.recovery import SUFFIX, Recovery, discard_recovery, write_recovery
from tui.editing.session import Session
from tui.errors import JixiaoError
from tui.tomlfile.document import TableFile

POLL = 0.25  # seconds between looks at the sessions' revision counters
DEBOUNCE = 1.0  # seconds of quiet after an edit before it is written
MAX_DELAY = 2.0  # seconds an edit may wait for the quiet while typing goes on
EXIT_GRACE = 3.0  # seconds a signalled exit may take before the process is ended


@dataclass
class _Entry:
    """What the journal knows about one session."""

    token: int  # names the session in the worker's queue (never reused, unlike ``id``)
    seen: int  # the revision last looked at
    written: int  # the revision whose state is on disk (recovery or the saved file)
    first_change: float = 0.0  # when the oldest unwritten change was seen (0: none)
    last_change: float = 0.0


class RecoveryJournal:
    """Keeps the recovery file of every open session at most ~2 s behind its edits.

    A recovery exists only while its session holds edits (``TableFile.edited``; a new table
    with nothing typed has none): when a save, a reload
    or an undo brings the session back to the state on disk, ``settle`` drops
    the write waiting in the queue, waits for one being written, and removes the
    file; a write of an older revision that comes later is skipped.
    """

    def __init__(self, warn: Callable[[str], None]) -> None:
        self._warn = warn  # called (from the worker thread too) with a one-line message
        self._entries: dict[int, tuple[Session, _Entry]] = {}  # id(session) → entry
        self._tokens = itertools.count()
        self._lock = threading.RLock()  # one write at a time, newest revision wins
        self._on_disk: dict[int, int] = {}  # token → revision last written or settled
        self._closed: set[int] = set()  # tokens of sessions no longer journaled
        self._pending: dict[int, tuple[int, TableFile]] = {}  # token → newest due write
        self._wake = threading.Condition()
        self._warned: set[str] = set()
        self._worker = threading.Thread(target=self._run, name="jixiao-journal", daemon=True)
        self._worker.start()

    # -- sessions --------------------------------------------------------------
    def track(self, session: Session) -> None:
        """Start journaling ``session`` (an editor opened it)."""
        entry = _Entry(next(self._tokens), session.revision, session.revision)
        self._entries[id(session)] = (session, entry)

    def untrack(self, session: Session, *, discard: bool = False) -> None:
        """Stop journaling ``session`` (its editor closes); nothing is written for it after.

        Its recovery file is removed when ``discard`` (the user threw the edits
        away) or when the session holds no unsaved edit (and the journal wrote
        one); otherwise it is written now, so that closing never loses an edit
        the journal had not written yet.
        """
        found = self._entries.pop(id(session), None)
        if found is None:  # untracked already (discarded, then closed)
            return
        token = found[1].token
        with self._wake:
            self._pending.pop(token, None)
        with self._lock:  # a write in flight finishes first
            self._closed.add(token)
            if session.file.edited and not discard:
                self._write_now(session.file)
            elif discard or token in self._on_disk:
                discard_recovery(session.path)

    def settle(self, session: Session) -> None:
        """``session`` is back at the state on disk (saved, reloaded): remove its recovery now.

        The write waiting in the queue is dropped and one in flight is waited
        for, so no recovery of an older revision can appear after this returns.
        """
        found = self._entries.get(id(session))
        if found is None:
            discard_recovery(session.path)
            return
        entry = found[1]
        with self._wake:
            self._pending.pop(entry.token, None)
        with self._lock:
            self._on_disk[entry.token] = session.revision
            discard_recovery(session.path)
        entry.seen = entry.written = session.revision
        entry.first_change = 0.0

    @property
    def sessions(self) -> list[Session]:
        """The sessions being journaled."""
        return [session for session, _ in self._entries.values()]

    # -- the timer ---------------------------------------------------------------
    def poll(self, now: float | None = None) -> None:
        """Look at every session; queue a write for those whose edits are due.

        A session found back at the state on disk is settled at once (no pause).
        """
        now = time.monotonic() if now is None else now
        for session, entry in list(self._entries.values()):
            revision = session.revision
            if revision != entry.seen:
                entry.seen = revision
                if not session.file.edited:
                    self.settle(session)
                    continue
                entry.last_change = now
                entry.first_change = entry.first_change or now
            if entry.written == revision or not entry.first_change:
                continue
            quiet = now - entry.last_change >= DEBOUNCE
            if quiet or now - entry.first_change >= MAX_DELAY:
                self._queue(session, entry.token, revision)
                entry.written = revision
                entry.first_change = 0.0

    def _queue(self, session: Session, token: int, revision: int) -> None:
        file = session.file
        snapshot = TableFile(file.path, file.source, file.table.clone(), file.base, file.locator)
        with self._wake:
            self._pending[token] = (revision, snapshot)
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._pending:
                    self._wake.wait()
                token, (revision, snapshot) = self._pending.popitem()
            with self._lock:
                if token in self._closed or self._on_disk.get(token, -1) >= revision:
                    continue  # closed, settled or written newer since it was queued
                if self._write_now(snapshot):
                    self._on_disk[token] = revision

    def _write_now(self, file: TableFile) -> bool:
        """Write one recovery (the caller holds the lock); returns whether it was written."""
        try:
            write_recovery(file)
        except JixiaoError as exc:
            self._warn_once(str(exc))
            return False
        return True

    def _warn_once(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            try:
                self._warn(message)
            except Exception:  # the app may be gone; the message is not worth a crash
                pass

    # -- now ---------------------------------------------------------------------
    def flush(self) -> None:
        """Write every session's recovery now, on this thread (signal handler, exit).

        Written even when the revision is unchanged: a missed count loses nothing.
        An unmodified session's recovery is removed only when the journal wrote
        it: one found at open and not answered yet (the link dropped while the
        question was shown) is kept for the next open.
        """
        with self._lock:
            for session, entry in list(self._entries.values()):
                revision = session.revision
                if session.file.edited:
                    if self._write_now(session.file):
                        self._on_disk[entry.token] = revision
                elif entry.token in self._on_disk:
                    discard_recovery(session.path)
                    self._on_disk[entry.token] = revision
                entry.written = entry.seen = revision


class SignalExit:
    """SIGHUP/SIGTERM: write recoveries, exit; a watchdog makes sure the process ends."""

    def __init__(self, journal: RecoveryJournal, request_exit: Callable[[], None]) -> None:
        self.journal = journal
        self.request_exit = request_exit
        self.signalled = False

    def install(self) -> None:
        """Install the handlers (from the main thread)."""
        for sig in (signal.SIGHUP, signal.SIGTERM):
            signal.signal(sig, self.handle)

    def handle(self, signum: int, frame: object) -> None:
        """The signal handler: runs between two Python steps of the main thread."""
        if self.signalled:
            end_process(128 + signum)
        self.signalled = True
        watchdog = threading.Thread(
            target=_end_after, args=(EXIT_GRACE, 128 + signum), name="jixiao-exit", daemon=True
        )
        watchdog.start()
        try:
            self.journal.flush()
        finally:
            self.request_exit()


def _end_after(seconds: float, status: int) -> None:
    time.sleep(seconds)
    end_process(status)


def keep_aside(recovery: Recovery) -> Path:
    """Move a recovery the user did not restore to a visible name beside the table.

    ``.NAME.jixiao-recover`` → ``NAME.jixiao-recovered-TIME``, so that new edits
    (whose journal writes the recovery path) never overwrite it; returns the new path.
    """
    table_name = recovery.path.name[1 : -len(SUFFIX)]
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = recovery.path.with_name(f"{table_name}.jixiao-recovered-{stamp}")
    number = 2
    while os.path.lexists(target):
        target = recovery.path.with_name(f"{table_name}.jixiao-recovered-{stamp}-{number}")
        number += 1
    try:
        os.link(recovery.path, target)
        os.unlink(recovery.path)
    except OSError as exc:
        raise JixiaoError(
            "无法另存恢复文件", f"cannot keep the recovery file: {exc.strerror}", recovery.path
        ) from None
    return target
