"""Printed canteen forms (no Qt): plain data in, PDF bytes out.

* ``sample_labels(rows)`` — labels for the sample boxes on the same label sheets
  as asset labels (school, date and meal, dish, weight, time taken, taken by,
  keep-until, and a QR code of the record number).
* ``sample_log(rows, start, end)`` — 食品留样记录表, one section per month.
* ``fridge_log(readings, start, end)`` — 留样冰箱温度记录表, one section per fridge.
* ``compliance_report(breaches, start, end, ...)`` — 留样合规检查报告.

Rows are the dicts of ``service.day_lines`` / ``service.log_lines`` /
``service.readings``; breaches are ``service.Breach`` objects (plain data).
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from ...core import clock
from ...core.i18n import join_clauses, join_list, tr
from ...core.printing import Column, Section, TableForm
from ...core.printing.labels import Label, render_labels
from .models import MEALS


def _meal(key: str | None) -> str:
    return tr(MEALS[key]) if key in MEALS else (key or "")


def _hm(value: _dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _md_hm(value: _dt.datetime | None) -> str:
    return value.strftime("%m-%d %H:%M") if value else ""


def _day_text(day: _dt.date) -> str:
    return tr("{year}-{month:02d}-{day:02d}").format(year=day.year, month=day.month, day=day.day)


def period_number(prefix: str, start: _dt.date, end: _dt.date) -> str:
    """A log's or report's document number from its period, the same on every reprint:
    LYJL-202611 (a calendar month), LYJL-20261123 (a day), LYJL-20261101-20261115."""
    nxt = _dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    if start.day == 1 and end == nxt - _dt.timedelta(days=1):
        return f"{prefix}-{start:%Y%m}"
    if start == end:
        return f"{prefix}-{start:%Y%m%d}"
    return f"{prefix}-{start:%Y%m%d}-{end:%Y%m%d}"


# --- labels --------------------------------------------------------------------------

def sample_label(row: dict, school: str | None = None) -> Label:
    """One sample label; a dish without a recorded sample gets blanks to fill in by hand."""
    blank = "____"
    weight = f"{row['weight_g']} g" if row.get("weight_g") is not None else blank
    lines = [
        f"{_day_text(row['day'])} {_meal(row['meal'])}",
        row["dish_name"],
        tr("Weight: {weight}").format(weight=weight),
        tr("Taken: {time}").format(time=_hm(row.get("taken_at")) or blank),
        tr("By: {name}").format(name=row.get("taken_by_name") or blank),
        tr("Keep until: {time}").format(time=_md_hm(row.get("keep_until")) or blank),
    ]
    return Label(lines=lines, code=row["number"], code_kind="qr", heading=school)


def sample_labels(rows: Iterable[dict], *, sheet=None, skip: int = 0, school: str | None = None,
                  progress=None, cancel=None) -> bytes:
    labels = [sample_label(r, school) for r in rows]
    return render_labels(labels, sheet, skip=skip, progress=progress, cancel=cancel)


# --- the sample log ------------------------------------------------------------------

def _log_columns() -> list[Column]:
    return [
        Column("day", tr("Date"), 19, kind="date"),
        Column("meal", tr("Meal"), 10, align="center"),
        Column("dish", tr("Dish"), 30),
        Column("weight", tr("Weight (g)"), 12, kind="qty"),
        Column("taken", tr("Time taken"), 13, align="center"),
        Column("keep", tr("Keep until"), 19, align="center"),
        Column("fridge", tr("Fridge"), 20),
        Column("taken_by", tr("Taken by"), 14, align="center"),
        Column("disposed", tr("Disposed at"), 19, align="center"),
        Column("disposed_by", tr("Disposed by"), 14, align="center"),
        Column("checked_by", tr("Checked by"), 14, align="center"),
    ]


def _log_row(r: dict) -> dict:
    return {
        "day": r["day"], "meal": _meal(r["meal"]), "dish": r["dish_name"],
        "weight": r["weight_g"] if r.get("weight_g") is not None else "",
        "taken": _hm(r.get("taken_at")), "keep": _md_hm(r.get("keep_until")),
        "fridge": r.get("fridge_name") or "", "taken_by": r.get("taken_by_name") or "",
        "disposed": _md_hm(r.get("disposed_at")), "disposed_by": r.get("disposed_by_name") or "",
        "checked_by": "",
    }


def _by_month(rows: Sequence[dict]) -> "OrderedDict[tuple[int, int], list[dict]]":
    groups: OrderedDict[tuple[int, int], list[dict]] = OrderedDict()
    for r in rows:
        groups.setdefault((r["day"].year, r["day"].month), []).append(r)
    return groups


def sample_log(rows: Sequence[dict], start: _dt.date, end: _dt.date, *, retention_hours: int = 48,
               min_weight: int = 125, school: str | None = None, progress=None, cancel=None) -> bytes:
    """食品留样记录表 for a day, week, month or longer: one section (own page numbers
    and signature lines) per calendar month."""
    period = _day_text(start) if start == end else f"{_day_text(start)} — {_day_text(end)}"
    note = tr("Each dish of each meal is sampled, at least {min} g, in its own sealed container, kept in the "
              "dedicated fridge at 0–8 °C for at least {hours} hours.").format(min=min_weight, hours=retention_hours)
    signatures = [tr("Sampled by"), tr("Canteen manager"), tr("Checked by")]
    groups = _by_month(rows)

    def sections():
        if not groups:
            yield Section(meta=[(tr("Period"), period), (tr("Dishes / samples"), "0 / 0")], rows=[], totals=None,
                          note=tr("No dishes or samples are recorded for this period; the ruled lines are for "
                                  "writing by hand.") + " " + note, blank_rows=10, signatures=signatures)
            return
        for (year, month), items in groups.items():
            sampled = sum(1 for r in items if r.get("taken_at") is not None)
            yield Section(
                meta=[(tr("Period"), period), (tr("Month"), tr("{year}-{month:02d}").format(year=year, month=month)),
                      (tr("Dishes / samples"), f"{len(items)} / {sampled}")],
                rows=[_log_row(r) for r in items], totals=None, note=note, signatures=signatures)

    return TableForm(tr("Food sample log"), _log_columns(), list(sections()), date=clock.today(),
                     doc_number=period_number("LYJL", start, end), landscape=True, school=school,
                     signatures=signatures).render(progress=progress, cancel=cancel)


# --- the fridge temperature log ------------------------------------------------------

def _reading_note(r: dict) -> str:
    from .service import reading_note

    return reading_note(r)


def requirement_text(per_day: int) -> str:
    """What the readings-per-day setting asks, as the fridge log and the report print it."""
    if per_day <= 0:
        return tr("no minimum set")
    return tr("{n} readings a day while it holds samples").format(n=per_day)


def _short_days(short: Sequence[tuple[_dt.date, int]], limit: int = 20) -> str:
    text = join_list(tr("{date} ({n})").format(date=d.strftime("%m-%d"), n=n) for d, n in short[:limit])
    if len(short) > limit:
        text += " " + tr("and {n} more days").format(n=len(short) - limit)
    return text


def fridge_note(f: dict) -> str:
    """One fridge's standing against the requirement, in a sentence."""
    if not f["days_in_use"]:
        return tr("{fridge} held no samples in this period: the readings-per-day requirement does not apply "
                  "({n} readings taken).").format(fridge=f["name"], n=f["readings"])
    if f["short"]:
        return tr("{fridge} held samples on {days} days; on {n} of them it has fewer than {need} readings: "
                  "{dates}.").format(fridge=f["name"], days=f["days_in_use"], n=len(f["short"]), need=f["need"],
                                     dates=_short_days(f["short"]))
    return tr("{fridge} held samples on {days} days and has the required readings on each.").format(
        fridge=f["name"], days=f["days_in_use"])


