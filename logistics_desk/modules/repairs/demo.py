"""Demo data for the repair log (no Qt): a year of tickets like the seeds'
school (about 4,000), most done on time, some late, a few still open and
overdue; inspection checklists with a year of inspections.

The bulk of the year is inserted in batches (it is history, not user work);
the recent tickets and every ticket on an asset go through the real service
functions, so the assets' histories and statuses are right.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ...core import audit, clock, numbering
from ...core.db import database
from ...core.demo import insert_rows
from ...core.errors import UserError
from ...core.i18n import tr
from ...core.masterdata import Department, Person, Place, Supplier
from . import service as rs
from .models import (
    Inspection,
    InspectionResult,
    RepairCategory,
    RepairPart,
    RepairTicket,
)

# category: (weight, [(description, parts [(name, unit, cost range)], major?[, where])], where)
# ``where`` says which rooms the fault fits (see ``_rooms``): no toilet in a reading room, no
# blackboard in an office, no basketball stand in a classroom.
PROBLEMS = {
    "水电": (30, [("水龙头漏水", [("水龙头", "个", (25, 60))], False, "wet"), ("日光灯不亮", [("LED灯管", "根", (18, 35))], False),
                 ("厕所冲水阀坏了", [("冲水阀", "个", (45, 120))], False, "dorm"),
                 ("插座没电", [("五孔插座", "个", (8, 20))], False),
                 ("下水道堵塞", [], False, "wet"), ("空气开关跳闸", [("空气开关", "个", (30, 80))], False),
                 ("水管爆裂", [("PPR管", "米", (8, 15)), ("管件", "个", (3, 10))], True, "wet"),
                 ("吊扇不转", [("吊扇电容", "个", (10, 25))], False, "classroom"),
                 ("开水器不加热", [("加热管", "根", (80, 160))], True, "dorm"),
                 ("空调不制冷", [("冷媒", "千克", (60, 120))], True, "indoor")],
             "any"),
    "门窗": (20, [("门锁坏了", [("执手锁", "把", (45, 90))], False), ("窗户玻璃破碎", [("玻璃", "平方米", (60, 90))], False),
                 ("门合页脱落", [("合页", "副", (12, 30))], False), ("窗户关不严", [], False),
                 ("纱窗破损", [("纱网", "平方米", (15, 30))], False), ("防盗门变形", [], True, "dorm")], "indoor"),
    "课桌椅": (18, [("课桌桌面松动", [("螺丝", "包", (5, 10))], False), ("椅子腿断裂", [("椅腿", "根", (20, 40))], False),
                   ("升降课桌卡死", [], False), ("抽屉脱落", [], False), ("讲台抽屉锁坏", [("抽屉锁", "把", (10, 20))], False)],
               "classroom"),
    "电教设备": (14, [("投影仪不亮", [("投影灯泡", "个", (280, 450))], False), ("一体机触摸失灵", [], True),
                     ("音箱没有声音", [("音频线", "根", (15, 30))], False),
                     ("电脑无法开机", [("电源", "个", (120, 260))], False, "office"),
                     ("展台画面模糊", [], False)], "classroom"),
    "网络": (6, [("网络不通", [("水晶头", "盒", (20, 40))], False), ("无线信号弱", [], False),
                 ("交换机端口故障", [("交换机", "台", (300, 900))], True)], "office"),
    "房屋建筑": (5, [("屋顶漏雨", [("防水涂料", "桶", (180, 320))], True), ("墙皮脱落", [("腻子粉", "袋", (30, 50))], True),
                     ("楼梯扶手松动", [], False), ("地砖破裂", [("地砖", "块", (15, 35))], False)], "indoor"),
    "其他": (7, [("窗帘轨道脱落", [("窗帘轨道", "米", (12, 25))], False, "indoor"),
                 ("黑板擦槽损坏", [], False, "classroom"),
                 ("篮球架螺丝松动", [], False, "court"), ("垃圾桶损坏", [("垃圾桶", "个", (40, 90))], False)], "any"),
}
# faults that fit an asset, by words in its name: (name words, category, [(fault, parts, major?)]).
# An asset none of these fit (books, balls) gets no repair ticket in the demo.
ASSET_FAULTS = [
    (("计算机", "电脑"), "电教设备", [("无法开机", [("电源", "个", (120, 260))], False), ("蓝屏死机", [], False),
                                   ("硬盘损坏", [("固态硬盘", "块", (200, 380))], False),
                                   ("键盘按键失灵", [("键盘", "个", (40, 90))], False)]),
    (("投影仪",), "电教设备", [("画面发暗", [("投影灯泡", "个", (280, 450))], False), ("不能开机", [], False),
                            ("遥控器失灵", [("遥控器", "个", (30, 60))], False)]),
    (("交互智能平板", "电子白板"), "电教设备", [("触摸失灵", [], True), ("屏幕无显示", [], True),
                                        ("没有声音", [("音频线", "根", (15, 30))], False)]),
    (("打印机", "复印机"), "电教设备", [("卡纸", [], False), ("打印发花", [("硒鼓", "个", (300, 420))], False),
                                   ("不进纸", [("搓纸轮", "个", (30, 60))], False)]),
    (("空调",), "水电", [("不制冷", [("冷媒", "千克", (60, 120))], True), ("室内机漏水", [("排水管", "米", (5, 15))], False),
                       ("遥控器失灵", [("遥控器", "个", (25, 50))], False)]),
    (("吊扇",), "水电", [("不转", [("吊扇电容", "个", (10, 25))], False), ("转动有异响", [], False)]),
    (("饮水机",), "水电", [("不加热", [("加热管", "根", (40, 90))], False), ("出水口漏水", [("水嘴", "个", (10, 25))], False)]),
    (("消毒柜",), "水电", [("不能加热消毒", [("加热管", "根", (40, 90))], False)]),
    (("课桌椅",), "课桌椅", [("桌面松动", [("螺丝", "包", (5, 10))], False), ("椅腿断裂", [("椅腿", "根", (20, 40))], False),
                         ("升降卡死", [], False)]),
    (("办公桌", "讲台"), "课桌椅", [("抽屉锁坏", [("抽屉锁", "把", (10, 20))], False), ("桌腿松动", [], False)]),
    (("办公椅",), "课桌椅", [("升降失灵", [("气杆", "根", (40, 80))], False), ("椅轮脱落", [("椅轮", "个", (5, 12))], False)]),
    (("折叠椅",), "课桌椅", [("折叠处松动", [("螺丝", "包", (5, 10))], False)]),
    (("文件柜",), "课桌椅", [("柜门锁坏", [("柜锁", "把", (15, 30))], False), ("柜门合页脱落", [("合页", "副", (12, 30))], False)]),
    (("书架",), "课桌椅", [("层板松动", [("层板托", "包", (5, 10))], False)]),
    (("铁床",), "课桌椅", [("床板断裂", [("床板", "块", (40, 80))], False), ("护栏松动", [("螺丝", "包", (5, 10))], False)]),
    (("实验台",), "水电", [("水槽龙头漏水", [("水龙头", "个", (25, 60))], False), ("台面插座没电", [("五孔插座", "个", (8, 20))], False)]),
    (("交换机",), "网络", [("端口故障", [], True), ("频繁掉线", [], False)]),
    (("摄像机",), "网络", [("没有图像", [("电源适配器", "个", (30, 60))], False)]),
    (("广播",), "电教设备", [("部分教室没有声音", [("音频线", "根", (15, 30))], False)]),
    (("音箱",), "电教设备", [("没有声音", [], False)]),
    (("显微镜",), "其他", [("调焦失灵", [], False), ("照明灯不亮", [("显微镜灯泡", "个", (10, 25))], False)]),
    (("示波器", "电子天平", "学生电源"), "其他", [("读数不准", [], False), ("无法开机", [("保险管", "个", (2, 5))], False)]),
    (("和面机",), "其他", [("电机有异响", [], True)]),
    (("操作台",), "其他", [("台脚松动", [("螺丝", "包", (5, 10))], False)]),
    (("篮球架",), "其他", [("篮筐松动", [("螺丝", "包", (5, 10))], False)]),
    (("灭火器",), "其他", [("压力不足需充装", [("灭火器充装", "具", (20, 40))], False)]),
]


def asset_fault(name: str):
    """The category and the faults that fit an asset of this name, or None (not repaired)."""
    for words, category, faults in ASSET_FAULTS:
        if any(w in name for w in words):
            return category, faults
    return None


URGENT_PROBLEMS = [("水电", "电线裸露有触电危险", "indoor"), ("水电", "配电箱冒烟", "indoor"),
                   ("房屋建筑", "天花板有掉落危险", "indoor"), ("门窗", "窗户玻璃松动可能坠落", "indoor"),
                   ("水电", "燃气管道有异味", "canteen")]
STUDENTS = "子涵 梓萱 一诺 雨桐 浩然 宇轩 欣怡 俊杰 思远 佳怡 子墨 诗涵 明轩 若曦 晨阳".split()

CHECKLISTS = [
    ("每日校园巡视", "daily", "其他", None, ["校门及围墙", "教学楼走廊照明", "消防通道畅通", "楼梯扶手", "卫生间水电", "校园环境卫生"]),
    ("每周体育器材检查", "weekly", "其他", ("体育馆", ["器材室", "篮球场"]), ["篮球架稳固", "单双杠", "器材完好", "场地地面"]),
    ("每周燃气安全检查", "weekly", "水电", ("食堂", ["操作间"]), ["燃气阀门", "燃气管道", "报警器", "灶具"]),
    ("每月电扇检修", "monthly", "水电", ("教学楼", None), ["吊扇固定", "调速开关", "扇叶"]),
    ("每月门窗检查", "monthly", "门窗", ("宿舍楼", None), ["门锁", "窗户玻璃", "纱窗", "防盗网"]),
]


def _rooms(kind: str, rooms: list[Place], by_building: dict[str, list[Place]]) -> list[Place]:
    """The rooms a fault of this kind fits (any room when the school has none of them)."""
    if kind == "classroom":
        pool = by_building.get("教学楼") or []
    elif kind == "office":
        pool = (by_building.get("行政楼") or []) + (by_building.get("实验楼") or [])
    elif kind == "dorm":
        pool = by_building.get("宿舍楼") or []
    elif kind == "wet":  # taps and drains: dormitories, the canteen kitchen, the laboratories
        pool = (by_building.get("宿舍楼") or []) + [r for r in by_building.get("食堂") or [] if r.name == "操作间"] \
            + [r for r in by_building.get("实验楼") or [] if "实验室" in r.name]
    elif kind == "canteen":
        pool = [r for r in by_building.get("食堂") or [] if r.name == "操作间"]
    elif kind == "court":
        pool = [r for r in by_building.get("体育馆") or [] if "篮球" in r.name]
    elif kind == "indoor":
        pool = [r for r in rooms if "篮球场" not in r.name]
    else:
        pool = rooms
    return pool or rooms


class _Categories(dict):
    """The school's repair categories by name. A name the demo uses that the school renamed or removed (the
    list is the school's own, editable in the settings): 其他, or else the first category."""

    def __missing__(self, name: str) -> RepairCategory:
        return self.get("其他") or next(iter(self.values()))


