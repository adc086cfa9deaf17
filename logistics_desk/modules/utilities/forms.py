"""The utilities report on paper (no Qt): ``print utilities-report --year Y`` or ``--month YYYY-MM``.

A4, the school's name, a document number (SDBG-2026 / SDBG-202611), the year's or the month's use and cost
with 同比 and 环比, per student and per square metre, per building, a chart of twelve months against last
year, the flags, and a signature block. ``report_data`` queries; ``utilities_report`` only draws.
"""

from __future__ import annotations

from decimal import Decimal

from ...core import clock
from ...core.i18n import tr
from ...core.printing import BarChart, Column, Fields, SlipForm, SmallTable, Text
from . import service as us
from .models import KINDS, METERED_KINDS


def _money(value) -> str:
    return "—" if value is None else f"{Decimal(value):,.2f}"


def _q(value) -> str:
    return us.qty_text(value)


def _per(value) -> str:
    return "—" if value is None else format(Decimal(value).quantize(Decimal("0.001")), "f")


def use_label(kind: str) -> str:
    """用电量 / 用水量 / 用气量 with the unit."""
    names = {"electricity": tr("Electricity use"), "water": tr("Water use"), "gas": tr("Gas use")}
    return f"{names[kind]} ({us.unit_label(kind)})"


def report_data(year: int | None = None, month: str | None = None) -> dict:
    if month is not None:
        month = us.parse_month(month)
        year = int(month[:4])
        months = [month]
        label = month
        doc_no = f"SDBG-{month.replace('-', '')}"
        buildings = us.building_figures(month, month)
        flags = us.flags(month=month)
    else:
        months = us.year_months(year)
        label = tr("Year {year}").format(year=year)
        doc_no = f"SDBG-{year}"
        buildings = us.building_figures(months[0], months[-1])
        flags = us.flags(year=year)
    this_year = us.month_figures(us.year_months(year))
    last_year = us.month_figures(us.year_months(year - 1))
    rows = [r for r in this_year if r["month"] in months]
    kinds_used = [k for k in METERED_KINDS if any(r["kinds"][k]["use"] is not None for r in this_year + last_year)]
    return {"year": year, "month": month, "months": months, "label": label, "doc_no": doc_no, "rows": rows,
            "this_year": this_year, "last_year": last_year, "buildings": buildings,
            "flags": [f for f in flags if f["status"] != "cleared"], "kinds": kinds_used or ["electricity", "water"],
            "totals": _totals(rows), "students": us.students(), "area": us.school_area()}


def _totals(rows: list[dict]) -> dict:
    out = {}
    for kind in KINDS:
        use = [r["kinds"][kind]["use"] for r in rows if r["kinds"][kind]["use"] is not None]
        # 同比 over the months this period has: a year still running is compared with the same months last year
        ly = [r["kinds"][kind]["use_last_year"] for r in rows
              if r["kinds"][kind]["use"] is not None and r["kinds"][kind]["use_last_year"] is not None]
        prev = [r["kinds"][kind]["use_prev"] for r in rows if r["kinds"][kind]["use_prev"] is not None]
        cost = [r["kinds"][kind]["cost"] for r in rows if r["kinds"][kind]["cost"] is not None]
        cost_ly = [r["kinds"][kind]["cost_last_year"] for r in rows
                   if r["kinds"][kind]["cost"] is not None and r["kinds"][kind]["cost_last_year"] is not None]
        u = sum(use, Decimal(0)) if use else None
        u_ly = sum(ly, Decimal(0)) if ly else None
        u_prev = sum(prev, Decimal(0)) if prev and len(rows) == 1 else None
        c = sum(cost, Decimal(0)) if cost else None
        c_ly = sum(cost_ly, Decimal(0)) if cost_ly else None
        out[kind] = {"use": u, "use_last_year": u_ly, "yoy": us.ratio(u, u_ly), "mom": us.ratio(u, u_prev),
                     "cost": c, "cost_last_year": c_ly, "cost_yoy": us.ratio(c, c_ly),
                     "per_student": us._per(u, us.students()), "per_m2": us._per(u, us.school_area())}
    cost = sum((r["cost"] or Decimal(0) for r in rows), Decimal(0))
    cost_ly = [r["cost_last_year"] for r in rows if r["cost"] is not None and r["cost_last_year"] is not None]
    out["cost"] = cost
    out["cost_last_year"] = sum(cost_ly, Decimal(0)) if cost_ly else None
    out["cost_yoy"] = us.ratio(cost, out["cost_last_year"])
    return out


