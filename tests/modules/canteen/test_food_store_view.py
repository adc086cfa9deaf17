"""Receiving and the food store driven through the window like a person (issue 18 items 1, 2, 8):
a delivery of five lines typed with Enter, a line refused with F4, the expired licence asked
for its reason, an issue typed food ⏎ quantity ⏎, the month-end count, and all of it found in
the stock table and on paper."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import clock, masterdata
from logistics_desk.core.masterdata import Supplier
from logistics_desk.modules.canteen import food_store, food_store_view, receiving, receiving_view, view
from logistics_desk.modules.canteen.food_models import CanteenDelivery, CanteenFoodCount

from .conftest import at

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise", "grabbing the keyboard")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    return " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


@pytest.fixture
def tab(canteen, qtbot, monkeypatch):
    from logistics_desk.modules.canteen import hygiene

    for p in (canteen.cook, canteen.helper):
        hygiene.save_certificate(p, f"JK-{p.id:04d}", dt.date(2027, 6, 30))
    canteen.supplier = masterdata.save(Supplier, {"name": "城南蔬菜配送中心"})
    receiving.save_licence(canteen.supplier, "JY13201050012345", dt.date(2027, 12, 31))
    canteen.old = masterdata.save(Supplier, {"name": "老张肉铺"})
    receiving.save_licence(canteen.old, "JY13201050099999", dt.date(2026, 10, 31))
    clock.freeze(at(canteen.day, 7, 30))
    shown = {"errors": [], "pdfs": []}
    for mod in (receiving_view, food_store_view):
        monkeypatch.setattr(mod, "show_error", lambda parent, exc: shown["errors"].append(exc.message))
        monkeypatch.setattr(mod, "preview", lambda parent, pdf, title, filename: shown["pdfs"].append(pdf))
    w = view.CanteenTab()
    qtbot.addWidget(w)
    w.shown = shown
    w.c = canteen
    return w


def type_(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget``: keys for ASCII, an input-method commit for Chinese (QTest types ASCII only)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def test_delivery_typed_through_the_window_goes_to_store_and_paper(tab, qtbot, tmp_path):
    page = tab.receiving_page
    tab.pages.setCurrentWidget(page)
    tab.show()
    qtbot.waitExposed(tab)
    page.supplier.set_value(tab.c.supplier.id)
    assert "valid until 2027-12-31" in page.licence_label.text()
    tab.activateWindow()
    page.food.setFocus()
    # first line: food, quantity, (produced: empty), shelf 3, (use by), batch, papers -> added
    for w, text in ((page.food, "大白菜"), (page.qty, "20"), (page.produced, ""), (page.shelf, "3"),
                    (page.use_by, ""), (page.batch, "B-1"), (page.papers, "PJ-0001")):
        if text:
            type_(qtbot, w, text)
        qtbot.keyClick(w, Qt.Key.Key_Return)
    assert len(page.lines) == 1 and page.lines[0]["use_by"] == dt.date(2026, 11, 25)
    # four more lines: Ctrl+Enter adds as soon as what is needed is typed (papers carried over)
    for food, qty in (("土豆", "30"), ("西红柿", "15"), ("青椒", "8.5")):
        type_(qtbot, page.food, food)
        qtbot.keyClick(page.food, Qt.Key.Key_Return)
        type_(qtbot, page.qty, qty)
        qtbot.keyClick(page.qty, Qt.Key.Key_Return)
        qtbot.keyClick(page.produced, Qt.Key.Key_Return)
        type_(qtbot, page.shelf, "5")
        qtbot.keyClick(page.shelf, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(page.lines) == 4 and page.papers.text() == "PJ-0001"
    page.storage.set_value("chilled")
    type_(qtbot, page.food, "猪肉")
    qtbot.keyClick(page.food, Qt.Key.Key_Return)
    type_(qtbot, page.qty, "12.5")
    for w, text in ((page.qty, ""), (page.produced, ""), (page.shelf, "2"), (page.use_by, ""), (page.batch, ""),
                    (page.papers, ""), (page.temp, "11")):
        if text:
            type_(qtbot, w, text)
        qtbot.keyClick(w, Qt.Key.Key_Return)
    # 11 °C chilled cannot be accepted: the line is not added, the reason is shown
    assert len(page.lines) == 4 and "8" in page.error.text()
    page.temp.clear()
    type_(qtbot, page.temp, "3.5")
    qtbot.keyClick(page.temp, Qt.Key.Key_Return)
    assert len(page.lines) == 5
    # the last line refused with F4 and a reason
    page.grid.selectRow(4)
    page.refuse_selected(reason="包装破损", smell_bad=True)
    assert "包装破损" in page.grid.item(4, 9).text()
    tab.activateWindow()
    page.food.setFocus()
    qtbot.waitUntil(page.food.hasFocus)
    qtbot.keyClick(page.food, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.error.isVisible(), page.error.text()
    assert not tab.shown["errors"], tab.shown["errors"]
    d = CanteenDelivery.get()
    assert d.receiver1_id and d.receiver2_id and d.receiver1_id != d.receiver2_id
    assert page.list.item(0, 0).text() == d.number and page.lines == []
    stock = {r["item"]: r for r in food_store.stock()}
    assert sorted(stock) == ["土豆", "大白菜", "西红柿", "青椒"]
    # the next delivery: a remembered food is food ⏎ quantity ⏎ (a chilled one: ⏎ temperature ⏎)
    page.supplier.set_value(tab.c.supplier.id)
    page.papers.setText("PJ-0002")
    for food, qty in (("大白菜", "18"), ("猪肉", "10")):
        type_(qtbot, page.food, food)
        qtbot.keyClick(page.food, Qt.Key.Key_Return)
        type_(qtbot, page.qty, qty)
        qtbot.keyClick(page.qty, Qt.Key.Key_Return)
    assert len(page.lines) == 1 and page.temp.isEnabled()
    type_(qtbot, page.temp, "2.5")
    qtbot.keyClick(page.temp, Qt.Key.Key_Return)
    assert [(ln["item"], ln["use_by"], ln["temperature"]) for ln in page.lines] == [
        ("大白菜", dt.date(2026, 11, 25), None), ("猪肉", dt.date(2026, 11, 24), "2.5")]
    page.new_delivery()
    # the store page shows it; 大白菜 (use by 11-25) is red
    store = tab.store_page
    tab.pages.setCurrentWidget(store)
    names = [store.stock.item(r, 0).text() for r in range(store.stock.rowCount())]
    row = names.index("大白菜")
    assert store.stock.item(row, 3).text() == "2026-11-25"
    assert store.stock.item(row, 0).foreground().color().name() == receiving_view.RED
    page.print_month()
    text = pdf_text(tab.shown["pdfs"][-1], tmp_path)
    assert d.number in text and "大白菜" in text and "包装破损" in text and "PJ-0001" in text
    assert "Received by" in text and "JHCY-20261101-20261123" in text


def test_expired_licence_asks_for_the_reason_and_prints_it(tab, qtbot, tmp_path):
    page = tab.receiving_page
    page.supplier.set_value(tab.c.old.id)
    assert "2026-10-31" in page.licence_label.text() and not page.licence_reason.isHidden()
    type_(qtbot, page.food, "猪肉")
    qtbot.keyClick(page.food, Qt.Key.Key_Return)
    type_(qtbot, page.qty, "10")
    page.use_by.setText("2026-11-25")
    page.papers.setText("PJ-9")
    page.add_line()
    page.save()
    assert "Write why" in page.error.text() and not CanteenDelivery.select().exists()
    type_(qtbot, page.licence_reason, "新证在办")
    page.save()
    assert CanteenDelivery.get().licence_reason == "新证在办"
    text = pdf_text(receiving.receiving_pdf(tab.c.day, tab.c.day), tmp_path)
    assert "新证在办" in text


def test_receiver_with_an_expired_certificate_asks_for_the_reason_and_prints_it(tab, qtbot, tmp_path):
    """The sampler's rule for the receivers (issue 18): the reason box appears when a chosen receiver is not
    fit that day; saving without a reason is refused; the reason is kept and printed."""
    from logistics_desk.modules.canteen import hygiene

    c = tab.c
    hygiene.save_certificate(c.helper, "JK-OLD", dt.date(2026, 11, 1))
    page = tab.receiving_page
    tab.pages.setCurrentWidget(page)
    tab.show()
    qtbot.waitExposed(tab)
    page.supplier.set_value(c.supplier.id)
    page.receiver1.set_value(c.cook.id)
    page.receiver2.set_value(None)
    assert page.receiver_reason.isHidden()  # both fit (or not chosen): nothing to explain
    page.receiver2.setFocus()
    page.receiver2.set_value(c.helper.id)
    assert not page.receiver_reason.isHidden() and page.receiver_label.isVisible()
    assert "JK-OLD" in page.receiver_label.text() and "2026-11-01" in page.receiver_label.text()
    type_(qtbot, page.food, "大白菜")
    qtbot.keyClick(page.food, Qt.Key.Key_Return)
    type_(qtbot, page.qty, "20")
    page.use_by.setText("2026-11-26")
    page.papers.setText("PJ-7")
    page.add_line()
    assert len(page.lines) == 1, page.error.text()
    tab.activateWindow()
    page.food.setFocus()
    qtbot.waitUntil(page.food.hasFocus)
    qtbot.keyClick(page.food, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Write the reason" in page.error.text() and not CanteenDelivery.select().exists()
    type_(qtbot, page.receiver_reason, "新证体检已做，等发证")
    qtbot.keyClick(page.receiver_reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    d = CanteenDelivery.get()
    assert d.receiver_reason == "新证体检已做，等发证" and "JK-OLD" in d.receiver_problem
    assert page.receiver_reason.text() == ""  # the next delivery starts clean
    assert "新证体检已做" in page.list.item(0, 6).text()
    text = pdf_text(receiving.receiving_pdf(c.day, c.day), tmp_path)
    assert "新证体检已做，等发证" in text
    # a fit pair chosen: the box goes away
    page.receiver2.set_value(None)
    assert page.receiver_reason.isHidden()


def test_issue_typed_takes_first_expiring_and_count_is_printed(tab, qtbot, tmp_path):
    c = tab.c
    base = {"supplier": c.supplier.id, "receiver1": c.cook.id, "receiver2": c.helper.id}
    receiving.record_delivery(dict(base, delivered_at=at(c.day, 7, 0), lines=[
        {"item": "鸡蛋", "quantity": "30", "unit": "kg", "use_by": dt.date(2026, 12, 20), "papers": "P1",
         "batch": "late"},
        {"item": "大米", "quantity": "100", "unit": "kg", "use_by": dt.date(2027, 6, 1), "papers": "P1"}]))
    receiving.record_delivery(dict(base, delivered_at=at(c.day, 7, 5), lines=[
        {"item": "鸡蛋", "quantity": "10", "unit": "kg", "use_by": dt.date(2026, 11, 28), "papers": "P2",
         "batch": "early"}]))
    store = tab.store_page
    tab.pages.setCurrentWidget(store)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    store.food.setFocus()
    qtbot.waitUntil(store.food.hasFocus)
    store.meal.set_value("lunch")
    store.taken_by.set_value(c.cook.id)
    type_(qtbot, store.food, "鸡蛋")
    qtbot.keyClick(store.food, Qt.Key.Key_Return)
    type_(qtbot, store.qty, "12")
    qtbot.keyClick(store.qty, Qt.Key.Key_Return)
    assert "2026-11-28 ×10" in store.draft_table.item(0, 2).text()
    type_(qtbot, store.food, "大米")
    qtbot.keyClick(store.food, Qt.Key.Key_Return)
    type_(qtbot, store.qty, "30")
    qtbot.keyClick(store.qty, Qt.Key.Key_Return)
    qtbot.keyClick(store.food, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not store.error.isVisible(), store.error.text()
    assert store.issues.item(0, 0).text() == "CK-20261123-01"
    assert "鸡蛋 12kg" in store.issues.item(0, 4).text()
    lots = {lot["batch"]: lot["remaining"] for lot in food_store.lots("鸡蛋")}
    assert lots == {"late": 28}  # the early lot was taken first, whole
    # the month-end count through its dialog, a difference with its reason
    clock.freeze(at(dt.date(2026, 11, 30), 17, 0))
    d = food_store_view.CountDialog("2026-11", store)
    d.by.set_value(c.cook.id)
    d.set_counted("大米", "69")
    d.try_accept()
    assert not d.general_error.isHidden() and "why" in d.general_error.text()
    d.set_counted("大米", "69", "撒漏")
    d.try_accept()
    assert CanteenFoodCount.get().month == "2026-11"
    store.month.set_items([("2026-11", "2026-11")])
    store.print_month()
    text = pdf_text(tab.shown["pdfs"][-1], tmp_path)
    assert "CK-20261123-01" in text and "撒漏" in text and "SPPD-202611" in text and "Storekeeper" in text
