"""The purchases tab as a person uses it: a request through every state to acceptance."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core.errors import UserError
from logistics_desk.core.ui import work
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.purchases import service, view
from logistics_desk.modules.purchases.models import PurchaseRequest, StoreItem

from .helpers import request_values, setup_master, small_request_received

pytestmark = pytest.mark.gui


class Person:
    """Stands in for the modal dialog loop: each queued step fills the dialog and clicks OK."""

    def __init__(self, monkeypatch, qtbot):
        self.steps = []
        self.seen = []
        self.qtbot = qtbot
        monkeypatch.setattr(view, "run_dialog", self._run)
        self.pdfs = []
        monkeypatch.setattr(view, "open_preview", lambda parent, pdf, title, filename: self.pdfs.append((title, pdf)))
        self.errors = []
        monkeypatch.setattr(view, "show_error", lambda parent, exc: self.errors.append(exc))
        self.texts = []
        monkeypatch.setattr(view, "ask_text", lambda *a, **k: self.texts.pop(0))

    def will(self, fn):
        self.steps.append(fn)

    def _run(self, dialog):
        self.qtbot.addWidget(dialog)
        self.seen.append(dialog)
        fn = self.steps.pop(0)
        fn(dialog)
        return dialog.result() == dialog.DialogCode.Accepted


def type_into(qtbot, widget, text):
    """Typing: ASCII key by key; Chinese arrives whole, as from an input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def click_ok(qtbot, dlg):
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def tab(database, qtbot):
    m = setup_master()
    t = view.PurchasesTab()
    qtbot.addWidget(t)
    t.m = m
    return t


