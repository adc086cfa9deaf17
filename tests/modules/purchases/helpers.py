"""Shared set-up for the purchases tests: master data, a budget, a request."""

from __future__ import annotations

import datetime as _dt

from logistics_desk.core import clock
from logistics_desk.core.masterdata import Category, Department, Person, Place, Supplier
from logistics_desk.modules.purchases import service

TODAY = _dt.date(2026, 10, 12)


def setup_master():
    clock.freeze(_dt.datetime(2026, 10, 12, 9, 30))
    dept = Department.create(name="信息中心", kind="department")
    person = Person.create(name="王芳", department=dept)
    building = Place.create(name="实验楼", full_name="实验楼", kind="building")
    room = Place.create(name="201计算机房一", full_name="实验楼 201计算机房一", kind="room", parent=building)
    suppliers = [Supplier.create(name=n)
                 for n in ("联想（北京）有限公司", "鸿达教学设备有限公司", "本地电脑城", "得力集团有限公司")]
    budget = service.save_budget({"year": 2026, "department": dept.id, "name": "设备购置费", "amount": "50000"})
    cat = Category.get(Category.code == "JSJ")
    return {"dept": dept, "person": person, "room": room, "suppliers": suppliers, "budget": budget, "cat": cat}


def request_values(m, lines=None, **extra):
    values = {
        "department": m["dept"].id, "requester": m["person"].id, "requester_name": "王芳",
        "request_date": TODAY, "purpose": "计算机房更新电脑和耗材", "in_budget": True,
        "budget_line": m["budget"].id, "place": m["room"].id,
        "lines": lines if lines is not None else [
            {"name": "台式电脑", "model_spec": "联想启天M437", "quantity": 3, "unit": "台", "est_price": "4200",
             "kind": "asset", "category": m["cat"].id},
            {"name": "A4复印纸", "model_spec": "70g 500张/包", "quantity": 20, "unit": "包", "est_price": "25",
             "kind": "consumable"},
        ],
    }
    values.update(extra)
    return values


def small_request_received(m):
    """A 500 元 request: only the director signs it at approval."""
    req = service.create_request(request_values(m, lines=[
        {"name": "订书机", "model_spec": "得力0414", "quantity": 20, "unit": "个", "est_price": "25",
         "kind": "consumable"}]))
    service.submit(req)
    assert service.required_levels(req.total) == ["Director of general affairs"]
    service.record_approval(req, level="Director of general affairs", approver="李卫东", decision="approved")
    service.place_order(req, buyer="陈晓燕", supplier=m["suppliers"][3].id)
    req = service.get_request(req.id)
    service.record_delivery(req, {ln.id: ln.quantity for ln in service.lines_of(req)})
    return service.get_request(req.id)
