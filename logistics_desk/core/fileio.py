"""Files the program writes and reads, with the real cause named when it fails (no Qt).

Writing
=======
``atomic_write(path)`` is a context manager that yields a binary file: the data
goes to a temporary file beside the target (same folder, so the final rename
stays on one disk), is flushed and synced, and only then renamed over the
target in one step. If anything fails, the temporary file is removed and the
target is untouched: a half-written export or PDF never exists under the
real name. ``write_bytes(path, data)`` does that for bytes in memory.

A failed write raises ``UserError`` whose message names the path and the
real cause: the disk is full, the folder does not exist, the folder is
read-only or not ours, the name is a folder, the name is too long... (see
``write_error``). ``check_output_path(path)`` raises the same messages before
a long piece of work starts.

The yielded file remembers the first ``OSError`` and ignores every later call,
so a library that writes through it (``zipfile`` inside openpyxl) cannot print
a second traceback from a destructor after the disk filled up.

Reading
=======
``open_for_reading(path, max_bytes)`` opens a file without blocking and
refuses, before reading a byte, anything that is not an ordinary file (a
folder, a pipe, a device) and files larger than ``max_bytes``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import UserError
from .i18n import tr

__all__ = [
    "atomic_write",
    "check_output_path",
    "describe_size",
    "open_for_reading",
    "read_error",
    "write_bytes",
    "write_error",
]

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}


def _read_umask() -> int:
    if os.name != "posix":
        return 0
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_read_umask()  # what open() would give a new file (mkstemp gives 0600)


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def write_error(path: str | os.PathLike, exc: OSError) -> UserError:
    """A failed write in the user's words: the real cause and the path."""
    path = Path(path)
    folder = _folder_of(path)
    code = exc.errno
    if code in _DISK_FULL:
        return UserError(tr("The disk is full: {path} could not be written. Nothing was saved; free some space "
                            "or choose another place.").format(path=path))
    if code == errno.ENOENT:
        return UserError(tr("The folder {folder} does not exist: {path} could not be written.").format(
            folder=folder, path=path))
    if code == errno.ENOTDIR:
        return UserError(tr("{folder} is not a folder: {path} could not be written.").format(folder=folder, path=path))
    if code == errno.EISDIR:
        return UserError(tr("{path} is a folder. Give the name of a file to write.").format(path=path))
    if code == errno.EROFS:
        return UserError(tr("The disk holding {folder} is read-only: {path} could not be written.").format(
            folder=folder, path=path))
    if code in _NO_PERMISSION:
        return UserError(tr("{path} could not be written: the folder {folder} is read-only or you may not write "
                            "there, or the file is open in another program (close it in Excel or WPS).").format(
            path=path, folder=folder))
    if code == errno.ENAMETOOLONG:
        return UserError(tr("The file name is too long: {path}").format(path=path))
    if code == errno.EINVAL:
        return UserError(tr("{path} is not a valid file name.").format(path=path))
    reason = exc.strerror or exc.__class__.__name__
    return UserError(tr("{path} could not be written: {reason}").format(path=path, reason=reason))


def read_error(path: str | os.PathLike, exc: OSError) -> UserError:
    """A failed read in the user's words."""
    path = Path(path)
    if isinstance(exc, FileNotFoundError):
        return UserError(tr("File not found: {path}").format(path=path))
    if exc.errno == errno.EISDIR:
        return UserError(tr("{path} is a folder, not a file.").format(path=path))
    if exc.errno in _NO_PERMISSION:
        return UserError(tr("{name} cannot be opened: it is open in another program or you may not read it. "
                            "Close it and try again.").format(name=path.name))
    reason = exc.strerror or exc.__class__.__name__
    return UserError(tr("{path} could not be read: {reason}").format(path=path, reason=reason))


def describe_size(n: int) -> str:
    """A size for messages: 1.5 MB, 300 KB, 12 bytes."""
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.0f} KB"
    return tr("{n} bytes").format(n=n)


