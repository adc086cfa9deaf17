"""Printed forms of the repair log (no Qt): the repair slip (报修单, half A4 each,
with the reporter's acceptance signature), the monthly repair report with a
chart, and the inspection ledger (安全检修台账). Data in, PDF bytes out: the
``*_data`` functions query, the renderers only draw."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ...core import clock
from ...core.i18n import join_clauses, tr
from ...core.printing import (
    BarChart,
    Column,
    Field,
    Fields,
    Section,
    SlipForm,
    SmallTable,
    TableForm,
    Text,
    render_slips,
)
from . import service as rs
from .models import RepairTicket


def _dt_text(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _money(value) -> str:
    return f"{Decimal(value or 0):,.2f}"


# --- the repair slip ------------------------------------------------------------------

def slip_data(ticket: RepairTicket) -> dict:
    t = rs.get_ticket(ticket)
    parts = rs.parts_of(t)
    return {
        "number": t.number, "reported_at": t.reported_at, "reporter": rs.reporter_text(t),
        "reported_via": rs.channel_label(t.reported_via),
        "contact": t.contact or "", "place": t.place.full_name if t.place_id else "",
        "asset": f"{t.asset.number} {t.asset.name}" if t.asset_id else "",
        "category": t.category.name, "urgency": rs.urgency_label(t.urgency), "due_at": t.due_at,
        "description": t.description, "assignee": rs.assignee_text(t), "status": rs.status_label(t.status),
        "done_at": t.done_at, "work_done": t.work_done or "",
        "parts": [rs.part_text(p) for p in parts],
        "parts_cost": t.parts_cost, "labour_cost": t.labour_cost, "total_cost": t.total_cost,
        "cause": rs.cause_label(t.cause),
        "compensation": (tr("{name} pays {amount} yuan").format(name=t.responsible_name or "",
                                                                 amount=_money(t.compensation))
                         if t.compensation or t.responsible_name else ""),
        "accepted_by": t.accepted_by or "", "accepted_at": t.accepted_at, "satisfied": t.satisfied,
        "accept_comment": t.accept_comment or "", "cancel_reason": t.cancel_reason or "",
    }


def _verdict(d: dict) -> str:
    def box(checked: bool) -> str:
        return "■ " if checked else "□ "

    verdict = (box(d["satisfied"] is True) + tr("satisfied") + "    "
               + box(d["satisfied"] is False) + tr("not satisfied"))
    if d["accept_comment"]:
        verdict += "    " + d["accept_comment"]
    if d["accepted_by"]:
        verdict += "    " + tr("Accepted by {name}, {time}").format(name=d["accepted_by"],
                                                                  time=_dt_text(d["accepted_at"]))
    return verdict


def _work(d: dict) -> str:
    """What was done, the parts, and the cost as it adds up: the parts listed plus the labour."""
    work = d["work_done"]
    parts = join_clauses(d["parts"] + ([tr("{n} more parts in the program").format(n=d["parts_left"])]
                                       if d.get("parts_left") else []))
    if parts:
        work = (work + "\n" if work else "") + tr("Parts: {parts}").format(parts=parts)
    if d["total_cost"]:
        work = (work + "\n" if work else "") + tr("Parts {parts} + labour {labour} = {total} yuan").format(
            parts=_money(d["parts_cost"]), labour=_money(d["labour_cost"]), total=_money(d["total_cost"]))
    return work


def slip_form(d: dict) -> SlipForm:
    """The slip of ``slip_data`` as it is, however long (``fitted_slip``: shortened to its half sheet)."""
    cost = _money(d["total_cost"]) if d["total_cost"] else ""
    items = [
        (tr("Reported at"), _dt_text(d["reported_at"])), (tr("Reported by"), d["reporter"]),
        (tr("Contact"), d["contact"]),
        (tr("Place"), d["place"]), (tr("Asset"), d["asset"]), (tr("Category"), d["category"]),
        (tr("How reported"), d["reported_via"]), (tr("Urgency"), d["urgency"]), (tr("Deadline"), _dt_text(d["due_at"])),
        Field(tr("What is broken"), d["description"], span=3),
        (tr("Assigned to"), d["assignee"]), (tr("Done at"), _dt_text(d["done_at"])), (tr("Cost (yuan)"), cost),
        Field(tr("Work done"), _work(d), span=3, height=11),
        # who pays for damage beside the cause it follows from (one line, not a box of its own)
        Field(tr("Cause"), "    ".join(t for t in (d["cause"], d["compensation"]) if t), span=3),
        Field(tr("Acceptance"), _verdict(d), span=3),
    ]
    blocks = [Fields(items, columns=3)]
    if d["cancel_reason"]:
        blocks.append(Text(tr("Cancelled: {reason}").format(reason=d["cancel_reason"])))
    return SlipForm(tr("Repair slip"), blocks, doc_number=d["number"], date=d["reported_at"].date(),
                    # short enough in English for both signer lines to share a row, so a whole slip fits its
                    # half sheet (zh_CN: 维修人, 报修人（验收）: the reporter signs off the repair)
                    signatures=[tr("Repairer"), tr("Reporter")])


# texts a slip too long for its half sheet is shortened by, the longest first, and how much each keeps
# at least (characters; parts: lines)
SHORTENED = {"description": 30, "work_done": 20, "parts": 1, "accept_comment": 10, "cancel_reason": 20}
SHORTEN_TO = 0.85  # of its length, each step


def _cut(text: str, keep: int) -> str:
    """The first ``keep`` characters (an English text: at a word's end), and a word that the rest is in the
    program."""
    head = text[:keep]
    space = head.rfind(" ")
    if space > keep * 0.8:
        head = head[:space]
    return head.rstrip("，。；、,.; ") + tr("… (more in the program)")


def _length(d: dict, key: str) -> int:
    return len(join_clauses(d[key])) if key == "parts" else len(d[key])


def _shortened(d: dict, full: dict, key: str, keep: int) -> dict:
    """``d`` with ``full[key]`` kept to ``keep`` characters (parts: lines); all of it when that is all."""
    if key == "parts":
        keep = min(keep, len(full["parts"]))
        return dict(d, parts=full["parts"][:keep], parts_left=len(full["parts"]) - keep)
    return dict(d, **{key: full[key] if keep >= len(full[key]) else _cut(full[key], keep)})


def _fits(d: dict) -> bool:
    return slip_form(d).pages(per_page=2) <= 1


def fitted_slip(d: dict) -> SlipForm:
    """The slip on its half sheet: when it would run past it, the longest of the long texts (what is broken,
    the work done, the parts, the reporter's comment) is shortened, step by step, until it fits; then each
    shortened text gets back as much as still fits. Each shortened text says that the rest is in the
    program; the cost still adds up (parts total + labour). What still does not fit continues on the next
    half sheet rather than lose more."""
    if _fits(d):
        return slip_form(d)
    full = {key: d[key] for key in SHORTENED}
    kept = {key: len(full[key]) for key in SHORTENED}  # characters; parts: lines
    d = dict(d, parts_left=0)
    while not _fits(d):
        longer = [(_length(d, key), key) for key in SHORTENED if kept[key] > SHORTENED[key]]
        if not longer:
            return slip_form(d)
        key = max(longer)[1]
        kept[key] = max(SHORTENED[key], int(kept[key] * SHORTEN_TO))
        d = _shortened(d, full, key, kept[key])
    for key in SHORTENED:  # the last step may have taken more than needed: give back what fits
        low, high = kept[key], len(full[key])
        while low < high:
            mid = (low + high + 1) // 2
            if _fits(_shortened(d, full, key, mid)):
                low = mid
            else:
                high = mid - 1
        kept[key] = low
        d = _shortened(d, full, key, low)
    return slip_form(d)


def repair_slips(data: list[dict], per_page: int = 2, progress=None, cancel=None) -> bytes:
    """Repair slips, two half-A4 slips per sheet with a cut line; each on its own half (``fitted_slip``)."""
    return render_slips([fitted_slip(d) if per_page == 2 else slip_form(d) for d in data], per_page=per_page,
                        progress=progress, cancel=cancel)


# --- the monthly (or term) repair report -----------------------------------------------

REPEAT_PER_CATEGORY = 3  # places listed per category on the printed report (the rest as a count)
REPEAT_ASSETS = 5
OVERDUE_LISTED = 30


def period_number(prefix: str, start: _dt.date, end: _dt.date) -> str:
    """A report's document number from its period, the same on every reprint:
    WXBG-202611 (a calendar month), WXBG-20261123 (a day), WXBG-20260901-20270120."""
    if start.day == 1 and end == rs.month_range(start)[1]:
        return f"{prefix}-{start:%Y%m}"
    if start == end:
        return f"{prefix}-{start:%Y%m%d}"
    return f"{prefix}-{start:%Y%m%d}-{end:%Y%m%d}"


def _report_kind(start: _dt.date, end: _dt.date) -> str:
    """month | term | period: what the report is titled."""
    if start.day == 1 and end == rs.month_range(start)[1]:
        return "month"
    from ...core.masterdata import Term

    if Term.select().where((Term.start_date == start) & (Term.end_date == end)).exists():
        return "term"
    return "period"


def report_data(start: _dt.date, end: _dt.date, label: str | None = None, kind: str | None = None) -> dict:
    """The repair report's figures for tickets reported from ``start`` to ``end``.

    ``kind``: month | term | period (the title); found from the dates when not given.
    Open and overdue tickets are those of the period only (as counted in the figures).
    """
    f = rs.figures(start, end)
    f["label"] = label or f"{start} – {end}"
    f["kind"] = kind or _report_kind(start, end)
    f["doc_no"] = period_number("WXBG", start, end)
    f["by_urgency"] = [(rs.urgency_label(u), s) for u, s in f["by_urgency"]]
    T = RepairTicket
    period = ((T.reported_at >= _dt.datetime.combine(start, _dt.time.min))
              & (T.reported_at <= _dt.datetime.combine(end, _dt.time.max)))
    overdue = (T.select().where((T.is_open == True) & (T.due_at < f["now"]) & period)  # noqa: E712
               .order_by(T.due_at).limit(OVERDUE_LISTED))
    f["overdue_list"] = [{"number": t.number, "place": t.place.full_name if t.place_id else "",
                          "description": t.description, "urgency": rs.urgency_label(t.urgency),
                          "due": t.due_at, "status": rs.status_label(t.status)} for t in overdue]
    return f


def report_title(kind: str) -> str:
    return {"month": tr("Monthly repair report"), "term": tr("Term repair report")}.get(
        kind, tr("Repair report for a period"))


def repeat_rows(data: dict, per_category: int | None = None, assets: int | None = None) -> list[dict]:
    """The repeat-fault table, kept short: per category its ``per_category`` busiest places and
    a line counting the others; then the ``assets`` most repaired assets and a count of the rest."""
    per_category = REPEAT_PER_CATEGORY if per_category is None else per_category
    assets = REPEAT_ASSETS if assets is None else assets
    rows: list[dict] = []
    groups: dict[str, list[dict]] = {}
    for p in data["repeat_places"]:
        groups.setdefault(p["category"], []).append(p)
    for category, places in groups.items():
        for i, p in enumerate(places[:per_category]):
            rows.append({"kind": category if i == 0 else "", "what": p["place"], "count": p["count"],
                         "detail": tr("latest {number}").format(number=p["tickets"][-1]) if p["tickets"] else ""})
        rest = places[per_category:]
        if rest:
            rows.append({"kind": "", "what": tr("{n} more places").format(n=len(rest)),
                         "count": sum(p["count"] for p in rest), "detail": ""})
    listed = data["repeat_assets"][:assets]
    for i, a in enumerate(listed):
        rows.append({"kind": tr("Asset") if i == 0 else "", "what": f"{a['number']} {a['name']}", "count": a["count"],
                     "detail": tr("{amount} yuan").format(amount=_money(a["cost"]))})
    rest = data["repeat_assets"][assets:]
    if rest:
        rows.append({"kind": "", "what": tr("{n} more assets").format(n=len(rest)),
                     "count": sum(a["count"] for a in rest), "detail": ""})
    return rows


def _pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _h(v) -> str:
    return "—" if v is None else f"{v:.1f}"


def _summary_columns(first: str) -> list[Column]:
    return [Column("label", first, 30), Column("reported", tr("Tickets reported"), 12, kind="qty"),
            Column("done", tr("Done"), 12, kind="qty"), Column("on_time", tr("On time"), 12, kind="qty"),
            Column("rate", tr("On-time rate"), 14, align="right"), Column("avg", tr("Average h"), 13, align="right"),
            Column("median", tr("Median h"), 13, align="right"), Column("cost", tr("Cost"), 18, kind="money")]


def _summary_rows(groups) -> list[dict]:
    return [{"label": label, "reported": s["reported"], "done": s["done"], "on_time": s["on_time"],
             "rate": _pct(s["on_time_rate"]), "avg": _h(s["avg_hours"]), "median": _h(s["median_hours"]),
             "cost": s["cost"]} for label, s in groups]


def repair_report(data: dict, progress=None, cancel=None) -> bytes:
    t = data["total"]
    blocks = [
        Fields([
            (tr("Tickets reported"), t["reported"]), (tr("Done"), f"{t['done']}（{_pct(t['done_rate'])}）"),
            (tr("Done on time"), f"{t['on_time']}（{_pct(t['on_time_rate'])}）"),
            (tr("Still open / overdue"), f"{t['open']} / {t['overdue']}"),
            (tr("Average time to repair"), tr("{h} hours").format(h=_h(t["avg_hours"]))),
            (tr("Median time to repair"), tr("{h} hours").format(h=_h(t["median_hours"]))),
            (tr("Repair cost"), tr("{amount} yuan").format(amount=_money(t["cost"]))),
            (tr("Compensation"), tr("{amount} yuan").format(amount=_money(t["compensation"]))),
            (tr("Cancelled (not in the count)"), data["cancelled"]),
            (tr("Not satisfied at acceptance"), t["unsatisfied"]),
        ], columns=2),
        SmallTable(_summary_columns(tr("Urgency")), _summary_rows(data["by_urgency"]), title=tr("By urgency"),
                   totals={"label": tr("Total"), "reported": t["reported"], "done": t["done"],
                           "on_time": t["on_time"], "rate": _pct(t["on_time_rate"]), "avg": _h(t["avg_hours"]),
                           "median": _h(t["median_hours"]), "cost": t["cost"]}),
    ]
    cats = data["by_category"]
    if cats:
        blocks.append(BarChart([c for c, _ in cats],
                               [[s["reported"] for _, s in cats], [s["on_time"] for _, s in cats]],
                               series_names=[tr("Tickets reported"),
                                             tr("Done on time")], title=tr("Tickets by category"),
                               height=62))
    blocks.append(SmallTable(_summary_columns(tr("Category")), _summary_rows(cats), title=tr("By category"),
                             empty_text=tr("None.")))
    blocks.append(SmallTable(_summary_columns(tr("Building")), _summary_rows(data["by_place"]),
                             title=tr("By building"), empty_text=tr("None.")))
    blocks.append(SmallTable([Column("kind", tr("Category"), 16), Column("what", tr("Place or asset"), 46),
                              Column("count", tr("Tickets"), 12, kind="qty"),
                              Column("detail", tr("Latest ticket or cost"), 46)],
                             repeat_rows(data), empty_text=tr("None."),
                             title=tr("Repeat faults: the same fault {n} or more times at one place or on one asset")
                             .format(n=data["threshold"])))
    if data["overdue_list"]:
        title = tr("Open and overdue (tickets of this period)")
        if t["overdue"] > len(data["overdue_list"]):
            title = tr("Open and overdue (tickets of this period; the {n} longest overdue of {total})").format(
                n=len(data["overdue_list"]), total=t["overdue"])
        blocks.append(SmallTable([Column("number", tr("Ticket No."), 24), Column("place", tr("Place"), 30),
                                  Column("description", tr("What is broken"), 44),
                                  Column("urgency", tr("Urgency"), 22), Column("due", tr("Deadline"), 26)],
                                 [{**r, "due": _dt_text(r["due"])} for r in data["overdue_list"]], title=title))
    return SlipForm(report_title(data["kind"]), blocks, doc_number=data["doc_no"], date=clock.today(),
                    subtitle=data["label"], meta=[(tr("Period"), f"{data['start']} – {data['end']}")],
                    signatures=[tr("Prepared by"), tr("Director of general affairs")]).render(progress, cancel)


# --- the inspection ledger ---------------------------------------------------------------

def ledger_data(start: _dt.date, end: _dt.date) -> dict:
    return {"start": start, "end": end, "rows": rs.inspections(start, end),
            "missed": rs.missed_checks(start, end), "doc_no": period_number("XJTZ", start, end)}


def inspection_ledger(data: dict, progress=None, cancel=None) -> bytes:
    columns = [
        Column("no", tr("No."), 10, kind="index"),
        Column("at", tr("Inspected at"), 26),
        Column("checklist", tr("Checklist"), 30),
        Column("place", tr("Place"), 30),
        Column("inspector", tr("Inspector"), 16),
        Column("items", tr("Items"), 10, kind="qty"),
        Column("problems", tr("Problems"), 10, kind="qty"),
        Column("findings", tr("Findings and action"), 80),
        Column("sign", tr("Signature"), 16),
    ]
    rows = [{"at": _dt_text(r["inspected_at"]), "checklist": r["checklist"], "place": r["place"],
             "inspector": r["inspector"], "items": r["items_checked"], "problems": r["problems"],
             "findings": r["findings"]} for r in data["rows"]]
    period = f"{data['start']} – {data['end']}"
    totals = {"no": tr("Total"), "items": sum(r["items"] for r in rows), "problems": sum(r["problems"] for r in rows)}
    # checks that fell due and were not done close the same table (one section: one page count, one
    # signature block), each marked in the number column
    rows += [{"no": "—", "at": m["period"], "checklist": m["checklist"], "place": m["place"] or tr("(whole school)"),
              "findings": tr("Not done: due in this period and not recorded")} for m in data["missed"]]
    meta = [(tr("Period"), period), (tr("Inspections recorded"), len(data["rows"])),
            (tr("Checks not done"), len(data["missed"]))]
    note = tr("Rows marked “—” are checks that fell due in the period and were not done.") if data["missed"] else None
    section = Section(meta=meta, rows=rows, totals=totals, note=note)
    return TableForm(tr("Inspection ledger"), columns, [section], doc_number=data["doc_no"], date=clock.today(),
                     landscape=True, signatures=[tr("Safety officer"), tr("Director of general affairs")]).render(
        progress=progress, cancel=cancel)
