"""The asset register tab, driven like a person would: typing, clicking, reading what is shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt

from logistics_desk.core.ui.work import wait_for_workers
from logistics_desk.modules.assets import view
from logistics_desk.modules.assets.models import Asset

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support "
                                        r"(propagateSizeHints|raise|grabbing the keyboard)")]


@pytest.fixture
def infos(monkeypatch):
    shown = []
    monkeypatch.setattr(view, "show_info", lambda parent, text, title=None: shown.append(text))
    return shown


@pytest.fixture
def tab(qtbot, world):
    t = view.AssetsTab()
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    qtbot.waitExposed(t)
    return t


def type_text(qtbot, widget, text):
    """Type like a person: ASCII as key presses, Chinese as an input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def test_empty_register_shows_the_hint(tab):
    assert tab.stack.currentIndex() == 1
    assert "empty" in tab.empty_hint.text()
    assert tab.count_label.text() == "0 in all"


def test_register_by_typing(qtbot, tab, world):
    qtbot.mouseClick(tab.buttons["register"], Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, view.AssetDialog) and dlg.isVisible()
    # each field is checked as it is typed
    type_text(qtbot, dlg.name, "台")
    dlg.name.selectAll()
    qtbot.keyClick(dlg.name, Qt.Key.Key_Delete)
    assert dlg.errors.message("name") == "This field is required."
    type_text(qtbot, dlg.name, "台式计算机")
    assert dlg.errors.message("name") == ""
    dlg.quantity.selectAll()
    type_text(qtbot, dlg.quantity, "两台")
    assert dlg.errors.message("quantity") == "Enter a whole number of at least 1."
    dlg.quantity.selectAll()
    type_text(qtbot, dlg.quantity, "2")
    assert dlg.errors.message("quantity") == ""
    type_text(qtbot, dlg.unit_price, "4200")
    assert dlg.amount.text() == "8,400.00"
    type_text(qtbot, dlg.number, "资产1")
    assert "scanner" in dlg.errors.message("number")
    dlg.number.clear()
    dlg.category.lineEdit().clear()
    type_text(qtbot, dlg.category.lineEdit(), "计算机设备")
    dlg.place.lineEdit().clear()
    type_text(qtbot, dlg.place.lineEdit(), "教学楼 301")
    dlg.custodian.lineEdit().clear()
    type_text(qtbot, dlg.custodian.lineEdit(), "张伟")
    assert "2026-JSJ-00001" in dlg.hint.text()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    a = Asset.get()
    assert (a.name, a.quantity, a.amount, a.place.full_name, a.custodian.name, a.category.code) == (
        "台式计算机", 2, Decimal("8400.00"), "教学楼 301", "张伟", "JSJ")
    assert tab.stack.currentIndex() == 0 and tab.count_label.text() == "1 in all"
    assert tab.selected_asset_ids() == [a.id]
    assert "台式计算机" in tab.detail.text() and "Net book value" in tab.detail.text()


def test_register_refuses_until_fixed_and_copies(qtbot, tab, world):
    dlg = tab.register()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert dlg.errors.message("name") == "This field is required."
    assert dlg.errors.message("category") == "Choose a category."
    assert Asset.select().count() == 0
    type_text(qtbot, dlg.name, "学生课桌椅")
    dlg.category.set_value(world["cats"]["JJ"].id)
    type_text(qtbot, dlg.unit_price, "180")
    dlg.copies.setValue(3)
    assert "3 records" in dlg.hint.text()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "No place, custodian yet" in dlg.missing_warning.text()  # said once
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert [a.number for a in Asset.select().order_by(Asset.number)] == [
        "2026-JJ-00001", "2026-JJ-00002", "2026-JJ-00003"]