class _Tickets:
    """A year of tickets: what each one draws from (rooms, people, firms) and how it is drawn."""

    def __init__(self, rng, rooms, by_building, weight_of, cats, workers, firms, classes, teachers, targets):
        self.rng = rng
        self.rooms, self.by_building, self.weight_of = rooms, by_building, weight_of
        self.cats, self.workers, self.firms = cats, workers, firms
        self.classes, self.teachers, self.targets = classes, teachers, targets
        self.cat_names = list(PROBLEMS)
        self.cat_weights = [PROBLEMS[c][0] for c in self.cat_names]

    def when_reported(self, day: _dt.date) -> _dt.datetime:
        return _dt.datetime.combine(day, _dt.time(7, 30)) + _dt.timedelta(minutes=self.rng.randint(0, 600))

    def pick_room(self, kind: str) -> Place:
        pool = _rooms(kind, self.rooms, self.by_building)
        return self.rng.choices(pool, [self.weight_of[p.id] for p in pool])[0]

    def make_values(self, day):
        """A ticket's values as the desk would type them, and the parts its fault needs."""
        rng = self.rng
        urgent = rng.random() < 0.04
        if urgent:
            cat_name, desc, kind = rng.choice(URGENT_PROBLEMS)
            parts, major = [], False
        else:
            cat_name = rng.choices(self.cat_names, self.cat_weights)[0]
            problem = rng.choice(PROBLEMS[cat_name][1])
            desc, parts, major = problem[:3]
            kind = problem[3] if len(problem) > 3 else PROBLEMS[cat_name][2]
        urgency = "urgent" if urgent else ("major" if major or rng.random() < 0.06 else "minor")
        room = self.pick_room(kind)
        if rng.random() < 0.45 and self.classes:
            klass = rng.choice(self.classes)
            reporter = {"reporter_department": klass.id, "reporter_name": rng.choice("王李张刘陈杨赵黄周吴") + rng.choice(STUDENTS)}
        else:
            t = rng.choice(self.teachers)
            reporter = {"reporter": t.id, "reporter_name": t.name, "contact": t.phone}
        return {"reported_at": self.when_reported(day), "category": self.cats[cat_name].id, "place": room.id,
                "description": f"{room.name}{desc}", "urgency": urgency, **reporter}, parts

    def repair_hours(self, urgency: str, late: bool, reported: _dt.datetime) -> float:
        rng = self.rng
        if urgency == "urgent":
            return rng.uniform(2.2, 8) if late else rng.uniform(0.3, 1.9)
        if urgency == "major":
            due_h = (rs.deadline(reported, "major", self.targets) - reported).total_seconds() / 3600
            return rng.uniform(due_h + 2, due_h + 96) if late else rng.uniform(4, due_h - 0.5)
        due_h = (rs.deadline(reported, "minor", self.targets) - reported).total_seconds() / 3600
        return rng.uniform(due_h + 1, due_h + 40) if late else rng.uniform(0.5, min(8, due_h - 0.2))

    def cause_of(self) -> str:
        return self.rng.choices(["wear", "accidental", "deliberate", "unknown"], [80, 10, 4, 6])[0]

    def bulk_ticket(self, day: _dt.date, counters: dict[int, int]) -> tuple[dict, list]:
        """A past ticket as a table row (numbered, cancelled or repaired and accepted) and its parts."""
        rng = self.rng
        values, parts = self.make_values(day)
        reported = values["reported_at"]
        year = reported.year
        counters[year] = counters.get(year, 0) + 1
        number = f"WX-{year}-{counters[year]:04d}"
        due = rs.deadline(reported, values["urgency"], self.targets)
        cancelled = rng.random() < 0.015
        late = rng.random() < (0.08 if values["urgency"] == "urgent" else 0.05)
        use_firm = self.firms and (values["urgency"] == "major" or rng.random() < 0.12)
        assignee = None if use_firm else rng.choice(self.workers).id
        supplier = rng.choice(self.firms).id if use_firm else None
        row = {
            "number": number, "reported_at": reported, "reporter": values.get("reporter"),
            "reporter_department": values.get("reporter_department"), "reporter_name": values["reporter_name"],
            "contact": values.get("contact"), "place": values["place"], "category": values["category"],
            "description": values["description"], "urgency": values["urgency"], "due_at": due,
            "assignee": assignee, "assignee_supplier": supplier, "source": "desk",
            "created_at": reported, "updated_at": reported, "parts_cost": Decimal("0.00"),
            "labour_cost": Decimal("0.00"), "total_cost": Decimal("0.00"), "compensation": Decimal("0.00"),
        }
        if cancelled:
            row.update(status="cancelled", is_open=False, cancelled_at=reported + _dt.timedelta(hours=1),
                       cancel_reason=rng.choice(["重复报修", "误报，设备正常", "已由班级自行处理"]))
            chosen = []
        else:
            chosen = self._repaired(row, values, parts, use_firm, late)
        row["is_open"] = False
        return row, chosen

    def _repaired(self, row: dict, values: dict, parts, use_firm, late: bool) -> list:
        """Fills ``row`` as repaired and accepted (costs, cause, who pays); returns the parts used."""
        rng = self.rng
        reported = row["reported_at"]
        done = reported + _dt.timedelta(hours=self.repair_hours(values["urgency"], late, reported))
        done = done.replace(microsecond=0)
        chosen = []
        for name, unit, (lo, hi) in parts:
            if rng.random() < 0.8:
                qty = Decimal(rng.choice([1, 1, 1, 2, 3]))
                cost = Decimal(rng.randint(lo * 100, hi * 100)) / 100
                chosen.append((name, unit, qty, cost))
        labour = Decimal(rng.choice([80, 120, 150, 200, 300, 450])) if use_firm else Decimal("0.00")
        parts_cost = sum((q * c for _n, _u, q, c in chosen), Decimal("0.00")).quantize(Decimal("0.01"))
        cause = self.cause_of()
        row.update(status="accepted", is_open=False, assigned_at=reported + _dt.timedelta(minutes=20),
                   started_at=reported + _dt.timedelta(minutes=40), done_at=done,
                   work_done=rng.choice(["已修复", "更换配件，已修复", "已维修，试用正常", "已疏通", "已更换"]),
                   parts_cost=parts_cost, labour_cost=labour, total_cost=parts_cost + labour, cause=cause,
                   accepted_at=done + _dt.timedelta(hours=rng.uniform(0.5, 30)),
                   accepted_by=values["reporter_name"], satisfied=rng.random() > 0.03)
        if not row["satisfied"]:
            row["accept_comment"] = rng.choice(["维修不彻底", "等待时间太长", "又出现同样问题"])
        if cause in ("accidental", "deliberate"):
            row["responsible_name"] = rng.choice("王李张刘陈杨赵黄周吴") + rng.choice(STUDENTS)
            row["compensation"] = (parts_cost * (2 if cause == "deliberate" else 1)).quantize(Decimal("0.01"))
            if cause == "deliberate":
                row["discipline_note"] = "班主任已进行批评教育"
        return [(name, unit, qty, cost) for name, unit, qty, cost in chosen]


