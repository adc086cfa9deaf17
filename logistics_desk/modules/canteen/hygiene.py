"""Canteen hygiene ledgers (issue 18, no Qt): health certificates (健康证), morning checks (晨检),
disinfection of tableware (餐用具消毒) and accompanied meals (陪餐).

Interfaces other parts of the canteen call:

- ``certificate_problem(person, on)`` — text when the worker's certificate is missing or expired on
  ``on`` (None when valid); such a worker is not chosen as sampler or receiver without a written reason.
- ``certificate_warning(person, on)`` — text when it expires within ``CERT_WARNING_DAYS`` days.
- ``fit_workers(on)`` — the canteen staff who may be chosen that day (certificate valid, not sent home).
- ``require_fit(person, on, reason, field)`` — raises ``ValidationError`` unless the person may be chosen
  or a reason is written; returns the reason kept (or None).

Every write runs in one transaction with its change-record entries; records are voided with a reason.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from peewee import JOIN, fn

from ...core import audit, clock
from ...core.db import database
from ...core.errors import NotFound, ValidationError
from ...core.i18n import N_, join_list, tr
from ...core.masterdata import Person
from .hygiene_models import (
    DISINFECT_ITEMS,
    DISINFECT_METHODS,
    CanteenAccompany,
    CanteenDisinfection,
    CanteenHealthCert,
    CanteenMorningCheck,
)
from .models import MEAL_ORDER, MEALS

CERT_WARNING_DAYS = 30
SYMPTOMS = ("fever", "diarrhoea", "hand_wound", "sore_throat")
SYMPTOM_LABELS = {
    "fever": N_("Fever"),  # 发热
    "diarrhoea": N_("Diarrhoea"),  # 腹泻
    "hand_wound": N_("Hand wound or infection"),  # 手部伤口或感染
    "sore_throat": N_("Sore throat"),  # 咽喉疼痛
}
MAX_MINUTES = 24 * 60


def _meal_label(meal: str | None) -> str:
    return tr(MEALS[meal]) if meal in MEALS else (meal or "")


def _person(value) -> Person | None:
    if value in (None, "", 0):
        return None
    if isinstance(value, Person):
        return value
    return Person.get_or_none(Person.id == int(value))


def _person_id(value) -> int | None:
    if value in (None, "", 0):
        return None
    return value.id if isinstance(value, Person) else int(value)


def canteen_workers(on: _dt.date | None = None) -> list[Person]:
    """The active canteen staff, by name."""
    return list(_workers(Person.select()))


def _workers(q):
    """``q`` (a select from Person) narrowed to the active canteen staff, by name."""
    return q.where((Person.is_canteen_staff == True) & (Person.active == True)).order_by(Person.name)  # noqa: E712


def people() -> list[Person]:
    """Every active person (school leaders for accompanied meals, checkers), by name."""
    return list(Person.select().where(Person.active == True).order_by(Person.name))  # noqa: E712


# --- health certificates ---------------------------------------------------------------

def certificate(person) -> CanteenHealthCert | None:
    pid = _person_id(person)
    return CanteenHealthCert.get_or_none(CanteenHealthCert.person == pid) if pid else None


def certificates() -> dict[int, CanteenHealthCert]:
    """{person id: certificate} for everybody who has one."""
    return {c.person_id: c for c in CanteenHealthCert.select()}


def save_certificate(person, number: str, expires_on: _dt.date | None, issued_on: _dt.date | None = None,
                     note: str | None = None) -> CanteenHealthCert:
    """Enter or renew a worker's health certificate (number and expiry)."""
    errors: dict[str, str] = {}
    who = _person(person)
    if who is None:
        errors["person"] = tr("Choose the person.")
    number = (number or "").strip()
    if not number:
        errors["number"] = tr("Enter the certificate number.")
    elif len(number) > 60:
        errors["number"] = tr("The certificate number is too long (60 characters at most).")
    if not isinstance(expires_on, _dt.date):
        errors["expires_on"] = tr("Enter the expiry date.")
    elif issued_on is not None and issued_on >= expires_on:
        errors["expires_on"] = tr("The expiry date must come after the issue date.")
    if errors:
        raise ValidationError(errors)
    fields = {"number": number, "expires_on": expires_on, "issued_on": issued_on,
              "note": (note or "").strip() or None, "updated_at": clock.now()}
    with database.atomic():
        row = certificate(who)
        if row is None:
            row = CanteenHealthCert.create(person=who, **fields)
            audit.record_create(row)
            return row
        before = audit.snapshot(row, list(fields))
        for k, v in fields.items():
            setattr(row, k, v)
        row.save()
        audit.record_update(row, before)
        return row


