"""How fast the printing core lays out long forms, beside its floor.

    python benchmarks/bench_printing.py [ROWS]

1. an inventory-like sheet of ROWS (default 5,000) assets through ``TableForm``;
2. the floor: the same cell texts drawn with a bare ReportLab canvas and the same
   embedded font (one drawString per cell, a page break every N rows, no wrapping,
   no ruling) — what any ReportLab form must at least cost;
3. a whole building: 60 rooms (sections) of 20 rows, each starting on its own page;
4. a plain Platypus ``LongTable`` of the same rows and font (no wrapped cells), for comparison.
Times are the best of 3 runs.  ReportLab uses its C accelerators when the
``rl-accel`` package is installed (both TableForm and the floor gain from it).
Prints the figures; never part of the test run.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
from _bench import job_line
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from logistics_desk.core import i18n
from logistics_desk.core.printing import FONT, Column, Section, TableForm, register_fonts
from logistics_desk.core.printing.text import format_value

NAMES = ["联想台式计算机", "学生课桌椅（双人）", "多媒体投影仪", "交换机 24 口", "铁皮文件柜", "办公椅"]
MODELS = ["ThinkCentre M720t i5-9500/8G/1T", "DK-120", "EB-X05", "S1724G", "1850×900×400", ""]

COLUMNS = [
    Column("no", "序号", 8, kind="index"),
    Column("number", "资产编号", 22),
    Column("name", "名称", 26),
    Column("model", "规格型号", 26),
    Column("unit", "单位", 8, align="center"),
    Column("qty", "数量", 9, kind="qty"),
    Column("price", "单价", 15, kind="money"),
    Column("amount", "金额", 17, kind="money"),
    Column("bought", "购置日期", 18, kind="date"),
    Column("status", "状态", 10, align="center"),
    Column("remark", "备注", 18),
]


def make_rows(n: int, start: int = 0) -> list[dict]:
    rows = []
    for i in range(start, start + n):
        price = Decimal(300 + (i * 37) % 5000)
        rows.append({
            "number": f"ZC-2026-{i + 1:05d}",
            "name": NAMES[i % len(NAMES)],
            "model": MODELS[i % len(MODELS)],
            "unit": "台",
            "qty": 1,
            "price": price,
            "amount": price,
            "bought": dt.date(2020 + i % 6, 1 + i % 12, 1 + i % 28),
            "status": "在用",
            "remark": "",
        })
    return rows


def floor(rows: list[dict], rows_per_page: int) -> bytes:
    """Bare canvas: one drawString per cell, a page break every ``rows_per_page`` rows."""
    buf = io.BytesIO()
    page = landscape(A4)
    c = Canvas(buf, pagesize=page, initialFontName=FONT, initialFontSize=9, pageCompression=1)
    total = sum(col.width for col in COLUMNS)
    xs, x = [], 15 * mm
    for col in COLUMNS:
        xs.append(x)
        x += col.width / total * (page[0] - 30 * mm)
    y = 0.0
    for i, row in enumerate(rows):
        if i % rows_per_page == 0:
            if i:
                c.showPage()
            c.setFont(FONT, 9)
            y = page[1] - 45 * mm
        values = [str(i + 1)] + [format_value(row[col.key], col.kind) for col in COLUMNS[1:]]
        for xx, text in zip(xs, values, strict=True):
            if text:
                c.drawString(xx + 1 * mm, y, text)
        y -= 7 * mm
    c.showPage()
    c.save()
    return buf.getvalue()


def pages_of(pdf: bytes) -> int:
    try:
        out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
    except Exception:
        return pdf.count(b"/Type /Page\n") or -1


def timed(fn, repeat: int = 3):
    """Best of ``repeat`` runs (the machine may be busy), and the last result."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def platypus(rows: list[dict]) -> bytes:
    from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4))
    data = [[c.header for c in COLUMNS]] + [
        [str(i + 1)] + [format_value(r[c.key], c.kind) for c in COLUMNS[1:]] for i, r in enumerate(rows)
    ]
    t = LongTable(data, repeatRows=1)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    doc.build([t])
    return buf.getvalue()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    i18n.set_language("zh_CN")
    register_fonts()
    rows = make_rows(n)
    signatures = ["保管人", "部门负责人", "总务干事"]

    def table():
        return TableForm(
            "固定资产清单", COLUMNS,
            [Section([("存放地点", "全校"), ("保管人", "张三")], rows, {"qty": n}, signatures)],
            doc_number="QD-2026-0001", date=dt.date(2026, 3, 1), landscape=True, school="测试实验学校",
        ).render()

    t_table, pdf = timed(table)
    pages = pages_of(pdf)
    per_page = max(1, round(n / max(1, pages)))
    t_floor, pdf_floor = timed(lambda: floor(rows, per_page))

    def building():
        sections = [
            Section([("存放地点", f"教学楼 {100 * (r // 20 + 1) + r % 20 + 1}"), ("保管人", "李老师")],
                    make_rows(20, r * 20), {"qty": 20}, signatures, title=f"教学楼 {r + 1} 室")
            for r in range(60)
        ]
        return TableForm("固定资产清单", COLUMNS, sections, landscape=True, school="测试实验学校").render()

    t_building, pdf_building = timed(building)
    t_platypus, pdf_platypus = timed(lambda: platypus(rows), repeat=1)

    try:
        from reportlab.lib.rl_accel import fp_str

        accel = "C accelerators" if type(fp_str).__name__ == "builtin_function_or_method" else "pure Python"
    except ImportError:
        accel = "pure Python"
    print(f"ReportLab with {accel}")
    print(f"{n:,}-row inventory sheet (TableForm): {t_table:6.2f} s  {pages_of(pdf):4d} pages  "
          f"{len(pdf) / 1e6:5.2f} MB")
    print(f"floor, bare canvas drawString/cell:   {t_floor:6.2f} s  {pages_of(pdf_floor):4d} pages  "
          f"{len(pdf_floor) / 1e6:5.2f} MB   (TableForm = {t_table / t_floor:.1f} × floor)")
    print(f"60 rooms × 20 rows (sections):        {t_building:6.2f} s  {pages_of(pdf_building):4d} pages  "
          f"{len(pdf_building) / 1e6:5.2f} MB")
    print(f"Platypus LongTable, same rows:        {t_platypus:6.2f} s  {pages_of(pdf_platypus):4d} pages  "
          f"(no wrapping, no page x of y)")
    job_line(f"printing: {n:,}-row inventory sheet (TableForm)", t_table, t_floor,
             note="in-process, best of 3; floor: a bare canvas, one drawString a cell, same font; no goal in issue 17")


if __name__ == "__main__":
    main()
