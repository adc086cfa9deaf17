"""Master data services: validation, uniqueness, places, the category tree, settings checks."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk.core import audit, masterdata, settings
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.core.masterdata import Category, Department, Person, Place, Supplier, Term


def errors_of(fn, *args, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        fn(*args, **kwargs)
    return caught.value.errors


# --- terms -------------------------------------------------------------------

def test_term_dates_are_checked(database):
    errs = errors_of(masterdata.save, Term, {"name": "2026-2027学年第一学期",
                                             "start_date": dt.date(2027, 1, 20), "end_date": dt.date(2026, 9, 1)})
    assert errs == {"end_date": "The term must end after it starts."}
    errs = errors_of(masterdata.save, Term, {"name": " ", "start_date": None, "end_date": "2026-09-01"})
    assert errs["name"] == "This field is required."
    assert errs["start_date"] == "This field is required."
    assert errs["end_date"] == "Enter a date."
    assert Term.select().count() == 0


def test_terms_may_not_overlap_or_repeat_a_name(database):
    first = masterdata.save(Term, {"name": "2026-2027学年第一学期",
                                   "start_date": dt.date(2026, 9, 1), "end_date": dt.date(2027, 1, 20)})
    errs = errors_of(masterdata.save, Term, {"name": "2026-2027学年第二学期",
                                             "start_date": dt.date(2027, 1, 10), "end_date": dt.date(2027, 7, 10)})
    assert "overlap" in errs["start_date"] and "2026-2027学年第一学期" in errs["start_date"]
    errs = errors_of(masterdata.save, Term, {"name": "2026-2027学年第一学期",
                                             "start_date": dt.date(2027, 2, 20), "end_date": dt.date(2027, 7, 10)})
    assert errs == {"name": "“2026-2027学年第一学期” already exists."}
    second = masterdata.save(Term, {"name": "2026-2027学年第二学期",
                                    "start_date": dt.date(2027, 2, 20), "end_date": dt.date(2027, 7, 10)})
    # editing a term does not collide with itself
    masterdata.save(Term, {"end_date": dt.date(2027, 1, 25)}, first)
    assert masterdata.current_term(dt.date(2027, 3, 1)) == second
    assert masterdata.current_term(dt.date(2026, 10, 1)) == first


# --- departments, people, suppliers --------------------------------------------------

def test_department_names_are_unique_and_kinds_checked(database):
    masterdata.save(Department, {"name": "初一(1)班", "kind": "class", "head": "王老师"})
    assert errors_of(masterdata.save, Department, {"name": " 初一(1)班 ", "kind": "class"}) == \
        {"name": "“初一(1)班” already exists."}
    assert "kind" in errors_of(masterdata.save, Department, {"name": "初一(2)班", "kind": "grade"})
    assert errors_of(masterdata.save, Department, {"name": "x" * 101})["name"] == "At most 100 characters."


def test_person_is_validated_and_names_may_repeat(database):
    dept = masterdata.save(Department, {"name": "总务处"})
    a = masterdata.save(Person, {"name": "王伟", "department": dept.id, "phone": "13900000000"})
    b = masterdata.save(Person, {"name": "王伟", "department": dept})  # a record works for a foreign key
    assert a.id != b.id and b.department_id == dept.id
    assert errors_of(masterdata.save, Person, {"name": ""}) == {"name": "This field is required."}
    assert "department" in errors_of(masterdata.save, Person, {"name": "李强", "department": 9999})


def test_supplier_uniqueness_and_deactivation(database):
    s = masterdata.save(Supplier, {"name": "得力集团有限公司", "contact": "陈经理"})
    assert "name" in errors_of(masterdata.save, Supplier, {"name": "得力集团有限公司"})
    masterdata.set_active(s, False, reason="不再合作")
    assert s not in list(masterdata.active(Supplier))
    assert Supplier.get_by_id(s.id).active is False  # deactivated, not deleted
    masterdata.set_active(s, True)
    assert Supplier.get_by_id(s.id).active is True


def test_an_update_is_audited_field_by_field(database):
    s = masterdata.save(Supplier, {"name": "得力集团有限公司", "contact": "陈经理"})
    masterdata.save(Supplier, {"contact": "周主管", "phone": "0574-1"}, s)
    changes = {(e.field, e.old_value, e.new_value) for e in audit.history("supplier", s.id) if e.action == "update"}
    assert changes == {("contact", "陈经理", "周主管"), ("phone", None, "0574-1")}


# --- places ------------------------------------------------------------------

def test_place_full_names_follow_the_building(database):
    building = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    room = masterdata.save(Place, {"name": "301", "parent": building.id})
    assert (room.kind, room.full_name) == ("room", "教学楼 301")
    masterdata.save(Place, {"name": "综合楼"}, building)
    assert Place.get_by_id(room.id).full_name == "综合楼 301"
    other = masterdata.save(Place, {"name": "实验楼"})
    masterdata.save(Place, {"parent": other.id}, Place.get_by_id(room.id))
    assert Place.get_by_id(room.id).full_name == "实验楼 301"
    assert masterdata.find_place("实验楼301") == Place.get_by_id(room.id)


def test_place_rules(database):
    building = masterdata.save(Place, {"name": "教学楼"})
    room = masterdata.save(Place, {"name": "301", "parent": building.id})
    assert errors_of(masterdata.save, Place, {"name": "301", "parent": building.id}) == \
        {"name": "“教学楼 301” already exists."}
    assert errors_of(masterdata.save, Place, {"name": "302", "kind": "room"}) == \
        {"parent": "Choose the building this room is in."}
    assert errors_of(masterdata.save, Place, {"name": "302", "parent": room.id}) == \
        {"parent": "Choose the building this room is in."}  # a room is not inside a room
    assert "kind" in errors_of(masterdata.save, Place, {"kind": "room", "parent": masterdata.save(
        Place, {"name": "行政楼"}).id}, building)  # a building with rooms stays a building


def test_find_or_create_place_splits_the_text(database):
    room, created = masterdata.find_or_create_place("教学楼301")
    assert created and room.full_name == "教学楼 301" and room.parent.name == "教学楼"
    again, created = masterdata.find_or_create_place("教学楼 301")
    assert again == room and not created


def test_deactivating_a_building_deactivates_its_rooms(database):
    building = masterdata.save(Place, {"name": "老教学楼"})
    rooms = [masterdata.save(Place, {"name": n, "parent": building.id}) for n in ("101", "102")]
    masterdata.set_active(building, False, reason="拆除")
    assert [Place.get_by_id(r.id).active for r in rooms] == [False, False]
    with pytest.raises(RuleError):
        masterdata.set_active(Place.get_by_id(rooms[0].id), True)
    masterdata.set_active(Place.get_by_id(building.id), True)
    masterdata.set_active(Place.get_by_id(rooms[0].id), True)
    assert [p.full_name for p in masterdata.rooms(building)] == ["老教学楼 101"]


def test_reorder_sets_the_walk_order(database):
    building = masterdata.save(Place, {"name": "教学楼"})
    rooms = [masterdata.save(Place, {"name": n, "parent": building.id}) for n in ("101", "102", "103")]
    masterdata.reorder([rooms[2], rooms[0], rooms[1]])
    assert [p.name for p in masterdata.rooms(building)] == ["103", "101", "102"]
    assert any(e.field == "sort_order" for e in audit.history("place", rooms[2].id))


# --- categories ----------------------------------------------------------------

def test_the_seeded_gb_tree(database):
    top = [c.name for c in Category.select().where(Category.parent.is_null()).order_by(Category.sort_order)]
    assert top == ["房屋和构筑物", "设备", "文物和陈列品", "图书和档案", "家具和用具", "特种动植物", "物资", "无形资产"]
    life = {c.code: masterdata.category_life_years(c) for c in Category.select()}
    assert life["JSJ"] == 6 and life["CL"] == 8 and life["JX"] == 10 and life["DQ"] == 5
    assert life["JJ"] == 15 and life["YJ"] == 5 and life["FWZ"] == 30 and life["FWG"] == 50
    assert life["TD"] is None and life["TS"] is None and life["WW"] is None and life["DZW"] is None
    assert masterdata.category_is_special(Category.get(Category.code == "ZY"))


def test_category_code_is_checked(database):
    assert errors_of(masterdata.save, Category, {"code": "桌椅", "name": "课桌椅"}) == \
        {"code": "Use 1–10 capital letters or digits (it becomes part of asset numbers)."}
    assert "code" in errors_of(masterdata.save, Category, {"code": "JJ", "name": "又一个家具"})
    furniture = Category.get(Category.code == "JJ")
    made = masterdata.save(Category, {"code": "kzy", "name": "课桌椅", "parent": furniture.id})
    assert made.code == "KZY"  # typed in lower case, stored as capitals


def test_useful_life_is_inherited_and_checked(database):
    furniture = Category.get(Category.code == "JJ")
    desks = masterdata.save(Category, {"code": "KZY", "name": "课桌椅", "parent": furniture.id})
    assert desks.useful_life_years is None
    assert masterdata.category_life_years(desks) == 15
    masterdata.save(Category, {"useful_life_years": 8}, furniture)
    assert masterdata.category_life_years(Category.get_by_id(desks.id)) == 8
    assert "useful_life_years" in errors_of(masterdata.save, Category, {"useful_life_years": 0}, desks)
    masterdata.save(Category, {"depreciable": False}, furniture)
    assert masterdata.category_life_years(Category.get_by_id(desks.id)) is None
    assert masterdata.category_path(Category.get_by_id(desks.id)) == "家具和用具 / 家具 / 课桌椅"


def test_a_category_cannot_go_under_itself(database):
    equipment = Category.get(Category.code == "SB")
    computers = Category.get(Category.code == "JSJ")  # 设备 / 通用设备 / 计算机设备
    errs = errors_of(masterdata.save, Category, {"parent": computers.id}, equipment)
    assert "under itself" in errs["parent"]
    errs = errors_of(masterdata.save, Category, {"parent": equipment.id}, equipment)
    assert "under itself" in errs["parent"]
    assert Category.get_by_id(equipment.id).parent_id is None


def test_deactivating_a_category_deactivates_its_subcategories(database):
    general = Category.get(Category.code == "TY")
    masterdata.set_active(general, False)
    assert not Category.get(Category.code == "JSJ").active
    with pytest.raises(RuleError):
        masterdata.set_active(Category.get(Category.code == "JSJ"), True)


# --- settings checks -----------------------------------------------------------

def test_settings_are_validated_before_anything_is_written(database):
    with pytest.raises(ValidationError) as caught:
        settings.set_many({"school.address": "育才路 88 号", "school.name": "  ",
                           "assets.number_pattern": "{year}-{code}", "assets.threshold_general": -5})
    assert set(caught.value.errors) == {"school.name", "assets.number_pattern", "assets.threshold_general"}
    assert settings.get("school.address") == ""  # nothing was written
    settings.set_many({"school.name": " 示范市实验中学 ", "assets.number_pattern": "ZC{year}{seq:06d}"})
    assert settings.get("school.name") == "示范市实验中学"
    assert masterdata.school_name() == "示范市实验中学"


@pytest.mark.parametrize("pattern, ok", [
    ("{year}-{code}-{seq:05d}", True),
    ("{code}{seq}", True),
    ("{year}-{code}", False),      # no running number
    ("资产-{seq}", False),          # not ASCII: a scanner cannot type it
    ("{year} {seq}", False),       # a space
    ("{year}-{seq:05d", False),    # broken brace
    ("{year}-{kind}-{seq}", False),  # unknown field
    ("{seq:050d}", False),         # too long
])
def test_asset_number_pattern_check(pattern, ok):
    assert (settings.number_pattern_problem(pattern) is None) == ok


# --- what the settings pages show (issue 16: the pages build no query) --------------------------------------

def test_listing_is_each_pages_list_in_its_order(database):
    masterdata.save(Term, {"name": "秋", "start_date": dt.date(2026, 9, 1), "end_date": dt.date(2027, 1, 20)})
    masterdata.save(Term, {"name": "春", "start_date": dt.date(2027, 2, 20), "end_date": dt.date(2027, 7, 10)})
    assert [t.name for t in masterdata.listing("term")] == ["春", "秋"]
    assert masterdata.latest_term().name == "春"
    klass = masterdata.save(Department, {"name": "初一(1)班", "kind": "class"})
    office = masterdata.save(Department, {"name": "总务处"})
    gone = masterdata.save(Department, {"name": "后勤处"})
    masterdata.set_active(gone, False)
    assert [d.name for d in masterdata.listing("department")] == ["总务处", "初一(1)班"]
    every = masterdata.listing("department", include_inactive=True)
    assert [d.name for d in every] == ["后勤处", "总务处", "初一(1)班"]
    assert [d.name for d in masterdata.department_choices()] == ["总务处", "初一(1)班"]
    assert [d.name for d in masterdata.department_choices(gone.id)] == ["后勤处", "总务处", "初一(1)班"]
    masterdata.save(Person, {"name": "张三", "department": office.id})
    masterdata.save(Person, {"name": "李四", "department": klass.id})
    people = masterdata.listing("person")
    assert [(p.name, p.department.name) for p in people] == [("张三", "总务处"), ("李四", "初一(1)班")]
    assert masterdata.find_record("person", people[0].id).name == "张三"
    assert masterdata.find_record("person", 99999) is None and masterdata.find_record("person", None) is None


def test_places_and_categories_come_in_walk_order_and_new_ones_last(database):
    assert masterdata.next_position("place") == 1
    b = masterdata.save_record("place", {"name": "教学楼", "sort_order": masterdata.next_position("place")})
    lab = masterdata.save_record("place", {"name": "实验楼", "sort_order": masterdata.next_position("place")})
    assert (b.sort_order, lab.sort_order) == (1, 2)
    r1 = masterdata.save(Place, {"name": "301", "parent": b.id, "sort_order": masterdata.next_position("place", b.id)})
    r2 = masterdata.save(Place, {"name": "101", "parent": b.id, "sort_order": masterdata.next_position("place", b.id)})
    assert (r1.sort_order, r2.sort_order) == (1, 2)
    assert masterdata.next_position("place", lab.id) == 1
    assert [p.id for p in masterdata.siblings(r2)] == [r1.id, r2.id]
    assert [p.id for p in masterdata.siblings(lab)] == [b.id, lab.id]
    masterdata.set_active(lab, False)
    assert [p.name for p in masterdata.building_choices()] == ["教学楼"]
    assert [p.name for p in masterdata.building_choices(lab.id)] == ["教学楼", "实验楼"]
    assert lab.id not in [p.id for p in masterdata.listing("place")]
    assert [p.full_name for p in masterdata.active("place", by="full_name")] == ["教学楼", "教学楼 101", "教学楼 301"]
    assert [p.full_name for p in masterdata.active("place", by="-full_name")][0] == "教学楼 301"
    places = masterdata.listing("place", include_inactive=True)
    assert [(p.sort_order, p.name) for p in places] == sorted((p.sort_order, p.name) for p in places)
    assert len(places) == 4
    last = max(c.sort_order for c in Category.select())
    assert masterdata.next_position("category") == last + 1
    cats = masterdata.listing("category", include_inactive=True)
    assert [c.sort_order for c in cats] == sorted(c.sort_order for c in cats)
    top = [c for c in cats if c.parent_id is None]
    assert [c.id for c in masterdata.siblings(top[0])] == [c.id for c in top]


def test_field_kinds_for_the_history(database):
    office = masterdata.save(Department, {"name": "总务处"})
    assert masterdata.field_kind("person", "department") == "link"
    assert masterdata.field_kind("person", "is_canteen_staff") == "check"
    assert masterdata.field_kind("person", "name") == "text"
    assert masterdata.field_kind("person", "nothing") is None and masterdata.field_kind("asset", "name") is None
    assert masterdata.max_length("supplier", "name") == 200 and masterdata.max_length("supplier", "note") is None
    assert masterdata.linked_record("person", "department", office.id).name == "总务处"
    assert masterdata.linked_record("person", "department", 99999) is None
