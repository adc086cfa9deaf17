"""The window's session: logging in (when accounts are on), what the person's role shows, and other people's
changes noticed while the window is open.

``LoginDialog`` / ``ask_login``: before the window, when accounts are on (core/accounts.py). Five wrong
passwords in a row pause logging in under that name; the OK button waits out the pause.

``visible_specs``: the module tabs the role shows (app.py builds the window with them only).
``attach(window)`` (called by MainWindow's ``__init__``): hides the actions the role may not use, and starts
the ``ChangeWatcher``: every ``POLL_MS`` while the window is shown it reads ``changes.counter()``; when
another program (another PC) committed a change, the tab in view is read again, Today when it is next shown
(or now, if in view), the other built tabs when they are shown (the window reads a tab again whenever it is
shown), and the badges of the tabs not built yet.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from .. import accounts, changes, db
from ..errors import UserError
from ..i18n import tr
from .dialogs import ERROR_COLOR

log = logging.getLogger(__name__)

POLL_MS = 2000


# --- logging in ------------------------------------------------------------------------------------

class LoginDialog(QDialog):
    """Name and password; accepted once ``accounts.login`` took them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Log in — Logistics Desk"))
        intro = QLabel(tr("This database is shared: log in with your name and password."))
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("login_name")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(tr("Your name"), self.name)
        form.addRow(tr("Password"), self.password)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Quit"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        self.session: accounts.Session | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._pause_over)

    def try_login(self) -> None:
        try:
            self.session = accounts.login(self.name.text(), self.password.text())
        except UserError as exc:
            self.message.setText(exc.message)
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            wait = accounts.pause_left(self.name.text())
            if wait > 0:  # five wrong tries: no more until the pause is over
                self.ok_button.setEnabled(False)
                self._pause.start(int(wait * 1000) + 50)
            return
        self.accept()

    def _pause_over(self) -> None:
        self.ok_button.setEnabled(True)
        self.message.hide()


def ask_login(parent=None) -> bool:
    """With accounts on: the login dialog (True once someone logged in, False: they chose Quit).
    With accounts off: True at once, nobody logs in (one clerk, one PC, as before)."""
    if not accounts.enabled():
        return True
    dialog = LoginDialog(parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def visible_specs(specs) -> list:
    """The module specs whose tabs the logged-in person's role shows (all with accounts off)."""
    specs = list(specs)
    keys = set(accounts.visible_tabs([s.key for s in specs]))
    return [s for s in specs if s.key in keys]


# --- the window ------------------------------------------------------------------------------------

def attach(window) -> ChangeWatcher:
    """Called at the end of MainWindow's ``__init__``: the role's actions, and the change watcher."""
    for action, name in ((accounts.SETTINGS, "settings_action"), (accounts.RESTORE, "restore_action"),
                         (accounts.BACKUP, "backup_action")):
        widget = getattr(window, name, None)
        if widget is not None and not accounts.allowed(action):
            widget.setVisible(False)
            widget.setEnabled(False)
    return ChangeWatcher(window)


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
