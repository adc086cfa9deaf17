"""The repair log's rules and workflows (no Qt).

Tickets move 报修 → 已派工 → 维修中 → 待料 → 已完成 → 已验收 (or 已取消 with a
reason); each step is one transaction with its change-record entries. A ticket
for an asset marks the asset "under repair" until it is done, through the asset
register's ``set_status``/``add_event``; damage by a person applies the asset
register's compensation rule (``report_damage``).

Other modules open tickets with ``create_ticket(...)``; the asset tab shows
``asset_repair_stats(asset)``.
"""

from __future__ import annotations

import datetime as _dt
import statistics
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from peewee import JOIN, Case, fn

from ...core import audit, clock, numbering, settings
from ...core.db import database, record_or_none
from ...core.errors import NotFound, RuleError, ValidationError
from ...core.i18n import join_clauses, tr
from ...core.masterdata import Department, Person, Place, Supplier, Term
from ...core.money import CENT, NumberError, parse_money
from ..assets import api as assets
from ..assets.api import Asset
from .models import (
    ASSET_CODE_CATEGORY,
    ASSET_NAME_CATEGORY,
    CAUSES,
    DAMAGE_CAUSE,
    DONE_STATUSES,
    OPEN_STATUSES,
    REPORT_CHANNELS,
    SCHEDULES,
    STATUSES,
    TRANSITIONS,
    URGENCIES,
    URGENCY_ORDER,
    Checklist,
    ChecklistItem,
    ChecklistPlace,
    Inspection,
    InspectionResult,
    RepairCategory,
    RepairPart,
    RepairTicket,
)
from .models import overdue_count as models_overdue_count

settings.register_defaults({
    # 小修不过夜，大修不过三; safety hazards at once
    "repairs.urgent_hours": 2,  # urgent / safety hazard: within this many hours
    "repairs.minor_days": 0,  # minor: by the end of the reporting day (+ this many days)
    "repairs.major_days": 3,  # major: by the end of the third day after reporting
    "repairs.repeat_threshold": 3,  # repeat fault: this many tickets in the period
})

END_OF_DAY = _dt.time(23, 59, 59)


# --- small helpers ---------------------------------------------------------------

_fk = record_or_none


def _money(value: Any, field: str, errors: dict) -> Decimal:
    try:
        return parse_money(value, default=Decimal("0.00"), maximum=Decimal("9999999999.99"),
                           message=tr("Enter an amount of money of 0 or more, e.g. 35.50."))
    except NumberError as e:
        errors[field] = e.message
        return Decimal("0.00")


def _text(value: Any, max_len: int | None = None) -> str:
    v = "" if value is None else str(value).strip()
    return v[:max_len] if max_len else v


def get_ticket(ticket) -> RepairTicket:
    tid = ticket.id if isinstance(ticket, RepairTicket) else ticket
    found = RepairTicket.get_or_none(RepairTicket.id == tid)
    if found is None:
        raise NotFound(tr("The repair ticket no longer exists."))
    return found


def ticket_or_none(ticket_id: int | None) -> RepairTicket | None:
    """The ticket with this id, or None (no id, or no such ticket)."""
    return record_or_none(RepairTicket, ticket_id)


def find_ticket(text: str) -> RepairTicket | None:
    """A ticket by its number (WX-2026-0001) or its id."""
    text = (text or "").strip()
    if not text:
        return None
    found = RepairTicket.get_or_none(RepairTicket.number == text.upper())
    if found is None and text.isdigit():
        found = RepairTicket.get_or_none(RepairTicket.id == int(text))
    return found


def status_label(status: str) -> str:
    return tr(STATUSES.get(status, status))


def urgency_label(urgency: str) -> str:
    return tr(URGENCIES.get(urgency, urgency))


def cause_label(cause: str | None) -> str:
    return tr(CAUSES[cause]) if cause in CAUSES else ""


def channel_label(channel: str | None) -> str:
    return tr(REPORT_CHANNELS[channel]) if channel in REPORT_CHANNELS else ""


def reporter_text(ticket: RepairTicket) -> str:
    dept = ticket.reporter_department.name if ticket.reporter_department_id else ""
    return " ".join(p for p in (dept, ticket.reporter_name or "") if p)


def assignee_text(ticket: RepairTicket) -> str:
    if ticket.assignee_id:
        return ticket.assignee.name
    if ticket.assignee_supplier_id:
        return ticket.assignee_supplier.name
    return ""


# --- categories --------------------------------------------------------------------

def categories(include_inactive: bool = False) -> list[RepairCategory]:
    q = RepairCategory.select()
    if not include_inactive:
        q = q.where(RepairCategory.active == True)  # noqa: E712
    return list(q.order_by(RepairCategory.sort_order, RepairCategory.id))


def find_category(value) -> RepairCategory | None:
    if isinstance(value, RepairCategory):
        return value
    if isinstance(value, int):
        return RepairCategory.get_or_none(RepairCategory.id == value)
    name = _text(value)
    return RepairCategory.get_or_none(RepairCategory.name == name) if name else None


def category_for_asset(asset) -> RepairCategory | None:
    """The repair category an asset's faults fall in (a printer: 电教设备, not 水电).

    Words in the asset's name first (空调 → 水电, 交换机 → 网络), then its asset
    category's code or a parent's (JSJ/BGSB → 电教设备, JJ → 课桌椅, DQ → 水电);
    anything else → 其他. Only categories the school still uses are returned.
    """
    if asset is None:
        return None
    active = {c.name: c for c in categories()}
    name = asset.name or ""
    for words, cat_name in ASSET_NAME_CATEGORY:
        if any(w in name for w in words) and cat_name in active:
            return active[cat_name]
    cat = asset.category if asset.category_id else None
    seen = 0
    while cat is not None and seen < 10:
        cat_name = ASSET_CODE_CATEGORY.get(cat.code)
        if cat_name in active:
            return active[cat_name]
        cat = cat.parent if cat.parent_id else None
        seen += 1
    return active.get("其他")


def save_category(name: str, record: RepairCategory | None = None, sort_order: int | None = None) -> RepairCategory:
    """Add a repair category or rename one (the list is the school's own)."""
    name = _text(name)
    if not name:
        raise ValidationError({"name": tr("This field is required.")})
    if len(name) > 50:
        raise ValidationError({"name": tr("At most {n} characters.").format(n=50)})
    q = RepairCategory.select().where(RepairCategory.name == name)
    if record is not None:
        q = q.where(RepairCategory.id != record.id)
    if q.exists():
        raise ValidationError({"name": tr("“{value}” already exists.").format(value=name)})
    with database.atomic():
        if record is None:
            order = sort_order if sort_order is not None else (
                (RepairCategory.select(fn.MAX(RepairCategory.sort_order)).scalar() or 0) + 1)
            record = RepairCategory.create(name=name, sort_order=order)
            audit.record_create(record)
        else:
            before = audit.snapshot(record, ["name", "sort_order"])
            record.name = name
            if sort_order is not None:
                record.sort_order = sort_order
            record.save()
            audit.record_update(record, before)
    return record


def _set_active(record, active: bool) -> None:
    """Start or stop using a category or checklist (audited)."""
    with database.atomic():
        before = audit.snapshot(record, ["active"])
        record.active = active
        record.save()
        audit.record_update(record, before, action="activate" if active else "deactivate")


def set_category_active(record: RepairCategory, active: bool) -> None:
    _set_active(record, active)


# --- who repairs ------------------------------------------------------------------

# words in a person's title (职务) or department that make them one of the repair staff
WORKER_WORDS = ("维修", "水电", "电工", "木工", "师傅", "后勤", "总务")
FIRM_WORDS = ("维修", "水电", "维保", "安装")  # in a firm's name


