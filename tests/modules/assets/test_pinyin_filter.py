"""The register's filter by characters, full pinyin and initials (issue 15 item 3), and the keys behind it."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from logistics_desk.core import db, masterdata
from logistics_desk.core.masterdata import Category, Department, Person, Place, Supplier
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets.models import Asset


def _names(text: str) -> list[str]:
    rows = service.AssetQuery().fetch({"text": text}, 0, 200, "number", False)
    return sorted({r["name"] for r in rows})


def test_filter_by_initials_finds_the_custodian_and_the_name(world, make_asset):
    # (not in 总务处: its initials zwc hold zw too)
    make_asset(name="挂式空调", custodian=world["li"].id, department=world["cls"].id)
    make_asset(name="台式计算机", custodian=world["zhang"].id, department=world["cls"].id)
    make_asset(name="投影仪", custodian=world["li"].id, department=world["cls"].id)
    assert _names("zw") == ["台式计算机"]  # 张伟 by initials
    assert _names("zhangwei") == ["台式计算机"]
    assert _names("张伟") == ["台式计算机"]
    assert _names("kt") == ["挂式空调"]  # 空调 by initials
    assert _names("kongtiao") == ["挂式空调"]
    assert _names("KT") == ["挂式空调"]
    assert service.AssetQuery().count({"text": "kt"}) == 1
    # words together: every one must match
    assert _names("ln tyy") == ["投影仪"]
    assert _names("ln kt") == ["挂式空调"]


def test_places_departments_and_categories_by_pinyin(world, make_asset):
    make_asset(name="讲台", place=world["r302"].id, custodian=None, department=world["cls"].id)
    make_asset(name="文件柜", place=world["office"].id, custodian=None, department=world["zwc"].id)
    assert _names("jxl") == ["讲台"]  # 教学楼 302
    assert _names("xzl") == ["文件柜"]  # 行政楼 (xing)
    assert _names("hzl") == ["文件柜"]  # … and by the other reading of 行
    assert _names("chuyi") == ["讲台"]  # 初一(1)班
    assert _names("zwc") == ["文件柜"]  # 总务处


def test_keys_follow_renames_and_edits(world, make_asset):
    a = make_asset(name="打印机", department=None)
    assert _names("dyj") == ["打印机"]
    service.update(a, {"name": "复印机"})
    assert _names("dyj") == [] and _names("fyj") == ["复印机"]
    masterdata.save(Person, {"name": "王芳"}, Person.get_by_id(world["zhang"].id))
    assert _names("wangfang") == ["复印机"] and _names("zw") == []
    # the key is no part of the change record
    entries = [e.field for e in __import__("logistics_desk.core.audit", fromlist=["history"]).history("asset", a.id)]
    assert "search_text" not in entries
    assert "search_text" not in service.change_record(a)[0]["new"]


def test_split_transfer_and_bulk_registration_carry_keys(world, make_asset):
    a = make_asset(name="学生课桌", quantity=10)
    part = service.split_off(a, 3, reason="搬走")
    assert "xueshengkezhuo" in Asset.get_by_id(part.id).search_text
    service.transfer(part, place=world["office"].id, reason="调拨")
    assert _names("xzl") == ["学生课桌"]
    ids = service.register_many([{"name": "篮球", "category": world["cats"]["JSJ"].id, "quantity": 1,
                                  "unit_price": "120", "acquired_on": dt.date(2025, 9, 1)}])
    assert "lq" in Asset.get_by_id(ids[0]).search_text.split()


def test_master_records_get_keys_when_saved_even_without_the_service(database):
    p = Person.create(name="赵强")
    assert "zq" in p.search_key.split()
    s = masterdata.save(Supplier, {"name": "重庆办公用品公司"})
    assert "zqbgyp" in s.search_key or "zqbgypgs" in s.search_key
    assert "cqbgypgs" in s.search_key
    d = masterdata.save(Department, {"name": "信息中心", "kind": "department"})
    assert "xxzx" in d.search_key
    b = masterdata.save(Place, {"kind": "building", "name": "实验楼"})
    r = masterdata.save(Place, {"kind": "room", "name": "201", "parent": b.id})
    assert "syl201" in r.search_key.split()
    masterdata.save(Place, {"name": "科技楼"}, b)  # renaming a building gives its rooms new keys
    assert "kjl201" in Place.get_by_id(r.id).search_key.split()
    assert all(c.search_key for c in Category.select())


@pytest.mark.sqlite_only  # rewrites the file as it was before step 0014
def test_the_migration_fills_keys_of_existing_records(db_path, frozen):
    db.open_database(db_path, backup=False)
    from logistics_desk.core.db import database

    masterdata.save(Person, {"name": "张伟"})
    building = masterdata.save(Place, {"kind": "building", "name": "教学楼"})
    cat = Category.select().where(Category.code == "JSJ").first()
    service.register({"name": "空调", "category": cat.id, "quantity": 1, "unit_price": "3000",
                      "acquired_on": dt.date(2025, 9, 1), "place": building.id, "unit": "台"})
    db.close_database()
    # the file as it was before step 0014: no key columns, no record of the step
    con = sqlite3.connect(str(db_path))
    for table, column in (("person", "search_key"), ("place", "search_key"), ("department", "search_key"),
                          ("supplier", "search_key"), ("category", "search_key"), ("asset", "search_text")):
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                   "AND sql LIKE ?", (table, f"%{column}%")).fetchall():
            con.execute(f'DROP INDEX "{name}"')
        con.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    con.execute("DELETE FROM schema_migration WHERE name LIKE '0014%'")
    con.commit()
    con.close()
    db.open_database(db_path, backup=False)
    try:
        assert database.execute_sql("SELECT search_key FROM person WHERE name = '张伟'").fetchone()[0] \
            .split() == ["张伟", "zhangwei", "zw"]
        assert "jxl" in database.execute_sql("SELECT search_key FROM place").fetchone()[0].split()
        assert "kt" in database.execute_sql("SELECT search_text FROM asset").fetchone()[0].split()
        assert database.execute_sql("SELECT COUNT(*) FROM category WHERE search_key IS NULL").fetchone()[0] == 0
        assert service.AssetQuery().count({"text": "kt"}) == 1
    finally:
        db.close_database()


def test_a_search_pages_exactly_the_rows_it_counted_newest_first(world, make_asset):
    """A search by words reads its matches once at the count; its pages in the default order are slices of
    them (issue 17: the second pass over the table cost a rare word 21 ms), the same rows as the general path."""
    for i in range(7):
        make_asset(name=f"投影仪{i}", custodian=world["li"].id, department=world["cls"].id)
    make_asset(name="挂式空调", custodian=world["zhang"].id, department=world["cls"].id)
    query = service.AssetQuery()
    assert query.count({"text": "tyy"}) == 7
    page = query.fetch({"text": "tyy"}, 0, 3)
    assert [r["name"] for r in page] == ["投影仪6", "投影仪5", "投影仪4"]  # newest first
    assert [r["id"] for r in query.fetch({"text": "tyy"}, 3, 3)] == \
        [r["id"] for r in service.AssetQuery().fetch({"text": "tyy"}, 3, 3, "id", True)]
    assert page[0]["custodian"] and page[0]["status_label"]  # with their names and labels
    # another asset after the count: the table counts again (reload) before it shows it
    make_asset(name="投影仪7", custodian=world["li"].id, department=world["cls"].id)
    assert len(query.fetch({"text": "tyy"}, 0, 200)) == 7
    assert query.count({"text": "tyy"}) == 8 and query.fetch({"text": "tyy"}, 0, 1)[0]["name"] == "投影仪7"
    # other words, another order or no words: read as before
    assert [r["name"] for r in query.fetch({"text": "kt"}, 0, 200)] == ["挂式空调"]
    assert [r["name"] for r in query.fetch({"text": "tyy"}, 0, 2, "name", False)] == ["投影仪0", "投影仪1"]
    assert query.count({}) == 9 and len(query.fetch({}, 0, 200)) == 9
