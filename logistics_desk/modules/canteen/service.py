"""Canteen food-sample retention (食品留样): rules, queries and workflows (no Qt).

The rules (《餐饮服务食品安全操作规范》2018; 《学校食品安全与营养健康管理规定》2019 第四十条):
every dish of every meal is sampled, at least 125 g, each in its own sealed
container, kept in a dedicated refrigerator for at least 48 hours, labelled,
with a record of dish, amount, time and who took it, and of the disposal.
The minimum weight, the retention hours, the fridge range and the meals served
are settings.

Every write runs in one transaction with its change-record entries.  The clock
is ``core.clock`` so tests inject the time.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from peewee import JOIN, fn

from ...core import audit, clock, numbering, settings
from ...core.db import database, record_or_none
from ...core.errors import NotFound, RuleError, ValidationError
from ...core.i18n import N_, join_clauses, join_list, tr
from ...core.masterdata import Person, Term
from ...core.money import NumberError, parse_quantity
from .. import enabled
from .models import MEAL_ORDER, MEALS, CanteenClosure, CanteenDish, CanteenFridge, CanteenReading, CanteenSample

settings.register_defaults({
    "canteen.meals": ["breakfast", "lunch", "dinner"],  # the meals the canteen serves
    "canteen.retention_hours": 48,
    "canteen.min_weight_g": 125,
    "canteen.default_weight_g": 150,
    "canteen.default_sampler": None,  # person id
    "canteen.default_fridge": None,  # fridge id
    "canteen.fridge_min": 0.0,
    "canteen.fridge_max": 8.0,
    "canteen.readings_per_day": 2,
    "canteen.late_entry_hours": 2,
    "canteen.service_weekdays": [0, 1, 2, 3, 4],  # Monday = 0
    # until when a meal's samples may still be outstanding today (not yet a breach)
    "canteen.meal_deadlines": {"breakfast": "09:30", "lunch": "13:30", "dinner": "19:30", "snack": "21:00"},
    "canteen.start_date": None,  # the first day checked (None: the first day with records)
})

MAX_WEIGHT_G = 5000
FUTURE_SLACK = _dt.timedelta(minutes=10)


def meal_label(key: str | None) -> str:
    return tr(MEALS[key]) if key in MEALS else (key or "")


def parse_meal(text: str) -> str:
    """A meal key from a key, an English or a translated label (午餐)."""
    value = (text or "").strip()
    for key, label in MEALS.items():
        if value.lower() in (key, label.lower()) or value == tr(label):
            return key
    from ...core.errors import UserError

    raise UserError(tr("Unknown meal “{meal}”. Use one of: {meals}.").format(
        meal=text, meals=join_list(tr(v) for v in MEALS.values())))


# --- settings -------------------------------------------------------------------

def served_meals() -> list[str]:
    meals = settings.get("canteen.meals") or []
    return [m for m in MEALS if m in meals]


def retention_hours() -> int:
    return int(settings.get("canteen.retention_hours") or 48)


def min_weight() -> int:
    return int(settings.get("canteen.min_weight_g") or 0)


def default_weight() -> int:
    return int(settings.get("canteen.default_weight_g") or 150)


def readings_per_day() -> int:
    return int(settings.get("canteen.readings_per_day") or 0)


def late_entry_hours() -> float:
    return float(settings.get("canteen.late_entry_hours") or 0)


def fridge_range(fridge: CanteenFridge | None = None) -> tuple[Decimal, Decimal]:
    lo = fridge.min_temp if fridge is not None and fridge.min_temp is not None else settings.get("canteen.fridge_min")
    hi = fridge.max_temp if fridge is not None and fridge.max_temp is not None else settings.get("canteen.fridge_max")
    return Decimal(str(lo if lo is not None else 0)), Decimal(str(hi if hi is not None else 8))


def default_sampler() -> Person | None:
    pid = settings.get("canteen.default_sampler")
    return Person.get_or_none((Person.id == pid) & (Person.active == True)) if pid else None  # noqa: E712


def default_fridge() -> CanteenFridge | None:
    fid = settings.get("canteen.default_fridge")
    found = CanteenFridge.get_or_none((CanteenFridge.id == fid) & (CanteenFridge.active == True)) if fid else None  # noqa: E712
    if found is None:
        active = list(active_fridges())
        if len(active) == 1:
            return active[0]
    return found


def set_defaults(*, sampler: Person | int | None = None, weight_g: int | None = None,
                 fridge: CanteenFridge | int | None = None) -> None:
    """Remember the defaults of the quick "sample taken" action."""
    values: dict[str, Any] = {}
    if sampler is not None:
        values["canteen.default_sampler"] = getattr(sampler, "id", sampler)
    if weight_g is not None:
        if not 1 <= int(weight_g) <= MAX_WEIGHT_G:
            raise ValidationError({"weight_g": tr("Enter a weight between 1 and {max} g.").format(max=MAX_WEIGHT_G)})
        values["canteen.default_weight_g"] = int(weight_g)
    if fridge is not None:
        values["canteen.default_fridge"] = getattr(fridge, "id", fridge)
    if values:
        settings.set_many(values)


MEAL_TIMES = {"breakfast": "09:30", "lunch": "13:30", "dinner": "19:30", "snack": "21:00"}  # when the setting has none


def meal_deadline(meal: str) -> _dt.time:
    text = (settings.get("canteen.meal_deadlines") or {}).get(meal) or MEAL_TIMES.get(meal) or "23:59"
    try:
        h, m = (int(x) for x in str(text).split(":")[:2])
        return _dt.time(h, m)
    except ValueError:
        return _dt.time(23, 59)


def current_meal(now: _dt.datetime | None = None) -> str:
    """The meal being served (or prepared) now: the first meal served whose time
    (``canteen.meal_deadlines``, else ``MEAL_TIMES``) has not passed; after the last one, the last."""
    now = now or clock.now()
    meals = served_meals() or list(MEALS)
    for meal in sorted(meals, key=lambda m: (meal_deadline(m), MEAL_ORDER[m])):
        if now.time() < meal_deadline(meal):
            return meal
    return max(meals, key=lambda m: (meal_deadline(m), MEAL_ORDER[m]))


def no_sampler_text() -> str:
    """Who takes the samples, in words that say where they come from."""
    if not canteen_staff().exists():
        return tr("No canteen staff yet: add the people who take samples under Settings → Settings and master "
                  "data… → People, and tick “Canteen staff”.")
    return tr("Choose who takes the samples first.")


def no_fridge_text() -> str:
    if not active_fridges().exists():
        return tr("No sample fridge yet: add one under Fridge temperatures → Add fridge….")
    return tr("Choose the sample fridge first.")


def canteen_staff():
    return (Person.select().where((Person.is_canteen_staff == True) & (Person.active == True))  # noqa: E712
            .order_by(Person.name))


# --- formatting ------------------------------------------------------------------

def fmt_moment(value: _dt.datetime | None) -> str:
    """11月25日 12:10 (zh) / 11/25 12:10."""
    if value is None:
        return ""
    return tr("{month}/{day} {time}").format(month=value.month, day=value.day, time=value.strftime("%H:%M"))


def fmt_duration(delta: _dt.timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return tr("{h} h {m} min").format(h=hours, m=minutes)
    if hours:
        return tr("{h} h").format(h=hours)
    return tr("{m} min").format(m=max(minutes, 1))


def fmt_temp(value) -> str:
    return "" if value is None else f"{Decimal(str(value)):.1f}"


# --- fridges --------------------------------------------------------------------

def active_fridges():
    return CanteenFridge.select().where(CanteenFridge.active == True).order_by(CanteenFridge.name)  # noqa: E712


def all_fridges():
    return CanteenFridge.select().order_by(CanteenFridge.active.desc(), CanteenFridge.name)


def _to_temp(value, field: str, errors: dict) -> Decimal | None:
    try:
        number = parse_quantity(value, default=None, minimum=None, units=("°C", "℃", "度"),
                                message=tr("Enter a temperature in °C, e.g. 4.5."))
    except NumberError as e:
        errors[field] = e.message
        return None
    if number is None:
        return None
    if not Decimal(-40) <= number <= Decimal(40):
        errors[field] = tr("Enter a temperature between -40 and 40 °C.")
        return None
    return number.quantize(Decimal("0.1"))


def get_fridge(fridge_id: int) -> CanteenFridge:
    row = CanteenFridge.get_or_none(CanteenFridge.id == fridge_id)
    if row is None:
        raise NotFound(tr("The record no longer exists."))
    return row


def get_reading(reading_id: int) -> CanteenReading:
    row = CanteenReading.get_or_none(CanteenReading.id == reading_id)
    if row is None:
        raise NotFound(tr("The record no longer exists."))
    return row


def save_fridge(values: dict[str, Any], record: CanteenFridge | None = None) -> CanteenFridge:
    """Create or edit a sample fridge (name, location, allowed range; empty range: the setting)."""
    errors: dict[str, str] = {}
    name = (values.get("name", record.name if record else "") or "").strip()
    if not name:
        errors["name"] = tr("This field is required.")
    else:
        q = CanteenFridge.select().where(CanteenFridge.name == name)
        if record is not None:
            q = q.where(CanteenFridge.id != record.id)
        if q.exists():
            errors["name"] = tr("“{value}” already exists.").format(value=name)
    lo = _to_temp(values.get("min_temp", record.min_temp if record else None), "min_temp", errors)
    hi = _to_temp(values.get("max_temp", record.max_temp if record else None), "max_temp", errors)
    if lo is not None and hi is not None and lo >= hi:
        errors["max_temp"] = tr("The highest temperature must be above the lowest.")
    if errors:
        raise ValidationError(errors)
    location = (values.get("location", record.location if record else "") or "").strip() or None
    fields = {"name": name, "location": location,
              "min_temp": lo, "max_temp": hi,
              "active": bool(values.get("active", record.active if record else True)),
              "note": values.get("note", record.note if record else None) or None}
    with database.atomic():
        if record is None:
            fridge = CanteenFridge.create(**fields)
            audit.record_create(fridge)
            return fridge
        before = audit.snapshot(record, list(fields))
        for k, v in fields.items():
            setattr(record, k, v)
        record.save()
        audit.record_update(record, before)
        return record


# --- the dish list ---------------------------------------------------------------

def suggest_dishes(text: str = "", limit: int = 200) -> list[str]:
    """Dish names from the list, most used first, containing ``text``."""
    q = CanteenDish.select(CanteenDish.name).where(CanteenDish.active == True)  # noqa: E712
    if text:
        q = q.where(CanteenDish.name.contains(text.strip()))
    return [r.name for r in q.order_by(CanteenDish.use_count.desc(), CanteenDish.name).limit(limit)]


def _remember_dish(name: str, day: _dt.date) -> CanteenDish:
    dish = CanteenDish.get_or_none(CanteenDish.name == name)
    if dish is None:
        dish = CanteenDish.create(name=name, use_count=1, last_used=day)
        audit.record_create(dish)
        return dish
    fields = {"use_count": CanteenDish.use_count + 1, "active": True}
    if dish.last_used is None or dish.last_used < day:
        fields["last_used"] = day
    CanteenDish.update(**fields).where(CanteenDish.id == dish.id).execute()
    return dish


# --- the menu (dish lines) -------------------------------------------------------

def get_sample(sample_id: int) -> CanteenSample:
    row = CanteenSample.get_or_none(CanteenSample.id == sample_id)
    if row is None:
        raise NotFound(tr("The record no longer exists."))
    return row


def find_by_number(number: str) -> CanteenSample | None:
    return CanteenSample.get_or_none(CanteenSample.number == (number or "").strip().upper())


def _number(day: _dt.date) -> str:
    stamp = day.strftime("%Y%m%d")
    return numbering.next_unique(
        f"canteen:{stamp}", lambda n: f"LY-{stamp}-{n:04d}",
        lambda c: CanteenSample.select().where(CanteenSample.number == c).exists())


def _live(q):
    return q.where(CanteenSample.voided == False)  # noqa: E712


def _check_meal(meal: str) -> None:
    if meal not in MEALS:
        raise ValidationError({"meal": tr("Choose a meal.")})


def add_dish(day: _dt.date, meal: str, name: str) -> CanteenSample:
    """Put a dish on the menu of a day's meal (remembered in the dish list)."""
    _check_meal(meal)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"dish": tr("Enter the dish name.")})
    if len(name) > 100:
        raise ValidationError({"dish": tr("The dish name is too long (100 characters at most).")})
    if _live(CanteenSample.select().where((CanteenSample.day == day) & (CanteenSample.meal == meal)
                                          & (CanteenSample.dish_name == name))).exists():
        raise ValidationError({"dish": tr("“{dish}” is already on the menu of {meal} on {day}.").format(
            dish=name, meal=meal_label(meal), day=day.isoformat())})
    with database.atomic():
        dish = _remember_dish(name, day)
        order = (CanteenSample.select(fn.MAX(CanteenSample.sort_order))
                 .where((CanteenSample.day == day) & (CanteenSample.meal == meal)).scalar() or 0) + 1
        line = CanteenSample.create(number=_number(day), day=day, meal=meal, sort_order=order, dish=dish,
                                    dish_name=name, created_at=clock.now())
        audit.record_create(line)
    return line


