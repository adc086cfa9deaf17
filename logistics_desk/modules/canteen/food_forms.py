"""Printed receiving and food-store forms (no Qt): plain data in, PDF bytes out.

* ``food_receiving(deliveries, start, end)`` — 食品进货查验记录表: one row per delivery line,
  one section (own page numbers and signature lines) per calendar month. A supplier taken
  without a valid licence, or a receiver without a valid health certificate, prints with the
  written reason; a voided delivery prints with its reason (kept, never deleted).
* ``canteen_store(account, movements)`` — 食品仓库出入库台账及月末盘点表 for a month: the
  ledger of every movement, then the count 期初、入库、出库、结存、实盘、差异 with the reasons.
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from collections.abc import Sequence
from decimal import Decimal

from ...core import clock
from ...core.i18n import join_list, tr
from ...core.printing import Column, Section, TableForm
from ...core.printing.slips import SlipForm, SmallTable, Text
from .food_models import STORAGE
from .forms import period_number


def _day_text(day: _dt.date) -> str:
    return tr("{year}-{month:02d}-{day:02d}").format(year=day.year, month=day.month, day=day.day)


def _qty(value) -> str:
    if value is None or value == "":
        return ""
    d = Decimal(str(value))
    return str(int(d)) if d == d.to_integral_value() else format(d.normalize(), "f")


def _md(day: _dt.date | None) -> str:
    return day.isoformat() if day else ""


def _sensory(ln: dict) -> str:
    parts = [tr("Appearance OK") if ln["appearance_ok"] else tr("Appearance bad"),
             tr("Smell OK") if ln["smell_ok"] else tr("Smell bad")]
    if ln.get("temperature") is not None:
        parts.append(f"{Decimal(str(ln['temperature'])):.1f} °C")
    return " ".join(parts)


def _receiving_columns() -> list[Column]:
    return [
        Column("when", tr("Date / time"), 17),
        Column("supplier", tr("Supplier / licence"), 30, max_lines=5),
        Column("food", tr("Food"), 17),
        Column("qty", tr("Quantity"), 11, align="right"),
        Column("made", tr("Production date / shelf life"), 17),
        Column("use_by", tr("Use by"), 14, align="center"),
        Column("batch", tr("Batch"), 12),
        Column("papers", tr("Papers seen"), 18),
        Column("sensory", tr("Sensory check"), 18),
        Column("result", tr("Accepted or refused"), 18, max_lines=4),
        Column("by", tr("Received by"), 14, align="center"),
    ]


def _receiving_rows(d: dict) -> list[dict]:
    supplier = d["supplier"]
    if d["licence_no"]:
        supplier += "\n" + tr("Licence {number}, valid until {date}").format(
            number=d["licence_no"], date=_md(d["licence_until"]) or "—")
    if d["licence_reason"]:
        supplier += "\n" + tr("Taken without a valid licence: {reason}").format(reason=d["licence_reason"])
    by = f"{d['receiver1']}\n{d['receiver2']}"
    if d.get("receiver_reason"):  # the problem and the reason under the table (a narrow column)
        by += "\n" + tr("※ see below")
    rows = []
    for i, ln in enumerate(d["lines"]):
        made = _md(ln["produced_on"])
        if ln["shelf_days"]:
            made += ("\n" if made else "") + tr("{n} days").format(n=ln["shelf_days"])
        storage = tr(STORAGE.get(ln["storage"], "")) if ln["storage"] != "ambient" else ""
        result = tr("Accepted") if ln["accepted"] else tr("Refused: {reason}").format(reason=ln["refuse_reason"])
        if d["voided"]:
            result = tr("VOIDED: {reason}").format(reason=d["void_reason"]) + ("" if i else "")
        first = i == 0
        rows.append({
            "when": (f"{d['delivered_at']:%m-%d %H:%M}\n{d['number']}" if first else ""),
            "supplier": supplier if first else "",
            "food": ln["item"] + (f"（{storage}）" if storage else ""),
            "qty": f"{_qty(ln['quantity'])} {ln['unit']}",
            "made": made, "use_by": _md(ln["use_by"]), "batch": ln["batch"], "papers": ln["papers"],
            "sensory": _sensory(ln), "result": result,
            "by": by if first else "",
        })
    return rows


def _receiver_notes(deliveries: Sequence[dict]) -> str:
    """※ per delivery whose receiver was not fit that day: the problem as it stood and the reason written."""
    from .receiving import receiver_text

    return "".join(f"\n※ {d['number']} {receiver_text(d)}" for d in deliveries if d.get("receiver_reason"))


def food_receiving(deliveries: Sequence[dict], start: _dt.date, end: _dt.date, *, school: str | None = None,
                   progress=None, cancel=None) -> bytes:
    period = _day_text(start) if start == end else f"{_day_text(start)} — {_day_text(end)}"
    note = tr("Each delivery is checked on arrival by two people: the supplier's licence, the inspection "
              "certificate or invoice of each food, its dates, appearance and smell, and the temperature of chilled "
              "(at most 8 °C) and frozen (at most -12 °C) food. Food that fails is refused.")
    signatures = [tr("Received by"), tr("Canteen manager"), tr("Director of general affairs")]
    groups: OrderedDict[tuple[int, int], list[dict]] = OrderedDict()
    for d in deliveries:
        groups.setdefault((d["day"].year, d["day"].month), []).append(d)
    sections = []
    if not groups:
        sections.append(Section(meta=[(tr("Period"), period), (tr("Deliveries"), 0)], rows=[], totals=None,
                                note=tr("No deliveries are recorded for this period; the ruled lines are for writing "
                                        "by hand.") + " " + note, blank_rows=10, signatures=signatures))
    for (year, month), items in groups.items():
        live = [d for d in items if not d["voided"]]
        lines = [ln for d in live for ln in d["lines"]]
        refused = sum(1 for ln in lines if not ln["accepted"])
        rows = [r for d in items for r in _receiving_rows(d)]
        voided = len(items) - len(live)
        meta = [(tr("Period"), period), (tr("Month"), tr("{year}-{month:02d}").format(year=year, month=month)),
                (tr("Deliveries / lines / refused"), f"{len(live)} / {len(lines)} / {refused}")]
        if voided:
            meta.append((tr("Voided"), voided))
        sections.append(Section(meta=meta, rows=rows, totals=None, note=note + _receiver_notes(items),
                                signatures=signatures))
    return TableForm(tr("Food receiving record"), _receiving_columns(), sections, date=clock.today(),
                     doc_number=period_number("JHCY", start, end), landscape=True, school=school,
                     signatures=signatures).render(progress=progress, cancel=cancel)


def daily_issues(movements: Sequence[dict]) -> list[dict]:
    """The ledger as printed: a food's issues of one day (breakfast, lunch, dinner) on one line with their
    issue numbers and meals, placed where the last of them was (so the balance reads in order); every other
    movement as it is."""
    out: list[dict] = []
    merged: dict[tuple, dict] = {}
    for m in movements:
        if m["kind"] != "issue":
            out.append(m)
            continue
        key = (m["moved_on"], m["item"])
        prev = merged.get(key)
        if prev is None:
            row = dict(m, docs=[m["doc"]], notes=[m["note"]] if m["note"] else [])
        else:
            out.remove(prev)
            row = dict(prev, out_qty=(prev["out_qty"] or 0) + (m["out_qty"] or 0), balance=m["balance"],
                       docs=prev["docs"] + [m["doc"]], notes=prev["notes"] + ([m["note"]] if m["note"] else []))
            if m["batch"] and m["batch"] not in row["batch"]:
                row["batch"] = join_list(b for b in (row["batch"], m["batch"]) if b)
        row["doc"] = _doc_range(row["docs"])
        row["note"] = join_list(row["notes"])
        merged[key] = row
        out.append(row)
    return out


def _doc_range(docs: list[str]) -> str:
    """CK-20261102-01, CK-20261102-02, CK-20261102-03 -> CK-20261102-01～03."""
    if len(docs) <= 1:
        return docs[0] if docs else ""
    stem = docs[0].rsplit("-", 1)[0]
    if all(d.rsplit("-", 1)[0] == stem for d in docs):
        return f"{docs[0]}～{docs[-1].rsplit('-', 1)[1]}"
    return join_list(docs)


def _store_ledger(movements: Sequence[dict]) -> tuple[list[Column], list[dict]]:
    """The ledger's columns and rows: every movement with the balance after it."""
    ledger_cols = [
        Column("day", tr("Date"), 16, kind="date"),
        Column("doc", tr("Document No."), 22),
        Column("item", tr("Food"), 22),
        Column("kind", tr("Movement"), 16),
        Column("in", tr("In"), 12, align="right"),
        Column("out", tr("Out"), 12, align="right"),
        Column("balance", tr("Balance"), 12, align="right"),
        Column("unit", tr("Unit"), 8, align="center"),
        Column("use_by", tr("Use by"), 16, align="center"),
        Column("batch", tr("Batch"), 14),
        Column("note", tr("Notes"), 30),
    ]
    ledger = [{"day": m["moved_on"], "doc": m["doc"], "item": m["item"], "kind": m["kind_label"],
               "in": _qty(m["in_qty"]), "out": _qty(m["out_qty"]), "balance": _qty(m["balance"]), "unit": m["unit"],
               "use_by": _md(m["use_by"]), "batch": m["batch"], "note": m["note"]} for m in daily_issues(movements)]
    return ledger_cols, ledger


