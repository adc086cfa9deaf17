"""Every form that edits an existing record refuses a save over someone else's later change (issue 20 point 2):
the message says who changed it, the form shows the record as it is now, nothing of the form was written; the
same change typed again then goes through.

Each case: ``make(env)`` builds the record and returns (open the dialog, the other person's change, the field
the person here types in, the text they type, read the field in the database, read the field the other person
changed in the form)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from logistics_desk.core import clock, masterdata, settings
from logistics_desk.core.masterdata import Category, Department, Person, Place, Supplier

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


def _other(fn):
    """The other person's change, made under their name."""
    def run():
        settings.set("operator.name", "王老师")
        try:
            fn()
        finally:
            settings.set("operator.name", "测试员")
    return run


def repairs_ticket():
    from logistics_desk.modules.repairs import service as rs
    from logistics_desk.modules.repairs.view import TicketDialog

    room = masterdata.save(Place, {"name": "301", "kind": "room",
                                   "parent": masterdata.save(Place, {"name": "教学楼", "kind": "building"}).id})
    teacher = masterdata.save(Person, {"name": "张老师"})
    values = {"reporter": teacher.id, "place": room.id, "category": "水电", "description": "水龙头漏水",
              "urgency": "minor"}
    ticket = rs.create_ticket(values)
    return SimpleNamespace(
        dialog=lambda: TicketDialog(None, rs.get_ticket(ticket.id)),
        other=lambda: rs.update_ticket(rs.get_ticket(ticket.id), {**values, "description": "水管爆裂"}),
        field="note", text="by Friday",
        stored=lambda: rs.get_ticket(ticket.id).note or "",
        shown=lambda d: d.description.toPlainText(), other_value="水管爆裂")


def _purchases_master():
    from logistics_desk.modules.purchases import service

    dept = Department.create(name="信息中心", kind="department")
    person = Person.create(name="王芳", department=dept)
    budget = service.save_budget({"year": clock.today().year, "department": dept.id, "name": "设备购置费",
                                  "amount": "50000"})
    return dept, person, budget


def purchases_request():
    from logistics_desk.modules.purchases import service
    from logistics_desk.modules.purchases.view import RequestDialog

    dept, person, budget = _purchases_master()
    req = service.create_request({
        "department": dept.id, "requester": person.id, "requester_name": "王芳", "request_date": clock.today(),
        "purpose": "计算机房耗材", "in_budget": True, "budget_line": budget.id,
        "lines": [{"name": "A4复印纸", "quantity": 20, "unit": "包", "est_price": "25", "kind": "consumable"}]})
    return SimpleNamespace(
        dialog=lambda: RequestDialog(None, service.get_request(req.id)),
        other=lambda: service.update_request(service.get_request(req.id), {"purpose": "打印室耗材"}),
        field="note", text="urgent",
        stored=lambda: service.get_request(req.id).note or "",
        shown=lambda d: d.purpose.text(), other_value="打印室耗材")


def purchases_quote():
    from logistics_desk.modules.purchases import service
    from logistics_desk.modules.purchases.view import QuoteDialog

    dept, person, budget = _purchases_master()
    s1, s2 = Supplier.create(name="联想（北京）有限公司"), Supplier.create(name="本地电脑城")
    req = service.create_request({
        "department": dept.id, "requester": person.id, "requester_name": "王芳", "request_date": clock.today(),
        "purpose": "计算机房耗材", "in_budget": True, "budget_line": budget.id,
        "lines": [{"name": "A4复印纸", "quantity": 20, "unit": "包", "est_price": "25", "kind": "consumable"}]})
    service.submit(req)
    for level in service.required_levels(req.total):
        service.record_approval(req, level=level, approver="李卫东", decision="approved")
    quote = service.add_quote(service.get_request(req.id), supplier=s1.id, amount="480")
    return SimpleNamespace(
        dialog=lambda: QuoteDialog(None, service.get_request(req.id), service.quote_or_none(quote.id)),
        other=lambda: service.update_quote(service.quote_or_none(quote.id), {"supplier": s2.id}),
        field="note", text="with delivery",
        stored=lambda: service.quote_or_none(quote.id).note or "",
        shown=lambda d: d.supplier.value(), other_value=s2.id)


def purchases_item():
    from logistics_desk.modules.purchases import service
    from logistics_desk.modules.purchases.view import ItemDialog

    item = service.save_item({"name": "签字笔", "spec": "0.5mm 黑色", "unit": "支"})
    return SimpleNamespace(
        dialog=lambda: ItemDialog(None, service.item_or_none(item.id)),
        other=lambda: service.save_item({"unit": "盒"}, service.item_or_none(item.id)),
        field="spec", text="0.7mm red",
        stored=lambda: service.item_or_none(item.id).spec,
        shown=lambda d: d.unit.text(), other_value="盒")


def purchases_budget():
    from logistics_desk.modules.purchases import service
    from logistics_desk.modules.purchases.view import BudgetDialog

    _dept, _person, budget = _purchases_master()
    line = service.budget_line_or_none(budget.id)
    return SimpleNamespace(
        dialog=lambda: BudgetDialog(None, line.year, service.budget_line_or_none(line.id)),
        other=lambda: service.save_budget({"year": line.year, "department": line.department_id, "name": line.name,
                                           "amount": "60000"}, service.budget_line_or_none(line.id)),
        field="note", text="plus top-up",
        stored=lambda: service.budget_line_or_none(line.id).note or "",
        shown=lambda d: d.amount.text().split(".")[0], other_value="60000")


