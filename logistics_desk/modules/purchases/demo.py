"""Demo data: a term of purchase requests in every state, budgets, the supply store with movements.

Everything goes through the service functions (so the history, the asset
register and the store are what the program would have made), with the clock
set to each step's day.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from peewee import fn

from ...core import clock, masterdata
from ...core.db import database
from ...core.errors import UserError
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
    ("荣誉证书", "A4 烫金", "本", 3, 50), ("医用口罩", "一次性 50只/盒", "盒", 25, 10), ("篮球", "7号 比赛用球", "个", 150, 6),
]
ASSETS = [
    # name, spec, unit, price, category code
    ("台式电脑", "联想启天M437", "台", 4200, "JSJ"), ("笔记本电脑", "ThinkPad E14", "台", 5200, "JSJ"),
    ("投影仪", "爱普生CB-X06", "台", 3200, "BGSB"), ("激光打印机", "HP M1136", "台", 1300, "BGSB"),
    ("交互式一体机", "希沃86英寸", "台", 9800, "BGSB"), ("空调", "格力1.5匹 挂机", "台", 3100, "DQ"),
    ("学生课桌椅", "升降式 单人", "套", 320, "JJ"), ("办公桌", "1.4m 钢木", "张", 850, "JJ"),
    ("文件柜", "铁皮 五节", "个", 680, "JJ"), ("显微镜", "XSP-2CA", "台", 600, "YQ"),
    ("书架", "钢制 双面六层", "个", 900, "JJ"), ("留样冷藏柜", "双门 留样专用", "台", 2600, "DQ"),
    ("监控摄像机", "海康 400万像素", "台", 650, "TX"),
]
ITEMS = {row[0]: row for row in CONSUMABLES + ASSETS}
ASSET_NAMES = {row[0] for row in ASSETS}
OFFICE, EQUIPMENT = "办公经费", "设备购置费"
# what each department buys: (departments, purpose, budget line, [(item, quantity choices)])
SCENARIOS = [
    (("信息中心",), "计算机房电脑更新", EQUIPMENT, [("台式电脑", (5, 6, 8))]),
    (("信息中心",), "打印耗材补充", OFFICE, [("硒鼓", (2, 4)), ("A4复印纸", (10, 20))]),
    (("教务处",), "期中考试用品", OFFICE, [("A4复印纸", (20, 30)), ("签字笔", (100, 200)), ("档案盒", (20, 40))]),
    (("教务处", "教科室"), "新教师办公设备", EQUIPMENT, [("笔记本电脑", (1, 2)), ("办公桌", (1, 2))]),
    (("理化生实验室",), "生物实验显微镜添置", EQUIPMENT, [("显微镜", (10, 15))]),
    (("理化生实验室",), "实验室卫生用品", OFFICE, [("洗手液", (10, 20)), ("抽纸", (20, 40))]),
    (("总务处",), "卫生保洁用品", OFFICE, [("垃圾袋", (30, 50)), ("洗手液", (20, 30)), ("抽纸", (50, 100))]),
    (("总务处",), "教室空调更换", EQUIPMENT, [("空调", (4, 6))]),
    (("总务处",), "学生课桌椅更新", EQUIPMENT, [("学生课桌椅", (40, 50))]),
    (("党政办公室", "校长室"), "会议室设备更新", EQUIPMENT, [("交互式一体机", (1,)), ("投影仪", (1,))]),
    (("党政办公室", "校长室", "德育处", "教科室", "保卫科", "教务处"), "办公用品补充", OFFICE,
     [("A4复印纸", (5, 10)), ("签字笔", (20, 50)), ("文件夹", (20, 30)), ("订书钉", (10, 20))]),
    (("党政办公室",), "档案整理用品", OFFICE, [("档案盒", (50, 100)), ("文件夹", (30, 50))]),
    (("德育处",), "学生表彰用品", OFFICE, [("荣誉证书", (100, 200))]),
    (("体育组",), "体育器材补充", OFFICE, [("篮球", (6, 10))]),
    (("校医室",), "医务室用品", OFFICE, [("医用口罩", (10, 20)), ("洗手液", (5, 10))]),
    (("图书馆",), "阅览室书架添置", EQUIPMENT, [("书架", (4, 6))]),
    (("食堂",), "留样冷藏柜添置", EQUIPMENT, [("留样冷藏柜", (1,))]),
    (("保卫科",), "校门监控更新", EQUIPMENT, [("监控摄像机", (4, 6))]),
]
# annual budgets in thousands of yuan: (办公经费, 设备购置费); departments not named get an office budget only
BUDGETS = {"信息中心": (18, 90), "教务处": (30, 40), "总务处": (40, 120), "理化生实验室": (12, 40),
           "党政办公室": (20, 40), "校长室": (12, 30), "教科室": (12, 20), "图书馆": (8, 30), "食堂": (10, 20),
           "保卫科": (8, 20), "德育处": (15, 0), "体育组": (10, 0), "校医室": (8, 0)}
# where the goods go, by department (words in a room's name)
PLACES = {"信息中心": "计算机房", "理化生实验室": "生物实验室", "图书馆": "阅览室", "食堂": "留样间", "党政办公室": "会议室",
          "校长室": "会议室", "体育组": "器材室", "保卫科": "传达室"}
# how many requests end in each state
PLAN = [("draft", 3), ("submitted", 3), ("approved", 3), ("rejected", 2), ("quoting", 3), ("ordered", 3),
        ("partly_received", 2), ("received", 2), ("accepted", 5), ("closed", 8), ("cancelled", 2)]
ORDER = ["draft", "submitted", "approved", "quoting", "ordered", "partly_received", "received", "accepted", "closed"]
QUOTE_HIGH = 1.08  # quotes come in at most this far above the estimate
# who sells what: the suppliers asked for quotes (the first line of a request decides)
STATIONERY = ("得力集团有限公司", "晨光文具股份有限公司", "新华书店教材发行部")
SUPPLIES = ("城区日用百货批发部", "得力集团有限公司", "晨光文具股份有限公司")
COMPUTERS = ("联想（北京）有限公司", "鸿达教学设备有限公司", "希沃教育科技有限公司")
FURNITURE = ("育才课桌椅厂", "鸿达教学设备有限公司", "得力集团有限公司")
APPLIANCES = ("格力空调特约维修站", "海尔智家专卖店", "本地五金建材经营部")
SELLERS = {
    "台式电脑": COMPUTERS, "笔记本电脑": COMPUTERS, "激光打印机": COMPUTERS,
    "投影仪": ("希沃教育科技有限公司", "鸿达教学设备有限公司", "联想（北京）有限公司"),
    "交互式一体机": ("希沃教育科技有限公司", "鸿达教学设备有限公司", "联想（北京）有限公司"),
    "空调": APPLIANCES, "留样冷藏柜": ("海尔智家专卖店", "格力空调特约维修站", "本地五金建材经营部"),
    "学生课桌椅": FURNITURE, "办公桌": FURNITURE, "文件柜": FURNITURE, "书架": FURNITURE,
    "显微镜": ("市教学仪器供应站", "鸿达教学设备有限公司", "希沃教育科技有限公司"),
    "监控摄像机": ("城区安防工程部", "安信消防器材有限公司", "联想（北京）有限公司"),
    "篮球": ("城区体育用品商店", "得力集团有限公司", "城区日用百货批发部"),
    "垃圾袋": SUPPLIES, "洗手液": SUPPLIES, "抽纸": SUPPLIES, "医用口罩": SUPPLIES,
}


CLASS_ITEMS = {"无尘粉笔", "白板笔", "垃圾袋", "抽纸", "透明胶带", "电池"}
TEACHING = {"教务处", "教科室", "理化生实验室", "音乐组", "美术组", "体育组"}
ONLY_FOR = {"篮球": {"体育组"}, "医用口罩": {"校医室", "食堂"}, "荣誉证书": {"德育处", "教务处"},
            "无尘粉笔": TEACHING, "白板笔": TEACHING | {"党政办公室", "校长室"}, "英雄墨水": TEACHING | {"党政办公室"}}


def _fits(item: str, dept) -> bool:
    """Whether a department (or class) would draw this item from the store."""
    if dept.kind == "class":
        return item in CLASS_ITEMS
    return dept.name in ONLY_FOR.get(item, {dept.name})


def _sellers(suppliers: list):
    """A function: item name -> the three suppliers that sell it (the school's own list, the
    few specialist shops the demo needs added to it)."""
    by_name = {s.name: s for s in suppliers}
    for names in dict.fromkeys([*SELLERS.values(), STATIONERY]):  # in a fixed order (a set's follows the hash seed)
        for name in names:
            if name not in by_name:
                by_name[name] = masterdata.save(Supplier, {"name": name})

    def sellers(item: str) -> list:
        return [by_name[n] for n in SELLERS.get(item, STATIONERY)]

    return sellers


def _lowest_from(item_id: int, day: _dt.date) -> int:
    """The lowest stock of an item on ``day`` or any day after (movements in date order)."""
    moves = list(service.StoreMovement.select(service.StoreMovement.quantity, service.StoreMovement.moved_on)
                 .where(service.StoreMovement.item == item_id)
                 .order_by(service.StoreMovement.moved_on, service.StoreMovement.id).tuples())
    stock = sum(q for q, on in moves if on <= day)
    low = stock
    for q, on in moves:
        if on > day:
            stock += q
            low = min(low, stock)
    return low


def _place_for(department: str, purpose: str, rooms) -> int | None:
    """Where the goods go: the department's room, classrooms for classroom furniture and air conditioners."""
    if "教室" in purpose or "课桌椅" in purpose:
        pool = [r for r in rooms if r.parent_id and r.parent.name == "教学楼"]
    else:
        word = PLACES.get(department, department)
        pool = [r for r in rooms if word in r.name]
    return pool[0].id if pool else None