def _summary(data: dict) -> Fields:
    t = data["totals"]
    items = []
    for kind in data["kinds"]:
        k = t[kind]
        items.append((use_label(kind), tr("{value} (year on year {pct})").format(
            value=_q(k["use"]), pct=us.percent_text(k["yoy"]))))
    items.append((tr("Cost (yuan)"), tr("{value} (year on year {pct})").format(
        value=_money(t["cost"]), pct=us.percent_text(t["cost_yoy"]))))
    n, area = data["students"], data["area"]
    per = []
    for kind in data["kinds"]:
        k = t[kind]
        if n:
            per.append(tr("{what} per student: {value}").format(what=use_label(kind), value=_per(k["per_student"])))
        if area:
            per.append(tr("{what} per m²: {value}").format(what=use_label(kind), value=_per(k["per_m2"])))
    items.append((tr("Students / floor area"), f"{n or '—'} / {_q(area) if area else '—'} m²"))
    if n and t["cost"]:
        items.append((tr("Cost per student (yuan)"), _money(t["cost"] / n)))
    fields = Fields(items, columns=2)
    return fields, per


def _month_table(data: dict) -> SmallTable:
    cols = [Column("month", tr("Month"), 16)]
    for kind in data["kinds"]:
        cols += [Column(f"{kind}_use", use_label(kind), 20, kind="qty"),
                 Column(f"{kind}_yoy", tr("Year on year"), 14, align="right"),
                 Column(f"{kind}_mom", tr("Month on month"), 14, align="right")]
    cols += [Column("cost", tr("Cost (yuan)"), 22, kind="money"),
             Column("cost_yoy", tr("Year on year"), 14, align="right")]
    rows = []
    today = us.month_of(clock.today())
    for r in data["rows"]:
        if r["month"] > today:
            continue  # a month still to come
        row = {"month": r["month"], "cost": r["cost"] if r["cost"] else None,
               "cost_yoy": us.percent_text(r["cost_yoy"])}
        for kind in data["kinds"]:
            k = r["kinds"][kind]
            row[f"{kind}_use"] = _q(k["use"]) if k["use"] is not None else "—"
            row[f"{kind}_yoy"] = us.percent_text(k["yoy"])
            row[f"{kind}_mom"] = us.percent_text(k["mom"])
        rows.append(row)
    t = data["totals"]
    totals = {"month": tr("Total"), "cost": t["cost"], "cost_yoy": us.percent_text(t["cost_yoy"])}
    for kind in data["kinds"]:
        totals[f"{kind}_use"] = _q(t[kind]["use"]) if t[kind]["use"] is not None else "—"
        totals[f"{kind}_yoy"] = us.percent_text(t[kind]["yoy"])
        totals[f"{kind}_mom"] = us.percent_text(t[kind]["mom"]) if len(data["rows"]) == 1 else ""
    return SmallTable(cols, rows, totals=totals if len(rows) > 1 else None, title=tr("Use and cost by month"),
                      font_size=8)


def _kind_table(data: dict) -> SmallTable:
    t = data["totals"]
    cols = [Column("kind", tr("Item"), 22), Column("use", tr("Use"), 20, kind="qty"),
            Column("unit", tr("Unit"), 10), Column("yoy", tr("Year on year"), 14, align="right"),
            Column("cost", tr("Cost (yuan)"), 22, kind="money"), Column("cost_ly", tr("Last year (yuan)"), 22,
                                                                       kind="money"),
            Column("cost_yoy", tr("Year on year"), 14, align="right"),
            Column("per_student", tr("Per student"), 16, align="right")]
    if data["month"]:
        cols.insert(4, Column("mom", tr("Month on month"), 14, align="right"))
    rows = []
    for kind in KINDS:
        k = t[kind]
        if k["use"] is None and k["cost"] is None and k["cost_last_year"] is None:
            continue
        rows.append({"kind": us.kind_label(kind), "use": _q(k["use"]) if k["use"] is not None else "",
                     "unit": us.unit_label(kind), "yoy": us.percent_text(k["yoy"]) if kind in METERED_KINDS else "",
                     "mom": us.percent_text(k["mom"]) if kind in METERED_KINDS and data["month"] else "",
                     "cost": k["cost"], "cost_ly": k["cost_last_year"], "cost_yoy": us.percent_text(k["cost_yoy"]),
                     "per_student": _per(k["per_student"]) if k["per_student"] is not None else ""})
    return SmallTable(cols, rows, totals={"kind": tr("Total"), "cost": t["cost"], "cost_ly": t["cost_last_year"],
                                          "cost_yoy": us.percent_text(t["cost_yoy"])},
                      title=tr("Cost by item (telephone, network and printing included)"), font_size=8,
                      empty_text=tr("None."))


