"""Purchases on Today (no Qt): requests waiting for a signature, quotes, an order, a delivery or an
acceptance; budget lines over; supply-store items below their minimum."""

from __future__ import annotations

import datetime as _dt

from peewee import fn

from ...core import settings
from ...core.i18n import join_list, tr
from ...core.today import TodayItem
from . import service
from .models import PurchaseQuote, PurchaseRequest

KEY = "purchases"


STATUSES = ("submitted", "approved", "quoting", "ordered", "partly_received", "received")  # those with a line


def _requests() -> list[dict]:
    """The requests in the statuses Today has a line for, by request date: one query for every line."""
    R = PurchaseRequest
    return list(R.select(R.id, R.number, R.purpose, R.total, R.status).where(R.status.in_(STATUSES))
                .order_by(R.request_date, R.id).dicts())


def _of(requests: list[dict], statuses: tuple[str, ...]) -> list[dict]:
    return [r for r in requests if r["status"] in statuses]


def _first(rows: list[dict]) -> str:
    r = rows[0]
    purpose = (r["purpose"] or "").splitlines()[0] if r["purpose"] else ""
    if len(purpose) > 20:
        purpose = purpose[:20] + "…"
    return f"{r['number']} {purpose}".strip()


def _line(severity: str, rows: list[dict], text: str, status: str, order: int) -> TodayItem:
    return TodayItem(KEY, severity, len(rows), text.format(n=len(rows), request=_first(rows)),
                     {"status": status, "id": rows[0]["id"]}, order=order)


def items(today: _dt.date) -> list[TodayItem]:
    out = []
    requests = _requests()
    submitted = _of(requests, ("submitted",))
    if submitted:
        out.append(_line("today", submitted, tr("Purchase requests waiting for a signature: {n} (first: {request})"),
                         "submitted", 0))
    to_buy = _of(requests, ("approved", "quoting"))
    if to_buy:
        n_needed = int(settings.get("purchases.min_quotes") or 3)
        quotes = dict(PurchaseQuote.select(PurchaseQuote.request, fn.COUNT(PurchaseQuote.id))
                      .where(PurchaseQuote.request.in_([r["id"] for r in to_buy]) & PurchaseQuote.voided_at.is_null())
                      .group_by(PurchaseQuote.request).tuples())
        need_quotes = [r for r in to_buy if service.needs_quotes(r["total"]) and quotes.get(r["id"], 0) < n_needed]
        ready = [r for r in to_buy if r not in need_quotes]
        if need_quotes:
            status = "quoting" if all(r["status"] == "quoting" for r in need_quotes) else "open"
            out.append(_line("today", need_quotes, tr("Purchase requests waiting for quotes: {n} (first: {request})"),
                             status, 1))
        if ready:
            status = "approved" if all(r["status"] == "approved" for r in ready) else "open"
            out.append(_line("today", ready, tr("Purchase requests waiting for an order: {n} (first: {request})"),
                             status, 2))
    delivery = _of(requests, ("ordered", "partly_received"))
    if delivery:
        status = "ordered" if all(r["status"] == "ordered" for r in delivery) else "open"
        out.append(_line("soon", delivery, tr("Purchase orders waiting for delivery: {n} (first: {request})"),
                         status, 3))
    received = _of(requests, ("received",))
    if received:
        out.append(_line("today", received, tr("Deliveries waiting for acceptance: {n} (first: {request})"),
                         "received", 4))
    lines = service.budget_lines(today.year)
    if lines:
        use = service.budget_use([b.id for b in lines])
        over = [(b, use[b.id]) for b in lines if b.id in use and use[b.id].remaining < 0]
        if over:
            b, u = over[0]
            out.append(TodayItem(KEY, "overdue", len(over), tr(
                "Budget lines over budget: {n} (first: {line}, {amount} yuan over)").format(
                n=len(over), line=service.budget_label(b), amount=service.fmt_money(-u.remaining)),
                {"page": "budgets", "id": b.id}, order=5))
    low = service.below_minimum()
    if low:
        names = join_list(f"{service.item_label(i)} ({i.stock}/{i.min_level} {i.unit})" for i in low[:3])
        more = "…" if len(low) > 3 else ""
        out.append(TodayItem(KEY, "today", len(low), tr("Store items below their minimum: {n} ({items}{more})").format(
            n=len(low), items=names, more=more), {"page": "store", "only_low": True}, order=6))
    return out
