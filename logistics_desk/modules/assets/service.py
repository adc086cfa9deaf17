"""The asset register's rules and workflows (no Qt).

Every function that changes data runs in one transaction with its change-record
entries and a line in the asset's history (``AssetEvent``). Other modules
(stock-take, repairs, purchases) call ``register``, ``set_status``,
``transfer``, ``write_off``, ``report_damage`` and ``add_event`` here rather
than writing the tables themselves.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from peewee import JOIN

from ...core import audit, clock, masterdata, numbering, pinyin, settings
from ...core.db import database, indexes_set_aside, insert_plain, quoted, record_or_none, table_sql
from ...core.errors import NotFound, RuleError, UserError, ValidationError
from ...core.i18n import N_, join_list, tr
from ...core.masterdata import Category, Department, Person, Place, Supplier
from ...core.money import CENT, NumberError, parse_money, parse_quantity, to_decimal
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
    search_text_of,
)

settings.register_defaults({
    # year, category code, sequence: 2026-JJ-00012
    "assets.number_pattern": "{year}-{code}-{seq:05d}",
    # what "the price" means for damage compensation: original | net_book_value
    "assets.compensation_basis": "original",
})

NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")
MAX_UNIT_PRICE = Decimal("99999999999.99")  # the column holds 14 digits, 2 after the point

FIELD_LABELS = {
    "number": "Asset number", "name": "Name", "category": "Category", "model_spec": "Model / spec",
    "brand": "Brand", "unit": "Unit", "quantity": "Quantity", "unit_price": "Unit price", "amount": "Amount",
    "acquired_on": "Acquired on", "source": "Source", "supplier": "Supplier", "invoice_no": "Invoice number",
    "funding_source": "Funding source", "place": "Place", "department": "Department / class",
    "custodian": "Custodian", "status": "Status", "warranty_end": "Warranty until", "serial_no": "Serial number",
    "note": "Notes", "low_value": N_("Low-value item"),
}
EDITABLE = ["name", "category", "model_spec", "brand", "unit", "quantity", "unit_price", "acquired_on", "source",
            "supplier", "invoice_no", "funding_source", "place", "department", "custodian", "status",
            "warranty_end", "serial_no", "note"]


def get_asset(asset_id: int) -> Asset:
    asset = Asset.get_or_none(Asset.id == asset_id)
    if asset is None:
        raise NotFound(tr("The asset no longer exists."))
    return asset


def find_asset(asset_id: int | None) -> Asset | None:
    """The asset ``asset_id``, None if there is none."""
    return Asset.get_or_none(Asset.id == asset_id) if asset_id is not None else None


def assets_by_number(asset_ids: list[int]) -> list[Asset]:
    """The assets ``asset_ids`` names (those that exist), in the order of their numbers."""
    return list(Asset.select().where(Asset.id.in_(asset_ids)).order_by(Asset.number)) if asset_ids else []


def ids_by_number(asset_ids: list[int]) -> list[tuple[int, str]]:
    """(id, number) of the assets ``asset_ids`` names, in the order of their numbers (reads only the two)."""
    numbers = {a.id: a.number for a in Asset.select(Asset.id, Asset.number).where(Asset.id.in_(asset_ids))}
    return [(i, numbers[i]) for i in sorted(numbers, key=numbers.get)]


def asset_ids_in(result) -> list[int]:
    """The assets a service call's result touched: an asset, a record of one (a transfer, a loan...), or a list
    of them."""
    out = []
    for item in result if isinstance(result, list) else [result]:
        if isinstance(item, Asset):
            out.append(item.id)
        elif hasattr(item, "asset_id"):
            out.append(item.asset_id)
    return out


def find_by_number(number: str) -> Asset | None:
    number = (number or "").strip()
    return Asset.get_or_none(Asset.number == number) if number else None


# --- values and checks -------------------------------------------------------

def money(value: Any) -> Decimal:
    return (to_decimal(value) or Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)


_fk = record_or_none


def validate(values: dict[str, Any], asset: Asset | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean ``values`` (ids for links) and check every field; returns (clean, errors)."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    merged = dict(values)
    if asset is not None:
        current = audit.snapshot(asset)
        for k in EDITABLE:
            merged.setdefault(k, current.get(k))
    _check_texts(merged, clean, errors)
    category = _check_links(merged, clean, errors)
    _check_quantity_and_price(merged, clean, errors)
    _check_dates(merged, clean, errors)
    _check_source_and_status(merged, asset, clean, errors)
    if asset is None:
        _check_new_number(merged, clean, errors)
    if "quantity" in clean and "unit_price" in clean:
        clean["amount"] = (clean["unit_price"] * clean["quantity"]).quantize(CENT)
        clean["low_value"] = is_low_value(clean["unit_price"], category)
    return clean, errors


def _check_texts(merged: dict, clean: dict, errors: dict) -> None:
    """The text fields: stripped, the name required, each within its length (the unit "件" by default)."""

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


def _check_links(merged: dict, clean: dict, errors: dict) -> Category | None:
    """The category (required) and the place, department, custodian and supplier (known when given)."""
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
    return category


def _check_quantity_and_price(merged: dict, clean: dict, errors: dict) -> None:
    """A whole quantity of at least 1 and a unit price within the limit."""
    try:
        clean["quantity"] = parse_quantity(merged.get("quantity", 1), default=1, whole=True, minimum=1,
                                           message=tr("Enter a whole number of at least 1."))
    except NumberError as e:
        errors["quantity"] = e.message

    try:
        clean["unit_price"] = parse_money(merged.get("unit_price"), default=Decimal("0.00"), maximum=MAX_UNIT_PRICE,
                                          message=tr("Enter an amount of money of 0 or more, e.g. 3500.00."))
    except NumberError as e:
        errors["unit_price"] = e.message


def _check_dates(merged: dict, clean: dict, errors: dict) -> None:
    """An acquisition date by today, and a warranty that ends after it."""
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


def _check_source_and_status(merged: dict, asset: Asset | None, clean: dict, errors: dict) -> None:
    """A known source; a status an edit may set (disposing and voiding have their own actions)."""
    source = merged.get("source") or "purchase"
    if source not in SOURCES:
        errors["source"] = tr("Unknown source.")
    clean["source"] = source

    status = merged.get("status") or "in_use"
    if status not in STATUSES:
        errors["status"] = tr("Unknown status.")
    elif asset is not None and status != asset.status and (status == "disposed" or asset.status == "disposed"):
        errors["status"] = tr("Use “Write off” to dispose of an asset; a disposed asset cannot be changed back.")
    elif asset is not None and status != asset.status and "voided" in (status, asset.status):
        errors["status"] = tr("A record entered in error is voided, not given another status.")
    elif asset is None and status in ("disposed", "lent", "shortage", "voided"):
        errors["status"] = tr("A new asset is in use or idle.")
    clean["status"] = status


def _check_new_number(merged: dict, clean: dict, errors: dict) -> None:
    """A new asset's number, when given: one a scanner can type, not yet in the register."""
    number = merged.get("number")
    if number not in (None, ""):
        number = str(number).strip()
        if not NUMBER_RE.match(number):
            errors["number"] = tr("Use letters, digits and - . / _ only (a scanner must be able to type it).")
        elif Asset.select().where(Asset.number == number).exists():
            errors["number"] = tr("Asset number {number} already exists.").format(number=number)
        clean["number"] = number


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


