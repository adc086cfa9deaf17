"""Excel export of repair tickets and of the inspection ledger (no Qt)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from ...core.excel import SheetData, WriteColumn, write_table, write_workbook
from ...core.i18n import join_clauses, join_list, tr
from . import service as rs
from .models import RepairPart, RepairTicket


def ticket_columns() -> list[WriteColumn]:
    return [
        WriteColumn("number", tr("Ticket No.")),
        WriteColumn("reported_at", tr("Reported at"), "datetime"),
        WriteColumn("reporter", tr("Reported by")),
        WriteColumn("contact", tr("Contact")),
        WriteColumn("channel_label", tr("How reported")),
        WriteColumn("place_name", tr("Place")),
        WriteColumn("asset_number", tr("Asset No.")),
        WriteColumn("asset_name", tr("Asset")),
        WriteColumn("category_name", tr("Category")),
        WriteColumn("description", tr("What is broken"), width=40),
        WriteColumn("urgency_label", tr("Urgency")),
        WriteColumn("status_label", tr("Status")),
        WriteColumn("assignee_text", tr("Assigned to")),
        WriteColumn("due_at", tr("Deadline"), "datetime"),
        WriteColumn("done_at", tr("Done at"), "datetime"),
        WriteColumn("on_time", tr("On time")),
        WriteColumn("hours", tr("Hours to repair"), "decimal"),
        WriteColumn("work_done", tr("Work done"), width=30),
        WriteColumn("parts", tr("Parts"), width=30),
        WriteColumn("parts_cost", tr("Parts cost"), "money"),
        WriteColumn("labour_cost", tr("Labour cost"), "money"),
        WriteColumn("total_cost", tr("Cost"), "money"),
        WriteColumn("cause", tr("Cause")),
        WriteColumn("responsible_name", tr("Person responsible")),
        WriteColumn("compensation", tr("Compensation"), "money"),
        WriteColumn("accepted_by", tr("Accepted by")),
        WriteColumn("accepted_at", tr("Accepted at"), "datetime"),
        WriteColumn("satisfied", tr("Satisfied")),
        WriteColumn("accept_comment", tr("Comment")),
        WriteColumn("cancel_reason", tr("Reason cancelled")),
    ]


def _ticket_rows(filters: dict):
    """All tickets the filter selects, page by page (never 50,000 objects at once)."""
    source = rs.TicketSource()
    now = filters.get("now") or _dt.datetime.now()
    page, offset = 1000, 0
    while True:
        rows = source.fetch(filters, offset, page, "reported_at", False)
        if not rows:
            return
        ids = [r["id"] for r in rows]
        extra = {t["id"]: t for t in RepairTicket.select(
            RepairTicket.id, RepairTicket.work_done, RepairTicket.parts_cost, RepairTicket.labour_cost,
            RepairTicket.responsible_name, RepairTicket.accepted_by, RepairTicket.accepted_at,
            RepairTicket.accept_comment, RepairTicket.cancel_reason).where(RepairTicket.id.in_(ids)).dicts()}
        parts: dict[int, list[str]] = {}
        for p in RepairPart.select().where(RepairPart.ticket.in_(ids)).order_by(RepairPart.sort_order):
            parts.setdefault(p.ticket_id, []).append(rs.part_text(p))
        for r in rows:
            r.update(extra.get(r["id"], {}))
            r["parts"] = join_clauses(parts.get(r["id"], []))
            r["cause"] = rs.cause_label(r.get("cause"))
            if r["done_at"]:
                r["on_time"] = tr("Yes") if r["done_at"] <= r["due_at"] else tr("No")
                r["hours"] = round((r["done_at"] - r["reported_at"]).total_seconds() / 3600, 1)
            elif r["status"] in rs.OPEN_STATUSES and r["due_at"] < now:
                r["on_time"] = tr("Overdue")
            r["satisfied"] = "" if r["satisfied"] is None else (tr("Yes") if r["satisfied"] else tr("No"))
            yield r
        offset += page


def export_tickets(path, filters: dict | None = None, progress: Callable | None = None,
                   cancelled: Callable | None = None) -> int:
    """The tickets (as the list filters them) into one sheet; returns the row count."""
    filters = dict(filters or {})
    total = rs.TicketSource().count(filters)
    return write_table(path, tr("Repair tickets"), ticket_columns(), _ticket_rows(filters), progress, cancelled,
                       total=total)


def ledger_columns() -> list[WriteColumn]:
    return [
        WriteColumn("number", tr("Inspection No.")),
        WriteColumn("inspected_at", tr("Inspected at"), "datetime"),
        WriteColumn("checklist", tr("Checklist")),
        WriteColumn("schedule", tr("Schedule")),
        WriteColumn("place", tr("Place")),
        WriteColumn("inspector", tr("Inspector")),
        WriteColumn("items_checked", tr("Items checked"), "int"),
        WriteColumn("problems", tr("Problems"), "int"),
        WriteColumn("findings", tr("Findings"), width=50),
        WriteColumn("tickets", tr("Repair tickets")),
        WriteColumn("note", tr("Notes")),
    ]


def export_ledger(path, start: _dt.date, end: _dt.date, progress: Callable | None = None,
                  cancelled: Callable | None = None) -> int:
    """The inspection ledger for a period, with the checks that were due and not done."""
    rows = rs.inspections(start, end)
    for r in rows:
        r["tickets"] = join_list(r["tickets"])
    missed = rs.missed_checks(start, end)
    missed_cols = [WriteColumn("checklist", tr("Checklist")), WriteColumn("schedule", tr("Schedule")),
                   WriteColumn("place", tr("Place")), WriteColumn("period", tr("Period")),
                   WriteColumn("period_start", tr("From"), "date"), WriteColumn("period_end", tr("To"), "date")]
    write_workbook(path, [SheetData(tr("Inspection ledger"), ledger_columns(), rows),
                          SheetData(tr("Checks not done"), missed_cols, missed)], progress, cancelled)
    return len(rows)