def populate(ctx) -> None:
    rng = ctx.rng
    today = ctx.today
    now = clock.now()
    saved = clock.current_clock()  # handed back at the end (the real one, or a test's fixed day)
    if RepairTicket.select().exists():
        return
    n_year = int(ctx.data.get("repairs.tickets") or min(4000, max(300, ctx.n_assets * 8)))
    rooms = list(Place.select().where(Place.kind == "room"))
    if not rooms:
        return
    by_building: dict[str, list[Place]] = {}
    for r in rooms:
        by_building.setdefault(r.parent.name if r.parent_id else r.name, []).append(r)
    # some rooms are trouble spots (repeat faults)
    weight_of = {r.id: (6 if rng.random() < 0.05 else 1) for r in rooms}
    cats = _Categories((c.name, c) for c in RepairCategory.select().order_by(RepairCategory.sort_order))
    if not cats:
        return
    office = Department.get_or_none(Department.name == "总务处")
    workers = list(Person.select().where(Person.department == office)) if office else []
    if len(workers) < 3:
        workers = list(Person.select().where(Person.is_canteen_staff == False).limit(4))  # noqa: E712
    firms = list(Supplier.select().where(Supplier.name.in_(["城区水电维修服务部", "格力空调特约维修站",
                                                             "鸿达教学设备有限公司", "本地五金建材经营部"])))
    classes = list(Department.select().where(Department.kind == "class"))
    teachers = list(Person.select().where(Person.is_canteen_staff == False))  # noqa: E712
    if not teachers:
        return
    tk = _Tickets(rng, rooms, by_building, weight_of, cats, workers, firms, classes, teachers,
                  rs.deadline_targets())
    start = today - _dt.timedelta(days=365)
    days = [start + _dt.timedelta(days=i) for i in range(366)]
    day_weights = [(1.0 if d.weekday() < 5 else 0.15) * (0.4 if d.month in (7, 8) else 1.0) for d in days]
    bulk_end = today - _dt.timedelta(days=14)  # after this, through the service
    plan = sorted(rng.choices(days, day_weights, k=n_year))
    _bulk_tickets(tk, [d for d in plan if d < bulk_end])
    try:
        with database.atomic():  # each service call its own savepoint; the change record's reads once (issue 17)
            _recent_tickets(tk, [d for d in plan if d >= bulk_end], now)
        clock.freeze(now)
        _inspections(ctx, rooms, workers, cats, now)
    finally:
        clock.set_clock(saved)  # not the real clock when a test fixed the day: the later steps' entries
    summary = ctx.data.setdefault("summary", {})
    summary[tr("Repair tickets")] = RepairTicket.select().count()
    summary[tr("Inspections recorded")] = Inspection.select().count()


