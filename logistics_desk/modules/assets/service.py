"""The asset register's rules and workflows (no Qt).

Every function that changes data runs in one transaction with its change-record
entries and a line in the asset's history (``AssetEvent``). Other modules
(stock-take, repairs, purchases) call ``register``, ``set_status``,
``transfer``, ``write_off``, ``report_damage`` and ``add_event`` here rather
than writing the tables themselves.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ...core import audit, clock, masterdata, numbering, settings
from ...core.db import database
from ...core.errors import NotFound, RuleError, ValidationError
from ...core.i18n import tr
from ...core.masterdata import Category, Department, Person, Place, Supplier
from .models import (
    ACTIVE_STATUSES,
    DAMAGE_CAUSES,
    DISPOSAL_METHODS,
    SOURCES,
    STATUSES,
    Asset,
    AssetDamage,
    AssetDisposal,
    AssetEvent,
    AssetLoan,
    AssetTransfer,
)

settings.register_defaults({
    # year, category code, sequence: 2026-JJ-00012
    "assets.number_pattern": "{year}-{code}-{seq:05d}",
    # what "the price" means for damage compensation: original | net_book_value
    "assets.compensation_basis": "original",
})

NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")
CENT = Decimal("0.01")

FIELD_LABELS = {
    "number": "Asset number", "name": "Name", "category": "Category", "model_spec": "Model / spec",
    "brand": "Brand", "unit": "Unit", "quantity": "Quantity", "unit_price": "Unit price", "amount": "Amount",
    "acquired_on": "Acquired on", "source": "Source", "supplier": "Supplier", "invoice_no": "Invoice number",
    "funding_source": "Funding source", "place": "Place", "department": "Department / class",
    "custodian": "Custodian", "status": "Status", "warranty_end": "Warranty until", "serial_no": "Serial number",
    "note": "Notes", "low_value": "Low-value item",
}
EDITABLE = ["name", "category", "model_spec", "brand", "unit", "quantity", "unit_price", "acquired_on", "source",
            "supplier", "invoice_no", "funding_source", "place", "department", "custodian", "status",
            "warranty_end", "serial_no", "note"]


def get_asset(asset_id: int) -> Asset:
    asset = Asset.get_or_none(Asset.id == asset_id)
    if asset is None:
        raise NotFound(tr("The asset no longer exists."))
    return asset


def find_by_number(number: str) -> Asset | None:
    number = (number or "").strip()
    return Asset.get_or_none(Asset.number == number) if number else None


# --- values and checks -------------------------------------------------------

def to_decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(",", "").replace("¥", "").replace("￥", "").strip())
    except InvalidOperation:
        return None


def money(value: Any) -> Decimal:
    return (to_decimal(value) or Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)


def _fk(model, value):
    if value in (None, "", 0):
        return None
    if isinstance(value, model):
        return value
    try:
        return model.get_or_none(model.id == int(value))
    except (TypeError, ValueError):
        return None


def validate(values: dict[str, Any], asset: Asset | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean ``values`` (ids for links) and check every field; returns (clean, errors)."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    merged = dict(values)
    if asset is not None:
        current = audit.snapshot(asset)
        for k in EDITABLE:
            merged.setdefault(k, current.get(k))

    def text(key, max_len, required=False):
        v = merged.get(key)
        v = "" if v is None else str(v).strip()
        if required and not v:
            errors[key] = tr("This field is required.")
        elif len(v) > max_len:
            errors[key] = tr("At most {n} characters.").format(n=max_len)
        clean[key] = v or None

    text("name", 200, required=True)
    text("model_spec", 200)
    text("brand", 100)
    text("unit", 20)
    clean["unit"] = clean["unit"] or "件"
    text("invoice_no", 100)
    text("funding_source", 100)
    text("serial_no", 100)
    text("note", 2000)

    category = _fk(Category, merged.get("category"))
    if category is None:
        errors["category"] = tr("Choose a category.") if not merged.get("category") else tr("Unknown category.")
    clean["category"] = category

    for key, model in (("place", Place), ("department", Department), ("custodian", Person), ("supplier", Supplier)):
        raw = merged.get(key)
        obj = _fk(model, raw)
        if raw not in (None, "", 0) and obj is None:
            errors[key] = tr("Unknown value.")
        clean[key] = obj

    q = merged.get("quantity", 1)
    try:
        qty = int(str(q).strip()) if q not in (None, "") else 1
        if qty < 1:
            raise ValueError
        clean["quantity"] = qty
    except (TypeError, ValueError):
        errors["quantity"] = tr("Enter a whole number of at least 1.")

    price = to_decimal(merged.get("unit_price", 0) if merged.get("unit_price") not in (None, "") else 0)
    if price is None or price < 0:
        errors["unit_price"] = tr("Enter an amount of money of 0 or more, e.g. 3500.00.")
    elif price >= Decimal("1e11"):
        errors["unit_price"] = tr("The amount is too large.")
    else:
        clean["unit_price"] = price.quantize(CENT, rounding=ROUND_HALF_UP)

    acquired = merged.get("acquired_on")
    if not isinstance(acquired, _dt.date):
        errors["acquired_on"] = tr("Enter the acquisition date.")
    elif acquired > clock.today():
        errors["acquired_on"] = tr("The acquisition date cannot be in the future.")
    clean["acquired_on"] = acquired

    warranty = merged.get("warranty_end")
    if warranty not in (None, "") and not isinstance(warranty, _dt.date):
        errors["warranty_end"] = tr("Enter a date.")
    elif isinstance(warranty, _dt.date) and isinstance(acquired, _dt.date) and warranty < acquired:
        errors["warranty_end"] = tr("The warranty cannot end before the acquisition date.")
    clean["warranty_end"] = warranty or None

    source = merged.get("source") or "purchase"
    if source not in SOURCES:
        errors["source"] = tr("Unknown source.")
    clean["source"] = source

    status = merged.get("status") or "in_use"
    if status not in STATUSES:
        errors["status"] = tr("Unknown status.")
    elif asset is not None and status != asset.status and (status == "disposed" or asset.status == "disposed"):
        errors["status"] = tr("Use “Write off” to dispose of an asset; a disposed asset cannot be changed back.")
    elif asset is None and status in ("disposed", "lent", "shortage"):
        errors["status"] = tr("A new asset is in use or idle.")
    clean["status"] = status

    number = merged.get("number")
    if asset is None and number not in (None, ""):
        number = str(number).strip()
        if not NUMBER_RE.match(number):
            errors["number"] = tr("Use letters, digits and - . / _ only (a scanner must be able to type it).")
        elif Asset.select().where(Asset.number == number).exists():
            errors["number"] = tr("Asset number {number} already exists.").format(number=number)
        clean["number"] = number
    if "quantity" in clean and "unit_price" in clean:
        clean["amount"] = (clean["unit_price"] * clean["quantity"]).quantize(CENT)
        clean["low_value"] = is_low_value(clean["unit_price"], category)
    return clean, errors


def is_low_value(unit_price: Decimal, category: Category | None) -> bool:
    key = "assets.threshold_special" if masterdata.category_is_special(category) else "assets.threshold_general"
    return unit_price < Decimal(str(settings.get(key)))


def next_number(category: Category, year: int) -> str:
    pattern = settings.get("assets.number_pattern") or "{year}-{code}-{seq:05d}"

    def fmt(seq: int) -> str:
        return pattern.format(year=year, code=category.code, seq=seq)

    return numbering.next_unique(f"asset:{year}:{category.code}", fmt,
                                 lambda n: Asset.select().where(Asset.number == n).exists())


# --- history -----------------------------------------------------------------

def add_event(asset: Asset, kind: str, summary: str, *, event_date: _dt.date | None = None,
              doc_no: str | None = None, ref_table: str | None = None, ref_id: int | None = None) -> AssetEvent:
    """A line in the asset's history; call inside the transaction of the change."""
    return AssetEvent.create(asset=asset, kind=kind, event_date=event_date or clock.today(), created_at=clock.now(),
                             summary=summary, doc_no=doc_no, ref_table=ref_table, ref_id=ref_id)


