"""Code128 and QR codes drawn straight onto a canvas (ReportLab's own barcode module, no Qt)."""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.graphics import renderPDF
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import FONT
from .text import fit_size

MIN_BAR = 0.19 * mm  # narrowest module we allow (a 300-600 dpi office printer prints it cleanly)
MAX_BAR = 0.40 * mm


def code128_modules(value: str) -> int:
    """Width of the code in modules (without quiet zones)."""
    bc = Code128(value, barWidth=1, quiet=0, humanReadable=0)
    return int(round(bc.width))


def draw_code128(
    c: Canvas,
    value: str,
    x: float,
    y: float,
    w: float,
    h: float,
    text: bool = True,
    text_size: float = 7,
) -> None:
    """Code128 of ``value`` centred in the box (x, y, w, h), readable text beneath."""
    value = str(value)
    if not value:
        return
    modules = code128_modules(value)
    # leave quiet zones of ~10 modules each side inside the box
    bar = max(MIN_BAR, min(MAX_BAR, w / (modules + 20)))
    text_h = text_size * 1.15 if text else 0
    bar_h = max(3 * mm, h - text_h - 0.5 * mm)
    bc = Code128(value, barWidth=bar, barHeight=bar_h, quiet=0, humanReadable=0)
    bx = x + (w - bc.width) / 2
    bc.drawOn(c, bx, y + text_h + 0.3 * mm)
    if text:
        size = fit_size(value, w, text_size)
        c.setFont(FONT, size)
        c.drawCentredString(x + w / 2, y + 0.6 * mm, value)


def draw_qr(c: Canvas, value: str, x: float, y: float, size: float, level: str = "M") -> None:
    """A QR code of ``value`` filling the square (x, y, size) including its quiet border."""
    widget = QrCodeWidget(str(value), barLevel=level, barBorder=2)
    bx0, by0, bx1, by1 = widget.getBounds()
    bw, bh = bx1 - bx0, by1 - by0
    d = Drawing(size, size, initialFontName=FONT, initialFontSize=8, transform=[size / bw, 0, 0, size / bh, -bx0 * size / bw, -by0 * size / bh])
    d.add(widget)
    renderPDF.draw(d, c, x, y)
