"""A small school for stock-take tests: two rooms of one building, a third room elsewhere."""

from __future__ import annotations

import datetime as _dt

from logistics_desk.core import clock, masterdata
from logistics_desk.core.masterdata import Category, Person, Place
from logistics_desk.modules.assets import service as assets

TODAY = _dt.datetime(2026, 6, 28, 9, 0)


def school():
    clock.freeze(TODAY)
    masterdata.save(masterdata.Term, {"name": "2025-2026学年第二学期", "start_date": _dt.date(2026, 2, 20),
                                       "end_date": _dt.date(2026, 7, 10)})
    building = masterdata.save(Place, {"kind": "building", "name": "教学楼"})
    r101 = masterdata.save(Place, {"kind": "room", "name": "101", "parent": building.id, "sort_order": 1})
    r102 = masterdata.save(Place, {"kind": "room", "name": "102", "parent": building.id, "sort_order": 2})
    lab = masterdata.save(Place, {"kind": "building", "name": "实验楼"})
    r201 = masterdata.save(Place, {"kind": "room", "name": "201", "parent": lab.id})
    keeper = masterdata.save(Person, {"name": "王老师"})
    leaf = Category.select().where(Category.useful_life_years.is_null(False)).order_by(Category.id).first()
    cat = Category.select().where(Category.parent == leaf).first() or leaf

    def make(name, place, qty=1, price="1000", number=None):
        values = {"name": name, "category": cat.id, "place": place.id, "custodian": keeper.id, "quantity": qty,
                  "unit_price": price, "acquired_on": _dt.date(2024, 9, 1), "unit": "台"}
        if number:
            values["number"] = number
        return assets.register(values)[0]

    a = {
        "pc": make("台式电脑", r101, number="T-0001"),
        "proj": make("投影仪", r101, number="T-0002", price="4200"),
        "desks": make("课桌椅", r101, qty=50, price="300", number="T-0003"),
        "board": make("白板", r102, number="T-0004", price="800"),
        "tv": make("电视机", r102, number="T-0005", price="3000"),
        "scope": make("显微镜", r201, number="T-0006", price="1500"),
    }
    return {"building": building, "r101": r101, "r102": r102, "lab": lab, "r201": r201, "cat": cat,
            "keeper": keeper, "assets": a}
