"""The stock-take export of 50,000 lines beside the asset export of 50,000 rows, whole processes.

    python benchmarks/bench_stocktake_export.py [--db PATH] [--runs 5]

A copy of the shared 50,000-asset demo database (``_bench.bench_db``) gets a stock-take over
everything on the books (``service.open_stocktake``: every asset a line), most of it counted
the way the scanner leaves it (95 % counted, 1 in 37 found in another room, 1 in 7 of the
multi-quantity lines short by one, 1 in 53 damaged with a remark: written straight into the
lines, since 50,000 scans through the service would take an hour). The copy is kept beside the
shared database and reused while that is unchanged.

Then, in turn (A B A B …), as whole processes:
  A  ``python main.py export stocktake ID F.xlsx``   the variance by place and by category, every
     line with its result, the surplus list
  B  ``python main.py export assets F.xlsx``          every asset, all columns
The goal (issue 17): A ≤ 1.5 × B. Prints the figures and the job line for ``run_all.py``.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench import PY, ROOT, bench_db, child_env, job_line, paired

GOAL = 1.5

PREPARE = r"""
import sys
from logistics_desk.core import db, i18n
from logistics_desk.modules.stocktake import service
i18n.set_language("zh_CN")
db.open_database(sys.argv[1], backup=False)
cur = service.current()
if cur is not None:
    for u in service.unknowns(cur.id, "open"):
        service.dismiss_unknown(u["id"], "benchmark")
    service.close(cur.id)
print(service.open_stocktake(title="benchmark", scope={}).id)
"""

COUNT = """
UPDATE stocktake_line SET counted_qty = quantity, method = 'scan',
       counted_at = datetime('2026-11-20 08:00:00', '+' || (id % 30000) || ' seconds')
 WHERE stocktake_id = :st AND id % 20 != 0;
UPDATE stocktake_line SET counted_qty = quantity - 1 WHERE stocktake_id = :st AND quantity > 3 AND id % 7 = 0
       AND counted_qty IS NOT NULL;
UPDATE stocktake_line SET condition = 'damaged', note = '桌面开裂' WHERE stocktake_id = :st AND id % 53 = 0;
"""


def prepared(db: Path) -> tuple[Path, int]:
    """The copy with the counted stock-take, made once per shared database: (path, stock-take id)."""
    out = db.with_name(db.stem + "-stocktake.db")
    stamp = out.with_suffix(".stamp")
    key = f"{db.stat().st_size} {db.stat().st_mtime_ns}"
    if out.exists() and stamp.exists() and stamp.read_text().split("\n")[0] == key:
        return out, int(stamp.read_text().split("\n")[1])
    print(f"preparing {out} (a stock-take over every asset) ...", flush=True)
    part = out.with_name(out.name + ".part")
    subprocess.run(["cp", str(db), str(part)], check=True)
    st = int(subprocess.run([PY, "-c", PREPARE, str(part)], check=True, capture_output=True, text=True,
                            env=child_env(), cwd=str(ROOT)).stdout.split()[-1])
    con = sqlite3.connect(part)
    for statement in COUNT.split(";"):
        if statement.strip():
            con.execute(statement, {"st": st})
    rooms = [r for (r,) in con.execute("SELECT id FROM place WHERE kind = 'room' ORDER BY id")]
    con.executemany("UPDATE stocktake_line SET found_place_id = ? WHERE id = ?",
                    [(rooms[i % len(rooms)], i) for (i,) in con.execute(
                        "SELECT id FROM stocktake_line WHERE stocktake_id = ? AND id % 37 = 0 "
                        "AND counted_qty IS NOT NULL", (st,)).fetchall()])
    con.commit()
    con.close()
    os.replace(part, out)
    stamp.write_text(f"{key}\n{st}")
    return out, st


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="the 50,000-asset demo database (default: made once, shared)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db, st = prepared(bench_db(path=args.db))
    con = sqlite3.connect(db)
    lines = con.execute("SELECT COUNT(*) FROM stocktake_line WHERE stocktake_id = ?", (st,)).fetchone()[0]
    assets = con.execute("SELECT COUNT(*) FROM asset").fetchone()[0]
    con.close()
    with tempfile.TemporaryDirectory() as tmp:
        main_py = [PY, str(ROOT / "main.py"), "--db", str(db), "--lang", "zh_CN", "export"]
        a, b, runs_a, runs_b, cpu_ratio = paired(main_py + ["stocktake", str(st), str(Path(tmp) / "st.xlsx")],
                                      main_py + ["assets", str(Path(tmp) / "assets.xlsx")],
                                      runs=args.runs, env=child_env())
    print(f"Exports to .xlsx, whole process, median of {args.runs} (A B A B …):")
    print(f"  stock-take, {lines:,} lines (+ summaries)   {a:6.2f} s   runs {' '.join(f'{x:.2f}' for x in runs_a)}")
    print(f"  asset register, {assets:,} rows           {b:6.2f} s   runs {' '.join(f'{x:.2f}' for x in runs_b)}")
    print(f"  ratio {a / b:.2f}× (goal ≤ {GOAL:g}×); CPU time ratio {cpu_ratio:.2f}×")
    job_line(f"stock-take export, {lines:,} lines, whole process", a, b, GOAL,
             note=f"floor: the asset export of every asset, whole process; CPU ratio {cpu_ratio:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