def certificate_problem(person, on: _dt.date) -> str | None:
    """Why ``person`` may not handle food on ``on`` for want of a valid health certificate
    (missing or expired), or None when the certificate is valid that day."""
    who = _person(person)
    if who is None:
        return None
    return _cert_problem(who, certificate(who), on)


def _cert_problem(who: Person, cert: CanteenHealthCert | None, on: _dt.date) -> str | None:
    if cert is None:
        return tr("{name} has no health certificate on record.").format(name=who.name)
    if cert.expires_on < on:
        return tr("{name}'s health certificate ({number}) expired on {date}.").format(
            name=who.name, number=cert.number, date=cert.expires_on.isoformat())
    return None


def certificate_warning(person, on: _dt.date, days: int = CERT_WARNING_DAYS) -> str | None:
    """Text when the (still valid) certificate expires within ``days`` days of ``on``."""
    who = _person(person)
    return _cert_warning(who, certificate(who) if who is not None else None, on, days)


def _cert_warning(who: Person | None, cert: CanteenHealthCert | None, on: _dt.date, days: int) -> str | None:
    if cert is None or cert.expires_on < on:
        return None
    left = (cert.expires_on - on).days
    if left > days:
        return None
    return tr("{name}'s health certificate expires on {date} (in {n} days): renew it.").format(
        name=who.name, date=cert.expires_on.isoformat(), n=left)


def certificate_alerts(on: _dt.date, days: int = CERT_WARNING_DAYS) -> tuple[list[str], list[str]]:
    """(problems, warnings) over the active canteen staff on ``on``: certificates missing or expired,
    and those expiring within ``days`` days (the certificates read once, not once per worker)."""
    problems, warnings = [], []
    # canteen_workers with each one's certificate (person is unique in the certificates): one query
    for p in _workers(Person.select(Person, CanteenHealthCert).join(
            CanteenHealthCert, JOIN.LEFT_OUTER, on=(CanteenHealthCert.person == Person.id), attr="cert")):
        cert = getattr(p, "cert", None)
        if cert is None or cert.expires_on < on:
            problems.append(_cert_problem(p, cert, on))
        elif (cert.expires_on - on).days <= days:
            warnings.append(_cert_warning(p, cert, on, days))
    return problems, warnings


def sent_home(on: _dt.date) -> set[int]:
    """Ids of the workers the morning check of ``on`` found absent or unfit."""
    q = CanteenMorningCheck.select(CanteenMorningCheck.person).where(
        (CanteenMorningCheck.day == on) & (CanteenMorningCheck.voided == False)  # noqa: E712
        & ((CanteenMorningCheck.fit == False) | (CanteenMorningCheck.present == False)))  # noqa: E712
    return {r.person_id for r in q}


def fit_workers(on: _dt.date) -> list[Person]:
    """Canteen staff who may be chosen as sampler or receiver on ``on``: a valid certificate that day
    and not sent home (absent or unfit) by that day's morning check."""
    away = sent_home(on)
    certs = certificates()
    return [p for p in canteen_workers(on)
            if p.id not in away and p.id in certs and certs[p.id].expires_on >= on]


def fitness_problem(person, on: _dt.date) -> str | None:
    """Why ``person`` should not handle food on ``on``: no valid health certificate that day, or sent
    home (absent / unfit) by that day's morning check; None when they may."""
    who = _person(person)
    if who is None:
        return None
    problem = certificate_problem(who, on)
    if problem is None and who.id in sent_home(on):
        problem = tr("{name} was sent home by the morning check of {date}.").format(
            name=who.name, date=on.isoformat())
    return problem


