"""Atomic file writes: temp file in the same folder, fsync, ``os.replace``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tui.errors import JixiaoError


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, never half.

    The file's permission bits are kept. Raises ``JixiaoError`` on OS errors;
    the original file is untouched when that happens.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
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
        raise JixiaoError("没有写入权限", "permission denied", path) from None
    except OSError as exc:
        raise JixiaoError("无法写入文件", f"cannot write: {exc.strerror}", path) from None
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
