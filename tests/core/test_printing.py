"""The printing core: page template, table forms, slips — checked by the text and fonts of the PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import time
from decimal import Decimal

import pytest

from logistics_desk.core import i18n, tasks
from logistics_desk.core.printing import (
    BarChart,
    Column,
    Field,
    Fields,
    PrintCancelled,
    Section,
    SlipForm,
    SmallTable,
    TableForm,
    Text,
    render_slips,
)
from logistics_desk.core.printing.text import format_money, format_qty, wrap

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed",
)

ROLES = ["保管人", "部门负责人", "总务干事"]


def columns():
    return [
        Column("no", "序号", 8, kind="index"),
        Column("number", "资产编号", 24),
        Column("name", "名称", 28),
        Column("model", "规格型号", 24),
        Column("qty", "数量", 9, kind="qty"),
        Column("price", "单价", 16, kind="money"),
        Column("amount", "金额", 18, kind="money"),
        Column("bought", "购置日期", 20, kind="date"),
        Column("remark", "备注", 16),
    ]


def rows(n, start=0):
    return [
        {"number": f"ZC-2026-{i + 1:05d}", "name": "联想台式计算机", "model": "M720t", "qty": 1,
         "price": Decimal("4599"), "amount": Decimal("4599"), "bought": dt.date(2024, 9, 1)}
        for i in range(start, start + n)
    ]


def pdf_pages(pdf: bytes) -> int:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def page_text(pdf: bytes, page: int) -> str:
    """Text of one page with all whitespace removed (pdftotext spaces CJK text freely)."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s+", "", out)


