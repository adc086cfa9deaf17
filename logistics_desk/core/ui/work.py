"""Long work with progress and Cancel.

``run_in_worker`` runs a pure function (parsing a workbook, building a PDF) on a
QThread and calls back on the GUI thread. ``run_with_progress`` runs database
writes on the GUI thread (writes stay on one thread) while keeping the window
responsive. Both give the function ``progress(done, total)`` and
``cancelled() -> bool``; a function that sees ``cancelled()`` raises
``Cancelled`` (inside its transaction, so nothing is written).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog

from ..db import close_thread_connection
from ..i18n import tr
from ..tasks import Cancelled

_running: set = set()  # keep every QThread referenced until it has finished


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn):
        super().__init__()
        self.fn = fn
        self.cancel_requested = False

    def run(self):
        try:
            result = self.fn(lambda done, total: self.progressed.emit(int(done), int(total)),
                             lambda: self.cancel_requested)
        except BaseException as exc:  # reported to the GUI thread, shown there
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            # A connection the work opened in this thread is closed here, in its own thread, while the
            # window's connection stays open: SQLite keeps the file's locks for the process (see core/db).
            close_thread_connection()
            QThread.currentThread().quit()  # the thread ends by itself: wait_for_workers never hangs


class _Relay(QObject):
    """Lives in the GUI thread: the worker's signals reach the callbacks there (queued), never in the worker."""

    def __init__(self, on_progress, on_done, on_failed):
        super().__init__()
        self._progress, self._done, self._failed = on_progress, on_done, on_failed

    @Slot(int, int)
    def progress(self, done, total):
        if self._progress is not None:
            self._progress(done, total)

    @Slot(object)
    def done(self, result):
        self._done(result)

    @Slot(object)
    def failed(self, exc):
        self._failed(exc)


def _dialog(parent, title: str) -> QProgressDialog:
    dlg = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dlg.setWindowTitle(title)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(300)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    return dlg


def run_in_worker(parent, title: str, fn: Callable[[Callable, Callable], Any],
                  on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None = None,
                  show_progress: bool = True) -> QThread:
    """Run ``fn(progress, cancelled)`` off the GUI thread; ``on_done(result)`` after."""
    thread = QThread()
    worker = _Worker(fn)
    worker.moveToThread(thread)
    dlg = _dialog(parent, title) if show_progress else None
    _progress = None
    if dlg is not None:
        dlg.canceled.connect(lambda: setattr(worker, "cancel_requested", True))

        def _progress(done, total):
            dlg.setMaximum(max(total, 1))
            dlg.setValue(min(done, max(total, 1)))

    def _cleanup():
        if dlg is not None:
            dlg.close()
            dlg.deleteLater()
        thread.quit()

    def _done(result):
        _cleanup()
        on_done(result)

    def _failed(exc):
        _cleanup()
        if isinstance(exc, Cancelled):
            return
        if on_error is not None:
            on_error(exc)
        else:
            from .widgets import show_error

            show_error(parent, exc)

    relay = _Relay(_progress, _done, _failed)
    worker.progressed.connect(relay.progress)
    worker.finished.connect(relay.done)
    worker.failed.connect(relay.failed)
    thread.started.connect(worker.run)
    entry = (thread, worker, relay)
    _running.add(entry)
    thread.finished.connect(lambda: _running.discard(entry))
    thread.start()
    return thread


def wait_for_workers(timeout_ms: int = 30000) -> None:
    """Block until every worker has finished (tests, shutdown)."""
    for thread, *_rest in list(_running):
        thread.wait(timeout_ms)
    QApplication.processEvents()


def run_with_progress(parent, title: str, fn: Callable[[Callable, Callable], Any]) -> Any:
    """Run ``fn(progress, cancelled)`` on the GUI thread with a progress dialog.

    Returns the result; raises ``Cancelled`` if the user cancelled.
    """
    dlg = _dialog(parent, title)

    def progress(done, total):
        dlg.setMaximum(max(int(total), 1))
        dlg.setValue(min(int(done), max(int(total), 1)))
        QApplication.processEvents()

    try:
        return fn(progress, dlg.wasCanceled)
    finally:
        dlg.close()
        dlg.deleteLater()