def add_dishes(day: _dt.date, meal: str, names: Iterable[str]) -> list[CanteenSample]:
    """Several dishes at once; names already on that meal's menu are skipped."""
    out = []
    with database.atomic():
        present = set(r.dish_name for r in _live(CanteenSample.select(CanteenSample.dish_name).where(
            (CanteenSample.day == day) & (CanteenSample.meal == meal))))
        for name in names:
            name = " ".join((name or "").split())
            if name and name not in present:
                out.append(add_dish(day, meal, name))
                present.add(name)
    return out


def copy_menu(from_day: _dt.date, to_day: _dt.date, meals: Iterable[str] | None = None) -> int:
    """Copy a day's dishes (not the samples) to another day; dishes already there are kept."""
    if from_day == to_day:
        raise ValidationError({"from_day": tr("Choose a different day to copy from.")})
    meals = list(meals) if meals is not None else list(MEALS)
    rows = list(_live(CanteenSample.select(CanteenSample.meal, CanteenSample.dish_name).where(
        (CanteenSample.day == from_day) & (CanteenSample.meal.in_(meals))))
        .order_by(CanteenSample.meal, CanteenSample.sort_order, CanteenSample.id))
    count = 0
    with database.atomic():
        by_meal: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            by_meal[r.meal].append(r.dish_name)
        for meal in sorted(by_meal, key=MEAL_ORDER.get):
            count += len(add_dishes(to_day, meal, by_meal[meal]))
    return count


def copy_week(from_monday: _dt.date, to_monday: _dt.date) -> int:
    """Copy a whole week's menu (Monday to Sunday) to another week."""
    if from_monday == to_monday:
        raise ValidationError({"from_day": tr("Choose a different week to copy from.")})
    total = 0
    with database.atomic():
        for i in range(7):
            src = from_monday + _dt.timedelta(days=i)
            if _live(CanteenSample.select().where(CanteenSample.day == src)).exists():
                total += copy_menu(src, to_monday + _dt.timedelta(days=i))
    return total


def remove_dish(line: CanteenSample, reason: str | None = None) -> None:
    """Take a dish off the menu. A dish that has a sample is voided with a reason, never deleted."""
    line = get_sample(line.id)
    if line.voided:
        return
    with database.atomic():
        if not line.has_sample:
            audit.record("canteen_sample", line.id, "delete", note=f"{line.number} {line.dish_name}")
            line.delete_instance()
            return
        if line.disposed_at is not None:
            raise RuleError(tr("Sample {number} has been disposed of; its record is kept.").format(number=line.number))
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": tr("Give the reason for voiding a recorded sample.")})
        before = audit.snapshot(line, ["voided", "void_reason"])
        line.voided, line.void_reason = True, reason
        line.save()
        audit.record_update(line, before, action="void", note=reason)


def move_dish(line: CanteenSample, step: int) -> None:
    """Move a dish up (-1) or down (+1) within its meal."""
    rows = list(_live(CanteenSample.select().where((CanteenSample.day == line.day) & (CanteenSample.meal == line.meal)))
                .order_by(CanteenSample.sort_order, CanteenSample.id))
    ids = [r.id for r in rows]
    if line.id not in ids:
        return
    i = ids.index(line.id)
    j = i + step
    if not 0 <= j < len(rows):
        return
    rows[i], rows[j] = rows[j], rows[i]
    with database.atomic():
        for n, r in enumerate(rows, 1):
            if r.sort_order != n:
                CanteenSample.update(sort_order=n).where(CanteenSample.id == r.id).execute()


# --- samples ---------------------------------------------------------------------

SAMPLE_FIELDS = ["weight_g", "taken_at", "taken_by", "fridge", "container_no", "note"]