def test_request_through_every_state(tab, qtbot, monkeypatch):
    m = tab.m
    page = tab.requests
    person = Person(monkeypatch, qtbot)

    def fill_request(dlg):
        dlg.department.set_value(m["dept"].id)
        type_into(qtbot, dlg.requester, "王芳")
        type_into(qtbot, dlg.purpose, "计算机房更新电脑和耗材")
        dlg.budget_line.set_value(m["budget"].id)
        dlg.place.set_value(m["room"].id)
        dlg.set_line(0, name="台式电脑", model_spec="联想启天M437", quantity=3, unit="台", est_price="4200",
                     kind="asset", category=m["cat"].id)
        r = dlg.add_line()
        dlg.set_line(r, name="A4复印纸", model_spec="70g 500张/包", quantity=20, unit="包", est_price="25")
        assert "13,100.00" in dlg.total_label.text()
        assert "School leadership meeting" in dlg.levels_label.text()
        assert dlg.budget_warning.isHidden()
        click_ok(qtbot, dlg)

    person.will(fill_request)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    req = PurchaseRequest.get()
    assert req.number == "CG-2026-0001" and req.status == "draft" and req.total == Decimal("13100.00")
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 0)) == "CG-2026-0001"
    assert "CG-2026-0001" in page.header.text()

    qtbot.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    assert service.get_request(req.id).status == "submitted"
    assert page.model.data(page.model.index(0, 6)) == "Submitted"

    for role, name in (("Director of general affairs", "李卫东"), ("Principal", "张建国"),
                       ("School leadership meeting", "校务会")):
        def sign(dlg, role=role, name=name):
            assert dlg.level.itemData(0) == role
            dlg.approver.clear()
            type_into(qtbot, dlg.approver, name)
            click_ok(qtbot, dlg)
        person.will(sign)
        qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    assert service.get_request(req.id).status == "approved"
    assert page.approvals_table.item(2, 1).text() == "校务会"

    for i, amount in enumerate(("12800", "12500", "13050")):
        def quote(dlg, i=i, amount=amount):
            dlg.supplier.set_value(m["suppliers"][i].id)
            type_into(qtbot, dlg.amount, amount)
            click_ok(qtbot, dlg)
        person.will(quote)
        qtbot.mouseClick(page.buttons["quote"], Qt.MouseButton.LeftButton)
    assert service.get_request(req.id).status == "quoting"
    assert page.quotes_table.rowCount() == 3

    # choosing the dearer 联想 quote without a reason is refused next to the reason field
    def order(dlg):
        dlg.quote.setCurrentIndex(2)  # 12,800 (the list is cheapest first)
        assert "12,800.00" in dlg.quote.currentText()
        click_ok(qtbot, dlg)
        assert dlg.isVisible() or dlg.result() != dlg.DialogCode.Accepted
        assert "not the cheapest" in dlg.errors.message("reason")
        assert service.get_request(req.id).status == "quoting"
        type_into(qtbot, dlg.reason, "售后服务网点在本市，质保三年")
        dlg.buyer.clear()
        type_into(qtbot, dlg.buyer, "陈晓燕")
        click_ok(qtbot, dlg)
    person.will(order)
    qtbot.mouseClick(page.buttons["order"], Qt.MouseButton.LeftButton)
    req = service.get_request(req.id)
    assert req.status == "ordered" and req.buyer_name == "陈晓燕" and req.order_total == Decimal("12800.00")

    def partly(dlg):
        spins = list(dlg.spins.values())
        spins[0].setValue(2)
        spins[1].setValue(0)
        click_ok(qtbot, dlg)
    person.will(partly)
    qtbot.mouseClick(page.buttons["receive"], Qt.MouseButton.LeftButton)
    assert service.get_request(req.id).status == "partly_received"
    person.will(lambda dlg: click_ok(qtbot, dlg))  # the rest
    qtbot.mouseClick(page.buttons["receive"], Qt.MouseButton.LeftButton)
    assert service.get_request(req.id).status == "received"

    def acceptance(dlg):
        type_into(qtbot, dlg.acceptor1, "陈晓燕")  # the buyer: refused
        type_into(qtbot, dlg.acceptor2, "孙丽")
        click_ok(qtbot, dlg)
        assert "cannot also accept" in dlg.errors.message("acceptor1")
        dlg.acceptor1.clear()
        type_into(qtbot, dlg.acceptor1, "赵强")
        type_into(qtbot, dlg.invoice, "No.04417788")
        click_ok(qtbot, dlg)
    person.will(acceptance)
    qtbot.mouseClick(page.buttons["accept"], Qt.MouseButton.LeftButton)
    req = service.get_request(req.id)
    assert req.status == "accepted"
    # the assets are in the register with the right values and history
    made = service.assets_of(req)
    assert len(made) == 3 and page.assets_table.rowCount() == 3
    pc = service.lines_of(req)[0]
    for a in made:
        assert a.name == "台式电脑" and a.model_spec == "联想启天M437" and a.unit_price == pc.price
        assert a.supplier.name == "联想（北京）有限公司" and a.invoice_no == "No.04417788"
        assert a.funding_source == "设备购置费" and a.place_id == m["room"].id and a.acquired_on == req.accepted_on
        events = assets.history(a)
        assert events[-1].ref_table == "purchase_request" and events[-1].ref_id == req.id
        assert "CG-2026-0001" in events[-1].summary and "赵强" in events[-1].summary
        assert assets.find_by_number(a.number) is not None
    # the paper is in the store
    tab.sub.setCurrentWidget(tab.store)
    store = tab.store
    names = [store.items.item(r, 0).text() for r in range(store.items.rowCount())]
    assert names == ["A4复印纸"]
    assert store.items.item(0, 3).text() == "20"
    item = StoreItem.get()
    assert item.stock == 20 and item.last_price == service.lines_of(req)[1].price

    qtbot.mouseClick(page.buttons["complete"], Qt.MouseButton.LeftButton)
    assert service.get_request(req.id).status == "closed"
    history = [page.history_table.item(r, 2).text() for r in range(page.history_table.rowCount())]
    assert history == ["Draft", "Submitted", "Approved", "Collecting quotes", "Ordered", "Partly received",
                       "Received", "Accepted", "Completed"]
    assert all(page.history_table.item(r, 3).text() == "测试员" for r in range(page.history_table.rowCount()))
    assert person.errors == []

    # the paper forms open in the preview
    for key in ("print_request", "print_quotes", "print_acceptance", "print_notice", "print_labels"):
        qtbot.mouseClick(page.buttons[key], Qt.MouseButton.LeftButton)
    work.wait_for_workers()
    qtbot.waitUntil(lambda: len(person.pdfs) == 4)
    assert all(pdf.startswith(b"%PDF") for _t, pdf in person.pdfs)
    # 12,800 yuan is below the public-notice threshold: refused with the reason, no notice printed
    assert len(person.errors) == 1 and "below the public-notice threshold" in person.errors[0].message


