"""Count sheets and the variance report: their text holds the right totals, their barcodes scan."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from logistics_desk import cli
from logistics_desk.core import i18n
from logistics_desk.modules.stocktake import forms
from logistics_desk.modules.stocktake import service as st_service
from logistics_desk.modules.stocktake.models import StockTakeLine

from .helpers import school


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def decode_barcodes(pdf_path, tmp_path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(pdf_path), str(tmp_path / "page")], check=True)
    codes = []
    for png in sorted(tmp_path.glob("page*.pgm")):
        out = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Scode128.enable", str(png)],
                             capture_output=True, text=True, check=False).stdout
        codes += out.split()
    return codes


@pytest.fixture
def counted(database):
    s = school()
    st = st_service.open_stocktake(scope={"places": [s["r101"].id, s["r102"].id]}, counter="陈晓燕")
    st_service.scan(st.id, "T-0001", s["r101"].id)
    st_service.scan(st.id, "T-0004", s["r101"].id)
    st_service.set_quantity(StockTakeLine.get(StockTakeLine.asset_number == "T-0003").id, 48)
    st_service.set_condition(StockTakeLine.get(StockTakeLine.asset_number == "T-0002").id, "damaged", "镜头裂了")
    st_service.scan(st.id, "X-0100", s["r102"].id)
    st_service.set_surplus(st_service.unknowns(st.id)[0]["id"], {"name": "饮水机", "category": s["cat"].id,
                                                                  "unit_price": "450", "quantity": 2})
    s["st"] = st
    return s


needs_tools = pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
                                 reason="poppler-utils and zbar-tools needed")


@needs_tools
def test_count_sheets_one_place_per_page_barcodes_scan(counted, tmp_path):
    pdf = tmp_path / "sheets.pdf"
    pdf.write_bytes(forms.sheets_pdf(counted["st"].id))
    pages = pdf_text(pdf).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) == 2
    assert "教学楼 101" in pages[0] and "教学楼 102" not in pages[0].split("Place")[1].split("\n")[0]
    assert "3 items, 52 pieces" in pages[0]  # the expected total of 101
    assert "2 items, 2 pieces" in pages[1]
    for role in ("Counted by", "Count checked by", "Custodian"):
        assert role in pages[0]
    assert "Page 1 of 1" in pages[0]
    # walking order: by asset number
    assert pages[0].index("台式电脑") < pages[0].index("投影仪") < pages[0].index("课桌椅")
    assert sorted(decode_barcodes(pdf, tmp_path)) == ["T-0001", "T-0002", "T-0003", "T-0004", "T-0005"]


def test_count_sheet_for_one_place_in_chinese(counted, tmp_path):
    i18n.set_language("zh_CN")
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(forms.sheets_pdf(counted["st"].id, "教学楼 102"))
    text = pdf_text(pdf)
    assert "资产盘点表" in text and "实盘数量" in text and "盘点人" in text and "复核人" in text
    assert "T-0004" in text and "T-0001" not in text
    for word in ("完好", "损坏", "待修"):
        assert word in text


def test_variance_report_totals(counted, tmp_path):
    st = counted["st"]
    st_service.close(st.id)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(forms.report_pdf(st.id))
    text = pdf_text(pdf)
    v = st_service.variance(st.id)["totals"]
    assert (v["expected_qty"], v["found_qty"], v["missing_qty"], v["surplus_qty"]) == (54, 51, 3, 2)
    assert ("Expected 5 items (54 pieces, book value {:,.2f} yuan); found 51 pieces; shortage 3 pieces"
            .format(v["expected_value"])) in " ".join(text.split())
    assert f'{v["missing_value"]:,.2f}' in text and "900.00" in text
    for role in ("Counted by", "Count checked by", "Custodian", "Director of general affairs", "Principal"):
        assert f"{role} signature" in text
    for number in ("T-0003", "T-0005", "X-0100", "T-0004", "T-0002"):
        assert number in text
    assert "PROVISIONAL" not in text


def test_report_of_open_stocktake_is_marked_provisional(counted, tmp_path):
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(forms.report_pdf(counted["st"].id))
    assert "PROVISIONAL" in pdf_text(pdf)


def test_command_line(counted, db_path, tmp_path, capsys):
    st = counted["st"]
    from logistics_desk.core import db

    db.close_database()
    out = tmp_path / "sheets.pdf"
    assert cli.main(["--db", str(db_path), "--lang", "en", "print", "stocktake-sheets", "--stocktake", str(st.id),
                     "--place", "教学楼 101", "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "T-0001" in text and "T-0004" not in text
    out = tmp_path / "report.pdf"
    assert cli.main(["--db", str(db_path), "--lang", "en", "print", "stocktake-report", "--stocktake", str(st.id),
                     "-o", str(out)]) == 0
    assert "Stock-take variance report" in pdf_text(out)
    xlsx = tmp_path / "st.xlsx"
    assert cli.main(["--db", str(db_path), "--lang", "en", "export", "stocktake", str(st.id), str(xlsx)]) == 0
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    assert wb.sheetnames == ["By place", "By category", "All lines", "Surplus"]
    rows = list(wb["All lines"].iter_rows(values_only=True))
    assert len(rows) == 6 and rows[0][0] == "Asset No."
    places = list(wb["By place"].iter_rows(values_only=True))
    assert places[-1][0] == "Total" and places[-1][2] == 54
    capsys.readouterr()
    assert cli.main(["--db", str(db_path), "--lang", "en", "print", "stocktake-report", "--stocktake", "99",
                     "-o", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().out
    assert cli.main(["--db", str(db_path), "--lang", "en", "print", "stocktake-sheets", "--stocktake", str(st.id),
                     "--place", "操场", "-o", str(out)]) == 2
    assert cli.main(["--db", str(db_path), "--lang", "en", "export", "stocktake", "x", str(xlsx)]) == 2
    db.open_database(db_path, backup=False)
