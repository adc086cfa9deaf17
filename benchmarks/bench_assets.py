"""The asset register at 50,000 records: figures, each beside its floor measured in the same run.

    python benchmarks/bench_assets.py [--assets 50000] [--keep DIR] [--assets-only] [--db PATH]

1. builds a database with ``main.py demo --assets N`` (every module's demo data), or copies ``--db``
2. start to window shown (subprocess, offscreen)  vs  an empty PySide6 window
3. a filter as you type: median of 20 typed prefixes through the tab's source (count + first page)
                                                    vs  the raw SQL LIKE on the asset table
4. export of all rows to .xlsx                      vs  openpyxl write-only writing the same values
5. import of 10,000 rows (check + write)            vs  openpyxl read-only reading the same file
6. peak memory (this process, and the window process)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
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

PY = sys.executable

WINDOW_CHILD = r"""
import sys, time, resource
t0 = time.perf_counter()
from logistics_desk.app import create_application, install_translators
from logistics_desk.core import db, i18n
i18n.set_language("zh_CN")
app = create_application()
db.open_database(sys.argv[1], backup=False)
install_translators(app, "zh_CN")
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules
w = MainWindow(modules())
w.show()
app.processEvents()
print("shown", time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

TAB_CHILD = r"""
import sys, time, resource
t0 = time.perf_counter()
import logistics_desk.modules as registry
registry.MODULE_NAMES[:] = ["assets"]
from logistics_desk.app import create_application, install_translators
from logistics_desk.core import db, i18n
i18n.set_language("zh_CN")
app = create_application()
db.open_database(sys.argv[1], backup=False)
install_translators(app, "zh_CN")
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules
w = MainWindow(modules())
w.show()
app.processEvents()
print("shown", time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

FLOOR_CHILD = r"""
import time, resource
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1400, 860)
w.show()
app.processEvents()
print("shown", time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

PREFIXES = ["希", "希沃", "投影", "显微镜", "空调", "教学楼", "教学楼 3", "实验楼", "初二", "初二(3)", "2019",
            "2019-JSJ", "2023-JJ-001", "张", "王芳", "联想", "启天", "KFR", "图书", "篮球"]


def window_time(code: str, db_path: str | None, runs: int = 3) -> tuple[float, float, int]:
    """(median wall time from process start to window shown, median in-process time, peak RSS kB)."""
    walls, inner, rss = [], [], 0
    for _ in range(runs):
        args = [PY, "-c", code] + ([db_path] if db_path else [])
        t = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
        line = proc.stdout.readline()
        walls.append(time.perf_counter() - t)
        proc.wait()
        parts = line.split()
        if not parts or parts[0] != "shown":
            raise SystemExit(f"window child failed: {line!r}")
        inner.append(float(parts[1]))
        rss = max(rss, int(parts[2]))
    return statistics.median(walls), statistics.median(inner), rss


def build(db_path: Path, n: int, assets_only: bool) -> float:
    t = time.perf_counter()
    if assets_only:
        code = ("import sys; import logistics_desk.modules as r; r.MODULE_NAMES[:]=['assets'];"
                "from logistics_desk.cli import main; sys.exit(main(sys.argv[1:]))")
        cmd = [PY, "-c", code, "--db", str(db_path), "demo", "--assets", str(n)]
    else:
        cmd = [PY, str(ROOT / "main.py"), "--db", str(db_path), "demo", "--assets", str(n)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if result.returncode != 0:
        raise SystemExit(f"demo failed ({result.returncode}):\n{result.stdout}\n{result.stderr[-2000:]}")
    return time.perf_counter() - t


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assets", type=int, default=50000)
    parser.add_argument("--import-rows", type=int, default=10000)
    parser.add_argument("--keep", help="keep the work files in this folder")
    parser.add_argument("--assets-only", action="store_true", help="demo data of the asset register only")
    parser.add_argument("--db", help="copy this demo database instead of building one (it is not changed)")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench_assets_"))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "bench.db"
    for p in work.glob("bench.db*"):
        p.unlink()

    print(f"Asset register benchmark: {args.assets} assets, work folder {work}")
    if args.db:
        shutil.copyfile(args.db, db_path)
        print(f"  copied {args.db}")
    else:
        built = build(db_path, args.assets, args.assets_only)
        print(f"  demo data built in {built:.1f} s ({'assets only' if args.assets_only else 'every module'})")

    # --- start to window shown ---
    wall, inner, rss_window = window_time(WINDOW_CHILD, str(db_path))
    twall, tinner, _ = window_time(TAB_CHILD, str(db_path))
    fwall, finner, rss_floor = window_time(FLOOR_CHILD, None)
    print("\nStart to window shown (process start → first paint, offscreen, median of 3)")
    print(f"  the window, every tab     {wall:6.2f} s   (in-process {inner:5.2f} s)")
    print(f"  the window, assets tab    {twall:6.2f} s   (in-process {tinner:5.2f} s)")
    print(f"  floor: empty QMainWindow  {fwall:6.2f} s   (in-process {finner:5.2f} s)")

    # --- in-process figures ---
    import logistics_desk.modules as registry

    registry.MODULE_NAMES[:] = ["assets"]
    from logistics_desk.core import db, i18n

    i18n.set_language("zh_CN")
    db.open_database(db_path, backup=False)
    from logistics_desk.modules.assets import excel, service

    query = service.AssetQuery()
    total = query.count({})
    tab_times, counts = [], []
    for prefix in PREFIXES:
        t = time.perf_counter()
        n = query.count({"text": prefix})
        query.fetch({"text": prefix}, 0, 200, None, False)
        tab_times.append(time.perf_counter() - t)
        counts.append(n)
    sorted_times = []
    for prefix in PREFIXES:
        t = time.perf_counter()
        query.count({"text": prefix})
        query.fetch({"text": prefix}, 0, 200, "place", False)
        sorted_times.append(time.perf_counter() - t)
    raw = sqlite3.connect(str(db_path))
    floor_times = []
    for prefix in PREFIXES:
        t = time.perf_counter()
        like = f"%{prefix}%"
        raw.execute("SELECT COUNT(*) FROM asset WHERE name LIKE ?", (like,)).fetchone()
        raw.execute("SELECT * FROM asset WHERE name LIKE ? ORDER BY id DESC LIMIT 200", (like,)).fetchall()
        floor_times.append(time.perf_counter() - t)
    raw.close()
    print(f"\nFilter as you type ({total} assets; 20 prefixes, matches {min(counts)}–{max(counts)})")
    print(f"  the tab's source: count + first page, 6 fields + names      median {ms(statistics.median(tab_times))}"
          f"   max {ms(max(tab_times))}")
    print(f"  the same, sorted by place (a joined column)                 median {ms(statistics.median(sorted_times))}"
          f"   max {ms(max(sorted_times))}")
    print(f"  floor: raw SQL LIKE on asset.name, count + 200 rows          median {ms(statistics.median(floor_times))}"
          f"   max {ms(max(floor_times))}")

    # --- export ---
    out = work / "export.xlsx"
    t = time.perf_counter()
    n_export = excel.export(out, {})
    export_s = time.perf_counter() - t
    from openpyxl import Workbook, load_workbook

    cols = excel.export_columns()
    values = []
    nbv = excel._NetValue(__import__("datetime").date.today())
    for row in query.iter_rows({}, "number"):
        row["net_book_value"] = nbv(row)
        values.append([row.get(c.key) for c in cols])
    t = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("floor")
    ws.append([c.header for c in cols])
    for v in values:
        ws.append(v)
    wb.save(work / "floor.xlsx")
    floor_export = time.perf_counter() - t
    del values
    print(f"\nExport of {n_export} rows to .xlsx")
    print(f"  excel.export (query, net book value, styles, widths)        {export_s:6.2f} s")
    print(f"  floor: openpyxl write-only, the same values, no styles      {floor_export:6.2f} s")
    job_line(f"asset export, {n_export:,} rows (in-process)", export_s, floor_export,
             note="floor: openpyxl write-only writing the same values, no styles; no goal in issue 17 "
                  "(the window, filter and import figures printed above are the jobs of bench_window, "
                  "bench_filter and bench_import)")

    # --- import of 10,000 rows into an empty database ---
    ids = query.ids({}, "id")[: args.import_rows]
    import_file = work / "import.xlsx"
    excel.export(import_file, {"ids": ids})
    db.close_database()
    empty = work / "empty.db"
    for p in work.glob("empty.db*"):
        p.unlink()
    db.open_database(empty, backup=False)
    t = time.perf_counter()
    plan = excel.plan_import(import_file)
    checked = time.perf_counter() - t
    assert plan.ok, [str(e) for e in plan.errors[:5]]
    outcome = excel.apply(plan)
    import_s = time.perf_counter() - t
    db.close_database()
    t = time.perf_counter()
    wb = load_workbook(import_file, read_only=True)
    cells = 0
    for row in wb.active.iter_rows(values_only=True):
        cells += len(row)
    wb.close()
    floor_import = time.perf_counter() - t
    print(f"\nImport of {len(outcome.asset_ids)} rows (.xlsx) into an empty database")
    print(f"  read + check every row                                      {checked:6.2f} s")
    print(f"  read + check + write (one transaction, audit, history)      {import_s:6.2f} s")
    print(f"  floor: openpyxl read-only reading the same file             {floor_import:6.2f} s")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("\nPeak memory (max RSS)")
    print(f"  the window with {total} assets       {rss_window / 1024:7.0f} MB")
    print(f"  floor: empty PySide6 window           {rss_floor / 1024:7.0f} MB")
    print(f"  this benchmark process (export, import) {peak / 1024:5.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
