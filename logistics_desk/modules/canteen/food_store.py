"""The canteen's food store (食品仓库): lots in, issues to the kitchen first-expiring first,
stock with use-by dates, and the month-end count (每月底盘点) (no Qt).

Every accepted delivery line becomes a lot (``CanteenFoodLot``) with its use-by date and
batch. An issue to the kitchen names the day, the meal and the food with its quantity;
the store picks the lots: the one that expires first goes first (FEFO), lots already
past their use-by date are never issued (they are discarded with a reason). A lot's
``remaining`` is kept equal to the sum of its movements.

The month-end count takes, per food, 期初 (opening) + 入库 (in) - 出库 (out, issues and
discards) = 结存 (book), then the counted quantity; a difference needs its reason and
becomes a count movement (shortage taken from the lots first-expiring first, surplus
added to the newest lot), so the book agrees with the shelf.

Why not the office store (purchases' StoreItem/StoreIssue/StoreCount/StoreMovement) with
a ``store`` column: measured on this tree, (1) its seven quantity columns are integers
(stock, quantity, balance, book/counted/difference) and its service parses whole numbers
(``_int``) and prints ``{:+d}``, while food arrives as 12.5 kg; (2) it keeps one stock per
item, no lots, so FEFO and use-by dates need a lot table beside it anyway; (3) 32 queries
in purchases (21 in service.py, 6 demo, 3 view, 2 excel) plus Today's below-minimum list
read every StoreItem/StoreMovement/StoreCount unfiltered, and ``store_count.month`` and
``store_item(name, spec)`` are unique: a second store means a filter in each and two
changed unique indexes in purchases' tables; (4) its issue slip is 领用 by a department
and person, not a day and meal, and its money-weighted month account has no place for
use-by dates. What is shared is the shape (item, movement, issue, count with a
difference per item) and the arithmetic, not the tables.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from peewee import fn

from ...core import audit, clock, numbering
from ...core.db import database, record_or_none
from ...core.errors import NotFound, RuleError, ValidationError
from ...core.i18n import N_, join_list, tr
from ...core.masterdata import Person
from ...core.money import NumberError, parse_quantity
from .food_models import (
    FOOD_MOVES,
    CanteenDelivery,
    CanteenDeliveryLine,
    CanteenFoodCount,
    CanteenFoodCountLine,
    CanteenFoodIssue,
    CanteenFoodItem,
    CanteenFoodLot,
    CanteenFoodMovement,
)
from .models import MEALS

ZERO = Decimal(0)
Q = Decimal("0.001")
SOON_DAYS = 3
STATES = {"expired": N_("Expired"), "soon": N_("Expires soon"), "ok": N_("In date"), "none": N_("No use-by date")}


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def fmt_qty(value) -> str:
    """12.500 -> '12.5', 3.000 -> '3'."""
    if value is None or value == "":
        return ""
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def _d(value) -> Decimal:
    """A quantity as an exact decimal of three places (SQL sums come back as floats)."""
    return Decimal(str(value or 0)).quantize(Q)


def state_of(use_by: _dt.date | None, today: _dt.date, days: int = SOON_DAYS) -> str:
    if use_by is None:
        return "none"
    if use_by < today:
        return "expired"
    if use_by <= today + _dt.timedelta(days=days):
        return "soon"
    return "ok"


def _item(ref) -> CanteenFoodItem | None:
    if isinstance(ref, CanteenFoodItem):
        return ref
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        return record_or_none(CanteenFoodItem, ref)
    return CanteenFoodItem.get_or_none(CanteenFoodItem.name == _text(ref))


def _move(lot: CanteenFoodLot, kind: str, qty: Decimal, on: _dt.date, **refs) -> CanteenFoodMovement:
    """One movement of a lot (inside the caller's transaction); a lot never goes below zero."""
    lot = CanteenFoodLot.get_by_id(lot.id)
    new = lot.remaining + qty
    if new < 0:
        raise RuleError(tr("Only {stock} {unit} of {name} left in that lot.").format(
            stock=fmt_qty(lot.remaining), unit=lot.item.unit, name=lot.item.name))
    m = CanteenFoodMovement.create(lot=lot, item=lot.item_id, kind=kind, quantity=qty, moved_on=on,
                                   created_at=clock.now(), **refs)
    audit.record_create(m)
    before = audit.snapshot(lot, ["remaining"])
    new = _d(new)
    CanteenFoodLot.update(remaining=new).where(CanteenFoodLot.id == lot.id).execute()
    lot.remaining = new
    audit.record_update(lot, before, action=kind)
    return m


def receive_lot(line: CanteenDeliveryLine, delivery: CanteenDelivery) -> CanteenFoodLot:
    """An accepted delivery line onto the shelf (inside ``receiving.record_delivery``'s transaction)."""
    lot = CanteenFoodLot.create(item=line.item_id, line=line, received_on=delivery.day, use_by=line.use_by,
                                batch=line.batch, quantity=line.quantity, remaining=ZERO, created_at=clock.now())
    audit.record_create(lot)
    _move(lot, "in", Decimal(line.quantity), delivery.day, delivery=delivery,
          note=delivery.supplier_name)
    return lot


# --- stock ------------------------------------------------------------------------------

def _lot_order():
    # first-expiring first; a lot without a use-by date last; then the oldest received
    return (CanteenFoodLot.use_by.is_null(), CanteenFoodLot.use_by, CanteenFoodLot.received_on, CanteenFoodLot.id)


def lots(item=None, *, today: _dt.date | None = None, in_stock: bool = True) -> list[dict]:
    """The lots on the shelf (first-expiring first), each with its state (expired, soon, ok)."""
    today = today or clock.today()
    q = CanteenFoodLot.select(CanteenFoodLot, CanteenFoodItem).join(CanteenFoodItem)
    if item is not None:
        q = q.where(CanteenFoodLot.item == _item(item))
    if in_stock:
        q = q.where(CanteenFoodLot.remaining > 0)
    out = []
    for lot in q.order_by(CanteenFoodItem.name, *_lot_order()):
        state = state_of(lot.use_by, today)
        out.append({"id": lot.id, "item_id": lot.item_id, "item": lot.item.name, "unit": lot.item.unit,
                    "remaining": lot.remaining, "quantity": lot.quantity, "use_by": lot.use_by,
                    "batch": lot.batch or "", "received_on": lot.received_on, "state": state,
                    "state_label": tr(STATES[state])})
    return out


def stock(today: _dt.date | None = None) -> list[dict]:
    """Stock per food: quantity, the earliest use-by date, the number of lots and the worst state."""
    today = today or clock.today()
    rank = {"expired": 0, "soon": 1, "ok": 2, "none": 3}
    per: dict[int, dict] = {}
    for lot in lots(today=today):
        row = per.setdefault(lot["item_id"], {"item_id": lot["item_id"], "item": lot["item"], "unit": lot["unit"],
                                              "stock": ZERO, "lots": 0, "use_by": None, "state": "none"})
        row["stock"] += lot["remaining"]
        row["lots"] += 1
        if lot["use_by"] is not None and (row["use_by"] is None or lot["use_by"] < row["use_by"]):
            row["use_by"] = lot["use_by"]
        if rank[lot["state"]] < rank[row["state"]]:
            row["state"] = lot["state"]
    for row in per.values():
        row["state_label"] = tr(STATES[row["state"]])
    return sorted(per.values(), key=lambda r: r["item"])


def on_hand(item, day: _dt.date | None = None) -> Decimal:
    """What may be issued on ``day``: the stock of lots not past their use-by date."""
    day = day or clock.today()
    item = _item(item)
    if item is None:
        return ZERO
    total = (CanteenFoodLot.select(fn.SUM(CanteenFoodLot.remaining))
             .where((CanteenFoodLot.item == item) & (CanteenFoodLot.remaining > 0)
                    & (CanteenFoodLot.use_by.is_null() | (CanteenFoodLot.use_by >= day))).scalar())
    return _d(total)


def expiring(today: _dt.date | None = None, days: int = SOON_DAYS) -> list[dict]:
    """Lots in stock that have expired or expire within ``days`` days, first-expiring first."""
    today = today or clock.today()
    rows = [r for r in lots(today=today) if r["use_by"] is not None
            and r["use_by"] <= today + _dt.timedelta(days=days)]
    return sorted(rows, key=lambda r: (r["use_by"], r["item"]))


def pick_lots(item, quantity: Decimal, day: _dt.date) -> list[tuple[CanteenFoodLot, Decimal]]:
    """Which lots an issue of ``quantity`` takes: first-expiring first, none past its use-by date."""
    item = _item(item)
    need = Decimal(quantity)
    picks = []
    q = (CanteenFoodLot.select().where((CanteenFoodLot.item == item) & (CanteenFoodLot.remaining > 0)
                                       & (CanteenFoodLot.use_by.is_null() | (CanteenFoodLot.use_by >= day)))
         .order_by(*_lot_order()))
    for lot in q:
        if need <= 0:
            break
        take = min(need, lot.remaining)
        picks.append((lot, take))
        need -= take
    if need > 0:
        expired = (CanteenFoodLot.select(fn.SUM(CanteenFoodLot.remaining))
                   .where((CanteenFoodLot.item == item) & (CanteenFoodLot.remaining > 0)
                          & (CanteenFoodLot.use_by < day)).scalar())
        extra = ""
        if expired:
            extra = " " + tr("({qty} {unit} more are past their use-by date and may not be used.)").format(
                qty=fmt_qty(expired), unit=item.unit)
        raise RuleError(tr("Only {stock} {unit} of {name} can be issued on {day}: cannot issue {qty}.").format(
            stock=fmt_qty(on_hand(item, day)), unit=item.unit, name=item.name, day=day.isoformat(),
            qty=fmt_qty(quantity)) + extra)
    return picks


def _issue_number(day: _dt.date) -> str:
    stamp = day.strftime("%Y%m%d")
    return numbering.next_unique(
        f"canteen-ck:{stamp}", lambda n: f"CK-{stamp}-{n:02d}",
        lambda c: CanteenFoodIssue.select().where(CanteenFoodIssue.number == c).exists())


def issue(day: _dt.date, meal: str, lines: list[tuple[Any, Any]], *, taken_by=None, note: str = "") -> CanteenFoodIssue:
    """Issue food to the kitchen for a day's meal (出库); the lots are picked first-expiring first."""
    errors: dict[str, str] = {}
    if meal not in MEALS:
        errors["meal"] = tr("Choose a meal.")
    if not isinstance(day, _dt.date):
        errors["day"] = tr("Enter the day.")
    elif day > clock.today():
        errors["day"] = tr("The date cannot be in the future.")
    person = record_or_none(Person, taken_by)
    wanted: dict[int, tuple[CanteenFoodItem, Decimal]] = {}
    for n, (raw_item, raw_qty) in enumerate(lines, start=1):
        if not _text(raw_item) and raw_qty in (None, ""):
            continue
        item = _item(raw_item)
        if item is None:
            errors[f"line{n}"] = tr("Line {n}: “{name}” is not in the food store.").format(n=n, name=_text(raw_item))
            continue
        try:
            qty = parse_quantity(raw_qty, minimum=Decimal("0.001"), units=(item.unit,))
        except NumberError as e:
            errors[f"line{n}"] = tr("Line {n}: {problem}").format(n=n, problem=e.message)
            continue
        old = wanted.get(item.id, (item, ZERO))[1]
        wanted[item.id] = (item, old + qty)
    if not wanted and not errors:
        errors["lines"] = tr("Enter at least one food and its quantity.")
    if errors:
        raise ValidationError(errors)
    plans = [(item, qty, pick_lots(item, qty, day)) for item, qty in wanted.values()]
    with database.atomic():
        slip = CanteenFoodIssue.create(number=_issue_number(day), day=day, meal=meal, taken_by=person,
                                       note=_text(note) or None, created_at=clock.now())
        audit.record_create(slip)
        for _it, _qty, picks in plans:  # noqa: B007
            for lot, take in picks:
                _move(lot, "issue", -take, day, issue=slip,
                      note=tr("{number} to the kitchen").format(number=slip.number))
    return slip


def get_issue(ref) -> CanteenFoodIssue:
    if isinstance(ref, CanteenFoodIssue):
        return ref
    text = _text(ref)
    slip = CanteenFoodIssue.get_or_none(CanteenFoodIssue.number == text.upper()) if text else None
    if slip is None and text.isdigit():
        slip = CanteenFoodIssue.get_or_none(CanteenFoodIssue.id == int(text))
    if slip is None:
        raise NotFound(tr("Issue {ref} does not exist.").format(ref=ref))
    return slip


def void_issue(slip, reason: str) -> CanteenFoodIssue:
    """Void an issue recorded by mistake, with its reason: each lot it took gets its quantity back (an
    'unissue' movement dated the issue's day, so the month's 出库 is what really left), and the issue is
    kept, marked void. Refused once the month of the issue has been counted (the count would no longer
    agree with the shelf)."""
    slip = get_issue(slip)
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": tr("Say why the issue is voided.")})
    if slip.voided:
        raise RuleError(tr("Issue {number} is already voided.").format(number=slip.number))
    month = f"{slip.day:%Y-%m}"
    if CanteenFoodCount.select().where(CanteenFoodCount.month == month).exists():
        raise RuleError(tr("Issue {number} cannot be voided: the month-end count of {month} is recorded.").format(
            number=slip.number, month=month))
    taken = list(CanteenFoodMovement.select().where((CanteenFoodMovement.issue == slip)
                                                    & (CanteenFoodMovement.kind == "issue"))
                 .order_by(CanteenFoodMovement.id))
    with database.atomic():
        before = audit.snapshot(slip, ["voided", "void_reason", "voided_at"])
        slip.voided, slip.void_reason, slip.voided_at = True, reason, clock.now()
        slip.save()
        audit.record_update(slip, before, action="void", note=reason)
        for m in taken:
            _move(m.lot, "unissue", -Decimal(m.quantity), slip.day, issue=slip,
                  note=tr("{number} voided: {reason}").format(number=slip.number, reason=reason))
    return slip


def discard(lot, reason: str, *, on: _dt.date | None = None) -> CanteenFoodMovement:
    """Take what is left of a lot out of the store (expired, spoiled) with the reason (报废)."""
    lot = record_or_none(CanteenFoodLot, lot)
    reason = _text(reason)
    if lot is None:
        raise NotFound(tr("The record no longer exists."))
    if not reason:
        raise ValidationError({"reason": tr("Say why it is discarded.")})
    if lot.remaining <= 0:
        raise RuleError(tr("Nothing of that lot is left in the store."))
    with database.atomic():
        return _move(lot, "discard", -lot.remaining, on or clock.today(), note=reason)


# --- the ledger --------------------------------------------------------------------------

def _docs(moves: list[CanteenFoodMovement]) -> dict[int, str]:
    ids = {m.delivery_id for m in moves if m.delivery_id}
    deliveries = {d.id: d.number for d in CanteenDelivery.select(CanteenDelivery.id, CanteenDelivery.number)
                  .where(CanteenDelivery.id.in_(list(ids)))} if ids else {}
    ids = {m.issue_id for m in moves if m.issue_id}
    issues = {i.id: (i.number, i.meal) for i in CanteenFoodIssue.select().where(CanteenFoodIssue.id.in_(list(ids)))} \
        if ids else {}
    ids = {m.count_id for m in moves if m.count_id}
    counts = {c.id: c.number for c in CanteenFoodCount.select().where(CanteenFoodCount.id.in_(list(ids)))} \
        if ids else {}
    out = {}
    for m in moves:
        if m.issue_id:
            out[m.id] = issues[m.issue_id][0]
        elif m.count_id:
            out[m.id] = counts[m.count_id]
        elif m.delivery_id:
            out[m.id] = deliveries[m.delivery_id]
        else:
            out[m.id] = ""
    return out


def movements(start: _dt.date, end: _dt.date, item=None) -> list[dict]:
    """The store's movements of a period in date order, with the balance of the food after each."""
    q = (CanteenFoodMovement.select(CanteenFoodMovement, CanteenFoodLot, CanteenFoodItem)
         .join(CanteenFoodLot).switch(CanteenFoodMovement).join(CanteenFoodItem)
         .where((CanteenFoodMovement.moved_on >= start) & (CanteenFoodMovement.moved_on <= end)))
    if item is not None:
        q = q.where(CanteenFoodMovement.item == _item(item))
    moves = list(q.order_by(CanteenFoodMovement.moved_on, CanteenFoodMovement.id))
    balance: dict[int, Decimal] = {}
    items = {m.item_id for m in moves}
    if items:
        total_q = CanteenFoodMovement.select(CanteenFoodMovement.item, fn.SUM(CanteenFoodMovement.quantity))
        for item_id, total in (total_q.where((CanteenFoodMovement.moved_on < start)
                                      & CanteenFoodMovement.item.in_(list(items)))
                               .group_by(CanteenFoodMovement.item).tuples()):
            balance[item_id] = _d(total)
    docs = _docs(moves)
    meals = {i.id: i.meal for i in CanteenFoodIssue.select(CanteenFoodIssue.id, CanteenFoodIssue.meal)
             .where(CanteenFoodIssue.id.in_([m.issue_id for m in moves if m.issue_id]))} \
        if any(m.issue_id for m in moves) else {}
    out = []
    for m in moves:
        qty = _d(m.quantity)
        balance[m.item_id] = balance.get(m.item_id, ZERO) + qty
        note = m.note or ""
        if m.issue_id and m.kind == "issue":
            note = tr(MEALS[meals[m.issue_id]]) if meals.get(m.issue_id) in MEALS else note
        doc = docs.get(m.id, "")
        prev = out[-1] if out else None
        if prev is not None and doc and (prev["moved_on"], prev["doc"], prev["item_id"], prev["kind"]) == (
                m.moved_on, doc, m.item_id, m.kind):
            # one issue taking two lots (first-expiring first) is one line of the ledger
            prev["qty"] += qty
            prev["in_qty"] = prev["qty"] if prev["qty"] > 0 else None
            prev["out_qty"] = -prev["qty"] if prev["qty"] < 0 else None
            prev["balance"] = balance[m.item_id]
            if m.lot.batch and m.lot.batch not in prev["batch"]:
                prev["batch"] = join_list(b for b in (prev["batch"], m.lot.batch) if b)
            continue
        out.append({"id": m.id, "moved_on": m.moved_on, "doc": doc, "item_id": m.item_id, "item": m.item.name,
                    "unit": m.item.unit, "kind": m.kind, "kind_label": tr(FOOD_MOVES.get(m.kind, m.kind)),
                    "qty": qty, "in_qty": qty if qty > 0 else None, "out_qty": -qty if qty < 0 else None,
                    "balance": balance[m.item_id], "use_by": m.lot.use_by, "batch": m.lot.batch or "",
                    "note": note})
    return out


def issues(start: _dt.date, end: _dt.date) -> list[dict]:
    """The issues of a period with their lines (food, quantity, lots taken)."""
    out = []
    for slip in (CanteenFoodIssue.select().where((CanteenFoodIssue.day >= start) & (CanteenFoodIssue.day <= end))
                 .order_by(CanteenFoodIssue.day, CanteenFoodIssue.id)):
        lines = []
        for m in (CanteenFoodMovement.select(CanteenFoodMovement, CanteenFoodLot, CanteenFoodItem)
                  .join(CanteenFoodLot).switch(CanteenFoodMovement).join(CanteenFoodItem)
                  .where((CanteenFoodMovement.issue == slip) & (CanteenFoodMovement.kind == "issue"))
                  .order_by(CanteenFoodMovement.id)):
            if lines and lines[-1]["item"] == m.item.name:  # the next lot of the same food (FEFO)
                lines[-1]["quantity"] -= m.quantity
                lines[-1]["lots"].append((m.lot.use_by, m.lot.batch or "", -m.quantity))
                continue
            lines.append({"item": m.item.name, "unit": m.item.unit, "quantity": -m.quantity, "use_by": m.lot.use_by,
                          "batch": m.lot.batch or "", "lots": [(m.lot.use_by, m.lot.batch or "", -m.quantity)]})
        out.append({"id": slip.id, "number": slip.number, "day": slip.day, "meal": slip.meal,
                    "taken_by": slip.taken_by.name if slip.taken_by_id else "", "note": slip.note or "",
                    "voided": slip.voided, "void_reason": slip.void_reason or "", "lines": lines})
    return out


# --- the month-end count -------------------------------------------------------------------

month_range = clock.month_range  # "YYYY-MM" → its first and last day


def count_for(month: str) -> CanteenFoodCount | None:
    month_range(month)
    return CanteenFoodCount.get_or_none(CanteenFoodCount.month == month.strip())


def month_account(month: str) -> dict:
    """The month per food: 期初 + 入库 - 出库 = 结存 (book), then the count (counted, difference, reason).

    入库 is what was received (less deliveries voided in the month); 出库 is what was issued and
    discarded; a count's difference belongs to the month counted. Foods with no stock and no
    movement in the month are left out."""
    first, last = month_range(month)
    month = f"{first:%Y-%m}"
    count = CanteenFoodCount.get_or_none(CanteenFoodCount.month == month)
    rows: dict[int, dict] = {}

    def row(item_id: int) -> dict:
        return rows.setdefault(item_id, {"item_id": item_id, "open": ZERO, "in": ZERO, "out": ZERO, "adj": ZERO})

    # a count's movements are dated within the month counted (record_count), so the date decides the month
    opening = (CanteenFoodMovement.select(CanteenFoodMovement.item, fn.SUM(CanteenFoodMovement.quantity))
               .where(CanteenFoodMovement.moved_on < first).group_by(CanteenFoodMovement.item).tuples())
    for item_id, total in opening:
        row(item_id)["open"] = _d(total)
    q = (CanteenFoodMovement.select(CanteenFoodMovement.item, CanteenFoodMovement.kind,
                                    fn.SUM(CanteenFoodMovement.quantity))
         .where((CanteenFoodMovement.moved_on >= first) & (CanteenFoodMovement.moved_on <= last))
         .group_by(CanteenFoodMovement.item, CanteenFoodMovement.kind).tuples())
    for item_id, kind, total in q:
        qty = _d(total)
        r = row(item_id)
        if kind in ("in", "void"):
            r["in"] += qty
        elif kind in ("issue", "discard", "unissue"):  # an issue voided gives back what it took
            r["out"] -= qty
        else:
            r["adj"] += qty
    counted = {}
    if count is not None:
        counted = {ln.item_id: ln for ln in CanteenFoodCountLine.select().where(CanteenFoodCountLine.count == count)}
    items = {it.id: it for it in CanteenFoodItem.select()}
    out = []
    for item_id, r in rows.items():
        r["book"] = r["open"] + r["in"] - r["out"]
        if not any((r["open"], r["in"], r["out"], r["adj"])) and item_id not in counted:
            continue
        it = items[item_id]
        line = counted.get(item_id)
        r.update({"item": it.name, "unit": it.unit, "counted": line.counted_qty if line else None,
                  "difference": line.difference if line else None, "reason": (line.reason or "") if line else "",
                  "close": r["book"] + r["adj"]})
        out.append(r)
    out.sort(key=lambda r: r["item"])
    return {"month": month, "first": first, "last": last, "count": count, "rows": out}


def count_sheet(month: str) -> list[dict]:
    """The foods to count at the end of ``month``: their book quantity at the month's end."""
    return [r for r in month_account(month)["rows"] if r["book"] != 0 or r["in"] or r["out"]]


def record_count(month: str, counted: dict[int, Any], *, reasons: dict[int, str] | None = None, counted_by=None,
                 on: _dt.date | None = None, note: str = "") -> CanteenFoodCount:
    """The month-end count: counted quantity per food id for every food on the count sheet; each
    difference needs its reason and adjusts the lots (shortage first-expiring first, surplus onto
    the newest lot)."""
    first, last = month_range(month)
    month = f"{first:%Y-%m}"
    reasons = reasons or {}
    on = on or clock.today()
    errors: dict[str, str] = {}
    if first > clock.today():
        raise RuleError(tr("{month} has not begun: there is nothing to count yet.").format(month=month))
    if on > clock.today():
        errors["on"] = tr("The date cannot be in the future.")
    person = record_or_none(Person, counted_by)
    if person is None:
        errors["counted_by"] = tr("Who counted?")
    if CanteenFoodCount.select().where(CanteenFoodCount.month == month).exists():
        raise RuleError(tr("The count for {month} has already been recorded.").format(month=month))
    sheet = count_sheet(month)
    clean: dict[int, Decimal] = {}
    for r in sheet:
        raw = counted.get(r["item_id"], counted.get(str(r["item_id"])))
        try:
            qty = parse_quantity(raw, minimum=0, units=(r["unit"],),
                                 message=tr("{name}: enter the counted quantity (0 if none is left).").format(
                                     name=r["item"]))
        except NumberError as e:
            errors[f"item{r['item_id']}"] = e.message
            continue
        clean[r["item_id"]] = qty
        if qty != r["book"] and not _text(reasons.get(r["item_id"], reasons.get(str(r["item_id"])))):
            errors[f"item{r['item_id']}"] = tr("{name}: book {book}, counted {counted}: say why they differ.").format(
                name=r["item"], book=fmt_qty(r["book"]), counted=fmt_qty(qty))
    if errors:
        raise ValidationError(errors)
    adj_day = min(last, on) if on >= first else last
    with database.atomic():
        sc = CanteenFoodCount.create(month=month, number=f"SPPD-{first:%Y%m}", counted_on=on, counted_by=person,
                                     note=_text(note) or None, created_at=clock.now())
        audit.record_create(sc)
        for r in sheet:
            real = clean[r["item_id"]]
            diff = real - r["book"]
            reason = _text(reasons.get(r["item_id"], reasons.get(str(r["item_id"])))) or None
            line = CanteenFoodCountLine.create(count=sc, item=r["item_id"], book_qty=r["book"], counted_qty=real,
                                               difference=diff, reason=reason if diff else None)
            audit.record_create(line)
            if diff:
                _adjust(r["item_id"], diff, adj_day, sc, reason or "")
    return sc


def _adjust(item_id: int, diff: Decimal, on: _dt.date, count: CanteenFoodCount, reason: str) -> None:
    note = tr("Month-end count {month}: {reason}").format(month=count.month, reason=reason)
    if diff > 0:
        lot = (CanteenFoodLot.select().where(CanteenFoodLot.item == item_id)
               .order_by(CanteenFoodLot.use_by.is_null(False), CanteenFoodLot.use_by.desc(),
                         CanteenFoodLot.id.desc()).first())
        if lot is None:
            lot = CanteenFoodLot.create(item=item_id, line=None, received_on=on, use_by=None, batch=None,
                                        quantity=ZERO, remaining=ZERO, created_at=clock.now())
            audit.record_create(lot)
        _move(lot, "count", diff, on, count=count, note=note)
        return
    need = -diff
    q = (CanteenFoodLot.select().where((CanteenFoodLot.item == item_id) & (CanteenFoodLot.remaining > 0))
         .order_by(*_lot_order()))
    for lot in q:
        if need <= 0:
            break
        take = min(need, lot.remaining)
        _move(lot, "count", -take, on, count=count, note=note)
        need -= take
    if need > 0:
        item = CanteenFoodItem.get_by_id(item_id)
        raise RuleError(tr("{name}: the shelf holds less than the shortage counted; record the issues since the "
                           "month's end first.").format(name=item.name))


def months_with_movements() -> list[str]:
    """Months (YYYY-MM) the store has movements in, newest first."""
    first = CanteenFoodMovement.select(fn.MIN(CanteenFoodMovement.moved_on)).scalar()
    if first is None:
        return []
    today = clock.today()
    out = []
    y, m = first.year, first.month
    while (y, m) <= (today.year, today.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = y + (m == 12), m % 12 + 1
    return list(reversed(out))


def store_pdf(month: str, progress=None, cancel=None) -> bytes:
    """食品仓库出入库台账及月末盘点表 of a month (``print canteen-store``)."""
    from . import food_forms

    first, last = month_range(month)
    if first > clock.today():
        raise RuleError(tr("{month} has not begun: there is nothing to account for yet.").format(
            month=f"{first:%Y-%m}"))
    return food_forms.canteen_store(month_account(month), movements(first, last), progress=progress, cancel=cancel)


def get_item(ref) -> CanteenFoodItem | None:
    """A food of the store by id, name or the record itself (None when there is none)."""
    return _item(ref)
