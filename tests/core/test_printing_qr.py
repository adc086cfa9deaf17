"""QR codes on labels: segno encodes each code once, drawn as one path; every code scans."""

from __future__ import annotations

import io
import random
import shutil
import subprocess

import pytest
import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from logistics_desk.core.printing.barcodes import draw_qr, qr_matrix


def values() -> list[tuple[str, str]]:
    rng = random.Random(17)
    out = [("2016-BGSB-00001", "M"), ("ZC-2026-00042", "M"), ("12345678901234567890", "L"),
           ("https://example.org/asset?id=1234567", "Q"), ("资产编号 教学楼 301", "H"), ("A", "M")]
    for size in (40, 90, 160, 260):  # up to version 9 or 10: version information blocks from 7 on
        out.append(("".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-") for _ in range(size)),
                    rng.choice("LMQH")))
    return out


@pytest.mark.parametrize("value,level", values())
def test_the_symbol_is_segnos_at_the_level_asked(value, level):
    utf8 = {} if value.isascii() else {"mode": "byte", "encoding": "utf-8"}
    code = segno.make(value, error=level.lower(), micro=False, boost_error=False, **utf8)
    rows = qr_matrix(value, level)
    assert rows == ["".join("1" if x else "0" for x in row) for row in code.matrix]
    assert len(rows) == 17 + 4 * code.version and code.error == level


def test_a_code_is_encoded_once(monkeypatch):
    # ReportLab's QR widget drawn through a Drawing encoded every code twice (getBounds, then draw)
    calls = []
    make = segno.make

    def counting_make(*a, **k):
        calls.append(a[0])
        return make(*a, **k)

    monkeypatch.setattr(segno, "make", counting_make)
    c = Canvas(io.BytesIO())
    for i in range(24):
        draw_qr(c, f"2026-JSJ-{i:05d}", 10 * mm, 10 * mm, 20 * mm)
    assert calls == [f"2026-JSJ-{i:05d}" for i in range(24)]


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="poppler-utils and zbar-tools")
def test_every_code_scans_at_300_dpi_to_exactly_its_value(tmp_path):
    cases = values()
    buf = io.BytesIO()
    c = Canvas(buf)
    for value, level in cases:  # one code a page: zbar reads each alone (sheets: test_printing_labels)
        draw_qr(c, value, 40, 500, 22 * mm if len(value) < 60 else 45 * mm, level)
        c.showPage()
    c.save()
    pdf = tmp_path / "codes.pdf"
    pdf.write_bytes(buf.getvalue())
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    found: list[str] = []
    for page in sorted(tmp_path.glob("p*.pgm")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True,
                             check=False).stdout.decode("utf-8")
        found += [line for line in out.split("\n") if line]
    assert sorted(found) == sorted(v for v, _ in cases)