def require_fit(person, on: _dt.date, reason: str | None = None, field: str = "person") -> str | None:
    """Refuse a worker with a missing/expired certificate, or sent home that day, unless ``reason`` is
    written. Returns the reason to keep with the record (None when none was needed)."""
    problem = fitness_problem(person, on)
    if problem is None:
        return None
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: problem + " " + tr("Write the reason to choose them anyway.")})
    return reason


# --- morning checks ----------------------------------------------------------------------

def morning_grid(day: _dt.date) -> list[dict]:
    """One row per canteen worker for ``day``: the check recorded, else "all fine" proposed
    (``recorded`` False), with the certificate and its problem/warning."""
    checks = {c.person_id: c for c in CanteenMorningCheck.select().where(
        (CanteenMorningCheck.day == day) & (CanteenMorningCheck.voided == False))}  # noqa: E712
    certs = certificates()
    rows = []
    workers = canteen_workers(day)
    ids = {p.id for p in workers}
    extra = [c.person for pid, c in checks.items() if pid not in ids]  # checked, no longer staff
    for p in workers + extra:
        c = checks.get(p.id)
        cert = certs.get(p.id)
        row = {"person_id": p.id, "name": p.name, "recorded": c is not None,
               "cert_number": cert.number if cert else None, "cert_expires": cert.expires_on if cert else None,
               "cert_problem": certificate_problem(p, day), "cert_warning": certificate_warning(p, day)}
        if c is not None:
            row.update({k: getattr(c, k) for k in ("present", "fit", "action") + SYMPTOMS})
            row["id"] = c.id
        else:
            row.update({"present": True, "fit": True, "action": None, "id": None, **{k: False for k in SYMPTOMS}})
        rows.append(row)
    return rows


def record_morning_checks(day: _dt.date, rows: Iterable[dict], *, checked_by=None,
                          at: _dt.datetime | None = None) -> int:
    """Record (or correct) a day's morning check, one dict per worker: person_id, present, fever,
    diarrhoea, hand_wound, sore_throat, action. A worker with a symptom is not fit for work
    (sent home unless ``action`` says otherwise); absent workers are not fit. Returns the rows written."""
    now = clock.now()
    if day > now.date():
        raise ValidationError({"day": tr("The morning check of a day to come cannot be recorded yet.")})
    at = (at or (now if day == now.date() else _dt.datetime.combine(day, _dt.time(7, 0)))).replace(
        second=0, microsecond=0)
    by = _person(checked_by)
    rows = list(rows)
    if not rows:
        raise ValidationError({"rows": tr("No canteen staff yet: tick “Canteen staff” for the people "
                                          "in Settings → People.")})
    certs = certificates()
    written = 0
    with database.atomic():
        existing = {c.person_id: c for c in CanteenMorningCheck.select().where(
            (CanteenMorningCheck.day == day) & (CanteenMorningCheck.voided == False))}  # noqa: E712
        for r in rows:
            pid = int(r["person_id"])
            present = bool(r.get("present", True))
            symptoms = {k: bool(r.get(k)) and present for k in SYMPTOMS}
            fit = present and not any(symptoms.values())
            action = (r.get("action") or "").strip() or None
            if present and not fit and not action:
                action = tr("Sent home")
            cert = certs.get(pid)
            fields = {"present": present, "fit": fit, "action": action, **symptoms,
                      "cert_number": cert.number if cert else None,
                      "cert_expires": cert.expires_on if cert else None, "checked_by": by, "checked_at": at}
            old = existing.get(pid)
            if old is None:
                row = CanteenMorningCheck.create(day=day, person=pid, created_at=now, **fields)
                audit.record_create(row)
                written += 1
                continue
            keys = [k for k in fields if k not in ("checked_at", "checked_by")]
            if all(getattr(old, k) == fields[k] for k in keys):
                continue
            before = audit.snapshot(old, list(fields))
            for k, v in fields.items():
                setattr(old, k, v)
            old.save()
            audit.record_update(old, before)
            written += 1
    return written


