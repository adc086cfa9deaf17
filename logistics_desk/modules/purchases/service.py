"""Purchase requests from request to acceptance, budgets and the supply store (no Qt).

部门申请、权限审批、总务办理: a department asks (draft → submitted), the signatures
its total requires come back on paper and the clerk records them (approved /
rejected), quotes are collected (货比三家) and an order placed with a buyer
(经办人), deliveries are recorded per line, two people who are not the buyer
accept the goods (验收), fixed-asset lines become asset records and consumable
lines go into the office-supply store, from which departments draw (领用).

Every write runs in one transaction with its change-record entries; every move
of a request is a ``PurchaseStatusChange`` row (who, when, why).
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from peewee import JOIN, fn

from ...core import audit, clock, masterdata, numbering, settings
from ...core.db import database, record_or_none
from ...core.errors import NotFound, RuleError, ValidationError
from ...core.i18n import N_, join_list, tr
from ...core.masterdata import Category, Department, Person, Place, Supplier
from ...core.money import CENT, to_decimal
from ...core.money import cents as money
from ..assets import api as assets
from ..assets.api import Asset, AssetEvent
from .models import (
    ACCEPT_RESULTS,
    ASSET_MODES,
    COMMITTED,
    DECISIONS,
    LINE_KINDS,
    SPENT,
    STATUSES,
    TRANSITIONS,
    BudgetLine,
    PurchaseAcceptance,
    PurchaseApproval,
    PurchaseDelivery,
    PurchaseLine,
    PurchaseQuote,
    PurchaseQuotePrice,
    PurchaseRequest,
    PurchaseStatusChange,
    StoreCount,
    StoreCountLine,
    StoreIssue,
    StoreItem,
    StoreMovement,
)

DEFAULT_LEVELS = [
    # a level is needed when the total is above ``above`` (元)
    {"role": N_("Director of general affairs"), "above": 0},  # 总务主任
    {"role": N_("Principal"), "above": 1000},  # 校长
    {"role": N_("School leadership meeting"), "above": 10000},  # 校务会
]

settings.register_defaults({
    "purchases.approval_levels": DEFAULT_LEVELS,
    "purchases.quote_threshold": 2000,  # 货比三家 above this total
    "purchases.min_quotes": 3,
    "purchases.tender_threshold": 200000,  # public bidding required above this
    "purchases.notice_threshold": 20000,  # 大额支出公示 at or above this
    "purchases.notice_days": 5,  # days a public notice stays posted
    "purchases.budget_lines": ["办公经费", "设备购置费", "维修费", "教学耗材费", "其他"],
})

ZERO = Decimal("0")
REQUEST_TABLE = "purchase_request"


# --- small helpers -------------------------------------------------------------

def fmt_money(value: Any) -> str:
    return f"{money(value):,.2f}"


_fk = record_or_none


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def status_label(status: str) -> str:
    return tr(STATUSES.get(status, status))


def get_request(request_id: int | str | PurchaseRequest) -> PurchaseRequest:
    if isinstance(request_id, PurchaseRequest):
        request_id = request_id.id
    req = None
    if isinstance(request_id, int) or (isinstance(request_id, str) and request_id.strip().isdigit()):
        req = PurchaseRequest.get_or_none(PurchaseRequest.id == int(request_id))
    elif isinstance(request_id, str):
        req = PurchaseRequest.get_or_none(PurchaseRequest.number == request_id.strip().upper())
    if req is None:
        raise NotFound(tr("Purchase request {ref} does not exist.").format(ref=request_id))
    return req


def lines_of(request: PurchaseRequest) -> list[PurchaseLine]:
    return list(PurchaseLine.select().where(PurchaseLine.request == request).order_by(PurchaseLine.seq,
                                                                                      PurchaseLine.id))


def order_amount(line: PurchaseLine) -> Decimal:
    """A line's amount as ordered (its share of the order total; the lines add up to it),
    or the estimate before the order."""
    if line.order_amount is not None:
        return money(line.order_amount)
    if line.price is not None:
        return money(line.price * line.quantity)
    return money(line.amount)


def effective_total(request: PurchaseRequest) -> Decimal:
    """What the request costs: the ordered amount once ordered, else the estimate."""
    return money(request.order_total if request.order_total is not None else request.total)


# --- approval levels -------------------------------------------------------------

def approval_levels() -> list[dict]:
    levels = settings.get("purchases.approval_levels") or DEFAULT_LEVELS
    out = []
    for level in levels:
        role = _text(level.get("role"))
        if role:
            out.append({"role": role, "above": money(level.get("above", 0))})
    return sorted(out, key=lambda lv: lv["above"])


def required_levels(total: Any) -> list[str]:
    """The roles whose signature a total needs, lowest first (as stored; show with tr())."""
    total = money(total)
    levels = approval_levels()
    needed = [lv["role"] for lv in levels if total > lv["above"] or lv["above"] == 0]
    return needed or ([levels[0]["role"]] if levels else [])


def needs_tender(total: Any) -> bool:
    return money(total) > money(settings.get("purchases.tender_threshold"))


def needs_quotes(total: Any) -> bool:
    return money(total) > money(settings.get("purchases.quote_threshold"))


def needs_notice(total: Any) -> bool:
    threshold = money(settings.get("purchases.notice_threshold"))
    return threshold > 0 and money(total) >= threshold


def approval_note(total: Any) -> str:
    """'Needs the signatures of …' with the public-bidding note when it applies."""
    roles = join_list(tr(r) for r in required_levels(total))
    text = tr("Needs the signatures of: {roles}.").format(roles=roles)
    if needs_tender(total):
        text += " " + tr("Above the tender threshold of {limit} yuan: public bidding (公开招标) is required.").format(
            limit=fmt_money(settings.get("purchases.tender_threshold")))
    return text


def approval_state(request: PurchaseRequest) -> list[dict]:
    """For each required level: role, and the latest approval recorded for it (or None)."""
    recorded = {}
    for a in (PurchaseApproval.select().where((PurchaseApproval.request == request)
                                              & PurchaseApproval.stage.is_null())
              .order_by(PurchaseApproval.id)):
        recorded[a.level] = a
    return [{"role": role, "approval": recorded.get(role)} for role in required_levels(request.total)]


# --- budgets ---------------------------------------------------------------------

@dataclass
class BudgetUse:
    budget: Decimal
    committed: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.committed - self.spent


def _amount_expr():
    return fn.COALESCE(PurchaseRequest.order_total, PurchaseRequest.total)


def budget_use(line_ids: list[int] | None = None) -> dict[int, BudgetUse]:
    """Budget, committed (approved, not accepted) and spent (accepted) per budget line id."""
    q = BudgetLine.select(BudgetLine.id, BudgetLine.amount)
    if line_ids is not None:
        if not line_ids:
            return {}
        q = q.where(BudgetLine.id.in_(line_ids))
    out = {b.id: BudgetUse(money(b.amount), ZERO, ZERO) for b in q}
    agg = (PurchaseRequest.select(PurchaseRequest.budget_line, PurchaseRequest.status,
                                  fn.SUM(_amount_expr()).alias("s"))
           .where(PurchaseRequest.budget_line.in_(list(out)) & PurchaseRequest.status.in_(COMMITTED + SPENT))
           .group_by(PurchaseRequest.budget_line, PurchaseRequest.status).tuples())
    for line_id, status, s in agg:
        use = out[line_id]
        if status in SPENT:
            use.spent += money(s)
        else:
            use.committed += money(s)
    return out


@dataclass
class BudgetState:
    """A budget line's figures as one request sees them; they add up:
    ``budget - committed - spent - this_request == balance``.

    ``committed`` and ``spent`` are the *other* requests on the line (approved and
    not yet accepted; accepted), so this request is never counted twice whatever
    its state. ``this_request`` is what the request costs (the ordered amount once
    ordered, else the estimate); 0 when the state is asked for the line alone.
    """

    line: BudgetLine
    budget: Decimal
    committed: Decimal
    spent: Decimal
    this_request: Decimal = ZERO

    @property
    def available(self) -> Decimal:
        """What is left for this request: budget less the other requests."""
        return self.budget - self.committed - self.spent

    @property
    def balance(self) -> Decimal:
        """What is left once this request is counted (negative: overspent)."""
        return self.available - self.this_request

    @property
    def over(self) -> bool:
        return self.balance < 0

    @property
    def over_by(self) -> Decimal:
        return -self.balance if self.balance < 0 else ZERO

    def summary(self) -> str:
        """The line's state as one sum that adds up (always, over or not)."""
        return tr("{line}: budget {budget} − committed by other requests {committed} − spent {spent} "
                  "− this request {total} = balance after {balance} yuan.").format(
            line=budget_label(self.line), budget=fmt_money(self.budget), committed=fmt_money(self.committed),
            spent=fmt_money(self.spent), total=fmt_money(self.this_request), balance=fmt_money(self.balance))

    def warning(self) -> str | None:
        """The over-budget sentence, or None when the line can carry the request."""
        if not self.over:
            return None
        if self.this_request:
            # one sum that adds up: budget − the other requests − this request = the balance after
            return tr("Over budget by {over} yuan: {summary}").format(over=fmt_money(self.over_by),
                                                                      summary=self.summary())
        return tr("Over budget: {line} is overspent by {over} yuan (budget {budget}, committed {committed}, "
                  "spent {spent}).").format(line=budget_label(self.line), over=fmt_money(self.over_by),
                                            budget=fmt_money(self.budget), committed=fmt_money(self.committed),
                                            spent=fmt_money(self.spent))


def budget_state(budget_line, request: PurchaseRequest | None = None, amount: Any = None,
                 use: BudgetUse | None = None) -> BudgetState | None:
    """The one computation of a budget line's state that every screen and form shows.

    ``request``: the request being looked at (left out of committed/spent, its
    cost is ``this_request``); ``amount`` overrides what it costs (an editor's
    running total). ``use``: the line's ``budget_use`` when already fetched for
    many rows. None when there is no such budget line.
    """
    line = budget_line if isinstance(budget_line, BudgetLine) else _fk(BudgetLine, budget_line)
    if line is None:
        return None
    use = use if use is not None else budget_use([line.id])[line.id]
    committed, spent = use.committed, use.spent
    this = ZERO
    if request is not None and request.id:
        own = effective_total(request)
        if request.budget_line_id == line.id and request.status in COMMITTED:
            committed -= own
        elif request.budget_line_id == line.id and request.status in SPENT:
            spent -= own
        if request.status not in ("rejected", "cancelled"):
            this = own
    if amount is not None:
        this = money(amount)
    return BudgetState(line, use.budget, committed, spent, this)


