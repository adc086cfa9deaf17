"""The stock-take's rules and workflows (no Qt).

A stock-take goes: open (the expected list is frozen) → counting (scan, tick,
typed quantities; every entry saved at once) → closed (results fixed, the
variance report printed) → signed off (names of those who signed) → results
applied, one explicit choice at a time, each through the asset register's own
functions so it lands in the asset's history. Closing changes no asset.

Public API (the view, the CLI and the tests call these):
  open_stocktake, current, get, all_stocktakes, scope_choices
  scan, tick, set_quantity, set_condition, reset_line, confirm_loan
  loans, loan_text (assets out on loan: expected not on their shelf, neither found nor short)
  progress, place_progress, lines_for_place, recent_scans
  unknowns, match_unknown, set_surplus, add_surplus, dismiss_unknown
  close, sign_off, variance, pending_actions
  relocate, mark_shortage, approve_writeoff, record_damage, register_surplus,
  apply (chosen results, one transaction), apply_all, approve_writeoffs,
  repairs_available, open_repair_ticket
  compare_with_previous, sheet_sections
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from peewee import JOIN, Case, fn

from ...core import audit, clock, masterdata, numbering
from ...core.db import database, record_or_none
from ...core.errors import NotFound, RuleError, ValidationError
from ...core.i18n import N_, tr
from ...core.masterdata import Category, Department, Person, Place, Term
from ...core.money import CENT, NumberError, parse_money, parse_quantity
from ...core.printing.text import join_list
from ...core.tasks import Cancelled
from .. import enabled
from ..assets import api as assets
from ..assets.api import ACTIVE_STATUSES, Asset
from .models import (
    CONDITIONS,
    RESULTS,
    STATUSES,
    UNKNOWN_STATUSES,
    StockTake,
    StockTakeLine,
    StockTakeScan,
    StockTakeUnknown,
    current,
)
from .models import progress as lines_progress

ZERO = Decimal("0.00")
# assets expected in a stock-take: everything still on the books (not disposed / lost)
EXPECTED_STATUSES = tuple(s for s in ACTIVE_STATUSES)
SCOPE_KINDS = ("buildings", "places", "departments", "categories")
LOAN = "loan"  # a line's method when the clerk saw the loan slip: counted as on loan (0 here), not as shortage


# --- reading -------------------------------------------------------------------

def get(stocktake_id: int) -> StockTake:
    st = StockTake.get_or_none(StockTake.id == int(stocktake_id))
    if st is None:
        raise NotFound(tr("Stock-take {id} does not exist.").format(id=stocktake_id))
    return st


def all_stocktakes() -> list[StockTake]:
    return list(StockTake.select().order_by(StockTake.id.desc()))


def status_text(st: StockTake) -> str:
    return tr(STATUSES.get(st.status, st.status))


def _line(line_id: int) -> StockTakeLine:
    line = StockTakeLine.get_or_none(StockTakeLine.id == int(line_id))
    if line is None:
        raise NotFound(tr("The line no longer exists."))
    return line


def _require_open(st: StockTake) -> None:
    if st.status != "open":
        raise RuleError(tr("Stock-take {doc} is closed: it can be read but not changed.").format(doc=st.doc_no))


# --- opening ---------------------------------------------------------------------

def _ids(values) -> list[int]:
    out = []
    for v in values or ():
        if v in (None, ""):
            continue
        out.append(int(v.id if hasattr(v, "id") else v))
    return sorted(set(out))


def normalize_scope(scope: dict | None) -> dict[str, list[int]]:
    scope = scope or {}
    unknown = set(scope) - set(SCOPE_KINDS)
    if unknown:
        raise ValidationError({"scope": tr("Unknown scope: {kinds}").format(kinds=", ".join(sorted(unknown)))})
    return {k: _ids(scope.get(k)) for k in SCOPE_KINDS if _ids(scope.get(k))}


def _category_ids_under(ids: list[int]) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for cid, parent in Category.select(Category.id, Category.parent).tuples():
        children.setdefault(parent, []).append(cid)
    out, todo = set(), list(ids)
    while todo:
        c = todo.pop()
        if c in out:
            continue
        out.add(c)
        todo += children.get(c, [])
    return sorted(out)


def _place_ids_in(scope: dict) -> list[int] | None:
    if not scope.get("buildings") and not scope.get("places"):
        return None
    ids: set[int] = set()
    for pid in scope.get("buildings", []) + scope.get("places", []):
        place = Place.get_or_none(Place.id == pid)
        if place is not None:
            ids.update(masterdata.places_in(place))
    return sorted(ids)


def scope_text(scope: dict) -> str:
    if not scope:
        return tr("All assets")
    parts = []
    labels = {"buildings": (tr("Buildings"), Place, "full_name"), "places": (tr("Places"), Place, "full_name"),
              "departments": (tr("Departments"), Department, "name"),
              "categories": (tr("Categories"), Category, "name")}
    for kind in SCOPE_KINDS:
        ids = scope.get(kind)
        if not ids:
            continue
        label, model, attr = labels[kind]
        names = [getattr(o, attr) for o in model.select().where(model.id.in_(ids)).order_by(model.id)]
        parts.append(tr("{label}: {names}").format(label=label, names=join_list(names)))
    return tr("; ").join(parts)


def shown_scope(st: StockTake) -> str:
    """A stock-take's scope in the reader's language, written from its stored scope when it is shown (the
    text stored at opening is in the language of that day; it stays for a scope that cannot be read)."""
    try:
        scope = json.loads(st.scope or "{}")
    except ValueError:
        return st.scope_text or ""
    if not isinstance(scope, dict):
        return st.scope_text or ""
    try:
        return scope_text(normalize_scope(scope))
    except ValidationError:
        return st.scope_text or ""


def _scope_query(scope: dict):
    q = Asset.select().where(Asset.status.in_(EXPECTED_STATUSES))
    places = _place_ids_in(scope)
    if places is not None:
        q = q.where(Asset.place.in_(places))
    if scope.get("departments"):
        q = q.where(Asset.department.in_(scope["departments"]))
    if scope.get("categories"):
        q = q.where(Asset.category.in_(_category_ids_under(scope["categories"])))
    return q


def count_in_scope(scope: dict | None) -> int:
    """How many assets a stock-take with this scope would expect (for the opening dialog)."""
    return _scope_query(normalize_scope(scope)).count()


def _life_by_category() -> dict[int, int | None]:
    cats = {c.id: c for c in Category.select()}
    out = {}
    for cid, cat in cats.items():
        life, node, seen = None, cat, 0
        while node is not None and seen < 10:
            if not node.depreciable:
                life = None
                break
            if node.useful_life_years:
                life = node.useful_life_years
                break
            node = cats.get(node.parent_id)
            seen += 1
        out[cid] = life
    return out


def book_value(amount: Decimal, acquired_on: _dt.date, life_years: int | None, low_value: bool,
               on: _dt.date) -> Decimal:
    """The asset register's net book value (straight line by month), or the amount when not depreciated."""
    amount = Decimal(amount or 0)
    if life_years is None or low_value:
        return amount.quantize(CENT)
    total = life_years * 12
    months = min(assets.months_depreciated(acquired_on, on), total)
    return (amount - amount * months / total).quantize(CENT, rounding=ROUND_HALF_UP)


def _term_and_title(term, title: str, count_date: _dt.date):
    """The term (given, else the one of the count date) and the title (given, else the term's)."""
    if term not in (None, ""):
        term_obj = term if isinstance(term, Term) else Term.get_or_none(Term.id == int(term))
        if term_obj is None:
            raise ValidationError({"term": tr("Unknown term.")})
    else:
        term_obj = masterdata.current_term(count_date)
    title = (title or "").strip()
    if not title:
        title = tr("{term} stock-take").format(term=term_obj.name) if term_obj else tr("Stock-take")
    if len(title) > 200:
        raise ValidationError({"title": tr("At most {n} characters.").format(n=200)})
    return term_obj, title


