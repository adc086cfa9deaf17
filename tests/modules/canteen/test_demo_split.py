"""Issue 16 point 4: the canteen's demo was split into one function per kind of record, drawing its random
numbers in the same order; the same seed on the same day still gives the same term, row for row."""

from __future__ import annotations

import datetime as _dt

from logistics_desk.core import clock, db, demo


def _canteen_rows(path) -> dict[str, list[tuple]]:
    import logistics_desk.modules as registry

    db.open_database(path, backup=False)
    try:
        clock.freeze(_dt.datetime(2026, 12, 1, 15, 0))
        demo.populate(0, seed=2026, steps=registry.demo_steps())
        names = [n for (n,) in db.database.execute_sql(
            "select name from sqlite_master where type='table' and name like 'canteen%' order by name")]
        return {n: db.database.execute_sql(f'select * from "{n}" order by rowid').fetchall() for n in names}
    finally:
        db.close_database()


def test_the_canteen_demo_is_the_same_term_for_the_same_seed(tmp_path, monkeypatch):
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", ["canteen"])
    first = _canteen_rows(tmp_path / "a.sqlite")
    second = _canteen_rows(tmp_path / "b.sqlite")
    assert first == second
    for table in ("canteen_sample", "canteen_reading", "canteen_morning_check", "canteen_disinfection",
                  "canteen_accompany", "canteen_delivery", "canteen_delivery_line", "canteen_food_lot",
                  "canteen_food_movement", "canteen_food_issue", "canteen_food_count"):
        assert first[table], f"the demo made no {table} rows"
