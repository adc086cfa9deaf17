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
from ...core.demo import insert_rows
from ...core.i18n import tr
from ...core.masterdata import Supplier
from . import service
from .demo import bump_counters
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


def _receivers_of(staff: list, day: _dt.date, certs: dict) -> tuple[int, int]:
    """The two receivers of a day: staff whose health certificate is valid that day (everyone if too few)."""
    fit = [p.id for p in staff if certs.get(p.id) is None or certs[p.id] >= day] if certs else []
    fit = [p for p in fit if certs.get(p) is not None] or [p.id for p in staff]
    if len(fit) < 2:
        fit = [p.id for p in staff]
    return fit[0], fit[1]


def _certificates() -> dict:
    try:
        from .hygiene import certificates
        return {pid: c.expires_on for pid, c in certificates().items()}
    except ImportError:
        return {}


def _suppliers() -> dict[str, Supplier]:
    with database.atomic():
        sup = {}
        first_new = audit.max_id(Supplier)
        for key, name, contact, phone, _lic in SUPPLIERS:
            s, _ = Supplier.get_or_create(name=name, defaults={"contact": contact, "phone": phone})
            sup[key] = s
        audit.record_inserted(Supplier, first_new)
    return sup


class _Term:
    """The rows of a term of deliveries, issues, discards and counts, built in memory in date order on
    the demo's one random stream, then inserted in one go."""

    MODELS = (CanteenSupplierLicence, CanteenFoodItem, CanteenDelivery, CanteenDeliveryLine, CanteenFoodLot,
              CanteenFoodMovement, CanteenFoodIssue, CanteenFoodCount, CanteenFoodCountLine)
    LICENCE_REASON = "新证已在办理，已收到市场监管局受理回执（复印件附后）"

    def __init__(self, ctx, now: _dt.datetime, days: list[_dt.date], staff: list, sup: dict) -> None:
        self.rng, self.today, self.now, self.days, self.staff, self.sup = ctx.rng, ctx.today, now, days, staff, sup
        self.certs = _certificates()
        self.day_set = set(days)
        self.before = {m: audit.max_id(m) for m in self.MODELS}
        self.ids = dict(self.before)
        self.deliveries, self.lines, self.lots, self.moves = [], [], [], []
        self.issues, self.counts, self.count_lines = [], [], []
        self.counters: dict[str, int] = {}
        self.issue_numbers: dict[str, int] = {}  # the kitchen issues' counters, set at the end in one go
        self.moved_in: set[tuple[str, int]] = set()
        self._licences()
        self._items()
        mwf = [d for d in days if d.weekday() in (0, 2, 4)]  # chicken and eggs come on these days
        self.refused_day = mwf[len(mwf) // 3] if mwf else None
        self.voided_day = mwf[len(mwf) // 2] if mwf else None
        self.refusals = _refusals(days, self.refused_day, self.voided_day)

    def new_id(self, model) -> int:
        self.ids[model] += 1
        return self.ids[model]

    def _licences(self) -> None:
        lic_expired = self.days[len(self.days) * 2 // 3]  # the frozen supplier's ran out two thirds into the term
        self.licences = []
        for key, _name, _c, _p, lic in SUPPLIERS:
            until = lic_expired - _dt.timedelta(days=1) if key == "frozen" else _dt.date(self.today.year + 2, 6, 30)
            self.licences.append({"id": self.new_id(CanteenSupplierLicence), "supplier": self.sup[key].id,
                                  "licence_no": lic, "valid_until": until, "note": None, "updated_at": self.now})
        self.lic_of = {row["supplier"]: row for row in self.licences}

    def _items(self) -> None:
        self.items, self.item_rows = {}, []
        for name, unit, storage, shelf, *_rest in ITEMS:
            iid = self.new_id(CanteenFoodItem)
            self.items[name] = iid
            self.item_rows.append({"id": iid, "name": name, "unit": unit, "storage": storage, "shelf_days": shelf,
                                   "active": True, "created_at": self.now})
        self.shelf: dict[str, list[dict]] = {name: [] for name in self.items}  # lots on the shelf, in memory

    # -- the store's movements -------------------------------------------------------------------
    def move(self, lot: dict, kind: str, qty: Decimal, on: _dt.date, **refs) -> None:
        lot["remaining"] += qty
        self.moved_in.add((f"{on:%Y-%m}", lot["item"]))
        self.moves.append({"id": self.new_id(CanteenFoodMovement), "lot": lot["id"], "item": lot["item"],
                           "kind": kind, "quantity": qty, "moved_on": on, "delivery": refs.get("delivery"),
                           "issue": refs.get("issue"), "count": refs.get("count"), "note": refs.get("note"),
                           "created_at": refs.get("at") or _dt.datetime.combine(on, _dt.time(17, 30))})

    def take(self, name: str, qty: Decimal, on: _dt.date, kind: str, **refs) -> Decimal:
        """FEFO from lots not past their use-by date (kind 'count' takes any); returns what was taken."""
        got = Decimal(0)
        for lot in sorted(self.shelf[name], key=lambda lt: (lt["use_by"] is None, lt["use_by"] or on, lt["id"])):
            if qty - got <= 0:
                break
            if lot["remaining"] <= 0 or (kind != "count" and lot["use_by"] is not None and lot["use_by"] < on):
                continue
            part = min(qty - got, lot["remaining"])
            self.move(lot, kind, -part, on, **refs)
            got += part
        return got

    # -- one day ---------------------------------------------------------------------------------
    def run(self) -> None:
        cur = self.days[0]
        while cur <= self.today:
            nxt = cur + _dt.timedelta(days=1)
            if cur in self.day_set:
                self.deliveries_of(cur)
                self.issues_of(cur)
            if cur.weekday() < 5 and cur < self.today:
                self.discard_expired(cur)
            if nxt.day == 1 and cur < self.today:
                self.month_end_count(cur)
            cur = nxt

    def deliveries_of(self, cur: _dt.date) -> None:
        by_sup: dict[str, list] = {}
        for spec in ITEMS:
            if cur.weekday() in spec[5]:
                by_sup.setdefault(spec[4], []).append(spec)
        for key, specs in by_sup.items():
            hh, mm = TIMES[key]
            at = _dt.datetime.combine(cur, _dt.time(hh, mm)) + _dt.timedelta(minutes=self.rng.randint(0, 20))
            if at > self.now:
                continue
            self.delivery(cur, key, specs, at)

    def delivery(self, cur: _dt.date, key: str, specs: list, at: _dt.datetime) -> None:
        rng, sup = self.rng, self.sup[key]
        stamp = cur.strftime("%Y%m%d")
        self.counters[stamp] = self.counters.get(stamp, 0) + 1
        did = self.new_id(CanteenDelivery)
        lic = self.lic_of[sup.id]
        r1, r2 = _receivers_of(self.staff, cur, self.certs)
        self.deliveries.append({
            "id": did, "number": f"JH-{stamp}-{self.counters[stamp]:02d}", "day": cur, "delivered_at": at,
            "supplier": sup.id, "supplier_name": sup.name, "licence_no": lic["licence_no"],
            "licence_until": lic["valid_until"],
            "licence_reason": self.LICENCE_REASON if lic["valid_until"] < cur else None,
            "receiver1": r1, "receiver2": r2, "note": None, "voided": False, "void_reason": None,
            "voided_at": None, "created_at": at + _dt.timedelta(minutes=rng.randint(3, 15))})
        invoice = f"{key.upper()}{stamp}{rng.randint(100, 999)}"
        for seq, spec in enumerate(specs, start=1):
            self.delivery_line(cur, did, seq, spec, at, stamp, invoice, sup)
        if cur == self.voided_day and key == "egg":
            self.entered_twice(cur, did, stamp, at)

    def delivery_line(self, cur: _dt.date, did: int, seq: int, spec: tuple, at: _dt.datetime, stamp: str,
                      invoice: str, sup: Supplier) -> None:
        rng = self.rng
        name, unit, storage, shelf_days, *_r = spec
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
        if cur == self.refused_day and name == "鸡肉":
            temp, accepted, reason = Decimal("10.5"), False, "到货中心温度10.5℃，超过8℃，整批退回"
        elif self.refusals.get(cur) == name:  # now and then a line refused (one or two a month)
            temp, looks, smells, reason = REFUSED[name]
            accepted = False
        lid = self.new_id(CanteenDeliveryLine)
        self.lines.append({"id": lid, "delivery": did, "seq": seq, "item": self.items[name], "item_name": name,
                           "quantity": qty, "unit": unit, "produced_on": produced, "shelf_days": shelf_days,
                           "use_by": use_by, "batch": f"{produced:%y%m%d}-{rng.randint(1, 9)}",
                           "papers": f"检{stamp[2:]}{seq:02d} / 票{invoice}", "storage": storage,
                           "appearance_ok": looks, "smell_ok": smells, "temperature": temp,
                           "accepted": accepted, "refuse_reason": reason})
        if accepted:
            lot = {"id": self.new_id(CanteenFoodLot), "item": self.items[name], "line": lid, "received_on": cur,
                   "use_by": use_by, "batch": self.lines[-1]["batch"], "quantity": qty,
                   "remaining": Decimal(0), "created_at": at}
            self.lots.append(lot)
            self.shelf[name].append(lot)
            self.move(lot, "in", qty, cur, delivery=did, at=at, note=sup.name)

    def entered_twice(self, cur: _dt.date, did: int, stamp: str, at: _dt.datetime) -> None:
        """Entered twice by mistake: the copy is voided the same day."""
        did2 = self.new_id(CanteenDelivery)
        self.counters[stamp] += 1
        copy = dict(self.deliveries[-1], id=did2, number=f"JH-{stamp}-{self.counters[stamp]:02d}", voided=True,
                    void_reason="重复录入，同一批货已登记为 " + self.deliveries[-1]["number"],
                    voided_at=at + _dt.timedelta(minutes=40))
        self.deliveries.append(copy)
        for ln in [ln for ln in self.lines if ln["delivery"] == did]:
            lid2 = self.new_id(CanteenDeliveryLine)
            self.lines.append(dict(ln, id=lid2, delivery=did2))
            lot = {"id": self.new_id(CanteenFoodLot), "item": ln["item"], "line": lid2, "received_on": cur,
                   "use_by": ln["use_by"], "batch": ln["batch"], "quantity": ln["quantity"],
                   "remaining": Decimal(0), "created_at": at}
            self.lots.append(lot)
            self.move(lot, "in", ln["quantity"], cur, delivery=did2, at=at)
            self.move(lot, "void", -ln["quantity"], cur, delivery=did2, note=copy["void_reason"])

    def issues_of(self, cur: _dt.date) -> None:
        """Issues to the kitchen per meal, first-expiring first."""
        for m, meal in enumerate(MEAL_KEYS):
            at = _dt.datetime.combine(cur, _dt.time((6, 10, 16)[m], 0))
            if at > self.now:
                continue
            stamp = cur.strftime("%Y%m%d")
            iid = self.new_id(CanteenFoodIssue)
            n_moves = len(self.moves)
            for name, _u, _s, _sd, _k, weekdays, (lo, hi), shares in ITEMS:
                if shares[m]:
                    daily = (lo + hi) / 2 * len(weekdays) / 5
                    qty = _q(daily * shares[m] / sum(shares) * self.rng.uniform(.9, 1.03))
                    after = cur + _dt.timedelta(days=1)
                    days_off = after not in self.day_set and (after <= self.today or after.weekday() >= 5)
                    if m == 2 and _sd <= 4 and days_off:
                        # the last meal before days off uses up the fresh food
                        qty = sum((lt["remaining"] for lt in self.shelf[name]
                                   if lt["use_by"] is None or lt["use_by"] >= cur), Decimal(0))
                    if qty > 0:
                        self.take(name, qty, cur, "issue", issue=iid, at=at, note=None)
            if len(self.moves) > n_moves:
                self.issues.append({"id": iid, "number": f"CK-{stamp}-{m + 1:02d}", "day": cur, "meal": meal,
                                    "taken_by": self.staff[m % len(self.staff)].id, "note": None,
                                    "created_at": at})
                self.issue_numbers[f"canteen-ck:{stamp}"] = m + 1
            else:
                self.ids[CanteenFoodIssue] -= 1

    def discard_expired(self, cur: _dt.date) -> None:
        """What expired yesterday is discarded this morning."""
        for name in self.items:
            for lot in self.shelf[name]:
                if lot["remaining"] > 0 and lot["use_by"] is not None and lot["use_by"] < cur:
                    self.move(lot, "discard", -lot["remaining"], cur, note="过期报废，已由食堂负责人确认")

    def month_end_count(self, last: _dt.date) -> None:
        month = f"{last:%Y-%m}"
        cid = self.new_id(CanteenFoodCount)
        self.counts.append({"id": cid, "month": month, "number": f"SPPD-{last:%Y%m}", "counted_on": last,
                            "counted_by": self.staff[0].id, "note": None,
                            "created_at": _dt.datetime.combine(last, _dt.time(17, 40))})
        wanted = {name: (diff, why) for name, diff, why in COUNT_REASONS[(last.month % 3):(last.month % 3) + 1]}
        for name, iid in self.items.items():
            book = sum((lt["remaining"] for lt in self.shelf[name]), Decimal(0))
            if book == 0 and (month, iid) not in self.moved_in:
                continue
            diff, why = wanted.get(name, (Decimal(0), None))
            if diff < 0 and book < -diff:
                diff, why = Decimal(0), None
            self.count_lines.append({"id": self.new_id(CanteenFoodCountLine), "count": cid, "item": iid,
                                     "book_qty": book, "counted_qty": book + diff, "difference": diff,
                                     "reason": why})
            if diff < 0:
                self.take(name, -diff, last, "count", count=cid, note=f"月末盘点 {month}：{why}")
            elif diff > 0:
                lot = max(self.shelf[name], key=lambda lt: (lt["use_by"] or last, lt["id"]))
                self.move(lot, "count", diff, last, count=cid, note=f"月末盘点 {month}：{why}")

    # -- into the database -----------------------------------------------------------------------
    def save(self) -> None:
        with database.atomic():
            for model, rows in ((CanteenSupplierLicence, self.licences), (CanteenFoodItem, self.item_rows),
                                (CanteenDelivery, self.deliveries), (CanteenDeliveryLine, self.lines),
                                (CanteenFoodIssue, self.issues), (CanteenFoodCount, self.counts),
                                (CanteenFoodLot, self.lots), (CanteenFoodMovement, self.moves),
                                (CanteenFoodCountLine, self.count_lines)):
                insert_rows(model, rows)
            bump_counters({f"canteen-jh:{stamp}": n for stamp, n in self.counters.items()} | self.issue_numbers)
            for model, after_id in self.before.items():
                audit.record_inserted(model, after_id)
            audit.record("canteen_delivery", None, "demo",
                         note=tr("Demo deliveries and food store created: {n}").format(n=len(self.deliveries)))


def populate(ctx) -> None:
    if CanteenDelivery.select().exists():
        return
    today = ctx.today
    now = clock.now() if clock.today() == today else _dt.datetime.combine(today, _dt.time(15, 0))
    days = sorted({d for (d,) in CanteenSample.select(CanteenSample.day).where(
        CanteenSample.taken_at.is_null(False) & (CanteenSample.voided == False)).distinct().tuples()})  # noqa: E712
    staff = list(service.canteen_staff())
    if not days or len(staff) < 2:
        return
    term = _Term(ctx, now, days, staff, _suppliers())
    term.run()
    term.save()
    summary = ctx.data.setdefault("summary", {})
    summary[tr("Canteen deliveries")] = len(term.deliveries)
    summary[tr("Food store movements")] = len(term.moves)