def last_checker() -> Person | None:
    """Who recorded the last morning check (proposed for the next), else the canteen's default sampler."""
    row = (CanteenMorningCheck.select(CanteenMorningCheck.checked_by)
           .where(CanteenMorningCheck.checked_by.is_null(False) & (CanteenMorningCheck.voided == False))  # noqa: E712
           .order_by(CanteenMorningCheck.checked_at.desc()).first())
    if row is not None:
        return _person(row.checked_by_id)
    from .service import default_sampler

    return default_sampler()


def morning_checks(start: _dt.date, end: _dt.date) -> list[dict]:
    """Every morning check between two days, by day and name (plain dicts)."""
    Checker = Person.alias("checker")
    q = (CanteenMorningCheck.select(CanteenMorningCheck, Person.name.alias("name"),
                                    Checker.name.alias("checked_by_name"))
         .join(Person, on=(CanteenMorningCheck.person == Person.id))
         .switch(CanteenMorningCheck)
         .join(Checker, JOIN.LEFT_OUTER, on=(CanteenMorningCheck.checked_by == Checker.id))
         .where((CanteenMorningCheck.day >= start) & (CanteenMorningCheck.day <= end)
                & (CanteenMorningCheck.voided == False))  # noqa: E712
         .order_by(CanteenMorningCheck.day, Person.name))
    out = []
    for r in q.dicts():
        found = [tr(SYMPTOM_LABELS[k]) for k in SYMPTOMS if r[k]]
        r["symptoms"] = join_list(found)
        r["result"] = (tr("Absent") if not r["present"] else tr("Fit for work") if r["fit"] else tr("Not fit"))
        r["cert_expired"] = r["cert_expires"] is not None and r["cert_expires"] < r["day"]
        out.append(r)
    return out


def checked_people(start: _dt.date, end: _dt.date) -> dict[_dt.date, dict[int, tuple]]:
    """{day: {person id: (present, fit, cert_expires)}} of the checks recorded."""
    out: dict[_dt.date, dict[int, tuple]] = defaultdict(dict)
    q = (CanteenMorningCheck.select(CanteenMorningCheck.day, CanteenMorningCheck.person, CanteenMorningCheck.present,
                                    CanteenMorningCheck.fit, CanteenMorningCheck.cert_expires)
         .where((CanteenMorningCheck.day >= start) & (CanteenMorningCheck.day <= end)
                & (CanteenMorningCheck.voided == False)).tuples())  # noqa: E712
    for day, pid, present, fit, expires in q:
        out[day][pid] = (present, fit, expires)
    return out


def first_days() -> list[_dt.date | None]:
    """The first day with a morning check, with a disinfection record and with an accompanied meal (for
    the check's first day)."""
    return [CanteenMorningCheck.select(fn.MIN(CanteenMorningCheck.day)).where(
                CanteenMorningCheck.voided == False).scalar(),  # noqa: E712
            CanteenDisinfection.select(fn.MIN(CanteenDisinfection.day)).where(
                CanteenDisinfection.voided == False).scalar(),  # noqa: E712
            CanteenAccompany.select(fn.MIN(CanteenAccompany.day)).where(
                CanteenAccompany.voided == False).scalar()]  # noqa: E712


def first_checks() -> dict[int, _dt.date]:
    """{person id: the day of their first morning check} (a worker is expected from then on)."""
    q = (CanteenMorningCheck.select(CanteenMorningCheck.person, fn.MIN(CanteenMorningCheck.day))
         .where(CanteenMorningCheck.voided == False).group_by(CanteenMorningCheck.person).tuples())  # noqa: E712
    return dict(q)


# --- disinfection ------------------------------------------------------------------------

def item_label(keys: str | Iterable[str]) -> str:
    if isinstance(keys, str):
        keys = [k for k in keys.split(",") if k]
    return join_list(tr(DISINFECT_ITEMS[k]) if k in DISINFECT_ITEMS else k for k in keys)


def method_label(key: str, concentration: str | None = None) -> str:
    text = tr(DISINFECT_METHODS[key]) if key in DISINFECT_METHODS else (key or "")
    return f"{text}（{concentration}）" if concentration else text


