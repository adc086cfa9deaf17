"""The asset register's printed forms at size, each beside its floor.

    python benchmarks/bench_asset_forms.py [ASSETS]

A fresh database in a temporary folder gets one building of 60 rooms and ASSETS
(default 5,000) assets of one department spread over the rooms. Then:

1. inventory sheet of the department (ASSETS rows, one section): ``inventory_data`` (the query)
   and ``render_inventory`` (the PDF), beside the floor: the same rows drawn on a bare
   ReportLab canvas with the same embedded font (one drawString per cell, a page break
   every N rows, no ruling, no wrapping);
2. the whole building (60 rooms, each its own section): time, pages, and a check with
   pdftotext that every room starts on a new page ("第 1 页" with that room's name);
3. labels of the first 240 assets (10 sheets of 3×8, QR) and 50 asset cards (two per page).
Times are the best of 3 runs. Prints the figures; never part of the test run.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
from _bench import job_line
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from logistics_desk.core import clock, db, i18n, masterdata, settings
from logistics_desk.core.masterdata import Category, Department, Person, Place
from logistics_desk.core.printing import FONT, register_fonts
from logistics_desk.core.printing.text import format_value
from logistics_desk.modules.assets import forms, service

NAMES = ["联想台式计算机", "学生课桌椅（双人）", "多媒体投影仪", "交换机 24 口", "铁皮文件柜", "办公椅"]
MODELS = ["ThinkCentre M720t i5-9500/8G/1T", "DK-120", "EB-X05", "S1724G", "1850×900×400", ""]


def timed(fn, repeat: int = 3):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def pages_of(pdf: bytes) -> int:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def floor(rows: list[dict], columns, rows_per_page: int) -> bytes:
    """Bare canvas: one drawString per cell, a page break every ``rows_per_page`` rows."""
    register_fonts()
    buf = io.BytesIO()
    page = landscape(A4)
    c = Canvas(buf, pagesize=page, initialFontName=FONT, initialFontSize=9, pageCompression=1)
    total = sum(col.width for col in columns)
    xs, x = [], 15 * mm
    for col in columns:
        xs.append(x)
        x += col.width / total * (page[0] - 30 * mm)
    y = 0.0
    for i, row in enumerate(rows):
        if i % rows_per_page == 0:
            if i:
                c.showPage()
            c.setFont(FONT, 9)
            y = page[1] - 45 * mm
        values = [str(i + 1)] + [format_value(row.get(col.key), col.kind) for col in columns[1:]]
        for xx, text in zip(xs, values, strict=True):
            if text:
                c.drawString(xx + 1 * mm, y, text)
        y -= 7 * mm
    c.showPage()
    c.save()
    return buf.getvalue()


def populate(n: int) -> tuple[Place, Department]:
    building = masterdata.save(Place, {"kind": "building", "name": "综合楼"})
    rooms = [masterdata.save(Place, {"kind": "room", "name": f"{f}{r:02d}", "parent": building.id})
             for f in range(1, 7) for r in range(1, 11)]
    dept = masterdata.save(Department, {"name": "总务处", "kind": "department"})
    people = [masterdata.save(Person, {"name": name, "department": dept.id}) for name in ("张伟", "李娜", "王芳")]
    cat = Category.get(Category.code == "JSJ")
    rows = []
    for i in range(n):
        price = Decimal(300 + (i * 37) % 5000)
        rows.append({"name": NAMES[i % len(NAMES)], "model_spec": MODELS[i % len(MODELS)] or None,
                     "category": cat.id, "unit": "台", "quantity": 1, "unit_price": price, "amount": price,
                     "acquired_on": dt.date(2020 + i % 6, 1 + i % 12, 1 + i % 28), "source": "purchase",
                     "place": rooms[i % len(rooms)].id, "department": dept.id,
                     "custodian": people[i % len(people)].id, "status": "in_use", "low_value": False})
    service.register_many(rows)
    return building, dept


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    i18n.set_language("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        db.open_database(Path(tmp) / "bench.db", backup=False)
        settings.set("school.name", "示范市实验中学")
        clock.freeze(dt.datetime(2026, 3, 10, 9, 0))
        t = time.perf_counter()
        building, dept = populate(n)
        print(f"setup: {n} assets in 60 rooms registered in {time.perf_counter() - t:.1f} s")

        # 1. one long sheet
        q_time, data = timed(lambda: forms.inventory_data(department=dept))
        rows = data["sections"][0]["rows"]
        r_time, pdf = timed(lambda: forms.render_inventory(data))
        pages = pages_of(pdf)
        per_page = -(-len(rows) // max(1, pages - 1)) if pages > 1 else len(rows)
        columns = forms.inventory_columns(with_place=True)
        f_time, fpdf = timed(lambda: floor(rows, columns, per_page))
        print(f"inventory sheet, {len(rows)} rows: query {q_time:.2f} s, render {r_time:.2f} s, "
              f"{pages} pages, {len(pdf) / 1e6:.1f} MB")
        print(f"  floor (bare canvas, same rows and font): {f_time:.2f} s, {pages_of(fpdf)} pages "
              f"-> forms/floor = {r_time / f_time:.1f}x")
        job_line(f"asset forms: inventory sheet of {len(rows):,} rows", r_time, f_time,
                 note="in-process render; floor: a bare canvas with the same rows and font; no goal in issue 17")

        # 2. the whole building
        q_time, data = timed(lambda: forms.inventory_data(building=building))
        r_time, pdf = timed(lambda: forms.render_inventory(data))
        pages = pages_of(pdf)
        out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        texts = [re.sub(r"\s+", "", p) for p in out.split("\f")][:pages]
        firsts = [p for p in texts if re.search(r"第1页/共\d+页", p)]
        names = [s["title"].replace(" ", "") for s in data["sections"]]
        ok = len(firsts) == len(names) == 60 and all(name in page for name, page in zip(names, firsts, strict=False))
        print(f"whole building, {len(data['sections'])} rooms, {sum(len(s['rows']) for s in data['sections'])} rows: "
              f"query {q_time:.2f} s, render {r_time:.2f} s, {pages} pages; "
              f"each room starts a new page: {'yes' if ok else 'NO'} ({len(firsts)} first pages)")

        # 3. labels and cards
        items = forms.label_items(filters={})[:240]
        l_time, lpdf = timed(lambda: forms.render_asset_labels(items, template="3x8", code="qr", offset=(0, 0)))
        print(f"labels: {len(items)} QR labels (3x8) in {l_time:.2f} s, {pages_of(lpdf)} sheets")
        ids = [a.id for a in service.Asset.select(service.Asset.id).order_by(service.Asset.number).limit(50)]
        cq_time, cards = timed(lambda: [forms.card_data(i, history=forms.CARD_HISTORY_HALF) for i in ids])
        c_time, cpdf = timed(lambda: forms.render_cards(cards, per_page=2))
        print(f"asset cards: 50 cards, query {cq_time:.2f} s, render {c_time:.2f} s, {pages_of(cpdf)} pages")
        db.close_database()


if __name__ == "__main__":
    main()