def _bulk_tickets(tk: _Tickets, days: list[_dt.date]) -> None:
    """The year up to two weeks ago, written straight to the tables (thousands of rows) in one transaction."""
    counters: dict[int, int] = {}
    ticket_rows, part_rows = [], []
    place_names = {p.id: p.full_name for p in tk.rooms}
    person_names = {p.id: p.name for p in tk.teachers + tk.workers}
    firm_names = {f.id: f.name for f in tk.firms}
    class_names = {c.id: c.name for c in tk.classes}
    cat_label = {c.id: c.name for c in tk.cats.values()}
    with database.atomic():
        for day in days:
            row, parts = tk.bulk_ticket(day, counters)
            part_rows.append(parts)
            text = [row["number"], row["reporter_name"], row.get("contact"), row["description"],
                    class_names.get(row["reporter_department"]), place_names.get(row["place"]),
                    cat_label.get(row["category"]), person_names.get(row["assignee"]),
                    firm_names.get(row["assignee_supplier"]), row.get("responsible_name")]
            row["search_text"] = " ".join(t for t in text if t).lower()
            ticket_rows.append(row)
        _insert_bulk(ticket_rows, part_rows, counters)


def _insert_bulk(ticket_rows: list[dict], part_rows: list[list], counters: dict[int, int]) -> None:
    """Inserts the tickets and their parts in chunks, moves the numbering on, records the change."""
    fields = sorted({k for r in ticket_rows for k in r})
    full = [{k: r.get(k) for k in fields} for r in ticket_rows]
    before = audit.max_id(RepairTicket)
    insert_rows(RepairTicket, full)
    ids = {t.number: t.id for t in RepairTicket.select(RepairTicket.id, RepairTicket.number)}
    rows = []
    for row, parts in zip(ticket_rows, part_rows, strict=True):
        for k, (name, unit, qty, cost) in enumerate(parts):
            rows.append({"ticket": ids[row["number"]], "name": name, "unit": unit, "quantity": qty,
                         "unit_cost": cost, "amount": (qty * cost).quantize(Decimal("0.01")), "sort_order": k})
    insert_rows(RepairPart, rows)
    for year, n in counters.items():
        numbering.bump_to(f"doc:WX:{year}", n)
    audit.record_inserted(RepairTicket, before)
    audit.record("repair_ticket", None, "demo", note=tr("Demo repair tickets created: {n}").format(
        n=len(ticket_rows)))


