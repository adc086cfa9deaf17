"""The asset register's lines on Today (no Qt): loans overdue and due back today, warranties
ending within 30 days, and on an empty register the first steps."""

from __future__ import annotations

import datetime as _dt

from ...core.i18n import join_list, tr
from ...core.today import TodayItem
from .models import ACTIVE_STATUSES, Asset, AssetLoan

KEY = "assets"
WARRANTY_DAYS = 30
MAX_IDS = 2000  # a line opens at most this many records


def _loans(today: _dt.date) -> tuple[list[dict], list[dict]]:
    """(overdue, due back today): the loans not returned, read in one query, by due date."""
    rows = (AssetLoan.select(AssetLoan.asset, AssetLoan.borrower_name, AssetLoan.due_on, Asset.number, Asset.name,
                             (AssetLoan.due_on < today).alias("overdue"))
            .join(Asset, on=(AssetLoan.asset == Asset.id))
            .where(AssetLoan.returned_on.is_null() & (AssetLoan.due_on <= today))
            .order_by(AssetLoan.due_on, AssetLoan.id).dicts())
    overdue, due = [], []
    for r in rows:
        (overdue if r.pop("overdue") else due).append(r)
    return overdue, due


def items(today: _dt.date) -> list[TodayItem]:
    out = []
    overdue, due = _loans(today)
    if overdue:
        first = overdue[0]
        out.append(TodayItem(KEY, "overdue", len(overdue), tr(
            "Loans overdue: {n} (the longest: {number} {name}, lent to {borrower}, due {due})").format(
            n=len(overdue), number=first["number"], name=first["name"], borrower=first["borrower_name"],
            due=first["due_on"].isoformat()), {"filter": "overdue_loans"}, order=0))
    if due:
        names = join_list(f"{r['name']} ({r['borrower_name']})" for r in due[:3])
        more = "…" if len(due) > 3 else ""
        out.append(TodayItem(KEY, "today", len(due), tr("Loans due back today: {n} ({names}{more})").format(
            n=len(due), names=names, more=more), {"ids": [r["asset"] for r in due][:MAX_IDS]}, order=1))
    # by the warranty date's index alone (with the status in the WHERE, SQLite scans the status index: 20× slower)
    ending = [(i, d) for i, d, status in Asset.select(Asset.id, Asset.warranty_end, Asset.status)
              .where(Asset.warranty_end.between(today, today + _dt.timedelta(days=WARRANTY_DAYS)))
              .order_by(Asset.warranty_end, Asset.id).tuples() if status in ACTIVE_STATUSES]
    if ending:
        out.append(TodayItem(KEY, "soon", len(ending), tr(
            "Warranties ending within {days} days: {n} (the first on {date})").format(
            days=WARRANTY_DAYS, n=len(ending), date=ending[0][1].isoformat()),
            {"ids": [i for i, _d in ending][:MAX_IDS]}, order=2))
    # an empty register (asked only when no line was found: a loan or a warranty means it has assets)
    if not out and Asset.select(Asset.id).limit(1).count() == 0:
        return [
            TodayItem(KEY, "start", 0, tr("Import the old register (the Excel file kept until now)."),
                      {"action": "import"}, order=0),
            TodayItem(KEY, "start", 0, tr("Register the first asset."), {"action": "register"}, order=1),
        ]
    return out


def find_number(text: str) -> dict | None:
    """A barcode scanned into a list (core/ui/keys.py): the register's target for the asset numbered ``text``."""
    number = (text or "").strip()
    if not number:
        return None
    found = Asset.get_or_none(Asset.number == number)
    return {"ids": [found.id]} if found is not None else None
