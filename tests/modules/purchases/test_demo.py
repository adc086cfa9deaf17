"""The demo is the first thing a school sees (issue 12): purchases that fit their department and
budget line, no budget approved past its amount, repairs that fit their assets, a store account
that adds up month by month."""

from __future__ import annotations

import datetime as _dt

from logistics_desk.core import clock, demo


def test_demo_a_principal_could_read(database, monkeypatch):
    """One demo (it takes a few seconds), three readings of it."""
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets", "purchases", "repairs"])
    clock.freeze(_dt.datetime(2026, 12, 1, 15, 0))
    demo.populate(n_assets=60, seed=11, steps=registry.demo_steps())
    _purchases_fit_department_and_budget()
    _store_account_adds_up()
    _repairs_fit_their_assets()


def _purchases_fit_department_and_budget():
    from logistics_desk.modules.purchases import demo as pdemo
    from logistics_desk.modules.purchases import service
    from logistics_desk.modules.purchases.models import COMMITTED, SPENT, PurchaseRequest

    scenarios = {sc[1]: sc for sc in pdemo.SCENARIOS}
    requests = list(PurchaseRequest.select())
    assert len(requests) >= 30
    for req in requests:
        names, _purpose, line_name, items = scenarios[req.purpose]
        assert req.department.name in names
        assert req.funding_source == line_name and (req.budget_line is None or req.budget_line.name == line_name)
        assert {ln.name for ln in service.lines_of(req)} <= {name for name, _q in items}
    for year in {r.request_date.year for r in requests}:
        for row in service.budget_rows(year):
            assert not row["over"], row  # never approved past the budget
    # a large purchase to post, and a partial delivery to accept
    assert any(service.needs_notice(service.effective_total(r)) for r in requests
               if r.status in COMMITTED + SPENT and r.status not in ("approved", "quoting"))
    assert PurchaseRequest.select().where(PurchaseRequest.status == "partly_received").exists()


def _store_account_adds_up():
    from logistics_desk.modules.purchases import service
    from logistics_desk.modules.purchases.models import StoreItem

    months = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
    previous = None
    for month in months:
        rows = {r["item_id"]: r for r in service.store_month(month)["rows"]}
        for r in rows.values():
            assert r["open_amount"] + r["in_amount"] - r["out_amount"] == r["close_amount"]
            assert min(r["open_qty"], r["close_qty"], r["close_qty"] + r["adj_qty"]) >= 0
            if previous and r["item_id"] in previous:
                p = previous[r["item_id"]]
                assert (r["open_qty"], r["open_amount"]) == (p["close_qty"] + p["adj_qty"],
                                                            p["close_amount"] + p["adj_amount"])
        previous = rows
    assert {i.id: i.stock for i in StoreItem.select()} == {k: r["close_qty"] + r["adj_qty"] for k, r in rows.items()}


def _repairs_fit_their_assets():
    from logistics_desk.modules.repairs import demo as rdemo
    from logistics_desk.modules.repairs.models import RepairPart, RepairTicket

    tickets = list(RepairTicket.select().where(RepairTicket.asset.is_null(False)))
    assert len(tickets) >= 3
    for t in tickets:
        fit = rdemo.asset_fault(t.asset.name)
        assert fit is not None, t.asset.name
        category, faults = fit
        fault = next((f for f in faults if t.description == t.asset.name + f[0]), None)
        assert fault is not None and t.category.name == category, (t.description, t.category.name)
        parts = {p.name for p in RepairPart.select().where(RepairPart.ticket == t)}
        assert parts <= {name for name, _u, _c in fault[1]}, (t.description, parts)
    # no toilet in a reading room, no blackboard in an office
    for t in RepairTicket.select().where(RepairTicket.asset.is_null()):
        if "冲水阀" in t.description:
            assert t.place.parent.name == "宿舍楼", t.description
        if "黑板" in t.description:
            assert t.place.parent.name == "教学楼", t.description