def _recent_tickets(tk: _Tickets, days: list[_dt.date], now: _dt.datetime) -> None:
    """The last two weeks, through the service: tickets on assets, open ones, some overdue."""
    from ..assets.api import Asset

    rng = tk.rng
    assets_pool = [a for a in Asset.select().where(Asset.status == "in_use").order_by(Asset.id).limit(400)
                   if asset_fault(a.name) is not None]
    for day in days:
        values, parts = tk.make_values(day)
        if values["reported_at"] > now:
            values["reported_at"] = now - _dt.timedelta(minutes=rng.randint(5, 300))
        if assets_pool and rng.random() < 0.25:
            # a fault that fits the asset, with the parts that fit it
            a = rng.choice(assets_pool)
            cat_name, faults = asset_fault(a.name)
            fault, parts, major = rng.choice(faults)
            values["asset"] = a.id
            if a.place_id:
                values["place"] = a.place_id
            values["category"] = tk.cats[cat_name].id
            values["description"] = a.name + fault
            values["urgency"] = "major" if major else "minor"
        clock.freeze(values["reported_at"])
        try:
            t = rs.create_ticket(values)
            age_h = (now - values["reported_at"]).total_seconds() / 3600
            if rng.random() < (0.5 if age_h < 24 else 0.08):
                _leave_open(tk, t, parts, now)
            else:
                _repair_recent(tk, t, parts, age_h)
        except UserError:
            continue