def utilities_meter():
    from logistics_desk.modules.utilities import service as us
    from logistics_desk.modules.utilities.view import MeterDialog

    teach = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    meter = us.save_meter({"kind": "electricity", "name": "总电表", "building": teach.id, "multiplier": 1})
    return SimpleNamespace(
        dialog=lambda: MeterDialog(None, us.get_meter(meter.id)),
        other=lambda: us.save_meter({"kind": "electricity", "name": "总电表", "building": teach.id,
                                     "multiplier": 1, "number": "DB-7"}, us.get_meter(meter.id)),
        field="note", text="switch room",
        stored=lambda: us.get_meter(meter.id).note or "",
        shown=lambda d: d.number.text(), other_value="DB-7")


def utilities_bill():
    from logistics_desk.modules.utilities import service as us
    from logistics_desk.modules.utilities.view import BillDialog

    teach = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    meter = us.save_meter({"kind": "electricity", "name": "总电表", "building": teach.id, "multiplier": 1})
    values = {"meter": meter.id, "month": "2026-10", "amount": "1300", "quantity": "2100"}
    bill = us.save_bill(values)
    return SimpleNamespace(
        dialog=lambda: BillDialog(None, us.get_bill(bill.id)),
        other=lambda: us.save_bill({**values, "invoice": "FP-001"}, us.get_bill(bill.id)),
        field="note", text="checked",
        stored=lambda: us.get_bill(bill.id).note or "",
        shown=lambda d: d.invoice.text(), other_value="FP-001")


CASES = {"repairs ticket": repairs_ticket, "purchases request": purchases_request, "purchases quote": purchases_quote,
         "purchases store item": purchases_item, "purchases budget line": purchases_budget,
         "utilities meter": utilities_meter, "utilities bill": utilities_bill}


@pytest.mark.parametrize("case", list(CASES))
def test_a_form_refuses_a_save_over_someone_elses_later_change_and_reloads(qtbot, database, case):
    clock.freeze(dt.datetime(2026, 11, 2, 9, 0))
    settings.set("operator.name", "测试员")
    c = CASES[case]()
    dialog = c.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _other(c.other)()  # meanwhile, at another desk
    box = getattr(dialog, c.field)
    box.clear()
    qtbot.keyClicks(box, c.text)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: the form stays open
    message = dialog.general_error.text()
    assert dialog.general_error.isVisible() and "王老师" in message and "after you opened it" in message
    assert "2026-11-02 09:00" in message  # when
    assert c.shown(dialog) == c.other_value  # reloaded: the other person's change shows
    assert c.stored() != c.text  # nothing of the refused save was written
    # typed again over the record as it is now: it goes through, and keeps the other person's change
    box.clear()
    qtbot.keyClicks(box, c.text)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.general_error.text()
    assert c.stored() == c.text


# --- the settings' master-data pages ---------------------------------------------------------------------

def _page_cases():
    return {
        "people": ("PeoplePage", lambda: masterdata.save(Person, {"name": "李师傅"}), Person, "phone", "13900000009",
                   {"title": "电工"}, "title"),
        "suppliers": ("SuppliersPage", lambda: masterdata.save(Supplier, {"name": "联想"}), Supplier, "phone",
                      "010-1", {"contact": "赵经理"}, "contact"),
        "departments": ("DepartmentsPage", lambda: masterdata.save(Department, {"name": "总务处"}), Department,
                        "code", "ZW", {"name": "总务办公室"}, "name"),
        "places": ("PlacesPage", lambda: masterdata.save(Place, {"name": "教学楼", "kind": "building"}), Place,
                   "name", "Main building", {"name": "主教学楼"}, "name"),
        "terms": ("TermsPage", lambda: masterdata.save(masterdata.Term, {
            "name": "2026-2027学年第一学期", "start_date": dt.date(2026, 9, 1), "end_date": dt.date(2027, 1, 20)}),
            masterdata.Term, "name", "Autumn 2026", {"end_date": dt.date(2027, 1, 25)}, None),
        "categories": ("CategoriesPage", lambda: Category.select().where(Category.parent.is_null(False)).first(),
                       Category, "name", "PC sets", {"gb_code": "2010104"}, "gb_code"),
    }


@pytest.mark.parametrize("case", list(_page_cases()))
def test_a_settings_page_refuses_a_save_over_someone_elses_later_change_and_reloads(qtbot, database, case):
    from logistics_desk.core.ui import settings_pages

    clock.freeze(dt.datetime(2026, 11, 2, 9, 0))
    settings.set("operator.name", "测试员")
    page_name, make, model, field, text, other_change, other_field = _page_cases()[case]
    record = make()
    page = getattr(settings_pages, page_name)()
    qtbot.addWidget(page)
    page.show()
    page.select_and_load(record.id)
    assert page.record is not None and page.record.id == record.id
    _other(lambda: masterdata.save(model, other_change, model.get_by_id(record.id)))()
    box = page.widgets[field]
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    message = page.general_error.text()
    assert page.general_error.isVisible() and "王老师" in message and "after you opened it" in message
    fresh = model.get_by_id(record.id)
    assert str(getattr(fresh, field) or "") != text  # nothing written
    if other_field is not None:  # the form shows the other person's change
        assert page.widget_value(next(f for f in page.fields if f.key == other_field)) == other_change[other_field]
    assert not page.has_unsaved_changes()
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.general_error.isVisible(), page.general_error.text()
    fresh = model.get_by_id(record.id)
    assert str(getattr(fresh, field)) == text
    for key, value in other_change.items():
        assert key == field or getattr(fresh, key) == value  # the other person's change is kept
