"""Utilities and running costs (水电费用): the rules (no Qt).

Meters (water, electricity, gas; main and sub-meters per building, with a
multiplier for current-transformer meters) and accounts without a meter
(telephone, network, printing) live in one table. Readings are taken on any
date; a reading's consumption is computed here — (this − last) × multiplier —
and never typed. A reading lower than the last is refused unless it is marked
as a meter change (with the new meter's start value, and the old meter's final
reading if it was noted) or a rollover (the meter passed its highest figure and
started again from the start value, usually 0).

A reading's consumption belongs to the month of its date (read on 31 October:
October's use). Bills are kept per account and month; a bill on a meter shows
the difference between the quantity billed and the metered consumption.

Flags (waste found early): a month more than ``utilities.jump_percent`` above
the same month last year, or above the average of the three months before;
use over a stretch of rest days only (weekends, and days outside every term when
terms are set up) above ``utilities.rest_day_percent`` of the meter's usual
daily use; sub-meters whose sum is more than ``utilities.submeter_percent``
away from their main meter. Each flag opens a repair ticket in one step
(``open_ticket``), through the repair log's ``create_ticket``.

Every change is one transaction with its change-record entries; readings and
bills are voided with a reason, never deleted.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ...core import audit, clock, settings
from ...core.db import database, record_or_none
from ...core.errors import NotFound, RuleError, UserError, ValidationError
from ...core.i18n import tr
from ...core.masterdata import Department, Place, Term, buildings
from ...core.money import CENT, to_decimal
from .. import enabled
from .models import (
    FLAG_KINDS,
    FLAG_STATUSES,
    KINDS,
    METERED_KINDS,
    READING_KINDS,
    UNITS,
    Bill,
    Flag,
    Meter,
    Reading,
)

settings.register_defaults({
    "utilities.students": 0,  # school size: students (per-student figures)
    "utilities.jump_percent": 30,  # a month this much above last year's or the three before is flagged
    "utilities.rest_day_percent": 50,  # rest-day use above this share of the usual daily use is flagged
    "utilities.submeter_percent": 15,  # sub-meters this far from their main meter are flagged
    "utilities.reading_day": 25,  # the monthly readings are due from this day of the month
})

ZERO = Decimal(0)
MAX_VALUE = Decimal("1e12")
_fk = record_or_none


# --- small helpers -------------------------------------------------------------------------------------

def _text(value: Any, max_len: int | None = None) -> str:
    v = "" if value is None else str(value).strip()
    return v[:max_len] if max_len else v


def _decimal(value: Any) -> Decimal | None:
    """A number typed or read from a file; None when blank; raises ValueError when it is not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    d = to_decimal(value)  # core.money's reading: "3,500", "￥3500", full-width digits; never NaN
    if d is None or abs(d) >= MAX_VALUE:
        raise ValueError(value)
    return d


def parse_number(value: Any) -> Decimal | None:
    """A meter reading as the window checks it while it is typed: None when blank; raises ValueError
    when it is not a number (the service's own reading, so the window and the save agree)."""
    return _decimal(value)


def _number(values: dict, key: str, errors: dict, message: str, *, required: bool = False,
            positive: bool = False) -> Decimal | None:
    try:
        d = _decimal(values.get(key))
    except ValueError:
        errors[key] = message
        return None
    if d is None:
        if required:
            errors[key] = message
        return None
    if d < 0 or (positive and d == 0):
        errors[key] = message
        return None
    return d


def month_of(day: _dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: Any) -> str:
    """"2026-11" (or 2026/11, 2026年11月, a date) -> "2026-11"; ValidationError otherwise."""
    if isinstance(text, _dt.date):
        return month_of(text)
    raw = _text(text).replace("年", "-").replace("月", "").replace("/", "-").replace(".", "-")
    try:
        year, month = (int(p) for p in raw.split("-")[:2])
        return month_of(_dt.date(year, month, 1))
    except (ValueError, TypeError):
        raise ValidationError({"month": tr("Give the month as YYYY-MM, e.g. 2026-11.")}) from None