def _leave_open(tk: _Tickets, t, parts, now: _dt.datetime) -> None:
    """An open ticket: reported only, assigned, started or waiting for a part."""
    rng = tk.rng
    clock.freeze(min(now, t.reported_at + _dt.timedelta(minutes=30)))
    step = rng.random()
    if step > 0.3:
        rs.assign(t, assignee=rng.choice(tk.workers).id)
    if step > 0.6:
        rs.start(t)
    if step > 0.85 and parts:
        rs.wait_for_parts(t, parts[0][0])


def _repair_recent(tk: _Tickets, t, parts, age_h: float) -> None:
    """A recent ticket repaired (with its parts and cause) and mostly accepted."""
    rng = tk.rng
    hours = min(tk.repair_hours(t.urgency, rng.random() < 0.06, t.reported_at), max(0.3, age_h - 0.1))
    clock.freeze(t.reported_at + _dt.timedelta(hours=hours))
    cause = rng.choices(["wear", "unknown", "accidental"], [85, 10, 5])[0]
    extra = {"responsible_name": rng.choice("王李张刘陈杨赵黄周吴") + rng.choice(STUDENTS)} \
        if cause == "accidental" else {}
    chosen = [{"name": n, "unit": u, "quantity": 1, "unit_cost": Decimal(rng.randint(lo, hi))}
              for n, u, (lo, hi) in parts]
    t = rs.complete(t, work_done="已修复", cause=cause, parts=chosen, assignee=rng.choice(tk.workers).id,
                    **extra)
    if rng.random() < 0.7 and hours + 2 < age_h:
        clock.freeze(t.done_at + _dt.timedelta(hours=1))
        rs.accept(t, accepted_by=t.reporter_name or "班长", satisfied=True)


