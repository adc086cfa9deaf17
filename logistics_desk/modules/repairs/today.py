"""The repair log's lines on Today (no Qt): tickets overdue, urgent ones nobody was sent to, and those due
today, each with its most pressing ticket (urgent first, then by deadline); and the tab's badge."""

from __future__ import annotations

import datetime as _dt
import operator
from functools import reduce
from typing import Any

from peewee import JOIN, Case

from ...core import clock
from ...core.accounts import own_person
from ...core.i18n import tr
from ...core.masterdata import Place
from ...core.today import TodayItem
from .models import URGENCY_ORDER, RepairTicket, overdue_count

KEY = "repairs"


def _now(today: _dt.date) -> _dt.datetime:
    return clock.now() if today == clock.today() else _dt.datetime.combine(today, _dt.time(8, 0))


def _tickets(conditions: dict[str, Any]) -> dict[str, list[dict]]:
    """{name: the open tickets meeting that condition}, most pressing first, from one query (each condition
    evaluated by the database as a column, as the WHERE of a query of its own did)."""
    T = RepairTicket
    urgency_rank = Case(T.urgency, [(u, i) for i, u in enumerate(URGENCY_ORDER)], len(URGENCY_ORDER))
    where = reduce(operator.or_, conditions.values())
    mine = own_person()  # a repair worker logged in: the tickets assigned to them
    if mine is not None:
        where = where & (T.assignee == mine)
    flags = [Case(None, [(c, 1)], 0).alias(f"is_{name}") for name, c in conditions.items()]
    out: dict[str, list[dict]] = {name: [] for name in conditions}
    for r in (T.select(T.id, T.number, T.urgency, T.due_at, T.description, Place.full_name.alias("place"), *flags)
              .join(Place, JOIN.LEFT_OUTER, on=(T.place == Place.id))
              .where((T.is_open == True) & where)  # noqa: E712
              .order_by(urgency_rank, T.due_at, T.id).dicts()):
        met = [name for name in conditions if r.pop(f"is_{name}")]
        for name in met:
            out[name].append(dict(r))
    return out


def _first(rows: list[dict]) -> str:
    r = rows[0]
    where = f"{r['place']} " if r.get("place") else ""
    text = (r["description"] or "").splitlines()[0] if r["description"] else ""
    if len(text) > 24:
        text = text[:24] + "…"
    return f"{r['number']} {where}{text}".strip()


def items(today: _dt.date) -> list[TodayItem]:
    T = RepairTicket
    now = _now(today)
    end = _dt.datetime.combine(today, _dt.time(23, 59, 59))
    out = []
    found = _tickets({"overdue": T.due_at < now,
                      "unassigned": (T.urgency == "urgent") & (T.status == "reported") & T.assignee.is_null()
                      & T.assignee_supplier.is_null(),
                      "due": (T.due_at >= now) & (T.due_at <= end)})
    overdue = found["overdue"]
    if overdue:
        urgent = sum(1 for r in overdue if r["urgency"] == "urgent")
        out.append(TodayItem(KEY, "overdue", len(overdue), tr(
            "Repair tickets overdue: {n}, {urgent} of them urgent (first: {ticket})").format(
            n=len(overdue), urgent=urgent, ticket=_first(overdue)), {"filter": "overdue", "id": overdue[0]["id"]},
            order=0))
    unassigned = found["unassigned"]
    if unassigned:
        out.append(TodayItem(KEY, "today", len(unassigned), tr(
            "Urgent repair tickets nobody has been sent to: {n} (first: {ticket})").format(
            n=len(unassigned), ticket=_first(unassigned)),
            {"filter": "unassigned_urgent", "id": unassigned[0]["id"]}, order=0))
    due = found["due"]
    if due:
        out.append(TodayItem(KEY, "today", len(due), tr("Repair tickets due today: {n} (first: {ticket})").format(
            n=len(due), ticket=_first(due)), {"filter": "due_today", "id": due[0]["id"]}, order=1))
    return out


def tab_title(overdue: int) -> str:
    """The tab's title, with the overdue figure when there is one (the tab's own, and its badge)."""
    return tr("Repair log ({n} overdue)").format(n=overdue) if overdue else tr("Repair log")


def badge() -> str | None:
    """The tab's title while it is not built yet (from the models: the service is slow to import while
    the window starts)."""
    n = overdue_count(clock.now())
    return tab_title(n) if n else None