def test_filter_by_typing(qtbot, tab, make_asset, world):
    make_asset(name="台式计算机")
    make_asset(name="投影仪", place=world["r302"].id)
    make_asset(name="办公桌", category=world["cats"]["JJ"].id, place=world["office"].id)
    tab.refresh()
    assert tab.model.rowCount() == 3
    type_text(qtbot, tab.search, "投影")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.model.row_dict(0)["name"] == "投影仪"
    assert tab.count_label.text() == "1 of 3"
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=2000)
    # a building includes its rooms
    tab.place_filter.set_value(world["teach"].id)
    tab.apply_filters()
    assert tab.model.rowCount() == 2
    tab.status_filter.set_value("disposed")
    assert tab.model.rowCount() == 0 and not tab.no_match.isHidden()
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 3 and tab.current_filters() == {}
    # sorting by a column asks the database
    tab.table.sortByColumn(view.COLUMNS.index(next(c for c in view.COLUMNS if c.key == "name")),
                           Qt.SortOrder.AscendingOrder)
    assert [tab.model.row_dict(i)["name"] for i in range(3)] == sorted(["台式计算机", "投影仪", "办公桌"])


def test_transfer(qtbot, tab, make_asset, world):
    a = make_asset()
    tab.refresh()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.buttons["transfer"], Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, view.TransferDialog)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.errors.message("reason") == "Give the reason for the transfer."
    dlg.place.lineEdit().clear()
    type_text(qtbot, dlg.place.lineEdit(), "行政楼 102总务处")
    type_text(qtbot, dlg.reason, "办公室调整")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    a = Asset.get_by_id(a.id)
    assert a.place.full_name == "行政楼 102总务处" and a.custodian.name == "张伟"
    assert tab.model.row_dict(0)["place"] == "行政楼 102总务处"
    assert "行政楼 102总务处" in tab.detail.text()


def test_write_off(qtbot, tab, make_asset):
    a = make_asset(acquired_on=dt.date(2019, 9, 1))
    tab.refresh()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.buttons["write_off"], Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, view.WriteOffDialog)
    type_text(qtbot, dlg.reason, "超过使用年限，无维修价值")
    dlg.approver.clear()
    type_text(qtbot, dlg.approver, "张建国")
    dlg.method.set_value("scrap")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    assert Asset.get_by_id(a.id).status == "disposed"
    assert tab.model.row_dict(0)["status_label"] == "Disposed"  # the record stays in the list
    assert not tab.buttons["write_off"].isEnabled() and not tab.buttons["lend"].isEnabled()


def test_damage_shows_the_rule_and_the_amount(qtbot, tab, make_asset):
    make_asset(unit_price="4000")
    tab.refresh()
    tab.table.selectRow(0)
    dlg = tab.report_damage()
    assert "school bears" in dlg.rule.text()
    dlg.cause.set_value("deliberate")
    assert "double" in dlg.rule.text() and "8,000.00" in dlg.rule.text()
    assert dlg.discipline.isEnabled()
    type_text(qtbot, dlg.description, "屏幕砸坏")
    type_text(qtbot, dlg.responsible.lineEdit(), "王小明")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.errors.message("discipline_note") == "Deliberate damage needs a discipline note."
    type_text(qtbot, dlg.discipline, "警告处分")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    hist = tab.show_history()
    texts = [hist.events.item(r, 2).text() for r in range(hist.events.rowCount())]
    assert any("王小明 pays 8,000.00" in t for t in texts)


def test_lend_overdue_and_take_back(qtbot, tab, make_asset, world):
    from logistics_desk.core import clock

    make_asset()
    tab.refresh()
    tab.table.selectRow(0)
    dlg = tab.lend()
    type_text(qtbot, dlg.borrower.lineEdit(), "校外 刘老师")
    dlg.due_on.set_date(dt.date(2026, 3, 12))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    clock.freeze(dt.datetime(2026, 3, 20, 9, 0))
    tab.refresh()
    assert tab.overdue_button.text() == "&Overdue loans (1)"
    od = tab.show_overdue()
    assert od.table.item(0, 2).text() == "校外 刘老师" and od.table.item(0, 5).text() == "8"
    od.show_in_register.emit()
    assert tab.current_filters()["status"] == "overdue" and tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert tab.buttons["take_back"].isEnabled()
    back = tab.take_back()
    qtbot.mouseClick(back.ok_button, Qt.MouseButton.LeftButton)
    assert Asset.get().status == "in_use"


