"""Receiving (进货查验、索证索票): supplier licences and deliveries checked on arrival (no Qt).

A delivery records the date and time, the supplier with its food-business licence as it
stood that day, the two people who received it, and per line: the food, quantity and
unit, production date and shelf life (or the use-by date), batch, the papers seen
(检验合格证明 / 票据 numbers), the sensory check (appearance, smell, the temperature of
chilled and frozen food) and accepted or refused with the reason.

Rules (《学校食品安全与营养健康管理规定》2019 第三十三条; 《餐饮服务食品安全操作规范》2018):
* a supplier whose licence has expired (or is not on record) is taken only with a
  written reason, stored and printed with the delivery;
* a receiver without a valid health certificate that day, or sent home by that day's morning
  check, is chosen only with a written reason, as the sampler is (``hygiene.require_fit``: one
  rule for whoever handles food); the problem and the reason are kept and printed with the delivery;
* a line that fails the sensory check (bad appearance or smell, chilled food above
  8 °C, frozen food above -12 °C) or is past its use-by date cannot be accepted;
  a refused line needs its reason; an accepted line needs its papers and a use-by
  date (given, or the production date + shelf life: the last day it may be used is
  production date + shelf-life days - 1).
Accepted lines go into the food store (``food_store``) in the same transaction.
Deliveries are never deleted: ``void_delivery`` takes a reason and takes the goods
back out of the store (refused once any of them has been issued).

Why the food store has its own tables rather than a ``store`` column on the office
store's (purchases' StoreItem/StoreMovement/StoreCount): see ``food_store``.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from peewee import JOIN

from ...core import audit, clock, numbering
from ...core.db import database, record_or_none
from ...core.errors import NotFound, RuleError, ValidationError
from ...core.i18n import join_clauses, join_list, join_phrases, tr
from ...core.masterdata import Person, Supplier
from ...core.money import NumberError, parse_quantity
from .food_models import (
    STORAGE,
    CanteenDelivery,
    CanteenDeliveryLine,
    CanteenFoodIssue,
    CanteenFoodItem,
    CanteenFoodLot,
    CanteenFoodMovement,
    CanteenSupplierLicence,
)

FUTURE_SLACK = _dt.timedelta(minutes=10)
# the warmest a chilled / frozen food may arrive (°C)
MAX_TEMP = {"chilled": Decimal("8"), "frozen": Decimal("-12")}
MAX_LINES = 60


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def storage_label(key: str | None) -> str:
    return tr(STORAGE[key]) if key in STORAGE else (key or "")


# --- supplier licences ----------------------------------------------------------------

def licence_of(supplier) -> CanteenSupplierLicence | None:
    supplier = record_or_none(Supplier, supplier)
    if supplier is None:
        return None
    return CanteenSupplierLicence.get_or_none(CanteenSupplierLicence.supplier == supplier)


def licence_problem(supplier, on: _dt.date | None = None) -> str | None:
    """None when the supplier's food-business licence is on record and valid on ``on``
    (default today); otherwise the sentence saying what is wrong."""
    supplier = record_or_none(Supplier, supplier)
    if supplier is None:
        return None
    on = on or clock.today()
    lic = licence_of(supplier)
    if lic is None or not lic.licence_no:
        return tr("{supplier} has no food-business licence on record.").format(supplier=supplier.name)
    if lic.valid_until is None:
        return tr("The licence of {supplier} ({number}) has no expiry date on record.").format(
            supplier=supplier.name, number=lic.licence_no)
    if lic.valid_until < on:
        return tr("The licence of {supplier} ({number}) expired on {date}.").format(
            supplier=supplier.name, number=lic.licence_no, date=lic.valid_until.isoformat())
    return None


def save_licence(supplier, licence_no: str, valid_until: _dt.date | None, note: str = "") -> CanteenSupplierLicence:
    """Record or change a supplier's licence number and expiry date (audited)."""
    supplier = record_or_none(Supplier, supplier)
    errors = {}
    number = _text(licence_no)
    if supplier is None:
        errors["supplier"] = tr("Choose the supplier.")
    if not number:
        errors["licence_no"] = tr("Enter the licence number.")
    elif len(number) > 60:
        errors["licence_no"] = tr("The licence number is too long (60 characters at most).")
    if valid_until is None:
        errors["valid_until"] = tr("Enter the date the licence expires.")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        lic = licence_of(supplier)
        if lic is None:
            lic = CanteenSupplierLicence.create(supplier=supplier, licence_no=number, valid_until=valid_until,
                                                note=_text(note) or None, updated_at=clock.now())
            audit.record_create(lic)
        else:
            before = audit.snapshot(lic)
            lic.licence_no, lic.valid_until, lic.note, lic.updated_at = number, valid_until, _text(note) or None, \
                clock.now()
            lic.save()
            audit.record_update(lic, before)
    return lic


