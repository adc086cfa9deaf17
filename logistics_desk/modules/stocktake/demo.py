"""Demo stock-takes: last term's, closed, signed and applied (a few missing, misplaced, surplus,
damaged), and this term's, open and part-counted, on a subset of rooms."""

from __future__ import annotations

import datetime as _dt

from peewee import fn

from ...core import clock
from ...core.i18n import tr
from ...core.masterdata import Category, Place, Term
from ..assets.api import Asset
from . import service
from .models import StockTake, StockTakeLine


def _rooms_with_assets(limit: int, skip: int = 0) -> list[int]:
    """Rooms holding at least 3 assets, the emptiest first: every line of a counted room is scanned
    through the service, so the demo's work stays the same however large the register is
    (at 50,000 assets a classroom holds hundreds)."""
    n = fn.COUNT(Asset.id)
    rows = (Asset.select(Asset.place, n).join(Place, on=(Asset.place == Place.id))
            .where(Asset.status.in_(service.EXPECTED_STATUSES) & (Place.kind == "room"))
            .group_by(Asset.place).having(n >= 3).order_by(n, Asset.place).tuples())
    ids = [pid for pid, _n in rows]
    return ids[skip:skip + limit]


def _at(moment: _dt.datetime):
    clock.freeze(moment)


def populate(ctx) -> None:
    if StockTake.select().exists() or not Asset.select().exists():
        return
    rng = ctx.rng
    saved = clock.current_clock()  # restore whatever clock the caller uses
    today = ctx.today
    try:
        rooms = _rooms_with_assets(10)
        if len(rooms) < 4:
            return
        prev_term = Term.select().where(Term.end_date < today).order_by(Term.end_date.desc()).first()
        cur_term = Term.select().where((Term.start_date <= today) & (Term.end_date >= today)).first()
        _last_term(rng, today, prev_term, rooms)
        _this_term(rng, today, cur_term, rooms)
        summary = ctx.data.setdefault("summary", {})
        summary[tr("Stock-takes")] = 2
    finally:
        clock.set_clock(saved)


def _last_term(rng, today: _dt.date, prev_term, rooms: list[int]) -> None:
    """Last term's stock-take: counted (some missing, misplaced, short, damaged, surplus), closed, signed
    and applied, its first missing asset's write-off approved."""
    count_day = (prev_term.end_date - _dt.timedelta(days=5)) if prev_term else today - _dt.timedelta(days=150)
    count_day = min(count_day, today - _dt.timedelta(days=30))
    _at(_dt.datetime.combine(count_day, _dt.time(8, 30)))
    old_rooms = rooms[:6]
    st = service.open_stocktake(title=f"{prev_term.name if prev_term else ''}期末盘点",
                                term=prev_term.id if prev_term else None, scope={"places": old_rooms},
                                count_date=count_day, counter="陈晓燕", checker="刘敏")
    _count_last_term(rng, st, count_day, old_rooms)
    fallback = Category.select().where(Category.useful_life_years.is_null(False)).order_by(Category.id).first()
    sound = Category.get_or_none(Category.name == "电气设备") or fallback
    furniture = Category.get_or_none(Category.name == "家具") or fallback
    service.scan(st.id, "JX-0815", old_rooms[0])
    u = service.unknowns(st.id)[0]
    service.set_surplus(u["id"], {"name": "移动音箱", "category": sound.id, "unit_price": "680",
                                  "note": "标签为旧系统编号"})
    service.add_surplus(st.id, {"name": "折叠椅", "category": furniture.id, "quantity": 4, "unit_price": "45",
                                "place": old_rooms[1]})
    service.close(st.id)
    _at(_dt.datetime.combine(count_day + _dt.timedelta(days=3), _dt.time(10, 0)))
    service.sign_off(st.id, counter="陈晓燕", checker="刘敏", director="李卫东", custodian_sign="王芳",
                     principal="张建国")
    service.apply_all(st.id)
    first_missing = StockTakeLine.get((StockTakeLine.stocktake == st) & (StockTakeLine.result == "missing"))
    service.approve_writeoff(first_missing.id, approver="张建国")


