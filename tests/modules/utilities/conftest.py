"""A small school for the utilities tests: two buildings, a main electricity meter with two sub-meters
(one behind a current transformer, ×80), a water meter and a telephone account."""

from __future__ import annotations

import datetime as _dt
from types import SimpleNamespace

import pytest

from logistics_desk.core import clock, masterdata
from logistics_desk.core.masterdata import Department, Place
from logistics_desk.modules.utilities import service as us


@pytest.fixture
def plant(database):
    clock.freeze(_dt.datetime(2026, 11, 30, 9, 0))
    teach = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    dorm = masterdata.save(Place, {"name": "宿舍楼", "kind": "building"})
    office = masterdata.save(Department, {"name": "总务处"})
    main = us.save_meter({"kind": "electricity", "name": "总电表", "building": teach.id, "multiplier": 1})
    sub_t = us.save_meter({"kind": "electricity", "name": "教学楼电表", "building": teach.id, "parent": main.id,
                           "multiplier": 80})
    sub_d = us.save_meter({"kind": "electricity", "name": "宿舍楼电表", "building": dorm.id, "parent": main.id})
    water = us.save_meter({"kind": "water", "name": "宿舍楼水表", "building": dorm.id})
    phone = us.save_meter({"kind": "phone", "name": "总务处电话", "department": office.id, "number": "62880001"})
    return SimpleNamespace(teach=teach, dorm=dorm, office=office, main=main, sub_t=sub_t, sub_d=sub_d, water=water,
                           phone=phone)