def suppliers() -> list[dict]:
    """Active suppliers with their licence (number, expiry, problem today)."""
    lics = {lic.supplier_id: lic for lic in CanteenSupplierLicence.select()}
    today = clock.today()
    out = []
    for s in Supplier.select().where(Supplier.active == True).order_by(Supplier.name):  # noqa: E712
        lic = lics.get(s.id)
        out.append({"id": s.id, "name": s.name, "licence_no": lic.licence_no if lic else "",
                    "valid_until": lic.valid_until if lic else None, "problem": licence_problem(s, today)})
    out.sort(key=lambda s: (not s["licence_no"], s["name"]))  # the canteen's own suppliers first
    return out


# --- receivers --------------------------------------------------------------------

def receiver_problems(receivers, on: _dt.date) -> list[str]:
    """What stops each of ``receivers`` from handling food on ``on`` (``hygiene.fitness_problem``: no valid
    health certificate that day, or sent home by the morning check); empty when both may."""
    from .hygiene import fitness_problem

    out = []
    for person in receivers:
        problem = fitness_problem(record_or_none(Person, person), on)
        if problem:
            out.append(problem)
    return out


# --- food items -------------------------------------------------------------------

def food_items() -> list[CanteenFoodItem]:
    return list(CanteenFoodItem.select().where(CanteenFoodItem.active == True)  # noqa: E712
                .order_by(CanteenFoodItem.name))


def find_item(name: str) -> CanteenFoodItem | None:
    return CanteenFoodItem.get_or_none(CanteenFoodItem.name == _text(name))


def _remember_item(name: str, unit: str, storage: str, shelf_days: int | None) -> CanteenFoodItem:
    item = find_item(name)
    if item is None:
        item = CanteenFoodItem.create(name=name, unit=unit, storage=storage, shelf_days=shelf_days,
                                      created_at=clock.now())
        audit.record_create(item)
    elif (item.unit, item.storage, item.shelf_days) != (unit, storage, shelf_days if shelf_days else item.shelf_days):
        before = audit.snapshot(item)
        item.unit, item.storage = unit, storage
        if shelf_days:
            item.shelf_days = shelf_days
        item.save()
        audit.record_update(item, before)
    return item


# --- deliveries -----------------------------------------------------------------------

def _number(day: _dt.date) -> str:
    stamp = day.strftime("%Y%m%d")
    return numbering.next_unique(
        f"canteen-jh:{stamp}", lambda n: f"JH-{stamp}-{n:02d}",
        lambda c: CanteenDelivery.select().where(CanteenDelivery.number == c).exists())


def _date(value) -> _dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(value) from None


def _bool(value, default: bool = True) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value.strip().lower() not in ("0", "false", "no", "n", "否", "×", "x")
    return bool(value)


def use_by_from(produced_on: _dt.date | None, shelf_days: int | None) -> _dt.date | None:
    """The last day a food may be used: production date + shelf-life days - 1."""
    if produced_on is None or not shelf_days:
        return None
    return produced_on + _dt.timedelta(days=shelf_days - 1)


def _line_figures(raw: dict, unit: str, day: _dt.date, bad) -> tuple:
    """A line's quantity, production date, use-by date, shelf days and temperature (None where wrong)."""
    try:
        qty = parse_quantity(raw.get("quantity"), minimum=Decimal("0.001"), units=(unit,))
    except NumberError as e:
        bad(tr("quantity: {problem}").format(problem=e.message))
        qty = None
    try:
        produced = _date(raw.get("produced_on"))
        use_by = _date(raw.get("use_by"))
    except ValueError as e:
        bad(tr("“{text}” is not a date; write it as 2026-11-23.").format(text=e.args[0]))
        produced = use_by = None
    shelf = raw.get("shelf_days")
    try:
        shelf = parse_quantity(shelf, whole=True, minimum=1, maximum=3650, default=None)
    except NumberError:
        bad(tr("enter the shelf life as a whole number of days."))
        shelf = None
    if use_by is None:
        use_by = use_by_from(produced, shelf)
    if produced is not None and produced > day:
        bad(tr("the production date is after the delivery."))
    temp = raw.get("temperature")
    try:
        temp = parse_quantity(temp, minimum=None, maximum=100, default=None)
    except NumberError:
        bad(tr("enter the temperature in °C, e.g. 4.5 or -18."))
        temp = None
    return qty, produced, use_by, shelf, temp


