"""Purchase requests without Qt: the whole flow, approvals by amount, quotes, budgets, the store."""

from __future__ import annotations

from decimal import Decimal
from math import gcd as _gcd

import pytest

from logistics_desk.core import audit, settings
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import AssetEvent
from logistics_desk.modules.purchases import service
from logistics_desk.modules.purchases.models import PurchaseStatusChange, StoreItem, StoreMovement

from .helpers import TODAY, request_values, setup_master, small_request_received


@pytest.fixture
def m(database):
    return setup_master()


def _approve_all(req):
    for role in service.required_levels(req.total):
        service.record_approval(req, level=role, approver="签字人" + role[:2], decision="approved", decided_on=TODAY)


def test_number_total_and_levels(m):
    req = service.create_request(request_values(m))
    assert req.number == "CG-2026-0001"
    assert req.total == Decimal("13100.00")
    assert req.status == "draft"
    assert service.required_levels(req.total) == [
        "Director of general affairs", "Principal", "School leadership meeting"]
    assert service.required_levels(800) == ["Director of general affairs"]
    assert service.required_levels(1000) == ["Director of general affairs"]
    assert service.required_levels(1000.01) == ["Director of general affairs", "Principal"]
    assert "public bidding" not in service.approval_note(req.total)
    assert "public bidding" in service.approval_note(250000)
    second = service.create_request(request_values(m))
    assert second.number == "CG-2026-0002"


def test_levels_are_a_setting(m):
    settings.set("purchases.approval_levels", [{"role": "总务主任", "above": 0}, {"role": "校长", "above": 500}])
    assert service.required_levels(600) == ["总务主任", "校长"]
    assert service.required_levels(400) == ["总务主任"]


def test_validation(m):
    with pytest.raises(ValidationError) as e:
        service.create_request({"lines": []})
    assert {"department", "requester_name", "purpose", "lines"} <= set(e.value.errors)
    bad = request_values(m, lines=[{"name": "投影仪", "quantity": 1, "est_price": "3000", "kind": "asset"}])
    with pytest.raises(ValidationError) as e:
        service.create_request(bad)
    assert "category" in e.value.errors["line1"]


def test_full_flow_creates_assets_and_stock(m):
    req = service.create_request(request_values(m))
    service.submit(req)
    # a rejection by nobody yet: approve level by level
    service.record_approval(req, level="Director of general affairs", approver="李卫东", decision="approved")
    assert service.get_request(req.id).status == "submitted"
    service.record_approval(req, level="Principal", approver="张建国", decision="approved")
    service.record_approval(req, level="School leadership meeting", approver="校务会", decision="approved",
                            comment="同意")
    req = service.get_request(req.id)
    assert req.status == "approved"
    # ordering without three quotes is refused (13,100 > 2,000)
    with pytest.raises(RuleError):
        service.place_order(req, buyer="陈晓燕", supplier=m["suppliers"][0].id)
    s = m["suppliers"]
    q1 = service.add_quote(req, supplier=s[0].id, amount="12800")
    service.add_quote(req, supplier=s[1].id, amount="12500")
    service.add_quote(req, supplier=s[2].id, amount="13050")
    assert service.get_request(req.id).status == "quoting"
    # not the cheapest, no reason: refused
    with pytest.raises(ValidationError) as e:
        service.place_order(req, buyer="陈晓燕", quote=q1.id)
    assert "not the cheapest" in e.value.errors["reason"]
    service.place_order(req, buyer="陈晓燕", quote=q1.id, reason="售后服务网点在本市，质保三年")
    req = service.get_request(req.id)
    assert req.status == "ordered" and req.order_total == Decimal("12800.00") and req.supplier_id == s[0].id
    lines = service.lines_of(req)
    assert sum(ln.price * ln.quantity for ln in lines) == req.order_total  # the lines add up to the quote
    pc, paper = lines
    service.record_delivery(req, {pc.id: 2})
    assert service.get_request(req.id).status == "partly_received"
    with pytest.raises(ValidationError):
        service.record_delivery(req, {pc.id: 5})
    service.record_delivery(req, {pc.id: 1, paper.id: 20})
    req = service.get_request(req.id)
    assert req.status == "received"
    # acceptance: two people, not the buyer
    with pytest.raises(ValidationError) as e:
        service.accept(req, acceptors=["陈晓燕", "赵强"])
    assert "acceptor1" in e.value.errors
    with pytest.raises(ValidationError):
        service.accept(req, acceptors=["赵强", ""])
    service.accept(req, acceptors=["赵强", "孙丽"], invoice_no="No.04417788",
                   asset_options={pc.id: {"mode": "each"}})
    req = service.get_request(req.id)
    assert req.status == "accepted"
    made = service.assets_of(req)
    assert len(made) == 3
    a = made[0]
    assert a.name == "台式电脑" and a.supplier_id == s[0].id and a.invoice_no == "No.04417788"
    assert a.unit_price == pc.price and a.acquired_on == TODAY and a.place_id == m["room"].id
    assert a.funding_source == "设备购置费" and a.department_id == m["dept"].id
    hist = assets.history(a)
    assert hist[-1].ref_table == "purchase_request" and hist[-1].ref_id == req.id and req.number in hist[-1].summary
    item = StoreItem.get(StoreItem.name == "A4复印纸")
    assert item.stock == 20 and item.spec == "70g 500张/包"
    mv = StoreMovement.get(StoreMovement.item == item)
    assert mv.kind == "purchase" and mv.request_id == req.id
    service.complete(req)
    moves = [c.to_status for c in service.status_history(req)]
    assert moves == ["draft", "submitted", "approved", "quoting", "ordered", "partly_received", "received",
                     "accepted", "closed"]
    assert all(c.operator == "测试员" for c in service.status_history(req))
    assert [e.new_value for e in audit.history("purchase_request", req.id) if e.field == "status"][-1] == "closed"
    assert audit.verify_chain() == []


