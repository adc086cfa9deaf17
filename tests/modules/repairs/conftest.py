"""A small school for the repair tests: places, people, a firm, an asset."""

from __future__ import annotations

import datetime as _dt
from types import SimpleNamespace

import pytest

from logistics_desk.core import clock, masterdata
from logistics_desk.core.masterdata import Department, Person, Place, Supplier


@pytest.fixture
def school(database):
    clock.freeze(_dt.datetime(2026, 11, 2, 9, 0))
    bld = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    room = masterdata.save(Place, {"name": "301", "kind": "room", "parent": bld.id})
    room2 = masterdata.save(Place, {"name": "302", "kind": "room", "parent": bld.id})
    lab = masterdata.save(Place, {"name": "实验楼", "kind": "building"})
    lab_room = masterdata.save(Place, {"name": "101物理实验室", "kind": "room", "parent": lab.id})
    office = masterdata.save(Department, {"name": "总务处"})
    klass = masterdata.save(Department, {"name": "初一(3)班", "kind": "class"})
    teacher = masterdata.save(Person, {"name": "王老师", "phone": "13900000001"})
    worker = masterdata.save(Person, {"name": "李师傅", "department": office.id})
    firm = masterdata.save(Supplier, {"name": "城区水电维修服务部"})
    from logistics_desk.modules.assets import service as assets

    cat = masterdata.find_category("JSJ")
    projector = assets.register({"name": "投影仪", "category": cat.id, "unit_price": "3000", "quantity": 1,
                                 "acquired_on": _dt.date(2026, 3, 1), "place": room.id,
                                 "warranty_end": _dt.date(2027, 3, 1)})[0]
    old = assets.register({"name": "电脑", "category": cat.id, "unit_price": "4000", "quantity": 1,
                           "acquired_on": _dt.date(2020, 3, 1), "place": room2.id})[0]
    return SimpleNamespace(building=bld, room=room, room2=room2, lab=lab, lab_room=lab_room, office=office,
                           klass=klass, teacher=teacher, worker=worker, firm=firm, projector=projector, old=old)