def budget_check(budget_line, total: Any, exclude: PurchaseRequest | None = None) -> str | None:
    """A warning when ``total`` on ``budget_line`` would overspend it (None if it fits);
    ``exclude`` is the request the total belongs to (see ``budget_state``)."""
    state = budget_state(budget_line, exclude, amount=total)
    return state.warning() if state is not None else None


def budget_label(line: BudgetLine) -> str:
    return f"{line.year} {line.department.name} · {line.name}"


def budget_lines(year: int | None = None, department=None) -> list[BudgetLine]:
    q = BudgetLine.select(BudgetLine, Department).join(Department)
    if year is not None:
        q = q.where(BudgetLine.year == year)
    if department is not None:
        q = q.where(BudgetLine.department == _fk(Department, department))
    return list(q.order_by(BudgetLine.year.desc(), Department.name, BudgetLine.name))


def budget_rows(year: int) -> list[dict]:
    lines = budget_lines(year)
    use = budget_use([b.id for b in lines])
    rows = []
    for b in lines:
        st = budget_state(b, use=use[b.id])
        rows.append({"id": b.id, "year": b.year, "department": b.department.name, "name": b.name,
                     "budget": st.budget, "committed": st.committed, "spent": st.spent, "remaining": st.balance,
                     "over": st.over, "note": b.note or ""})
    return rows


def save_budget(values: dict[str, Any], line: BudgetLine | None = None) -> BudgetLine:
    errors: dict[str, str] = {}
    year = _int(values.get("year", line.year if line else None))
    if year is None or not 2000 <= year <= 2100:
        errors["year"] = tr("Enter a year, e.g. 2026.")
    dept = _fk(Department, values.get("department", line.department_id if line else None))
    if dept is None:
        errors["department"] = tr("Choose the department.")
    name = _text(values.get("name", line.name if line else ""))
    if not name:
        errors["name"] = tr("Name the budget line, e.g. 办公经费.")
    amount = to_decimal(values.get("amount", line.amount if line else None))
    if amount is None or amount < 0:
        errors["amount"] = tr("Enter an amount of money of 0 or more, e.g. 3500.00.")
    if not errors:
        q = BudgetLine.select().where((BudgetLine.year == year) & (BudgetLine.department == dept)
                                      & (BudgetLine.name == name))
        if line is not None:
            q = q.where(BudgetLine.id != line.id)
        if q.exists():
            errors["name"] = tr("{department} already has the budget line “{name}” for {year}.").format(
                department=dept.name, name=name, year=year)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        if line is None:
            line = BudgetLine.create(year=year, department=dept, name=name, amount=money(amount),
                                     note=_text(values.get("note")) or None, created_at=clock.now())
            audit.record_create(line)
        else:
            before = audit.snapshot(line)
            line.year, line.department, line.name, line.amount = year, dept, name, money(amount)
            if "note" in values:
                line.note = _text(values.get("note")) or None
            line.save()
            audit.record_update(line, before)
    return line


# --- requests: writing -------------------------------------------------------------

def _clean_lines(raw_lines: list[dict], errors: dict[str, str]) -> list[dict]:
    out = []
    for i, raw in enumerate(raw_lines, start=1):
        name = _text(raw.get("name"))
        if not name and not _text(raw.get("quantity")) and not _text(raw.get("est_price")):
            continue  # an empty row of the editor
        prefix = tr("Line {n}: ").format(n=i)
        if not name:
            errors[f"line{i}"] = prefix + tr("name the item.")
            continue
        qty = _int(raw.get("quantity"))
        if qty is None or qty < 1:
            errors[f"line{i}"] = prefix + tr("enter a whole quantity of at least 1.")
            continue
        price = to_decimal(raw.get("est_price"))
        if price is None or price < 0:
            errors[f"line{i}"] = prefix + tr("enter the estimated unit price, e.g. 35.00.")
            continue
        kind = raw.get("kind") or "consumable"
        if kind not in LINE_KINDS:
            errors[f"line{i}"] = prefix + tr("choose fixed asset or consumable.")
            continue
        category = _fk(Category, raw.get("category"))
        if kind == "asset" and category is None:
            errors[f"line{i}"] = prefix + tr("a fixed asset needs a category (it goes into the asset register).")
            continue
        price = money(price)
        out.append({"seq": len(out) + 1, "name": name[:200], "model_spec": _text(raw.get("model_spec"))[:200] or None,
                    "quantity": qty, "unit": _text(raw.get("unit"))[:20] or "件", "est_price": price,
                    "amount": (price * qty).quantize(CENT), "kind": kind, "category": category})
    return out


def validate_request(values: dict[str, Any], request: PurchaseRequest | None = None) -> tuple[dict, list[dict], dict]:
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    dept = _fk(Department, values.get("department"))
    if dept is None:
        errors["department"] = tr("Choose the requesting department.")
    clean["department"] = dept
    person = _fk(Person, values.get("requester"))
    name = _text(values.get("requester_name")) or (person.name if person else "")
    if not name:
        errors["requester_name"] = tr("Who asks for it?")
    clean["requester"], clean["requester_name"] = person, name[:100]
    date = values.get("request_date") or clock.today()
    if not isinstance(date, _dt.date):
        errors["request_date"] = tr("Enter a date.")
    elif date > clock.today():
        errors["request_date"] = tr("The date cannot be in the future.")
    clean["request_date"] = date
    purpose = _text(values.get("purpose"))
    if not purpose:
        errors["purpose"] = tr("Say what it is for.")
    clean["purpose"] = purpose
    clean["in_budget"] = bool(values.get("in_budget", True))
    line = _fk(BudgetLine, values.get("budget_line"))
    if values.get("budget_line") not in (None, "", 0) and line is None:
        errors["budget_line"] = tr("Unknown budget line.")
    if clean["in_budget"] and line is None and "budget_line" not in errors:
        errors["budget_line"] = tr("Choose the budget line, or untick “within the annual budget”.")
    if line is not None and dept is not None and line.department_id != dept.id:
        errors["budget_line"] = tr("This budget line belongs to {department}.").format(department=line.department.name)
    if line is not None and isinstance(date, _dt.date) and line.year != date.year:
        errors["budget_line"] = tr("This budget line is for {year}.").format(year=line.year)
    clean["budget_line"] = line if clean["in_budget"] else None
    clean["funding_source"] = _text(values.get("funding_source"))[:100] or (line.name if line else None)
    place = _fk(Place, values.get("place"))
    clean["place"] = place
    clean["note"] = _text(values.get("note")) or None
    lines = _clean_lines(list(values.get("lines") or []), errors)
    if not lines and not any(k.startswith("line") for k in errors):
        errors["lines"] = tr("Add at least one item.")
    return clean, lines, errors


def _move(request: PurchaseRequest, to: str, note: str | None = None) -> None:
    """Change the state (inside the caller's transaction), with its history row and audit entry."""
    old = request.status
    if to not in TRANSITIONS.get(old, ()):
        raise RuleError(tr("A request that is {old} cannot become {new}.").format(
            old=status_label(old), new=status_label(to)))
    request.status = to
    request.updated_at = clock.now()
    request.save()
    PurchaseStatusChange.create(request=request, from_status=old, to_status=to, at=clock.now(),
                                operator=audit.current_operator(), note=note)
    audit.record(REQUEST_TABLE, request.id, "status", {"status": (old, to)}, note=note)


def _write_lines(request: PurchaseRequest, lines: list[dict]) -> None:
    old = lines_of(request)
    for ln in old:
        audit.record("purchase_line", ln.id, "delete", {"*": (f"{ln.name} ×{ln.quantity} @ {ln.est_price}", None)})
        ln.delete_instance()
    for values in lines:
        created = PurchaseLine.create(request=request, **values)
        audit.record_create(created)


def consumables_priced_as_assets(lines: list[dict]) -> list[dict]:
    """Consumable lines whose unit price is at or above the fixed-asset threshold
    (``assets.threshold_general``): probably fixed assets, so the clerk confirms them."""
    threshold = money(settings.get("assets.threshold_general"))
    out = []
    for raw in lines:
        price = to_decimal(raw.get("est_price"))
        if (raw.get("kind") or "consumable") == "consumable" and _text(raw.get("name")) and price is not None \
                and threshold > 0 and money(price) >= threshold:
            out.append(raw)
    return out


def consumables_question(lines: list[dict]) -> str | None:
    """The question to ask about ``consumables_priced_as_assets`` (None when there are none)."""
    found = consumables_priced_as_assets(lines)
    if not found:
        return None
    return tr("{items}: a unit price at or above the fixed-asset threshold of {limit} yuan, entered as a "
              "consumable. Fixed assets go into the asset register. Keep it as a consumable?").format(
        items=join_list(f"{_text(r.get('name'))} ({fmt_money(r.get('est_price'))})" for r in found),
        limit=fmt_money(settings.get("assets.threshold_general")))


def _check_consumables(values: dict[str, Any], lines: list[dict]) -> None:
    if values.get("confirmed"):
        return
    question = consumables_question(lines)
    if question:
        raise RuleError(question + " " + tr("(Not saved until you confirm it.)"))


def create_request(values: dict[str, Any]) -> PurchaseRequest:
    """A new request in the draft state (CG-2026-0001). A consumable line priced at or above
    the fixed-asset threshold is refused unless ``values["confirmed"]`` (the clerk said yes)."""
    clean, lines, errors = validate_request(values)
    if errors:
        raise ValidationError(errors)
    _check_consumables(values, lines)
    total = sum((ln["amount"] for ln in lines), ZERO)
    now = clock.now()
    with database.atomic():
        number = numbering.document_number(
            "CG", clean["request_date"].year,
            lambda n: PurchaseRequest.select().where(PurchaseRequest.number == n).exists())
        req = PurchaseRequest.create(number=number, status="draft", total=total, created_at=now, updated_at=now,
                                     **clean)
        audit.record_create(req)
        _write_lines(req, lines)
        PurchaseStatusChange.create(request=req, from_status=None, to_status="draft", at=now,
                                    operator=audit.current_operator(), note=tr("Created"))
    return req


def update_request(request: PurchaseRequest, values: dict[str, Any]) -> PurchaseRequest:
    """Edit a draft (header and lines); once submitted the request is what was signed."""
    request = get_request(request)
    if request.status != "draft":
        raise RuleError(tr("Only a draft can be edited; this request is {status}.").format(
            status=status_label(request.status)))
    merged = {k: getattr(request, k if k not in ("department", "requester", "budget_line", "place") else f"{k}_id")
              for k in ("department", "requester", "requester_name", "request_date", "purpose", "in_budget",
                        "budget_line", "funding_source", "place", "note")}
    merged["lines"] = [{"name": ln.name, "model_spec": ln.model_spec, "quantity": ln.quantity, "unit": ln.unit,
                        "est_price": ln.est_price, "kind": ln.kind, "category": ln.category_id}
                       for ln in lines_of(request)]
    merged.update(values)
    clean, lines, errors = validate_request(merged, request)
    if errors:
        raise ValidationError(errors)
    if "lines" in values:
        _check_consumables(values, lines)
    with database.atomic():
        before = audit.snapshot(request)
        for k, v in clean.items():
            setattr(request, k, v)
        request.total = sum((ln["amount"] for ln in lines), ZERO)
        request.updated_at = clock.now()
        request.save()
        audit.record_update(request, before)
        if "lines" in values:
            _write_lines(request, lines)
    return request


