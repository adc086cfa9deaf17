"""What the purchases window asks the service for instead of querying itself (issue 16 point 2), without Qt."""

from __future__ import annotations

import pytest

from logistics_desk.core import masterdata, settings
from logistics_desk.core.masterdata import Category, Department, Person, Supplier
from logistics_desk.modules.purchases import service
from logistics_desk.modules.purchases.models import StoreItem

from .helpers import request_values, setup_master


@pytest.fixture
def m(database):
    return setup_master()


def test_records_by_id_or_none(m):
    req = service.create_request(request_values(m))
    assert service.request_or_none(req.id).number == req.number
    assert service.request_or_none(None) is None and service.request_or_none(99999) is None
    assert service.budget_line_or_none(m["budget"].id).name == "设备购置费"
    assert service.budget_line_or_none(99999) is None
    item = service.save_item({"name": "签字笔", "spec": "0.5mm", "unit": "支"})
    assert service.item_or_none(item.id).name == "签字笔" and service.item_or_none(None) is None
    assert service.quote_or_none(None) is None and service.quote_or_none(12345) is None


def test_quote_or_none_finds_a_quote(m):
    req = service.create_request(request_values(m))
    service.submit(req)
    for role in service.required_levels(req.total):
        service.record_approval(req, level=role, approver="签字人", decision="approved")
    quote = service.add_quote(req, supplier=m["suppliers"][0].id, amount="13000")
    found = service.quote_or_none(quote.id)
    assert found.id == quote.id and found.supplier.name == "联想（北京）有限公司"


def test_category_and_supplier_choices_leave_out_what_is_no_longer_used(m):
    cats = service.category_choices()
    assert (f"{m['cat'].name} (JSJ)", m["cat"].id) in cats
    order = [c.id for c in Category.select().where(Category.active == True)  # noqa: E712
             .order_by(Category.sort_order, Category.code)]
    assert [cid for _label, cid in cats] == order
    masterdata.set_active(m["cat"], False, "test")
    assert m["cat"].id not in [cid for _label, cid in service.category_choices()]

    names = [name for name, _id in service.supplier_choices()]
    assert set(names) == {s.name for s in m["suppliers"]}
    masterdata.set_active(Supplier.get_by_id(m["suppliers"][2].id), False, "closed")
    assert "本地电脑城" not in [name for name, _id in service.supplier_choices()]


def test_find_requester_prefers_the_department(m):
    other = Department.create(name="教务处", kind="department")
    namesake = Person.create(name="王芳", department=other)
    assert service.find_requester("王芳", other.id).id == namesake.id
    assert service.find_requester("王芳", m["dept"].id).id == m["person"].id
    assert service.find_requester(" 王芳 ", None) is not None
    assert service.find_requester("", m["dept"].id) is None
    assert service.find_requester("没有这个人", None) is None


def test_store_items_in_use_and_the_ones_asked_for(m):
    pen = service.save_item({"name": "签字笔", "spec": "0.5mm 黑色", "unit": "支"})
    pen_red = service.save_item({"name": "签字笔", "spec": "0.5mm 红色", "unit": "支"})
    paper = service.save_item({"name": "A4复印纸", "spec": "70g", "unit": "包"})
    StoreItem.update(active=False).where(StoreItem.id == paper.id).execute()
    assert [i.id for i in service.store_items()] == [pen_red.id, pen.id]  # by name, then spec (红 < 黑)
    assert {i.id for i in service.store_items(include=[paper.id])} == {pen.id, pen_red.id, paper.id}


def test_recent_issues_newest_first_with_their_department(m):
    item = service.save_item({"name": "签字笔", "spec": "0.5mm", "unit": "支"})
    service.stock_in(item, 100, unit_price="1.50")
    first = service.issue([(item.id, 5)], recipient_name="王芳", department=m["dept"].id, purpose="考试")
    other = Department.create(name="教务处", kind="department")
    second = service.issue([(item.id, 3)], recipient_name="李明", department=other.id)
    slips = service.recent_issues()
    assert [s.id for s in slips] == [second.id, first.id]
    assert [s.department.name for s in slips] == ["教务处", "信息中心"]
    assert [s.id for s in service.recent_issues(1)] == [second.id]


def test_movements_of_an_item_given_by_id(m):
    item = service.save_item({"name": "签字笔", "spec": "0.5mm", "unit": "支"})
    service.stock_in(item, 10)
    assert service.movements(item.id) == service.movements(item)
    assert [r["balance"] for r in service.movements(item.id)] == [10]


def test_settings_values_are_what_is_stored(m):
    settings.set_many({"purchases.quote_threshold": 3000, "purchases.min_quotes": 2})
    values = service.settings_values()
    assert values["quote_threshold"] == 3000 and values["min_quotes"] == 2
    assert set(values) == {"quote_threshold", "tender_threshold", "notice_threshold", "min_quotes", "notice_days"}
