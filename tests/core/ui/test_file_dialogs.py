"""File dialogs: open in the last folder used; Qt's own labels in Chinese (issue 13, finding 22)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from logistics_desk.core import i18n, paths
from logistics_desk.core.ui import file_dialogs


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings in a folder of the test's own, never the user's."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()
    yield
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def choose(monkeypatch, path):
    """The clerk picks ``path`` (or cancels with None) in whatever dialog opens; returns the folder it opened in."""
    opened = {}

    def fake_exec(dlg):
        opened["folder"] = dlg.directory().absolutePath()
        if path is None:
            return QDialog.DialogCode.Rejected
        dlg.selectFile(str(path))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    return opened


def test_a_dialog_opens_in_the_folder_last_used(qtbot, tmp_path, monkeypatch):
    registers, reports = tmp_path / "registers", tmp_path / "reports"
    registers.mkdir()
    reports.mkdir()
    chosen = registers / "台账.xlsx"
    chosen.write_bytes(b"")
    opened = choose(monkeypatch, chosen)
    path, _ = file_dialogs.get_open_file_name(None, "Import", "", "Spreadsheets (*.xlsx)")
    assert path == str(chosen)
    assert file_dialogs.last_folder() == str(registers)

    # the next dialog, with only a suggested name, opens there and keeps the name
    opened = choose(monkeypatch, None)
    dlg = file_dialogs._dialog("save", {"dir": "资产台账.xlsx"})
    assert dlg.directory().absolutePath() == str(registers)
    file_dialogs.get_save_file_name(None, "Export", "资产台账.xlsx", "Excel (*.xlsx)")
    assert opened["folder"] == str(registers)
    # a folder the caller names is kept; cancelling remembers nothing new
    file_dialogs.get_open_file_name(None, "Restore", str(reports), "")
    assert opened["folder"] == str(reports)
    assert file_dialogs.last_folder() == str(registers)
    # a folder chosen is remembered itself
    choose(monkeypatch, reports)
    assert file_dialogs.get_existing_directory(None, "Backups") == str(reports)
    assert file_dialogs.last_folder() == str(reports)


def test_a_remembered_folder_that_is_gone_is_not_used(qtbot, tmp_path):
    gone = tmp_path / "usb"
    gone.mkdir()
    file_dialogs.remember(str(gone / "a.xlsx"))
    assert file_dialogs.last_folder() == str(gone)
    gone.rmdir()
    assert file_dialogs.last_folder() == ""
    assert file_dialogs.starting_point("a.xlsx") == "a.xlsx"


def test_qt_dialog_labels_in_chinese(qtbot):
    """Qt's own zh_CN catalogue has no “&Look in:” or “Files of &type:”: the dialog said “Look in”."""
    i18n.set_language("zh_CN")
    dlg = file_dialogs._dialog("open", {"caption": "导入"})
    texts = [label.text() for label in dlg.findChildren(QLabel)]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert not any("Look in" in t or "Files of" in t for t in texts)
    assert dlg.iconProvider().type(file_dialogs.QFileInfo("/tmp")) == "文件夹"
