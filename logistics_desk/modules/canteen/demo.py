"""Demo data for the canteen: a term of meals with samples, disposals and fridge
readings, with a few realistic breaches (a forgotten dish, a small sample, a late
entry, a hot fridge, a day with one reading, samples not yet disposed of)."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

from ...core import audit, masterdata, settings
from ...core.db import database
from ...core.demo import insert_rows
from ...core.i18n import tr
from ...core.masterdata import Person
from . import service
from .models import CanteenClosure, CanteenDish, CanteenFridge, CanteenReading, CanteenSample

BREAKFAST = ["小米粥", "白米粥", "黑米粥", "肉包", "菜包", "豆沙包", "馒头", "花卷", "煮鸡蛋", "茶叶蛋", "豆浆",
             "牛奶", "油条", "鸡蛋饼", "葱油饼", "蒸玉米", "凉拌海带丝", "榨菜", "炒面", "南瓜粥"]
MAINS = ["红烧肉", "宫保鸡丁", "鱼香肉丝", "糖醋里脊", "土豆烧牛肉", "黄焖鸡", "可乐鸡翅", "红烧鸡块", "回锅肉",
         "清蒸鲈鱼", "红烧带鱼", "番茄牛腩", "咖喱鸡", "梅菜扣肉", "香菇滑鸡", "孜然羊肉", "木须肉", "京酱肉丝"]
SIDES = ["番茄炒蛋", "麻婆豆腐", "家常豆腐", "青椒土豆丝", "醋溜白菜", "蒜蓉西兰花", "清炒菠菜", "手撕包菜",
         "西葫芦炒蛋", "干煸豆角", "红烧茄子", "炒豆芽", "蚝油生菜", "芹菜香干", "胡萝卜炒肉片", "地三鲜"]
SOUPS = ["紫菜蛋花汤", "冬瓜排骨汤", "番茄蛋汤", "海带豆腐汤", "青菜豆腐汤", "玉米排骨汤", "丝瓜蛋汤"]
STAPLES = ["米饭", "二米饭", "馒头"]
DINNER = ["牛肉面", "鸡蛋炒饭", "扬州炒饭", "酸菜肉丝面", "饺子", "馄饨", "小笼包", "葱油拌面"]

TIMES = {"breakfast": (6, 50), "lunch": (11, 15), "dinner": (17, 5)}


def bump_counters(counters: dict[str, int]) -> None:
    """``numbering.bump_to`` for many keys at once: two queries instead of one or two per key."""
    from ...core.numbering import Counter

    if not counters:
        return
    have = dict(Counter.select(Counter.key, Counter.value).where(Counter.key.in_(list(counters))).tuples())
    new = [{"key": k, "value": v} for k, v in counters.items() if k not in have]
    for i in range(0, len(new), 400):
        Counter.insert_many(new[i:i + 400]).execute()
    for k, v in counters.items():
        if k in have and have[k] < v:
            Counter.update(value=v).where(Counter.key == k).execute()


def _menu(rng, meal: str) -> list[str]:
    if meal == "breakfast":
        return rng.sample(BREAKFAST, rng.choice((3, 4)))
    if meal == "lunch":
        return rng.sample(MAINS, 2) + rng.sample(SIDES, 2) + [rng.choice(SOUPS), rng.choice(STAPLES)]
    return [rng.choice(DINNER)] + rng.sample(MAINS, 1) + rng.sample(SIDES, 2) + [rng.choice(SOUPS)]


def _staff(today: _dt.date) -> list:
    """The canteen's staff; three cooks added when there are none."""
    staff = list(service.canteen_staff())
    if not staff:
        canteen = masterdata.Department.get_or_none(masterdata.Department.name == "食堂")
        with database.atomic():
            for name in ("王建华", "李秀英", "张桂兰"):
                staff.append(Person.create(name=name, department=canteen, title="厨师", is_canteen_staff=True))
                audit.record_create(staff[-1])
    return staff


def _closed_days(start: _dt.date, today: _dt.date) -> dict[_dt.date, str]:
    closed = {}
    for y in (start.year, today.year):
        for d in range(1, 8):
            day = _dt.date(y, 10, d)
            if start <= day <= today:
                closed[day] = "国庆节放假"
    return closed


