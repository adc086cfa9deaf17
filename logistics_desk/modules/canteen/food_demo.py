"""Demo data for receiving and the food store: a term of deliveries on the days the sample
demo served meals, issues to the kitchen per meal first-expiring first, discards of what
expired, and a month-end count for every month that has ended, with a few realistic
events (a warm delivery refused, a supplier whose licence expired taken with a reason, a
delivery entered twice and voided, small count differences with their reasons)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ...core import audit, clock
from ...core.db import database
from ...core.i18n import tr
from ...core.masterdata import Supplier
from . import service
from .demo import bump_counters, insert_rows
from .food_models import (
    CanteenDelivery,
    CanteenDeliveryLine,
    CanteenFoodCount,
    CanteenFoodCountLine,
    CanteenFoodIssue,
    CanteenFoodItem,
    CanteenFoodLot,
    CanteenFoodMovement,
    CanteenSupplierLicence,
)
from .models import CanteenSample

SUPPLIERS = [  # key, name, contact, phone, licence
    ("veg", "城南蔬菜配送中心", "刘经理", "13805510001", "JY13401020034567"),
    ("meat", "鑫源肉类批发部", "何老板", "13805510002", "JY13401020045678"),
    ("grain", "金穗粮油商行", "吴经理", "13805510003", "JY13401020056789"),
    ("egg", "康源蛋禽养殖合作社", "许主任", "13805510004", "JY13401020067890"),
    ("frozen", "蓝海冷冻食品有限公司", "邓经理", "13805510005", "JY13401020078901"),
]
# name, unit, storage, shelf days, supplier, weekdays delivered, quantity range, share per meal (b, l, d)
ITEMS = [
    ("大白菜", "kg", "ambient", 4, "veg", (0, 1, 2, 3, 4), (20, 35), (0, .55, .4)),
    ("土豆", "kg", "ambient", 7, "veg", (0, 2, 4), (30, 45), (0, .3, .25)),
    ("西红柿", "kg", "ambient", 4, "veg", (0, 1, 2, 3, 4), (12, 20), (0, .5, .45)),
    ("青椒", "kg", "ambient", 4, "veg", (0, 1, 2, 3, 4), (8, 14), (0, .5, .45)),
    ("西兰花", "kg", "ambient", 3, "veg", (1, 3), (10, 16), (0, .5, .45)),
    ("猪肉", "kg", "chilled", 2, "meat", (0, 1, 2, 3, 4), (20, 30), (.1, .5, .38)),
    ("鸡肉", "kg", "chilled", 2, "meat", (0, 2, 4), (12, 18), (0, .5, .45)),
    ("鸡蛋", "kg", "ambient", 20, "egg", (0, 2, 4), (40, 55), (.2, .1, .06)),
    ("大米", "kg", "ambient", 365, "grain", (0,), (250, 300), (.02, .12, .07)),
    ("面粉", "kg", "ambient", 180, "grain", (0,), (80, 100), (.1, .02, .06)),
    ("食用油", "L", "ambient", 365, "grain", (0,), (35, 40), (.02, .1, .07)),
    ("冻鸡腿", "kg", "frozen", 180, "frozen", (1,), (25, 30), (0, .12, .08)),
    ("带鱼", "kg", "frozen", 180, "frozen", (1,), (15, 20), (0, .1, .06)),
]
TIMES = {"veg": (6, 30), "meat": (6, 45), "egg": (7, 5), "grain": (9, 30), "frozen": (10, 10)}
MEAL_KEYS = ("breakfast", "lunch", "dinner")
COUNT_REASONS = [("大米", Decimal("-0.5"), "散装称量误差"), ("食用油", Decimal("-1"), "一桶包装破损渗漏"),
                 ("面粉", Decimal("0.5"), "上月出库称量偏多，实物多出")]


# the lines refused now and then (issue 18, c4): item -> (temperature, appearance ok, smell ok, reason)
REFUSED = {
    "猪肉": (Decimal("9.2"), True, True, "到货中心温度9.2℃，超过8℃，整批退回"),
    "大白菜": (None, False, True, "外层叶片腐烂、发黄，约三成不合格，整批退回"),
    "西红柿": (None, False, False, "部分挤压破裂、有酸败味，整批退回"),
    "青椒": (None, False, True, "部分软烂、有霉点，整批退回"),
    "鸡蛋": (None, False, True, "破损蛋较多、蛋壳沾有粪污，整批退回"),
    "冻鸡腿": (Decimal("-8.0"), False, True, "包装破损、表面已解冻（中心温度-8℃），整批退回"),
    "带鱼": (Decimal("-9.5"), False, False, "表面解冻、有异味，整批退回"),
}


def _refusals(days: list[_dt.date], refused_day: _dt.date | None,
              voided_day: _dt.date | None) -> dict[_dt.date, str]:
    """One or two refused lines a month, {day: item}, on days the item is delivered (the planted warm
    chicken counts as one; the day of the voided double entry is left alone). A random stream of its own:
    the rest of the demo stays as it was."""
    import random

    rng = random.Random(len(days) * 7919 + days[0].toordinal())
    by_month: dict[str, list[_dt.date]] = {}
    for d in days:
        if d != voided_day:
            by_month.setdefault(f"{d:%Y-%m}", []).append(d)
    out: dict[_dt.date, str] = {}
    for month, month_days in by_month.items():
        want = rng.choice((1, 2, 2)) - (refused_day is not None and f"{refused_day:%Y-%m}" == month)
        for d in rng.sample([d for d in month_days if d != refused_day], min(max(want, 0), len(month_days) - 1)):
            choices = [spec[0] for spec in ITEMS if spec[0] in REFUSED and d.weekday() in spec[5]]
            if choices:
                out[d] = rng.choice(choices)
    return out


def _q(value: float) -> Decimal:
    return Decimal(str(round(value, 1)))


def populate(ctx) -> None:
    if CanteenDelivery.select().exists():
        return
    rng, today = ctx.rng, ctx.today
    now = clock.now() if clock.today() == today else _dt.datetime.combine(today, _dt.time(15, 0))
    days = sorted({d for (d,) in CanteenSample.select(CanteenSample.day).where(
        CanteenSample.taken_at.is_null(False) & (CanteenSample.voided == False)).distinct().tuples()})  # noqa: E712
    staff = list(service.canteen_staff())
    if not days or len(staff) < 2:
        return
    try:
        from .hygiene import certificates
        certs = {pid: c.expires_on for pid, c in certificates().items()}
    except ImportError:
        certs = {}

    def receivers(day: _dt.date) -> tuple[int, int]:
        fit = [p.id for p in staff if certs.get(p.id) is None or certs[p.id] >= day] if certs else []
        fit = [p for p in fit if certs.get(p) is not None] or [p.id for p in staff]
        if len(fit) < 2:
            fit = [p.id for p in staff]
        return fit[0], fit[1]

    with database.atomic():
        sup = {}
        first_new = audit.max_id(Supplier)
        for key, name, contact, phone, _lic in SUPPLIERS:
            s, _ = Supplier.get_or_create(name=name, defaults={"contact": contact, "phone": phone})
            sup[key] = s
        audit.record_inserted(Supplier, first_new)
    lic_expired = days[len(days) * 2 // 3]  # the frozen supplier's licence ran out two thirds into the term
    lic_reason = "新证已在办理，已收到市场监管局受理回执（复印件附后）"
    before = {m: audit.max_id(m) for m in (CanteenSupplierLicence, CanteenFoodItem, CanteenDelivery,
                                           CanteenDeliveryLine, CanteenFoodLot, CanteenFoodMovement,
                                           CanteenFoodIssue, CanteenFoodCount, CanteenFoodCountLine)}
    ids = {m: before[m] for m in before}

    def new_id(model) -> int:
        ids[model] += 1
        return ids[model]

    licences = []
    for key, _name, _c, _p, lic in SUPPLIERS:
        until = lic_expired - _dt.timedelta(days=1) if key == "frozen" else _dt.date(today.year + 2, 6, 30)
        licences.append({"id": new_id(CanteenSupplierLicence), "supplier": sup[key].id, "licence_no": lic,
                         "valid_until": until, "note": None, "updated_at": now})
    lic_of = {row["supplier"]: row for row in licences}
    items = {}
    item_rows = []
    for name, unit, storage, shelf, *_rest in ITEMS:
        iid = new_id(CanteenFoodItem)
        items[name] = iid
        item_rows.append({"id": iid, "name": name, "unit": unit, "storage": storage, "shelf_days": shelf,
                          "active": True, "created_at": now})
    deliveries, lines, lots, moves, issues, counts, count_lines = [], [], [], [], [], [], []
    shelf: dict[str, list[dict]] = {name: [] for name in items}  # lots on the shelf, in memory
    mwf = [d for d in days if d.weekday() in (0, 2, 4)]  # chicken and eggs come on these days
    refused_day = mwf[len(mwf) // 3] if mwf else None
    voided_day = mwf[len(mwf) // 2] if mwf else None
    refusals = _refusals(days, refused_day, voided_day)
    counters: dict[str, int] = {}
    issue_numbers: dict[str, int] = {}  # the kitchen issues' counters, set at the end in one go

    moved_in: set[tuple[str, int]] = set()

    def move(lot: dict, kind: str, qty: Decimal, on: _dt.date, **refs) -> None:
        lot["remaining"] += qty
        moved_in.add((f"{on:%Y-%m}", lot["item"]))
        moves.append({"id": new_id(CanteenFoodMovement), "lot": lot["id"], "item": lot["item"], "kind": kind,
                      "quantity": qty, "moved_on": on, "delivery": refs.get("delivery"), "issue": refs.get("issue"),
                      "count": refs.get("count"), "note": refs.get("note"),
                      "created_at": refs.get("at") or _dt.datetime.combine(on, _dt.time(17, 30))})

    def take(name: str, qty: Decimal, on: _dt.date, kind: str, **refs) -> Decimal:
        """FEFO from lots not past their use-by date (kind 'count' takes any); returns what was taken."""
        got = Decimal(0)
        for lot in sorted(shelf[name], key=lambda lt: (lt["use_by"] is None, lt["use_by"] or on, lt["id"])):
            if qty - got <= 0:
                break
            if lot["remaining"] <= 0 or (kind != "count" and lot["use_by"] is not None and lot["use_by"] < on):
                continue
            part = min(qty - got, lot["remaining"])
            move(lot, kind, -part, on, **refs)
            got += part
        return got

    def month_end_count(last: _dt.date) -> None:
        month = f"{last:%Y-%m}"
        count_day = last
        cid = new_id(CanteenFoodCount)
        counts.append({"id": cid, "month": month, "number": f"SPPD-{last:%Y%m}", "counted_on": count_day,
                       "counted_by": staff[0].id, "note": None,
                       "created_at": _dt.datetime.combine(count_day, _dt.time(17, 40))})
        wanted = {name: (diff, why) for name, diff, why in COUNT_REASONS[(last.month % 3):(last.month % 3) + 1]}
        for name, iid in items.items():
            book = sum((lt["remaining"] for lt in shelf[name]), Decimal(0))
            moved = (month, iid) in moved_in
            if book == 0 and not moved:
                continue
            diff, why = wanted.get(name, (Decimal(0), None))
            if diff < 0 and book < -diff:
                diff, why = Decimal(0), None
            count_lines.append({"id": new_id(CanteenFoodCountLine), "count": cid, "item": iid, "book_qty": book,
                                "counted_qty": book + diff, "difference": diff, "reason": why})
            if diff < 0:
                take(name, -diff, last, "count", count=cid, note=f"月末盘点 {month}：{why}")
            elif diff > 0:
                lot = max(shelf[name], key=lambda lt: (lt["use_by"] or last, lt["id"]))
                move(lot, "count", diff, last, count=cid, note=f"月末盘点 {month}：{why}")

    day_set = set(days)
    cur = days[0]
    while cur <= today:
        nxt = cur + _dt.timedelta(days=1)
        if cur in day_set:
            by_sup: dict[str, list] = {}
            for spec in ITEMS:
                if cur.weekday() in spec[5]:
                    by_sup.setdefault(spec[4], []).append(spec)
            for key, specs in by_sup.items():
                hh, mm = TIMES[key]
                at = _dt.datetime.combine(cur, _dt.time(hh, mm)) + _dt.timedelta(minutes=rng.randint(0, 20))
                if at > now:
                    continue
                stamp = cur.strftime("%Y%m%d")
                counters[stamp] = counters.get(stamp, 0) + 1
                did = new_id(CanteenDelivery)
                lic = lic_of[sup[key].id]
                r1, r2 = receivers(cur)
                voided = cur == voided_day and key == "egg"
                deliveries.append({
                    "id": did, "number": f"JH-{stamp}-{counters[stamp]:02d}", "day": cur, "delivered_at": at,
                    "supplier": sup[key].id, "supplier_name": sup[key].name, "licence_no": lic["licence_no"],
                    "licence_until": lic["valid_until"],
                    "licence_reason": lic_reason if lic["valid_until"] < cur else None,
                    "receiver1": r1, "receiver2": r2, "note": None, "voided": False, "void_reason": None,
                    "voided_at": None, "created_at": at + _dt.timedelta(minutes=rng.randint(3, 15))})
                invoice = f"{key.upper()}{stamp}{rng.randint(100, 999)}"
                for seq, (name, unit, storage, shelf_days, *_r) in enumerate(specs, start=1):
                    lo, hi = next(s[6] for s in ITEMS if s[0] == name)
                    qty = _q(rng.uniform(lo, hi))
                    produced = cur - _dt.timedelta(days=0 if shelf_days <= 7 else rng.randint(1, shelf_days // 4))
                    use_by = produced + _dt.timedelta(days=shelf_days - 1)
                    temp = None
                    if storage == "chilled":
                        temp = _q(rng.uniform(1.5, 5.5))
                    elif storage == "frozen":
                        temp = _q(rng.uniform(-20, -15))
                    accepted, reason, looks, smells = True, None, True, True
                    if cur == refused_day and name == "鸡肉":
                        temp, accepted, reason = Decimal("10.5"), False, "到货中心温度10.5℃，超过8℃，整批退回"
                    elif refusals.get(cur) == name:  # now and then a line refused (one or two a month)
                        temp, looks, smells, reason = REFUSED[name]
                        accepted = False
                    lid = new_id(CanteenDeliveryLine)
                    lines.append({"id": lid, "delivery": did, "seq": seq, "item": items[name], "item_name": name,
                                  "quantity": qty, "unit": unit, "produced_on": produced, "shelf_days": shelf_days,
                                  "use_by": use_by, "batch": f"{produced:%y%m%d}-{rng.randint(1, 9)}",
                                  "papers": f"检{stamp[2:]}{seq:02d} / 票{invoice}", "storage": storage,
                                  "appearance_ok": looks, "smell_ok": smells, "temperature": temp,
                                  "accepted": accepted,
                                  "refuse_reason": reason})
                    if accepted:
                        lot = {"id": new_id(CanteenFoodLot), "item": items[name], "line": lid, "received_on": cur,
                               "use_by": use_by, "batch": lines[-1]["batch"], "quantity": qty,
                               "remaining": Decimal(0), "created_at": at}
                        lots.append(lot)
                        shelf[name].append(lot)
                        move(lot, "in", qty, cur, delivery=did, at=at, note=sup[key].name)
                if voided:  # entered twice by mistake: the copy is voided the same day
                    did2 = new_id(CanteenDelivery)
                    counters[stamp] += 1
                    copy = dict(deliveries[-1], id=did2, number=f"JH-{stamp}-{counters[stamp]:02d}", voided=True,
                                void_reason="重复录入，同一批货已登记为 " + deliveries[-1]["number"],
                                voided_at=at + _dt.timedelta(minutes=40))
                    deliveries.append(copy)
                    for ln in [ln for ln in lines if ln["delivery"] == did]:
                        lid2 = new_id(CanteenDeliveryLine)
                        lines.append(dict(ln, id=lid2, delivery=did2))
                        lot = {"id": new_id(CanteenFoodLot), "item": ln["item"], "line": lid2, "received_on": cur,
                               "use_by": ln["use_by"], "batch": ln["batch"], "quantity": ln["quantity"],
                               "remaining": Decimal(0), "created_at": at}
                        lots.append(lot)
                        move(lot, "in", ln["quantity"], cur, delivery=did2, at=at)
                        move(lot, "void", -ln["quantity"], cur, delivery=did2, note=copy["void_reason"])
            # issues per meal, first-expiring first
            for m, meal in enumerate(MEAL_KEYS):
                at = _dt.datetime.combine(cur, _dt.time((6, 10, 16)[m], 0))
                if at > now:
                    continue
                stamp = cur.strftime("%Y%m%d")
                iid = new_id(CanteenFoodIssue)
                n_moves = len(moves)
                for name, _u, _s, _sd, _k, weekdays, (lo, hi), shares in ITEMS:
                    if shares[m]:
                        daily = (lo + hi) / 2 * len(weekdays) / 5
                        qty = _q(daily * shares[m] / sum(shares) * rng.uniform(.9, 1.03))
                        after = cur + _dt.timedelta(days=1)
                        days_off = after not in day_set and (after <= today or after.weekday() >= 5)
                        if m == 2 and _sd <= 4 and days_off:
                            # the last meal before days off uses up the fresh food
                            qty = sum((lt["remaining"] for lt in shelf[name]
                                       if lt["use_by"] is None or lt["use_by"] >= cur), Decimal(0))
                        if qty > 0:
                            take(name, qty, cur, "issue", issue=iid, at=at, note=None)
                if len(moves) > n_moves:
                    issues.append({"id": iid, "number": f"CK-{stamp}-{m + 1:02d}", "day": cur, "meal": meal,
                                   "taken_by": staff[m % len(staff)].id, "note": None, "created_at": at})
                    issue_numbers[f"canteen-ck:{stamp}"] = m + 1
                else:
                    ids[CanteenFoodIssue] -= 1
        # what expired yesterday is discarded this morning
        if cur.weekday() < 5 and cur < today:
            for name in items:
                for lot in shelf[name]:
                    if lot["remaining"] > 0 and lot["use_by"] is not None and lot["use_by"] < cur:
                        move(lot, "discard", -lot["remaining"], cur, note="过期报废，已由食堂负责人确认")
        if nxt.day == 1 and cur < today:
            month_end_count(cur)
        cur = nxt

    with database.atomic():
        for model, rows in ((CanteenSupplierLicence, licences), (CanteenFoodItem, item_rows),
                            (CanteenDelivery, deliveries), (CanteenDeliveryLine, lines),
                            (CanteenFoodIssue, issues), (CanteenFoodCount, counts), (CanteenFoodLot, lots),
                            (CanteenFoodMovement, moves), (CanteenFoodCountLine, count_lines)):
            insert_rows(model, rows)
        bump_counters({f"canteen-jh:{stamp}": n for stamp, n in counters.items()} | issue_numbers)
        for model, after_id in before.items():
            audit.record_inserted(model, after_id)
        audit.record("canteen_delivery", None, "demo",
                     note=tr("Demo deliveries and food store created: {n}").format(n=len(deliveries)))
    summary = ctx.data.setdefault("summary", {})
    summary[tr("Canteen deliveries")] = len(deliveries)
    summary[tr("Food store movements")] = len(moves)