def over_budget_question(request: PurchaseRequest) -> str | None:
    """The question to ask before a request that overspends its budget line goes on
    (submitted, or a signature recorded); None when the line can carry it."""
    if not request.budget_line_id or not request.in_budget:
        return None
    state = budget_state(request.budget_line_id, request)
    if state is None or not state.over:
        return None
    return tr("Over budget by {over} yuan. {summary} Go on anyway?").format(
        over=fmt_money(state.over_by), summary=state.summary())


class OverBudgetNotConfirmed(RuleError):
    """Over budget and not confirmed; ``question`` is what to ask (``over_budget_question``)."""

    def __init__(self, question: str, message: str):
        super().__init__(message)
        self.question = question


def _over_budget_note(request: PurchaseRequest, confirmed: bool, not_done: str) -> str | None:
    """None when the budget carries the request; the note recording the confirmation
    when it was confirmed; else refused with the question (RuleError)."""
    question = over_budget_question(request)
    if question is None:
        return None
    if not confirmed:
        raise OverBudgetNotConfirmed(question, question + " " + not_done)
    state = budget_state(request.budget_line_id, request)
    return tr("Over budget by {over} yuan: confirmed.").format(over=fmt_money(state.over_by))


def submit(request: PurchaseRequest, confirmed: bool = False) -> PurchaseRequest:
    """Draft → submitted. A request that overspends its budget line is refused unless
    ``confirmed`` (the clerk was asked, see ``over_budget_question``); the confirmation is recorded."""
    request = get_request(request)
    if not lines_of(request):
        raise RuleError(tr("Add at least one item before submitting."))
    over = _over_budget_note(request, confirmed, tr("(Not submitted until you confirm it.)"))
    with database.atomic():
        _move(request, "submitted", approval_note(request.total) + (" " + over if over else ""))
    return request


def record_approval(request: PurchaseRequest, *, level: str, approver: str, decision: str,
                    decided_on: _dt.date | None = None, comment: str = "",
                    confirmed: bool = False) -> PurchaseApproval:
    """Record one signature as it came back on paper. All required levels approved → approved;
    any rejection → rejected. Approving a request that overspends its budget line is refused
    unless ``confirmed``; the confirmation is recorded."""
    request = get_request(request)
    decided_on = decided_on or clock.today()
    errors = {}
    required = required_levels(request.total)
    if level not in required:
        errors["level"] = tr("This request does not need that signature.")
    if not _text(approver):
        errors["approver"] = tr("Who signed?")
    if decision not in DECISIONS:
        errors["decision"] = tr("Approved or rejected?")
    if decision == "rejected" and not _text(comment):
        errors["comment"] = tr("Write down why it was rejected.")
    done = {s["role"] for s in approval_state(request) if s["approval"] is not None}
    if level in done and "level" not in errors:
        errors["level"] = tr("This signature has already been recorded.")
    if not isinstance(decided_on, _dt.date) or decided_on > clock.today():
        errors["decided_on"] = tr("The date cannot be in the future.")
    elif decided_on < request.request_date:
        errors["decided_on"] = tr("The date cannot be before the request date.")
    if errors:
        raise ValidationError(errors)
    if request.status != "submitted":
        raise RuleError(tr("Approvals are recorded for a submitted request; this one is {status}.").format(
            status=status_label(request.status)))
    over = None
    if decision == "approved":
        over = _over_budget_note(request, confirmed, tr("(Not recorded until you confirm it.)"))
    with database.atomic():
        a = PurchaseApproval.create(request=request, level=level, approver=_text(approver)[:100],
                                    decided_on=decided_on, decision=decision, comment=_text(comment) or None,
                                    amount=money(request.total), created_at=clock.now())
        audit.record_create(a)
        label = tr("{role}: {name} {decision}").format(role=tr(level), name=a.approver,
                                                      decision=tr(DECISIONS[decision]))
        if over:
            label += " " + over
            audit.record(REQUEST_TABLE, request.id, "over_budget_confirmed", note=label)
        if decision == "rejected":
            _move(request, "rejected", label + (f" ({a.comment})" if a.comment else ""))
        elif all(s["approval"] is not None and s["approval"].decision == "approved" for s in approval_state(request)):
            _move(request, "approved", label)
    return a


def start_quotes(request: PurchaseRequest) -> PurchaseRequest:
    request = get_request(request)
    with database.atomic():
        _move(request, "quoting")
    return request


def _clean_quote(request: PurchaseRequest, values: dict[str, Any], quote: PurchaseQuote | None,
                 errors: dict[str, str]) -> dict:
    """A quote's fields checked: supplier, total, date, and the optional unit price per line
    (all lines or none; the line amounts must make the quoted total, within the rounding of
    a unit price to the fen; with prices and no total, the total is their sum)."""
    sup = _fk(Supplier, values.get("supplier", quote.supplier_id if quote else None))
    if sup is None:
        errors["supplier"] = tr("Choose the supplier from the supplier list.")
    quoted_on = values.get("quoted_on") or (quote.quoted_on if quote else None) or clock.today()
    if not isinstance(quoted_on, _dt.date):
        errors["quoted_on"] = tr("Enter a date.")
    elif quoted_on > clock.today():
        errors["quoted_on"] = tr("The date cannot be in the future.")
    lines = lines_of(request)
    raw_prices = values.get("prices") or {}
    given = {int(k): v for k, v in raw_prices.items() if _text(v)}
    prices: dict[int, Decimal] = {}
    if given:
        for ln in lines:
            price = to_decimal(given.get(ln.id))
            if price is None or price < 0:
                errors["prices"] = tr("Line {n} ({name}): enter its unit price, "
                                      "or leave every unit price empty.").format(
                    n=ln.seq, name=ln.name)
                break
            prices[ln.id] = money(price)
    raw_amount = values.get("amount", quote.amount if quote else None)
    value = to_decimal(raw_amount)
    if prices and "prices" not in errors:
        made = sum((prices[ln.id] * ln.quantity for ln in lines), ZERO)
        if value is None and not _text(raw_amount):
            value = made
        elif value is not None:
            slack = (sum(ln.quantity for ln in lines) * Decimal("0.005")).quantize(CENT, rounding="ROUND_UP")
            if abs(money(value) - money(made)) > slack:
                errors["amount"] = tr("The unit prices make {made} yuan, the quoted total is {amount} yuan: "
                                      "correct one of them.").format(made=fmt_money(made), amount=fmt_money(value))
    if value is None or value <= 0:
        errors.setdefault("amount", tr("Enter the quoted total, e.g. 3500.00."))
    if sup is not None:
        q = PurchaseQuote.select().where((PurchaseQuote.request == request) & (PurchaseQuote.supplier == sup)
                                         & PurchaseQuote.voided_at.is_null())
        if quote is not None:
            q = q.where(PurchaseQuote.id != quote.id)
        if q.exists():
            errors["supplier"] = tr("{supplier} has already quoted for this request.").format(supplier=sup.name)
    return {"supplier": sup, "amount": money(value) if value is not None else None, "quoted_on": quoted_on,
            "delivery": _text(values.get("delivery", quote.delivery if quote else "")) or None,
            "note": _text(values.get("note", quote.note if quote else "")) or None, "prices": prices}


def _write_quote_prices(quote: PurchaseQuote, prices: dict[int, Decimal]) -> None:
    for old in PurchaseQuotePrice.select().where(PurchaseQuotePrice.quote == quote):
        audit.record("purchase_quote_price", old.id, "delete", {"unit_price": (str(old.unit_price), None)})
        old.delete_instance()
    for line_id, price in prices.items():
        audit.record_create(PurchaseQuotePrice.create(quote=quote, line=line_id, unit_price=price))


def add_quote(request: PurchaseRequest, *, supplier, amount=None, quoted_on: _dt.date | None = None,
              delivery: str = "", note: str = "", prices: dict[int, Any] | None = None) -> PurchaseQuote:
    """A supplier's quote: its total and, optionally, a unit price per request line
    (``prices``: line id → unit price; the order then takes these prices)."""
    request = get_request(request)
    errors: dict[str, str] = {}
    clean = _clean_quote(request, {"supplier": supplier, "amount": amount, "quoted_on": quoted_on,
                                   "delivery": delivery, "note": note, "prices": prices}, None, errors)
    if errors:
        raise ValidationError(errors)
    if request.status not in ("approved", "quoting"):
        raise RuleError(tr("Quotes are collected after approval, before ordering; this request is {status}.").format(
            status=status_label(request.status)))
    with database.atomic():
        if request.status == "approved":
            _move(request, "quoting")
        prices_ = clean.pop("prices")
        q = PurchaseQuote.create(request=request, created_at=clock.now(), **clean)
        audit.record_create(q)
        _write_quote_prices(q, prices_)
    return q


def _open_quote(quote) -> PurchaseQuote:
    q = quote if isinstance(quote, PurchaseQuote) else _fk(PurchaseQuote, quote)
    if q is None:
        raise NotFound(tr("This quote does not exist."))
    q = PurchaseQuote.get_by_id(q.id)
    if q.voided_at is not None:
        raise RuleError(tr("This quote was removed ({reason}).").format(reason=q.void_reason or ""))
    if q.request.status not in ("approved", "quoting"):
        raise RuleError(tr("Quotes can be corrected or removed until the order is placed; this request is "
                           "{status}.").format(status=status_label(q.request.status)))
    return q


def update_quote(quote, values: dict[str, Any]) -> PurchaseQuote:
    """Correct a quote before the order is placed (supplier, total, date, terms, unit prices);
    every change is recorded. ``values`` holds only what changes (``prices`` replaces them all)."""
    q = _open_quote(quote)
    errors: dict[str, str] = {}
    merged = dict(values)
    if "prices" not in merged:
        merged["prices"] = {k: str(v) for k, v in quote_prices(q).items()}
    clean = _clean_quote(q.request, merged, q, errors)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        before = audit.snapshot(q)
        prices_ = clean.pop("prices")
        for k, v in clean.items():
            setattr(q, k, v)
        q.save()
        audit.record_update(q, before, action="correct")
        if prices_ != quote_prices(q):
            _write_quote_prices(q, prices_)
    return q


