"""The stock-take's printed forms: count sheets and the variance report (no Qt).

Renderers take plain data (``sheet_data`` / ``report_data`` query it) and
return PDF bytes on the shared template.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...core import audit, clock, masterdata
from ...core.i18n import N_, join_clauses, tr
from ...core.printing import (
    Column,
    Field,
    Fields,
    Section,
    Signatures,
    SlipForm,
    SmallTable,
    TableForm,
    Text,
    format_date,
)
from ..assets.api import AssetDamage, AssetDisposal
from . import service
from .models import StockTakeLine

# --- count sheets --------------------------------------------------------------

def sheet_columns() -> list[Column]:
    return [
        Column("no", tr("No."), 8, kind="index"),
        Column("number", tr("Asset No. (scan)"), 46, kind="barcode"),
        Column("name", tr("Name"), 44, max_lines=2),
        Column("model", tr("Model / spec"), 32, max_lines=2),
        Column("unit", tr("Unit"), 9, align="center"),
        Column("qty", tr("Book qty"), 13, kind="qty"),
        Column("counted", tr("Counted qty"), 17, align="center"),
        Column("good", tr("Good"), 10, kind="checkbox"),
        Column("damaged", tr("Damaged"), 10, kind="checkbox"),
        Column("repair", tr("Needs repair"), 10, kind="checkbox"),
        Column("remark", tr("Remarks"), 44, max_lines=2),
    ]


def sheet_data(stocktake_id: int, place: str | int | None = None) -> dict:
    """Plain data for ``render_sheets``: the stock-take's heading and one entry per place."""
    st = service.get(stocktake_id)
    places = []
    for p in service.sheet_places(st.id, place):
        places.append({
            "name": p.name, "custodians": p.custodians,
            "rows": [{"number": r["asset_number"], "name": r["name"], "model": r["model_spec"] or "",
                      "unit": r["unit"] or "", "qty": r["quantity"], "remark": service.loan_text(r.get("loan")),
                      "lent": bool(r.get("loan"))} for r in p.rows],
        })
    return {"doc_no": st.doc_no, "title": st.title, "term": st.term.name if st.term_id else "",
            "scope": service.shown_scope(st), "date": st.count_date, "school": masterdata.school_name(),
            "places": places}


def render_sheets(data: dict, progress=None, cancel=None) -> bytes:
    """Count sheets: each place on its own pages, rows in walking order, barcode per row,
    boxes for 实盘数量 and 状况, signature lines for 盘点人, 复核人, 保管人."""
    sections = []
    for p in data["places"]:
        qty = sum(r["qty"] for r in p["rows"])
        lent = sum(1 for r in p["rows"] if r.get("lent"))
        expected = tr("{n} items, {qty} pieces").format(n=len(p["rows"]), qty=qty)
        if lent:  # out on loan: not expected on the shelf (the remark says who has it)
            expected += tr(", of which {n} on loan").format(n=lent)
        sections.append(Section(
            title=p["name"],
            meta=[(tr("Stock-take"), f'{data["doc_no"]} {data["title"]}'), (tr("Place"), p["name"]),
                  (tr("Custodian"), p["custodians"] or "—"), (tr("Expected"), expected)],
            rows=p["rows"],
            totals={"qty": qty},
            blank_rows=3,
            note=tr("Tick one condition box per row and write the counted quantity. Items found here that are "
                    "not listed: write them in the empty rows (number, name, quantity).") + (" " + tr(
                "Items on loan (see Remarks) are not expected here: check the loan slip; if the item is here, "
                "count it and write “returned”.") if lent else ""),
        ))
    return TableForm(tr("Stock-take count sheet"), sheet_columns(), sections, doc_number=data["doc_no"],
                     date=data["date"], landscape=True, school=data.get("school"),
                     signatures=[tr("Counted by"), tr("Count checked by"), tr("Custodian")]).render(progress, cancel)


# --- the variance report ----------------------------------------------------------

SIGN_OFF = (N_("Counted by"), N_("Count checked by"), N_("Custodian"), N_("Director of general affairs"),
            N_("Principal"))


