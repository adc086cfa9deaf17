"""The repair tab as a person uses it: report → assign → done → accepted; the
overdue mark and the tab title with an injected clock; an inspection whose
failed item opens a ticket; the figures page."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import clock
from logistics_desk.modules import modules as registry_specs
from logistics_desk.modules.assets.models import Asset
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import RepairTicket
from logistics_desk.modules.repairs.view import RepairsTab

# the offscreen platform cannot do these (dialogs, the name completer popup)
pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support "
                                        r"(propagateSizeHints|raise|grabbing the keyboard)")]
D = _dt.datetime


@pytest.fixture
def tab(qtbot, school):
    t = RepairsTab()
    t.suppress_preview = True
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    return t


def _cell(tab, row: int, title: str) -> str:
    model = tab.tickets.model
    col = next(i for i, c in enumerate(model.columns) if c.title == title)
    return model.data(model.index(row, col))


def _type(qtbot, widget, text: str) -> None:
    """Type like a person: ASCII as key presses, Chinese as the input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def _ok(dialog) -> None:
    dialog.ok_button().click()


def test_report_to_acceptance(qtbot, tab, school):
    titles = []
    tab.title_changed.connect(titles.append)
    dlg = tab.tickets.new_ticket()
    dlg.reported_via.set_value("slip")
    _type(qtbot, dlg.reporter_name, "王老师")
    _type(qtbot, dlg.asset_number, school.projector.number)
    qtbot.keyClick(dlg.asset_number, Qt.Key.Key_Return)
    assert "投影仪" in dlg.asset_label.text()
    assert dlg.place.value() == school.room.id  # taken from the asset
    dlg.category.set_value(rs.find_category("电教设备").id)
    _ok(dlg)  # no description yet
    assert dlg.isVisible() and dlg.errors.message("description")
    _type(qtbot, dlg.description, "投影仪不亮")
    _ok(dlg)
    assert not dlg.isVisible()
    t = RepairTicket.get(RepairTicket.number == "WX-2026-0001")
    assert t.reporter_id == school.teacher.id and t.asset_id == school.projector.id
    assert Asset.get_by_id(school.projector.id).status == "repair"
    assert tab.tickets.model.rowCount() == 1 and _cell(tab, 0, "Status") == "Reported"
    assert tab.tickets.current_id() == t.id
    assert "投影仪不亮" in tab.tickets.detail.toPlainText()

    assert tab.tickets.buttons["accept"].isEnabled() is False
    dlg = tab.tickets.assign()
    dlg.who.set_value(f"p:{school.worker.id}")
    _ok(dlg)
    assert _cell(tab, 0, "Status") == "Assigned" and _cell(tab, 0, "Assigned to") == "李师傅"

    qtbot.mouseClick(tab.tickets.buttons["start"], Qt.MouseButton.LeftButton)
    assert _cell(tab, 0, "Status") == "In progress"

    clock.freeze(D(2026, 11, 2, 14, 0))
    dlg = tab.tickets.complete()
    _type(qtbot, dlg.work_done, "更换灯泡")
    from PySide6.QtWidgets import QTableWidgetItem

    for c, v in enumerate(("投影仪灯泡", "个", "1", "320")):
        dlg.parts.setItem(0, c, QTableWidgetItem(v))
    _type(qtbot, dlg.labour, "30")
    _ok(dlg)
    assert not dlg.isVisible(), dlg.general_error.text()
    assert _cell(tab, 0, "Status") == "Done" and _cell(tab, 0, "Cost") == "350.00"
    assert Asset.get_by_id(school.projector.id).status == "in_use"

    dlg = tab.tickets.accept()
    assert dlg.accepted_by.text() == "王老师"
    dlg.satisfied.setChecked(False)
    _ok(dlg)
    assert dlg.errors.message("accept_comment")
    _type(qtbot, dlg.comment, "还有点暗")
    _ok(dlg)
    t = RepairTicket.get_by_id(t.id)
    assert (t.status, t.accepted_by, t.satisfied, t.accept_comment) == ("accepted", "王老师", False, "还有点暗")
    assert _cell(tab, 0, "Status") == "Accepted"
    assert not tab.tickets.buttons["cancel"].isEnabled()
    assert titles and titles[-1] == "Repair log"


def test_overdue_shows_with_the_clock(qtbot, tab, school):
    titles = []
    tab.title_changed.connect(titles.append)
    rs.create_ticket(reporter_name="张老师", place=school.room.id, category="水电", description="电线裸露",
                     urgency="urgent")
    rs.create_ticket(reporter_name="张老师", place=school.room.id, category="门窗", description="门锁坏",
                     urgency="minor")
    tab.refresh()
    assert _cell(tab, 0, "Time left").endswith("left") and titles[-1] == "Repair log"
    clock.freeze(D(2026, 11, 2, 11, 30))  # the urgent one was due at 11:00
    tab.tick()
    assert titles[-1] == "Repair log (1 overdue)"
    assert _cell(tab, 0, "Ticket No.") == "WX-2026-0001"
    assert _cell(tab, 0, "Time left") == "overdue 30 min"
    model = tab.tickets.model
    col = next(i for i, c in enumerate(model.columns) if c.title == "Time left")
    assert model.data(model.index(0, col), Qt.ItemDataRole.ForegroundRole).color().name() == "#c0392b"
    assert "1 overdue" in tab.tickets.summary.text()
    clock.freeze(D(2026, 11, 3, 8, 0))  # the small repair did not get done the same day
    tab.tickets.status.set_value("overdue")
    assert tab.tickets.model.rowCount() == 2 and titles[-1] == "Repair log (2 overdue)"


