"""Demo data for the utilities (no Qt): a school of about 2,000 students with a main electricity meter and seven
building sub-meters (three behind current transformers), a main water meter with four sub-meters, the canteen's
gas meter, and accounts for telephone, network and printing; two years of month-end readings and bills.

In it: one leak (the dormitory's water from 10 October of this year, found by the weekend readings taken on
Friday and Sunday, and by the month's jump; a repair ticket opened from the flag) and one meter change (the
teaching building's electricity meter replaced on 15 April). The history is inserted in batches and registered
in the change record like records made by hand; the flags are then found by the service.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal

from ...core import audit, clock, settings
from ...core.db import database
from ...core.i18n import tr
from ...core.masterdata import Department, Place
from . import service as us
from .models import Bill, Flag, Meter, Reading

STUDENTS = 2000
AREAS = {"教学楼": 9600, "实验楼": 3200, "行政楼": 2400, "图书馆": 1800, "体育馆": 2600, "食堂": 2200, "宿舍楼": 8400}
# (name, building, multiplier, share of the school's electricity)
ELECTRICITY = [("教学楼电表", "教学楼", 80, 0.33), ("实验楼电表", "实验楼", 1, 0.08), ("行政楼电表", "行政楼", 1, 0.10),
               ("图书馆电表", "图书馆", 1, 0.05), ("体育馆电表", "体育馆", 1, 0.06), ("食堂电表", "食堂", 40, 0.16),
               ("宿舍楼电表", "宿舍楼", 80, 0.22)]
WATER = [("教学楼水表", "教学楼", 0.20), ("食堂水表", "食堂", 0.30), ("宿舍楼水表", "宿舍楼", 0.40),
         ("体育馆水表", "体育馆", 0.10)]
# month -> factor: winter vacation in February, summer vacation in July and August, air conditioning in June
ELECTRICITY_SEASON = {1: 0.92, 2: 0.72, 3: 1.0, 4: 0.96, 5: 1.04, 6: 1.18, 7: 0.82, 8: 0.78, 9: 1.14, 10: 1.0,
                      11: 1.0, 12: 1.06}
WATER_SEASON = {1: 0.9, 2: 0.7, 3: 1.0, 4: 1.0, 5: 1.05, 6: 1.12, 7: 0.85, 8: 0.8, 9: 1.1, 10: 1.0, 11: 0.98,
                12: 0.95}
ELECTRICITY_MONTH = 78000  # kWh a month, the whole school
WATER_MONTH = 5200  # t
GAS_MONTH = 2600  # m³
PRICE = {"electricity": Decimal("0.6200"), "water": Decimal("4.1000"), "gas": Decimal("3.4500")}
ACCOUNTS = [("电信固定电话", "phone", "总务处", 820), ("校园网宽带专线", "network", "信息中心", 1500),
            ("教务处打印复印", "printing", "教务处", 900), ("党政办打印复印", "printing", "党政办公室", 420)]
LEAK_PER_DAY = 40  # t


def _month_end(year: int, month: int) -> _dt.date:
    return us.month_bounds(f"{year:04d}-{month:02d}")[1]


class _Meters:
    """The meters made so far, their running figures and the reading rows to insert."""

    def __init__(self, rng, places: dict, departments: dict, now: _dt.datetime):
        self.rng, self.places, self.departments, self.now = rng, places, departments, now
        self.made: dict[str, Meter] = {}
        self.rows: list[dict] = []  # cumulative figures (in the meter's own units) to insert
        self.state: dict[str, dict] = {}

    def meter(self, name, kind, building=None, parent=None, multiplier=1, order=0, department=None, number=None):
        made = self.made
        made[name] = Meter.create(kind=kind, name=name, building=self.places.get(building) if building else None,
                                  parent=made[parent] if parent else None, multiplier=Decimal(multiplier),
                                  department=self.departments.get(department) if department else None,
                                  number=number, sort_order=order, active=True, created_at=self.now)
        return made[name]

    def read(self, name: str, day: _dt.date, used: float, kind: str = "normal", start=None, old_final=None):
        """Add ``used`` (real units) to a meter and record its reading on ``day``."""
        mt = self.made[name]
        st = self.state.setdefault(name, {"value": Decimal(self.rng.randint(1000, 30000)), "last": None})
        step = (Decimal(str(used)) / mt.multiplier).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        previous = st["last"]
        if kind == "change":
            # the old meter ran on to ``old_final``; the new one starts at ``start``
            old_part = (step / 3).quantize(Decimal("0.01"))
            old_final = st["value"] + old_part
            value = Decimal(start) + (step - old_part)
        else:
            value = st["value"] + step
        used_q = us.consumption(previous, value, kind, Decimal(start) if start is not None else None,
                                old_final, mt.multiplier) if previous is not None else None
        self.rows.append({"meter": mt.id, "read_on": day, "value": value, "kind": kind,
                          "start_value": Decimal(start) if start is not None else None, "old_final": old_final,
                          "consumption": used_q, "note": None, "voided": False, "void_reason": None,
                          "created_at": self.now})
        st["value"], st["last"] = value, value
        return used_q

    def noisy(self, base: float, spread: float = 0.05) -> float:
        return round(base * (1 + self.rng.uniform(-spread, spread)), 1)


def populate(ctx) -> None:
    rng = ctx.rng
    today = ctx.today
    now = clock.now().replace(microsecond=0)
    places = {p.name: p for p in Place.select().where(Place.kind == "building")}
    departments = {d.name: d for d in Department.select()}
    if not places or Meter.select().exists():
        return
    values = {"utilities.students": STUDENTS}
    values.update({us.area_key(places[name].id): area for name, area in AREAS.items() if name in places})
    settings.set_many(values)
    # the last complete month, and the two years before it
    last = today.replace(day=1) - _dt.timedelta(days=1)
    months = []
    y, m = last.year, last.month
    for _ in range(24):
        months.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    months.reverse()
    start_day = _dt.date(months[0][0], months[0][1], 1) - _dt.timedelta(days=1)
    leak_from = _dt.date(last.year if last.month >= 10 else last.year - 1, 10, 10)
    leak = (leak_from, leak_from + _dt.timedelta(days=40))
    change_on = _dt.date(leak_from.year, 4, 15)

    with database.atomic():
        before = {model: audit.max_id(model) for model in (Meter, Reading, Bill)}
        ms = _Meters(rng, places, departments, now)
        _make_meters(ms)
        main_use = _read_months(ms, months, start_day, leak, change_on)
        Reading.insert_many(ms.rows).execute()
        Bill.insert_many(_bills(ms, months, main_use, today)).execute()
        for model, after_id in before.items():
            audit.record_inserted(model, after_id)
        us.refresh_flags()
        _report_leak()
        audit.record("demo", None, "demo", note=tr("Demo utilities created"))
    summary = ctx.data.setdefault("summary", {})
    summary[tr("Meter readings")] = Reading.select().count()
    summary[tr("Utility bills")] = Bill.select().count()


def _make_meters(ms: _Meters) -> None:
    """The main meters with their sub-meters, and the accounts billed without a meter."""
    ms.meter("总电表", "electricity", "行政楼", number="3401-0088-2231", order=1)
    for i, (name, building, mult, _share) in enumerate(ELECTRICITY):
        ms.meter(name, "electricity", building, "总电表", mult, i + 1)
    ms.meter("总水表", "water", "行政楼", number="SW-120045", order=2)
    for i, (name, building, _share) in enumerate(WATER):
        ms.meter(name, "water", building, "总水表", 1, i + 1)
    ms.meter("食堂燃气表", "gas", "食堂", number="RQ-77812", order=3)
    for i, (name, kind, dept, _amount) in enumerate(ACCOUNTS):
        ms.meter(name, kind, department=dept, order=i + 1, number=f"{ms.rng.randint(10000000, 99999999)}")


def _read_months(ms: _Meters, months, start_day: _dt.date, leak, change_on: _dt.date) -> dict:
    """Every meter's readings month by month; returns the main meters' use: (name, year, month) → quantity."""
    # the first readings: the day before the first month
    for name in ms.made:
        if ms.made[name].kind in ("electricity", "water", "gas"):
            ms.read(name, start_day, 0)
    main_use = {}
    for (year, month) in months:
        end = _month_end(year, month)
        # electricity: sub-meters, and the main meter a little above their sum (losses)
        total = 0.0
        for name, _b, _m, share in ELECTRICITY:
            used = ms.noisy(ELECTRICITY_MONTH * share * ELECTRICITY_SEASON[month])
            total += used
            if name == "教学楼电表" and (year, month) == (change_on.year, change_on.month):
                ms.read(name, end, used, kind="change", start=0)
            else:
                ms.read(name, end, used)
        main_use[("总电表", year, month)] = ms.read("总电表", end, round(total * ms.rng.uniform(1.02, 1.04), 1))
        total = _read_water(ms, year, month, end, leak)
        main_use[("总水表", year, month)] = ms.read("总水表", end, round(total * ms.rng.uniform(1.02, 1.04), 1))
        main_use[("食堂燃气表", year, month)] = ms.read("食堂燃气表", end, ms.noisy(GAS_MONTH * WATER_SEASON[month]))
    return main_use


def _read_water(ms: _Meters, year: int, month: int, end: _dt.date, leak) -> float:
    """The water sub-meters' month, with the dormitory's leak from 10 October found in the weekend
    readings; returns the month's total for the main meter."""
    leak_from, leak_to = leak
    first = end.replace(day=1)
    total = 0.0
    for name, _b, share in WATER:
        used = ms.noisy(WATER_MONTH * share * WATER_SEASON[month])
        if name == "宿舍楼水表":
            leak_days = max(0, (min(end, leak_to) - max(first, leak_from)).days + 1)
            used += LEAK_PER_DAY * leak_days
            total += used  # the main meter counts all of it, whatever the weekend readings split off
            if (year, month) in ((leak_from.year, 9), (leak_from.year, 10)):
                used = _read_weekends(ms, name, first, end, used, leak_from)
        else:
            total += used
        ms.read(name, end, round(used, 1))
    return total


