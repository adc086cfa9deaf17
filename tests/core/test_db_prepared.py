"""core.db's reads by key and plain saves through statements built once, and the bulk insert's indexes set
aside (issue 17: the demo spent a third of its time in peewee building the same SELECT, UPDATE and INSERT
again). Each test compares with what peewee's own query gives, on SQLite and on the server alike."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from logistics_desk.core import db
from logistics_desk.core.masterdata import Department, Person, Place, Supplier
from logistics_desk.core.settings import Setting
from logistics_desk.core.tasks import Cancelled
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets.models import Asset, AssetEvent, Category


def _asset(**values) -> Asset:
    category = Category.select().where(Category.code.is_null(False)).first()
    return service.register({"name": "投影仪", "category": category.id, "unit_price": Decimal("3200.50"),
                             "acquired_on": dt.date(2024, 3, 1), **values})[0]


def test_a_read_by_id_gives_what_peewees_query_gives(database):
    asset = _asset()
    ours = Asset.get_or_none(Asset.id == asset.id)
    theirs = Asset.select().where(Asset.id == asset.id).get()  # peewee's own, built afresh
    assert ours.__data__ == theirs.__data__
    assert type(ours.unit_price) is Decimal and ours.acquired_on == dt.date(2024, 3, 1)
    assert not ours.is_dirty()
    assert Asset.get_by_id(asset.id).number == asset.number
    assert Asset.get_or_none(Asset.id == str(asset.id)).id == asset.id  # an id typed as text, as peewee takes it
    assert Asset.get_or_none(Asset.number == asset.number).id == asset.id  # a unique field
    assert Asset.get_or_none(Asset.id == 10**9) is None
    with pytest.raises(Asset.DoesNotExist):
        Asset.get_by_id(10**9)


def test_a_foreign_key_is_read_through_it_and_other_gets_are_peewees(database):
    place = Place.create(name="101", full_name="测试楼 101", kind="room")
    asset = _asset(place=place.id)
    again = Asset.get_by_id(asset.id)
    assert again.place.full_name == place.full_name  # the place read on first use
    assert again.category.code  # and the category
    # a get that is not one key: a field that is not unique, two conditions, a keyword
    first = Asset.get(Asset.name == "投影仪")
    assert first.name == "投影仪"
    assert Asset.get((Asset.id == asset.id) & (Asset.name == "投影仪")).id == asset.id
    assert Asset.get(id=asset.id).id == asset.id
    assert Setting.get_or_none(Setting.key == "no.such.key") is None  # a text primary key


def test_a_save_writes_what_peewees_save_writes(database):
    dept = Department.create(name="测试组", kind="department")  # an insert
    assert dept.id and not dept.is_dirty()
    assert Department.select().where(Department.name == "测试组").get().id == dept.id
    dept.head = "王老师"
    dept.code = "CSZ"
    assert dept.save() == 1  # an update: one row
    stored = Department.get_by_id(dept.id)
    assert (stored.head, stored.code, stored.kind) == ("王老师", "CSZ", "department")
    assert not dept.is_dirty()
    # a row gone meanwhile: no row written, as peewee says it
    Department.delete().where(Department.id == dept.id).execute()
    assert dept.save() == 0
    # an insert with its id given keeps it
    again = Department(id=dept.id, name="测试组二", kind="department")
    assert again.save(force_insert=True) == 1
    assert Department.get_by_id(dept.id).name == "测试组二"


def test_a_save_with_an_expression_or_some_fields_is_peewees(database):
    person = Person.create(name="李四", title="教师")
    person.title = Person.title.concat("（兼）")  # an expression: peewee's own UPDATE
    person.save()
    assert Person.get_by_id(person.id).title == "教师（兼）"
    person = Person.get_by_id(person.id)
    person.name, person.title = "李四四", "主任"
    person.save(only=[Person.title])  # only one field
    stored = Person.get_by_id(person.id)
    assert (stored.name, stored.title) == ("李四", "主任")
    supplier = Supplier.create(name="某公司", contact="张", phone=None)
    assert Supplier.get_by_id(supplier.id).phone is None


def _rows(n: int) -> list[dict]:
    category = Category.select().where(Category.code.is_null(False)).first()
    return [{"name": f"椅子{i}", "category": category.id, "unit_price": Decimal("80"), "quantity": 1,
             "acquired_on": dt.date(2020, 9, 1)} for i in range(n)]


def _indexes(table: str) -> list[tuple[str, str]]:
    cursor = db.database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                     "AND sql IS NOT NULL ORDER BY name", (table,))
    return cursor.fetchall()


def _registered_dropping(n: int) -> tuple[list[int], list[str]]:
    """``n`` assets registered at once, and the DROP INDEX statements that ran meanwhile."""
    dropped = []
    real = db.database.execute_sql

    def watch(sql, *args, **kwargs):
        if sql.startswith("DROP INDEX"):
            dropped.append(sql)
        return real(sql, *args, **kwargs)

    db.database.obj.execute_sql = watch
    try:
        return service.register_many(_rows(n)), dropped
    finally:
        del db.database.obj.execute_sql


@pytest.mark.sqlite_only
def test_a_bulk_registration_into_an_empty_register_leaves_every_index_as_it_was(database):
    before = {t: _indexes(t) for t in ("asset", "asset_event", "audit_entry")}
    assert len(before["asset"]) >= 15
    ids, dropped = _registered_dropping(2500)
    assert len(ids) == 2500
    assert dropped  # the indexes were set aside
    assert not any("asset_number" in sql for sql in dropped)  # the unique number index stays
    assert {t: _indexes(t) for t in before} == before
    assert db.database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = " ".join(str(r) for r in db.database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM asset WHERE name = ?", ("椅子7",)).fetchall())
    assert "asset_name" in plan  # the rebuilt index is used
    assert AssetEvent.select().count() >= 2500


@pytest.mark.sqlite_only
def test_a_cancelled_bulk_registration_writes_nothing_and_keeps_the_indexes(database):
    before = _indexes("asset")
    count = Asset.select().count()
    seen = []

    def cancelled():
        seen.append(1)
        return len(seen) > 2  # after two chunks

    with pytest.raises(Cancelled):
        service.register_many(_rows(3000), cancelled=cancelled, batch=1000)
    assert Asset.select().count() == count
    assert _indexes("asset") == before


@pytest.mark.sqlite_only
def test_a_register_holding_more_rows_than_come_keeps_its_indexes(database):
    service.register_many(_rows(2500))
    _ids, dropped = _registered_dropping(2000)
    assert not [sql for sql in dropped if '"asset_' in sql and "event" not in sql]
