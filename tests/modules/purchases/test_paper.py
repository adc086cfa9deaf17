"""The purchase forms read the way a principal reads them (issue 12): the budget figures add up,
the public notice only for a large expenditure, the acceptance form shows what arrived, amounts in
words, and the monthly store count in quantity and money."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

import pytest

from logistics_desk.cli import main as cli_main
from logistics_desk.core import clock, db, i18n, settings
from logistics_desk.core.errors import RuleError
from logistics_desk.modules.purchases import documents, forms, service

from .helpers import request_values, setup_master
from .test_forms import needs_poppler, pdf_text


@pytest.fixture
def m(database):
    return setup_master()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _approve(req):
    service.submit(req, confirmed=True)
    for role in service.required_levels(req.total):
        service.record_approval(req, level=role, approver="李卫东", decision="approved", confirmed=True)


def _one_line(m, name, qty, price, kind="asset"):
    line = {"name": name, "quantity": qty, "unit": "台", "est_price": str(price), "kind": kind}
    if kind == "asset":
        line["category"] = m["cat"].id
    return [line]


@needs_poppler
def test_request_form_budget_figures_add_up(m, tmp_path):
    # the issue's case: a 34,000 budget, another request approved on it, this one approved for 33,893
    service.save_budget({"name": m["budget"].name, "amount": "34000"}, m["budget"])
    other = service.create_request(request_values(m, lines=_one_line(m, "打印机", 2, 1000)))
    _approve(other)
    req = service.create_request(request_values(m, lines=_one_line(m, "交互式一体机", 1, "33893")))
    _approve(req)
    b = documents.request_data(req)["budget"]
    assert (b["budget"], b["committed"], b["spent"], b["this_request"]) == (
        Decimal("34000.00"), Decimal("2000.00"), Decimal("0.00"), Decimal("33893.00"))
    assert b["budget"] - b["committed"] - b["spent"] - b["this_request"] == b["balance"] == Decimal("-1893.00")
    text = _flat(pdf_text(forms.request_form(documents.request_data(req)), tmp_path))
    # one row that adds up, and the warning with the same figures
    assert "34,000.00 2,000.00 0.00 33,893.00 -1,893.00" in text
    # the warning's figures are the row's: budget − the others − this request = balance after (issue 14.6)
    assert ("Over budget by 1,893.00 yuan: 2026 信息中心 · 设备购置费: budget 34,000.00 − committed by other "
            "requests 2,000.00 − spent 0.00 − this request 33,893.00 = balance after -1,893.00 yuan.") in text
    assert "35,893.00" not in text  # this request counted twice (the old "committed")
    assert "Total requested: 33,893.00 yuan (in words: RMB 叁万叁仟捌佰玖拾叁元整)" in text
    # every screen uses the same function: the request list and the budget table
    rows = {r["number"]: r for r in service.fetch_requests({}, 0, 50, "number", False)}
    assert rows[req.number]["budget_left"] == Decimal("-1893.00")
    assert "over by 1,893.00" in rows[req.number]["budget_text"]
    line = next(r for r in service.budget_rows(2026) if r["id"] == m["budget"].id)
    assert line["committed"] == Decimal("35893.00") and line["remaining"] == Decimal("-1893.00")
    assert service.budget_check(m["budget"].id, req.total, exclude=service.get_request(req.id)) == b["warning"]


def test_budget_state_of_a_draft_and_of_an_ordered_request(m):
    req = service.create_request(request_values(m))  # 13,100 draft: not yet committed
    st = service.budget_state(m["budget"], req)
    assert (st.committed, st.this_request, st.balance) == (Decimal("0"), Decimal("13100.00"), Decimal("36900.00"))
    _approve(req)
    service.add_quote(req, supplier=m["suppliers"][0].id, amount="12000")
    service.add_quote(req, supplier=m["suppliers"][1].id, amount="12500")
    service.add_quote(req, supplier=m["suppliers"][2].id, amount="12900")
    q = service.quotes_of(req)[0]
    service.place_order(req, buyer="陈晓燕", quote=q.id)
    req = service.get_request(req.id)
    st = service.budget_state(m["budget"], req)
    # counted once, at the ordered amount
    assert st.committed == 0 and st.this_request == req.order_total and st.balance == 50000 - req.order_total
    assert service.budget_state(m["budget"]).balance == st.balance


@needs_poppler
def test_public_notice_refused_below_its_threshold(m, db_path, tmp_path, capsys):
    req = service.create_request(request_values(m, lines=_one_line(m, "硒鼓", 4, 380, "consumable")))
    _approve(req)
    service.place_order(req, buyer="陈晓燕", supplier=m["suppliers"][0].id)
    with pytest.raises(RuleError) as e:
        documents.notice_data(req)
    assert "1,520.00" in e.value.message and "20,000.00" in e.value.message
    db.close_database()
    out = tmp_path / "n.pdf"
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "public-notice", "--request", req.number,
                     "-o", str(out)]) == 2
    assert "below the public-notice threshold" in capsys.readouterr().out and not out.exists()
    db.open_database(db_path, backup=False)


@needs_poppler
def test_public_notice_of_a_large_purchase(m, tmp_path):
    settings.set_many({"school.phone": "0551-62880000", "school.name": "示范市实验中学"})
    req = service.create_request(request_values(m, lines=_one_line(m, "台式电脑", 8, 4200)))
    _approve(req)
    for sup, amount in zip(m["suppliers"], ("32000", "33100", "33500"), strict=False):  # 3 of the 4 suppliers quote
        service.add_quote(req, supplier=sup.id, amount=amount)
    service.place_order(req, buyer="陈晓燕", quote=service.quotes_of(req)[0].id)
    text = pdf_text(forms.public_notice(documents.notice_data(req)), tmp_path)
    flat = _flat(text)
    assert "Expenditures of 20,000.00 yuan or more are made public" in flat
    assert "Amount in words 叁万贰仟元整" in flat
    assert any("0551-62880000" in line for line in text.splitlines())  # never split over two lines
    tail = [line.strip() for line in text.splitlines() if line.strip()][-4:]
    assert tail[0] == "示范市实验中学 general affairs office" and tail[1] == "(stamp)"


@needs_poppler
def test_acceptance_form_of_a_partial_delivery_shows_what_arrived(m, tmp_path):
    req = service.create_request(request_values(m))  # 3 PCs at 4,200 and 20 packs of paper at 25
    _approve(req)
    for sup, amount in zip(m["suppliers"], ("13100", "13300", "13500"), strict=False):  # 3 of the 4 suppliers quote
        service.add_quote(req, supplier=sup.id, amount=amount)
    service.place_order(req, buyer="陈晓燕", quote=service.quotes_of(req)[0].id)
    pc, paper = service.lines_of(req)
    with pytest.raises(RuleError):
        documents.acceptance_data(req)  # nothing has arrived: nothing to accept
    service.record_delivery(req, {pc.id: 1, paper.id: 20})
    data = documents.acceptance_data(req)
    assert [r["amount"] for r in data["lines"]] == [Decimal("4200.00"), Decimal("500.00")]
    assert data["total"] == Decimal("4700.00") and data["ordered_total"] == Decimal("13100.00")
    text = _flat(pdf_text(forms.acceptance_form(data), tmp_path))
    assert "Amount received: 4,700.00 yuan (in words: RMB 肆仟柒佰元整)" in text
    assert "13,100.00" in text  # the order amount, named as such, beside what arrived
    assert re.search(r"Total\s+4,700\.00", text) and not re.search(r"Total\s+13,100\.00", text)
    assert "Partial delivery" in text
    assert "Principal signature:" in text
    assert "Every document needs the principal's signature before the goods are accepted." in text
    i18n.set_language("zh_CN")
    text = pdf_text(forms.acceptance_form(documents.acceptance_data(req)), tmp_path).replace(" ", "")
    assert "一切单据需经校长签字后方能验收" in text and "校长签字：" in text and "肆仟柒佰元整" in text


@needs_poppler
def test_monthly_store_count_opening_in_out_closing_in_money(m, tmp_path):
    clock.freeze(_dt.datetime(2026, 9, 10, 9, 0))
    item = service.save_item({"name": "签字笔", "spec": "0.5mm 黑色", "unit": "支"})
    service.stock_in(item, 100, unit_price="1.50", on=_dt.date(2026, 9, 10))
    clock.freeze(_dt.datetime(2026, 10, 8, 9, 0))
    service.stock_in(item, 100, unit_price="2.10", on=_dt.date(2026, 10, 8))
    clock.freeze(_dt.datetime(2026, 10, 9, 9, 0))
    service.issue([(item.id, 40)], recipient_name="王芳", department=m["dept"].id, on=_dt.date(2026, 10, 9))
    clock.freeze(_dt.datetime(2026, 10, 31, 16, 0))
    service.record_count("2026-10", {item.id: 158}, counted_by="陈晓燕", confirmed=True)
    clock.freeze(_dt.datetime(2026, 11, 12, 9, 0))
    row = service.store_month("2026-10")["rows"][0]
    # 100 at 1.50 + 100 at 2.10: average 1.80; 40 out; 160 on the book, 158 counted
    assert (row["open_qty"], row["open_amount"]) == (100, Decimal("150.00"))
    assert (row["in_qty"], row["in_amount"]) == (100, Decimal("210.00"))
    assert (row["out_qty"], row["out_amount"]) == (40, Decimal("72.00"))
    assert (row["close_qty"], row["close_amount"]) == (160, Decimal("288.00"))
    assert (row["adj_qty"], row["adj_amount"], row["counted"]) == (-2, Decimal("-3.60"), 158)
    nov = service.store_month("2026-11")["rows"][0]
    assert (nov["open_qty"], nov["open_amount"]) == (158, Decimal("284.40"))
    text = _flat(pdf_text(forms.store_count_sheet(documents.count_data("2026-10")), tmp_path))
    for word in ("Opening", "In qty", "Out qty", "Closing", "amount"):  # headers may take two lines
        assert word in text
    assert "100 150.00 100 210.00 40 72.00 160 288.00 158 -2" in text
    with pytest.raises(RuleError):
        service.store_month("2030-01")  # a month not yet begun is not accounted for