def test_batch_asset_line(m):
    req = service.create_request(request_values(m, lines=[
        {"name": "学生课桌椅", "quantity": 50, "unit": "套", "est_price": "30", "kind": "asset", "category":
         m["cat"].id}]))
    service.submit(req)
    _approve_all(req)
    service.place_order(req, buyer="陈晓燕", supplier=m["suppliers"][1].id)
    ln = service.lines_of(req)[0]
    service.record_delivery(req, {ln.id: 50})
    service.accept(req, acceptors=["赵强", "孙丽"], asset_options={ln.id: {"mode": "batch"}})
    made = service.assets_of(req)
    assert len(made) == 1 and made[0].quantity == 50 and made[0].amount == Decimal("1500.00")


def test_rejection_and_invalid_moves(m):
    req = service.create_request(request_values(m))
    with pytest.raises(RuleError):
        service.record_approval(req, level="Principal", approver="张建国", decision="approved")
    service.submit(req)
    with pytest.raises(ValidationError):
        service.record_approval(req, level="Principal", approver="张建国", decision="rejected")  # no reason
    service.record_approval(req, level="Principal", approver="张建国", decision="rejected", comment="本年度预算已紧")
    req = service.get_request(req.id)
    assert req.status == "rejected"
    with pytest.raises(RuleError):
        service.start_quotes(req)
    with pytest.raises(RuleError):
        service.cancel(req, "不需要了")
    other = service.create_request(request_values(m))
    with pytest.raises(ValidationError):
        service.cancel(other, "")
    service.cancel(other, "部门合并采购")
    other = service.get_request(other.id)
    assert other.status == "cancelled" and other.cancel_reason == "部门合并采购"
    assert PurchaseStatusChange.select().where(PurchaseStatusChange.request == other).count() == 2


def test_budget_committed_spent_and_overrun(m):
    b = m["budget"]  # 50,000
    r1 = service.create_request(request_values(m))  # 13,100 draft: not committed
    use = service.budget_use([b.id])[b.id]
    assert use.committed == 0 and use.spent == 0
    service.submit(r1)
    _approve_all(r1)
    use = service.budget_use([b.id])[b.id]
    assert use.committed == Decimal("13100.00") and use.remaining == Decimal("36900.00")
    big = request_values(m, lines=[{"name": "交互式一体机", "quantity": 4, "unit": "台", "est_price": "9800",
                                    "kind": "asset", "category": m["cat"].id}])  # 39,200
    warning = service.budget_check(b.id, Decimal("39200"))
    assert warning and "Over budget" in warning and "2,300.00" in warning
    r2 = service.create_request(big)
    rows = {r["number"]: r for r in service.fetch_requests({}, 0, 50, "number", False)}
    assert rows[r2.number]["over_budget"] and "over by 2,300.00" in rows[r2.number]["budget_text"]
    assert not rows[r1.number]["over_budget"]
    assert service.budget_check(b.id, Decimal("1000")) is None


def test_list_filters(m):
    for i in range(5):
        service.create_request(request_values(m, purpose=f"用途{i}"))
    assert service.count_requests({}) == 5
    assert service.count_requests({"text": "用途3"}) == 1
    assert service.count_requests({"text": "复印纸"}) == 5
    assert service.count_requests({"status": "draft"}) == 5
    assert service.count_requests({"status": "accepted"}) == 0
    rows = service.fetch_requests({}, 0, 2, "number", True)
    assert [r["number"] for r in rows] == ["CG-2026-0005", "CG-2026-0004"]