def history(asset: Asset) -> list[AssetEvent]:
    return list(AssetEvent.select().where(AssetEvent.asset == asset).order_by(AssetEvent.event_date, AssetEvent.id))


def display_value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if field == "status":
        return tr(STATUSES.get(value, value))
    if field == "source":
        return tr(SOURCES.get(value, value))
    model = {"category": Category, "place": Place, "department": Department, "custodian": Person,
             "supplier": Supplier}.get(field)
    if model is not None:
        obj = value if isinstance(value, model) else model.get_or_none(model.id == value)
        return str(obj) if obj is not None else str(value)
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


# --- writing -------------------------------------------------------------------

def register(values: dict[str, Any], copies: int = 1, *, event_kind: str = "register",
             event_summary: str | None = None, ref_table: str | None = None, ref_id: int | None = None) -> list[Asset]:
    """Register one asset, or ``copies`` identical ones each with its own number."""
    if copies < 1 or copies > 1000:
        raise ValidationError({"copies": tr("Copy into 1 to 1000 records.")})
    clean, errors = validate(values)
    if copies > 1 and clean.get("number"):
        errors["number"] = tr("Leave the number empty when copying into several records.")
    if errors:
        raise ValidationError(errors)
    created = []
    now = clock.now()
    with database.atomic():
        for _ in range(copies):
            row = dict(clean)
            if not row.get("number"):
                row["number"] = next_number(row["category"], row["acquired_on"].year)
            asset = Asset.create(**row, created_at=now, updated_at=now)
            audit.record_create(asset)
            add_event(asset, event_kind, event_summary or tr("Registered: {name}, {qty} {unit}, {amount} yuan").format(
                name=asset.name, qty=asset.quantity, unit=asset.unit, amount=f"{asset.amount:,.2f}"),
                event_date=asset.acquired_on if event_kind == "register" else None,
                ref_table=ref_table, ref_id=ref_id)
            created.append(asset)
    return created