def _stored_label(field: str) -> str:
    """A field's label as a stored sentence (written in the reader's language)."""
    return audit.sentence(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def _stored_value(field: str, value: Any) -> str:
    """A value for a stored sentence: labels of statuses, sources and yes/no as sentences, the rest as text."""
    if value is None or value == "":
        return "—"
    if field == "status" and value in STATUSES:
        return audit.sentence(STATUSES[value])
    if field == "source" and value in SOURCES:
        return audit.sentence(SOURCES[value])
    if isinstance(value, bool):
        return audit.sentence(N_("Yes") if value else N_("No"))
    return display_value(field, value)


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
            add_event(asset, event_kind, event_summary or audit.sentence(
                N_("Registered: {name}, {qty} {unit}, {amount} yuan"),
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
    if asset.status in ("disposed", "voided"):  # off the books: only the notes may still be completed
        current = audit.snapshot(asset)
        for k, v in clean.items():
            if k not in ("note", "amount", "low_value") and k in current \
                    and audit.to_text(getattr(v, "id", v)) != audit.to_text(current[k]):
                errors[k] = tr("A disposed asset cannot be changed; only its notes can be edited.")
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
        parts = [audit.sentence(N_("{label}: {old} → {new}"), label=_stored_label(f), old=_stored_value(f, old),
                                new=_stored_value(f, new))
                 for f, (old, new) in changes.items() if f not in ("amount", "low_value")]
        if parts:
            add_event(asset, "edit", audit.sentences(parts))
    return asset


# --- voiding what was entered in error --------------------------------------------------

def import_of(asset: Asset) -> dict | None:
    """The import the asset came with: {"summary", "created_at", "ids", "count"}; None if registered by hand."""
    event = (AssetEvent.select().where((AssetEvent.asset == asset.id) & (AssetEvent.kind == "import"))
             .order_by(AssetEvent.id).first())
    if event is None:
        return None
    ids = [i for (i,) in AssetEvent.select(AssetEvent.asset).where(
        (AssetEvent.kind == "import") & (AssetEvent.created_at == event.created_at)
        & (AssetEvent.summary == event.summary)).tuples()]
    return {"summary": event.summary, "created_at": event.created_at, "ids": ids, "count": len(ids)}


def _touched(asset_ids: list[int]) -> list[str]:
    """Numbers of the assets changed in any way since they were registered (or not voidable)."""
    touched = set()
    for i in range(0, len(asset_ids), 500):
        chunk = asset_ids[i:i + 500]
        for _aid, number, status, created, updated in Asset.select(
                Asset.id, Asset.number, Asset.status, Asset.created_at, Asset.updated_at).where(
                Asset.id.in_(chunk)).tuples():
            if status not in ("in_use", "idle") or (updated and created and updated != created):
                touched.add(number)
        later = (AssetEvent.select(AssetEvent.asset, Asset.number).join(Asset)
                 .where(AssetEvent.asset.in_(chunk), AssetEvent.kind.not_in(("register", "import"))).tuples())
        touched |= {number for _aid, number in later}
    return sorted(touched)


def void_registrations(asset_ids: list[int], *, reason: str) -> int:
    """Void records entered in error (one registration, or a whole import) as one step: they leave the
    register with the status "voided", each with its reason in the change record and a line in its
    history; nothing is deleted. Only while none of them has been touched since it was registered."""
    asset_ids = sorted({int(i) for i in asset_ids})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": tr("Give the reason for voiding.")})
    if not asset_ids:
        raise RuleError(tr("Choose the records to void."))
    found = Asset.select().where(Asset.id.in_(asset_ids)).count()
    if found != len(asset_ids):
        raise NotFound(tr("The asset no longer exists."))
    touched = _touched(asset_ids)
    if touched:
        shown = join_list(touched[:10]) + ("…" if len(touched) > 10 else "")
        raise RuleError(tr("{n} of these records were changed, lent, moved or counted since they were registered, "
                           "so they cannot be voided: {numbers}. Nothing was voided.").format(
                               n=len(touched), numbers=shown))
    summary = audit.sentence(N_("Voided as entered in error: {reason}"), reason=reason)
    with database.atomic():
        for i in range(0, len(asset_ids), 500):
            for asset in Asset.select().where(Asset.id.in_(asset_ids[i:i + 500])):
                before = audit.snapshot(asset, ["status"])
                asset.status = "voided"
                asset.updated_at = clock.now()
                asset.save()
                audit.record_update(asset, before, action="void", note=reason)
                add_event(asset, "void", summary)
    return len(asset_ids)


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


def _part_quantity(asset: Asset, quantity) -> int | None:
    """The units of ``asset`` a step takes: None for the whole line, else a number below its quantity.
    Outside 1..quantity: a ValidationError on the field ``quantity``."""
    if quantity is None:
        return None
    try:
        q = int(quantity)
    except (TypeError, ValueError):
        q = 0
    if not 1 <= q <= asset.quantity:
        raise ValidationError({"quantity": tr("Between 1 and {n}.").format(n=asset.quantity)})
    return None if q == asset.quantity else q


def _each(assets: list[Asset], step) -> list:
    """Run ``step`` on every asset in one transaction: all of them, or none (the number names the one refused)."""
    out = []
    with database.atomic():
        for a in assets:
            try:
                out.append(step(a))
            except UserError as exc:
                if len(assets) > 1 and not isinstance(exc, ValidationError):
                    raise UserError(f"{a.number}: {exc.message}") from None
                raise
    return out


def transfer_many(assets: list[Asset], *, quantity: int | None = None, **kw) -> list[AssetTransfer]:
    """Transfer the selected assets in one transaction; ``quantity`` (one batch line only) moves a part."""
    if quantity is not None and len(assets) != 1:
        raise RuleError(tr("A quantity can be given for one asset only."))
    return _each(assets, lambda a: transfer(a, quantity=quantity, **kw))


def write_off_many(assets: list[Asset], *, quantity: int | None = None, **kw) -> list[AssetDisposal]:
    """Write the selected assets off in one transaction; ``quantity`` (one batch line only) writes off a part."""
    if quantity is not None and len(assets) != 1:
        raise RuleError(tr("A quantity can be given for one asset only."))
    return _each(assets, lambda a: write_off_part(a, quantity, **kw) if quantity is not None else write_off(a, **kw))


def transfer(asset: Asset, *, place=None, department=None, custodian=None, on: _dt.date | None = None,
             reason: str = "", quantity: int | None = None) -> AssetTransfer:
    """Move an asset to a new place, department or custodian (调拨), with date and reason.

    Fields not given keep their value. ``quantity`` below the line's quantity splits that part off
    (its own record) and moves the part, in one transaction.
    """
    asset = get_asset(asset.id)
    part = _part_quantity(asset, quantity)
    if part is not None:
        if not (reason or "").strip():
            raise ValidationError({"reason": tr("Give the reason for the transfer.")})
        with database.atomic():
            piece = split_off(asset, part, reason=reason, kind="transfer")
            return transfer(piece, place=place, department=department, custodian=custodian, on=on, reason=reason)
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
        for k, label in (("place", N_("Place")), ("department", N_("Department / class")),
                         ("custodian", N_("Custodian"))):
            old_obj = getattr(asset, k)
            if (old_obj.id if old_obj else None) != (new[k].id if new[k] else None):
                parts.append(audit.sentence(N_("{label}: {old} → {new}"), label=audit.sentence(label),
                                            old=str(old_obj or "—"), new=str(new[k] or "—")))
        _save_fields(asset, new, "transfer", note=doc)
        add_event(asset, "transfer", audit.sentence(N_("{changes} ({reason})"), changes=audit.sentences(parts),
                                                    reason=reason.strip()),
                  event_date=on, doc_no=doc, ref_table="asset_transfer", ref_id=t.id)
    return t


def lend(asset: Asset, *, borrower_name: str, due_on: _dt.date, lent_on: _dt.date | None = None,
         borrower=None, department=None, purpose: str = "", quantity: int | None = None) -> AssetLoan:
    """Lend an asset; ``quantity`` below a batch line's quantity splits that part off and lends it (one step)."""
    asset = get_asset(asset.id)
    part = _part_quantity(asset, quantity)
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
    if part is not None:
        with database.atomic():
            piece = split_off(asset, part, reason=tr("lent to {name}").format(name=name), kind="loan")
            return lend(piece, borrower_name=borrower_name, due_on=due_on, lent_on=lent_on, borrower=borrower,
                        department=department, purpose=purpose)
    with database.atomic():
        doc = _doc("JY", AssetLoan, lent_on)
        loan = AssetLoan.create(doc_no=doc, asset=asset, borrower=person, borrower_name=name,
                                department=_fk(Department, department), lent_on=lent_on, due_on=due_on,
                                purpose=(purpose or "").strip() or None, created_at=clock.now())
        audit.record_create(loan)
        _save_fields(asset, {"status": "lent"}, "loan", note=doc)
        add_event(asset, "loan", audit.sentence(N_("Lent to {name}, due back {due}"), name=name,
                                                due=due_on.isoformat()),
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
        summary = audit.sentence(N_("Returned by {name}"), name=loan.borrower_name)
        if late > 0:
            summary = audit.sentences([summary, audit.sentence(N_(" ({days} days late)"), days=late)], "")
        add_event(asset, "return", summary, event_date=returned_on, doc_no=loan.doc_no,
                  ref_table="asset_loan", ref_id=loan.id)
    return loan


def overdue_loans(on: _dt.date | None = None):
    on = on or clock.today()
    return (AssetLoan.select(AssetLoan, Asset).join(Asset)
            .where(AssetLoan.returned_on.is_null() & (AssetLoan.due_on < on)).order_by(AssetLoan.due_on))


def compensation_for(asset: Asset, cause: str, quantity: int = 1,
                     on: _dt.date | None = None) -> tuple[str, Decimal, Decimal]:
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
                  new_status: str | None = None, ref_table: str | None = None, ref_id: int | None = None,
                  value=None) -> AssetDamage:
    """Record damage and its compensation. ``value``: what the damage cost when it is not the asset's
    price — a repair's cost (basis "repair_cost"); compensation is then that, or double it."""
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
    if value is not None:
        basis, base = "repair_cost", Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)
        comp = (base * {"natural": 0, "accidental": 1, "deliberate": 2}[cause]).quantize(CENT)
    with database.atomic():
        doc = _doc("SH", AssetDamage, on)
        d = AssetDamage.create(doc_no=doc, asset=asset, damage_date=on, cause=cause, description=description.strip(),
                               responsible=person, responsible_name=who or None, price_basis=basis, base_value=base,
                               compensation=comp, discipline_note=(discipline_note or "").strip() or None,
                               ref_table=ref_table, ref_id=ref_id, created_at=clock.now())
        audit.record_create(d)
        if new_status and new_status != asset.status:
            _save_fields(asset, {"status": new_status}, "damage", note=doc)
        summary = audit.sentence(N_("Damage ({cause}): {description}"), cause=audit.sentence(DAMAGE_CAUSES[cause]),
                                 description=description.strip())
        if comp:
            summary = audit.sentences([summary, audit.sentence(N_("; {name} pays {amount} yuan"), name=who,
                                                               amount=f"{comp:,.2f}")], "")
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
        add_event(asset, "writeoff", audit.sentence(N_("Written off ({method}): {reason}; approved by {approver}"),
                                                    method=audit.sentence(DISPOSAL_METHODS[method]),
                                                    reason=reason.strip(), approver=approver.strip()),
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


def _part_number(asset: Asset) -> str:
    """The number of a part split off ``asset``: its number with -1, -2, … (else the next free one)."""
    k = 1
    while True:
        number = f"{asset.number}-{k}"
        if not NUMBER_RE.match(number):
            return next_number(asset.category, asset.acquired_on.year)
        if not Asset.select().where(Asset.number == number).exists():
            return number
        k += 1


def part_number(asset: Asset) -> str:
    """The number the next part split off ``asset`` will get (shown before the step is taken)."""
    return _part_number(asset)


def split_off(asset: Asset, quantity: int, *, reason: str, status: str | None = None, kind: str = "edit",
              ref_table: str | None = None, ref_id: int | None = None) -> Asset:
    """Split ``quantity`` units of a batch line off into their own record (same fields, a number of its
    own: ``T-0003`` → ``T-0003-1``), so they can be written off, lent or moved apart from the rest.

    The amount is shared in proportion (the two amounts add up to the old one). ``status`` gives the
    part another status (e.g. ``shortage``). Both records get a line in their history.
    """
    asset = get_asset(asset.id)
    try:
        quantity = int(quantity)
    except (TypeError, ValueError):
        quantity = 0
    if not 1 <= quantity < asset.quantity:
        raise ValidationError({"quantity": tr("Between 1 and {n}.").format(n=asset.quantity - 1)})
    if not (reason or "").strip():
        raise ValidationError({"reason": tr("Give the reason.")})
    if status is not None and status not in STATUSES or status == "disposed":
        raise RuleError(tr("Unknown status."))
    _require_active(asset)
    if asset.status == "lent":
        raise RuleError(tr("Asset {number} is on loan: take it back first.").format(number=asset.number))
    part_amount = (Decimal(asset.amount) * quantity / asset.quantity).quantize(CENT, rounding=ROUND_HALF_UP)
    now = clock.now()
    with database.atomic():
        values = {k: getattr(asset, k) for k in ASSET_COLUMNS if k not in ("number", "created_at", "updated_at")}
        values.update(number=_part_number(asset), quantity=quantity, amount=part_amount,
                      status=status or asset.status, created_at=now, updated_at=now)
        part = Asset.create(**values)
        audit.record_create(part, note=tr("split off {number}").format(number=asset.number))
        left = asset.quantity - quantity
        _save_fields(asset, {"quantity": left, "amount": (Decimal(asset.amount) - part_amount).quantize(CENT)},
                     "split", note=part.number)
        unit = asset.unit or ""
        add_event(asset, kind, audit.sentence(N_("{n} {unit} split off into {number} ({reason}); {left} {unit} remain"),
                                              n=quantity, unit=unit, number=part.number, reason=reason.strip(),
                                              left=left),
            ref_table=ref_table, ref_id=ref_id)
        add_event(part, kind, audit.sentence(N_("Split off {number}: {n} of {total} {unit} ({reason})"),
                                             number=asset.number, n=quantity, total=left + quantity,
                                             unit=unit, reason=reason.strip()), ref_table=ref_table, ref_id=ref_id)
    return part


def write_off_part(asset: Asset, quantity: int, *, reason: str, approver: str, method: str,
                   on: _dt.date | None = None, ref_table: str | None = None,
                   ref_id: int | None = None) -> AssetDisposal:
    """Write off ``quantity`` units of a batch line: split them off, then write that part off (one step).
    The whole quantity writes off the asset itself."""
    asset = get_asset(asset.id)
    quantity = _part_quantity(asset, quantity)
    if quantity is None:
        return write_off(asset, reason=reason, approver=approver, method=method, on=on, ref_table=ref_table,
                         ref_id=ref_id)
    with database.atomic():
        part = split_off(asset, quantity, reason=reason, kind="writeoff", ref_table=ref_table, ref_id=ref_id)
        return write_off(part, reason=reason, approver=approver, method=method, on=on, ref_table=ref_table,
                         ref_id=ref_id)


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


# --- the register's list (the tab, exports, printed lists) -----------------------

# filter keys: text, category (includes sub-categories), place (a building includes its rooms),
# department (a department or a class), custodian, status (a STATUSES key, "active" or "overdue"),
# ids (a list of asset ids), acquired_from / acquired_to (dates)
STATUS_FILTERS = {
    "active": N_("On the books (not disposed or lost)"),
    "overdue": N_("Lent, overdue"),
}


def category_ids_under(category_id: int) -> list[int]:
    """The category and all its descendants (the tree is small: read it once)."""
    children: dict[int | None, list[int]] = {}
    for cid, parent in Category.select(Category.id, Category.parent).tuples():
        children.setdefault(parent, []).append(cid)
    out, todo = [], [int(category_id)]
    while todo:
        cid = todo.pop()
        if cid in out:
            continue
        out.append(cid)
        todo.extend(children.get(cid, []))
    return out


def _ids_matching(model, column, term: str) -> list[int]:
    """Ids of the master records whose name (``column``) has ``term`` in its characters, pinyin or initials."""
    return [r[0] for r in model.select(model.id).where(
        model.search_key.contains(term) | (model.search_key.is_null() & column.contains(term))).tuples()]


def _term_condition(term: str):
    """One search word: in the asset's own text (number, name, model, brand, serial number, with the pinyin
    and initials of its Chinese: ``Asset.search_text``), or naming its place, custodian, department or category."""
    term = pinyin.normalize_query(term)
    cond = Asset.search_text.contains(term)
    for column, ids in ((Asset.place, _ids_matching(Place, Place.full_name, term)),
                        (Asset.custodian, _ids_matching(Person, Person.name, term)),
                        (Asset.department, _ids_matching(Department, Department.name, term)),
                        (Asset.category, _ids_matching(Category, Category.name, term))):
        if ids:
            cond = cond | column.in_(ids)
    return cond


def _place_in_words(words: list[str]) -> tuple[list[str], Place | None]:
    """The longest run of consecutive search words that names a place, and the other words."""
    for length in range(min(len(words), 4), 0, -1):
        for start in range(0, len(words) - length + 1):
            place = masterdata.find_place(" ".join(words[start:start + length]))
            if place is not None:
                return words[:start] + words[start + length:], place
    return words, None


def asset_where(filters: dict | None):
    """The WHERE condition (on the asset table only) for the register's filters; None: everything."""
    filters = filters or {}
    conds = []
    if filters.get("status") != "voided" and filters.get("ids") is None:
        conds.append(Asset.status != "voided")  # records voided as entered in error are off the register
    words, named = _place_in_words(str(filters.get("text") or "").split())
    if named is not None:  # "教学楼 201": the assets of that place, not every 2019-… number
        conds.append(Asset.place.in_(masterdata.places_in(named)))
    for term in words:
        conds.append(_term_condition(term))
    if filters.get("category"):
        conds.append(Asset.category.in_(category_ids_under(int(filters["category"]))))
    if filters.get("place"):
        place = Place.get_or_none(Place.id == int(filters["place"]))
        conds.append(Asset.place.in_(masterdata.places_in(place)) if place else Asset.id < 0)
    if filters.get("department"):
        conds.append(Asset.department == int(filters["department"]))
    if filters.get("custodian"):
        conds.append(Asset.custodian == int(filters["custodian"]))
    status = filters.get("status")
    if status == "active":
        conds.append(Asset.status.in_(ACTIVE_STATUSES))
    elif status == "overdue":
        conds.append(Asset.id.in_(AssetLoan.select(AssetLoan.asset).where(
            AssetLoan.returned_on.is_null() & (AssetLoan.due_on < clock.today()))))
    elif status:
        conds.append(Asset.status == status)
    if filters.get("ids") is not None:
        conds.append(Asset.id.in_([int(i) for i in filters["ids"]]))
    if filters.get("acquired_from"):
        conds.append(Asset.acquired_on >= filters["acquired_from"])
    if filters.get("acquired_to"):
        conds.append(Asset.acquired_on <= filters["acquired_to"])
    if not conds:
        return None
    where = conds[0]
    for c in conds[1:]:
        where = where & c
    return where


SORT_COLUMNS = {
    "number": Asset.number, "name": Asset.name, "category": Category.name, "model_spec": Asset.model_spec,
    "brand": Asset.brand, "quantity": Asset.quantity, "unit": Asset.unit, "unit_price": Asset.unit_price,
    "amount": Asset.amount, "acquired_on": Asset.acquired_on, "place": Place.full_name,
    "department": Department.name, "custodian": Person.name, "status": Asset.status, "status_label": Asset.status,
    "supplier": Supplier.name, "source": Asset.source, "warranty_end": Asset.warranty_end,
    "serial_no": Asset.serial_no, "invoice_no": Asset.invoice_no, "funding_source": Asset.funding_source,
    "created_at": Asset.created_at, "id": Asset.id,
}
_JOINED_SORTS = {"category": Category, "place": Place, "department": Department, "custodian": Person,
                 "supplier": Supplier}


class AssetQuery:
    """The register as a paged source: ``count(filters)`` and ``fetch(filters, offset, limit, sort, desc)``.

    Filters run on the asset table with its indexes (names of places, people and
    departments are looked up first in their small tables); only the page asked
    for is read, with its joined names.
    """

    def _base(self, filters: dict | None, sort_key: str | None = None):
        q = (Asset.select(
            Asset.id, Asset.number, Asset.name, Asset.category.alias("category_id"),
            Category.name.alias("category"), Category.code.alias("category_code"), Asset.model_spec, Asset.brand,
            Asset.unit, Asset.quantity,
            Asset.unit_price, Asset.amount, Asset.acquired_on, Asset.source, Supplier.name.alias("supplier"),
            Asset.invoice_no, Asset.funding_source, Asset.place.alias("place_id"), Place.full_name.alias("place"),
            Asset.department.alias("department_id"), Department.name.alias("department"),
            Department.kind.alias("department_kind"), Asset.custodian.alias("custodian_id"),
            Person.name.alias("custodian"), Asset.status, Asset.low_value, Asset.warranty_end, Asset.serial_no,
            Asset.note, Asset.created_at, Asset.updated_at)
            .join(Category, on=(Asset.category == Category.id))
            .switch(Asset).join(Place, JOIN.LEFT_OUTER, on=(Asset.place == Place.id))
            .switch(Asset).join(Department, JOIN.LEFT_OUTER, on=(Asset.department == Department.id))
            .switch(Asset).join(Person, JOIN.LEFT_OUTER, on=(Asset.custodian == Person.id))
            .switch(Asset).join(Supplier, JOIN.LEFT_OUTER, on=(Asset.supplier == Supplier.id)))
        where = asset_where(filters)
        if where is not None:
            q = q.where(where)
        return q

    @staticmethod
    def _order(sort_key: str | None, descending: bool):
        if not sort_key or sort_key not in SORT_COLUMNS:
            return [Asset.id.desc()]  # newest first
        column = SORT_COLUMNS[sort_key]
        return [column.desc() if descending else column.asc(), Asset.id.desc() if descending else Asset.id.asc()]

    @staticmethod
    def _finish(row: dict) -> dict:
        row["status_label"] = tr(STATUSES.get(row["status"], row["status"]))
        row["source_label"] = tr(SOURCES.get(row["source"], row["source"] or ""))
        return row

    # A search by words (the filter as you type): ``count`` reads the matching ids in one pass over the
    # search index and keeps them, newest first; the pages in the default order (newest first) are then
    # slices of that list, read with their names — instead of a second pass that walks the table from its
    # newest row until it has a page (for a rare word, half the table: 2019-JSJ 14 + 21 ms, now 12 + 6 ms).
    # The table reads its count first and its pages after (core/ui/table.py), so the pages are exactly the
    # rows counted; another count (any reload) reads them again.
    _matched: tuple[str, list[int]] | None = None

    @staticmethod
    def _filters_key(filters: dict | None) -> str:
        return repr(sorted((filters or {}).items()))

    def count(self, filters: dict | None) -> int:
        where = asset_where(filters)
        q = Asset.select(Asset.id)
        if where is not None:
            q = q.where(where)
        if not str((filters or {}).get("text") or "").strip():
            self._matched = None
            return q.count()
        sql, params = q.sql()
        ids = [r[0] for r in database.execute_sql(sql, params)]  # (plain rows: peewee's wrapper doubles it)
        ids.sort(reverse=True)
        self._matched = (self._filters_key(filters), ids)
        return len(ids)

    def fetch(self, filters: dict | None, offset: int, limit: int, sort_key: str | None = None,
              descending: bool = False) -> list[dict]:
        matched = self._matched
        if (matched is not None and (not sort_key or sort_key not in SORT_COLUMNS)
                and matched[0] == self._filters_key(filters)):
            ids = matched[1][offset:offset + limit]
            rows = {r["id"]: r for r in self._base({"ids": ids}).dicts()} if ids else {}
            return [self._finish(rows[i]) for i in ids if i in rows]
        if sort_key in _JOINED_SORTS:
            q = self._base(filters).order_by(*self._order(sort_key, descending)).offset(offset).limit(limit)
            return [self._finish(r) for r in q.dicts()]
        # the page's ids from the asset table alone (its indexes, no joins to plan around), then their rows
        # with the joined names: a filter as you type stays fast whatever the words name
        where = asset_where(filters)
        q = Asset.select(Asset.id)
        if where is not None:
            q = q.where(where)
        ids = [r[0] for r in q.order_by(*self._order(sort_key, descending)).offset(offset).limit(limit).tuples()]
        if not ids:
            return []
        rows = {r["id"]: r for r in self._base({"ids": ids}).dicts()}
        return [self._finish(rows[i]) for i in ids if i in rows]

    def iter_rows(self, filters: dict | None = None, sort_key: str | None = "number", descending: bool = False):
        """Every matching row (for export and printed lists), read in one streaming query."""
        q = self._base(filters).order_by(*self._order(sort_key, descending)).dicts()
        for row in q.iterator():
            yield self._finish(row)

    def ids(self, filters: dict | None, sort_key: str | None = "number", descending: bool = False) -> list[int]:
        q = Asset.select(Asset.id)
        if sort_key in _JOINED_SORTS:
            q = self._base(filters).select(Asset.id)
        else:
            where = asset_where(filters)
            if where is not None:
                q = q.where(where)
        return [r[0] for r in q.order_by(*self._order(sort_key, descending)).tuples()]


def asset_detail(asset_id: int, on: _dt.date | None = None) -> dict:
    """Everything the detail pane shows: the row, net book value, depreciation, open loan."""
    asset = get_asset(asset_id)
    rows = AssetQuery().fetch({"ids": [asset.id]}, 0, 1)
    row = rows[0]
    on = on or clock.today()
    life = masterdata.category_life_years(asset.category)
    row["useful_life_years"] = life
    row["net_book_value"] = net_book_value(asset, on)
    row["accumulated_depreciation"] = accumulated_depreciation(asset, on)
    row["months_depreciated"] = min(months_depreciated(asset.acquired_on, on), life * 12) if life else None
    row["category_path"] = masterdata.category_path(asset.category)
    loan = open_loan(asset) if asset.status == "lent" else None
    row["loan"] = None if loan is None else {
        "borrower": loan.borrower_name, "lent_on": loan.lent_on, "due_on": loan.due_on,
        "overdue_days": max(0, (on - loan.due_on).days), "doc_no": loan.doc_no}
    return row


def overdue_loan_rows(on: _dt.date | None = None) -> list[dict]:
    """Open loans past their due date, most overdue first."""
    on = on or clock.today()
    q = (AssetLoan.select(AssetLoan.id, AssetLoan.doc_no, AssetLoan.borrower_name, AssetLoan.lent_on,
                          AssetLoan.due_on, AssetLoan.purpose, Asset.id.alias("asset_id"), Asset.number,
                          Asset.name, Place.full_name.alias("place"))
         .join(Asset, on=(AssetLoan.asset == Asset.id))
         .join(Place, JOIN.LEFT_OUTER, on=(Asset.place == Place.id))
         .where(AssetLoan.returned_on.is_null() & (AssetLoan.due_on < on))
         .order_by(AssetLoan.due_on, AssetLoan.id).dicts())
    out = []
    for r in q:
        r["overdue_days"] = (on - r["due_on"]).days
        out.append(r)
    return out


def open_loan_rows() -> list[dict]:
    """Every open loan (lent and not yet back), earliest due first."""
    on = clock.today()
    q = (AssetLoan.select(AssetLoan.id, AssetLoan.doc_no, AssetLoan.borrower_name, AssetLoan.lent_on,
                          AssetLoan.due_on, Asset.id.alias("asset_id"), Asset.number, Asset.name)
         .join(Asset, on=(AssetLoan.asset == Asset.id))
         .where(AssetLoan.returned_on.is_null()).order_by(AssetLoan.due_on, AssetLoan.id).dicts())
    out = []
    for r in q:
        r["overdue_days"] = max(0, (on - r["due_on"]).days)
        out.append(r)
    return out


def change_record(asset: Asset) -> list[dict]:
    """The asset's change-record entries (field: old → new), oldest first."""
    from .models import EVENT_KINDS

    actions = dict(EVENT_KINDS, create=N_("Registered"), update=N_("Edited"))

    def shown(field, value):
        if value in (None, ""):
            return ""
        if field in ("category", "place", "department", "custodian", "supplier"):
            try:
                return display_value(field, int(value))
            except ValueError:
                return value
        if field in ("status", "source", "low_value"):
            return display_value(field, value if field != "low_value" else value == "1")
        return value

    def all_values(text):
        """A creation's values (stored as one JSON object) as text: "Category: 家具; Place: 教学楼 301; …"."""
        try:
            values = json.loads(text or "{}")
        except ValueError:
            return text or ""
        if not isinstance(values, dict):
            return text or ""
        parts = []
        for field in FIELD_LABELS:
            value = values.get(field)
            if value in (None, "") or (field == "low_value" and value != "1"):
                continue
            if field in ("unit_price", "amount"):
                value = display_value(field, to_decimal(value))
            else:
                value = shown(field, value)
            parts.append(tr("{label}: {value}").format(label=tr(FIELD_LABELS[field]), value=value))
        return tr("; ").join(parts)

    out = []
    for e in audit.history("asset", asset.id):
        out.append({"ts": e.ts, "operator": e.operator, "action": e.action,
                    "action_label": tr(actions[e.action]) if e.action in actions else e.action, "field": e.field,
                    "field_label": tr(FIELD_LABELS[e.field]) if e.field in FIELD_LABELS else (e.field or ""),
                    "old": shown(e.field, e.old_value),
                    "new": all_values(e.new_value) if e.field == "*" else shown(e.field, e.new_value),
                    "note": e.note})
    return out


# --- many at once (import, demo) -------------------------------------------------

def _allocate_numbers(rows: list[dict], codes: dict[int, str]) -> None:
    """Give every row without a number the next free one of its (year, category code) sequence."""
    pattern = settings.get("assets.number_pattern") or "{year}-{code}-{seq:05d}"
    taken = {r["number"] for r in rows if r.get("number")}
    groups: dict[tuple[int, str], list[dict]] = {}
    for r in rows:
        if not r.get("number"):
            groups.setdefault((r["acquired_on"].year, codes[r["category"]]), []).append(r)
    for (year, code), members in groups.items():
        key = f"asset:{year}:{code}"
        seq = numbering.peek(key)
        found: list[str] = []
        while len(found) < len(members):
            want = len(members) - len(found)
            candidates = [pattern.format(year=year, code=code, seq=s) for s in range(seq + 1, seq + 1 + want)]
            seq += want
            existing = set(_numbered_ids(candidates))
            found += [c for c in candidates if c not in existing and c not in taken]
        numbering.bump_to(key, seq)
        for r, number in zip(members, found, strict=True):
            r["number"] = number
            taken.add(number)


# the columns a record is made of (search_text is derived from them: Asset.save, register_many)
ASSET_COLUMNS = [n for n in Asset._meta.sorted_field_names if n not in ("id", "search_text")]
EVENT_COLUMNS = ["asset", "kind", "event_date", "created_at", "summary"]


def register_many(rows: list[dict], *, event_kind: str = "import", event_summary: str | None = None,
                  progress=None, cancelled=None, batch: int = 500) -> list[int]:
    """Register many already-checked assets at once (import, demo data); returns their ids.

    ``rows`` hold clean values with links as ids (category, place, department,
    custodian, supplier); a row without ``number`` gets the next one. One
    transaction: the assets, their change-record entries and their history
    lines; ``cancelled()`` true → ``Cancelled`` and nothing is written.
    """
    from ...core.tasks import check as check_cancelled

    now = clock.now()
    categories = {c.id: c for c in Category.select()}
    codes = {cid: c.code for cid, c in categories.items()}
    prepared = _prepared_rows(rows, categories, now)
    ids: list[int] = []
    total = len(prepared)
    with database.atomic():
        _allocate_numbers(prepared, codes)
        for row in prepared:
            row["search_text"] = search_text_of(row)
        columns = list(dict.fromkeys(k for row in prepared for k in row))
        with indexes_set_aside((Asset, AssetEvent, audit.AuditEntry), total):
            for start in range(0, total, batch):
                check_cancelled(cancelled)
                chunk = prepared[start:start + batch]
                insert_plain(Asset, columns, [[row.get(c) for c in columns] for row in chunk])
                ids += _record_chunk(chunk, event_kind, event_summary, now)
                if progress is not None:
                    progress(min(start + batch, total), total)
    return ids


def _prepared_rows(rows: list[dict], categories: dict, now: _dt.datetime) -> list[dict]:
    """The rows as table rows: the register's columns, defaults filled in, amounts worked out, low value
    or not (asked once per category and price)."""
    low_cache: dict[tuple[int, Decimal], bool] = {}
    low_cache: dict[tuple[int, Decimal], bool] = {}
    prepared = []
    for r in rows:
        row = {k: r.get(k) for k in ASSET_COLUMNS if k in r}
        row.setdefault("quantity", 1)
        row["unit_price"] = money(row.get("unit_price"))
        row["amount"] = (row["unit_price"] * int(row["quantity"])).quantize(CENT) if row.get("amount") in (None, "") \
            else money(row["amount"])
        row.setdefault("unit", "件")
        row.setdefault("source", "purchase")
        row.setdefault("status", "in_use")
        if "low_value" not in r:
            key = (row["category"], row["unit_price"])
            if key not in low_cache:
                low_cache[key] = is_low_value(row["unit_price"], categories[row["category"]])
            row["low_value"] = low_cache[key]
        row["created_at"] = r.get("created_at") or now
        row["updated_at"] = r.get("updated_at") or row["created_at"]
        prepared.append(row)
    return prepared


def _numbered_ids(numbers: list[str]) -> dict[str, int]:
    """number -> id of these assets, in one plain query (the rows a chunk just inserted)."""
    db = database.obj
    found: dict[str, int] = {}
    for start in range(0, len(numbers), 900):  # under SQLite's oldest limit of 999 parameters
        part = numbers[start:start + 900]
        sql = "SELECT {n}, {i} FROM {t} WHERE {n} IN ({p})".format(
            n=quoted(Asset.number.column_name), i=quoted(Asset.id.column_name), t=table_sql(Asset),
            p=", ".join([db.param] * len(part)))
        found.update(db.execute_sql(sql, part).fetchall())
    return found


def _record_chunk(chunk: list[dict], event_kind: str, event_summary: str | None, now: _dt.datetime) -> list[int]:
    """The change-record entries and history lines of a chunk of inserted assets; returns their ids."""
    ids = []
    by_number = _numbered_ids([row["number"] for row in chunk])
    audit_items = []
    events = []
    for row in chunk:
        aid = by_number[row["number"]]
        ids.append(aid)
        # the row holds the record's values (ASSET_COLUMNS: a column it lacks is None, left out of the entry
        # all the same) and its derived search key
        audit_items.append(("asset", aid, "create", audit.create_changes(row, skip=("id", "search_text")), None))
        summary = event_summary or audit.sentence(
            N_("Registered: {name}, {qty} {unit}, {amount} yuan"),
            name=row["name"], qty=row["quantity"], unit=row["unit"], amount=f"{row['amount']:,.2f}")
        events.append({"asset": aid, "kind": event_kind, "event_date": row["acquired_on"]
                       if event_kind == "register" else clock.today(),
                       "created_at": now, "summary": summary})
    audit.record_many(audit_items)
    insert_plain(AssetEvent, EVENT_COLUMNS, [[e[c] for c in EVENT_COLUMNS] for e in events])
    return ids