def _freeze_lines(st: StockTake, query, progress=None) -> int:
    """Copy the assets in scope into the expected list (as the register has them now); returns how many."""
    life = _life_by_category()
    rows_q = (query.select(Asset.id, Asset.number, Asset.name, Asset.model_spec, Asset.unit, Asset.category,
                           Category.name.alias("category_name"), Asset.place, Place.full_name.alias("place_name"),
                           Person.name.alias("custodian_name"), Department.name.alias("department_name"),
                           Asset.quantity, Asset.unit_price, Asset.amount, Asset.acquired_on, Asset.low_value)
              .join_from(Asset, Category, JOIN.LEFT_OUTER, on=(Asset.category == Category.id))
              .join_from(Asset, Place, JOIN.LEFT_OUTER, on=(Asset.place == Place.id))
              .join_from(Asset, Person, JOIN.LEFT_OUTER, on=(Asset.custodian == Person.id))
              .join_from(Asset, Department, JOIN.LEFT_OUTER, on=(Asset.department == Department.id))
              .order_by(Asset.id).dicts())
    total = query.count()
    batch, done = [], 0
    for r in rows_q.iterator():
        batch.append({
            "stocktake": st.id, "asset": r["id"], "asset_number": r["number"], "name": r["name"],
            "model_spec": r["model_spec"], "unit": r["unit"], "category_id": r["category"],
            "category_name": r["category_name"], "place": r["place"], "place_name": r["place_name"],
            "custodian_name": r["custodian_name"], "department_name": r["department_name"],
            "quantity": r["quantity"], "unit_price": r["unit_price"], "amount": r["amount"],
            "book_value": book_value(r["amount"], r["acquired_on"], life.get(r["category"]), r["low_value"],
                                     st.count_date),
        })
        if len(batch) >= 400:
            StockTakeLine.insert_many(batch).execute()
            done += len(batch)
            batch = []
            if progress:
                progress(done, total)
    if batch:
        StockTakeLine.insert_many(batch).execute()
        done += len(batch)
    return done


def open_stocktake(*, title: str = "", term=None, scope: dict | None = None, count_date: _dt.date | None = None,
                   counter: str = "", checker: str = "", progress=None) -> StockTake:
    """Open a stock-take and freeze its expected list. Only one may be open at a time."""
    scope = normalize_scope(scope)
    count_date = count_date or clock.today()
    term_obj, title = _term_and_title(term, title, count_date)
    if count_date > clock.today():
        raise ValidationError({"count_date": tr("The date cannot be in the future.")})
    already = current()
    if already is not None:
        raise RuleError(tr("Stock-take {doc} is still open. Close it before opening another.").format(
            doc=already.doc_no))
    query = _scope_query(scope)
    if not query.exists():
        raise ValidationError({"scope": tr("No asset on the books is in this scope.")})
    with database.atomic():
        doc = numbering.document_number("PD", count_date.year,
                                        lambda n: StockTake.select().where(StockTake.doc_no == n).exists())
        st = StockTake.create(doc_no=doc, title=title, term=term_obj, scope=json.dumps(scope, sort_keys=True),
                              scope_text=scope_text(scope), status="open", count_date=count_date,
                              opened_at=clock.now(), counter=(counter or "").strip() or None,
                              checker=(checker or "").strip() or None)
        audit.record_create(st)
        done = _freeze_lines(st, query, progress)
        audit.record("stocktake", st.id, "freeze", note=tr("{n} assets expected").format(n=done))
        audit.record_many(("stocktake_line", line.id, "create", audit.create_changes(audit.snapshot(line)), None)
                          for line in StockTakeLine.select().where(StockTakeLine.stocktake == st).iterator())
    if progress:
        progress(done, done)
    return st


def scope_of(st: StockTake) -> dict:
    try:
        return json.loads(st.scope or "{}")
    except ValueError:
        return {}


# --- loans ---------------------------------------------------------------------------
# An asset out on loan (an open loan in the register) is expected NOT to be on its shelf: while counting its
# line says who has it and until when, and the clerk confirms the loan slip (``confirm_loan``) or, if it is
# on the shelf after all (returned without being recorded), counts it found. Closing makes every line of an
# asset still on loan that was not found "lent" (result), never a shortage: expected = found + on loan + short.

def loan_day(st: StockTake) -> _dt.date:
    """The day loans are judged on (overdue or not): today while counting, the closing day after."""
    return st.closed_at.date() if st.status != "open" and st.closed_at else clock.today()


def loans(st: StockTake, asset_ids=None) -> dict[int, dict]:
    """The loans of the stock-take's assets, by asset id, each with ``overdue_days``: while counting, the loans
    not returned yet; once closed, the loan each asset was out on at closing (returned since or not)."""
    day = loan_day(st)
    out = assets.loans_of(None if st.status == "open" else day, asset_ids)
    for loan in out.values():
        loan["overdue_days"] = max(0, (day - loan["due_on"]).days)
    return out


def loan_text(loan: dict | None) -> str:
    """借出：王老师，应还 2026-07-01 (and how many days overdue), for the count sheet and the count page."""
    if not loan:
        return ""
    text = tr("On loan: {borrower}, due {date}").format(borrower=loan["borrower"],
                                                        date=loan["due_on"].strftime("%Y-%m-%d"))
    if loan.get("overdue_days"):
        text += tr(" (overdue {n} days)").format(n=loan["overdue_days"])
    return text


def confirm_loan(line_id: int) -> StockTakeLine:
    """The asset of this line is out on loan and the clerk has seen the slip: counted as on loan (not here,
    not a shortage). Refused when the register has no open loan for it."""
    line = _line(line_id)
    st = line.stocktake
    _require_open(st)
    loan = loans(st, [line.asset_id]).get(line.asset_id)
    if loan is None:
        raise RuleError(tr("{number} {name} is not on loan in the asset register: count it found or missing.").format(
            number=line.asset_number, name=line.name))
    with database.atomic():
        before = audit.snapshot(line, ["counted_qty", "found_place", "condition", "method"])
        line.counted_qty, line.found_place, line.condition, line.method = 0, None, None, LOAN
        line.counted_at = clock.now()
        line.save(only=[StockTakeLine.counted_qty, StockTakeLine.found_place, StockTakeLine.condition,
                        StockTakeLine.method, StockTakeLine.counted_at])
        audit.record_update(line, before, action="confirm_loan", note=audit.sentence(
            N_("Loan slip {doc} seen: lent to {borrower}, due {due}"), doc=loan["doc_no"],
            borrower=loan["borrower"], due=loan["due_on"].isoformat()))
    return line


# --- counting ----------------------------------------------------------------------

@dataclass
class ScanResult:
    outcome: str  # found | misplaced | duplicate | unknown
    message: str  # what the clerk reads, big
    detail: str = ""  # a second, smaller line
    line_id: int | None = None
    unknown_id: int | None = None
    place_id: int | None = None  # the line's expected place (for progress)
    code: str = ""
    newly_counted: bool = False  # the line had no count before (progress moves by one)


def _place_name(place_id: int | None) -> str:
    if place_id is None:
        return tr("(no place)")
    name = Place.select(Place.full_name).where(Place.id == place_id).scalar()
    return name or str(place_id)


place_name = _place_name  # a place's full name, "(no place)" for none (the window shows it)


UNAUDITED = ("method", "counted_at")  # the change record's own time and action say these


def _save_count(line: StockTakeLine, values: dict[str, Any], action: str) -> None:
    before = audit.snapshot(line, [k for k in values if k not in UNAUDITED])
    for k, v in values.items():
        setattr(line, k, v)
    line.save(only=[getattr(StockTakeLine, k) for k in values])
    audit.record_update(line, before, action=action)


def _find_line(st_id: int, code: str) -> StockTakeLine | None:
    line = StockTakeLine.get_or_none((StockTakeLine.stocktake == st_id) & (StockTakeLine.asset_number == code))
    if line is None and code != code.upper():
        line = StockTakeLine.get_or_none((StockTakeLine.stocktake == st_id)
                                         & (StockTakeLine.asset_number == code.upper()))
    return line


def _count_found(st: StockTake, line: StockTakeLine, place_id: int | None, method: str, code: str) -> ScanResult:
    """Record ``line`` as found at ``place_id`` (inside a transaction)."""
    here = place_id if place_id is not None else line.place_id
    newly = line.counted_qty is None
    values = {"counted_qty": line.quantity, "found_place": here, "method": method, "counted_at": clock.now()}
    if line.condition is None:
        values["condition"] = "good"
    _save_count(line, values, "count")
    unit = line.unit or ""
    loan = loans(st, [line.asset_id]).get(line.asset_id)
    returned = (" " + tr("The register says “{loan}”: returned without the return being recorded? "
                         "Record the return in the asset register.").format(loan=loan_text(loan))) if loan else ""
    if here == line.place_id:
        qty = tr(" — {qty} {unit}").format(qty=line.quantity, unit=unit) if line.quantity > 1 else ""
        return ScanResult("found", tr("Found: {number} {name}").format(number=line.asset_number, name=line.name),
                          tr("Expected here{qty}.").format(qty=qty) + returned, line.id, place_id=line.place_id,
                          code=code, newly_counted=newly)
    return ScanResult("misplaced", tr("Misplaced: {number} {name}").format(number=line.asset_number, name=line.name),
                      tr("Expected in {expected}; recorded as found in {here}.").format(
                          expected=line.place_name or tr("(no place)"), here=_place_name(here)) + returned,
                      line.id, place_id=line.place_id, code=code, newly_counted=newly)


