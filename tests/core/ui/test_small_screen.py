"""Issue 13 item 23: on a 1366×768 screen (1366×728 available above a taskbar) the settings window, the
register's print button and count, and the stock-take's condition column lie within the window."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt

from logistics_desk.core import clock, i18n, masterdata, paths
from logistics_desk.core.masterdata import Category, Person, Place
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.core.ui.settings_window import SettingsWindow
from logistics_desk.modules import modules as registry_specs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]

AVAILABLE = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar
FRAME_W, FRAME_H = 16, 48  # the frame and title bar a window manager adds


class Laptop:
    def availableGeometry(self):
        return QRect(AVAILABLE)


@pytest.fixture
def settings_folder(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


@pytest.fixture(params=["zh_CN", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def school(database):
    """Sixteen rooms with assets and a stock-take open over all of them (its scope names every room)."""
    from logistics_desk.modules.assets import service as assets
    from logistics_desk.modules.stocktake import service as st_service

    clock.freeze(_dt.datetime(2026, 6, 28, 9, 0))
    building = masterdata.save(Place, {"kind": "building", "name": "教学楼"})
    keeper = masterdata.save(Person, {"name": "王老师"})
    cat = Category.select().where(Category.useful_life_years.is_null(False)).order_by(Category.id).first()
    rooms = []
    for i, name in enumerate([f"{floor}0{n}" for floor in (1, 2) for n in range(1, 9)]):
        room = masterdata.save(Place, {"kind": "room", "name": name, "parent": building.id, "sort_order": i})
        rooms.append(room)
        assets.register({"name": "希沃交互智能平板", "model_spec": "75英寸 BG75EB", "category": cat.id,
                         "place": room.id, "custodian": keeper.id, "unit_price": "9800", "unit": "台",
                         "acquired_on": _dt.date(2024, 9, 1)}, 3)
    st_service.open_stocktake(scope={"places": [r.id for r in rooms]}, counter="陈晓燕")


def _window(qtbot, monkeypatch):
    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    least = w.minimumSizeHint()  # no tab may make the window wider or taller than the screen
    assert least.width() + FRAME_W <= AVAILABLE.width() and least.height() + FRAME_H <= AVAILABLE.height(), least
    monkeypatch.setattr(w, "screen", lambda: Laptop())
    w.setWindowState(Qt.WindowState.WindowNoState)
    # not maximized: the window with its frame and title bar within the available area
    w.resize(AVAILABLE.width() - FRAME_W, AVAILABLE.height() - FRAME_H)
    w.show()
    qtbot.waitExposed(w)
    assert w.width() + FRAME_W <= AVAILABLE.width() and w.height() + FRAME_H <= AVAILABLE.height(), w.size()
    return w


def _rect_in(widget, window) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _assert_within(widget, window):
    assert widget.isVisible(), widget.objectName()
    rect = _rect_in(widget, window)
    assert window.rect().contains(rect), (widget.objectName(), rect, window.rect())


def test_the_registers_print_button_and_count_are_on_screen(qtbot, monkeypatch, settings_folder, school, language):
    w = _window(qtbot, monkeypatch)
    tab = w.module_tabs[0]
    w.tabs.setCurrentWidget(tab)
    qtbot.wait(10)
    assert tab.print_button is not None
    for filtered in (False, True):  # "24 in all", then "3 of 24"
        if filtered:
            tab.search.setText("101")
            tab.apply_filters()
            qtbot.wait(10)
        _assert_within(tab.print_button, w)
        _assert_within(tab.count_label, w)
        assert tab.count_label.text() and tab.count_label.width() >= tab.count_label.sizeHint().width()
        for b in tab.buttons.values():
            _assert_within(b, w)
    # narrower still (a larger system font, say): the files and print buttons go to a second line
    w.resize(w.minimumSizeHint().width(), w.height())
    qtbot.wait(10)
    for b in (tab.print_button, tab.count_label, *tab.buttons.values()):
        _assert_within(b, w)
    assert tab.print_button.mapTo(w, QPoint(0, 0)).y() > tab.buttons["register"].mapTo(w, QPoint(0, 0)).y()


def test_the_stocktakes_condition_column_is_on_screen(qtbot, monkeypatch, settings_folder, school, language):
    from logistics_desk.modules.stocktake.pages.count import COL_COND, COL_NAME
    from logistics_desk.modules.stocktake.view import StockTakeTab

    w = _window(qtbot, monkeypatch)
    tab = next(t for t in w.module_tabs if isinstance(t, StockTakeTab))
    w.tabs.setCurrentWidget(tab)
    tab.count_page.place_list.setCurrentRow(0)
    qtbot.wait(10)
    table = tab.count_page.table
    assert table.rowCount() == 3
    _assert_within(table, w)
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(COL_COND) + header.sectionSize(COL_COND)
    assert header.sectionViewportPosition(COL_COND) >= 0 and right <= table.viewport().width(), (
        right, table.viewport().width())
    assert header.sectionSize(COL_COND) >= header.fontMetrics().horizontalAdvance(i18n.tr("Condition")) + 12
    assert header.sectionSize(COL_NAME) >= 150  # the name keeps room to be read
    page = tab.count_page
    for b in (page.found_button, page.missing_button, page.damaged_button, page.repair_button, page.undo_button,
              tab.new_button, tab.sign_button):
        _assert_within(b, w)


def test_the_settings_window_fits_the_screen(qtbot, monkeypatch, settings_folder, school, language):
    owner = _window(qtbot, monkeypatch)
    s = SettingsWindow(owner, specs=registry_specs())
    qtbot.addWidget(s)
    monkeypatch.setattr(s, "screen", lambda: Laptop())
    s.fit_screen()
    s.show()
    qtbot.waitExposed(s)
    assert s.width() + FRAME_W <= AVAILABLE.width() and s.height() + FRAME_H <= AVAILABLE.height(), s.size()
    assert s.x() >= 0 and s.y() >= 0
    _assert_within(s.close_button, s)
    for key in s.page_keys():  # every page fits (or scrolls) and the close button stays in the window
        s.show_page(key)
        qtbot.wait(1)
        _assert_within(s.close_button, s)
        assert s.height() + FRAME_H <= AVAILABLE.height(), (key, s.size())