def _settlements(st, v: dict) -> None:
    """Write into each variance line of ``v`` (``variance()``'s result) how it was settled (``settled``):
    before sign-off nothing is settled yet; after it, what applying the results did (moved, shortage
    recorded, written off with its number, damage recorded with its number, repair ticket, registered)."""
    _loan_settlements(v)  # a loan stands as the asset register has it, signed off or not
    lines = v["missing"] + v["misplaced"] + v["damaged"]
    if st.status != "signed":
        for d in lines + v["surplus"]:
            d["settled"] = tr("Pending sign-off")
        return
    L = StockTakeLine
    extra = {i: (ref, holder) for i, ref, holder in L.select(L.id, L.repair_ref, L.shortage_asset).where(
        (L.stocktake == st.id) & (L.repair_ref.is_null(False) | L.shortage_asset.is_null(False))).tuples()}
    repairs = {i: ref for i, (ref, _h) in extra.items() if ref}
    for d in v["missing"]:  # the record holding the shortage (split off a batch when only some are missing)
        d["shortage_asset"] = extra.get(d["id"], (None, None))[1]
    asset_ids = {d["shortage_asset"] or d["asset"] for d in v["missing"] if d.get("written_off_at")}
    disposals = {}
    if asset_ids:
        for a, doc in (AssetDisposal.select(AssetDisposal.asset, AssetDisposal.doc_no)
                       .where(AssetDisposal.asset.in_(list(asset_ids))).order_by(AssetDisposal.id).tuples()):
            disposals[a] = doc
    damages = dict(AssetDamage.select(AssetDamage.asset, AssetDamage.doc_no)
                   .where((AssetDamage.ref_table == "stocktake") & (AssetDamage.ref_id == st.id)).tuples())
    pending = tr("Not settled yet")
    for d in v["missing"]:
        if d.get("written_off_at"):
            doc = disposals.get(d["shortage_asset"] or d["asset"])
            d["settled"] = tr("Written off {doc}").format(doc=doc) if doc else tr("Written off")
        elif d.get("shortage_at"):
            d["settled"] = (tr("Shortage, write-off pending approval")
                            if d["state"] == "missing" or d["shortage_asset"] else tr("Shortage recorded"))
        else:
            d["settled"] = pending
    for d in v["misplaced"]:
        d["settled"] = (tr("Moved to {place}").format(place=d.get("found_place_name") or "")
                        if d.get("relocated_at") else pending)
    for d in v["damaged"]:
        done = []
        if d.get("damage_recorded_at"):
            doc = damages.get(d["asset"])
            done.append(tr("Damage recorded {doc}").format(doc=doc) if doc else tr("Damage recorded"))
        if repairs.get(d["id"]):
            done.append(tr("Repair ticket {number}").format(number=service.repair_number(repairs[d["id"]])))
        d["settled"] = join_clauses(done) if done else pending
    for u in v["surplus"]:
        u["settled"] = (tr("Registered as {number}").format(number=u.get("registered_number") or "")
                        if u.get("registered_asset") else pending)


def _loan_settlements(v: dict) -> None:
    """How the loans stand now: returned (on which day) or still out; found ones: the return recorded or not."""
    for d in v["lent"]:
        returned = (d.get("loan") or {}).get("returned_on")
        d["settled"] = tr("Returned on {date}").format(date=format_date(returned)) if returned else tr(
            "Still on loan")
    for d in v["found_on_loan"]:
        d["settled"] = tr("Return not recorded yet")


def _loan_rows(v: dict) -> tuple[list[dict], list[dict]]:
    """The report's rows of assets on loan, and of those found although the register has them on loan."""
    lent = []
    for d in v["lent"]:
        loan = d.get("loan") or {}
        overdue = loan.get("overdue_days") or 0
        lent.append({"number": d["asset_number"], "name": d["name"], "place": d["place_name"] or "",
                     "borrower": loan.get("borrower") or "—", "due": loan.get("due_on"),
                     "overdue": tr("Overdue {n} days").format(n=overdue) if overdue else "",
                     "slip": tr("Seen") if d.get("method") == service.LOAN else tr("Not checked"),
                     "qty": d["lent_qty"], "value": d["lent_value"], "settled": d["settled"]})
    found = [{"number": d["asset_number"], "name": d["name"], "place": d["place_name"] or "",
              "found": d.get("found_place_name") or service.place_name(d["found_place"] or d["place"]),
              "loan": service.loan_text(d["loan"]), "settled": d["settled"]} for d in v["found_on_loan"]]
    return lent, found


