"""Issue 15 item 5: the keys every tab shares — Ctrl+F, Ctrl+N, Ctrl+P, Ctrl+E, F5, Enter, Esc, F1 — and a
barcode scanner typed into a list, used like a person on the window over the demo database."""

from __future__ import annotations

import shutil
import time

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from logistics_desk.core import db, paths
from logistics_desk.modules import modules as registry_specs

CTRL = Qt.KeyboardModifier.ControlModifier
# a PDF or a workbook made in a worker: seconds alone, far longer while eight test runs share two cores
WORK_TIMEOUT = 60_000
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    from logistics_desk.core import demo, i18n
    from logistics_desk.modules import demo_steps

    folder = tmp_path_factory.mktemp("keys-demo")
    i18n.set_language("en")
    db.open_database(folder / "logistics.db", backup=False)
    try:
        demo.populate(n_assets=120, seed=5, steps=demo_steps())
    finally:
        db.close_database()
    return folder


@pytest.fixture
def settings_folder(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


@pytest.fixture
def demo_db(demo_folder, tmp_path, settings_folder):
    folder = tmp_path / "data"
    shutil.copytree(demo_folder, folder)
    db.open_database(folder / "logistics.db", backup=False)
    yield folder / "logistics.db"
    db.close_database()


@pytest.fixture
def w(qtbot, demo_db):
    from logistics_desk.core.ui.main_window import MainWindow

    window = MainWindow(registry_specs())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for top in QApplication.topLevelWidgets():  # previews and menus left open
        if top is not window and top.isVisible():
            top.close()


def open_tab(w, key):
    tab = w.module_tab(key)
    w.tabs.setCurrentWidget(tab)
    w.activateWindow()  # back from a modal dialog
    QApplication.processEvents()
    return tab


def focused(w):
    return QApplication.focusWidget() or w


def status(w) -> str:
    return w.statusBar().currentMessage()


def press_in_dialog(qtbot, key=Qt.Key.Key_Escape, seen=None):
    """Press ``key`` in the modal dialog about to open (``exec``), remembering it in ``seen``."""
    def go():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, go)
            return
        if seen is not None:
            seen.append(dialog)
        qtbot.keyClick(dialog, key)
    QTimer.singleShot(50, go)