def test_import_with_errors_shows_every_bad_row(qtbot, tab, tmp_path, infos):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点", "保管人"])
    ws.append(["投影仪", "办公设备", 1, 3500, "2025-09-01", "教学楼 301", "张伟"])
    ws.append(["电脑", "没有的分类", "两台", 4200, "2025-09-01", "教学楼 302", "赵老师"])
    ws.append(["桌子", "家具", 2, 650, "2025/9/1", "实验楼 101", "钱老师"])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    tab.import_file(str(path))
    wait_for_workers()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, view.ImportPreviewDialog), timeout=5000)
    dlg = tab.dialog
    table = dlg.error_table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert ["3", "资产分类", "没有的分类"] == rows[0][:3] or ["3", "资产分类", "没有的分类"] in [r[:3] for r in rows]
    assert ["3", "数量", "两台"] in [r[:3] for r in rows]
    assert not dlg.import_button.isEnabled()
    assert dlg.valid_only_button.isVisible() and "2" in dlg.valid_only_button.text()
    assert "钱老师" in dlg.findChild(type(dlg.summary), "new_master").text()
    report = dlg.save_report(str(tmp_path / "report.xlsx"))
    assert openpyxl.load_workbook(report).active.max_row == table.rowCount() + 1
    qtbot.mouseClick(dlg.valid_only_button, Qt.MouseButton.LeftButton)
    assert Asset.select().count() == 2
    assert infos and "2 assets imported" in infos[-1]
    assert tab.model.rowCount() == 2


def test_export_what_the_filter_shows(qtbot, tab, make_asset, tmp_path, world):
    make_asset(name="台式计算机")
    make_asset(name="投影仪")
    tab.refresh()
    type_text(qtbot, tab.search, "投影")
    tab.search.flush()
    path = tmp_path / "out.xlsx"
    done = []
    tab.export_to(str(path), tab.current_filters(), on_done=done.append)
    wait_for_workers()
    qtbot.waitUntil(lambda: done == [1], timeout=5000)
    ws = openpyxl.load_workbook(path).active
    assert ws.max_row == 2 and "投影仪" in [c.value for c in ws[2]]


def test_print_hooks(tab, make_asset):
    a = make_asset()
    tab.refresh()
    tab.table.selectRow(0)
    assert tab.selected_asset_ids() == [a.id]
    tab.search.setText(a.number)
    tab.search.flush()
    assert tab.current_filters() == {"text": a.number}


def test_import_preview_shows_probable_duplicates_and_skips_them(qtbot, tab, make_asset, tmp_path, infos):
    """Issue 13 item 3: the same rows imported twice made exact copies without a word."""
    make_asset(name="投影仪", unit_price="3500", model_spec="CB-X06")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["资产名称", "资产分类", "规格型号", "数量", "单价", "购置日期", "存放地点", "保管人"])
    ws.append(["投影仪", "JSJ", "CB-X06", 1, 3500, "2025-09-01", "教学楼 301", "张伟"])
    ws.append(["讲台", "家具", "", 1, 900, "2025-09-01", "教学楼 301", "张伟"])
    path = tmp_path / "again.xlsx"
    wb.save(path)
    tab.import_file(str(path))
    wait_for_workers()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, view.ImportPreviewDialog), timeout=5000)
    dlg = tab.dialog
    shown = dlg.findChild(type(dlg.summary), "duplicates").text()
    assert "row 2" in shown and Asset.get().number in shown
    assert dlg.import_button.text() == "Import 1 row"
    dlg.include_duplicates.setChecked(True)
    assert dlg.import_button.text() == "Import 2 rows"
    dlg.include_duplicates.setChecked(False)
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    assert Asset.select().count() == 2
    assert "identical to registered assets were left out" in infos[-1]