def fridge_log(readings: Sequence[dict], start: _dt.date, end: _dt.date, *, per_day: int = 2,
               fridges: Sequence[dict] | None = None, school: str | None = None, progress=None,
               cancel=None) -> bytes:
    """留样冰箱温度记录表: one section per fridge; readings out of range are marked. The requirement
    line says what the setting asks (``per_day`` readings a day while a fridge holds samples);
    ``fridges`` (``service.fridge_summary``) adds, per fridge, the days it held samples and the
    days short of readings."""
    columns = [
        Column("day", tr("Date"), 20, kind="date"),
        Column("time", tr("Time"), 12, align="center"),
        Column("temp", tr("Temperature (°C)"), 16, align="right"),
        Column("range", tr("Allowed range (°C)"), 18, align="center"),
        Column("ok", tr("Within range?"), 14, align="center"),
        Column("by", tr("Recorded by"), 16, align="center"),
        Column("note", tr("Notes"), 36),
    ]
    period = _day_text(start) if start == end else f"{_day_text(start)} — {_day_text(end)}"
    groups: OrderedDict[str, list[dict]] = OrderedDict()
    for r in sorted(readings, key=lambda r: (r["fridge_name"], r["read_at"])):
        groups.setdefault(r["fridge_name"], []).append(r)
    summary = {f["name"]: f for f in fridges or []}
    for name in summary:
        groups.setdefault(name, [])
    signatures = [tr("Recorded by"), tr("Canteen manager")]
    sections = []
    for name, items in groups.items() or [(tr("(no readings)"), [])]:
        bad = sum(1 for r in items if r["out_of_range"])
        meta = [(tr("Fridge"), name), (tr("Period"), period),
                (tr("Readings / out of range"), f"{len(items)} / {bad}"),
                (tr("Required"), requirement_text(per_day))]
        f = summary.get(name)
        note = None
        if f is not None:
            meta.append((tr("Days holding samples / short of readings"), f"{f['days_in_use']} / {len(f['short'])}"))
            note = fridge_note(f)
        elif not items:
            note = tr("No readings are recorded for this period; the ruled lines are for writing by hand.")
        sections.append(Section(
            meta=meta,
            rows=[{"day": r["day"], "time": r["read_at"].strftime("%H:%M"), "temp": f"{r['temperature']:.1f}",
                   "range": f"{r['min_temp']:.1f} – {r['max_temp']:.1f}",
                   "ok": tr("Out of range") if r["out_of_range"] else tr("Normal"),
                   "by": r.get("read_by_name") or "", "note": _reading_note(r)} for r in items],
            totals=None, note=note, blank_rows=0 if items else 12, signatures=signatures))
    return TableForm(tr("Sample fridge temperature log"), columns, sections, date=clock.today(),
                     doc_number=period_number("LYWD", start, end), school=school,
                     signatures=signatures).render(progress=progress, cancel=cancel)