def update(asset: Asset, values: dict[str, Any]) -> Asset:
    """Edit an asset's fields (not its number); each changed field is recorded."""
    asset = get_asset(asset.id)
    values = {k: v for k, v in values.items() if k in EDITABLE}
    clean, errors = validate(values, asset)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        before = audit.snapshot(asset)
        for k in EDITABLE + ["amount", "low_value"]:
            if k in clean:
                setattr(asset, k, clean[k])
        after = audit.snapshot(asset)
        changes = audit.diff({k: before[k] for k in after}, after)
        changes.pop("updated_at", None)
        if not changes:
            return asset
        asset.updated_at = clock.now()
        asset.save()
        audit.record("asset", asset.id, "update", changes)
        parts = [f"{tr(FIELD_LABELS.get(f, f))}: {display_value(f, old)} → {display_value(f, new)}"
                 for f, (old, new) in changes.items() if f not in ("amount", "low_value")]
        if parts:
            add_event(asset, "edit", "; ".join(parts))
    return asset


def _save_fields(asset: Asset, fields: dict[str, Any], action: str, note: str | None = None) -> None:
    before = audit.snapshot(asset, list(fields))
    for k, v in fields.items():
        setattr(asset, k, v)
    asset.updated_at = clock.now()
    asset.save()
    audit.record_update(asset, before, action=action, note=note)


def _require_active(asset: Asset) -> None:
    if asset.status not in ACTIVE_STATUSES:
        raise RuleError(tr("Asset {number} is {status}; this cannot be done.").format(
            number=asset.number, status=tr(STATUSES[asset.status])))


def _doc(prefix: str, model, on: _dt.date) -> str:
    return numbering.document_number(prefix, on.year, lambda n: model.select().where(model.doc_no == n).exists())