def _line_failures(line: dict, day: _dt.date, bad) -> list[str]:
    """Why a line cannot be accepted: its look, smell, temperature, use-by date."""
    storage, temp, use_by = line["storage"], line["temperature"], line["use_by"]
    failed = []
    if not line["appearance_ok"]:
        failed.append(tr("appearance not normal"))
    if not line["smell_ok"]:
        failed.append(tr("smell not normal"))
    if storage in MAX_TEMP:
        if temp is None:
            bad(tr("{storage} food: enter the temperature measured on arrival.").format(
                storage=storage_label(storage)))
        elif temp > MAX_TEMP[storage]:
            failed.append(tr("{temp} °C is warmer than {max} °C allowed for {storage} food").format(
                temp=f"{temp:.1f}", max=MAX_TEMP[storage], storage=storage_label(storage)))
    if use_by is not None and use_by < day:
        failed.append(tr("past its use-by date ({date})").format(date=use_by.isoformat()))
    return failed


def check_line(n: int, raw: dict, day: _dt.date, errors: dict) -> dict | None:
    """One line checked; its errors go under ``line{n}``; None for an empty line."""
    name = _text(raw.get("item"))
    if not name and raw.get("quantity") in (None, ""):
        return None

    def bad(text: str) -> None:
        errors.setdefault(f"line{n}", tr("Line {n}: {problem}").format(n=n, problem=text))

    if not name:
        bad(tr("enter the food."))
        return None
    if len(name) > 100:
        bad(tr("the food's name is too long (100 characters at most)."))
    item = find_item(name)
    unit = _text(raw.get("unit")) or (item.unit if item else "") or "kg"
    storage = raw.get("storage") or (item.storage if item else "ambient")
    if storage not in STORAGE:
        bad(tr("choose how it is stored (ambient, chilled or frozen)."))
        storage = "ambient"
    qty, produced, use_by, shelf, temp = _line_figures(raw, unit, day, bad)
    accepted = _bool(raw.get("accepted"))
    reason = _text(raw.get("refuse_reason"))
    papers = _text(raw.get("papers"))
    line = {"item_name": name, "unit": unit[:20], "storage": storage, "quantity": qty, "produced_on": produced,
            "shelf_days": shelf, "use_by": use_by, "batch": _text(raw.get("batch"))[:60] or None,
            "papers": papers or None, "appearance_ok": _bool(raw.get("appearance_ok")),
            "smell_ok": _bool(raw.get("smell_ok")), "temperature": temp, "accepted": accepted,
            "refuse_reason": reason or None}
    failed = _line_failures(line, day, bad)
    if accepted:
        if failed:
            bad(tr("cannot be accepted: {reasons}. Refuse it and say why.").format(reasons=join_clauses(failed)))
        if use_by is None:
            bad(tr("enter the use-by date, or the production date and shelf life."))
        if not papers:
            bad(tr("enter the papers seen (inspection certificate or invoice number)."))
    elif not reason:
        bad(tr("say why it was refused."))
    if len(papers) > 200:
        bad(tr("the papers text is too long (200 characters at most)."))
    return line