def assignee_choices() -> tuple[list[Person], list[Supplier], list[Person], list[Supplier]]:
    """Who can be sent (派工给), the repair workers first:

    (repair staff, repair firms, other staff, other firms). Repair staff are the people
    assigned repairs in the past year (the busiest first) and those whose title or
    department says so (维修, 水电, 后勤, 总务 ...); repair firms have done repairs before
    or say so in their name (维修, 水电 ...).
    """
    since = clock.now() - _dt.timedelta(days=365)
    T = RepairTicket
    busy_people = dict(T.select(T.assignee, fn.COUNT(T.id)).where(T.assignee.is_null(False) & (T.reported_at >= since))
                       .group_by(T.assignee).tuples())
    busy_firms = dict(T.select(T.assignee_supplier, fn.COUNT(T.id)).where(T.assignee_supplier.is_null(False))
                      .group_by(T.assignee_supplier).tuples())
    people = list(Person.select(Person, Department).join(Department, JOIN.LEFT_OUTER)
                  .where(Person.active == True).order_by(Person.name, Person.id))  # noqa: E712

    def by_trade(p: Person) -> bool:
        words = " ".join(x for x in (p.title, p.department.name if p.department_id else "") if x)
        return any(w in words for w in WORKER_WORDS)

    workers = [p for p in people if p.id in busy_people or by_trade(p)]
    workers.sort(key=lambda p: -busy_people.get(p.id, 0))  # stable: by name within the same count
    chosen = {p.id for p in workers}
    firms = list(Supplier.select().where(Supplier.active == True).order_by(Supplier.name))  # noqa: E712
    repair_firms = sorted((f for f in firms if f.id in busy_firms or any(w in f.name for w in FIRM_WORDS)),
                          key=lambda f: -busy_firms.get(f.id, 0))
    firm_ids = {f.id for f in repair_firms}
    return (workers, repair_firms, [p for p in people if p.id not in chosen],
            [f for f in firms if f.id not in firm_ids])


# --- deadlines ---------------------------------------------------------------------

def deadline_targets() -> dict:
    """The settings behind the deadlines (read once for many tickets)."""
    return {"urgent_hours": float(settings.get("repairs.urgent_hours") or 2),
            "minor_days": int(settings.get("repairs.minor_days") or 0),
            "major_days": int(settings.get("repairs.major_days") or 0)}


def deadline(reported_at: _dt.datetime, urgency: str, targets: dict | None = None) -> _dt.datetime:
    """The promise: urgent within hours, minor the same day, major within three days."""
    targets = targets or deadline_targets()
    if urgency == "urgent":
        return reported_at + _dt.timedelta(hours=targets["urgent_hours"])
    days = targets["major_days"] if urgency == "major" else targets["minor_days"]
    return _dt.datetime.combine(reported_at.date() + _dt.timedelta(days=days), END_OF_DAY)


def is_overdue(ticket: RepairTicket, now: _dt.datetime | None = None) -> bool:
    now = now or clock.now()
    return ticket.status in OPEN_STATUSES and ticket.due_at < now


def overdue_count(now: _dt.datetime | None = None) -> int:
    return models_overdue_count(now or clock.now())


def open_count() -> int:
    return RepairTicket.select().where(RepairTicket.is_open == True).count()  # noqa: E712


def time_left_text(ticket_due: _dt.datetime, now: _dt.datetime | None = None) -> str:
    """"2 h 10 min left" or "overdue 1 d 3 h"."""
    now = now or clock.now()
    delta = ticket_due - now
    late = delta.total_seconds() < 0
    secs = abs(int(delta.total_seconds()))
    days, rest = divmod(secs, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        span = tr("{d} d {h} h").format(d=days, h=hours)
    elif hours:
        span = tr("{h} h {m} min").format(h=hours, m=minutes)
    else:
        span = tr("{m} min").format(m=minutes)
    return tr("overdue {span}").format(span=span) if late else tr("{span} left").format(span=span)


# --- tickets: create and edit -----------------------------------------------------

EDITABLE = ["reported_at", "reporter", "reporter_department", "reporter_name", "contact", "place", "asset",
            "category", "description", "urgency", "reported_via", "note"]


def _resolve_asset(value, errors: dict) -> Asset | None:
    if value in (None, "", 0):
        return None
    if isinstance(value, Asset):
        return value
    if isinstance(value, int):
        found = Asset.get_or_none(Asset.id == value)
    else:
        found = assets.find_by_number(str(value))
    if found is None:
        errors["asset"] = tr("No asset has the number {number}.").format(number=value)
    return found


def _clean_reported_at(merged: dict, clean: dict, errors: dict) -> None:
    """When it was reported: a date is taken as today's time; not in the future."""
    reported_at = merged.get("reported_at") or clock.now()
    if isinstance(reported_at, _dt.date) and not isinstance(reported_at, _dt.datetime):
        reported_at = _dt.datetime.combine(reported_at, clock.now().time())
    if not isinstance(reported_at, _dt.datetime):
        errors["reported_at"] = tr("Enter when it was reported.")
    elif reported_at > clock.now() + _dt.timedelta(minutes=5):
        errors["reported_at"] = tr("The time reported cannot be in the future.")
    clean["reported_at"] = reported_at.replace(microsecond=0) if isinstance(reported_at, _dt.datetime) else None


def _clean_reporter(merged: dict, ticket: RepairTicket | None, clean: dict, errors: dict) -> None:
    """Who reported it (a person, a class or a name) and how to reach them."""
    person = _fk(Person, merged.get("reporter"))
    dept = _fk(Department, merged.get("reporter_department"))
    if merged.get("reporter") not in (None, "", 0) and person is None:
        errors["reporter"] = tr("Unknown value.")
    if merged.get("reporter_department") not in (None, "", 0) and dept is None:
        errors["reporter_department"] = tr("Unknown value.")
    name = _text(merged.get("reporter_name"), 100) or (person.name if person else "")
    if not name and dept is None:
        errors["reporter_name"] = tr("Who reported it? Enter a name or choose a class.")
    clean.update(reporter=person, reporter_department=dept, reporter_name=name)
    contact = _text(merged.get("contact"), 100)
    if ticket is not None and ticket.reporter_id and (person is None or person.id != ticket.reporter_id):
        # another reporter: the old one's phone number does not come along
        old_phone = _text(ticket.reporter.phone)
        if old_phone and contact == old_phone:
            contact = ""
    contact = contact or (person.phone if person and person.phone else "")
    clean["contact"] = contact or None


def _clean_where(merged: dict, clean: dict, errors: dict) -> None:
    """The asset (not written off) and the place, which follows the asset when not given."""
    asset = _resolve_asset(merged.get("asset"), errors)
    if asset is not None and asset.status in ("disposed", "lost"):
        errors["asset"] = tr("Asset {number} has been written off; it cannot be repaired.").format(number=asset.number)
    clean["asset"] = asset
    place = _fk(Place, merged.get("place"))
    if merged.get("place") not in (None, "", 0) and place is None:
        errors["place"] = tr("Unknown value.")
    if place is None and asset is not None and asset.place_id:
        place = asset.place
    if place is None:
        errors["place"] = tr("Where is it? Choose the place.")
    clean["place"] = place


def _clean_what(merged: dict, values: dict, ticket: RepairTicket | None, clean: dict, errors: dict) -> None:
    """The category (following the asset when not given), the description, the urgency, the channel, the note."""
    asset = clean["asset"]
    category = find_category(merged.get("category"))
    if category is None and merged.get("category") in (None, "", 0) and asset is not None:
        category = category_for_asset(asset)  # the category follows the asset
    if category is None:
        errors["category"] = tr("Choose a category.")
    clean["category"] = category
    description = _text(merged.get("description"))
    if not description:
        errors["description"] = tr("Describe what is broken.")
    elif len(description) > 2000:
        errors["description"] = tr("At most {n} characters.").format(n=2000)
    clean["description"] = description
    urgency = merged.get("urgency") or "minor"
    if urgency not in URGENCIES:
        errors["urgency"] = tr("Choose the urgency.")
    clean["urgency"] = urgency
    via = _text(merged.get("reported_via")) or None
    if via is not None and via not in REPORT_CHANNELS:
        errors["reported_via"] = tr("Unknown value.")
    elif via is None and ticket is None and "reported_via" in values:
        # the desk's form always asks; other modules' tickets say where they came from in ``source``
        errors["reported_via"] = tr("How did the report come in?")
    clean["reported_via"] = via
    clean["note"] = _text(merged.get("note")) or None


def _clean(values: dict[str, Any], ticket: RepairTicket | None = None) -> dict[str, Any]:
    merged = {}
    if ticket is not None:
        snap = audit.snapshot(ticket, EDITABLE)
        merged.update(snap)
    merged.update({k: v for k, v in values.items() if k in EDITABLE})
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}

    _clean_reported_at(merged, clean, errors)
    _clean_reporter(merged, ticket, clean, errors)
    _clean_where(merged, clean, errors)
    _clean_what(merged, values, ticket, clean, errors)
    if errors:
        raise ValidationError(errors)
    clean["due_at"] = deadline(clean["reported_at"], clean["urgency"])
    return clean