def _count_outside_scope(st: StockTake, asset: Asset, place_id: int | None, code: str, now) -> ScanResult:
    """A registered asset that is not on this stock-take's list, found here (inside a transaction).

    It is that asset, never a new one: kept as resolved ("matched") with where it was found, so
    that after sign-off moving it here on the books is offered (``relocate_unknown``)."""
    earlier = StockTakeUnknown.get_or_none((StockTakeUnknown.stocktake == st.id)
                                           & (StockTakeUnknown.matched_asset == asset.id))
    if earlier is not None:
        return ScanResult("duplicate", tr("Already counted: {number} {name}").format(
            number=asset.number, name=asset.name), tr("Counted in {place}; not counted twice.").format(
            place=_place_name(earlier.found_place_id)), unknown_id=earlier.id, code=code)
    registered = asset.place.full_name if asset.place_id else tr("(no place)")
    note = tr("In the register in {place}, outside this stock-take.").format(place=registered)
    u = StockTakeUnknown.create(stocktake=st, code=code, found_place=place_id, first_seen=now, status="matched",
                                matched_asset=asset, note=note)
    audit.record_create(u)
    if place_id is None or place_id == asset.place_id:
        return ScanResult("found", tr("Found: {number} {name}").format(number=asset.number, name=asset.name),
                          note, unknown_id=u.id, code=code)
    return ScanResult("misplaced", tr("Misplaced: {number} {name}").format(number=asset.number, name=asset.name),
                      tr("In the register in {expected}, outside this stock-take; recorded as found in {here}. "
                         "Moving it is offered after sign-off.").format(expected=registered,
                                                                        here=_place_name(place_id)),
                      unknown_id=u.id, code=code)


def scan(stocktake_id: int, code: str, place_id: int | None, method: str = "scan") -> ScanResult:
    """One scanned (or typed) number, answered at once and saved at once."""
    code = (code or "").strip()
    if not code:
        raise ValidationError({"code": tr("Scan or type an asset number.")})
    if len(code) > 100:
        raise ValidationError({"code": tr("At most {n} characters.").format(n=100)})
    st = get(stocktake_id)
    _require_open(st)
    now = clock.now()
    with database.atomic():
        line = _find_line(st.id, code)
        if line is not None:
            if line.counted_qty:
                when = line.counted_at.strftime("%H:%M") if line.counted_at else ""
                where = line.place_name if line.found_place_id == line.place_id else _place_name(line.found_place_id)
                result = ScanResult("duplicate",
                                    tr("Already counted: {number} {name}").format(number=line.asset_number,
                                                                                   name=line.name),
                                    tr("Counted at {time} in {place}; not counted twice.").format(
                                        time=when, place=where or tr("(no place)")),
                                    line.id, place_id=line.place_id, code=code)
            else:
                result = _count_found(st, line, place_id, method, code)
        else:
            unknown = StockTakeUnknown.get_or_none((StockTakeUnknown.stocktake == st.id)
                                                   & (StockTakeUnknown.code == code))
            asset = assets.find_by_number(code) or (assets.find_by_number(code.upper()) if code != code.upper()
                                                    else None)
            if unknown is not None:
                StockTakeUnknown.update(times=StockTakeUnknown.times + 1).where(
                    StockTakeUnknown.id == unknown.id).execute()
                if unknown.status == "matched" and unknown.matched_asset_id:
                    known = assets.get_asset(unknown.matched_asset_id)
                    result = ScanResult("duplicate", tr("Already counted: {number} {name}").format(
                        number=known.number, name=known.name), tr("Counted in {place}; not counted twice.").format(
                        place=_place_name(unknown.found_place_id)), unknown_id=unknown.id, code=code)
                else:
                    result = ScanResult("duplicate", tr("Already on the unknown list: {code}").format(code=code),
                                        tr("Resolve it on the “Unknown numbers” page."), unknown_id=unknown.id,
                                        code=code)
            elif asset is not None and asset.status in EXPECTED_STATUSES:
                result = _count_outside_scope(st, asset, place_id, code, now)
            else:
                hint = ""
                if asset is not None:
                    hint = tr("{number} {name} is in the register ({status}, {place}) but not on this list.").format(
                        number=asset.number, name=asset.name, status=assets.display_value("status", asset.status),
                        place=asset.place.full_name if asset.place_id else tr("(no place)"))
                unknown = StockTakeUnknown.create(stocktake=st, code=code, found_place=place_id, first_seen=now,
                                                  note=hint or None)
                audit.record_create(unknown)
                result = ScanResult("unknown", tr("Unknown number: {code}").format(code=code),
                                    hint or tr("Kept on the unknown list, to match to an asset "
                                               "or register as surplus."),
                                    unknown_id=unknown.id, code=code)
        StockTakeScan.insert(stocktake=st.id, code=code, place=place_id, outcome=result.outcome,
                             line=result.line_id, scanned_at=now).execute()
    return result


def tick(line_id: int, found: bool, place_id: int | None = None) -> StockTakeLine:
    """Tick a line of the expected list found (here, or at ``place_id``) or missing."""
    line = _line(line_id)
    st = line.stocktake
    _require_open(st)
    with database.atomic():
        if found:
            here = place_id if place_id is not None else line.place_id
            _save_count(line, {"counted_qty": line.quantity, "found_place": here, "method": "tick",
                               "counted_at": clock.now(), "condition": line.condition or "good"}, "count")
        else:
            _save_count(line, {"counted_qty": 0, "found_place": None, "method": "tick", "counted_at": clock.now(),
                               "condition": None, "note": line.note}, "count")
    return line


def set_quantity(line_id: int, qty, place_id: int | None = None) -> StockTakeLine:
    """The counted quantity of a (batch) line: 0 .. expected."""
    line = _line(line_id)
    _require_open(line.stocktake)
    try:
        value = int(str(qty).strip())
    except (TypeError, ValueError):
        raise ValidationError({"counted_qty": tr("Enter a whole number.")}) from None
    if value < 0:
        raise ValidationError({"counted_qty": tr("Enter a whole number.")})
    if value > line.quantity:
        raise ValidationError({"counted_qty": tr(
            "More than the {n} expected: count {n} here and register the extra as a surplus item.").format(
            n=line.quantity)})
    with database.atomic():
        values = {"counted_qty": value, "method": "qty", "counted_at": clock.now()}
        if value:
            values["found_place"] = line.found_place_id or (place_id if place_id is not None else line.place_id)
            values["condition"] = line.condition or "good"
        else:
            values["found_place"] = None
        _save_count(line, values, "count")
    return line


def set_condition(line_id: int, condition: str, note: str = "", place_id: int | None = None) -> StockTakeLine:
    """完好 / 损坏 / 待修, with a note. Marking damage also counts the item as found."""
    line = _line(line_id)
    _require_open(line.stocktake)
    if condition not in CONDITIONS:
        raise ValidationError({"condition": tr("Choose the condition.")})
    note = (note or "").strip()
    if condition != "good" and not note:
        raise ValidationError({"note": tr("Describe the damage.")})
    with database.atomic():
        values: dict[str, Any] = {"condition": condition, "note": note or None}
        if not line.counted_qty:
            values.update(counted_qty=line.quantity, counted_at=clock.now(), method="tick",
                          found_place=place_id if place_id is not None else line.place_id)
        _save_count(line, values, "condition")
    return line


def reset_line(line_id: int) -> StockTakeLine:
    """Undo the count of a line (back to “not counted”)."""
    line = _line(line_id)
    _require_open(line.stocktake)
    with database.atomic():
        _save_count(line, {"counted_qty": None, "found_place": None, "condition": None, "note": None,
                           "method": None, "counted_at": None}, "uncount")
    return line


# --- progress and lists ----------------------------------------------------------------

def progress(stocktake_id: int) -> tuple[int, int]:
    """(counted, expected) over the whole stock-take (the models' query, shared with Today)."""
    return lines_progress(stocktake_id)


def place_progress(stocktake_id: int) -> OrderedDict[int | None, dict]:
    """Per expected place, in walking order: {place_id: {"name", "expected", "counted", "found"}}."""
    counted = fn.SUM(Case(None, [(StockTakeLine.counted_qty.is_null(False), 1)], 0))
    found = fn.SUM(Case(None, [(StockTakeLine.counted_qty > 0, 1)], 0))
    rows = (StockTakeLine.select(StockTakeLine.place, StockTakeLine.place_name, fn.COUNT(StockTakeLine.id),
                                 counted, found)
            .where(StockTakeLine.stocktake == stocktake_id)
            .group_by(StockTakeLine.place, StockTakeLine.place_name).tuples())
    order = {pid: (so, parent_so) for pid, so, parent_so in
             Place.select(Place.id, Place.sort_order, fn.COALESCE(Place.parent, 0)).tuples()}
    parents = {p.id: p.sort_order for p in Place.select(Place.id, Place.sort_order).where(Place.kind == "building")}
    items = []
    for pid, name, n, c, f in rows:
        so, parent = order.get(pid, (0, 0))
        key = (pid is None, parents.get(parent, so) if parent else so, so if parent else -1, name or "")
        items.append((key, pid, {"name": name or tr("(no place)"), "expected": n, "counted": int(c or 0),
                                 "found": int(f or 0)}))
    items.sort(key=lambda t: t[0])
    return OrderedDict((pid, d) for _k, pid, d in items)


