"""The first start asks for the school's and the operator's names (issue 13, item 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import audit, settings
from logistics_desk.core.ui import first_start
from logistics_desk.core.ui.first_start import FirstStartDialog
from logistics_desk.modules import modules as registry_specs

pytestmark = pytest.mark.gui


@pytest.fixture
def fresh(db_path):
    from logistics_desk.core import db

    db.open_database(db_path, backup=False)  # a new school: no names yet
    yield
    db.close_database()


def test_a_new_database_asks_and_saves_both_names(qtbot, fresh):
    assert first_start.needed()
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # nothing typed: the clerk is told beside the field
    assert dialog.errors.labels["operator.name"].text() and dialog.result() == 0
    dialog.widgets["operator.name"].setText("陈晓燕")
    dialog.widgets["school.name"].setText("示范市实验中学")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert settings.get("school.name") == "示范市实验中学" and settings.get("operator.name") == "陈晓燕"
    assert not first_start.needed()
    assert "Settings" in dialog.findChildren(type(dialog.errors.labels["school.name"]))[0].text()
    last = audit.AuditEntry.select().order_by(audit.AuditEntry.id.desc()).first()
    assert last.table_name == "setting"


def test_a_school_with_both_names_is_not_asked(database):
    assert not first_start.needed()


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
def test_the_window_asks_on_the_first_start_without_blocking(qtbot, fresh, tmp_path):
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    from logistics_desk.app import ask_first_start
    from logistics_desk.core.ui.main_window import MainWindow

    window = MainWindow(registry_specs())
    qtbot.addWidget(window)
    ask_first_start(window)
    dialog = window.first_start_dialog
    assert dialog.isVisible() and dialog.isModal()
    dialog.widgets["operator.name"].setText("陈晓燕")
    dialog.widgets["school.name"].setText("示范市实验中学")
    dialog.save()
    assert "示范市实验中学" in window.windowTitle()