def _refuse_odd_target(path: Path) -> None:
    """A folder, or a device, pipe or socket under the name: never replaced by a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISDIR(mode):
        raise write_error(path, OSError(errno.EISDIR, os.strerror(errno.EISDIR), str(path)))
    if not stat.S_ISREG(mode):
        raise UserError(tr("{path} is not an ordinary file (it is a device, a pipe or a socket); choose the name of "
                           "a file to write.").format(path=path))


def check_output_path(path: str | os.PathLike) -> Path:
    """Refuse an output path that cannot work, before any work is done: the
    folder missing or not a folder, the name being a folder or a device, the
    folder not writable. Raises ``UserError`` with the same messages as a
    failed write."""
    path = Path(path)
    folder = _folder_of(path)
    _refuse_odd_target(path)
    if not folder.exists():
        raise write_error(path, OSError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder)))
    if not folder.is_dir():
        raise write_error(path, OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise write_error(path, OSError(errno.EACCES, os.strerror(errno.EACCES), str(folder)))
    return path


class _GuardedFile:
    """A binary file that remembers its first ``OSError`` and, after it,
    only pretends: writes and seeks move a position that ``tell`` reports,
    nothing reaches the disk. A ``ZipFile`` closing in its destructor then
    finishes quietly instead of printing a second traceback; ``error`` is the
    first error, the one to report."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._pos = 0
        self.error: OSError | None = None

    def _failed(self, exc: OSError) -> OSError:
        if self.error is None:
            self.error = exc
        return exc

    def write(self, data) -> int:
        n = len(data)
        if self.error is None:
            try:
                self._raw.write(data)
            except OSError as exc:
                raise self._failed(exc) from None
        self._pos += n
        return n

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        if self.error is None:
            try:
                self._pos = self._raw.seek(offset, whence)
            except OSError as exc:
                raise self._failed(exc) from None
        else:
            self._pos = offset if whence == 0 else self._pos + offset
        return self._pos

    def flush(self) -> None:
        if self.error is None:
            try:
                self._raw.flush()
            except OSError as exc:
                raise self._failed(exc) from None

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def close(self) -> None:
        """Closing is the context manager's job (it syncs first)."""

    @property
    def closed(self) -> bool:
        return self._raw.closed

    def fileno(self) -> int:
        return self._raw.fileno()


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[_GuardedFile]:
    """Write ``path`` through a temporary file in the same folder, then rename
    it into place. On any failure nothing is left behind and the target is as
    it was; an ``OSError`` becomes a ``UserError`` naming the cause."""
    path = Path(path)
    folder = _folder_of(path)
    _refuse_odd_target(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~" + path.name[:40] + ".", suffix=".part", dir=folder)
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        raw = _open_temporary(fd)
    except BaseException:
        os.close(fd)
        os.remove(tmp)
        raise
    guarded = _GuardedFile(raw)
    done = False
    try:
        try:
            yield guarded
            if guarded.error is not None:
                raise guarded.error
            raw.flush()
            os.fsync(raw.fileno())
            raw.close()
            _set_mode(tmp, path)
            os.replace(tmp, path)
            done = True
        except OSError as exc:
            raise write_error(path, guarded.error or exc) from None
        except BaseException:
            if guarded.error is not None:  # the library turned the write error into something else
                raise write_error(path, guarded.error) from None
            raise
    finally:
        if not done:
            with contextlib.suppress(OSError):
                raw.close()
            with contextlib.suppress(OSError):
                os.remove(tmp)
    sync_folder(folder)


def _set_mode(tmp: str, path: Path) -> None:
    """The mode a plain write would give: the replaced file's, or the default for a new file."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = _NEW_FILE_MODE
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _open_temporary(fd: int) -> BinaryIO:
    """The temporary file as a binary file object (tests put a disk that fills up here)."""
    return os.fdopen(fd, "wb")


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort."""
    if os.name != "posix":
        return
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


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once or not at all."""
    with atomic_write(path) as fh:
        fh.write(data)


def open_for_reading(path: str | os.PathLike, max_bytes: int | None = None) -> BinaryIO:
    """Open an ordinary file for reading, refusing folders, pipes and devices
    without reading from them (the open does not block on a pipe) and files
    larger than ``max_bytes``. Raises ``UserError``."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise read_error(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(tr("{path} is a folder, not a file.").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise read_error(path, exc) from None
    try:
        info = os.fstat(fd)  # the name may have been swapped for something else since the stat
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(path)
        if max_bytes is not None and info.st_size > max_bytes:
            raise too_big_error(path, info.st_size, max_bytes)
        if flags & getattr(os, "O_NONBLOCK", 0) and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def too_big_error(path: str | os.PathLike, size: int, max_bytes: int) -> UserError:
    return UserError(tr("{name} is {size}; at most {max} can be imported at once. Split it into smaller files.").format(
        name=Path(path).name, size=describe_size(size), max=describe_size(max_bytes)))


def _not_regular(path: Path) -> UserError:
    return UserError(tr("{path} is not an ordinary file (it is a pipe, a socket or a device); it was not read.").format(
        path=path))