def validate_delivery(values: dict[str, Any]) -> dict:
    """The delivery checked; raises ValidationError with every problem (fields: delivered_at, supplier,
    licence_reason, receiver1, receiver2, lines, line1…)."""
    errors: dict[str, str] = {}
    at = values.get("delivered_at")
    if not isinstance(at, _dt.datetime):
        errors["delivered_at"] = tr("Enter the date and time of the delivery.")
        at = clock.now()
    elif at > clock.now() + FUTURE_SLACK:
        errors["delivered_at"] = tr("The delivery time is in the future.")
    day = at.date()
    supplier = record_or_none(Supplier, values.get("supplier"))
    licence_reason = _text(values.get("licence_reason"))
    problem = None
    if supplier is None:
        errors["supplier"] = tr("Choose the supplier.")
    else:
        problem = licence_problem(supplier, day)
        if problem and not licence_reason:
            errors["licence_reason"] = problem + " " + tr("Write why the goods are taken from this supplier anyway.")
    from .hygiene import require_fit

    people = []
    receiver_reason = _text(values.get("receiver_reason"))
    problems = []
    for key in ("receiver1", "receiver2"):
        p = record_or_none(Person, values.get(key))
        if p is None:
            errors[key] = tr("Two people receive a delivery: choose both.")
        else:
            # the sampler's rule (hygiene.require_fit): not fit that day only with a written reason
            try:
                if require_fit(p, day, receiver_reason, key):
                    problems += receiver_problems([p], day)
            except ValidationError as e:
                errors.update(e.errors)
        people.append(p)
    if people[0] is not None and people[1] is not None and people[0].id == people[1].id:
        errors["receiver2"] = tr("The two receivers must be different people.")
    lines = []
    raw_lines = list(values.get("lines") or [])
    if len(raw_lines) > MAX_LINES:
        errors["lines"] = tr("At most {n} lines in one delivery.").format(n=MAX_LINES)
    for n, raw in enumerate(raw_lines, start=1):
        clean = check_line(n, raw, day, errors)
        if clean is not None:
            lines.append(clean)
    if not lines and "lines" not in errors:
        errors["lines"] = tr("Enter at least one line: what was delivered.")
    if errors:
        raise ValidationError(errors)
    return {"delivered_at": at, "day": day, "supplier": supplier, "licence_problem": problem,
            "licence_reason": licence_reason if problem else None, "receiver1": people[0],
            "receiver2": people[1], "receiver_problem": " ".join(problems) or None,
            "receiver_reason": receiver_reason if problems else None,
            "note": _text(values.get("note")) or None, "lines": lines}


def record_delivery(values: dict[str, Any]) -> CanteenDelivery:
    """Record a delivery checked on arrival; accepted lines go into the food store (one transaction)."""
    from . import food_store

    v = validate_delivery(values)
    lic = licence_of(v["supplier"])
    with database.atomic():
        d = CanteenDelivery.create(
            number=_number(v["day"]), day=v["day"], delivered_at=v["delivered_at"], supplier=v["supplier"],
            supplier_name=v["supplier"].name, licence_no=lic.licence_no if lic else None,
            licence_until=lic.valid_until if lic else None, licence_reason=v["licence_reason"],
            receiver1=v["receiver1"], receiver2=v["receiver2"], receiver_problem=v["receiver_problem"],
            receiver_reason=v["receiver_reason"], note=v["note"], created_at=clock.now())
        audit.record_create(d)
        for seq, ln in enumerate(v["lines"], start=1):
            item = _remember_item(ln["item_name"], ln["unit"], ln["storage"], ln["shelf_days"])
            line = CanteenDeliveryLine.create(delivery=d, seq=seq, item=item, **ln)
            audit.record_create(line)
            if line.accepted:
                food_store.receive_lot(line, d)
    return d


def get_delivery(ref) -> CanteenDelivery:
    if isinstance(ref, CanteenDelivery):
        return ref
    text = _text(ref)
    d = None
    if text.isdigit():
        d = CanteenDelivery.get_or_none(CanteenDelivery.id == int(text))
    elif text:
        d = CanteenDelivery.get_or_none(CanteenDelivery.number == text.upper())
    if d is None:
        raise NotFound(tr("Delivery {ref} does not exist.").format(ref=ref))
    return d