def _at(day: _dt.date, hour: int = 10) -> None:
    clock.freeze(_dt.datetime.combine(day, _dt.time(hour, 0)))


def populate(ctx) -> None:
    rng = ctx.rng
    saved = clock.current_clock()  # restored at the end: the demo moves the clock day by day
    try:
        _populate(ctx, rng)
    finally:
        clock.set_clock(saved)


@dataclass
class _World:
    """What every step of the purchases demo draws from."""

    rng: Any
    today: _dt.date
    start: _dt.date
    span: int
    departments: list
    sellers: Any
    people: dict
    everyone: list
    rooms: list
    cats: dict
    buyer: str = "陈晓燕"


# who signs at each approval level
_SIGNERS = {"Director of general affairs": "李卫东", "Principal": "张建国", "School leadership meeting": "校务会"}


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
    w = _World(
        rng=rng, today=today, start=start, span=span, departments=departments, sellers=_sellers(suppliers),
        people={d.id: list(Person.select().where(Person.department == d)) for d in departments},
        everyone=list(Person.select().where(Person.is_canteen_staff == False).limit(200)),  # noqa: E712
        rooms=list(masterdata.rooms()), cats={c.code: c.id for c in Category.select()})

    by_name = {d.name: d for d in departments}
    scenarios = [sc for sc in SCENARIOS if any(n in by_name for n in sc[0])]
    if not scenarios:
        return
    # the term's work through the services, in one transaction: each service call keeps its own savepoint,
    # the change record reads the key, head and operator once, and the file is committed once (issue 17)
    with database.atomic():
        _at(start - _dt.timedelta(days=1))
        budgets = _budgets(w)
        _opening_stock(w)
        made = _requests(w, budgets, by_name, scenarios)
        _issues(w)
        _monthly_counts(w)

    summary = ctx.data.setdefault("summary", {})
    summary[tr("Purchase requests")] = made
    summary[tr("Budget lines")] = len(budgets)
    summary[tr("Store items")] = StoreItem.select().count()
    summary[tr("Store movements")] = service.StoreMovement.select().count()