def void_quote(quote, reason: str) -> PurchaseQuote:
    """Remove a quote before the order is placed: kept, marked void with the reason."""
    q = _open_quote(quote)
    if not _text(reason):
        raise ValidationError({"reason": tr("Give the reason for removing the quote.")})
    with database.atomic():
        before = audit.snapshot(q, ["voided_at", "void_reason"])
        q.voided_at = clock.now()
        q.void_reason = _text(reason)
        q.save()
        audit.record_update(q, before, action="void")
        audit.record(REQUEST_TABLE, q.request_id, "quote_voided",
                     note=tr("Quote of {supplier} ({amount} yuan) removed: {reason}").format(
                         supplier=q.supplier.name, amount=fmt_money(q.amount), reason=q.void_reason))
    return q


def quote_prices(quote) -> dict[int, Decimal]:
    """The quote's unit price per line id ({} when it gave a total only)."""
    return {p.line_id: money(p.unit_price) for p in
            PurchaseQuotePrice.select().where(PurchaseQuotePrice.quote == quote)}


def quotes_of(request: PurchaseRequest, voided: bool = False) -> list[PurchaseQuote]:
    """The request's quotes, cheapest first; with ``voided``, the removed ones too."""
    q = (PurchaseQuote.select(PurchaseQuote, Supplier).join(Supplier)
         .where(PurchaseQuote.request == request))
    if not voided:
        q = q.where(PurchaseQuote.voided_at.is_null())
    return list(q.order_by(PurchaseQuote.amount, PurchaseQuote.id))


def check_choice(request: PurchaseRequest, quote: PurchaseQuote | None, reason: str) -> None:
    """The 货比三家 rules for ordering from ``quote`` (raises RuleError/ValidationError)."""
    quotes = quotes_of(request)
    n_needed = int(settings.get("purchases.min_quotes") or 3)
    if needs_quotes(request.total) and len(quotes) < n_needed:
        raise RuleError(tr("Above {limit} yuan at least {n} supplier quotes are needed before ordering "
                           "(货比三家); this request has {have}.").format(
            limit=fmt_money(settings.get("purchases.quote_threshold")), n=n_needed, have=len(quotes)))
    if quote is None:
        return
    cheapest = min(q.amount for q in quotes)
    if money(quote.amount) > money(cheapest) and not _text(reason):
        raise ValidationError({"reason": tr(
            "{supplier} is not the cheapest quote ({amount} yuan against {cheapest} yuan): "
            "write down why it was chosen.").format(
            supplier=quote.supplier.name, amount=fmt_money(quote.amount), cheapest=fmt_money(cheapest))})


def approved_amount(request: PurchaseRequest) -> Decimal:
    """What the signatures cover: the request's total, or the order amount signed again at ordering."""
    again = [money(a.amount) for a in order_approvals(request) if a.amount is not None]
    return max([money(request.total)] + again)


def order_approvals(request: PurchaseRequest) -> list[PurchaseApproval]:
    """Signatures given again at ordering for an order above the approved amount."""
    return list(PurchaseApproval.select().where((PurchaseApproval.request == request)
                                                & (PurchaseApproval.stage == "order"))
                .order_by(PurchaseApproval.id))


def reapproval_level(request: PurchaseRequest, amount: Any) -> str | None:
    """The level that signs again when the order costs ``amount``, more than was approved:
    the highest level the new total needs (None when the approval covers it)."""
    amount = money(amount)
    if amount <= approved_amount(request):
        return None
    levels = required_levels(amount)
    return levels[-1] if levels else None


def order_plan(request: PurchaseRequest, quote: PurchaseQuote | None = None,
               prices: dict[int, Any] | None = None) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    """The ordered unit price and line amount per line id; with a quote, the lines add up
    exactly to its total. The quote's own unit prices when it gave them (the fen left over
    by rounding go on the largest line's amount), else each estimate scaled to the total,
    or ``prices`` (line id → unit price) as given."""
    lines = lines_of(request)
    chosen = quote
    quoted = quote_prices(chosen) if chosen is not None else {}
    if chosen is not None and not prices and quoted and set(quoted) == {ln.id for ln in lines}:
        new_prices = dict(quoted)
    else:
        quoted = {}
        ratio = (money(chosen.amount) / request.total) if chosen is not None and request.total else Decimal(1)
        new_prices = {}
        for ln in lines:
            given = (prices or {}).get(ln.id)
            price = to_decimal(given) if given not in (None, "") else (ln.est_price * ratio)
            if price is None or price < 0:
                raise ValidationError({"prices": tr("Line {n}: enter the unit price.").format(n=ln.seq)})
            new_prices[ln.id] = money(price)
    amounts = {ln.id: money(new_prices[ln.id] * ln.quantity) for ln in lines}
    if chosen is not None and not prices and lines:
        target = money(chosen.amount)
        if not quoted:
            _absorb_rounding(lines, new_prices, target)
            amounts = {ln.id: money(new_prices[ln.id] * ln.quantity) for ln in lines}
        rest = target - sum(amounts.values(), ZERO)
        if rest:
            # whole fen per unit cannot make it (e.g. 3 × 1,033.33 = 3,099.99): the line
            # with the most left over keeps the exact amount; its unit price is rounded
            last = max(lines, key=lambda x: (amounts[x.id], x.seq))
            amounts[last.id] += rest
            new_prices[last.id] = money(amounts[last.id] / last.quantity)
    return new_prices, amounts


def place_order(request: PurchaseRequest, *, buyer: str, quote=None, supplier=None, ordered_on: _dt.date | None = None,
                reason: str = "", prices: dict[int, Any] | None = None,
                reapproval: dict[str, Any] | None = None) -> PurchaseRequest:
    """Order from the chosen quote (or, below the quote threshold, a supplier), with the buyer (经办人).

    ``prices`` maps line id -> ordered unit price; by default the quote's unit prices
    when it gave them, else each estimated price scaled to the chosen quote's total.
    An order above the approved amount needs the signature, again, of the highest level
    its total needs (``reapproval``: ``approver``, ``decided_on``); it is recorded with
    the order.
    """
    request = get_request(request)
    ordered_on = ordered_on or clock.today()
    errors = {}
    if not _text(buyer):
        errors["buyer"] = tr("Who buys it (经办人)?")
    chosen, sup = _order_supplier(request, quote, supplier, errors)
    if ordered_on > clock.today():
        errors["ordered_on"] = tr("The date cannot be in the future.")
    lines = lines_of(request)
    again = None
    new_prices: dict[int, Decimal] = {}
    amounts: dict[int, Decimal] = {}
    if request.status in ("approved", "quoting") and sup is not None:
        new_prices, amounts = _order_amounts(request, chosen, prices, errors)
        again = _check_reapproval(request, sum(amounts.values(), ZERO) if amounts else None, reapproval,
                                  ordered_on, errors)
    if errors:
        raise ValidationError(errors)
    if request.status not in ("approved", "quoting"):
        raise RuleError(tr("Only an approved request can be ordered; this one is {status}.").format(
            status=status_label(request.status)))
    check_choice(request, chosen, reason)
    total = sum(amounts.values(), ZERO)
    with database.atomic():
        if again is not None:
            _record_reapproval(request, again, total)
        before = audit.snapshot(request)
        request.supplier = sup
        request.chosen_quote = chosen.id if chosen is not None else None
        request.choice_reason = _text(reason) or None
        request.buyer_name = _text(buyer)[:100]
        request.ordered_on = ordered_on
        for ln in lines:
            line_before = audit.snapshot(ln, ["price", "order_amount"])
            ln.price = new_prices[ln.id]
            ln.order_amount = amounts[ln.id]
            ln.save()
            audit.record_update(ln, line_before, action="order")
        request.order_total = total
        request.save()
        audit.record_update(request, before, action="order")
        note = tr("Ordered from {supplier}, {amount} yuan; buyer {buyer}").format(
            supplier=sup.name, amount=fmt_money(request.order_total), buyer=request.buyer_name)
        if again is not None:
            note += "; " + tr("above the approved {approved} yuan, signed again by {role} {name}").format(
                approved=fmt_money(again[3]), role=tr(again[0]), name=again[1])
        _move(request, "ordered", note)
    return request


def _order_supplier(request: PurchaseRequest, quote, supplier, errors: dict) -> tuple:
    """The quote chosen (one of this request's, not removed) and its supplier, else the supplier given."""
    chosen = _fk(PurchaseQuote, quote)
    if chosen is not None and (chosen.request_id != request.id or chosen.voided_at is not None):
        chosen = None
    sup = chosen.supplier if chosen is not None else _fk(Supplier, supplier)
    if sup is None:
        errors["quote" if quotes_of(request) else "supplier"] = tr("Choose the supplier.")
    return chosen, sup


def _order_amounts(request: PurchaseRequest, chosen, prices, errors: dict) -> tuple[dict, dict]:
    """Each line's ordered unit price and amount (see ``order_plan``); what is wrong goes into ``errors``."""
    try:
        return order_plan(request, chosen, prices)
    except ValidationError as exc:
        errors.update(exc.errors)
        return {}, {}


def _check_reapproval(request: PurchaseRequest, total: Decimal | None, reapproval: dict[str, Any] | None,
                      ordered_on: _dt.date, errors: dict) -> tuple | None:
    """An order of ``total`` above the approved amount needs the highest level it needs to sign again:
    (level, signer, signed on, approved amount), or None when it does not; a missing signer or a date
    in the future goes into ``errors``."""
    level = reapproval_level(request, total) if total is not None else None
    if level is None:
        return None
    approved = approved_amount(request)
    signer = _text((reapproval or {}).get("approver"))
    signed_on = (reapproval or {}).get("decided_on") or ordered_on
    if not signer:
        errors["reapprover"] = tr(
            "The order of {amount} yuan is {more} yuan above the approved {approved} yuan: "
            "{role} must sign again. Enter who signed.").format(
            amount=fmt_money(total), more=fmt_money(total - approved), approved=fmt_money(approved),
            role=tr(level))
    elif not isinstance(signed_on, _dt.date) or signed_on > clock.today():
        errors["reapproved_on"] = tr("The date cannot be in the future.")
    else:
        return (level, signer[:100], signed_on, approved)
    return None


def _record_reapproval(request: PurchaseRequest, again: tuple, total: Decimal) -> None:
    """The signature again, recorded with the order (stage "order")."""
    level, signer, signed_on, approved = again
    a = PurchaseApproval.create(
        request=request, level=level, approver=signer, decided_on=signed_on, decision="approved",
        stage="order", amount=money(total), created_at=clock.now(),
        comment=tr("Order of {amount} yuan above the approved {approved} yuan").format(
            amount=fmt_money(total), approved=fmt_money(approved)))
    audit.record_create(a)


