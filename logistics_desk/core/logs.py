"""The log file a clerk can send: ``<data folder>/logs/logistics-desk.log``.

INFO and up, rotated at 1 MB with three older files kept (``.1`` to ``.3``).
Every unexpected error is written there with its traceback; the command line
prints one line and the window one message box, both naming this file.
Warnings also go to the console when there is one. No Qt here.

The window and a command may write the same file at once (two processes): a
rotation that the other process prevents (Windows keeps open files from being
renamed) is skipped and the file grows a little longer, rather than failing.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from . import paths

LOG_NAME = "logistics-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"

_file_handler: logging.Handler | None = None
_console_handler: logging.Handler | None = None


class _RotatingFile(logging.handlers.RotatingFileHandler):
    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:  # the other process holds the file: keep writing to it
            if self.stream is None:
                self.stream = self._open()


class _Console(logging.StreamHandler):
    """Warnings to whatever ``sys.stderr`` is now (none in a windowed program).

    A record carrying a traceback is left to the file: the program has already told
    the person what failed, in one line or a message box.
    """

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None and not record.exc_info:
            super().emit(record)


def log_file(directory: Path | None = None) -> Path:
    return (directory or paths.log_dir()) / LOG_NAME


def current_log_file() -> Path | None:
    """The file being written, or None if there is none (the folder cannot be written)."""
    if _file_handler is None:
        return None
    return Path(_file_handler.baseFilename)


def setup(directory: Path | None = None, console_level: int = logging.WARNING) -> Path | None:
    """Log INFO and up to the rotating file (once per process); returns the file, or None.

    A folder that cannot be written (a read-only data folder) costs the log, not the program.
    """
    global _file_handler, _console_handler
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if _console_handler is None:
        _console_handler = _Console()
        _console_handler.setLevel(console_level)
        _console_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(_console_handler)
    target = log_file(directory)
    if _file_handler is not None:
        if Path(_file_handler.baseFilename) == target.resolve():
            return target
        shutdown()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _RotatingFile(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file: %s", exc)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    _file_handler = handler
    return target


def shutdown() -> None:
    """Close the log file (tests; a program that ends closes it by itself)."""
    global _file_handler
    if _file_handler is not None:
        logging.getLogger().removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None