# --- the compliance report -----------------------------------------------------------

def compliance_report(breaches: Sequence, start: _dt.date, end: _dt.date, *, summary: dict[str, int],
                      kinds: dict[str, str], days_checked: int, dishes: int, sampled: int,
                      fridges: Sequence[dict] | None = None, ledgers: dict | None = None,
                      school: str | None = None, progress=None, cancel=None) -> bytes:
    """食堂合规检查报告: the figures, then every breach with its reason, then each fridge against the
    readings requirement (``service.fridge_summary``). ``ledgers`` (``service.ledger_counts``) adds the
    other ledgers' figures (issue 18). A period without records certifies nothing: it says there is
    no data instead of "no breaches"."""
    columns = [
        Column("no", tr("No."), 8, kind="index"),
        Column("day", tr("Date"), 20, kind="date"),
        Column("kind", tr("Item"), 26),
        Column("severity", tr("Level"), 12, align="center"),
        Column("message", tr("Description"), 110, max_lines=4),
    ]
    period = _day_text(start) if start == end else f"{_day_text(start)} — {_day_text(end)}"
    counts = join_clauses(f"{tr(kinds[k])} {v}" for k, v in summary.items()) or tr("none")
    rows = [{"day": b.day, "kind": b.kind_label, "severity": b.severity_label, "message": b.message}
            for b in breaches if b.severity != "pending"]
    empty = None
    if days_checked <= 0:
        empty = tr("No data: no day of this period can be checked yet (the canteen ledgers have not started, or "
                   "it lies before their first day or after today). This report certifies nothing.")
    elif dishes == 0 and not rows and not any((ledgers or {}).values()):
        empty = tr("No data: no meals or samples are recorded for the {days} days of this period (no service "
                   "days). This report certifies nothing.").format(days=days_checked)
    if empty:
        note = empty
        counts = tr("no data")
    elif rows:
        note = tr("Each item must be put right or explained; the canteen manager signs for the corrections.")
    else:
        note = tr("No breaches: every meal of every day checked has its samples, disinfection and records in "
                  "order, and every canteen worker their morning check.")
    if fridges and not empty:
        note += "\n" + "\n".join(fridge_note(f) for f in fridges)
    meta = [(tr("Period"), period), (tr("Days checked"), days_checked),
            (tr("Dishes / samples"), f"{dishes} / {sampled}")]
    if ledgers:
        meta.append((tr("Disinfections / days with morning checks / accompanied meals"),
                     f"{ledgers.get('disinfections', 0)} / {ledgers.get('morning_check_days', 0)} / "
                     f"{ledgers.get('accompanied', 0)}"))
        if ledgers.get("deliveries") is not None:
            meta.append((tr("Deliveries checked in"), ledgers["deliveries"]))
    meta.append((tr("Findings"), counts))
    section = Section(
        meta=meta,
        rows=rows, totals=None, note=note,
        signatures=[tr("Checked by"), tr("Canteen manager"), tr("Director of general affairs")])
    return TableForm(tr("Canteen compliance report"), columns, [section], date=clock.today(),
                     doc_number=period_number("LYHG", start, end), school=school).render(
        progress=progress, cancel=cancel)
