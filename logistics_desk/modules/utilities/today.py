"""The utilities' lines on Today (no Qt): readings due this month, unpaid bills, new flags."""

from __future__ import annotations

import datetime as _dt

from ...core.i18n import tr
from ...core.today import TodayItem
from . import service as us

KEY = "utilities"


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
    unpaid = us.bills(unpaid=True)
    if unpaid:
        total = sum(b["amount"] for b in unpaid)
        out.append(TodayItem(KEY, "soon", len(unpaid), tr("Utility bills not yet paid: {n}, {amount} yuan").format(
            n=len(unpaid), amount=us.qty_text(total)), {"page": "bills", "id": unpaid[-1]["id"]}, order=2))
    return out
