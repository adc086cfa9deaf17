"""The repair log's service: numbering, the status flow, deadlines, the asset's
status and compensation, inspections and the figures (no Qt)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from logistics_desk.core import audit, clock, settings
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import Asset, AssetDamage, AssetEvent
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import RepairTicket

D = _dt.datetime


def _ticket(school, **kw):
    values = {"reporter": school.teacher.id, "place": school.room.id, "category": "水电",
              "description": "水龙头漏水", "urgency": "minor"}
    values.update(kw)
    return rs.create_ticket(values)


def test_numbers_and_defaults(school):
    t1 = _ticket(school)
    t2 = _ticket(school, reporter=None, reporter_department=school.klass.id, reporter_name="张小明")
    assert (t1.number, t2.number) == ("WX-2026-0001", "WX-2026-0002")
    assert t1.reporter_name == "王老师" and t1.contact == "13900000001"
    assert rs.reporter_text(t2) == "初一(3)班 张小明"
    assert t1.status == "reported" and t1.is_open
    assert t1.due_at == D(2026, 11, 2, 23, 59, 59)  # 小修不过夜
    assert [e.action for e in audit.history("repair_ticket", t1.id)] == ["create"]
    assert rs.find_ticket("wx-2026-0002").id == t2.id
    assert rs.find_ticket(str(t1.id)).id == t1.id


def test_validation_names_the_fields(school):
    with pytest.raises(ValidationError) as exc:
        rs.create_ticket({"urgency": "whenever", "asset": "NO-SUCH"})
    assert {"reporter_name", "place", "category", "description", "urgency", "asset"} <= set(exc.value.errors)


def test_deadlines_follow_the_settings(school):
    urgent = _ticket(school, urgency="urgent")
    major = _ticket(school, urgency="major")
    assert urgent.due_at == D(2026, 11, 2, 11, 0)
    assert major.due_at == D(2026, 11, 5, 23, 59, 59)  # 大修不过三
    settings.set("repairs.urgent_hours", 1)
    assert _ticket(school, urgency="urgent").due_at == D(2026, 11, 2, 10, 0)
    # changing the urgency moves the deadline
    rs.update_ticket(major, {"urgency": "urgent"})
    assert RepairTicket.get_by_id(major.id).due_at == D(2026, 11, 2, 10, 0)


def test_overdue_with_an_injected_clock(school):
    t = _ticket(school, urgency="urgent")
    assert rs.overdue_count() == 0
    clock.freeze(D(2026, 11, 2, 11, 1))
    assert rs.overdue_count() == 1
    assert rs.is_overdue(RepairTicket.get_by_id(t.id))
    rows = rs.TicketSource().fetch({"status": "overdue"}, 0, 50, None, False)
    assert [r["number"] for r in rows] == [t.number] and rows[0]["overdue"]
    assert "overdue" in rows[0]["deadline_text"]


def test_full_flow_and_the_asset(school):
    t = _ticket(school, asset=school.projector.number, place=None, category="电教设备", description="投影仪不亮")
    assert t.place_id == school.room.id  # from the asset
    assert Asset.get_by_id(school.projector.id).status == "repair"
    with pytest.raises(RuleError):
        rs.accept(t, accepted_by="王老师")
    rs.assign(t, assignee=school.worker.id)
    rs.start(t)
    rs.wait_for_parts(t, "灯泡")
    assert RepairTicket.get_by_id(t.id).status == "waiting_parts"
    clock.freeze(D(2026, 11, 2, 15, 30))
    t = rs.complete(t, work_done="更换灯泡", cause="wear", labour_cost="50",
                    parts=[{"name": "投影仪灯泡", "quantity": 1, "unit_cost": "320.50"}, {"name": ""}])
    assert t.status == "done" and t.total_cost == Decimal("370.50") and t.parts_cost == Decimal("320.50")
    assert [p.name for p in rs.parts_of(t)] == ["投影仪灯泡"]
    assert Asset.get_by_id(school.projector.id).status == "in_use"
    kinds = [e.kind for e in AssetEvent.select().where(AssetEvent.asset == school.projector.id)]
    assert kinds.count("repair") == 2
    with pytest.raises(ValidationError):
        rs.accept(t, accepted_by="王老师", satisfied=False)
    t = rs.accept(t, accepted_by="王老师", satisfied=True, comment="好了")
    assert t.status == "accepted" and not t.is_open and t.satisfied
    with pytest.raises(RuleError):
        rs.cancel(t, "不要了")
    actions = [e.action for e in audit.history("repair_ticket", t.id)]
    assert actions[0] == "create" and "assign" in actions and "done" in actions and actions[-1] == "accept"
    assert audit.verify_chain() == []


def test_transitions_are_validated(school):
    t = _ticket(school)
    with pytest.raises(RuleError):
        rs.wait_for_parts(t)  # reported -> waiting_parts skips the assignment
    with pytest.raises(ValidationError) as exc:
        rs.complete(t, work_done="", cause="bad")
    assert {"work_done", "assignee", "cause"} <= set(exc.value.errors)
    with pytest.raises(ValidationError):
        rs.cancel(t, " ")
    t = rs.cancel(t, "重复报修")
    assert t.status == "cancelled" and t.cancel_reason == "重复报修"
    with pytest.raises(RuleError):
        rs.start(t)


def test_cancel_and_reopen_give_the_asset_back(school):
    a = _ticket(school, asset=school.projector.id)
    b = _ticket(school, asset=school.projector.id)
    rs.cancel(a, "误报")
    assert Asset.get_by_id(school.projector.id).status == "repair"  # b still open
    rs.complete(b, work_done="紧固", cause="wear", assignee=school.worker.id)
    assert Asset.get_by_id(school.projector.id).status == "in_use"
    rs.reopen(b, "又坏了")
    assert Asset.get_by_id(school.projector.id).status == "repair"


def test_damage_applies_the_compensation_rule(school):
    t = _ticket(school, asset=school.projector.number, category="电教设备", description="投影仪被砸坏")
    with pytest.raises(ValidationError) as exc:
        rs.complete(t, work_done="更换", cause="deliberate", assignee=school.worker.id)
    assert "responsible_name" in exc.value.errors and "discipline_note" in exc.value.errors
    assert RepairTicket.get_by_id(t.id).status == "reported"  # nothing half-saved
    t = rs.complete(t, work_done="更换镜头", cause="deliberate", assignee=school.worker.id,
                    parts=[{"name": "镜头", "quantity": 1, "unit_cost": "420"}], labour_cost="30",
                    responsible_name="赵小刚", discipline_note="警告处分")
    # issue 14 finding 13: double the repair's cost (450), not double the projector's price (6,000)
    assert t.compensation == Decimal("900.00")
    damage = AssetDamage.get_by_id(t.damage_id)
    assert (damage.ref_table, damage.ref_id, damage.responsible_name) == ("repair_ticket", t.id, "赵小刚")
    assert (damage.price_basis, damage.base_value, damage.compensation) == (
        "repair_cost", Decimal("450.00"), Decimal("900.00"))
    assert t.damage_doc == damage.doc_no
    with pytest.raises(RuleError):
        rs.set_cause(t, "wear")
    # accidental damage without an asset: the amount is entered by hand
    u = _ticket(school, description="玻璃打碎", category="门窗")
    u = rs.complete(u, work_done="换玻璃", cause="accidental", assignee=school.worker.id,
                    responsible_name="钱小红", compensation="80")
    assert u.compensation == Decimal("80.00") and u.damage_id is None


def test_disposed_asset_cannot_be_reported(school):
    assets.write_off(school.old, reason="坏", approver="校长", method="scrap")
    with pytest.raises(ValidationError) as exc:
        _ticket(school, asset=school.old.number)
    assert "asset" in exc.value.errors


def test_list_filters_search_and_order(school):
    a = _ticket(school, urgency="major", description="墙皮脱落", category="房屋建筑")
    b = _ticket(school, urgency="urgent", description="电线裸露", place=school.lab_room.id)
    c = _ticket(school, description="门锁坏了", category="门窗", reporter_name="李四", reporter=None)
    rs.complete(c, work_done="换锁", cause="wear", supplier=school.firm.id)
    src = rs.TicketSource()
    order = [r["number"] for r in src.fetch({}, 0, 10, None, False)]
    assert order == [b.number, a.number, c.number]  # open by deadline, then closed
    assert [r["number"] for r in src.fetch({}, 1, 1, None, False)] == [a.number]
    assert [r["number"] for r in src.fetch({}, 2, 5, None, False)] == [c.number]
    assert src.count({"text": "电线"}) == 1
    assert src.count({"text": "实验楼"}) == 1
    assert src.count({"status": "open"}) == 2
    assert src.count({"place": school.building.id}) == 2
    assert src.count({"category": rs.find_category("门窗").id}) == 1
    assert src.count({"assignee": f"s:{school.firm.id}"}) == 1
    assert src.count({"date_from": _dt.date(2026, 11, 3)}) == 0
    assert src.count({"date_from": _dt.date(2026, 11, 2), "date_to": _dt.date(2026, 11, 2)}) == 3
    row = src.fetch({"text": "门锁"}, 0, 1, "reported_at", True)[0]
    assert row["assignee_text"] == "城区水电维修服务部" and row["status_label"] == "Done"


def test_figures_against_hand_computed_values(school):
    """Six tickets in November 2026, computed by hand below."""
    at = D(2026, 11, 2, 8, 0)

    def make(when, urgency, category, place, done_after_h=None, cost="0", asset=None):
        clock.freeze(when)
        t = _ticket(school, urgency=urgency, category=category, place=place, asset=asset)
        if done_after_h is not None:
            clock.freeze(when + _dt.timedelta(hours=done_after_h))
            t = rs.complete(t, work_done="修好", cause="wear", assignee=school.worker.id, labour_cost=cost)
        return t

    make(at, "urgent", "水电", school.room.id, 1, "10")          # on time (2 h)
    make(at, "urgent", "水电", school.room.id, 3, "20")          # late
    make(at, "minor", "门窗", school.room.id, 8, "30")           # on time (same day)
    make(at, "major", "门窗", school.lab_room.id, 80, "100")     # 8:00 + 80 h = 11-05 16:00, on time
    make(at, "major", "电教设备", school.lab_room.id)             # open
    t6 = make(at, "minor", "其他", school.room2.id)               # cancelled
    clock.freeze(D(2026, 11, 3, 9, 0))
    rs.cancel(t6, "重复")
    clock.freeze(D(2026, 12, 1, 8, 0))
    make(D(2026, 12, 1, 8, 0), "minor", "水电", school.room.id, 1, "999")  # December: outside
    clock.freeze(D(2026, 12, 1, 9, 0))
    f = rs.figures(_dt.date(2026, 11, 1), _dt.date(2026, 11, 30))
    t = f["total"]
    assert (t["reported"], t["done"], t["on_time"], t["open"], t["overdue"]) == (5, 4, 3, 1, 1)
    assert f["cancelled"] == 1
    assert t["avg_hours"] == pytest.approx((1 + 3 + 8 + 80) / 4)  # 23.0
    assert t["median_hours"] == pytest.approx((3 + 8) / 2)  # 5.5
    assert t["cost"] == Decimal("160.00")
    urg = dict(f["by_urgency"])
    assert (urg["urgent"]["done"], urg["urgent"]["on_time"]) == (2, 1)
    assert (urg["minor"]["reported"], urg["minor"]["on_time"]) == (1, 1)
    assert (urg["major"]["reported"], urg["major"]["done"], urg["major"]["on_time"]) == (2, 1, 1)
    cat = dict(f["by_category"])
    assert cat["水电"]["cost"] == Decimal("30.00") and cat["门窗"]["reported"] == 2
    place = dict(f["by_place"])
    assert (place["教学楼"]["reported"], place["实验楼"]["reported"]) == (3, 2)
    # three tickets at 教学楼 301, but two water faults and one door: no fault repeated three times there
    assert f["repeat_places"] == []


def test_asset_repair_stats(school):
    clock.freeze(D(2026, 11, 2, 9, 0))
    for cost in ("100", "50"):
        t = _ticket(school, asset=school.projector.id)
        rs.complete(t, work_done="修", cause="wear", assignee=school.worker.id, labour_cost=cost)
    x = _ticket(school, asset=school.projector.id)
    rs.cancel(x, "误报")
    stats = rs.asset_repair_stats(school.projector)
    assert stats["count"] == 2 and stats["total_cost"] == Decimal("150.00") and stats["failed_early"]
    old = rs.asset_repair_stats(school.old)
    assert old["count"] == 0 and not old["failed_early"]
    t = _ticket(school, asset=school.old.id)
    assert not rs.asset_repair_stats(school.old)["failed_early"]  # bought 2020, no warranty
    # three tickets on one asset make a repeat fault
    _ticket(school, asset=school.projector.id)
    f = rs.figures(_dt.date(2026, 11, 1), _dt.date(2026, 11, 30))
    assert [a["number"] for a in f["repeat_assets"]] == [school.projector.number]
    assert t.id


def test_inspection_opens_tickets_for_failed_items(school):
    cl = rs.save_checklist({"name": "每周燃气检查", "schedule": "weekly", "items": ["阀门", "管道", "报警器"],
                            "places": [school.room.id, school.lab_room.id], "category": "水电",
                            "starts_on": _dt.date(2026, 10, 26)})
    items = rs.checklist_items(cl)
    with pytest.raises(ValidationError):
        rs.run_inspection(cl, [{"item": i.id, "ok": True} for i in items], inspector_name="李师傅")  # no place
    with pytest.raises(ValidationError):
        rs.run_inspection(cl, [{"item": items[0].id, "ok": False}], place=school.room.id, inspector_name="李师傅")
    insp = rs.run_inspection(cl, [{"item": items[0].id, "ok": True},
                                  {"item": items[1].id, "ok": False, "note": "接口锈蚀", "urgency": "urgent"},
                                  {"item": items[2].id, "ok": False, "note": "不响"}],
                             place=school.room.id, inspector=school.worker.id)
    assert insp.number == "XJ-2026-0001" and insp.problems == 2
    opened = list(RepairTicket.select().where(RepairTicket.ref_table == "inspection").order_by(RepairTicket.id))
    assert [t.description for t in opened] == ["管道：接口锈蚀", "报警器：不响"]
    assert opened[0].urgency == "urgent" and opened[0].source == "inspection"
    assert opened[0].place_id == school.room.id and opened[0].category.name == "水电"
    ledger = rs.inspections(_dt.date(2026, 11, 1), _dt.date(2026, 11, 30))
    assert len(ledger) == 1 and "接口锈蚀" in ledger[0]["findings"] and opened[0].number in ledger[0]["findings"]
    # week of 10-26 is over and nothing was done there; the week of 11-02 is running
    missed = rs.missed_checks(_dt.date(2026, 10, 26), _dt.date(2026, 11, 8))
    assert [(m["period"], m["place"]) for m in missed] == [
        ("week of 2026-10-26", "实验楼 101物理实验室"), ("week of 2026-10-26", "教学楼 301")]
    due = rs.due_now()
    assert [m["place"] for m in due] == ["实验楼 101物理实验室"]
    # editing the checklist keeps old results' texts
    rs.save_checklist({"items": ["阀门", "管道和软管"]}, cl)
    assert [i.text for i in rs.checklist_items(cl)] == ["阀门", "管道和软管"]
    assert "管道" in rs.inspections(_dt.date(2026, 11, 1), _dt.date(2026, 11, 30))[0]["findings"]


def test_categories_are_editable(school):
    assert [c.name for c in rs.categories()] == ["水电", "门窗", "课桌椅", "电教设备", "网络", "房屋建筑", "其他"]
    c = rs.save_category("消防")
    with pytest.raises(ValidationError):
        rs.save_category("水电")
    rs.set_category_active(c, False)
    assert "消防" not in [x.name for x in rs.categories()]
