"""Importing an asset register: 10,000 rows beside openpyxl reading the same file, whole processes;
and the peak memory of a 100,000-row import.

    python benchmarks/bench_import.py [--db PATH] [--rows 10000] [--big-rows 100000] [--runs 5]

The files are made once from the shared 50,000-asset demo database (``_bench.bench_db``) with
the program's own export (23 columns: number, name, category, model, brand, unit, quantity,
prices, dates, supplier, invoice, funding, place, department, custodian, status, ...) and kept
beside it: the first 10,000 assets; and for the memory figure 100,000 rows (every asset twice,
the second time without its number, so the program numbers it).

Time, in turn (A B A B …), as whole processes, each import into a new empty database:
  A  ``python main.py --db NEW.db import assets FILE.xlsx``: read, check every row, create the
     places, departments, people and suppliers it names, register the assets with their change
     record entries and history lines, in one transaction
  B  the floor: ``openpyxl.load_workbook(FILE, read_only=True)`` and every row of the sheet
     through ``iter_rows(values_only=True)``
Goal (issue 17): A ≤ 3 × B; the 100,000-row import under 500 MB peak resident memory.
Prints the figures and the job lines for ``run_all.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench import PY, ROOT, bench_db, child_env, job_line, paired, run_process

GOAL = 3.0
MEMORY_GOAL = 500.0  # MB

MAKE_FILES = r"""
import sys
from openpyxl import Workbook, load_workbook
from logistics_desk.core import db, i18n
from logistics_desk.modules.assets import excel, service
i18n.set_language("zh_CN")
db.open_database(sys.argv[1], backup=False)
ids = service.AssetQuery().ids({}, "id")
small, big, rows, big_rows = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
excel.export(small, {"ids": ids[:rows]})
whole = big + ".all.xlsx"
excel.export(whole, {"ids": ids})
src = load_workbook(whole, read_only=True)
values = list(src.active.iter_rows(values_only=True))
src.close()
header, body = values[0], values[1:]
number = header.index("资产编号")
wb = Workbook(write_only=True)
ws = wb.create_sheet("资产")
ws.append(header)
written = 0
while written < big_rows:
    again = written >= len(body)
    for row in body[: big_rows - written]:
        ws.append([None if again and i == number else v for i, v in enumerate(row)])
    written += min(len(body), big_rows - written)
wb.save(big)
import os; os.remove(whole)
"""

FLOOR = ("import sys\nfrom openpyxl import load_workbook\nwb = load_workbook(sys.argv[1], read_only=True)\n"
         "n = 0\nfor row in wb.active.iter_rows(values_only=True):\n    n += len(row)\nwb.close()\nprint(n)\n")


def files(db: Path, rows: int, big_rows: int) -> tuple[Path, Path]:
    small = db.with_name(f"{db.stem}-import-{rows}.xlsx")
    big = db.with_name(f"{db.stem}-import-{big_rows}.xlsx")
    stamp = db.with_name(f"{db.stem}-import.stamp")
    key = f"{db.stat().st_size} {db.stat().st_mtime_ns} {rows} {big_rows}"
    if not (small.exists() and big.exists() and stamp.exists() and stamp.read_text() == key):
        print(f"making {small.name} and {big.name} from {db.name} ...", flush=True)
        run_process([PY, "-c", MAKE_FILES, str(db), str(small), str(big), str(rows), str(big_rows)], env=child_env())
        stamp.write_text(key)
    return small, big


def fresh(path: Path) -> None:
    for p in path.parent.glob(path.name + "*"):
        p.unlink()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="the 50,000-asset demo database (default: made once, shared)")
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--big-rows", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-memory", action="store_true", help="skip the 100,000-row import")
    args = parser.parse_args()
    small, big = files(bench_db(path=args.db), args.rows, args.big_rows)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "import.db"
        program = [PY, str(ROOT / "main.py"), "--db", str(target), "--lang", "zh_CN", "import", "assets", str(small)]
        floor = [PY, "-c", FLOOR, str(small)]
        a, b, runs_a, runs_b, cpu_ratio = paired(program, floor, runs=args.runs, env=child_env(),
                                                 before=lambda: fresh(target))
        print(f"Import of {args.rows:,} rows (.xlsx, 23 columns) into an empty database, whole process, "
              f"median of {args.runs} (A B A B …):")
        print(f"  import assets (read, check, write)    {a:6.2f} s   runs {' '.join(f'{x:.2f}' for x in runs_a)}")
        print(f"  floor: openpyxl read-only, every row  {b:6.2f} s   runs {' '.join(f'{x:.2f}' for x in runs_b)}")
        print(f"  ratio {a / b:.2f}× (goal ≤ {GOAL:g}×); CPU time ratio {cpu_ratio:.2f}×")
        job_line(f"import of {args.rows:,} rows, whole process", a, b, GOAL,
                 note=f"floor: openpyxl read-only reading the same file, whole process; CPU ratio {cpu_ratio:.2f}×")
        if not args.no_memory:
            fresh(target)
            wall, peak = run_process([PY, str(ROOT / "main.py"), "--db", str(target), "--lang", "zh_CN", "import",
                                      "assets", str(big)], env=child_env())
            print(f"\nImport of {args.big_rows:,} rows: {wall:.1f} s, peak resident memory {peak:.0f} MB "
                  f"(goal < {MEMORY_GOAL:g} MB)")
            job_line(f"import of {args.big_rows:,} rows, peak memory", peak, None, MEMORY_GOAL, unit="MB",
                     note=f"the whole process's peak RSS; it took {wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