def _building_table(data: dict) -> SmallTable:
    cols = [Column("building", tr("Building"), 20), Column("area", tr("Floor area m²"), 14, kind="qty")]
    for kind in data["kinds"]:
        cols += [Column(f"{kind}_use", use_label(kind), 18, kind="qty"),
                 Column(f"{kind}_m2", tr("per m²"), 12, align="right"),
                 Column(f"{kind}_yoy", tr("Year on year"), 13, align="right")]
    cols.append(Column("cost", tr("Cost (yuan)"), 20, kind="money"))
    rows = []
    for b in data["buildings"]:
        row = {"building": b["building"], "area": _q(b["area"]) if b["area"] else "—", "cost": b["cost"] or None}
        for kind in data["kinds"]:
            k = b["kinds"].get(kind)
            row[f"{kind}_use"] = _q(k["use"]) if k and k["use"] is not None else ""
            row[f"{kind}_m2"] = _per(k["per_m2"]) if k and k["per_m2"] is not None else ""
            row[f"{kind}_yoy"] = us.percent_text(k["yoy"]) if k else ""
        rows.append(row)
    return SmallTable(cols, rows, title=tr("By building (sub-meters where a building has them; cost at the "
                                           "period's average price)"), font_size=8, empty_text=tr("None."))


def _charts(data: dict) -> list[BarChart]:
    out = []
    labels = [str(int(m[5:])) for m in us.year_months(data["year"])]
    for kind in data["kinds"][:2]:
        now = [float(r["kinds"][kind]["use"] or 0) for r in data["this_year"]]
        before = [float(r["kinds"][kind]["use"] or 0) for r in data["last_year"]]
        title = tr("{what}: twelve months against last year").format(what=use_label(kind))
        if max(now + before + [0]) >= 10000:  # large figures in ten thousands (万), so the bars' labels stay short
            now, before = [round(v / 10000, 2) for v in now], [round(v / 10000, 2) for v in before]
            title += tr(" (in ten thousands)")
        elif max(now + before + [0]) >= 1000:
            now, before = [round(v / 1000, 2) for v in now], [round(v / 1000, 2) for v in before]
            title += tr(" (in thousands)")
        else:
            now, before = [round(v) for v in now], [round(v) for v in before]
        out.append(BarChart(labels, [before, now], series_names=[str(data["year"] - 1), str(data["year"])],
                            title=title, height=58))
    return out


def _flag_table(data: dict) -> SmallTable:
    cols = [Column("month", tr("Month"), 14), Column("kind", tr("Flag"), 30), Column("text", tr("Finding"), 100),
            Column("status", tr("Action"), 26)]
    rows = [{"month": f["month"], "kind": f["kind_label"], "text": f["text"],
             "status": f["status_label"] + (f" {f['ticket_number']}" if f["ticket_number"] else "")}
            for f in data["flags"]]
    return SmallTable(cols, rows, title=tr("Waste found early (flags)"), font_size=8, empty_text=tr("None."))


def utilities_report(data: dict, progress=None, cancel=None) -> bytes:
    fields, per = _summary(data)
    blocks = [fields]
    if per:
        blocks.append(Text(tr("; ").join(per), size=9))
    blocks.append(_month_table(data) if data["month"] is None else _kind_table(data))
    blocks += _charts(data)
    if data["month"] is None:
        blocks.append(_kind_table(data))
    blocks.append(_building_table(data))
    blocks.append(_flag_table(data))
    title = tr("Utilities report") if data["month"] is None else tr("Monthly utilities report")
    return SlipForm(title, blocks, doc_number=data["doc_no"], date=clock.today(), subtitle=data["label"],
                    signatures=[tr("Prepared by"), tr("Director of general affairs"), tr("Principal")]).render(
        progress, cancel)
