"""Realistic Chinese demo data: ``python main.py demo --assets N``.

The core part creates the school's master data; then each module's ``demo(ctx)``
adds its own records (assets with histories, stock-takes, requests, tickets,
canteen samples), in tab order.
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field
from typing import Any

from . import clock, settings
from .db import database, insert_statement
from .i18n import tr
from .masterdata import Department, Person, Place, Supplier, Term

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力海燕雪梅琳晶丹宇浩凯鹏飞俊欣怡佳瑶晨阳子涵梓萱一诺雨桐"

DEPARTMENTS = [
    ("校长室", "XZS"), ("党政办公室", "DZB"), ("教务处", "JWC"), ("德育处", "DYC"), ("总务处", "ZWC"),
    ("教科室", "JKS"), ("信息中心", "XXZX"), ("图书馆", "TSG"), ("体育组", "TYZ"), ("理化生实验室", "SYS"),
    ("音乐组", "YYZ"), ("美术组", "MSZ"), ("食堂", "ST"), ("保卫科", "BWK"), ("校医室", "XYS"),
]
SUPPLIERS = [
    ("联想（北京）有限公司", "刘经理", "010-58868888"), ("得力集团有限公司", "陈经理", "0574-87585888"),
    ("晨光文具股份有限公司", "周主管", "021-57475621"), ("本地五金建材经营部", "王师傅", "13800138001"),
    ("鸿达教学设备有限公司", "赵经理", "0755-26881234"), ("海尔智家专卖店", "孙店长", "0532-88939999"),
    ("格力空调特约维修站", "郑师傅", "13900139002"), ("新华书店教材发行部", "吴科长", "025-84568888"),
    ("希沃教育科技有限公司", "钱经理", "020-32210168"), ("育才课桌椅厂", "冯厂长", "0760-22226666"),
    ("安信消防器材有限公司", "何经理", "027-86612345"), ("城区水电维修服务部", "马师傅", "13700137003"),
]
BUILDINGS = [
    # (building, rooms)
    ("教学楼", [f"{f}{r:02d}" for f in range(1, 6) for r in range(1, 9)]),
    ("实验楼", ["101物理实验室", "102化学实验室", "103生物实验室", "201计算机房一", "202计算机房二", "203仪器室",
              "204准备室", "301音乐教室", "302美术教室", "303录播室"]),
    ("行政楼", ["101传达室", "102总务处", "103财务室", "201校长室", "202党政办", "203教务处", "204德育处",
              "301会议室", "302档案室", "303教科室", "304信息中心"]),
    ("图书馆", ["一楼借阅室", "二楼阅览室", "书库", "电子阅览室"]),
    ("体育馆", ["器材室", "篮球场", "乒乓球室", "舞蹈室"]),
    ("食堂", ["操作间", "留样间", "仓库", "餐厅"]),
    ("宿舍楼", [f"{f}{r:02d}" for f in range(1, 4) for r in range(1, 7)]),
]


def insert_rows(model, rows: list[dict]) -> None:
    """Bulk demo rows in one prepared INSERT (what ``insert_many`` writes, without building the query per
    chunk, which cost more than the rest): every key any row has, plus every other field with a default
    (filled as ``insert_many`` does); values through each field's ``db_value``. Register the rows afterwards
    with ``audit.record_inserted`` as for ``insert_many``."""
    if not rows:
        return
    db = database.obj
    names = list(dict.fromkeys(k for row in rows for k in row))
    defaults = {n: f.default for n, f in model._meta.fields.items()
                if n not in names and f.default is not None and n != "id"}
    own = [model._meta.fields[n] for n in names]
    extra = [(model._meta.fields[n], d() if callable(d) else d) for n, d in defaults.items()]
    fields = own + [f for f, _ in extra]
    tail = [None if v is None else f.db_value(v) for f, v in extra]
    missing = {f.name: (f.default() if callable(f.default) else f.default) for f in own}  # a row without the key
    sql = insert_statement(model, fields, db)
    params = []
    for row in rows:
        values = [row[f.name] if f.name in row else missing[f.name] for f in own]
        params.append([None if v is None else f.db_value(v) for f, v in zip(own, values, strict=True)] + tail)
    db.cursor().executemany(sql, params)


@dataclass
class DemoContext:
    rng: random.Random
    n_assets: int
    today: _dt.date
    progress: Any = None
    data: dict = field(default_factory=dict)  # what earlier steps made, for later ones

    def person_name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))


def _populate_masterdata(ctx: DemoContext) -> None:
    rng = ctx.rng
    settings.set_many({
        "school.name": settings.get("school.name") or "示范市实验中学",
        "school.address": settings.get("school.address") or "示范市育才路 88 号",
        "school.phone": settings.get("school.phone") or "0551-62880000",
        "school.principal": settings.get("school.principal") or "张建国",
        "school.director": settings.get("school.director") or "李卫东",
        "operator.name": settings.get("operator.name") or "陈晓燕",
    })
    from . import audit

    with database.atomic():
        before = {model: audit.max_id(model) for model in (Term, Department, Supplier, Place, Person)}
        year = ctx.today.year
        for y in (year - 1, year):
            for name, start, end in ((f"{y - 1}-{y}学年第二学期", _dt.date(y, 2, 20), _dt.date(y, 7, 10)),
                                     (f"{y}-{y + 1}学年第一学期", _dt.date(y, 9, 1), _dt.date(y + 1, 1, 20))):
                Term.get_or_create(name=name, defaults={"start_date": start, "end_date": end})
        for name, code in DEPARTMENTS:
            Department.get_or_create(name=name, defaults={"code": code, "kind": "department", "head": ctx.person_name()})
        for grade in ("初一", "初二", "初三"):
            for n in range(1, 9):
                Department.get_or_create(name=f"{grade}({n})班", defaults={"kind": "class", "head": ctx.person_name()})
        for name, contact, phone in SUPPLIERS:
            Supplier.get_or_create(name=name, defaults={"contact": contact, "phone": phone})
        order = 0
        for building, rooms in BUILDINGS:
            order += 1
            b, _ = Place.get_or_create(full_name=building, defaults={"name": building, "kind": "building",
                                                                    "sort_order": order})
            for i, room in enumerate(rooms):
                Place.get_or_create(full_name=f"{building} {room}",
                                    defaults={"name": room, "kind": "room", "parent": b, "sort_order": i + 1})
        departments = list(Department.select())
        if Person.select().count() < 60:
            titles = ["教师", "教师", "教师", "班主任", "教研组长", "主任", "干事", "实验员", "管理员"]
            for _ in range(160):
                dept = rng.choice(departments)
                Person.create(name=ctx.person_name(), department=dept if dept.kind == "department" else None,
                              title=rng.choice(titles), phone=f"139{rng.randint(10000000, 99999999)}")
            canteen = Department.get(Department.name == "食堂")
            for _ in range(8):
                Person.create(name=ctx.person_name(), department=canteen, title="厨师", is_canteen_staff=True,
                              phone=f"137{rng.randint(10000000, 99999999)}")
        for model, after_id in before.items():  # registered in the change record like records made by hand
            audit.record_inserted(model, after_id)
        audit.record("demo", None, "demo", note=tr("Demo master data created"))


def has_records() -> bool:
    """Whether the school's records are already here (more than the built-in lists and the settings)."""
    from .audit import AuditEntry

    return (AuditEntry.select()
            .where(AuditEntry.action != "baseline", AuditEntry.table_name.not_in(("setting", "settings")))
            .exists())


def populate(n_assets: int = 500, seed: int = 2026, progress=None, *, steps, add: bool = False) -> str:
    """Demo data; on a database that already holds records only when ``add`` (it would be added to them).

    ``steps``: each module's ``demo(ctx)``, in tab order, handed in from the registry
    (``logistics_desk.modules.demo_steps()``): core never imports a module."""
    from .errors import UserError

    if not add and has_records():
        raise UserError(tr("This database already holds records: demo data would be added to them. "
                           "To add it anyway, run demo --add; for a clean demo use a new database file."))
    ctx = DemoContext(rng=random.Random(seed), n_assets=n_assets, today=clock.today(), progress=progress)
    # one transaction for the whole demo: each service call inside it is still its own nested
    # transaction with its change-record entries, but the file is committed (and the change record's
    # head file written) once instead of after each of the thousands of calls
    with database.atomic():
        _populate_masterdata(ctx)
        for step in steps:
            step(ctx)
    lines = [tr("Demo data created:")]
    lines += [f"  {k}: {v}" for k, v in ctx.data.get("summary", {}).items()]
    return "\n".join(lines)