def test_search_as_you_type_and_filters(qtbot, tab, school):
    for desc, place in (("水龙头漏水", school.room), ("灯不亮", school.lab_room), ("门锁坏", school.room2)):
        rs.create_ticket(reporter_name="张老师", place=place.id, category="水电", description=desc)
    tab.refresh()
    assert tab.tickets.model.rowCount() == 3
    _type(qtbot, tab.tickets.search, "漏水")
    tab.tickets.search.flush()
    assert tab.tickets.model.rowCount() == 1
    tab.tickets.search.clear()
    tab.tickets.search.flush()
    tab.tickets.place.set_value(school.building.id)
    assert tab.tickets.model.rowCount() == 2


def test_failed_inspection_item_opens_a_ticket(qtbot, tab, school):
    page = tab.inspections
    tab.pages.setCurrentWidget(page)
    dlg = page.new_checklist()
    _type(qtbot, dlg.name, "每周燃气检查")
    dlg.schedule.set_value("weekly")
    dlg.category.set_value(rs.find_category("水电").id)
    dlg.items.setPlainText("阀门\n管道\n报警器")
    for i in range(dlg.places.count()):
        if dlg.places.item(i).data(Qt.ItemDataRole.UserRole) == school.lab_room.id:
            dlg.places.item(i).setCheckState(Qt.CheckState.Checked)
    _ok(dlg)
    assert not dlg.isVisible()
    assert page.checklists.count() == 1
    page.checklists.setCurrentRow(0)
    run = page.run_inspection()
    run.place.set_value(school.lab_room.id)
    _type(qtbot, run.inspector, "李师傅")
    run.set_problem(1, "接口漏气", "urgent")
    _ok(run)
    assert not run.isVisible(), run.general_error.text()
    t = RepairTicket.get(RepairTicket.source == "inspection")
    assert (t.description, t.urgency, t.place_id, t.category.name) == (
        "管道：接口漏气", "urgent", school.lab_room.id, "水电")
    assert page.ledger.rowCount() == 1 and "接口漏气" in page.ledger.item(0, 6).text()
    assert t.number in page.ledger.item(0, 6).text()
    assert tab.tickets.model.rowCount() == 1  # the tickets page shows it at once
    assert "1 problems" in tab.status.text()


def test_figures_page_and_printing(qtbot, tab, school):
    t = rs.create_ticket(reporter_name="张老师", place=school.room.id, category="水电", description="漏水")
    clock.freeze(D(2026, 11, 2, 10, 0))
    rs.complete(t, work_done="换阀门", cause="wear", assignee=school.worker.id, labour_cost="20")
    tab.pages.setCurrentWidget(tab.figures)
    tab.figures.month.setCurrentText("2026-11")
    text = tab.figures.browser.toPlainText()
    assert "Reported 1, done 1 (100.0%), on time 1 (100.0%)" in text
    assert "average 1.0 h" in text
    tab.figures.print_report()
    from logistics_desk.core.ui.work import wait_for_workers

    wait_for_workers()
    qtbot.waitUntil(lambda: getattr(tab, "last_pdf", b"").startswith(b"%PDF"))
    tab.last_pdf = b""
    tab.pages.setCurrentWidget(tab.tickets)
    tab.refresh()
    tab.tickets.select_id(t.id)
    assert tab.tickets.buttons["slip"].isEnabled()
    tab.tickets.print_slip()
    wait_for_workers()
    qtbot.waitUntil(lambda: getattr(tab, "last_pdf", b"").startswith(b"%PDF"))


def test_the_overdue_badge_is_on_the_tab_when_the_window_opens(qtbot, school, tmp_path):
    """Issue 13 item 21: the badge is there at start, not only after the first save or tab switch."""
    from PySide6.QtCore import QSettings

    from logistics_desk.core import paths
    from logistics_desk.core.ui.main_window import MainWindow

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    rs.create_ticket(reporter_name="张老师", place=school.room.id, category="水电", description="电线裸露",
                     urgency="urgent")
    clock.freeze(D(2026, 11, 2, 11, 30))  # due at 11:00
    window = MainWindow(registry_specs())
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Repair log (1 overdue)" in titles
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def test_the_minutes_look_at_the_deadlines_reads_nothing_once_the_window_is_closed(tab, monkeypatch):
    """A repairs tab whose window was closed kept its minute timer: in a full run it fired a minute later
    into another test, on a database already dropped ("database … does not exist" in the Qt event loop)."""
    looked = []
    monkeypatch.setattr(tab.tickets, "apply_filters", lambda: looked.append(1))
    tab.timer.timeout.emit()
    assert looked == [1]  # open: the deadlines are looked at
    tab.close()
    tab.timer.timeout.emit()
    assert looked == [1]  # closed: nothing read
