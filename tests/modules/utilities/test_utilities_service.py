"""The utilities' rules, checked by hand on small data: consumption, multipliers, meter changes and rollovers,
bills against meters, and each flag (a jump on last year, a jump on the three months before, rest-day use, sub-meters
that do not add up), each opening a repair ticket in one step."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal as D

import pytest

from logistics_desk.core import audit, clock, integrity, masterdata
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.core.masterdata import Term
from logistics_desk.modules.utilities import service as us
from logistics_desk.modules.utilities.models import Flag, Reading


def test_consumption_is_the_difference_times_the_multiplier(plant):
    assert us.add_reading(plant.sub_t, _dt.date(2026, 9, 30), "1000").consumption is None  # the start
    r = us.add_reading(plant.sub_t, _dt.date(2026, 10, 31), "1012.5")
    assert r.consumption == D("1000.00")  # 12.5 × 80
    r2 = us.add_reading(plant.water, _dt.date(2026, 10, 31), "300")
    r3 = us.add_reading(plant.water, _dt.date(2026, 11, 30), "342")
    assert r2.consumption is None and r3.consumption == D("42.00")
    assert us.meter_month_use(plant.water, "2026-11") == D(42)
    # the change record holds every reading
    assert [e.action for e in audit.history("utility_reading", r3.id)] == ["create"]


def test_a_lower_reading_is_refused_unless_marked(plant):
    us.add_reading(plant.water, _dt.date(2026, 9, 30), "500")
    with pytest.raises(ValidationError) as exc:
        us.add_reading(plant.water, _dt.date(2026, 10, 31), "20")
    assert "lower than the last one" in str(exc.value)
    assert Reading.select().count() == 1
    # a change needs the new meter's start value
    with pytest.raises(ValidationError) as exc:
        us.add_reading(plant.water, _dt.date(2026, 10, 31), "20", kind="change")
    assert "start value" in str(exc.value)
    # old meter ended at 530, new one started at 5 and reads 20: 30 + 15
    r = us.add_reading(plant.water, _dt.date(2026, 10, 31), "20", kind="change", start_value="5", old_final="530")
    assert r.consumption == D("45.00")
    # a normal reading after the change compares with the new meter
    assert us.add_reading(plant.water, _dt.date(2026, 11, 30), "61").consumption == D("41.00")


def test_meter_change_on_a_transformer_meter_and_a_rollover(plant):
    us.add_reading(plant.sub_t, _dt.date(2026, 9, 30), "99990")
    # 99 990 -> 100 000 (10), then 0 -> 15: 25 × 80
    r = us.add_reading(plant.sub_t, _dt.date(2026, 10, 31), "15", kind="rollover")
    assert r.consumption == D("2000.00")
    # change without the old meter's final reading: what the new one counted from its start
    r = us.add_reading(plant.sub_t, _dt.date(2026, 11, 30), "7", kind="change", start_value="2")
    assert r.consumption == D("400.00")


def test_readings_in_a_round_are_all_or_nothing_and_void_recomputes(plant):
    day = _dt.date(2026, 10, 31)
    us.save_readings(_dt.date(2026, 9, 30), [{"meter": plant.water.id, "value": "100"},
                                             {"meter": plant.sub_d.id, "value": "50"}])
    with pytest.raises(ValidationError) as exc:
        us.save_readings(day, [{"meter": plant.water.id, "value": "130"}, {"meter": plant.sub_d.id, "value": "40"}])
    assert f"{plant.sub_d.id}:value" in exc.value.errors
    assert Reading.select().count() == 2  # nothing of the round was saved
    a, b = us.save_readings(day, [{"meter": plant.water.id, "value": "130"}, {"meter": plant.sub_d.id, "value": "60"}])
    c = us.add_reading(plant.water, _dt.date(2026, 11, 30), "150")
    assert c.consumption == D("20.00")
    us.void_reading(a, "看错了")
    c = Reading.get_by_id(c.id)
    assert c.consumption == D("50.00")  # 150 − 100
    assert Reading.get_by_id(a.id).voided and Reading.select().count() == 5  # voided, not deleted
    with pytest.raises(ValidationError):
        us.void_reading(b, " ")
    # an account without a meter takes no readings; a reading must come after the last
    with pytest.raises(ValidationError):
        us.add_reading(plant.phone, day, "1")
    with pytest.raises(ValidationError):
        us.add_reading(plant.water, _dt.date(2026, 10, 1), "200")


def test_bills_show_billed_against_metered(plant):
    us.add_reading(plant.main, _dt.date(2026, 9, 30), "1000")
    us.add_reading(plant.main, _dt.date(2026, 10, 31), "3000")
    bill = us.save_bill({"meter": plant.main.id, "month": "2026-10", "amount": "1300", "quantity": "2100"})
    assert bill.unit_price == D("0.6190")
    row = us.bills(year=2026)[0]
    assert row["metered"] == D(2000) and row["difference"] == D(100)
    with pytest.raises(ValidationError) as exc:
        us.save_bill({"meter": plant.main.id, "month": "2026-10", "amount": "1"})
    assert "already has a bill" in str(exc.value)
    with pytest.raises(ValidationError):
        us.save_bill({"meter": plant.sub_d.id, "month": "2026-10", "amount": "1"})  # a sub-meter has no bill
    phone = us.save_bill({"meter": plant.phone.id, "month": "2026-10", "amount": "120.5"})
    assert sorted(b["account"] for b in us.bills(unpaid=True)) == sorted(["总电表", "总务处电话"])
    us.pay_bill(phone, _dt.date(2026, 11, 5))
    assert len(us.bills(unpaid=True)) == 1
    us.void_bill(bill, "重复录入")
    assert all(b["id"] != bill.id for b in us.bills(year=2026))
    assert [b["void_reason"] for b in us.bills(year=2026, include_voided=True) if b["voided"]] == ["重复录入"]


def _monthly(meter, values: dict[str, int]):
    for month, value in values.items():
        _first, last = us.month_bounds(month)
        us.add_reading(meter, last, str(value))


def test_flag_jump_on_last_year_and_on_the_three_months_before(plant):
    clock.freeze(_dt.datetime(2026, 12, 31, 9, 0))
    # water: 2025-10 used 100; 2026-07..09 used 100 each; 2026-10 used 140 (40% above both)
    _monthly(plant.water, {"2025-09": 0, "2025-10": 100})
    us.add_reading(plant.water, _dt.date(2026, 6, 30), "1000", kind="change", start_value="0", old_final="100")
    _monthly(plant.water, {"2026-07": 1100, "2026-08": 1200, "2026-09": 1300, "2026-10": 1440, "2026-11": 1560})
    found = {(f["kind"], f["month"]) for f in us.flags()}
    assert ("jump_year", "2026-10") in found and ("jump_recent", "2026-10") in found
    # 2026-11: 120 is 20% above the three months before (average 113.33): no flag; no last year to compare
    assert not any(m == "2026-11" for _k, m in found)
    f = next(f for f in us.flags() if f["kind"] == "jump_year")
    assert f["value"] == D(140) and f["expected"] == D(100)
    assert "+40.0%" in f["text"]


def test_flag_rest_day_use_and_ticket_in_one_step(plant):
    clock.freeze(_dt.datetime(2026, 11, 30, 9, 0))
    masterdata.save(Term, {"name": "2026秋", "start_date": _dt.date(2026, 9, 1), "end_date": _dt.date(2027, 1, 20)})
    # usual use: 300 t over October (about 9.7 t a day)
    us.add_reading(plant.water, _dt.date(2026, 9, 30), "1000")
    us.add_reading(plant.water, _dt.date(2026, 10, 31), "1300")
    # Friday 6 Nov → Sunday 8 Nov: two rest days, 16 t: 8 t a day, above half the usual (4.84): a leak
    us.add_reading(plant.water, _dt.date(2026, 11, 6), "1360")
    us.add_reading(plant.water, _dt.date(2026, 11, 8), "1376")
    # next weekend, 1 t over two days: fine
    us.add_reading(plant.water, _dt.date(2026, 11, 13), "1420")
    us.add_reading(plant.water, _dt.date(2026, 11, 15), "1421")
    rest = [f for f in us.flags() if f["kind"] == "rest_day"]
    assert [f["day"] for f in rest] == [_dt.date(2026, 11, 8)]
    flag = us.open_ticket(rest[0]["id"])
    assert flag.status == "ticket" and flag.ticket_number.startswith("WX-")
    from logistics_desk.modules.repairs.models import RepairTicket

    ticket = RepairTicket.get_by_id(flag.ticket_id)
    assert ticket.place_id == plant.dorm.id and ticket.category.name == "水电"
    assert ticket.source == "utilities" and ticket.ref_id == flag.id and "宿舍楼水表" in ticket.description
    with pytest.raises(RuleError):
        us.open_ticket(flag)
    assert integrity.check().ok


def test_flag_sub_meters_far_from_the_main_meter(plant):
    readings = {  # main, sub_t (×80), sub_d
        _dt.date(2026, 9, 30): ("10000", "100", "5000"),
        _dt.date(2026, 10, 31): ("12000", "110", "6100"),  # main 2000; subs 800 + 1100 = 1900: within 15%
        _dt.date(2026, 11, 30): ("14000", "115", "6700"),  # main 2000; subs 400 + 600 = 1000: 50% short
    }
    for day, (a, b, c) in readings.items():
        us.save_readings(day, [{"meter": plant.main.id, "value": a}, {"meter": plant.sub_t.id, "value": b},
                               {"meter": plant.sub_d.id, "value": c}])
    sub = [f for f in us.flags() if f["kind"] == "submeter"]
    assert [(f["month"], f["value"], f["expected"], f["name"]) for f in sub] == [
        ("2026-11", D(1000), D(2000), "总电表")]
    # voiding the wrong reading clears the flag
    bad = Reading.get((Reading.meter == plant.sub_d.id) & (Reading.read_on == _dt.date(2026, 11, 30)))
    us.void_reading(bad, "抄错")
    assert Flag.get_by_id(sub[0]["id"]).status == "cleared"
    with pytest.raises(ValidationError):
        us.dismiss_flag(sub[0]["id"], "")
    assert us.dismiss_flag(sub[0]["id"], "已核实").status == "dismissed"


def test_figures_per_month_building_student_and_area(plant):
    from logistics_desk.core import settings

    settings.set_many({"utilities.students": 2000, us.area_key(plant.teach.id): 5000, us.area_key(plant.dorm.id): 3000})
    clock.freeze(_dt.datetime(2026, 12, 31, 9, 0))
    us.add_reading(plant.main, _dt.date(2025, 9, 30), "0")
    us.add_reading(plant.main, _dt.date(2025, 10, 31), "1000")
    us.add_reading(plant.main, _dt.date(2026, 9, 30), "5000")
    us.add_reading(plant.main, _dt.date(2026, 10, 31), "6200")
    us.save_bill({"meter": plant.main.id, "month": "2026-10", "amount": "720", "quantity": "1200"})
    rows = us.month_figures(["2026-10"])
    e = rows[0]["kinds"]["electricity"]
    assert e["use"] == D(1200) and e["use_last_year"] == D(1000) and e["yoy"] == pytest.approx(0.2)
    assert e["use_prev"] == D(4000)  # Nov 2025 → Sep 2026 counted in September
    assert e["per_student"] == D("0.600") and e["per_m2"] == D("0.150") and e["cost"] == D(720)
    assert rows[0]["cost_per_student"] == D("0.360")



def test_today_lines_readings_due_unpaid_bills_new_flags(plant):
    from logistics_desk.modules.utilities import today

    assert today.items(_dt.date(2026, 11, 30)) == []  # nothing recorded yet: nothing to remind
    clock.freeze(_dt.datetime(2026, 12, 28, 9, 0))
    for m, v in ((plant.main, "10000"), (plant.sub_t, "100"), (plant.sub_d, "5000"), (plant.water, "300")):
        us.add_reading(m, _dt.date(2026, 10, 31), v)
    for m, v in ((plant.main, "12000"), (plant.sub_t, "101"), (plant.sub_d, "5010"), (plant.water, "340")):
        us.add_reading(m, _dt.date(2026, 11, 30), v)  # the sub-meters fall far short: a flag
    us.add_reading(plant.water, _dt.date(2026, 12, 27), "380")
    us.save_bill({"meter": plant.phone.id, "month": "2026-11", "amount": "99.50"})
    lines = {i.target["page"]: i for i in today.items(_dt.date(2026, 12, 28))}
    assert lines["flags"].count == 1 and lines["flags"].severity == "soon"
    assert lines["readings"].count == 3 and lines["readings"].severity == "today"  # three meters not read in December
    assert lines["bills"].count == 1 and "99.5" in lines["bills"].text
