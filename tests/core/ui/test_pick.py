"""Pick lists you can type into: characters, pinyin and initials find the item; free text is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from logistics_desk.core.ui.pick import PickFilter
from logistics_desk.core.ui.widgets import ChoiceBox

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")]

PEOPLE = [("王芳", 1), ("张伟", 2), ("李娜", 3), ("赵强", 4), ("张丽", 5)]


def _form(qtbot, box):
    """The box in a window with a second field to move the focus to."""
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.addWidget(box)
    other = QLineEdit()
    lay.addWidget(other)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    box.setFocus()
    return w, other


def test_typing_initials_and_enter_chooses_the_person(qtbot):
    box = ChoiceBox(PEOPLE, empty_label="", searchable=True)
    w, _ = _form(qtbot, box)
    assert box.value() is None
    qtbot.keyClicks(box.lineEdit(), "zw")
    popup = box.completer().popup()
    assert popup.isVisible()
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["张伟"]
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.value() == 2
    assert box.currentText() == "张伟"


def test_full_pinyin_prefix_and_characters_filter_the_list(qtbot):
    box = ChoiceBox(PEOPLE, searchable=True)
    w, _ = _form(qtbot, box)
    f = box._pick.filter
    for typed, expected in (("zhang", ["张伟", "张丽"]), ("张", ["张伟", "张丽"]), ("zhangw", ["张伟"]),
                            ("wf", ["王芳"]), ("ZQ", ["赵强"]), ("x", [])):
        f.set_query(typed)
        assert [f.index(r, 0).data() for r in range(f.rowCount())] == expected, typed


def _leave(qtbot, w, box, other):
    """Close the list under the field and move the focus on (offscreen, the window is made active again)."""
    box.completer().popup().hide()
    w.activateWindow()
    qtbot.waitActive(w)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    other.setFocus()


def test_leaving_the_field_takes_the_first_match_and_refuses_free_text(qtbot):
    box = ChoiceBox(PEOPLE, empty_label="", searchable=True)
    w, other = _form(qtbot, box)
    qtbot.keyClicks(box.lineEdit(), "lina")
    assert box.value() is None  # typing alone chooses nothing yet
    _leave(qtbot, w, box, other)
    qtbot.waitUntil(lambda: box.value() == 3)
    assert box.currentText() == "李娜"
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "nobody here")
    _leave(qtbot, w, box, other)
    qtbot.waitUntil(lambda: box.currentText() == "李娜")
    assert box.value() == 3


def test_a_polyphonic_name_is_found_by_either_reading(qtbot):
    box = ChoiceBox([("重庆办事处", 1), ("行政楼 · 201", 2), ("银行", 3)], searchable=True)
    w, _ = _form(qtbot, box)
    f = box._pick.filter
    for typed, label in (("chongqing", "重庆办事处"), ("zhongqing", "重庆办事处"), ("xzl", "行政楼 · 201"),
                         ("hzl201", "行政楼 · 201"), ("yinhang", "银行")):
        f.set_query(typed)
        assert [f.index(r, 0).data() for r in range(f.rowCount())] == [label], typed


def test_long_lists_become_searchable_short_ones_stay_plain_and_value_works_as_before(qtbot):
    short = ChoiceBox([("是", True), ("否", False)])
    assert not short.isEditable()
    short.set_value(False)
    assert short.value() is False
    many = ChoiceBox([(f"员工{i}", i) for i in range(ChoiceBox.SEARCHABLE_FROM)], empty_label="")
    qtbot.addWidget(many)
    assert many.isEditable()
    many.set_value(4)
    assert many.value() == 4 and many.currentText() == "员工4"
    many.setCurrentIndex(0)
    assert many.value() is None


def test_natural_order_on_request():
    box = ChoiceBox([("初三(1)班", 3), ("初一(12)班", 2), ("初一(2)班", 1), ("高一(1)班", 4)], empty_label="",
                    natural=True)
    assert [box.itemText(i) for i in range(box.count())] == ["", "初一(2)班", "初一(12)班", "初三(1)班", "高一(1)班"]


def test_the_filter_model_alone():
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    model = QStandardItemModel()
    for text in ("空调", "投影仪", "教学楼 · 201"):
        model.appendRow(QStandardItem(text))
    f = PickFilter()
    f.setSourceModel(model)
    f.set_query("kt")
    assert [f.index(r, 0).data() for r in range(f.rowCount())] == ["空调"]
    f.set_query("jxl 201")
    assert [f.index(r, 0).data() for r in range(f.rowCount())] == ["教学楼 · 201"]
    model.appendRow(QStandardItem("卡特"))  # new rows get their keys
    f.set_query("kt")
    assert [f.index(r, 0).data() for r in range(f.rowCount())] == ["空调", "卡特"]


def test_a_box_destroyed_while_its_field_has_the_focus_raises_nothing(qtbot):
    """Closing a dialog whose searchable box had the focus: its line edit loses the focus after the combo's C++
    side is gone, and the filter read the dead combo (RuntimeError in the event loop, seen in CI)."""
    import shiboken6
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QComboBox

    from logistics_desk.core.ui.pick import make_searchable

    combo = QComboBox()
    combo.addItems(["总务处", "教务处"])
    helper = make_searchable(combo)
    shiboken6.delete(combo)
    leaving = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.ActiveWindowFocusReason)
    assert helper.eventFilter(None, leaving) is False