def report_data(stocktake_id: int) -> dict:
    v = service.variance(stocktake_id)
    st = v["stocktake"]
    cmp = service.compare_with_previous(st.id)
    _settlements(st, v)

    def summary(rows):
        return [{"label": r["label"], "expected": r["expected"], "expected_qty": r["expected_qty"],
                 "expected_value": r["expected_value"], "found_qty": r["found_qty"], "lent_qty": r["lent_qty"],
                 "lent_value": r["lent_value"], "lent_overdue": r["lent_overdue"],
                 "missing_qty": r["missing_qty"], "missing_value": r["missing_value"],
                 "surplus_qty": r["surplus_qty"], "surplus_value": r["surplus_value"],
                 "misplaced": r["misplaced"], "damaged": r["damaged"]} for r in rows]

    signed = st.status == "signed"
    lent, found_on_loan = _loan_rows(v)
    return {
        "doc_no": st.doc_no, "title": st.title, "term": st.term.name if st.term_id else "",
        "scope": service.shown_scope(st), "count_date": st.count_date, "status": service.status_text(st),
        "provisional": v["provisional"], "printed_on": clock.today(), "school": masterdata.school_name(),
        "signed": signed, "signed_on": st.signed_on if signed else None,
        "signers": {k: getattr(st, k) or "" for k in service.SIGN_ROLES},
        "places": summary(v["places"]), "categories": summary(v["categories"]),
        "totals": summary([v["totals"]])[0],
        "missing": [{"number": d["asset_number"], "name": d["name"], "place": d["place_name"] or "",
                     "qty": d["missing_qty"], "value": d["missing_value"],
                     "remark": service.result_text(d["state"]), "settled": d["settled"]} for d in v["missing"]],
        "misplaced": [{"number": d["asset_number"], "name": d["name"], "place": d["place_name"] or "",
                       "found": d["found_place_name"], "qty": d["quantity"], "value": d["book_value"],
                       "settled": d["settled"]} for d in v["misplaced"]],
        "damaged": [{"number": d["asset_number"], "name": d["name"], "place": d["place_name"] or "",
                     "condition": tr(service.CONDITIONS[d["condition"]]), "note": d["note"] or "",
                     "value": d["book_value"], "settled": d["settled"]} for d in v["damaged"]],
        "surplus": [{"number": u["code"] or "", "name": u["name"], "place": u["place_name"] or "",
                     "category": u["category_name"] or "", "qty": u["quantity"], "value": u["value"],
                     "settled": u["settled"]} for u in v["surplus"]],
        "lent": lent, "found_on_loan": found_on_loan,
        "previous": cmp["previous"].doc_no if cmp["previous"] else None,
        "recurring": [{"number": d["asset_number"], "name": d["name"], "place": d["place_name"] or ""}
                      for d in cmp["recurring"]],
        # the change record's head when printed: paper that anchors the record (see core/audit.py)
        "check_code": audit.check_code(),
    }


def _summary_columns(first: str) -> list[Column]:
    return [
        Column("label", first, 40),
        Column("expected", tr("Items expected"), 14, kind="qty"),
        Column("expected_qty", tr("Qty expected"), 14, kind="qty"),
        Column("expected_value", tr("Book value"), 22, kind="money"),
        Column("found_qty", tr("Qty found"), 14, kind="qty"),
        Column("lent_qty", tr("Qty on loan"), 14, kind="qty"),
        Column("missing_qty", tr("Shortage qty"), 14, kind="qty"),
        Column("missing_value", tr("Shortage value"), 20, kind="money"),
        Column("surplus_qty", tr("Surplus qty"), 14, kind="qty"),
        Column("surplus_value", tr("Surplus value"), 20, kind="money"),
        Column("misplaced", tr("Misplaced"), 13, kind="qty"),
        Column("damaged", tr("Damaged"), 13, kind="qty"),
    ]


