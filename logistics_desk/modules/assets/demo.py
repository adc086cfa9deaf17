"""Demo assets: ``python main.py demo --assets N`` (no Qt).

Realistic items of a Chinese middle school spread over its buildings, rooms,
departments, classes and custodians, acquired over ten years at plausible
prices; batch lines (50 sets of desks, 30 microscopes, 800 books); then a few
hundred histories through the real service functions (transfers, loans with
some overdue, damage with compensation, write-offs).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ...core.db import database
from ...core.errors import UserError
from ...core.i18n import tr
from ...core.masterdata import Category, Department, Person, Place, Supplier
from . import service
from .models import Asset

# (name, category code, models, brand, unit, price range, quantity range, where, suppliers, weight)
# where: classroom | office | lab | computer_room | library | sports | canteen | dorm | music | any
CATALOG = [
    ("台式计算机", "JSJ", ["启天M435", "启天M455", "扬天M4000q"], "联想", "台", (3800, 5600), (1, 1), "office", ["联想（北京）有限公司"], 10),
    ("学生计算机", "JSJ", ["启天M430", "启天M437"], "联想", "台", (3500, 4800), (1, 1), "computer_room", ["联想（北京）有限公司"], 12),
    ("笔记本电脑", "JSJ", ["ThinkPad E14", "昭阳K4e", "MateBook D14"], "联想", "台", (4500, 7200), (1, 1), "office", ["联想（北京）有限公司"], 4),
    ("服务器", "JSJ", ["ThinkSystem SR588", "PowerEdge R740"], "联想", "台", (18000, 36000), (1, 1), "server", ["联想（北京）有限公司"], 0.3),
    ("激光打印机", "BGSB", ["LaserJet Pro M404dn", "M1136", "P1106"], "惠普", "台", (1200, 2800), (1, 1), "office", ["得力集团有限公司"], 5),
    ("复印机", "BGSB", ["MP 2014AD", "MP 3555SP"], "理光", "台", (9800, 25000), (1, 1), "office", ["得力集团有限公司"], 1),
    ("投影仪", "BGSB", ["CB-X06", "CB-X50", "NP-CD1100X"], "爱普生", "台", (2800, 4500), (1, 1), "classroom", ["鸿达教学设备有限公司"], 6),
    ("希沃交互智能平板", "ZY", ["86英寸 MC86FEA", "75英寸 BG75EB", "86英寸 C86EB"], "希沃", "台", (12000, 19800), (1, 1), "classroom", ["希沃教育科技有限公司"], 8),
    ("电子白板", "ZY", ["IQBoard 82寸"], "中天", "块", (4800, 7600), (1, 1), "classroom", ["鸿达教学设备有限公司"], 2),
    ("挂式空调", "DQ", ["KFR-35GW 1.5匹", "KFR-26GW 大1匹"], "格力", "台", (2600, 3600), (1, 1), "office", ["格力空调特约维修站", "海尔智家专卖店"], 6),
    ("柜式空调", "DQ", ["KFR-72LW 3匹", "KFR-120LW 5匹"], "格力", "台", (6200, 12800), (1, 1), "classroom", ["格力空调特约维修站", "海尔智家专卖店"], 6),
    ("吊扇", "DQ", ["FC-140 56寸"], "美的", "台", (180, 320), (2, 6), "classroom", ["城区水电维修服务部"], 4),
    ("饮水机", "DQ", ["立式温热 YR-5", "步进式开水器 6kW"], "美的", "台", (600, 3800), (1, 1), "any", ["海尔智家专卖店"], 3),
    ("监控摄像机", "TX", ["DS-2CD3T46", "DH-IPC-HFW"], "海康威视", "台", (380, 1200), (2, 8), "any", ["安信消防器材有限公司"], 3),
    ("网络交换机", "TX", ["S5130-28S", "S1730S-L24T"], "华三", "台", (1500, 6800), (1, 1), "server", ["联想（北京）有限公司"], 1),
    ("校园广播系统", "TX", ["IP网络广播 T-6700"], "ITC", "套", (18000, 42000), (1, 1), "admin", ["鸿达教学设备有限公司"], 0.2),
    ("录播系统", "ZY", ["常态化录播 RS-3000"], "奥威亚", "套", (68000, 120000), (1, 1), "recording", ["鸿达教学设备有限公司"], 0.1),
    ("学生课桌椅", "JJ", ["单人升降 KZY-01", "双层钢木 KZY-02"], "", "套", (160, 320), (40, 55), "classroom", ["育才课桌椅厂"], 8),
    ("讲台", "JJ", ["钢木讲台 JT-12"], "", "张", (800, 1500), (1, 1), "classroom", ["育才课桌椅厂"], 3),
    ("办公桌", "JJ", ["1400×700", "1200×600", "1600×800 班台"], "", "张", (650, 2200), (1, 4), "office", ["育才课桌椅厂"], 6),
    ("办公椅", "JJ", ["网布转椅", "皮面班椅"], "", "把", (220, 680), (1, 6), "office", ["育才课桌椅厂"], 5),
    ("文件柜", "JJ", ["钢制五节柜", "钢制对开门柜"], "", "个", (900, 1300), (1, 4), "office", ["育才课桌椅厂"], 4),
    ("书架", "JJ", ["双面钢制书架 2000×900"], "", "个", (680, 1100), (5, 20), "library", ["育才课桌椅厂"], 2),
    ("实验台", "JJ", ["全钢中央台 3000×1500", "边台 PP板"], "", "张", (2200, 4800), (6, 12), "lab", ["鸿达教学设备有限公司"], 2),
    ("上下铺铁床", "JJ", ["0.9m 双层 GC-09"], "", "张", (480, 780), (4, 8), "dorm", ["育才课桌椅厂"], 4),
    ("显微镜", "ZY", ["XSP-2CA 1600倍", "XSP-06 640倍"], "凤凰", "台", (1800, 3200), (20, 50), "lab", ["鸿达教学设备有限公司"], 2),
    ("电子天平", "YQ", ["JA2003 0.001g", "YP1002"], "舜宇恒平", "台", (800, 2600), (4, 12), "lab", ["鸿达教学设备有限公司"], 2),
    ("数字示波器", "YQ", ["DS1102E", "TBS1052C"], "普源", "台", (2500, 6200), (2, 8), "lab", ["鸿达教学设备有限公司"], 1),
    ("学生电源", "YQ", ["J1202 2A"], "", "台", (260, 420), (20, 30), "lab", ["鸿达教学设备有限公司"], 1),
    ("钢琴", "ZY", ["立式 UP118", "立式 AEP-121"], "珠江", "台", (15000, 28000), (1, 1), "music", ["鸿达教学设备有限公司"], 0.5),
    ("电子琴", "ZY", ["PSR-E373"], "雅马哈", "台", (1500, 2400), (10, 30), "music", ["鸿达教学设备有限公司"], 0.5),
    ("篮球架", "ZY", ["液压移动篮球架 LQJ-01"], "", "副", (6800, 14800), (1, 2), "sports", ["鸿达教学设备有限公司"], 0.4),
    ("乒乓球台", "ZY", ["标准室内 SMC-318"], "红双喜", "张", (1500, 3200), (2, 8), "sports", ["鸿达教学设备有限公司"], 0.6),
    ("跑步机", "ZY", ["商用 T7"], "舒华", "台", (8800, 16800), (1, 2), "sports", ["鸿达教学设备有限公司"], 0.3),
    ("篮球", "YJ", ["7号 比赛用球"], "斯伯丁", "个", (120, 260), (20, 50), "sports", ["晨光文具股份有限公司"], 1),
    ("图书（教辅）", "TS", ["初中各科教辅", "课外读物"], "", "册", (18, 60), (100, 800), "library", ["新华书店教材发行部"], 5),
    ("图书（文学）", "TS", ["中国现当代文学", "外国文学名著"], "", "册", (25, 68), (50, 500), "library", ["新华书店教材发行部"], 3),
    ("消毒柜", "DQ", ["RTP700-1 双门", "ZTP380H"], "康宝", "台", (3200, 8600), (1, 2), "canteen", ["海尔智家专卖店"], 0.6),
    ("留样冰箱", "DQ", ["BC-93KT 专用留样柜", "BCD-170"], "海尔", "台", (1800, 4500), (1, 1), "canteen", ["海尔智家专卖店"], 0.3),
    ("蒸饭柜", "JX", ["燃气 24盘", "电热 12盘"], "", "台", (5800, 12800), (1, 2), "canteen", ["本地五金建材经营部"], 0.4),
    ("和面机", "JX", ["HWT-25 25kg"], "", "台", (3600, 6800), (1, 1), "canteen", ["本地五金建材经营部"], 0.2),
    ("不锈钢操作台", "YJ", ["1800×800 双层"], "", "张", (1200, 2800), (2, 6), "canteen", ["本地五金建材经营部"], 0.5),
    ("灭火器", "YJ", ["MFZ/ABC4 4kg干粉"], "", "具", (85, 160), (10, 40), "any", ["安信消防器材有限公司"], 2),
    ("校车", "CL", ["宇通 ZK6809DX 41座"], "宇通", "辆", (280000, 420000), (1, 1), "garage", ["本地五金建材经营部"], 0.02),
]

LENDABLE = ["笔记本电脑", "投影仪", "电子琴", "篮球", "数字示波器", "电子天平", "激光打印机", "学生电源", "显微镜"]
FUNDING = ["公用经费", "义务教育薄弱环节改善资金", "专项资金", "生均公用经费", "上级拨款", "自筹资金"]

BUILDING_FOR = {
    "classroom": ("教学楼",), "office": ("行政楼",), "lab": ("实验楼",), "computer_room": ("实验楼",),
    "library": ("图书馆",), "sports": ("体育馆",), "canteen": ("食堂",), "dorm": ("宿舍楼",), "music": ("实验楼",),
    "server": ("行政楼",), "admin": ("行政楼",), "recording": ("实验楼",), "garage": ("行政楼",),
    "any": ("教学楼", "行政楼", "实验楼", "图书馆", "体育馆", "食堂", "宿舍楼"),
}
ROOM_HINT = {
    "computer_room": "计算机房", "music": "音乐", "server": "信息中心", "admin": "传达室", "recording": "录播",
    "garage": "传达室", "lab": "实验室",
}
DEPT_FOR_BUILDING = {
    "行政楼": None, "实验楼": "理化生实验室", "图书馆": "图书馆", "体育馆": "体育组", "食堂": "食堂", "宿舍楼": "德育处",
}
OFFICE_ROOMS = {"102总务处": "总务处", "103财务室": "党政办公室", "201校长室": "校长室", "202党政办": "党政办公室",
                "203教务处": "教务处", "204德育处": "德育处", "303教科室": "教科室", "304信息中心": "信息中心",
                "101传达室": "保卫科", "301会议室": "党政办公室", "302档案室": "党政办公室"}


def _weighted(rng, items, weights, k):
    return rng.choices(items, weights=weights, k=k)


class _Where:
    """Where an asset stands and who looks after it: the rooms by building, the departments and their
    staff, each class with its home room and its head."""

    def __init__(self, rng, departments: dict, people: list, canteen_staff: list, by_dept: dict,
                 rooms_by_building: dict, classes: list, home_room: dict, class_head: dict):
        self.rng, self.departments, self.people, self.canteen_staff = rng, departments, people, canteen_staff
        self.by_dept, self.rooms_by_building, self.classes = by_dept, rooms_by_building, classes
        self.home_room, self.class_head = home_room, class_head
        self._buildings: dict[str, list[str]] = {}
        self._rooms: dict[tuple[str, str], list[Place]] = {}

    def place_for(self, where: str):
        buildings = self._buildings.get(where)
        if buildings is None:  # the lists of each kind of place worked out once, not for each of 50,000 assets
            buildings = self._buildings[where] = [b for b in BUILDING_FOR.get(where, BUILDING_FOR["any"])
                                                  if b in self.rooms_by_building] or list(self.rooms_by_building)
        building = self.rng.choice(buildings)
        rooms = self._rooms.get((where, building))
        if rooms is None:
            rooms = self.rooms_by_building[building]
            hint = ROOM_HINT.get(where)
            if hint:
                rooms = [r for r in rooms if hint in r.name] or rooms
            self._rooms[(where, building)] = rooms
        return building, self.rng.choice(rooms)

    def owner_for(self, where: str, building: str, room: Place):
        if where == "classroom" and self.classes:
            cls = self.rng.choice(self.classes)
            return self.home_room.get(cls.id, room), cls, self.class_head[cls.id]
        if where == "canteen" and self.canteen_staff:
            return room, self.departments.get("食堂"), self.rng.choice(self.canteen_staff)
        if building == "行政楼":
            name = OFFICE_ROOMS.get(room.name)
            dept = self.departments.get(name) if name else self.departments.get("总务处")
        elif building == "教学楼" and self.classes:
            cls = self.rng.choice(self.classes)
            return self.home_room.get(cls.id, room), cls, self.class_head[cls.id]
        else:
            dept = self.departments.get(DEPT_FOR_BUILDING.get(building) or "总务处")
        staff = self.by_dept.get(dept.id) if dept else None
        return room, dept, self.rng.choice(staff or self.people)


def populate(ctx) -> None:
    rng = ctx.rng
    n = int(ctx.n_assets or 0)
    summary = ctx.data.setdefault("summary", {})
    if n <= 0:
        return
    today = ctx.today
    categories = {c.code: c.id for c in Category.select()}
    suppliers = {s.name: s.id for s in Supplier.select()}
    departments = {d.name: d for d in Department.select()}
    classes = [d for d in departments.values() if d.kind == "class"]
    people = list(Person.select().where(Person.is_canteen_staff == False))  # noqa: E712
    canteen_staff = list(Person.select().where(Person.is_canteen_staff == True))  # noqa: E712
    by_dept: dict[int, list[Person]] = {}
    for p in people:
        if p.department_id:
            by_dept.setdefault(p.department_id, []).append(p)
    rooms_by_building: dict[str, list[Place]] = {}
    for room in Place.select().where(Place.kind == "room"):
        building = room.full_name.split(" ", 1)[0]
        rooms_by_building.setdefault(building, []).append(room)
    if not rooms_by_building or not people:
        return
    class_rooms = rooms_by_building.get("教学楼", [])
    # each class has its home room in the teaching building; a class head looks after it
    home_room = {c.id: class_rooms[i % len(class_rooms)] for i, c in enumerate(classes)} if class_rooms else {}
    class_head = {c.id: rng.choice(people) for c in classes}
    where_ = _Where(rng, departments, people, canteen_staff, by_dept, rooms_by_building, classes, home_room,
                    class_head)
    weights = [item[-1] for item in CATALOG]
    picks = _weighted(rng, CATALOG, weights, n)
    start = today.replace(year=today.year - 10)
    span = (today - start).days
    rows = []
    for item in picks:
        if item[1] in categories:
            rows.append(_asset_row(rng, item, where_, categories, suppliers, today, start, span))
    rows.sort(key=lambda r: r["acquired_on"])  # numbered in the order they were bought
    # low value or not, as service.is_low_value decides it, asked a few times per category (bisection
    # over the prices) instead of once per distinct price: it reads the settings each time
    from .excel import _mark_low_value

    _mark_low_value(rows)

    progress = ctx.progress
    ids = service.register_many(rows, event_kind="register", progress=progress, batch=2000)
    summary[tr("Assets")] = len(ids)
    ctx.data["assets"] = {"ids_sample": ids[:500], "count": len(ids)}
    _histories(ctx, ids, people)


def _asset_row(rng, item, where_: _Where, categories: dict, suppliers: dict, today: _dt.date, start: _dt.date,
               span: int) -> dict:
    """One catalogue item as a register row: acquired mostly at a term's start, placed, held, priced."""
    name, code, models, brand, unit, (lo, hi), (qlo, qhi), where, sups, _w = item
    acquired = start + _dt.timedelta(days=rng.randint(0, span))
    # most purchases land at the start of a term
    if rng.random() < 0.6:
        month = rng.choice((3, 8, 9))
        acquired = _dt.date(acquired.year, month, rng.randint(1, 28))
        if acquired > today:
            acquired = today - _dt.timedelta(days=rng.randint(0, 60))
    price = Decimal(rng.randint(lo, hi))
    price = (price / 10).quantize(Decimal(1)) * 10 if price >= 100 else price
    building, room = where_.place_for(where)
    room, dept, custodian = where_.owner_for(where, building, room)
    age_years = (today - acquired).days / 365
    status = "in_use"
    r = rng.random()
    if r < 0.05:
        status = "idle"
    elif r < 0.065:
        status = "repair"
    warranty = None
    if code in ("JSJ", "BGSB", "DQ", "ZY", "TX", "YQ") and rng.random() < 0.8:
        warranty = acquired.replace(year=acquired.year + rng.choice((1, 2, 3))) if not (
            acquired.month == 2 and acquired.day == 29) else acquired + _dt.timedelta(days=365 * 3)
    serial = None
    if code in ("JSJ", "BGSB", "TX") and brand:
        serial = f"{brand_code(brand)}{rng.randint(10**7, 10**8 - 1)}"
    return {
        "name": name, "category": categories[code], "model_spec": rng.choice(models), "brand": brand or None,
        "unit": unit, "quantity": rng.randint(qlo, qhi), "unit_price": price, "acquired_on": acquired,
        "source": "donation" if rng.random() < 0.02 else "transfer_in" if rng.random() < 0.02 else "purchase",
        "supplier": suppliers.get(rng.choice(sups)), "invoice_no": f"{rng.randint(10**7, 10**8 - 1)}"
        if rng.random() < 0.7 else None, "funding_source": rng.choice(FUNDING),
        "place": room.id, "department": dept.id if dept else None, "custodian": custodian.id,
        "status": status, "warranty_end": warranty, "serial_no": serial,
        "note": "旧楼搬迁转入" if age_years > 9 and rng.random() < 0.05 else None,
    }


