"""The utilities' lines on Today (no Qt): readings due this month, unpaid bills, new flags."""

from __future__ import annotations

import datetime as _dt

from ...core.i18n import tr
from ...core.today import TodayItem
from . import service as us
from .models import Bill, Meter

KEY = "utilities"


def _unpaid() -> list[tuple]:
    """(id, amount) of the bills ``us.bills(unpaid=True)`` lists, in its order: without the metered
    consumption it adds to each (a query of its own, not needed for this line)."""
    return list(Bill.select(Bill.id, Bill.amount).join(Meter)
                .where(Bill.paid_on.is_null() & (Bill.voided == False))  # noqa: E712
                .order_by(Bill.month.desc(), Meter.kind, Meter.sort_order, Meter.name).tuples())


def items(today: _dt.date) -> list[TodayItem]:
    out = []
    flags = us.flags(status="new")
    if flags:
        out.append(TodayItem(KEY, "soon", len(flags), tr("New utilities flags: {n} (first: {text})").format(
            n=len(flags), text=flags[0]["text"]), {"page": "flags", "id": flags[0]["id"]}, order=0))
    due = us.readings_due(today)
    try:
        reading_day = int(us.settings.get("utilities.reading_day") or 25)
    except (TypeError, ValueError):
        reading_day = 25
    if due and us.Reading.select().exists():  # nothing to remind before the first round is recorded
        severity = "today" if today.day >= reading_day else "info"
        out.append(TodayItem(KEY, severity, len(due), tr("Meters not yet read this month: {n} (first: {name})").format(
            n=len(due), name=due[0].name), {"page": "readings"}, order=1))
    unpaid = _unpaid()
    if unpaid:
        total = sum(amount for _id, amount in unpaid)
        out.append(TodayItem(KEY, "soon", len(unpaid), tr("Utility bills not yet paid: {n}, {amount} yuan").format(
            n=len(unpaid), amount=us.qty_text(total)), {"page": "bills", "id": unpaid[-1][0]}, order=2))
    return out
