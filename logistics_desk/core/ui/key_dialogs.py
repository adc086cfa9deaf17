"""The window's side of moving the change record's key (core/keyfile.py): File → Export the record key… /
Import the record key…, beside Back up and Restore (administrators only, as settings are), and at start a
warning when this PC lacks the key of a server database and so cannot save changes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from .. import accounts, audit, keyfile
from ..i18n import tr
from .widgets import show_error, show_info

KEY_SUFFIX = ".ldkey"


def add_actions(window, menu, before=None) -> None:
    """The two actions, in ``menu`` (before the action ``before``); hidden unless the person may change settings."""
    from PySide6.QtGui import QAction

    window.export_key_action = QAction(tr("Export the record key…"), window)
    window.export_key_action.triggered.connect(lambda: export_key(window))
    window.import_key_action = QAction(tr("Import the record key…"), window)
    window.import_key_action.triggered.connect(lambda: import_key(window))
    for action in (window.export_key_action, window.import_key_action):
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        if not accounts.allowed(accounts.SETTINGS):
            action.setVisible(False)
            action.setEnabled(False)
    QTimer.singleShot(0, lambda: shiboken6.isValid(window) and warn_if_key_missing(window))


def _filter() -> str:
    return tr("Record key (*{suffix})").format(suffix=KEY_SUFFIX)


def export_key(window) -> None:
    path, _ = QFileDialog.getSaveFileName(window, tr("Export the record key"), "logistics-desk" + KEY_SUFFIX,
                                          _filter())
    if not path:
        return
    try:
        made = keyfile.export_key(path)
    except Exception as exc:
        show_error(window, exc)
        return
    show_info(window, tr("The change record key was written to {path}. Keep it like a password. On each other PC "
                         "that uses this database: File → Import the record key….").format(path=made))


def import_key(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, tr("Import the record key"), "", _filter())
    if not path:
        return
    try:
        text = keyfile.import_key(path)
    except Exception as exc:
        show_error(window, exc)
        return
    banner = getattr(window, "key_missing_banner", None)
    if banner is not None:
        banner.hide()
        window.statusBar().removeWidget(banner)
    show_info(window, text)


def warn_if_key_missing(window) -> QMessageBox | None:
    """At start: a PC without the key of a server database says so, and what to do (a window that does not
    block, and a line in the status bar until the key is imported)."""
    try:
        text = audit.key_missing()
    except Exception:
        return None
    if not text:
        return None
    banner = QLabel(tr("This PC cannot save changes: the change record key is missing."))
    banner.setStyleSheet("color: #b00020; font-weight: bold;")
    window.key_missing_banner = banner
    window.statusBar().insertPermanentWidget(0, banner)  # (not hidden by the status bar's passing messages)
    box = QMessageBox(QMessageBox.Icon.Warning, tr("The change record key is missing"), text,
                      QMessageBox.StandardButton.Ok, window)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    window.key_missing_box = box
    return box
