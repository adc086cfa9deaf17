"""What the printed forms show, read from the database as plain dicts (no Qt).

``forms.py`` renders these dicts to PDF; the view reads them on the GUI thread
and renders in a worker; the CLI does both in a row.
"""

from __future__ import annotations

import datetime as _dt

from ...core import clock, masterdata, settings
from ...core.errors import RuleError
from ...core.i18n import tr
from ...core.printing.amounts import rmb_upper
from . import service
from .models import ACCEPT_RESULTS, DECISIONS, LINE_KINDS, PurchaseAcceptance, StoreIssue


def _line_rows(request, ordered: bool = False) -> list[dict]:
    rows = []
    for ln in service.lines_of(request):
        is_ordered = ordered and ln.price is not None
        price = ln.price if is_ordered else ln.est_price
        # ordered: the line's share of the order (the lines add up to the chosen quote)
        amount = service.order_amount(ln) if is_ordered else service.money(price * ln.quantity)
        rows.append({
            "name": ln.name, "spec": ln.model_spec or "", "qty": ln.quantity, "unit": ln.unit,
            "price": price, "amount": amount, "kind": tr(LINE_KINDS[ln.kind]),
            "category": ln.category.name if ln.category_id else "", "received": ln.received_qty, "id": ln.id,
        })
    return rows


def budget_data(req) -> dict | None:
    """The request's budget line as ``service.budget_state`` computes it (the figures add up:
    budget - committed - spent - this request = balance)."""
    state = service.budget_state(req.budget_line_id, req) if req.budget_line_id else None
    if state is None:
        return None
    return {"label": service.budget_label(state.line), "budget": state.budget, "committed": state.committed,
            "spent": state.spent, "this_request": state.this_request, "balance": state.balance,
            "available": state.available, "over": state.over, "over_by": state.over_by,
            "ordered": req.order_total is not None, "counted": req.status not in ("rejected", "cancelled"),
            "warning": state.warning()}


def approval_role(a) -> str:
    """The level as printed; a signature given again at ordering says for what amount."""
    if a.stage == "order":
        return tr("{role} (again, for the order of {amount} yuan)").format(
            role=tr(a.level), amount=service.fmt_money(a.amount))
    return tr(a.level)


def request_data(request) -> dict:
    req = service.get_request(request)
    budget = budget_data(req)
    approvals = [{"role": approval_role(a), "approver": a.approver, "date": a.decided_on,
                  "decision": tr(DECISIONS[a.decision]), "comment": a.comment or ""}
                 for a in req.approvals.order_by(req.approvals.model.id)]
    return {
        "number": req.number, "date": req.request_date, "department": req.department.name,
        "requester": req.requester_name, "purpose": req.purpose, "in_budget": req.in_budget,
        "budget": budget, "funding_source": req.funding_source or "",
        "place": req.place.full_name if req.place_id else "", "status": service.status_label(req.status),
        "lines": _line_rows(req), "total": req.total, "total_words": rmb_upper(req.total),
        "roles": [tr(r) for r in service.required_levels(req.total)],
        "approval_note": service.approval_note(req.total), "tender": service.needs_tender(req.total),
        "approvals": approvals, "note": req.note or "",
    }


def quote_data(request) -> dict:
    req = service.get_request(request)
    quotes = service.quotes_of(req)
    if not quotes:
        raise RuleError(tr("Purchase request {number} has no quotes yet.").format(number=req.number))
    low = min(q.amount for q in quotes)
    rows = []
    for q in quotes:
        rows.append({"supplier": q.supplier.name, "contact": q.supplier.contact or "", "phone": q.supplier.phone or "",
                     "date": q.quoted_on, "delivery": q.delivery or "", "amount": q.amount,
                     "diff": service.money(q.amount - low), "chosen": req.chosen_quote == q.id,
                     "lowest": q.amount == low, "note": q.note or ""})
    chosen = next((r for r in rows if r["chosen"]), None)
    return {
        "number": req.number, "date": clock.today(), "department": req.department.name, "purpose": req.purpose,
        "estimate": req.total, "quotes": rows, "needed": int(settings.get("purchases.min_quotes") or 3)
        if service.needs_quotes(req.total) else 0,
        "chosen": chosen["supplier"] if chosen else (req.supplier.name if req.supplier_id else ""),
        "order_total": req.order_total, "reason": req.choice_reason or "", "buyer": req.buyer_name or "",
        "lines": _line_rows(req),
    }