def void_delivery(delivery, reason: str) -> CanteenDelivery:
    """Void a delivery with its reason; its goods leave the store again (a 'void' movement per lot).
    Refused once any of its goods has been issued, discarded or counted: void those first."""
    d = get_delivery(delivery)
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": tr("Say why the delivery is voided.")})
    if d.voided:
        raise RuleError(tr("Delivery {number} is already voided.").format(number=d.number))
    lots = list(CanteenFoodLot.select().join(CanteenDeliveryLine).where(CanteenDeliveryLine.delivery == d))
    # an issue voided since (its 'issue' and 'unissue' movements) no longer holds the goods
    used = [lot for lot in lots if CanteenFoodMovement.select().join(
        CanteenFoodIssue, JOIN.LEFT_OUTER, on=(CanteenFoodMovement.issue == CanteenFoodIssue.id)).where(
        (CanteenFoodMovement.lot == lot) & (CanteenFoodMovement.kind != "in")
        & (CanteenFoodIssue.id.is_null() | (CanteenFoodIssue.voided == False))).exists()]  # noqa: E712
    if used:
        names = join_list(sorted({lot.item.name for lot in used}))
        raise RuleError(tr("Delivery {number} cannot be voided: some of its goods have already left the store "
                           "({items}).").format(number=d.number, items=names))
    with database.atomic():
        before = audit.snapshot(d)
        d.voided, d.void_reason, d.voided_at = True, reason, clock.now()
        d.save()
        audit.record_update(d, before, action="void", note=reason)
        for lot in lots:
            m = CanteenFoodMovement.create(lot=lot, item=lot.item_id, kind="void", quantity=-lot.remaining,
                                           moved_on=clock.today(), delivery=d, note=reason,
                                           created_at=clock.now())
            audit.record_create(m)
            lot_before = audit.snapshot(lot, ["remaining"])
            lot.remaining = Decimal(0)
            lot.save()
            audit.record_update(lot, lot_before, action="void")
    return d


# --- queries ----------------------------------------------------------------------------

def _names() -> dict[int, str]:
    return {p.id: p.name for p in Person.select(Person.id, Person.name)}


def deliveries(start: _dt.date, end: _dt.date, *, voided: bool = True) -> list[dict]:
    """The period's deliveries, oldest first, each with its lines (plain dicts)."""
    q = CanteenDelivery.select().where((CanteenDelivery.day >= start) & (CanteenDelivery.day <= end))
    if not voided:
        q = q.where(CanteenDelivery.voided == False)  # noqa: E712
    ds = list(q.order_by(CanteenDelivery.delivered_at, CanteenDelivery.id))
    lines: dict[int, list] = {}
    if ds:
        for ln in (CanteenDeliveryLine.select().where(CanteenDeliveryLine.delivery.in_([d.id for d in ds]))
                   .order_by(CanteenDeliveryLine.delivery, CanteenDeliveryLine.seq)):
            lines.setdefault(ln.delivery_id, []).append({
                "id": ln.id, "seq": ln.seq, "item": ln.item_name, "quantity": ln.quantity, "unit": ln.unit,
                "produced_on": ln.produced_on, "shelf_days": ln.shelf_days, "use_by": ln.use_by,
                "batch": ln.batch or "", "papers": ln.papers or "", "storage": ln.storage,
                "appearance_ok": ln.appearance_ok, "smell_ok": ln.smell_ok, "temperature": ln.temperature,
                "accepted": ln.accepted, "refuse_reason": ln.refuse_reason or ""})
    names = _names()
    out = []
    for d in ds:
        out.append({"id": d.id, "number": d.number, "day": d.day, "delivered_at": d.delivered_at,
                    "supplier": d.supplier_name, "licence_no": d.licence_no or "", "licence_until": d.licence_until,
                    "licence_reason": d.licence_reason or "", "receiver1": names.get(d.receiver1_id, ""),
                    "receiver2": names.get(d.receiver2_id, ""), "receiver_problem": d.receiver_problem or "",
                    "receiver_reason": d.receiver_reason or "", "note": d.note or "", "voided": d.voided,
                    "void_reason": d.void_reason or "", "lines": lines.get(d.id, [])})
    return out


def deliveries_by_day(start: _dt.date, end: _dt.date) -> dict[_dt.date, dict]:
    """For the compliance check: per day with a (not voided) delivery, {"deliveries": n,
    "accepted": lines accepted, "refused": lines refused}. Days without deliveries are absent."""
    out: dict[_dt.date, dict] = {}
    q = (CanteenDeliveryLine.select(CanteenDelivery.day, CanteenDelivery.id, CanteenDeliveryLine.accepted)
         .join(CanteenDelivery)
         .where((CanteenDelivery.day >= start) & (CanteenDelivery.day <= end)
                & (CanteenDelivery.voided == False))  # noqa: E712
         .tuples())
    seen: dict[_dt.date, set] = {}
    for day, did, accepted in q:
        row = out.setdefault(day, {"deliveries": 0, "accepted": 0, "refused": 0})
        seen.setdefault(day, set()).add(did)
        row["deliveries"] = len(seen[day])
        row["accepted" if accepted else "refused"] += 1
    return out


