"""Printed hygiene ledgers (no Qt): plain data in, PDF bytes out, on the shared A4 table template
(school name, document number, page numbers, signature lines), one section per calendar month.

* ``disinfection_log(rows, start, end)`` — 餐用具消毒记录表 (rows: ``hygiene.disinfections``).
* ``morning_check_log(rows, start, end)`` — 从业人员晨检记录表 (rows: ``hygiene.morning_checks``).
* ``accompany_log(rows, start, end)`` — 陪餐记录表 (rows: ``hygiene.accompanies``).
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from collections.abc import Callable, Sequence

from ...core import clock
from ...core.i18n import tr
from ...core.printing import Column, Section, TableForm
from .forms import _day_text, period_number


def _by_month(rows: Sequence[dict]) -> OrderedDict[tuple[int, int], list[dict]]:
    groups: OrderedDict[tuple[int, int], list[dict]] = OrderedDict()
    for r in rows:
        groups.setdefault((r["day"].year, r["day"].month), []).append(r)
    return groups


def _form(title: str, prefix: str, columns: list[Column], rows: Sequence[dict], start: _dt.date, end: _dt.date,
          row: Callable[[dict], dict], figures: Callable[[list[dict]], list[tuple[str, str]]], note: str,
          signatures: list[str], *, landscape: bool = True, school: str | None = None, progress=None,
          cancel=None) -> bytes:
    period = _day_text(start) if start == end else f"{_day_text(start)} — {_day_text(end)}"
    groups = _by_month(rows)
    sections = []
    if not groups:
        sections.append(Section(meta=[(tr("Period"), period), (tr("Records"), "0")], rows=[], totals=None,
                                note=tr("No records for this period; the ruled lines are for writing by hand.")
                                + " " + note, blank_rows=10, signatures=signatures))
    for (year, month), items in groups.items():
        sections.append(Section(
            meta=[(tr("Period"), period), (tr("Month"), tr("{year}-{month:02d}").format(year=year, month=month)),
                  *figures(items)],
            rows=[row(r) for r in items], totals=None, note=note, signatures=signatures))
    return TableForm(title, columns, sections, date=clock.today(), doc_number=period_number(prefix, start, end),
                     landscape=landscape, school=school, signatures=signatures).render(
        progress=progress, cancel=cancel)


# --- disinfection ---------------------------------------------------------------------------

def disinfection_log(rows: Sequence[dict], start: _dt.date, end: _dt.date, *, school: str | None = None,
                     progress=None, cancel=None) -> bytes:
    """餐用具消毒记录表: per meal what was disinfected, how, when, how long, by whom."""
    columns = [
        Column("day", tr("Date"), 20, kind="date"),
        Column("meal", tr("Meal"), 12, align="center"),
        Column("items", tr("Items"), 44),
        Column("method", tr("Method"), 42),
        Column("start", tr("Start"), 13, align="center"),
        Column("minutes", tr("Minutes"), 16, align="right"),
        Column("by", tr("Disinfected by"), 16, align="center"),
        Column("note", tr("Notes"), 20),
        Column("checked", tr("Checked by"), 16, align="center"),
    ]

    def row(r: dict) -> dict:
        return {"day": r["day"], "meal": r["meal_label"], "items": r["items_label"], "method": r["method_label"],
                "start": r["started_at"].strftime("%H:%M"), "minutes": str(r["minutes"]),
                "by": r["person_name"], "note": r.get("note") or "", "checked": ""}

    def figures(items: list[dict]) -> list[tuple[str, str]]:
        meals = {(r["day"], r["meal"]) for r in items}
        return [(tr("Records / meals"), f"{len(items)} / {len(meals)}")]

    note = tr("Tableware is washed and disinfected after each meal (rinse, wash, disinfect): boiling or steam at least "
              "10 minutes, a disinfection cabinet as its instructions say, chemicals at the stated concentration "
              "and rinsed afterwards.")
    return _form(tr("Tableware disinfection log"), "XDJL", columns, rows, start, end, row, figures, note,
                 [tr("Disinfected by"), tr("Canteen manager"), tr("Checked by")], school=school, progress=progress,
                 cancel=cancel)


# --- morning checks -------------------------------------------------------------------------

def morning_check_log(rows: Sequence[dict], start: _dt.date, end: _dt.date, *, school: str | None = None,
                      progress=None, cancel=None) -> bytes:
    """从业人员晨检记录表: per day and worker the certificate, the checks, fit or sent home."""
    columns = [
        Column("day", tr("Date"), 20, kind="date"),
        Column("name", tr("Worker"), 16, align="center"),
        Column("cert", tr("Health certificate"), 48, max_lines=1),
        Column("present", tr("Present"), 10, align="center"),
        Column("symptoms", tr("Findings"), 32),
        Column("result", tr("Result"), 16, align="center"),
        Column("action", tr("Action"), 30),
        Column("by", tr("Checked by"), 16, align="center"),
    ]
    yes, no = "✓", "✗"

    def row(r: dict) -> dict:
        cert = ""
        if r.get("cert_number"):
            cert = tr("{number}, until {date}").format(number=r["cert_number"], date=r["cert_expires"].isoformat())
            if r.get("cert_expired"):
                cert += " " + tr("(expired)")
        return {"day": r["day"], "name": r["name"], "cert": cert or tr("(none on record)"),
                "present": yes if r["present"] else no,
                "symptoms": r["symptoms"] or (tr("None") if r["present"] else ""), "result": r["result"],
                "action": r.get("action") or "", "by": r.get("checked_by_name") or ""}

    def figures(items: list[dict]) -> list[tuple[str, str]]:
        days = {r["day"] for r in items}
        unfit = sum(1 for r in items if r["present"] and not r["fit"])
        return [(tr("Days / checks / not fit"), f"{len(days)} / {len(items)} / {unfit}")]

    note = tr("Every canteen worker is checked before work: no fever, diarrhoea, wounds or infections of the hands, "
              "sore throat, and a valid health certificate. A worker with any of them does not handle food until "
              "recovered.")
    return _form(tr("Canteen staff morning check log"), "CJJL", columns, rows, start, end, row, figures, note,
                 [tr("Checked by"), tr("Canteen manager")], school=school, progress=progress, cancel=cancel)


# --- accompanied meals ----------------------------------------------------------------------

def accompany_log(rows: Sequence[dict], start: _dt.date, end: _dt.date, *, school: str | None = None,
                  progress=None, cancel=None) -> bytes:
    """陪餐记录表: the leader, the meal, what was eaten, the remarks and what was done about them."""
    columns = [
        Column("day", tr("Date"), 20, kind="date"),
        Column("meal", tr("Meal"), 11, align="center"),
        Column("leader", tr("School leader"), 18, align="center"),
        Column("dishes", tr("Dishes eaten"), 34),
        Column("quality", tr("Quality"), 22),
        Column("quantity", tr("Quantity"), 18),
        Column("hygiene", tr("Hygiene"), 18),
        Column("price", tr("Price"), 16),
        Column("action", tr("Action taken"), 30),
        Column("sign", tr("Signature"), 14, align="center"),
    ]

    def row(r: dict) -> dict:
        leader = r["leader_name"] + (f"（{r['leader_title']}）" if r.get("leader_title") else "")
        return {"day": r["day"], "meal": r["meal_label"], "leader": leader, "dishes": r.get("dishes") or "",
                "quality": r.get("quality") or "", "quantity": r.get("quantity") or "",
                "hygiene": r.get("hygiene") or "", "price": r.get("price") or "", "action": r.get("action") or "",
                "sign": ""}

    def figures(items: list[dict]) -> list[tuple[str, str]]:
        return [(tr("Accompanied meals"), str(len(items)))]

    note = tr("A school leader eats with the students and records the quality, quantity, hygiene and price of "
              "the meal, and what was done about any remark.")
    return _form(tr("Accompanied meal log"), "PCJL", columns, rows, start, end, row, figures, note,
                 [tr("Canteen manager"), tr("Principal")], school=school, progress=progress, cancel=cancel)
