"""Demo data: a term of purchase requests in every state, budgets, the supply store with movements.

Everything goes through the service functions (so the history, the asset
register and the store are what the program would have made), with the clock
set to each step's day.
"""

from __future__ import annotations

import datetime as _dt

from ...core import clock, masterdata
from ...core.i18n import tr
from ...core.masterdata import Category, Department, Person, Supplier
from . import service
from .models import StoreItem

CONSUMABLES = [
    # name, spec, unit, price, min level
    ("A4复印纸", "70g 500张/包", "包", 25, 40), ("签字笔", "0.5mm 黑色", "支", 1.5, 100),
    ("无尘粉笔", "白色 50支/盒", "盒", 3, 60), ("硒鼓", "HP 88A", "个", 380, 4), ("文件夹", "A4 蓝色", "个", 6, 30),
    ("订书钉", "24/6", "盒", 2, 20), ("白板笔", "黑色 可擦", "支", 3, 50), ("英雄墨水", "蓝黑 50ml", "瓶", 8, 10),
    ("电池", "5号 碱性", "节", 2, 40), ("透明胶带", "48mm", "卷", 2, 20), ("垃圾袋", "大号 50只/卷", "卷", 6, 30),
    ("洗手液", "500ml", "瓶", 12, 20), ("档案盒", "A4 5cm", "个", 5, 30), ("抽纸", "3层 100抽", "包", 4, 50),
]
ASSETS = [
    # name, spec, unit, price, category code
    ("台式电脑", "联想启天M437", "台", 4200, "JSJ"), ("笔记本电脑", "ThinkPad E14", "台", 5200, "JSJ"),
    ("投影仪", "爱普生CB-X06", "台", 3200, "BGSB"), ("激光打印机", "HP M1136", "台", 1300, "BGSB"),
    ("交互式一体机", "希沃86英寸", "台", 9800, "BGSB"), ("空调", "格力1.5匹 挂机", "台", 3100, "DQ"),
    ("学生课桌椅", "升降式 单人", "套", 320, "JJ"), ("办公桌", "1.4m 钢木", "张", 850, "JJ"),
    ("文件柜", "铁皮 五节", "个", 680, "JJ"), ("显微镜", "XSP-2CA", "台", 600, "YQ"),
]
PURPOSES = ["办公用品补充", "教室多媒体更新", "期中考试用品", "实验教学器材添置", "新教师办公设备", "会议室设备更新",
            "学生宿舍用品", "卫生保洁用品", "运动会用品", "档案整理用品", "计算机房更新", "班级设施更新"]
# how many requests end in each state
PLAN = [("draft", 3), ("submitted", 3), ("approved", 3), ("rejected", 2), ("quoting", 3), ("ordered", 3),
        ("partly_received", 2), ("received", 2), ("accepted", 5), ("closed", 8), ("cancelled", 2)]
ORDER = ["draft", "submitted", "approved", "quoting", "ordered", "partly_received", "received", "accepted", "closed"]


def _at(day: _dt.date, hour: int = 10) -> None:
    clock.freeze(_dt.datetime.combine(day, _dt.time(hour, 0)))


def populate(ctx) -> None:
    rng = ctx.rng
    saved = clock._now  # restored at the end: the demo moves the clock day by day
    try:
        _populate(ctx, rng)
    finally:
        clock.set_clock(saved)


