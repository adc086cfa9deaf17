"""Code128 and QR codes drawn straight onto a canvas (no Qt).

Code128 comes from ReportLab's barcode module. QR codes are encoded by segno and drawn as one
filled path of the dark runs of each row: drawing ReportLab's QR widget through a Drawing encoded
every code twice (its ``getBounds()`` encodes it again), 12.7 ms a code.
"""

from __future__ import annotations

import re

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.rl_accel import fp_str
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


QUIET = 2  # modules of light margin round a QR code, inside the square it is given

_DARK = re.compile(r"1+")
_LAYOUTS: dict[int, tuple] = {}
_FINISHED: dict[tuple[int, int, int], str] = {}


def qr_matrix(value: str, level: str = "M") -> list[str]:
    """The QR code of ``value`` as its rows from the top, each a string of "1" (dark) and "0".

    Encoded by segno (version, data segments, error correction and the mask of least penalty,
    ISO/IEC 18004); about 1.4 ms a code, against ~10 ms for ReportLab's QR widget drawn through
    a Drawing (which encodes every code twice and scores all eight masks in pure Python)."""
    value = str(value)
    # Chinese text as UTF-8 bytes (segno would pick Kanji mode, Shift JIS, where it can: readers
    # then show other characters); ASCII in segno's smallest mode for it (numeric, alphanumeric)
    utf8 = {} if value.isascii() else {"mode": "byte", "encoding": "utf-8"}
    code = segno.make(value, error=level.lower(), micro=False, boost_error=False, **utf8)
    return ["".join("1" if cell else "0" for cell in row) for row in code.matrix]


def draw_qr(c: Canvas, value: str, x: float, y: float, size: float, level: str = "M") -> None:
    """A QR code of ``value`` filling the square (x, y, size) including its quiet border
    (``QUIET`` modules): one filled path of the dark runs of each row, in module units."""
    rows = qr_matrix(str(value), level)
    n = len(rows)
    box = size / (n + 2 * QUIET)
    ops = [f"q 0 g {fp_str(box, 0, 0, box, x + QUIET * box, y + QUIET * box)} cm"]
    for r, row in enumerate(rows):
        up = n - 1 - r
        ops.extend(f"{run.start()} {up} {run.end() - run.start()} 1 re" for run in _DARK.finditer(row))
    ops.append("f Q")
    c.addLiteral("\n".join(ops))