def _search_text(t: RepairTicket) -> str:
    parts = [t.number, t.reporter_name, t.contact, t.description, t.note]
    if t.reporter_department_id:
        parts.append(t.reporter_department.name)
    if t.place_id:
        parts.append(t.place.full_name.replace(" ", "") + " " + t.place.full_name)
    if t.asset_id:
        parts += [t.asset.number, t.asset.name]
    if t.category_id:
        parts.append(t.category.name)
    if t.assignee_id:
        parts.append(t.assignee.name)
    if t.assignee_supplier_id:
        parts.append(t.assignee_supplier.name)
    if t.responsible_name:
        parts.append(t.responsible_name)
    return " ".join(p for p in parts if p).lower()


def _save(ticket: RepairTicket, before: dict, action: str, note: str | None = None) -> None:
    ticket.is_open = ticket.status in OPEN_STATUSES
    ticket.search_text = _search_text(ticket)
    ticket.updated_at = clock.now()
    ticket.save()
    changes = audit.diff(before, audit.snapshot(ticket, list(before)))
    for k in ("search_text", "updated_at", "is_open"):
        changes.pop(k, None)
    if changes or note:
        audit.record("repair_ticket", ticket.id, action, changes, note)


def _mark_asset(ticket: RepairTicket, asset: Asset) -> None:
    """The asset is under repair while the ticket is open (a history line either way)."""
    summary = tr("Repair reported ({number}): {description}").format(number=ticket.number,
                                                                     description=ticket.description)
    if asset.status in ("in_use", "idle"):
        ticket.asset_prev_status = asset.status
        assets.set_status(asset, "repair", summary, kind="repair", on=ticket.reported_at.date(),
                          ref_table="repair_ticket", ref_id=ticket.id)
    else:
        assets.add_event(asset, "repair", summary, event_date=ticket.reported_at.date(), doc_no=ticket.number,
                         ref_table="repair_ticket", ref_id=ticket.id)


def _release_asset(ticket: RepairTicket, summary: str, on: _dt.date, asset_id: int | None = None) -> None:
    """Back to its earlier status once no other open ticket keeps it under repair."""
    asset_id = asset_id or ticket.asset_id
    if not asset_id:
        return
    asset = assets.get_asset(asset_id)
    others = (RepairTicket.select().where((RepairTicket.asset == asset) & (RepairTicket.id != ticket.id)
                                          & (RepairTicket.is_open == True)).exists())  # noqa: E712
    if asset.status == "repair" and not others:
        assets.set_status(asset, ticket.asset_prev_status or "in_use", summary, kind="repair", on=on,
                          ref_table="repair_ticket", ref_id=ticket.id)
    else:
        assets.add_event(asset, "repair", summary, event_date=on, doc_no=ticket.number,
                         ref_table="repair_ticket", ref_id=ticket.id)


def create_ticket(values: dict[str, Any] | None = None, **fields) -> RepairTicket:
    """Open a repair ticket (报修); other modules call this too.

    Keys: ``reported_at`` (datetime, default now), ``reporter`` (Person/id),
    ``reporter_department`` (a class: Department/id), ``reporter_name``,
    ``contact``, ``place`` (Place/id; default the asset's place), ``asset``
    (Asset, id or its number as scanned), ``category`` (RepairCategory, id or a
    name such as "水电"), ``description``, ``urgency`` (urgent|minor|major),
    ``note``; optionally ``assignee`` (Person) or ``assignee_supplier``
    (Supplier) to assign at once; ``source`` ("desk", "inspection",
    "stocktake"...), ``ref_table``/``ref_id`` naming the record it came from.
    """
    values = {**(values or {}), **fields}
    clean = _clean(values)
    assignee = _fk(Person, values.get("assignee"))
    supplier = _fk(Supplier, values.get("assignee_supplier"))
    now = clock.now()
    with database.atomic():
        number = numbering.document_number(
            "WX", clean["reported_at"].year,
            lambda n: RepairTicket.select().where(RepairTicket.number == n).exists())
        ticket = RepairTicket(number=number, status="reported", is_open=True, created_at=now, updated_at=now,
                              source=_text(values.get("source")) or "desk", ref_table=values.get("ref_table"),
                              ref_id=values.get("ref_id"), **clean)
        if assignee or supplier:
            ticket.assignee, ticket.assignee_supplier = assignee, supplier if not assignee else None
            ticket.status, ticket.assigned_at = "assigned", now
        ticket.search_text = _search_text(ticket)
        ticket.save()
        if clean["asset"] is not None:
            _mark_asset(ticket, clean["asset"])
            ticket.save()
        audit.record_create(ticket)
    return ticket


def update_ticket(ticket: RepairTicket, values: dict[str, Any]) -> RepairTicket:
    """Correct a ticket's details while it is not closed; the deadline follows the urgency."""
    ticket = get_ticket(ticket)
    if ticket.status in ("accepted", "cancelled"):
        raise RuleError(tr("Ticket {number} is closed and can no longer be changed.").format(number=ticket.number))
    clean = _clean(values, ticket)
    with database.atomic():
        before = audit.snapshot(ticket)
        old_asset_id = ticket.asset_id
        for k, v in clean.items():
            setattr(ticket, k, v)
        if (clean["asset"].id if clean["asset"] else None) != old_asset_id and ticket.is_open:
            if old_asset_id:
                _release_asset(ticket, tr("Repair ticket {number} no longer concerns this asset").format(
                    number=ticket.number), clock.today(), asset_id=old_asset_id)
            ticket.asset_prev_status = None
            if clean["asset"] is not None:
                _mark_asset(ticket, clean["asset"])
        _save(ticket, before, "update")
    return ticket


# --- tickets: the status flow ------------------------------------------------------

def _check_transition(ticket: RepairTicket, new: str) -> None:
    if new not in TRANSITIONS.get(ticket.status, ()):
        raise RuleError(tr("Ticket {number} is {status}; it cannot become {new}.").format(
            number=ticket.number, status=status_label(ticket.status), new=status_label(new)))


def _when(value, ticket: RepairTicket, field: str, label_after: str | None = None) -> _dt.datetime:
    when = value or clock.now()
    if isinstance(when, _dt.date) and not isinstance(when, _dt.datetime):
        when = _dt.datetime.combine(when, clock.now().time())
    when = when.replace(microsecond=0)
    if when > clock.now() + _dt.timedelta(minutes=5):
        raise ValidationError({field: tr("The time cannot be in the future.")})
    if when < ticket.reported_at:
        raise ValidationError({field: tr("The time cannot be before the ticket was reported ({at}).").format(
            at=ticket.reported_at.strftime("%Y-%m-%d %H:%M"))})
    return when


def assign(ticket: RepairTicket, *, assignee=None, supplier=None, at: _dt.datetime | None = None,
           note: str = "") -> RepairTicket:
    """派工: a staff member or an outside firm; reassigning keeps the status."""
    ticket = get_ticket(ticket)
    person, firm = _fk(Person, assignee), _fk(Supplier, supplier)
    if person is None and firm is None:
        raise ValidationError({"assignee": tr("Choose a staff member or an outside firm.")})
    if ticket.status not in OPEN_STATUSES:
        raise RuleError(tr("Ticket {number} is {status}; it cannot be assigned.").format(
            number=ticket.number, status=status_label(ticket.status)))
    when = _when(at, ticket, "assigned_at")
    with database.atomic():
        before = audit.snapshot(ticket)
        ticket.assignee, ticket.assignee_supplier = person, (firm if person is None else None)
        if ticket.status == "reported":
            ticket.status = "assigned"
        ticket.assigned_at = ticket.assigned_at or when
        _save(ticket, before, "assign", _text(note) or None)
    return ticket


def start(ticket: RepairTicket, *, at: _dt.datetime | None = None) -> RepairTicket:
    ticket = get_ticket(ticket)
    _check_transition(ticket, "in_progress")
    when = _when(at, ticket, "started_at")
    with database.atomic():
        before = audit.snapshot(ticket)
        ticket.status = "in_progress"
        ticket.started_at = ticket.started_at or when
        _save(ticket, before, "start")
    return ticket


def wait_for_parts(ticket: RepairTicket, note: str = "") -> RepairTicket:
    """待料: the repair waits for parts (what is awaited goes in the note)."""
    ticket = get_ticket(ticket)
    _check_transition(ticket, "waiting_parts")
    with database.atomic():
        before = audit.snapshot(ticket)
        ticket.status = "waiting_parts"
        if _text(note):
            ticket.note = "\n".join(p for p in (ticket.note, tr("Waiting for: {what}").format(what=_text(note))) if p)
        _save(ticket, before, "wait_parts")
    return ticket


