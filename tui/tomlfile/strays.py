"""Temporary files left by a killed save: recognised by name and age, removed on the next save.

``write_atomic`` writes ``.NAME.jixiao-XXXXXXXX.tmp`` beside the file and renames
it; a process killed in between leaves it behind. Such a file older than the
running process cannot belong to a save in progress, so the first write in a
folder removes them (also the ``.NAME.XXXXXXXX.tmp`` of earlier versions).
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

_IMPORTED = time.time()
_STRAY = re.compile(r"^\..+\.(?:jixiao-)?[a-z0-9_]{8}\.tmp$")
_cleaned: set[tuple[int, str]] = set()


def process_started() -> float:
    """When this process started (``time.time()`` scale); temp files older than it are strays.

    Read from ``/proc`` (a forked process has its own start), else the time
    this module was imported.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        age = uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.time() - max(age, 0.0)
    except (OSError, ValueError, IndexError):
        return _IMPORTED


def clean_strays(folder: str | Path) -> list[str]:
    """Remove jixiao's temporary files older than this process from ``folder`` (once each)."""
    key = (os.getpid(), os.path.abspath(folder))
    if key in _cleaned:
        return []
    _cleaned.add(key)
    started = process_started()
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not _STRAY.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if (
                stat.S_ISREG(info.st_mode)
                and info.st_mtime < started
                and info.st_uid == os.geteuid()
            ):
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed
