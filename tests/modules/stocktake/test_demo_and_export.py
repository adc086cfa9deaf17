"""Issue 17: the demo's stock-takes cost the same at 500 or 50,000 assets; the whole demo is one
commit; the export's line sheet holds every line as the service sees it."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from openpyxl import load_workbook

from logistics_desk.core import audit, clock, demo, i18n
from logistics_desk.core.masterdata import Category, Place
from logistics_desk.modules.assets import service as asset_service
from logistics_desk.modules.stocktake import demo as st_demo
from logistics_desk.modules.stocktake import excel, service


def _register(place_counts: dict[str, int]) -> dict[str, int]:
    building = Place.create(kind="building", name="教学楼", full_name="教学楼", sort_order=1)
    cat = Category.get(Category.code == "JSJ")
    ids = {}
    rows = []
    for k, (name, count) in enumerate(place_counts.items()):
        room = Place.create(kind="room", name=name, full_name=f"教学楼 {name}", parent=building, sort_order=k)
        ids[name] = room.id
        rows += [{"name": "台式计算机", "category": cat.id, "unit_price": Decimal(4000), "quantity": 1,
                  "acquired_on": _dt.date(2024, 9, 1), "place": room.id} for _ in range(count)]
    asset_service.register_many(rows)
    return ids


def test_the_demo_counts_the_emptiest_rooms_so_a_big_register_costs_no_more(database):
    # rooms made first (lowest ids) hold the most, as classrooms do at 50,000 assets: the demo used to
    # take the first rooms by id and scan every one of their hundreds of lines through the service
    ids = _register({"101": 60, "102": 40, "103": 2, "104": 5, "105": 3, "106": 9})
    assert st_demo._rooms_with_assets(3) == [ids["105"], ids["104"], ids["106"]]
    assert st_demo._rooms_with_assets(10) == [ids["105"], ids["104"], ids["106"], ids["102"], ids["101"]]


def test_the_whole_demo_is_committed_once(database, monkeypatch):
    import logistics_desk.modules as registry

    writes = []
    real = audit._write_head
    monkeypatch.setattr(audit, "_write_head", lambda *a, **k: (writes.append(a), real(*a, **k)))
    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets", "stocktake"])
    clock.freeze(_dt.datetime(2026, 12, 1, 15, 0))
    try:
        demo.populate(n_assets=300, seed=5, steps=registry.demo_steps(), add=True)
    finally:
        clock.set_clock(None)
    # thousands of service calls, each its own nested transaction with its change-record entries,
    # and one commit at the end: the head file of the change record is written once
    assert len(writes) == 1
    assert audit.verify_chain() == []


def test_the_line_sheet_holds_every_line_as_the_service_sees_it(database, tmp_path):
    i18n.set_language("zh_CN")
    ids = _register({"201": 4, "202": 3})
    st = service.open_stocktake(title="期末盘点", scope={"places": [ids["201"], ids["202"]]})
    lines = service.lines_for_place(st.id, ids["201"])
    service.scan(st.id, lines[0]["asset_number"], ids["201"])
    service.scan(st.id, lines[1]["asset_number"], ids["202"])  # found in the other room
    service.set_condition(lines[0]["id"], "damaged", "桌面开裂")
    out = tmp_path / "st.xlsx"
    excel.export(st.id, out)
    wb = load_workbook(out, read_only=True)
    sheet = wb[i18n.tr("All lines")]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 7
    by_number = {r[0]: r for r in rows[1:]}
    first, second = by_number[lines[0]["asset_number"]], by_number[lines[1]["asset_number"]]
    assert first[4] == "教学楼 201" and first[9] == 1 and first[10] == "教学楼 201"
    assert first[11] == service.result_text("found") and first[12] == i18n.tr("Damaged") and first[13] == "桌面开裂"
    assert second[10] == "教学楼 202" and second[11] == service.result_text("misplaced")
    untouched = by_number[lines[2]["asset_number"]]
    assert untouched[9] is None and untouched[11] == service.result_text("not_counted")
    wb.close()