def _planted(rng, start: _dt.date, today: _dt.date, closed: dict) -> dict[str, _dt.date]:
    """The breaches planted in the term (days counted back from today)."""
    service_days = [start + _dt.timedelta(days=i) for i in range((today - start).days)]
    service_days = [d for d in service_days if d.weekday() < 5 and d not in closed]
    if len(service_days) <= 30:
        return {}
    picks = rng.sample(service_days[5:-8], 6)
    return dict(zip(("missing_dish", "small", "late", "no_sampler", "hot", "one_reading"), picks, strict=True))


class _Samples:
    """The samples of every meal of the term (and the next week's menu entered in advance)."""

    def __init__(self, ctx, now: _dt.datetime, staff: list, fridge, planted: dict, closed: dict) -> None:
        self.rng, self.today, self.now, self.staff, self.fridge = ctx.rng, ctx.today, now, staff, fridge
        self.planted, self.closed = planted, closed
        self.sampler, self.second = staff[0], staff[1 % len(staff)]
        self.hours = service.retention_hours()
        self.samples: list[dict] = []
        self.dish_use: dict[str, list] = defaultdict(lambda: [0, None])
        self.counters: dict[str, int] = {}

    def run(self, start: _dt.date) -> None:
        week_after = self.today + _dt.timedelta(days=7 - self.today.weekday())  # next Monday
        day = start
        last_day = week_after + _dt.timedelta(days=4)
        while day <= last_day:
            if day.weekday() < 5 and day not in self.closed:
                self.day(day)
            day += _dt.timedelta(days=1)

    def day(self, day: _dt.date) -> None:
        stamp = day.strftime("%Y%m%d")
        n = 0
        for meal in ("breakfast", "lunch", "dinner"):
            hh, mm = TIMES[meal]
            base = _dt.datetime.combine(day, _dt.time(hh, mm)) + _dt.timedelta(minutes=self.rng.randint(0, 25))
            for order, dish in enumerate(_menu(self.rng, meal), 1):
                n += 1
                use = self.dish_use[dish]
                use[0] += 1
                use[1] = day if use[1] is None or use[1] < day else use[1]
                self.sample(day, meal, order, dish, n, stamp, base)
        self.counters[stamp] = n

    def sample(self, day: _dt.date, meal: str, order: int, dish: str, n: int, stamp: str,
               base: _dt.datetime) -> None:
        rng, planted = self.rng, self.planted
        row = {"number": f"LY-{stamp}-{n:04d}", "day": day, "meal": meal, "sort_order": order,
               "dish_name": dish, "created_at": _dt.datetime.combine(day - _dt.timedelta(days=3), _dt.time(16, 30)),
               "weight_g": None, "taken_at": None, "taken_by": None, "fridge": None,
               "container_no": None, "retention_hours": None, "keep_until": None, "entered_at": None,
               "disposed_at": None, "disposed_by": None}
        self.samples.append(row)
        taken = base + _dt.timedelta(minutes=order)
        if taken > self.now:
            return
        weight = rng.choice((150, 150, 150, 160, 180, 200, 140, 130))
        if planted.get("missing_dish") == day and meal == "lunch" and order == 3:
            return
        if planted.get("small") == day and meal == "dinner" and order == 2:
            weight = 98
        row.update(weight_g=weight, taken_at=taken, taken_by=(self.sampler if meal != "dinner" else self.second).id,
                   fridge=self.fridge.id, container_no=str(n), retention_hours=self.hours,
                   keep_until=taken + _dt.timedelta(hours=self.hours),
                   entered_at=taken + _dt.timedelta(minutes=rng.randint(1, 12)))
        if planted.get("late") == day and meal == "breakfast":
            row["entered_at"] = taken + _dt.timedelta(hours=26, minutes=rng.randint(0, 50))
        if planted.get("no_sampler") == day and meal == "lunch" and order == 1:
            row["taken_by"] = None
        disposed = row["keep_until"] + _dt.timedelta(minutes=rng.randint(20, 200))
        forgotten = (self.today - day).days in (4, 5) and meal == "dinner" and order == 1
        if disposed <= self.now and not forgotten:
            row.update(disposed_at=disposed, disposed_by=rng.choice(self.staff).id)


