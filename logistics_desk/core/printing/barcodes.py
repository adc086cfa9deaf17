"""Code128 and QR codes drawn straight onto a canvas (ReportLab's own barcode module, no Qt).

QR codes are encoded by ReportLab's encoder (``reportlab.graphics.barcode.qrencoder``) and drawn
as one filled path of module runs.  Its mask choice is the slow part (it builds and scores the
whole symbol eight times in pure Python, ~80 % of the time): ``qr_matrix`` maps the data bits
once, applies each of the eight masks to that one list and scores it with the penalty rules of
ISO/IEC 18004 (§ 7.8.3) on rows as strings and integers, then lets ReportLab lay out the symbol
with the chosen mask.  Any mask gives a valid code; the rules only pick the one easiest to read.
"""

from __future__ import annotations

import re
from operator import itemgetter

from reportlab.graphics.barcode import qrencoder
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

_LEVELS = {"L": qrencoder.QRErrorCorrectLevel.L, "M": qrencoder.QRErrorCorrectLevel.M,
           "Q": qrencoder.QRErrorCorrectLevel.Q, "H": qrencoder.QRErrorCorrectLevel.H}
_DARK = re.compile(r"1+")
_LAYOUTS: dict[int, tuple] = {}
_FINISHED: dict[tuple[int, int, int], str] = {}


def _cells(n: int, test) -> int:
    """The cells (r, c) of an n × n symbol for which ``test(r, c)`` holds, as one integer
    (cell (r, c) is bit n*n-1 - (r*n + c), so the symbol read row by row is its binary form)."""
    return int("".join("1" if test(r, c) else "0" for r in range(n) for c in range(n)), 2)


def _layout(version: int) -> tuple:
    """What every symbol of ``version`` shares, built once through ReportLab's ``makeImpl``:
    its size n; the number of data positions; the eight masks over those positions (bit k of
    each, from the top, = the mask at position k); the function patterns (format bits blank, as
    ReportLab scores the masks) as one string of n × n "0"/"1"; a getter that picks the symbol,
    row by row, out of such a string followed by the data bits; and the cells the penalty rules look at."""
    found = _LAYOUTS.get(version)
    if found is None:
        q = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
        q.addData("0")
        q.makeImpl(True, 0)
        n = q.moduleCount
        positions = list(q.dataPosIterator())  # (col, row) in the order the bits are placed
        fixed = "".join("1" if x else "0" for row in q.modules for x in row)
        index = list(range(n * n))
        for k, (c, r) in enumerate(positions):
            index[r * n + c] = n * n + k
        masks = tuple(int("".join("1" if qrencoder.QRUtil.maskPattern[m](r, c) else "0" for c, r in positions), 2)
                      for m in range(8))
        rules = (_cells(n, lambda r, c: r < n - 1 and c < n - 1),  # where a 2 x 2 block can start
                 _cells(n, lambda r, c: c <= n - 5), _cells(n, lambda r, c: r <= n - 5),  # five across, down
                 _cells(n, lambda r, c: c > 0), _cells(n, lambda r, c: r > 0))  # a cell to the left, above
        found = _LAYOUTS[version] = (n, len(positions), masks, fixed, itemgetter(*index), rules)
    return found


def _finished_patterns(version: int, level: int, mask: int) -> str:
    """The function patterns of a finished symbol (format and version information in place) as
    one n × n string: the same for every code of this version, level and mask."""
    key = (version, level, mask)
    found = _FINISHED.get(key)
    if found is None:
        q = qrencoder.QRCode(version, level)
        q.addData("0")
        q.makeImpl(False, mask)
        found = _FINISHED[key] = "".join("1" if x else "0" for row in q.modules for x in row)
    return found


