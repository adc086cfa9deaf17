"""Repair log at scale: the ticket list with 50,000 tickets (ten years of 5,000) (count + first page,
default urgency order, search as you type, filters), the overdue count for the
tab title, and a month's figures — each beside the raw SQL floor.

    python benchmarks/bench_repairs.py [N]
"""

from __future__ import annotations

import datetime as _dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
from _bench import job_line

from logistics_desk.core import db
from logistics_desk.core.masterdata import Place
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import RepairCategory, RepairTicket


def best(fn, n=7) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def main(n: int = 50_000) -> None:
    path = Path(tempfile.mkdtemp()) / "bench.db"
    db.open_database(path, backup=False)
    rng = random.Random(1)
    b = Place.create(name="教学楼", kind="building", full_name="教学楼")
    rooms = [Place.create(name=f"{i:03d}", kind="room", parent=b, full_name=f"教学楼 {i:03d}") for i in range(200)]
    cats = list(RepairCategory.select())
    now = _dt.datetime(2026, 11, 20, 10, 0)
    targets = rs.deadline_targets()
    words = ["水龙头漏水", "灯不亮", "门锁坏了", "投影仪不亮", "网络不通", "椅子腿断裂", "窗户玻璃破碎"]
    rows = []
    for i in range(n):
        at = now - _dt.timedelta(minutes=rng.randint(0, 3650 * 24 * 60))
        urg = rng.choice(["minor"] * 8 + ["major", "urgent"])
        open_ = rng.random() < 0.01
        room = rng.choice(rooms)
        desc = room.name + rng.choice(words)
        rows.append({"number": f"WX-{at.year}-{i:05d}", "reported_at": at, "reporter_name": "王老师", "place": room.id,
                     "category": rng.choice(cats).id, "description": desc, "urgency": urg,
                     "due_at": rs.deadline(at, urg, targets), "status": "reported" if open_ else "accepted",
                     "is_open": open_, "done_at": None if open_ else at + _dt.timedelta(hours=3),
                     "search_text": f"wx-{at.year}-{i:05d} 王老师 {desc} 教学楼 {room.name}", "created_at": at,
                     "updated_at": at})
    with db.database.atomic():
        for i in range(0, n, 500):
            RepairTicket.insert_many(rows[i:i + 500]).execute()
    src = rs.TicketSource()
    print(f"repair tickets: {RepairTicket.select().count():,}")

    def page(filters, sort=None):
        src.count(filters)
        src.fetch(filters, 0, 200, sort, False)

    floor = best(lambda: db.database.execute_sql(
        "SELECT id, number, reported_at FROM repair_ticket ORDER BY reported_at DESC LIMIT 200").fetchall())
    scan = best(lambda: db.database.execute_sql(
        "SELECT COUNT(*) FROM repair_ticket WHERE search_text LIKE '%漏水%'").fetchall())
    cases = [
        ("list, default order (open by deadline, then newest)", lambda: page({"now": now})),
        ("list sorted by reported_at", lambda: page({"now": now}, "reported_at")),
        ("search as you type '漏水'", lambda: page({"text": "漏水", "now": now})),
        ("search '教学楼 017 门锁'", lambda: page({"text": "教学楼 017 门锁", "now": now})),
        ("filter status=open", lambda: page({"status": "open", "now": now})),
        ("filter overdue", lambda: page({"status": "overdue", "now": now})),
        ("filter category + building + month", lambda: page(
            {"category": cats[0].id, "place": b.id, "date_from": _dt.date(2026, 10, 1),
             "date_to": _dt.date(2026, 10, 31), "now": now})),
        ("overdue count (tab title)", lambda: rs.overdue_count(now)),
        ("figures for a month", lambda: rs.figures(_dt.date(2026, 10, 1), _dt.date(2026, 10, 31), now)),
        ("figures for a term (5 months)", lambda: rs.figures(_dt.date(2026, 2, 20), _dt.date(2026, 7, 10), now)),
    ]
    print(f"floor: raw SQL first page of 200 ............ {floor:7.1f} ms")
    print(f"floor: raw SQL LIKE scan of all rows ........ {scan:7.1f} ms")
    for label, fn in cases:
        ms = best(fn)
        print(f"{label:.<46} {ms:7.1f} ms")
        if label.startswith("list, default order"):
            job_line(f"repairs: ticket list, default order ({n:,} tickets)", ms, floor, unit="ms",
                     note="in-process, count + first page; floor: raw SQL first page of 200; no goal in issue 17")
    db.close_database()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
