"""The food store (issue 18): an issue to the kitchen voided with its reason (lots restored, audited, the
month's account right), and food expiring within 3 days or expired on Today, opening the food store page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import clock, masterdata
from logistics_desk.core.audit import AuditEntry
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.core.masterdata import Supplier
from logistics_desk.modules.canteen import food_store, receiving
from logistics_desk.modules.canteen import today as canteen_today
from logistics_desk.modules.canteen.food_models import CanteenFoodIssue

from .conftest import at

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise", "grabbing the keyboard")


@pytest.fixture
def store(canteen):
    c = canteen
    c.supplier = masterdata.save(Supplier, {"name": "城南蔬菜配送中心"})
    receiving.save_licence(c.supplier, "JY13201050012345", dt.date(2027, 12, 31))
    clock.freeze(at(c.day, 7, 30))
    base = {"supplier": c.supplier.id, "receiver1": c.cook.id, "receiver2": c.helper.id}
    c.d1 = receiving.record_delivery(dict(base, delivered_at=at(c.day, 7, 0), lines=[
        {"item": "鸡蛋", "quantity": "10", "unit": "kg", "use_by": dt.date(2026, 11, 25), "papers": "P1",
         "batch": "early"},
        {"item": "大米", "quantity": "100", "unit": "kg", "use_by": dt.date(2027, 6, 1), "papers": "P1"}]))
    c.d2 = receiving.record_delivery(dict(base, delivered_at=at(c.day, 7, 5), lines=[
        {"item": "鸡蛋", "quantity": "30", "unit": "kg", "use_by": dt.date(2026, 12, 20), "papers": "P2",
         "batch": "late"}]))
    return c


def remaining(name: str) -> dict[str, Decimal]:
    return {lot["batch"]: lot["remaining"] for lot in food_store.lots(name)}


def test_void_issue_restores_its_lots_with_audit_and_keeps_the_record(store):
    slip = food_store.issue(store.day, "lunch", [("鸡蛋", "12"), ("大米", "30")], taken_by=store.cook)
    assert remaining("鸡蛋") == {"late": 28}
    with pytest.raises(ValidationError) as e:
        food_store.void_issue(slip.number, "  ")
    assert "reason" in e.value.errors
    food_store.void_issue(slip.number, "录错了餐次")
    assert remaining("鸡蛋") == {"early": 10, "late": 30} and remaining("大米") == {"": 100}
    kept = CanteenFoodIssue.get_by_id(slip.id)
    assert kept.voided and kept.void_reason == "录错了餐次" and kept.voided_at is not None
    entry = AuditEntry.get((AuditEntry.table_name == "canteen_food_issue") & (AuditEntry.action == "void"))
    assert entry.record_id == slip.id and entry.note == "录错了餐次"
    assert AuditEntry.select().where((AuditEntry.table_name == "canteen_food_movement")
                                     & (AuditEntry.action == "create")).count() == 3 + 3 + 3  # in, issue, back
    with pytest.raises(RuleError):
        food_store.void_issue(slip.id, "again")
    listed = food_store.issues(store.day, store.day)[0]
    assert listed["voided"] and listed["void_reason"] == "录错了餐次" and listed["lines"][0]["quantity"] == 12
    # the month: what was issued and given back is no 出库
    rows = {r["item"]: r for r in food_store.month_account("2026-11")["rows"]}
    assert rows["鸡蛋"]["out"] == 0 and rows["鸡蛋"]["book"] == 40
    ledger = food_store.movements(store.day, store.day, "鸡蛋")
    assert [m["kind"] for m in ledger][-1] == "unissue" and ledger[-1]["balance"] == 40
    # a delivery whose goods went out on a voided issue may be voided itself
    receiving.void_delivery(store.d1, "供应商送错")
    assert remaining("鸡蛋") == {"late": 30}


def test_void_issue_refused_once_the_month_is_counted(store):
    slip = food_store.issue(store.day, "lunch", [("鸡蛋", "5")])
    clock.freeze(at(dt.date(2026, 11, 30), 17, 0))
    food_store.record_count("2026-11", {r["item_id"]: r["book"] for r in food_store.count_sheet("2026-11")},
                            counted_by=store.cook)
    with pytest.raises(RuleError) as e:
        food_store.void_issue(slip, "录错了")
    assert "2026-11" in e.value.message
    assert not CanteenFoodIssue.get_by_id(slip.id).voided


def test_today_lists_expired_and_expiring_food_opening_the_store(store):
    clock.freeze(at(dt.date(2026, 11, 24), 8, 0))
    lines = [i for i in canteen_today.items(dt.date(2026, 11, 24)) if i.target == {"page": "store"}]
    assert [(i.severity, i.count) for i in lines] == [("soon", 1)]
    assert "鸡蛋 11-25" in lines[0].text and "3 days" in lines[0].text
    clock.freeze(at(dt.date(2026, 11, 26), 8, 0))
    lines = [i for i in canteen_today.items(dt.date(2026, 11, 26)) if i.target == {"page": "store"}]
    assert [(i.severity, i.count) for i in lines] == [("overdue", 1)] and "discard" in lines[0].text
    food_store.discard(next(lot["id"] for lot in food_store.lots("鸡蛋") if lot["batch"] == "early"), "过期")
    assert not [i for i in canteen_today.items(dt.date(2026, 11, 26)) if i.target == {"page": "store"}]


def test_today_line_opens_the_food_store_page(store, qtbot):
    from logistics_desk.modules.canteen import view

    clock.freeze(at(dt.date(2026, 11, 24), 8, 0))
    item = next(i for i in canteen_today.items(dt.date(2026, 11, 24)) if i.target.get("page") == "store")
    tab = view.CanteenTab()
    qtbot.addWidget(tab)
    tab.show_today(item.target)
    assert tab.pages.currentWidget() is tab.store_page
    page = tab.store_page
    red = [page.stock.item(r, 0).text() for r in range(page.stock.rowCount())
           if page.stock.item(r, 0).foreground().color().name() == "#c0392b"]
    assert red == ["鸡蛋"]


def test_void_issue_from_the_food_store_page(store, qtbot, monkeypatch):
    from logistics_desk.modules.canteen import food_store_view, view

    slip = food_store.issue(store.day, "lunch", [("鸡蛋", "12")], taken_by=store.cook)
    errors = []
    monkeypatch.setattr(food_store_view, "show_error", lambda parent, exc: errors.append(exc.message))
    monkeypatch.setattr(food_store_view, "show_info", lambda parent, text: errors.append(text))
    tab = view.CanteenTab()
    qtbot.addWidget(tab)
    tab.pages.setCurrentWidget(tab.store_page)
    page = tab.store_page
    asked = []
    monkeypatch.setattr(food_store_view, "ask_text", lambda parent, title, label: asked.append(label) or "录重了")
    qtbot.mouseClick(page.void_btn, Qt.MouseButton.LeftButton)
    assert errors and not asked  # nothing selected: told to select an issue first
    assert page.issues.item(0, 0).text() == slip.number
    page.issues.selectRow(0)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.void_btn, Qt.MouseButton.LeftButton)
    assert asked and CanteenFoodIssue.get_by_id(slip.id).voided
    assert "录重了" in page.issues.item(0, 4).text()
    assert {r["item"]: r["stock"] for r in food_store.stock()}["鸡蛋"] == 40