def month_bounds(month: str) -> tuple[_dt.date, _dt.date]:
    year, m = (int(p) for p in month.split("-"))
    first = _dt.date(year, m, 1)
    nxt = (first.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    return first, nxt - _dt.timedelta(days=1)


def shift_month(month: str, n: int) -> str:
    year, m = (int(p) for p in month.split("-"))
    index = year * 12 + (m - 1) + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def year_months(year: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(1, 13)]


def kind_label(kind: str) -> str:
    return tr(KINDS.get(kind, kind))


def unit_label(kind: str) -> str:
    return tr(UNITS[kind]) if kind in UNITS else ""


def reading_kind_label(kind: str) -> str:
    return tr(READING_KINDS.get(kind, kind))


def flag_kind_label(kind: str) -> str:
    return tr(FLAG_KINDS.get(kind, kind))


def flag_status_label(status: str) -> str:
    return tr(FLAG_STATUSES.get(status, status))


def ratio(now: Decimal | None, before: Decimal | None) -> float | None:
    """(now − before) / before: the change 同比/环比 show; None when there is nothing to compare with."""
    if now is None or before is None or before == 0:
        return None
    return float((now - before) / before)


def percent_text(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 100:+.1f}%"


def qty_text(value: Decimal | None) -> str:
    if value is None:
        return "—"
    v = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    return format(v.normalize(), "f") if v == v.to_integral() else format(v, "f")


# --- meters and accounts -----------------------------------------------------------------------------------

METER_FIELDS = ["kind", "name", "number", "building", "department", "parent", "multiplier", "sort_order", "note"]


def get_meter(meter) -> Meter:
    mid = meter.id if isinstance(meter, Meter) else meter
    found = Meter.get_or_none(Meter.id == mid)
    if found is None:
        raise NotFound(tr("The meter or account no longer exists."))
    return found


def find_meter(text: str) -> Meter | None:
    """A meter or account by its name or its number."""
    text = _text(text)
    if not text:
        return None
    return (Meter.get_or_none(Meter.name == text) or Meter.get_or_none(Meter.number == text)
            or Meter.get_or_none(Meter.name == text.replace(" ", "")))


def meters(include_inactive: bool = False, kind: str | None = None, metered: bool | None = None) -> list[Meter]:
    """Meters and accounts in walking order: by kind, then ``sort_order``, main meters before their sub-meters."""
    q = Meter.select()
    if not include_inactive:
        q = q.where(Meter.active == True)  # noqa: E712
    if kind:
        q = q.where(Meter.kind == kind)
    if metered is True:
        q = q.where(Meter.kind.in_(METERED_KINDS))
    elif metered is False:
        q = q.where(Meter.kind.not_in(METERED_KINDS))
    found = list(q)
    kinds = list(KINDS)
    by_id = {m.id: m for m in found}

    def key(m: Meter):
        main = by_id.get(m.parent_id) if m.parent_id else m
        main = main or m
        return (kinds.index(m.kind) if m.kind in kinds else 99, main.sort_order, main.id, m.parent_id is not None,
                m.sort_order, m.id)

    return sorted(found, key=key)


def _meter_parent(merged: dict, meter: Meter | None, kind: str, errors: dict) -> Meter | None:
    """The main meter of a sub-meter: a main meter (not itself a sub-meter) measuring the same."""
    parent = _fk(Meter, merged.get("parent"))
    if merged.get("parent") not in (None, "", 0) and parent is None:
        errors["parent"] = tr("Unknown value.")
    elif parent is not None:
        if meter is not None and parent.id == meter.id:
            errors["parent"] = tr("A meter cannot be its own main meter.")
        elif parent.kind != kind:
            errors["parent"] = tr("The main meter must measure the same as its sub-meter.")
        elif parent.parent_id:
            errors["parent"] = tr("{name} is itself a sub-meter; choose a main meter.").format(name=parent.name)
        elif meter is not None and Meter.select().where(Meter.parent == meter).exists():
            errors["parent"] = tr("This meter has sub-meters of its own, so it cannot be a sub-meter.")
    if kind not in METERED_KINDS and parent is not None:
        errors["parent"] = tr("Only a meter can be a sub-meter.")
    return parent


def _meter_multiplier(merged: dict, meter: Meter | None, kind: str, errors: dict) -> Decimal:
    """A meter's multiplier (1 for a plain meter); it cannot change once readings were worked out with it."""
    multiplier = Decimal(1)
    if kind in METERED_KINDS:
        try:
            m = _decimal(merged.get("multiplier"))
        except ValueError:
            m = Decimal(-1)
        if m is None:
            m = Decimal(1)
        if m <= 0 or m > 100000:
            errors["multiplier"] = tr("The multiplier is a number above 0 (1 for a plain meter, e.g. 80 for a "
                                      "current-transformer meter).")
        multiplier = m
    if meter is not None and multiplier != meter.multiplier and Reading.select().where(
            (Reading.meter == meter) & (Reading.voided == False)).exists():  # noqa: E712
        errors["multiplier"] = tr("The multiplier of a meter with readings cannot change: the readings already "
                                  "taken were worked out with it. Record a meter change on a new meter instead.")
    return multiplier


def _clean_meter(values: dict[str, Any], meter: Meter | None) -> dict[str, Any]:
    merged = audit.snapshot(meter, METER_FIELDS) if meter is not None else {}
    merged.update({k: v for k, v in values.items() if k in METER_FIELDS})
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    kind = merged.get("kind")
    if kind not in KINDS:
        errors["kind"] = tr("Choose what it measures.")
    if meter is not None and kind != meter.kind and Reading.select().where(Reading.meter == meter).exists():
        errors["kind"] = tr("A meter that has readings cannot change what it measures.")
    clean["kind"] = kind
    name = _text(merged.get("name"), 100)
    if not name:
        errors["name"] = tr("Give it a name, e.g. 教学楼电表.")
    else:
        q = Meter.select().where(Meter.name == name)
        if meter is not None:
            q = q.where(Meter.id != meter.id)
        if q.exists():
            errors["name"] = tr("Another meter or account is already called {name}.").format(name=name)
    clean["name"] = name
    clean["number"] = _text(merged.get("number"), 50) or None
    building = _fk(Place, merged.get("building"))
    if merged.get("building") not in (None, "", 0) and building is None:
        errors["building"] = tr("Unknown value.")
    clean["building"] = building
    department = _fk(Department, merged.get("department"))
    if merged.get("department") not in (None, "", 0) and department is None:
        errors["department"] = tr("Unknown value.")
    clean["department"] = department
    clean["parent"] = _meter_parent(merged, meter, kind, errors)
    clean["multiplier"] = _meter_multiplier(merged, meter, kind, errors)
    try:
        clean["sort_order"] = int(merged.get("sort_order") or 0)
    except (TypeError, ValueError):
        clean["sort_order"] = 0
    clean["note"] = _text(merged.get("note")) or None
    if errors:
        raise ValidationError(errors)
    return clean


def save_meter(values: dict[str, Any], meter: Meter | None = None) -> Meter:
    """Add a meter or account, or change one (audited)."""
    if meter is not None:
        meter = get_meter(meter)
    clean = _clean_meter(values, meter)
    with database.atomic():
        if meter is None:
            meter = Meter.create(created_at=clock.now().replace(microsecond=0), **clean)
            audit.record_create(meter)
        else:
            before = audit.snapshot(meter)
            for k, v in clean.items():
                setattr(meter, k, v)
            meter.save()
            audit.record_update(meter, before)
    return meter


def set_meter_active(meter: Meter, active: bool, reason: str = "") -> Meter:
    meter = get_meter(meter)
    if not active and not _text(reason):
        raise ValidationError({"reason": tr("Say why it is no longer used.")})
    with database.atomic():
        before = audit.snapshot(meter, ["active"])
        meter.active = active
        meter.save()
        audit.record_update(meter, before, "retire" if not active else "reactivate", _text(reason) or None)
    return meter


def children(meter: Meter) -> list[Meter]:
    return list(Meter.select().where((Meter.parent == meter) & (Meter.active == True)))  # noqa: E712


# --- readings ---------------------------------------------------------------------------------------------------

def last_reading(meter, before: _dt.date | None = None) -> Reading | None:
    """The meter's latest reading (not voided), or the latest before ``before``."""
    q = Reading.select().where((Reading.meter == meter) & (Reading.voided == False))  # noqa: E712
    if before is not None:
        q = q.where(Reading.read_on < before)
    return q.order_by(Reading.read_on.desc(), Reading.id.desc()).first()


def rollover_top(previous: Decimal) -> Decimal:
    """The figure a meter turns over at: the next power of ten above the last reading (99 850 -> 100 000)."""
    digits = len(str(int(previous))) if previous >= 1 else 1
    return Decimal(10) ** digits


def consumption(previous: Decimal | None, value: Decimal, kind: str = "normal", start_value: Decimal | None = None,
                old_final: Decimal | None = None, multiplier: Decimal = Decimal(1)) -> Decimal | None:
    """What was used since ``previous`` (None: a meter's first reading), times the multiplier.

    Raises ``RuleError`` for a reading lower than the last that is not marked as a meter change or rollover.
    """
    if previous is None:
        return None
    if kind == "change":
        start = start_value if start_value is not None else ZERO
        final = old_final if old_final is not None else previous
        used = (final - previous) + (value - start)
    elif kind == "rollover":
        start = start_value if start_value is not None else ZERO
        used = (rollover_top(previous) - previous) + (value - start)
    else:
        if value < previous:
            raise RuleError(tr("The reading {value} is lower than the last one, {previous}. If the meter was "
                               "replaced or turned over, mark the reading as a meter change or a rollover with the "
                               "new start value.").format(value=qty_text(value), previous=qty_text(previous)))
        used = value - previous
    return (used * multiplier).quantize(CENT, rounding=ROUND_HALF_UP)


def _clean_reading(meter: Meter, values: dict[str, Any], previous: Reading | None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    read_on = values.get("read_on")
    if isinstance(read_on, _dt.datetime):
        read_on = read_on.date()
    if not isinstance(read_on, _dt.date):
        errors["read_on"] = tr("Enter the day the meter was read.")
    elif read_on > clock.today():
        errors["read_on"] = tr("A reading cannot be dated in the future.")
    value = _number(values, "value", errors, tr("Enter the reading: a number of 0 or more."), required=True)
    kind = values.get("kind") or "normal"
    if kind not in READING_KINDS:
        errors["kind"] = tr("Unknown value.")
    start = _number(values, "start_value", errors, tr("Enter the new start value: a number of 0 or more."))
    final = _number(values, "old_final", errors, tr("Enter the old meter's last reading: a number of 0 or more."))
    if kind == "change" and start is None and "start_value" not in errors:
        errors["start_value"] = tr("A meter change needs the new meter's start value.")
    if kind == "normal":
        start = final = None
    if kind == "rollover":
        final = None
    if not meter.metered:
        errors["meter"] = tr("{name} is an account without a meter: it has bills, not readings.").format(
            name=meter.name)
    if not meter.active:
        errors["meter"] = tr("{name} is no longer in use.").format(name=meter.name)
    used = None
    if not errors:
        if previous is not None and read_on <= previous.read_on:
            errors["read_on"] = tr("{name} was last read on {date}: a new reading must be dated after it (void the "
                                   "later reading first to correct an earlier one).").format(
                name=meter.name, date=previous.read_on.isoformat())
        elif start is not None and start > value:
            errors["start_value"] = tr("The start value cannot be above the reading.")
        elif previous is not None and final is not None and final < previous.value:
            errors["old_final"] = tr("The old meter's last reading cannot be below the reading before it, "
                                     "{previous}.").format(previous=qty_text(previous.value))
        elif previous is None and kind != "normal":
            errors["kind"] = tr("The first reading of a meter is its start: it needs no meter change or rollover.")
        else:
            try:
                used = consumption(previous.value if previous else None, value, kind, start, final, meter.multiplier)
            except RuleError as exc:
                errors["value"] = exc.message
    if errors:
        raise ValidationError(errors)
    return {"read_on": read_on, "value": value, "kind": kind, "start_value": start, "old_final": final,
            "consumption": used, "note": _text(values.get("note")) or None}


def add_reading(meter, read_on: _dt.date, value: Any, kind: str = "normal", start_value: Any = None,
                old_final: Any = None, note: str = "") -> Reading:
    """Record one reading (its consumption computed), in one transaction, then look for new flags."""
    return save_readings(read_on, [{"meter": meter, "value": value, "kind": kind, "start_value": start_value,
                                    "old_final": old_final, "note": note}])[0]


def save_readings(read_on: _dt.date | None, entries: list[dict[str, Any]]) -> list[Reading]:
    """Record a round of readings at once: every entry is checked first; one bad entry and nothing is saved
    (``ValidationError`` keyed ``"<meter id>:<field>"``). Entries may carry their own ``read_on``."""
    errors: dict[str, str] = {}
    cleaned: list[tuple[Meter, dict]] = []
    latest: dict[int, Any] = {}  # within the round: a meter read twice compares with the earlier entry
    for entry in entries:
        meter = entry.get("meter")
        meter = meter if isinstance(meter, Meter) else _fk(Meter, meter)
        if meter is None:
            errors[f"{entry.get('meter')}:meter"] = tr("Unknown meter.")
            continue
        values = {**entry, "read_on": entry.get("read_on") or read_on}
        previous = latest.get(meter.id, last_reading(meter))
        try:
            clean = _clean_reading(meter, values, previous)
        except ValidationError as exc:
            for k, v in exc.errors.items():
                errors[f"{meter.id}:{k}"] = f"{meter.name}: {v}"
            continue
        latest[meter.id] = Reading(meter=meter, **clean)
        cleaned.append((meter, clean))
    if errors:
        raise ValidationError(errors)
    out = []
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        for meter, clean in cleaned:
            reading = Reading.create(meter=meter, created_at=now, **clean)
            audit.record_create(reading)
            out.append(reading)
        refresh_flags({m.id for m, _ in cleaned})
    return out


def get_reading(reading) -> Reading:
    rid = reading.id if isinstance(reading, Reading) else reading
    found = Reading.get_or_none(Reading.id == rid)
    if found is None:
        raise NotFound(tr("The reading no longer exists."))
    return found


def void_reading(reading, reason: str) -> Reading:
    """Void a wrong reading with a reason; the next reading's consumption is worked out again from the one
    before (refused when it would then be lower than that one: void the later reading first)."""
    reading = get_reading(reading)
    if reading.voided:
        raise RuleError(tr("This reading has already been voided."))
    if not _text(reason):
        raise ValidationError({"reason": tr("Say why the reading is voided.")})
    meter = reading.meter
    nxt = (Reading.select().where((Reading.meter == meter) & (Reading.voided == False)  # noqa: E712
                                  & ((Reading.read_on > reading.read_on)
                                     | ((Reading.read_on == reading.read_on) & (Reading.id > reading.id))))
           .order_by(Reading.read_on, Reading.id).first())
    previous = (Reading.select().where((Reading.meter == meter) & (Reading.voided == False)  # noqa: E712
                                       & (Reading.id != reading.id) & (Reading.read_on <= reading.read_on))
                .order_by(Reading.read_on.desc(), Reading.id.desc()).first())
    new_used = None
    if nxt is not None:
        kind = nxt.kind if previous is not None else "normal"
        try:
            new_used = consumption(previous.value if previous else None, nxt.value, kind, nxt.start_value,
                                   nxt.old_final, meter.multiplier)
        except RuleError:
            raise RuleError(tr("The reading of {date} after this one would then be lower than the one before: void "
                               "the later reading first.").format(date=nxt.read_on.isoformat())) from None
    with database.atomic():
        before = audit.snapshot(reading, ["voided", "void_reason"])
        reading.voided, reading.void_reason = True, _text(reason)
        reading.save()
        audit.record_update(reading, before, "void", _text(reason))
        if nxt is not None:
            before = audit.snapshot(nxt, ["consumption", "kind"])
            nxt.consumption = new_used
            if previous is None:
                nxt.kind = "normal"
            nxt.save()
            audit.record_update(nxt, before, "recompute", tr("The reading before it was voided."))
        refresh_flags({meter.id})
    return reading


def readings(meter=None, start: _dt.date | None = None, end: _dt.date | None = None,
             include_voided: bool = False) -> list[Reading]:
    q = Reading.select(Reading, Meter).join(Meter)
    if meter is not None:
        q = q.where(Reading.meter == meter)
    if start is not None:
        q = q.where(Reading.read_on >= start)
    if end is not None:
        q = q.where(Reading.read_on <= end)
    if not include_voided:
        q = q.where(Reading.voided == False)  # noqa: E712
    return list(q.order_by(Reading.read_on, Reading.id))


def grid(read_on: _dt.date) -> list[dict]:
    """The rows of the readings grid for a round on ``read_on``: every meter in use, in walking order, with its
    last reading before that day (and the reading already taken that day, if any)."""
    out = []
    for m in meters(metered=True):
        last = last_reading(m, before=read_on)
        today_reading = (Reading.select().where((Reading.meter == m) & (Reading.voided == False)  # noqa: E712
                                                & (Reading.read_on == read_on)).first())
        out.append({"id": m.id, "name": m.name, "kind": m.kind, "kind_label": kind_label(m.kind),
                    "unit": unit_label(m.kind), "building": m.building.name if m.building_id else "",
                    "main": m.parent.name if m.parent_id else "", "multiplier": m.multiplier,
                    "last_value": last.value if last else None, "last_date": last.read_on if last else None,
                    "taken": today_reading.value if today_reading else None,
                    "taken_use": today_reading.consumption if today_reading else None})
    return out


def preview_use(meter_id: int, read_on: _dt.date, value: Any) -> Decimal | None:
    """What a typed reading would mean (the grid shows it as you type); None when it cannot be worked out."""
    meter = Meter.get_or_none(Meter.id == meter_id)
    if meter is None:
        return None
    try:
        v = _decimal(value)
    except ValueError:
        return None
    last = last_reading(meter, before=read_on)
    if v is None or last is None:
        return None
    try:
        return consumption(last.value, v, "normal", multiplier=meter.multiplier)
    except RuleError:
        return None


# --- monthly consumption -------------------------------------------------------------------------------------

def monthly_use(start_month: str, end_month: str, meter_ids=None) -> dict[tuple[int, str], Decimal]:
    """{(meter id, "YYYY-MM"): consumption} over the months (a reading's use belongs to the month of its date)."""
    start, _ = month_bounds(start_month)
    _, end = month_bounds(end_month)
    q = (Reading.select(Reading.meter, Reading.read_on, Reading.consumption)
         .where((Reading.voided == False) & (Reading.read_on >= start) & (Reading.read_on <= end)  # noqa: E712
                & Reading.consumption.is_null(False)))
    if meter_ids is not None:
        q = q.where(Reading.meter.in_(list(meter_ids)))
    out: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for r in q.tuples().iterator():
        out[(r[0], month_of(r[1]))] += r[2]
    return dict(out)


def meter_month_use(meter, month: str) -> Decimal | None:
    mid = meter.id if isinstance(meter, Meter) else int(meter)
    return monthly_use(month, month, [mid]).get((mid, month))


# --- bills -----------------------------------------------------------------------------------------------------

BILL_FIELDS = ["meter", "month", "amount", "quantity", "unit_price", "paid_on", "invoice", "note"]


def get_bill(bill) -> Bill:
    bid = bill.id if isinstance(bill, Bill) else bill
    found = Bill.get_or_none(Bill.id == bid)
    if found is None:
        raise NotFound(tr("The bill no longer exists."))
    return found


def _clean_bill(values: dict[str, Any], bill: Bill | None) -> dict[str, Any]:
    merged = audit.snapshot(bill, BILL_FIELDS) if bill is not None else {}
    merged.update({k: v for k, v in values.items() if k in BILL_FIELDS})
    errors: dict[str, str] = {}
    meter = merged.get("meter")
    meter = meter if isinstance(meter, Meter) else _fk(Meter, meter)
    if meter is None:
        errors["meter"] = tr("Choose the account the bill is for.")
    elif meter.parent_id:
        errors["meter"] = tr("{name} is a sub-meter: the bill belongs to its main meter.").format(name=meter.name)
    month = None
    try:
        month = parse_month(merged.get("month"))
    except ValidationError as exc:
        errors.update(exc.errors)
    amount = _number(merged, "amount", errors, tr("Enter the amount: a sum of money of 0 or more, e.g. 3520.50."),
                     required=True)
    quantity = _number(merged, "quantity", errors, tr("Enter the quantity billed: a number of 0 or more."))
    price = _number(merged, "unit_price", errors, tr("Enter the unit price: a number of 0 or more."))
    if price is None and amount is not None and quantity:
        price = (amount / quantity).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    paid_on = merged.get("paid_on") or None
    if paid_on is not None and not isinstance(paid_on, _dt.date):
        errors["paid_on"] = tr("Enter the day it was paid.")
    elif paid_on is not None and paid_on > clock.today():
        errors["paid_on"] = tr("The day paid cannot be in the future.")
    if meter is not None and month is not None:
        q = Bill.select().where((Bill.meter == meter) & (Bill.month == month) & (Bill.voided == False))  # noqa: E712
        if bill is not None:
            q = q.where(Bill.id != bill.id)
        if q.exists():
            errors["month"] = tr("{name} already has a bill for {month}: correct that one, or void it first.").format(
                name=meter.name, month=month)
    if errors:
        raise ValidationError(errors)
    return {"meter": meter, "month": month, "amount": amount.quantize(CENT, rounding=ROUND_HALF_UP),
            "quantity": quantity, "unit_price": price, "paid_on": paid_on,
            "invoice": _text(merged.get("invoice"), 50) or None, "note": _text(merged.get("note")) or None}


def save_bill(values: dict[str, Any], bill: Bill | None = None) -> Bill:
    """Enter a bill (one per account and month) or correct one (audited)."""
    if bill is not None:
        bill = get_bill(bill)
        if bill.voided:
            raise RuleError(tr("This bill has been voided and can no longer be changed."))
    clean = _clean_bill(values, bill)
    with database.atomic():
        if bill is None:
            bill = Bill.create(created_at=clock.now().replace(microsecond=0), **clean)
            audit.record_create(bill)
        else:
            before = audit.snapshot(bill)
            for k, v in clean.items():
                setattr(bill, k, v)
            bill.save()
            audit.record_update(bill, before)
    return bill


def pay_bill(bill, paid_on: _dt.date | None = None) -> Bill:
    bill = get_bill(bill)
    return save_bill({"paid_on": paid_on or clock.today()}, bill)


def void_bill(bill, reason: str) -> Bill:
    bill = get_bill(bill)
    if bill.voided:
        raise RuleError(tr("This bill has already been voided."))
    if not _text(reason):
        raise ValidationError({"reason": tr("Say why the bill is voided.")})
    with database.atomic():
        before = audit.snapshot(bill, ["voided", "void_reason"])
        bill.voided, bill.void_reason = True, _text(reason)
        bill.save()
        audit.record_update(bill, before, "void", _text(reason))
    return bill


def bills(year: int | None = None, unpaid: bool = False, include_voided: bool = False,
          month: str | None = None) -> list[dict]:
    """Bills with the metered consumption of their month and the difference billed − metered."""
    q = Bill.select(Bill, Meter).join(Meter)
    if year is not None:
        q = q.where(Bill.month.startswith(f"{year:04d}-"))
    if month is not None:
        q = q.where(Bill.month == month)
    if unpaid:
        q = q.where(Bill.paid_on.is_null())
    if not include_voided:
        q = q.where(Bill.voided == False)  # noqa: E712
    found = list(q.order_by(Bill.month.desc(), Meter.kind, Meter.sort_order, Meter.name))
    use = {}
    if found:
        months = sorted({b.month for b in found})
        use = monthly_use(months[0], months[-1], {b.meter_id for b in found if b.meter.metered})
    out = []
    for b in found:
        metered = use.get((b.meter_id, b.month)) if b.meter.metered else None
        diff = (b.quantity - metered) if (b.quantity is not None and metered is not None) else None
        out.append({"id": b.id, "meter_id": b.meter_id, "account": b.meter.name, "kind": b.meter.kind,
                    "kind_label": kind_label(b.meter.kind), "unit": unit_label(b.meter.kind), "month": b.month,
                    "amount": b.amount, "quantity": b.quantity, "unit_price": b.unit_price, "paid_on": b.paid_on,
                    "invoice": b.invoice or "", "metered": metered, "difference": diff,
                    "difference_rate": ratio(b.quantity, metered) if diff is not None else None,
                    "voided": b.voided, "void_reason": b.void_reason or "", "note": b.note or ""})
    return out


# --- flags: waste found early --------------------------------------------------------------------------------------

def _percent(key: str) -> Decimal:
    try:
        return Decimal(str(settings.get(key))) / 100
    except (InvalidOperation, TypeError):
        return Decimal("0.3")


def _term_ranges() -> list[tuple[_dt.date, _dt.date]]:
    return [(t.start_date, t.end_date) for t in Term.select()]


def is_rest_day(day: _dt.date, terms: list[tuple[_dt.date, _dt.date]] | None = None) -> bool:
    """A weekend, or (when terms are set up) a day outside every term: a holiday."""
    if day.weekday() >= 5:
        return True
    terms = _term_ranges() if terms is None else terms
    return bool(terms) and not any(a <= day <= b for a, b in terms)


def _jump_detections(meter: Meter, use: dict[tuple[int, str], Decimal], months: list[str]) -> list[dict]:
    limit = 1 + _percent("utilities.jump_percent")
    out = []
    for month in months:
        now = use.get((meter.id, month))
        if now is None or now <= 0:
            continue
        last_year = use.get((meter.id, shift_month(month, -12)))
        if last_year is not None and last_year > 0 and now > last_year * limit:
            out.append({"kind": "jump_year", "meter": meter.id, "month": month, "day": None, "value": now,
                        "expected": last_year})
        before = [use.get((meter.id, shift_month(month, -i))) for i in (1, 2, 3)]
        if all(v is not None for v in before):
            avg = (sum(before) / 3).quantize(CENT, rounding=ROUND_HALF_UP)
            if avg > 0 and now > avg * limit:
                out.append({"kind": "jump_recent", "meter": meter.id, "month": month, "day": None, "value": now,
                            "expected": avg})
    return out


def _rest_day_detections(meter: Meter, terms) -> list[dict]:
    share = _percent("utilities.rest_day_percent")
    rows = readings(meter)
    out = []
    for i in range(1, len(rows)):
        r, prev = rows[i], rows[i - 1]
        if r.consumption is None or r.consumption <= 0:
            continue
        days = [prev.read_on + _dt.timedelta(days=k) for k in range(1, (r.read_on - prev.read_on).days + 1)]
        if not days or len(days) > 16 or not all(is_rest_day(d, terms) for d in days):
            continue
        # the usual daily use: the readings of the 92 days before this stretch
        window = [j for j in range(1, i) if rows[j].read_on > prev.read_on - _dt.timedelta(days=92)
                  and rows[j].consumption is not None]
        if not window:
            continue
        first = window[0]
        span = (rows[window[-1]].read_on - rows[first - 1].read_on).days
        total = sum(rows[j].consumption for j in window)
        if span <= 0 or total <= 0:
            continue
        usual = total / span
        rate = r.consumption / len(days)
        if rate > usual * share:
            out.append({"kind": "rest_day", "meter": meter.id, "month": month_of(r.read_on), "day": r.read_on,
                        "value": r.consumption, "expected": (usual * share * len(days)).quantize(CENT)})
    return out


def _submeter_detections(main: Meter, subs: list[Meter], use: dict, months: list[str]) -> list[dict]:
    tolerance = _percent("utilities.submeter_percent")
    out = []
    for month in months:
        total = use.get((main.id, month))
        parts = [use.get((s.id, month)) for s in subs]
        if total is None or total <= 0 or any(p is None for p in parts):
            continue
        sub_sum = sum(parts)
        if abs(sub_sum - total) > total * tolerance:
            out.append({"kind": "submeter", "meter": main.id, "month": month, "day": None, "value": sub_sum,
                        "expected": total})
    return out


def detect(meter_ids=None) -> list[dict]:
    """Every finding for the meters (all meters: None), over everything read."""
    all_meters = meters(metered=True)
    if meter_ids is not None:
        ids = set(meter_ids)
        for m in all_meters:  # a sub-meter's reading changes its main meter's sum check too
            if m.id in ids and m.parent_id:
                ids.add(m.parent_id)
        chosen = [m for m in all_meters if m.id in ids]
    else:
        chosen = all_meters
    if not chosen:
        return []
    span = (Reading.select(Reading.read_on).where(Reading.voided == False)  # noqa: E712
            .order_by(Reading.read_on))
    first, last = span.first(), span.order_by(Reading.read_on.desc()).first()
    if first is None:
        return []
    start_month, end_month = month_of(first.read_on), month_of(last.read_on)
    months = []
    m = start_month
    while m <= end_month:
        months.append(m)
        m = shift_month(m, 1)
    use = monthly_use(start_month, end_month)
    terms = _term_ranges()
    subs_of: dict[int, list[Meter]] = defaultdict(list)
    for m_ in all_meters:
        if m_.parent_id:
            subs_of[m_.parent_id].append(m_)
    out = []
    for meter in chosen:
        out += _jump_detections(meter, use, months)
        out += _rest_day_detections(meter, terms)
        if subs_of.get(meter.id):
            out += _submeter_detections(meter, subs_of[meter.id], use, months)
    return out


def _flag_key(kind: str, meter_id: int, month: str, day) -> tuple:
    return (kind, meter_id, month, day.isoformat() if day else None)


def refresh_flags(meter_ids=None) -> int:
    """Store the new findings as flags; a new flag no longer found is marked so. Returns how many are new.
    Runs inside the caller's transaction (or its own)."""
    found = detect(meter_ids)
    with database.atomic():
        q = Flag.select()
        if meter_ids is not None:
            ids = {d["meter"] for d in found} | set(meter_ids)
            ids |= {m.parent_id for m in Meter.select().where(Meter.id.in_(list(ids))) if m.parent_id}
            q = q.where(Flag.meter.in_(list(ids)))
        stored = {_flag_key(f.kind, f.meter_id, f.month, f.day): f for f in q}
        seen = set()
        now = clock.now().replace(microsecond=0)
        added = 0
        for d in found:
            key = _flag_key(d["kind"], d["meter"], d["month"], d["day"])
            seen.add(key)
            flag = stored.get(key)
            if flag is None:
                flag = Flag.create(kind=d["kind"], meter=d["meter"], month=d["month"], day=d["day"], value=d["value"],
                                   expected=d["expected"], status="new", created_at=now)
                audit.record_create(flag)
                added += 1
            elif flag.status == "cleared" or flag.value != d["value"] or flag.expected != d["expected"]:
                before = audit.snapshot(flag, ["status", "value", "expected"])
                flag.value, flag.expected = d["value"], d["expected"]
                if flag.status == "cleared":
                    flag.status = "new"
                flag.save()
                audit.record_update(flag, before, "update")
        for key, flag in stored.items():
            if key not in seen and flag.status == "new":
                before = audit.snapshot(flag, ["status"])
                flag.status = "cleared"
                flag.save()
                audit.record_update(flag, before, "clear", tr("No longer found in the readings."))
    return added


def get_flag(flag) -> Flag:
    fid = flag.id if isinstance(flag, Flag) else flag
    found = Flag.get_or_none(Flag.id == fid)
    if found is None:
        raise NotFound(tr("The flag no longer exists."))
    return found


def flag_text(flag: Flag | dict) -> str:
    """What the flag found, in one line."""
    f = flag if isinstance(flag, dict) else {"kind": flag.kind, "month": flag.month, "day": flag.day,
                                              "value": flag.value, "expected": flag.expected,
                                              "name": flag.meter.name, "meter_kind": flag.meter.kind}
    unit = unit_label(f["meter_kind"])
    value, expected = qty_text(f["value"]), qty_text(f["expected"])
    pct = percent_text(ratio(f["value"], f["expected"]))
    if f["kind"] == "jump_year":
        return tr("{name}: {month} used {value} {unit}, {pct} on the same month last year ({expected} {unit}).").format(
            name=f["name"], month=f["month"], value=value, unit=unit, pct=pct, expected=expected)
    if f["kind"] == "jump_recent":
        return tr("{name}: {month} used {value} {unit}, {pct} on the average of the three months before "
                  "({expected} {unit}).").format(name=f["name"], month=f["month"], value=value, unit=unit, pct=pct,
                                                 expected=expected)
    if f["kind"] == "rest_day":
        return tr("{name}: {value} {unit} used over rest days up to {day} (holiday or weekend), more than the "
                  "expected {expected} {unit}: a leak or something left on?").format(
            name=f["name"], value=value, unit=unit, day=f["day"].isoformat() if f["day"] else f["month"],
            expected=expected)
    if f["kind"] == "submeter":
        return tr("{name}: in {month} its sub-meters add up to {value} {unit}, the main meter read {expected} {unit} "
                  "({pct}).").format(name=f["name"], month=f["month"], value=value, unit=unit, expected=expected,
                                     pct=pct)
    return f"{f['name']}: {f['month']}"


def flags(status: str | None = None, year: int | None = None, month: str | None = None,
          open_only: bool = False) -> list[dict]:
    q = Flag.select(Flag, Meter).join(Meter)
    if status:
        q = q.where(Flag.status == status)
    if open_only:
        q = q.where(Flag.status.in_(("new", "ticket")))
    if year is not None:
        q = q.where(Flag.month.startswith(f"{year:04d}-"))
    if month is not None:
        q = q.where(Flag.month == month)
    out = []
    for f in q.order_by(Flag.month.desc(), Flag.day.desc(), Flag.id.desc()):
        out.append({"id": f.id, "kind": f.kind, "kind_label": flag_kind_label(f.kind), "meter_id": f.meter_id,
                    "name": f.meter.name, "meter_kind": f.meter.kind, "month": f.month, "day": f.day,
                    "value": f.value, "expected": f.expected, "status": f.status,
                    "status_label": flag_status_label(f.status), "ticket_number": f.ticket_number or "",
                    "text": "", "note": f.note or ""})
        out[-1]["text"] = flag_text(out[-1])
    return out


def new_flag_count() -> int:
    return Flag.select().where(Flag.status == "new").count()


def repairs_available() -> bool:
    """Is the repair log part of this program? (An optional module: asked through the registry.)"""
    return enabled("repairs")


def open_ticket(flag, reporter_name: str = "", urgency: str = "minor") -> Flag:
    """Open a repair ticket for a flag in one step (the repair log's ``api.open_ticket``), and mark the flag."""
    flag = get_flag(flag)
    if flag.status == "ticket":
        raise RuleError(tr("A repair ticket has already been opened for this flag: {number}.").format(
            number=flag.ticket_number))
    if not repairs_available():
        raise UserError(tr("The repair log is not part of this program, so no repair ticket can be opened."))
    from ..repairs import api as repairs

    meter = flag.meter
    place = meter.building or (meter.parent.building if meter.parent_id else None)
    if place is None:
        raise RuleError(tr("{name} has no building: set the meter's building first, so the repair ticket says where "
                           "to look.").format(name=meter.name))
    description = tr("Utilities flag: {text}").format(text=flag_text(flag))
    with database.atomic():
        ticket = repairs.open_ticket(
            None, place, description[:2000], _text(reporter_name) or settings.get("operator.name") or tr("Utilities"),
            ("utility_flag", flag.id), source="utilities", category="水电", urgency=urgency)
        before = audit.snapshot(flag, ["status", "ticket_id", "ticket_number"])
        flag.status, flag.ticket_id, flag.ticket_number = "ticket", ticket.id, ticket.number
        flag.save()
        audit.record_update(flag, before, "ticket", ticket.number)
    return flag


def dismiss_flag(flag, reason: str) -> Flag:
    flag = get_flag(flag)
    if not _text(reason):
        raise ValidationError({"reason": tr("Say why the flag is dismissed.")})
    if flag.status == "dismissed":
        raise RuleError(tr("This flag has already been dismissed."))
    with database.atomic():
        before = audit.snapshot(flag, ["status", "note"])
        flag.status, flag.note = "dismissed", _text(reason)
        flag.save()
        audit.record_update(flag, before, "dismiss", _text(reason))
    return flag


# --- figures ----------------------------------------------------------------------------------------------------

def students() -> int:
    try:
        return max(int(settings.get("utilities.students") or 0), 0)
    except (TypeError, ValueError):
        return 0


def area_key(building_id: int) -> str:
    return f"utilities.area.{building_id}"


def building_area(building_id: int) -> Decimal:
    try:
        return Decimal(str(settings.get(area_key(building_id)) or 0))
    except InvalidOperation:
        return ZERO


def school_area() -> Decimal:
    return sum((building_area(b.id) for b in buildings()), ZERO)


def _per(value: Decimal | None, n) -> Decimal | None:
    if value is None or not n:
        return None
    return (Decimal(value) / Decimal(n)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def _kind_use(use: dict, month: str, tops: list[Meter]) -> Decimal | None:
    found = [use[(m.id, month)] for m in tops if (m.id, month) in use]
    return sum(found, ZERO) if found else None


def _bill_costs(start_month: str, end_month: str) -> dict[tuple[str, str], Decimal]:
    """{(kind, month): amount billed}."""
    out: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    q = (Bill.select(Bill.month, Bill.amount, Meter.kind).join(Meter)
         .where((Bill.voided == False) & (Bill.month >= start_month) & (Bill.month <= end_month)))  # noqa: E712
    for month, amount, kind in q.tuples():
        out[(kind, month)] += amount
    return dict(out)


def month_figures(months: list[str]) -> list[dict]:
    """Per month: per kind the school's use (main meters and meters without a main meter), the cost billed,
    同比 (same month last year) and 环比 (the month before), per student and per square metre."""
    start, end = shift_month(months[0], -12), months[-1]
    use = monthly_use(start, end)
    costs = _bill_costs(start, end)
    all_meters = meters(include_inactive=True)
    tops = {k: [m for m in all_meters if m.kind == k and not m.parent_id] for k in METERED_KINDS}
    n_students, area = students(), school_area()
    out = []
    for month in months:
        row: dict[str, Any] = {"month": month, "kinds": {}, "cost": ZERO}
        for kind in KINDS:
            if kind in METERED_KINDS:
                now = _kind_use(use, month, tops[kind])
                last_year = _kind_use(use, shift_month(month, -12), tops[kind])
                prev = _kind_use(use, shift_month(month, -1), tops[kind])
            else:
                now = last_year = prev = None
            cost = costs.get((kind, month))
            cost_ly = costs.get((kind, shift_month(month, -12)))
            row["kinds"][kind] = {"use": now, "use_last_year": last_year, "use_prev": prev,
                                  "yoy": ratio(now, last_year), "mom": ratio(now, prev), "cost": cost,
                                  "cost_last_year": cost_ly, "cost_yoy": ratio(cost, cost_ly),
                                  "per_student": _per(now, n_students), "per_m2": _per(now, area)}
            row["cost"] += cost or ZERO
        if not any((k, month) in costs for k in KINDS):
            row["cost"] = None  # no bill entered for the month yet
        prev_cost = sum((costs.get((k, shift_month(month, -1)), ZERO) for k in KINDS), ZERO)
        ly_cost = sum((costs.get((k, shift_month(month, -12)), ZERO) for k in KINDS), ZERO)
        row["cost_last_year"] = ly_cost if any((k, shift_month(month, -12)) in costs for k in KINDS) else None
        row["cost_prev"] = prev_cost if any((k, shift_month(month, -1)) in costs for k in KINDS) else None
        row["cost_yoy"] = ratio(row["cost"], row["cost_last_year"])
        row["cost_mom"] = ratio(row["cost"], row["cost_prev"])
        row["cost_per_student"] = _per(row["cost"], n_students)
        row["cost_last_year"] = row["cost_last_year"] if row["cost"] is not None else None
        out.append(row)
    return out


def building_figures(start_month: str, end_month: str) -> list[dict]:
    """Per building over the months: per kind the use of its meters (sub-meters where a main meter is split,
    so nothing is counted twice), the cost (the period's average price of that kind × the use), per m²,
    and 同比 against the same months a year earlier."""
    use = monthly_use(shift_month(start_month, -12), end_month)
    costs = _bill_costs(start_month, end_month)
    all_meters = meters(include_inactive=True)
    has_children = {m.parent_id for m in all_meters if m.parent_id}
    leaves = [m for m in all_meters if m.kind in METERED_KINDS and m.id not in has_children]
    months, m = [], start_month
    while m <= end_month:
        months.append(m)
        m = shift_month(m, 1)
    months_ly = [shift_month(x, -12) for x in months]
    price = {}
    for kind in METERED_KINDS:
        tops = [x for x in all_meters if x.kind == kind and not x.parent_id]
        total = sum((use.get((t.id, x), ZERO) for t in tops for x in months), ZERO)
        billed = sum((costs.get((kind, x), ZERO) for x in months), ZERO)
        price[kind] = (billed / total) if total else None
    out = []
    for b in buildings(include_inactive=True):
        mine = [x for x in leaves if x.building_id == b.id]
        if not mine:
            continue
        area = building_area(b.id)
        row = {"building": b.name, "building_id": b.id, "area": area, "kinds": {}, "cost": ZERO}
        for kind in METERED_KINDS:
            ms = [x for x in mine if x.kind == kind]
            if not ms:
                continue
            vals = [use[(x.id, mo)] for x in ms for mo in months if (x.id, mo) in use]
            # 同比 over the same months a year earlier, month by month where both were read
            vals_ly = [use[(x.id, ly)] for x in ms for mo, ly in zip(months, months_ly, strict=True)
                       if (x.id, ly) in use and (x.id, mo) in use]
            now = sum(vals, ZERO) if vals else None
            ly = sum(vals_ly, ZERO) if vals_ly else None
            cost = (now * price[kind]).quantize(CENT, rounding=ROUND_HALF_UP) if now is not None and price[kind] \
                else None
            row["kinds"][kind] = {"use": now, "use_last_year": ly, "yoy": ratio(now, ly), "cost": cost,
                                  "per_m2": _per(now, area)}
            row["cost"] += cost or ZERO
        out.append(row)
    return out


def year_totals(year: int) -> dict:
    """The year's use and cost per kind, with last year's, per student and per m²."""
    rows = month_figures(year_months(year))
    out: dict[str, Any] = {"kinds": {}}
    for kind in KINDS:
        now = [r["kinds"][kind]["use"] for r in rows if r["kinds"][kind]["use"] is not None]
        ly = [r["kinds"][kind]["use_last_year"] for r in rows
              if r["kinds"][kind]["use"] is not None and r["kinds"][kind]["use_last_year"] is not None]
        cost = [r["kinds"][kind]["cost"] for r in rows if r["kinds"][kind]["cost"] is not None]
        cost_ly = [r["kinds"][kind]["cost_last_year"] for r in rows
                   if r["kinds"][kind]["cost"] is not None and r["kinds"][kind]["cost_last_year"] is not None]
        use_now = sum(now, ZERO) if now else None
        use_ly = sum(ly, ZERO) if ly else None
        c_now = sum(cost, ZERO) if cost else None
        c_ly = sum(cost_ly, ZERO) if cost_ly else None
        out["kinds"][kind] = {"use": use_now, "use_last_year": use_ly, "yoy": ratio(use_now, use_ly),
                              "cost": c_now, "cost_last_year": c_ly, "cost_yoy": ratio(c_now, c_ly),
                              "per_student": _per(use_now, students()), "per_m2": _per(use_now, school_area()),
                              "cost_per_student": _per(c_now, students())}
    out["cost"] = sum((r["cost"] or ZERO for r in rows), ZERO)
    out["cost_last_year"] = sum((r["cost_last_year"] or ZERO for r in rows), ZERO)
    out["cost_yoy"] = ratio(out["cost"], out["cost_last_year"] or None)
    return out


def readings_due(today: _dt.date | None = None) -> list[Meter]:
    """Meters in use not yet read this month."""
    today = today or clock.today()
    first, last = month_bounds(month_of(today))
    read = {r.meter_id for r in Reading.select(Reading.meter).where(
        (Reading.voided == False) & (Reading.read_on >= first) & (Reading.read_on <= last))}  # noqa: E712
    return [m for m in meters(metered=True) if m.id not in read]