def _totals(rows: Sequence[dict], keys: Sequence[str]) -> dict[str, Any]:
    return {k: sum((r[k] for r in rows), Decimal(0) if k.endswith("value") else 0) for k in keys}


def _sign_off_blocks(data: dict) -> tuple[list, list[str]]:
    """(blocks, signature roles) that end the report: blank signature lines to sign; on a signed
    stock-take's reprint, the names and the date recorded at sign-off in one row of boxes instead."""
    if not data.get("signed"):
        return [], [tr(s) for s in SIGN_OFF]
    on = data.get("signed_on")
    boxes = []
    for key, role in zip(service.SIGN_ROLES, SIGN_OFF, strict=True):
        name = data["signers"].get(key) or ""
        boxes.append(Field(tr(role), f"{name}  {format_date(on)}" if name else "—"))
    # an empty signature block after the record: the printing core keeps the last lines before a
    # signature block on its page, so the record never stands alone on the last page
    return [Text(tr("Signed off on {date}; the names as recorded:").format(date=format_date(on)), bold=True),
            Fields(boxes, columns=len(boxes)), Signatures([])], []


def _loan_blocks(data: dict, settled: Column, none: str) -> list:
    """Assets on loan (neither found nor short: who has them, due when, overdue), and assets found although
    the register has them on loan (the return to record)."""
    blocks = [SmallTable([
        Column("no", tr("No."), 8, kind="index"), Column("number", tr("Asset No."), 30),
        Column("name", tr("Name"), 34), Column("place", tr("Expected place"), 30),
        Column("borrower", tr("Borrower"), 20), Column("due", tr("Due back"), 20, kind="date"),
        Column("overdue", tr("Overdue"), 22, max_lines=1),
        Column("slip", tr("Loan slip"), 16, align="center", max_lines=1),
        Column("qty", tr("Qty"), 10, kind="qty"), Column("value", tr("Book value"), 20, kind="money"), settled],
        data.get("lent", []), title=tr("On loan (借出: neither found nor shortage)"), empty_text=none,
        totals=_totals(data["lent"], ["qty", "value"]) if data.get("lent") else None)]
    if data.get("found_on_loan"):
        blocks.append(SmallTable([
            Column("no", tr("No."), 8, kind="index"), Column("number", tr("Asset No."), 30),
            Column("name", tr("Name"), 34), Column("found", tr("Found in"), 30),
            Column("loan", tr("In the register"), 50, max_lines=2), settled], data["found_on_loan"],
            title=tr("Found although on loan in the register (return not recorded)")))
    return blocks


