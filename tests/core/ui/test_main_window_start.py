"""Issue 17, the window's start: painted first, then Today's lines, the badges and the shared keys; and no
module's service imported to paint it."""

from __future__ import annotations

import datetime as _dt
import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt

from logistics_desk.core import clock, paths
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules as registry_specs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def settings_folder(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def _overdue_ticket():
    from logistics_desk.core import masterdata
    from logistics_desk.core.masterdata import Place
    from logistics_desk.modules.repairs import service as repairs

    building = masterdata.save(Place, {"kind": "building", "name": "教学楼"})
    place = masterdata.save(Place, {"kind": "room", "name": "101", "parent": building.id})
    ticket = repairs.create_ticket(reporter_name="李老师", place=place.id, category="水电",
                                   description="水龙头漏水", urgency="urgent")
    clock.freeze(clock.now() + _dt.timedelta(days=10))  # long past its deadline
    return ticket


def test_the_window_is_painted_first_and_today_shows_its_lines_just_after(qtbot, database, settings_folder):
    _overdue_ticket()
    w = MainWindow(registry_specs(), deferred=True)
    qtbot.addWidget(w)
    # built, not yet shown: nothing read, no badge, no keys
    assert w.today.read_at is None and w.today.tree.topLevelItemCount() == 0
    repairs_index = 1 + [s.key for s in w.specs].index("repairs")
    assert w.tabs.tabText(repairs_index) == "Repair log"
    assert not w.start_finished()
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(w.start_finished, timeout=5000)
    # Today's lines, its title, the badge of the repair log (not built), the keys
    texts = [w.today.tree.topLevelItem(i).text(0).strip() for i in range(w.today.tree.topLevelItemCount())]
    assert any(t.startswith("Repair tickets overdue: 1") for t in texts), texts
    assert any(t.startswith(("No backup has been made yet", "Last backup")) for t in texts), texts
    assert w.tabs.tabText(0).startswith("Today (")
    assert w.tabs.tabText(repairs_index) == "Repair log (1 overdue)"
    assert not w.is_built("repairs")
    from logistics_desk.core.ui.keys import KeyboardDialog

    qtbot.keyClick(w.today.tree, Qt.Key.Key_F1)  # the shared keys are there
    qtbot.waitUntil(lambda: isinstance(getattr(w, "keys_dialog", None), KeyboardDialog))
    w.keys_dialog.close()


def test_opening_a_tab_before_the_lines_were_read_reads_them_when_today_is_shown_again(qtbot, database,
                                                                                        settings_folder):
    w = MainWindow(registry_specs(), deferred=True)
    qtbot.addWidget(w)
    w.tabs.setCurrentIndex(1 + [s.key for s in w.specs].index("repairs"))  # before the first paint
    assert w.is_built("repairs")
    w.tabs.setCurrentIndex(0)
    assert w.today.read_at is not None and w.today.tree.topLevelItemCount() > 0


def test_built_at_once_without_deferred(qtbot, database, settings_folder):
    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    assert w.today.read_at is not None and w.today.tree.topLevelItemCount() > 0 and w.start_finished()


PAINT_AND_LIST = r"""
import json, sys
from logistics_desk.app import create_application, install_translators
from logistics_desk.core import db, i18n
i18n.set_language("zh_CN")
app = create_application()
db.open_database(sys.argv[1], backup=False)
install_translators(app, "zh_CN")
from PySide6.QtCore import QEventLoop
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules
w = MainWindow(modules(), deferred=True)
w.show()
app.processEvents()  # the first paint
painted = sorted(n for n in sys.modules if n.startswith("logistics_desk.modules."))
while not w.start_finished():
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
started = sorted(n for n in sys.modules if n.startswith("logistics_desk.modules."))
print(json.dumps({"painted": painted, "started": started, "lines": w.today.tree.topLevelItemCount()}))
"""


def test_painting_the_window_imports_no_modules_service(tmp_path, db_path):
    """Only the registry's specs are read to paint the window; the services (slow to import, and the tabs'
    business) come with a tab when it is opened. Today's lines come after the paint."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", PAINT_AND_LIST, str(db_path)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["lines"] > 0
    painted = found["painted"]
    assert not [n for n in painted if n.rsplit(".", 1)[-1] in ("service", "view", "api")], painted
    assert not [n for n in painted if n.endswith(".today")], painted  # Today's lines: after the paint
    assert {n for n in found["started"] if n.endswith(".today")}  # … and then they were read


def test_the_program_backs_up_once_the_window_shows_todays_lines(qtbot, db_path, settings_folder, monkeypatch):
    """``run_gui``: the day's automatic backup (seconds on a large file) and the first start's questions wait
    for the window to be painted with Today's lines, instead of coming before its first paint."""
    import argparse

    from PySide6.QtWidgets import QApplication

    from logistics_desk import app as app_module
    from logistics_desk.core.ui import main_window as main_window_module

    seen, windows = [], []
    built = main_window_module.MainWindow

    def keep(*args, **kwargs):
        windows.append(built(*args, **kwargs))
        return windows[-1]

    def record(kind):
        def at_call(window):
            seen.append((kind, window.today.painted, window.today.read_at is not None, window.start_finished()))
            if kind == "backup":
                real_daily_backup(window)  # (the backup itself stubbed below): the lines are painted first
                seen.append(("lines painted before the backup", lines_at_backup[0], True, True))
        return at_call

    def event_loop(_app):  # QApplication.exec, until both came
        qtbot.waitUntil(lambda: len(seen) == 3, timeout=10000)
        return 0

    from logistics_desk.core import backup as backup_module

    real_daily_backup = app_module.daily_backup
    lines_at_backup = []
    monkeypatch.setattr(backup_module, "daily_backup_with_copy",
                        lambda: lines_at_backup.append(windows[-1].today.lines_painted))
    monkeypatch.setattr(main_window_module, "MainWindow", keep)
    monkeypatch.setattr(app_module, "daily_backup", record("backup"))
    monkeypatch.setattr(app_module, "ask_first_start", record("first start"))
    monkeypatch.setattr(QApplication, "exec", event_loop)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    try:
        assert app_module.run_gui(argparse.Namespace(db=str(db_path), lang="en")) == 0
    finally:
        for w in windows:
            w.close()
            w.deleteLater()
    assert sorted(seen) == [("backup", True, True, True), ("first start", True, True, True),
                            ("lines painted before the backup", True, True, True)]
