"""Speed of core/excel beside its floor (plain openpyxl), measured in the same run.

    python benchmarks/bench_excel.py [--rows 50000] [--read-rows 10000]

Writing: ``write_table`` with 20 columns (text, int, money, date, choice text)
against openpyxl write-only appending the same values with no styles.
Reading: ``read_table`` of the written file (header detection, typed parsing
of every cell) against openpyxl read-only ``iter_rows(values_only=True)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl
from _bench import job_line

from logistics_desk.core.excel import ColumnSpec, WriteColumn, read_table, write_table

KINDS = ["text", "text", "text", "int", "money", "date", "text", "text", "money", "text",
         "text", "date", "text", "int", "text", "text", "money", "text", "text", "text"]
COLUMNS = [WriteColumn(f"c{i}", f"列{i:02d}", kind) for i, kind in enumerate(KINDS)]
SPECS = [ColumnSpec(f"c{i}", [f"列{i:02d}"], kind=kind) for i, kind in enumerate(KINDS)]


def make_rows(n: int) -> list[dict]:
    base = dt.date(2015, 1, 1)
    rows = []
    for i in range(n):
        row = {}
        for j, kind in enumerate(KINDS):
            if kind == "text":
                row[f"c{j}"] = f"教学楼{i % 97}-{j}号资产名称" if j % 3 else f"2026-JJ-{i:05d}"
            elif kind == "int":
                row[f"c{j}"] = i % 50 + 1
            elif kind == "money":
                row[f"c{j}"] = Decimal(i % 10000) + Decimal("0.50")
            else:
                row[f"c{j}"] = base + dt.timedelta(days=(i * 7 + j) % 4000)
        rows.append(row)
    return rows


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def floor_write(path: Path, rows: list[dict]) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("floor")
    ws.append([c.header for c in COLUMNS])
    keys = [c.key for c in COLUMNS]
    for row in rows:
        ws.append([row[k] for k in keys])
    wb.save(path)


def floor_read(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for _ in wb.active.iter_rows(values_only=True))
    wb.close()
    return n


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--read-rows", type=int, default=10_000)
    args = parser.parse_args()
    rows = make_rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t_floor, _ = timed(lambda: floor_write(tmp / "floor.xlsx", rows))
        t_ours, _ = timed(lambda: write_table(tmp / "ours.xlsx", "资产", COLUMNS, rows))
        print(f"write {args.rows:,} rows x {len(COLUMNS)} columns: write_table {t_ours:.2f} s, "
              f"floor (openpyxl write-only, no styles) {t_floor:.2f} s, ratio {t_ours / t_floor:.2f}")

        small = tmp / "read.xlsx"
        write_table(small, "资产", COLUMNS, rows[: args.read_rows])
        t_rfloor, n = timed(lambda: floor_read(small))
        t_read, result = timed(lambda: read_table(small, SPECS))
        assert len(result.rows) == args.read_rows and not result.errors, result.errors[:3]
        print(f"read {args.read_rows:,} rows x {len(COLUMNS)} columns: read_table {t_read:.2f} s, "
              f"floor (openpyxl read-only iter_rows) {t_rfloor:.2f} s, ratio {t_read / t_rfloor:.2f}")
    job_line(f"core/excel write_table, {args.rows:,} rows × {len(COLUMNS)}", t_ours, t_floor,
             note="in-process; floor: openpyxl write-only, the same values, no styles; no goal in the issues")
    job_line(f"core/excel read_table, {args.read_rows:,} rows × {len(COLUMNS)}", t_read, t_rfloor,
             note="in-process; floor: openpyxl read-only iter_rows; no goal in the issues")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