def _readings(rng, start: _dt.date, today: _dt.date, now: _dt.datetime, f1, f2, staff: list,
              planted: dict) -> list[dict]:
    """Fridge readings: twice a day for the fridge in use, weekends too (samples stay there)."""
    readings = []
    lo, hi = service.fridge_range(f1)
    day = start
    while day <= today:
        for hh, mm in ((7, 30), (16, 0)):
            at = _dt.datetime.combine(day, _dt.time(hh, mm)) + _dt.timedelta(minutes=rng.randint(0, 20))
            if at > now:
                continue
            if planted.get("one_reading") == day and hh == 16:
                continue
            temp = round(rng.uniform(2.0, 5.8), 1)
            note = None
            if planted.get("hot") == day and hh == 16:
                temp, note = 9.6, "冰箱门未关严，已调整，30分钟后复测"
            readings.append({"fridge": f1.id, "day": day, "read_at": at, "temperature": temp, "min_temp": lo,
                             "max_temp": hi, "read_by": rng.choice(staff).id, "note": note, "created_at": at})
            if day.weekday() < 5 and hh == 7:
                readings.append({"fridge": f2.id, "day": day, "read_at": at + _dt.timedelta(minutes=2),
                                 "temperature": round(rng.uniform(2.5, 6.0), 1), "min_temp": lo, "max_temp": hi,
                                 "read_by": rng.choice(staff).id, "note": None, "created_at": at})
        day += _dt.timedelta(days=1)
    return readings


def _save_samples(made: _Samples, readings: list[dict], closed: dict, now: _dt.datetime) -> None:
    with database.atomic():
        before = {model: audit.max_id(model) for model in (CanteenDish, CanteenSample, CanteenReading, CanteenClosure)}
        for name, (count, last) in made.dish_use.items():
            CanteenDish.insert(name=name, use_count=count, last_used=last).on_conflict_ignore().execute()
        ids = {d.name: d.id for d in CanteenDish.select(CanteenDish.id, CanteenDish.name)}
        for row in made.samples:
            row["dish"] = ids[row["dish_name"]]
        insert_rows(CanteenSample, made.samples)
        insert_rows(CanteenReading, readings)
        for d, reason in closed.items():
            CanteenClosure.insert(day=d, reason=reason, created_at=now).on_conflict_ignore().execute()
        bump_counters({f"canteen:{stamp}": n for stamp, n in made.counters.items()})
        for model, after_id in before.items():
            audit.record_inserted(model, after_id)
        audit.record("canteen_sample", None, "demo",
                     note=tr("Demo canteen samples created: {n}").format(n=len(made.samples)))


def populate(ctx) -> None:
    rng = ctx.rng
    today = ctx.today
    from ...core import clock

    now = clock.now() if clock.today() == today else _dt.datetime.combine(today, _dt.time(15, 0))
    term = masterdata.current_term(today)
    start = max(term.start_date, today - _dt.timedelta(days=140)) if term and term.start_date <= today else \
        today - _dt.timedelta(days=100)
    staff = _staff(today)
    if CanteenSample.select().exists():
        return
    f1 = service.save_fridge({"name": "1号留样冰箱", "location": "食堂 留样间"})
    f2 = service.save_fridge({"name": "2号留样冰箱（备用）", "location": "食堂 留样间"})
    settings.set_many({"canteen.default_sampler": staff[0].id, "canteen.default_fridge": f1.id,
                       "canteen.start_date": start.isoformat()})
    closed = _closed_days(start, today)
    planted = _planted(rng, start, today, closed)
    made = _Samples(ctx, now, staff, f1, planted, closed)
    made.run(start)
    readings = _readings(rng, start, today, now, f1, f2, staff, planted)
    _save_samples(made, readings, closed, now)
    summary = ctx.data.setdefault("summary", {})
    summary[tr("Canteen dishes and samples")] = len(made.samples)
    summary[tr("Fridge temperature readings")] = len(readings)
    ctx.data["canteen_fridges"] = [f1.id, f2.id]
    _ = CanteenFridge
    # hygiene (issue 18): certificates, morning checks, disinfection, accompanied meals on the same days
    _populate_hygiene(ctx, staff, made.samples, start, now)
    # food-in (issue 18): deliveries and the food store on the same days
    from .food_demo import populate as populate_food

    populate_food(ctx)


