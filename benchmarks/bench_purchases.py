"""Purchases figures: the request list at 20,000 requests, budget figures, the store.

    python benchmarks/bench_purchases.py [--requests 20000]

Each figure is printed beside a floor measured in the same run (the bare SQL
that any list of this size must at least run).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
from _bench import job_line

from logistics_desk.core import clock, db
from logistics_desk.core.db import database
from logistics_desk.core.masterdata import Department, Person, Supplier
from logistics_desk.modules.purchases import service
from logistics_desk.modules.purchases.models import (
    BudgetLine,
    PurchaseLine,
    PurchaseRequest,
    StoreItem,
)

STATES = ["draft", "submitted", "approved", "rejected", "quoting", "ordered", "partly_received", "received",
          "accepted", "closed", "cancelled"]


def timed(fn, repeat=5):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000, result


def fill(n: int) -> None:
    rng = random.Random(1)
    now = _dt.datetime(2026, 11, 1, 9)
    depts = [Department.create(name=f"部门{i}") for i in range(20)]
    people = [Person.create(name=f"教师{i}", department=rng.choice(depts)) for i in range(100)]
    sups = [Supplier.create(name=f"供应商{i}") for i in range(20)]
    budgets = [BudgetLine.create(year=2026, department=d, name=name, amount=Decimal(rng.randint(20, 200) * 1000),
                                 created_at=now) for d in depts for name in ("办公经费", "设备购置费")]
    with database.atomic():
        rows, lines = [], []
        for i in range(1, n + 1):
            b = rng.choice(budgets)
            total = Decimal(rng.randint(50, 60000))
            status = rng.choice(STATES)
            p = rng.choice(people)
            rows.append({"number": f"CG-2026-{i:05d}", "department": b.department_id, "requester": p.id,
                         "requester_name": p.name, "request_date": _dt.date(2026, 1, 1) + _dt.timedelta(days=i % 300),
                         "purpose": rng.choice(["办公用品补充", "教室多媒体更新", "期中考试用品", "实验器材"]),
                         "in_budget": True, "budget_line": b.id, "status": status, "total": total,
                         "order_total": total if status in ("ordered", "received", "accepted", "closed") else None,
                         "supplier": rng.choice(sups).id if status in ("ordered", "received", "accepted") else None,
                         "created_at": now, "updated_at": now})
        for chunk in range(0, len(rows), 500):
            PurchaseRequest.insert_many(rows[chunk:chunk + 500]).execute()
        ids = [r.id for r in PurchaseRequest.select(PurchaseRequest.id)]
        for rid in ids:
            for s in range(rng.randint(1, 3)):
                lines.append({"request": rid, "seq": s + 1, "name": rng.choice(["A4复印纸", "台式电脑", "投影仪",
                                                                                "粉笔"]),
                              "quantity": 2, "unit": "件", "est_price": Decimal(100), "amount": Decimal(200),
                              "kind": "consumable"})
        for chunk in range(0, len(lines), 500):
            PurchaseLine.insert_many(lines[chunk:chunk + 500]).execute()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20000)
    args = parser.parse_args()
    clock.freeze(_dt.datetime(2026, 11, 1, 9))
    with tempfile.TemporaryDirectory() as tmp:
        db.open_database(Path(tmp) / "bench.db", backup=False)
        t = time.perf_counter()
        fill(args.requests)
        print(f"filled {args.requests:,} requests with {PurchaseLine.select().count():,} lines "
              f"in {time.perf_counter() - t:.1f} s")
        raw = database.obj

        def floor_page():
            return raw.execute_sql("SELECT id, number FROM purchase_request ORDER BY number DESC LIMIT 200").fetchall()

        def floor_count():
            return raw.execute_sql("SELECT COUNT(*) FROM purchase_request").fetchone()

        figures = [
            ("list: count, no filter", lambda: service.count_requests({}), floor_count),
            ("list: first page of 200 by number (with budget figures)",
             lambda: service.fetch_requests({}, 0, 200, "number", True), floor_page),
            ("list: page 50 of 200 by date", lambda: service.fetch_requests({}, 10000, 200, "request_date", False),
             floor_page),
            ("list: sort by amount, first page", lambda: service.fetch_requests({}, 0, 200, "total", True), floor_page),
            ("list: status filter count + page", lambda: (service.count_requests({"status": "approved"}),
                                                          service.fetch_requests({"status": "approved"}, 0, 200)),
             floor_page),
            ("list: search '投影仪' (lines) count + page", lambda: (service.count_requests({"text": "投影仪"}),
                                                                   service.fetch_requests({"text": "投影仪"}, 0, 200)),
             floor_page),
            ("budget tab: all lines with committed/spent", lambda: service.budget_rows(2026), floor_count),
            ("budget check for one line (dialog, per keystroke)",
             lambda: service.budget_check(BudgetLine.select().first().id, Decimal(5000)), floor_count),
        ]
        print(f"{'figure':58} {'ms':>8} {'floor ms':>9}")
        for label, fn, floor in figures:
            ms, _ = timed(fn)
            fms, _ = timed(floor)
            print(f"{label:58} {ms:8.1f} {fms:9.2f}")
            if label.startswith("list: first page"):
                job_line(f"purchases: {label} ({args.requests:,} requests)", ms, fms, unit="ms",
                         note="in-process; floor: the bare SQL page; no goal in issue 17")

        items = [service.save_item({"name": f"物品{i}", "spec": "", "unit": "个", "min_level": 10}) for i in range(300)]
        t = time.perf_counter()
        for it in items:
            service.stock_in(it, 100)
        for k in range(200):
            service.issue([(items[k % 300].id, 3), (items[(k * 7) % 300].id, 2)], recipient_name="王芳",
                          department=Department.select().first().id)  # a slip names the department that draws
        write_ms = (time.perf_counter() - t) * 1000 / 500
        ms, _ = timed(lambda: service.store_rows())
        fms, _ = timed(lambda: raw.execute_sql("SELECT * FROM store_item").fetchall())
        print(f"{'store: list of 300 items':58} {ms:8.1f} {fms:9.2f}")
        print(f"{'store: one stock-in/issue write (with audit), average':58} {write_ms:8.1f}")
        ms, _ = timed(lambda: service.movements(limit=500))
        print(f"{'store: latest 500 movements':58} {ms:8.1f}")
        assert StoreItem.select().where(StoreItem.stock < 0).count() == 0
        db.close_database()


if __name__ == "__main__":
    main()
