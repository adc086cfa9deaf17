"""Issue 14, repairs findings 9-14 and 22, driven like a person: an inspection's finding taken to
acceptance by the right person, a scanned asset tag, a note left on a normal item, compensation
shown from the repair's cost, and the list and dialogs at 1366×768."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableWidgetItem

from logistics_desk.core import i18n, masterdata
from logistics_desk.core.masterdata import Person
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import STATUSES, URGENCIES, InspectionResult, RepairTicket
from logistics_desk.modules.repairs.view import COLUMNS, RepairsTab

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support "
                                        r"(propagateSizeHints|raise|grabbing the keyboard)")]


@pytest.fixture
def tab(qtbot, school):
    t = RepairsTab()
    t.suppress_preview = True
    qtbot.addWidget(t)
    t.resize(1340, 640)  # what the tab gets in a maximized window at 1366×768
    t.show()
    return t


def when_modal(kind, act, tries=300):
    """Run ``act(dialog)`` as soon as a modal dialog of ``kind`` is shown."""

    def poll(n=tries):
        w = QApplication.activeModalWidget()
        if isinstance(w, kind):
            act(w)
        elif n:
            QTimer.singleShot(10, lambda: poll(n - 1))

    QTimer.singleShot(0, poll)


def answer(name: str):
    def act(box: QMessageBox):
        asked.append(box.text())
        box.findChild(QPushButton, name).click()
    asked: list[str] = []
    act.asked = asked
    return act


def _type(qtbot, widget, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def _ok(dialog) -> None:
    dialog.ok_button().click()


def _cell(tab, row: int, title: str) -> str:
    model = tab.tickets.model
    col = next(i for i, c in enumerate(model.columns) if c.title == title)
    return model.data(model.index(row, col))


def _whole(label, dialog) -> bool:
    """A word-wrapped label shows all its lines, inside the dialog."""
    bottom = label.mapTo(dialog, label.rect().bottomRight())
    return (label.isVisible() and label.height() >= label.heightForWidth(label.width())
            and dialog.rect().contains(bottom))


def test_a_repair_from_an_inspection_to_acceptance_by_the_right_person(qtbot, tab, school):
    rs.save_checklist({"name": "每日校园巡视", "schedule": "daily", "items": ["校门", "楼梯扶手"], "category": "其他"})
    page = tab.inspections
    tab.pages.setCurrentWidget(page)
    page.checklists.setCurrentRow(0)
    run = page.run_inspection()
    _type(qtbot, run.inspector, "王老师")
    result, note, _urgency, where = run.results[1]
    _type(qtbot, note, "三楼扶手松动")  # typed, but the result left at 正常
    where.set_value(school.lab_room.id)  # a whole-school patrol says where
    problem = answer("answer_problem")
    when_modal(QMessageBox, problem)
    _ok(run)
    assert problem.asked and "三楼扶手松动" in problem.asked[0]
    assert not run.isVisible(), run.general_error.text()
    assert result.value() is False  # the dialog marked it a problem
    t = RepairTicket.get(RepairTicket.source == "inspection")
    assert (t.place_id, t.reporter_name, t.description) == (school.lab_room.id, "王老师", "楼梯扶手：三楼扶手松动")
    assert "三楼扶手松动" in page.ledger.item(0, 6).text() and t.number in page.ledger.item(0, 6).text()

    tickets = tab.tickets
    tab.pages.setCurrentWidget(tickets)
    tickets.select_id(t.id)
    assert _cell(tab, 0, "Place") == "实验楼 101物理实验室"
    dlg = tickets.assign()
    assert dlg.who.itemData(1) == f"p:{school.worker.id}"  # the repair worker first
    dlg.who.set_value(f"p:{school.worker.id}")
    _ok(dlg)
    qtbot.mouseClick(tickets.buttons["start"], Qt.MouseButton.LeftButton)
    dlg = tickets.complete()
    _type(qtbot, dlg.work_done, "紧固扶手螺丝")
    _ok(dlg)
    assert not dlg.isVisible(), dlg.general_error.text()
    assert _cell(tab, 0, "Status") == "Done"

    dlg = tickets.accept()
    assert dlg.accepted_by.text() == "王老师" and dlg.repaired_by.text() == "李师傅"
    dlg.accepted_by.clear()
    _type(qtbot, dlg.accepted_by, "李师傅")  # the worker signs for his own repair
    _ok(dlg)
    assert dlg.isVisible()
    error = dlg.findChild(type(dlg.repaired_by), "error_accepted_by")
    assert "李师傅 did the repair and cannot accept it" in error.text() and "王老师" in error.text()
    qtbot.waitUntil(lambda: _whole(error, dlg))
    assert RepairTicket.get_by_id(t.id).status == "done" and _cell(tab, 0, "Status") == "Done"
    dlg.accepted_by.clear()
    _type(qtbot, dlg.accepted_by, "王老师")  # the reporter
    _ok(dlg)
    assert not dlg.isVisible()
    t = RepairTicket.get_by_id(t.id)
    assert (t.status, t.accepted_by, t.assignee_id) == ("accepted", "王老师", school.worker.id)
    assert _cell(tab, 0, "Status") == "Accepted"
    assert "王老师" in tickets.detail.toPlainText() and "Accepted" in tickets.detail.toPlainText()


def test_a_note_on_a_normal_item_can_stay_a_note_or_send_the_clerk_back(qtbot, tab, school):
    rs.save_checklist({"name": "每周燃气检查", "schedule": "weekly", "items": ["阀门", "管道"],
                       "places": [school.lab_room.id]})
    page = tab.inspections
    tab.pages.setCurrentWidget(page)
    page.checklists.setCurrentRow(0)
    run = page.run_inspection(school.lab_room.id)
    _type(qtbot, run.inspector, "李师傅")
    _type(qtbot, run.results[0][1], "阀门有点紧")
    when_modal(QMessageBox, answer("answer_back"))
    _ok(run)
    assert run.isVisible() and not InspectionResult.select().exists()  # back to the dialog, nothing saved
    normal = answer("answer_normal")
    when_modal(QMessageBox, normal)
    _ok(run)
    assert normal.asked and not run.isVisible()
    res = InspectionResult.get(InspectionResult.sort_order == 0)
    assert (res.ok, res.note) == (True, "阀门有点紧") and not RepairTicket.select().exists()
    assert "阀门: 阀门有点紧 (normal)" in page.ledger.item(0, 6).text()


def test_scanning_an_asset_tag_looks_it_up_and_moves_on_without_saving(qtbot, tab, school):
    masterdata.save(Person, {"name": "赵老师", "phone": "13700000002"})
    dlg = tab.tickets.new_ticket()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    assert dlg.category.value() is None  # no silent 水电
    dlg.reporter_name.setFocus()
    _type(qtbot, dlg.reporter_name, "王老师")
    qtbot.keyClick(dlg.reporter_name, Qt.Key.Key_Tab)
    assert dlg.contact.text() == "13900000001"  # the phone follows the person
    dlg.reporter_name.setFocus()
    dlg.reporter_name.clear()
    _type(qtbot, dlg.reporter_name, "赵老师")
    qtbot.keyClick(dlg.reporter_name, Qt.Key.Key_Tab)
    assert dlg.contact.text() == "13700000002"

    dlg.asset_number.setFocus()
    _type(qtbot, dlg.asset_number, "NO-SUCH")
    qtbot.keyClick(dlg.asset_number, Qt.Key.Key_Return)
    assert dlg.isVisible() and "No asset has the number NO-SUCH" in dlg.asset_label.text()
    assert QApplication.focusWidget() is dlg.asset_number
    dlg.asset_number.clear()
    _type(qtbot, dlg.asset_number, school.projector.number)  # the scanner: digits, then Enter
    qtbot.keyClick(dlg.asset_number, Qt.Key.Key_Return)
    assert dlg.isVisible() and not RepairTicket.select().exists()  # Enter never saves the dialog
    assert "投影仪" in dlg.asset_label.text()
    assert (dlg.place.value(), dlg.category.currentText()) == (school.room.id, "电教设备")
    assert QApplication.focusWidget() is dlg.description  # on to what is broken
    _type(qtbot, dlg.description, "投影仪不亮")
    _ok(dlg)
    assert dlg.isVisible() and dlg.errors.message("reported_via") == "How did the report come in?"
    dlg.reported_via.set_value("phone")
    _ok(dlg)
    assert not dlg.isVisible(), dlg.general_error.text()
    t = RepairTicket.get()
    assert (t.asset_id, t.category.name, t.contact, t.reported_via) == (
        school.projector.id, "电教设备", "13700000002", "phone")
    assert "Phone" in tab.tickets.detail.toPlainText() and _cell(tab, 0, "How reported") == "Phone"


def test_the_done_dialog_charges_the_repair_not_the_asset(qtbot, tab, school):
    scope = assets.register({"name": "数字示波器", "category": masterdata.find_category("YQ").id,
                             "unit_price": "5050", "quantity": 1, "acquired_on": _dt.date(2025, 9, 1),
                             "place": school.lab_room.id})[0]
    t = rs.create_ticket(reporter=school.teacher.id, asset=scope.number, description="旋钮被掰断")
    rs.assign(t, assignee=school.worker.id)
    tab.refresh()
    tab.tickets.select_id(t.id)
    dlg = tab.tickets.complete()
    _type(qtbot, dlg.work_done, "更换编码器")
    for c, v in enumerate(("编码器", "个", "1", "100")):
        dlg.parts.setItem(0, c, QTableWidgetItem(v))
    _type(qtbot, dlg.labour, "20")
    dlg.cause.set_value("deliberate")
    assert "double the repair's cost (2 × 120.00): 240.00 yuan" in dlg.rule.text()
    assert "10,100" not in dlg.rule.text()
    _type(qtbot, dlg.responsible, "吴小强")
    _type(qtbot, dlg.discipline, "警告")
    _ok(dlg)
    assert not dlg.isVisible(), dlg.general_error.text()
    assert RepairTicket.get_by_id(t.id).compensation == 240
    assert "pays 240.00 yuan" in tab.tickets.detail.toPlainText()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_1366_the_list_keeps_the_deadline_time_left_and_worker_in_sight(qtbot, school, language):
    i18n.set_language(language)
    rs.create_ticket(reporter_name="张老师", place=school.room.id, category="水电", description="电线裸露",
                     urgency="urgent")
    tab = RepairsTab()
    qtbot.addWidget(tab)
    tab.resize(1340, 640)
    tab.show()
    qtbot.waitExposed(tab)
    table = tab.tickets.table
    header = table.horizontalHeader()
    for key in ("due_at", "deadline_text", "assignee_text", "status_label", "urgency_label"):
        i = next(n for n, c in enumerate(COLUMNS) if c.key == key)
        assert header.sectionViewportPosition(i) + header.sectionSize(i) <= table.viewport().width(), key
    fm = table.fontMetrics()
    for key, labels in (("status_label", STATUSES.values()), ("urgency_label", URGENCIES.values())):
        i = next(n for n, c in enumerate(COLUMNS) if c.key == key)
        for label in labels:  # "Waiting for parts", "Urgent / safety hazard" whole, not "Complet…"
            assert fm.horizontalAdvance(i18n.tr(label)) + 8 <= header.sectionSize(i), label
    hfm = header.fontMetrics()
    for i, c in enumerate(COLUMNS):
        assert hfm.horizontalAdvance(i18n.tr(c.title)) + 8 <= header.sectionSize(i), c.title


def test_the_inspection_dialog_asks_where_and_shows_the_whole_error(qtbot, tab, school):
    rs.save_checklist({"name": "每日校园巡视", "schedule": "daily", "items": ["校门", "楼梯扶手"]})
    page = tab.inspections
    tab.pages.setCurrentWidget(page)
    page.checklists.setCurrentRow(0)
    run = page.run_inspection()
    _type(qtbot, run.inspector, "王老师")
    run.set_problem(1, "二楼到三楼之间的楼梯扶手有一段松动，学生上下课经过时晃动明显")
    _ok(run)
    assert run.isVisible() and not RepairTicket.select().exists()
    error = run.errors.labels["results"]
    assert "“楼梯扶手”: where was the problem found?" in error.text()
    qtbot.waitUntil(lambda: _whole(error, run))
    run.results[1][3].set_value(school.building.id)
    _ok(run)
    assert not run.isVisible()
    assert RepairTicket.get().place_id == school.building.id


def test_tab_leaves_the_date_and_time_fields(qtbot, tab, school):
    """Finding 20 in the repair tab's own date-and-time fields: Tab goes to the next field."""
    dlg = tab.tickets.new_ticket()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    dlg.reported_at.setFocus()
    qtbot.keyClick(dlg.reported_at, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.reported_via
