"""c4: the canteen demo (a term of five ledgers): a real month refuses a line now and then (November
said "拒收 0"), and the bulk inserts keep their change-record entries."""

from __future__ import annotations

import datetime as _dt
from collections import Counter

from logistics_desk.core import clock, demo
from logistics_desk.core.audit import AuditEntry


def test_demo_refuses_one_or_two_lines_a_month(database, monkeypatch):
    import logistics_desk.modules as registry
    from logistics_desk.modules.canteen import service
    from logistics_desk.modules.canteen.food_models import CanteenDelivery, CanteenDeliveryLine, CanteenFoodLot

    monkeypatch.setattr(registry, "MODULE_NAMES", ["canteen"])
    clock.freeze(_dt.datetime(2026, 12, 1, 15, 0))
    demo.populate(0, seed=2026, steps=registry.demo_steps())
    refused = list(CanteenDeliveryLine.select(CanteenDeliveryLine, CanteenDelivery).join(CanteenDelivery)
                   .where(CanteenDeliveryLine.accepted == False, CanteenDelivery.voided == False))  # noqa: E712
    per_month = Counter(f"{ln.delivery.day:%Y-%m}" for ln in refused)
    months = {f"{d:%Y-%m}" for (d,) in CanteenDelivery.select(CanteenDelivery.day).tuples()}
    full = sorted(m for m in months if m < "2026-12")  # the months that have ended
    assert full and all(1 <= per_month[m] <= 2 for m in full), per_month
    assert per_month["2026-11"] >= 1
    for ln in refused:  # a refused line says why, and never reaches the store
        assert ln.refuse_reason
        assert not CanteenFoodLot.select().where(CanteenFoodLot.line == ln.id).exists()
        assert not (ln.appearance_ok and ln.smell_ok) or ln.temperature is not None
    # every line has its change-record entry, as a service would have written it
    assert AuditEntry.select().where(AuditEntry.table_name == CanteenDeliveryLine._meta.table_name,
                                     AuditEntry.action == "create").count() == CanteenDeliveryLine.select().count()
    assert service.started()