def _clean_parts(parts, errors: dict) -> list[dict]:
    out = []
    for i, p in enumerate(parts or []):
        name = _text(p.get("name"), 200)
        qty_raw, cost_raw = p.get("quantity", 1), p.get("unit_cost", 0)
        if not name and qty_raw in (None, "", 1) and cost_raw in (None, "", 0):
            continue  # an empty row
        if not name:
            errors["parts"] = tr("Part {n}: enter its name.").format(n=i + 1)
            continue
        try:
            qty = Decimal(str(qty_raw if qty_raw not in (None, "") else 1))
            if qty <= 0:
                raise InvalidOperation
        except InvalidOperation:
            errors["parts"] = tr("Part {n}: the quantity must be more than 0.").format(n=i + 1)
            continue
        sub: dict = {}
        cost = _money(cost_raw, "x", sub)
        if sub:
            errors["parts"] = tr("Part {n}: enter a unit cost of 0 or more.").format(n=i + 1)
            continue
        out.append({"name": name, "unit": _text(p.get("unit"), 20) or None, "quantity": qty.quantize(CENT),
                    "unit_cost": cost, "amount": (qty * cost).quantize(CENT, rounding=ROUND_HALF_UP)})
    return out


def compensation_for_repair(cause: str | None, cost) -> Decimal:
    """The school's rule applied to a repair: natural wear or unknown — the school pays (0);
    accidental damage — the repair's cost (照价赔偿); deliberate damage — double (加倍赔偿)."""
    factor = {"accidental": 1, "deliberate": 2}.get(cause or "", 0)
    try:
        base = Decimal(str(cost or 0))
    except InvalidOperation:
        base = Decimal(0)
    return (base * factor).quantize(CENT, rounding=ROUND_HALF_UP)


def repair_cost(parts: list[dict] | None, labour_cost) -> Decimal | None:
    """What parts and labour come to, or None while something typed is not yet a number."""
    errors: dict = {}
    clean = _clean_parts(parts, errors)
    labour = _money(labour_cost, "labour_cost", errors)
    if errors:
        return None
    return sum((p["amount"] for p in clean), Decimal("0.00")) + labour


def _apply_cause(ticket: RepairTicket, cause: str, *, responsible=None, responsible_name: str = "",
                 discipline_note: str = "", compensation=None, on: _dt.date) -> None:
    """Record the cause; damage by a person pays for the repair under the school's rule.

    The compensation follows the repair's cost (parts and labour), not the asset's price:
    the repair's cost for accidental damage, double for deliberate damage. It is
    reckoned once the repair is done and its cost known; for an asset the damage goes
    into the asset register (``report_damage``) then. Without an asset an amount may be
    typed instead.
    """
    if cause not in CAUSES:
        raise ValidationError({"cause": tr("Choose the cause.")})
    person = _fk(Person, responsible)
    who = _text(responsible_name, 100) or (person.name if person else "")
    if ticket.damage_id is not None:
        if cause != ticket.cause:
            raise RuleError(tr("Compensation was already recorded ({doc}); the cause can no longer change.").format(
                doc=ticket.damage_doc))
        return
    ticket.cause = cause
    if cause not in DAMAGE_CAUSE:
        ticket.responsible_name, ticket.discipline_note, ticket.compensation = None, None, Decimal("0.00")
        return
    errors: dict = {}
    if not who:
        errors["responsible_name"] = tr("Name the person responsible: they pay the compensation.")
    if cause == "deliberate" and not _text(discipline_note):
        errors["discipline_note"] = tr("Deliberate damage needs a discipline note.")
    typed = None
    if not ticket.asset_id and compensation not in (None, ""):
        typed = _money(compensation, "compensation", errors)
    if errors:
        raise ValidationError(errors)
    costed = ticket.status in DONE_STATUSES
    if ticket.asset_id and costed:
        damage = assets.report_damage(
            assets.get_asset(ticket.asset_id), cause=DAMAGE_CAUSE[cause], description=ticket.description, on=on,
            responsible=person, responsible_name=who, discipline_note=discipline_note,
            value=ticket.total_cost, ref_table="repair_ticket", ref_id=ticket.id)
        ticket.damage_id, ticket.damage_doc = damage.id, damage.doc_no
        ticket.compensation = damage.compensation
        ticket.responsible_name = damage.responsible_name
        ticket.discipline_note = damage.discipline_note
        return
    ticket.responsible_name, ticket.discipline_note = who, _text(discipline_note) or None
    if typed is not None:
        ticket.compensation = typed
    else:  # not known before the repair is done
        ticket.compensation = compensation_for_repair(cause, ticket.total_cost) if costed else Decimal("0.00")


def set_cause(ticket: RepairTicket, cause: str, *, responsible=None, responsible_name: str = "",
              discipline_note: str = "", compensation=None) -> RepairTicket:
    """Record the cause at any time before acceptance (compensation is recorded once)."""
    ticket = get_ticket(ticket)
    if ticket.status in ("accepted", "cancelled"):
        raise RuleError(tr("Ticket {number} is closed and can no longer be changed.").format(number=ticket.number))
    with database.atomic():
        before = audit.snapshot(ticket)
        _apply_cause(ticket, cause, responsible=responsible, responsible_name=responsible_name,
                     discipline_note=discipline_note, compensation=compensation, on=clock.today())
        _save(ticket, before, "cause")
    return ticket


def complete(ticket: RepairTicket, *, work_done: str, cause: str, parts: list[dict] | None = None,
             labour_cost=0, done_at: _dt.datetime | None = None, assignee=None, supplier=None,
             responsible=None, responsible_name: str = "", discipline_note: str = "",
             compensation=None) -> RepairTicket:
    """已完成: what was done, parts (name, quantity, unit cost), labour and the cause."""
    ticket = get_ticket(ticket)
    _check_transition(ticket, "done")
    errors: dict[str, str] = {}
    work = _text(work_done)
    if not work:
        errors["work_done"] = tr("Describe the work done.")
    person, firm = _fk(Person, assignee), _fk(Supplier, supplier)
    if person is None and firm is None and not ticket.assignee_id and not ticket.assignee_supplier_id:
        errors["assignee"] = tr("Who did the repair? Choose a staff member or an outside firm.")
    if cause not in CAUSES:
        errors["cause"] = tr("Choose the cause.")
    elif cause in DAMAGE_CAUSE and ticket.damage_id is None:  # all the form's mistakes at once
        if not (_text(responsible_name) or _fk(Person, responsible)):
            errors["responsible_name"] = tr("Name the person responsible: they pay the compensation.")
        if cause == "deliberate" and not _text(discipline_note):
            errors["discipline_note"] = tr("Deliberate damage needs a discipline note.")
    clean_parts = _clean_parts(parts, errors)
    labour = _money(labour_cost, "labour_cost", errors)
    if errors:
        raise ValidationError(errors)
    when = _when(done_at, ticket, "done_at")
    with database.atomic():
        before = audit.snapshot(ticket)
        if person is not None or firm is not None:
            ticket.assignee, ticket.assignee_supplier = person, (firm if person is None else None)
            ticket.assigned_at = ticket.assigned_at or when
        RepairPart.delete().where(RepairPart.ticket == ticket).execute()
        for i, p in enumerate(clean_parts):
            RepairPart.create(ticket=ticket, sort_order=i, **p)
        parts_cost = sum((p["amount"] for p in clean_parts), Decimal("0.00"))
        ticket.work_done = work
        ticket.parts_cost, ticket.labour_cost = parts_cost, labour
        ticket.total_cost = parts_cost + labour
        ticket.status, ticket.done_at = "done", when
        ticket.started_at = ticket.started_at or when
        _apply_cause(ticket, cause, responsible=responsible, responsible_name=responsible_name,
                     discipline_note=discipline_note, compensation=compensation, on=when.date())
        _save(ticket, before, "done", "; ".join(f"{p['name']} ×{p['quantity']} @ {p['unit_cost']}"
                                                for p in clean_parts) or None)
        _release_asset(ticket, tr("Repaired ({number}): {work}").format(number=ticket.number, work=work), when.date())
    return ticket


