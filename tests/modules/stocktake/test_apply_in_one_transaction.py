"""Issue 16: applying the chosen results is one service call in one transaction — a failure halfway
leaves nothing applied — and the stock-take reaches the repair log only through its api."""

from __future__ import annotations

import pytest

from logistics_desk import modules as registry
from logistics_desk.core import audit
from logistics_desk.core.errors import NotFound, RuleError, ValidationError
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import Asset, AssetDamage, AssetEvent
from logistics_desk.modules.stocktake import service as st_service
from logistics_desk.modules.stocktake.models import StockTakeLine, StockTakeUnknown

from .helpers import school


@pytest.fixture
def s(database):
    return school()


def _signed(s):
    st = st_service.open_stocktake(scope={"places": [s["r101"].id, s["r102"].id]}, counter="陈晓燕")
    r101, r102 = s["r101"].id, s["r102"].id
    st_service.scan(st.id, "T-0001", r101)
    st_service.scan(st.id, "T-0004", r101)  # the board, expected in 102
    st_service.set_quantity(StockTakeLine.get(StockTakeLine.asset_number == "T-0003").id, 48)
    st_service.set_condition(StockTakeLine.get(StockTakeLine.asset_number == "T-0002").id, "damaged", "镜头裂了",
                             place_id=r101)
    st_service.scan(st.id, "X-0100", r102)
    unk = st_service.unknowns(st.id)[0]
    st_service.set_surplus(unk["id"], {"name": "饮水机", "category": s["cat"].id, "unit_price": "450"})
    st_service.close(st.id)
    st_service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东")
    return st


def _line(number):
    return StockTakeLine.get(StockTakeLine.asset_number == number)


def _five(st):
    unk = StockTakeUnknown.get(StockTakeUnknown.code == "X-0100")
    return [("relocate", _line("T-0004").id), ("damage", _line("T-0002").id),
            ("shortage", _line("T-0003").id),  # the third: made to fail below
            ("shortage", _line("T-0005").id), ("surplus", unk.id)]


def test_the_third_of_five_failing_leaves_nothing_applied(s):
    st = _signed(s)
    # since the count, 49 of the 50 desks were written off: the 2 missing can no longer be marked
    desks = Asset.get(Asset.number == "T-0003")
    assets.write_off_part(desks, 49, reason="报废", approver="校长", method="scrap")
    before_assets = {a.id: (a.place_id, a.status, a.quantity) for a in Asset.select()}
    before_events = AssetEvent.select().count()
    before_audit = audit.AuditEntry.select().count()
    told = []

    with pytest.raises(RuleError):
        st_service.apply(st.id, _five(st), progress=lambda done, total: told.append(done))

    assert told == [1, 2]  # the first two were done inside the transaction, then rolled back with it
    assert {a.id: (a.place_id, a.status, a.quantity) for a in Asset.select()} == before_assets
    assert AssetEvent.select().count() == before_events
    assert audit.AuditEntry.select().count() == before_audit
    assert AssetDamage.select().count() == 0
    assert not Asset.select().where(Asset.name == "饮水机").exists()
    assert _line("T-0004").relocated_at is None and _line("T-0002").damage_recorded_at is None
    assert len(st_service.pending_actions(st.id)["relocate"]) == 1  # all still to apply


def test_apply_returns_what_changed(s):
    st = _signed(s)
    done = st_service.apply(st.id, _five(st))
    assert done.counts == {"relocate": 1, "damage": 1, "shortage": 2, "surplus": 1} and done.total == 5
    new = Asset.get(Asset.name == "饮水机")
    assert done.asset_ids == {Asset.get(Asset.number == n).id for n in ("T-0004", "T-0002", "T-0005")} | {
        Asset.get(Asset.number == "T-0003-1").id, new.id}
    assert done.modules == {"stocktake", "assets"}
    assert st_service.apply(st.id, []).modules == set()


def test_apply_refuses_a_result_of_another_stocktake_and_unknown_kinds(s):
    st = _signed(s)
    with pytest.raises(NotFound):
        st_service.apply(st.id + 1, _five(st))  # no such stock-take
    other = st_service.open_stocktake(scope={"places": [s["r201"].id]})
    st_service.close(other.id)
    st_service.sign_off(other.id, counter="陈晓燕", checker="刘敏", director="李卫东")
    with pytest.raises(RuleError):
        st_service.apply(other.id, _five(st))
    with pytest.raises(ValidationError) as exc:
        st_service.apply(st.id, [("explode", _line("T-0004").id)])
    assert "explode" in exc.value.errors["kind"]
    assert _line("T-0004").relocated_at is None


def test_approving_write_offs_is_all_or_none(s):
    st = _signed(s)
    st_service.apply(st.id, [("shortage", _line("T-0003").id), ("shortage", _line("T-0005").id)])
    tv = Asset.get(Asset.number == "T-0005")
    assets.set_status(tv, "in_use", "找到了")  # it turned up before the approval
    with pytest.raises(RuleError):
        st_service.approve_writeoffs([_line("T-0003").id, _line("T-0005").id], approver="张建国")
    assert Asset.get(Asset.number == "T-0003-1").status == "shortage"  # the first was not written off alone
    done = st_service.approve_writeoffs([_line("T-0003").id], approver="张建国")
    assert done.counts == {"writeoff": 1}
    assert Asset.get(Asset.number == "T-0003-1").status == "disposed"


def test_repairs_are_asked_through_the_registry(s, monkeypatch):
    st = _signed(s)
    line = _line("T-0002")
    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets", "stocktake"])
    assert not st_service.repairs_available()
    with pytest.raises(RuleError):
        st_service.open_repair_ticket(line.id)
    assert st_service.repair_number(7) == "#7"
    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets", "stocktake", "repairs"])
    assert st_service.repairs_available()
    ticket_id = st_service.open_repair_ticket(line.id)
    from logistics_desk.modules.repairs.models import RepairTicket

    ticket = RepairTicket.get_by_id(ticket_id)
    assert (ticket.source, ticket.ref_table, ticket.ref_id) == ("stocktake", "stocktake", st.id)
    assert ticket.asset.number == "T-0002" and ticket.reporter_name == "陈晓燕"
    assert ticket.category.name == "电教设备"  # the repair log's own rule for a projector, not a copied list
    assert st_service.repair_number(ticket_id) == ticket.number
    assert _line("T-0002").repair_ref == ticket_id


def test_a_module_missing_a_dependency_is_refused_at_start(monkeypatch):
    monkeypatch.setattr(registry, "MODULE_NAMES", ["stocktake"])
    with pytest.raises(registry.ModuleDependencyError) as exc:
        registry.modules()
    assert "stocktake needs assets" in str(exc.value)
    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets", "stocktake"])
    assert [m.key for m in registry.modules()] == ["assets", "stocktake"]
    assert registry.enabled("assets") and not registry.enabled("repairs")