# --- hygiene (issue 18) ----------------------------------------------------------------------

CHEMICAL = "含氯消毒液 250 mg/L"
FINDINGS = ["咽喉疼痛", "手部划伤", "发热"]


def _served(samples: list[dict]) -> tuple[dict, dict]:
    """{day: {meal: last sample taken}} and {(day, meal): dish names} of the samples taken."""
    served: dict[_dt.date, dict[str, _dt.datetime]] = defaultdict(dict)
    dishes: dict[tuple[_dt.date, str], list[str]] = defaultdict(list)
    for r in samples:
        if r["taken_at"] is not None:
            last = served[r["day"]].get(r["meal"])
            served[r["day"]][r["meal"]] = max(last, r["taken_at"]) if last else r["taken_at"]
            dishes[(r["day"], r["meal"])].append(r["dish_name"])
    return served, dishes


def _health_certs(rng, staff: list, today: _dt.date, start: _dt.date) -> tuple[list[dict], dict[int, _dt.date]]:
    certs = []
    expiry: dict[int, _dt.date] = {}
    for i, p in enumerate(staff):  # staff[0] and staff[1] take the samples: their certificates stay valid
        if i == len(staff) - 1 and len(staff) > 3:
            expires = today - _dt.timedelta(days=3)  # expired three days ago, still at work: a breach
        elif i == len(staff) - 2 and len(staff) > 3:
            expires = today + _dt.timedelta(days=rng.randint(10, 25))  # to renew soon: a warning
        else:
            expires = today + _dt.timedelta(days=rng.randint(60, 330))
        expiry[p.id] = expires
        certs.append({"person": p.id, "number": f"JK{expires.year - 1}{rng.randint(100000, 999999)}",
                      "issued_on": expires.replace(year=expires.year - 1) + _dt.timedelta(days=1),
                      "expires_on": expires, "updated_at": _dt.datetime.combine(start, _dt.time(8, 0))})
    return certs, expiry


def _morning_checks(rng, staff: list, days: list, now: _dt.datetime, forgot_check: _dt.date, certs: list[dict],
                    expiry: dict) -> tuple[list[dict], set[tuple[_dt.date, int]]]:
    """The morning checks (now and then a worker sent home) and who was away, (day, person id)."""
    checker = staff[0]
    checks = []
    away: set[tuple[_dt.date, int]] = set()
    for day in days:
        at = _dt.datetime.combine(day, _dt.time(6, 20))
        if day == forgot_check or at > now:
            continue
        for p in staff:
            present = rng.random() > 0.01
            finding = rng.random() < 0.015 and present
            row = {"day": day, "person": p.id, "present": present, "fever": False, "diarrhoea": False,
                   "hand_wound": False, "sore_throat": False, "fit": present and not finding, "action": None,
                   "cert_number": None, "cert_expires": expiry[p.id], "checked_by": checker.id,
                   "checked_at": at + _dt.timedelta(minutes=rng.randint(0, 15)), "created_at": at}
            if finding:
                key = rng.choice(("sore_throat", "hand_wound", "fever"))
                row[key] = True
                row["action"] = "调离接触直接入口食品岗位" if key == "hand_wound" else "劝其回家休息、就医"
            if not present:
                row["action"] = "请假"
            if not row["fit"]:
                away.add((day, p.id))
            checks.append(row)
    numbers = {c["person"]: c["number"] for c in certs}
    for row in checks:
        row["cert_number"] = numbers[row["person"]]
    return checks, away


