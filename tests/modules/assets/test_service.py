"""The asset register's rules, without Qt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from logistics_desk.core import audit, clock, settings
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets.models import Asset, AssetDisposal, AssetEvent, AssetLoan

# --- validation and numbering -------------------------------------------------------

def test_register_checks_every_field(world):
    with pytest.raises(ValidationError) as err:
        service.register({"name": " ", "category": None, "quantity": "abc", "unit_price": "-5",
                          "acquired_on": dt.date(2027, 1, 1), "number": "资产-1"})
    e = err.value.errors
    assert e["name"] == "This field is required."
    assert e["category"] == "Choose a category."
    assert e["quantity"] == "Enter a whole number of at least 1."
    assert e["unit_price"].startswith("Enter an amount of money")
    assert e["acquired_on"] == "The acquisition date cannot be in the future."
    assert "scanner" in e["number"]
    assert Asset.select().count() == 0


def test_numbers_follow_the_pattern_and_stay_unique(make_asset, world):
    a = make_asset(acquired_on=dt.date(2026, 2, 1))
    assert a.number == "2026-JSJ-00001"
    batch = make_asset(acquired_on=dt.date(2026, 2, 1), copies=3)
    assert [x.number for x in batch] == ["2026-JSJ-00002", "2026-JSJ-00003", "2026-JSJ-00004"]
    assert all(x.number.isascii() for x in batch)
    desks = make_asset(name="课桌", category=world["cats"]["JJ"].id, acquired_on=dt.date(2024, 9, 1))
    assert desks.number == "2024-JJ-00001"
    with pytest.raises(ValidationError) as err:
        make_asset(number="2026-JSJ-00003")
    assert err.value.errors["number"] == "Asset number 2026-JSJ-00003 already exists."
    settings.set("assets.number_pattern", "{code}{year}{seq:04d}")
    assert make_asset(acquired_on=dt.date(2026, 1, 5)).number == "JSJ20260005"


def test_batch_line_amount_and_low_value(make_asset, world):
    desks = make_asset(name="学生课桌椅", category=world["cats"]["JJ"].id, quantity=50, unit_price="180", unit="套")
    assert desks.amount == Decimal("9000.00")
    assert desks.low_value  # 180 < 1000
    pc = make_asset(unit_price="4,200.00")
    assert pc.amount == Decimal("4200.00") and not pc.low_value


def test_edit_records_each_field(make_asset, world):
    a = make_asset()
    service.update(a, {"name": "教师用计算机", "unit_price": "4300"})
    events = service.history(a)
    assert [e.kind for e in events] == ["register", "edit"]
    assert "Name: 台式计算机 → 教师用计算机" in audit.shown(events[1].summary)
    fields = {e.field for e in audit.history("asset", a.id) if e.action == "update"}
    assert {"name", "unit_price", "amount"} <= fields


# --- depreciation ---------------------------------------------------------------------

def test_net_book_value_by_hand(make_asset, world):
    pc = make_asset(unit_price="7200", acquired_on=dt.date(2024, 3, 15))
    # computers: 6 years = 72 months; March 2024 .. February 2026 = 24 months
    assert service.months_depreciated(pc.acquired_on, dt.date(2026, 2, 10)) == 24
    assert service.net_book_value(pc, dt.date(2026, 2, 10)) == Decimal("4800.00")
    assert service.accumulated_depreciation(pc, dt.date(2026, 2, 10)) == Decimal("2400.00")
    # fully depreciated after the life, never negative
    assert service.net_book_value(pc, dt.date(2031, 1, 1)) == Decimal("0.00")
    # furniture: 15 years = 180 months; 3 sets × 1800 = 5400, 10 months → 5400 − 300 = 5100
    cab = make_asset(name="文件柜", category=world["cats"]["JJ"].id, unit_price="1800", quantity=3,
                     acquired_on=dt.date(2025, 6, 1))
    assert service.net_book_value(cab, dt.date(2026, 3, 31)) == Decimal("5100.00")
    books = make_asset(name="图书", category=world["cats"]["TS"].id, unit_price="3000")
    assert service.net_book_value(books) is None  # books are not depreciated
    cheap = make_asset(name="鼠标", unit_price="80")
    assert service.net_book_value(cheap) is None  # low-value item


# --- damage -------------------------------------------------------------------------

def test_compensation_rules(make_asset, world):
    pc = make_asset(unit_price="4000", acquired_on=dt.date(2024, 3, 1))
    assert service.compensation_for(pc, "natural") == ("original", Decimal("4000.00"), Decimal("0.00"))
    assert service.compensation_for(pc, "accidental")[2] == Decimal("4000.00")
    assert service.compensation_for(pc, "deliberate")[2] == Decimal("8000.00")
    settings.set("assets.compensation_basis", "net_book_value")
    # March 2024 .. March 2026 = 25 of 72 months: 4000 × 47/72 = 2611.11
    basis, base, comp = service.compensation_for(pc, "deliberate", on=dt.date(2026, 3, 10))
    assert basis == "net_book_value" and base == Decimal("2611.11") and comp == Decimal("5222.22")


def test_deliberate_damage_needs_a_person_and_a_discipline_note(make_asset):
    pc = make_asset(unit_price="4000")
    with pytest.raises(ValidationError) as err:
        service.report_damage(pc, cause="deliberate", description="屏幕砸坏")
    assert set(err.value.errors) == {"responsible_name", "discipline_note"}
    d = service.report_damage(pc, cause="deliberate", description="屏幕砸坏", responsible_name="王小明",
                              discipline_note="警告处分", new_status="repair")
    assert d.compensation == Decimal("8000.00")
    assert Asset.get_by_id(pc.id).status == "repair"
    assert "王小明 pays 8,000.00" in audit.shown(service.history(pc)[-1].summary)


# --- loans -----------------------------------------------------------------------------

def test_loans_and_the_overdue_list(make_asset, world):
    pc = make_asset()
    loan = service.lend(pc, borrower_name="李娜", due_on=dt.date(2026, 3, 12))
    assert Asset.get_by_id(pc.id).status == "lent"
    with pytest.raises(RuleError):
        service.lend(pc, borrower_name="张伟", due_on=dt.date(2026, 3, 20))
    assert service.overdue_loan_rows() == []
    clock.freeze(dt.datetime(2026, 3, 20, 8, 0))
    rows = service.overdue_loan_rows()
    assert [(r["number"], r["borrower_name"], r["overdue_days"]) for r in rows] == [(pc.number, "李娜", 8)]
    assert service.AssetQuery().count({"status": "overdue"}) == 1
    service.take_back(pc, note="完好")
    assert Asset.get_by_id(pc.id).status == "in_use"
    assert AssetLoan.get_by_id(loan.id).returned_on == dt.date(2026, 3, 20)
    assert "(8 days late)" in audit.shown(service.history(pc)[-1].summary)
    assert service.overdue_loan_rows() == []


# --- write-off -------------------------------------------------------------------------

def test_write_off_keeps_the_record(make_asset, world):
    pc = make_asset(unit_price="6000", acquired_on=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError) as err:
        service.write_off(pc, reason="", approver="", method="scrap")
    assert set(err.value.errors) == {"reason", "approver"}
    d = service.write_off(pc, reason="主板损坏，无维修价值", approver="张建国", method="scrap")
    kept = Asset.get_by_id(pc.id)
    assert kept.status == "disposed"
    assert AssetDisposal.get_by_id(d.id).net_value == Decimal("0.00")  # 6 years are over
    assert service.history(pc)[-1].kind == "writeoff"
    assert service.AssetQuery().count({"status": "disposed"}) == 1
    assert service.AssetQuery().count({"status": "active"}) == 0
    with pytest.raises(RuleError):
        service.write_off(pc, reason="x", approver="y", method="scrap")
    with pytest.raises(RuleError):
        service.transfer(pc, place=world["office"].id, reason="x")


def test_transfer_changes_place_and_custodian(make_asset, world):
    pc = make_asset()
    t = service.transfer(pc, place=world["office"].id, custodian=world["li"].id, reason="部门调整",
                         on=dt.date(2026, 3, 1))
    pc = Asset.get_by_id(pc.id)
    assert pc.place_id == world["office"].id and pc.custodian_id == world["li"].id
    assert t.from_place_id == world["r301"].id and t.doc_no == "DB-2026-0001"
    summary = audit.shown(service.history(pc)[-1].summary)
    assert "教学楼 301 → 行政楼 102总务处" in summary and "张伟 → 李娜" in summary


# --- the list query --------------------------------------------------------------------

def test_list_search_filters_and_sort(make_asset, world):
    a = make_asset(name="台式计算机", model_spec="启天M435")
    b = make_asset(name="投影仪", place=world["r302"].id, custodian=world["li"].id, unit_price="3500")
    c = make_asset(name="办公桌", category=world["cats"]["JJ"].id, place=world["office"].id,
                   department=world["cls"].id, unit_price="650")
    q = service.AssetQuery()
    assert q.count({}) == 3
    assert [r["id"] for r in q.fetch({"text": "启天"}, 0, 10)] == [a.id]
    assert {r["id"] for r in q.fetch({"text": "李娜"}, 0, 10)} == {b.id}  # custodian
    assert {r["id"] for r in q.fetch({"text": "302"}, 0, 10)} == {b.id}  # place
    assert {r["id"] for r in q.fetch({"text": "初一"}, 0, 10)} == {c.id}  # class
    assert {r["id"] for r in q.fetch({"text": "教学楼 张伟"}, 0, 10)} == {a.id}  # every word must match
    assert q.count({"text": "100%_"}) == 0  # wildcards are literal
    # a building includes its rooms; a top category includes its sub-categories
    assert q.count({"place": world["teach"].id}) == 2
    assert q.count({"place": world["r302"].id}) == 1
    assert q.count({"category": world["cats"]["SB"].id}) == 2
    assert q.count({"department": world["cls"].id}) == 1
    assert q.count({"status": "in_use"}) == 3
    by_price = [r["id"] for r in q.fetch({}, 0, 10, "unit_price", False)]
    assert by_price == [c.id, b.id, a.id]
    by_place_desc = [r["place"] for r in q.fetch({}, 0, 10, "place", True)]
    assert by_place_desc == ["行政楼 102总务处", "教学楼 302", "教学楼 301"]
    for key in service.SORT_COLUMNS:
        assert len(q.fetch({}, 0, 2, key, True)) == 2
    row = q.fetch({"ids": [a.id]}, 0, 1)[0]
    assert row["category"] == "计算机设备" and row["status_label"] == "In use" and row["custodian"] == "张伟"
    assert q.fetch({}, 1, 1)[0]["id"] == b.id  # newest first, paged


def test_register_many_is_audited_and_numbered(world):
    make = {"name": "显微镜", "category": world["cats"]["ZY"].id, "unit_price": Decimal("2600"), "quantity": 1,
            "acquired_on": dt.date(2025, 9, 1)}
    service.register({**make, "number": "2025-ZY-00002"})
    ids = service.register_many([dict(make) for _ in range(3)] + [{**make, "number": "X-1"}])
    numbers = [Asset.get_by_id(i).number for i in ids]
    assert numbers == ["2025-ZY-00001", "2025-ZY-00003", "2025-ZY-00004", "X-1"]
    assert audit.verify_chain() == []
    assert AssetEvent.select().where(AssetEvent.asset.in_(ids)).count() == 4
    creates = [e for e in audit.history("asset", ids[0]) if e.action == "create"]
    assert len(creates) == 1 and "显微镜" in creates[0].new_value


def test_register_many_cancelled_writes_nothing(world):
    from logistics_desk.core.tasks import Cancelled

    rows = [{"name": f"椅子{i}", "category": world["cats"]["JJ"].id, "unit_price": "100",
             "acquired_on": dt.date(2025, 1, 1)} for i in range(30)]
    with pytest.raises(Cancelled):
        service.register_many(rows, cancelled=lambda: True, batch=10)
    assert Asset.select().count() == 0
    assert audit.verify_chain() == []


def test_detail_shows_net_book_value(make_asset):
    pc = make_asset(unit_price="7200", acquired_on=dt.date(2024, 3, 15))
    d = service.asset_detail(pc.id, on=dt.date(2026, 2, 10))
    assert d["net_book_value"] == Decimal("4800.00") and d["useful_life_years"] == 6
    assert d["category_path"] == "设备 / 通用设备 / 计算机设备"


def test_a_disposed_asset_keeps_its_status_and_only_its_notes_change(make_asset):
    """Issue 13 item 10."""
    pc = make_asset()
    service.write_off(pc, reason="主板损坏", approver="张建国", method="scrap")
    pc = Asset.get_by_id(pc.id)
    with pytest.raises(ValidationError) as caught:
        service.update(pc, {"name": "旧电脑"})
    assert caught.value.errors["name"] == "A disposed asset cannot be changed; only its notes can be edited."
    with pytest.raises(ValidationError):
        service.update(pc, {"status": "in_use"})
    service.update(pc, {"note": "残值已回收"})
    pc = Asset.get_by_id(pc.id)
    assert pc.note == "残值已回收" and pc.status == "disposed" and pc.name == "台式计算机"


def test_search_words_together_and_a_place_named_filters_by_it(make_asset, world):
    """Issue 13 item 16: "教学楼 201" returned rows from many rooms (201 matched 2019-… numbers)."""
    a = make_asset(name="投影仪", place=world["r301"].id)
    b = make_asset(name="投影仪", place=world["r302"].id, serial_no="SN301-77", model_spec="301型")
    c = make_asset(name="讲台", place=world["office"].id, number="2019-301-X")
    q = service.AssetQuery()
    assert {r["id"] for r in q.fetch({"text": "301"}, 0, 10)} == {a.id, b.id, c.id}  # a word matches any field
    assert {r["id"] for r in q.fetch({"text": "教学楼 301"}, 0, 10)} == {a.id}  # names the room: its assets
    assert {r["id"] for r in q.fetch({"text": "教学楼301"}, 0, 10)} == {a.id}
    assert {r["id"] for r in q.fetch({"text": "投影仪 教学楼 302"}, 0, 10)} == {b.id}
    assert {r["id"] for r in q.fetch({"text": "行政楼"}, 0, 10)} == {c.id}  # a building: its rooms
    assert {r["id"] for r in q.fetch({"text": "投影仪 行政楼"}, 0, 10)} == set()


def test_the_change_record_reads_as_text(make_asset, world):
    """Issue 13 item 15: a registration showed raw JSON with internal field names and ids."""
    from logistics_desk.core.i18n import set_language

    pc = make_asset(name="台式计算机")
    created = service.change_record(pc)[0]
    text = created["new"]
    assert "Category: Computers" in text or "Category: " + world["cats"]["JSJ"].name in text
    assert "Place: 教学楼 301" in text and "Custodian: 张伟" in text and "Unit price: 4,200.00" in text
    assert "{" not in text and "category_id" not in text and '"' not in text and "created_at" not in text
    set_language("zh_CN")
    try:
        text = service.change_record(pc)[0]["new"]
        assert "分类：" + world["cats"]["JSJ"].name in text and "存放地点：教学楼 301" in text
    finally:
        set_language("en")
