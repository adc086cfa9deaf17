"""QR codes on labels: ReportLab's symbols, the mask with the least penalty, encoded once, and they scan."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import time

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from logistics_desk.core.printing import barcodes
from logistics_desk.core.printing.barcodes import draw_qr, qr_matrix

LEVELS = {"L": 1, "M": 0, "Q": 3, "H": 2}  # ReportLab's QRErrorCorrectLevel values


def reference_penalty(rows: list[str]) -> int:
    """ISO/IEC 18004 § 7.8.3 written out plainly (slow): N1 runs, N2 blocks, N3 finder-like, N4 balance."""
    n = len(rows)
    lines = [list(r) for r in rows] + [[rows[r][c] for r in range(n)] for c in range(n)]
    score = 0
    for line in lines:
        i = 0
        while i < n:
            j = i
            while j < n and line[j] == line[i]:
                j += 1
            if j - i >= 5:
                score += 3 + (j - i - 5)
            i = j
        text = "".join(line)
        for k in range(n - 10):
            if text[k:k + 11] in ("10111010000", "00001011101"):
                score += 40
    for r in range(n - 1):
        for c in range(n - 1):
            if rows[r][c] == rows[r + 1][c] == rows[r][c + 1] == rows[r + 1][c + 1]:
                score += 3
    dark = sum(r.count("1") for r in rows)
    return score + 10 * (abs(dark * 100 // (n * n) - 50) // 5)


def reportlab_symbol(value: str, level: str, mask: int, test: bool = False) -> list[str]:
    q = qrencoder.QRCode(None, LEVELS[level])
    q.addData(value)
    q.version = q.calculate_version()
    q.makeImpl(test, mask)
    return ["".join("1" if x else "0" for x in row) for row in q.modules]


def values() -> list[tuple[str, str]]:
    rng = random.Random(17)
    out = [("2016-BGSB-00001", "M"), ("ZC-2026-00042", "M"), ("12345678901234567890", "L"),
           ("https://example.org/asset?id=1234567", "Q"), ("资产编号 教学楼 301", "H"), ("A", "M")]
    for size in (40, 90, 160, 260):  # up to version 9 or 10: version information blocks from 7 on
        out.append(("".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-") for _ in range(size)),
                    rng.choice("LMQH")))
    return out


@pytest.mark.parametrize("value,level", values())
def test_the_symbol_is_reportlabs_with_the_mask_of_least_penalty(value, level):
    rows = qr_matrix(value, level)
    scores = [reference_penalty(reportlab_symbol(value, level, m, test=True)) for m in range(8)]
    best = scores.index(min(scores))
    assert rows == reportlab_symbol(value, level, best)


def test_the_fast_penalty_matches_the_rules_on_any_grid():
    rng = random.Random(5)
    for version in (1, 2, 7):
        n = 17 + 4 * version
        rules = barcodes._layout(version)[5]
        for _ in range(15):
            grid = ["".join(rng.choice("01") if rng.random() < 0.7 else "1" for _ in range(n)) for _ in range(n)]
            assert barcodes._penalty("".join(grid), n, rules) == reference_penalty(grid)


def test_a_code_is_encoded_once_without_building_the_symbol_for_each_mask(monkeypatch):
    # the Drawing of ReportLab's QR widget encoded every code twice (getBounds, then draw), and
    # each encoding built and scored the whole symbol eight times: 18 makeImpl calls a code
    draw_qr(Canvas(io.BytesIO()), "warm-up 00000", 0, 0, 20 * mm)  # layouts of this version, once
    calls = {"makeImpl": 0, "createData": 0}
    make_impl, create_data = qrencoder.QRCode.makeImpl, qrencoder.QRCode.createData

    def counting_make_impl(self, *a):
        calls["makeImpl"] += 1
        return make_impl(self, *a)

    def counting_create_data(*a):
        calls["createData"] += 1
        return create_data(*a)

    monkeypatch.setattr(qrencoder.QRCode, "makeImpl", counting_make_impl)
    monkeypatch.setattr(qrencoder.QRCode, "createData", staticmethod(counting_create_data))
    c = Canvas(io.BytesIO())
    for i in range(24):
        draw_qr(c, f"2026-JSJ-{i:05d}", 10 * mm, 10 * mm, 20 * mm)
    # only to lay out the fixed patterns of a mask not met before (cached): at most 8, for 24 codes
    assert calls["makeImpl"] <= 8 and calls["createData"] <= 8


def test_a_sheet_of_codes_takes_milliseconds():
    qr_matrix("2026-JSJ-99999")
    start = time.process_time()
    for i in range(200):
        qr_matrix(f"2026-JSJ-{i:05d}")
    per_code = (time.process_time() - start) / 200
    assert per_code < 0.0025, f"{per_code * 1000:.2f} ms a code (ReportLab's QRCode.make() alone takes ~5 ms)"


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="poppler-utils and zbar-tools")
def test_every_code_scans_at_300_dpi_to_exactly_its_value(tmp_path):
    cases = values()
    buf = io.BytesIO()
    c = Canvas(buf)
    y = 800
    for value, level in cases:
        size = 22 * mm if len(value) < 60 else 45 * mm
        if y - size < 20:
            c.showPage()
            y = 800
        draw_qr(c, value, 40, y - size, size, level)
        y -= size + 20
    c.showPage()
    c.save()
    pdf = tmp_path / "codes.pdf"
    pdf.write_bytes(buf.getvalue())
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    found: list[str] = []
    for page in sorted(tmp_path.glob("p*.pgm")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, check=False).stdout.decode("utf-8")
        found += [line for line in out.split("\n") if line]
    assert sorted(found) == sorted(v for v, _ in cases)
