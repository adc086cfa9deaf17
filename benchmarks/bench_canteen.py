"""Canteen food samples over a whole year: figures, each beside its floor measured in the same run.

    python benchmarks/bench_canteen.py [--days 365] [--per-meal 7] [--keep DIR]

Builds a database with a year of meals (breakfast, lunch, dinner and an extra meal every
day, ~7 dishes each: ~1,460 meals and ~10,000 samples, all disposed of, two fridge readings
a day), then measures:

1. the year's sample log as PDF (食品留样记录表)    vs  the raw SQL read of the same rows
2. the compliance check over the year             vs  the raw SQL read of the sample rows
3. the day grid (one day's dishes)                vs  the raw SQL read of that day
4. one "sample taken" key press (write + audit)   vs  a plain UPDATE of one row
5. a day's labels as PDF (~28 labels)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
from _bench import job_line  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn, repeat=1):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def build(path: Path, days: int, per_meal: int, start: dt.date) -> tuple[int, int]:
    from logistics_desk.core import clock, db, masterdata, numbering, settings
    from logistics_desk.core.db import database
    from logistics_desk.core.masterdata import Person
    from logistics_desk.modules.canteen import service
    from logistics_desk.modules.canteen.models import CanteenDish, CanteenReading, CanteenSample

    db.open_database(path, backup=False)
    rng = random.Random(7)
    clock.freeze(dt.datetime.combine(start + dt.timedelta(days=days + 3), dt.time(12, 0)))
    settings.set_many({"school.name": "基准测试学校", "canteen.meals": ["breakfast", "lunch", "dinner", "snack"],
                       "canteen.service_weekdays": [0, 1, 2, 3, 4, 5, 6], "canteen.start_date": start.isoformat()})
    cook = masterdata.save(Person, {"name": "王师傅", "is_canteen_staff": True})
    fridge = service.save_fridge({"name": "1号留样冰箱", "location": "食堂 留样间"})
    service.set_defaults(sampler=cook, fridge=fridge)
    names = [f"菜品{i:03d}" for i in range(300)]
    with database.atomic():
        CanteenDish.insert_many([{"name": n, "use_count": 0} for n in names]).execute()
    dish_ids = {d.name: d.id for d in CanteenDish.select()}
    times = {"breakfast": 7, "lunch": 11, "dinner": 17, "snack": 20}
    rows, readings = [], []
    meals = 0
    for i in range(days):
        day = start + dt.timedelta(days=i)
        n = 0
        for meal, hh in times.items():
            meals += 1
            for order, name in enumerate(rng.sample(names, per_meal), 1):
                n += 1
                taken = dt.datetime.combine(day, dt.time(hh, 0)) + dt.timedelta(minutes=order)
                keep = taken + dt.timedelta(hours=48)
                rows.append({"number": f"LY-{day:%Y%m%d}-{n:04d}", "day": day, "meal": meal, "sort_order": order,
                             "dish": dish_ids[name], "dish_name": name, "weight_g": 150, "taken_at": taken,
                             "taken_by": cook.id, "fridge": fridge.id, "container_no": str(n),
                             "retention_hours": 48, "keep_until": keep, "entered_at": taken + dt.timedelta(minutes=3),
                             "disposed_at": keep + dt.timedelta(hours=1), "disposed_by": cook.id,
                             "created_at": taken})
        for hh in (7, 16):
            at = dt.datetime.combine(day, dt.time(hh, 30))
            readings.append({"fridge": fridge.id, "day": day, "read_at": at, "temperature": 4.0, "min_temp": 0,
                             "max_temp": 8, "read_by": cook.id, "created_at": at})
        numbering.bump_to(f"canteen:{day:%Y%m%d}", n)
    with database.atomic():
        for i in range(0, len(rows), 500):
            CanteenSample.insert_many(rows[i:i + 500]).execute()
        for i in range(0, len(readings), 500):
            CanteenReading.insert_many(readings[i:i + 500]).execute()
    # today's menu, not yet sampled, for the key-press measure
    today = clock.today()
    service.add_dishes(today, "lunch", names[:40])
    return meals, len(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--per-meal", type=int, default=7)
    ap.add_argument("--keep", help="keep the database in this folder")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench_canteen_"))
    path = tmp / "bench.db"
    start = dt.date(2025, 9, 1)
    t0 = time.perf_counter()
    meals, samples = build(path, args.days, args.per_meal, start)
    print(f"built {args.days} days, {meals} meals, {samples} samples in {time.perf_counter() - t0:.1f} s")

    from logistics_desk.core import clock, i18n
    from logistics_desk.core.db import database
    from logistics_desk.modules.canteen import forms, service
    from logistics_desk.modules.canteen.models import CanteenSample

    i18n.set_language("zh_CN")
    end = start + dt.timedelta(days=args.days - 1)
    cur = database.connection().cursor()
    floor_sql = ("SELECT s.*, p.name, f.name FROM canteen_sample s LEFT JOIN person p ON p.id = s.taken_by_id "
                 "LEFT JOIN canteen_fridge f ON f.id = s.fridge_id WHERE s.day BETWEEN ? AND ? AND s.voided = 0")

    floor, _ = timed(lambda: cur.execute(floor_sql, (start.isoformat(), end.isoformat())).fetchall(), 3)
    q_time, rows = timed(lambda: service.log_lines(start, end), 3)
    pdf_time, pdf = timed(lambda: forms.sample_log(rows, start, end))
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    print(f"1. year sample log: query {q_time * 1000:.0f} ms + PDF {pdf_time:.2f} s "
          f"({len(rows)} rows, {pages} pages, {len(pdf) / 1e6:.1f} MB)   floor: raw SQL read {floor * 1000:.0f} ms")

    floor2, _ = timed(lambda: cur.execute(
        "SELECT id, number, day, meal, sort_order, dish_name, weight_g, taken_at, taken_by_id, fridge_id, keep_until, "
        "entered_at, disposed_at FROM canteen_sample WHERE day BETWEEN ? AND ? AND voided = 0",
        (start.isoformat(), end.isoformat())).fetchall(), 3)
    c_time, found = timed(lambda: service.check(start, end), 3)
    print(f"2. compliance check over the year: {c_time * 1000:.0f} ms ({len(found)} findings)   "
          f"floor: raw SQL read of the rows {floor2 * 1000:.0f} ms")
    job_line(f"canteen: compliance check over {args.days} days", c_time, floor2,
             note="in-process; floor: the raw SQL read of the sample rows; no goal in issue 17")

    day = start + dt.timedelta(days=100)
    floor3, _ = timed(lambda: cur.execute(floor_sql, (day.isoformat(), day.isoformat())).fetchall(), 20)
    d_time, _ = timed(lambda: service.day_lines(day), 20)
    s_time, _ = timed(lambda: service.day_status(day), 5)
    print(f"3. day grid: {d_time * 1000:.1f} ms; day status banner {s_time * 1000:.1f} ms   "
          f"floor: raw SQL {floor3 * 1000:.1f} ms")

    today = clock.today()
    todo = list(CanteenSample.select().where((CanteenSample.day == today) & CanteenSample.taken_at.is_null()))
    it = iter(todo)
    k_time, _ = timed(lambda: service.quick_take(next(it)), 20)
    ids = iter([r.id for r in todo[20:]])

    def plain_update():
        with database.atomic():
            database.execute_sql("UPDATE canteen_sample SET weight_g = 150 WHERE id = ?", (next(ids),))

    floor4, _ = timed(plain_update, 15)
    print(f"4. one 'sample taken' key press: {k_time * 1000:.1f} ms   floor: plain UPDATE {floor4 * 1000:.2f} ms")
    job_line("canteen: one 'sample taken' key press", k_time * 1000, floor4 * 1000, unit="ms",
             note="in-process, write + change record; floor: a plain UPDATE in a transaction; no goal in issue 17")

    lines = service.day_lines(day)
    l_time, lpdf = timed(lambda: forms.sample_labels(lines), 3)
    print(f"5. labels of a day ({len(lines)} labels): {l_time * 1000:.0f} ms")

    from logistics_desk.core import db

    db.close_database()
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(args.keep) / "bench_canteen.db")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