def test_import_lets_the_clerk_map_a_missing_column(qtbot, tab, tmp_path, infos):
    """Issue 13 item 7: a required column not found: the clerk says which column holds it (remembered)."""
    def odd(name, rows):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["资产名称", "资产分类", "数量", "单价", "进校日子", "存放地点"])
        for r in rows:
            ws.append(r)
        wb.save(tmp_path / name)
        return str(tmp_path / name)

    path = odd("odd.xlsx", [["投影仪", "JSJ", 1, 3500, "2025-09-01", "教学楼 301"]])
    tab.import_file(path)
    wait_for_workers()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, view.ImportPreviewDialog), timeout=5000)
    dlg = tab.dialog
    assert not dlg.import_button.isEnabled()
    combo = dlg.map_boxes["acquired_on"]
    assert not dlg.map_button.isEnabled()
    combo.setCurrentIndex(combo.findText("进校日子"))
    qtbot.mouseClick(dlg.map_button, Qt.MouseButton.LeftButton)
    wait_for_workers()
    qtbot.waitUntil(lambda: tab.dialog is not dlg and isinstance(tab.dialog, view.ImportPreviewDialog), timeout=5000)
    dlg = tab.dialog
    assert dlg.import_button.isEnabled() and not dlg.map_boxes
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    assert Asset.get().acquired_on == dt.date(2025, 9, 1)
    tab.import_file(odd("odd2.xlsx", [["讲台", "JJ", 1, 900, "2024-03-01", "教学楼 302"]]))  # remembered
    wait_for_workers()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, view.ImportPreviewDialog) and tab.dialog is not dlg, timeout=5000)
    assert tab.dialog.import_button.isEnabled()


def test_a_disposed_asset_shows_its_status_and_only_notes_edit(qtbot, tab, make_asset):
    """Issue 13 item 10: the edit dialog said 在用 for a disposed asset and refused a name change."""
    from logistics_desk.modules.assets import service

    a = make_asset()
    service.write_off(a, reason="主板损坏", approver="张建国", method="scrap")
    tab.refresh()
    tab.table.selectRow(0)
    dlg = tab.edit()
    assert dlg.status.currentText() == "Disposed"
    assert not dlg.name.isEnabled() and not dlg.status.isEnabled() and not dlg.place.isEnabled()
    assert dlg.note.isEnabled()
    assert "only the notes" in dlg.hint.text()
    dlg.note.setPlainText("残值已回收")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    a = Asset.get_by_id(a.id)
    assert a.note == "残值已回收" and a.status == "disposed"


def test_pick_lists_have_real_placeholders_and_search_names(qtbot, tab, make_asset, world):
    """Issue 13 item 11: typing gave "（不变）302" and "（请选择）家具"."""
    a = make_asset()
    tab.refresh()
    tab.table.selectRow(0)
    dlg = tab.transfer()
    assert dlg.place.currentText() == "" and dlg.place.lineEdit().placeholderText() == "(unchanged)"
    type_text(qtbot, dlg.place.lineEdit(), "302")
    assert dlg.place.currentText() == "302" and dlg.place.value() == world["r302"].id  # the one room named so
    type_text(qtbot, dlg.reason, "调整")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    assert Asset.get_by_id(a.id).place_id == world["r302"].id
    tab.table.selectRow(0)
    dlg = tab.transfer()
    type_text(qtbot, dlg.custodian.lineEdit(), "没有这个人")
    type_text(qtbot, dlg.reason, "调整")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.errors.message("custodian") == "Unknown value."
    dlg.reject()
    reg = tab.register()
    assert reg.category.currentText() == "" and reg.category.lineEdit().placeholderText() == "(choose)"
    type_text(qtbot, reg.category.lineEdit(), "家具")
    assert reg.category.value() == world["cats"]["JJ"].id


def test_write_off_says_what_it_does_and_enter_does_not_commit(qtbot, tab, make_asset):
    """Issue 13 item 13."""
    a = make_asset(name="学生课桌椅", quantity=41, unit="套", unit_price="200")
    tab.refresh()
    tab.table.selectRow(0)
    dlg = tab.write_off()
    text = dlg.info.text()
    assert a.number in text and "学生课桌椅" in text and "41 套" in text
    assert "cannot be undone" in text
    type_text(qtbot, dlg.reason, "损坏")
    dlg.approver.setText("张建国")
    qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    assert dlg.isVisible() and Asset.get_by_id(a.id).status == "in_use"
    dlg.reject()
    tab.table.selectRow(0)
    lend = tab.lend()
    assert a.number in lend.info.text() and "学生课桌椅" in lend.info.text()


