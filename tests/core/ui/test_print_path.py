"""Printing from the preview: pages reach the printer sharp, lossless and small, and every code
on a printed label sheet still scans (printed through the dialog's code path to a PDF printer,
then ``pdftoppm -r 300`` and ``zbarimg``)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from logistics_desk.core.printing import Column, Label, Section, TableForm, asset_label, label_sheet, render_labels
from logistics_desk.core.ui.pdf_preview import PdfPreviewDialog, render_dpi

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftoppm", "zbarimg", "pdfimages", "pdfinfo")),
                       reason="poppler-utils and zbar-tools needed"),
]

ZBAR = "http://zbar.sourceforge.net/2008/barcode"


def print_through_dialog(qtbot, pdf: bytes, out, grey: bool = False) -> PdfPreviewDialog:
    """Print ``pdf`` as the Print… button does, to a PDF printer writing ``out``."""
    dlg = PdfPreviewDialog(pdf, "Test", None)
    qtbot.addWidget(dlg)

    def choose():
        printer = dlg._new_printer()  # what the system print dialog starts from
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        if grey:
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        return printer

    dlg._choose_printer = choose
    assert dlg.print_document() == dlg.page_count()
    return dlg


def images(path) -> list[dict]:
    """pdfimages -list of ``path``: one dict per image (color, bpc, enc, x-ppi)."""
    rows = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    out = []
    for row in rows:
        c = row.split()
        out.append({"page": int(c[0]), "color": c[5], "bpc": int(c[7]), "enc": c[8], "ppi": int(c[12])})
    return out


def page_image(path, tmp_path, page: int, dpi: int = 300) -> Image.Image:
    prefix = tmp_path / f"r{dpi}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), str(path), str(prefix)],
                   check=True)
    return Image.open(next(tmp_path.glob(f"r{dpi}-{page}-*.pgm")))


def decode_printed(path, sheet, tmp_path, count: int) -> list[list[str]]:
    """What zbarimg reads in each label cell of the printed sheets, label by label."""
    pages = -(-count // sheet.per_page)
    k = 300 / 25.4
    paths = []
    for page in range(1, pages + 1):
        image = page_image(path, tmp_path, page)
        for i in range(sheet.per_page):
            x, y = sheet.cell(i)
            cell = tmp_path / f"cell-{page}-{i:03d}.pgm"
            image.crop((int(x * k), int(y * k), int((x + sheet.label_w) * k), int((y + sheet.label_h) * k))).save(cell)
            paths.append(str(cell))
    xml = subprocess.run(["zbarimg", "-q", "--xml", *paths], capture_output=True, text=True).stdout
    found: dict[str, list[str]] = {p: [] for p in paths}
    for source in ET.fromstring(xml).iter(f"{{{ZBAR}}}source"):
        found[source.get("href")] = [d.text for d in source.iter(f"{{{ZBAR}}}data")]
    return [found[p] for p in paths][:count]


def numbers(n: int) -> list[str]:
    return [f"ZC-2026-{i:05d}" for i in range(1, n + 1)]


@pytest.mark.parametrize("key, kind, count", [("3x8", "qr", 81), ("4x10", "code128", 81), ("2x7", "mixed", 14)])
def test_every_code_still_decodes_after_printing(qtbot, tmp_path, key, kind, count):
    """Printed to a PDF printer from the dialog, Qt used to store the pages as JPEG (14 of 81 QR labels
    no longer scanned); each label must still read exactly its own number, in its place."""
    nums = numbers(count)
    kinds = ["qr", "code128"]
    labels = [asset_label(n, "联想台式计算机 ThinkCentre", "教学楼 3 层 301", kinds[i % 2] if kind == "mixed" else kind,
                          school="测试实验学校") for i, n in enumerate(nums)]
    out = tmp_path / "printed.pdf"
    print_through_dialog(qtbot, render_labels(labels, key, offset=(0, 0)), out)
    assert decode_printed(out, label_sheet(key), tmp_path, count) == [[n] for n in nums]
    assert all(i["enc"] != "jpeg" for i in images(out))


def test_canteen_sample_labels_still_decode_after_printing(qtbot, tmp_path):
    lines = ["2026-03-02 午餐留样", "红烧肉", "留样量：125 g", "留样时间：11:30", "留样人：王师傅",
             "保留至：03-04 11:30"]
    nums = [f"LY-20260302-{i:04d}" for i in range(1, 25)]
    pdf = render_labels([Label(lines, n, "qr", heading="测试实验学校食堂") for n in nums], "3x8", offset=(0, 0))
    out = tmp_path / "samples.pdf"
    print_through_dialog(qtbot, pdf, out)
    assert decode_printed(out, label_sheet("3x8"), tmp_path, 24) == [[n] for n in nums]


def test_black_and_white_pages_go_out_as_sharp_lossless_1_bit_images(qtbot, tmp_path):
    nums = numbers(24)
    pdf = render_labels([asset_label(n, "投影仪", "教学楼 301", "qr", school="S") for n in nums], "3x8", offset=(0, 0))
    out = tmp_path / "labels.pdf"
    print_through_dialog(qtbot, pdf, out)
    (img,) = images(out)
    assert (img["color"], img["bpc"], img["enc"], img["ppi"]) == ("gray", 1, "image", 300)  # 1-bit, Flate
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1
    # sharp: the page image is the rendered page dot for dot (300 ppi on the sheet, no resampling)
    extracted = tmp_path / "extracted"
    subprocess.run(["pdfimages", "-png", str(out), str(extracted)], check=True)
    image = Image.open(next(tmp_path.glob("extracted*.png")))
    assert image.size == (2480, 3508) and image.mode == "1"


def test_grey_fills_print_as_grey_not_dropped(qtbot, tmp_path):
    """A table's shaded header is dithered like a laser printer does, not thresholded away: the printed
    page, seen from a little way off, is as dark as the form."""
    sections = [Section([("Room", str(r))], [{"a": f"row {i}", "b": "x" * (i % 30)} for i in range(30)], None,
                        ["Custodian"]) for r in range(2)]
    pdf = TableForm("Inventory", [Column("a", "Item"), Column("b", "Remarks")], sections, school="Test School").render()
    form = tmp_path / "form.pdf"
    form.write_bytes(pdf)
    out = tmp_path / "printed.pdf"
    print_through_dialog(qtbot, pdf, out)
    assert {(i["color"], i["bpc"]) for i in images(out)} == {("gray", 1)}
    originals = tmp_path / "originals"
    originals.mkdir()
    band = 59  # 5 mm at 300 dpi
    for page in (1, 2):
        printed, original = page_image(out, tmp_path, page), page_image(form, originals, page)
        width = min(printed.width, original.width)
        worst = max(abs(mean(printed.crop((0, y, width, y + band))) - mean(original.crop((0, y, width, y + band))))
                    for y in range(0, original.height - band, band))
        assert worst < 8, (page, worst)  # every 5 mm band as dark as on the form (the header's shading too)


def mean(image: Image.Image) -> float:
    return sum(i * n for i, n in enumerate(image.histogram())) / (image.width * image.height)


def colour_pdf() -> bytes:
    import io

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setFillColorRGB(0.29, 0.44, 0.65)
    c.rect(100, 500, 200, 120, fill=1, stroke=0)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(100, 450, "Repairs by category")
    c.showPage()
    c.drawString(100, 450, "Page 2: black on white")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_colour_pages_stay_colour_and_lossless_grey_printers_get_1_bit(qtbot, tmp_path):
    out = tmp_path / "colour.pdf"
    print_through_dialog(qtbot, colour_pdf(), out)
    first, second = images(out)
    assert (first["color"], first["bpc"], first["enc"]) == ("rgb", 8, "image")  # not JPEG
    assert (second["color"], second["bpc"]) == ("gray", 1)
    grey = tmp_path / "grey.pdf"
    print_through_dialog(qtbot, colour_pdf(), grey, grey=True)
    assert [(i["color"], i["bpc"]) for i in images(grey)] == [("gray", 1), ("gray", 1)]
    # the blue block prints as a dot pattern of its lightness, not as black or nothing
    assert 60 < mean(page_image(grey, tmp_path, 1, 30).crop((45, 95, 120, 140))) < 160


def test_a_26_page_form_spools_small(qtbot, tmp_path):
    """26 pages used to spool 19 MB (a JPEG per page); 1-bit pages take a few tens of kB each."""
    rows = [{"a": f"ZC-2026-{i:05d}", "b": "联想台式计算机 ThinkCentre M720t", "c": "教学楼 301"} for i in range(40)]
    sections = [Section([("Room", f"教学楼 {r}")], rows, None, ["Custodian"]) for r in range(26)]
    pdf = TableForm("Inventory", [Column("a", "No."), Column("b", "Name"), Column("c", "Place")], sections,
                    school="Test School", landscape=True).render()
    out = tmp_path / "form.pdf"
    dlg = print_through_dialog(qtbot, pdf, out)
    assert dlg.page_count() >= 26
    assert out.stat().st_size < 80_000 * dlg.page_count()


def test_pages_are_rendered_at_the_printers_resolution_or_an_exact_fraction_of_it():
    assert render_dpi(1200) == 300 and render_dpi(600) == 300 and render_dpi(300) == 300
    assert render_dpi(360) == 360 and render_dpi(720) == 360 and render_dpi(2400) == 300
    for dpi in (240, 300, 360, 400, 600, 720, 1200, 1440, 2400, 4800):
        assert (dpi / render_dpi(dpi)).is_integer() and 200 <= render_dpi(dpi) <= 450
    assert render_dpi(72) == 300 and render_dpi(96) == 300  # nominal: the device scales
