"""The print path of the preview dialog: time and spool size of a long form, and whether codes
still scan after printing, before (every page a 300 dpi colour image, stored by Qt as JPEG)
and now (1-bit or lossless pages rendered at the printer's resolution or an exact fraction of it).

    python benchmarks/bench_print_path.py [FORM.pdf]

Without FORM.pdf a demo database (500 assets, the default seed) is made in a temporary folder and its
whole teaching building's inventory (26 pages) printed.  Each way prints through the dialog's
own ``print_to`` to a PDF printer (``QPrinter`` HighResolution, PdfFormat: what "print to PDF"
does; CUPS printers on Linux get the same PDF).  Spool size = the printed PDF's size.  Then
81 asset labels (3 × 8, QR) and 81 (4 × 10, Code128) are printed both ways, rendered with
``pdftoppm -r 300`` and every label read with ``zbarimg``.  Times are the best of 3 runs.
Prints the figures; never part of the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
from _bench import job_line  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtPdf import QPdfDocumentRenderOptions  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from logistics_desk.core.printing import asset_label, label_sheet, render_labels  # noqa: E402
from logistics_desk.core.ui.pdf_preview import PdfPreviewDialog  # noqa: E402


class Before(PdfPreviewDialog):
    """The print path as it was: each page a 300 dpi RGB image, JPEG in a PDF."""

    def _paint_page(self, painter, printer, index, dpi):
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, False)
        dpi = min(300, max(72, printer.resolution()))
        size_pt = self.document.pagePointSize(index)
        rendered = self.document.render(index, QSize(round(size_pt.width() / 72 * dpi),
                                                     round(size_pt.height() / 72 * dpi)), QPdfDocumentRenderOptions())
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        p = QPainter(image)
        p.drawImage(0, 0, rendered)
        p.end()
        res = printer.resolution()
        painter.drawImage(QRectF(QPointF(0, 0), QSizeF(size_pt.width() / 72 * res, size_pt.height() / 72 * res)),
                          image)


def print_with(cls, pdf: bytes, out: Path) -> float:
    dlg = cls(pdf, "bench")
    printer = dlg._new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    start = time.perf_counter()
    pages = dlg.print_to(printer)
    seconds = time.perf_counter() - start
    assert pages == dlg.page_count()
    dlg.deleteLater()
    return seconds


def encodings(path: Path) -> str:
    rows = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True).stdout.splitlines()[2:]
    kinds: dict[str, int] = {}
    for row in rows:
        cols = row.split()
        key = f"{cols[5]} {cols[7]}-bit {cols[8]}"
        kinds[key] = kinds.get(key, 0) + 1
    return ", ".join(f"{n} × {k}" for k, n in kinds.items())


def decoded(path: Path, key: str, numbers: list[str], work: Path) -> int:
    sheet, k, found = label_sheet(key), 300 / 25.4, []
    pages = (len(numbers) + sheet.per_page - 1) // sheet.per_page
    for page in range(1, pages + 1):
        prefix = work / f"p{page}"
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", str(page), "-l", str(page), str(path), str(prefix)],
                       check=True)
        image = Image.open(next(work.glob(f"p{page}-*.pgm")))
        for i in range(sheet.per_page):
            x, y = sheet.cell(i)
            cell = work / "cell.pgm"
            image.crop((int(x * k), int(y * k), int((x + sheet.label_w) * k), int((y + sheet.label_h) * k))).save(cell)
            found.append(subprocess.run(["zbarimg", "-q", "--raw", str(cell)], capture_output=True,
                                        text=True).stdout.split())
    return sum(1 for n, f in zip(numbers, found, strict=False) if f == [n])


def demo_inventory(work: Path) -> bytes:
    db, out = work / "demo.db", work / "inventory.pdf"
    main = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--lang", "zh_CN"]
    subprocess.run([*main, "demo"], check=True, capture_output=True)
    subprocess.run([*main, "print", "inventory", "--building", "教学楼", "-o", str(out)], check=True,
                   capture_output=True)
    return out.read_bytes()


def main() -> None:
    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf = Path(sys.argv[1]).read_bytes() if len(sys.argv) > 1 else demo_inventory(work)
        pages = PdfPreviewDialog(pdf).page_count()
        print(f"form: {pages} pages, {len(pdf) / 1e6:.2f} MB")
        spent = {}
        for name, cls in (("before", Before), ("now", PdfPreviewDialog)):
            out = work / f"{name}.pdf"
            best = spent[name] = min(print_with(cls, pdf, out) for _ in range(3))
            print(f"  {name:6s} {best:6.2f} s  {best / pages * 1000:5.0f} ms/page  "
                  f"spool {out.stat().st_size / 1e6:6.2f} MB"
                  f"  ({encodings(out)})")
        numbers = [f"ZC-2026-{i:05d}" for i in range(1, 82)]
        for key, kind in (("3x8", "qr"), ("4x10", "code128")):
            labels = render_labels([asset_label(n, "联想台式计算机", "教学楼 301", kind, school="测试实验学校")
                                    for n in numbers], key, offset=(0, 0))
            for name, cls in (("before", Before), ("now", PdfPreviewDialog)):
                out = work / f"labels-{name}.pdf"
                print_with(cls, labels, out)
                print(f"  labels {key} {kind:7s} {name:6s}: {decoded(out, key, numbers, work)} of {len(numbers)} "
                      f"decode after printing")
        job_line(f"print path: a {pages}-page form to a PDF printer", spent["now"],
                 note=f"in-process, best of 3 (the way before: {spent['before']:.2f} s); no floor, no goal in issue 17")


if __name__ == "__main__":
    main()
