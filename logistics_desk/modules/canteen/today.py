"""The canteen on Today (no Qt): samples to dispose of today, today's meals without samples, fridge
readings due or out of range, disinfection and morning checks to record, health certificates, food in
the store expired or expiring within 3 days; and the tab's badge (the day's breaches)."""

from __future__ import annotations

import datetime as _dt

from peewee import fn

from ...core import clock, db
from ...core.audit import AuditEntry
from ...core.i18n import N_, join_clauses, join_list, tr
from ...core.today import TodayItem
from . import hygiene, service

KEY = "canteen"
MEAL_KINDS = ("meal_missing", "meal_no_samples", "dish_no_sample")


def _now(today: _dt.date) -> _dt.datetime:
    return clock.now() if today == clock.today() else _dt.datetime.combine(today, _dt.time(8, 0))


_memo: list = [None, None]


def _day_status(today: _dt.date, now: _dt.datetime):
    """``service.day_status``, read once for Today's lines and the tab's badge: kept while the minute, the
    database and its last change-record entry (every write adds one) stay the same."""
    key = (db.current_path(), today, now.replace(second=0), AuditEntry.select(fn.MAX(AuditEntry.id)).scalar())
    if _memo[0] != key:
        _memo[:] = [key, service.day_status(today, now)]
    return _memo[1]


def _messages(found: list) -> str:
    text = join_clauses(b.message for b in found[:2])
    return text + ("…" if len(found) > 2 else "")


def items(today: _dt.date) -> list[TodayItem]:
    now = _now(today)
    out = []
    end = _dt.datetime.combine(today, _dt.time(23, 59, 59))
    due = list(service.due_samples(end))
    if due:
        late = sum(1 for s in due if s.keep_until <= now)
        text = tr("Samples to dispose of today: {n}").format(n=len(due))
        if late:
            text += tr(" ({n} already past their retention time)").format(n=late)
        out.append(TodayItem(KEY, "overdue" if late else "today", len(due), text, {"page": "disposal"}, order=0))
    status = _day_status(today, now)
    if status.not_started:  # a new school, or one not keeping the canteen ledgers here: one calm line
        out.append(TodayItem(KEY, "info", 0, status.not_started, {"page": "day"}, order=9))
        return out + _food_store_items(today)
    found = status.breaches + status.pending
    meals = [b for b in found if b.kind in MEAL_KINDS and b.day == today]
    if meals:
        hard = any(b.severity == "breach" for b in meals)
        out.append(TodayItem(KEY, "overdue" if hard else "today", len(meals), tr(
            "Today's meals without samples: {n} ({what})").format(n=len(meals), what=_messages(meals)),
            {"page": "day"}, order=1))
    out_of_range = [b for b in found if b.kind == "out_of_range"]
    if out_of_range:
        out.append(TodayItem(KEY, "overdue", len(out_of_range), tr(
            "Fridge temperatures out of range: {n} ({what})").format(n=len(out_of_range),
                                                                    what=_messages(out_of_range)),
            {"page": "fridge"}, order=2))
    # issue 18: the other ledgers of the day
    for kind, page, text, order in (
            ("no_disinfection", "disinfection", N_("Tableware disinfection to record: {n} ({what})"), 4),
            ("morning_check_missing", "morning", N_("Morning check of the canteen staff: {what}"), 5)):
        mine = [b for b in found if b.kind == kind and b.day == today]
        if mine:
            hard = any(b.severity == "breach" for b in mine)
            out.append(TodayItem(KEY, "overdue" if hard else "today", len(mine), tr(text).format(
                n=len(mine), what=_messages(mine)), {"page": page}, order=order))
    problems, warnings = hygiene.certificate_alerts(today)
    if problems:
        out.append(TodayItem(KEY, "overdue", len(problems), tr("Health certificates not valid: {n} ({what})").format(
            n=len(problems), what=join_clauses(problems[:2]) + ("…" if len(problems) > 2 else "")),
            {"page": "morning"}, order=6))
    if warnings:
        out.append(TodayItem(KEY, "soon", len(warnings), tr("Health certificates expiring within 30 days: {n} "
                                                            "({what})").format(
            n=len(warnings), what=join_clauses(warnings[:2]) + ("…" if len(warnings) > 2 else "")),
            {"page": "morning"}, order=7))
    out += _food_store_items(today)
    if status.picture and status.picture["meals"]:
        out.append(TodayItem(KEY, "info", 0, tr("Canteen today: {picture}").format(
            picture=join_clauses(service.picture_lines(status.picture))), {"page": "day"}, order=9))
    few = [b for b in found if b.kind == "few_readings"]
    if few:
        hard = any(b.severity == "breach" for b in few)
        out.append(TodayItem(KEY, "overdue" if hard else "today", len(few), tr(
            "Fridge readings due: {n} ({what})").format(n=len(few), what=_messages(few)), {"page": "fridge"},
            order=3))
    return out


def _food_store_items(today: _dt.date) -> list[TodayItem]:
    """Food in the store that has expired (overdue: discard it) or expires within 3 days (use it first)."""
    from . import receiving

    rows = receiving.expiring(today, 3)
    expired = [r for r in rows if r["use_by"] < today]
    soon = [r for r in rows if r["use_by"] >= today]

    def what(found: list[dict]) -> str:
        text = join_list(f"{r['item']} {r['use_by']:%m-%d}" for r in found[:3])
        return text + ("…" if len(found) > 3 else "")

    out = []
    if expired:
        out.append(TodayItem(KEY, "overdue", len(expired), tr(
            "Expired food in the store, to discard: {n} ({what})").format(n=len(expired), what=what(expired)),
            {"page": "store"}, order=8))
    if soon:
        out.append(TodayItem(KEY, "soon", len(soon), tr(
            "Food in the store expiring within 3 days: {n} ({what})").format(n=len(soon), what=what(soon)),
            {"page": "store"}, order=8))
    return out


def badge() -> str | None:
    """The tab's title with the day's breaches (as the tab shows it once built)."""
    now = clock.now()
    bad = sum(1 for b in _day_status(now.date(), now).breaches if b.severity == "breach")
    return tr("Canteen") + f" ({bad})" if bad else None
