"""The print preview: real pages, Save as PDF, printing to a (PDF) printer with page range and copies."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from logistics_desk.core.printing import Column, Section, TableForm
from logistics_desk.core.ui.pdf_preview import PdfPreviewDialog, preview_pdf

# Qt's offscreen platform warns whenever a top-level window with a layout is shown
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    sections = [Section([("Room", str(r))], [{"a": f"row {i}"} for i in range(5)], None, ["Custodian"])
                for r in range(3)]
    return TableForm("Inventory", [Column("a", "Item")], sections, school="Test School").render()


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pages_in(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def test_preview_shows_the_pages(qtbot, three_pages):
    dlg = PdfPreviewDialog(three_pages, "Inventory", None, "inventory.pdf")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.page_count() == 3
    assert dlg.page_label.text() == "Page 1 of 3"
    assert dlg.windowTitle() == "Print preview – Inventory"
    assert dlg.print_button.text() == "Print…" and dlg.save_button.text() == "Save as PDF…"
    qtbot.mouseClick(dlg.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dlg.view.zoomMode() == dlg.view.ZoomMode.Custom
    dlg.fit_width_button.click()
    assert dlg.view.zoomMode() == dlg.view.ZoomMode.FitToWidth


def test_save_writes_the_bytes(qtbot, tmp_path, three_pages):
    dlg = PdfPreviewDialog(three_pages, "Inventory", None, "inventory.pdf")
    qtbot.addWidget(dlg)
    target = tmp_path / "saved"
    dlg._choose_save_path = lambda: str(target)
    dlg.save_button.click()
    saved = tmp_path / "saved.pdf"  # the extension is added
    assert saved.read_bytes() == three_pages
    dlg._choose_save_path = lambda: None  # cancelled: nothing written, no error
    assert dlg.save_as() is None


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="pdfinfo not installed")
def test_print_all_pages_to_a_pdf_printer(qtbot, tmp_path, three_pages):
    dlg = PdfPreviewDialog(three_pages, "Inventory", None)
    qtbot.addWidget(dlg)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    dlg._choose_printer = lambda: printer
    dlg.print_button.click()
    assert pages_in(out) == 3
    # the text survives as an image: the page size is A4 portrait
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "595" in info and "842" in info


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="pdfinfo not installed")
def test_print_page_range_and_copies(qtbot, tmp_path, three_pages):
    dlg = PdfPreviewDialog(three_pages, "Inventory", None)
    qtbot.addWidget(dlg)
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    dlg._choose_printer = lambda: printer
    assert dlg.print_document() == 4
    assert pages_in(out) == 4


def test_cancelled_printer_dialog_prints_nothing(qtbot, three_pages):
    dlg = PdfPreviewDialog(three_pages, "Inventory", None)
    qtbot.addWidget(dlg)
    dlg._choose_printer = lambda: None
    assert dlg.print_document() == 0


def test_preview_pdf_opens_a_window(qtbot, three_pages):
    dlg = preview_pdf(None, three_pages, "Inventory", "inventory.pdf")
    qtbot.addWidget(dlg)
    assert dlg.isVisible() and dlg.page_count() == 3
    assert dlg.suggested_filename == "inventory.pdf"
    dlg.close_button.click()
    assert not dlg.isVisible()
