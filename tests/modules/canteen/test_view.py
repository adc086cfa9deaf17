"""The 食品留样 tab driven like a person: keys, clicks, what is shown and stored."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication

from logistics_desk.core import clock
from logistics_desk.core.ui.work import wait_for_workers
from logistics_desk.modules.canteen import view
from logistics_desk.modules.canteen.models import CanteenSample

from .conftest import at
from .test_service import _clean_day

# the offscreen platform's notes when a modal dialog opens (not faults)
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise")


@pytest.fixture
def tab(canteen, qtbot, monkeypatch):
    shown = {"errors": [], "infos": [], "pdfs": []}
    monkeypatch.setattr(view, "show_error",
                        lambda parent, exc: shown["errors"].append(getattr(exc, "message", str(exc))))
    monkeypatch.setattr(view, "show_info", lambda parent, text, title=None: shown["infos"].append(text))
    monkeypatch.setattr(view, "confirm", lambda parent, text, title=None: True)
    monkeypatch.setattr(view, "_preview", lambda parent, pdf, title, filename: shown["pdfs"].append((pdf, filename)))
    w = view.CanteenTab()
    qtbot.addWidget(w)
    w.shown = shown
    w.day_page.set_day(canteen.day)
    return w


def _cell(table, row, col) -> str:
    item = table.item(row, col)
    return item.text() if item else ""


def _column(table, col) -> list[str]:
    return [_cell(table, r, col) for r in range(table.rowCount())]


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def answer(act, tries: int = 300) -> list:
    """Act on the next modal dialog as soon as it is open (its exec() holds the test until it closes)."""
    seen = []

    def poll(n=tries):
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            if n:
                QTimer.singleShot(10, lambda: poll(n - 1))
            return
        seen.append(dlg)
        act(dlg)

    QTimer.singleShot(0, poll)
    return seen


def type_weight(qtbot, text: str, key=Qt.Key.Key_Return) -> list:
    """The person weighs the sample and types its weight (the proposed one is selected), then Enter."""
    def act(dlg):
        if text:
            qtbot.keyClicks(dlg.weight, text)
        dlg.seen_warning = dlg.warning.isVisibleTo(dlg)
        dlg.seen_value = dlg.weight.value()
        qtbot.keyClick(dlg.weight, key)
    return answer(act)


def _add(page, qtbot, meal: str, names: list[str]) -> None:
    page.meal_box.set_value(meal)
    for name in names:
        page.dish_edit.insert(name)  # Chinese comes through the input method, not key codes
        qtbot.keyClick(page.dish_edit, Qt.Key.Key_Return)


def test_enter_menu_and_take_samples_with_keys(tab, canteen, qtbot, tmp_path):
    page = tab.day_page
    assert page.empty_label.isVisibleTo(page)
    _add(page, qtbot, "breakfast", ["小米粥", "肉包"])
    _add(page, qtbot, "lunch", ["红烧肉", "番茄炒蛋", "紫菜蛋花汤"])
    assert tab.shown["errors"] == []
    assert _column(page.grid, 1) == ["小米粥", "肉包", "红烧肉", "番茄炒蛋", "紫菜蛋花汤"]
    assert _column(page.grid, 0) == ["Breakfast", "Breakfast", "Lunch", "Lunch", "Lunch"]
    assert "番茄炒蛋" in page.dish_model.stringList()  # remembered for next time

    clock.freeze(at(canteen.day, 7, 5))
    page.grid.setFocus()
    page.grid.selectRow(0)
    type_weight(qtbot, "150")
    qtbot.keyClick(page.grid, Qt.Key.Key_Space)
    type_weight(qtbot, "")  # the proposed weight confirmed with Enter
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)  # the selection moved on to the next dish
    assert _column(page.grid, 3)[:2] == ["150", "150"]
    assert _column(page.grid, 4)[:2] == ["07:05", "07:05"]
    assert _column(page.grid, 5)[:2] == ["王师傅", "王师傅"]
    assert _column(page.grid, 8)[0] == "11/25 07:05"
    assert page.grid.currentRow() == 2
    # the defaults are editable: 180 g by 李阿姨 for lunch
    clock.freeze(at(canteen.day, 11, 30))
    page.sampler.set_value(canteen.helper.id)
    page.weight.setValue(180)
    page.weight.editingFinished.emit()
    for _ in range(3):
        qtbot.keyClick(page.grid, Qt.Key.Key_Space)
    rows = list(CanteenSample.select().where(CanteenSample.meal == "lunch").order_by(CanteenSample.sort_order))
    assert [(r.weight_g, r.taken_by.name, r.taken_at) for r in rows] == [(180, "李阿姨", at(canteen.day, 11, 30))] * 3
    assert tab.day_page.week_buttons[0].text().endswith("5/5")

    # labels of the day: one per dish, with the record number as the QR code
    page.print_labels(None)
    wait_for_workers()
    pdf, filename = tab.shown["pdfs"][-1]
    assert filename == "sample-labels-2026-11-23.pdf"
    text = _pdf_text(pdf, tmp_path)
    for needle in ("小米粥", "紫菜蛋花汤", "LY-20261123-0001", "LY-20261123-0005", "180 g", "李阿姨", "11-25 11:30",
                   "测试实验学校"):
        assert needle in text
    page.print_labels("lunch")
    wait_for_workers()
    assert "小米粥" not in _pdf_text(tab.shown["pdfs"][-1][0], tmp_path)


def test_refuse_early_disposal_then_dispose_after_deadline(tab, canteen, qtbot):
    s = canteen.service
    a, b = s.add_dishes(canteen.day, "lunch", ["宫保鸡丁", "米饭"])
    clock.freeze(at(canteen.day, 12, 10))
    s.quick_take(a, weight_g=150)
    s.quick_take(b, weight_g=150)
    clock.freeze(at(canteen.day + dt.timedelta(days=1), 9, 0))
    tab.pages.setCurrentWidget(tab.disposal_page)
    page = tab.disposal_page
    assert _column(page.table, 4) == ["宫保鸡丁", "米饭"]
    assert page.table.item(0, 0).checkState() == Qt.CheckState.Unchecked  # not due yet
    page.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    page.by.set_value(canteen.cook.id)
    qtbot.mouseClick(page.dispose_btn, Qt.MouseButton.LeftButton)
    assert len(tab.shown["errors"]) == 1
    assert "must be kept until 11/25 12:10, 27 h 10 min from now" in tab.shown["errors"][0]
    assert CanteenSample.get_by_id(a.id).disposed_at is None

    clock.freeze(at(canteen.day + dt.timedelta(days=2), 12, 30))
    page.reload()
    assert [page.table.item(i, 0).checkState() for i in range(2)] == [Qt.CheckState.Checked] * 2
    page.by.set_value(canteen.helper.id)
    page.at.setDateTime(QDateTime(at(canteen.day + dt.timedelta(days=2), 12, 20)))
    qtbot.mouseClick(page.dispose_btn, Qt.MouseButton.LeftButton)
    assert tab.shown["infos"][-1] == "2 samples disposed of."
    row = CanteenSample.get_by_id(a.id)
    assert row.disposed_by.name == "李阿姨" and row.disposed_at == at(canteen.day + dt.timedelta(days=2), 12, 20)
    assert page.table.rowCount() == 0


def test_each_breach_shown_and_none_on_a_clean_day(tab, canteen, qtbot):
    from .test_service import test_each_kind_of_breach

    clean = canteen.day - dt.timedelta(days=7)  # the Monday before: complete
    _clean_day(canteen, clean)
    clock.freeze(at(clean + dt.timedelta(days=2), 18, 0))
    canteen.service.dispose(canteen.service.due_samples(), disposed_by=canteen.cook)
    test_each_kind_of_breach(canteen)  # builds the breaches into canteen.day
    page = tab.check_page
    tab.pages.setCurrentWidget(page)
    page.start.set_date(clean)
    page.end.set_date(clean)
    qtbot.mouseClick(page.check_btn, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 0
    assert "no breaches" in page.result.text()

    page.start.set_date(canteen.day)
    page.end.set_date(canteen.day)
    qtbot.mouseClick(page.check_btn, Qt.MouseButton.LeftButton)
    kinds = set(_column(page.table, 1))
    assert kinds == {"Meal not recorded", "Meal without samples", "Dish without sample", "Under minimum weight",
                     "Incomplete record", "Disposed before deadline", "Past deadline, not disposed",
                     "Too few fridge readings", "Temperature out of range", "Re-check not recorded", "Late entry",
                     "Meal without disinfection", "Morning check missing", "No receiving recorded",
                     "No accompanied meal"}
    assert "findings" in page.result.text()
    assert any("9.5 °C" in m for m in _column(page.table, 5))


def test_banner_green_when_complete_red_when_not(tab, canteen):
    day = canteen.day
    _clean_day(canteen, day)
    clock.freeze(at(day, 21, 0))
    tab.update_status()
    assert tab.status.state == "ok"
    assert "All in order" in tab.banner.text() and "#1e7e34" in tab.banner.styleSheet()
    canteen.service.add_dish(day, "dinner", "酸奶")
    tab.update_status()
    assert tab.status.state == "breach"
    assert "“酸奶”: no sample was taken" in tab.banner.text() and "#c0392b" in tab.banner.styleSheet()


def test_banner_does_not_count_other_reminders_as_samples_to_dispose(tab, canteen):
    """Issue 18: an evening with no delivery and no accompanied meal has two reminders and no sample past its
    retention; the banner said "2 samples are past their retention time" (every reminder counted as one)."""
    canteen.service.start_checks(canteen.day)  # no record yet: started by its date (c4: else not started)
    clock.freeze(at(canteen.day, 21, 0))
    tab.update_status()
    kinds = {b.kind for b in tab.status.breaches if b.severity == "reminder"}
    assert kinds == {"no_receiving", "no_accompany"}
    text = tab.banner.text()
    assert "past their retention time" not in text
    assert "No delivery was checked in on this day." in text and "accompanied meal" in text


def test_edit_dialog_validates_and_saves(tab, canteen, qtbot):
    line = canteen.service.add_dish(canteen.day, "lunch", "清蒸鲈鱼")
    clock.freeze(at(canteen.day, 12, 0))
    tab.day_page.reload()
    dlg = view.SampleDialog(tab.day_page.rows[0], tab)
    qtbot.addWidget(dlg)
    dlg.weight.setValue(0)
    dlg.taken_by.set_value(None)
    dlg.save()
    assert dlg.errors.message("weight_g") == ""  # no weight but a time: allowed, the check flags it
    line = canteen.service.get_sample(line.id)
    assert line.weight_g is None and line.taken_at == at(canteen.day, 12, 0)
    dlg2 = view.SampleDialog(tab.day_page.rows[0] | {"taken_at": None}, tab)
    qtbot.addWidget(dlg2)
    from PySide6.QtCore import QTime

    dlg2.time.setTime(QTime(13, 0))  # later than now
    dlg2.save()
    assert "future" in dlg2.errors.message("taken_at")


def test_fridge_reading_out_of_range_shown_red(tab, canteen, qtbot):
    clock.freeze(at(canteen.day, 8, 0))
    tab.pages.setCurrentWidget(tab.fridge_page)
    page = tab.fridge_page
    page.temp.setValue(9.0)

    def act(dlg):
        dlg.action.setText("门未关严，已关好")
        dlg.ok_button.click()

    answer(act)
    qtbot.mouseClick(page.record_btn, Qt.MouseButton.LeftButton)
    assert _column(page.table, 4) == ["Out of range"]
    assert page.table.item(0, 2).foreground().color().name() == view.RED
    assert "1 out of range" in page.summary.text()


def test_label_qr_codes_decode_with_zbarimg(canteen, tmp_path):
    import shutil

    if not shutil.which("zbarimg") or not shutil.which("pdftoppm"):
        pytest.skip("zbarimg/pdftoppm not installed")
    from logistics_desk.modules.canteen import forms

    s = canteen.service
    lines = s.add_dishes(canteen.day, "lunch", ["红烧肉", "番茄炒蛋", "紫菜蛋花汤"])
    clock.freeze(at(canteen.day, 11, 40))
    s.quick_take(lines[0], weight_g=150)
    pdf = forms.sample_labels(s.day_lines(canteen.day))
    (tmp_path / "labels.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "300", "-f", "1", "-l", "1", str(tmp_path / "labels.pdf"),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.split()
    assert sorted(out) == [line.number for line in lines]
