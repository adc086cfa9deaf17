"""The register's Print menu: each action builds the real PDF off the GUI thread and opens the preview."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import settings
from logistics_desk.core.ui.pdf_preview import PdfPreviewDialog
from logistics_desk.core.ui.work import wait_for_workers
from logistics_desk.modules.assets import print_menu, service, view

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"),
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils needed"),
]


def pdf_text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s+", "", out)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(print_menu, "show_error", lambda parent, exc: shown.append(getattr(exc, "message", str(exc))))
    return shown


@pytest.fixture
def tab(qtbot, world):
    t = view.AssetsTab()
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    qtbot.waitExposed(t)
    return t


def trigger(tab, key):
    menu = tab.print_button.menu()
    menu.aboutToShow.emit()
    action = menu.print_actions[key]
    assert action.isEnabled(), key
    action.trigger()


def preview(qtbot, tab) -> PdfPreviewDialog:
    wait_for_workers()
    qtbot.waitUntil(lambda: getattr(tab, "last_print_preview", None) is not None, timeout=10000)
    dlg = tab.last_print_preview
    assert isinstance(dlg, PdfPreviewDialog) and dlg.isVisible()
    return dlg


def test_menu_lists_the_forms_and_needs_a_selection(tab, make_asset):
    make_asset()
    tab.refresh()
    assert tab.print_button is not None and tab.print_button.text() == "Print"
    menu = tab.print_button.menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "Labels…" in texts and "Write-off request" in texts
    tab.table.clearSelection()
    tab.table.setCurrentIndex(tab.model.index(-1, -1))
    menu.aboutToShow.emit()
    assert not menu.print_actions["card"].isEnabled()
    assert menu.print_actions["labels"].isEnabled() and menu.print_actions["inventory"].isEnabled()


def test_inventory_for_the_selected_assets_place_opens_the_preview_and_saves(qtbot, tab, make_asset, world, tmp_path,
                                                                             monkeypatch):
    a = make_asset(name="台式计算机")
    b = make_asset(name="投影仪", place=world["r302"].id)
    tab.refresh()
    tab.select_ids([a.id])
    trigger(tab, "inventory_here")
    dlg = preview(qtbot, tab)
    assert dlg.page_count() == 1
    text = pdf_text(dlg.pdf_bytes)
    assert a.number in text and b.number not in text and "教学楼301" in text
    assert dlg.suggested_filename.endswith(".pdf") and "教学楼 301" in dlg.suggested_filename
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(dlg, "_choose_save_path", lambda: str(target))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == dlg.pdf_bytes and target.read_bytes().startswith(b"%PDF")
    dlg.close()


def test_inventory_dialog_department(qtbot, tab, make_asset, world):
    a = make_asset(name="台式计算机", department=world["cls"].id)
    make_asset(name="别的")
    tab.refresh()
    tab.select_ids([a.id])
    trigger(tab, "inventory")
    dlg = tab.print_dialog
    assert dlg.isVisible() and dlg.target.value() == world["r301"].id  # the selected asset's place first
    dlg.kind.set_value("department")
    dlg.target.set_value(world["cls"].id)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    pv = preview(qtbot, tab)
    text = pdf_text(pv.pdf_bytes)
    assert a.number in text and "初一(1)班" in text and "ClassheadteachersignatureDate" in text.replace(":", "")
    pv.close()


def test_labels_dialog_range_code128_start_offset_and_calibration(qtbot, tab, make_asset):
    assets = make_asset(name="课桌椅", copies=6)
    numbers = sorted(x.number for x in assets)
    tab.refresh()
    trigger(tab, "labels")
    dlg = tab.print_dialog
    dlg.source.set_value("numbers")
    assert dlg.number_from.isEnabled()
    qtbot.keyClicks(dlg.number_from, numbers[1])
    qtbot.keyClicks(dlg.number_to, numbers[4])
    dlg.template.set_value("4x10")
    dlg.code.set_value("code128")
    dlg.start.setValue(3)
    dlg.offset_x.setValue(1.5)
    dlg.offset_y.setValue(-0.5)
    # the calibration page: saved offset, previewed
    qtbot.mouseClick(dlg.calibration_button, Qt.MouseButton.LeftButton)
    assert settings.get("printing.label_offset_x") == 1.5
    cal = tab.last_print_preview
    assert "Label1" in pdf_text(cal.pdf_bytes)
    cal.close()
    tab.last_print_preview = None
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    pv = preview(qtbot, tab)
    text = pdf_text(pv.pdf_bytes)
    assert [n for n in numbers if n in text] == numbers[1:5]
    assert settings.get("printing.label_template") == "4x10" and settings.get("printing.label_code") == "code128"
    assert settings.get("printing.label_offset_y") == -0.5
    pv.close()


def test_labels_dialog_custom_grid_that_does_not_fit_says_so(qtbot, tab, make_asset):
    make_asset()
    tab.refresh()
    trigger(tab, "labels")
    dlg = tab.print_dialog
    dlg.source.set_value("filter")
    dlg.template.set_value("custom")
    assert dlg.grid_box.isEnabled()
    dlg.grid["cols"].setValue(5)
    dlg.grid["label_w"].setValue(70)
    dlg.grid["pitch_x"].setValue(70)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and not dlg.error.isHidden() and "A4" in dlg.error.text()
    dlg.grid["cols"].setValue(2)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    pv = preview(qtbot, tab)
    assert pv.page_count() == 1
    assert settings.get("printing.label_custom")["cols"] == 2
    pv.close()


def test_cards_and_slips_for_the_selected_asset(qtbot, tab, make_asset, world, errors):
    a = make_asset()
    tab.refresh()
    tab.select_ids([a.id])
    trigger(tab, "transfer")
    assert errors and "never been transferred" in errors[0]
    t = service.transfer(a, place=world["r302"].id, reason="教室调整")
    tab.refresh()
    tab.select_ids([a.id])
    for key, expect in (("transfer", t.doc_no), ("card2", a.number), ("writeoff", "write-off")):
        tab.last_print_preview = None
        trigger(tab, key)
        pv = preview(qtbot, tab)
        assert expect in pdf_text(pv.pdf_bytes), key
        pv.close()
    assert len(errors) == 1


def test_writeoff_request_for_an_asset_written_off_without_a_record_is_refused(qtbot, tab, make_asset, errors,
                                                                              monkeypatch):
    from logistics_desk.modules.assets.models import Asset

    a = make_asset()
    Asset.update(status="disposed").where(Asset.id == a.id).execute()  # e.g. imported as written off
    monkeypatch.setattr(tab, "selected_asset_ids", lambda: [a.id])
    tab.last_print_preview = None
    trigger(tab, "writeoff")
    wait_for_workers()
    assert errors and a.number in errors[0] and "already been written off" in errors[0]
    assert tab.last_print_preview is None
    # a recorded write-off still prints, with its number
    b = make_asset()
    d = service.write_off(b, reason="主板烧毁", approver="王校长", method="scrap")
    monkeypatch.setattr(tab, "selected_asset_ids", lambda: [b.id])
    trigger(tab, "writeoff")
    pv = preview(qtbot, tab)
    assert d.doc_no in pdf_text(pv.pdf_bytes)
    pv.close()


def test_inventory_dialog_one_sheet_per_custodian(qtbot, tab, make_asset, world):
    a = make_asset(name="台式计算机")  # 张伟
    b = make_asset(name="投影仪", custodian=world["li"].id)
    c = make_asset(name="打印机", place=world["office"].id)  # 张伟's, elsewhere
    tab.refresh()
    tab.select_ids([a.id])
    trigger(tab, "inventory")
    dlg = tab.print_dialog
    assert dlg.target.value() == world["r301"].id and not dlg.per_custodian.isChecked()
    dlg.per_custodian.setChecked(True)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    pv = preview(qtbot, tab)
    assert pv.page_count() == 2
    text = pdf_text(pv.pdf_bytes)
    assert c.number in text  # everything 张伟 holds, wherever it stands
    assert "Custodian(张伟)signature" in text and "Custodian(李娜)signature" in text and b.number in text
    pv.close()
    dlg.kind.set_value("custodian")
    assert not dlg.per_custodian.isEnabled() and not dlg.one_sheet_per_custodian()