def _disinfections(rng, staff: list, days: list, served: dict, now: _dt.datetime, forgot_meal: tuple,
                   away: set) -> list[dict]:
    disinfections = []
    workers = staff[1:] or staff
    for day in days:
        for meal, ended in served[day].items():
            if (day, meal) == forgot_meal:
                continue
            started = ended + _dt.timedelta(minutes=rng.randint(40, 70))
            if started > now:
                continue
            fit = [p for p in workers if (day, p.id) not in away] or workers
            method = rng.choice(("cabinet", "cabinet", "cabinet", "steam", "chemical"))
            items = ["tableware", "containers", "sample_boxes"] + (["boards"] if meal == "lunch" else [])
            disinfections.append({
                "day": day, "meal": meal, "items": ",".join(items), "method": method,
                "concentration": CHEMICAL if method == "chemical" else None, "started_at": started,
                "minutes": {"cabinet": 30, "steam": 20, "chemical": 5}[method], "person": rng.choice(fit).id,
                "note": None, "created_at": started + _dt.timedelta(minutes=40)})
    return disinfections


ACCOMPANY_REMARKS = [("菜品口味适中，温度合适", "份量充足", "餐具干净", "价格合理", None),
                     ("青菜稍咸", "份量充足", "整洁", "合理", "已告知厨师减少用盐"),
                     ("米饭偏硬", "适中", "餐桌有油渍", "合理", "已要求加强餐后清洁，次日复查已整改"),
                     ("荤素搭配合理", "学生反映肉量偏少", "良好", "合理", "已调整每份肉量"),
                     ("口味良好", "适中", "良好", "合理", None)]


def _accompanied(rng, days: list, served: dict, dishes: dict, now: _dt.datetime) -> list[dict]:
    """A leader's accompanied lunch most days."""
    leaders = [p for p in Person.select().where((Person.title == "主任") & (Person.is_canteen_staff == False)  # noqa: E712
                                                & (Person.active == True)).limit(4)]  # noqa: E712
    if not leaders:
        leaders = list(Person.select().where(Person.is_canteen_staff == False).limit(3))  # noqa: E712
    accompanied = []
    for day in days:
        if "lunch" not in served[day] or not leaders or rng.random() < 0.08:
            continue
        at = served[day]["lunch"] + _dt.timedelta(minutes=30)
        if at > now:
            continue
        q, n, h, pr, act = rng.choice(ACCOMPANY_REMARKS)
        accompanied.append({"day": day, "meal": "lunch", "leader": rng.choice(leaders).id,
                            "dishes": "、".join(dishes[(day, "lunch")][:5]), "quality": q, "quantity": n,
                            "hygiene": h, "price": pr, "action": act, "created_at": at})
    return accompanied


def _populate_hygiene(ctx, staff: list, samples: list[dict], start: _dt.date, now: _dt.datetime) -> None:
    """A term of the hygiene ledgers on the days and meals the samples were taken, by the same staff:
    every worker's certificate (one expiring within 30 days, one expired a few days ago and still at work:
    a breach), the morning checks (now and then a worker sent home; one day forgotten), each meal's
    disinfection (one meal forgotten), a leader's accompanied meal most days."""
    from .hygiene_models import CanteenAccompany, CanteenDisinfection, CanteenHealthCert, CanteenMorningCheck

    if CanteenMorningCheck.select().exists():
        return
    rng = ctx.rng
    today = now.date()
    served, dishes = _served(samples)
    days = sorted(served)
    if not days or not staff:
        return
    plain = [d for d in days[5:-3]] or days
    forgot_check = rng.choice(plain)
    forgot_meal = (rng.choice(plain), "dinner")
    certs, expiry = _health_certs(rng, staff, today, start)
    checks, away = _morning_checks(rng, staff, days, now, forgot_check, certs, expiry)
    disinfections = _disinfections(rng, staff, days, served, now, forgot_meal, away)
    accompanied = _accompanied(rng, days, served, dishes, now)
    with database.atomic():
        models = (CanteenHealthCert, CanteenMorningCheck, CanteenDisinfection, CanteenAccompany)
        before = {model: audit.max_id(model) for model in models}
        for model, rows in zip(models, (certs, checks, disinfections, accompanied), strict=True):
            insert_rows(model, rows)
        for model, after_id in before.items():
            audit.record_inserted(model, after_id)
    summary = ctx.data.setdefault("summary", {})
    summary[tr("Morning checks")] = len(checks)
    summary[tr("Tableware disinfections")] = len(disinfections)
    summary[tr("Accompanied meals")] = len(accompanied)