def _budgets(w: _World) -> dict[tuple[int, int, str], int]:
    """Budget lines for every year the term touches: (year, department id, line name) → line id."""
    budgets: dict[tuple[int, int, str], int] = {}
    for year in sorted({w.start.year, w.today.year}):
        for d in w.departments:
            office, equipment = BUDGETS.get(d.name, (8, 0))
            for name, thousands in ((OFFICE, office), (EQUIPMENT, equipment)):
                if not thousands:
                    continue
                amount = int(thousands * w.rng.uniform(0.9, 1.1)) * 1000
                line = service.BudgetLine.get_or_none((service.BudgetLine.year == year)
                                                      & (service.BudgetLine.department == d)
                                                      & (service.BudgetLine.name == name))
                if line is None:
                    line = service.save_budget({"year": year, "department": d.id, "name": name, "amount": amount})
                budgets[(year, d.id, name)] = line.id
    return budgets


def _opening_stock(w: _World) -> None:
    """The supply store's items and their stock the day before the term starts."""
    for name, spec, unit, price, minimum in CONSUMABLES:
        item = StoreItem.get_or_none((StoreItem.name == name) & (StoreItem.spec == spec))
        if item is None:
            item = service.save_item({"name": name, "spec": spec, "unit": unit, "min_level": minimum})
        service.stock_in(item, w.rng.randint(minimum // 2, minimum * 3), on=w.start - _dt.timedelta(days=1),
                         unit_price=price, note=tr("Opening stock"))


def _requests(w: _World, budgets: dict, by_name: dict, scenarios: list) -> int:
    """The term's purchase requests, each taken as far as its planned final state; returns how many."""
    plan = [state for state, n in PLAN for _ in range(n)]
    w.rng.shuffle(plan)
    # the demo shows a large purchase (public notice) and a partial delivery whatever the shuffle
    forced = {plan.index("ordered"): "计算机房电脑更新", plan.index("partly_received"): "办公用品补充"}
    used: dict[str, int] = {}
    for n_plan, final in enumerate(plan):
        req, final, steps, over_budget, day = _new_request(w, budgets, by_name, scenarios, final,
                                                           forced.get(n_plan), used)
        _advance(w, req, final, steps, over_budget, day)
    return len(plan)


def _new_request(w: _World, budgets: dict, by_name: dict, scenarios: list, final: str, wanted, used: dict):
    """One request, on a day that leaves room for its steps: (request, final state, steps, over budget, day).

    A request whose budget line cannot carry it is planned as turned down."""
    rng = w.rng
    steps = ORDER.index(final) if final in ORDER else (1 if final == "rejected" else rng.randint(0, 4))
    need_days = 2 + steps * 3
    latest = max(0, w.span - need_days)
    day = w.start + _dt.timedelta(days=rng.randint(0, latest))
    pool = [sc for sc in scenarios if sc[1] == wanted] or scenarios
    # variety: a scenario already used is less likely to come again
    names, purpose, line_name, items = rng.choices(pool, [1 / (1 + used.get(sc[1], 0)) ** 2 for sc in pool])[0]
    used[purpose] = used.get(purpose, 0) + 1
    dept = by_name[rng.choice([n for n in names if n in by_name])]
    budget = budgets.get((day.year, dept.id, line_name))
    requester = rng.choice(w.people.get(dept.id) or w.everyone)
    unique = _request_lines(w, items, biggest=wanted == "计算机房电脑更新")
    over_budget = False
    if budget is not None and final not in ("draft", "cancelled"):
        over_budget = _fit_budget(unique, budget)
        if over_budget and final not in ("submitted",):
            final = "rejected"
            steps = 1
    _at(day, 9)
    req = service.create_request({
        "department": dept.id, "requester": requester.id, "requester_name": requester.name, "request_date": day,
        "purpose": purpose, "in_budget": budget is not None, "budget_line": budget,
        "funding_source": line_name if budget is None else None,
        "place": _place_for(dept.name, purpose, w.rooms), "lines": unique})
    return req, final, steps, over_budget, day


def _request_lines(w: _World, items, *, biggest: bool) -> list[dict]:
    """A scenario's lines with quantities drawn (the largest for the big purchase)."""
    unique = []
    for name, choices in items:
        iname, spec, unit, price, extra = ITEMS[name]
        qty = max(choices) if biggest else w.rng.choice(choices)
        ln = {"name": iname, "model_spec": spec, "quantity": qty, "unit": unit, "est_price": price,
              "kind": "asset" if iname in ASSET_NAMES else "consumable"}
        if ln["kind"] == "asset":
            ln["category"] = w.cats.get(extra)
        unique.append(ln)
    return unique


def _fit_budget(unique: list[dict], budget: int) -> bool:
    """A line is never approved past its budget: fewer items; True when even that is over budget."""
    available = service.budget_state(budget).available
    while sum(ln["quantity"] * ln["est_price"] for ln in unique) * QUOTE_HIGH > available:
        big = max(unique, key=lambda x: x["quantity"] * x["est_price"])
        if big["quantity"] <= 1:
            break
        big["quantity"] = max(1, big["quantity"] // 2)
    return sum(ln["quantity"] * ln["est_price"] for ln in unique) * QUOTE_HIGH > available


def _advance(w: _World, req, final: str, steps: int, over_budget: bool, day: _dt.date) -> None:
    """Submits, signs, quotes, orders, receives and accepts ``req``, stopping at ``final``."""
    rng = w.rng
    d = day
    if final == "draft":
        return
    if final == "cancelled" and steps == 0:
        service.cancel(req, rng.choice(["部门合并采购", "改为下学期采购", "学校统一配发"]))
        return
    d += _dt.timedelta(days=1)
    _at(d)
    try:
        service.submit(req, confirmed=over_budget)  # the clerk was told it is over budget
    except service.OverBudgetNotConfirmed:  # the line's other requests took more than planned: told, confirmed
        over_budget = True
        service.submit(req, confirmed=True)
        if final != "submitted":
            final = "rejected"  # (the first to sign turns it down: approving it would overspend the line)
    if final == "submitted":
        return
    d += _dt.timedelta(days=1)
    _at(d, 15)
    _sign(w, req, final, over_budget, d)
    if final in ("rejected", "approved"):
        return
    if final == "cancelled":
        service.cancel(req, rng.choice(["供应商无货", "需求变更", "改由上级统一采购"]))
        return
    d += _dt.timedelta(days=2)
    _at(d)
    quotes = _quotes(w, req, final, d)
    if final == "quoting":
        return
    d += _dt.timedelta(days=1)
    _at(d)
    _order(w, req, quotes, d)
    if final == "ordered":
        return
    _receive_and_close(w, req, final, d)


def _sign(w: _World, req, final: str, over_budget: bool, d: _dt.date) -> None:
    """Every level the amount needs signs; a request planned as rejected is turned down."""
    roles = service.required_levels(req.total)
    for i, role in enumerate(roles):
        # over budget: the first to sign turns it down (approving it would overspend the line)
        reject = final == "rejected" and (i == len(roles) - 1 or over_budget)
        why = "超出年度预算，暂缓采购" if over_budget else w.rng.choice(["本学期经费紧张，暂缓", "现有设备尚可使用，暂缓"])
        service.record_approval(req, level=role, approver=_SIGNERS.get(role, role), decided_on=d,
                                decision="rejected" if reject else "approved", comment=why if reject else "同意")
        if reject:
            break


def _quotes(w: _World, req, final: str, d: _dt.date) -> list:
    """Quotes from the suppliers who sell the first line's item, when the amount needs them."""
    quotes = []
    if service.needs_quotes(req.total) or final == "quoting":
        for sup in w.sellers(service.lines_of(req)[0].name):
            quotes.append(service.add_quote(req, supplier=sup.id, quoted_on=d,
                                            amount=round(float(req.total) * w.rng.uniform(0.88, 1.08), 0),
                                            delivery=w.rng.choice(["3天", "一周", "10个工作日", "现货"])))
    return quotes


def _order(w: _World, req, quotes: list, d: _dt.date) -> None:
    """The order: to the cheapest quote mostly, else to another with a reason; without quotes to a seller."""
    rng = w.rng
    if quotes:
        quotes.sort(key=lambda q: q.amount)
        chosen = quotes[0] if rng.random() < 0.75 else quotes[1]
        reason = "" if chosen is quotes[0] else rng.choice(["售后网点在本市，响应快", "质保期更长", "交货期短"])
        # a quote above the approved amount: the highest level it needs signs again
        again = ({"approver": _SIGNERS.get(service.reapproval_level(req, chosen.amount), "张建国"), "decided_on": d}
                 if service.reapproval_level(req, chosen.amount) else None)
        service.place_order(req, buyer=w.buyer, quote=chosen.id, reason=reason, ordered_on=d, reapproval=again)
    else:
        service.place_order(req, buyer=w.buyer, supplier=w.sellers(service.lines_of(req)[0].name)[0].id,
                            ordered_on=d)


def _receive_and_close(w: _World, req, final: str, d: _dt.date) -> None:
    """Delivery (partial or whole), acceptance by two people and reimbursement, stopping at ``final``."""
    lines_ = service.lines_of(req)
    d += _dt.timedelta(days=2)
    _at(d)
    if final == "partly_received":
        service.record_delivery(req, {lines_[0].id: max(1, lines_[0].quantity // 2)}, received_on=d)
        return
    service.record_delivery(req, {ln.id: ln.quantity for ln in lines_}, received_on=d)
    if final == "received":
        return
    d += _dt.timedelta(days=1)
    _at(d, 14)
    a1, a2 = w.rng.sample([p.name for p in w.everyone if p.name != w.buyer], 2)
    service.accept(req, acceptors=[a1, a2], accepted_on=d, invoice_no=f"{w.rng.randint(10000000, 99999999)}",
                   principal="张建国", principal_signed_on=d)
    if final == "accepted":
        return
    d += _dt.timedelta(days=2)
    _at(d)
    service.complete(req, tr("Reimbursed"))


def _issues(w: _World) -> None:
    """Issues (领用) through the term, in date order, never more than was in stock that day;
    each recipient draws what it uses (classes chalk and cleaning things, not toner)."""
    rng = w.rng
    items = list(StoreItem.select())
    depts = w.departments + list(Department.select().where(Department.kind == "class").limit(12))
    days = sorted(w.start + _dt.timedelta(days=rng.randint(0, w.span)) for _ in range(max(30, w.span // 2)))
    for day in days:
        if day > w.today:
            continue
        _at(day, 11)
        dept = rng.choice(depts)
        fitting = [it for it in items if _fits(it.name, dept)]
        if not fitting:
            continue
        lines = []
        for it in rng.sample(fitting, min(len(fitting), rng.randint(1, 3))):
            on_hand = (service.StoreMovement.select(fn.SUM(service.StoreMovement.quantity))
                       .where((service.StoreMovement.item == it.id) & (service.StoreMovement.moved_on <= day))
                       .scalar() or 0)
            if on_hand <= 0:
                continue
            lines.append((it.id, max(1, min(on_hand, rng.randint(1, max(2, it.min_level // 3))))))
        if not lines:
            continue
        person = rng.choice(w.people.get(dept.id) or w.everyone)
        purposes = ["班级使用", "卫生保洁"] if dept.kind == "class" else ["日常办公", "期中考试", "教研活动", "会议用"]
        try:
            service.issue(lines, recipient_name=person.name, person=person.id, department=dept.id, on=day,
                          purpose=rng.choice(purposes))
        except UserError:
            continue


def _monthly_counts(w: _World) -> None:
    """A count at the end of each finished month of the term, with a small difference now and then."""
    month = _dt.date(w.start.year, w.start.month, 1)
    while True:
        nxt = _dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        last = nxt - _dt.timedelta(days=1)
        if last >= w.today:
            break
        key = month.strftime("%Y-%m")
        if service.count_for(key) is None:
            _at(last, 16)
            counted = {}
            for it in StoreItem.select():
                counted[it.id] = it.stock
                # a small difference now and then, never one that would make the stock negative on any later day
                if _lowest_from(it.id, last) > 3 and w.rng.random() < 0.12:
                    counted[it.id] = it.stock + w.rng.choice((-2, -1, 1))
            service.record_count(key, {i: q for i, q in counted.items() if StoreItem.get_by_id(i).active},
                                 counted_by=w.buyer, on=last, note="", confirmed=True)
        month = nxt
