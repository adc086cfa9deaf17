"""Issue 14, purchases 5-8, in the service: an order above the approval is signed again,
over budget is confirmed, quotes corrected or removed before the order (with unit prices),
and the store's movements, issue slips and monthly count."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from logistics_desk.core import audit, clock
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.modules.purchases import documents, service
from logistics_desk.modules.purchases.models import PurchaseApproval, StoreItem, StoreMovement

from .helpers import TODAY, request_values, setup_master


@pytest.fixture
def m(database):
    return setup_master()


def _lines(m):
    # 2 × 1,200 + 3 × 200 = 3,000 estimated
    return [{"name": "台式电脑", "quantity": 2, "unit": "台", "est_price": "1200", "kind": "asset",
             "category": m["cat"].id},
            {"name": "键盘", "quantity": 3, "unit": "个", "est_price": "200", "kind": "consumable"}]


def _approved(m, lines=None):
    req = service.create_request(request_values(m, lines=lines or _lines(m)))
    service.submit(req)
    for role in service.required_levels(req.total):
        service.record_approval(req, level=role, approver={"Principal": "张建国"}.get(role, "李卫东"),
                                decision="approved")
    return service.get_request(req.id)


def _quotes(m, req, amounts=("3100", "3250", "3400")):
    # fewer quotes than suppliers: the first suppliers quote
    return [service.add_quote(req, supplier=s.id, amount=a) for s, a in zip(m["suppliers"], amounts, strict=False)]


# --- 5. an order above the approved amount ---------------------------------------

def test_order_above_the_approval_is_signed_again_and_recorded(m):
    req = _approved(m)
    assert req.total == Decimal("3000.00")
    q = _quotes(m, req)[0]
    assert service.reapproval_level(req, q.amount) == "Principal"  # 3,100 needs the principal at the top
    with pytest.raises(ValidationError) as e:
        service.place_order(req, buyer="陈晓燕", quote=q.id)
    msg = e.value.errors["reapprover"]
    assert "3,100.00" in msg and "100.00" in msg and "3,000.00" in msg and "Principal" in msg
    assert service.get_request(req.id).status == "quoting"
    service.place_order(req, buyer="陈晓燕", quote=q.id, reapproval={"approver": "张建国"})
    req = service.get_request(req.id)
    assert req.status == "ordered" and req.order_total == Decimal("3100.00")
    (again,) = service.order_approvals(req)
    assert (again.level, again.approver, again.stage, again.amount, again.decided_on) == (
        "Principal", "张建国", "order", Decimal("3100.00"), TODAY)
    assert service.approved_amount(req) == Decimal("3100.00")
    # the request's own signatures are unchanged; the history says why it was signed again
    assert [s["approval"].amount for s in service.approval_state(req)] == [Decimal("3000.00")] * 2
    assert "signed again by Principal 张建国" in service.status_history(req)[-1].note
    # the printed request shows it among its signatures
    roles = [a["role"] for a in documents.request_data(req)["approvals"]]
    assert any("3,100.00" in r for r in roles)


def test_order_that_crosses_into_a_higher_level_needs_that_level(m):
    req = _approved(m, [{"name": "交互式一体机", "quantity": 1, "unit": "台", "est_price": "9800", "kind": "asset",
                         "category": m["cat"].id}])
    q = _quotes(m, req, ("10200", "10500", "10800"))[0]
    assert service.reapproval_level(req, q.amount) == "School leadership meeting"
    # at or below the approval nobody signs again
    assert service.reapproval_level(req, "9800") is None and service.reapproval_level(req, "9000") is None


# --- 6. over budget ---------------------------------------------------------------

def test_over_budget_is_confirmed_at_submit_and_at_approval(m):
    service.save_budget({"name": m["budget"].name, "amount": "34000"}, m["budget"])
    other = _approved(m)  # 3,000 committed on the line
    req = service.create_request(request_values(m, lines=[
        {"name": "交互式一体机", "quantity": 1, "unit": "台", "est_price": "33893", "kind": "asset",
         "category": m["cat"].id}]))
    question = service.over_budget_question(req)
    # the figures add up: budget − the other requests − this request = the balance after
    assert ("budget 34,000.00 − committed by other requests 3,000.00 − spent 0.00 − this request 33,893.00 "
            "= balance after -2,893.00 yuan") in question
    assert "Over budget by 2,893.00 yuan" in question
    with pytest.raises(RuleError) as e:
        service.submit(req)
    assert question in e.value.message
    assert service.get_request(req.id).status == "draft"
    service.submit(req, confirmed=True)
    assert "Over budget by 2,893.00 yuan: confirmed." in service.status_history(req)[-1].note
    with pytest.raises(RuleError):
        service.record_approval(req, level="Director of general affairs", approver="李卫东", decision="approved")
    assert PurchaseApproval.select().where(PurchaseApproval.request == req).count() == 0
    service.record_approval(req, level="Director of general affairs", approver="李卫东", decision="approved",
                            confirmed=True)
    entries = [e for e in audit.AuditEntry.select().where((audit.AuditEntry.table_name == "purchase_request")
                                                          & (audit.AuditEntry.record_id == req.id))]
    assert any(e.action == "over_budget_confirmed" for e in entries)
    # a rejection needs no confirmation
    service.record_approval(req, level="Principal", approver="张建国", decision="rejected", comment="超预算")
    assert service.get_request(req.id).status == "rejected"
    assert service.over_budget_question(service.get_request(other.id)) is None


# --- 7. quotes corrected or removed, unit prices ------------------------------------

def test_quote_corrected_and_voided_before_the_order_only(m):
    req = _approved(m)
    a, b, c = _quotes(m, req, ("3100", "3250", "3400"))
    service.update_quote(b, {"amount": "2950", "delivery": "现货"})
    b = service.PurchaseQuote.get_by_id(b.id)
    assert b.amount == Decimal("2950.00") and b.delivery == "现货"
    assert any(e.action == "correct" for e in audit.AuditEntry.select().where(
        (audit.AuditEntry.table_name == "purchase_quote") & (audit.AuditEntry.record_id == b.id)))
    with pytest.raises(ValidationError):
        service.void_quote(c, "")
    service.void_quote(c, "报价单抄错供应商")
    assert [q.id for q in service.quotes_of(req)] == [b.id, a.id]
    assert len(service.quotes_of(req, voided=True)) == 3
    c = service.PurchaseQuote.get_by_id(c.id)
    assert c.voided_at is not None and c.void_reason == "报价单抄错供应商"
    # the supplier may quote again; a voided quote is not counted for 货比三家 nor chosen
    with pytest.raises(RuleError):
        service.update_quote(c, {"amount": "1"})
    service.add_quote(req, supplier=m["suppliers"][3].id, amount="3300")
    service.place_order(req, buyer="陈晓燕", quote=b.id)
    with pytest.raises(RuleError) as e:
        service.update_quote(a, {"amount": "3000"})
    assert "until the order is placed" in e.value.message
    with pytest.raises(RuleError):
        service.void_quote(a, "迟了")
    assert documents.quote_data(req)["quotes"][0]["supplier"] == b.supplier.name
    assert all(r["supplier"] != c.supplier.name for r in documents.quote_data(req)["quotes"])


def test_quote_with_unit_prices_gives_the_order_its_prices(m):
    req = _approved(m)
    pc, kb = service.lines_of(req)
    # 2 × 1,240.00 + 3 × 206.67 = 3,100.01: the quote says 3,100.00
    with pytest.raises(ValidationError) as e:
        service.add_quote(req, supplier=m["suppliers"][0].id, amount="3000", prices={pc.id: "1240", kb.id: "206.67"})
    assert "3,100.01" in e.value.errors["amount"]
    with pytest.raises(ValidationError) as e:
        service.add_quote(req, supplier=m["suppliers"][0].id, amount="3100", prices={pc.id: "1240"})
    assert "键盘" in e.value.errors["prices"]
    q = service.add_quote(req, supplier=m["suppliers"][0].id, amount="3100.00", prices={pc.id: "1240", kb.id: "206.67"})
    assert service.quote_prices(q) == {pc.id: Decimal("1240.00"), kb.id: Decimal("206.67")}
    # a total left empty is the sum of the unit prices
    q2 = service.add_quote(req, supplier=m["suppliers"][1].id, amount="", prices={pc.id: "1300", kb.id: "220"})
    assert q2.amount == Decimal("3260.00")
    service.update_quote(q2, {"prices": {pc.id: "1290", kb.id: "220"}, "amount": ""})
    assert service.PurchaseQuote.get_by_id(q2.id).amount == Decimal("3240.00")
    service.add_quote(req, supplier=m["suppliers"][2].id, amount="3400")
    service.place_order(req, buyer="陈晓燕", quote=q.id, reapproval={"approver": "张建国"})
    req = service.get_request(req.id)
    pc, kb = service.lines_of(req)
    # the supplier's own unit prices; the order total is the quote's, to the fen
    assert (pc.price, kb.price) == (Decimal("1240.00"), Decimal("206.67"))
    assert req.order_total == Decimal("3100.00")
    assert service.order_amount(pc) + service.order_amount(kb) == Decimal("3100.00")


# --- 8. the store -------------------------------------------------------------------

def test_movements_run_in_date_order_with_their_balance_on_that_day(m):
    item = service.save_item({"name": "签字笔", "spec": "0.5mm 黑色", "unit": "支"})
    service.stock_in(item, 100, on=_dt.date(2026, 10, 10))
    service.issue([(item.id, 30)], recipient_name="王芳", department=m["dept"].id, on=_dt.date(2026, 10, 12))
    service.stock_in(item, 20, on=_dt.date(2026, 10, 1), note="补录")  # entered late, for an earlier day
    rows = service.movements(StoreItem.get_by_id(item.id))
    assert [r["moved_on"].day for r in rows] == [1, 10, 12]
    assert [r["balance"] for r in rows] == [20, 120, 90]
    rows = service.movements(limit=2)  # the latest two, still oldest first
    assert [r["moved_on"].day for r in rows] == [10, 12]
    assert StoreItem.get_by_id(item.id).stock == 90


def test_issue_slip_names_a_department_or_person(m):
    item = service.save_item({"name": "签字笔", "spec": "", "unit": "支"})
    service.stock_in(item, 10)
    with pytest.raises(ValidationError) as e:
        service.issue([(item.id, 1)], recipient_name="临时工")
    assert "department" in e.value.errors["department"]
    slip = service.issue([(item.id, 1)], person=m["person"].id)  # a person brings their department
    assert slip.department_id == m["dept"].id and slip.recipient_name == "王芳"
    slip = service.issue([(item.id, 1)], recipient_name="李明", department=m["dept"].id)
    assert slip.department_id == m["dept"].id


def test_monthly_count_needs_every_item_counted_and_confirmed(m):
    pens = service.save_item({"name": "签字笔", "spec": "", "unit": "支"})
    paper = service.save_item({"name": "A4复印纸", "spec": "70g", "unit": "包"})
    service.stock_in(pens, 45)
    service.stock_in(paper, 20)
    # nothing typed for the paper: not taken as its book quantity
    with pytest.raises(ValidationError) as e:
        service.record_count("2026-10", {pens.id: 43}, counted_by="陈晓燕")
    assert "A4复印纸" in e.value.errors["counted"]
    variances = service.count_variances({pens.id: 43, paper.id: 20})
    assert [(v["label"], v["book"], v["counted"], v["difference"]) for v in variances] == [("签字笔", 45, 43, -2)]
    with pytest.raises(RuleError) as e:
        service.record_count("2026-10", {pens.id: 43, paper.id: 20}, counted_by="陈晓燕")
    assert "签字笔: book 45, counted 43, difference -2" in e.value.message
    assert StoreItem.get_by_id(pens.id).stock == 45 and service.count_for("2026-10") is None
    service.record_count("2026-10", {pens.id: 43, paper.id: 20}, counted_by="陈晓燕", confirmed=True)
    assert StoreItem.get_by_id(pens.id).stock == 43
    assert StoreMovement.select().where(StoreMovement.kind == "count").count() == 1
    # a count without differences needs no confirmation
    clock.freeze(_dt.datetime(2026, 11, 30, 16, 0))
    service.record_count("2026-11", {pens.id: 43, paper.id: 20}, counted_by="陈晓燕")
