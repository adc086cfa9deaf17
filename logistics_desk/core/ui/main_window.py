"""The main window: one tab per module, the menus, the status bar."""

from __future__ import annotations

import logging
import weakref
from time import monotonic

import shiboken6
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from ... import __version__
from .. import backup, clock, db, logs, paths, settings
from ..errors import UserError
from ..i18n import tr
from ..loading import load_object
from ..today import spec_title
from .today import TodayPage
from .widgets import fit_to_screen, show_error, show_info
from .work import run_with_progress

log = logging.getLogger(__name__)

FRESH_SECONDS = 60  # a tab shown again reads its data again when it was last read longer ago (deadlines go by)


def _remove_filter(dispatcher) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None and shiboken6.isValid(dispatcher):
        app.removeEventFilter(dispatcher)



def _widget_path(top, widget) -> str:
    """Where ``widget`` sits below ``top``: each step its object name, or its class and its place among the
    siblings of that class (QStackedWidget's pages included)."""
    steps = []
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        name = widget.objectName()
        if not name or name.startswith("qt_"):
            cls = type(widget)
            same = [w for w in (parent.findChildren(cls, options=Qt.FindChildOption.FindDirectChildrenOnly)
                                if parent is not None else []) if type(w) is cls]
            name = f"{cls.__name__}.{same.index(widget) if widget in same else 0}"
        steps.append(name)
        widget = parent
    return "/".join(reversed(steps))

