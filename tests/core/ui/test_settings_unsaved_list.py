"""Closing the settings window with unsaved pages names them in the interface's language (brief J):
"a, b" in English, 甲、乙 in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from logistics_desk.core import clock, i18n
from logistics_desk.core.ui.settings_window import SettingsWindow
from logistics_desk.modules import modules as registry_specs

pytestmark = pytest.mark.usefixtures("database")


@pytest.mark.parametrize("language, names", [("en", "School and general, Places"), ("zh_CN", "学校信息与常规、地点")])
def test_the_unsaved_pages_are_listed_in_the_interfaces_language(qtbot, monkeypatch, language, names):
    i18n.set_language(language)
    clock.freeze(dt.datetime(2026, 10, 12, 9, 0, 0))
    window = SettingsWindow(specs=registry_specs())
    qtbot.addWidget(window)
    pages = [window.page("general"), window.page("places")]
    monkeypatch.setattr(window, "unsaved_pages", lambda: pages)
    asked = []

    def exec_(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.reject()
    (text,) = asked
    assert names in text