def transfer(asset: Asset, *, place=None, department=None, custodian=None, on: _dt.date | None = None,
             reason: str = "", keep: tuple[str, ...] = ()) -> AssetTransfer:
    """Move an asset to a new place, department or custodian (调拨), with date and reason.

    Fields not given keep their value. ``keep`` is unused (compatibility).
    """
    asset = get_asset(asset.id)
    on = on or clock.today()
    errors = {}
    new = {
        "place": _fk(Place, place) if place not in (None, "") else asset.place,
        "department": _fk(Department, department) if department not in (None, "") else asset.department,
        "custodian": _fk(Person, custodian) if custodian not in (None, "") else asset.custodian,
    }
    for k, raw in (("place", place), ("department", department), ("custodian", custodian)):
        if raw not in (None, "") and new[k] is None:
            errors[k] = tr("Unknown value.")
    if not (reason or "").strip():
        errors["reason"] = tr("Give the reason for the transfer.")
    if on > clock.today():
        errors["date"] = tr("The date cannot be in the future.")
    if not errors and all((getattr(asset, f"{k}_id") == (new[k].id if new[k] else None)) for k in new):
        errors["place"] = tr("Nothing changes: choose a new place, department or custodian.")
    if errors:
        raise ValidationError(errors)
    _require_active(asset)
    with database.atomic():
        doc = _doc("DB", AssetTransfer, on)
        t = AssetTransfer.create(
            doc_no=doc, asset=asset, transfer_date=on, reason=reason.strip(), created_at=clock.now(),
            from_place=asset.place, to_place=new["place"], from_department=asset.department,
            to_department=new["department"], from_custodian=asset.custodian, to_custodian=new["custodian"])
        audit.record_create(t)
        parts = []
        for k, label in (("place", "Place"), ("department", "Department / class"), ("custodian", "Custodian")):
            old_obj = getattr(asset, k)
            if (old_obj.id if old_obj else None) != (new[k].id if new[k] else None):
                parts.append(f"{tr(label)}: {old_obj or '—'} → {new[k] or '—'}")
        _save_fields(asset, new, "transfer", note=doc)
        add_event(asset, "transfer", "; ".join(parts) + f" ({reason.strip()})", event_date=on, doc_no=doc,
                  ref_table="asset_transfer", ref_id=t.id)
    return t


def lend(asset: Asset, *, borrower_name: str, due_on: _dt.date, lent_on: _dt.date | None = None,
         borrower=None, department=None, purpose: str = "") -> AssetLoan:
    asset = get_asset(asset.id)
    lent_on = lent_on or clock.today()
    errors = {}
    person = _fk(Person, borrower)
    name = (borrower_name or (person.name if person else "")).strip()
    if not name:
        errors["borrower_name"] = tr("Who borrows it?")
    if not isinstance(due_on, _dt.date):
        errors["due_on"] = tr("Enter the date it is due back.")
    elif due_on < lent_on:
        errors["due_on"] = tr("The due date cannot be before the loan date.")
    if errors:
        raise ValidationError(errors)
    if asset.status not in ("in_use", "idle"):
        raise RuleError(tr("Asset {number} is {status} and cannot be lent.").format(
            number=asset.number, status=tr(STATUSES[asset.status])))
    with database.atomic():
        doc = _doc("JY", AssetLoan, lent_on)
        loan = AssetLoan.create(doc_no=doc, asset=asset, borrower=person, borrower_name=name,
                                department=_fk(Department, department), lent_on=lent_on, due_on=due_on,
                                purpose=(purpose or "").strip() or None, created_at=clock.now())
        audit.record_create(loan)
        _save_fields(asset, {"status": "lent"}, "loan", note=doc)
        add_event(asset, "loan", tr("Lent to {name}, due back {due}").format(name=name, due=due_on.isoformat()),
                  event_date=lent_on, doc_no=doc, ref_table="asset_loan", ref_id=loan.id)
    return loan


def open_loan(asset: Asset) -> AssetLoan | None:
    return (AssetLoan.select().where((AssetLoan.asset == asset) & AssetLoan.returned_on.is_null())
            .order_by(AssetLoan.id.desc()).first())