def _absorb_rounding(lines: list[PurchaseLine], prices: dict[int, Decimal], target: Decimal) -> None:
    """Scaled unit prices rarely add up to the quoted total to the fen: move the
    difference onto the unit prices, whole fen at a time, so that every line
    amount stays quantity × unit price and the lines add up exactly to the quote.

    One line whose quantity divides the difference takes it all; otherwise two
    lines share it (e.g. −0.01 = 2 × +0.01 + 3 × −0.01), choosing the smallest
    change of unit price."""
    diff = target - sum((prices[ln.id] * ln.quantity for ln in lines), ZERO)
    cents = int((diff * 100).to_integral_value())
    if not cents:
        return
    fen = Decimal("0.01")
    best = None  # (largest change in fen, {line id: change in fen})
    for ln in lines:
        if cents % ln.quantity == 0:
            d = cents // ln.quantity
            if prices[ln.id] + d * fen >= 0 and (best is None or abs(d) < best[0]):
                best = (abs(d), {ln.id: d})
    for a in lines:
        for b in lines:
            if a.id >= b.id:
                continue
            reach = min(b.quantity, 500)  # bounded: beyond it the fallback below still adds up
            for da in range(-reach, reach + 1):
                rest = cents - da * a.quantity
                if rest % b.quantity:
                    continue
                db_ = rest // b.quantity
                size = max(abs(da), abs(db_))
                if (prices[a.id] + da * fen >= 0 and prices[b.id] + db_ * fen >= 0
                        and (best is None or size < best[0])):
                    best = (size, {a.id: da, b.id: db_})
    if best is None:
        return  # place_order then puts the remaining fen on one line's amount
    for line_id, d in best[1].items():
        prices[line_id] = money(prices[line_id] + d * fen)


def record_delivery(request: PurchaseRequest, quantities: dict[int, Any], *, received_on: _dt.date | None = None,
                    note: str = "") -> list[PurchaseDelivery]:
    """Goods arrived: quantities per line id (partly or fully)."""
    request = get_request(request)
    received_on = received_on or clock.today()
    if request.status not in ("ordered", "partly_received"):
        raise RuleError(tr("Deliveries are recorded for an ordered request; this one is {status}.").format(
            status=status_label(request.status)))
    lines = {ln.id: ln for ln in lines_of(request)}
    errors = {}
    todo = []
    for line_id, raw in quantities.items():
        ln = lines.get(int(line_id))
        qty = _int(raw) if raw not in (None, "") else 0
        if ln is None:
            continue
        if qty is None or qty < 0:
            errors[f"line{ln.seq}"] = tr("Line {n}: enter a whole number.").format(n=ln.seq)
        elif qty > ln.quantity - ln.received_qty:
            errors[f"line{ln.seq}"] = tr("Line {n}: only {open} {unit} of {name} are still due.").format(
                n=ln.seq, open=ln.quantity - ln.received_qty, unit=ln.unit, name=ln.name)
        elif qty:
            todo.append((ln, qty))
    if received_on > clock.today():
        errors["received_on"] = tr("The date cannot be in the future.")
    if not errors and not todo:
        errors["quantities"] = tr("Enter the quantity received for at least one line.")
    if errors:
        raise ValidationError(errors)
    out = []
    with database.atomic():
        for ln, qty in todo:
            d = PurchaseDelivery.create(request=request, line=ln, quantity=qty, received_on=received_on,
                                        note=_text(note) or None, created_at=clock.now())
            audit.record_create(d)
            before = audit.snapshot(ln, ["received_qty"])
            ln.received_qty += qty
            ln.save()
            audit.record_update(ln, before, action="delivery")
            out.append(d)
        complete = all(ln.received_qty >= ln.quantity for ln in lines.values())
        summary = "; ".join(f"{ln.name} ×{qty}" for ln, qty in todo)
        target = "received" if complete else "partly_received"
        if target != request.status:
            _move(request, target, summary)
        else:
            audit.record(REQUEST_TABLE, request.id, "delivery", note=summary)
    return out


PRINCIPAL_ROLE = "Principal"  # 校长: the approval level whose signature every acceptance needs


def principal_signature(request: PurchaseRequest) -> tuple[str, _dt.date] | None:
    """The principal's signature given at approval (name, date), or None when the
    request did not need it there (it is then collected at acceptance)."""
    a = (PurchaseApproval.select().where((PurchaseApproval.request == request)
                                         & (PurchaseApproval.level == PRINCIPAL_ROLE)
                                         & (PurchaseApproval.decision == "approved"))
         .order_by(PurchaseApproval.id.desc()).first())
    return (a.approver, a.decided_on) if a is not None else None


def _acceptance_summary(request, a1, a2) -> str:
    return tr("Bought with purchase request {number} from {supplier}, accepted by {a} and {b}").format(
        number=request.number, supplier=request.supplier.name if request.supplier else "—", a=a1, b=a2)


def accept(request: PurchaseRequest, *, acceptors: tuple[str, str] | list[str], accepted_on: _dt.date | None = None,
           result: str = "pass", note: str = "", invoice_no: str = "", funding_source: str | None = None,
           asset_options: dict[int, dict] | None = None, principal: str = "",
           principal_signed_on: _dt.date | None = None,
           store_items: dict[int, Any] | None = None) -> PurchaseAcceptance:
    """Acceptance (验收) by two people, neither of them the buyer, of a request the
    principal has signed (一切单据需经校长签字后方能验收): ``principal`` and
    ``principal_signed_on`` record the signature when it was not given at approval.

    On a pass, fixed-asset lines are registered in the asset register
    (``asset_options[line_id]``: ``mode`` each|batch, ``place``, ``department``,
    ``custodian``) and consumable lines are put into the supply store
    (``store_items[line_id]``: the store item the clerk picked; by default the one
    with the same name and specification, else a new item).
    A failed acceptance is recorded and the request stays received.
    """
    request = get_request(request)
    accepted_on = accepted_on or clock.today()
    names = [_text(a) for a in (list(acceptors) + ["", ""])[:2]]
    picked, signed_by, signed_on = _check_acceptance(request, names, accepted_on, result, note, store_items,
                                                     principal, principal_signed_on)
    asset_options = asset_options or {}
    invoice = _text(invoice_no) or request.invoice_no
    funding = _text(funding_source) or request.funding_source
    with database.atomic():
        acc = PurchaseAcceptance.create(request=request, accepted_on=accepted_on, acceptor1=names[0],
                                        acceptor2=names[1], principal=signed_by or None,
                                        principal_signed_on=signed_on if signed_by else None,
                                        result=result, note=_text(note) or None,
                                        created_at=clock.now())
        audit.record_create(acc)
        if result == "fail":
            audit.record(REQUEST_TABLE, request.id, "acceptance_failed", note=acc.note)
            return acc
        before = audit.snapshot(request)
        request.accepted_on = accepted_on
        request.invoice_no = invoice or None
        request.funding_source = funding or None
        request.save()
        audit.record_update(request, before, action="accept")
        summary = _acceptance_summary(request, names[0], names[1])
        for ln in lines_of(request):
            price = money(ln.price if ln.price is not None else ln.est_price)
            if ln.kind == "asset":
                _register_accepted(request, ln, asset_options.get(ln.id, {}), price, accepted_on, summary)
            else:
                _stock_accepted(request, ln, picked.get(ln.id), price, accepted_on)
        _move(request, "accepted", tr("Accepted by {a} and {b}").format(a=names[0], b=names[1]))
    return acc


