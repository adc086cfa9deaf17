"""Issue 18 through the window: a day of morning checks, disinfection and an accompanied meal recorded
with the keyboard, found in the compliance check and on paper; an expired sampler refused without a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import clock
from logistics_desk.core.ui.work import wait_for_workers
from logistics_desk.modules.canteen import hygiene, hygiene_view, view

from .conftest import at
from .test_view import _column, _pdf_text, answer

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise", "grabbing the keyboard")


@pytest.fixture
def htab(canteen, qtbot, monkeypatch):
    """The canteen tab, its message boxes and previews caught (as test_view's ``tab``)."""
    shown = {"errors": [], "infos": [], "pdfs": []}
    monkeypatch.setattr(view, "show_error",
                        lambda parent, exc: shown["errors"].append(getattr(exc, "message", str(exc))))
    monkeypatch.setattr(view, "show_info", lambda parent, text, title=None: shown["infos"].append(text))
    monkeypatch.setattr(view, "confirm", lambda parent, text, title=None: True)
    monkeypatch.setattr(view, "_preview", lambda parent, pdf, title, filename: shown["pdfs"].append((pdf, filename)))
    tab = view.CanteenTab()
    qtbot.addWidget(tab)
    tab.shown = shown
    tab.day_page.set_day(canteen.day)
    monkeypatch.setattr(hygiene_view, "show_error",
                        lambda parent, exc: tab.shown["errors"].append(getattr(exc, "message", str(exc))))
    tab.reasons = []
    monkeypatch.setattr(hygiene_view, "ask_text", lambda parent, title, label, text="": tab.reasons.pop(0)
                        if tab.reasons else None)
    monkeypatch.setattr(view, "ask_text", lambda parent, title, label, text="": tab.reasons.pop(0)
                        if tab.reasons else None)
    return tab


def test_a_day_of_each_ledger_recorded_with_keys_is_in_the_check_and_on_paper(htab, canteen, qtbot, tmp_path):
    tab, c, day = htab, canteen, canteen.day
    # 晨检, 06:40: the grid proposes "present, all fine"; the helper has a sore throat
    clock.freeze(at(day, 6, 40))
    page = tab.morning_page
    tab.pages.setCurrentWidget(page)
    page.set_day(day)
    assert _column(page.grid, 0) == ["李阿姨", "王师傅"]
    assert "0 of 2" in page.state.text()
    page.checker.set_value(c.cook.id)
    page.grid.setFocus()
    page.grid.setCurrentCell(0, page.FLAG_COL)
    for _ in range(4):  # present, fever, diarrhoea, hand wound -> sore throat
        qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    qtbot.keyClick(page.grid, Qt.Key.Key_Space)
    assert _column(page.grid, page.FLAG_COL + 4) == ["✓", "—"]
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert tab.shown["errors"] == []
    assert "recorded for all 2 workers" in page.state.text()
    assert _column(page.grid, page.FLAG_COL + 5) == ["Not fit", "Fit for work"]
    checks = {r["name"]: r for r in hygiene.morning_checks(day, day)}
    assert not checks["李阿姨"]["fit"] and checks["李阿姨"]["action"] == "Sent home" and checks["王师傅"]["fit"]

    # three meals served with their samples; after each, the disinfection is one Enter
    page = tab.disinfection_page
    for meal, hh, dish in (("breakfast", 7, "馒头"), ("lunch", 11, "红烧肉"), ("dinner", 17, "面条")):
        clock.freeze(at(day, hh, 0))
        c.service.quick_take(c.service.add_dish(day, meal, dish), weight_g=150)
        clock.freeze(at(day, hh, 50))
        tab.pages.setCurrentWidget(page)
        page.set_day(day)
        page.propose()
        if meal == "breakfast":  # the first time: what, how, who
            page.person.set_value(c.cook.id)
        assert page.meal.value() == meal  # the meal served now is proposed
        qtbot.keyClick(page.note, Qt.Key.Key_Return)
        assert tab.shown["errors"] == []
    assert _column(page.table, 0) == ["Breakfast", "Lunch", "Dinner"]
    assert "Every meal" in page.state.text()

    # 陪餐 at lunch: the menu is proposed, the remarks typed, Enter records
    clock.freeze(at(day, 12, 30))
    page = tab.accompany_page
    tab.pages.setCurrentWidget(page)
    page.set_day(day)
    page.meal.set_value("lunch")
    assert page.dishes.text() == "红烧肉"
    page.leader.set_value(c.cook.id)
    page.quality.insert("口味偏咸")
    page.action.insert("已告知厨师少放盐")
    qtbot.keyClick(page.action, Qt.Key.Key_Return)
    assert tab.shown["errors"] == []
    assert _column(page.table, 4) == ["口味偏咸"]

    # the day's picture in the banner; the check over the day finds nothing of those ledgers missing
    clock.freeze(at(day, 21, 0))
    tab.update_status()
    assert "morning check 2/2" in tab.banner.text() and "disinfection ✓" in tab.banner.text()
    check = tab.check_page
    tab.pages.setCurrentWidget(check)
    check.start.set_date(day)
    check.end.set_date(day)
    qtbot.mouseClick(check.check_btn, Qt.MouseButton.LeftButton)
    kinds = set(_column(check.table, 1))
    assert not kinds & {"Meal without disinfection", "Morning check missing", "No accompanied meal",
                        "Worked without a valid health certificate"}
    assert "Disinfections 3, days with morning checks 1, accompanied meals 1." in check.result.text()

    # on paper
    for which, words in (("disinfection", ["Tableware disinfection log", "XDJL-20261123", "王师傅", "Breakfast"]),
                         ("morning", ["morning check log", "CJJL-20261123", "李阿姨", "Sore throat", "Not fit"]),
                         ("accompany", ["Accompanied meal log", "PCJL-20261123", "口味偏咸", "已告知厨师少放盐"])):
        check.print_hygiene(which)
        wait_for_workers()
        text = _pdf_text(tab.shown["pdfs"][-1][0], tmp_path)
        for w in words:
            assert w in text, (which, w)
        assert "测试实验学校" in text  # the school's name


def test_missing_ledgers_are_found_by_the_check(htab, canteen, qtbot):
    tab, c, day = htab, canteen, canteen.day
    clock.freeze(at(day, 11, 0))
    c.service.quick_take(c.service.add_dish(day, "lunch", "红烧肉"), weight_g=150)
    clock.freeze(at(day, 21, 0))
    check = tab.check_page
    tab.pages.setCurrentWidget(check)
    check.start.set_date(day)
    check.end.set_date(day)
    qtbot.mouseClick(check.check_btn, Qt.MouseButton.LeftButton)
    rows = list(zip(_column(check.table, 1), _column(check.table, 3), strict=True))
    assert ("Meal without disinfection", "Lunch") in rows
    assert ("Morning check missing", "") in rows
    assert ("No accompanied meal", "") in rows


def test_expired_sampler_needs_a_written_reason(htab, canteen, qtbot):
    tab, c, day = htab, canteen, canteen.day
    hygiene.save_certificate(c.helper, "JK-2025-002", dt.date(2026, 11, 20))
    page = tab.day_page
    tab.pages.setCurrentWidget(page)
    page.set_day(day)
    page.sampler.set_value(c.helper.id)
    assert page.sampler_state.isVisibleTo(page) and "expired on 2026-11-20" in page.sampler_state.text()
    clock.freeze(at(day, 7, 0))
    c.service.add_dish(day, "breakfast", "馒头")
    page.reload()
    page.weight.setValue(150)
    page.grid.setFocus()
    page.grid.selectRow(0)
    qtbot.keyClick(page.grid, Qt.Key.Key_Space)  # no reason written: refused
    assert c.service.day_lines(day)[0]["taken_at"] is None
    tab.reasons.append("王师傅请假")
    qtbot.keyClick(page.grid, Qt.Key.Key_Space)
    line = c.service.day_lines(day)[0]
    assert line["taken_by_id"] == c.helper.id and line["sampler_reason"] == "王师傅请假"


def test_certificate_entered_from_the_morning_check(htab, canteen, qtbot):
    tab, c = htab, canteen
    page = tab.morning_page
    tab.pages.setCurrentWidget(page)
    page.set_day(c.day)
    page.grid.setCurrentCell(0, 1)  # 李阿姨's certificate

    def fill(dlg):
        dlg.number.setText("JK-2026-099")
        dlg.expires.set_date(dt.date(2026, 12, 10))
        dlg.save()

    answer(fill)
    qtbot.keyClick(page.grid, Qt.Key.Key_Space)
    assert hygiene.certificate(c.helper).number == "JK-2026-099"
    assert "JK-2026-099, until 2026-12-10" in _column(page.grid, 1)[0]
    assert hygiene.certificate_warning(c.helper, c.day)  # 17 days: amber


def test_sample_dialog_asks_the_reason_for_an_expired_sampler(htab, canteen, qtbot):
    c, day = canteen, canteen.day
    hygiene.save_certificate(c.helper, "JK-2025-002", dt.date(2026, 11, 20))
    clock.freeze(at(day, 12, 0))
    line = c.service.add_dish(day, "lunch", "红烧肉")
    dlg = view.SampleDialog(c.service.day_lines(day)[0], htab)
    qtbot.addWidget(dlg)
    dlg.weight.setValue(150)
    dlg.taken_by.set_value(c.helper.id)
    dlg.save()
    assert "expired on 2026-11-20" in dlg.errors.message("taken_by")
    assert c.service.get_sample(line.id).taken_at is None
    dlg.reason.setText("王师傅病假")
    dlg.save()
    row = c.service.get_sample(line.id)
    assert row.taken_by_id == c.helper.id and row.sampler_reason == "王师傅病假"
