"""Open lists notice other people's changes: another program writes, the tab in view reads its data again."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QSettings

from logistics_desk.core import paths
from logistics_desk.core.masterdata import Category
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules as registry_specs
from logistics_desk.modules.assets import service

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def window(qtbot, database, tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    w.change_watcher.timer.setInterval(100)  # the window polls every 2 s; the test need not wait so long
    yield w
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def _register_elsewhere(db_path, name: str) -> None:
    """Another program (another PC) registers an asset and ends."""
    script = textwrap.dedent(f"""
        import datetime as dt
        from logistics_desk.core import db
        from logistics_desk.core.masterdata import Category
        from logistics_desk.modules.assets import service
        db.open_database({getattr(db_path, "url", str(db_path))!r}, backup=False)
        service.register({{"name": {name!r}, "category": Category.select().first().id, "quantity": 1,
                          "unit_price": "100", "acquired_on": dt.date(2025, 9, 1), "unit": "台"}})
        db.close_database()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


def test_the_tab_in_view_shows_what_another_program_registered(window, qtbot, db_path):
    service.register({"name": "台式计算机", "category": Category.select().first().id, "quantity": 1,
                      "unit_price": "4200", "acquired_on": dt.date(2025, 9, 1), "unit": "台"})
    window.show()
    qtbot.waitExposed(window)
    tab = window.module_tab("assets")
    window.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 1
    _register_elsewhere(db_path, "投影仪")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
    assert window.change_watcher.refreshes >= 1


# (SQLite's PRAGMA data_version ignores this connection's own commits; PostgreSQL's listener this program's NOTIFY)
def test_nothing_is_read_again_when_nobody_else_wrote(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    tab = window.module_tab("assets")
    window.tabs.setCurrentWidget(tab)
    service.register({"name": "台式计算机", "category": Category.select().first().id, "quantity": 1,
                      "unit_price": "4200", "acquired_on": dt.date(2025, 9, 1), "unit": "台"})  # this program's own
    qtbot.wait(500)
    assert window.change_watcher.refreshes == 0


def test_a_change_seen_while_a_dialog_is_open_waits_for_it_to_close(window, qtbot, db_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    window.show()
    qtbot.waitExposed(window)
    tab = window.module_tab("assets")
    window.tabs.setCurrentWidget(tab)
    modal = [object()]
    monkeypatch.setattr(QApplication, "activeModalWidget", staticmethod(lambda: modal[0]))
    _register_elsewhere(db_path, "投影仪")
    qtbot.wait(400)
    assert window.change_watcher.pending and tab.model.rowCount() == 0
    modal[0] = None
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)


def test_no_refresh_in_the_middle_of_this_programs_own_write(window, qtbot, db_path):
    """The timer fires in event loops run while a write waits or works: the tabs are read after it."""
    from logistics_desk.core import db

    window.show()
    qtbot.waitExposed(window)
    tab = window.module_tab("assets")
    window.tabs.setCurrentWidget(tab)
    window.change_watcher.timer.stop()
    _register_elsewhere(db_path, "投影仪")
    with db.database.atomic():
        assert window.change_watcher.poll() is False
    db._notify_waiting(3.0)  # this program's write waits for another's lock
    assert window.change_watcher.poll() is False
    db._notify_waiting(None)
    assert window.change_watcher.poll() is True and tab.model.rowCount() == 1
