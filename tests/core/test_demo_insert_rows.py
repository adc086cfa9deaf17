"""core.demo.insert_rows writes what peewee's insert_many writes (issue 17: the demo's bulk rows without the
query builder's cost), defaults and rows with different keys included."""

from __future__ import annotations

from logistics_desk.core import demo
from logistics_desk.core.masterdata import Supplier


def test_insert_rows_writes_what_insert_many_writes(database):
    rows = [{"name": "甲", "phone": "010-1", "contact": "王"}, {"name": "乙"}, {"name": "丙", "phone": None}]
    Supplier.insert_many([{**r, "name": "A" + r["name"]} for r in rows]).execute()
    demo.insert_rows(Supplier, [{**r, "name": "B" + r["name"]} for r in rows])
    by_name = {s["name"]: s for s in Supplier.select().dicts()}
    for r in rows:
        a, b = dict(by_name["A" + r["name"]]), dict(by_name["B" + r["name"]])
        for d in (a, b):
            d.pop("id"), d.pop("name")
            d.pop("search_key", None)
        assert a == b


def test_a_row_without_a_key_gets_the_fields_default(database):
    from logistics_desk.modules.repairs.models import RepairCategory

    demo.insert_rows(RepairCategory, [{"name": "测试甲"}, {"name": "测试乙", "sort_order": 3}])
    got = {c.name: (c.sort_order, c.active) for c in
           RepairCategory.select().where(RepairCategory.name.in_(["测试甲", "测试乙"]))}
    assert got == {"测试甲": (0, True), "测试乙": (3, True)}  # a row without a key gets the field's default
