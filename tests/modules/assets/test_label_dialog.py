"""The labels dialog and the labels command refuse a sheet they cannot print right, and say why
where the person looks: a custom grid too close to the sheet's edge, a start position beyond the sheet."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt

from logistics_desk import cli
from logistics_desk.core import clock, db, i18n, masterdata, settings
from logistics_desk.core.masterdata import Person
from logistics_desk.core.ui.pdf_preview import PdfPreviewDialog
from logistics_desk.core.ui.work import wait_for_workers
from logistics_desk.modules.assets import view

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"),
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils needed"),
]


@pytest.fixture
def tab(qtbot, world):
    t = view.AssetsTab()
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    qtbot.waitExposed(t)
    return t


def open_labels_dialog(tab):
    tab.refresh()
    menu = tab.print_button.menu()
    menu.aboutToShow.emit()
    menu.print_actions["labels"].trigger()
    dlg = tab.print_dialog
    dlg.source.set_value("filter")
    return dlg


def previewed(qtbot, tab) -> PdfPreviewDialog:
    wait_for_workers()
    qtbot.waitUntil(lambda: getattr(tab, "last_print_preview", None) is not None, timeout=10000)
    return tab.last_print_preview


@pytest.mark.gui
def test_custom_grid_too_close_to_the_edge_is_refused_with_a_message_beside_the_field(qtbot, tab, make_asset):
    make_asset()
    dlg = open_labels_dialog(tab)
    dlg.template.set_value("custom")
    for key, value in {"cols": 8, "rows": 8, "label_w": 26.25, "label_h": 37, "left": 0, "top": 0.5,
                       "pitch_x": 26.25, "pitch_y": 37}.items():
        dlg.grid[key].setValue(value)
    # said as it is typed, under the left margin, before anyone clicks
    note = dlg.grid_errors["left"]
    assert note.isVisible() and "4 mm" in note.text() and "left or right edge" in note.text()
    assert all(not dlg.grid_errors[k].isVisible() for k in dlg.grid_errors if k != "left")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and getattr(tab, "last_print_preview", None) is None  # refused
    assert settings.get("printing.label_template") != "custom"  # nothing saved
    # seven columns leave room to print on: the note goes, the labels print
    dlg.grid["cols"].setValue(7)
    dlg.grid["pitch_x"].setValue(30)
    dlg.grid["label_w"].setValue(30)
    assert not note.isVisible()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    pv = previewed(qtbot, tab)
    assert pv.page_count() == 1 and settings.get("printing.label_custom")["cols"] == 7
    pv.close()


@pytest.mark.gui
def test_start_position_beyond_the_sheet_is_refused_beside_it_and_never_changed(qtbot, tab, make_asset):
    make_asset()
    dlg = open_labels_dialog(tab)
    dlg.template.set_value("4x10")
    dlg.start.setValue(30)
    assert not dlg.start_error.isVisible()
    dlg.template.set_value("3x8")
    assert dlg.start.value() == 30  # not clamped to 24 without a word
    assert dlg.start_error.isVisible()
    assert dlg.start_error.text() == "This sheet has 24 labels: start at label 1 to 24."
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and getattr(tab, "last_print_preview", None) is None
    dlg.start.setValue(24)
    assert not dlg.start_error.isVisible()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    pv = previewed(qtbot, tab)
    assert pv.page_count() == 1
    pv.close()


def run_print(capsys, db_path, *args) -> tuple[int, str]:
    db.close_database()  # the CLI opens the file itself
    try:
        code = cli.main(["--db", str(db_path), "--lang", "en", "print", *map(str, args)])
    finally:
        db.open_database(db_path, backup=False)
        i18n.set_language("en")
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


def test_labels_skip_beyond_the_sheet_exits_2_with_a_clear_message(make_asset, db_path, tmp_path, capsys):
    a = make_asset()
    out = tmp_path / "labels.pdf"
    code, text = run_print(capsys, db_path, "labels", "--ids", a.number, "--template", "3x8", "--skip", "100",
                           "-o", out)
    assert code == 2 and not out.exists()
    assert "A sheet of this kind has 24 labels: you can leave 0 to 23 of them blank, not 100." in text
    code, _text = run_print(capsys, db_path, "labels", "--ids", a.number, "--template", "3x8", "--skip", "23",
                            "-o", out)
    assert code == 0 and out.read_bytes().startswith(b"%PDF")


def test_sample_labels_skip_beyond_the_sheet_exits_2(database, db_path, tmp_path, capsys, monkeypatch):
    from logistics_desk.modules.canteen import service

    cook = masterdata.save(Person, {"name": "王师傅", "is_canteen_staff": True})
    fridge = service.save_fridge({"name": "1号留样冰箱", "location": "食堂 留样间"})
    service.set_defaults(sampler=cook, fridge=fridge, weight_g=150)
    day = dt.date(2026, 11, 23)
    clock.freeze(dt.datetime(2026, 11, 23, 6, 30))
    service.add_dishes(day, "lunch", ["红烧肉", "番茄炒蛋"])
    out = tmp_path / "samples.pdf"
    code, text = run_print(capsys, db_path, "sample-labels", "--date", day, "--sheet", "4x10", "--skip", "40",
                           "-o", out)
    assert code == 2 and not out.exists()
    assert "has 40 labels: you can leave 0 to 39 of them blank, not 40." in text