def render_report(data: dict, progress=None, cancel=None) -> bytes:
    """The variance report (盘点差异报告): the school's heading, totals by place and by category, each
    variance with how it was settled, and the sign-off (blank lines, or on a signed stock-take the
    recorded names and date). An open stock-take says 预览 on every page."""
    t = data["totals"]
    meta = [(tr("Stock-take"), data["title"]), (tr("Term"), data["term"] or "—"),
            (tr("Scope"), data["scope"]), (tr("Count date"), data["count_date"]), (tr("Status"), data["status"])]
    if data.get("check_code"):
        meta.append((tr("Check code"), data["check_code"]))
    lines = tr("Expected {e} items ({eq} pieces, book value {ev} yuan); found {fq} pieces; shortage {mq} pieces "
               "({mv} yuan); surplus {sq} pieces ({sv} yuan); misplaced {p} items; damaged {d} items.").format(
        e=t["expected"], eq=t["expected_qty"], ev=f'{t["expected_value"]:,.2f}', fq=t["found_qty"],
        mq=t["missing_qty"], mv=f'{t["missing_value"]:,.2f}', sq=t["surplus_qty"],
        sv=f'{t["surplus_value"]:,.2f}', p=t["misplaced"], d=t["damaged"])
    if t["lent_qty"]:  # on loan: neither found nor short, and the three add up to what was expected
        lines += " " + tr("On loan {lq} pieces ({lv} yuan), {lo} of them overdue: of the {eq} pieces expected, "
                          "{fq} found + {lq} on loan + {mq} short.").format(
            lq=t["lent_qty"], lv=f'{t["lent_value"]:,.2f}', lo=t["lent_overdue"], eq=t["expected_qty"],
            fq=t["found_qty"], mq=t["missing_qty"])
    blocks: list = []
    if data["provisional"]:
        blocks.append(Text(tr("PROVISIONAL: the count is still open; items not counted yet are shown as shortage."),
                           bold=True))
    blocks.append(Text(lines))
    keys = ["expected", "expected_qty", "expected_value", "found_qty", "lent_qty", "missing_qty", "missing_value",
            "surplus_qty", "surplus_value", "misplaced", "damaged"]
    blocks.append(SmallTable(_summary_columns(tr("Place")), data["places"], totals=_totals(data["places"], keys),
                             title=tr("By place")))
    blocks.append(SmallTable(_summary_columns(tr("Category")), data["categories"],
                             totals=_totals(data["categories"], keys), title=tr("By category")))
    none = tr("(none)")
    settled = Column("settled", tr("Settlement"), 40, max_lines=2)
    blocks.append(SmallTable([
        Column("no", tr("No."), 8, kind="index"), Column("number", tr("Asset No."), 30),
        Column("name", tr("Name"), 40), Column("place", tr("Expected place"), 34),
        Column("qty", tr("Shortage qty"), 16, kind="qty"), Column("value", tr("Book value"), 22, kind="money"),
        Column("remark", tr("Remarks"), 22), settled], data["missing"], title=tr("Shortage (盘亏)"),
        empty_text=none, totals=_totals(data["missing"], ["qty", "value"]) if data["missing"] else None))
    blocks += _loan_blocks(data, settled, none)
    blocks.append(SmallTable([
        Column("no", tr("No."), 8, kind="index"), Column("number", tr("Asset No."), 30),
        Column("name", tr("Name"), 40), Column("category", tr("Category"), 26),
        Column("place", tr("Found in"), 34), Column("qty", tr("Qty"), 12, kind="qty"),
        Column("value", tr("Value"), 22, kind="money"), settled], data["surplus"], title=tr("Surplus (盘盈)"),
        empty_text=none, totals=_totals(data["surplus"], ["qty", "value"]) if data["surplus"] else None))
    blocks.append(SmallTable([
        Column("no", tr("No."), 8, kind="index"), Column("number", tr("Asset No."), 30),
        Column("name", tr("Name"), 40), Column("place", tr("Expected place"), 34),
        Column("found", tr("Found in"), 34), Column("value", tr("Book value"), 22, kind="money"), settled],
        data["misplaced"], title=tr("Misplaced"), empty_text=none))
    blocks.append(SmallTable([
        Column("no", tr("No."), 8, kind="index"), Column("number", tr("Asset No."), 30),
        Column("name", tr("Name"), 36), Column("place", tr("Place"), 30),
        Column("condition", tr("Condition"), 16, align="center"), Column("note", tr("Remarks"), 34),
        Column("value", tr("Book value"), 22, kind="money"), settled], data["damaged"], title=tr("Damaged"),
        empty_text=none))
    if data.get("previous"):
        blocks.append(SmallTable([
            Column("no", tr("No."), 8, kind="index"), Column("number", tr("Asset No."), 30),
            Column("name", tr("Name"), 44), Column("place", tr("Expected place"), 40)], data["recurring"],
            title=tr("Missing again (also missing in {doc})").format(doc=data["previous"]), empty_text=none))
    sign_blocks, roles = _sign_off_blocks(data)
    blocks += sign_blocks
    # an open count is a preview: said under the title, so on every page
    subtitle = tr("PREVIEW: the count is still open and not signed off") if data["provisional"] else None
    return SlipForm(tr("Stock-take variance report"), blocks, doc_number=data["doc_no"], date=data["printed_on"],
                    meta=meta, signatures=roles, landscape=True, school=data.get("school"),
                    subtitle=subtitle).render(progress, cancel)


def sheets_pdf(stocktake_id: int, place: str | int | None = None) -> bytes:
    return render_sheets(sheet_data(stocktake_id, place))


def report_pdf(stocktake_id: int) -> bytes:
    return render_report(report_data(stocktake_id))