def test_a_scanned_tag_selects_its_asset_and_keys_move_into_the_list(qtbot, tab, make_asset):
    """Issue 13 item 12: scanner (digits and Enter), Down into the list, mnemonics."""
    assets = [make_asset(name=f"电脑{i}") for i in range(3)]
    tab.refresh()
    target = assets[1]
    assert not tab.buttons["edit"].isEnabled()
    type_text(qtbot, tab.search, target.number)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.selected_asset_ids() == [target.id]
    assert tab.buttons["edit"].isEnabled() and tab.buttons["transfer"].isEnabled()
    tab.search.clear()
    tab.search.flush()
    tab.search.setFocus()
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.table.hasFocus() and len(tab.selected_asset_ids()) == 1
    texts = [b.text() for b in tab.buttons.values()]
    assert all("&" in t for t in texts), texts
    letters = [t[t.index("&") + 1].lower() for t in texts]
    assert len(set(letters)) == len(letters) and not {"f", "s", "h"} & set(letters)  # the menus' letters


def test_history_shows_a_registration_as_text(qtbot, tab, make_asset):
    """Issue 13 item 15."""
    make_asset()
    tab.refresh()
    tab.table.selectRow(0)
    hist = tab.show_history()
    new = hist.changes.item(0, 5).text()
    assert "Place: 教学楼 301" in new and "Custodian: 张伟" in new and "{" not in new


def test_void_a_whole_import_from_the_register(qtbot, tab, tmp_path, infos):
    """Issue 13 item 4: no way back from a wrong import but a write-off."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点"])
    for i in range(3):
        ws.append([f"物品{i}", "JSJ", 1, 3500, "2025-09-01", "教学楼 301"])
    wb.save(tmp_path / "wrong.xlsx")
    tab.import_file(str(tmp_path / "wrong.xlsx"))
    wait_for_workers()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, view.ImportPreviewDialog), timeout=5000)
    qtbot.mouseClick(tab.dialog.import_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 3
    tab.table.selectRow(0)
    assert tab.buttons["void"].isEnabled()
    dlg = tab.void()
    assert dlg.whole_import.isChecked() and "wrong.xlsx" in dlg.whole_import.text() and "3" in dlg.whole_import.text()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.errors.message("reason") == "Give the reason for voiding."
    type_text(qtbot, dlg.reason, "导错了文件")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    assert Asset.select().count() == 3 and {a.status for a in Asset.select()} == {"voided"}
    assert tab.model.rowCount() == 0
    assert tab.stack.currentIndex() == 0  # the list page, where the status filter finds them
    tab.status_filter.set_value("voided")
    assert tab.model.rowCount() == 3


def test_saving_without_place_custodian_or_price_warns_once(qtbot, tab, world):
    """Issue 13 item 14."""
    dlg = tab.register()
    type_text(qtbot, dlg.name, "投影仪")
    dlg.category.set_value(world["cats"]["JSJ"].id)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and Asset.select().count() == 0
    warning = dlg.missing_warning.text()
    assert "place" in warning and "custodian" in warning and "unit price" in warning and "later" in warning
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible() and Asset.select().count() == 1


def test_import_offers_each_unknown_category_once_for_mapping(qtbot, tab, tmp_path, world, infos):
    """Issue 13 item 8: categories of the system a school leaves."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Asset Tag", "Category", "Purchase Date", "Purchase Cost", "Location"])
    ws.append(["Teacher laptop", "100231", "Laptops", "2023-01-15", "1299.00", "教学楼 301"])
    ws.append(["Teacher laptop", "100232", "Laptops", "2023-01-15", "1299.00", "教学楼 301"])
    wb.save(tmp_path / "snipe.xlsx")
    tab.import_file(str(tmp_path / "snipe.xlsx"))
    wait_for_workers()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, view.ImportPreviewDialog), timeout=5000)
    dlg = tab.dialog
    assert list(dlg.category_boxes) == ["Laptops"] and not dlg.import_button.isEnabled()
    dlg.category_boxes["Laptops"].set_value(world["cats"]["JSJ"].id)
    qtbot.mouseClick(dlg.category_button, Qt.MouseButton.LeftButton)
    wait_for_workers()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, view.ImportPreviewDialog) and tab.dialog is not dlg, timeout=5000)
    dlg = tab.dialog
    assert dlg.import_button.isEnabled() and not dlg.category_boxes
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    assert sorted(a.number for a in Asset.select()) == ["100231", "100232"]
    assert {a.category_id for a in Asset.select()} == {world["cats"]["JSJ"].id}