def _count_last_term(rng, st, count_day: _dt.date, old_rooms: list[int]) -> None:
    """Every line scanned but three (missing), two in the wrong room, two damaged, some short."""
    lines = list(StockTakeLine.select().where(StockTakeLine.stocktake == st).order_by(StockTakeLine.id))
    rng.shuffle(lines)
    # last term's count is history: an asset the assets demo lent since (its loans are of the last 40 days)
    # was on its shelf then, so it is scanned found; only the others come out missing, short, misplaced or
    # damaged (a lent asset is never marked as shortage: ``mark_shortage`` refuses it)
    lent = {a for (a,) in Asset.select(Asset.id).where(
        Asset.id.in_([ln.asset_id for ln in lines]) & (Asset.status == "lent")).tuples()}
    lines = [ln for ln in lines if ln.asset_id not in lent] + [ln for ln in lines if ln.asset_id in lent]
    # lines[:3] are left uncounted: they come out missing
    misplaced = lines[3:5]
    damaged = lines[5:7]
    for i, line in enumerate(lines[3:]):
        _at(_dt.datetime.combine(count_day, _dt.time(9, 0)) + _dt.timedelta(minutes=i // 3))
        if line in misplaced:
            other = [r for r in old_rooms if r != line.place_id][0]
            service.scan(st.id, line.asset_number, other)
        elif line.quantity > 5 and line.asset_id not in lent and rng.random() < 0.5:
            service.set_quantity(line.id, line.quantity - rng.randint(1, 2), line.place_id)
        else:
            service.scan(st.id, line.asset_number, line.place_id)
        if line in damaged:
            service.set_condition(line.id, "needs_repair", rng.choice(["椅腿松动", "屏幕有划痕", "开关失灵"]))


def _this_term(rng, today: _dt.date, cur_term, rooms: list[int]) -> None:
    """This term's stock-take: open, two rooms counted and a third half; one misplaced, one duplicate,
    one unknown, one damaged."""
    _at(_dt.datetime.combine(today, _dt.time(8, 0)) - _dt.timedelta(days=1))
    new_rooms = rooms[:8]
    st2 = service.open_stocktake(title=f"{cur_term.name if cur_term else ''}期末盘点",
                                 term=cur_term.id if cur_term else None, scope={"places": new_rooms},
                                 counter="陈晓燕", checker="刘敏")
    by_place: dict = {}
    for line in StockTakeLine.select().where(StockTakeLine.stocktake == st2).order_by(StockTakeLine.asset_number):
        by_place.setdefault(line.place_id, []).append(line)
    done_rooms = new_rooms[:3]
    t = _dt.datetime.combine(today, _dt.time(8, 10)) - _dt.timedelta(days=1)
    lent = service.loans(st2)  # out on loan: not on the shelf; the clerk sees the loan slip
    for n, pid in enumerate(done_rooms):
        for i, line in enumerate(by_place.get(pid, [])):
            if n == 2 and i > len(by_place[pid]) // 2:
                break  # the third room half done
            t += _dt.timedelta(seconds=rng.randint(8, 40))
            _at(t)
            if line.asset_id in lent:
                service.confirm_loan(line.id)
            else:
                service.scan(st2.id, line.asset_number, pid)
    # one misplaced, one duplicate, one unknown, one damaged
    # from a room not counted yet (the fifth; with only four rooms holding assets, the fourth)
    stray = by_place.get(new_rooms[4] if len(new_rooms) > 4 else new_rooms[-1], [None])[0]
    if stray is not None:
        service.scan(st2.id, stray.asset_number, done_rooms[0])
    first = by_place.get(done_rooms[0], [None])[0]
    if first is not None:
        service.scan(st2.id, first.asset_number, done_rooms[0])
        service.set_condition(first.id, "damaged", "桌面开裂")
    service.scan(st2.id, "XX-2024-0007", done_rooms[1])
