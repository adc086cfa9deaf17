"""Issue 17 (window start): the canteen's lines on Today read each table once, not once per worker, per
meal or per kind, and say what they said before."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from logistics_desk.core import clock, db, masterdata
from logistics_desk.core.masterdata import Person
from logistics_desk.modules.canteen import hygiene

from .conftest import at


@pytest.fixture
def tables(canteen, monkeypatch):
    """{table: statements reading it} while counting (``tables.clear()`` to start again). The check starts on a
    set day (no first-record queries to count)."""
    canteen.service.start_checks(canteen.day - dt.timedelta(days=60))
    found: Counter = Counter()
    target = db.database.obj
    run = type(target).execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        m = re.search(r'FROM "(\w+)"', sql)
        if m and sql.lstrip().upper().startswith("SELECT"):
            found[m.group(1)] += 1
        return run(target, sql, params, *args, **kwargs)

    monkeypatch.setattr(target, "execute_sql", execute_sql)
    return found


@pytest.fixture
def crew(canteen):
    """Five workers: the cook's certificate expiring in 10 days, the helper's expired, three without one."""
    c = canteen
    hygiene.save_certificate(c.cook, "JK-2026-001", c.day + dt.timedelta(days=10))
    hygiene.save_certificate(c.helper, "JK-2025-002", c.day - dt.timedelta(days=3))
    c.others = [masterdata.save(Person, {"name": name, "is_canteen_staff": True})
                for name in ("赵师傅", "钱师傅", "孙师傅")]
    masterdata.save(Person, {"name": "周老师"})  # not canteen staff
    return c


def test_certificate_alerts_read_the_staff_and_their_certificates_once(crew, tables):
    c, day = crew, crew.day
    tables.clear()
    problems, warnings = hygiene.certificate_alerts(day)
    assert sum(tables.values()) == 1  # was 2 + one a worker
    workers = hygiene.canteen_workers()
    for on in (day, day - dt.timedelta(days=30), day + dt.timedelta(days=60)):
        expected = ([hygiene.certificate_problem(p, on) for p in workers if hygiene.certificate_problem(p, on)],
                    [hygiene.certificate_warning(p, on) for p in workers if hygiene.certificate_warning(p, on)])
        assert hygiene.certificate_alerts(on) == expected
    assert len(problems) == 4 and "李阿姨" in problems[0] + problems[1] + problems[2] + problems[3]
    assert warnings == [hygiene.certificate_warning(c.cook, day)] and "in 10 days" in warnings[0]


def _check_everyone(day: dt.date) -> None:
    clock.freeze(at(day, 6, 40))
    hygiene.record_morning_checks(day, hygiene.morning_grid(day))


def test_the_first_checks_are_read_only_when_a_worker_was_not_checked(canteen, tables):
    c, s, day = canteen, canteen.service, canteen.day
    s.add_dishes(day, "lunch", ["红烧肉"])
    _check_everyone(day)
    tables.clear()
    found = s.check(day, day, at(day, 22, 0))
    assert tables["canteen_morning_check"] == 1  # the day's checks; not everyone's first
    assert not [b for b in found if b.kind == "morning_check_missing"]
    # a worker joins the next day and is not checked: expected from then on (their first check ahead)
    nxt = day + dt.timedelta(days=1)
    new = masterdata.save(Person, {"name": "赵师傅", "is_canteen_staff": True})
    hygiene.save_certificate(new, "JK-2026-009", dt.date(2027, 6, 30))
    clock.freeze(at(nxt, 6, 40))
    hygiene.record_morning_checks(nxt, [r for r in hygiene.morning_grid(nxt) if r["person_id"] != c.helper.id])
    tables.clear()
    found = s.check(day, nxt, at(nxt, 22, 0))
    assert tables["canteen_morning_check"] == 2
    missing = [b for b in found if b.kind == "morning_check_missing"]
    assert [(b.day, "李阿姨" in b.message, "赵师傅" in b.message) for b in missing] == [(nxt, True, False)]


def test_a_reading_out_of_range_asks_for_the_last_reading_only_then(canteen, tables):
    c, s, day = canteen, canteen.service, canteen.day
    clock.freeze(at(day, 7, 0))
    s.record_reading(c.fridge, "4")
    tables.clear()
    s.check(day, day, at(day, 8, 0))
    assert tables["canteen_reading"] == 1  # no re-check promised: the readings alone
    s.record_reading(c.fridge, "9.5", action="关好门", recheck_at=at(day, 8, 30))
    tables.clear()
    found = [b for b in s.check(day, day, at(day, 9, 0)) if b.kind == "recheck_missing"]
    assert tables["canteen_reading"] == 2 and len(found) == 1 and found[0].severity == "breach"
    clock.freeze(at(day, 9, 5))
    s.record_reading(c.fridge, "5")
    assert not [b for b in s.check(day, day, at(day, 9, 10)) if b.kind == "recheck_missing"]


def test_the_fridges_names_are_read_only_for_a_line_that_names_one(canteen, tables):
    c, s, day = canteen, canteen.service, canteen.day
    clock.freeze(at(day, 7, 0))
    s.record_reading(c.fridge, "4")
    tables.clear()
    s.check(day, day, at(day, 8, 0))
    assert tables["canteen_fridge"] == 0
    s.record_reading(c.fridge, "12", action="关好门", recheck_at=at(day, 8, 30))
    found = [b for b in s.check(day, day, at(day, 8, 10)) if b.kind == "out_of_range"]
    assert "1号留样冰箱" in found[0].message


def test_day_status_reads_each_ledger_once_and_agrees_with_the_picture(crew, tables):
    s, day = crew.service, crew.day
    s.add_dishes(day, "breakfast", ["馒头", "鸡蛋"])
    s.add_dishes(day, "lunch", ["红烧肉"])
    clock.freeze(at(day, 7, 0))
    s.quick_take(s.get_sample(s.day_lines(day, "breakfast")[0]["id"]), weight_g=150)
    for now in (at(day, 7, 30), at(day, 12, 0), at(day, 22, 0)):
        tables.clear()
        status = s.day_status(day, now)
        for table in ("canteen_disinfection", "canteen_accompany", "canteen_closure", "term", "person",
                      "setting", "canteen_fridge"):
            assert tables[table] <= 1, (table, tables)
        assert tables["canteen_sample"] <= 3, tables  # the day's dishes, the fridges' contents, past their time
        assert tables["canteen_morning_check"] <= 2, tables  # the day's, and nobody checked: everyone's first
        assert status.picture == s.day_picture(day)
        assert (status.dishes, status.sampled) == s.days_with_menu(day, day)[day] == (3, 1)
        assert status.not_started is None
    # not started yet: before the day the checks start
    before = day - dt.timedelta(days=90)
    status = s.day_status(before, at(before, 12, 0))
    assert status.not_started and not status.breaches
    assert status.not_started == s.not_started_text(before) and status.picture == s.day_picture(before)
