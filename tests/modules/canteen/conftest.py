"""Shared set-up for the canteen tests: a canteen cook, a fridge, a frozen clock."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk.core import clock, masterdata
from logistics_desk.core.masterdata import Person

DAY = dt.date(2026, 11, 23)  # a Monday


@pytest.fixture
def canteen(database):
    from logistics_desk.modules.canteen import service

    cook = masterdata.save(Person, {"name": "王师傅", "is_canteen_staff": True})
    helper = masterdata.save(Person, {"name": "李阿姨", "is_canteen_staff": True})
    from logistics_desk.modules.canteen import hygiene

    # valid health certificates (issue 18: a sampler/receiver without one is refused without a reason)
    hygiene.save_certificate(cook, "JK-2026-001", dt.date(2027, 6, 30))
    hygiene.save_certificate(helper, "JK-2026-002", dt.date(2027, 6, 30))
    fridge = service.save_fridge({"name": "1号留样冰箱", "location": "食堂 留样间"})
    service.set_defaults(sampler=cook, fridge=fridge, weight_g=150)
    clock.freeze(dt.datetime(2026, 11, 23, 6, 30))

    class C:
        pass

    c = C()
    c.cook, c.helper, c.fridge, c.day, c.service = cook, helper, fridge, DAY, service
    return c


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hh, mm)