def _store_count(account: dict) -> tuple[list[Column], list[dict]]:
    """The month-end count's columns and rows (counted quantities and differences once it is recorded)."""
    counted = account["count"] is not None
    count_cols = [
        Column("item", tr("Food"), 26),
        Column("unit", tr("Unit"), 10, align="center"),
        Column("open", tr("Opening (期初)"), 16, align="right"),
        Column("in", tr("In (入库)"), 16, align="right"),
        Column("out", tr("Out (出库)"), 16, align="right"),
        Column("book", tr("Book balance (结存)"), 18, align="right"),
        Column("counted", tr("Counted"), 16, align="right"),
        Column("diff", tr("Difference"), 14, align="right"),
        Column("reason", tr("Reason for the difference"), 48, max_lines=4),
    ]
    crow = []
    for r in account["rows"]:
        diff = r["difference"]
        crow.append({"item": r["item"], "unit": r["unit"], "open": _qty(r["open"]), "in": _qty(r["in"]),
                     "out": _qty(r["out"]), "book": _qty(r["book"]),
                     "counted": _qty(r["counted"]) if counted else "",
                     "diff": (("+" if diff > 0 else "") + _qty(diff)) if counted and diff is not None else "",
                     "reason": r["reason"]})
    return count_cols, crow


def canteen_store(account: dict, movements: Sequence[dict], *, school: str | None = None, progress=None,
                  cancel=None) -> bytes:
    """The month's ledger (every movement with the balance after it) and its month-end count."""
    first: _dt.date = account["first"]
    count = account["count"]
    counted = count is not None
    ledger_cols, ledger = _store_ledger(movements)
    count_cols, crow = _store_count(account)
    if counted:
        who = count.counted_by.name if count.counted_by_id else ""
        state = tr("Counted on {date} by {name} ({number}).").format(date=count.counted_on.isoformat(), name=who,
                                                                    number=count.number)
    else:
        state = tr("Not yet counted: write the counted quantities by hand and record them in the program.")
    month = f"{first:%Y-%m}"
    meta = [(tr("Month"), month), (tr("Movements"), len(ledger)), (tr("Foods"), len(account["rows"])),
            (tr("Month-end count"), tr("recorded") if counted else tr("not recorded"))]
    blocks = [
        SmallTable(ledger_cols, ledger, title=tr("Store ledger (in and out)"), font_size=8, min_row_height=5.5,
                   empty_text=tr("No movements this month.")),
        SmallTable(count_cols, crow, title=tr("Month-end count"), empty_text=tr("Nothing in the store this month.")),
        Text(tr("Opening + in - out = book balance; the counted quantity replaces it, and each difference is "
                "recorded with its reason.") + " " + state, size=9),
    ]
    return SlipForm(tr("Food store ledger and month-end count"), blocks,
                    doc_number=count.number if counted else f"SPPD-{first:%Y%m}", date=clock.today(), meta=meta,
                    signatures=[tr("Storekeeper"), tr("Counted by"), tr("Canteen manager"),
                                tr("Director of general affairs")],
                    school=school, landscape=True).render(progress=progress, cancel=cancel)