def _penalty(grid: str, n: int, rules: tuple[int, ...]) -> int:
    """The penalty score of a symbol (n × n "0"/"1" row by row): ISO/IEC 18004 § 7.8.3, rules N1
    to N4. N1 and N2 on the symbol as one integer, where shifting left by 1 (or n) brings the cell
    to the right (or below) onto a cell; N3 on its rows and columns as text."""
    blocks, five_across, five_down, has_left, has_above = rules
    g = int(grid, 2)
    score = 0
    for x in (g, ~g & ((1 << n * n) - 1)):  # the dark cells, then the light ones
        # N1: 3 + (length - 5) for each run of five or more of one colour, which is the number of
        # windows of five inside the run plus 2 for the run (counted at the window where it starts)
        across = x & (x << 1) & (x << 2) & (x << 3) & (x << 4) & five_across
        down = x & (x << n) & (x << 2 * n) & (x << 3 * n) & (x << 4 * n) & five_down
        score += across.bit_count() + down.bit_count()
        score += 2 * ((across & ~((x >> 1) & has_left)).bit_count() + (down & ~((x >> n) & has_above)).bit_count())
        # N2: 3 for each 2 x 2 block of one colour
        score += 3 * (x & (x << 1) & (x << n) & (x << n + 1) & blocks).bit_count()
    # N3: 40 for each 1:1:3:1:1 finder-like pattern with four light modules on one side (neither
    # pattern can overlap itself, so counting is exact)
    lines = "2".join([grid[i:i + n] for i in range(0, n * n, n)] + [grid[c::n] for c in range(n)])
    score += 40 * (lines.count("10111010000") + lines.count("00001011101"))
    # N4: 10 for each full 5 % by which the share of dark modules is off a half
    score += 10 * (abs(grid.count("1") * 100 // (n * n) - 50) // 5)
    return score


_GF_EXP = [qrencoder.QRMath.gexp(i) for i in range(510)]
_GF_LOG = [0] + [qrencoder.QRMath.glog(i) for i in range(1, 256)]
_GENERATORS: dict[int, list[int]] = {}


def _error_words(data: list[int], count: int) -> list[int]:
    """The ``count`` Reed-Solomon words of one block: the remainder of ReportLab's
    ``QRPolynomial.mod`` by the same generator, by table look-ups."""
    gen = _GENERATORS.get(count)
    if gen is None:  # the generator's coefficients after the leading 1, as logarithms
        poly = qrencoder.QRUtil.getErrorCorrectPolynomial(count)
        gen = _GENERATORS[count] = [_GF_LOG[poly.get(i)] for i in range(1, count + 1)]
    exp, log = _GF_EXP, _GF_LOG
    rest = [0] * count
    for word in data:
        factor = word ^ rest[0]
        del rest[0]
        rest.append(0)
        if factor:
            f = log[factor]
            for i, g in enumerate(gen):
                rest[i] ^= exp[f + g]
    return rest


def _code_words(version: int, level: int, segments: list) -> list[int]:
    """The code words of a symbol, data and error correction interleaved, as ReportLab's
    ``QRCode.createData`` makes them (its segments write the bits; terminator, padding, blocks
    and interleaving as it does them), with faster arithmetic."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    buffer = qrencoder.QRBitBuffer()
    for segment in segments:
        segment.write(buffer, version)
    capacity = sum(b.dataCount for b in blocks) * 8
    length = buffer.getLengthInBits()
    if length > capacity:
        raise ValueError(f"QR code length overflow ({length} > {capacity})")
    bits = "".join(format(b, "08b") for b in buffer.buffer)[:length]
    if length + 4 <= capacity:
        bits += "0000"
    bits += "0" * (-len(bits) % 8)
    words = [int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)]
    pad = (qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1)
    words += [pad[i % 2] for i in range(capacity // 8 - len(words))]
    data_blocks, error_blocks, offset = [], [], 0
    for block in blocks:
        part = words[offset:offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(part)
        error_blocks.append(_error_words(part, block.totalCount - block.dataCount))
    out: list[int] = []
    for group in (data_blocks, error_blocks):
        for i in range(max(len(b) for b in group)):
            out.extend(b[i] for b in group if i < len(b))
    return out


def qr_matrix(value: str, level: str = "M") -> list[str]:
    """The QR code of ``value`` as its rows from the top, each a string of "1" (dark) and "0".

    The same symbol as ReportLab's ``QRCode.make()`` would make with the mask chosen here:
    ReportLab's encoder picks the version and writes the data segments; the code words, the
    placement of the bits and the mask (the lowest penalty) are computed on strings and integers.
    ReportLab builds and scores the whole symbol eight times in pure Python (~5 ms a code);
    this takes well under 1 ms."""
    ec = _LEVELS[level]
    q = qrencoder.QRCode(None, ec)
    q.addData(str(value))
    version = q.calculate_version()
    n, count, masks, fixed, pick, rules = _layout(version)
    words = _code_words(version, ec, q.dataList)
    data = int("".join(format(w, "08b") for w in words)[:count].ljust(count, "0"), 2)
    form = f"0{count}b"
    best = best_score = None
    for m in range(8):
        score = _penalty("".join(pick(fixed + format(data ^ masks[m], form))), n, rules)
        if best_score is None or score < best_score:
            best, best_score = m, score
    grid = "".join(pick(_finished_patterns(version, ec, best) + format(data ^ masks[best], form)))
    return [grid[i:i + n] for i in range(0, n * n, n)]


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
