"""The window's session: logging in (when accounts are on) and what the person's role shows.

``LoginDialog`` / ``ask_login``: before the window, when accounts are on (core/accounts.py). Five wrong
passwords in a row pause logging in under that name; the OK button waits out the pause.

``visible_specs``: the module tabs the role shows (app.py builds the window with them only).
``attach(window)`` (called by MainWindow's ``__init__``): hides the actions the role may not use, and starts
the ``ChangeWatcher`` (core/ui/watcher.py: other people's changes refresh the window).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from .. import accounts
from ..errors import UserError
from ..i18n import tr
from .dialogs import ERROR_COLOR
from .watcher import ChangeWatcher

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