def accept(ticket: RepairTicket, *, accepted_by: str, satisfied: bool = True, comment: str = "",
           accepted_at: _dt.datetime | None = None) -> RepairTicket:
    """验收: the reporter signs off; the ticket is closed."""
    ticket = get_ticket(ticket)
    _check_transition(ticket, "accepted")
    errors = {}
    who = _text(accepted_by, 100)
    if not who:
        errors["accepted_by"] = tr("Who accepted the repair?")
    elif same_person(who, repaired_by(ticket)):
        # 维修完毕，由报修人负责验收签字: never the one who did the work
        if same_person(ticket.reporter_name or "", repaired_by(ticket)):
            errors["accepted_by"] = tr("{name} did the repair and cannot accept it; another named person "
                                       "accepts it.").format(name=who)
        else:
            errors["accepted_by"] = tr("{name} did the repair and cannot accept it; the person who reported it "
                                       "({reporter}) or another named person accepts it.").format(
                name=who, reporter=reporter_text(ticket))
    if not satisfied and not _text(comment):
        errors["accept_comment"] = tr("Say what the reporter is not satisfied with.")
    if errors:
        raise ValidationError(errors)
    when = _when(accepted_at, ticket, "accepted_at")
    if ticket.done_at and when < ticket.done_at:
        raise ValidationError({"accepted_at": tr("Acceptance cannot be before the repair was done.")})
    with database.atomic():
        before = audit.snapshot(ticket)
        ticket.status, ticket.accepted_at, ticket.accepted_by = "accepted", when, who
        ticket.satisfied, ticket.accept_comment = bool(satisfied), _text(comment) or None
        _save(ticket, before, "accept")
    return ticket


def repaired_by(ticket: RepairTicket) -> list[str]:
    """The names of whoever did the repair: the staff member, or the firm and its contact."""
    if ticket.assignee_id:
        return [ticket.assignee.name]
    if ticket.assignee_supplier_id:
        firm = ticket.assignee_supplier
        return [n for n in (firm.name, firm.contact) if n]
    return []


def _bare_name(name: str) -> str:
    """"李师傅（总务处）" → "李师傅": the name without a bracketed department, spaces or case."""
    text = _text(name)
    for opening in ("（", "("):
        if opening in text and text.endswith(("）", ")")):
            text = text[:text.index(opening)]
    return "".join(text.split()).lower()


def same_person(name: str, names: list[str]) -> bool:
    bare = _bare_name(name)
    return bool(bare) and any(bare == _bare_name(n) for n in names)


def reopen(ticket: RepairTicket, reason: str) -> RepairTicket:
    """返工: the repair did not hold; back to in progress (the deadline stays)."""
    ticket = get_ticket(ticket)
    _check_transition(ticket, "in_progress")
    if ticket.status != "done":
        return start(ticket)
    if not _text(reason):
        raise ValidationError({"reason": tr("Give the reason.")})
    with database.atomic():
        before = audit.snapshot(ticket)
        ticket.status, ticket.done_at = "in_progress", None
        if ticket.asset_id:
            _mark_asset(ticket, assets.get_asset(ticket.asset_id))
        _save(ticket, before, "reopen", _text(reason))
    return ticket


def cancel(ticket: RepairTicket, reason: str) -> RepairTicket:
    """已取消, with the reason; the record stays."""
    ticket = get_ticket(ticket)
    _check_transition(ticket, "cancelled")
    if not _text(reason):
        raise ValidationError({"reason": tr("Give the reason for cancelling.")})
    with database.atomic():
        before = audit.snapshot(ticket)
        ticket.status, ticket.cancelled_at, ticket.cancel_reason = "cancelled", clock.now(), _text(reason)
        _save(ticket, before, "cancel", _text(reason))
        _release_asset(ticket, tr("Repair ticket {number} cancelled: {reason}").format(
            number=ticket.number, reason=_text(reason)), clock.today())
    return ticket


def next_statuses(ticket: RepairTicket) -> tuple[str, ...]:
    return TRANSITIONS.get(ticket.status, ())


def part_text(part: RepairPart) -> str:
    """One part as the slip prints it and the export writes it: "电源适配器 2个×38.25=76.50"
    (quantity and unit, unit cost, the line's amount, so the parts add up to the parts cost)."""
    qty = f"{Decimal(part.quantity).normalize():f}"
    return f"{part.name} {qty}{part.unit or ''}×{Decimal(part.unit_cost or 0):,.2f}={Decimal(part.amount or 0):,.2f}"


def parts_of(ticket: RepairTicket) -> list[RepairPart]:
    return list(RepairPart.select().where(RepairPart.ticket == ticket).order_by(RepairPart.sort_order))


def ticket_history(ticket: RepairTicket) -> list:
    return audit.history("repair_ticket", ticket.id)


# --- the list ----------------------------------------------------------------------

def _period_filter(q, filters: dict):
    if filters.get("date_from"):
        q = q.where(RepairTicket.reported_at >= _dt.datetime.combine(filters["date_from"], _dt.time.min))
    if filters.get("date_to"):
        q = q.where(RepairTicket.reported_at < _dt.datetime.combine(filters["date_to"] + _dt.timedelta(days=1),
                                                                    _dt.time.min))
    return q


def _filtered(q, filters: dict):
    T = RepairTicket
    text = _text(filters.get("text")).lower()
    for word in text.split():
        q = q.where(T.search_text.contains(word))
    status = filters.get("status")
    now = filters.get("now") or clock.now()
    if status == "open":
        q = q.where(T.is_open == True)  # noqa: E712
    elif status == "overdue":
        q = q.where((T.is_open == True) & (T.due_at < now))  # noqa: E712
    elif status == "done_all":
        q = q.where(T.status.in_(DONE_STATUSES))
    elif status in STATUSES:
        q = q.where(T.status == status)
    if filters.get("category"):
        q = q.where(T.category == filters["category"])
    if filters.get("urgency"):
        q = q.where(T.urgency == filters["urgency"])
    if filters.get("place"):
        place = Place.get_or_none(Place.id == filters["place"])
        if place is not None and place.kind == "building":
            q = q.where(T.place.in_([p.id for p in Place.select(Place.id).where(
                (Place.parent == place) | (Place.id == place.id))]))
        else:
            q = q.where(T.place == filters["place"])
    if filters.get("asset"):
        q = q.where(T.asset == filters["asset"])
    who = filters.get("assignee")
    if who:
        kind, _, ident = str(who).partition(":")
        q = q.where(T.assignee == int(ident)) if kind == "p" else q.where(T.assignee_supplier == int(ident))
    from ...core.accounts import own_person  # a repair worker logged in: the tickets assigned to them

    mine = own_person()
    if mine is not None:
        q = q.where(T.assignee == mine)
    return _period_filter(q, filters)


SORT_FIELDS = {
    "number": RepairTicket.id, "reported_at": RepairTicket.reported_at, "due_at": RepairTicket.due_at,
    "status": RepairTicket.status, "urgency": RepairTicket.urgency, "category": RepairTicket.category,
    "place": RepairTicket.place, "done_at": RepairTicket.done_at, "total_cost": RepairTicket.total_cost,
    "reporter": RepairTicket.reporter_name,
}


# the overdue list: urgent first, within that the unassigned ones, then by deadline
OVERDUE_ORDER = (
    Case(None, [(RepairTicket.urgency == "urgent", 0)], 1),
    Case(None, [((RepairTicket.assignee.is_null(True)) & (RepairTicket.assignee_supplier.is_null(True)), 0)], 1),
    RepairTicket.due_at,
    RepairTicket.id,
)