def test_cancel_needs_a_reason_and_budget_overrun_warns(tab, qtbot, monkeypatch):
    m = tab.m
    page = tab.requests
    person = Person(monkeypatch, qtbot)

    def big_request(dlg):
        dlg.department.set_value(m["dept"].id)
        type_into(qtbot, dlg.requester, "王芳")
        type_into(qtbot, dlg.purpose, "录播教室建设")
        dlg.budget_line.set_value(m["budget"].id)
        dlg.set_line(0, name="录播系统", quantity=1, unit="套", est_price="56000", kind="asset", category=m["cat"].id)
        assert dlg.budget_warning.isVisible() or not dlg.budget_warning.isHidden()
        assert "Over budget" in dlg.budget_warning.text() and "6,000.00" in dlg.budget_warning.text()
        assert "public bidding" not in dlg.levels_label.text()
        click_ok(qtbot, dlg)
    person.will(big_request)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert "over by 6,000.00" in page.model.data(page.model.index(0, 8))
    assert "Over budget" in page.budget_warning.text() and not page.budget_warning.isHidden()

    person.texts.append("")
    qtbot.mouseClick(page.buttons["cancel"], Qt.MouseButton.LeftButton)
    assert isinstance(person.errors[-1], UserError)
    person.texts.append("改为明年预算")
    qtbot.mouseClick(page.buttons["cancel"], Qt.MouseButton.LeftButton)
    req = PurchaseRequest.get()
    assert req.status == "cancelled" and req.cancel_reason == "改为明年预算"
    assert page.model.data(page.model.index(0, 6)) == "Withdrawn"
    assert not page.buttons["submit"].isEnabled()


def test_store_issue_refused_beyond_stock_and_count(tab, qtbot, monkeypatch):
    person = Person(monkeypatch, qtbot)
    item = service.save_item({"name": "签字笔", "spec": "0.5mm 黑色", "unit": "支", "min_level": 50})
    service.stock_in(item, 60)
    store = tab.store
    store.reload()
    store.items.selectRow(0)

    def too_many(dlg):
        dlg.department.set_value(tab.m["dept"].id)
        type_into(qtbot, dlg.recipient, "王芳")
        dlg.table.cellWidget(0, 1).setValue(80)
        click_ok(qtbot, dlg)
        assert "Only 60" in dlg.general_error.text()
        dlg.table.cellWidget(0, 1).setValue(15)
        click_ok(qtbot, dlg)
    person.will(too_many)
    qtbot.mouseClick([b for b in store.findChildren(view.QPushButton) if b.objectName() == "store_issue"][0],
                     Qt.MouseButton.LeftButton)
    work.wait_for_workers()
    qtbot.waitUntil(lambda: len(person.pdfs) == 1)
    assert StoreItem.get_by_id(item.id).stock == 45
    assert store.items.item(0, 3).text() == "45"
    assert "签字笔" in store.low_label.text()

    def count(dlg):
        assert dlg.table.item(0, 3).text() == ""  # nothing counted yet (issue 14.8)
        dlg.set_counted(0, 44)
        click_ok(qtbot, dlg)  # shows the difference first
        assert StoreItem.get_by_id(item.id).stock == 45 and "differ" in dlg.general_error.text()
        click_ok(qtbot, dlg)
    person.will(count)
    [b for b in store.findChildren(view.QPushButton) if b.objectName() == "store_count"][0].click()
    assert StoreItem.get_by_id(item.id).stock == 44
    assert service.count_for("2026-10") is not None


def test_budget_page(tab, qtbot, monkeypatch):
    page = tab.budgets
    assert page.table.rowCount() == 1
    assert page.table.item(0, 2).text() == "50,000.00"
    person = Person(monkeypatch, qtbot)

    def new_line(dlg):
        dlg.department.set_value(tab.m["dept"].id)
        dlg.name.setCurrentText("办公经费")
        type_into(qtbot, dlg.amount, "8000")
        click_ok(qtbot, dlg)
    person.will(new_line)
    [b for b in page.findChildren(view.QPushButton) if b.objectName() == "budget_new"][0].click()
    assert page.table.rowCount() == 2
    assert "58,000.00" in page.summary.text()


