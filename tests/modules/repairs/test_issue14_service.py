"""Issue 14, repairs findings 9-14, as service rules (no Qt): acceptance never by the worker,
notes on normal items kept, whole-school findings at their place, the category and phone that
follow the asset and the person, how a report came in, compensation from the repair's cost,
the overdue list's order and the repair workers first."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from logistics_desk.core import clock, masterdata
from logistics_desk.core.errors import ValidationError
from logistics_desk.core.masterdata import Department, Person, Supplier
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import AssetDamage, AssetEvent
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import InspectionResult, RepairTicket

D = _dt.datetime


def _ticket(school, **kw):
    values = {"reporter": school.teacher.id, "place": school.room.id, "category": "水电",
              "description": "水龙头漏水", "urgency": "minor"}
    values.update(kw)
    return rs.create_ticket(values)


def _asset(name: str, code: str, price: str, place) -> object:
    return assets.register({"name": name, "category": masterdata.find_category(code).id, "unit_price": price,
                            "quantity": 1, "acquired_on": _dt.date(2025, 9, 1), "place": place.id})[0]


# --- 9: the repairer cannot accept their own repair --------------------------------

def test_the_worker_cannot_accept_their_own_repair(school):
    t = _ticket(school)
    rs.assign(t, assignee=school.worker.id)
    rs.complete(t, work_done="换阀门", cause="wear")
    for name in ("李师傅", " 李师傅 ", "李师傅（总务处）"):
        with pytest.raises(ValidationError) as exc:
            rs.accept(t, accepted_by=name)
        message = exc.value.errors["accepted_by"]
        assert "李师傅" in message and "王老师" in message  # says why, and who may accept
    assert RepairTicket.get_by_id(t.id).status == "done"
    t = rs.accept(t, accepted_by="王老师")
    assert (t.status, t.accepted_by) == ("accepted", "王老师")


def test_a_firm_cannot_accept_its_own_repair_nor_a_worker_who_reported_it(school):
    school.firm.contact = "赵经理"
    school.firm.save()
    t = _ticket(school)
    rs.complete(t, work_done="换水管", cause="wear", supplier=school.firm.id)
    for name in ("城区水电维修服务部", "赵经理"):
        with pytest.raises(ValidationError):
            rs.accept(t, accepted_by=name)
    assert rs.accept(t, accepted_by="王老师").status == "accepted"
    # the worker reported it himself: another named person accepts
    own = _ticket(school, reporter=school.worker.id)
    rs.complete(own, work_done="紧固", cause="wear", assignee=school.worker.id)
    with pytest.raises(ValidationError) as exc:
        rs.accept(own, accepted_by="李师傅")
    assert "another named person" in exc.value.errors["accepted_by"]
    assert rs.accept(own, accepted_by="总务主任 陈主任").status == "accepted"


# --- 10: a note on an item left at 正常 is never lost ------------------------------

def test_a_note_on_a_normal_item_is_kept_and_shown_in_the_ledger(school):
    cl = rs.save_checklist({"name": "每日巡视", "schedule": "daily", "items": ["照明", "扶手"],
                            "places": [school.room.id]})
    items = rs.checklist_items(cl)
    insp = rs.run_inspection(cl, [{"item": items[0].id, "ok": True, "note": "一支灯管发暗"},
                                  {"item": items[1].id, "ok": True}], place=school.room.id,
                             inspector_name="张老师")
    res = InspectionResult.get((InspectionResult.inspection == insp) & (InspectionResult.sort_order == 0))
    assert (res.ok, res.note, res.ticket_id) == (True, "一支灯管发暗", None)
    assert insp.problems == 0 and not RepairTicket.select().exists()
    ledger = rs.inspections(_dt.date(2026, 11, 2), _dt.date(2026, 11, 2))
    assert "照明: 一支灯管发暗 (normal)" in ledger[0]["findings"]  # (the English interface)


# --- 11: a whole-school inspection's ticket is at the place of the finding -------

def test_a_whole_school_finding_carries_its_place_and_counts_in_its_building(school):
    cl = rs.save_checklist({"name": "每日校园巡视", "schedule": "daily", "items": ["校门", "楼梯扶手", "照明"],
                            "category": "其他"})
    items = rs.checklist_items(cl)
    results = [{"item": items[0].id, "ok": True},
               {"item": items[1].id, "ok": False, "note": "扶手松动"},
               {"item": items[2].id, "ok": True}]
    with pytest.raises(ValidationError) as exc:  # where? (it was the first building before)
        rs.run_inspection(cl, results, inspector_name="张老师")
    assert "楼梯扶手" in exc.value.errors["results"]
    results[1]["place"] = school.lab_room.id
    insp = rs.run_inspection(cl, results, inspector_name="张老师")
    t = RepairTicket.get(RepairTicket.ref_id == insp.id)
    assert t.place_id == school.lab_room.id and t.source == "inspection"
    assert "@实验楼 101物理实验室" in rs.inspections(_dt.date(2026, 11, 2), _dt.date(2026, 11, 2))[0]["findings"]
    f = rs.figures(_dt.date(2026, 11, 1), _dt.date(2026, 11, 30))
    assert [(name, s["reported"]) for name, s in f["by_place"]] == [("实验楼", 1)]


# --- 12: the category follows the asset, the phone the person, how it came in ----

def test_the_category_follows_the_asset(school):
    printer = _asset("激光打印机", "BGSB", "1800", school.room)
    cases = {printer: "电教设备", school.projector: "电教设备",
             _asset("挂式空调", "DQ", "2800", school.room): "水电",
             _asset("网络交换机", "TX", "3000", school.room): "网络",
             _asset("学生课桌椅", "JJ", "260", school.room): "课桌椅",
             _asset("数字示波器", "YQ", "5050", school.lab_room): "其他"}
    assert {a.name: rs.category_for_asset(a).name for a in cases} == {a.name: c for a, c in cases.items()}
    # the ticket's category, when none is chosen, is the asset's
    t = rs.create_ticket(reporter=school.teacher.id, asset=printer.number, description="卡纸")
    assert t.category.name == "电教设备" and t.place_id == school.room.id
    # a category the school stopped using is passed over
    rs.set_category_active(rs.find_category("电教设备"), False)
    assert rs.category_for_asset(printer).name == "其他"


def test_the_phone_follows_the_person(school):
    other = masterdata.save(Person, {"name": "赵老师", "phone": "13700000002"})
    t = _ticket(school)
    assert t.contact == "13900000001"
    t = rs.update_ticket(t, {"reporter": other.id, "reporter_name": "赵老师", "contact": t.contact})
    assert t.contact == "13700000002"  # not the first reporter's number
    t = rs.update_ticket(t, {"reporter": school.teacher.id, "reporter_name": "王老师", "contact": "8801234"})
    assert t.contact == "8801234"  # a number typed by hand stays


def test_a_ticket_records_how_the_report_came_in(school):
    t = _ticket(school, reported_via="phone")
    assert RepairTicket.get_by_id(t.id).reported_via == "phone" and rs.channel_label("phone") == "Phone"
    with pytest.raises(ValidationError) as exc:  # the desk's form asks
        _ticket(school, reported_via="")
    assert "reported_via" in exc.value.errors
    with pytest.raises(ValidationError):
        _ticket(school, reported_via="carrier pigeon")
    assert _ticket(school).reported_via is None  # another module's ticket need not say
    rows = rs.TicketSource().fetch({}, 0, 10, "number", False)
    assert [r["channel_label"] for r in rows] == ["Phone", ""]


# --- 13: compensation follows the repair's cost ------------------------------------

def test_compensation_follows_the_repair_cost_not_the_asset_price(school):
    scope = _asset("数字示波器", "YQ", "5050", school.lab_room)
    t = rs.create_ticket(reporter=school.teacher.id, asset=scope.number, description="旋钮被掰断")
    t = rs.complete(t, work_done="更换旋钮和编码器", cause="accidental", assignee=school.worker.id,
                    parts=[{"name": "编码器", "quantity": 1, "unit_cost": "85"},
                           {"name": "旋钮", "quantity": 2, "unit_cost": "7.50"}], labour_cost="20",
                    responsible_name="周小明")
    assert t.total_cost == Decimal("120.00")
    assert t.compensation == Decimal("120.00")  # not 5,050.00
    damage = AssetDamage.get_by_id(t.damage_id)
    assert (damage.price_basis, damage.base_value, damage.compensation) == (
        "repair_cost", Decimal("120.00"), Decimal("120.00"))
    event = AssetEvent.get((AssetEvent.asset == scope.id) & (AssetEvent.kind == "damage"))
    assert "120.00" in event.summary and "5,050" not in event.summary

    # deliberate damage, the cause recorded before the repair: double the cost once it is known
    u = rs.create_ticket(reporter=school.teacher.id, asset=scope.number, description="屏幕被砸")
    u = rs.set_cause(u, "deliberate", responsible_name="吴小强", discipline_note="警告")
    assert u.compensation == Decimal("0.00") and u.damage_id is None
    u = rs.complete(u, work_done="更换屏幕", cause="deliberate", assignee=school.worker.id,
                    parts=[{"name": "屏幕", "quantity": 1, "unit_cost": "300"}],
                    responsible_name="吴小强", discipline_note="警告")
    assert u.compensation == Decimal("600.00") and AssetDamage.get_by_id(u.damage_id).compensation == 600

    # no asset: the same rule unless an amount was typed
    v = _ticket(school, description="玻璃被打碎", category="门窗")
    v = rs.complete(v, work_done="换玻璃", cause="deliberate", assignee=school.worker.id, labour_cost="45",
                    responsible_name="钱小红", discipline_note="批评教育")
    assert v.compensation == Decimal("90.00")
    assert rs.compensation_for_repair("wear", 100) == 0 and rs.compensation_for_repair("accidental", "12.5") == 12.5


def test_damage_without_the_names_shows_every_mistake_at_once(school):
    t = _ticket(school)
    with pytest.raises(ValidationError) as exc:
        rs.complete(t, work_done="", cause="deliberate", assignee=school.worker.id)
    assert {"work_done", "responsible_name", "discipline_note"} <= set(exc.value.errors)


# --- 14: the overdue list's order; the repair workers first ------------------------

def test_the_overdue_list_puts_urgent_and_unassigned_first(school):
    clock.freeze(D(2026, 11, 2, 8, 0))
    minor_assigned = _ticket(school, description="a")  # due 11-02 23:59
    rs.assign(minor_assigned, assignee=school.worker.id)
    clock.freeze(D(2026, 11, 2, 8, 30))
    minor_unassigned = _ticket(school, description="b")  # due 11-02 23:59, later id
    clock.freeze(D(2026, 11, 2, 9, 0))
    urgent_assigned = _ticket(school, urgency="urgent", description="c")  # due 11:00
    rs.assign(urgent_assigned, assignee=school.worker.id)
    clock.freeze(D(2026, 11, 2, 10, 0))
    urgent_unassigned = _ticket(school, urgency="urgent", description="d")  # due 12:00
    clock.freeze(D(2026, 11, 3, 9, 0))
    rows = rs.TicketSource().fetch({"status": "overdue"}, 0, 50, None, False)
    assert [r["description"] for r in rows] == ["d", "c", "b", "a"]
    assert {r["number"] for r in rows} == {t.number for t in (minor_assigned, minor_unassigned, urgent_assigned,
                                                               urgent_unassigned)}
    # the open list stays in deadline order
    rows = rs.TicketSource().fetch({"status": "open"}, 0, 50, None, False)
    assert [r["description"] for r in rows] == ["c", "d", "a", "b"]


def test_the_repair_workers_come_first(school):
    office = Department.get(Department.name == "总务处")
    electrician = masterdata.save(Person, {"name": "阿电工", "title": "水电工"})
    busy = masterdata.save(Person, {"name": "钱老师"})
    masterdata.save(Person, {"name": "孙老师", "title": "教师"})
    other_firm = masterdata.save(Supplier, {"name": "晨光文具股份有限公司"})
    did_repairs = masterdata.save(Supplier, {"name": "格力空调特约站"})
    for _ in range(2):
        rs.assign(_ticket(school), assignee=busy.id)
    rs.assign(_ticket(school), supplier=did_repairs.id)
    workers, firms, others, other_firms = rs.assignee_choices()
    assert [p.name for p in workers] == ["钱老师", "李师傅", "阿电工"]  # the busiest, then by trade
    assert school.worker.department_id == office.id
    assert [f.name for f in firms] == ["格力空调特约站", "城区水电维修服务部"]
    assert {p.name for p in others} == {"王老师", "孙老师"} and electrician not in others
    assert [f.name for f in other_firms] == [other_firm.name]