def _read_weekends(ms: _Meters, name: str, first: _dt.date, end: _dt.date, used: float,
                   leak_from: _dt.date) -> float:
    """Friday evening and Sunday evening readings on two weekends of the month; returns what is left
    of ``used`` for the month-end reading."""
    daily = used / end.day
    fridays = [d for d in (first + _dt.timedelta(days=k) for k in range(end.day - 3)) if d.weekday() == 4][1:3]
    done = 0.0
    last_day = first - _dt.timedelta(days=1)
    for friday in fridays:
        sunday = friday + _dt.timedelta(days=2)
        school = daily * (friday - last_day).days
        weekend = 2 * (6 + (LEAK_PER_DAY if friday >= leak_from else 0))
        ms.read(name, friday, round(school, 1))
        ms.read(name, sunday, weekend)
        done += school + weekend
        last_day = sunday
    return max(used - done, 1)


def _bills(ms: _Meters, months, main_use: dict, today: _dt.date) -> list[dict]:
    """Bills: the three meters' accounts and the lines without a meter, paid on the 10th of the next month."""
    bills = []
    for (year, month) in months:
        month_text = f"{year:04d}-{month:02d}"
        nxt = _month_end(year, month) + _dt.timedelta(days=10)
        paid = nxt if nxt <= today else None
        for name, kind in (("总电表", "electricity"), ("总水表", "water"), ("食堂燃气表", "gas")):
            quantity = main_use[(name, year, month)]
            if name == "总电表" and month == 3:
                quantity = (quantity * Decimal("1.06")).quantize(Decimal("0.01"))  # billed above the meter
            bills.append({"meter": ms.made[name].id, "month": month_text, "quantity": quantity,
                          "unit_price": PRICE[kind],
                          "amount": (quantity * PRICE[kind]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
                          "paid_on": paid, "invoice": f"FP{year % 100:02d}{month:02d}{ms.rng.randint(1000, 9999)}",
                          "note": None, "voided": False, "void_reason": None, "created_at": ms.now})
        for name, _kind, _dept, amount in ACCOUNTS:
            bills.append({"meter": ms.made[name].id, "month": month_text, "quantity": None, "unit_price": None,
                          "amount": Decimal(str(ms.noisy(amount, 0.15))).quantize(Decimal("0.01")),
                          "paid_on": paid, "invoice": None, "note": None, "voided": False, "void_reason": None,
                          "created_at": ms.now})
    return bills


def _report_leak() -> None:
    """The leak was reported from its weekend flag (when the repairs module is there)."""
    leak = (Flag.select().join(Meter).where((Meter.name == "宿舍楼水表") & (Flag.kind == "rest_day"))
            .order_by(Flag.day).first())
    if leak is not None and us.repairs_available():
        us.open_ticket(leak, reporter_name=settings.get("operator.name") or "", urgency="urgent")
