"""DateBox, the date field of every form, typed like a clerk types (issue 14, finding 20):
Tab leaves the field (it never walks into the month and day parts), and a date may be
typed freely — 2026-9-1, 2026.9.1, 9.1, 9-1, 9/1, 今天/today, 昨天."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from logistics_desk.core import clock
from logistics_desk.core.ui.widgets import DateBox, parse_date_text

NOW = dt.datetime(2026, 11, 23, 13, 26)
# the offscreen platform's notes about top-level windows and the tooltip, not faults
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise")


@pytest.fixture
def form(qtbot):
    clock.freeze(NOW)
    w = QWidget()
    lay = QVBoxLayout(w)
    w.before, w.box, w.after = QLineEdit(), DateBox(), QLineEdit()
    for x in (w.before, w.box, w.after):
        lay.addWidget(x)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.before.setFocus()
    qtbot.waitUntil(lambda: w.before.hasFocus())
    return w


def _type(qtbot, box: DateBox, text: str) -> None:
    """ASCII as key presses; Chinese as the input method commits it."""
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(box, event)


def test_the_default_is_todays_date_on_the_programs_clock(form):
    assert form.box.value() == NOW.date()
    assert form.box.text() == "2026-11-23"


def test_tab_on_an_untouched_date_goes_to_the_next_field(form, qtbot):
    qtbot.keyClick(form.before, Qt.Key.Key_Tab)
    assert form.box.hasFocus()
    qtbot.keyClick(form.box, Qt.Key.Key_Tab)
    assert form.after.hasFocus()  # not the month part of the date
    assert form.box.value() == NOW.date()
    qtbot.keyClick(form.after, Qt.Key.Key_Backtab)
    assert form.box.hasFocus()
    qtbot.keyClick(form.box, Qt.Key.Key_Backtab)
    assert form.before.hasFocus()
    assert form.box.value() == NOW.date()


@pytest.mark.parametrize("typed, expected", [
    ("2026-9-1", dt.date(2026, 9, 1)),
    ("2026.9.1", dt.date(2026, 9, 1)),
    ("2026/9/1", dt.date(2026, 9, 1)),
    ("2026-07-15", dt.date(2026, 7, 15)),
    ("20260305", dt.date(2026, 3, 5)),
    ("9.1", dt.date(2026, 9, 1)),
    ("9-1", dt.date(2026, 9, 1)),
    ("9/1", dt.date(2026, 9, 1)),
    ("12.31", dt.date(2026, 12, 31)),
    ("today", dt.date(2026, 11, 23)),
    ("yesterday", dt.date(2026, 11, 22)),
    ("今天", dt.date(2026, 11, 23)),
    ("昨天", dt.date(2026, 11, 22)),
    ("9月1日", dt.date(2026, 9, 1)),
    ("2026年9月1日", dt.date(2026, 9, 1)),
])
def test_typed_dates_are_read_and_tab_moves_on(form, qtbot, typed, expected):
    form.box.set_date(dt.date(2025, 1, 10))
    changed = []
    form.box.dateChanged.connect(lambda d: changed.append(d.toPython()))
    qtbot.keyClick(form.before, Qt.Key.Key_Tab)
    assert form.box.hasFocus()
    qtbot.wait(5)  # the whole date is selected once the box has the focus: typing replaces it
    _type(qtbot, form.box, typed)
    qtbot.keyClick(form.box, Qt.Key.Key_Tab)
    assert form.box.value() == expected
    assert form.box.text() == expected.isoformat()
    assert form.after.hasFocus()
    assert changed and changed[-1] == expected
    assert form.box.rejected_text is None


def test_text_that_is_not_a_date_keeps_the_date_and_is_marked(form, qtbot):
    form.box.set_date(dt.date(2026, 7, 15))
    qtbot.keyClick(form.before, Qt.Key.Key_Tab)
    qtbot.wait(5)
    _type(qtbot, form.box, "2026-13-45")
    qtbot.keyClick(form.box, Qt.Key.Key_Tab)
    assert form.after.hasFocus()
    assert form.box.value() == dt.date(2026, 7, 15)  # not a silently different date
    assert form.box.rejected_text == "2026-13-45"
    assert "2026-13-45" in form.box.toolTip() and "2026-07-15" in form.box.toolTip()
    assert "c0392b" in form.box.styleSheet()
    # typing a good date clears the mark
    qtbot.keyClick(form.after, Qt.Key.Key_Backtab)
    qtbot.wait(5)
    _type(qtbot, form.box, "9.1")
    qtbot.keyClick(form.box, Qt.Key.Key_Tab)
    assert form.box.value() == dt.date(2026, 9, 1)
    assert form.box.rejected_text is None and form.box.styleSheet() == ""


def test_enter_in_a_dialog_takes_the_typed_date_before_ok(qtbot):
    clock.freeze(NOW)
    dlg = QDialog()
    lay = QVBoxLayout(dlg)
    dlg.box = DateBox(value=dt.date(2026, 1, 5))
    lay.addWidget(dlg.box)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    seen = []
    buttons.accepted.connect(lambda: (seen.append(dlg.box.value()), dlg.accept()))
    buttons.rejected.connect(dlg.reject)
    lay.addWidget(buttons)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    dlg.box.setFocus()
    qtbot.waitUntil(lambda: dlg.box.hasFocus())
    dlg.box.lineEdit().selectAll()
    qtbot.keyClicks(dlg.box, "9/1")
    qtbot.keyClick(dlg.box, Qt.Key.Key_Return)
    assert seen == [dt.date(2026, 9, 1)]


def test_up_and_down_still_step_the_date(form, qtbot):
    form.box.set_date(dt.date(2026, 11, 23))
    form.box.setFocus()
    qtbot.waitUntil(lambda: form.box.hasFocus())
    form.box.lineEdit().setCursorPosition(len("2026-11-2"))  # in the day part
    qtbot.keyClick(form.box, Qt.Key.Key_Up)
    assert form.box.value() == dt.date(2026, 11, 24)


@pytest.mark.parametrize("text", ["", "2026-13-01", "2026-2-30", "13.1", "abc", "1.2.3.4", "26-9-1"])
def test_parse_date_text_refuses_what_is_not_a_date(text):
    assert parse_date_text(text, dt.date(2026, 11, 23)) is None


def test_value_takes_what_was_typed_even_before_the_box_loses_the_focus(form, qtbot):
    qtbot.keyClick(form.before, Qt.Key.Key_Tab)
    qtbot.wait(5)
    _type(qtbot, form.box, "3/8")
    assert form.box.value() == dt.date(2026, 3, 8)  # e.g. a toolbar action that does not take the focus
