"""The window's side of the change record's key on a second PC (issue 20): at start a server PC without the
key says it cannot save and what to do; File → Export the record key… on one PC and Import the record key… on
the other move it, beside Back up and Restore."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from logistics_desk.core import audit, db, i18n, paths
from logistics_desk.core.ui import key_dialogs
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules as registry_specs

_spec = importlib.util.spec_from_file_location("test_record_key", Path(__file__).parents[1] / "test_record_key.py")
record_key = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(record_key)
pcs = record_key.pcs  # the two PCs (a fixture)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def settings_folder(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def _window(qtbot) -> MainWindow:
    window = MainWindow(registry_specs())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_key_moves_through_the_file_menu_and_a_pc_without_it_says_so_at_start(
        pcs, qtbot, tmp_path, monkeypatch, settings_folder):
    said = []
    monkeypatch.setattr(key_dialogs, "show_info", lambda parent, text, title=None: said.append(text))
    monkeypatch.setattr(key_dialogs, "show_error", lambda parent, exc: said.append("ERROR " + str(exc)))
    file = tmp_path / "school.ldkey"

    pcs.open("甲")
    first = _window(qtbot)
    actions = [a.text() for a in first.backup_action.associatedObjects()[0].actions()]  # the File menu
    at = actions.index(first.restore_action.text())
    assert actions[at + 1:at + 3] == ["Export the record key…", "Import the record key…"]
    qtbot.wait(50)
    assert getattr(first, "key_missing_box", None) is None  # this PC has the key
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(file), ""))
    first.export_key_action.trigger()
    assert file.is_file() and "written to" in said[-1]
    first.close()
    db.close_database()

    pcs.open("乙")
    i18n.set_language("zh_CN")  # Chinese first
    second = _window(qtbot)
    if pcs.server:
        qtbot.waitUntil(lambda: getattr(second, "key_missing_box", None) is not None
                        and second.key_missing_box.isVisible())
        assert "记录" in second.key_missing_box.text() and "key import FILE" in second.key_missing_box.text()
        assert second.key_missing_banner.isVisible()
        second.key_missing_box.accept()
    i18n.set_language("en")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    second.import_key_action.trigger()
    assert "can now save changes" in said[-1], said
    assert audit.key_missing() is None and audit.verify_chain() == []
    if pcs.server:
        assert not second.key_missing_banner.isVisible()
    second.close()