def test_store_issue_refuses_negative_and_count(m):
    item = service.save_item({"name": "签字笔", "spec": "0.5mm 黑色", "unit": "支", "min_level": 50})
    service.stock_in(item, 100, unit_price="1.50")
    slip = service.issue([(item.id, 30)], recipient_name="王芳", department=m["dept"].id, purpose="期中考试")
    assert slip.doc_no == "LY-2026-0001"
    item = StoreItem.get_by_id(item.id)
    assert item.stock == 70
    with pytest.raises(RuleError) as e:
        service.issue([(item.id, 80)], recipient_name="王芳", department=m["dept"].id)
    assert "Only 70" in e.value.message
    assert StoreItem.get_by_id(item.id).stock == 70
    service.issue([(item.id, 25)], recipient_name="李明", department=m["dept"].id)
    assert [i.name for i in service.below_minimum()] == ["签字笔"]
    sc = service.record_count("2026-10", {item.id: 43}, counted_by="陈晓燕", confirmed=True)
    item = StoreItem.get_by_id(item.id)
    assert item.stock == 43
    _, rows = service.count_rows("2026-10")
    assert rows[0]["book"] == 45 and rows[0]["counted"] == 43 and rows[0]["difference"] == -2
    adj = StoreMovement.get((StoreMovement.count == sc))
    assert adj.quantity == -2 and adj.balance == 43
    with pytest.raises(RuleError):
        service.record_count("2026-10", {}, counted_by="陈晓燕")
    total = sum(mv.quantity for mv in StoreMovement.select().where(StoreMovement.item == item))
    assert total == item.stock


def test_asset_event_kind_exists(m):
    # the history line uses the register's own kind, so the asset tab can show it
    from logistics_desk.modules.assets.models import EVENT_KINDS

    assert "register" in EVENT_KINDS
    assert AssetEvent.select().count() == 0


@pytest.mark.parametrize("lines, quote", [
    ([("台式电脑", 2, "1200", "asset"), ("键盘", 3, "200", "consumable")], "3100"),
    ([("台式电脑", 3, "4200", "asset"), ("A4复印纸", 20, "25", "consumable")], "12000"),
    ([("投影仪", 7, "3000", "asset"), ("幕布", 3, "333.33", "consumable"), ("线", 11, "9.99", "consumable")],
     "22345.67"),
    ([("台式电脑", 3, "1000", "asset")], "3100"),
    ([("A4复印纸", 6, "25", "consumable"), ("碳粉", 4, "300", "consumable")], "1350.01"),
])
def test_order_lines_add_up_exactly_to_the_chosen_quote(m, lines, quote):
    """Issue 14.1: 1,240.00×2 + 206.67×3 made a 3,100.00 quote an order of 3,100.01."""
    raw = [{"name": n, "quantity": q, "unit": "件", "est_price": p, "kind": k,
            "category": m["cat"].id if k == "asset" else None} for n, q, p, k in lines]
    req = service.create_request(request_values(m, lines=raw))
    service.submit(req)
    _approve_all(req)
    s = m["suppliers"]
    chosen = service.add_quote(req, supplier=s[0].id, amount=quote)
    service.add_quote(req, supplier=s[1].id, amount=str(Decimal(quote) + 100))
    service.add_quote(req, supplier=s[2].id, amount=str(Decimal(quote) + 200))
    level = service.reapproval_level(req, quote)  # a quote above the estimate is signed again (14.5)
    service.place_order(req, buyer="陈晓燕", quote=chosen.id,
                        reapproval={"approver": "张建国"} if level else None)
    req = service.get_request(req.id)
    assert req.order_total == Decimal(quote)
    assert [a.amount for a in service.order_approvals(req)] == ([Decimal(quote)] if level else [])
    ordered = service.lines_of(req)
    assert sum(service.order_amount(ln) for ln in ordered) == Decimal(quote)  # what the forms print
    # quantity × unit price is each line's amount whenever whole fen allow it; otherwise
    # the unit price shown is that amount / quantity, rounded to the fen
    for ln in ordered:
        assert ln.price == service.money(service.order_amount(ln) / ln.quantity)
    if len(lines) > 1 and _gcd(*(q for _n, q, _p, _k in lines)) == 1:  # whole fen can make it
        assert all(ln.price * ln.quantity == service.order_amount(ln) for ln in ordered)
    # the budget takes the order total
    assert service.budget_state(m["budget"], req).this_request == Decimal(quote)
    # and so does the acceptance form once everything has arrived
    from logistics_desk.modules.purchases import documents
    service.record_delivery(req, {ln.id: ln.quantity for ln in ordered})
    form = documents.acceptance_data(req)
    assert form["total"] == Decimal(quote) == sum(r["amount"] for r in form["lines"])