def _inspections(ctx, rooms, workers, cats, now) -> None:
    rng = ctx.rng
    today = ctx.today
    start = today - _dt.timedelta(days=365)
    inspector = workers[0] if workers else None
    lists = _checklists(rooms, inspector, start)
    # a year of inspections (a few missed), the past in bulk; problems found were repaired
    counters, insp_rows, result_rows = _past_inspections(rng, lists, today, inspector)
    _insert_inspections(rng, insp_rows, result_rows, counters)
    _todays_patrol(lists, rooms, inspector, now)


def _checklists(rooms, inspector, start: _dt.date) -> list[tuple]:
    """The checklists with the places each covers: [(checklist, places or [None])]."""
    lists = []
    with database.atomic():
        for name, schedule, cat, where, items in CHECKLISTS:
            places = []
            if where is not None:
                building, room_names = where
                places = [r for r in rooms if r.parent_id and r.parent.name == building
                          and (room_names is None or r.name in room_names)]
                if room_names is None:
                    places = [r.parent for r in places[:1]]
            cl = rs.save_checklist({"name": name, "schedule": schedule, "category": cat, "items": items,
                                    "places": [p.id for p in places], "starts_on": start,
                                    "responsible": inspector.name if inspector else "李师傅"})
            lists.append((cl, places or [None]))
    return lists


