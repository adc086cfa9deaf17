"""Shared fixtures for the asset register's tests: a few places, people and departments."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk.core import clock, masterdata
from logistics_desk.core.masterdata import Category, Department, Person, Place, Supplier
from logistics_desk.modules.assets import service

NOW = dt.datetime(2026, 3, 10, 9, 30)


@pytest.fixture
def frozen():
    clock.freeze(NOW)
    yield NOW
    clock.set_clock(None)


@pytest.fixture
def world(database, frozen):
    """Master data as a small school has it."""
    teach = masterdata.save(Place, {"kind": "building", "name": "教学楼"})
    r301 = masterdata.save(Place, {"kind": "room", "name": "301", "parent": teach.id})
    r302 = masterdata.save(Place, {"kind": "room", "name": "302", "parent": teach.id})
    admin = masterdata.save(Place, {"kind": "building", "name": "行政楼"})
    office = masterdata.save(Place, {"kind": "room", "name": "102总务处", "parent": admin.id})
    zwc = masterdata.save(Department, {"name": "总务处", "kind": "department"})
    cls = masterdata.save(Department, {"name": "初一(1)班", "kind": "class"})
    zhang = masterdata.save(Person, {"name": "张伟", "department": zwc.id})
    li = masterdata.save(Person, {"name": "李娜"})
    sup = masterdata.save(Supplier, {"name": "联想（北京）有限公司"})
    cats = {c.code: c for c in Category.select()}
    return {"teach": teach, "r301": r301, "r302": r302, "admin": admin, "office": office, "zwc": zwc,
            "cls": cls, "zhang": zhang, "li": li, "supplier": sup, "cats": cats}


@pytest.fixture
def make_asset(world):
    def make(**values):
        base = {"name": "台式计算机", "category": world["cats"]["JSJ"].id, "quantity": 1, "unit_price": "4200",
                "acquired_on": dt.date(2025, 9, 1), "place": world["r301"].id, "department": world["zwc"].id,
                "custodian": world["zhang"].id, "unit": "台"}
        copies = values.pop("copies", 1)
        base.update(values)
        created = service.register(base, copies)
        return created[0] if copies == 1 else created

    return make
