"""Logging in before the window (accounts on), the Accounts page of the settings, and a role's window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from logistics_desk.core import accounts, paths
from logistics_desk.core.ui import login
from logistics_desk.core.ui.accounts_page import AccountsPage
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.core.ui.settings_window import SettingsWindow
from logistics_desk.modules import modules as registry_specs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture(autouse=True)
def nobody_logged_in(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    accounts.logout()
    accounts._failures.clear()
    yield
    accounts.logout()
    accounts._failures.clear()
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def _type(qtbot, dialog, name, password):
    dialog.name.setText(name)  # typed with the input method
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_with_accounts_off_nobody_is_asked(database):
    assert login.ask_login() is True and accounts.current() is None


def test_the_login_dialog_says_wrong_pauses_after_five_and_lets_the_right_person_in(qtbot, database, monkeypatch):
    accounts.turn_on("管理员", "admin-pass-1")
    clock = [500.0]
    monkeypatch.setattr(accounts.time, "monotonic", lambda: clock[0])
    dialog = login.LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    _type(qtbot, dialog, "管理员", "wrong")
    assert dialog.isVisible() and dialog.message.text() == "Wrong name or password."
    assert dialog.password.text() == ""
    for i in range(4):
        _type(qtbot, dialog, "管理员", f"wrong-{i}")
    assert "Too many wrong tries" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()  # the pause: no more tries
    assert accounts.current() is None
    clock[0] += 31
    dialog._pause_over()  # the timer's end
    assert dialog.ok_button.isEnabled()
    _type(qtbot, dialog, "管理员", "admin-pass-1")
    assert dialog.result() == dialog.DialogCode.Accepted
    assert accounts.current().name == "管理员"


def test_turning_accounts_on_in_settings_creates_the_first_administrator(qtbot, database):
    window = SettingsWindow(None, specs=registry_specs())
    qtbot.addWidget(window)
    page = window.show_page("accounts")
    assert isinstance(page, AccountsPage) and page.on_box.isVisibleTo(page) and not page.list_box.isVisibleTo(page)
    page.admin_name.setText("管理员")
    qtbot.keyClicks(page.admin_password, "admin-pass-1")
    qtbot.keyClicks(page.admin_repeat, "admin-pass-2")
    qtbot.mouseClick(page.turn_on_button, Qt.MouseButton.LeftButton)
    assert not accounts.enabled()  # the two passwords differ: not turned on
    assert page.errors.labels["repeat"].text() == "The two passwords differ."
    page.admin_repeat.clear()
    qtbot.keyClicks(page.admin_repeat, "admin-pass-1")
    qtbot.mouseClick(page.turn_on_button, Qt.MouseButton.LeftButton)
    assert accounts.enabled()
    assert [(a.name, a.role) for a in accounts.accounts()] == [("管理员", "admin")]
    assert page.list_box.isVisibleTo(page) and page.table.rowCount() == 1
    # the administrator adds a canteen account
    accounts.login("管理员", "admin-pass-1")
    page.name.setText("食堂王")
    page.role.setCurrentIndex(page.role.findData(accounts.CANTEEN))
    qtbot.keyClicks(page.password, "canteen-pass-1")
    qtbot.keyClicks(page.repeat, "canteen-pass-1")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 2 and not page.general_error.isVisible()
    assert accounts.login("食堂王", "canteen-pass-1").role == accounts.CANTEEN


def test_a_canteen_account_sees_the_canteen_tab_and_no_settings(qtbot, database):
    admin = accounts.turn_on("管理员", "admin-pass-1")
    accounts.set_session(accounts.Session(admin.id, admin.name, admin.role, None))
    accounts.create_account("食堂王", accounts.CANTEEN, "canteen-pass-1")
    accounts.logout()
    accounts.login("食堂王", "canteen-pass-1")
    window = MainWindow(login.visible_specs(registry_specs()))
    qtbot.addWidget(window)
    assert [spec.key for spec in window.specs] == ["canteen"] and window.tabs.count() == 2  # Today and canteen
    assert not window.settings_action.isVisible() and not window.restore_action.isVisible()
    assert "食堂王" in window.status.text()


def test_the_accounts_page_in_chinese_at_1366x768(qtbot, database, tmp_path):
    from logistics_desk.core.i18n import set_language

    set_language("zh_CN")
    window = SettingsWindow(None, specs=registry_specs())
    qtbot.addWidget(window)
    window.resize(1280, 700)
    page = window.show_page("accounts")
    window.show()
    qtbot.waitExposed(window)
    assert page.turn_on_button.text() == "启用账户"
    window.grab().save(str(tmp_path / "accounts_zh.png"))


def _run_gui_with(monkeypatch, db_path, answer):
    """``run_gui`` with the login dialog answered by ``answer(dialog)`` and the event loop replaced:
    returns (exit code, the windows built, what the dialog showed)."""
    import argparse
    import sys

    from PySide6.QtWidgets import QApplication

    from logistics_desk import app as app_module
    from logistics_desk.core.ui import main_window as main_window_module

    windows, asked = [], []
    built = main_window_module.MainWindow

    def keep(*args, **kwargs):
        kwargs["deferred"] = False  # no start left to finish after the test (its database is gone then)
        windows.append(built(*args, **kwargs))
        return windows[-1]

    def exec_login(dialog):
        asked.append(dialog.windowTitle())
        return answer(dialog)

    monkeypatch.setattr(main_window_module, "MainWindow", keep)
    monkeypatch.setattr(login.LoginDialog, "exec", exec_login)
    monkeypatch.setattr(app_module, "daily_backup", lambda window: None)
    monkeypatch.setattr(app_module, "ask_first_start", lambda window: None)
    monkeypatch.setattr(QApplication, "exec", lambda _app: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    target = getattr(db_path, "url", str(db_path))
    try:
        code = app_module.run_gui(argparse.Namespace(db=target, lang="en"))
    finally:
        for w in windows:
            w.close()
            w.deleteLater()
    return code, windows, asked


def test_with_accounts_on_the_program_asks_who_logs_in_before_the_window(qtbot, database, db_path, monkeypatch):
    from logistics_desk.core import db

    admin = accounts.turn_on("管理员", "admin-pass-1")
    accounts.set_session(accounts.Session(admin.id, admin.name, admin.role, None))
    accounts.create_account("食堂王", accounts.CANTEEN, "canteen-pass-1")
    accounts.logout()
    db.close_database()
    # Quit at the login: no window at all
    code, windows, asked = _run_gui_with(monkeypatch, db_path, lambda d: d.DialogCode.Rejected)
    assert code == 0 and windows == [] and asked == ["Log in — Logistics Desk"]

    def log_in(dialog):
        dialog.name.setText("食堂王")
        dialog.password.setText("canteen-pass-1")
        dialog.try_login()
        return dialog.result()

    code, windows, asked = _run_gui_with(monkeypatch, db_path, log_in)
    assert code == 0 and len(windows) == 1
    assert [s.key for s in windows[0].specs] == ["canteen"] and accounts.current().name == "食堂王"


def test_with_accounts_off_the_window_opens_as_before(qtbot, database, db_path, monkeypatch):
    from logistics_desk.core import db

    db.close_database()
    code, windows, asked = _run_gui_with(monkeypatch, db_path, lambda d: pytest.fail("asked to log in"))
    assert code == 0 and asked == [] and len(windows) == 1 and len(windows[0].specs) == len(registry_specs())
