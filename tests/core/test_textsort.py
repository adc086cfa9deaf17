"""Natural order: classes in school order, numbers by value, Chinese by pinyin
(issue 14 finding 21, issue 15 item 6)."""

from __future__ import annotations

import random

from logistics_desk.core.textsort import natural_sorted, sort_key


def _shuffled_sorts_to(expected):
    items = list(expected)
    random.Random(4).shuffle(items)
    assert natural_sorted(items) == expected


def test_junior_and_senior_grades_in_school_order():
    _shuffled_sorts_to(["初一", "初二", "初三", "高一", "高二", "高三"])
    assert sorted(["初一", "初三", "初二"]) == ["初一", "初三", "初二"]  # what character order gave


def test_primary_grades_then_junior_then_senior():
    _shuffled_sorts_to(["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一"])
    assert sort_key("七年级")[0] == sort_key("初一")[0]


def test_classes_by_grade_then_number():
    _shuffled_sorts_to(["初一(1)班", "初一(2)班", "初一(10)班", "初一(12)班", "初二(1)班", "初二(3)班",
                        "初三(2)班", "高一(1)班"])
    _shuffled_sorts_to(["一年级(1)班", "一年级(2)班", "一年级(11)班", "二年级(1)班"])
    assert natural_sorted(["初一（12）班", "初一（2）班"]) == ["初一（2）班", "初一（12）班"]  # full-width brackets


def test_rooms_by_number():
    _shuffled_sorts_to(["教学楼 101", "教学楼 201", "教学楼 301", "教学楼 1001", "实验楼 2", "实验楼 10"])


def test_other_chinese_text_by_pinyin():
    _shuffled_sorts_to(["安全办", "教务处", "信息中心", "行政楼", "总务处"])
    _shuffled_sorts_to(["李娜", "王芳", "张伟", "赵强"])
    assert natural_sorted(["b", "A", "C"]) == ["A", "b", "C"]


def test_empty_and_none():
    assert natural_sorted(["", "初一"]) == ["", "初一"]
    assert sort_key(None) == sort_key("")


def test_master_data_lists_are_in_natural_order(database):
    from logistics_desk.core import masterdata
    from logistics_desk.core.masterdata import Department, Person, Place

    for name in ("初三(1)班", "初一(12)班", "初二(1)班", "初一(2)班", "初一(1)班"):
        masterdata.save(Department, {"name": name, "kind": "class"})
    masterdata.save(Department, {"name": "总务处", "kind": "department"})
    masterdata.save(Department, {"name": "教务处", "kind": "department"})
    assert [d.name for d in masterdata.departments("class")] == [
        "初一(1)班", "初一(2)班", "初一(12)班", "初二(1)班", "初三(1)班"]
    assert [d.name for d in masterdata.departments()][:2] == ["教务处", "总务处"]
    assert [d.name for d in masterdata.active(Department)][:3] == ["初一(1)班", "初一(2)班", "初一(12)班"]
    b = masterdata.save(Place, {"kind": "building", "name": "教学楼"})
    for room in ("1001", "201", "31"):
        masterdata.save(Place, {"kind": "room", "name": room, "parent": b.id})
    assert [p.name for p in masterdata.rooms(b)] == ["31", "201", "1001"]
    assert masterdata.buildings().first().name == "教学楼"
    assert [label for label, _id, _group in masterdata.place_choices()] == [
        "教学楼", "教学楼 · 31", "教学楼 · 201", "教学楼 · 1001"]
    for name in ("赵强", "张伟", "李娜", "王芳"):
        masterdata.save(Person, {"name": name})
    assert [p.name for p in masterdata.people()] == ["李娜", "王芳", "张伟", "赵强"]
