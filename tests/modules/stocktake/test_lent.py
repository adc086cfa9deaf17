"""A lent asset in a stock-take: out on loan (an open loan in the register) it is expected NOT to be on its
shelf. The count sheet says who has it and until when, the clerk confirms the loan slip (on loan, not
shortage) or counts it found (returned without the return being recorded), and the variance report lists
loans apart — neither found nor short — with the overdue ones marked: expected = found + on loan + short.

Before: the sheet and the count page said nothing of the loan, the uncounted lent asset came out as a
shortage (盘亏), and marking that shortage was NOT refused: the lent asset became 盘亏待批 and its write-off
then disposed of an asset still out on loan (the loan left open)."""

from __future__ import annotations

import datetime as _dt
import subprocess

import pytest

from logistics_desk.core import audit, clock, i18n
from logistics_desk.core.errors import RuleError
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import Asset, AssetLoan
from logistics_desk.modules.stocktake import forms
from logistics_desk.modules.stocktake import service as st_service
from logistics_desk.modules.stocktake.models import StockTakeLine

from .helpers import school


@pytest.fixture
def s(database):
    return school()


def pdf_text(data: bytes, tmp_path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


def _line(number: str) -> StockTakeLine:
    return StockTakeLine.get(StockTakeLine.asset_number == number)


def _lend(s):
    """T-0001 lent to 李老师, overdue since 06-20 (today 06-28); T-0004 to 赵老师, due 07-05; T-0005 to 钱老师,
    due 07-10 (it will be found on its shelf: returned without the return being recorded)."""
    a = s["assets"]
    assets.lend(a["pc"], borrower_name="李老师", due_on=_dt.date(2026, 6, 20), lent_on=_dt.date(2026, 6, 1))
    assets.lend(a["board"], borrower_name="赵老师", due_on=_dt.date(2026, 7, 5), lent_on=_dt.date(2026, 6, 25))
    assets.lend(a["tv"], borrower_name="钱老师", due_on=_dt.date(2026, 7, 10), lent_on=_dt.date(2026, 6, 26))


def _open(s):
    return st_service.open_stocktake(scope={"places": [s["r101"].id, s["r102"].id]}, counter="陈晓燕")


def _counted(s):
    """Lent as above; T-0001's slip seen, T-0004 not counted, T-0005 and T-0002 scanned, 48 of 50 desks."""
    _lend(s)
    st = _open(s)
    st_service.confirm_loan(_line("T-0001").id)
    st_service.scan(st.id, "T-0002", s["r101"].id)
    st_service.scan(st.id, "T-0005", s["r102"].id)
    st_service.set_quantity(_line("T-0003").id, 48)
    return st


# --- counting --------------------------------------------------------------------------------------------

def test_a_lent_line_carries_its_loan_and_the_clerk_confirms_the_slip(s):
    _lend(s)
    st = _open(s)
    rows = {d["asset_number"]: d for d in st_service.lines_for_place(st.id, s["r101"].id)}
    assert rows["T-0001"]["loan"]["borrower"] == "李老师" and rows["T-0001"]["loan"]["overdue_days"] == 8
    assert rows["T-0002"]["loan"] is None and rows["T-0001"]["state"] == "not_counted"
    assert st_service.loan_text(rows["T-0001"]["loan"]) == "On loan: 李老师, due 2026-06-20 (overdue 8 days)"

    line = st_service.confirm_loan(_line("T-0001").id)
    d = st_service.line_dict(line.id)
    assert (d["counted_qty"], d["method"], d["state"]) == (0, "loan", "lent")
    assert st_service.progress(st.id) == (1, 5)  # looked at: counted, not found
    entry = [e for e in audit.history("stocktake_line", line.id) if e.action == "confirm_loan"]
    assert entry and "李老师" in audit.shown(entry[0].note) and "JY-" in audit.shown(entry[0].note)

    with pytest.raises(RuleError, match="not on loan in the asset register"):
        st_service.confirm_loan(_line("T-0002").id)


def test_a_lent_asset_found_on_its_shelf_says_the_return_was_not_recorded(s):
    _lend(s)
    st = _open(s)
    res = st_service.scan(st.id, "T-0005", s["r102"].id)
    assert res.outcome == "found"
    assert "The register says “On loan: 钱老师, due 2026-07-10”" in res.detail
    assert "Record the return in the asset register" in res.detail
    plain = st_service.scan(st.id, "T-0002", s["r101"].id)
    assert "register says" not in plain.detail
    # ticking "missing" on a lent line is not a shortage either: it is on loan
    st_service.tick(_line("T-0004").id, False)
    assert st_service.line_dict(_line("T-0004").id)["state"] == "lent"


# --- closing, the variance --------------------------------------------------------------------------------

def test_closing_makes_lent_lines_on_loan_not_shortage_and_the_figures_add_up(s):
    st = _counted(s)
    preview = st_service.variance(st.id)["totals"]  # while counting: T-0004 not counted but on loan
    assert (preview["lent_qty"], preview["missing_qty"]) == (2, 2)
    st_service.close(st.id)
    results = {n: _line(n).result for n in ("T-0001", "T-0002", "T-0003", "T-0004", "T-0005")}
    assert results == {"T-0001": "lent", "T-0002": "found", "T-0003": "partial", "T-0004": "lent",
                       "T-0005": "found"}
    v = st_service.variance(st.id)
    t = v["totals"]
    assert (t["expected_qty"], t["found_qty"], t["lent_qty"], t["missing_qty"]) == (54, 50, 2, 2)
    assert t["expected_qty"] == t["found_qty"] + t["lent_qty"] + t["missing_qty"]
    assert t["lent_overdue"] == 1 and t["lent"] == 2
    assert [d["asset_number"] for d in v["missing"]] == ["T-0003"]
    lent = {d["asset_number"]: d for d in v["lent"]}
    assert lent["T-0001"]["loan"]["overdue_days"] == 8 and lent["T-0004"]["loan"]["overdue_days"] == 0
    assert [d["asset_number"] for d in v["found_on_loan"]] == ["T-0005"]
    by_place = {r["label"]: r for r in v["places"]}
    assert (by_place["教学楼 101"]["lent_qty"], by_place["教学楼 102"]["lent_qty"]) == (1, 1)
    note = [e.note for e in audit.history("stocktake", st.id) if e.action == "close"][0]
    assert "on loan 2" in note and "missing 1" in note
    # a loan taken back after closing does not change what the count saw
    assets.take_back(s["assets"]["pc"], returned_on=_dt.date(2026, 6, 29))
    assert st_service.variance(st.id)["totals"]["lent_qty"] == 2


def test_the_compare_of_an_open_count_does_not_call_a_lent_asset_missing(s):
    st = _open(s)
    st_service.close(st.id)  # a previous count (everything missing)
    _lend(s)
    st2 = _open(s)
    numbers = {d["asset_number"] for d in st_service.compare_with_previous(st2.id)["recurring"]}
    assert "T-0001" not in numbers and "T-0002" in numbers


# --- applying ---------------------------------------------------------------------------------------------

def test_marking_a_lent_asset_as_shortage_is_refused(s):
    """A count closed with T-0001 missing; it is lent afterwards: the shortage is refused with the loan."""
    st = _open(s)
    st_service.close(st.id)
    assets.lend(s["assets"]["pc"], borrower_name="李老师", due_on=_dt.date(2026, 6, 30))
    st_service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东")
    with pytest.raises(RuleError, match="is out on loan \\(On loan: 李老师, due 2026-06-30\\): it is not a shortage"):
        st_service.mark_shortage(_line("T-0001").id)
    asset = Asset.get_by_id(s["assets"]["pc"].id)
    assert asset.status == "lent"
    assert StockTakeLine.get_by_id(_line("T-0001").id).shortage_at is None


def test_the_return_of_a_lent_asset_found_is_recorded_after_sign_off(s):
    st = _counted(s)
    st_service.close(st.id)
    st_service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东")
    pending = st_service.pending_actions(st.id)
    assert [d["asset_number"] for d in pending["loan_return"]] == ["T-0005"]
    assert not {d["asset_number"] for d in pending["shortage"]} & {"T-0001", "T-0004"}
    done = st_service.apply(st.id, [("loan_return", pending["loan_return"][0]["id"])])
    assert done.counts == {"loan_return": 1} and s["assets"]["tv"].id in done.asset_ids
    assert Asset.get_by_id(s["assets"]["tv"].id).status == "in_use"
    loan = AssetLoan.get(AssetLoan.asset == s["assets"]["tv"].id)
    assert loan.returned_on == clock.today() and "stock-take PD-" in loan.return_note
    assert [e for e in audit.history("stocktake_line", _line("T-0005").id) if e.action == "apply_return"]
    assert st_service.pending_actions(st.id)["loan_return"] == []
    with pytest.raises(RuleError, match="not on loan"):
        st_service.record_return(_line("T-0005").id)
    # the loans still out stay on loan; the overdue one is never offered as a shortage
    assert Asset.get_by_id(s["assets"]["pc"].id).status == "lent"


# --- on paper ---------------------------------------------------------------------------------------------

def test_the_count_sheet_says_on_loan_with_borrower_and_due_date(s, tmp_path):
    _lend(s)
    st = _open(s)
    data = forms.sheet_data(st.id)
    rows = {r["number"]: r for p in data["places"] for r in p["rows"]}
    assert rows["T-0001"]["remark"] == "On loan: 李老师, due 2026-06-20 (overdue 8 days)"
    assert rows["T-0002"]["remark"] == ""
    text = pdf_text(forms.render_sheets(data), tmp_path, "sheet.pdf")
    assert "On loan: 李老师, due" in text and "3 items, 52 pieces, of which 1 on loan" in text
    i18n.set_language("zh_CN")
    try:
        text = pdf_text(forms.sheets_pdf(st.id), tmp_path, "sheet_zh.pdf").replace(" ", "")
    finally:
        i18n.set_language("en")
    assert "借出：李老师，应还2026-06-20" in text and "借出：赵老师，应还2026-07-05" in text
    assert "其中借出1项" in text


def test_the_variance_report_lists_loans_apart_with_the_overdue_marked(s, tmp_path):
    st = _counted(s)
    st_service.close(st.id)
    text = pdf_text(forms.report_pdf(st.id), tmp_path, "report.pdf")
    assert "of the 54 pieces expected, 50 found + 2 on loan + 2 short" in text
    assert "On loan (借出: neither found nor shortage)" in text
    assert "T-0001 台式电脑 教学楼 101 李老师 2026-06-20 Overdue 8 days Seen" in text
    assert "T-0004 白板 教学楼 102 赵老师 2026-07-05 Not checked" in text
    assert "Found although on loan in the register (return not recorded)" in text
    assert "T-0005 电视机 教学楼 102" in text
    shortage = text.split("Shortage (盘亏)")[1].split("On loan (借出")[0]
    assert "T-0003" in shortage and "T-0001" not in shortage and "T-0004" not in shortage
    i18n.set_language("zh_CN")
    try:
        zh = pdf_text(forms.report_pdf(st.id), tmp_path, "report_zh.pdf")
    finally:
        i18n.set_language("en")
    assert "账面 54 件 = 实盘 50 件 + 借出 2 件 + 盘亏 2 件" in zh
    assert "借出（不计实盘，也不计盘亏）" in zh and "逾期 8 天" in zh


# --- the count page (qtbot) -------------------------------------------------------------------------------

@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_count_page_shows_the_loan_and_lets_the_clerk_confirm_it(s, qtbot):
    from PySide6.QtCore import Qt

    from logistics_desk.modules.stocktake.pages.count import COL_NOTE, COL_STATE, CountPage

    _lend(s)
    st = _open(s)
    page = CountPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.load(st)
    assert page.place_title.text() == "教学楼 101"

    def row(number):
        return [page.table.item(r, 1).text() for r in range(page.table.rowCount())].index(number)

    r = row("T-0001")
    assert page.table.item(r, COL_STATE).text() == "Lent: check slip"
    assert page.table.item(r, COL_NOTE).text() == "On loan: 李老师, due 2026-06-20 (overdue 8 days)"
    assert page.table.item(row("T-0002"), COL_NOTE).text() == ""

    # the slip seen: L on the line (F2 list) — on loan, counted, not missing
    page.table.setFocus()
    page.table.setCurrentCell(r, COL_STATE)
    qtbot.keyClick(page.table, Qt.Key.Key_L)
    assert page.table.item(r, COL_STATE).text() == "⇄ On loan"
    assert page.table.item(r, COL_NOTE).text() == "On loan: 李老师, due 2026-06-20 (overdue 8 days) · (slip seen)"
    assert page.overall() == (1, 5) and "1 / 3" in page.place_list.item(0).text()
    assert _line("T-0001").method == "loan" and _line("T-0001").counted_qty == 0

    # the button on a line that is not lent: refused, in the banner
    page.table.setCurrentCell(row("T-0002"), COL_STATE)
    page.loan_button.click()
    assert page.banner.property("outcome") == "error" and "not on loan" in page.feedback.text()
    assert _line("T-0002").counted_qty is None

    # a lent asset scanned on its shelf: found, and the banner says its return was not recorded
    page.step_place(1)
    assert page.place_title.text() == "教学楼 102"
    qtbot.keyClicks(page.scan_edit, "T-0005")
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    assert page.banner.property("outcome") == "found"
    assert "The register says “On loan: 钱老师, due 2026-07-10”" in page.feedback_detail.text()
    r5 = row("T-0005")
    assert page.table.item(r5, COL_STATE).text().startswith("✓")
    assert page.table.item(r5, COL_NOTE).text() == "Returned? The register has it on loan"
    r4 = row("T-0004")
    assert page.table.item(r4, COL_STATE).text() == "Lent: check slip"


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_results_page_offers_to_record_the_return_of_a_lent_asset_found(s, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from logistics_desk.modules.stocktake.pages import results as results_module
    from logistics_desk.modules.stocktake.pages.results import ResultsPage

    st = _counted(s)
    st_service.close(st.id)
    st = st_service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东")
    page = ResultsPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.load(st)
    t = page.apply_table
    rows = {t.item(r, 2).text(): r for r in range(t.rowCount())}
    assert "T-0001" not in rows and "T-0004" not in rows  # on loan: nothing to apply, no shortage
    r = rows["T-0005"]
    assert t.item(r, 1).text() == "Record the return of the loan"
    assert t.item(r, 4).text().startswith("The register says “On loan: 钱老师, due 2026-07-10”, but it was found in")
    assert t.item(r, 0).checkState() == Qt.CheckState.Unchecked  # never applied unseen
    for row in range(t.rowCount()):
        if t.item(row, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable:
            t.item(row, 0).setCheckState(Qt.CheckState.Checked if row == r else Qt.CheckState.Unchecked)
    monkeypatch.setattr(results_module, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(results_module, "show_info", lambda *a, **k: None)
    applied = []
    page.applied.connect(applied.append)
    page.apply_button.click()
    assert applied and applied[0].counts == {"loan_return": 1}
    assert Asset.get_by_id(s["assets"]["tv"].id).status == "in_use"


def test_the_excel_export_says_on_loan(s, tmp_path):
    from openpyxl import load_workbook

    from logistics_desk.modules.stocktake import excel

    _lend(s)
    st = _open(s)
    st_service.confirm_loan(_line("T-0001").id)
    out = tmp_path / "st.xlsx"
    excel.export(st.id, out)
    rows = list(load_workbook(out, read_only=True)[i18n.tr("All lines")].iter_rows(values_only=True))
    by_number = {r[0]: r for r in rows[1:]}
    assert "On loan" in by_number["T-0001"] and "On loan" not in by_number["T-0002"]