def take_back(asset: Asset, *, returned_on: _dt.date | None = None, note: str = "") -> AssetLoan:
    asset = get_asset(asset.id)
    loan = open_loan(asset)
    if loan is None:
        raise RuleError(tr("Asset {number} is not on loan.").format(number=asset.number))
    returned_on = returned_on or clock.today()
    if returned_on < loan.lent_on:
        raise ValidationError({"returned_on": tr("The return date cannot be before the loan date.")})
    with database.atomic():
        before = audit.snapshot(loan, ["returned_on", "return_note"])
        loan.returned_on = returned_on
        loan.return_note = (note or "").strip() or None
        loan.save()
        audit.record_update(loan, before, action="return")
        _save_fields(asset, {"status": "in_use"}, "return", note=loan.doc_no)
        late = (returned_on - loan.due_on).days
        summary = tr("Returned by {name}").format(name=loan.borrower_name)
        if late > 0:
            summary += tr(" ({days} days late)").format(days=late)
        add_event(asset, "return", summary, event_date=returned_on, doc_no=loan.doc_no,
                  ref_table="asset_loan", ref_id=loan.id)
    return loan


def overdue_loans(on: _dt.date | None = None):
    on = on or clock.today()
    return (AssetLoan.select(AssetLoan, Asset).join(Asset)
            .where(AssetLoan.returned_on.is_null() & (AssetLoan.due_on < on)).order_by(AssetLoan.due_on))


def compensation_for(asset: Asset, cause: str, quantity: int = 1, on: _dt.date | None = None) -> tuple[str, Decimal, Decimal]:
    """(basis, base value, compensation) under the school's rule.

    Natural wear: the school bears it (0). Accidental: the price (照价赔偿).
    Deliberate: double the price (加倍赔偿). "The price" is the original unit
    price or the net book value, as the setting says.
    """
    basis = settings.get("assets.compensation_basis") or "original"
    if basis == "net_book_value":
        nbv = net_book_value(asset, on)
        per_unit = (nbv / asset.quantity) if nbv is not None else asset.unit_price
    else:
        basis = "original"
        per_unit = asset.unit_price
    base = (Decimal(per_unit) * quantity).quantize(CENT, rounding=ROUND_HALF_UP)
    factor = {"natural": 0, "accidental": 1, "deliberate": 2}[cause]
    return basis, base, (base * factor).quantize(CENT)


def report_damage(asset: Asset, *, cause: str, description: str, on: _dt.date | None = None,
                  responsible=None, responsible_name: str = "", discipline_note: str = "", quantity: int = 1,
                  new_status: str | None = None, ref_table: str | None = None, ref_id: int | None = None) -> AssetDamage:
    asset = get_asset(asset.id)
    on = on or clock.today()
    errors = {}
    if cause not in DAMAGE_CAUSES:
        errors["cause"] = tr("Choose the cause.")
    if not (description or "").strip():
        errors["description"] = tr("Describe the damage.")
    person = _fk(Person, responsible)
    who = (responsible_name or (person.name if person else "")).strip()
    if cause in ("accidental", "deliberate") and not who:
        errors["responsible_name"] = tr("Name the person responsible: they pay the compensation.")
    if cause == "deliberate" and not (discipline_note or "").strip():
        errors["discipline_note"] = tr("Deliberate damage needs a discipline note.")
    if not (1 <= int(quantity or 0) <= asset.quantity):
        errors["quantity"] = tr("Between 1 and {n}.").format(n=asset.quantity)
    if new_status is not None and new_status not in ("in_use", "idle", "repair"):
        errors["status"] = tr("Unknown status.")
    if errors:
        raise ValidationError(errors)
    _require_active(asset)
    basis, base, comp = compensation_for(asset, cause, int(quantity), on)
    with database.atomic():
        doc = _doc("SH", AssetDamage, on)
        d = AssetDamage.create(doc_no=doc, asset=asset, damage_date=on, cause=cause, description=description.strip(),
                               responsible=person, responsible_name=who or None, price_basis=basis, base_value=base,
                               compensation=comp, discipline_note=(discipline_note or "").strip() or None,
                               ref_table=ref_table, ref_id=ref_id, created_at=clock.now())
        audit.record_create(d)
        if new_status and new_status != asset.status:
            _save_fields(asset, {"status": new_status}, "damage", note=doc)
        summary = tr("Damage ({cause}): {description}").format(cause=tr(DAMAGE_CAUSES[cause]),
                                                                 description=description.strip())
        if comp:
            summary += tr("; {name} pays {amount} yuan").format(name=who, amount=f"{comp:,.2f}")
        add_event(asset, "damage", summary, event_date=on, doc_no=doc, ref_table="asset_damage", ref_id=d.id)
    return d


