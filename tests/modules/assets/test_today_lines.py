"""Issue 17 (window start): the register's lines on Today from fewer queries: the loans overdue and those due
back today read together, the empty register's first steps asked only when there is no other line."""

from __future__ import annotations

import datetime as dt

from logistics_desk.core import clock, db
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets import today as assets_today


def _count(monkeypatch) -> list[str]:
    found: list[str] = []
    target = db.database.obj
    run = type(target).execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        found.append(sql)
        return run(target, sql, params, *args, **kwargs)

    monkeypatch.setattr(target, "execute_sql", execute_sql)
    return found


def test_an_empty_register_shows_the_first_steps(world):
    lines = assets_today.items(clock.today())
    assert [(i.severity, i.target) for i in lines] == [("start", {"action": "import"}),
                                                        ("start", {"action": "register"})]


def test_a_register_with_nothing_to_do_has_no_line(make_asset):
    make_asset()
    assert assets_today.items(clock.today()) == []


def test_loans_overdue_and_due_today_from_one_query(make_asset, monkeypatch):
    day = clock.today()
    a, b, c, d = make_asset(copies=4)
    service.lend(a, borrower_name="张伟", due_on=day - dt.timedelta(days=2), lent_on=day - dt.timedelta(days=9))
    service.lend(b, borrower_name="李娜", due_on=day - dt.timedelta(days=5), lent_on=day - dt.timedelta(days=9))
    service.lend(c, borrower_name="王芳", due_on=day, lent_on=day - dt.timedelta(days=1))
    service.lend(d, borrower_name="赵强", due_on=day + dt.timedelta(days=1), lent_on=day)  # not yet due
    queries = _count(monkeypatch)
    overdue, due = assets_today.items(day)
    assert sum('FROM "asset_loan"' in q for q in queries) == 1
    assert len(queries) == 2  # the loans, the warranties; not the emptiness check
    assert (overdue.severity, overdue.count, overdue.target) == ("overdue", 2, {"filter": "overdue_loans"})
    assert b.number in overdue.text and "李娜" in overdue.text  # the longest overdue first
    assert (due.severity, due.count, due.target) == ("today", 1, {"ids": [c.id]}) and "王芳" in due.text
