"""The stock-take's service: opening, counting, closing, sign-off, applying, looking back."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from logistics_desk.core import audit, clock
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import Asset, AssetEvent
from logistics_desk.modules.stocktake import service as st_service
from logistics_desk.modules.stocktake.models import StockTakeLine

from .helpers import school


@pytest.fixture
def s(database):
    return school()


def _open(s, **kw):
    return st_service.open_stocktake(scope={"places": [s["r101"].id, s["r102"].id]}, counter="陈晓燕", **kw)


def test_open_freezes_expected_list_for_scope(s):
    assets.write_off(s["assets"]["tv"], reason="坏了", approver="校长", method="scrap")
    st = _open(s)
    assert st.doc_no == "PD-2026-0001"
    assert st.status == "open"
    numbers = [d["asset_number"] for d in StockTakeLine.select().where(StockTakeLine.stocktake == st).dicts()]
    assert sorted(numbers) == ["T-0001", "T-0002", "T-0003", "T-0004"]  # disposed TV and 201 not expected
    line = StockTakeLine.get(StockTakeLine.asset_number == "T-0003")
    assert line.quantity == 50 and line.place_name == "教学楼 101" and line.custodian_name == "王老师"
    # book value = the register's net book value at the count date
    assert line.book_value == Decimal("15000.00")  # low-value items keep their amount
    proj = Asset.get(Asset.number == "T-0002")
    expected = assets.net_book_value(proj, st.count_date)
    assert expected is not None and expected < proj.amount
    assert StockTakeLine.get(StockTakeLine.asset_number == "T-0002").book_value == expected
    # freezing: later changes to the register do not change the list
    assets.transfer(s["assets"]["pc"], place=s["r201"].id, reason="调整")
    assert StockTakeLine.get(StockTakeLine.asset_number == "T-0001").place_name == "教学楼 101"
    # one open at a time
    with pytest.raises(RuleError):
        _open(s)
    assert st_service.current().id == st.id


def test_scope_by_building_category_and_empty_scope(s):
    assert st_service.count_in_scope({"buildings": [s["building"].id]}) == 5
    assert st_service.count_in_scope({}) == 6
    assert st_service.count_in_scope({"categories": [s["cat"].id]}) == 6
    with pytest.raises(ValidationError):
        st_service.open_stocktake(scope={"places": [s["building"].id + 1000]})


def test_scan_outcomes(s):
    st = _open(s)
    r101, r102 = s["r101"].id, s["r102"].id
    res = st_service.scan(st.id, "T-0001", r101)
    assert res.outcome == "found" and "台式电脑" in res.message
    res = st_service.scan(st.id, "T-0004", r101)
    assert res.outcome == "misplaced" and "教学楼 102" in res.detail
    res = st_service.scan(st.id, "T-0001", r101)
    assert res.outcome == "duplicate"
    res = st_service.scan(st.id, "t-0002", r101)  # a scanner in lower case
    assert res.outcome == "found"
    res = st_service.scan(st.id, "X-9999", r102)
    assert res.outcome == "unknown"
    assert st_service.scan(st.id, "X-9999", r102).outcome == "duplicate"
    res = st_service.scan(st.id, "T-0006", r102)  # in the register, out of scope: that asset, misplaced
    assert res.outcome == "misplaced" and "显微镜" in res.message and "实验楼 201" in res.detail
    assert st_service.progress(st.id) == (3, 5)
    prog = st_service.place_progress(st.id)
    assert list(prog) == [r101, r102]
    assert prog[r101]["counted"] == 2 and prog[r101]["expected"] == 3
    assert prog[r102]["counted"] == 1
    line = StockTakeLine.get(StockTakeLine.asset_number == "T-0001")
    assert line.counted_qty == 1 and line.method == "scan"
    assert audit.history("stocktake_line", line.id)  # saved with its change record
    assert [r["outcome"] for r in st_service.recent_scans(st.id)][:3] == ["misplaced", "duplicate", "unknown"]
    with pytest.raises(ValidationError):
        st_service.scan(st.id, "  ", r101)


def test_tick_quantity_condition_and_reset(s):
    _open(s)
    desks = StockTakeLine.get(StockTakeLine.asset_number == "T-0003")
    with pytest.raises(ValidationError):
        st_service.set_quantity(desks.id, 51)
    st_service.set_quantity(desks.id, 47)
    assert st_service.line_dict(desks.id)["state"] == "partial"
    board = StockTakeLine.get(StockTakeLine.asset_number == "T-0004")
    st_service.tick(board.id, False)
    assert st_service.line_dict(board.id)["state"] == "missing"
    st_service.tick(board.id, True)
    assert st_service.line_dict(board.id)["state"] == "found"
    proj = StockTakeLine.get(StockTakeLine.asset_number == "T-0002")
    with pytest.raises(ValidationError):
        st_service.set_condition(proj.id, "damaged", "")
    st_service.set_condition(proj.id, "damaged", "灯泡不亮")
    d = st_service.line_dict(proj.id)
    assert d["state"] == "found" and d["condition"] == "damaged"
    st_service.reset_line(proj.id)
    assert st_service.line_dict(proj.id)["state"] == "not_counted"


def _full_count(s):
    st = _open(s)
    r101, r102 = s["r101"].id, s["r102"].id
    st_service.scan(st.id, "T-0001", r101)  # found
    st_service.scan(st.id, "T-0004", r101)  # misplaced: board expected in 102
    desks = StockTakeLine.get(StockTakeLine.asset_number == "T-0003")
    st_service.set_quantity(desks.id, 48)  # 2 desks short
    proj = StockTakeLine.get(StockTakeLine.asset_number == "T-0002")
    st_service.set_condition(proj.id, "damaged", "镜头裂了", place_id=r101)
    st_service.scan(st.id, "X-0100", r102)
    return st


def test_close_requires_unknowns_resolved_and_changes_no_asset(s):
    st = _full_count(s)
    st_service.scan(st.id, "X-0200", s["r102"].id)
    before = {a.id: (a.place_id, a.status) for a in Asset.select()}
    events_before = AssetEvent.select().count()
    with pytest.raises(RuleError):
        st_service.close(st.id)
    unk = {u["code"]: u for u in st_service.unknowns(st.id)}
    st_service.set_surplus(unk["X-0100"]["id"], {"name": "饮水机", "category": s["cat"].id, "unit_price": "450"})
    st_service.dismiss_unknown(unk["X-0200"]["id"], "学生的标签，不是资产")
    st_service.close(st.id)
    st = st_service.get(st.id)
    assert st.status == "closed"
    results = {line.asset_number: line.result for line in StockTakeLine.select().where(StockTakeLine.stocktake == st)}
    assert results == {"T-0001": "found", "T-0002": "found", "T-0003": "partial", "T-0004": "misplaced",
                       "T-0005": "missing"}
    assert {a.id: (a.place_id, a.status) for a in Asset.select()} == before
    assert AssetEvent.select().count() == events_before
    with pytest.raises(RuleError):
        st_service.scan(st.id, "T-0005", s["r102"].id)


def test_variance_report_figures(s):
    st = _full_count(s)
    unk = st_service.unknowns(st.id)[0]
    st_service.set_surplus(unk["id"], {"name": "饮水机", "category": s["cat"].id, "unit_price": "450",
                                       "quantity": 2})
    st_service.close(st.id)
    v = st_service.variance(st.id)
    t = v["totals"]
    assert (t["expected"], t["expected_qty"]) == (5, 54)
    assert (t["found"], t["found_qty"]) == (4, 51)  # pc, projector, board, 48 desks
    assert (t["missing"], t["missing_qty"]) == (2, 3)  # TV, 2 desks
    assert (t["misplaced"], t["damaged"]) == (1, 1)
    assert (t["surplus"], t["surplus_qty"], t["surplus_value"]) == (1, 2, Decimal("900.00"))
    lines = {line.asset_number: line for line in StockTakeLine.select().where(StockTakeLine.stocktake == st)}
    desk_missing = (lines["T-0003"].book_value / 50 * 2).quantize(Decimal("0.01"))
    assert t["missing_value"] == lines["T-0005"].book_value + desk_missing
    assert [r["label"] for r in v["places"]] == ["教学楼 101", "教学楼 102"]
    r102 = v["places"][1]
    assert (r102["expected"], r102["missing"], r102["misplaced"], r102["surplus"]) == (2, 1, 1, 1)
    assert [d["asset_number"] for d in v["missing"]] == ["T-0003", "T-0005"]
    assert v["misplaced"][0]["found_place_name"] == "教学楼 101"


def test_apply_results_after_sign_off(s):
    st = _full_count(s)
    unk = st_service.unknowns(st.id)[0]
    st_service.set_surplus(unk["id"], {"name": "饮水机", "category": s["cat"].id, "unit_price": "450"})
    st_service.close(st.id)
    with pytest.raises(RuleError):
        st_service.apply_all(st.id)
    with pytest.raises(ValidationError):
        st_service.sign_off(st.id, counter="陈晓燕", checker="", director="李卫东")
    st_service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东", principal="张建国")
    done = st_service.apply_all(st.id)
    assert done == {"relocate": 1, "shortage": 2, "damage": 1, "surplus": 1}
    board = Asset.get(Asset.number == "T-0004")
    assert board.place_id == s["r101"].id
    tv = Asset.get(Asset.number == "T-0005")
    assert tv.status == "shortage"
    assert Asset.get(Asset.number == "T-0003").status == "in_use"  # a partial batch keeps its status
    new = Asset.get(Asset.number == "X-0100")
    assert new.name == "饮水机" and new.place_id == s["r102"].id
    kinds = lambda number: [e.kind for e in assets.history(Asset.get(Asset.number == number))]  # noqa: E731
    assert kinds("T-0004")[-1] == "transfer"
    assert kinds("T-0005")[-1] == "stocktake"
    assert kinds("T-0002")[-1] == "damage"
    assert kinds("T-0001") == ["register"]  # found where expected: nothing happens
    # the 2 missing desks were split off the batch line: each shortage awaits its own write-off
    assert [(w["asset_number"], w["shortage_number"], w["shortage_qty"])
            for w in st_service.pending_actions(st.id)["writeoff"]] == [("T-0003", "T-0003-1", 2),
                                                                         ("T-0005", "T-0005", 1)]
    for number in ("T-0003", "T-0005"):
        line = StockTakeLine.get(StockTakeLine.asset_number == number)
        st_service.approve_writeoff(line.id, approver="张建国")
    assert Asset.get(Asset.number == "T-0005").status == "disposed"
    assert Asset.get(Asset.number == "T-0003-1").status == "disposed"
    assert Asset.get(Asset.number == "T-0003").quantity == 48
    with pytest.raises(RuleError):
        st_service.relocate(StockTakeLine.get(StockTakeLine.asset_number == "T-0004").id)
    assert not any(st_service.pending_actions(st.id).values())


def test_compare_with_previous(s):
    st1 = _full_count(s)
    st_service.set_surplus(st_service.unknowns(st1.id)[0]["id"], {"name": "饮水机", "category": s["cat"].id})
    st_service.close(st1.id)
    clock.freeze(_dt.datetime(2026, 6, 29, 9, 0))
    st2 = _open(s)
    st_service.scan(st2.id, "T-0001", s["r101"].id)
    st_service.scan(st2.id, "T-0002", s["r101"].id)
    st_service.scan(st2.id, "T-0003", s["r101"].id)  # the desks all there now
    st_service.scan(st2.id, "T-0004", s["r102"].id)
    st_service.close(st2.id)
    cmp = st_service.compare_with_previous(st2.id)
    assert cmp["previous"].id == st1.id
    assert [d["asset_number"] for d in cmp["recurring"]] == ["T-0005"]
    assert [d["asset_number"] for d in cmp["new_missing"]] == []
    assert [d["asset_number"] for d in cmp["recovered"]] == ["T-0003"]


def test_match_unknown_counts_the_asset(s):
    st = _open(s)
    st_service.scan(st.id, "OLD-17", s["r102"].id)
    u = st_service.unknowns(st.id)[0]
    with pytest.raises(ValidationError):
        st_service.match_unknown(u["id"], "NOPE")
    res = st_service.match_unknown(u["id"], "T-0005")
    assert res.outcome == "found"
    assert st_service.unknowns(st.id)[0]["status"] == "matched"


def test_sheet_places(s):
    st = _open(s)
    places = st_service.sheet_places(st.id)
    assert [p.name for p in places] == ["教学楼 101", "教学楼 102"]
    assert [r["asset_number"] for r in places[0].rows] == ["T-0001", "T-0002", "T-0003"]
    assert [p.name for p in st_service.sheet_places(st.id, "教学楼 102")] == ["教学楼 102"]
    with pytest.raises(ValidationError):
        st_service.sheet_places(st.id, "操场")


def test_repair_ticket_for_damage_when_the_repair_log_exists(s):
    if not st_service.repairs_available():
        pytest.skip("the repair log is not in this checkout")
    st = _full_count(s)
    st_service.set_surplus(st_service.unknowns(st.id)[0]["id"], {"name": "饮水机", "category": s["cat"].id})
    st_service.close(st.id)
    proj = StockTakeLine.get(StockTakeLine.asset_number == "T-0002")
    ticket_id = st_service.open_repair_ticket(proj.id)
    from logistics_desk.modules.repairs.models import RepairTicket

    ticket = RepairTicket.get_by_id(ticket_id)
    assert ticket.asset_id == proj.asset_id and "镜头裂了" in ticket.description
    assert StockTakeLine.get_by_id(proj.id).repair_ref == ticket_id
    with pytest.raises(RuleError):
        st_service.open_repair_ticket(proj.id)
