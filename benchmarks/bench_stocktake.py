"""How fast the stock-take answers a scan with 50,000 assets in scope, beside its floor.

    python benchmarks/bench_stocktake.py [--db PATH] [--assets 50000] [--scans 400]

Without ``--db`` a database is built in a temporary folder with the demo
(``python main.py demo --assets N``); with ``--db`` that file is copied first,
so it is never changed. The demo's open stock-take is closed, then one over
everything on the books is opened (the freeze is timed) and scanned:

1. ``service.scan`` per scan (found, misplaced, duplicate, unknown mixed), median /
   95th percentile / max, beside the floor: the same lookup by index plus the
   same UPDATE in raw SQL, in one transaction, on the same file;
2. a scan through the tab (Enter in the scan field until the banner, the row and
   the progress figures are updated), offscreen;
3. the figures around it: per-place progress, the variance over 50,000 lines,
   a count sheet for one room, the report, the .xlsx export.
Prints the figures; never part of the test run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
from _bench import job_line  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def stats(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"  {label:<44} median {ms(statistics.median(samples))}   p95 {ms(p95)}   max {ms(samples[-1])}"
          f"   (n={len(samples)})")


def timed(label: str, fn):
    t = time.perf_counter()
    result = fn()
    print(f"  {label:<44} {ms(time.perf_counter() - t)}")
    return result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="an existing demo database (copied, not changed)")
    ap.add_argument("--assets", type=int, default=50000)
    ap.add_argument("--scans", type=int, default=400)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-stocktake-"))
    path = work / "bench.db"
    if args.db:
        shutil.copy(args.db, path)
    else:
        print(f"building the demo database with {args.assets:,} assets …")
        t = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "--lang", "en", "demo",
                        "--assets", str(args.assets)], check=True, stdout=subprocess.DEVNULL)
        print(f"  demo built in {time.perf_counter() - t:.1f} s")

    from logistics_desk.core import db, i18n
    from logistics_desk.modules.assets.models import Asset
    from logistics_desk.modules.stocktake import excel, forms, service
    from logistics_desk.modules.stocktake.models import StockTakeLine

    i18n.set_language("en")
    db.open_database(path, backup=False)
    cur = service.current()
    if cur is not None:
        for u in service.unknowns(cur.id, "open"):
            service.dismiss_unknown(u["id"], "benchmark")
        service.close(cur.id)
    n_assets = Asset.select().where(Asset.status.in_(service.EXPECTED_STATUSES)).count()
    print(f"\nassets on the books: {n_assets:,}")
    st = timed("open + freeze the expected list", lambda: service.open_stocktake(title="bench", scope={}))
    lines = list(StockTakeLine.select(StockTakeLine.id, StockTakeLine.asset_number, StockTakeLine.place)
                 .where(StockTakeLine.stocktake == st.id).tuples())
    print(f"  lines frozen: {len(lines):,}")
    places = sorted({p for _i, _n, p in lines if p is not None})
    rng = random.Random(7)
    sample = rng.sample(lines, args.scans)

    print("\nscan latency (service.scan, one transaction each, change record included)")
    kinds: dict[str, list[float]] = {}
    for i, (_lid, number, place) in enumerate(sample):
        if i % 10 == 3:
            code, here = f"UNK-{i:05d}", rng.choice(places)
        elif i % 10 == 5 and i > 0:
            code, here = sample[i - 1][1], sample[i - 1][2]  # the same tag again
        elif i % 10 == 7:
            code, here = number, rng.choice([p for p in places if p != place] or places)
        else:
            code, here = number, place
        t = time.perf_counter()
        res = service.scan(st.id, code, here)
        kinds.setdefault(res.outcome, []).append(time.perf_counter() - t)
    allv = [v for vs in kinds.values() for v in vs]
    stats("all scans", allv)
    for k, vs in sorted(kinds.items()):
        stats(k, vs)

    # the floor: lookup by the same index and the same UPDATE, raw SQL, one transaction each
    conn = db.database.obj
    floor = []
    rest = [x for x in lines if x not in sample][: args.scans]
    for _lid, number, place in rest:
        t = time.perf_counter()
        with conn.atomic():
            row = conn.execute_sql("SELECT id, quantity, counted_qty FROM stocktake_line "
                                   "WHERE stocktake_id = ? AND asset_number = ?", (st.id, number)).fetchone()
            conn.execute_sql("UPDATE stocktake_line SET counted_qty = ?, found_place_id = ? WHERE id = ?",
                             (row[1], place, row[0]))
        floor.append(time.perf_counter() - t)
    stats("floor: raw SELECT + UPDATE (same index)", floor)
    job_line(f"stock-take: one scan, {len(lines):,} lines in scope (median)", statistics.median(allv) * 1000,
             statistics.median(floor) * 1000, unit="ms",
             note="in-process, service.scan with its change record; floor: the same SELECT + UPDATE in raw SQL; "
                  "no goal in issue 17")

    print("\nscan through the tab (Enter → banner, row, progress painted), offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from logistics_desk.modules.stocktake.view import StockTakeTab

    tab = timed("build the tab on 50,000 lines", StockTakeTab)
    tab.resize(1400, 860)
    tab.show()
    app.processEvents()
    room = max(places, key=lambda p: sum(1 for x in lines if x[2] == p))
    page = tab.count_page
    page.place_list.setCurrentRow(list(page._progress).index(room))
    todo = [x for x in lines if x[2] == room and x not in sample and x not in rest][:60]
    gui = []
    for _lid, number, _place in todo:
        page.scan_edit.setText(number)
        t = time.perf_counter()
        page.scan_entered()
        app.processEvents()
        gui.append(time.perf_counter() - t)
    stats("tab: scan answered and painted", gui)
    timed("switch place (fill its expected list)", lambda: (page.step_place(1), app.processEvents()))

    print("\naround the scan")
    timed("per-place progress (all places)", lambda: service.place_progress(st.id))
    timed("overall progress", lambda: service.progress(st.id))
    timed("variance over all lines", lambda: service.variance(st.id))
    pdf = timed("count sheet for the biggest room", lambda: forms.sheets_pdf(st.id, room))
    print(f"  ({len(pdf):,} bytes)")
    timed("report data (variance + compare)", lambda: forms.report_data(st.id))
    timed("export .xlsx (all lines)", lambda: excel.export(st.id, work / "x.xlsx"))
    tab.close()
    db.close_database()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