def test_settings_page_changes_levels(database, qtbot):
    from logistics_desk.core.errors import ValidationError
    from logistics_desk.modules.purchases.settings_page import PurchasesSettingsPage

    page = PurchasesSettingsPage()
    qtbot.addWidget(page)
    assert page.levels.rowCount() == 3
    assert page.levels.item(1, 0).text() == "Principal" and page.levels.item(1, 1).text() == "1000"
    page.levels.item(1, 1).setText("500")
    page.fields["quote_threshold"].setText("3000")
    page.save()
    assert service.required_levels(600) == ["Director of general affairs", "Principal"]
    assert service.needs_quotes(2500) is False
    page.levels.item(0, 1).setText("100")
    with pytest.raises(ValidationError) as e:
        page.save()
    assert "must be 0" in e.value.errors["levels"]
    page.fields["quote_threshold"].setText("abc")
    with pytest.raises(ValidationError):
        page.save()


def test_acceptance_dialog_collects_the_principals_signature(tab, qtbot):
    """Issue 14.2: a 500 元 request (director only at approval) is refused without the
    principal's signature, with the reason shown in the dialog; with it, accepted."""
    req = small_request_received(tab.m)
    dlg = view.AcceptDialog(tab, req)
    qtbot.addWidget(dlg)
    assert dlg.principal.text() == ""
    type_into(qtbot, dlg.acceptor1, "赵强")
    type_into(qtbot, dlg.acceptor2, "孙丽")
    click_ok(qtbot, dlg)
    assert "principal" in dlg.general_error.text() and not dlg.general_error.isHidden()
    assert service.get_request(req.id).status == "received"
    type_into(qtbot, dlg.principal, "张建国")
    click_ok(qtbot, dlg)
    assert service.get_request(req.id).status == "accepted"
    assert service.get_request(req.id).acceptances[0].principal == "张建国"


def test_acceptance_dialog_shows_the_principal_who_approved(tab, qtbot):
    req = service.create_request(request_values(tab.m))
    service.submit(req)
    service.record_approval(req, level="Director of general affairs", approver="李卫东", decision="approved")
    service.record_approval(req, level="Principal", approver="张建国", decision="approved")
    dlg = view.AcceptDialog(tab, service.get_request(req.id))
    qtbot.addWidget(dlg)
    assert dlg.principal.text() == "张建国"


def test_acceptance_dialog_adds_a_consumable_to_the_store_item_the_clerk_picks(tab, qtbot):
    """Issue 14.3: the matching store item is preselected; the clerk may pick another."""
    m = tab.m
    paper = service.save_item({"name": "A4复印纸", "spec": "70g 500张/包", "unit": "包"})
    service.stock_in(paper, 20)
    req = small_request_received(m)  # 订书机 得力0414: not in the store yet
    service.save_item({"name": "订书机", "spec": "得力 0414", "unit": "个"})  # typed with a space
    dlg = view.AcceptDialog(tab, req)
    qtbot.addWidget(dlg)
    (box,) = dlg.store_boxes.values()
    stapler = StoreItem.get(StoreItem.name == "订书机")
    assert box.value() == stapler.id and "订书机" in box.currentText()
    type_into(qtbot, dlg.acceptor1, "赵强")
    type_into(qtbot, dlg.acceptor2, "孙丽")
    type_into(qtbot, dlg.principal, "张建国")
    click_ok(qtbot, dlg)
    assert service.get_request(req.id).status == "accepted"
    assert StoreItem.select().count() == 2 and StoreItem.get_by_id(stapler.id).stock == 20


def test_request_dialog_asks_about_a_consumable_priced_like_an_asset(tab, qtbot, monkeypatch):
    """Issue 14.4: a 1,200 元 line entered as a consumable asks before it is saved."""
    m = tab.m
    asked = []
    answers = [False, True]
    monkeypatch.setattr(view, "confirm", lambda parent, text, title=None: asked.append(text) or answers.pop(0))
    dlg = view.RequestDialog(tab)
    qtbot.addWidget(dlg)
    dlg.department.set_value(m["dept"].id)
    type_into(qtbot, dlg.requester, "王芳")
    type_into(qtbot, dlg.purpose, "报告厅投影")
    dlg.budget_line.set_value(m["budget"].id)
    dlg.set_line(0, name="投影仪", model_spec="爱普生CB-X06", quantity=1, unit="台", est_price="1200")
    click_ok(qtbot, dlg)
    assert len(asked) == 1 and "投影仪" in asked[0] and "1,000.00" in asked[0]
    assert PurchaseRequest.select().count() == 0 and not dlg.general_error.isHidden()
    click_ok(qtbot, dlg)
    assert len(asked) == 2
    req = PurchaseRequest.get()
    assert service.lines_of(req)[0].kind == "consumable" and service.lines_of(req)[0].est_price == Decimal("1200")