class MainWindow(QMainWindow):
    PREFERRED_SIZE = (1400, 860)
    started = Signal()  # built ``deferred``: Today's lines, the badges and the keys are there (app.py then backs up)

    def __init__(self, specs, *, deferred: bool = False):
        """``specs``: the module registry's ``ModuleSpec``s in tab order, handed in by app.py (core never
        imports a module).

        The first tab is Today; a module's tab is built when it is first opened (``module_tab``), so the
        window shows at once however large the books are. Until then its title carries the figure of
        its spec's ``badge`` function (overdue repairs, sample breaches).

        ``deferred`` (the program's start, app.py): the window is painted first, empty, and Today's lines,
        the badges and the shared keys come just after (``_finish_start``): the clerk sees the window
        without waiting for every module's queries, nor for the keys' application-wide event filter,
        whose first calls cost as much as the first paint itself. Built without it (tests, scripts),
        the window has all of them at once.
        """
        super().__init__()
        self.specs = list(specs)
        self.setWindowTitle(self._title())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._kept_widgets: list[tuple[str, object]] = []
        self._built: dict[str, object] = {}  # spec key -> its ModuleTab, once built
        # built tabs whose data is current: shown again, they are not read again (unless read over a minute
        # ago); a write elsewhere that concerns one takes it out (stale), so it reads when next shown
        self._fresh: set[str] = set()
        self._read_at: dict[str, float] = {}  # key -> when the window last had the tab read (monotonic)
        self._today_stale = False
        self._start_pending = deferred  # Today's lines, the badges and the keys wait for the first paint
        self.today = TodayPage(self.specs, self, read=not deferred)
        self.today.open_requested.connect(self.open_today_item)
        self.today.refreshed.connect(self._show_today_title)
        if deferred:
            self.today.first_painted.connect(lambda: QTimer.singleShot(0, self._finish_start))
        self.tabs.addTab(self.today, tr("Today"))
        for spec in self.specs:
            self.tabs.addTab(QWidget(), spec_title(spec))  # a placeholder until the tab is first opened
        if not deferred:
            self._show_today_title()
            self._show_badges()
        self.tabs.currentChanged.connect(self._tab_shown)
        self._build_menus()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.refresh_status()
        self._restore_layout()
        self.watch_database()
        from .login import attach  # the role's actions; other programs' changes refresh the window
        self.change_watcher = attach(self)
        self.today.tree.setFocus()  # Enter opens the first line at once
        if not deferred:
            self._install_keys()

    def _finish_start(self) -> None:
        """After the first paint (``deferred``): Today's lines, then (once they are painted) the badges and
        the shared keys."""
        if not self._start_pending or not shiboken6.isValid(self):
            return
        self._start_pending = False
        if self.today.read_at is None:  # not yet read (opening Today or a write reads it too)
            self.refresh_today()
        QTimer.singleShot(0, self._finish_start_keys)

    def _finish_start_keys(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._show_badges()
        if getattr(self, "keys", None) is None:
            self._install_keys()
        self.started.emit()

    def start_finished(self) -> bool:
        """Today's lines read, the badges shown, the keys installed (at once unless built ``deferred``)."""
        return getattr(self, "keys", None) is not None  # the keys come last

    # --- the tabs, built when first opened ---
    def _index_of(self, key: str) -> int:
        for i, spec in enumerate(self.specs):
            if spec.key == key:
                return i + 1
        raise KeyError(key)

    def _key_at(self, index: int) -> str | None:
        return self.specs[index - 1].key if 1 <= index <= len(self.specs) else None

    def is_built(self, key: str) -> bool:
        return key in self._built

    def module_tab(self, key: str):
        """The module's tab, built now if it was not yet (it takes the placeholder's place)."""
        tab = self._built.get(key)
        if tab is not None:
            return tab
        index = self._index_of(key)
        spec = self.specs[index - 1]
        tab = load_object(spec.view)(self)
        text = self.tabs.tabText(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        try:
            holder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, text)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        holder.deleteLater()
        self._built[key] = tab
        self._mark_read(key)
        tab.title_changed.connect(lambda title, t=tab: self._set_tab_title(t, title))
        self.tabs.setTabText(index, tab.badge_title or spec_title(spec))  # the tab's own figure from now on
        tab.data_changed.connect(lambda source=tab: self.tab_wrote(source))  # which modules: not said, any
        tab.records_changed.connect(lambda keys, source=tab: self.tab_wrote(source, keys))
        self._restore_tab_layout(key, tab)
        return tab

    @property
    def module_tabs(self) -> list:
        """Every module's tab, in tab order (builds those not built yet)."""
        return [self.module_tab(spec.key) for spec in self.specs]

    def built_tabs(self) -> list:
        return [self._built[spec.key] for spec in self.specs if spec.key in self._built]

    def _set_tab_title(self, tab, title: str) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, title)

    def _show_badges(self, keys=None) -> None:
        """The figures in the titles of the tabs not built yet (of the modules ``keys`` only, if given), from the
        specs' Qt-free ``badge`` functions."""
        for i, spec in enumerate(self.specs, 1):
            if spec.key in self._built or not getattr(spec, "badge", None):
                continue
            if keys is not None and spec.key not in keys:
                continue
            try:
                title = load_object(spec.badge)()
            except Exception:  # a badge must never stop the window (logged with its traceback)
                log.exception("badge of %s failed", spec.key)
                title = None
            self.tabs.setTabText(i, title or spec_title(spec))

    def _show_today_title(self) -> None:
        from .. import today as core_today

        n = core_today.needs_attention(self.today.groups)
        self.tabs.setTabText(0, tr("Today ({n})").format(n=n) if n else tr("Today"))

    def refresh_today(self) -> None:
        self._today_stale = False
        self.today.refresh()  # then the title, through ``refreshed``

    def open_today_item(self, item) -> None:
        """A line of Today opened: core's own lines run their action; a module's opens its tab on the records."""
        from .. import today as core_today

        if item.module == core_today.CORE:
            action = item.target.get("action")
            if action == "settings":
                self.open_settings()
            elif action == "backup":
                self.backup_now()
                self.refresh_today()
            elif action == "check":
                self.check_integrity()
            return
        try:
            tab = self.module_tab(item.module)
        except KeyError:
            return
        self.tabs.setCurrentWidget(tab)
        try:
            tab.show_today(dict(item.target))
        except Exception as exc:
            show_error(self, exc)

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
        from .key_dialogs import add_actions  # Export / Import the record key (moving it to another PC)

        add_actions(self, file_menu)
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
        self.keyboard_action = QAction(tr("Keyboard") + "\tF1", self)  # F1 itself: core/ui/keys.py
        self.keyboard_action.triggered.connect(self.show_keys)
        help_menu.addAction(self.keyboard_action)
        help_menu.addSeparator()
        self.log_folder_action = QAction(tr("Open log folder"), self)
        self.log_folder_action.triggered.connect(self.open_log_folder)
        help_menu.addAction(self.log_folder_action)
        help_menu.addSeparator()
        self.about_action = QAction(tr("About"), self)
        self.about_action.triggered.connect(lambda: QMessageBox.about(self, tr("About"), self.about_text()))
        help_menu.addAction(self.about_action)

    def about_text(self) -> str:
        path = db.current_path()
        return tr("Logistics Desk {version}\nThe general-affairs office's books: assets, stock-takes, purchases, "
                  "repairs and canteen samples.\n\nDatabase: {path}\nBackups: {backups}\nData folder: {data}\n"
                  "Log: {log}").format(
            version=__version__, path=db.describe() or path, backups=backup.backup_dir(path) if path else "",
            data=paths.data_dir(), log=logs.current_log_file() or logs.log_file())

    def open_log_folder(self) -> None:
        folder = (logs.current_log_file() or logs.log_file()).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            show_error(self, UserError(tr("The log folder {path} cannot be created: {error}").format(
                path=folder, error=exc.strerror or exc)))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            show_info(self, tr("The log files are in {path}").format(path=folder), tr("Open log folder"))

    def refresh_status(self) -> None:
        operator = settings.get("operator.name") or tr("(operator not set)")
        self.status.setText(tr("Operator: {name}   Database: {path}").format(name=operator, path=db.describe()))
        if not settings.get("school.name"):
            self.statusBar().showMessage(tr("Please enter the school's name in Settings: it heads every printed form."))
        else:
            self.statusBar().clearMessage()

    def watch_database(self) -> None:
        """Say in the status bar when a write waits for another program; keep file dialogs off the database.

        File dialogs must not open the database file (that would drop this process's locks on it, see
        core/ui/file_dialogs.py).
        """
        from PySide6.QtCore import QThread
        from PySide6.QtWidgets import QApplication

        from . import file_dialogs

        file_dialogs.install()
        window = weakref.ref(self)

        def waiting(seconds):
            me = window()
            if me is None or not shiboken6.isValid(me) or QThread.currentThread() is not me.thread():
                return
            me.show_waiting(seconds)
            if seconds is not None:  # repaint, but take no clicks or keys until the write can go on
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

        db.set_waiting_callback(waiting)

    def show_waiting(self, seconds: float | None) -> None:
        """``seconds``: how long a write has been waiting for another program; None: the wait is over."""
        if seconds is None:
            self.refresh_status()
            return
        self.statusBar().showMessage(
            tr("Waiting for another program to finish writing… ({n} s)").format(n=int(seconds)))

    def _tab_shown(self, index: int) -> None:
        if index == 0:  # read again after a change elsewhere, or when a minute has passed (deadlines go by)
            read_at = self.today.read_at
            if self._today_stale or read_at is None or (clock.now() - read_at).total_seconds() >= 60:
                self.refresh_today()
            return
        key = self._key_at(index)
        if key is None:
            return
        if key not in self._built:
            self.module_tab(key)  # built now: it has just read its data
        if key in self._fresh and monotonic() - self._read_at.get(key, 0.0) < FRESH_SECONDS:
            return
        self._built[key].refresh()
        self._mark_read(key)

    def _mark_read(self, key: str) -> None:
        self._fresh.add(key)
        self._read_at[key] = monotonic()

    def tab_wrote(self, source, keys=None) -> None:
        """A tab wrote (its ``records_changed``, or ``data_changed``): of the other built tabs, those of the modules
        ``keys`` (None: every module; empty: nothing changed) read their data again — the one in view at once,
        the others when next shown — and so do Today and the badges of those not built yet."""
        keys = None if keys is None else set(keys)
        if keys is not None and not keys:
            return
        current = self.tabs.currentWidget()
        for key, tab in list(self._built.items()):
            if tab is source or (keys is not None and key not in keys):
                continue
            if tab is current:
                tab.refresh()
                self._mark_read(key)
            else:
                self._fresh.discard(key)  # stale: read when next shown
        self._show_badges(keys)
        self._today_changed()

    def stale_tabs(self) -> set[str]:
        """The built tabs that will read their data again when next shown."""
        return set(self._built) - self._fresh

    def _today_changed(self) -> None:
        """Data changed: Today is read again now if it is in view, else when it is next shown."""
        if self.tabs.currentIndex() == 0:
            self.refresh_today()
        else:
            self._today_stale = True

    def refresh_all(self) -> None:
        self.setWindowTitle(self._title())
        self.refresh_status()
        for key, tab in list(self._built.items()):
            tab.refresh()
            self._mark_read(key)
        self._show_badges()
        self.refresh_today()

    # --- actions ---
    def open_settings(self) -> None:
        from .settings_window import SettingsWindow

        dialog = SettingsWindow(self, specs=self.specs)
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
            show_error(self,
                       UserError(tr("The backup cannot be restored: {problems}").format(problems="; ".join(problems))))
            return
        answer = QMessageBox.question(
            self, tr("Restore"),
            tr("Replace the current data with the backup {path}?\nThe current data is backed up "
               "first.").format(path=path))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:  # waits (with a message in the status bar, and Cancel) while another program holds the file
            result = run_with_progress(self, tr("Restoring…"), lambda p, c: backup.restore(
                path, progress=p, cancelled=c, on_wait=lambda text: self.statusBar().showMessage(text)))
        except Exception as exc:
            self.statusBar().clearMessage()
            show_error(self, exc)
            return
        self.refresh_all()
        show_info(self, "\n\n".join([tr("Restored. The previous data was saved to {path}.").format(path=result.safety),
                                      *result.warnings]))

    def check_integrity(self) -> None:
        from .. import integrity

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = integrity.check()
        finally:
            QGuiApplication.restoreOverrideCursor()
        lines = report.problems[:50]
        if len(report.problems) > 50:
            lines.append(tr("… and {n} more (the command line's check lists them all).").format(
                n=len(report.problems) - 50))
        text = "\n".join(lines + report.notes + [report.summary()])
        from .. import today as core_today

        core_today.remember_check(report)
        self.refresh_today()
        if report.ok:
            show_info(self, text, tr("Check data integrity"))
        else:
            QMessageBox.warning(self, tr("Check data integrity"), text)

    # --- the keys every tab shares (core/ui/keys.py) ---
    def _install_keys(self) -> None:
        from PySide6.QtWidgets import QApplication

        from .keys import KeyDispatcher

        self.keys = KeyDispatcher(self)
        QApplication.instance().installEventFilter(self.keys)
        self.destroyed.connect(lambda *_a, k=self.keys: _remove_filter(k))

    def key_action(self, kind: str) -> bool:
        """A shared key pressed in the window: the current tab does it, or the status bar says it has nothing."""
        from .keys import NOTHING

        if kind == "help":
            self.show_keys()
            return True
        page = self.tabs.currentWidget()
        action = getattr(page, "key_action", None)
        try:
            done = bool(action(kind)) if action is not None else False
        except Exception as exc:
            show_error(self, exc)
            return True
        if not done:
            self.statusBar().showMessage(tr(NOTHING.get(kind, NOTHING["refresh"])), 5000)
        return done

    def show_keys(self):
        """Help → Keyboard (F1): the list of keys, non-blocking; returns the dialog."""
        from .keys import KeyboardDialog

        dialog = getattr(self, "keys_dialog", None)
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        self.keys_dialog = KeyboardDialog(self)
        self.keys_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.keys_dialog.show()
        return self.keys_dialog

    def scanned(self, text: str) -> bool:
        """A barcode scanned into a list: the first module whose spec's ``find`` knows the number shows it."""
        text = text.strip()
        for spec in self.specs:
            if not getattr(spec, "find", None):
                continue
            try:
                target = load_object(spec.find)(text)
            except Exception:  # a module's look-up must never stop the window (logged with its traceback)
                log.exception("find of %s failed", spec.key)
                continue
            if target is None:
                continue
            tab = self.module_tab(spec.key)
            self.tabs.setCurrentWidget(tab)
            try:
                tab.show_today(dict(target))
            except Exception as exc:
                show_error(self, exc)
            self.statusBar().showMessage(tr("Found {number}.").format(number=text), 5000)
            return True
        self.statusBar().showMessage(tr("No record numbered {number} was found.").format(number=text), 8000)
        return False

    def excepthook(self, exc_type, exc, tb) -> None:
        show_error(self, exc)  # logs an unexpected error with its traceback

    # --- what the clerk arranged, kept per PC and user (QSettings) ---
    def _tab_layout_widgets(self, key: str, tab) -> list[tuple[str, object]]:
        """The splitters and tables of one tab, each with its settings key: its path inside the tab
        (``layout/canteen/QTabWidget.0/DayPage.0/DayGrid.0``), so a page or table added to a tab later does not
        hand one table's widths to another."""
        found = []
        for cls in (QSplitter, QTableView):
            for widget in tab.findChildren(cls):
                found.append((f"layout/{key}/{_widget_path(tab, widget)}", widget))
        return found

    def _layout_widgets(self) -> list[tuple[str, object]]:
        """The splitters and tables of every tab (building them all), each with its settings key."""
        found = []
        for spec, tab in zip(self.specs, self.module_tabs, strict=True):
            found += self._tab_layout_widgets(spec.key, tab)
        return found

    def _restore_layout(self) -> None:
        """The size and place the window had when it was last closed; at the first start, one that fits the screen.
        (Each tab's splitters and column widths are put back when the tab is built.)"""
        saved = QSettings(paths.ORGANIZATION, paths.APPLICATION)
        geometry = saved.value("window/geometry")
        if not (geometry and self.restoreGeometry(geometry)):
            self.fit_screen()

    def _restore_tab_layout(self, key: str, tab) -> None:
        saved = QSettings(paths.ORGANIZATION, paths.APPLICATION)
        widgets = self._tab_layout_widgets(key, tab)
        self._kept_widgets += widgets  # the same widgets are saved on closing
        for setting, widget in widgets:
            value = saved.value(setting)
            if not value:
                continue
            if isinstance(widget, QSplitter):
                widget.restoreState(value)
            else:
                widths = [int(w) for w in str(value).split(",") if w.isdigit()]
                header = widget.horizontalHeader()
                if len(widths) == header.count():
                    for column, width in enumerate(widths):
                        if width > 0:
                            header.resizeSection(column, width)

    def fit_screen(self) -> None:
        """Size the window to the screen's available area (taskbar excluded), up to 1400×860, centred.

        A smaller screen (1366×768, say) gets the window maximized, so none of it is off the edge.
        """
        if fit_to_screen(self, self.PREFERRED_SIZE):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_layout(self) -> None:
        saved = QSettings(paths.ORGANIZATION, paths.APPLICATION)
        saved.setValue("window/geometry", self.saveGeometry())
        from shiboken6 import isValid

        for key, widget in getattr(self, "_kept_widgets", []):
            if not isValid(widget):
                continue
            if isinstance(widget, QSplitter):
                saved.setValue(key, widget.saveState())
            else:
                header = widget.horizontalHeader()
                saved.setValue(key, ",".join(str(header.sectionSize(c)) for c in range(header.count())))
        saved.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._start_pending:  # the rest of the start comes once Today is painted; at the latest, then
            QTimer.singleShot(500, self._finish_start)
        if not getattr(self, "_shown_logged", False):
            self._shown_logged = True
            frame, screen = self.frameGeometry(), self.screen().availableGeometry()
            log.info("window shown: %dx%d at %d,%d on a screen of %dx%d available", frame.width(), frame.height(),
                     frame.x(), frame.y(), screen.width(), screen.height())

    def closeEvent(self, event) -> None:
        self.save_layout()
        super().closeEvent(event)