def _past_inspections(rng, lists: list[tuple], today: _dt.date, inspector) -> tuple[dict, list, list]:
    """Each checklist's inspections up to yesterday, a few missed, some problems found; returns
    (inspections per year, inspection rows, each one's results)."""
    counters: dict[int, int] = {}
    insp_rows, result_rows = [], []
    for cl, places in lists:
        items = rs.checklist_items(cl)
        day = cl.starts_on
        while day < today:  # up to yesterday; today's patrol is run below
            first, last = rs.period_of(cl.schedule, day)
            for p in places:
                if rng.random() < 0.03:
                    continue  # missed
                when_day = first if cl.schedule == "daily" else first + _dt.timedelta(days=rng.randint(0, min(4, (last - first).days)))
                if when_day >= today:
                    continue
                at = _dt.datetime.combine(when_day, _dt.time(rng.choice([7, 8, 16]), rng.randint(0, 59)))
                counters[at.year] = counters.get(at.year, 0) + 1
                number = f"XJ-{at.year}-{counters[at.year]:04d}"
                found = [(it, rng.random() < 0.015) for it in items]
                insp_rows.append({"number": number, "checklist": cl.id, "place": p.id if p else None,
                                  "inspected_at": at, "inspector": inspector.id if inspector else None,
                                  "inspector_name": inspector.name if inspector else "李师傅",
                                  "items_checked": len(items), "problems": sum(1 for _, bad in found if bad),
                                  "created_at": at})
                result_rows.append([(it, bad) for it, bad in found])
            day = last + _dt.timedelta(days=1)
    return counters, insp_rows, result_rows


def _insert_inspections(rng, insp_rows: list, result_rows: list, counters: dict) -> None:
    """Inserts the inspections and their results in chunks, moves the numbering on, records the change."""
    with database.atomic():
        before = audit.max_id(Inspection)
        insert_rows(Inspection, insp_rows)
        ids = {r.number: r.id for r in Inspection.select(Inspection.id, Inspection.number)}
        rows = []
        for insp, results in zip(insp_rows, result_rows, strict=True):
            for k, (it, bad) in enumerate(results):
                rows.append({"inspection": ids[insp["number"]], "item": it.id, "item_text": it.text, "ok": not bad,
                             "note": rng.choice(["松动", "损坏", "有异响", "不亮", "需更换"]) if bad else None,
                             "sort_order": k})
        insert_rows(InspectionResult, rows)
        for year, n in counters.items():
            numbering.bump_to(f"doc:XJ:{year}", n)
        audit.record_inserted(Inspection, before)
        audit.record("inspection", None, "demo", note=tr("Demo inspections created: {n}").format(n=len(insp_rows)))

def _todays_patrol(lists: list[tuple], rooms, inspector, now: _dt.datetime) -> None:
    """Today's patrol found something: a ticket opened through the service."""
    daily = next((cl for cl, _p in lists if cl.schedule == "daily"), None)
    if daily is not None:
        items = rs.checklist_items(daily)
        clock.freeze(now - _dt.timedelta(minutes=90) if now.hour >= 9 else now)
        # a whole-school patrol: the problem says where it was found
        stairs = next((r.parent for r in rooms if r.parent_id and r.parent.name == "教学楼"), rooms[0])
        rs.run_inspection(daily, [{"item": it.id, "ok": k != 3, "note": "" if k != 3 else "三楼东侧扶手松动",
                                   "place": stairs.id if k == 3 else None}
                                  for k, it in enumerate(items)], inspector=inspector,
                          inspector_name=inspector.name if inspector else "李师傅")