def fonts(pdf: bytes, tmp_path) -> list[list[str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def assert_font_embedded(pdf: bytes, tmp_path) -> None:
    found = fonts(pdf, tmp_path)
    assert found, "no font in the PDF"
    for row in found:
        assert "WenQuanYiMicroHei" in row[0], row
        # columns: name type encoding emb sub uni object ID
        assert row[-5:-2] == ["yes", "yes", "yes"], row
    assert not any("STSong" in r[0] or "Helvetica" in r[0] for r in found)


@needs_poppler
def test_table_form_has_school_title_headers_signatures_and_page_numbers_in_chinese(database, tmp_path):
    i18n.set_language("zh_CN")
    form = TableForm(
        "固定资产清单", columns(),
        [Section([("存放地点", "教学楼 301"), ("保管人", "张三")], rows(40), {"qty": 40, "amount": 183960},
                 ROLES)],
        doc_number="QD-2026-0001", date=dt.date(2026, 3, 1),
    )
    pdf = form.render()
    n = pdf_pages(pdf)
    assert n >= 2
    first = page_text(pdf, 1)
    assert "测试实验学校" in first  # settings "school.name"
    assert "固定资产清单" in first
    assert "编号：QD-2026-0001" in first and "日期：2026-03-01" in first
    assert "存放地点：教学楼301" in first and "保管人：张三" in first
    for head in ("序号", "资产编号", "名称", "规格型号", "数量", "单价", "金额", "购置日期", "备注"):
        assert head in first
    assert f"第1页/共{n}页" in first
    assert "ZC-2026-00001" in first
    second = page_text(pdf, 2)
    assert "资产编号" in second and "规格型号" in second  # the header row repeats
    assert "测试实验学校" in second and f"第2页/共{n}页" in second
    last = page_text(pdf, n)
    assert "ZC-2026-00040" in last
    assert "合计" in last and "183,960.00" in last
    for role in ROLES:
        assert f"{role}签字：" in last
        assert role + "签字：" not in first or n == 1
    assert last.count("日期：") >= 3
    assert_font_embedded(pdf, tmp_path)


@needs_poppler
def test_english_interface_prints_english_template_words(tmp_path):
    pdf = TableForm("Inventory", columns(), [Section([], rows(3), {"qty": 3}, ["Custodian"])],
                    doc_number="QD-1", date=dt.date(2026, 3, 1), school="Test School").render()
    text = page_text(pdf, 1)
    assert "Page1of1" in text
    assert "Custodiansignature:" in text and "No.:QD-1" in text and "Total" in text
    assert "TestSchool" in text


@needs_poppler
def test_sections_start_on_new_pages_and_count_their_own_pages(tmp_path):
    i18n.set_language("zh_CN")
    sections = [
        Section([("存放地点", "教学楼 301")], rows(3), {"qty": 3}, ROLES, title="教学楼 301"),
        Section([("存放地点", "教学楼 302")], rows(60, 3), {"qty": 60}, ROLES, title="教学楼 302"),
        Section([("存放地点", "教学楼 303")], [], None, ["保管人"], title="教学楼 303"),
    ]
    pdf = TableForm("固定资产清单", columns(), sections, school="测试实验学校").render()
    n = pdf_pages(pdf)
    texts = [page_text(pdf, p) for p in range(1, n + 1)]
    assert "存放地点：教学楼301" in texts[0] and "第1页/共1页" in texts[0]
    assert "ZC-2026-00003" in texts[0] and "ZC-2026-00004" not in texts[0]
    room2 = [t for t in texts if "存放地点：教学楼302" in t]
    assert len(room2) >= 2
    assert texts[1].startswith("测试实验学校固定资产清单教学楼302")  # a new page for the new room
    assert "ZC-2026-00004" in texts[1]
    for k, t in enumerate(room2, start=1):
        assert f"第{k}页/共{len(room2)}页" in t
    assert "保管人签字：" in room2[-1] and all("保管人签字：" not in t for t in room2[:-1])
    last = texts[-1]
    assert "存放地点：教学楼303" in last and "（无）" in last and "第1页/共1页" in last
    assert "合计" not in last  # totals=None prints no totals row
    assert n == 1 + len(room2) + 1


@needs_poppler
def test_sections_can_be_a_generator_and_progress_reports_rows(tmp_path):
    seen = []

    def sections():
        for r in range(3):
            yield Section([("Room", str(r))], rows(5), None, [])

    pdf = TableForm("T", columns(), sections(), school="S").render(progress=lambda d, t: seen.append((d, t)))
    assert pdf_pages(pdf) == 3
    assert seen == [(5, None), (10, None), (15, None)]
    seen.clear()
    TableForm("T", columns(), [Section([], rows(5)), Section([], rows(7))], school="S").render(
        progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (12, 12)


def test_cancel_stops_rendering_with_a_cancel_the_worker_understands():
    calls = {"n": 0}

    def cancel():
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(PrintCancelled) as info:
        TableForm("T", columns(), [Section([], rows(500))], school="S").render(cancel=cancel)
    assert isinstance(info.value, tasks.Cancelled)
    assert info.value.message == "Printing cancelled."


@needs_poppler
def test_long_text_wraps_inside_its_cell_and_blank_rows_are_added():
    long_model = "ThinkCentre M720t i5-9500 8G 1T 带 21.5 英寸显示器 键盘 鼠标 一套"
    data = [{"number": "ZC-1", "name": "台式计算机", "model": long_model, "qty": 2.5}]
    cols = columns()
    cols[3].max_lines = 8
    pdf = TableForm("T", cols, [Section([], data, None, [], blank_rows=5)], school="S").render()
    text = page_text(pdf, 1)
    assert re.sub(r"\s", "", long_model) in text  # every character printed, over several lines
    # past max_lines (default 3) the text is set smaller, then takes more lines: never cut with "…"
    text = page_text(TableForm("T", columns(), [Section([], data)], school="S").render(), 1)
    assert re.sub(r"\s", "", long_model) in text and "…" not in text
    assert "2.5" in text
    lines = wrap(long_model, 60, 9)
    assert len(lines) > 1 and all(len(x) for x in lines)
    # latin words stay whole
    words = set(re.findall(r"[A-Za-z0-9.\-]+", long_model))
    assert all(w in words for line in lines for w in re.findall(r"[A-Za-z0-9.\-]+", line))


def test_value_formatting():
    assert format_money(Decimal("1234.5")) == "1,234.50"
    assert format_money(None) == "" and format_money("") == ""
    assert format_qty(Decimal("2.50")) == "2.5" and format_qty(3) == "3"


@needs_poppler
def test_barcode_column_prints_scannable_code128(tmp_path):
    if not shutil.which("zbarimg") or not shutil.which("pdftoppm"):
        pytest.skip("zbarimg/pdftoppm not installed")
    cols = [Column("no", "序号", 8, kind="index"), Column("number", "资产编号", 60, kind="barcode"),
            Column("name", "名称", 30), Column("seen", "实盘", 10, kind="checkbox")]
    numbers = [f"ZC-2026-{i:05d}" for i in range(1, 6)]
    pdf = TableForm("盘点表", cols, [Section([], [{"number": n, "name": "课桌"} for n in numbers])],
                    school="S").render()
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
                   check=True)
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.split()
    assert sorted(out) == numbers
    assert all(n in page_text(pdf, 1) for n in numbers)  # readable text beneath each code


def test_a_5000_row_sheet_prints_in_seconds():
    t = time.perf_counter()
    pdf = TableForm("固定资产清单", columns(), [Section([], rows(5000), {"qty": 5000}, ROLES)],
                    landscape=True, school="S").render()
    elapsed = time.perf_counter() - t
    assert pdf.startswith(b"%PDF") and len(pdf) > 100_000
    assert elapsed < 30, f"5,000 rows took {elapsed:.1f} s"


@needs_poppler
def test_slip_form_fields_text_table_chart_and_signatures(tmp_path):
    i18n.set_language("zh_CN")
    slip = SlipForm(
        "资产调拨单", doc_number="DB-2026-0003", date=dt.date(2026, 3, 2), school="测试实验学校",
        meta=[("调出部门", "初一年级")],
        blocks=[
            Fields([("资产编号", "ZC-2026-00001"), ("名称", "投影仪"), Field("调拨原因", "教室调整", span=2)]),
            Text("兹将上述资产调拨给初二年级使用。", indent=True),
            SmallTable([Column("d", "日期", 20, kind="date"), Column("e", "事项", 60)],
                       [{"d": dt.date(2026, 1, 5), "e": "登记入账"}], title="变动记录"),
            BarChart(["一月", "二月"], [3, 5], title="维修次数"),
        ],
        signatures=["调出人", "调入人", "总务主任"],
    )
    pdf = slip.render()
    text = page_text(pdf, 1)
    for s in ("测试实验学校", "资产调拨单", "编号：DB-2026-0003", "日期：2026-03-02", "调出部门：初一年级",
              "资产编号", "ZC-2026-00001", "调拨原因", "教室调整", "兹将上述资产调拨给初二年级使用。",
              "变动记录", "登记入账", "2026-01-05", "维修次数", "一月", "二月",
              "调出人签字：", "调入人签字：", "总务主任签字：", "第1页/共1页"):
        assert s in text, s
    assert_font_embedded(pdf, tmp_path)


@needs_poppler
def test_two_slips_per_page_and_long_slips_continue(tmp_path):
    i18n.set_language("zh_CN")
    slips = [SlipForm(f"维修单 {k}", [Fields([("报修人", "王老师"), ("地点", "教学楼 301")])],
                      signatures=["报修人", "维修人"], school="S") for k in range(3)]
    pdf = render_slips(slips, per_page=2)
    assert pdf_pages(pdf) == 2
    first = page_text(pdf, 1)
    assert "维修单0" in first and "维修单1" in first and "维修单2" not in first
    # a slip longer than a page goes on, with its own page count and the table header repeated
    long = SlipForm("卡片", [SmallTable([Column("a", "事项", 1)], [{"a": f"第{i}条"} for i in range(80)])],
                    school="S")
    pdf = long.render()
    n = pdf_pages(pdf)
    assert n >= 2
    assert f"第1页/共{n}页" in page_text(pdf, 1)
    assert "事项" in page_text(pdf, 2) and f"第2页/共{n}页" in page_text(pdf, 2)


@needs_poppler
def test_date_defaults_to_today_from_the_clock():
    from logistics_desk.core import clock

    clock.freeze(dt.datetime(2026, 9, 1, 8, 0))
    text = page_text(TableForm("T", columns(), [Section([], rows(1))], school="S").render(), 1)
    assert "Date:2026-09-01" in text
    text = page_text(TableForm("T", columns(), [Section([], rows(1))], school="S", date="").render(), 1)
    assert "Date:" not in text
    text = page_text(SlipForm("Slip", [Text("x")], school="S").render(), 1)
    assert "Date:2026-09-01" in text