class TicketSource:
    """Pages of tickets as plain dicts for the list (filters and sort in SQL).

    The default order ("priority") is open tickets by deadline (the overdue list:
    urgent ones first and among them the unassigned, ``OVERDUE_ORDER``), then the
    closed ones newest first — two index range scans.
    """

    def __init__(self):
        self._counts: tuple[str, int, int] | None = None  # (filters key, all, open)

    @staticmethod
    def _key(filters: dict) -> str:
        return repr(sorted((k, v) for k, v in filters.items() if k != "now"))

    def _count_both(self, filters: dict) -> tuple[int, int]:
        """Rows and open rows of a filter in one pass (the list asks for both)."""
        key = self._key(filters)
        if self._counts is None or self._counts[0] != key:
            T = RepairTicket
            q = _filtered(T.select(fn.COUNT(T.id), fn.SUM(Case(None, [(T.is_open == True, 1)], 0))), filters)  # noqa: E712
            total, n_open = q.scalar(as_tuple=True)
            self._counts = (key, int(total or 0), int(n_open or 0))
        return self._counts[1], self._counts[2]

    def count(self, filters: dict) -> int:
        self._counts = None  # a fresh count: the data may have changed
        return self._count_both(filters)[0]

    def _rows(self, q) -> list[dict]:
        T = RepairTicket
        Assignee = Person.alias()
        q = (q.select_extend(Place.full_name.alias("place_name"), RepairCategory.name.alias("category_name"),
                             Asset.number.alias("asset_number"), Asset.name.alias("asset_name"),
                             Assignee.name.alias("assignee_name"), Supplier.name.alias("supplier_name"),
                             Department.name.alias("department_name"))
             .join_from(T, Place, JOIN.LEFT_OUTER, on=(T.place == Place.id))
             .join_from(T, RepairCategory, JOIN.LEFT_OUTER, on=(T.category == RepairCategory.id))
             .join_from(T, Asset, JOIN.LEFT_OUTER, on=(T.asset == Asset.id))
             .join_from(T, Assignee, JOIN.LEFT_OUTER, on=(T.assignee == Assignee.id))
             .join_from(T, Supplier, JOIN.LEFT_OUTER, on=(T.assignee_supplier == Supplier.id))
             .join_from(T, Department, JOIN.LEFT_OUTER, on=(T.reporter_department == Department.id)))
        out = []
        for r in q.dicts():
            r["reporter"] = " ".join(p for p in (r.get("department_name"), r.get("reporter_name")) if p)
            r["assignee_text"] = r.get("assignee_name") or r.get("supplier_name") or ""
            out.append(r)
        return out

    def _base(self):
        T = RepairTicket
        return T.select(T.id, T.number, T.reported_at, T.reporter_name, T.contact, T.description, T.urgency,
                        T.status, T.is_open, T.due_at, T.done_at, T.total_cost, T.asset, T.place, T.cause,
                        T.satisfied, T.compensation, T.reported_via)

    def fetch(self, filters: dict, offset: int, limit: int, sort_key: str | None, descending: bool) -> list[dict]:
        T = RepairTicket
        now = filters.get("now") or clock.now()
        if sort_key in (None, "priority"):
            n_open = self._count_both(filters)[1]
            rows: list[dict] = []
            if offset < n_open:
                q = _filtered(self._base().where(T.is_open == True), filters)  # noqa: E712
                order = OVERDUE_ORDER if filters.get("status") == "overdue" else (T.due_at, T.id)
                rows += self._rows(q.order_by(*order).offset(offset).limit(limit))
            if len(rows) < limit:
                q = _filtered(self._base().where(T.is_open == False), filters)  # noqa: E712
                q = q.order_by(T.reported_at.desc(), T.id.desc())
                rows += self._rows(q.offset(max(0, offset - n_open)).limit(limit - len(rows)))
        else:
            field = SORT_FIELDS.get(sort_key, T.reported_at)
            order = [field.desc() if descending else field.asc(), T.id.desc() if descending else T.id.asc()]
            rows = self._rows(_filtered(self._base(), filters).order_by(*order).offset(offset).limit(limit))
        for r in rows:
            r["overdue"] = bool(r["is_open"] and r["due_at"] < now)
            r["status_label"] = status_label(r["status"])
            r["urgency_label"] = urgency_label(r["urgency"])
            r["channel_label"] = channel_label(r.get("reported_via"))
            r["deadline_text"] = time_left_text(r["due_at"], now) if r["is_open"] else ""
        return rows


def tickets(filters: dict | None = None, limit: int | None = None) -> list[dict]:
    """All tickets a filter selects, as plain dicts (export, printing)."""
    source = TicketSource()
    return source.fetch(filters or {}, 0, limit or 10**9, "reported_at", False)


# --- figures -----------------------------------------------------------------------