def test_acceptance_needs_the_principals_signature(m):
    """Issue 14.2: 一切单据需经校长签字后方能验收 — a 500 元 request reached acceptance with
    the director's signature only."""
    req = small_request_received(m)
    with pytest.raises(RuleError) as e:
        service.accept(req, acceptors=["赵强", "孙丽"])
    assert "principal" in e.value.message
    req = service.get_request(req.id)
    assert req.status == "received" and not list(req.acceptances) and StoreItem.select().count() == 0
    acc = service.accept(req, acceptors=["赵强", "孙丽"], principal="张建国", principal_signed_on=TODAY)
    acc = type(acc).get_by_id(acc.id)
    assert (acc.principal, acc.principal_signed_on) == ("张建国", TODAY)
    assert service.get_request(req.id).status == "accepted"


def test_principal_who_approved_has_signed(m):
    """A request the principal approved carries the signature into acceptance."""
    req = service.create_request(request_values(m))
    service.submit(req)
    _approve_all(req)
    assert service.principal_signature(req) == ("签字人Pr", TODAY)


def _consumable_received(m, name, spec, qty=84):
    req = service.create_request(request_values(m, lines=[
        {"name": name, "model_spec": spec, "quantity": qty, "unit": "包", "est_price": "5", "kind": "consumable"}]))
    service.submit(req)
    _approve_all(req)
    service.place_order(req, buyer="陈晓燕", supplier=m["suppliers"][3].id)
    service.record_delivery(req, {ln.id: ln.quantity for ln in service.lines_of(req)})
    return service.get_request(req.id)


def test_consumable_in_store_is_added_to_its_stock(m):
    """Issue 14.3: two “A4复印纸 70g” items holding 20 and 84 — the purchase made a second item."""
    item = service.save_item({"name": "A4复印纸", "spec": "70g 500张/包", "unit": "包"})
    service.stock_in(item, 20)
    req = _consumable_received(m, "A4 复印纸", "70G　500张/包")  # spacing, case, a full-width space
    service.accept(req, acceptors=["赵强", "孙丽"], principal="张建国")
    assert StoreItem.select().count() == 1
    assert StoreItem.get_by_id(item.id).stock == 104
    assert service.lines_of(req)[0].store_item == item.id


def test_clerk_picks_the_store_item_for_a_line(m):
    item = service.save_item({"name": "A4复印纸", "spec": "70g 500张/包", "unit": "包"})
    service.stock_in(item, 20)
    req = _consumable_received(m, "复印纸", "70g")
    line = service.lines_of(req)[0]
    assert service.store_match(line) is None  # not the same words: the clerk decides
    service.accept(req, acceptors=["赵强", "孙丽"], principal="张建国", store_items={line.id: item.id})
    assert StoreItem.select().count() == 1 and StoreItem.get_by_id(item.id).stock == 104


def test_consumable_at_the_asset_threshold_needs_confirmation(m):
    """Issue 14.4: a line priced at or above the fixed-asset threshold (1,000 元) entered as a
    consumable is only saved once the clerk confirms it."""
    assert settings.get("assets.threshold_general") == 1000
    lines = [{"name": "投影仪", "model_spec": "爱普生CB-X06", "quantity": 1, "unit": "台", "est_price": "1000",
              "kind": "consumable"}]
    with pytest.raises(RuleError) as e:
        service.create_request(request_values(m, lines=lines))
    assert "投影仪" in e.value.message and "1,000.00" in e.value.message
    assert service.count_requests({}) == 0
    assert [ln["name"] for ln in service.consumables_priced_as_assets(lines)] == ["投影仪"]
    req = service.create_request(request_values(m, lines=lines, confirmed=True))
    assert service.lines_of(req)[0].kind == "consumable"
    # editing the header of the confirmed draft does not ask again; changing the lines does
    service.update_request(req, {"purpose": "报告厅投影"})
    with pytest.raises(RuleError):
        service.update_request(req, {"lines": lines})
    # 999.99 is below the threshold
    ok = service.create_request(request_values(m, lines=[dict(lines[0], est_price="999.99")]))
    assert ok.id


@pytest.mark.parametrize("price", ["NaN", "Infinity", "-inf"])
def test_a_price_that_is_not_a_number_is_a_message_not_a_crash(m, price):
    # purchases read money its own way: Decimal("NaN") < 0 raised InvalidOperation (issue 16)
    bad = request_values(m, lines=[{"name": "复印纸", "quantity": 2, "est_price": price, "kind": "consumable"}])
    with pytest.raises(ValidationError) as e:
        service.create_request(bad)
    assert "estimated unit price" in e.value.errors["line1"]


def test_a_price_written_with_yuan_is_read_like_everywhere_else(m):
    ok = request_values(m, lines=[{"name": "复印纸", "quantity": 2, "est_price": "￥35.50元", "kind": "consumable"}])
    assert service.create_request(ok).total == Decimal("71.00")