def write_off(asset: Asset, *, reason: str, approver: str, method: str, on: _dt.date | None = None,
              ref_table: str | None = None, ref_id: int | None = None) -> AssetDisposal:
    """Write an asset off (报废/处置): the record stays, its status becomes disposed."""
    asset = get_asset(asset.id)
    on = on or clock.today()
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = tr("Give the reason.")
    if not (approver or "").strip():
        errors["approver"] = tr("Who approved it?")
    if method not in DISPOSAL_METHODS:
        errors["method"] = tr("Choose the disposal method.")
    if on > clock.today():
        errors["date"] = tr("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    if asset.status == "disposed":
        raise RuleError(tr("Asset {number} has already been written off.").format(number=asset.number))
    if asset.status == "lent":
        raise RuleError(tr("Asset {number} is on loan: take it back first.").format(number=asset.number))
    nbv = net_book_value(asset, on)
    with database.atomic():
        doc = _doc("BF", AssetDisposal, on)
        d = AssetDisposal.create(doc_no=doc, asset=asset, disposal_date=on, reason=reason.strip(),
                                 approver=approver.strip(), method=method,
                                 net_value=nbv if nbv is not None else asset.amount, created_at=clock.now())
        audit.record_create(d)
        _save_fields(asset, {"status": "disposed"}, "writeoff", note=doc)
        add_event(asset, "writeoff", tr("Written off ({method}): {reason}; approved by {approver}").format(
            method=tr(DISPOSAL_METHODS[method]), reason=reason.strip(), approver=approver.strip()),
            event_date=on, doc_no=doc, ref_table=ref_table or "asset_disposal", ref_id=ref_id or d.id)
    return d


def set_status(asset: Asset, status: str, summary: str, *, kind: str = "status", on: _dt.date | None = None,
               ref_table: str | None = None, ref_id: int | None = None) -> Asset:
    """Change status for another module's workflow (repair, stock-take), with a history line."""
    asset = get_asset(asset.id)
    if status not in STATUSES or status == "disposed":
        raise RuleError(tr("Unknown status."))
    with database.atomic():
        if status != asset.status:
            _save_fields(asset, {"status": status}, kind, note=summary)
        add_event(asset, kind, summary, event_date=on, ref_table=ref_table, ref_id=ref_id)
    return asset


# --- depreciation --------------------------------------------------------------

def months_depreciated(acquired: _dt.date, on: _dt.date) -> int:
    """Months of depreciation by ``on``: from the month of acquisition (当月增加，当月计提)."""
    if on < acquired:
        return 0
    return (on.year - acquired.year) * 12 + (on.month - acquired.month) + 1


def net_book_value(asset: Asset, on: _dt.date | None = None) -> Decimal | None:
    """Straight line by month over the category's useful life, no residual value.

    None for categories that are not depreciated and for low-value items.
    """
    life = masterdata.category_life_years(asset.category)
    if life is None or asset.low_value:
        return None
    on = on or clock.today()
    total = life * 12
    months = min(months_depreciated(asset.acquired_on, on), total)
    value = Decimal(asset.amount)
    return (value - value * months / total).quantize(CENT, rounding=ROUND_HALF_UP)


def accumulated_depreciation(asset: Asset, on: _dt.date | None = None) -> Decimal | None:
    nbv = net_book_value(asset, on)
    return None if nbv is None else (Decimal(asset.amount) - nbv).quantize(CENT)