def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def month_range(text_or_date) -> tuple[_dt.date, _dt.date]:
    """"2026-11" (or a date) -> (first day, last day)."""
    if isinstance(text_or_date, _dt.date):
        first = text_or_date.replace(day=1)
    else:
        try:
            year, month = (int(p) for p in str(text_or_date).strip().split("-")[:2])
            first = _dt.date(year, month, 1)
        except (ValueError, TypeError) as exc:
            raise ValidationError({"month": tr("Give the month as YYYY-MM, e.g. 2026-11.")}) from exc
    nxt = (first.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    return first, nxt - _dt.timedelta(days=1)


def term_choices() -> list[tuple[str, int]]:
    """The school's terms, latest first, as (name, id) for a pick box."""
    return [(t.name, t.id) for t in Term.select().order_by(Term.start_date.desc())]


def term_range(term_id: int) -> tuple[_dt.date, _dt.date, str]:
    """A term's first and last day and its name."""
    term = record_or_none(Term, term_id)
    if term is None:
        raise NotFound(tr("The term no longer exists."))
    return term.start_date, term.end_date, term.name


def figures(start: _dt.date, end: _dt.date, now: _dt.datetime | None = None) -> dict:
    """The period's figures over the tickets reported from ``start`` to ``end`` (inclusive).

    Cancelled tickets are counted apart and left out of everything else.
    "Done" means completed (done or accepted) by now; "on time" means done by
    the deadline. Hours to repair run from reporting to done. A repeat fault is
    the same category at the same place (or the same asset) ``repairs.repeat_threshold``
    times or more; repeat places come grouped by category, the busiest category first.
    """
    now = now or clock.now()
    T = RepairTicket
    rows = list(_period_filter(
        T.select(T.id, T.number, T.reported_at, T.urgency, T.status, T.due_at, T.done_at, T.total_cost, T.parts_cost,
                 T.labour_cost, T.compensation, T.place, T.asset, T.category, T.satisfied, T.is_open),
        {"date_from": start, "date_to": end}).dicts())
    cancelled = [r for r in rows if r["status"] == "cancelled"]
    rows = [r for r in rows if r["status"] != "cancelled"]
    places = _places_of(rows)
    cats = {c.id: c.name for c in RepairCategory.select()}

    def building_of(place_id):
        p = places.get(place_id)
        if p is None:
            return tr("(no place)")
        return p.parent.name if p.parent_id else p.name

    threshold = int(settings.get("repairs.repeat_threshold") or 3)
    by_category = _grouped(rows, lambda r: cats.get(r["category"], ""), now)
    return {
        "start": start, "end": end, "now": now,
        "total": _summary(rows, now),
        "cancelled": len(cancelled),
        "by_urgency": [(u, _summary([r for r in rows if r["urgency"] == u], now)) for u in URGENCY_ORDER],
        "by_category": by_category,
        "by_place": _grouped(rows, lambda r: building_of(r["place"]), now),
        "repeat_places": _repeat_places(rows, places, cats, by_category, threshold),
        "repeat_assets": _repeat_assets(rows, threshold),
        "threshold": threshold,
    }


def _summary(group: list[dict], now: _dt.datetime) -> dict:
    """Counts, rates, hours and costs of a group of (not cancelled) tickets."""
    done = [r for r in group if r["status"] in DONE_STATUSES and r["done_at"] is not None]
    on_time = [r for r in done if r["done_at"] <= r["due_at"]]
    hours = [(r["done_at"] - r["reported_at"]).total_seconds() / 3600 for r in done]
    open_ = [r for r in group if r["status"] in OPEN_STATUSES]
    return {
        "reported": len(group), "done": len(done), "on_time": len(on_time),
        "late": len(done) - len(on_time),
        "open": len(open_), "overdue": sum(1 for r in open_ if r["due_at"] < now),
        "on_time_rate": (len(on_time) / len(done)) if done else None,
        "done_rate": (len(done) / len(group)) if group else None,
        "avg_hours": _mean(hours), "median_hours": _median(hours),
        "cost": sum((Decimal(r["total_cost"] or 0) for r in done), Decimal("0.00")),
        "parts_cost": sum((Decimal(r["parts_cost"] or 0) for r in done), Decimal("0.00")),
        "labour_cost": sum((Decimal(r["labour_cost"] or 0) for r in done), Decimal("0.00")),
        "compensation": sum((Decimal(r["compensation"] or 0) for r in group), Decimal("0.00")),
        "accepted": sum(1 for r in group if r["status"] == "accepted"),
        "unsatisfied": sum(1 for r in group if r["satisfied"] is False),
    }


def _places_of(rows: list[dict]) -> dict[int, Place]:
    """The tickets' places with their buildings, by id."""
    Parent = Place.alias()
    return {p.id: p for p in Place.select(Place, Parent).join(Parent, JOIN.LEFT_OUTER, on=(Place.parent == Parent.id))
            .where(Place.id.in_({r["place"] for r in rows if r["place"]}))}


def _grouped(rows: list[dict], key, now: _dt.datetime) -> list[tuple[str, dict]]:
    """The tickets' figures per ``key(ticket)``, the busiest group first."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    return sorted(((k, _summary(v, now)) for k, v in groups.items()), key=lambda kv: (-kv[1]["reported"], kv[0]))


def _repeat_places(rows: list[dict], places: dict, cats: dict, by_category: list, threshold: int) -> list[dict]:
    """A repeat fault: the same kind of fault (category) at the same place, ``threshold`` times or more;
    grouped by category, the busiest category first."""
    by_place: dict[tuple[int, int], list[dict]] = {}
    for r in rows:
        if r["place"]:
            by_place.setdefault((r["place"], r["category"]), []).append(r)
    cat_rank = {name: i for i, (name, _s) in enumerate(by_category)}
    return sorted(
        ({"place": places[pid].full_name, "count": len(v), "category": cats.get(cid, ""),
          "categories": cats.get(cid, ""),
          "tickets": [x["number"] for x in sorted(v, key=lambda x: x["reported_at"])]}
         for (pid, cid), v in by_place.items() if len(v) >= threshold),
        key=lambda d: (cat_rank.get(d["category"], 99), -d["count"], d["place"]))


def _repeat_assets(rows: list[dict], threshold: int) -> list[dict]:
    """Assets repaired ``threshold`` times or more, with what they cost; the most repaired first."""
    by_asset: dict[int, list[dict]] = {}
    for r in rows:
        if r["asset"]:
            by_asset.setdefault(r["asset"], []).append(r)
    asset_objs = {a.id: a for a in Asset.select(Asset.id, Asset.number, Asset.name).where(
        Asset.id.in_([aid for aid, v in by_asset.items() if len(v) >= threshold]))} if by_asset else {}
    return sorted(
        ({"asset_id": aid, "number": asset_objs[aid].number, "name": asset_objs[aid].name, "count": len(v),
          "cost": sum((Decimal(x["total_cost"] or 0) for x in v), Decimal("0.00")),
          "tickets": [x["number"] for x in sorted(v, key=lambda x: x["reported_at"])]}
         for aid, v in by_asset.items() if len(v) >= threshold and aid in asset_objs),
        key=lambda d: (-d["count"], d["number"]))


def asset_repair_stats(asset) -> dict:
    """An asset's repair record for the asset tab: count, cost, failed early.

    Cancelled tickets do not count. "Failed early": its first repair not caused
    by damage came within its warranty or within a year of acquisition.
    """
    asset_id = asset.id if isinstance(asset, Asset) else int(asset)
    a = Asset.get_or_none(Asset.id == asset_id)
    if a is None:
        raise NotFound(tr("The asset no longer exists."))
    T = RepairTicket
    rows = list(T.select(T.id, T.number, T.reported_at, T.status, T.total_cost, T.cause, T.done_at)
                .where((T.asset == asset_id) & (T.status != "cancelled")).order_by(T.reported_at).dicts())
    failed_early = False
    first_fault = next((r for r in rows if r["cause"] not in DAMAGE_CAUSE), None)
    if first_fault is not None:
        day = first_fault["reported_at"].date()
        within_warranty = a.warranty_end is not None and day <= a.warranty_end
        within_year = a.acquired_on is not None and day <= _add_years(a.acquired_on, 1)
        failed_early = within_warranty or within_year
    return {
        "count": len(rows),
        "open": sum(1 for r in rows if r["status"] in OPEN_STATUSES),
        "total_cost": sum((Decimal(r["total_cost"] or 0) for r in rows), Decimal("0.00")),
        "first_repair": rows[0]["reported_at"].date() if rows else None,
        "last_repair": rows[-1]["reported_at"].date() if rows else None,
        "failed_early": failed_early,
        "tickets": [r["number"] for r in rows],
    }


def _add_years(d: _dt.date, years: int) -> _dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


# --- inspections -------------------------------------------------------------------

def checklists(include_inactive: bool = False) -> list[Checklist]:
    q = Checklist.select()
    if not include_inactive:
        q = q.where(Checklist.active == True)  # noqa: E712
    return list(q.order_by(Checklist.name))


def checklist_or_none(checklist_id: int | None) -> Checklist | None:
    return record_or_none(Checklist, checklist_id)


def checklist_items(checklist: Checklist) -> list[ChecklistItem]:
    return list(ChecklistItem.select().where((ChecklistItem.checklist == checklist)
                                             & (ChecklistItem.active == True))  # noqa: E712
                .order_by(ChecklistItem.sort_order, ChecklistItem.id))


def checklist_places(checklist: Checklist) -> list[Place]:
    return list(Place.select().join(ChecklistPlace, on=(ChecklistPlace.place == Place.id))
                .where(ChecklistPlace.checklist == checklist).order_by(Place.full_name))


def _checklist_place_ids(given, errors: dict) -> list[int]:
    """The places' ids, each once, in the order given; an unknown one goes into ``errors``."""
    place_ids = []
    for p in given:
        place = _fk(Place, p)
        if place is None:
            errors["places"] = tr("Unknown value.")
        elif place.id not in place_ids:
            place_ids.append(place.id)
    return place_ids


def _save_checklist_items(record: Checklist, items: list[str]) -> None:
    """The checklist's items in order: an item keeps its identity only while its text stays (old results
    keep their text); a changed or dropped one is retired, a new text added."""
    current = checklist_items(record)
    for i, text in enumerate(items):
        if i < len(current):
            if current[i].text != text or current[i].sort_order != i:
                if current[i].text != text:
                    ChecklistItem.update(active=False).where(ChecklistItem.id == current[i].id).execute()
                    ChecklistItem.create(checklist=record, text=text, sort_order=i)
                else:
                    ChecklistItem.update(sort_order=i).where(ChecklistItem.id == current[i].id).execute()
        else:
            ChecklistItem.create(checklist=record, text=text, sort_order=i)
    for extra in current[len(items):]:
        ChecklistItem.update(active=False).where(ChecklistItem.id == extra.id).execute()


def save_checklist(values: dict[str, Any], record: Checklist | None = None) -> Checklist:
    """Define or change a checklist: name, schedule, items (texts), places (ids)."""
    errors: dict[str, str] = {}
    name = _text(values.get("name", record.name if record else ""), 100)
    if not name:
        errors["name"] = tr("This field is required.")
    else:
        q = Checklist.select().where(Checklist.name == name)
        if record is not None:
            q = q.where(Checklist.id != record.id)
        if q.exists():
            errors["name"] = tr("“{value}” already exists.").format(value=name)
    schedule = values.get("schedule", record.schedule if record else "daily")
    if schedule not in SCHEDULES:
        errors["schedule"] = tr("Choose daily, weekly or monthly.")
    items = [i for i in (_text(x, 200) for x in values.get(
        "items", [it.text for it in checklist_items(record)] if record else [])) if i]
    if not items:
        errors["items"] = tr("Enter at least one item to check.")
    given_places = values.get("places", [pl.id for pl in checklist_places(record)] if record else [])
    place_ids = _checklist_place_ids(given_places, errors)
    category = find_category(values.get("category")) if values.get("category") else (
        record.category if record else None)
    starts_on = values.get("starts_on") or (record.starts_on if record else clock.today())
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        fields = {"name": name, "schedule": schedule, "category": category, "starts_on": starts_on,
                  "responsible": _text(values.get("responsible", record.responsible if record else ""), 100) or None,
                  "note": _text(values.get("note", record.note if record else "")) or None}
        if record is None:
            record = Checklist.create(created_at=clock.now(), **fields)
            audit.record_create(record)
        else:
            before = audit.snapshot(record)
            for k, v in fields.items():
                setattr(record, k, v)
            record.save()
            audit.record_update(record, before)
        _save_checklist_items(record, items)
        ChecklistPlace.delete().where(ChecklistPlace.checklist == record).execute()
        for pid in place_ids:
            ChecklistPlace.create(checklist=record, place=pid)
        audit.record("checklist", record.id, "items", {"items": (None, " | ".join(items)),
                                                       "places": (None, ",".join(map(str, place_ids)))})
    return record


def set_checklist_active(record: Checklist, active: bool) -> None:
    _set_active(record, active)


def _check_inspection_results(checklist: Checklist, results: list[dict], place_obj: Place | None,
                              has_places: bool, urgency: str, errors: dict) -> list[tuple]:
    """Every item of the checklist recorded once: a problem described, and placed (the item's place, else
    the inspection's). Returns [(item, ok, note, urgency, place)]; what is wrong goes into ``errors``."""
    items = {it.id: it for it in checklist_items(checklist)}
    clean = []
    for i, r in enumerate(results):
        item = r.get("item")
        item_id = item.id if isinstance(item, ChecklistItem) else item
        it = items.get(item_id)
        if it is None:
            errors["results"] = tr("Item {n} is not on this checklist.").format(n=i + 1)
            continue
        ok = bool(r.get("ok"))
        item_note = _text(r.get("note"))
        if not ok and not item_note:
            errors["results"] = tr("“{item}”: describe the problem found.").format(item=it.text)
        item_place = _fk(Place, r.get("place"))
        if r.get("place") not in (None, "", 0) and item_place is None:
            errors["results"] = tr("Unknown value.")
        item_place = item_place or place_obj
        if not ok and item_place is None and "results" not in errors and not (has_places and place_obj is None):
            errors["results"] = tr("“{item}”: where was the problem found? Choose the place.").format(item=it.text)
        clean.append((it, ok, item_note, r.get("urgency") or urgency, item_place))
    if not clean and "results" not in errors:
        errors["results"] = tr("Record the result of every item.")
    missing = set(items) - {c[0].id for c in clean}
    if missing and "results" not in errors:
        errors["results"] = tr("Record the result of every item.")
    return clean


def run_inspection(checklist: Checklist, results: list[dict], *, place=None, inspector=None,
                   inspector_name: str = "", inspected_at: _dt.datetime | None = None, note: str = "",
                   urgency: str = "minor") -> Inspection:
    """Record one inspection: each item 正常 (ok) or 有问题 with a note.

    ``results``: [{"item": ChecklistItem|id, "ok": bool, "note": str, "urgency": optional,
    "place": optional Place/id}]. Every failed item opens a repair ticket linked to the
    inspection, at the item's place, else the inspection's; a whole-school check (no
    place) must say where each problem was found. A note on an item left at 正常 is kept
    with the result (the window asks first whether it is a problem).
    """
    checklist = Checklist.get_by_id(checklist.id if isinstance(checklist, Checklist) else checklist)
    person = _fk(Person, inspector)
    who = _text(inspector_name, 100) or (person.name if person else "")
    errors: dict[str, str] = {}
    if not who:
        errors["inspector_name"] = tr("Who carried out the inspection?")
    place_obj = _fk(Place, place)
    allowed = [p.id for p in checklist_places(checklist)]
    if allowed and place_obj is None:
        errors["place"] = tr("Choose the place inspected.")
    when = (inspected_at or clock.now()).replace(microsecond=0)
    if when > clock.now() + _dt.timedelta(minutes=5):
        errors["inspected_at"] = tr("The time cannot be in the future.")
    clean = _check_inspection_results(checklist, results, place_obj, bool(allowed), urgency, errors)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        number = numbering.document_number(
            "XJ", when.year, lambda n: Inspection.select().where(Inspection.number == n).exists())
        insp = Inspection.create(number=number, checklist=checklist, place=place_obj, inspected_at=when,
                                 inspector=person, inspector_name=who, items_checked=len(clean),
                                 problems=sum(1 for c in clean if not c[1]), note=_text(note) or None,
                                 created_at=clock.now())
        audit.record_create(insp)
        category = checklist.category or find_category("其他") or (categories() or [None])[0]
        for i, (it, ok, item_note, item_urgency, item_place) in enumerate(clean):
            res = InspectionResult.create(inspection=insp, item=it, item_text=it.text, ok=ok,
                                          note=item_note or None, sort_order=i)
            if not ok:
                ticket = create_ticket(
                    reported_at=when, reporter=person, reporter_name=who, place=item_place,
                    category=category, urgency=item_urgency if item_urgency in URGENCIES else "minor",
                    description=f"{it.text}：{item_note}", source="inspection", ref_table="inspection",
                    ref_id=insp.id, note=tr("Found by inspection {number} ({checklist})").format(
                        number=number, checklist=checklist.name))
                res.ticket = ticket
                res.save()
    return insp


def period_of(schedule: str, day: _dt.date) -> tuple[_dt.date, _dt.date]:
    if schedule == "weekly":
        first = day - _dt.timedelta(days=day.weekday())
        return first, first + _dt.timedelta(days=6)
    if schedule == "monthly":
        return month_range(day)
    return day, day


def period_label(schedule: str, first: _dt.date) -> str:
    if schedule == "weekly":
        return tr("week of {date}").format(date=first.isoformat())
    if schedule == "monthly":
        return first.strftime("%Y-%m")
    return first.isoformat()


def inspections(start: _dt.date, end: _dt.date, checklist: Checklist | None = None) -> list[dict]:
    """The inspection ledger's lines: what was checked, when, by whom, what was found."""
    q = (Inspection.select(Inspection, Checklist, Place).join(Checklist)
         .switch(Inspection).join(Place, JOIN.LEFT_OUTER)
         .where((Inspection.inspected_at >= _dt.datetime.combine(start, _dt.time.min))
                & (Inspection.inspected_at < _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time.min))))
    if checklist is not None:
        q = q.where(Inspection.checklist == checklist)
    rows = list(q.order_by(Inspection.inspected_at, Inspection.id))
    found: dict[int, list] = {}
    if rows:
        ids = [r.id for r in rows]
        for chunk in range(0, len(ids), 500):
            for res in (InspectionResult.select(InspectionResult, RepairTicket, Place)
                        .join(RepairTicket, JOIN.LEFT_OUTER)
                        .join(Place, JOIN.LEFT_OUTER, on=(RepairTicket.place == Place.id))
                        .where(InspectionResult.inspection.in_(ids[chunk:chunk + 500])
                               & ((InspectionResult.ok == False) | InspectionResult.note.is_null(False)))  # noqa: E712
                        .order_by(InspectionResult.sort_order)):
                found.setdefault(res.inspection_id, []).append(res)

    def finding(p, whole_school: bool) -> str:
        text = tr("{item}: {note}").format(item=p.item_text, note=p.note or "")
        if p.ok:
            return tr("{finding} (normal)").format(finding=text)
        if whole_school and p.ticket_id and p.ticket.place_id:
            text += f" @{p.ticket.place.full_name}"
        return tr("{finding} ({ticket})").format(finding=text, ticket=p.ticket.number) if p.ticket_id else text

    out = []
    for r in rows:
        noted = found.get(r.id, [])
        problems = [p for p in noted if not p.ok]
        remarks = [p for p in noted if p.ok and _text(p.note)]
        out.append({
            "id": r.id, "number": r.number, "checklist": r.checklist.name,
            "schedule": tr(SCHEDULES.get(r.checklist.schedule, r.checklist.schedule)),
            "place": r.place.full_name if r.place_id else "", "inspected_at": r.inspected_at,
            "inspector": r.inspector_name, "items_checked": r.items_checked, "problems": r.problems,
            "findings": join_clauses(finding(p, not r.place_id) for p in problems + remarks) or tr("All normal"),
            "tickets": [p.ticket.number for p in problems if p.ticket_id],
            "note": r.note or "",
        })
    return out