def _populate(ctx, rng) -> None:
    today = ctx.today
    term = masterdata.current_term(today)
    start = term.start_date if term and term.start_date < today else today - _dt.timedelta(days=120)
    start = max(start, today - _dt.timedelta(days=160))
    span = max(30, (today - start).days)
    departments = [d for d in Department.select().where(Department.kind == "department")]
    suppliers = list(Supplier.select().where(Supplier.active == True))  # noqa: E712
    if not departments or len(suppliers) < 3:
        return
    people = {d.id: list(Person.select().where(Person.department == d)) for d in departments}
    everyone = list(Person.select().where(Person.is_canteen_staff == False).limit(200))  # noqa: E712
    rooms = [p.id for p in masterdata.rooms()]
    cats = {c.code: c.id for c in Category.select()}
    buyer = "陈晓燕"

    # budgets for every year the term touches
    _at(start - _dt.timedelta(days=1))
    budgets: dict[tuple[int, int, str], int] = {}
    for year in sorted({start.year, today.year}):
        for d in departments:
            for name, low, high in (("办公经费", 8, 30), ("设备购置费", 30, 120)):
                if name == "设备购置费" and rng.random() < 0.3:
                    continue
                amount = rng.randint(low, high) * 1000
                line = service.BudgetLine.get_or_none((service.BudgetLine.year == year)
                                                      & (service.BudgetLine.department == d)
                                                      & (service.BudgetLine.name == name))
                if line is None:
                    line = service.save_budget({"year": year, "department": d.id, "name": name, "amount": amount})
                budgets[(year, d.id, name)] = line.id

    # opening stock of the supply store
    for name, spec, unit, price, minimum in CONSUMABLES:
        item = StoreItem.get_or_none((StoreItem.name == name) & (StoreItem.spec == spec))
        if item is None:
            item = service.save_item({"name": name, "spec": spec, "unit": unit, "min_level": minimum})
        service.stock_in(item, rng.randint(minimum // 2, minimum * 3), on=start - _dt.timedelta(days=1),
                         unit_price=price, note=tr("Opening stock"))

    plan = [state for state, n in PLAN for _ in range(n)]
    rng.shuffle(plan)
    made = 0
    for final in plan:
        steps = ORDER.index(final) if final in ORDER else (1 if final == "rejected" else rng.randint(0, 4))
        need_days = 2 + steps * 3
        latest = max(0, span - need_days)
        day = start + _dt.timedelta(days=rng.randint(0, latest))
        dept = rng.choice(departments)
        requester = rng.choice(people.get(dept.id) or everyone)
        is_asset = rng.random() < 0.55
        lines = []
        for _ in range(rng.randint(1, 3)):
            if is_asset and rng.random() < 0.7:
                name, spec, unit, price, code = rng.choice(ASSETS)
                qty = rng.choice((1, 1, 2, 3, 5)) if price > 1000 else rng.choice((10, 20, 30, 50))
                lines.append({"name": name, "model_spec": spec, "quantity": qty, "unit": unit, "est_price": price,
                              "kind": "asset", "category": cats.get(code)})
            else:
                name, spec, unit, price, _m = rng.choice(CONSUMABLES)
                qty = rng.choice((10, 20, 50, 100)) if price < 20 else rng.choice((2, 4, 6))
                lines.append({"name": name, "model_spec": spec, "quantity": qty,
                              "unit": unit, "est_price": price, "kind": "consumable"})
        seen, unique = set(), []
        for ln in lines:
            if ln["name"] not in seen:
                seen.add(ln["name"])
                unique.append(ln)
        total = sum(ln["quantity"] * ln["est_price"] for ln in unique)
        line_name = "设备购置费" if is_asset else "办公经费"
        budget = budgets.get((day.year, dept.id, line_name)) or budgets.get((day.year, dept.id, "办公经费"))
        _at(day, 9)
        req = service.create_request({
            "department": dept.id, "requester": requester.id, "requester_name": requester.name, "request_date": day,
            "purpose": rng.choice(PURPOSES), "in_budget": budget is not None, "budget_line": budget,
            "place": rng.choice(rooms) if rooms else None, "lines": unique})
        made += 1
        d = day
        if final == "draft":
            continue
        if final == "cancelled" and steps == 0:
            service.cancel(req, rng.choice(["部门合并采购", "改为下学期采购", "学校统一配发"]))
            continue
        d += _dt.timedelta(days=1)
        _at(d)
        service.submit(req)
        if final == "submitted":
            continue
        roles = service.required_levels(req.total)
        d += _dt.timedelta(days=1)
        _at(d, 15)
        names = {"Director of general affairs": "李卫东", "Principal": "张建国", "School leadership meeting": "校务会"}
        for i, role in enumerate(roles):
            reject = final == "rejected" and i == len(roles) - 1
            service.record_approval(req, level=role, approver=names.get(role, role), decided_on=d,
                                    decision="rejected" if reject else "approved",
                                    comment="本学期经费紧张，暂缓" if reject else "同意")
        if final in ("rejected", "approved"):
            continue
        if final == "cancelled":
            service.cancel(req, rng.choice(["供应商无货", "需求变更", "改由上级统一采购"]))
            continue
        d += _dt.timedelta(days=2)
        _at(d)
        quotes = []
        if service.needs_quotes(req.total) or final == "quoting":
            for sup in rng.sample(suppliers, 3):
                quotes.append(service.add_quote(req, supplier=sup.id, quoted_on=d,
                                                amount=round(float(req.total) * rng.uniform(0.88, 1.08), 0),
                                                delivery=rng.choice(["3天", "一周", "10个工作日", "现货"])))
        if final == "quoting":
            continue
        d += _dt.timedelta(days=1)
        _at(d)
        if quotes:
            quotes.sort(key=lambda q: q.amount)
            chosen = quotes[0] if rng.random() < 0.75 else quotes[1]
            reason = "" if chosen is quotes[0] else rng.choice(["售后网点在本市，响应快", "质保期更长", "交货期短"])
            service.place_order(req, buyer=buyer, quote=chosen.id, reason=reason, ordered_on=d)
        else:
            service.place_order(req, buyer=buyer, supplier=rng.choice(suppliers).id, ordered_on=d)
        if final == "ordered":
            continue
        lines_ = service.lines_of(req)
        d += _dt.timedelta(days=2)
        _at(d)
        if final == "partly_received":
            service.record_delivery(req, {lines_[0].id: max(1, lines_[0].quantity // 2)}, received_on=d)
            continue
        service.record_delivery(req, {ln.id: ln.quantity for ln in lines_}, received_on=d)
        if final == "received":
            continue
        d += _dt.timedelta(days=1)
        _at(d, 14)
        a1, a2 = rng.sample([p.name for p in everyone if p.name != buyer], 2)
        service.accept(req, acceptors=[a1, a2], accepted_on=d, invoice_no=f"{rng.randint(10000000, 99999999)}")
        if final == "accepted":
            continue
        d += _dt.timedelta(days=2)
        _at(d)
        service.complete(req, tr("Reimbursed"))

    # issues (领用) through the term, never more than is in stock
    items = list(StoreItem.select())
    depts = departments + list(Department.select().where(Department.kind == "class").limit(12))
    for _ in range(max(30, span // 2)):
        day = start + _dt.timedelta(days=rng.randint(0, span))
        if day > today:
            continue
        _at(day, 11)
        picks = [it for it in rng.sample(items, rng.randint(1, 3))]
        lines = []
        for it in picks:
            it = StoreItem.get_by_id(it.id)
            if it.stock <= 0:
                continue
            lines.append((it.id, max(1, min(it.stock, rng.randint(1, max(2, it.min_level // 3))))))
        if not lines:
            continue
        dept = rng.choice(depts)
        person = rng.choice(people.get(dept.id) or everyone)
        try:
            service.issue(lines, recipient_name=person.name, person=person.id, department=dept.id, on=day,
                          purpose=rng.choice(["日常办公", "期中考试", "教研活动", "班级使用", "会议用"]))
        except service.UserError:
            continue

    # a monthly count at the end of each finished month of the term
    month = _dt.date(start.year, start.month, 1)
    while True:
        nxt = _dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        last = nxt - _dt.timedelta(days=1)
        if last >= today:
            break
        key = month.strftime("%Y-%m")
        if service.count_for(key) is None:
            _at(last, 16)
            counted = {}
            for it in StoreItem.select():
                counted[it.id] = it.stock
                if it.stock > 3 and rng.random() < 0.12:
                    counted[it.id] = it.stock + rng.choice((-2, -1, 1))
            service.record_count(key, counted, counted_by=buyer, on=last, note="")
        month = nxt

    summary = ctx.data.setdefault("summary", {})
    summary[tr("Purchase requests")] = made
    summary[tr("Budget lines")] = len(budgets)
    summary[tr("Store items")] = StoreItem.select().count()
    summary[tr("Store movements")] = service.StoreMovement.select().count()
