"""Atomic file writes: temp file in the same folder, fsync, ``os.replace``."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from tui.errors import JixiaoError


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, never half.

    The file's permission bits are kept; a symbolic link is followed, so the
    file it points to is replaced and the link stays. A file without any write
    permission bit is refused (also for root). Raises ``JixiaoError`` on OS
    errors; the original file is untouched when that happens.
    """
    shown = path
    path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise JixiaoError("无法写入文件", f"cannot write: {exc.strerror}", shown) from None
    mode = None if info is None else stat.S_IMODE(info.st_mode)
    if info is not None and stat.S_ISREG(info.st_mode) and not info.st_mode & 0o222:
        raise JixiaoError("文件是只读的，未写入", "file is read-only; not written", shown)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(folder)
    except PermissionError:
        raise JixiaoError("没有写入权限", "permission denied", shown) from None
    except OSError as exc:
        raise JixiaoError("无法写入文件", f"cannot write: {exc.strerror}", shown) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