def record_disinfection(day: _dt.date, meal: str, items: Iterable[str], method: str, *,
                        started_at: _dt.datetime | None = None, minutes: int | None = None, person=None,
                        concentration: str | None = None, note: str | None = None) -> CanteenDisinfection:
    """Record the disinfection of a meal's tableware / containers / boards / sample containers."""
    errors: dict[str, str] = {}
    if meal not in MEALS:
        errors["meal"] = tr("Choose a meal.")
    items = [k for k in (items or []) if k]
    if not items or any(k not in DISINFECT_ITEMS for k in items):
        errors["items"] = tr("Choose what was disinfected.")
    if method not in DISINFECT_METHODS:
        errors["method"] = tr("Choose the disinfection method.")
    concentration = (concentration or "").strip() or None
    if method == "chemical" and not concentration:
        errors["concentration"] = tr("Enter the concentration of the disinfectant (e.g. 250 mg/L).")
    if method != "chemical":
        concentration = None
    now = clock.now()
    if started_at is None:
        errors["started_at"] = tr("Enter the start time.")
    else:
        started_at = started_at.replace(second=0, microsecond=0)
        if started_at.date() != day:
            errors["started_at"] = tr("The disinfection of a meal on {day} must start on that day.").format(
                day=day.isoformat())
        elif started_at > now + _dt.timedelta(minutes=10):
            errors["started_at"] = tr("The start time is in the future.")
    try:
        minutes = int(minutes) if minutes not in (None, "") else 0
    except (TypeError, ValueError):
        minutes = 0
    if not 1 <= minutes <= MAX_MINUTES:
        errors["minutes"] = tr("Enter the duration in minutes (1 to {max}).").format(max=MAX_MINUTES)
    who = _person(person)
    if who is None:
        errors["person"] = tr("Choose who disinfected.")
    if errors:
        raise ValidationError(errors)
    order = [k for k in DISINFECT_ITEMS if k in items]
    with database.atomic():
        row = CanteenDisinfection.create(day=day, meal=meal, items=",".join(order), method=method,
                                         concentration=concentration, started_at=started_at, minutes=minutes,
                                         person=who, note=(note or "").strip() or None, created_at=now)
        audit.record_create(row)
    return row


def last_disinfection() -> CanteenDisinfection | None:
    """The last recorded disinfection (its items, method, duration and person are proposed for the next)."""
    return (CanteenDisinfection.select().where(CanteenDisinfection.voided == False)  # noqa: E712
            .order_by(CanteenDisinfection.started_at.desc(), CanteenDisinfection.id.desc()).first())


def disinfection_defaults() -> dict[str, Any]:
    last = last_disinfection()
    if last is None:
        return {"items": list(DISINFECT_ITEMS), "method": "cabinet", "minutes": 30, "person_id": None,
                "concentration": None}
    return {"items": [k for k in last.items.split(",") if k], "method": last.method, "minutes": last.minutes,
            "person_id": last.person_id, "concentration": last.concentration}


def get_disinfection(record_id: int) -> CanteenDisinfection:
    row = CanteenDisinfection.get_or_none(CanteenDisinfection.id == record_id)
    if row is None:
        raise NotFound(tr("The record no longer exists."))
    return row


