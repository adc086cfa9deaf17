"""The variance report read the way a principal reads it: whose school, who signed and when,
how each difference was settled, and that an open count is only a preview (issue 12)."""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess

import pytest

from logistics_desk.core import i18n
from logistics_desk.modules.assets.models import AssetDisposal
from logistics_desk.modules.stocktake import forms
from logistics_desk.modules.stocktake import service as st_service
from logistics_desk.modules.stocktake.models import StockTakeLine

from .helpers import school

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils needed")


def page_texts(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [p for p in out.decode().split("\f") if p.strip()]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def line_with(pages: list[str], needle: str) -> str:
    return next(line for p in pages for line in p.splitlines() if needle in line)


@pytest.fixture
def zh():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


@pytest.fixture
def counted(database):
    s = school()
    st = st_service.open_stocktake(scope={"places": [s["r101"].id, s["r102"].id]}, counter="陈晓燕")
    st_service.scan(st.id, "T-0001", s["r101"].id)
    st_service.scan(st.id, "T-0004", s["r101"].id)  # 白板 belongs in 102: misplaced
    st_service.set_quantity(StockTakeLine.get(StockTakeLine.asset_number == "T-0003").id, 48)  # 2 desks short
    st_service.set_condition(StockTakeLine.get(StockTakeLine.asset_number == "T-0002").id, "damaged", "镜头裂了")
    st_service.scan(st.id, "X-0100", s["r102"].id)
    st_service.set_surplus(st_service.unknowns(st.id)[0]["id"], {"name": "饮水机", "category": s["cat"].id,
                                                                  "unit_price": "450", "quantity": 2})
    # T-0005 (电视机) is never counted: missing
    s["st"] = st
    return s


def sign(st_id):
    st_service.close(st_id)
    return st_service.sign_off(st_id, counter="陈晓燕", checker="李强", director="周主任", custodian_sign="王老师",
                               principal="赵校长", on=_dt.date(2026, 6, 27))


def test_report_prints_the_school_name_it_was_given_on_every_page(counted):
    data = forms.report_data(counted["st"].id)
    assert data["school"] == "测试实验学校"
    data["school"] = "示范市第二中学"  # rendered in a worker: the data carries the heading
    pages = page_texts(forms.render_report(data))
    assert all("示范市第二中学" in p for p in pages)


def test_signed_report_reprints_the_recorded_names_and_date(zh, counted):
    sign(counted["st"].id)
    pages = page_texts(forms.report_pdf(counted["st"].id))
    for role, name in (("盘点人", "陈晓燕"), ("复核人", "李强"), ("保管人", "王老师"), ("总务主任", "周主任"),
                       ("校长", "赵校长")):
        line = line_with(pages, name)
        assert role in line and "2026-06-27" in line, line
    assert "预览" not in flat("".join(pages))


def test_open_report_says_preview_on_every_page(zh, counted):
    data = forms.report_data(counted["st"].id)
    row = data["missing"][0]
    data["missing"] = [dict(row, number=f"T-{9000 + i}") for i in range(70)]  # several pages
    pages = page_texts(forms.render_report(data))
    assert len(pages) >= 3
    assert all("预览" in flat(p) for p in pages)
    st_service.close(counted["st"].id)
    assert not any("预览" in flat(p) for p in page_texts(forms.report_pdf(counted["st"].id)))


@pytest.mark.parametrize("signed", [False, True])
def test_signature_block_never_stands_alone_on_the_last_page(counted, signed):
    if signed:
        sign(counted["st"].id)
    else:
        st_service.close(counted["st"].id)
    data = forms.report_data(counted["st"].id)
    row = data["missing"][0]
    for n in range(40):
        data["missing"] = [dict(row, number=f"T-{9000 + i}") for i in range(n)]
        pages = page_texts(forms.render_report(data))
        last = pages[-1]
        body = last.split("Check code")[-1]
        assert re.search(r"T-\d{4}|\(none\)|Total", body), (n, last)


def test_each_variance_says_how_it_was_settled(zh, counted):
    st = counted["st"]
    sign(st.id)
    pages = page_texts(forms.report_pdf(st.id))
    assert "处理结果" in flat("".join(pages))
    for number in ("T-0005", "T-0003", "T-0004", "T-0002"):
        assert "尚未处理" in line_with(pages, number), number
    st_service.apply_all(st.id)
    pages = page_texts(forms.report_pdf(st.id))
    assert "盘亏待批" in line_with(pages, "T-0005") and "盘亏待批" in line_with(pages, "T-0003")
    for number in ("T-0005", "T-0003"):  # all of the TV missing; 2 of the 50 desks (split off)
        st_service.approve_writeoff(StockTakeLine.get(StockTakeLine.asset_number == number).id, approver="赵校长")
    pages = page_texts(forms.report_pdf(st.id))
    for number in ("T-0005", "T-0003"):
        line = StockTakeLine.get(StockTakeLine.asset_number == number)
        holder = line.shortage_asset or line.asset_id
        disposal = AssetDisposal.get(AssetDisposal.asset == holder)
        assert f"已核销{disposal.doc_no}" in flat(line_with(pages, number)), number
    assert "已调至教学楼101" in flat(line_with(pages, "T-0004"))
    damage = line_with(pages, "T-0002")
    doc = StockTakeLine.get(StockTakeLine.asset_number == "T-0002").asset.damages.get().doc_no
    assert f"已登记损坏{doc}" in flat(damage)
    surplus = line_with(pages, "饮水机")
    number = st_service.unknowns(st.id, "surplus")[0]["registered_number"]
    assert f"已入账{number}" in flat(surplus)


def test_open_report_says_settlement_waits_for_sign_off(zh, counted):
    pages = page_texts(forms.report_pdf(counted["st"].id))
    assert "待签字确认" in line_with(pages, "T-0005")