def receiver_text(d: dict) -> str:
    """A delivery whose receiver was chosen without being fit, in one sentence: the problem as it stood
    that day and the reason written (empty when both receivers were fit)."""
    if not d.get("receiver_reason"):
        return ""
    return tr("Receiver chosen anyway: {problem} Reason: {reason}").format(
        problem=d["receiver_problem"], reason=d["receiver_reason"])


def sensory_text(line: dict) -> str:
    """The sensory check of a line in a few words: 外观正常，气味正常，4.0 °C (English: "appearance normal, …")."""
    parts = [tr("appearance normal") if line["appearance_ok"] else tr("appearance not normal"),
             tr("smell normal") if line["smell_ok"] else tr("smell not normal")]
    if line.get("temperature") is not None:
        parts.append(f"{Decimal(str(line['temperature'])):.1f} °C")
    return join_phrases(parts)


def export_sheets(start: _dt.date, end: _dt.date) -> list[tuple[str, list[str], list[list]]]:
    """Sheets for ``export canteen``: (title, headers, rows) for the receiving ledger, the store's
    movements of the period and the stock now."""
    from . import food_store

    rec_headers = [tr("Delivery No."), tr("Date"), tr("Time"), tr("Supplier"), tr("Licence No."),
                   tr("Licence valid until"), tr("Food"), tr("Quantity"), tr("Unit"), tr("Production date"),
                   tr("Shelf life (days)"), tr("Use by"), tr("Batch"), tr("Papers seen"), tr("Storage"),
                   tr("Sensory check"), tr("Accepted or refused"), tr("Reason"), tr("Received by"), tr("Notes")]
    rec_rows = []
    for d in deliveries(start, end):
        note = d["note"]
        if d["licence_reason"]:
            note = (note + " " if note else "") + tr("Licence: {reason}").format(reason=d["licence_reason"])
        if d["receiver_reason"]:
            note = (note + " " if note else "") + receiver_text(d)
        if d["voided"]:
            note = (note + " " if note else "") + tr("VOIDED: {reason}").format(reason=d["void_reason"])
        for ln in d["lines"]:
            rec_rows.append([d["number"], d["day"], d["delivered_at"].strftime("%H:%M"), d["supplier"],
                             d["licence_no"], d["licence_until"], ln["item"], ln["quantity"], ln["unit"],
                             ln["produced_on"], ln["shelf_days"], ln["use_by"], ln["batch"], ln["papers"],
                             storage_label(ln["storage"]), sensory_text(ln),
                             tr("Accepted") if ln["accepted"] else tr("Refused"), ln["refuse_reason"],
                             join_list([d["receiver1"], d["receiver2"]]), note])
    mv_headers = [tr("Date"), tr("Document No."), tr("Food"), tr("Unit"), tr("Movement"), tr("In"), tr("Out"),
                  tr("Use by"), tr("Batch"), tr("Notes")]
    mv_rows = [[m["moved_on"], m["doc"], m["item"], m["unit"], m["kind_label"], m["in_qty"], m["out_qty"],
                m["use_by"], m["batch"], m["note"]] for m in food_store.movements(start, end)]
    st_headers = [tr("Food"), tr("Unit"), tr("In stock"), tr("Use by"), tr("Batch"), tr("Received on"), tr("State")]
    st_rows = [[r["item"], r["unit"], r["remaining"], r["use_by"], r["batch"], r["received_on"], r["state_label"]]
               for r in food_store.lots()]
    return [(tr("Receiving"), rec_headers, rec_rows), (tr("Food store movements"), mv_headers, mv_rows),
            (tr("Food in stock"), st_headers, st_rows)]


def expiring(today: _dt.date | None = None, days: int = 3) -> list[dict]:
    """Store lots with stock that have expired or expire within ``days`` days (for Today)."""
    from . import food_store

    return food_store.expiring(today, days)


def receiving_pdf(start: _dt.date, end: _dt.date, progress=None, cancel=None) -> bytes:
    """食品进货查验记录表 of a period (``print food-receiving``)."""
    from . import food_forms

    return food_forms.food_receiving(deliveries(start, end), start, end, progress=progress, cancel=cancel)
