"""The main window on the clerk's PC: it fits the screen, keeps its layout per PC, shows where the files are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSplitter, QTableView

from logistics_desk.core import logs, paths
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules as registry_specs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def settings_folder(tmp_path):
    """QSettings written to a temporary folder, not the user's."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


@pytest.fixture
def window(qtbot, database, settings_folder):
    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    return w


def test_the_first_start_fits_the_screens_available_area(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    smallest = window.minimumSizeHint()
    if smallest.width() <= area.width() and smallest.height() <= area.height():
        assert area.contains(window.frameGeometry()), (window.frameGeometry(), area)
    if area.width() < 1416 or area.height() < 908:  # smaller than the preferred size: maximized
        assert window.windowState() & Qt.WindowState.WindowMaximized


SHOW_ON_A_SMALL_SCREEN = r"""
import json, sys
from logistics_desk.app import create_application, install_translators
from logistics_desk.core import db, i18n
i18n.set_language(sys.argv[2])
app = create_application()
install_translators(app, sys.argv[2])
db.open_database(sys.argv[1])
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules
w = MainWindow(modules())
w.show()
app.processEvents()
area, frame, least = w.screen().availableGeometry(), w.frameGeometry(), w.minimumSizeHint()
print(json.dumps({"area": [area.x(), area.y(), area.width(), area.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "least": [least.width(), least.height()],
                  "maximized": bool(w.windowState() & w.windowState().WindowMaximized)}))
"""


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_on_a_1366_by_768_screen_the_window_fits(tmp_path, db_path, language):
    """A real first start (own process, no saved settings) on a 1366×768 screen, in both languages."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", SHOW_ON_A_SMALL_SCREEN, str(db_path), language],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    x, y, width, height = shown["frame"]
    assert shown["area"] == [0, 0, 1366, 768]
    assert x >= 0 and y >= 0 and x + width <= 1366 and y + height <= 768, shown
    assert shown["least"][0] <= 1366 - 16 and shown["least"][1] <= 728 - 48, "cannot fit with a taskbar"
    assert shown["maximized"]


def test_fit_screen_on_a_1366_by_768_screen(window, monkeypatch):
    from PySide6.QtCore import QRect

    class Screen:
        def availableGeometry(self):
            return QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar

    monkeypatch.setattr(window, "screen", lambda: Screen())
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.fit_screen()
    assert window.width() <= 1366 - 16 and window.height() <= 728 - 48
    assert window.x() >= 0 and window.y() >= 0
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_size_splitters_and_column_widths_are_kept_for_the_next_start(qtbot, database, settings_folder):
    first = MainWindow(registry_specs())
    qtbot.addWidget(first)
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.resize(700, 500)
    tables = [w for _, w in first._layout_widgets() if isinstance(w, QTableView) and w.horizontalHeader().count()]
    splitters = [w for _, w in first._layout_widgets() if isinstance(w, QSplitter)]
    assert tables and splitters
    tables[0].horizontalHeader().resizeSection(1, 333)
    splitters[0].setSizes([200, 500])
    wanted_split = splitters[0].sizes()
    first.close()  # saves

    second = MainWindow(registry_specs())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    tables2 = [w for _, w in second._layout_widgets() if isinstance(w, QTableView) and w.horizontalHeader().count()]
    splitters2 = [w for _, w in second._layout_widgets() if isinstance(w, QSplitter)]
    assert tables2[0].horizontalHeader().sectionSize(1) == 333
    assert splitters2[0].sizes() == wanted_split


def test_about_shows_the_database_backups_data_folder_and_log(window, database):
    from logistics_desk.core import backup, db

    text = window.about_text()
    assert f"Database: {db.describe()}" in text  # a file's path; a server's address without the password
    assert f"Backups: {backup.backup_dir(db.current_path())}" in text
    assert f"Data folder: {paths.data_dir()}" in text
    assert "Log: " in text and "logistics-desk.log" in text


def test_help_opens_the_log_folder(window, monkeypatch, tmp_path):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(logs, "current_log_file", lambda: tmp_path / "logs" / "logistics-desk.log")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    help_menu = [a.menu() for a in window.menuBar().actions() if a.menu() and window.log_folder_action in
                 a.menu().actions()]
    assert help_menu, "Open log folder is not in a menu"
    window.log_folder_action.trigger()
    assert opened == [str(tmp_path / "logs")]
    assert (tmp_path / "logs").is_dir()


def test_a_table_keeps_its_widths_when_a_page_is_added_to_its_tab(qtbot):
    """Column widths were kept as "table-N" by their order in the tab: when the canteen tab gained pages, the
    sample list got another table's widths and its numbers were cut off. Each table is now kept by its place."""
    from PySide6.QtWidgets import QTableWidget, QTabWidget, QVBoxLayout, QWidget

    class SamplesPage(QWidget):
        pass

    class FridgePage(QWidget):
        pass

    class StorePage(QWidget):
        pass

    def tab_with(pages):
        tab = QWidget()
        qtbot.addWidget(tab)
        tabs = QTabWidget(tab)
        QVBoxLayout(tab).addWidget(tabs)
        tables = {}
        for cls in pages:
            page = cls()
            QVBoxLayout(page).addWidget(table := QTableWidget(2, 3, page))
            tabs.addTab(page, cls.__name__)
            tables[cls] = table
        return tab, tables

    before, old = tab_with([FridgePage, SamplesPage])
    after, new = tab_with([StorePage, FridgePage, SamplesPage])  # a page built before the others
    keys_before = {w: k for k, w in MainWindow._tab_layout_widgets(None, "canteen", before)}
    keys_after = {w: k for k, w in MainWindow._tab_layout_widgets(None, "canteen", after)}
    assert keys_before[old[SamplesPage]] == keys_after[new[SamplesPage]]
    assert keys_before[old[FridgePage]] == keys_after[new[FridgePage]]
    assert keys_after[new[StorePage]] not in keys_before.values()
