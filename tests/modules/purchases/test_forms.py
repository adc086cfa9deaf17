"""Printed forms, read back with pdftotext: the signature lines follow the amount."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from logistics_desk.cli import main as cli_main
from logistics_desk.core import db
from logistics_desk.core.errors import RuleError
from logistics_desk.modules.purchases import documents, forms, service

from .helpers import request_values, setup_master

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def m(database):
    return setup_master()


def _request(m, price):
    return service.create_request(request_values(m, lines=[
        {"name": "投影仪", "quantity": 1, "unit": "台", "est_price": str(price), "kind": "asset",
         "category": m["cat"].id}]))


@needs_poppler
@pytest.mark.parametrize("price,roles,absent", [
    (800, ["Director of general affairs"], ["Principal", "School leadership meeting"]),
    (5000, ["Director of general affairs", "Principal"], ["School leadership meeting"]),
    (25000, ["Director of general affairs", "Principal", "School leadership meeting"], []),
])
def test_request_form_signature_lines_follow_the_amount(m, tmp_path, price, roles, absent):
    req = _request(m, price)
    text = pdf_text(forms.request_form(documents.request_data(req)), tmp_path)
    assert "Purchase request form" in text and req.number in text and "测试实验学校" in text
    assert "Requester signature:" in text
    for role in roles:
        assert f"{role} signature:" in text
    for role in absent:
        assert f"{role} signature:" not in text
    assert text.count("signature:") == len(roles) + 1
    assert "public bidding" not in text


@needs_poppler
def test_tender_note_and_budget_warning_on_the_form(m, tmp_path):
    req = _request(m, 260000)
    text = " ".join(pdf_text(forms.request_form(documents.request_data(req)), tmp_path).split())
    assert "public bidding" in text
    assert "Over budget" in text


@needs_poppler
def test_quote_acceptance_notice_issue_and_count_forms(m, tmp_path):
    req = service.create_request(request_values(m))
    service.submit(req)
    for role in service.required_levels(req.total):
        service.record_approval(req, level=role, approver="李卫东", decision="approved")
    s = m["suppliers"]
    q = service.add_quote(req, supplier=s[0].id, amount="12800")
    service.add_quote(req, supplier=s[1].id, amount="12500")
    with pytest.raises(RuleError):
        service.place_order(req, buyer="陈晓燕", quote=q.id, reason="质保")
    service.add_quote(req, supplier=s[2].id, amount="13050")
    service.place_order(req, buyer="陈晓燕", quote=q.id, reason="售后服务网点在本市")
    pc, paper = service.lines_of(req)
    service.record_delivery(req, {pc.id: 3, paper.id: 20})
    service.accept(req, acceptors=["赵强", "孙丽"], invoice_no="No.123")
    text = pdf_text(forms.quote_comparison(documents.quote_data(req)), tmp_path)
    assert "售后服务网点在本市" in text and "lowest" in text and "chosen" in text
    assert "12,500.00" in text and "13,050.00" in text
    text = pdf_text(forms.acceptance_form(documents.acceptance_data(req)), tmp_path)
    assert "Acceptor (1) signature:" in text and "Acceptor (2) signature:" in text
    assert "赵强, 孙丽" in text and "Supply store" in text
    assert "Principal's signature" in text and "李卫东" in text  # signed at approval, carried to acceptance
    assert service.assets_of(req)[0].number in text
    with pytest.raises(RuleError) as e:  # 12,800 yuan: below the notice threshold, not a large expenditure
        documents.notice_data(req)
    assert "12,800.00" in e.value.message
    item = service.StoreItem.get()
    slip = service.issue([(item.id, 4)], recipient_name="王芳", department=m["dept"].id)
    text = pdf_text(forms.issue_slip(documents.issue_data(slip.doc_no)), tmp_path)
    assert "Issue slip" in text and "Recipient signature:" in text and "A4复印纸" in text
    text = pdf_text(forms.store_count_sheet(documents.count_data("2026-10")), tmp_path)
    assert "16" in text and "Counted by signature:" in text


def test_cli_prints_and_exports(m, db_path, tmp_path, capsys):
    req = _request(m, 3000)
    db.close_database()
    out = tmp_path / "r.pdf"
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "purchase-request", "--request", req.number,
                     "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "quote-comparison", "--request", str(req.id),
                     "-o", str(out)]) == 2
    assert "no quotes" in capsys.readouterr().out
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "store-count", "--month", "2026-10",
                     "-o", str(out)]) == 0
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "store-count", "--month", "2026-11",
                     "-o", str(out)]) == 2  # not begun yet (today is 2026-10-12)
    assert "has not begun" in capsys.readouterr().out
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "acceptance", "--request", "CG-2099-0001",
                     "-o", str(out)]) == 2
    xlsx = tmp_path / "p.xlsx"
    assert cli_main(["--db", str(db_path), "--lang", "en", "export", "purchases", str(xlsx)]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Purchase requests", "Request lines", "Supply store", "Store movements"]
    assert wb["Purchase requests"].max_row == 2 and wb["Request lines"]["C2"].value == "投影仪"
    db.open_database(db_path, backup=False)