# --- Ctrl+F ---
def test_ctrl_f_goes_to_the_filter_of_each_tab_or_says_there_is_none(qtbot, w):
    for key, box in (("assets", lambda t: t.search), ("purchases", lambda t: t.requests.search),
                     ("repairs", lambda t: t.tickets.search)):
        tab = open_tab(w, key)
        box(tab).setText("old words")
        tab.setFocus()
        qtbot.keyClick(focused(w), Qt.Key.Key_F, CTRL)
        assert QApplication.focusWidget() is box(tab), key
        assert box(tab).selectedText() == "old words", key  # typing replaces it
    tab = open_tab(w, "purchases")
    tab.sub.setCurrentWidget(tab.store)
    qtbot.keyClick(focused(w), Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is tab.store.search  # the page shown, not the first page's box
    for key in ("canteen", "utilities"):
        open_tab(w, key)
        w.statusBar().clearMessage()
        qtbot.keyClick(focused(w), Qt.Key.Key_F, CTRL)
        assert status(w) == "This page has no filter box.", key
    w.tabs.setCurrentIndex(0)
    qtbot.keyClick(w.today.tree, Qt.Key.Key_F, CTRL)
    assert status(w) == "This page has no filter box."


def test_digits_typed_into_a_filter_or_a_cell_are_not_swallowed(qtbot, w):
    from logistics_desk.modules.assets.models import Asset

    tab = open_tab(w, "assets")
    qtbot.keyClick(tab.table, Qt.Key.Key_F, CTRL)
    number = Asset.select().order_by(Asset.id).first().number
    qtbot.keyClicks(tab.search, number)  # as fast as a scanner, into the filter box
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.search.text() == number
    assert "was found" not in status(w)
    assert tab.selected_asset_ids() == [Asset.get(Asset.number == number).id]  # the box's own Enter

    # the utilities' readings grid: digits typed into a cell editor stay in the cell
    util = open_tab(w, "utilities")
    grid = util.readings_page.table
    assert grid.rowCount()
    column = next(c for c in range(grid.columnCount())
                  if grid.item(0, c) is not None and grid.item(0, c).flags() & Qt.ItemFlag.ItemIsEditable)
    grid.setFocus()
    grid.setCurrentCell(0, column)
    grid.editItem(grid.item(0, column))
    editor = QApplication.focusWidget()
    assert editor is not grid
    qtbot.keyClicks(editor, "12345")
    assert editor.text().endswith("12345")
    assert w.tabs.currentWidget() is util


# --- Ctrl+N and Esc ---
def test_ctrl_n_makes_a_new_record_in_each_tab_and_esc_closes_the_dialog(qtbot, w):
    from logistics_desk.modules.assets.view import AssetDialog
    from logistics_desk.modules.repairs.view import TicketDialog

    tab = open_tab(w, "assets")
    qtbot.keyClick(tab.table, Qt.Key.Key_N, CTRL)
    assert isinstance(tab.dialog, AssetDialog) and tab.dialog.isVisible()
    qtbot.keyClick(tab.dialog, Qt.Key.Key_Escape)
    assert not tab.dialog.isVisible()

    tab = open_tab(w, "repairs")
    qtbot.keyClick(tab.tickets.table, Qt.Key.Key_N, CTRL)
    assert isinstance(tab.tickets.dialog, TicketDialog) and tab.tickets.dialog.isVisible()
    qtbot.keyClick(tab.tickets.dialog, Qt.Key.Key_Escape)
    assert not tab.tickets.dialog.isVisible()

    tab = open_tab(w, "purchases")  # a modal dialog (exec): Esc closes it, nothing is saved
    from logistics_desk.modules.purchases.models import PurchaseRequest

    before = PurchaseRequest.select().count()
    seen: list[QDialog] = []
    press_in_dialog(qtbot, seen=seen)
    qtbot.keyClick(tab.requests.view, Qt.Key.Key_N, CTRL)
    assert seen and type(seen[0]).__name__ == "RequestDialog"
    assert not seen[0].isVisible() and PurchaseRequest.select().count() == before

    tab = open_tab(w, "utilities")
    tab.pages.setCurrentWidget(tab.meters_page)
    seen = []
    press_in_dialog(qtbot, seen=seen)
    qtbot.keyClick(tab.meters_page.table, Qt.Key.Key_N, CTRL)
    assert seen and type(seen[0]).__name__ == "MeterDialog"

    tab = open_tab(w, "canteen")
    tab.pages.setCurrentWidget(tab.day_page)
    qtbot.keyClick(tab.day_page.grid, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is tab.day_page.dish_edit  # a new dish is typed there

    w.tabs.setCurrentIndex(0)
    qtbot.keyClick(w.today.tree, Qt.Key.Key_N, CTRL)
    assert status(w) == "This page has no record to create."


# --- Ctrl+P ---
def test_ctrl_p_prints_what_the_page_prints(qtbot, w):
    w.tabs.setCurrentIndex(0)
    w.today.suppress_preview = True
    qtbot.keyClick(w.today.tree, Qt.Key.Key_P, CTRL)
    assert w.today.last_pdf.startswith(b"%PDF")

    tab = open_tab(w, "assets")
    qtbot.keyClick(tab.table, Qt.Key.Key_P, CTRL)
    menu = tab.print_button.menu()
    qtbot.waitUntil(menu.isVisible)  # the print menu, to choose the form
    menu.close()

    tab = open_tab(w, "repairs")
    tab.suppress_preview = True
    tab.tickets.table.selectRow(0)
    qtbot.keyClick(tab.tickets.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: getattr(tab, "last_pdf", b"").startswith(b"%PDF"), timeout=WORK_TIMEOUT)

    tab = open_tab(w, "canteen")
    tab.pages.setCurrentWidget(tab.disposal_page)
    w.statusBar().clearMessage()
    qtbot.keyClick(focused(w), Qt.Key.Key_P, CTRL)
    assert status(w) == "This page has nothing to print."


# --- Ctrl+E ---
def test_ctrl_e_exports(qtbot, w, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from logistics_desk.modules.repairs import view as repairs_view

    target = tmp_path / "tickets.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(repairs_view, "show_info", lambda *a, **k: None)
    tab = open_tab(w, "repairs")
    qtbot.keyClick(tab.tickets.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(target.exists, timeout=WORK_TIMEOUT)

    target = tmp_path / "register.xlsx"
    tab = open_tab(w, "assets")
    done = []
    monkeypatch.setattr(tab, "export_to", lambda path, filters=None, on_done=None: done.append(path))
    qtbot.keyClick(tab.table, Qt.Key.Key_E, CTRL)
    assert done == [str(target)]

    open_tab(w, "canteen").pages.setCurrentIndex(0)
    qtbot.keyClick(focused(w), Qt.Key.Key_E, CTRL)
    assert status(w) == "This page has nothing to export."


# --- F5 ---
def test_f5_reads_the_page_again(qtbot, w, monkeypatch):
    for key in ("assets", "purchases", "repairs", "canteen", "utilities"):
        tab = open_tab(w, key)
        calls = []
        monkeypatch.setattr(tab, "refresh", lambda c=calls: c.append(1))
        qtbot.keyClick(focused(w), Qt.Key.Key_F5)
        assert calls == [1], key
    w.tabs.setCurrentIndex(0)
    calls = []
    monkeypatch.setattr(w.today, "refresh", lambda: calls.append(1))
    qtbot.keyClick(w.today.tree, Qt.Key.Key_F5)
    assert calls == [1]


# --- Enter ---
def test_enter_opens_the_selected_record_of_a_list(qtbot, w):
    from logistics_desk.modules.assets.view import AssetDialog
    from logistics_desk.modules.repairs.view import TicketDialog

    tab = open_tab(w, "repairs")
    table = tab.tickets.table
    row = next(r for r in range(tab.tickets.model.rowCount()))
    table.setFocus()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert isinstance(tab.tickets.dialog, TicketDialog) and tab.tickets.dialog.isVisible()
    qtbot.keyClick(tab.tickets.dialog, Qt.Key.Key_Escape)

    tab = open_tab(w, "assets")
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert isinstance(tab.dialog, AssetDialog) and tab.dialog.isVisible()
    qtbot.keyClick(tab.dialog, Qt.Key.Key_Escape)


# --- F1 ---
def test_f1_and_help_keyboard_list_the_keys(qtbot, w):
    from logistics_desk.core.ui.keys import KEYS, KeyboardDialog

    qtbot.keyClick(w.today.tree, Qt.Key.Key_F1)
    dialog = w.keys_dialog
    assert isinstance(dialog, KeyboardDialog) and dialog.isVisible()
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert len(texts) == len(KEYS) and "Ctrl+F" in texts and "F5" in texts and "Esc" in texts
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    w.keyboard_action.trigger()  # Help → Keyboard
    assert w.keys_dialog.isVisible()
    w.keys_dialog.close()


def test_the_keyboard_dialog_in_chinese():
    from logistics_desk.core import i18n
    from logistics_desk.core.ui.keys import KeyboardDialog

    i18n.set_language("zh_CN")
    try:
        dialog = KeyboardDialog()
        assert dialog.windowTitle() == "键盘快捷键"
        assert dialog.table.item(0, 1).text() == "转到本页的筛选框（搜索框）"
        dialog.deleteLater()
    finally:
        i18n.set_language("en")


# --- the barcode scanner ---
def type_stamped(widget, text: str, at_ms: list[int], enter: bool = True) -> None:
    """Keys as the window system hands them over: each press carries the time it was pressed (``at_ms``,
    one per character and one for the Enter), whenever the program gets to it — a scanner's characters
    10 ms apart stay 10 ms apart on a busy machine (qtbot's key clicks carry no time: the dispatcher would
    read its clock when it handles each, and a busy machine spreads them out)."""
    keys = [(ord(c.upper()) if c.isascii() else 0, c) for c in text]
    if enter:
        keys.append((int(Qt.Key.Key_Return), "\r"))
    assert len(at_ms) == len(keys)
    for (key, char), stamp in zip(keys, at_ms, strict=True):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(stamp)
            QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def scanner(text: str, start_ms: int = 5_000_000, gap_ms: int = 10) -> list[int]:
    """A scanner's time stamps: ``text`` and the Enter, ``gap_ms`` apart."""
    return [start_ms + i * gap_ms for i in range(len(text) + 1)]


def handled_at(*times: float):
    """The dispatcher's clock (only read for key events without a time stamp): ``times``, then the last on."""
    it = iter(times)
    last = [0.0]

    def clock():
        last[0] = next(it, last[0])
        return last[0]
    return clock


def test_a_scanner_in_any_list_opens_the_asset(qtbot, w):
    from logistics_desk.modules.assets.models import Asset

    asset = Asset.select().where(Asset.status != "voided").order_by(Asset.id.desc()).first()
    tab = open_tab(w, "repairs")
    table = tab.tickets.table
    table.setFocus()
    type_stamped(table, asset.number, scanner(asset.number))
    assets = w.module_tab("assets")
    assert w.tabs.currentWidget() is assets
    assert assets.selected_asset_ids() == [asset.id]
    assert tab.tickets.dialog is None or not tab.tickets.dialog.isVisible()  # the Enter did not open a ticket

    # on Today too; a number nobody has: said in the status bar, nothing opens
    w.tabs.setCurrentIndex(0)
    w.today.tree.setFocus()
    type_stamped(w.today.tree, "99999999", scanner("99999999", start_ms=6_000_000))
    assert status(w) == "No record numbered 99999999 was found."


def test_a_scan_whose_first_key_is_slow_to_handle_is_read_whole(qtbot, w):
    """The list's own search takes the scan's first character and loads what it selects: the program gets to
    the second character 300 ms after the first. The scanner typed them 10 ms apart; the number is read whole
    (it lost its first character, as the dispatcher timed the keys by when it handled them)."""
    from logistics_desk.modules.assets.models import Asset

    asset = Asset.select().where(Asset.status != "voided").order_by(Asset.id.desc()).first()
    tab = open_tab(w, "repairs")
    w.keys.clock = handled_at(*[100.0] + [100.3 + i * 0.001 for i in range(len(asset.number))])
    tab.tickets.table.setFocus()
    type_stamped(tab.tickets.table, asset.number, scanner(asset.number))
    assert w.tabs.currentWidget() is w.module_tab("assets"), status(w)
    assert w.module_tab("assets").selected_asset_ids() == [asset.id]


def test_a_scanner_after_a_pause_and_after_a_person(qtbot, w):
    """The first character of a scan comes long after the key before it (the list was idle, or a person
    typed in it a moment ago): it starts the scan, it is not lost; the person's keys are not part of it."""
    from logistics_desk.modules.assets.models import Asset

    asset = Asset.select().where(Asset.status != "voided").order_by(Asset.id.desc()).first()
    tab = open_tab(w, "repairs")
    table = tab.tickets.table
    table.setFocus()
    type_stamped(table, "7", [1_000_000], enter=False)  # a person, then a pause of 4 s
    type_stamped(table, asset.number, scanner(asset.number, start_ms=1_004_000))
    assert w.tabs.currentWidget() is w.module_tab("assets"), status(w)
    assert w.module_tab("assets").selected_asset_ids() == [asset.id]

    tab = open_tab(w, "repairs")
    table.setFocus()
    type_stamped(table, "12", [2_000_000, 2_000_200], enter=False)  # a person, 200 ms per key
    type_stamped(table, asset.number, scanner(asset.number, start_ms=2_000_400))  # the scanner 200 ms later
    assert w.tabs.currentWidget() is w.module_tab("assets"), status(w)
    assert w.module_tab("assets").selected_asset_ids() == [asset.id]

    # the clock of the window system wraps round (X11: every 49.7 days): a time going back is not a scan
    open_tab(w, "repairs")
    table.setFocus()
    table.selectRow(0)
    w.statusBar().clearMessage()
    stamps = [5_000_000, 4_000_000, 3_000_000, 2_000_000, 1_000_000, 1_000]
    type_stamped(table, "12345", stamps)
    assert w.tabs.currentWidget() is tab and "was found" not in status(w)
    if tab.tickets.dialog is not None:
        qtbot.keyClick(tab.tickets.dialog, Qt.Key.Key_Escape)


def test_a_person_typing_digits_slowly_in_a_list_is_not_a_scanner(qtbot, w):
    from logistics_desk.modules.assets.models import Asset

    asset = Asset.select().order_by(Asset.id).first()
    tab = open_tab(w, "repairs")
    ticks = iter(range(10_000))
    w.keys.clock = lambda: next(ticks) * 0.3  # 300 ms between keys
    table = tab.tickets.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClicks(table, asset.number)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert w.tabs.currentWidget() is tab  # Enter opened the ticket instead
    assert tab.tickets.dialog is not None and tab.tickets.dialog.isVisible()
    qtbot.keyClick(tab.tickets.dialog, Qt.Key.Key_Escape)


def test_the_assets_spec_finds_a_number_without_qt(demo_db):
    from logistics_desk.modules.assets import today
    from logistics_desk.modules.assets.models import Asset

    spec = next(s for s in registry_specs() if s.key == "assets")
    assert spec.find == "logistics_desk.modules.assets.today:find_number"
    asset = Asset.select().order_by(Asset.id).first()
    assert today.find_number(f" {asset.number} ") == {"ids": [asset.id]}
    assert today.find_number(asset.number[:-1] + "#") is None and today.find_number("") is None


def test_a_tab_keeps_its_own_shortcut_for_a_shared_key(qtbot, w, monkeypatch):
    """The stock-take's own Ctrl+N (a QShortcut of the tab) still runs: not taken, not ambiguous."""
    from logistics_desk.modules.stocktake import view as stocktake_view

    said = []
    monkeypatch.setattr(stocktake_view, "show_info", lambda *a, **k: said.append(a[1]))
    monkeypatch.setattr(stocktake_view.OpenDialog, "exec", lambda self: said.append("open") or 0)
    tab = open_tab(w, "stocktake")
    tab.setFocus()
    qtbot.keyClick(focused(w), Qt.Key.Key_N, CTRL)
    assert said, "the stock-take's Ctrl+N did not run"
    qtbot.keyClick(focused(w), Qt.Key.Key_F5)  # the shared keys it has no shortcut for still work
    assert "nothing to read again" not in status(w)


def test_ctrl_p_and_ctrl_e_in_purchases_and_utilities(qtbot, w, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from logistics_desk.modules.purchases import excel as purchases_excel
    from logistics_desk.modules.purchases import view as purchases_view
    from logistics_desk.modules.utilities import view as utilities_view

    pdfs, said = [], []
    monkeypatch.setattr(purchases_view, "open_preview", lambda parent, pdf, *a: pdfs.append(pdf))
    for module in (purchases_view, utilities_view):
        monkeypatch.setattr(module, "show_info", lambda parent, text, *a, **k: said.append(text))
    target = {"path": tmp_path / "purchases.xlsx"}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target["path"]), ""))
    # the export's worker is slow to finish once its file is there (the folder synced, the connection closed),
    # as on a busy machine: its progress dialog (window-modal, shown after 300 ms) is still up. This test
    # failed in full runs by waiting for the file only: the next Ctrl+P came while that dialog was up, and a
    # key pressed under a modal dialog is not the window's (the dispatcher leaves it alone) — nothing printed.
    real_export = purchases_excel.export
    monkeypatch.setattr(purchases_excel, "export", lambda *a, **k: (real_export(*a, **k), time.sleep(0.8))[0])

    tab = open_tab(w, "purchases")
    page = tab.requests
    page.view.setFocus()
    page.view.selectRow(0)
    page.show_selected()
    qtbot.keyClick(page.view, Qt.Key.Key_P, CTRL)  # the request form of the request chosen
    qtbot.waitUntil(lambda: bool(pdfs), timeout=WORK_TIMEOUT)
    assert pdfs[0].startswith(b"%PDF")
    qtbot.keyClick(page.view, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(said), timeout=WORK_TIMEOUT)  # done as a person sees it: "… rows written"
    assert target["path"].exists() and str(target["path"]) in said[0]
    assert QApplication.activeModalWidget() is None

    tab = open_tab(w, "utilities")
    tab.suppress_preview = True
    tab.pages.setCurrentWidget(tab.figures_page)
    tab.figures_page.setFocus()
    qtbot.keyClick(focused(w), Qt.Key.Key_P, CTRL)  # the month report
    qtbot.waitUntil(lambda: getattr(tab, "last_pdf", b"").startswith(b"%PDF"), timeout=WORK_TIMEOUT)
    target["path"] = tmp_path / "utilities.xlsx"
    # as a person does after a print: back on the page (the report's progress window has gone) and then the key.
    # This failed once in a full PostgreSQL run (the key reached no page of this window); what the window held
    # then is said if it fails again.
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WORK_TIMEOUT)
    tab.figures_page.setFocus()
    where = focused(w)
    qtbot.keyClick(where, Qt.Key.Key_E, CTRL)
    try:
        qtbot.waitUntil(lambda: len(said) == 2, timeout=WORK_TIMEOUT)
    except Exception as exc:
        raise AssertionError(f"Ctrl+E sent to {where!r} (window {where.window()!r}); modal "
                             f"{QApplication.activeModalWidget()!r}; status {status(w)!r}; said {said!r}") from exc
    assert target["path"].exists() and str(target["path"]) in said[1]


def test_ctrl_e_exports_the_stocktake(qtbot, w, monkeypatch):
    from logistics_desk.modules.stocktake import view as stocktake_view

    tab = open_tab(w, "stocktake")
    exported = []
    monkeypatch.setattr(stocktake_view.output, "export", lambda parent, st: exported.append(st))
    tab.setFocus()
    qtbot.keyClick(focused(w), Qt.Key.Key_E, CTRL)
    assert tab.st is not None and exported == [tab.st]  # the demo's stock-take in progress