def counts_for_place(stocktake_id: int, place_id: int | None) -> tuple[int, int]:
    q = StockTakeLine.select().where((StockTakeLine.stocktake == stocktake_id) & (
        StockTakeLine.place.is_null() if place_id is None else (StockTakeLine.place == place_id)))
    return q.where(StockTakeLine.counted_qty.is_null(False)).count(), q.count()


LINE_FIELDS = (StockTakeLine.id, StockTakeLine.asset, StockTakeLine.asset_number, StockTakeLine.name,
               StockTakeLine.model_spec, StockTakeLine.unit, StockTakeLine.quantity, StockTakeLine.counted_qty,
               StockTakeLine.found_place, StockTakeLine.condition, StockTakeLine.note, StockTakeLine.place,
               StockTakeLine.place_name, StockTakeLine.custodian_name, StockTakeLine.department_name,
               StockTakeLine.category_name, StockTakeLine.book_value, StockTakeLine.unit_price,
               StockTakeLine.result, StockTakeLine.method, StockTakeLine.counted_at)


def lines_for_place(stocktake_id: int, place_id: int | None) -> list[dict]:
    """The expected list of a place, sorted as the room is walked (by asset number); each line with the loan
    its asset is out on (``loan``, None when not lent)."""
    q = (StockTakeLine.select(*LINE_FIELDS)
         .where((StockTakeLine.stocktake == stocktake_id)
                & (StockTakeLine.place.is_null() if place_id is None else (StockTakeLine.place == place_id)))
         .order_by(StockTakeLine.asset_number).dicts())
    rows = list(q)
    out = loans(get(stocktake_id), [d["asset"] for d in rows]) if rows else {}
    return [_with_state(d, out) for d in rows]


def line_dict(line_id: int) -> dict:
    d = StockTakeLine.select(*LINE_FIELDS).where(StockTakeLine.id == line_id).dicts().get()
    return _with_state(d, loans(_line(line_id).stocktake, [d["asset"]]))


def line_state(d: dict) -> str:
    """not_counted | found | misplaced | missing | partial | lent (none here: the loan slip seen, or the asset
    is out on loan — ``d["loan"]`` — and was not found here)"""
    c = d.get("counted_qty")
    if c is None:
        return "not_counted"
    if c == 0:
        return "lent" if d.get("method") == LOAN or d.get("loan") else "missing"
    if c < d["quantity"]:
        return "partial"
    if d.get("found_place") is not None and d.get("found_place") != d.get("place"):
        return "misplaced"
    return "found"


def _with_state(d: dict, loans_by_asset: dict | None = None) -> dict:
    if loans_by_asset is not None:
        d["loan"] = loans_by_asset.get(d["asset"])
    d["state"] = line_state(d)
    return d


def recent_scans(stocktake_id: int, limit: int = 30) -> list[dict]:
    q = (StockTakeScan.select(StockTakeScan.id, StockTakeScan.code, StockTakeScan.outcome, StockTakeScan.scanned_at,
                              StockTakeScan.place, StockTakeLine.name.alias("name"))
         .join(StockTakeLine, JOIN.LEFT_OUTER, on=(StockTakeScan.line == StockTakeLine.id))
         .where(StockTakeScan.stocktake == stocktake_id).order_by(StockTakeScan.id.desc()).limit(limit).dicts())
    return list(q)


# --- unknown numbers and surplus ----------------------------------------------------------

def _unknown(unknown_id: int) -> StockTakeUnknown:
    u = StockTakeUnknown.get_or_none(StockTakeUnknown.id == int(unknown_id))
    if u is None:
        raise NotFound(tr("The entry no longer exists."))
    return u


def unknowns(stocktake_id: int, status: str | None = None) -> list[dict]:
    q = (StockTakeUnknown.select(StockTakeUnknown, Place.full_name.alias("place_name"),
                                 Category.name.alias("category_name"))
         .join_from(StockTakeUnknown, Place, JOIN.LEFT_OUTER, on=(StockTakeUnknown.found_place == Place.id))
         .join_from(StockTakeUnknown, Category, JOIN.LEFT_OUTER, on=(StockTakeUnknown.category == Category.id))
         .where(StockTakeUnknown.stocktake == stocktake_id).order_by(StockTakeUnknown.id))
    if status:
        q = q.where(StockTakeUnknown.status == status)
    out = []
    for d in q.dicts():
        d["matched_number"] = (Asset.select(Asset.number).where(Asset.id == d["matched_asset"]).scalar()
                               if d["matched_asset"] else None)
        d["registered_number"] = (Asset.select(Asset.number).where(Asset.id == d["registered_asset"]).scalar()
                                  if d["registered_asset"] else None)
        out.append(d)
    return out


def _require_unresolved(u: StockTakeUnknown) -> None:
    """A resolved entry (matched, surplus, dismissed) stays as resolved: it is not resolved again."""
    _require_open(u.stocktake)
    if u.status != "open":
        raise RuleError(tr("“{code}” has already been resolved ({status}).").format(
            code=u.code or tr("(no tag)"), status=tr(UNKNOWN_STATUSES.get(u.status, u.status))))


def match_suggestion(unknown_id: int) -> str | None:
    """The asset number an unknown entry's own code names, if it is a registered asset's number."""
    u = _unknown(unknown_id)
    code = (u.code or "").strip()
    asset = assets.find_by_number(code) or (assets.find_by_number(code.upper()) if code else None)
    return asset.number if asset is not None else None


def match_unknown(unknown_id: int, asset_number: str | None = None) -> ScanResult | None:
    """The unknown number is really asset ``asset_number`` (a worn or swapped tag); without a number,
    the asset whose number was scanned."""
    u = _unknown(unknown_id)
    st = u.stocktake
    _require_unresolved(u)
    asset_number = (asset_number or "").strip() or match_suggestion(u.id) or ""
    if not asset_number:
        raise ValidationError({"asset_number": tr("Scan or type an asset number.")})
    asset = assets.find_by_number(asset_number)
    if asset is None:
        raise ValidationError({"asset_number": tr("No asset has the number {number}.").format(number=asset_number)})
    result = None
    with database.atomic():
        line = _find_line(st.id, asset.number)
        if line is not None and not line.counted_qty:
            result = _count_found(st, line, u.found_place_id, "match", u.code or "")
        before = audit.snapshot(u, ["status", "matched_asset"])
        u.status, u.matched_asset = "matched", asset
        u.save()
        audit.record_update(u, before, action="match")
    return result


def _surplus_values(values: dict) -> dict:
    errors = {}
    name = (values.get("name") or "").strip()
    if not name:
        errors["name"] = tr("This field is required.")
    category = record_or_none(Category, values.get("category"))
    if category is None:
        errors["category"] = tr("Choose a category.")
    place = record_or_none(Place, values.get("place")) if values.get("place") not in (None, "") else None
    try:
        qty = parse_quantity(values.get("quantity"), default=1, whole=True, minimum=1,
                             message=tr("Enter a whole number of at least 1."))
    except NumberError as e:
        errors["quantity"], qty = e.message, 1
    try:
        price = parse_money(values.get("unit_price"), default=ZERO,
                            message=tr("Enter an amount of money of 0 or more, e.g. 3500.00."))
    except NumberError as e:
        errors["unit_price"], price = e.message, ZERO
    if errors:
        raise ValidationError(errors)
    return {"name": name[:200], "category": category, "found_place": place, "quantity": qty,
            "unit_price": price.quantize(CENT), "model_spec": (values.get("model_spec") or "").strip() or None,
            "unit": (values.get("unit") or "").strip() or None, "note": (values.get("note") or "").strip() or None}


def set_surplus(unknown_id: int, values: dict) -> StockTakeUnknown:
    """Enter an unknown number as a surplus item (盘盈): name, category, place, quantity, price."""
    u = _unknown(unknown_id)
    _require_unresolved(u)
    clean = _surplus_values({"place": u.found_place_id, **values})
    with database.atomic():
        before = audit.snapshot(u, list(clean) + ["status"])
        for k, v in clean.items():
            setattr(u, k, v)
        u.status = "surplus"
        u.save()
        audit.record_update(u, before, action="surplus")
    return u


def add_surplus(stocktake_id: int, values: dict) -> StockTakeUnknown:
    """An item found without a tag, nobody expected it: surplus (盘盈)."""
    st = get(stocktake_id)
    _require_open(st)
    clean = _surplus_values(values)
    with database.atomic():
        u = StockTakeUnknown.create(stocktake=st, code=(values.get("code") or "").strip() or None,
                                    first_seen=clock.now(), status="surplus", **clean)
        audit.record_create(u)
    return u


