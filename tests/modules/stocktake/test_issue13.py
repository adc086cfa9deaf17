"""Issue 13, the stock-take's books: an asset scanned outside the scope is that asset (never a
second one), a resolved unknown number stays resolved, and a partial shortage of a batch line
becomes its own pending write-off."""

from __future__ import annotations

from decimal import Decimal

import pytest

from logistics_desk.core import audit, integrity
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.modules.assets import service as assets
from logistics_desk.modules.assets.models import Asset
from logistics_desk.modules.stocktake import service as st_service
from logistics_desk.modules.stocktake.models import StockTakeLine

from .helpers import school


@pytest.fixture
def s(database):
    return school()


def _open(s):
    return st_service.open_stocktake(scope={"places": [s["r101"].id, s["r102"].id]}, counter="陈晓燕")


def _sign(st):
    st_service.close(st.id)
    st_service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东")


def _no_findings():
    findings, _, _ = integrity.reconcile()
    assert [f.message for f in findings] == []


def test_an_asset_scanned_outside_the_scope_is_that_asset_offered_for_relocation(s):
    st = _open(s)
    r102 = s["r102"].id
    res = st_service.scan(st.id, "T-0006", r102)  # the microscope of 实验楼 201, found in 102
    assert res.outcome == "misplaced"
    assert "T-0006" in res.message and "显微镜" in res.message
    assert "实验楼 201" in res.detail and "教学楼 102" in res.detail
    assert st_service.unknowns(st.id, "open") == []  # nothing to resolve: it is a known asset
    (u,) = st_service.unknowns(st.id)
    assert u["status"] == "matched" and u["matched_number"] == "T-0006"
    assert st_service.scan(st.id, "T-0006", r102).outcome == "duplicate"
    # a resolved entry cannot be resolved again
    with pytest.raises(RuleError):
        st_service.set_surplus(u["id"], {"name": "显微镜", "category": s["cat"].id})
    with pytest.raises(RuleError):
        st_service.match_unknown(u["id"], "T-0001")
    with pytest.raises(RuleError):
        st_service.dismiss_unknown(u["id"], "不要了")
    assert st_service.unknowns(st.id)[0]["status"] == "matched"
    for number in ("T-0001", "T-0002", "T-0003", "T-0004", "T-0005"):
        st_service.scan(st.id, number, None)
    _sign(st)
    pending = st_service.pending_actions(st.id)
    (move,) = pending["relocate_extra"]
    assert move["asset_number"] == "T-0006"
    assert (move["place_name"], move["found_place_name"]) == ("实验楼 201", "教学楼 102")
    st_service.apply_all(st.id)  # relocations are chosen one by one, never by default
    assert Asset.get(Asset.number == "T-0006").place_id == s["r201"].id
    st_service.relocate_unknown(move["id"])
    scope = Asset.get(Asset.number == "T-0006")
    assert scope.place_id == r102
    assert assets.history(scope)[-1].kind == "transfer"
    assert Asset.select().where(Asset.name == "显微镜").count() == 1  # one microscope on the books
    assert st_service.pending_actions(st.id)["relocate_extra"] == []
    with pytest.raises(RuleError):
        st_service.relocate_unknown(move["id"])
    _no_findings()


def test_a_matched_unknown_cannot_then_be_registered_as_surplus(s):
    st = _open(s)
    st_service.scan(st.id, "OLD-17", s["r101"].id)  # a worn tag
    (u,) = st_service.unknowns(st.id)
    st_service.match_unknown(u["id"], "T-0006")  # it is the microscope of 201
    with pytest.raises(RuleError):
        st_service.set_surplus(u["id"], {"name": "平板", "category": s["cat"].id})
    (u,) = st_service.unknowns(st.id)
    assert (u["status"], u["matched_number"], u["name"]) == ("matched", "T-0006", None)
    for number in ("T-0001", "T-0002", "T-0003", "T-0004", "T-0005"):
        st_service.scan(st.id, number, None)
    _sign(st)
    assert [m["asset_number"] for m in st_service.pending_actions(st.id)["relocate_extra"]] == ["T-0006"]
    assert st_service.pending_actions(st.id)["surplus"] == []


def test_matching_an_unknown_that_is_a_registered_number_needs_no_number(s):
    assets.write_off(s["assets"]["scope"], reason="坏了", approver="校长", method="scrap")
    st = _open(s)
    res = st_service.scan(st.id, "T-0006", s["r101"].id)  # written off, but here: the clerk decides
    assert res.outcome == "unknown"
    (u,) = st_service.unknowns(st.id)
    assert st_service.match_suggestion(u["id"]) == "T-0006"
    st_service.match_unknown(u["id"])
    assert st_service.unknowns(st.id)[0]["matched_number"] == "T-0006"


