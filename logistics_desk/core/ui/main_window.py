"""The main window: one tab per module, the menus, the status bar."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from ... import __version__
from ...modules import load_view, modules
from .. import backup, db, settings
from ..errors import UserError
from ..i18n import tr
from .widgets import show_error, show_info
from .work import run_with_progress

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle(self._title())
        self.resize(1400, 860)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.module_tabs = []
        for spec in modules():
            tab = load_view(spec.view)(self)
            index = self.tabs.addTab(tab, tr(spec.title))
            tab.title_changed.connect(lambda text, i=index: self.tabs.setTabText(i, text))
            tab.data_changed.connect(lambda source=tab: self._refresh_others(source))
            self.module_tabs.append(tab)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._build_menus()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.refresh_status()

    def _title(self) -> str:
        school = settings.get("school.name")
        base = tr("Logistics Desk")
        return f"{base} — {school}" if school else base

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        self.backup_action = QAction(tr("Back up now…"), self)
        self.backup_action.triggered.connect(self.backup_now)
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(tr("Restore from a backup…"), self)
        self.restore_action.triggered.connect(self.restore_backup)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        check_action = QAction(tr("Check data integrity"), self)
        check_action.triggered.connect(self.check_integrity)
        file_menu.addAction(check_action)
        file_menu.addSeparator()
        quit_action = QAction(tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(tr("&Settings"))
        self.settings_action = QAction(tr("Settings and master data…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        settings_menu.addAction(self.settings_action)

        help_menu = self.menuBar().addMenu(tr("&Help"))
        about = QAction(tr("About"), self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, tr("About"),
            tr("Logistics Desk {version}\nThe general-affairs office's books: assets, stock-takes, purchases, "
               "repairs and canteen samples.\nDatabase: {path}").format(version=__version__, path=db.current_path())))
        help_menu.addAction(about)

    def refresh_status(self) -> None:
        operator = settings.get("operator.name") or tr("(operator not set)")
        self.status.setText(tr("Operator: {name}   Database: {path}").format(name=operator, path=db.current_path()))
        if not settings.get("school.name"):
            self.statusBar().showMessage(tr("Please enter the school's name in Settings: it heads every printed form."))
        else:
            self.statusBar().clearMessage()

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.module_tabs):
            self.module_tabs[index].refresh()

    def _refresh_others(self, source) -> None:
        for tab in self.module_tabs:
            if tab is not source:
                tab.refresh()

    def refresh_all(self) -> None:
        self.setWindowTitle(self._title())
        self.refresh_status()
        for tab in self.module_tabs:
            tab.refresh()

    # --- actions ---
    def open_settings(self) -> None:
        from .settings_window import SettingsWindow

        dialog = SettingsWindow(self)
        dialog.exec()
        self.refresh_all()

    def backup_now(self) -> None:
        default = str(backup.backup_dir() / f"{db.current_path().stem}-manual.db")
        path, _ = QFileDialog.getSaveFileName(self, tr("Back up the database"), default, tr("Database (*.db)"))
        if not path:
            return
        try:
            made = run_with_progress(self, tr("Backing up…"), lambda p, c: backup.make_backup(path, progress=p))
        except Exception as exc:
            show_error(self, exc)
            return
        show_info(self, tr("Backup written: {path}").format(path=made))

    def restore_backup(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Restore from a backup"), str(backup.backup_dir()),
                                              tr("Database (*.db)"))
        if not path:
            return
        problems = backup.verify(path)
        if problems:
            show_error(self, UserError(tr("The backup cannot be restored: {problems}").format(problems="; ".join(problems))))
            return
        answer = QMessageBox.question(
            self, tr("Restore"),
            tr("Replace the current data with the backup {path}?\nThe current data is backed up first.").format(path=path))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            safety = run_with_progress(self, tr("Restoring…"), lambda p, c: backup.restore(path, progress=p))
        except Exception as exc:
            show_error(self, exc)
            return
        self.refresh_all()
        show_info(self, tr("Restored. The previous data was saved to {path}.").format(path=safety))

    def check_integrity(self) -> None:
        from .. import audit

        problems = db.integrity_problems() + audit.verify_chain()
        if problems:
            QMessageBox.warning(self, tr("Check data integrity"), "\n".join(problems[:50]))
        else:
            show_info(self, tr("Database intact; change record intact ({count} entries).").format(
                count=audit.AuditEntry.select().count()), tr("Check data integrity"))

    def excepthook(self, exc_type, exc, tb) -> None:
        log.error("".join(traceback.format_exception(exc_type, exc, tb)))
        show_error(self, exc)