def dismiss_unknown(unknown_id: int, reason: str) -> StockTakeUnknown:
    u = _unknown(unknown_id)
    _require_unresolved(u)
    if not (reason or "").strip():
        raise ValidationError({"reason": tr("Give the reason.")})
    with database.atomic():
        before = audit.snapshot(u, ["status", "note"])
        u.status = "dismissed"
        u.note = reason.strip()
        u.save()
        audit.record_update(u, before, action="dismiss")
    return u


# --- closing, sign-off --------------------------------------------------------------

def open_unknown_count(stocktake_id: int) -> int:
    return StockTakeUnknown.select().where((StockTakeUnknown.stocktake == stocktake_id)
                                           & (StockTakeUnknown.status == "open")).count()


def check_can_close(stocktake_id: int) -> StockTake:
    """Raise what stops the count from being closed now (before anyone is asked to confirm)."""
    st = get(stocktake_id)
    _require_open(st)
    open_unknowns = open_unknown_count(st.id)
    if open_unknowns:
        if open_unknowns == 1:
            raise RuleError(tr("1 unknown number is still to resolve: match it to an asset, enter it as surplus or "
                               "dismiss it, then close."))
        raise RuleError(tr("{n} unknown numbers are still to resolve: match each to an asset, enter it as surplus "
                           "or dismiss it, then close.").format(n=open_unknowns))
    return st


def close(stocktake_id: int) -> StockTake:
    """Close the count: lines not found become missing (盘亏). No asset is changed."""
    st = check_can_close(stocktake_id)
    L = StockTakeLine
    mine = L.stocktake == st.id
    lent = list(loans(st))  # assets out on loan now: not found here, they are on loan, not short
    with database.atomic():
        none_here = L.counted_qty.is_null() | (L.counted_qty == 0)
        for i in range(0, len(lent), 500):
            L.update(result="lent").where(mine & none_here & L.asset.in_(lent[i:i + 500])).execute()
        L.update(result="lent").where(mine & none_here & (L.method == LOAN)).execute()
        L.update(result="missing").where(mine & none_here & L.result.is_null()).execute()
        L.update(result="partial").where(mine & (L.counted_qty > 0) & (L.counted_qty < L.quantity)).execute()
        L.update(result="misplaced").where(mine & (L.counted_qty >= L.quantity) & L.found_place.is_null(False)
                                           & (L.place.is_null() | (L.found_place != L.place))).execute()
        L.update(result="found").where(mine & L.result.is_null()).execute()
        audit.record_many(("stocktake_line", line_id, "close", {"result": (None, result)}, None)
                          for line_id, result in L.select(L.id, L.result).where(mine).tuples().iterator())
        before = audit.snapshot(st, ["status", "closed_at"])
        st.status, st.closed_at = "closed", clock.now()
        st.save()
        v = variance(st.id)["totals"]
        audit.record_update(st, before, action="close", note=tr(
            "expected {e}, found {f}, on loan {l}, missing {m}, misplaced {p}, surplus {s}, damaged {d}").format(
            e=v["expected"], f=v["found"], l=v["lent"], m=v["missing"], p=v["misplaced"], s=v["surplus"],
            d=v["damaged"]))
    return st


SIGN_ROLES = ("counter", "checker", "custodian_sign", "director", "principal")


