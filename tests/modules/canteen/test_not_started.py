"""c4 (issue 18): a new school's first day. Until the canteen's first record (or a start date set) the
ledgers have "not started": no breaches, no red badge, one calm line on Today and a banner saying how
to start; from the first record (or the start date) the rules apply as before. A report for a period
with nothing recorded certifies nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk.core import clock
from logistics_desk.modules.canteen import commands, hygiene, service, view
from logistics_desk.modules.canteen import today as canteen_today

from .conftest import at
from .test_paper import needs_poppler, pdf_text


def _lines(day):
    return [i for i in canteen_today.items(day) if i.module == "canteen"]


def test_fresh_database_is_not_started_no_breaches(canteen):
    clock.freeze(at(canteen.day, 21, 0))  # every meal of the day past its deadline
    assert service.first_day() is None
    assert service.check(canteen.day, canteen.day) == []
    status = service.day_status()
    assert status.state == "not_started" and not status.breaches and not status.pending
    assert "not started" in status.not_started
    assert canteen_today.badge() is None
    lines = _lines(canteen.day)
    assert len(lines) == 1
    line = lines[0]
    assert line.severity == "info" and line.count == 0 and line.target == {"page": "day"}
    assert "not started" in line.text
    report = service.period_report(canteen.day - dt.timedelta(days=6), canteen.day)
    assert report["days_checked"] == 0 and report["breaches"] == [] and report["fridges"] == []


@needs_poppler
def test_report_of_a_fresh_database_certifies_nothing(canteen, tmp_path):
    clock.freeze(at(canteen.day, 21, 0))
    text = pdf_text(commands.compliance_pdf(canteen.day - dt.timedelta(days=6), canteen.day), tmp_path)
    assert "No data" in text and "This report certifies nothing." in text
    assert "No breaches" not in text


@pytest.mark.parametrize("first", ["dish", "morning", "disinfection", "reading", "accompany"])
def test_first_record_starts_the_rules(canteen, first):
    clock.freeze(at(canteen.day, 21, 0))
    if first == "dish":
        service.add_dish(canteen.day, "lunch", "红烧肉")
    elif first == "morning":
        rows = hygiene.morning_grid(canteen.day)
        hygiene.record_morning_checks(canteen.day, rows, checked_by=canteen.cook)
    elif first == "disinfection":
        hygiene.record_disinfection(canteen.day, "lunch", ["tableware"], "cabinet",
                                    started_at=at(canteen.day, 13, 0), minutes=30, person=canteen.helper)
    elif first == "reading":
        service.record_reading(canteen.fridge, 4, read_at=at(canteen.day, 7, 30), read_by=canteen.cook)
    else:
        hygiene.record_accompany(canteen.day, "lunch", canteen.cook, {"dishes": "红烧肉", "quality": "好"})
    assert service.first_day() == canteen.day
    status = service.day_status()
    assert status.state == "breach" and status.not_started is None
    assert any(b.kind in ("meal_missing", "meal_no_samples") for b in status.breaches)
    assert not any("not started" in i.text for i in _lines(canteen.day))
    assert canteen_today.badge() is not None


def test_start_date_ahead_then_reached(canteen):
    clock.freeze(at(canteen.day, 21, 0))
    service.start_checks(canteen.day + dt.timedelta(days=7))
    status = service.day_status()
    assert status.state == "not_started" and "2026-11-30" in status.not_started
    assert service.check(canteen.day, canteen.day) == []
    service.start_checks(canteen.day)
    assert service.day_status().state == "breach"  # no record at all, but started: today's meals are missing
    with pytest.raises(service.ValidationError):
        service.start_checks("2026-11-23")


@pytest.fixture
def tab(canteen, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(view, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    monkeypatch.setattr(view, "show_error", lambda parent, exc: asked.append(getattr(exc, "message", str(exc))))
    clock.freeze(at(canteen.day, 21, 0))
    w = view.CanteenTab()
    qtbot.addWidget(w)
    w.asked = asked
    return w


def test_tab_banner_says_how_to_start_and_the_button_starts(tab, canteen, qtbot):
    titles = []
    tab.title_changed.connect(titles.append)
    text = tab.banner.text()
    assert "not started" in text and "Start checking today" in text
    assert "#c0392b" not in tab.banner.styleSheet() and "All in order" not in text
    assert tab.start_btn.isVisibleTo(tab) and not tab.details_btn.isVisibleTo(tab)
    qtbot.mouseClick(tab.start_btn, view.Qt.MouseButton.LeftButton)
    assert tab.asked and "2026-11-23" in tab.asked[0]
    assert service.first_day() == canteen.day
    assert tab.status.state == "breach" and "#c0392b" in tab.banner.styleSheet()
    assert not tab.start_btn.isVisibleTo(tab) and tab.details_btn.isVisibleTo(tab)
    assert titles and titles[-1].startswith("Canteen (")


def test_first_dish_typed_in_the_tab_starts_the_rules(tab, canteen, qtbot):
    tab.day_page.set_day(canteen.day)
    tab.day_page.dish_edit.insert("番茄炒蛋")  # Chinese comes through the input method, not key codes
    qtbot.keyClick(tab.day_page.dish_edit, view.Qt.Key.Key_Return)
    assert service.first_day() == canteen.day
    assert tab.status.state == "breach" and "not started" not in tab.banner.text()


def test_today_page_shows_one_calm_line_that_opens_the_canteen(tab, canteen, qtbot):
    from logistics_desk.core.ui.today import TodayPage
    from logistics_desk.modules import modules

    page = TodayPage([s for s in modules() if s.key == "canteen"])
    qtbot.addWidget(page)
    mine = [i for i in page.items if i.module == "canteen"]
    assert len(mine) == 1 and mine[0].severity == "info"  # calm: information, nothing wants doing
    row = page.row_of(lambda i: i.module == "canteen")
    assert row is not None and "not started" in row.text(0)
    opened = []
    page.open_requested.connect(opened.append)
    page.tree.itemActivated.emit(row, 0)
    assert opened and opened[0].target == {"page": "day"}
    tab.pages.setCurrentWidget(tab.check_page)
    tab.show_today(opened[0].target)
    assert tab.pages.currentWidget() is tab.day_page


def test_settings_page_sets_and_clears_the_start_date(canteen, qtbot):
    from logistics_desk.core import settings
    from logistics_desk.modules.canteen.settings_page import CanteenSettingsPage

    clock.freeze(at(canteen.day, 21, 0))
    page = CanteenSettingsPage()
    qtbot.addWidget(page)
    assert not page.start_check.isChecked() and not page.start_date.isEnabled()
    assert not page.has_unsaved_changes()
    page.start_check.click()
    assert page.start_date.isEnabled()
    page.start_date.set_date(canteen.day - dt.timedelta(days=1))
    assert page.has_unsaved_changes()
    page.save()
    assert settings.get("canteen.start_date") == "2026-11-22" and service.day_status().state == "breach"
    page.refresh()
    assert page.start_check.isChecked() and page.start_date.value() == dt.date(2026, 11, 22)
    page.start_check.setChecked(False)
    page.save()
    assert settings.get("canteen.start_date") is None and service.day_status().state == "not_started"
