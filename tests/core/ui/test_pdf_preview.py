"""The print preview: real pages, Save as PDF, printing to a (PDF) printer with page range and copies."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from logistics_desk.core.printing import Column, Section, TableForm, asset_label, label_sheet, render_labels
from logistics_desk.core.ui.pdf_preview import PdfPreviewDialog, preview_pdf

pytestmark = pytest.mark.gui


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
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "595" in info and "842" in info  # A4 portrait, like the form
    # the paper is white with the form on it (QtPdf renders pages on a transparent background)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                       check=True)
        image = Image.open(next(tmp_path.glob("p*.pgm")))
        hist = image.convert("L").histogram()
        assert sum(i * n for i, n in enumerate(hist)) / sum(hist) > 200
        assert sum(hist[:128]) > 0  # and something is printed on it


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="poppler/zbar needed")
def test_printed_label_sheet_keeps_its_scale_and_codes(qtbot, tmp_path):
    numbers = [f"ZC-2026-{i:05d}" for i in range(1, 25)]
    pdf = render_labels([asset_label(n, "投影仪", "教学楼 301", "qr", school="S") for n in numbers], "3x8",
                        offset=(0, 0))
    dlg = PdfPreviewDialog(pdf, "Labels", None)
    qtbot.addWidget(dlg)
    out = tmp_path / "labels.pdf"
    dlg._choose_printer = lambda: pdf_printer(out)
    assert dlg.print_document() == 1
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1
    # each label is still where the sheet has it: decode the codes cell by cell
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(out), str(tmp_path / "l")], check=True)
    image = Image.open(next(tmp_path.glob("l*.pgm")))
    sheet, k = label_sheet("3x8"), 300 / 25.4
    found = []
    for i in range(sheet.per_page):
        x, y = sheet.cell(i)
        cell = tmp_path / f"c{i}.pgm"
        image.crop((int(x * k), int(y * k), int((x + sheet.label_w) * k), int((y + sheet.label_h) * k))).save(cell)
        found.append(subprocess.run(["zbarimg", "-q", "--raw", str(cell)], capture_output=True,
                                    text=True).stdout.strip())
    assert found == numbers


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


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="pdfinfo not installed")
def test_landscape_forms_print_landscape(qtbot, tmp_path):
    pdf = TableForm("Wide", [Column("a", "Item")], [Section([], [{"a": "x"}])], school="S", landscape=True).render()
    dlg = PdfPreviewDialog(pdf, "Wide", None)
    qtbot.addWidget(dlg)
    out = tmp_path / "wide.pdf"
    dlg._choose_printer = lambda: pdf_printer(out)
    assert dlg.print_document() == 1
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert float(size.group(1)) > float(size.group(2))
