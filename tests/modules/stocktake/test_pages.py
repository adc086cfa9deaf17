"""Issue 16: the stock-take tab's pages, each driven on its own with qtbot like a person — keys in the
expected list, the unknown numbers, applying results (a failure halfway applies nothing), the
comparison — and the export from the tab."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from logistics_desk.core import audit
from logistics_desk.core.tasks import Cancelled
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import Asset, AssetEvent
from logistics_desk.modules.stocktake import print_menu as output
from logistics_desk.modules.stocktake import service as st_service
from logistics_desk.modules.stocktake.dialogs import SurplusDialog
from logistics_desk.modules.stocktake.models import StockTakeLine
from logistics_desk.modules.stocktake.pages import results as results_module
from logistics_desk.modules.stocktake.pages import unknowns as unknowns_module
from logistics_desk.modules.stocktake.pages.compare import ComparePage
from logistics_desk.modules.stocktake.pages.count import COL_COND, COL_COUNTED, COL_STATE, CountPage
from logistics_desk.modules.stocktake.pages.results import ResultsPage
from logistics_desk.modules.stocktake.pages.unknowns import UnknownsPage
from logistics_desk.modules.stocktake.view import StockTakeTab

from .helpers import school
from .test_view import back_to_window, when_modal

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def s(database):
    return school()


def _show(qtbot, w):
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def _row(table, number, col=1):
    return [table.item(r, col).text() for r in range(table.rowCount())].index(number)


def _open(s):
    return st_service.open_stocktake(scope={"places": [s["r101"].id, s["r102"].id]}, counter="陈晓燕")


def _signed(s):
    st = _open(s)
    r101, r102 = s["r101"].id, s["r102"].id
    st_service.scan(st.id, "T-0001", r101)
    st_service.scan(st.id, "T-0004", r101)
    st_service.set_quantity(StockTakeLine.get(StockTakeLine.asset_number == "T-0003").id, 48)
    st_service.set_condition(StockTakeLine.get(StockTakeLine.asset_number == "T-0002").id, "damaged", "镜头裂了",
                             place_id=r101)
    st_service.scan(st.id, "X-0100", r102)
    st_service.set_surplus(st_service.unknowns(st.id)[0]["id"], {"name": "饮水机", "category": s["cat"].id})
    st_service.close(st.id)
    st_service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东")
    return st_service.get(st.id)


# --- the count page ---------------------------------------------------------------------------------------

def test_the_count_page_keys_tick_mark_count_and_undo(s, qtbot, monkeypatch):
    st = _open(s)
    page = _show(qtbot, CountPage())
    counted, unknown = [], []
    page.counted.connect(lambda: counted.append(1))
    page.unknowns_changed.connect(lambda: unknown.append(1))
    page.load(st)
    assert page.place_title.text() == "教学楼 101" and page.table.rowCount() == 3
    assert page.overall() == (0, 5) and page.overall_label.text() == "Overall: 0 / 5 counted"

    page.table.setFocus()
    page.table.setCurrentCell(_row(page.table, "T-0001"), COL_STATE)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # found
    row = _row(page.table, "T-0001")
    assert page.table.item(row, COL_STATE).text().startswith("✓")
    assert page.table.currentRow() == row + 1  # on to the next line
    assert page.overall() == (1, 5) and "1 / 3" in page.place_list.item(0).text() and counted == [1]

    page.table.setCurrentCell(_row(page.table, "T-0002"), COL_STATE)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # missing
    row = _row(page.table, "T-0002")
    assert page.table.item(row, COL_STATE).text().startswith("✗")
    monkeypatch.setattr("logistics_desk.modules.stocktake.pages.count.ask_text", lambda *a, **k: "灯泡坏了")
    page.table.setCurrentCell(row, COL_STATE)
    qtbot.keyClick(page.table, Qt.Key.Key_R)  # needs repair, with what is wrong
    assert page.table.item(row, COL_COND).text() == "Needs repair"
    page.table.setCurrentCell(row, COL_STATE)
    qtbot.keyClick(page.table, Qt.Key.Key_U)  # undo: not counted again
    assert page.table.item(row, COL_STATE).text() == "Not counted"

    row = _row(page.table, "T-0003")
    page.table.setCurrentCell(row, COL_STATE)
    qtbot.keyClicks(page.table, "4")
    qtbot.keyClicks(page.table.editor(), "9")
    qtbot.keyClick(page.table.editor(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.item(row, COL_COUNTED).text() == "49")
    assert page.table.item(row, COL_STATE).text().startswith("◐")

    # Esc goes back to the scan field; a scan of an unknown number tells the tab
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.scan_edit.hasFocus()
    qtbot.keyClicks(page.scan_edit, "ZZ-1")
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    assert page.banner.property("outcome") == "unknown" and unknown == [1]
    assert "ZZ-1" in page.recent.item(0).text()
    page.step_place(1)
    assert page.place_title.text() == "教学楼 102"


def test_the_count_page_of_a_closed_stocktake_is_read_only(s, qtbot):
    st = _signed(s)
    page = _show(qtbot, CountPage())
    page.load(st)
    assert not page.scan_edit.isEnabled() and not page.found_button.isEnabled()
    assert page.feedback.text() == "This stock-take is closed"
    row = _row(page.table, "T-0001")
    assert not page.table.item(row, COL_COUNTED).flags() & Qt.ItemFlag.ItemIsEditable


def test_a_line_action_without_a_line_says_so_in_the_banner(s, qtbot):
    st = _open(s)
    page = _show(qtbot, CountPage())
    page.load(st)
    page.table.setCurrentCell(-1, -1)
    page.found_button.click()
    assert page.banner.property("outcome") == "error" and "Choose a line" in page.feedback.text()


# --- the unknown numbers page -----------------------------------------------------------------------------

def test_the_unknowns_page_matches_enters_and_dismisses(s, qtbot, monkeypatch):
    assets.write_off(s["assets"]["tv"], reason="坏了", approver="校长", method="scrap")
    st = _open(s)
    for code in ("ZZ-1", "ZZ-2", "T-0006"):  # T-0006 is in 201, outside the scope: counted as found there
        st_service.scan(st.id, code, s["r101"].id)
    st_service.scan(st.id, "T-0005", s["r101"].id)  # written off, yet here: an unknown to decide
    page = _show(qtbot, UnknownsPage(current_place=lambda: s["r101"].id))
    seen, resolved = [], []
    page.open_count_changed.connect(seen.append)
    page.resolved.connect(lambda: resolved.append(1))
    page.load(st)
    assert seen == [3] and page.unknown_table.rowCount() == 4
    assert not page.match_button.isEnabled()  # nothing chosen yet

    # a worn tag: typed as the asset it is
    page.unknown_table.setCurrentCell(_row(page.unknown_table, "ZZ-1", 0), 0)
    assert page.match_button.isEnabled()
    monkeypatch.setattr(unknowns_module, "ask_text", lambda *a, **k: "T-0001")
    page.match_button.click()
    assert resolved == [1] and seen[-1] == 2
    r = _row(page.unknown_table, "ZZ-1", 0)
    assert page.unknown_table.item(r, 4).text() == "T-0001" and page.unknown_table.currentRow() == r
    assert not page.match_button.isEnabled()  # resolved: nothing more to do with it

    # a student's sticker: dismissed with the reason
    page.unknown_table.setCurrentCell(_row(page.unknown_table, "ZZ-2", 0), 0)
    monkeypatch.setattr(unknowns_module, "ask_text", lambda *a, **k: "学生的贴纸")
    page.dismiss_button.click()
    assert page.unknown_table.item(_row(page.unknown_table, "ZZ-2", 0), 3).text() == "Dismissed"

    # the written-off TV's own number: asked to confirm, not to type it again
    page.unknown_table.setCurrentCell(_row(page.unknown_table, "T-0005", 0), 0)
    questions = []
    monkeypatch.setattr(unknowns_module, "confirm", lambda parent, text, title=None: questions.append(text) or False)
    page.match_button.click()
    assert "T-0005" in questions[0] and page.match_button.isEnabled()  # said no: still open

    # an untagged chair found where the clerk stands
    def fill(dlg: SurplusDialog):
        assert dlg.place_box.value() == s["r101"].id
        dlg.name_edit.setText("折叠椅")
        dlg.category_box.setCurrentIndex(1)
        dlg.accept()

    when_modal(SurplusDialog, fill)
    page.untagged_button.click()
    qtbot.waitUntil(lambda: page.unknown_table.rowCount() == 5)
    assert seen[-1] == 1  # only the TV is left to decide


# --- the results page -------------------------------------------------------------------------------------

def test_applying_ticked_results_where_the_third_fails_applies_none(s, qtbot, monkeypatch):
    st = _signed(s)
    page = _show(qtbot, ResultsPage())
    applied, errors = [], []
    page.applied.connect(applied.append)
    page.load(st)
    t = page.apply_table
    for r in range(t.rowCount()):  # tick all five: move, the two shortages, the damage, the surplus
        if t.item(r, 1).text() != "Awaiting write-off approval":
            t.item(r, 0).setCheckState(Qt.CheckState.Checked)
    assert [k for k, _i in page.ticked()] == ["relocate", "shortage", "shortage", "damage", "surplus"]
    # since the count, 49 of the 50 desks were written off: the third (their shortage) fails
    assets.write_off_part(Asset.get(Asset.number == "T-0003"), 49, reason="报废", approver="校长", method="scrap")
    before = ({a.id: (a.place_id, a.status, a.quantity) for a in Asset.select()}, AssetEvent.select().count(),
              audit.AuditEntry.select().count())
    monkeypatch.setattr(results_module, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(results_module, "show_error", lambda parent, exc: errors.append(exc.message))
    monkeypatch.setattr(results_module, "show_info", lambda *a, **k: None)
    page.apply_button.click()
    assert errors and "fewer than the 2 missing" in errors[0]
    after = ({a.id: (a.place_id, a.status, a.quantity) for a in Asset.select()}, AssetEvent.select().count(),
             audit.AuditEntry.select().count())
    assert after == before  # the move and the shortage before it were rolled back with the rest
    assert applied == [] and t.rowCount() == 5  # everything still to apply

    # without the failing line, the other four go through in one call
    r = _row(t, "T-0003", 2)
    for row in range(t.rowCount()):
        if t.item(row, 1).text() != "Awaiting write-off approval":
            t.item(row, 0).setCheckState(Qt.CheckState.Unchecked if row == r else Qt.CheckState.Checked)
    page.apply_button.click()
    assert applied and applied[0].counts == {"relocate": 1, "shortage": 1, "damage": 1, "surplus": 1}
    assert Asset.get(Asset.number == "T-0004").place_id == s["r101"].id


def test_cancelling_the_apply_applies_nothing_and_says_nothing(s, qtbot, monkeypatch):
    st = _signed(s)
    page = _show(qtbot, ResultsPage())
    page.load(st)
    errors = []
    monkeypatch.setattr(results_module, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(results_module, "show_error", lambda parent, exc: errors.append(exc))
    monkeypatch.setattr(results_module, "run_with_progress",
                        lambda parent, title, fn: fn(lambda d, t: None, lambda: True))  # Cancel pressed at once
    events = AssetEvent.select().count()
    page.apply_button.click()
    assert errors == [] and AssetEvent.select().count() == events


def test_write_offs_approved_together_or_not_at_all(s, qtbot, monkeypatch):
    st = _signed(s)
    st_service.apply(st.id, [("shortage", StockTakeLine.get(StockTakeLine.asset_number == n).id)
                             for n in ("T-0003", "T-0005")])
    page = _show(qtbot, ResultsPage())
    page.load(st)
    assert page.writeoff_button.isEnabled()
    assets.set_status(Asset.get(Asset.number == "T-0005"), "in_use", "找到了")  # it turned up
    errors = []
    monkeypatch.setattr(results_module, "ask_text", lambda *a, **k: "张建国")
    monkeypatch.setattr(results_module, "show_error", lambda parent, exc: errors.append(exc.message))
    page.writeoff_button.click()
    assert "no longer pending" in errors[0]
    assert Asset.get(Asset.number == "T-0003-1").status == "shortage"  # not written off alone


def test_the_variance_by_category_and_its_total(s, qtbot):
    st = _signed(s)
    page = _show(qtbot, ResultsPage())
    page.load(st)
    assert page.variance_table.item(page.variance_table.rowCount() - 1, 0).text() == "Total"
    assert page.variance_table.horizontalHeaderItem(0).text() == "Place"
    page.variance_by.set_value("categories")
    assert page.variance_table.horizontalHeaderItem(0).text() == "Category"
    assert page.variance_table.rowCount() == 2  # one category and the total


def test_a_repair_ticket_from_the_results_page(s, qtbot, monkeypatch):
    st = _signed(s)
    page = _show(qtbot, ResultsPage())
    applied, told = [], []
    page.applied.connect(applied.append)
    page.load(st)
    assert page.repair_button_apply.isVisible()
    page.apply_table.setCurrentCell(_row(page.apply_table, "T-0002", 2), 1)
    monkeypatch.setattr(results_module, "show_info", lambda parent, text, title=None: told.append(text))
    page.repair_button_apply.click()
    assert told[0].startswith("Repair ticket WX-2026-") and applied[0].modules == {"stocktake", "assets", "repairs"}
    assert "repair ticket" in page.apply_table.item(_row(page.apply_table, "T-0002", 2), 4).text()


# --- the compare page and the tab -------------------------------------------------------------------------

def test_the_compare_page_lists_what_is_missing_again(s, qtbot):
    first = _signed(s)  # the TV and 2 desks missing
    st_service.apply(first.id, [("shortage", StockTakeLine.get(StockTakeLine.asset_number == "T-0005").id)])
    second = _open(s)
    st_service.scan(second.id, "T-0001", s["r101"].id)
    page = _show(qtbot, ComparePage())
    page.load(second)
    assert first.doc_no in page.compare_label.text() and "still open" in page.compare_label.text()
    whats = {page.compare_table.item(r, 1).text(): page.compare_table.item(r, 0).text()
             for r in range(page.compare_table.rowCount())}
    assert whats["T-0005"] == "Missing again"


def test_the_tab_passes_page_changes_on_and_exports(s, qtbot, monkeypatch, tmp_path):
    st = _open(s)
    tab = _show(qtbot, StockTakeTab())
    back_to_window(qtbot, tab)
    assert tab.st.id == st.id and tab.pages.currentIndex() == 0
    qtbot.keyClicks(tab.count_page.scan_edit, "ZZ-404")
    qtbot.keyClick(tab.count_page.scan_edit, Qt.Key.Key_Return)
    assert tab.pages.tabText(1) == "Unknown numbers (1)"  # the count page's scan reached the unknowns page
    assert "1 unknown number to resolve" in tab.next_step.text()
    qtbot.keyClick(tab, Qt.Key.Key_F2)
    assert tab.count_page.table.hasFocus()

    path = tmp_path / "盘点.xlsx"
    monkeypatch.setattr(output, "ask_save_path", lambda parent, suggested: str(path))
    told = []
    monkeypatch.setattr(output, "show_info", lambda parent, text, title=None: told.append(text))
    tab.export_button.click()
    assert path.exists() and told and "盘点.xlsx" in told[0]
    assert load_workbook(path).sheetnames

    # cancelling the export is no error
    errors = []
    monkeypatch.setattr(output, "show_error", lambda parent, exc: errors.append(exc))

    def cancelled(parent, title, fn):
        raise Cancelled()

    monkeypatch.setattr(output, "run_with_progress", cancelled)
    tab.export_button.click()
    assert errors == []