def _void(row, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": tr("Give the reason for voiding the record.")})
    if row.voided:
        return
    with database.atomic():
        before = audit.snapshot(row, ["voided", "void_reason"])
        row.voided, row.void_reason = True, reason
        row.save()
        audit.record_update(row, before, action="void", note=reason)


def void_disinfection(record_id: int, reason: str) -> None:
    _void(get_disinfection(record_id), reason)


def disinfections(start: _dt.date, end: _dt.date) -> list[dict]:
    """The disinfection records between two days, in day and meal order (plain dicts)."""
    q = (CanteenDisinfection.select(CanteenDisinfection, Person.name.alias("person_name"))
         .join(Person, on=(CanteenDisinfection.person == Person.id))
         .where((CanteenDisinfection.day >= start) & (CanteenDisinfection.day <= end)
                & (CanteenDisinfection.voided == False)))  # noqa: E712
    out = []
    for r in q.dicts():
        r["meal_label"] = _meal_label(r["meal"])
        r["items_label"] = item_label(r["items"])
        r["method_label"] = method_label(r["method"], r["concentration"])
        out.append(r)
    return sorted(out, key=lambda r: (r["day"], MEAL_ORDER.get(r["meal"], 9), r["started_at"], r["id"]))


def disinfected_meals(start: _dt.date, end: _dt.date) -> set[tuple[_dt.date, str]]:
    q = (CanteenDisinfection.select(CanteenDisinfection.day, CanteenDisinfection.meal)
         .where((CanteenDisinfection.day >= start) & (CanteenDisinfection.day <= end)
                & (CanteenDisinfection.voided == False)).tuples())  # noqa: E712
    return set(q)


# --- accompanied meals -------------------------------------------------------------------

ACCOMPANY_FIELDS = ("dishes", "quality", "quantity", "hygiene", "price", "action")


def record_accompany(day: _dt.date, meal: str, leader, values: dict[str, Any],
                     record: CanteenAccompany | None = None) -> CanteenAccompany:
    """Record (or correct) a school leader's accompanied meal: dishes eaten, remarks on quality,
    quantity, hygiene and price, and what was done about them."""
    errors: dict[str, str] = {}
    if meal not in MEALS:
        errors["meal"] = tr("Choose a meal.")
    who = _person(leader)
    if who is None:
        errors["leader"] = tr("Choose the school leader who ate with the students.")
    if day > clock.today():
        errors["day"] = tr("An accompanied meal cannot be recorded for a day to come.")
    clean = {k: (str(values.get(k) or "")).strip() or None for k in ACCOMPANY_FIELDS}
    if not clean["dishes"]:
        errors["dishes"] = tr("Enter what was eaten.")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        if record is None:
            row = CanteenAccompany.create(day=day, meal=meal, leader=who, created_at=clock.now(), **clean)
            audit.record_create(row)
            return row
        before = audit.snapshot(record, ["day", "meal", "leader", *ACCOMPANY_FIELDS])
        record.day, record.meal, record.leader = day, meal, who
        for k, v in clean.items():
            setattr(record, k, v)
        record.save()
        audit.record_update(record, before)
        return record


def get_accompany(record_id: int) -> CanteenAccompany:
    row = CanteenAccompany.get_or_none(CanteenAccompany.id == record_id)
    if row is None:
        raise NotFound(tr("The record no longer exists."))
    return row


def void_accompany(record_id: int, reason: str) -> None:
    _void(get_accompany(record_id), reason)


def accompanies(start: _dt.date, end: _dt.date) -> list[dict]:
    q = (CanteenAccompany.select(CanteenAccompany, Person.name.alias("leader_name"), Person.title.alias("leader_title"))
         .join(Person, on=(CanteenAccompany.leader == Person.id))
         .where((CanteenAccompany.day >= start) & (CanteenAccompany.day <= end)
                & (CanteenAccompany.voided == False)))  # noqa: E712
    out = []
    for r in q.dicts():
        r["meal_label"] = _meal_label(r["meal"])
        out.append(r)
    return sorted(out, key=lambda r: (r["day"], MEAL_ORDER.get(r["meal"], 9), r["id"]))


def accompanied_days(start: _dt.date, end: _dt.date) -> set[_dt.date]:
    q = (CanteenAccompany.select(CanteenAccompany.day)
         .where((CanteenAccompany.day >= start) & (CanteenAccompany.day <= end)
                & (CanteenAccompany.voided == False)).tuples())  # noqa: E712
    return {r[0] for r in q}


# --- receiving (food-in's ledger, asked through its interface) --------------------------

def deliveries_by_day(start: _dt.date, end: _dt.date) -> dict[_dt.date, dict] | None:
    """food-in's ``receiving.deliveries_by_day``; None while that ledger is not part of this version."""
    try:
        from . import receiving
    except ImportError:
        return None
    fn = getattr(receiving, "deliveries_by_day", None)
    return fn(start, end) if fn is not None else None
