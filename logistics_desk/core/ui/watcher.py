"""Other people's changes noticed while the window is open.

``ChangeWatcher`` (started by core/ui/login.py ``attach``, i.e. by MainWindow's ``__init__``): every ``POLL_MS``
while the window is shown it reads ``changes.counter()`` (core/changes.py); when another program (another PC)
committed a change, the tab in view is read again, Today when it is next shown (or now, if in view), the other
built tabs when they are shown (the window reads a tab again whenever it is shown), and the badges of the tabs
not built yet. A tick costs no query on either engine: SQLite's ``PRAGMA data_version``; on PostgreSQL the
notifications already received on the window's listening connection (``PostgresEngine.change_counter``,
LISTEN/NOTIFY; about 20 µs against 0.5 ms for the newest change record id it replaced). Neither moves for
this program's own writes.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from .. import changes, db

log = logging.getLogger(__name__)

POLL_MS = 2000


class ChangeWatcher(QObject):
    """Reads ``changes.counter()`` every ``POLL_MS`` while the window is shown; another program's change
    refreshes what is in view. A change seen while a dialog is open waits until it is closed."""

    def __init__(self, window, interval_ms: int = POLL_MS):
        super().__init__(window)
        self.window = window
        self.last = self._read()
        self.pending = False
        self.refreshes = 0
        self.waiting = False  # a write of this program waits for another's lock (the timer fires meanwhile)
        previous = db.set_waiting_callback(None)

        def waiting(seconds):
            self.waiting = seconds is not None
            if previous is not None:
                previous(seconds)

        db.set_waiting_callback(waiting)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    @staticmethod
    def _read():
        try:
            return changes.counter()
        except Exception:  # a database gone away for a moment: try again at the next tick
            log.warning("cannot read the change counter", exc_info=True)
            return None

    def poll(self) -> bool:
        """One tick; True when the window was refreshed."""
        window = self.window
        if not shiboken6.isValid(window) or not window.isVisible() or window.isMinimized():
            return False
        if self.waiting or changes.in_transaction():  # in the middle of this program's own write: later
            return False
        now = self._read()
        if now is not None and self.last is not None and now != self.last:
            self.pending = True
        if now is not None:
            self.last = now
        if not self.pending or QApplication.activeModalWidget() is not None:
            return False
        self.pending = False
        self.refreshes += 1
        self.refresh(window)
        return True

    @staticmethod
    def refresh(window) -> None:
        current = window.tabs.currentWidget()
        for tab in window.built_tabs():
            if tab is current:
                tab.refresh()
            else:
                window._fresh.discard(next((k for k, t in window._built.items() if t is tab), None))
        window._show_badges()
        window._today_changed()
        if hasattr(window, "refresh_status"):
            window.refresh_status()
