"""Atomic file writes that never silently overwrite, and reads that never block.

``write_atomic`` writes a temporary file in the same folder, fsyncs it and puts
it in place in one step, so a crash leaves the old bytes or the new ones. Given
the bytes the caller last read (``expected``), it also never silently overwrites
a change made by another program:

* before writing, the file must still hold ``expected`` (else ``ChangedOnDiskError``);
* the new file is put in place by an atomic *exchange* (Linux ``renameat2``), so
  the file that was replaced is in hand afterwards; if it is not the one that was
  loaded (another program wrote in between), it is kept beside the table as
  ``NAME.jixiao-other-TIME`` and its path returned, for the caller to say so.
  Where the exchange is not available, the check is repeated right before an
  ordinary ``os.replace``.

FIFOs, devices and directories are refused before anything is opened. New files
get the usual permissions (``0o666`` less the umask), a replaced file keeps its
own. Temporary files left by a killed jixiao (``.NAME.jixiao-XXXXXXXX.tmp``,
older than this process) are removed on the first write in their folder.

``write_private`` is for files only this user may read (recovery files): mode
``0o600``; a symbolic link or any other non-regular file, or a file of another
user, at the path is refused, never followed or replaced.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import errno
import os
import stat
import tempfile
from pathlib import Path

from tui.errors import ChangedOnDiskError, JixiaoError
from tui.tomlfile.strays import clean_strays

MISSING = b"\0jixiao: the file must not exist\0"  # ``expected`` for a brand-new file
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in Chinese and English, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "这是一个目录，不是文件（is a directory）"
    if stat.S_ISFIFO(mode):
        return "这是一个命名管道，不是普通文件（is a FIFO）"
    if stat.S_ISLNK(mode):
        return "这是一个符号链接（is a symbolic link）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是一个设备，不是普通文件（is a device）"
    return "不是普通文件（not a regular file）"


def _refuse(kind: str, path: str | Path, *, write: bool) -> JixiaoError:
    zh, _, en = kind.partition("（")
    if write:
        return JixiaoError(f"无法写入：{zh}", f"cannot write: {en.rstrip('）')}", path)
    return JixiaoError(zh, en.rstrip("）"), path)


def _os_error(exc: OSError, path: str | Path) -> JixiaoError:
    if isinstance(exc, FileNotFoundError):
        return JixiaoError("文件不存在", "no such file", path)
    if isinstance(exc, PermissionError):
        return JixiaoError("没有权限", "permission denied", path)
    if isinstance(exc, IsADirectoryError):
        return JixiaoError("这是一个目录，不是文件", "is a directory", path)
    return JixiaoError("无法读写文件", f"cannot read or write: {exc.strerror}", path)


def read_regular(path: str | Path, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of the regular file at ``path``; never blocks on a FIFO or a device.

    A FIFO, device or directory (and, with ``follow_symlinks=False``, a symbolic
    link) raises ``JixiaoError`` naming the path; OS errors are raised as they are.
    ``/dev/null`` reads as empty.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise _refuse(_kind(stat.S_IFLNK) or "", path, write=False) from None
        raise
    try:
        info = os.fstat(fd)
        if _is_devnull(info):  # git's external diff names /dev/null for an added file
            return b""
        kind = _kind(info.st_mode)
        if kind is not None:
            raise _refuse(kind, path, write=False)
        os.set_blocking(fd, True)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _is_devnull(info: os.stat_result) -> bool:
    """Whether ``info`` is the empty device ``/dev/null`` (reading it never blocks)."""
    if not stat.S_ISCHR(info.st_mode):
        return False
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (null.st_dev, null.st_ino)


def file_state(path: str | Path) -> bytes | None:
    """The bytes of the regular file at ``path``, ``None`` when nothing is there.

    Raises ``JixiaoError`` for a non-regular file or an unreadable one.
    """
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _os_error(exc, path) from None


def umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _libc_renameat2():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        func = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


_renameat2 = _libc_renameat2()


def exchange(a: str | Path, b: str | Path) -> bool:
    """Swap the files at ``a`` and ``b`` atomically; ``False`` where the system cannot."""
    if _renameat2 is None:
        return False
    result = _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _kept_name(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.jixiao-other-{stamp}")
    number = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.jixiao-other-{stamp}-{number}")
        number += 1
    return candidate


def _temp(folder: Path, name: str, data: bytes, mode: int) -> str:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.jixiao-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp_name)
        raise
    return tmp_name


def _changed(shown: str | Path) -> ChangedOnDiskError:
    return ChangedOnDiskError(
        "文件在磁盘上已被修改，未保存（可重新载入或强制覆盖）",
        "file changed on disk since it was loaded; not saved",
        shown,
    )


def write_atomic(path: str | Path, data: bytes, *, expected: bytes | None = None) -> Path | None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, never half.

    ``expected``: the bytes the file must hold now (what was loaded), ``MISSING``
    for a file that must not exist yet, ``None`` to replace whatever is there.
    Returns the path where another program's version was kept when it was
    replaced between the check and the write (see the module doc), else ``None``.

    A symbolic link is followed, so the file it points to is replaced and the
    link stays. A file without any write permission bit is refused (also for
    root). Raises ``JixiaoError`` (``ChangedOnDiskError`` when ``expected`` does
    not hold); the file is untouched when that happens.
    """
    shown = path
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _os_error(exc, shown) from None
    if info is not None:
        kind = _kind(info.st_mode)
        if kind is not None:
            raise _refuse(kind, shown, write=True)
        if not info.st_mode & 0o222:
            raise JixiaoError("文件是只读的，未写入", "file is read-only; not written", shown)
    if expected is not None and file_state(target) != (None if expected is MISSING else expected):
        raise _changed(shown)
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~umask()
    clean_strays(folder)
    try:
        tmp_name = _temp(folder, target.name, data, mode)
        kept = _install(tmp_name, target, expected, shown)
        _fsync_dir(folder)
        return kept
    except PermissionError:
        raise JixiaoError("没有写入权限", "permission denied", shown) from None
    except OSError as exc:
        raise JixiaoError("无法写入文件", f"cannot write: {exc.strerror}", shown) from None