def missed_checks(start: _dt.date, end: _dt.date, today: _dt.date | None = None,
                  include_current: bool = False) -> list[dict]:
    """Checks that fell due in the period and were not done (by checklist, place, period).

    A period counts once it has ended before ``today``; with ``include_current``
    the running period is listed too ("due").
    """
    today = today or clock.today()
    out = []
    for cl in checklists():
        places = checklist_places(cl) or [None]
        done: set[tuple[int | None, _dt.date]] = set()
        first_from = period_of(cl.schedule, max(start, cl.starts_on))[0]
        for insp in (Inspection.select(Inspection.place, Inspection.inspected_at)
                     .where((Inspection.checklist == cl)
                            & (Inspection.inspected_at >= _dt.datetime.combine(first_from, _dt.time.min))
                            & (Inspection.inspected_at < _dt.datetime.combine(end + _dt.timedelta(days=40),
                                                                             _dt.time.min)))):
            done.add((insp.place_id, period_of(cl.schedule, insp.inspected_at.date())[0]))
        day = max(start, cl.starts_on)
        while day <= end:
            first, last = period_of(cl.schedule, day)
            ended = last < today
            if ended or (include_current and first <= today):
                for p in places:
                    if (p.id if p else None, first) not in done:
                        out.append({"checklist": cl.name, "checklist_id": cl.id, "place": p.full_name if p else "",
                                    "place_id": p.id if p else None, "period_start": first, "period_end": last,
                                    "period": period_label(cl.schedule, first), "current": not ended,
                                    "schedule": tr(SCHEDULES[cl.schedule])})
            day = last + _dt.timedelta(days=1)
    out.sort(key=lambda d: (d["period_start"], d["checklist"], d["place"]))
    return out


def due_now(today: _dt.date | None = None) -> list[dict]:
    """Checks of the running period (today, this week, this month) not yet done."""
    today = today or clock.today()
    return [m for m in missed_checks(today, today, today, include_current=True) if m["current"]]


def inspection_detail(inspection_id: int) -> tuple[Inspection, list[InspectionResult]]:
    insp = Inspection.get_or_none(Inspection.id == inspection_id)
    if insp is None:
        raise NotFound(tr("The inspection no longer exists."))
    return insp, list(InspectionResult.select().where(InspectionResult.inspection == insp)
                      .order_by(InspectionResult.sort_order))