def acceptance_data(request) -> dict:
    req = service.get_request(request)
    if req.status not in ("partly_received", "received", "accepted", "closed"):
        raise RuleError(tr("The acceptance form is printed once goods have arrived; {number} is {status}.").format(
            number=req.number, status=service.status_label(req.status)))
    passed = (PurchaseAcceptance.request == req) & (PurchaseAcceptance.result == "pass")
    acc = (PurchaseAcceptance.select().where(passed)
           .order_by(PurchaseAcceptance.id.desc()).first()
           or PurchaseAcceptance.select().where(PurchaseAcceptance.request == req)
           .order_by(PurchaseAcceptance.id.desc()).first())
    rows = _line_rows(req, ordered=True)
    for r in rows:
        # what arrived is what is accepted and paid for, not what was ordered
        r["ordered_amount"] = r["amount"]
        r["amount"] = (r["ordered_amount"] if r["received"] == r["qty"]
                       else service.money(r["price"] * r["received"]))
    received_total = sum((r["amount"] for r in rows), service.ZERO)
    ordered_total = service.effective_total(req)
    numbers: dict[str, list[str]] = {}
    for a in service.assets_of(req):
        numbers.setdefault(a.name, []).append(a.number)
    for r in rows:
        if r["kind"] == tr(LINE_KINDS["asset"]):
            nums = numbers.get(r["name"], [])
            r["dest"] = (nums[0] if len(nums) == 1 else f"{nums[0]} … {nums[-1]}") if nums else tr("Asset register")
        else:
            r["dest"] = tr("Supply store")
    return {
        "number": req.number, "date": acc.accepted_on if acc else None, "department": req.department.name,
        "purpose": req.purpose, "supplier": req.supplier.name if req.supplier_id else "",
        "ordered_on": req.ordered_on, "buyer": req.buyer_name or "", "invoice_no": req.invoice_no or "",
        "funding_source": req.funding_source or "", "lines": rows, "total": received_total,
        "total_words": rmb_upper(received_total), "ordered_total": ordered_total,
        "partial": any(r["received"] < r["qty"] for r in rows),
        "acceptors": [acc.acceptor1, acc.acceptor2] if acc else [],
        "principal": (f"{acc.principal} "
                      f"{acc.principal_signed_on.isoformat() if acc.principal_signed_on else ''}".strip()
                      if acc and acc.principal else ""),
        "result": tr(ACCEPT_RESULTS[acc.result]) if acc else "", "note": (acc.note or "") if acc else "",
    }


def notice_data(request) -> dict:
    req = service.get_request(request)
    if req.status not in ("ordered", "partly_received", "received", "accepted", "closed"):
        raise RuleError(tr("The public notice is printed once the supplier is chosen; {number} is {status}.").format(
            number=req.number, status=service.status_label(req.status)))
    amount = service.effective_total(req)
    if not service.needs_notice(amount):
        threshold = service.money(settings.get("purchases.notice_threshold"))
        if threshold <= 0:
            raise RuleError(tr("Public notices are turned off (the notice threshold in the purchase settings is 0): "
                               "no notice is printed for {number}.").format(number=req.number))
        raise RuleError(tr("{number} costs {amount} yuan, below the public-notice threshold of {limit} yuan: "
                           "it is not a large expenditure and no public notice is printed.").format(
            number=req.number, amount=service.fmt_money(amount), limit=service.fmt_money(threshold)))
    today = clock.today()
    days = int(settings.get("purchases.notice_days") or 5)
    return {
        "number": req.number, "date": today, "department": req.department.name, "purpose": req.purpose,
        "supplier": req.supplier.name if req.supplier_id else "", "amount": service.effective_total(req),
        "quotes": len(service.quotes_of(req)), "ordered_on": req.ordered_on, "buyer": req.buyer_name or "",
        "roles": [tr(r) for r in service.required_levels(req.total)], "lines": _line_rows(req, ordered=True),
        "from": today, "to": today + _dt.timedelta(days=days), "phone": settings.get("school.phone") or "",
        "threshold": service.money(settings.get("purchases.notice_threshold")), "amount_words": rmb_upper(amount),
        "school": school(),
    }


def issue_data(slip) -> dict:
    slip = service.get_issue(slip if not isinstance(slip, StoreIssue) else slip)
    return {"doc_no": slip.doc_no, "date": slip.issued_on, "recipient": slip.recipient_name,
            "department": slip.department.name if slip.department_id else "", "purpose": slip.purpose or "",
            "lines": service.issue_lines(slip)}


def count_data(month: str) -> dict:
    """The monthly store count (月度盘点表): 期初、入库、出库、结存 in quantity and money per item
    (``service.store_month``), then what was counted and the difference once the count is recorded."""
    acc = service.store_month(month)
    sc = acc["count"]
    rows = []
    for r in acc["rows"]:
        rows.append({**r, "book": r["close_qty"], "difference": r["adj_qty"] if sc else None})
    return {"month": acc["month"], "doc_no": sc.doc_no if sc else None,
            "date": sc.counted_on if sc else clock.today(), "counted_by": sc.counted_by if sc else "",
            "recorded": sc is not None, "rows": rows, "totals": acc["totals"], "note": (sc.note or "") if sc else ""}


def school_phone() -> str:
    return settings.get("school.phone") or ""


def school() -> str:
    return masterdata.school_name()


def label_data(request) -> dict:
    """The tags of the assets a request created (ready to stick on at acceptance)."""
    req = service.get_request(request)
    items = [{"number": a.number, "name": a.name, "place": a.place.full_name if a.place_id else ""}
             for a in service.assets_of(req)]
    if not items:
        raise RuleError(tr("{number} has not created any asset records yet.").format(number=req.number))
    from ...core.printing import label_offset, label_sheet

    return {"items": items, "school": school(), "sheet": label_sheet(), "offset": label_offset(),
            "code": settings.get("printing.label_code") or "qr"}