def _validate_sample(line: CanteenSample, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    if "weight_g" in values:
        w = values["weight_g"]
        if w in (None, ""):
            clean["weight_g"] = None
        else:
            try:
                w = int(parse_quantity(w, units=("g", "克")))
            except NumberError:  # not a number (NaN and Infinity included): said as the range below
                w = -1
            if not 1 <= w <= MAX_WEIGHT_G:
                errors["weight_g"] = tr("Enter a weight between 1 and {max} g.").format(max=MAX_WEIGHT_G)
            clean["weight_g"] = w
    if "taken_at" in values:
        t = values["taken_at"]
        if t is not None and not isinstance(t, _dt.datetime):
            errors["taken_at"] = tr("Enter the time the sample was taken.")
        elif t is not None:
            t = t.replace(second=0, microsecond=0)
            if t.date() != line.day:
                errors["taken_at"] = tr("The sample of a meal on {day} must be taken on that day.").format(
                    day=line.day.isoformat())
            elif t > clock.now() + FUTURE_SLACK:
                errors["taken_at"] = tr("The sampling time is in the future.")
        clean["taken_at"] = t
    if "taken_by" in values:
        p = record_or_none(Person, values["taken_by"])
        if values["taken_by"] not in (None, "", 0) and p is None:
            errors["taken_by"] = tr("Choose who took the sample.")
        clean["taken_by"] = p
    if "fridge" in values:
        f = record_or_none(CanteenFridge, values["fridge"])
        if values["fridge"] not in (None, "", 0) and f is None:
            errors["fridge"] = tr("Choose the fridge.")
        clean["fridge"] = f
    if "container_no" in values:
        clean["container_no"] = (str(values["container_no"] or "")).strip()[:40] or None
    if "note" in values:
        clean["note"] = (values["note"] or "").strip() or None
    if errors:
        raise ValidationError(errors)
    return clean


def _next_container(day: _dt.date) -> str:
    n = _live(CanteenSample.select().where((CanteenSample.day == day) & CanteenSample.taken_at.is_null(False))).count()
    return str(n + 1)


def record_sample(line: CanteenSample, values: dict[str, Any]) -> CanteenSample:
    """Record or correct the sample of a dish: weight_g, taken_at, taken_by, fridge, container_no, note.

    The keep-until time is taken_at + the retention hours (kept with the record).
    The first recording sets ``entered_at`` (the late-entry check compares it with taken_at).
    """
    line = get_sample(line.id)
    if line.voided:
        raise RuleError(tr("Record {number} was voided.").format(number=line.number))
    sampler_reason = values.get("sampler_reason")
    values = {k: v for k, v in values.items() if k in SAMPLE_FIELDS}
    clean = _validate_sample(line, values)
    reason_kept = line.sampler_reason
    by = clean.get("taken_by")
    if by is not None and (by.id != line.taken_by_id or sampler_reason):
        # a sampler without a valid health certificate (or sent home) only with a written reason
        from .hygiene import require_fit

        reason_kept = require_fit(by, line.day, sampler_reason, "taken_by")
    elif "taken_by" in clean and by is None:
        reason_kept = None
    merged = {k: getattr(line, k) for k in SAMPLE_FIELDS}
    merged.update(clean)
    if merged["weight_g"] is None and merged["taken_at"] is None and merged["taken_by"] is None:
        raise ValidationError({"weight_g": tr("Enter at least the weight and the time the sample was taken.")})
    if line.disposed_at is not None and merged["taken_at"] is None:
        raise ValidationError({"taken_at": tr("A disposed sample must keep its sampling time.")})
    now = clock.now()
    with database.atomic():
        before = audit.snapshot(line, SAMPLE_FIELDS + ["keep_until", "retention_hours", "entered_at",
                                                       "sampler_reason"])
        first = not line.has_sample
        for k, v in clean.items():
            setattr(line, k, v)
        line.sampler_reason = reason_kept
        if line.taken_at is not None:
            if line.retention_hours is None or first:
                line.retention_hours = retention_hours()
            line.keep_until = line.taken_at + _dt.timedelta(hours=line.retention_hours)
        else:
            line.keep_until = None
        if first or line.entered_at is None:
            line.entered_at = now
        line.save()
        audit.record_update(line, before, action="sample" if first else "update")
    return line


def quick_take(line: CanteenSample, *, taken_by: Person | int | None = None, weight_g: int | None = None,
               fridge: CanteenFridge | int | None = None, at: _dt.datetime | None = None,
               reason: str | None = None) -> CanteenSample:
    """"Taken now by <default sampler>, <weight_g> g" — one key press per dish. Without ``weight_g``
    the sample is recorded without a weight (the check then lists it as incomplete). A sampler whose
    health certificate is missing or expired that day (or sent home by the morning check) is refused
    unless ``reason`` is written (kept with the sample)."""
    line = get_sample(line.id)
    if line.has_sample:
        raise RuleError(tr("The sample of “{dish}” is already recorded ({number}).").format(
            dish=line.dish_name, number=line.number))
    by = record_or_none(Person, taken_by) if taken_by is not None else default_sampler()
    if by is None:
        raise ValidationError({"taken_by": no_sampler_text()})
    box = record_or_none(CanteenFridge, fridge) if fridge is not None else default_fridge()
    if box is None:
        raise ValidationError({"fridge": no_fridge_text()})
    at = at or clock.now()
    if at.date() != line.day:
        raise RuleError(tr("“{dish}” is on the menu of {day}; a sample taken now belongs to today. "
                           "Open the sample to enter its time.").format(dish=line.dish_name, day=line.day.isoformat()))
    # the weight only when one was typed or confirmed: never a default nobody weighed
    return record_sample(line, {"weight_g": weight_g or None, "taken_at": at, "taken_by": by,
                                "fridge": box, "container_no": _next_container(line.day),
                                "sampler_reason": reason})


def clear_sample(line: CanteenSample, reason: str | None = None) -> CanteenSample:
    """Undo a sample recorded by mistake (e.g. the wrong dish ticked). Not once disposed."""
    line = get_sample(line.id)
    if line.disposed_at is not None:
        raise RuleError(tr("Sample {number} has been disposed of; its record is kept.").format(number=line.number))
    if not line.has_sample:
        return line
    with database.atomic():
        fields = SAMPLE_FIELDS + ["keep_until", "retention_hours", "entered_at", "sampler_reason"]
        before = audit.snapshot(line, fields)
        for k in fields:
            setattr(line, k, None)
        line.save()
        audit.record_update(line, before, action="clear", note=(reason or "").strip() or None)
    return line


# --- disposal --------------------------------------------------------------------

def due_samples(now: _dt.datetime | None = None):
    """Samples whose retention has passed and that are not disposed of yet, oldest first."""
    now = now or clock.now()
    return _live(CanteenSample.select().where(
        CanteenSample.keep_until.is_null(False) & (CanteenSample.keep_until <= now)
        & CanteenSample.disposed_at.is_null())).order_by(CanteenSample.keep_until, CanteenSample.id)


def stored_samples():
    """Every sample still in a fridge (recorded, not disposed of), by keep-until."""
    return _live(CanteenSample.select().where(
        CanteenSample.taken_at.is_null(False) & CanteenSample.disposed_at.is_null())).order_by(
        CanteenSample.keep_until, CanteenSample.id)


def early_reason(line: CanteenSample, at: _dt.datetime) -> str | None:
    """Why ``line`` may not be disposed of at ``at`` (None: it may)."""
    if line.voided:
        return tr("Record {number} was voided.").format(number=line.number)
    if line.disposed_at is not None:
        return tr("Sample {number} ({dish}) was already disposed of on {at}.").format(
            number=line.number, dish=line.dish_name, at=fmt_moment(line.disposed_at))
    if line.taken_at is None or line.keep_until is None:
        return tr("Sample {number} ({dish}) has no sampling time; record it first.").format(
            number=line.number, dish=line.dish_name)
    if at < line.keep_until:
        return tr("Sample {number} ({dish}) must be kept until {until}, {left} from now; "
                  "it cannot be disposed of before then.").format(
            number=line.number, dish=line.dish_name, until=fmt_moment(line.keep_until),
            left=fmt_duration(line.keep_until - at))
    return None


def dispose(lines: Iterable[CanteenSample], *, disposed_by: Person | int | None, at: _dt.datetime | None = None,
            note: str | None = None) -> int:
    """Record the disposal of samples in one go (who, when). All or none: any sample
    still within its retention time refuses the whole disposal with the reason."""
    by = record_or_none(Person, disposed_by)
    if by is None:
        raise ValidationError({"disposed_by": tr("Choose who disposed of the samples.")})
    now = clock.now()
    at = (at or now).replace(second=0, microsecond=0) if at else now
    if at > now + FUTURE_SLACK:
        raise ValidationError({"disposed_at": tr("The disposal time is in the future.")})
    rows = [get_sample(line.id) for line in lines]
    if not rows:
        raise ValidationError({"samples": tr("Choose the samples to dispose of.")})
    problems = [r for r in (early_reason(row, at) for row in rows) if r]
    if problems:
        more = len(problems) - 1
        text = problems[0]
        if more:
            text += "\n" + tr("({n} more samples cannot be disposed of.)").format(n=more)
        raise RuleError(text)
    with database.atomic():
        for row in rows:
            before = audit.snapshot(row, ["disposed_at", "disposed_by", "disposal_note"])
            row.disposed_at, row.disposed_by, row.disposal_note = at, by, (note or "").strip() or None
            row.save()
            audit.record_update(row, before, action="dispose")
    return len(rows)


# --- fridge readings -------------------------------------------------------------

def is_out_of_range(fridge: CanteenFridge | int | None, temperature) -> bool:
    """Whether ``temperature`` is outside the fridge's allowed range (False if it is not a temperature)."""
    box = record_or_none(CanteenFridge, fridge)
    errors: dict[str, str] = {}
    temp = _to_temp(temperature, "temperature", errors)
    if box is None or temp is None:
        return False
    lo, hi = fridge_range(box)
    return temp < lo or temp > hi


RECHECK_MAX = _dt.timedelta(hours=24)


def record_reading(fridge: CanteenFridge | int, temperature, *, read_at: _dt.datetime | None = None,
                   read_by: Person | int | None = None, note: str | None = None, action: str | None = None,
                   recheck_at: _dt.datetime | None = None, repair: dict[str, Any] | None = None) -> CanteenReading:
    """A temperature reading of a fridge; the allowed range in force is stored with it.

    A reading out of range needs the corrective action taken (``action``) and when the fridge
    is read again (``recheck_at``, after the reading, within a day). ``repair`` (``{"place": ...,
    "urgency": ..., "description": ...}``) also opens a repair ticket for the fridge, in the same
    transaction, when the repair log is part of this version (``repairs_available``)."""
    errors: dict[str, str] = {}
    box = record_or_none(CanteenFridge, fridge)
    if box is None:
        errors["fridge"] = tr("Choose the fridge.")
    temp = _to_temp(temperature, "temperature", errors)
    if temp is None and "temperature" not in errors:
        errors["temperature"] = tr("Enter the temperature.")
    now = clock.now()
    read_at = (read_at or now).replace(second=0, microsecond=0)
    if read_at > now + FUTURE_SLACK:
        errors["read_at"] = tr("The reading time is in the future.")
    lo, hi = fridge_range(box)
    out = box is not None and temp is not None and (temp < lo or temp > hi)
    action = (action or "").strip() or None
    if recheck_at is not None:
        recheck_at = recheck_at.replace(second=0, microsecond=0)
    if out:
        if not action:
            errors["action"] = tr("{temp} °C is outside {lo}–{hi} °C: say what was done about it (e.g. door "
                                  "closed, samples moved to another fridge).").format(
                temp=fmt_temp(temp), lo=fmt_temp(lo), hi=fmt_temp(hi))
        if recheck_at is None:
            errors["recheck_at"] = tr("Enter when the fridge will be read again.")
        elif not read_at < recheck_at <= read_at + RECHECK_MAX:
            errors["recheck_at"] = tr("The re-check must come after the reading, within 24 hours.")
    elif repair:
        errors["repair"] = tr("A repair ticket is opened from a reading out of range only.")
    if repair and "repair" not in errors and not repairs_available():
        errors["repair"] = tr("The repair log is not part of this version.")
    elif repair and "repair" not in errors and not repair.get("place"):
        errors["repair"] = tr("Choose where the fridge is, for the repair ticket.")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        reading = CanteenReading.create(fridge=box, day=read_at.date(), read_at=read_at, temperature=temp,
                                        min_temp=lo, max_temp=hi, read_by=record_or_none(Person, read_by),
                                        note=(note or "").strip() or None, created_at=now,
                                        action=action if out else None, recheck_at=recheck_at if out else None)
        if repair:
            reading.repair_ticket = _open_repair(reading, repair)
            reading.save()
        audit.record_create(reading)
    return reading


# --- the repair log (an optional module: asked through the registry, called through its api) -------

def repairs_available() -> bool:
    return enabled("repairs")


def _open_repair(reading: CanteenReading, repair: dict[str, Any]) -> str:
    """Open a repair ticket for the fridge of an out-of-range reading (the repair log's ``api.open_ticket``,
    in the caller's transaction); returns the ticket's number."""
    if not repairs_available():
        raise ValidationError({"repair": tr("The repair log is not part of this version.")})
    from ..repairs import api as repairs

    box = reading.fridge
    description = (repair.get("description") or "").strip() or tr(
        "Sample fridge “{fridge}” read {temp} °C at {time} (allowed {lo}–{hi} °C). Done: {action}").format(
        fridge=box.name, temp=fmt_temp(reading.temperature), time=fmt_moment(reading.read_at),
        lo=fmt_temp(reading.min_temp), hi=fmt_temp(reading.max_temp), action=reading.action or "")
    reporter = reading.read_by.name if reading.read_by_id else audit.current_operator()
    try:  # 水电 unless said; a school that renamed it gets the catch-all 其他 (the api's rule)
        ticket = repairs.open_ticket(None, repair.get("place"), description, reporter,
                                     ("canteen_reading", reading.id), source="canteen",
                                     category=repair.get("category") or "水电",
                                     urgency=repair.get("urgency") or "urgent",
                                     reported_at=min(clock.now(), reading.read_at), reporter_person=reading.read_by_id)
    except ValidationError as exc:
        raise ValidationError({"repair": join_clauses(exc.errors.values())}) from None
    return ticket.number


def reading_note(r: dict) -> str:
    """A reading's notes with what was done about it (action, re-check, repair ticket), for lists and paper."""
    parts = [r.get("note") or ""]
    if r.get("action"):
        parts.append(tr("Action: {action}").format(action=r["action"]))
    if r.get("recheck_at"):
        parts.append(tr("re-check {time}").format(time=fmt_moment(r["recheck_at"])))
    if r.get("repair_ticket"):
        parts.append(tr("repair {number}").format(number=r["repair_ticket"]))
    return join_clauses(p for p in parts if p)


def void_reading(reading: CanteenReading, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": tr("Give the reason for voiding the reading.")})
    with database.atomic():
        before = audit.snapshot(reading, ["voided", "void_reason"])
        reading.voided, reading.void_reason = True, reason
        reading.save()
        audit.record_update(reading, before, action="void", note=reason)


def readings(start: _dt.date, end: _dt.date, fridge: CanteenFridge | None = None) -> list[dict]:
    Reader = Person.alias()
    q = (CanteenReading.select(CanteenReading.id, CanteenReading.day, CanteenReading.read_at,
                               CanteenReading.temperature, CanteenReading.min_temp, CanteenReading.max_temp,
                               CanteenReading.note, CanteenReading.action, CanteenReading.recheck_at,
                               CanteenReading.repair_ticket, CanteenFridge.name.alias("fridge_name"),
                               CanteenFridge.id.alias("fridge_id"), Reader.name.alias("read_by_name"))
         .join(CanteenFridge, on=(CanteenReading.fridge == CanteenFridge.id))
         .switch(CanteenReading).join(Reader, JOIN.LEFT_OUTER, on=(CanteenReading.read_by == Reader.id))
         .where((CanteenReading.day >= start) & (CanteenReading.day <= end) & (CanteenReading.voided == False)))  # noqa: E712
    if fridge is not None:
        q = q.where(CanteenReading.fridge == fridge)
    out = []
    for r in q.order_by(CanteenReading.read_at, CanteenFridge.name).dicts():
        r["out_of_range"] = r["temperature"] < r["min_temp"] or r["temperature"] > r["max_temp"]
        out.append(r)
    return out


# --- closed days -----------------------------------------------------------------

def close_day(day: _dt.date, reason: str) -> CanteenClosure:
    """Mark a day on which the canteen does not serve (no samples expected)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": tr("Give the reason (e.g. National Day holiday).")})
    existing = CanteenClosure.get_or_none(CanteenClosure.day == day)
    with database.atomic():
        if existing is not None:
            before = audit.snapshot(existing, ["reason"])
            existing.reason = reason
            existing.save()
            audit.record_update(existing, before)
            return existing
        row = CanteenClosure.create(day=day, reason=reason, created_at=clock.now())
        audit.record_create(row)
        return row


def reopen_day(day: _dt.date) -> None:
    row = CanteenClosure.get_or_none(CanteenClosure.day == day)
    if row is None:
        return
    with database.atomic():
        audit.record("canteen_closure", row.id, "delete", note=f"{row.day} {row.reason}")
        row.delete_instance()


def closure(day: _dt.date) -> CanteenClosure | None:
    return CanteenClosure.get_or_none(CanteenClosure.day == day)


# --- reading the day / the log ---------------------------------------------------

def _line_query():
    Taker = Person.alias("taker")
    Disposer = Person.alias("disposer")
    return (CanteenSample.select(
        CanteenSample.id, CanteenSample.number, CanteenSample.day, CanteenSample.meal, CanteenSample.sort_order,
        CanteenSample.dish_name, CanteenSample.weight_g, CanteenSample.taken_at, CanteenSample.keep_until,
        CanteenSample.container_no, CanteenSample.entered_at, CanteenSample.disposed_at,
        CanteenSample.disposal_note, CanteenSample.note, CanteenSample.taken_by.alias("taken_by_id"),
        CanteenSample.sampler_reason,
        CanteenSample.fridge.alias("fridge_id"),
        Taker.name.alias("taken_by_name"), Disposer.name.alias("disposed_by_name"),
        CanteenFridge.name.alias("fridge_name"))
        .join(Taker, JOIN.LEFT_OUTER, on=(CanteenSample.taken_by == Taker.id))
        .switch(CanteenSample).join(Disposer, JOIN.LEFT_OUTER, on=(CanteenSample.disposed_by == Disposer.id))
        .switch(CanteenSample).join(CanteenFridge, JOIN.LEFT_OUTER, on=(CanteenSample.fridge == CanteenFridge.id))
        .where(CanteenSample.voided == False))  # noqa: E712


def _sorted_lines(rows: Iterable[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["day"], MEAL_ORDER.get(r["meal"], 9), r["sort_order"], r["id"]))


def day_lines(day: _dt.date, meal: str | None = None) -> list[dict]:
    """The day's dishes with their samples, in meal order (plain dicts)."""
    q = _line_query().where(CanteenSample.day == day)
    if meal:
        q = q.where(CanteenSample.meal == meal)
    return _sorted_lines(q.dicts())


def log_lines(start: _dt.date, end: _dt.date, meal: str | None = None) -> list[dict]:
    """Every dish line (with or without sample) between two days, in order."""
    q = _line_query().where((CanteenSample.day >= start) & (CanteenSample.day <= end))
    if meal:
        q = q.where(CanteenSample.meal == meal)
    return _sorted_lines(q.dicts())


def week_start(day: _dt.date) -> _dt.date:
    return day - _dt.timedelta(days=day.weekday())


def days_with_menu(start: _dt.date, end: _dt.date) -> dict[_dt.date, tuple[int, int]]:
    """{day: (dishes, sampled)} between two days (for a week overview)."""
    out: dict[_dt.date, list[int]] = {}
    q = _live(CanteenSample.select(CanteenSample.day, CanteenSample.taken_at).where(
        (CanteenSample.day >= start) & (CanteenSample.day <= end))).tuples()
    for day, taken in q:
        d = out.setdefault(day, [0, 0])
        d[0] += 1
        if taken is not None:
            d[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


# --- the compliance check --------------------------------------------------------

BREACH_KINDS = {
    "meal_missing": N_("Meal not recorded"),
    "meal_no_samples": N_("Meal without samples"),
    "dish_no_sample": N_("Dish without sample"),
    "under_weight": N_("Under minimum weight"),
    "incomplete": N_("Incomplete record"),
    "early_disposal": N_("Disposed before deadline"),
    "not_disposed": N_("Past deadline, not disposed"),
    "few_readings": N_("Too few fridge readings"),
    "out_of_range": N_("Temperature out of range"),
    "recheck_missing": N_("Re-check not recorded"),
    "late_entry": N_("Late entry"),
    # the other ledgers of issue 18 (hygiene.py; receiving through food-in's interface)
    "no_disinfection": N_("Meal without disinfection"),
    "morning_check_missing": N_("Morning check missing"),
    "health_cert": N_("Worked without a valid health certificate"),
    "no_receiving": N_("No receiving recorded"),
    "no_accompany": N_("No accompanied meal"),
}
SEVERITIES = {"breach": N_("Breach"), "reminder": N_("Reminder"), "pending": N_("Still to do")}


@dataclass
class Breach:
    day: _dt.date
    kind: str
    message: str
    severity: str = "breach"  # breach | reminder | pending (today, not yet due)
    meal: str | None = None
    sample_id: int | None = None
    number: str | None = None
    fridge_id: int | None = None
    reading_id: int | None = None
    person_id: int | None = None

    @property
    def kind_label(self) -> str:
        return tr(BREACH_KINDS.get(self.kind, self.kind))

    @property
    def severity_label(self) -> str:
        return tr(SEVERITIES[self.severity])

    @property
    def meal_label(self) -> str:
        return meal_label(self.meal)

    def sort_key(self):
        return (self.day, MEAL_ORDER.get(self.meal, 8) if self.meal else 9, list(BREACH_KINDS).index(self.kind),
                self.number or "", self.reading_id or 0)


def first_day() -> _dt.date | None:
    """The first day the check covers: the setting, else the first day with records (samples, fridge
    readings, morning checks, disinfection, deliveries, accompanied meals). None: the canteen's ledgers
    have not started (a new school, or one that does not keep them here): nothing is checked."""
    value = settings.get("canteen.start_date")
    if value:
        try:
            return _dt.date.fromisoformat(str(value))
        except ValueError:
            pass
    firsts = [_live(CanteenSample.select(fn.MIN(CanteenSample.day))).scalar(),
              CanteenReading.select(fn.MIN(CanteenReading.day)).where(CanteenReading.voided == False).scalar()]  # noqa: E712
    from . import hygiene  # the other ledgers count as records too (issue 18)

    firsts += hygiene.first_days()
    try:
        from .food_models import CanteenDelivery

        firsts.append(CanteenDelivery.select(fn.MIN(CanteenDelivery.day)).where(
            CanteenDelivery.voided == False).scalar())  # noqa: E712
    except ImportError:  # food-in's ledger not part of this version
        pass
    firsts = [d for d in firsts if d is not None]
    return min(firsts) if firsts else None


def started(today: _dt.date | None = None) -> bool:
    """Whether the canteen's ledgers have started by ``today``: a start date set and reached, or a first
    record. Until then Today and the tab show how to start instead of a day of breaches."""
    first = first_day()
    return first is not None and first <= (today or clock.today())


def not_started_text(today: _dt.date | None = None, *, first: Any = ...) -> str | None:
    """Why nothing is checked yet (None once started): no record and no start date, or a start date ahead.
    ``first``: ``first_day()`` when the caller has read it already."""
    first = first_day() if first is ... else first
    today = today or clock.today()
    if first is None:
        return tr("The canteen ledgers have not started yet: nothing is checked until the first record "
                  "(a sample, morning check, disinfection, delivery or fridge reading) or a start date.")
    if first > today:
        return tr("The canteen ledgers start on {date}: nothing is checked before that day.").format(
            date=first.isoformat())
    return None


def start_checks(day: _dt.date) -> None:
    """Start the daily check on ``day`` (the setting ``canteen.start_date``; written and audited as any
    setting): from that day on every service day's meals and ledgers are checked."""
    if not isinstance(day, _dt.date):
        raise ValidationError({"start_date": tr("Enter a date.")})
    settings.set_many({"canteen.start_date": day.isoformat()})


def _term_ranges() -> list[tuple[_dt.date, _dt.date]]:
    return [(t.start_date, t.end_date) for t in Term.select(Term.start_date, Term.end_date)]


def is_service_day(day: _dt.date, *, closed: set | None = None, terms: list | None = None,
                   weekdays: list | None = None) -> bool:
    """Whether the canteen serves on ``day``: a service weekday, inside a term (when terms
    are entered), not marked closed."""
    if closed is None:
        closed = {day} if CanteenClosure.select().where(CanteenClosure.day == day).exists() else set()
    if day in closed:
        return False
    weekdays = weekdays if weekdays is not None else (settings.get("canteen.service_weekdays") or [])
    if day.weekday() not in weekdays:
        return False
    terms = terms if terms is not None else _term_ranges()
    if terms and not any(a <= day <= b for a, b in terms):
        return False
    return True


def _samples_by_meal(start: _dt.date, end: _dt.date) -> dict[tuple[_dt.date, str], list[tuple]]:
    """The live samples between two days as tuples, by (day, meal)."""
    by_meal: dict[tuple[_dt.date, str], list[tuple]] = defaultdict(list)
    q = _live(CanteenSample.select(
        CanteenSample.id, CanteenSample.number, CanteenSample.day, CanteenSample.meal, CanteenSample.sort_order,
        CanteenSample.dish_name, CanteenSample.weight_g, CanteenSample.taken_at, CanteenSample.taken_by,
        CanteenSample.fridge, CanteenSample.keep_until, CanteenSample.entered_at, CanteenSample.disposed_at)
        .where((CanteenSample.day >= start) & (CanteenSample.day <= end))).tuples()
    for row in q:
        by_meal[(row[2], row[3])].append(row)
    return by_meal


def _meal_breaches(day: _dt.date, meal: str, lines: list[tuple], pending: bool, min_w: int,
                   late: _dt.timedelta, now: _dt.datetime, add) -> None:
    """One meal's breaches: no dishes, no samples, a dish not sampled, then each sample's own."""
    ml = meal_label(meal)
    if not lines:
        if pending:
            add(Breach(day, "meal_missing", tr("{meal}: no dishes entered yet.").format(meal=ml), "pending", meal))
        else:
            add(Breach(day, "meal_missing", tr("{meal}: no dishes and no samples recorded.").format(meal=ml),
                       meal=meal))
        return
    sampled = [r for r in lines if r[6] is not None or r[7] is not None or r[8] is not None]
    if not sampled:
        names = join_list(r[5] for r in lines)
        if pending:
            add(Breach(day, "meal_no_samples", tr("{meal}: samples still to take ({dishes}).").format(
                meal=ml, dishes=names), "pending", meal))
        else:
            add(Breach(day, "meal_no_samples", tr("{meal}: none of the {n} dishes was sampled ({dishes}).")
                       .format(meal=ml, n=len(lines), dishes=names), meal=meal))
        return
    for r in lines:
        sid, number, dish = r[0], r[1], r[5]
        if r not in sampled:
            if pending:
                add(Breach(day, "dish_no_sample", tr("{meal} “{dish}”: sample still to take.").format(
                    meal=ml, dish=dish), "pending", meal, sid, number))
            else:
                add(Breach(day, "dish_no_sample", tr("{meal} “{dish}”: no sample was taken.").format(
                    meal=ml, dish=dish), meal=meal, sample_id=sid, number=number))
            continue
        _sample_breaches(day, meal, ml, r, min_w, late, now, add)


def _sample_breaches(day: _dt.date, meal: str, ml: str, r: tuple, min_w: int, late: _dt.timedelta,
                     now: _dt.datetime, add) -> None:
    """A sample's breaches: under weight, incomplete, disposed of early or not yet, entered late."""
    sid, number, _d, _m, _o, dish, weight, taken_at, taken_by, fridge, keep_until, entered, disposed = r
    if weight is not None and weight < min_w:
        add(Breach(day, "under_weight",
                   tr("{meal} “{dish}”: {weight} g retained, at least {min} g required.").format(
                       meal=ml, dish=dish, weight=weight, min=min_w),
                   meal=meal, sample_id=sid, number=number))
    missing = []
    if weight is None:
        missing.append(tr("weight"))
    if taken_at is None:
        missing.append(tr("time taken"))
    if taken_by is None:
        missing.append(tr("who took it"))
    if fridge is None:
        missing.append(tr("fridge"))
    if missing:
        add(Breach(day, "incomplete", tr("{meal} “{dish}”: the record has no {missing}.").format(
            meal=ml, dish=dish, missing=join_list(missing)), meal=meal, sample_id=sid, number=number))
    if disposed is not None and keep_until is not None and disposed < keep_until:
        add(Breach(day, "early_disposal", tr("{meal} “{dish}”: disposed of on {at}, before the end of "
                                             "retention ({until}), {short} too early.").format(
            meal=ml, dish=dish, at=fmt_moment(disposed), until=fmt_moment(keep_until),
            short=fmt_duration(keep_until - disposed)), meal=meal, sample_id=sid, number=number))
    if disposed is None and keep_until is not None and keep_until <= now:
        add(Breach(day, "not_disposed", tr("{meal} “{dish}”: kept until {until}, not yet disposed of.")
                   .format(meal=ml, dish=dish, until=fmt_moment(keep_until)), "reminder",
                   meal, sid, number))
    if late and entered is not None and taken_at is not None and entered - taken_at > late:
        add(Breach(day, "late_entry", tr("{meal} “{dish}”: taken at {taken}, entered {entered} "
                                         "({delay} later).").format(
            meal=ml, dish=dish, taken=fmt_moment(taken_at), entered=fmt_moment(entered),
            delay=fmt_duration(entered - taken_at)), meal=meal, sample_id=sid, number=number))


def check(start: _dt.date, end: _dt.date, now: _dt.datetime | None = None, *,
          progress=None, cancel=None) -> list[Breach]:
    """Every breach between two days, each with its reason.

    Days after today are not checked (menus entered in advance). Today's meals whose
    time has not passed, and today's fridge readings, are "pending", not breaches. The settings are read
    once for the call (a meal's time is asked for every day and meal).
    """
    with settings.snapshot():
        return _check(start, end, now or clock.now(), progress, cancel, None)


def _check(start: _dt.date, end: _dt.date, now: _dt.datetime, progress, cancel,
           reads: dict | None) -> list[Breach]:
    """``check``; ``reads`` (a dict, for ``day_status``) is given what was read on the way, so that the
    day's picture does not read the same tables again: "first" (``first_day``), and once the days are
    checked "range" (start, end), "samples" (``_samples_by_meal``), "service" ({day: a service day}),
    and the other ledgers' (see ``_ledger_breaches``)."""
    today = now.date()
    first = first_day()
    if reads is not None:
        reads["first"] = first
    if first is None:  # the ledgers have not started: nothing to check (not "all in order" either)
        return []
    start = max(start, first)
    end = min(end, today)
    if end < start:
        return []
    by_meal = _samples_by_meal(start, end)
    if reads is not None:
        reads.update(range=(start, end), samples=by_meal, service={})
    out: list[Breach] = []
    served_days = _daily_sample_breaches(start, end, now, by_meal, reads, out.append, progress, cancel)
    out.extend(_fridge_breaches(start, end, now, readings_per_day(), _FridgeNames()))
    out.extend(_ledger_breaches(start, end, now, served_days, reads))
    out.sort(key=Breach.sort_key)
    return out


def _daily_sample_breaches(start: _dt.date, end: _dt.date, now: _dt.datetime, by_meal: dict, reads: dict | None, add,
                     progress, cancel) -> dict[_dt.date, list[str]]:
    """``_check``'s day-by-day look at the samples (each breach handed to ``add``): the meals each day
    served ({day: meals}, for the other ledgers)."""
    today = now.date()
    meals_served = served_meals()
    min_w = min_weight()
    late = _dt.timedelta(hours=late_entry_hours())
    closed = {r.day for r in CanteenClosure.select(CanteenClosure.day).where(
        (CanteenClosure.day >= start) & (CanteenClosure.day <= end))}
    terms = _term_ranges()
    weekdays = settings.get("canteen.service_weekdays") or []
    day = start
    n_days = (end - start).days + 1
    done = 0
    served_days: dict[_dt.date, list[str]] = {}
    while day <= end:
        service = is_service_day(day, closed=closed, terms=terms, weekdays=weekdays)
        if reads is not None:
            reads["service"][day] = service
        present = [m for m in MEALS if (day, m) in by_meal]
        expected = [m for m in MEALS if m in present or (service and m in meals_served)]
        if expected:
            served_days[day] = expected
        for meal in expected:
            lines = sorted(by_meal.get((day, meal), []), key=lambda r: (r[4], r[0]))
            pending = day == today and now.time() < meal_deadline(meal)
            _meal_breaches(day, meal, lines, pending, min_w, late, now, add)
        day += _dt.timedelta(days=1)
        done += 1
        if progress is not None and done % 30 == 0:
            progress(done, n_days)
        if cancel is not None and done % 30 == 0 and cancel():
            from ...core.tasks import Cancelled

            raise Cancelled()
    return served_days


def _disinfection_breaches(day: _dt.date, meals: list[str], disinfected: set, now: _dt.datetime) -> list[Breach]:
    """Each meal served without its tableware disinfection (pending until the meal's time today)."""
    out = []
    for meal in meals:
        if (day, meal) in disinfected:
            continue
        ml = meal_label(meal)
        if day == now.date() and now.time() < meal_deadline(meal):
            out.append(Breach(day, "no_disinfection", tr("{meal}: tableware disinfection still to record.")
                              .format(meal=ml), "pending", meal))
        else:
            out.append(Breach(day, "no_disinfection", tr("{meal}: no disinfection of tableware is recorded.")
                              .format(meal=ml), meal=meal))
    return out


def _certificate_breaches(day: _dt.date, checked: dict, names: dict[int, str]) -> list[Breach]:
    """Nobody checked fit on ``day`` worked without a valid health certificate (``checked``: {person id:
    (present, fit, certificate expires)}; ``names`` {id: name}, completed here for one not a worker now)."""
    out = []
    for pid, (present, fit, expires) in checked.items():
        if present and fit and (expires is None or expires < day):
            if pid not in names:
                names[pid] = Person.get_by_id(pid).name
            text = (tr("{name} worked with a health certificate expired on {date}.").format(
                name=names[pid], date=expires.isoformat()) if expires is not None else
                tr("{name} worked without a health certificate on record.").format(name=names[pid]))
            out.append(Breach(day, "health_cert", text, person_id=pid))
    return out


def _ledger_breaches(start: _dt.date, end: _dt.date, now: _dt.datetime,
                     served_days: dict[_dt.date, list[str]], reads: dict | None = None) -> list[Breach]:
    """The other four ledgers over the days the canteen served (``served_days``: {day: meals}):
    every meal served has a disinfection record (breach); every canteen worker has a morning check
    on each day served (breach), and nobody checked fit worked without a valid certificate (breach);
    a delivery is recorded each day served (a reminder: some days nothing is delivered) and a school
    leader accompanied a meal (a reminder). Today's items not yet due are pending. ``reads`` (see
    ``_check``) is given "disinfected", "checks", "workers", "accompanied" and "deliveries"."""
    from . import hygiene

    today = now.date()
    out: list[Breach] = []
    if not served_days:
        return out
    disinfected = hygiene.disinfected_meals(start, end)
    checks = hygiene.checked_people(start, end)
    staff = hygiene.canteen_workers()
    workers = {p.id: p.name for p in staff}
    names = dict(workers)
    # a worker is expected from their first morning check (one never checked: on every day), so that
    # a cook who joins today does not make every past day a breach (read when a worker is not checked)
    since: dict[int, _dt.date] | None = None
    accompanied = hygiene.accompanied_days(start, end)
    try:
        deliveries = hygiene.deliveries_by_day(start, end)
    except Exception:  # noqa: BLE001 - food-in's ledger not ready: the receiving line is left out
        deliveries = None
    if reads is not None:
        reads.update(disinfected=disinfected, checks=checks, workers=staff, accompanied=accompanied,
                     deliveries=deliveries)
    for day in sorted(served_days):
        meals = served_days[day]
        out.extend(_disinfection_breaches(day, meals, disinfected, now))
        first_meal = min((meal_deadline(m) for m in meals), default=_dt.time(9, 30))
        # the day's receiving and accompanied meal: still to do until the last meal's time has passed
        open_day = day == today and now.time() < max((meal_deadline(m) for m in meals), default=_dt.time(23, 59))
        checked = checks.get(day, {})
        if since is None and any(pid not in checked for pid in workers):
            since = hygiene.first_checks()
        missing = [pid for pid in workers if pid not in checked and since.get(pid, day) <= day]
        if missing:
            who = join_list(workers[pid] for pid in missing)
            if day == today and now.time() < first_meal:
                out.append(Breach(day, "morning_check_missing", tr("Morning check still to do: {names}.").format(
                    names=who), "pending"))
            else:
                out.append(Breach(day, "morning_check_missing", tr("No morning check of {n} canteen worker(s): "
                                                                   "{names}.").format(n=len(missing), names=who)))
        out.extend(_certificate_breaches(day, checked, names))
        if deliveries is not None:
            got = deliveries.get(day) or {}
            if not sum(int(v or 0) for v in got.values()):
                out.append(Breach(day, "no_receiving", tr("No delivery was checked in on this day."),
                                  "pending" if open_day else "reminder"))
        if day not in accompanied:
            out.append(Breach(day, "no_accompany", tr("No school leader's accompanied meal is recorded."),
                              "pending" if open_day else "reminder"))
    return out


class _FridgeNames:
    """{fridge id: name} for the check's messages, read at the first message that names a fridge (a day
    without a fridge breach does not read the table)."""

    def __init__(self) -> None:
        self._names: dict[int, str] | None = None

    def get(self, fridge_id: int, default: str) -> str:
        if self._names is None:
            self._names = {f.id: f.name for f in CanteenFridge.select(CanteenFridge.id, CanteenFridge.name)}
        return self._names.get(fridge_id, default)


def _fridge_days(start: _dt.date, end: _dt.date, today: _dt.date) -> set[tuple[int, _dt.date]]:
    """(fridge id, day) for every day a fridge held samples: from sampling to disposal (or until today)."""
    in_use: set[tuple[int, _dt.date]] = set()
    start_dt = _dt.datetime.combine(start, _dt.time.min)
    q = _live(CanteenSample.select(CanteenSample.fridge, CanteenSample.taken_at, CanteenSample.disposed_at).where(
        CanteenSample.taken_at.is_null(False) & CanteenSample.fridge.is_null(False)
        & (CanteenSample.day <= end)
        & (CanteenSample.disposed_at.is_null() | (CanteenSample.disposed_at >= start_dt)))).tuples()
    one = _dt.timedelta(days=1)
    for fridge, taken_at, disposed_at in q:
        a = max(taken_at.date(), start)
        b = min(disposed_at.date() if disposed_at is not None else today, end)
        while a <= b:
            in_use.add((fridge, a))
            a += one
    return in_use


def _fridge_breaches(start: _dt.date, end: _dt.date, now: _dt.datetime, need: int,
                     fridges: _FridgeNames | dict[int, str]) -> list[Breach]:
    today = now.date()
    out: list[Breach] = []
    in_use = _fridge_days(start, end, today)
    counts: dict[tuple[int, _dt.date], int] = defaultdict(int)
    rechecks = []  # the readings out of range that asked for a re-check (read with the rest: one query)
    q = (CanteenReading.select(CanteenReading.id, CanteenReading.fridge, CanteenReading.day, CanteenReading.read_at,
                               CanteenReading.temperature, CanteenReading.min_temp, CanteenReading.max_temp,
                               CanteenReading.recheck_at)
         .where((CanteenReading.day >= start) & (CanteenReading.day <= end) & (CanteenReading.voided == False))  # noqa: E712
         .tuples())
    for rid, fridge, day, read_at, temp, lo, hi, recheck_at in q:
        counts[(fridge, day)] += 1
        if temp < lo or temp > hi:
            add_text = tr("Fridge “{fridge}” read {temp} °C at {time}; the allowed range is {lo}–{hi} °C.").format(
                fridge=fridges.get(fridge, "?"), temp=fmt_temp(temp), time=read_at.strftime("%H:%M"),
                lo=fmt_temp(lo), hi=fmt_temp(hi))
            out.append(Breach(day, "out_of_range", add_text, fridge_id=fridge, reading_id=rid))
        if recheck_at is not None:
            rechecks.append((rid, fridge, day, read_at, recheck_at))
    # an out-of-range reading promised a re-check: a later reading of that fridge
    last_read = dict(CanteenReading.select(CanteenReading.fridge, fn.MAX(CanteenReading.read_at))
                     .where((CanteenReading.voided == False) & (CanteenReading.day >= start))  # noqa: E712
                     .group_by(CanteenReading.fridge).tuples()) if rechecks else {}
    for rid, fridge, day, read_at, recheck_at in rechecks:
        if last_read.get(fridge) is not None and last_read[fridge] > read_at:
            continue
        name = fridges.get(fridge, "?")
        if recheck_at > now:
            out.append(Breach(day, "recheck_missing", tr("Fridge “{fridge}”: read it again at {time} (re-check after "
                                                         "a reading out of range).").format(
                fridge=name, time=fmt_moment(recheck_at)), "pending", fridge_id=fridge, reading_id=rid))
        else:
            out.append(Breach(day, "recheck_missing", tr("Fridge “{fridge}” was out of range at {at}; the re-check "
                                                         "due at {time} is not recorded.").format(
                fridge=name, at=read_at.strftime("%H:%M"), time=fmt_moment(recheck_at)),
                fridge_id=fridge, reading_id=rid))
    if need > 0:
        for fridge, day in sorted(in_use, key=lambda x: (x[1], x[0])):
            n = counts.get((fridge, day), 0)
            if n >= need:
                continue
            name = fridges.get(fridge, "?")
            if day == today:
                out.append(Breach(day, "few_readings", tr("Fridge “{fridge}”: {n} of {need} temperature readings "
                                                          "taken today.").format(fridge=name, n=n, need=need),
                                  "pending", fridge_id=fridge))
            else:
                out.append(Breach(day, "few_readings", tr("Fridge “{fridge}” held samples but has {n} temperature "
                                                          "reading(s); at least {need} a day are required.").format(
                    fridge=name, n=n, need=need), fridge_id=fridge))
    return out


def fridge_summary(start: _dt.date, end: _dt.date, now: _dt.datetime | None = None) -> list[dict]:
    """Per fridge over the period, what the requirement (``readings_per_day`` a day while a
    fridge holds samples) asks and what was done: readings, days holding samples, and the
    days (today excepted: not over yet) with too few readings. Fridges with neither
    readings nor samples in the period are left out."""
    now = now or clock.now()
    today = now.date()
    begun = first_day()
    if begun is None:
        return []
    first = max(start, begun)
    last = min(end, today)
    need = readings_per_day()
    in_use = _fridge_days(first, last, today) if first <= last else set()
    counts: dict[tuple[int, _dt.date], int] = defaultdict(int)
    for fridge, day in (CanteenReading.select(CanteenReading.fridge, CanteenReading.day)
                        .where((CanteenReading.day >= start) & (CanteenReading.day <= end)
                               & (CanteenReading.voided == False)).tuples()):  # noqa: E712
        counts[(fridge, day)] += 1
    out = []
    for f in CanteenFridge.select().order_by(CanteenFridge.name):
        days = sorted(d for fid, d in in_use if fid == f.id)
        readings = sum(n for (fid, _d), n in counts.items() if fid == f.id)
        if not days and not readings:
            continue
        short = [(d, counts.get((f.id, d), 0)) for d in days if d != today and counts.get((f.id, d), 0) < need]
        out.append({"fridge_id": f.id, "name": f.name, "readings": readings, "days_in_use": len(days),
                    "short": short, "need": need})
    return out


@dataclass
class DayStatus:
    day: _dt.date
    breaches: list[Breach]  # breaches and reminders
    pending: list[Breach]
    dishes: int
    sampled: int
    picture: dict | None = None  # ``day_picture``: per meal samples / disinfection, the day's other ledgers
    not_started: str | None = None  # ``not_started_text``: the ledgers have not started (nothing checked)

    @property
    def state(self) -> str:
        """"not_started" (calm: nothing checked yet), "ok" (green), "reminder" (only reminders: amber) or
        "breach" (red)."""
        if self.not_started:
            return "not_started"
        if any(b.severity == "breach" for b in self.breaches):
            return "breach"
        if self.breaches:
            return "reminder"
        return "ok"


def day_status(day: _dt.date | None = None, now: _dt.datetime | None = None) -> DayStatus:
    """The state of a day at a glance; for today also every sample anywhere past its deadline."""
    with settings.snapshot():  # the settings read once for the call
        return _day_status(day, now)


def _day_status(day: _dt.date | None, now: _dt.datetime | None) -> DayStatus:
    now = now or clock.now()
    day = day or now.date()
    reads: dict[str, Any] = {}  # what the check read, for the picture and the figures (each table read once)
    found = _check(day, day, now, None, None, reads)
    if day == now.date():
        seen = {b.sample_id for b in found if b.kind == "not_disposed"}
        for row in due_samples(now).where(CanteenSample.day < day):
            if row.id not in seen:
                found.append(Breach(row.day, "not_disposed",
                                    tr("{day} {meal} “{dish}”: kept until {until}, not yet disposed of.").format(
                                        day=f"{row.day.month}/{row.day.day}", meal=meal_label(row.meal),
                                        dish=row.dish_name, until=fmt_moment(row.keep_until)),
                                    "reminder", row.meal, row.id, row.number))
    if reads.get("range") == (day, day):  # the day's live dishes as days_with_menu(day, day) counts them
        lines = [r for meal_lines in reads["samples"].values() for r in meal_lines]
        dishes, sampled = len(lines), sum(1 for r in lines if r[7] is not None)
    else:
        dishes, sampled = days_with_menu(day, day).get(day, (0, 0))
    picture = day_picture(day, _reads=reads)
    return DayStatus(day, [b for b in found if b.severity != "pending"], [b for b in found if b.severity == "pending"],
                     dishes, sampled, picture, not_started_text(day, first=reads["first"]))


def day_picture(day: _dt.date, *, _reads: dict | None = None) -> dict[str, Any]:
    """One day's picture of the five ledgers: per meal (served, or with dishes) the dishes, the samples
    taken and whether the disinfection is recorded; the morning check (workers checked of all, sent
    home); the deliveries (None while receiving is not part of this version); the accompanied meal.
    ``_reads``: what ``_check`` read for this very day (``day_status``), used instead of reading again."""
    from . import hygiene

    reads = _reads if _reads is not None and _reads.get("range") == (day, day) else {}
    per_meal: dict[str, list[int]] = {}
    if "samples" in reads:
        rows = [(meal, r[7]) for (_d, meal), meal_lines in reads["samples"].items() for r in meal_lines]
    else:
        rows = _live(CanteenSample.select(CanteenSample.meal, CanteenSample.taken_at).where(
            CanteenSample.day == day)).tuples()
    for meal, taken in rows:
        d = per_meal.setdefault(meal, [0, 0])
        d[0] += 1
        d[1] += taken is not None
    found = reads["disinfected"] if "disinfected" in reads else hygiene.disinfected_meals(day, day)
    disinfected = {m for _d, m in found}
    serves = reads["service"][day] if day in reads.get("service", {}) else is_service_day(day)
    meals = [m for m in MEALS if m in per_meal or m in disinfected or (serves and m in served_meals())]
    workers = {p.id for p in (reads["workers"] if "workers" in reads else hygiene.canteen_workers())}
    checked = (reads["checks"] if "checks" in reads else hygiene.checked_people(day, day)).get(day, {})
    if "deliveries" in reads:
        deliveries = reads["deliveries"]
    else:
        try:
            deliveries = hygiene.deliveries_by_day(day, day)
        except Exception:  # noqa: BLE001 - food-in's ledger not ready
            deliveries = None
    got = (deliveries or {}).get(day) or {}
    return {
        "day": day, "service": serves,
        "meals": [{"meal": m, "label": meal_label(m), "dishes": per_meal.get(m, [0, 0])[0],
                   "sampled": per_meal.get(m, [0, 0])[1], "disinfected": m in disinfected} for m in meals],
        "workers": len(workers | set(checked)), "checked": len(checked),
        "sent_home": sum(1 for present, fit, _e in checked.values() if present and not fit),
        "receiving": None if deliveries is None else {"accepted": int(got.get("accepted") or 0),
                                                      "refused": int(got.get("refused") or 0)},
        "accompanied": day in (reads["accompanied"] if "accompanied" in reads else hygiene.accompanied_days(day, day)),
    }


def picture_lines(picture: dict[str, Any], compact: bool = False) -> list[str]:
    """The day's picture in words, one line per meal then one for the day (Today and the tab's banner);
    ``compact``: the meals on one line."""
    yes, no = "✓", "✗"
    out = []
    for m in picture["meals"]:
        out.append(tr("{meal}: samples {sampled}/{dishes} · disinfection {disinfected}").format(
            meal=m["label"], sampled=m["sampled"], dishes=m["dishes"], disinfected=yes if m["disinfected"] else no))
    parts = [tr("morning check {checked}/{workers}").format(checked=picture["checked"], workers=picture["workers"])]
    if picture["sent_home"]:
        parts.append(tr("{n} sent home").format(n=picture["sent_home"]))
    if picture["receiving"] is not None:
        r = picture["receiving"]
        parts.append(tr("receiving {accepted} accepted, {refused} refused").format(**r)
                     if r["accepted"] or r["refused"] else tr("receiving: none"))
    parts.append(tr("accompanied meal {mark}").format(mark=yes if picture["accompanied"] else no))
    out.append(" · ".join(parts))
    if compact and len(out) > 2:
        out = [join_clauses(out[:-1]), out[-1]]
    return out


def summarize(breaches: list[Breach]) -> dict[str, int]:
    """{kind: count} in the order of BREACH_KINDS, pending left out."""
    counts = {k: 0 for k in BREACH_KINDS}
    for b in breaches:
        if b.severity != "pending":
            counts[b.kind] += 1
    return {k: v for k, v in counts.items() if v}


def period_report(start: _dt.date, end: _dt.date, now: _dt.datetime | None = None, *,
                  progress=None, cancel=None) -> dict[str, Any]:
    """What the compliance report prints: the breaches and the figures of the period."""
    if end < start:
        raise ValidationError({"end": tr("The end date is before the start date.")})
    now = now or clock.now()
    breaches = check(start, end, now, progress=progress, cancel=cancel)
    first = first_day()
    a, b = max(start, first or now.date()), min(end, now.date())
    days_checked = max(0, (b - a).days + 1) if first is not None else 0  # not started: nothing certified
    stats = _live(CanteenSample.select(fn.COUNT(CanteenSample.id), fn.COUNT(CanteenSample.taken_at)).where(
        (CanteenSample.day >= start) & (CanteenSample.day <= end))).tuples().first() or (0, 0)
    return {"breaches": breaches, "summary": summarize(breaches), "days_checked": days_checked,
            "dishes": stats[0] or 0, "sampled": stats[1] or 0, "start": start, "end": end,
            "fridges": fridge_summary(start, end, now), "ledgers": ledger_counts(start, end)}


def ledger_counts(start: _dt.date, end: _dt.date) -> dict[str, int | None]:
    """How many records each of the other ledgers holds in the period (receiving None while absent)."""
    from . import hygiene

    try:
        deliveries = hygiene.deliveries_by_day(start, end)
    except Exception:  # noqa: BLE001 - food-in's ledger not ready
        deliveries = None
    return {"disinfections": len(hygiene.disinfections(start, end)),
            "morning_check_days": len(hygiene.checked_people(start, end)),
            "accompanied": len(hygiene.accompanies(start, end)),
            "deliveries": None if deliveries is None else sum(
                int(v.get("deliveries") or v.get("accepted") or 0) for v in deliveries.values())}
