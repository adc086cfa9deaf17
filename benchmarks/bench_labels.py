"""1,039 QR asset labels on 3 × 8 sheets, whole process, beside its floor; and whether they scan.

    python benchmarks/bench_labels.py [--db PATH] [--labels 1039] [--runs 5] [--scan-pages 2]

The program: ``python main.py --db DB print labels --template 3x8 --code qr --numbers A..B -o F.pdf``
(A..B: the first 1,039 asset numbers on the books of the 50,000-asset demo database, made once
and shared with the other benchmarks: see ``_bench.bench_db``).

The floor, in the same run (A B A B …): one bare Python process that reads the same rows with
sqlite3 and draws, on a bare ReportLab canvas with the same embedded font (WenQuanYi Micro Hei),
each label's school name, its QR code as one path of module runs, its number, name and place,
24 to a sheet: the QR codes made by segno (``pip install segno``: the ``bench`` extra) or, when
segno is not installed, by ReportLab's own encoder (``QRCode.make()``), which is slower.

Then the first ``--scan-pages`` pages of the program's PDF are rendered at 300 dpi and every
label read with zbarimg: each must hold exactly its own number.
Prints the figures and the job line for ``run_all.py``; never part of the test run.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench import PY, ROOT, bench_db, child_env, job_line, paired

ACTIVE = ("in_use", "idle", "lent", "repair", "shortage")  # on the books: what "print labels" picks
GOAL = 2.0


def label_rows(db: Path, n: int) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT a.number, a.name, COALESCE(p.full_name, '') FROM asset a LEFT JOIN place p ON p.id = a.place_id "
        f"WHERE a.status IN ({','.join('?' * len(ACTIVE))}) ORDER BY a.number LIMIT ?", (*ACTIVE, n)).fetchall()
    con.close()
    return rows


def floor(db: str, first: str, last: str, out: str) -> None:
    """The floor process: bare sqlite3 + bare ReportLab canvas + segno (or ReportLab's encoder)."""
    import re

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    try:
        import segno

        def matrix(value: str) -> list[str]:
            q = segno.make_qr(value, error="m", boost_error=False)
            return ["".join("1" if x else "0" for x in row) for row in q.matrix]
    except ImportError:
        from reportlab.graphics.barcode import qrencoder

        def matrix(value: str) -> list[str]:
            q = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
            q.addData(value)
            q.make()
            return ["".join("1" if x else "0" for x in row) for row in q.modules]

    pdfmetrics.registerFont(TTFont("F", str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"), subfontIndex=0))
    con = sqlite3.connect(db)
    school = con.execute("SELECT value FROM setting WHERE key = 'school.name'").fetchone()[0].strip('"')
    rows = con.execute(
        "SELECT a.number, a.name, COALESCE(p.full_name, '') FROM asset a LEFT JOIN place p ON p.id = a.place_id "
        f"WHERE a.status IN ({','.join('?' * len(ACTIVE))}) AND a.number BETWEEN ? AND ? ORDER BY a.number",
        (*ACTIVE, first, last)).fetchall()
    dark = re.compile("1+")
    c = Canvas(out, pagesize=A4, pageCompression=1)
    w, h = 70 * mm, 37 * mm
    side = 24 * mm
    for i, (number, name, place) in enumerate(rows):
        slot = i % 24
        if i and slot == 0:
            c.showPage()
        row, col = divmod(slot, 3)
        x, y = col * w + 4 * mm, A4[1] - 0.5 * mm - (row + 1) * h + 2.2 * mm
        c.setFont("F", 8)
        c.drawCentredString(x + w / 2 - 4 * mm, y + h - 7.5 * mm, school)
        c.line(x, y + h - 8.5 * mm, x + w - 8 * mm, y + h - 8.5 * mm)
        m = matrix(number)
        n = len(m)
        box = side / (n + 4)
        ops = [f"q 0 g {box:.4f} 0 0 {box:.4f} {x + 2 * box:.2f} {y + 2 * box:.2f} cm"]
        for r, line in enumerate(m):
            ops.extend(f"{s.start()} {n - 1 - r} {s.end() - s.start()} 1 re" for s in dark.finditer(line))
        ops.append("f Q")
        c.addLiteral("\n".join(ops))
        c.setFont("F", 11)
        c.drawString(x + side + 1.5 * mm, y + 17 * mm, number)
        c.setFont("F", 8)
        c.drawString(x + side + 1.5 * mm, y + 12 * mm, name)
        c.drawString(x + side + 1.5 * mm, y + 8.5 * mm, place)
    c.showPage()
    c.save()


def scan(pdf: Path, expected: list[str], pages: int, work: Path) -> tuple[int, list[str]]:
    """Render ``pages`` pages at 300 dpi, read every 3 × 8 cell with zbarimg: (labels read right, problems)."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", str(pages), str(pdf), str(work / "pg")],
                   check=True)
    k = 300 / 25.4
    paths = []
    for p, page in enumerate(sorted(work.glob("pg*.pgm"))):
        image = Image.open(page)
        for i in range(24):
            r, col = divmod(i, 3)
            crop = image.crop((int(col * 70 * k), int((0.5 + r * 37) * k), int((col + 1) * 70 * k),
                               int((0.5 + (r + 1) * 37) * k)))
            path = work / f"cell-{p:02d}-{i:02d}.pgm"
            crop.save(path)
            paths.append(str(path))
    xml = subprocess.run(["zbarimg", "-q", "--xml", *paths], capture_output=True, text=True, check=False).stdout
    ns = "{http://zbar.sourceforge.net/2008/barcode}"
    found = {p: [] for p in paths}
    for source in ET.fromstring(xml).iter(f"{ns}source"):
        found[source.get("href")] = [d.text for d in source.iter(f"{ns}data")]
    good, problems = 0, []
    for path, want in zip(paths, expected, strict=False):
        if found[path] == [want]:
            good += 1
        else:
            problems.append(f"{want}: read {found[path]}")
    return good, problems


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--floor":
        floor(*sys.argv[2:6])
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="the 50,000-asset demo database (default: made once, shared)")
    parser.add_argument("--labels", type=int, default=1039)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scan-pages", type=int, default=2)
    args = parser.parse_args()
    db = bench_db(path=args.db)
    rows = label_rows(db, args.labels)
    first, last = rows[0][0], rows[-1][0]
    try:
        import segno  # noqa: F401
        encoder = "segno"
    except ImportError:
        encoder = "ReportLab's encoder (segno not installed)"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out, floor_out = work / "labels.pdf", work / "floor.pdf"
        program = [PY, str(ROOT / "main.py"), "--db", str(db), "--lang", "zh_CN", "print", "labels",
                   "--template", "3x8", "--code", "qr", "--numbers", f"{first}..{last}", "-o", str(out)]
        bare = [PY, str(Path(__file__).resolve()), "--floor", str(db), first, last, str(floor_out)]
        t, f, ts, fs, cpu_ratio = paired(program, bare, runs=args.runs, env=child_env())
        pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=False).stdout
        pages = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
        print(f"{len(rows):,} QR labels, 3 × 8 ({pages} pages), whole process, median of {args.runs} (A B A B …):")
        print(f"  print labels (the program)          {t:6.2f} s   runs {' '.join(f'{x:.2f}' for x in ts)}")
        print(f"  floor: bare canvas + {encoder:<14} {f:6.2f} s   runs {' '.join(f'{x:.2f}' for x in fs)}")
        good, problems = scan(out, [r[0] for r in rows], args.scan_pages, work)
        total = min(len(rows), 24 * args.scan_pages)
        print(f"  zbarimg at 300 dpi, first {args.scan_pages} pages: "
              f"{good} of {total} labels read exactly their number")
        for p in problems[:10]:
            print("   ", p)
    ratio = t / f
    print(f"  ratio {ratio:.2f}× (goal ≤ {GOAL:g}×); CPU time ratio {cpu_ratio:.2f}×")
    job_line(f"{len(rows):,} QR labels, 3×8, whole process", t, f, GOAL, ok=ratio <= GOAL and good == total,
             note=f"floor: bare canvas + {encoder}; {good}/{total} labels scanned right; CPU ratio {cpu_ratio:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
