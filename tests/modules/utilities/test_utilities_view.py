"""The utilities tab, used like a person: a month of readings typed into the grid by keyboard (the previous
reading shown, Enter to the next meter), a lower reading refused until it is marked, a flag opened as a repair
ticket, a bill entered."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from logistics_desk.modules.utilities import service as us
from logistics_desk.modules.utilities import view as uview
from logistics_desk.modules.utilities.models import Reading

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support "
                                        r"(propagateSizeHints|raise|grabbing the keyboard)")]


@pytest.fixture
def tab(plant, qtbot):
    us.save_readings(_dt.date(2026, 10, 31), [{"meter": m.id, "value": v} for m, v in (
        (plant.main, "10000"), (plant.sub_t, "100"), (plant.sub_d, "5000"), (plant.water, "300"))])
    w = uview.UtilitiesTab()
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    w.readings_page.date.set_date(_dt.date(2026, 11, 30))
    return w


def _type(qtbot, text: str) -> None:
    editor = QApplication.focusWidget()
    assert editor is not None and editor.objectName() == "reading_editor"
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_month_of_readings_by_keyboard(tab, plant, qtbot):
    page = tab.readings_page
    names = [r["name"] for r in page.rows]
    assert names == ["总电表", "教学楼电表", "宿舍楼电表", "宿舍楼水表"]  # the walking order; no telephone line
    assert page.table.item(1, page.LAST).text() == "100"  # the previous reading is shown
    page.start()
    for value in ("12000", "110", "6100", "342"):
        _type(qtbot, value)
    # the use is worked out as the clerk types (the transformer meter ×80)
    assert page.table.item(1, page.USE).text().startswith("800")
    assert QApplication.focusWidget() is page.save_button  # Enter after the last meter: on to Save
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    got = {r.meter.name: r.consumption for r in Reading.select().where(Reading.read_on == _dt.date(2026, 11, 30))}
    assert got == {"总电表": D(2000), "教学楼电表": D(800), "宿舍楼电表": D(1100), "宿舍楼水表": D(42)}
    assert "4" in tab.status.text()
    # read already: the grid shows it greyed and not to be typed again
    assert page.table.item(0, page.MARK).text() != "" and page.entries() == []


def test_a_lower_reading_is_refused_until_marked(tab, plant, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(uview, "show_error", lambda parent, exc: shown.append(exc.message))
    page = tab.readings_page
    page.start()
    _type(qtbot, "12000")
    _type(qtbot, "110")
    _type(qtbot, "6100")
    _type(qtbot, "20")  # the water meter was replaced
    assert page.table.item(3, page.MARK).text()  # said at once, in the row
    page.save_button.click()
    assert shown and Reading.select().count() == 4  # nothing of the round was saved
    page.table.setCurrentCell(3, page.VALUE)

    def fill(dialog):
        dialog.kind.set_value("change")
        dialog.start.setText("5")
        dialog.old_final.setText("330")
        dialog.try_accept()
        return True

    monkeypatch.setattr(uview.MarkDialog, "exec", fill)
    page.mark_current()
    assert page.table.item(3, page.USE).text().startswith("45")  # 30 on the old meter, 15 on the new
    page.save_button.click()
    r = Reading.get((Reading.meter == plant.water.id) & (Reading.read_on == _dt.date(2026, 11, 30)))
    assert r.kind == "change" and r.start_value == D(5) and r.consumption == D(45)


def test_a_flag_opens_a_repair_ticket_in_one_step(tab, plant, qtbot):
    # the dormitory's sub-meter reads far too little against the main meter: a flag
    us.save_readings(_dt.date(2026, 11, 30), [{"meter": plant.main.id, "value": "12000"},
                                              {"meter": plant.sub_t.id, "value": "101"},
                                              {"meter": plant.sub_d.id, "value": "5010"}])
    tab.pages.setCurrentWidget(tab.flags_page)
    table = tab.flags_page.table
    assert table.rowCount() == 1 and "总电表" in table.item(0, 2).text()
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(tab.flags_page.ticket_button, Qt.MouseButton.LeftButton)
    assert table.item(0, 4).text().startswith("WX-")
    assert "WX-" in tab.status.text()


def test_entering_a_bill(tab, plant, qtbot, monkeypatch):
    def fill(dialog):
        dialog.account.set_value(plant.phone.id)
        dialog.month.setText("2026-10")
        dialog.amount.setText("128.40")
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted or dialog.result_value is not None

    monkeypatch.setattr(uview.BillDialog, "exec", fill)
    tab.pages.setCurrentWidget(tab.bills_page)
    tab.bills_page.year.setValue(2026)
    tab.bills_page.add()
    assert tab.bills_page.table.rowCount() == 1
    assert tab.bills_page.table.item(0, 3).text() == "128.40"
    assert tab.bills_page.table.item(0, 8).text() == "Unpaid"


def test_import_from_the_window_asks_before_leaving_out_bad_rows(tab, plant, tmp_path, monkeypatch):
    from openpyxl import Workbook

    path = tmp_path / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["表计", "抄表日期", "读数"])
    ws.append(["宿舍楼水表", _dt.date(2026, 11, 30), 350])
    ws.append(["宿舍楼电表", _dt.date(2026, 11, 30), 10])  # lower than 5000
    wb.save(path)
    asked = []
    monkeypatch.setattr(uview, "confirm", lambda parent, text, title=None: asked.append(text) or False)
    tab.readings_page.import_file(str(path))
    assert asked and "Row 3" in asked[0] and Reading.select().count() == 4  # refused: nothing written
    monkeypatch.setattr(uview, "confirm", lambda parent, text, title=None: True)
    tab.readings_page.import_file(str(path))
    assert Reading.select().count() == 5 and "1" in tab.status.text()
    assert tab.readings_page.table.item(3, tab.readings_page.VALUE).text() == "350"  # read already, shown


def test_today_lines_open_their_page(tab, plant):
    us.save_bill({"meter": plant.phone.id, "month": "2026-10", "amount": "10"})
    tab.show_today({"page": "bills"})
    assert tab.pages.currentWidget() is tab.bills_page and tab.bills_page.unpaid.isChecked()
    assert tab.bills_page.table.rowCount() == 1
    tab.show_today({"page": "readings"})
    assert tab.pages.currentWidget() is tab.readings_page