def brand_code(brand: str) -> str:
    return {"联想": "LX", "惠普": "HP", "理光": "RC", "爱普生": "EP", "海康威视": "HK", "华三": "H3C"}.get(brand, "SN")


def _histories(ctx, ids: list[int], people: list[Person]) -> None:
    """Transfers, loans (some overdue), damage and write-offs through the service functions."""
    rng = ctx.rng
    today = ctx.today
    summary = ctx.data.setdefault("summary", {})
    # about 4 x k histories (a few hundred at most): they grow with the register up to 5,000 assets and stay
    # there, each a handful of service calls with their change-record entries (the demo at 50,000 assets
    # stays under 20 s; it was 300, ~1,100 histories, a third of the demo's time)
    k = max(3, min(len(ids) // 50, 100))
    rooms = list(Place.select().where(Place.kind == "room"))
    candidates = rng.sample(ids, min(len(ids), k * 4))
    # what a school lends out: portable things, not desks and beds
    lendable = [a for (a,) in Asset.select(Asset.id).where(Asset.name.in_(LENDABLE)).tuples()]
    loan_pool = rng.sample(lendable, min(len(lendable), k))
    counts = dict.fromkeys(("transfers", "loans", "overdue", "damages", "writeoffs"), 0)
    # the candidates in a few queries instead of one each (the services read each again before changing it;
    # an asset changed earlier in this loop, as a loan, is read afresh)
    touched: set[int] = set()
    prefetched: dict[int, Asset] = {}
    for start in range(0, len(candidates), 500):
        prefetched.update((a.id, a) for a in Asset.select().where(Asset.id.in_(candidates[start:start + 500])))
    with database.atomic():
        for i, aid in enumerate(candidates):
            asset = Asset.get_by_id(aid) if aid in touched else prefetched[aid]
            touched.add(aid)
            if asset.status not in ("in_use", "idle"):
                continue
            kind = i % 4
            if kind == 1:
                if not loan_pool:
                    continue
                asset = Asset.get_by_id(loan_pool.pop())
                touched.add(asset.id)
                if asset.status not in ("in_use", "idle"):
                    continue
            age = (today - asset.acquired_on).days
            if age < 30:
                continue
            when = asset.acquired_on + _dt.timedelta(days=rng.randint(15, age))
            try:
                _history(rng, kind, asset, age, when, today, rooms, people, counts)
            except UserError:  # a demo history that does not fit this asset is skipped
                continue
    summary[tr("Transfers")] = counts["transfers"]
    summary[tr("Loans (of them overdue)")] = f"{counts['loans']} ({counts['overdue']})"
    summary[tr("Damage reports")] = counts["damages"]
    summary[tr("Write-offs")] = counts["writeoffs"]


def _history(rng, kind: int, asset: Asset, age: int, when: _dt.date, today: _dt.date, rooms: list,
             people: list, counts: dict) -> None:
    """One history of the four kinds in turn: a transfer, a loan, a damage report, a write-off (of an asset
    three years old or more)."""
    if kind == 0:
        service.transfer(asset, place=rng.choice(rooms).id, custodian=rng.choice(people).id, on=when,
                         reason=rng.choice(["教室调整", "部门搬迁", "工作需要", "新学期班级调整", "人员变动"]))
        counts["transfers"] += 1
    elif kind == 1:
        _loan(rng, asset, today, people, counts)
    elif kind == 2:
        cause = rng.choice(["natural", "natural", "accidental", "deliberate"])
        who = "" if cause == "natural" else rng.choice(people).name
        service.report_damage(
            asset, cause=cause, on=when, description=rng.choice(
                ["屏幕破裂", "桌面开裂", "椅腿断裂", "无法开机", "灯泡损坏", "外壳摔坏", "零件丢失"]),
            responsible_name=who, quantity=1,
            discipline_note="学生故意损坏，已通报批评并记录" if cause == "deliberate" else "",
            new_status=rng.choice(["in_use", "repair"]))
        counts["damages"] += 1
    elif age >= 365 * 3:
        service.write_off(asset, reason=rng.choice(
            ["超过使用年限，无维修价值", "主板损坏，维修费用高于残值", "严重锈蚀", "淘汰更新"]),
            approver="张建国", method=rng.choice(["scrap", "scrap", "sale", "transfer_out"]), on=when)
        counts["writeoffs"] += 1


def _loan(rng, asset: Asset, today: _dt.date, people: list, counts: dict) -> None:
    """A loan in the last 40 days: returned, still out, or overdue."""
    lent_on = today - _dt.timedelta(days=rng.randint(1, 40))
    if lent_on < asset.acquired_on:
        return
    who = rng.choice(people)
    due = lent_on + _dt.timedelta(days=rng.choice((3, 7, 14, 30)))
    service.lend(asset, borrower_name=who.name, borrower=who.id, due_on=due, lent_on=lent_on,
                 purpose=rng.choice(["公开课使用", "外出比赛", "家访", "运动会", "教研活动"]))
    counts["loans"] += 1
    if due < today:
        if rng.random() < 0.5:
            service.take_back(asset, returned_on=min(today, due + _dt.timedelta(days=rng.randint(0, 5))))
        else:
            counts["overdue"] += 1
    elif rng.random() < 0.3:
        service.take_back(asset, returned_on=today)