def _install(tmp_name: str, target: Path, expected: bytes | None, shown) -> Path | None:
    """Put the finished temporary file in place; see ``write_atomic``.

    Until the file is in place the temporary file is removed on any failure;
    after an exchange it holds the replaced file and is never removed unchecked.
    """
    try:
        swapped = _put(tmp_name, target, expected, shown)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    if not swapped:
        return None
    # tmp_name now holds the file that was in place: is it the one that was loaded?
    try:
        replaced = read_regular(tmp_name, follow_symlinks=False)
    except (JixiaoError, OSError):
        replaced = None
    if replaced == expected:
        os.unlink(tmp_name)
        return None
    kept = _kept_name(target)
    os.rename(tmp_name, kept)
    return kept


def _put(tmp_name: str, target: Path, expected: bytes | None, shown) -> bool:
    """Move or link the temporary file to ``target``; ``True`` when it was an exchange."""
    if expected is MISSING:
        try:
            os.link(tmp_name, target)  # fails if a file appeared meanwhile
        except FileExistsError:
            raise _changed(shown) from None
        except OSError:  # file systems without hard links
            if os.path.lexists(target):
                raise _changed(shown) from None
            os.replace(tmp_name, target)
            return False
        os.unlink(tmp_name)
        return False
    if expected is None:
        os.replace(tmp_name, target)
        return False
    try:
        if exchange(tmp_name, target):
            return True
    except FileNotFoundError:  # deleted meanwhile
        raise _changed(shown) from None
    if file_state(target) != expected:  # no exchange here: the last moment to notice
        raise _changed(shown)
    os.replace(tmp_name, target)
    return False


def write_private(path: str | Path, data: bytes) -> None:
    """Write ``data`` atomically to ``path``, readable by this user only (mode ``0o600``).

    Never follows or replaces a symbolic link, a FIFO, a device or a directory,
    nor a file of another user: those are refused with ``JixiaoError`` naming
    the path. The temporary file is created exclusively (``O_EXCL``), and the
    final rename replaces a name, never the target of a link.
    """
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _os_error(exc, path) from None
    if info is not None:
        kind = _kind(info.st_mode)
        if kind is not None:
            raise _refuse(kind, path, write=True)
        if info.st_uid != os.geteuid():
            raise JixiaoError("文件属于其他用户，未写入", "file belongs to another user", path)
    tmp_name: str | None = None
    try:
        tmp_name = _temp(path.parent, path.name, data, 0o600)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise _os_error(exc, path) from None
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