def sign_off(stocktake_id: int, *, counter: str, checker: str, director: str, custodian_sign: str = "",
             principal: str = "", on: _dt.date | None = None) -> StockTake:
    """Record who signed the variance report; after this the results can be applied."""
    st = get(stocktake_id)
    if st.status == "open":
        raise RuleError(tr("Close the stock-take before it is signed off."))
    if st.status == "signed":
        raise RuleError(tr("Stock-take {doc} has already been signed off.").format(doc=st.doc_no))
    on = on or clock.today()
    names = {"counter": counter, "checker": checker, "custodian_sign": custodian_sign, "director": director,
             "principal": principal}
    names = {k: (v or "").strip() for k, v in names.items()}
    errors = {k: tr("Who signed?") for k in ("counter", "checker", "director") if not names[k]}
    if on > clock.today():
        errors["signed_on"] = tr("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        before = audit.snapshot(st, list(names) + ["status", "signed_on"])
        for k, v in names.items():
            setattr(st, k, v or None)
        st.status, st.signed_on = "signed", on
        st.save()
        audit.record_update(st, before, action="sign_off")
    return st


# --- the variance report --------------------------------------------------------------

def _empty_row(label: str) -> dict:
    return {"label": label, "expected": 0, "expected_qty": 0, "expected_value": ZERO, "found": 0, "found_qty": 0,
            "found_value": ZERO, "missing": 0, "missing_qty": 0, "missing_value": ZERO, "surplus": 0,
            "surplus_qty": 0, "surplus_value": ZERO, "misplaced": 0, "misplaced_value": ZERO, "damaged": 0,
            "damaged_value": ZERO, "lent": 0, "lent_qty": 0, "lent_value": ZERO, "lent_overdue": 0}


def _add(row: dict, kind: str, qty: int, value: Decimal) -> None:
    row[kind] += 1
    if f"{kind}_qty" in row:
        row[f"{kind}_qty"] += qty
    row[f"{kind}_value"] += value


class _Tally:
    """The variance's rows: one per place, one per category, and the total; each figure goes into all three."""

    def __init__(self):
        self.by_place: dict[Any, dict] = {}
        self.by_cat: dict[Any, dict] = {}
        self.totals = _empty_row(tr("Total"))

    def rows(self, place, place_label: str, category, category_label: str) -> tuple[dict, dict, dict]:
        return (self.by_place.setdefault(place, _empty_row(place_label)),
                self.by_cat.setdefault(category, _empty_row(category_label)), self.totals)


def _tally_lines(st: StockTake, tally: _Tally) -> tuple[list[dict], list[dict], list[dict], list[dict], list[dict]]:
    """The expected list into the tally; returns the missing, misplaced, damaged and lent lines, and the
    lines found although the register still has them on loan (the return was not recorded)."""
    missing, misplaced, damaged, lent, found_lent = [], [], [], [], []
    on_loan = loans(st)
    still_out = on_loan if st.status == "open" else assets.loans_of()
    q = (StockTakeLine.select(*LINE_FIELDS, StockTakeLine.category_id, StockTakeLine.relocated_at,
                              StockTakeLine.shortage_at, StockTakeLine.written_off_at,
                              StockTakeLine.damage_recorded_at)
         .where(StockTakeLine.stocktake == st.id).order_by(StockTakeLine.place_name, StockTakeLine.asset_number)
         .dicts())
    place_names = {}
    for d in q.iterator():
        d["loan"] = on_loan.get(d["asset"])
        state = d["result"] or line_state(d)
        if state == "not_counted":
            state = "lent" if d["loan"] else "missing"
        qty, value = d["quantity"], Decimal(d["book_value"] or 0)
        per_unit = value / qty if qty else ZERO
        counted = d["counted_qty"] or 0
        is_damaged = d["condition"] in ("damaged", "needs_repair")
        for row in tally.rows(d["place"], d["place_name"] or tr("(no place)"), d["category_id"],
                              d["category_name"] or "—"):
            _add(row, "expected", qty, value)
            if counted:
                _add(row, "found", counted, (per_unit * counted).quantize(CENT))
            if state in ("missing", "partial"):
                _add(row, "missing", qty - counted, (per_unit * (qty - counted)).quantize(CENT))
            if state == "misplaced":
                row["misplaced"] += 1
                row["misplaced_value"] += value
            if state == "lent":
                _add(row, "lent", qty - counted, (per_unit * (qty - counted)).quantize(CENT))
                row["lent_overdue"] += 1 if d["loan"] and d["loan"]["overdue_days"] else 0
            if is_damaged:
                row["damaged"] += 1
                row["damaged_value"] += value
        d["state"] = state
        if state == "lent":
            d["lent_qty"] = qty - counted
            d["lent_value"] = (per_unit * (qty - counted)).quantize(CENT)
            lent.append(d)
        elif counted and d["asset"] in still_out:
            d["loan"] = still_out[d["asset"]]
            found_lent.append(d)
        if state in ("missing", "partial"):
            d["missing_qty"] = qty - counted
            d["missing_value"] = (per_unit * (qty - counted)).quantize(CENT)
            missing.append(d)
        if state == "misplaced":
            if d["found_place"] not in place_names:
                place_names[d["found_place"]] = _place_name(d["found_place"])
            d["found_place_name"] = place_names[d["found_place"]]
            misplaced.append(d)
        if is_damaged:
            damaged.append(d)
    return missing, misplaced, damaged, lent, found_lent


def _tally_outside_scope(st: StockTake, tally: _Tally) -> list[dict]:
    """Registered assets from outside the scope found in one of its rooms (scanned in the wrong room, from
    another building): misplaced too, counted where they were found."""
    out, life = [], None
    for d in _found_outside_scope(st.id):
        if life is None:
            life = _life_by_category()
        value = book_value(d["amount"], d["acquired_on"], life.get(d["category"]), d["low_value"], st.count_date)
        d.update(state="misplaced", book_value=value, outside_scope=True, asset=d["matched_asset"],
                 found_place_name=_place_name(d["found_place"]))
        for row in tally.rows(d["found_place"], d["found_place_name"], d["category"], d["category_name"] or "—"):
            row["misplaced"] += 1
            row["misplaced_value"] += value
        out.append(d)
    return out


def _tally_surplus(st: StockTake, tally: _Tally) -> list[dict]:
    surplus = unknowns(st.id, "surplus")
    for u in surplus:
        value = (Decimal(u["unit_price"] or 0) * u["quantity"]).quantize(CENT)
        u["value"] = value
        for row in tally.rows(u["found_place"], u["place_name"] or tr("(no place)"), u["category"],
                              u["category_name"] or "—"):
            _add(row, "surplus", u["quantity"], value)
    return surplus


def variance(stocktake_id: int) -> dict:
    """Per place and per category: expected, found, on loan, missing, surplus, misplaced, damaged (counts,
    quantities, book values), the detail lists, and totals; expected qty = found + on loan + missing. On an
    open stock-take, lines not counted yet count as missing (a preview), as on loan when their asset is lent.
    ``lent``: the lines on loan, each with its ``loan`` (borrower, due date, ``overdue_days`` on the loan day);
    ``found_on_loan``: lines found although the register still has them on loan (return not recorded)."""
    st = get(stocktake_id)
    tally = _Tally()
    missing, misplaced, damaged, lent, found_on_loan = _tally_lines(st, tally)
    misplaced += _tally_outside_scope(st, tally)
    surplus = _tally_surplus(st, tally)
    by_place = tally.by_place
    place_rows = [by_place.pop(pid) for pid in list(place_progress(st.id)) if pid in by_place]
    place_rows += sorted(by_place.values(), key=lambda r: r["label"])
    cat_rows = sorted(tally.by_cat.values(), key=lambda r: r["label"])
    return {"stocktake": st, "provisional": st.status == "open", "places": place_rows, "categories": cat_rows,
            "totals": tally.totals, "missing": missing, "misplaced": misplaced, "damaged": damaged,
            "surplus": surplus, "lent": lent, "found_on_loan": found_on_loan, "loan_day": loan_day(st)}


# --- applying the results (after sign-off) --------------------------------------------------

def _require_signed(st: StockTake) -> None:
    if st.status != "signed":
        raise RuleError(tr("Results are applied after the variance report has been signed off."))


def _line_to_apply(line_id: int) -> tuple[StockTakeLine, StockTake]:
    """A count line whose result is to be applied, and its stock-take (which must be signed off)."""
    line = _line(line_id)
    st = line.stocktake
    _require_signed(st)
    return line, st


def _ref(st: StockTake) -> dict:
    return {"ref_table": "stocktake", "ref_id": st.id}


def relocate(line_id: int) -> StockTakeLine:
    """Move a misplaced asset to where it was found (a transfer in its history)."""
    line, st = _line_to_apply(line_id)
    if line.result != "misplaced":
        raise RuleError(tr("Only misplaced assets are moved."))
    if line.relocated_at:
        raise RuleError(tr("Already moved."))
    asset = assets.get_asset(line.asset_id)
    with database.atomic():
        if asset.place_id != line.found_place_id:
            assets.transfer(asset, place=line.found_place_id, on=clock.today(),
                            reason=tr("Stock-take {doc}: found in {place}").format(
                                doc=st.doc_no, place=_place_name(line.found_place_id)))
        else:
            assets.add_event(asset, "stocktake", audit.sentence(
                N_("Stock-take {doc}: found in {place}, already recorded there"),
                doc=st.doc_no, place=_place_name(line.found_place_id)), doc_no=st.doc_no, **_ref(st))
        _save_count(line, {"relocated_at": clock.now()}, "apply_relocate")
    return line


def mark_shortage(line_id: int) -> StockTakeLine:
    """A missing asset becomes 盘亏待批 (status shortage) until the write-off is approved.

    When only some units of a batch line are missing, those units are split off into their own
    record (``T-0003`` → ``T-0003-1``) with the status shortage: the write-off then takes exactly them."""
    line, st = _line_to_apply(line_id)
    if line.result not in ("missing", "partial"):
        raise RuleError(tr("Only missing assets are marked as shortage."))
    if line.shortage_at:
        raise RuleError(tr("Already marked."))
    asset = assets.get_asset(line.asset_id)
    if asset.status == "lent":
        loan = assets.loans_of(None, [asset.id]).get(asset.id)
        raise RuleError(tr("Asset {number} is out on loan ({loan}): it is not a shortage. If the borrower has lost "
                           "it, record the return and the loss in the asset register.").format(
            number=asset.number, loan=loan_text(loan) if loan else tr("On loan")))
    missing = line.quantity - (line.counted_qty or 0) if line.result == "partial" else asset.quantity
    if missing > asset.quantity:
        raise RuleError(tr("Asset {number} now holds {n} {unit}, fewer than the {missing} missing: "
                           "check the register before marking the shortage.").format(
            number=asset.number, n=asset.quantity, unit=asset.unit or "", missing=missing))
    with database.atomic():
        if missing >= asset.quantity:
            assets.set_status(asset, "shortage", tr("Stock-take {doc}: not found (shortage, pending approval)").format(
                doc=st.doc_no), kind="stocktake", **_ref(st))
            holder = asset
        else:
            holder = assets.split_off(asset, missing, status="shortage", kind="stocktake", reason=tr(
                "stock-take {doc}: {n} of {total} {unit} not found, pending write-off approval").format(
                doc=st.doc_no, n=missing, total=line.quantity, unit=line.unit or ""), **_ref(st))
        _save_count(line, {"shortage_at": clock.now(), "shortage_asset": holder.id}, "apply_shortage")
    return line


def approve_writeoff(line_id: int, *, approver: str, on: _dt.date | None = None) -> StockTakeLine:
    """The shortage was approved: write off the record holding it (the asset, or the units split off it)."""
    line, st = _line_to_apply(line_id)
    if not line.shortage_at or line.result not in ("missing", "partial") or not (
            line.shortage_asset or line.result == "missing"):
        raise RuleError(tr("Mark the asset as shortage first."))
    if line.written_off_at:
        raise RuleError(tr("Already written off."))
    asset = assets.get_asset(line.shortage_asset or line.asset_id)
    if asset.status != "shortage":
        raise RuleError(tr("Asset {number} is no longer pending as shortage (it may have turned up).").format(
            number=asset.number))
    with database.atomic():
        assets.write_off(asset, reason=tr("Not found in stock-take {doc}").format(doc=st.doc_no), approver=approver,
                         method="loss", on=on, **_ref(st))
        _save_count(line, {"written_off_at": clock.now()}, "apply_writeoff")
    return line


def record_damage(line_id: int, *, cause: str = "natural", description: str = "", responsible_name: str = "",
                  discipline_note: str = "") -> StockTakeLine:
    """Record the damage found in the count in the asset's damage record (natural wear unless said)."""
    line, st = _line_to_apply(line_id)
    if line.condition not in ("damaged", "needs_repair"):
        raise RuleError(tr("Only damaged assets are recorded."))
    if line.damage_recorded_at:
        raise RuleError(tr("Already recorded."))
    asset = assets.get_asset(line.asset_id)
    text = (description or "").strip() or tr("Found {condition} in stock-take {doc}: {note}").format(
        condition=tr(CONDITIONS[line.condition]), doc=st.doc_no, note=line.note or "")
    with database.atomic():
        assets.report_damage(asset, cause=cause, description=text, responsible_name=responsible_name,
                             discipline_note=discipline_note, **_ref(st))
        _save_count(line, {"damage_recorded_at": clock.now()}, "apply_damage")
    return line


def record_return(line_id: int) -> StockTakeLine:
    """An asset the register has on loan was found in the count: the borrower returned it without the return
    being recorded. Record the return (the asset register's take-back) on the day it was counted."""
    line, st = _line_to_apply(line_id)
    if not line.counted_qty:
        raise RuleError(tr("Only assets found in the count are taken back."))
    asset = assets.get_asset(line.asset_id)
    loan = assets.loans_of(None, [asset.id]).get(asset.id)
    if loan is None:
        raise RuleError(tr("Asset {number} is not on loan (any more).").format(number=asset.number))
    day = max(line.counted_at.date() if line.counted_at else st.count_date, loan["lent_on"])
    place = _place_name(line.found_place_id or line.place_id)
    with database.atomic():
        assets.take_back(asset, returned_on=day, note=tr("Found in {place} in stock-take {doc}").format(
            place=place, doc=st.doc_no))
        audit.record("stocktake_line", line.id, "apply_return", note=audit.sentence(
            N_("Loan {loan} returned: found in {place} in stock-take {doc}"), loan=loan["doc_no"], place=place,
            doc=st.doc_no))
    return line


def register_surplus(unknown_id: int) -> Asset:
    """Register a surplus item (盘盈) as a new asset."""
    u = _unknown(unknown_id)
    st = u.stocktake
    _require_signed(st)
    if u.status != "surplus":
        raise RuleError(tr("Only surplus items are registered."))
    if u.registered_asset_id:
        raise RuleError(tr("Already registered."))
    values = {"name": u.name, "category": u.category_id, "model_spec": u.model_spec, "unit": u.unit,
              "quantity": u.quantity, "unit_price": u.unit_price, "acquired_on": st.count_date, "source": "other",
              "place": u.found_place_id, "note": u.note}
    if u.code and assets.NUMBER_RE.match(u.code) and not Asset.select().where(Asset.number == u.code).exists():
        values["number"] = u.code  # keep the tag it already carries
    with database.atomic():
        asset = assets.register(values, event_kind="stocktake", event_summary=audit.sentence(
            N_("Surplus found in stock-take {doc} ({place}), registered"),
            doc=st.doc_no, place=_place_name(u.found_place_id)), **_ref(st))[0]
        before = audit.snapshot(u, ["registered_asset"])
        u.registered_asset = asset
        u.save()
        audit.record_update(u, before, action="register")
    return asset


def _found_outside_scope(stocktake_id: int) -> list[dict]:
    """Registered assets not on the stock-take's list, found in another place than the register's (one per
    asset, moved on the books or not yet), for the variance report."""
    U = StockTakeUnknown
    on_list = StockTakeLine.select(StockTakeLine.asset).where(StockTakeLine.stocktake == stocktake_id)
    q = (U.select(U.id, U.code, U.found_place, U.matched_asset, U.relocated_at, Asset.number.alias("asset_number"),
                  Asset.name.alias("name"), Asset.model_spec.alias("model_spec"), Asset.unit.alias("unit"),
                  Asset.quantity.alias("quantity"), Asset.amount.alias("amount"),
                  Asset.acquired_on.alias("acquired_on"), Asset.low_value.alias("low_value"),
                  Asset.category.alias("category"), Category.name.alias("category_name"),
                  Asset.place.alias("place"), Place.full_name.alias("place_name"))
         .join(Asset, on=(U.matched_asset == Asset.id))
         .join_from(Asset, Place, JOIN.LEFT_OUTER, on=(Asset.place == Place.id))
         .join_from(Asset, Category, JOIN.LEFT_OUTER, on=(Asset.category == Category.id))
         .where((U.stocktake == stocktake_id) & (U.status == "matched") & U.found_place.is_null(False)
                & U.matched_asset.not_in(on_list)
                & (U.relocated_at.is_null(False)
                   | (Asset.status.in_(EXPECTED_STATUSES) & (Asset.place.is_null() | (Asset.place != U.found_place)))))
         .order_by(Asset.number, U.id).dicts())
    out, seen = [], set()
    for d in q:
        if d["matched_asset"] in seen:
            continue
        seen.add(d["matched_asset"])
        if d["relocated_at"]:  # moved here on the books since: the register's place before is in the record
            d["place_name"] = _place_before_move(d) or d["place_name"]
        out.append(d)
    return out


def _place_before_move(d: dict) -> str | None:
    """Where the register had an asset before the stock-take moved it (from the change record)."""
    entry = (audit.AuditEntry.select(audit.AuditEntry.old_value)
             .where((audit.AuditEntry.table_name == "asset") & (audit.AuditEntry.record_id == d["matched_asset"])
                    & (audit.AuditEntry.field == "place") & (audit.AuditEntry.new_value == str(d["found_place"])))
             .order_by(audit.AuditEntry.id.desc()).first())
    if entry is None or not entry.old_value:
        return None
    try:
        return _place_name(int(entry.old_value))
    except ValueError:
        return None


def _extra_moves(stocktake_id: int) -> list[dict]:
    """Registered assets from outside the scope found in another place, not yet moved on the books."""
    U = StockTakeUnknown
    on_list = StockTakeLine.select(StockTakeLine.asset).where(StockTakeLine.stocktake == stocktake_id)
    q = (U.select(U.id, U.code, U.found_place, U.matched_asset, Asset.number.alias("asset_number"),
                  Asset.name.alias("name"), Asset.place.alias("place"), Place.full_name.alias("place_name"),
                  Asset.quantity.alias("quantity"), Asset.unit.alias("unit"))
         .join(Asset, on=(U.matched_asset == Asset.id))
         .join(Place, JOIN.LEFT_OUTER, on=(Asset.place == Place.id))
         .where((U.stocktake == stocktake_id) & (U.status == "matched") & U.relocated_at.is_null()
                & U.found_place.is_null(False) & Asset.status.in_(EXPECTED_STATUSES)
                & U.matched_asset.not_in(on_list)
                & (Asset.place.is_null() | (Asset.place != U.found_place)))
         .order_by(Asset.number).dicts())
    out, seen = [], set()
    for d in q:
        if d["matched_asset"] in seen:  # two tags matched to one asset: one move
            continue
        seen.add(d["matched_asset"])
        d["found_place_name"] = _place_name(d["found_place"])
        out.append(d)
    return out


def relocate_unknown(unknown_id: int) -> Asset:
    """Move a registered asset from outside the scope, found in one of its rooms, to where it was found."""
    u = _unknown(unknown_id)
    st = u.stocktake
    _require_signed(st)
    if u.status != "matched" or not u.matched_asset_id or u.found_place_id is None:
        raise RuleError(tr("Only assets found in another place are moved."))
    if u.relocated_at:
        raise RuleError(tr("Already moved."))
    asset = assets.get_asset(u.matched_asset_id)
    with database.atomic():
        if asset.place_id != u.found_place_id:
            assets.transfer(asset, place=u.found_place_id, on=clock.today(),
                            reason=tr("Stock-take {doc}: found in {place}").format(
                                doc=st.doc_no, place=_place_name(u.found_place_id)))
        before = audit.snapshot(u, ["relocated_at"])
        u.relocated_at = clock.now()
        u.save()
        audit.record_update(u, before, action="apply_relocate")
    return asset


def pending_actions(stocktake_id: int) -> dict[str, list[dict]]:
    """What applying the results would still do: relocate, relocate_extra (assets from outside the
    scope), shortage, writeoff, damage, surplus, loan_return (found though the register has it on loan)."""
    L = StockTakeLine
    base = L.select(*LINE_FIELDS, L.relocated_at, L.shortage_at, L.written_off_at, L.damage_recorded_at,
                    L.repair_ref, L.shortage_asset).where(L.stocktake == stocktake_id)
    out = {
        "relocate": list(base.where((L.result == "misplaced") & L.relocated_at.is_null())
                         .order_by(L.asset_number).dicts()),
        "relocate_extra": _extra_moves(stocktake_id),
        "shortage": list(base.where(L.result.in_(["missing", "partial"]) & L.shortage_at.is_null())
                         .order_by(L.asset_number).dicts()),
        "writeoff": list(base.where(L.result.in_(["missing", "partial"]) & L.shortage_at.is_null(False)
                                    & (L.shortage_asset.is_null(False) | (L.result == "missing"))
                                    & L.written_off_at.is_null()).order_by(L.asset_number).dicts()),
        "damage": list(base.where(L.condition.in_(["damaged", "needs_repair"]) & L.damage_recorded_at.is_null())
                       .order_by(L.asset_number).dicts()),
        "surplus": [u for u in unknowns(stocktake_id, "surplus") if not u["registered_asset"]],
        "loan_return": _found_on_loan(stocktake_id, base),
    }
    names = {}
    for d in out["relocate"]:
        if d["found_place"] not in names:
            names[d["found_place"]] = _place_name(d["found_place"])
        d["found_place_name"] = names[d["found_place"]]
    holders = {d["shortage_asset"] or d["asset"] for d in out["writeoff"]}
    held = {aid: (number, qty) for aid, number, qty in
            Asset.select(Asset.id, Asset.number, Asset.quantity).where(Asset.id.in_(list(holders))).tuples()}
    for d in out["writeoff"]:
        d["shortage_number"], d["shortage_qty"] = held.get(d["shortage_asset"] or d["asset"], ("", 0))
    return out


def _found_on_loan(stocktake_id: int, base) -> list[dict]:
    """Lines found in the count whose asset the register still has on loan (the return was not recorded)."""
    out_now = assets.loans_of()
    if not out_now:
        return []
    L = StockTakeLine
    rows = []
    for d in base.where((L.counted_qty > 0) & L.asset.in_(list(out_now))).order_by(L.asset_number).dicts():
        d["loan"] = out_now[d["asset"]]
        d["found_place_name"] = _place_name(d["found_place"] or d["place"])
        rows.append(d)
    return rows


@dataclass
class Applied:
    """What applying results changed: how many of each kind, and the modules whose records changed
    (so the window refreshes those tabs only)."""

    counts: dict[str, int] = field(default_factory=dict)
    asset_ids: set[int] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def modules(self) -> set[str]:
        if not self.total:
            return set()
        return {"stocktake", "assets"} | ({"repairs"} if self.counts.get("repair") else set())


def _applied_asset(kind: str, item_id: int) -> int | None:
    """The asset an applied result touched (for ``Applied.asset_ids``)."""
    if kind in ("relocate_extra", "surplus"):
        u = _unknown(item_id)
        return u.registered_asset_id if kind == "surplus" else u.matched_asset_id
    line = _line(item_id)
    return line.shortage_asset or line.asset_id if kind == "shortage" else line.asset_id


def apply(stocktake_id: int, chosen, progress=None, cancelled=None) -> Applied:
    """Apply the chosen results — ``chosen``: (kind, id) pairs, kind one of ``APPLY`` — in ONE transaction:
    if one fails (or ``cancelled()`` turns true), none is applied. ``progress(done, total)`` is told after
    each. Returns what changed."""
    st = get(stocktake_id)
    _require_signed(st)
    chosen = [(kind, int(item_id)) for kind, item_id in chosen]
    unknown_kinds = sorted({k for k, _i in chosen if k not in APPLY})
    if unknown_kinds:
        raise ValidationError({"kind": tr("Unknown action: {kind}").format(kind=", ".join(unknown_kinds))})
    done = Applied()
    with database.atomic():
        for i, (kind, item_id) in enumerate(chosen):
            if cancelled is not None and cancelled():
                raise Cancelled()
            owner = (_unknown(item_id) if kind in ("relocate_extra", "surplus") else _line(item_id)).stocktake_id
            if owner != st.id:
                raise RuleError(tr("That result belongs to another stock-take."))
            APPLY[kind](item_id)
            done.counts[kind] = done.counts.get(kind, 0) + 1
            asset_id = _applied_asset(kind, item_id)
            if asset_id:
                done.asset_ids.add(asset_id)
            if progress is not None:
                progress(i + 1, len(chosen))
    return done


def apply_all(stocktake_id: int, kinds=("relocate", "shortage", "damage", "surplus")) -> dict[str, int]:
    """Apply every pending result of the chosen kinds (write-offs need an approver: ``approve_writeoffs``)."""
    st = get(stocktake_id)
    _require_signed(st)
    todo = pending_actions(st.id)
    done = apply(st.id, [(k, item["id"]) for k in kinds for item in todo.get(k, [])])
    return {k: done.counts.get(k, 0) for k in kinds}


def approve_writeoffs(line_ids, *, approver: str, on: _dt.date | None = None) -> Applied:
    """Write off the approved shortages of these lines in ONE transaction (all or none)."""
    if not (approver or "").strip():
        raise ValidationError({"approver": tr("Who approved the write-off?")})
    done = Applied()
    with database.atomic():
        for line_id in line_ids:
            line = approve_writeoff(int(line_id), approver=approver.strip(), on=on)
            done.counts["writeoff"] = done.counts.get("writeoff", 0) + 1
            done.asset_ids.add(line.shortage_asset or line.asset_id)
    return done


APPLY = {"relocate": relocate, "relocate_extra": relocate_unknown, "shortage": mark_shortage,
         "damage": record_damage, "surplus": register_surplus, "loan_return": record_return}


# --- repairs (an optional module: asked through the registry, called through its api) ----------------

def repairs_available() -> bool:
    return enabled("repairs")


def repair_number(ticket_id: int) -> str:
    """A repair ticket's number (WX-2026-0001) for the printed report; "#id" without the repair log."""
    number = None
    if repairs_available():
        from ..repairs import api as repairs

        number = repairs.ticket_number(ticket_id)
    return number or f"#{ticket_id}"


def open_repair_ticket(line_id: int) -> int:
    """Open a repair ticket for a damaged asset (when the repair log is part of this version); returns its id.
    The ticket and the line's reference to it are written in one transaction."""
    if not repairs_available():
        raise RuleError(tr("The repair log is not available in this version."))
    from ..repairs import api as repairs

    line = _line(line_id)
    st = line.stocktake
    if line.condition not in ("damaged", "needs_repair"):
        raise RuleError(tr("Only damaged assets are sent to repair."))
    if line.repair_ref:
        raise RuleError(tr("A repair ticket is already open for this line."))
    asset = assets.get_asset(line.asset_id)
    description = tr("Found {condition} in stock-take {doc}: {note}").format(
        condition=tr(CONDITIONS[line.condition]), doc=st.doc_no, note=line.note or "")
    with database.atomic():
        ticket = repairs.open_ticket(asset, line.found_place_id or line.place_id, description,
                                     st.counter or audit.current_operator(), ("stocktake", st.id),
                                     source="stocktake", urgency="minor")
        _save_count(line, {"repair_ref": ticket.id}, "repair_ticket")
    return ticket.id


# --- looking back ----------------------------------------------------------------

def previous_of(st: StockTake) -> StockTake | None:
    return (StockTake.select().where((StockTake.id < st.id) & (StockTake.status != "open"))
            .order_by(StockTake.id.desc()).first())


def compare_with_previous(stocktake_id: int, previous_id: int | None = None) -> dict:
    """What went missing since the previous stock-take, what recurred (missing in both), what turned up."""
    st = get(stocktake_id)
    prev = get(previous_id) if previous_id else previous_of(st)
    out = {"stocktake": st, "previous": prev, "new_missing": [], "recurring": [], "recovered": []}
    if prev is None:
        return out
    L = StockTakeLine

    def missing_assets(s: StockTake) -> dict[int, dict]:
        q = L.select(L.asset, L.asset_number, L.name, L.place_name, L.quantity, L.counted_qty, L.result,
                     L.book_value, L.method).where(L.stocktake == s.id)
        if s.status == "open":
            out_on_loan = loans(s)
            q = q.where(L.counted_qty.is_null() | (L.counted_qty < L.quantity))
            return {d["asset"]: d for d in q.dicts() if not (
                not d["counted_qty"] and (d["method"] == LOAN or d["asset"] in out_on_loan))}
        q = q.where(L.result.in_(["missing", "partial"]))
        return {d["asset"]: d for d in q.dicts()}

    now_missing = missing_assets(st)
    before_missing = missing_assets(prev)
    in_both = {a for (a,) in L.select(L.asset).where(L.stocktake == prev.id).tuples()}
    for aid, d in sorted(now_missing.items(), key=lambda kv: kv[1]["asset_number"]):
        if aid in before_missing:
            out["recurring"].append(d)
        else:
            d["in_previous"] = aid in in_both
            out["new_missing"].append(d)
    found_now = {a for (a,) in L.select(L.asset).where((L.stocktake == st.id) & (L.counted_qty > 0)).tuples()}
    out["recovered"] = [d for aid, d in sorted(before_missing.items(), key=lambda kv: kv[1]["asset_number"])
                        if aid in found_now]
    return out


# --- printing data (count sheets) --------------------------------------------------------

@dataclass
class SheetPlace:
    place_id: int | None
    name: str
    custodians: str
    rows: list[dict] = field(default_factory=list)


def sheet_places(stocktake_id: int, place: str | int | None = None) -> list[SheetPlace]:
    """The count sheets' data: each place with its expected list in walking order."""
    st = get(stocktake_id)
    order = place_progress(st.id)
    wanted = None
    if place not in (None, ""):
        wanted = _resolve_place(place, list(order))
    out = []
    for pid, info in order.items():
        if wanted is not None and pid not in wanted:
            continue
        rows = lines_for_place(st.id, pid)
        custodians = []
        for r in rows:
            if r["custodian_name"] and r["custodian_name"] not in custodians:
                custodians.append(r["custodian_name"])
        out.append(SheetPlace(pid, info["name"], join_list(custodians[:4]) + ("…" if len(custodians) > 4 else ""),
                              rows))
    return out


def _resolve_place(place: str | int, in_list: list) -> set:
    text = str(place).strip()
    found = None
    if text.isdigit():
        found = Place.get_or_none(Place.id == int(text))
    if found is None:
        found = masterdata.find_place(text)
    if found is None:
        candidates = list(Place.select().where(Place.full_name.contains(text)).limit(2))
        if len(candidates) == 1:
            found = candidates[0]
    if found is None:
        raise ValidationError({"place": tr("No place is called “{place}”.").format(place=text)})
    ids = set(masterdata.places_in(found)) & set(in_list)
    if not ids:
        raise ValidationError({"place": tr("{place} has nothing to count in this stock-take.").format(
            place=found.full_name)})
    return ids


def result_text(state: str) -> str:
    if state == "not_counted":
        return tr("Not counted")
    return tr(RESULTS.get(state, state))
