"""Receiving (进货查验) and the food store (食品仓库), issue 18 items 1 and 2: service rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from logistics_desk.core import clock, masterdata
from logistics_desk.core.audit import AuditEntry
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.core.masterdata import Supplier
from logistics_desk.modules.canteen import food_store, receiving
from logistics_desk.modules.canteen.food_models import CanteenDelivery, CanteenFoodLot

from .conftest import at


@pytest.fixture
def food(canteen):
    from logistics_desk.modules.canteen import hygiene

    c = canteen
    for p in (c.cook, c.helper):
        hygiene.save_certificate(p, f"JK-{p.id:04d}", dt.date(2027, 6, 30))
    c.supplier = masterdata.save(Supplier, {"name": "城南蔬菜配送中心"})
    receiving.save_licence(c.supplier, "JY13201050012345", dt.date(2027, 12, 31))
    c.old_supplier = masterdata.save(Supplier, {"name": "老张肉铺"})
    receiving.save_licence(c.old_supplier, "JY13201050099999", dt.date(2026, 10, 31))
    clock.freeze(at(c.day, 7, 30))
    return c


def line(item="大白菜", qty="20", unit="kg", **kw):
    row = {"item": item, "quantity": qty, "unit": unit, "produced_on": None, "shelf_days": None,
           "use_by": dt.date(2026, 11, 26), "batch": "B1", "papers": "PJ-001", "storage": "ambient"}
    row.update(kw)
    return row


def delivery(c, lines, **kw):
    values = {"delivered_at": at(c.day, 7, 10), "supplier": c.supplier.id, "receiver1": c.cook.id,
              "receiver2": c.helper.id, "lines": lines}
    values.update(kw)
    return receiving.record_delivery(values)


def test_delivery_goes_into_store_with_use_by_and_audit(food):
    d = delivery(food, [line(), line("猪肉", "12.5", storage="chilled", temperature="3.5", use_by=None,
                                     produced_on=dt.date(2026, 11, 22), shelf_days=3)])
    assert d.number == "JH-20261123-01"
    assert d.licence_no == "JY13201050012345"
    rows = {r["item"]: r for r in food_store.stock()}
    assert rows["猪肉"]["stock"] == Decimal("12.5")
    # production 11-22 + 3 days of shelf life: usable 22, 23, 24 -> use by 11-24, within 3 days: red
    assert rows["猪肉"]["use_by"] == dt.date(2026, 11, 24) and rows["猪肉"]["state"] == "soon"
    def created(table):
        return {e.record_id for e in AuditEntry.select().where((AuditEntry.table_name == table)
                                                               & (AuditEntry.action == "create"))}

    assert created("canteen_delivery") == {d.id} and len(created("canteen_food_movement")) == 2
    assert receiving.deliveries_by_day(food.day, food.day) == {food.day: {"deliveries": 1, "accepted": 2,
                                                                          "refused": 0}}


def test_expired_licence_needs_written_reason_which_is_kept(food):
    with pytest.raises(ValidationError) as e:
        delivery(food, [line()], supplier=food.old_supplier.id)
    assert "licence_reason" in e.value.errors and "2026-10-31" in e.value.errors["licence_reason"]
    d = delivery(food, [line()], supplier=food.old_supplier.id, licence_reason="新证已办，复印件后补")
    assert CanteenDelivery.get_by_id(d.id).licence_reason == "新证已办，复印件后补"
    # a supplier with no licence on record at all is treated the same
    bare = masterdata.save(Supplier, {"name": "无证供应商"})
    with pytest.raises(ValidationError) as e:
        delivery(food, [line()], supplier=bare.id)
    assert "no food-business licence" in e.value.errors["licence_reason"]


def test_expired_health_certificate_refuses_receiver_without_a_written_reason(food):
    """The sampler's rule for the receivers too (hygiene.require_fit): refused without a reason, taken with one,
    the problem as it stood that day and the reason kept on the delivery and printed."""
    from logistics_desk.modules.canteen import hygiene

    hygiene.save_certificate(food.helper, "JK-OLD", dt.date(2026, 11, 1), issued_on=dt.date(2025, 11, 2))
    with pytest.raises(ValidationError) as e:
        delivery(food, [line()], licence_reason="whatever", note="please")
    assert "receiver2" in e.value.errors and "expired on 2026-11-01" in e.value.errors["receiver2"]
    assert "Write the reason" in e.value.errors["receiver2"]
    with pytest.raises(ValidationError) as e:
        delivery(food, [line()], receiver2=food.cook.id)
    assert "different" in e.value.errors["receiver2"]
    assert not CanteenDelivery.select().exists()
    d = delivery(food, [line()], receiver_reason="新证体检已做，等发证；仅清点数量")
    d = CanteenDelivery.get_by_id(d.id)
    assert d.receiver_reason == "新证体检已做，等发证；仅清点数量"
    assert "JK-OLD" in d.receiver_problem and "2026-11-01" in d.receiver_problem
    # renewed later: the record still says what stood that day
    hygiene.save_certificate(food.helper, "JK-NEW", dt.date(2027, 11, 1))
    row = receiving.deliveries(food.day, food.day)[0]
    assert "JK-OLD" in receiving.receiver_text(row) and "仅清点数量" in receiving.receiver_text(row)
    sheet = receiving.export_sheets(food.day, food.day)[0]
    assert "仅清点数量" in sheet[2][0][-1]
    # a fit pair needs no reason, and a reason typed anyway is not kept
    d2 = delivery(food, [line("土豆")], receiver_reason="typed by habit")
    assert CanteenDelivery.get_by_id(d2.id).receiver_reason is None


def test_receiver_sent_home_by_the_morning_check_needs_a_reason(food):
    from logistics_desk.modules.canteen import hygiene

    hygiene.record_morning_checks(food.day, [{"person_id": food.cook.id, "fever": True, "action": "回家休息"},
                                             {"person_id": food.helper.id}])
    with pytest.raises(ValidationError) as e:
        delivery(food, [line()])
    assert "receiver1" in e.value.errors and "sent home" in e.value.errors["receiver1"]
    d = delivery(food, [line()], receiver_reason="只在门口签收，未接触食品")
    assert "sent home" in CanteenDelivery.get_by_id(d.id).receiver_problem


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="pdftotext not installed")
def test_receiver_reason_is_printed_on_the_receiving_form(food, tmp_path):
    import subprocess

    from logistics_desk.modules.canteen import hygiene

    hygiene.save_certificate(food.helper, "JK-OLD", dt.date(2026, 11, 1))
    delivery(food, [line()], receiver_reason="新证在办")
    path = tmp_path / "r.pdf"
    path.write_bytes(receiving.receiving_pdf(food.day, food.day))
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "新证在办" in text and "JK-OLD" in text


def test_sensory_failures_must_be_refused_with_reason(food):
    warm = line("冻鸡腿", storage="frozen", temperature="-5")
    with pytest.raises(ValidationError) as e:
        delivery(food, [warm])
    assert "-12" in e.value.errors["line1"]
    with pytest.raises(ValidationError) as e:
        delivery(food, [line(storage="chilled")])  # no temperature measured
    assert "temperature" in e.value.errors["line1"]
    with pytest.raises(ValidationError) as e:
        delivery(food, [line(accepted=False)])
    assert "why" in e.value.errors["line1"]
    with pytest.raises(ValidationError) as e:
        delivery(food, [line(papers="")])
    assert "papers" in e.value.errors["line1"]
    with pytest.raises(ValidationError) as e:
        delivery(food, [line(use_by=dt.date(2026, 11, 20))])
    assert "use-by" in e.value.errors["line1"]
    d = delivery(food, [line(), dict(warm, accepted=False, refuse_reason="到货温度-5℃，已解冻")])
    assert [r["item"] for r in food_store.stock()] == ["大白菜"]
    assert receiving.deliveries_by_day(food.day, food.day)[food.day]["refused"] == 1
    assert receiving.deliveries(food.day, food.day)[0]["lines"][1]["refuse_reason"] == "到货温度-5℃，已解冻"
    assert d.number


def test_issue_picks_first_expiring_lot_and_never_an_expired_one(food):
    c = food
    clock.freeze(at(c.day - dt.timedelta(days=3), 7, 30))
    delivery(c, [line("鸡蛋", "10", "kg", use_by=dt.date(2026, 11, 22))],
             delivered_at=at(c.day - dt.timedelta(days=3), 7, 0))
    clock.freeze(at(c.day, 7, 30))
    delivery(c, [line("鸡蛋", "30", "kg", use_by=dt.date(2026, 12, 10), batch="late")])
    delivery(c, [line("鸡蛋", "20", "kg", use_by=dt.date(2026, 11, 28), batch="early")],
             delivered_at=at(c.day, 7, 20))
    assert food_store.on_hand("鸡蛋") == Decimal("50")  # the 10 kg lot expired on 11-22
    slip = food_store.issue(c.day, "lunch", [("鸡蛋", "25")], taken_by=c.cook)
    lines = food_store.issues(c.day, c.day)[0]["lines"]
    assert [(ln["item"], ln["quantity"]) for ln in lines] == [("鸡蛋", Decimal("25"))]
    assert [(batch, qty) for _u, batch, qty in lines[0]["lots"]] == [("early", Decimal("20")), ("late", Decimal("5"))]
    assert slip.number == "CK-20261123-01"
    with pytest.raises(RuleError) as e:
        food_store.issue(c.day, "dinner", [("鸡蛋", "26")])
    assert "past their use-by date" in e.value.message
    red = food_store.expiring(c.day)
    assert [(r["item"], r["state"]) for r in red] == [("鸡蛋", "expired")]
    expired_lot = CanteenFoodLot.get(CanteenFoodLot.use_by == dt.date(2026, 11, 22))
    food_store.discard(expired_lot, "过期报废")
    assert food_store.expiring(c.day) == []


def test_void_delivery_needs_reason_and_is_refused_after_issue(food):
    c = food
    d = delivery(c, [line()])
    with pytest.raises(ValidationError):
        receiving.void_delivery(d, "")
    food_store.issue(c.day, "lunch", [("大白菜", "1")])
    with pytest.raises(RuleError):
        receiving.void_delivery(d, "录错了")
    d2 = delivery(c, [line("土豆", "15")])
    receiving.void_delivery(d2, "重复录入")
    assert CanteenDelivery.get_by_id(d2.id).voided
    assert "土豆" not in [r["item"] for r in food_store.stock()]
    assert receiving.deliveries_by_day(c.day, c.day)[c.day]["deliveries"] == 1


def test_month_end_count_ledger_and_difference_with_reason(food):
    c = food
    delivery(c, [line("大米", "100", "kg", use_by=dt.date(2027, 6, 1)), line("食用油", "20", "L",
                                                                           use_by=dt.date(2027, 6, 1))])
    food_store.issue(c.day, "lunch", [("大米", "30"), ("食用油", "2.5")])
    clock.freeze(at(dt.date(2026, 11, 30), 17, 0))
    sheet = {r["item"]: r for r in food_store.count_sheet("2026-11")}
    assert sheet["大米"]["book"] == Decimal("70") and sheet["食用油"]["book"] == Decimal("17.5")
    rice, oil = sheet["大米"]["item_id"], sheet["食用油"]["item_id"]
    with pytest.raises(ValidationError) as e:
        food_store.record_count("2026-11", {rice: "69", oil: "17.5"}, counted_by=c.cook)
    assert f"item{rice}" in e.value.errors and "why" in e.value.errors[f"item{rice}"]
    food_store.record_count("2026-11", {rice: "69", oil: "17.5"}, reasons={rice: "撒漏"}, counted_by=c.cook)
    acc = {r["item"]: r for r in food_store.month_account("2026-11")["rows"]}
    assert (acc["大米"]["open"], acc["大米"]["in"], acc["大米"]["out"], acc["大米"]["book"]) == (0, 100, 30, 70)
    assert acc["大米"]["difference"] == Decimal("-1") and acc["大米"]["reason"] == "撒漏"
    assert acc["大米"]["close"] == Decimal("69")
    clock.freeze(at(dt.date(2026, 12, 2), 9, 0))
    dec = {r["item"]: r for r in food_store.month_account("2026-12")["rows"]}
    assert dec["大米"]["open"] == Decimal("69")
    assert {r["item"]: r["stock"] for r in food_store.stock()}["大米"] == Decimal("69")
    with pytest.raises(RuleError):
        food_store.record_count("2026-11", {rice: "69", oil: "17.5"}, counted_by=c.cook)


def test_export_sheets_have_rows(food):
    delivery(food, [line()])
    food_store.issue(food.day, "lunch", [("大白菜", "5")])
    sheets = receiving.export_sheets(food.day, food.day)
    assert [len(rows) for _t, _h, rows in sheets] == [1, 2, 1]
    for _title, headers, rows in sheets:
        assert all(len(r) == len(headers) for r in rows)