def test_a_partial_shortage_of_a_batch_line_is_split_off_and_written_off(s):
    desks = s["assets"]["desks"]  # 50 desks at 300.00, T-0003
    st = _open(s)
    for number in ("T-0001", "T-0002", "T-0004", "T-0005"):
        st_service.scan(st.id, number, None)
    line = StockTakeLine.get(StockTakeLine.asset_number == "T-0003")
    st_service.set_quantity(line.id, 47, s["r101"].id)
    _sign(st)
    (short,) = st_service.pending_actions(st.id)["shortage"]
    assert short["asset_number"] == "T-0003" and short["quantity"] - short["counted_qty"] == 3
    st_service.mark_shortage(line.id)
    desks = Asset.get_by_id(desks.id)
    assert (desks.quantity, desks.amount, desks.status) == (47, Decimal("14100.00"), "in_use")
    part = Asset.get(Asset.number == "T-0003-1")
    assert (part.quantity, part.amount, part.status, part.name) == (3, Decimal("900.00"), "shortage", "课桌椅")
    assert part.place_id == desks.place_id and part.acquired_on == desks.acquired_on
    (w,) = st_service.pending_actions(st.id)["writeoff"]
    assert (w["asset_number"], w["shortage_number"], w["shortage_qty"]) == ("T-0003", "T-0003-1", 3)
    st_service.approve_writeoff(line.id, approver="张建国")
    assert Asset.get(Asset.number == "T-0003-1").status == "disposed"
    on_books = Asset.select().where((Asset.name == "课桌椅") & Asset.status.in_(("in_use", "idle", "shortage")))
    assert sum(a.quantity for a in on_books) == 47
    summaries = [audit.shown(e.summary) for e in assets.history(desks)]
    assert any("T-0003-1" in text and "3" in text for text in summaries)
    assert [e.kind for e in assets.history(part)][-1] == "writeoff"
    assert not any(st_service.pending_actions(st.id).values())
    _no_findings()


def test_a_whole_missing_line_is_written_off_as_before(s):
    st = _open(s)
    for number in ("T-0001", "T-0002", "T-0003", "T-0004"):
        st_service.scan(st.id, number, None)
    _sign(st)
    line = StockTakeLine.get(StockTakeLine.asset_number == "T-0005")
    st_service.mark_shortage(line.id)
    (w,) = st_service.pending_actions(st.id)["writeoff"]
    assert (w["shortage_number"], w["shortage_qty"]) == ("T-0005", 1)
    st_service.approve_writeoff(line.id, approver="张建国")
    assert Asset.get(Asset.number == "T-0005").status == "disposed"
    assert Asset.select().count() == 6  # no split for a whole line
    _no_findings()


def test_split_off_keeps_the_total_and_is_recorded(s):
    desks = s["assets"]["desks"]
    part = assets.split_off(desks, 20, reason="调往102")
    desks = Asset.get_by_id(desks.id)
    assert (desks.quantity, part.quantity) == (30, 20)
    assert desks.amount + part.amount == Decimal("15000.00")
    assert part.number == "T-0003-1" and part.status == "in_use"
    assert assets.split_off(desks, 5, reason="再分").number == "T-0003-2"
    with pytest.raises(ValidationError):
        assets.split_off(Asset.get_by_id(desks.id), 25, reason="太多")  # only 25 left: not a part
    _no_findings()


def test_close_is_checked_before_it_is_asked(s):
    st = _open(s)
    st_service.scan(st.id, "X-0001", s["r101"].id)
    with pytest.raises(RuleError):
        st_service.check_can_close(st.id)
    (u,) = st_service.unknowns(st.id)
    st_service.dismiss_unknown(u["id"], "学生的标签")
    st_service.check_can_close(st.id)  # no error


def test_an_asset_from_outside_the_scope_counts_as_misplaced_in_the_report(s):
    """Issue 13 (brief E): the microscope of 实验楼 201 scanned in 教学楼 102 is in the report's
    misplaced column (where it was found, its category, the totals) and its list, before and after
    it is moved on the books."""
    from logistics_desk.modules.stocktake import forms

    st = _open(s)
    for number in ("T-0001", "T-0002", "T-0003", "T-0004", "T-0005"):
        st_service.scan(st.id, number, None)
    st_service.scan(st.id, "T-0006", s["r102"].id)
    v = st_service.variance(st.id)
    assert v["totals"]["misplaced"] == 1 and v["totals"]["expected"] == 5
    r102 = next(r for r in v["places"] if r["label"] == "教学楼 102")
    assert (r102["expected"], r102["misplaced"]) == (2, 1)
    assert sum(r["misplaced"] for r in v["places"]) == sum(r["misplaced"] for r in v["categories"]) == 1
    (d,) = v["misplaced"]
    microscope = Asset.get(Asset.number == "T-0006")
    assert (d["asset_number"], d["place_name"], d["found_place_name"]) == ("T-0006", "实验楼 201", "教学楼 102")
    assert d["book_value"] == assets.net_book_value(microscope, st.count_date) == v["totals"]["misplaced_value"]
    _sign(st)
    report = forms.report_data(st.id)
    assert report["totals"]["misplaced"] == 1
    (line,) = report["misplaced"]
    assert (line["number"], line["place"], line["found"]) == ("T-0006", "实验楼 201", "教学楼 102")
    assert line["settled"] == "Not settled yet"
    (move,) = st_service.pending_actions(st.id)["relocate_extra"]
    st_service.relocate_unknown(move["id"])
    report = forms.report_data(st.id)  # printed again after the move: still there, and how it was settled
    (line,) = report["misplaced"]
    assert (line["place"], line["settled"]) == ("实验楼 201", "Moved to 教学楼 102")
    assert report["totals"]["misplaced"] == 1


def test_the_scope_is_written_in_the_readers_language_when_shown(s):
    """Issue 13, finding 22: a stock-take opened in Chinese read "Counting · 地点：…" in English."""
    from logistics_desk.core import i18n
    from logistics_desk.modules.stocktake import forms

    i18n.set_language("zh_CN")
    try:
        st = _open(s)
        assert st.scope_text == "地点：教学楼 101、教学楼 102"  # stored as the day it was opened
    finally:
        i18n.set_language("en")
    assert st_service.shown_scope(st) == "Places: 教学楼 101, 教学楼 102"
    assert forms.report_data(st.id)["scope"] == "Places: 教学楼 101, 教学楼 102"
    st.scope = "not json"
    assert st_service.shown_scope(st) == "地点：教学楼 101、教学楼 102"  # an unreadable scope: the stored text