def _check_acceptance(request: PurchaseRequest, names: list[str], accepted_on: _dt.date, result: str, note: str,
                      store_items: dict[int, Any] | None, principal: str,
                      principal_signed_on: _dt.date | None) -> tuple[dict[int, StoreItem], str, Any]:
    """Everything an acceptance needs, checked before anything is written: two acceptors other than the
    buyer, a result, a date, the store items picked, the principal's signature. Returns (store item per
    line id, signed by, signed on)."""
    errors = {}
    if not names[0]:
        errors["acceptor1"] = tr("Acceptance needs two people: enter the first.")
    if not names[1]:
        errors["acceptor2"] = tr("Acceptance needs two people: enter the second.")
    if names[0] and names[0] == names[1]:
        errors["acceptor2"] = tr("The two acceptors must be different people.")
    buyer = _text(request.buyer_name)
    for i, n in enumerate(names, start=1):
        if n and buyer and n == buyer:
            errors[f"acceptor{i}"] = tr("{name} bought the goods and cannot also accept them.").format(name=n)
    if result not in ACCEPT_RESULTS:
        errors["result"] = tr("Passed or failed?")
    if result == "fail" and not _text(note):
        errors["note"] = tr("Write down what was wrong.")
    if accepted_on > clock.today():
        errors["accepted_on"] = tr("The date cannot be in the future.")
    elif request.ordered_on and accepted_on < request.ordered_on:
        errors["accepted_on"] = tr("The acceptance cannot be before the order date.")
    picked: dict[int, StoreItem] = {}
    for line_id, ref in (store_items or {}).items():
        if ref in (None, "", 0):
            continue
        item = _fk(StoreItem, ref)
        if item is None:
            errors["store_items"] = tr("Unknown store item.")
        else:
            picked[int(line_id)] = item
    signed_by, signed_on = _text(principal)[:100], principal_signed_on
    if not signed_by:
        signed_by, signed_on = principal_signature(request) or ("", None)
    signed_on = signed_on or accepted_on
    if signed_by and isinstance(signed_on, _dt.date) and signed_on > clock.today():
        errors["principal_signed_on"] = tr("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    if request.status != "received":
        raise RuleError(tr("Goods are accepted once everything has arrived; this request is {status}.").format(
            status=status_label(request.status)))
    if result == "pass" and not signed_by:
        raise RuleError(tr("The principal signs every request before its goods are accepted "
                           "(一切单据需经校长签字后方能验收): enter the principal's name and the date signed."))
    return picked, signed_by, signed_on


def _register_accepted(request: PurchaseRequest, ln, opts: dict, price, accepted_on: _dt.date,
                       summary: str) -> None:
    """A fixed-asset line into the asset register: one record per unit or one batch record."""
    mode = opts.get("mode") or ("each" if ln.quantity <= 20 else "batch")
    if mode not in ASSET_MODES:
        raise ValidationError({"mode": tr("Choose one record per unit or one batch record.")})
    values = {
        "name": ln.name, "category": ln.category_id, "model_spec": ln.model_spec, "unit": ln.unit,
        "quantity": 1 if mode == "each" else ln.quantity, "unit_price": price,
        "acquired_on": accepted_on, "source": "purchase", "supplier": request.supplier_id,
        "invoice_no": request.invoice_no, "funding_source": request.funding_source,
        "place": opts.get("place") or request.place_id, "department": opts.get("department")
        or request.department_id, "custodian": opts.get("custodian") or request.requester_id,
        "note": tr("Purchase request {number}").format(number=request.number),
    }
    try:
        assets.register(values, copies=ln.quantity if mode == "each" else 1, event_kind="register",
                        event_summary=summary, ref_table=REQUEST_TABLE, ref_id=request.id)
    except ValidationError as exc:
        raise ValidationError({f"line{ln.seq}": tr("Line {n} ({name}): {msg}").format(
            n=ln.seq, name=ln.name, msg=exc.message)}) from exc
    line_before = audit.snapshot(ln, ["asset_mode"])
    ln.asset_mode = mode
    ln.save()
    audit.record_update(ln, line_before, action="accept")


def _stock_accepted(request: PurchaseRequest, ln, picked, price, accepted_on: _dt.date) -> None:
    """A consumable line into the supply store, on the item the clerk picked or the matching one."""
    item = _store_item_for(ln, picked)
    _stock_move(item, "purchase", ln.quantity, accepted_on, unit_price=price, request=request,
                note=tr("Purchase request {number} ({supplier})").format(
                    number=request.number, supplier=request.supplier.name if request.supplier else "—"))
    line_before = audit.snapshot(ln, ["store_item"])
    ln.store_item = item.id
    ln.save()
    audit.record_update(ln, line_before, action="accept")


def complete(request: PurchaseRequest, note: str = "") -> PurchaseRequest:
    """Close an accepted request (paid / filed: 报销)."""
    request = get_request(request)
    with database.atomic():
        _move(request, "closed", _text(note) or None)
    return request


def cancel(request: PurchaseRequest, reason: str) -> PurchaseRequest:
    request = get_request(request)
    if not _text(reason):
        raise ValidationError({"reason": tr("Give the reason for withdrawing it.")})
    with database.atomic():
        before = audit.snapshot(request, ["cancel_reason"])
        request.cancel_reason = _text(reason)
        _move(request, "cancelled", request.cancel_reason)
        audit.record_update(request, before, action="cancel")
    return request


def assets_of(request: PurchaseRequest):
    """The asset records this request created."""
    ids = (AssetEvent.select(AssetEvent.asset).where((AssetEvent.ref_table == REQUEST_TABLE)
                                                    & (AssetEvent.ref_id == request.id)))
    return list(Asset.select().where(Asset.id.in_(ids)).order_by(Asset.number))


def status_history(request: PurchaseRequest) -> list[PurchaseStatusChange]:
    return list(PurchaseStatusChange.select().where(PurchaseStatusChange.request == request)
                .order_by(PurchaseStatusChange.id))


def next_actions(request: PurchaseRequest) -> list[str]:
    """What the clerk can do next: submit, approve, quote, order, receive, accept, complete, cancel, edit."""
    s = request.status
    acts = {
        "draft": ["edit", "submit", "cancel"],
        "submitted": ["approve", "cancel"],
        "approved": ["quote", "order", "cancel"],
        "quoting": ["quote", "order", "cancel"],
        "ordered": ["receive", "cancel"],
        "partly_received": ["receive"],
        "received": ["accept"],
        "accepted": ["complete"],
    }
    return acts.get(s, [])


# --- the request list (paged, filtered and sorted in SQL) -------------------------

SORT_KEYS = {
    "number": PurchaseRequest.number, "request_date": PurchaseRequest.request_date,
    "department": Department.name, "requester_name": PurchaseRequest.requester_name,
    "purpose": PurchaseRequest.purpose, "total": PurchaseRequest.total, "status": PurchaseRequest.status,
    "supplier": Supplier.name, "order_total": PurchaseRequest.order_total,
}


def _list_query(filters: dict):
    q = (PurchaseRequest.select().join(Department, on=(PurchaseRequest.department == Department.id))
         .switch(PurchaseRequest).join(Supplier, JOIN.LEFT_OUTER, on=(PurchaseRequest.supplier == Supplier.id)))
    text = _text(filters.get("text"))
    if text:
        like = f"%{text}%"
        q = q.where(PurchaseRequest.number.contains(text) | PurchaseRequest.purpose ** like
                    | PurchaseRequest.requester_name ** like | Department.name ** like
                    | PurchaseRequest.id.in_(PurchaseLine.select(PurchaseLine.request)
                                             .where(PurchaseLine.name ** like)))
    status = filters.get("status")
    if status == "open":
        q = q.where(PurchaseRequest.status.not_in(("rejected", "closed", "cancelled")))
    elif status:
        q = q.where(PurchaseRequest.status == status)
    if filters.get("department"):
        q = q.where(PurchaseRequest.department == filters["department"])
    if filters.get("year"):
        y = int(filters["year"])
        q = q.where((PurchaseRequest.request_date >= _dt.date(y, 1,
                                                              1)) & (PurchaseRequest.request_date <= _dt.date(y, 12,
                                                                                                              31)))
    if filters.get("budget_line"):
        q = q.where(PurchaseRequest.budget_line == filters["budget_line"])
    return q


def count_requests(filters: dict) -> int:
    return _list_query(filters).count()


def fetch_requests(filters: dict, offset: int, limit: int, sort_key: str | None = None,
                   descending: bool = True) -> list[dict]:
    order = SORT_KEYS.get(sort_key or "number", PurchaseRequest.number)
    order_by = [order.desc() if descending else order.asc(),
                PurchaseRequest.id.desc() if descending else PurchaseRequest.id]
    q = (_list_query(filters)
         .select(PurchaseRequest.id, PurchaseRequest.number, PurchaseRequest.request_date, PurchaseRequest.purpose,
                 PurchaseRequest.requester_name, PurchaseRequest.total, PurchaseRequest.order_total,
                 PurchaseRequest.status, PurchaseRequest.budget_line, PurchaseRequest.in_budget,
                 Department.name.alias("department"), Supplier.name.alias("supplier"))
         .order_by(*order_by).offset(offset).limit(limit).dicts())
    rows = list(q)
    line_ids = sorted({r["budget_line"] for r in rows if r["budget_line"]})
    use = budget_use(line_ids)
    lines = {b.id: b for b in BudgetLine.select().where(BudgetLine.id.in_(line_ids))} if line_ids else {}
    for r in rows:
        r["status_label"] = status_label(r["status"])
        amount = money(r["order_total"] if r["order_total"] is not None else r["total"])
        r["amount"] = amount
        u = use.get(r["budget_line"]) if r["budget_line"] else None
        if u is None:
            r["budget_left"] = None
            r["over_budget"] = False
            r["budget_text"] = tr("Outside the budget") if not r["in_budget"] else ""
            continue
        own = PurchaseRequest(id=r["id"], budget_line=r["budget_line"], status=r["status"], total=r["total"],
                              order_total=r["order_total"])
        st = budget_state(lines[r["budget_line"]], own, use=u)
        r["budget_left"] = st.balance
        r["over_budget"] = st.over and r["status"] not in ("rejected", "cancelled")
        r["budget_text"] = (tr("⚠ over by {amount}").format(amount=fmt_money(st.over_by)) if r["over_budget"]
                            else fmt_money(st.balance))
    return rows


class RequestSource:
    """The request list for ``PagedTableModel``."""

    def count(self, filters: dict) -> int:
        return count_requests(filters)

    def fetch(self, filters, offset, limit, sort_key, descending):
        return fetch_requests(filters, offset, limit, sort_key, descending)


# --- the supply store --------------------------------------------------------------

def _store_key(text: Any) -> str:
    """Name or spec as compared: full-width folded (NFKC), case and all spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", _text(text)).casefold().split())


def store_match(line: PurchaseLine) -> StoreItem | None:
    """The store item a consumable line is the same thing as: same name and specification,
    however spaced, cased or typed (full-width); None when there is none."""
    name, spec = _store_key(line.name), _store_key(line.model_spec)
    for item in StoreItem.select().order_by(StoreItem.id):
        if _store_key(item.name) == name and _store_key(item.spec) == spec:
            return item
    return None


def _store_item_for(line: PurchaseLine, chosen: StoreItem | None = None) -> StoreItem:
    """The store item a consumable line goes into: the one the clerk chose, the matching
    one, or a new item (inside the caller's transaction)."""
    spec = _text(line.model_spec)
    item = chosen or store_match(line)
    if item is None:
        item = StoreItem.create(name=line.name, spec=spec, unit=line.unit, min_level=0, stock=0,
                                created_at=clock.now())
        audit.record_create(item)
    return item


def save_item(values: dict[str, Any], item: StoreItem | None = None) -> StoreItem:
    errors = {}
    name = _text(values.get("name", item.name if item else ""))
    spec = _text(values.get("spec", item.spec if item else ""))
    unit = _text(values.get("unit", item.unit if item else "")) or "件"
    min_level = _int(values.get("min_level", item.min_level if item else 0) or 0)
    if not name:
        errors["name"] = tr("This field is required.")
    if min_level is None or min_level < 0:
        errors["min_level"] = tr("Enter a whole number of 0 or more.")
    if name and not errors:
        q = StoreItem.select().where((StoreItem.name == name) & (StoreItem.spec == spec))
        if item is not None:
            q = q.where(StoreItem.id != item.id)
        if q.exists():
            errors["name"] = tr("“{value}” already exists.").format(value=f"{name} {spec}".strip())
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        if item is None:
            item = StoreItem.create(name=name, spec=spec, unit=unit, min_level=min_level, stock=0,
                                    created_at=clock.now())
            audit.record_create(item)
        else:
            before = audit.snapshot(item)
            item.name, item.spec, item.unit, item.min_level = name, spec, unit, min_level
            item.save()
            audit.record_update(item, before)
    return item


def _stock_move(item: StoreItem, kind: str, qty: int, on: _dt.date, *, unit_price=None, request=None,
                issue=None, count=None, note: str | None = None) -> StoreMovement:
    """One movement (inside the caller's transaction); stock never goes below zero."""
    item = StoreItem.get_by_id(item.id)
    new_stock = item.stock + qty
    if new_stock < 0:
        raise RuleError(tr("Only {stock} {unit} of {name} in stock: cannot take out {qty}.").format(
            stock=item.stock, unit=item.unit, name=item_label(item), qty=-qty))
    m = StoreMovement.create(item=item, kind=kind, quantity=qty, balance=new_stock, moved_on=on,
                             unit_price=money(unit_price) if unit_price is not None else None, request=request,
                             issue=issue, count=count, note=note, created_at=clock.now())
    audit.record_create(m)
    before = audit.snapshot(item, ["stock", "last_price"])
    StoreItem.update(stock=StoreItem.stock + qty).where(StoreItem.id == item.id).execute()
    item.stock = new_stock
    if unit_price is not None and qty > 0:
        item.last_price = money(unit_price)
        StoreItem.update(last_price=item.last_price).where(StoreItem.id == item.id).execute()
    audit.record_update(item, before, action=kind)
    return m


def item_label(item: StoreItem) -> str:
    return f"{item.name}（{item.spec}）" if item.spec else item.name


def stock_in(item, quantity, *, on: _dt.date | None = None, unit_price=None, note: str = "") -> StoreMovement:
    """A manual stock-in (e.g. a donation or goods bought before the program)."""
    item = _fk(StoreItem, item)
    on = on or clock.today()
    qty = _int(quantity)
    errors = {}
    if item is None:
        errors["item"] = tr("Choose the item.")
    if qty is None or qty < 1:
        errors["quantity"] = tr("Enter a whole number of at least 1.")
    price = to_decimal(unit_price) if unit_price not in (None, "") else None
    if unit_price not in (None, "") and (price is None or price < 0):
        errors["unit_price"] = tr("Enter an amount of money of 0 or more, e.g. 3500.00.")
    if on > clock.today():
        errors["on"] = tr("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        return _stock_move(item, "manual", qty, on, unit_price=price, note=_text(note) or None)


def issue(lines: list[tuple[Any, Any]], *, recipient_name: str = "", person=None, department=None,
          on: _dt.date | None = None, purpose: str = "") -> StoreIssue:
    """Issue (领用) items to a department or person: one 领用单 with one movement per item.
    The slip names the department that draws (a person from the staff list brings their own)."""
    on = on or clock.today()
    person_obj = _fk(Person, person)
    dept = _fk(Department, department)
    if dept is None and person_obj is not None and person_obj.department_id:
        dept = person_obj.department
    name = _text(recipient_name) or (person_obj.name if person_obj else "")
    errors = {}
    if dept is None and person_obj is None:
        errors["department"] = tr("Choose the department that draws the items (or a person from the staff list).")
    if not name:
        errors["recipient_name"] = tr("Who receives it? (they sign the issue slip)")
    if on > clock.today():
        errors["on"] = tr("The date cannot be in the future.")
    todo = []
    for i, (raw_item, raw_qty) in enumerate(lines, start=1):
        item = _fk(StoreItem, raw_item)
        qty = _int(raw_qty)
        if item is None:
            errors[f"line{i}"] = tr("Line {n}: choose the item.").format(n=i)
        elif qty is None or qty < 1:
            errors[f"line{i}"] = tr("Line {n}: enter a whole number of at least 1.").format(n=i)
        else:
            todo.append((item, qty))
    if not todo and not errors:
        errors["lines"] = tr("Add at least one item.")
    if errors:
        raise ValidationError(errors)
    wanted: dict[int, int] = {}
    for item, qty in todo:
        wanted[item.id] = wanted.get(item.id, 0) + qty
    short = []
    for item_id, qty in wanted.items():
        item = StoreItem.get_by_id(item_id)
        if qty > item.stock:
            short.append(tr("Only {stock} {unit} of {name} in stock: cannot issue {qty}.").format(
                stock=item.stock, unit=item.unit, name=item_label(item), qty=qty))
    if short:
        raise RuleError("\n".join(short))
    with database.atomic():
        doc = numbering.document_number("LY", on.year,
                                        lambda n: StoreIssue.select().where(StoreIssue.doc_no == n).exists())
        slip = StoreIssue.create(doc_no=doc, issued_on=on, department=dept, person=person_obj,
                                 recipient_name=name[:100], purpose=_text(purpose) or None, created_at=clock.now())
        audit.record_create(slip)
        for item, qty in todo:
            _stock_move(item, "issue", -qty, on, issue=slip, note=tr("Issue slip {doc} to {name}").format(
                doc=doc, name=name))
    return slip


def get_issue(ref) -> StoreIssue:
    slip = None
    if isinstance(ref, StoreIssue):
        return ref
    text = _text(ref)
    if text.isdigit():
        slip = StoreIssue.get_or_none(StoreIssue.id == int(text))
    elif text:
        slip = StoreIssue.get_or_none(StoreIssue.doc_no == text.upper())
    if slip is None:
        raise NotFound(tr("Issue slip {ref} does not exist.").format(ref=ref))
    return slip


def issue_lines(slip: StoreIssue) -> list[dict]:
    rows = []
    for m in (StoreMovement.select(StoreMovement, StoreItem).join(StoreItem)
              .where(StoreMovement.issue == slip).order_by(StoreMovement.id)):
        rows.append({"name": m.item.name, "spec": m.item.spec, "unit": m.item.unit, "qty": -m.quantity,
                     "price": m.item.last_price})
    return rows


def below_minimum() -> list[StoreItem]:
    return list(StoreItem.select().where((StoreItem.active == True) & (StoreItem.stock < StoreItem.min_level))  # noqa: E712
                .order_by(StoreItem.name))


def store_rows(text: str = "", only_low: bool = False) -> list[dict]:
    q = StoreItem.select().where(StoreItem.active == True)  # noqa: E712
    if text:
        q = q.where(StoreItem.name.contains(text) | StoreItem.spec.contains(text))
    if only_low:
        q = q.where(StoreItem.stock < StoreItem.min_level)
    rows = []
    for it in q.order_by(StoreItem.name, StoreItem.spec):
        rows.append({"id": it.id, "name": it.name, "spec": it.spec, "unit": it.unit, "stock": it.stock,
                     "min_level": it.min_level, "low": it.stock < it.min_level, "last_price": it.last_price,
                     "value": money((it.last_price or 0) * it.stock)})
    return rows


def movements(item: StoreItem | int | None = None, month: str | None = None, limit: int | None = 500) -> list[dict]:
    q = (StoreMovement.select(StoreMovement, StoreItem, StoreIssue, PurchaseRequest)
         .join(StoreItem).switch(StoreMovement).join(StoreIssue, JOIN.LEFT_OUTER)
         .switch(StoreMovement).join(PurchaseRequest, JOIN.LEFT_OUTER))
    if item is not None:
        q = q.where(StoreMovement.item == item)
    if month:
        first, last = month_range(month)
        q = q.where((StoreMovement.moved_on >= first) & (StoreMovement.moved_on <= last))
    # the balance after each movement in date order (a movement entered late for an earlier
    # day counts on that day), whatever the order they were typed in
    running = (StoreMovement.select(StoreMovement.id.alias("mid"), fn.SUM(StoreMovement.quantity).over(
        partition_by=[StoreMovement.item], order_by=[StoreMovement.moved_on, StoreMovement.id]).alias("running")))
    if item is not None:
        running = running.where(StoreMovement.item == item)
    q = q.order_by(StoreMovement.moved_on.desc(), StoreMovement.id.desc())
    if limit:
        q = q.limit(limit)
    from .models import MOVEMENT_KINDS

    picked = list(q)
    ids = [m.id for m in picked]
    balances = {}
    if ids:
        sub = running.alias("r")
        balances = {mid: bal for mid, bal in
                    StoreMovement.select(sub.c.mid, sub.c.running).from_(sub).where(sub.c.mid.in_(ids)).tuples()}
    rows = []
    for m in reversed(picked):  # oldest first, like a ledger
        doc = m.issue.doc_no if m.issue_id else (m.request.number if m.request_id else "")
        rows.append({"id": m.id, "moved_on": m.moved_on, "item": item_label(m.item), "unit": m.item.unit,
                     "kind": tr(MOVEMENT_KINDS.get(m.kind, m.kind)), "quantity": m.quantity,
                     "balance": int(balances.get(m.id, m.balance)), "doc": doc, "note": m.note or ""})
    return rows


month_range = clock.month_range  # "YYYY-MM" → its first and last day


def count_for(month: str) -> StoreCount | None:
    month_range(month)
    return StoreCount.get_or_none(StoreCount.month == month.strip())


class CountNotConfirmed(RuleError):
    """A count with differences, not yet confirmed: ``variances`` as ``count_variances`` gives them."""

    def __init__(self, variances: list[dict], message: str):
        super().__init__(message)
        self.variances = variances


def count_variances(counted: dict[int, Any]) -> list[dict]:
    """The differences a count would make: item, book, counted, difference (items counted
    as on the book are left out)."""
    out = []
    for item_id, raw in counted.items():
        qty = _int(raw)
        item = _fk(StoreItem, item_id)
        if item is None or qty is None or qty == item.stock:
            continue
        out.append({"item": item, "label": item_label(item), "unit": item.unit, "book": item.stock,
                    "counted": qty, "difference": qty - item.stock})
    return sorted(out, key=lambda v: (v["item"].name, v["item"].spec))


def variances_text(variances: list[dict]) -> str:
    return "\n".join(tr("{item}: book {book}, counted {counted}, difference {difference} {unit}").format(
        item=v["label"], book=v["book"], counted=v["counted"], difference=f"{v['difference']:+d}", unit=v["unit"])
        for v in variances)


def record_count(month: str, counted: dict[int, Any], *, counted_by: str, on: _dt.date | None = None,
                 note: str = "", confirmed: bool = False) -> StoreCount:
    """The monthly count: counted quantity per item id, for every active item (an item
    nobody counted is not taken as its book quantity). Every difference becomes an
    adjustment movement, so the book agrees with the shelf (账物相符); differences are
    refused unless ``confirmed`` (the clerk saw them, see ``count_variances``)."""
    month_range(month)
    month = month.strip()
    on = on or clock.today()
    errors = {}
    if not _text(counted_by):
        errors["counted_by"] = tr("Who counted?")
    if on > clock.today():
        errors["on"] = tr("The date cannot be in the future.")
    clean = {}
    for item_id, raw in counted.items():
        qty = _int(raw)
        item = _fk(StoreItem, item_id)
        if item is None:
            continue
        if qty is None or qty < 0:
            errors[f"item{item.id}"] = tr("{name}: enter the counted quantity (0 or more).").format(
                name=item_label(item))
        else:
            clean[item.id] = qty
    if not errors and StoreCount.select().where(StoreCount.month == month).exists():
        raise RuleError(tr("The count for {month} has already been recorded.").format(month=month))
    missing = [item_label(it) for it in StoreItem.select().where(StoreItem.active == True)  # noqa: E712
               .order_by(StoreItem.name, StoreItem.spec) if it.id not in clean and f"item{it.id}" not in errors]
    if missing:
        errors["counted"] = tr("Enter the counted quantity of every item (0 if none is left); not counted: "
                               "{items}.").format(items=join_list(missing[:10]) + ("…" if len(missing) > 10 else ""))
    if errors:
        raise ValidationError(errors)
    if StoreCount.select().where(StoreCount.month == month).exists():
        raise RuleError(tr("The count for {month} has already been recorded.").format(month=month))
    variances = count_variances(clean)
    if variances and not confirmed:
        raise CountNotConfirmed(variances, tr("The count differs from the book; recording it adjusts the stock:") + "\n"
                        + variances_text(variances) + "\n" + tr("(Not recorded until you confirm it.)"))
    with database.atomic():
        doc = numbering.document_number("PD", on.year,
                                        lambda n: StoreCount.select().where(StoreCount.doc_no == n).exists())
        sc = StoreCount.create(month=month, doc_no=doc, counted_on=on, counted_by=_text(counted_by)[:100],
                               note=_text(note) or None, created_at=clock.now())
        audit.record_create(sc)
        for item in StoreItem.select().where(StoreItem.active == True).order_by(StoreItem.name):  # noqa: E712
            book = item.stock
            real = clean.get(item.id, book)
            line = StoreCountLine.create(count=sc, item=item, book_qty=book, counted_qty=real, difference=real - book)
            audit.record_create(line)
            if real != book:
                _stock_move(item, "count", real - book, on, count=sc,
                            note=tr("Monthly count {month}: book {book}, counted {real}").format(
                                month=month, book=book, real=real))
                audit.record("store_count_line", line.id, "difference", {"quantity": (book, real)})
    return sc


def count_rows(month: str) -> tuple[StoreCount | None, list[dict]]:
    """The count sheet: recorded results, or the items with book quantities to count."""
    sc = count_for(month)
    rows = []
    if sc is not None:
        for ln in (StoreCountLine.select(StoreCountLine, StoreItem).join(StoreItem)
                   .where(StoreCountLine.count == sc).order_by(StoreItem.name, StoreItem.spec)):
            rows.append({"name": ln.item.name, "spec": ln.item.spec, "unit": ln.item.unit, "book": ln.book_qty,
                         "counted": ln.counted_qty, "difference": ln.difference or 0, "item_id": ln.item_id})
    else:
        for it in StoreItem.select().where(StoreItem.active == True).order_by(StoreItem.name, StoreItem.spec):  # noqa: E712
            rows.append({"name": it.name, "spec": it.spec, "unit": it.unit, "book": it.stock, "counted": None,
                         "difference": None, "item_id": it.id})
    return sc, rows


def _month_key(day: _dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def store_month(month: str) -> dict:
    """The month's store account per item (库存月报), in quantity and money:
    期初 (opening) + 入库 (in: purchases and stock-ins) - 出库 (out: issues) = 结存 (book
    closing), then the count's 盘盈/盘亏 and what was counted.

    Money by the monthly weighted average (全月一次加权平均): stock-ins at their own
    unit price (a stock-in without a price at the item's last known price), issues
    and count differences at (opening amount + in amount) / (opening qty + in qty).
    The amounts add up on every row: opening + in - out = closing, and next month's
    opening is this month's closing after the count. A count's adjustment belongs to
    the month counted, whatever day it was entered.
    """
    first, last = month_range(month)
    if first > clock.today():
        raise RuleError(tr("{month} has not begun: there is nothing to account for yet.").format(month=month.strip()))
    month = _month_key(first)
    count = StoreCount.get_or_none(StoreCount.month == month)
    count_months = {c.id: c.month for c in StoreCount.select(StoreCount.id, StoreCount.month)}
    counted = {}
    if count is not None:
        counted = {ln.item_id: ln for ln in StoreCountLine.select().where(StoreCountLine.count == count)}
    per_item: dict[int, list] = {}
    q = (StoreMovement.select(StoreMovement.item, StoreMovement.kind, StoreMovement.quantity, StoreMovement.moved_on,
                              StoreMovement.unit_price, StoreMovement.count)
         .order_by(StoreMovement.moved_on, StoreMovement.id).tuples())
    for item_id, kind, qty, on, price, count_id in q:
        key = count_months.get(count_id) if kind == "count" and count_id else _month_key(on)
        if key <= month:
            per_item.setdefault(item_id, []).append((key, kind, qty, price))
    items = {it.id: it for it in StoreItem.select()}
    rows = []
    for item_id, moves in per_item.items():
        state = {"qty": 0, "amount": ZERO, "price": ZERO}
        row = None
        months = sorted({m for m, *_ in moves})
        for m in months:
            cur = [mv for mv in moves if mv[0] == m]
            r = _account_month(state, cur)
            if m == month:
                row = r
        if row is None:  # nothing moved this month: the stock stands as it was
            row = _account_month(state, [])
        if row["open_qty"] == 0 and not row["in_qty"] and not row["out_qty"] and not row["adj_qty"] \
                and item_id not in counted and not items[item_id].active:
            continue
        it = items[item_id]
        row.update({"item_id": item_id, "name": it.name, "spec": it.spec, "unit": it.unit})
        line = counted.get(item_id)
        row["counted"] = row["close_qty"] + row["adj_qty"] if line is not None else None
        rows.append(row)
    for item_id, it in items.items():  # active items that never moved still belong on the count sheet
        if it.active and item_id not in per_item and it.created_at.date() <= last:
            row = _account_month({"qty": 0, "amount": ZERO, "price": money(it.last_price)}, [])
            row.update({"item_id": item_id, "name": it.name, "spec": it.spec, "unit": it.unit,
                        "counted": 0 if item_id in counted else None})
            rows.append(row)
    rows.sort(key=lambda r: (r["name"], r["spec"]))
    totals = {k: sum((r[k] for r in rows), ZERO) for k in ("open_amount", "in_amount", "out_amount",
                                                           "close_amount", "adj_amount")}
    return {"month": month, "first": first, "last": last, "count": count, "rows": rows, "totals": totals}


def _account_month(state: dict, moves: list) -> dict:
    """One item's month by the weighted average; ``state`` (qty, amount, price) carries to the next."""
    open_qty, open_amount = state["qty"], state["amount"]
    in_qty = sum(q for _m, kind, q, _p in moves if kind in ("purchase", "manual"))
    in_amount = ZERO
    for _m, kind, q, price in moves:
        if kind in ("purchase", "manual"):
            unit = money(price) if price is not None else state["price"]
            in_amount += money(unit * q)
            if price is not None:
                state["price"] = money(price)
    out_qty = -sum(q for _m, kind, q, _p in moves if kind == "issue")
    adj_qty = sum(q for _m, kind, q, _p in moves if kind == "count")
    base_qty, base_amount = open_qty + in_qty, open_amount + in_amount
    avg = (base_amount / base_qty) if base_qty > 0 else state["price"]
    close_qty = base_qty - out_qty
    out_amount = base_amount if close_qty == 0 else money(avg * out_qty)
    close_amount = base_amount - out_amount
    after_qty = close_qty + adj_qty
    adj_amount = -close_amount if after_qty == 0 else money(avg * adj_qty)
    state["qty"], state["amount"] = after_qty, close_amount + adj_amount
    return {"open_qty": open_qty, "open_amount": open_amount, "in_qty": in_qty, "in_amount": in_amount,
            "out_qty": out_qty, "out_amount": out_amount, "close_qty": close_qty, "close_amount": close_amount,
            "adj_qty": adj_qty, "adj_amount": adj_amount, "avg_price": money(avg)}


# --- what the window shows (records and pick-box items; the view builds no query) ---

def request_or_none(request_id: int | None) -> PurchaseRequest | None:
    """The request with this id, or None (no id, or no such request)."""
    return record_or_none(PurchaseRequest, request_id)


def quote_or_none(quote_id: int | None) -> PurchaseQuote | None:
    return record_or_none(PurchaseQuote, quote_id)


def item_or_none(item_id: int | None) -> StoreItem | None:
    return record_or_none(StoreItem, item_id)


def budget_line_or_none(line_id: int | None) -> BudgetLine | None:
    return record_or_none(BudgetLine, line_id)


def category_choices() -> list[tuple[str, int]]:
    """Asset categories in use, as "name (code)", in the school's order."""
    return [(f"{c.name} ({c.code})", c.id) for c in Category.select().where(Category.active == True)  # noqa: E712
            .order_by(Category.sort_order, Category.code)]


def supplier_choices() -> list[tuple[str, int]]:
    """Suppliers in use, by name."""
    return [(s.name, s.id) for s in masterdata.active(Supplier)]


def find_requester(name: str, department_id: int | None = None) -> Person | None:
    """The person of this name (in this department when one is given), or None."""
    if not _text(name):
        return None
    dept = record_or_none(Department, department_id)
    return masterdata.find_person(_text(name), dept)


def store_items(include: list[int] | None = None) -> list[StoreItem]:
    """Store items in use (and the ones in ``include`` even if no longer in use), by name and spec."""
    cond = StoreItem.active == True  # noqa: E712
    if include:
        cond = cond | StoreItem.id.in_(list(include))
    return list(StoreItem.select().where(cond).order_by(StoreItem.name, StoreItem.spec))


def recent_issues(limit: int = 300) -> list[StoreIssue]:
    """The latest issue slips, newest first, with their departments."""
    return list(StoreIssue.select(StoreIssue, Department).join(Department, JOIN.LEFT_OUTER)
                .order_by(StoreIssue.id.desc()).limit(limit))


def settings_values() -> dict[str, Any]:
    """The purchases settings as the settings page shows them (thresholds, quotes, notice days)."""
    return {key: settings.get(f"purchases.{key}")
            for key in ("quote_threshold", "tender_threshold", "notice_threshold", "min_quotes", "notice_days")}


# --- settings ---------------------------------------------------------------------

def save_settings(values: dict[str, Any]) -> None:
    """Approval levels [{role, above}], thresholds (元) and the notice period, validated and audited."""
    errors: dict[str, str] = {}
    levels = []
    for i, lv in enumerate(values.get("levels") or [], start=1):
        role = _text(lv.get("role"))
        above = to_decimal(lv.get("above"))
        if not role and lv.get("above") in (None, ""):
            continue
        if not role:
            errors["levels"] = tr("Level {n}: name who signs.").format(n=i)
        elif above is None or above < 0:
            errors["levels"] = tr("Level {n}: enter the amount above which it signs (0 for always).").format(n=i)
        else:
            levels.append({"role": role, "above": float(money(above)) if above % 1 else int(above)})
    if not levels and "levels" not in errors:
        errors["levels"] = tr("At least one approval level is needed.")
    if levels and min(lv["above"] for lv in levels) != 0:
        errors["levels"] = tr("The first level signs every request: its amount must be 0.")
    out = {"purchases.approval_levels": sorted(levels, key=lambda lv: lv["above"])}
    for key in ("quote_threshold", "tender_threshold", "notice_threshold"):
        v = to_decimal(values.get(key))
        if v is None or v < 0:
            errors[key] = tr("Enter an amount of money of 0 or more, e.g. 3500.00.")
        else:
            out[f"purchases.{key}"] = int(v) if v % 1 == 0 else float(v)
    for key, low in (("min_quotes", 1), ("notice_days", 1)):
        v = _int(values.get(key))
        if v is None or v < low or v > 60:
            errors[key] = tr("Enter a whole number from {low} to 60.").format(low=low)
        else:
            out[f"purchases.{key}"] = v
    if errors:
        raise ValidationError(errors)
    settings.set_many(out)
