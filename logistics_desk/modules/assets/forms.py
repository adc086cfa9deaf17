"""The asset register's printed forms (no Qt): plain data in, PDF bytes out.

Each form has a ``*_data`` function that reads the database and returns plain
data (dicts, lists, strings, dates, Decimals) and a ``render_*`` function that
turns that data into PDF bytes on the shared template (``core/printing``).
The window queries on the GUI thread and renders in a worker; the command line
calls both in turn.

* Inventory sheet 资产清单 — ``inventory_data(place=|building=|department=|custodian=,
  per_custodian=False)``, ``render_inventory(data)``. A building prints one section (own
  pages, own document number, own signatures) per room; ``per_custodian`` one per custodian
  (everything the person holds, wherever it stands). A custodian column, and a signature
  line for each custodian of a sheet. Only assets on the books (not disposed, not lost).
* Asset card 固定资产卡片 — ``card_data(asset_id)``, ``render_cards([cards], per_page=1|2)``:
  with the GB/T 14885 class code and signature lines, each card on one page or half page
  (its history cut to the latest lines that fit).
* Labels — ``label_items(ids=|place=|numbers=(a, b)|since=|filters=)``,
  ``render_asset_labels(items, template=, code=, skip=, sheet=, offset=)``.
* Slips — ``transfer_slip_data(doc)`` / ``loan_slip_data(doc)`` / ``damage_notice_data(doc)`` /
  ``writeoff_request_data(asset=|doc=)`` and ``render_transfer_slip`` / ``render_loan_slip`` /
  ``render_damage_notice`` / ``render_writeoff_request``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from peewee import JOIN
from reportlab.lib.units import mm

from ...core import audit, clock, masterdata
from ...core.errors import NotFound, UserError
from ...core.i18n import N_, tr
from ...core.masterdata import Department, Person, Place
from ...core.printing import (
    Column,
    Field,
    Fields,
    Section,
    SlipForm,
    SmallTable,
    TableForm,
    Text,
    asset_label,
    label_sheet,
    register_fonts,
    render_labels,
    render_slips,
)
from ...core.printing.amounts import rmb_upper
from ...core.printing.labels import LabelSheet
from ...core.printing.slips import FIELD_SIZE
from ...core.printing.template import text_frame
from ...core.printing.text import join_list, width
from . import service
from .models import (
    DAMAGE_CAUSES,
    DISPOSAL_METHODS,
    EVENT_KINDS,
    STATUSES,
    Asset,
    AssetDamage,
    AssetDisposal,
    AssetEvent,
    AssetLoan,
    AssetTransfer,
)

CARD_HISTORY = 10  # history lines on a full-page card
CARD_HISTORY_HALF = 4  # on a half-page card (two per sheet)


def _d(value: Any) -> Decimal:
    return Decimal(str(value or 0))


def _name(obj: Any) -> str:
    return str(obj) if obj is not None else ""


# =============================================================================
# Inventory sheet 资产清单
# =============================================================================

SCOPES = ("place", "building", "department", "custodian")


def inventory_columns(with_place: bool = False, with_custodian: bool = True) -> list[Column]:
    """The sheet's columns: a custodian column (who answers for each line) unless the sheet is
    one person's; a place column when the lines stand in more than one place."""
    both = with_place and with_custodian
    cols = [
        Column("no", tr("No."), 9.5, kind="index"),  # room for "Total" on the totals row
        Column("number", tr("Asset number"), 27),
        Column("name", tr("Name"), 30 if both else 34, max_lines=2),
        Column("model", tr("Model / spec"), 24 if both else 28, max_lines=2),
    ]
    if with_place:
        cols.append(Column("place", tr("Place"), 24, max_lines=2))
    if with_custodian:
        cols.append(Column("custodian", tr("Custodian"), 14, max_lines=2))
    cols += [
        Column("unit", tr("Unit"), 9, align="center"),
        Column("qty", tr("Quantity"), 10, kind="qty"),
        Column("price", tr("Unit price"), 18, kind="money"),
        Column("amount", tr("Amount"), 20, kind="money"),
        Column("bought", tr("Acquired on"), 20, kind="date"),
        Column("status", tr("Status"), 13, align="center"),
        Column("remark", tr("Remarks"), 20 if both else 24, max_lines=2),
    ]
    return cols


def resolve_scope(kind: str, text: str):
    """The Place/Department/Person a text names for an inventory scope; UserError if none."""
    text = (text or "").strip()
    if kind in ("place", "building"):
        place = masterdata.find_place(text)
        if place is None and kind == "building":
            place = Place.get_or_none((Place.kind == "building") & (Place.name == text))
        if place is None:
            raise UserError(tr("Unknown place: {name}").format(name=text))
        return place
    if kind == "department":
        dept = masterdata.find_department(text)
        if dept is None:
            raise UserError(tr("Unknown department or class: {name}").format(name=text))
        return dept
    if kind == "custodian":
        person = masterdata.find_person(text)
        if person is None:
            raise UserError(tr("Unknown person: {name}").format(name=text))
        return person
    raise UserError(tr("Unknown inventory scope: {kind}").format(kind=kind))


def _inventory_row(r: dict, with_place: bool) -> dict:
    row = {"number": r["number"], "name": r["name"], "model": r["model_spec"] or "", "unit": r["unit"] or "",
           "qty": r["quantity"], "price": r["unit_price"], "amount": r["amount"], "bought": r["acquired_on"],
           "status": r["status_label"], "remark": r["note"] or "", "custodian": r["custodian"] or ""}
    if with_place:
        row["place"] = r["place"] or ""
    return row


def _distinct(values: Iterable[str | None], limit: int = 3) -> str:
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    if not seen:
        return "—"
    if len(seen) > limit:
        return tr("{names} and {n} more").format(names=join_list(seen[:limit]), n=len(seen) - limit)
    return join_list(seen)


SIGNING_CUSTODIANS = 4  # up to this many custodians on one sheet each get a signature line of their own


def _custodian_roles(names: Iterable[str | None]) -> list[str]:
    """"保管人（张伟）" for each custodian of the lines (a few), else one "保管人"."""
    seen: list[str] = []
    for n in names:
        if n and n not in seen:
            seen.append(n)
    if not seen or len(seen) > SIGNING_CUSTODIANS:
        return [tr("Custodian")]
    return [tr("Custodian ({name})").format(name=n) for n in seen]


def _section_data(title: str, meta: list[tuple[str, str]], raw: list[dict], with_place: bool,
                  head_role: str, doc_no: str, custodians: list[str] | None = None) -> dict:
    rows = [_inventory_row(r, with_place) for r in raw]
    if custodians is None:
        custodians = _custodian_roles(r["custodian"] for r in raw)
    return {
        "title": title, "meta": meta, "rows": rows, "doc_no": doc_no,
        "qty": sum(int(r["quantity"] or 0) for r in raw),
        "amount": sum((_d(r["amount"]) for r in raw), Decimal("0.00")),
        "head_role": head_role, "custodians": custodians,
    }


def _inventory_doc_no(on: _dt.date, code: str, obj_id: int) -> str:
    """QD-20260310-P0012: a sheet's number says the day and what it covers (P place, B building,
    D department, C custodian), so a room's sheet has the same number alone or in its building's round."""
    return f"QD-{on:%Y%m%d}-{code}{obj_id:04d}"


def _custodian_sections(raw: list[dict], on: _dt.date, scope_doc: str, head_role: str) -> list[dict]:
    """One sheet per custodian of ``raw``'s lines, each with everything that person holds (wherever
    it stands); the lines nobody holds on a last sheet of their own."""
    query = service.AssetQuery()
    people = {r["custodian_id"]: r["custodian"] for r in raw if r["custodian_id"] is not None}
    sections = []
    for pid, name in sorted(people.items(), key=lambda kv: (kv[1] or "", kv[0])):
        person = Person.get_or_none(Person.id == pid)
        held = list(query.iter_rows({"custodian": pid, "status": "active"}, sort_key="number"))
        held.sort(key=lambda r: (r["place"] or "\uffff", r["number"]))
        meta = [(tr("Custodian"), name), (tr("Department / class"), _name(person.department) if person else "—"),
                (tr("Items on the sheet"), tr("{n} lines").format(n=len(held)))]
        sections.append(_section_data(name, meta, held, True, tr("Department head"),
                                      _inventory_doc_no(on, "C", pid),
                                      [tr("Custodian ({name})").format(name=name)]))
    nobody = [r for r in raw if r["custodian_id"] is None]
    if nobody:
        nobody.sort(key=lambda r: (r["place"] or "\uffff", r["number"]))
        meta = [(tr("Custodian"), tr("No custodian")),
                (tr("Items on the sheet"), tr("{n} lines").format(n=len(nobody)))]
        sections.append(_section_data(tr("No custodian"), meta, nobody, True, head_role, f"{scope_doc}-N", []))
    return sections


def _inventory_scope(place, building, department, custodian) -> tuple[str, Any]:
    """The one scope given (a record, its id or its name) as (kind, record); a building asked for as a
    place is the round of its rooms."""
    given = {k: v for k, v in (("place", place), ("building", building), ("department", department),
                               ("custodian", custodian)) if v not in (None, "")}
    if len(given) != 1:
        raise UserError(tr("Choose one place, building, department or custodian for the inventory sheet."))
    kind, value = next(iter(given.items()))
    model = {"place": Place, "building": Place, "department": Department, "custodian": Person}[kind]
    if isinstance(value, model):
        obj = value
    elif isinstance(value, int) or (isinstance(value, str) and value.isdigit() and kind != "place"
                                     and model.get_or_none(model.id == int(value)) is not None):
        obj = model.get_or_none(model.id == int(value))
        if obj is None:
            raise NotFound(tr("The record no longer exists."))
    else:
        obj = resolve_scope(kind, str(value))
    if kind == "place" and obj.kind == "building":
        kind = "building"  # a building asked for as a place: the round of its rooms
    return kind, obj


def _place_sections(obj, kind: str, query, on: _dt.date, doc_no: str, per_custodian: bool) -> list[dict]:
    """A place's sheet, or a building's: one section per room with anything registered (or per custodian)."""
    head_dept = tr("Department head")
    sections: list[dict] = []
    filters = {"place": obj.id, "status": "active"}
    by_place: dict[int | None, list[dict]] = {}
    for r in query.iter_rows(filters, sort_key="number"):
        by_place.setdefault(r["place_id"], []).append(r)
    if kind == "building":
        order = [obj] + list(masterdata.rooms(obj, include_inactive=True))
    else:
        order = [obj]
    if per_custodian:
        raw = [r for p in order for r in by_place.get(p.id, [])]
        sections = _custodian_sections(raw, on, doc_no, head_dept)
    for p in ([] if per_custodian else order):
        raw = by_place.get(p.id, [])
        if not raw and (kind == "building") and (p.id != obj.id or len(order) > 1):
            continue  # a room with nothing registered has nothing to sign for
        meta = [(tr("Place"), p.full_name),
                (tr("Department / class"), _distinct(r["department"] for r in raw)),
                (tr("Custodian"), _distinct(r["custodian"] for r in raw)),
                (tr("Items on the sheet"), tr("{n} lines").format(n=len(raw)))]
        sections.append(_section_data(p.full_name, meta, raw, False, head_dept,
                                      _inventory_doc_no(on, "P", p.id)))
    if not sections:
        sections.append(_section_data(obj.full_name, [(tr("Place"), obj.full_name)], [], False, head_dept,
                                      doc_no))
    return sections


def _department_sections(obj, query, on: _dt.date, doc_no: str, per_custodian: bool) -> list[dict]:
    """A department's or a class's sheet (signed by its head or head teacher), or one per custodian."""
    head_dept = tr("Department head")
    sections: list[dict] = []
    raw = list(query.iter_rows({"department": obj.id, "status": "active"}, sort_key="number"))
    raw.sort(key=lambda r: (r["place"] or "\uffff", r["number"]))
    if obj.kind == "class":
        head_dept = tr("Class head teacher")
    if per_custodian:
        sections = _custodian_sections(raw, on, doc_no, head_dept)
    if not sections:
        meta = [(tr("Department / class"), obj.name),
                (tr("Custodian"), _distinct((r["custodian"] for r in raw), 5)),
                (tr("Items on the sheet"), tr("{n} lines").format(n=len(raw)))]
        sections.append(_section_data(obj.name, meta, raw, True, head_dept, doc_no))
    return sections


def _custodian_section(obj, query, doc_no: str) -> list[dict]:
    """One person's sheet: everything they hold, wherever it stands."""
    raw = list(query.iter_rows({"custodian": obj.id, "status": "active"}, sort_key="number"))
    raw.sort(key=lambda r: (r["place"] or "\uffff", r["number"]))
    meta = [(tr("Custodian"), obj.name), (tr("Department / class"), _name(obj.department) or "—"),
            (tr("Items on the sheet"), tr("{n} lines").format(n=len(raw)))]
    return [_section_data(obj.name, meta, raw, True, tr("Department head"), doc_no,
                          [tr("Custodian ({name})").format(name=obj.name)])]


def inventory_data(*, place: Any = None, building: Any = None, department: Any = None, custodian: Any = None,
                   on: _dt.date | None = None, per_custodian: bool = False) -> dict:
    """Plain data for ``render_inventory``. Give exactly one scope: a Place/Department/Person, its id,
    or its name. ``building``: every room of it (and anything placed on the building itself), each
    its own section with its own number. ``per_custodian``: instead, one section per custodian of the
    assets in the scope, listing everything that person holds wherever it stands (and the scope's
    assets nobody holds on a section of their own). Only assets on the books (not disposed or lost),
    in number order."""
    kind, obj = _inventory_scope(place, building, department, custodian)
    if kind == "custodian":
        per_custodian = False  # one person's sheet already
    on = on or clock.today()
    query = service.AssetQuery()
    code = {"place": "P", "building": "B", "department": "D", "custodian": "C"}[kind]
    doc_no = _inventory_doc_no(on, code, obj.id)
    if kind in ("place", "building"):
        sections = _place_sections(obj, kind, query, on, doc_no, per_custodian)
        scope_label = obj.full_name
    elif kind == "department":
        sections = _department_sections(obj, query, on, doc_no, per_custodian)
        scope_label = obj.name
    else:
        sections = _custodian_section(obj, query, doc_no)
        scope_label = obj.name
    one_person = kind == "custodian" or per_custodian
    return {
        "doc_no": doc_no,
        "date": on,
        "school": masterdata.school_name(),
        "scope": kind,
        "scope_label": scope_label,
        "per_custodian": per_custodian,
        "with_place": kind in ("department", "custodian") or per_custodian,
        "with_custodian": not one_person,
        "sections": sections,
        # the change record's head when printed: paper that anchors the record (see core/audit.py)
        "check_code": audit.check_code(),
    }


def inventory_signatures(head_role: str, custodians: Sequence[str] | None = None) -> list[str]:
    """The custodians' lines ("保管人（张伟）", or one "保管人"), the head's and the clerk's."""
    return [*(custodians if custodians is not None else [tr("Custodian")]), head_role, tr("General affairs clerk")]


def render_inventory(data: dict, progress=None, cancel=None) -> bytes:
    """资产清单: landscape A4, one section per place (or per custodian), each its own document number,
    pages and page count, totals row and signature lines: each custodian's (or one custodian line),
    the department head's and the general-affairs clerk's."""
    code = [(tr("Check code"), data["check_code"])] if data.get("check_code") else []
    note = tr("The custodian checks every line against the things in the room and signs; "
              "differences are written in the remarks column.")
    items = data["sections"]
    form = TableForm(tr("Asset inventory sheet"),
                     inventory_columns(data.get("with_place", False), data.get("with_custodian", True)), [],
                     doc_number=data["doc_no"], date=data["date"], landscape=True, school=data.get("school"))

    def sections():
        for s in items:
            # each section is a separately signed sheet: the page head of its pages carries its own number
            form.doc_number = s.get("doc_no") or data["doc_no"]
            yield Section(meta=s["meta"] + code, rows=s["rows"], totals={"qty": s["qty"], "amount": s["amount"]},
                          signatures=inventory_signatures(s["head_role"], s.get("custodians")), title=s["title"],
                          note=note)

    form.sections = sections()
    total = sum(len(s["rows"]) for s in items)
    report = (lambda done, _total: progress(done, total)) if progress is not None else None
    return form.render(report, cancel)


# =============================================================================
# Asset card 固定资产卡片
# =============================================================================

def _history_rows(asset: Asset, limit: int) -> list[dict]:
    events = list(AssetEvent.select().where(AssetEvent.asset == asset)
                  .order_by(AssetEvent.event_date.desc(), AssetEvent.id.desc()).limit(limit))
    events.reverse()
    return [{"date": e.event_date, "kind": tr(EVENT_KINDS.get(e.kind, e.kind)), "summary": audit.shown(e.summary),
             "doc": e.doc_no or ""} for e in events]


def gb_code(category) -> str:
    """The GB/T 14885 class code of a category (the nearest one up its tree), "" if none."""
    seen = 0
    while category is not None and seen < 10:
        if category.gb_code:
            return category.gb_code
        category = category.parent
        seen += 1
    return ""


def card_data(asset_id: int, on: _dt.date | None = None, history: int = CARD_HISTORY) -> dict:
    """Plain data of one asset card: every register field, the GB/T 14885 class code, depreciation,
    the last history lines."""
    on = on or clock.today()
    d = service.asset_detail(asset_id, on)
    asset = service.get_asset(asset_id)
    d["gb_code"] = gb_code(asset.category)
    d["history"] = _history_rows(asset, history)
    d["history_total"] = AssetEvent.select().where(AssetEvent.asset == asset).count()
    d["on"] = on
    d["school"] = masterdata.school_name()
    return d


def _card_fields(d: dict, half: bool = False) -> list:
    """The card's boxes. A half-page card keeps what identifies, values and places the asset in
    six rows; unit price, source, supplier, invoice, funding, warranty, months depreciated and
    notes are on the full card."""
    depreciated = d.get("net_book_value") is not None
    life = d.get("useful_life_years") if depreciated else None
    not_depr = tr("Low-value item, not depreciated") if d.get("low_value") else tr("Not depreciated")
    accumulated = Field(tr("Accumulated depreciation"), d["accumulated_depreciation"]
                        if d.get("accumulated_depreciation") is not None else "—",
                        kind="money" if d.get("accumulated_depreciation") is not None else "text")
    net = Field(tr("Net book value"), d["net_book_value"] if d.get("net_book_value") is not None else "—",
                kind="money" if d.get("net_book_value") is not None else "text")
    useful = (tr("Useful life"), tr("{n} years").format(n=life) if life else not_depr)
    quantity = (tr("Quantity"), f'{d.get("quantity")} {d.get("unit") or ""}'.strip())
    original = Field(tr("Original value"), d.get("amount"), kind="money")
    acquired = (tr("Acquired on"), d.get("acquired_on"))
    head = [
        (tr("Asset number"), d["number"]), (tr("Name"), d["name"]), (tr("Status"), d["status_label"]),
        Field(tr("Category"), d.get("category_path") or d.get("category") or "", span=2),
        (tr("GB/T 14885 code"), d.get("gb_code") or "—"),
        (tr("Model / spec"), d.get("model_spec") or ""),
        (tr("Brand"), d.get("brand") or ""), (tr("Serial number"), d.get("serial_no") or ""),
    ]
    where = [(tr("Place"), d.get("place") or ""), (tr("Department / class"), d.get("department") or ""),
             (tr("Custodian"), d.get("custodian") or "")]
    if half:
        return head + [quantity, original, acquired] + where + [useful, accumulated, net]
    return head + [
        quantity, Field(tr("Unit price"), d.get("unit_price"), kind="money"), original,
        acquired, (tr("Source"), d.get("source_label") or ""), (tr("Supplier"), d.get("supplier") or ""),
        (tr("Invoice number"), d.get("invoice_no") or ""), (tr("Funding source"), d.get("funding_source") or ""),
        (tr("Warranty until"), d.get("warranty_end") or ""),
    ] + where + [
        useful,
        (tr("Months depreciated"), d["months_depreciated"] if depreciated and d.get("months_depreciated") is not None
         else "—"),
        accumulated, net,
        Field(tr("Notes"), d.get("note") or "", span=2),
    ]


def _label_width(fields: Sequence, number: str) -> float:
    """Label column (mm): as wide as the widest label needs (English labels are long: a label on
    one line keeps the card's rows low), but never so wide that the asset number breaks."""
    register_fonts()
    _x, avail = text_frame(False)
    pair = avail / mm / 3
    widest = max(width(f.label if isinstance(f, Field) else f[0], FIELD_SIZE) for f in fields)
    room_for_number = pair - (width(number, FIELD_SIZE) + 2) / mm - 3.0
    return max(min(pair * 0.45, 20.0), min((widest + 1) / mm + 3.0, room_for_number))


def _card_slip(d: dict, half: bool, rows: Sequence[dict] | None = None) -> SlipForm:
    """The card with ``rows`` of history (default: the latest that a card of its size shows).
    On a half-page card the history's heading is its column header (room for one more line)."""
    if rows is None:
        rows = d.get("history", [])
        rows = rows[-CARD_HISTORY_HALF:] if half else rows
    total = d.get("history_total", len(rows))
    title = tr("Latest history ({shown} of {total})").format(shown=len(rows), total=total) if total > len(rows) \
        else tr("History")
    history_cols = [
        Column("date", tr("Date"), 20, kind="date"),
        Column("kind", tr("Event"), 16, align="center"),
        Column("summary", title if half else tr("What happened"), 90, max_lines=2 if half else 3),
        Column("doc", tr("Document"), 24),
    ]
    fields = _card_fields(d, half)
    return SlipForm(
        tr("Fixed asset card"),
        doc_number=d["number"], date=d.get("on"), school=d.get("school"),
        blocks=[Fields(fields, columns=3, label_width=_label_width(fields, d["number"])),
                SmallTable(history_cols, list(rows), title=None if half else title, font_size=8.5 if half else 9,
                           min_row_height=5.5 if half else 6.5,
                           empty_text=tr("No history yet.") if not total else tr(
                               "{total} history entries: see the full card.").format(total=total))],
        signatures=[tr("Card kept by"), tr("Checked by (assets)")],
    )


def card_slip(d: dict, half: bool) -> SlipForm:
    """The card on one page (``half``: one half page): as many of the latest history lines as fit,
    so a card never runs on to another sheet for a line or two of its history."""
    rows = list(d.get("history", []))
    if half:
        rows = rows[-CARD_HISTORY_HALF:]
    slip = _card_slip(d, half, rows)
    while rows and slip.pages(2 if half else 1) > 1:  # measured with the layout the printing uses
        rows = rows[1:]
        slip = _card_slip(d, half, rows)
    return slip


def render_cards(cards: Sequence[dict], per_page: int = 1, progress=None, cancel=None) -> bytes:
    """固定资产卡片: one card per A4 page, or two (half A4 each, cut line) with ``per_page=2``; each
    card on its own page or half page with its signature lines, its history cut to what fits."""
    half = per_page == 2
    return render_slips([card_slip(d, half) for d in cards], per_page=2 if half else 1,
                        progress=progress, cancel=cancel)


# =============================================================================
# Labels
# =============================================================================

CODE_KINDS = ("qr", "code128")


def parse_number_range(text: str) -> tuple[str, str]:
    """"A..B" -> (A, B) (string order, inclusive); UserError if malformed."""
    text = (text or "").strip()
    if ".." not in text:
        raise UserError(tr("Write the number range as FIRST..LAST, e.g. 2026-JJ-00001..2026-JJ-00050."))
    a, _, b = text.partition("..")
    a, b = a.strip(), b.strip()
    if not a or not b:
        raise UserError(tr("Write the number range as FIRST..LAST, e.g. 2026-JJ-00001..2026-JJ-00050."))
    if a > b:
        a, b = b, a
    return a, b


def label_items(*, ids: Sequence[int] | None = None, place: Any = None, numbers: tuple[str, str] | None = None,
                since: _dt.date | None = None, filters: dict | None = None) -> list[dict]:
    """[{number, name, place}] in number order for one way of choosing assets:
    ``ids`` (a selection, any status), ``place`` (a building includes its rooms), ``numbers``
    (A, B: A <= number <= B in string order), ``since`` (registered on or after the date) or
    ``filters`` (the register's filters). All but ``ids`` leave out disposed and lost assets."""
    if ids is not None:
        f: dict = {"ids": list(ids)}
    elif filters is not None:
        f = dict(filters)
        f.setdefault("status", "active")
    else:
        f = {"status": "active"}
    if place not in (None, ""):
        if not isinstance(place, Place):
            place = Place.get_or_none(Place.id == place) if isinstance(place, int) else resolve_scope("place", place)
        f["place"] = place.id
    where = service.asset_where(f)
    q = (Asset.select(Asset.number, Asset.name, Place.full_name.alias("place"))
         .join(Place, JOIN.LEFT_OUTER, on=(Asset.place == Place.id)))
    if where is not None:
        q = q.where(where)
    if numbers is not None:
        a, b = numbers
        q = q.where((Asset.number >= a) & (Asset.number <= b))
    if since is not None:
        q = q.where(Asset.created_at >= _dt.datetime.combine(since, _dt.time()))
    return [{"number": r["number"], "name": r["name"], "place": r["place"] or ""}
            for r in q.order_by(Asset.number).dicts()]


def render_asset_labels(items: Sequence[dict], template: str | None = None, code: str | None = None,
                        skip: int = 0, sheet: LabelSheet | None = None, offset: tuple[float, float] | None = None,
                        school: str | None = None, progress=None, cancel=None) -> bytes:
    """Asset tags: school name, the number as QR or Code128 with the number beneath, name, place.

    ``template``: a preset key or "custom" (None: settings "printing.label_template");
    ``sheet`` overrides it. ``code``: "qr" | "code128" (None: settings "printing.label_code").
    ``offset``: (x, y) mm (None: the calibration in the settings)."""
    from ...core import settings

    if code is None:
        code = settings.get("printing.label_code") or "qr"
    if code not in CODE_KINDS:
        raise UserError(tr("Unknown code type: {code} (qr or code128).").format(code=code))
    if sheet is None:
        sheet = label_sheet(template)
    labels = [asset_label(i["number"], i["name"], i.get("place") or "", code, school) for i in items]
    return render_labels(labels, sheet, skip=skip, offset=offset, progress=progress, cancel=cancel)


# =============================================================================
# Slips
# =============================================================================

COPIES = (N_("Copy 1: kept by the general affairs office"), N_("Copy 2: for the receiving side"))
LOAN_COPIES = (N_("Copy 1: kept by the general affairs office"), N_("Copy 2: for the borrower"))


def _find_doc(model, doc: Any, label: str):
    if isinstance(doc, model):
        return doc
    if isinstance(doc, int):
        rec = model.get_or_none(model.id == doc)
    else:
        rec = model.get_or_none(model.doc_no == str(doc or "").strip())
    if rec is None:
        raise UserError(tr("No {what} with the number {doc}.").format(what=label, doc=doc))
    return rec


def _asset_basics(a: Asset) -> dict:
    return {"number": a.number, "name": a.name, "model": a.model_spec or "", "unit": a.unit or "",
            "quantity": a.quantity, "unit_price": a.unit_price, "amount": a.amount, "acquired_on": a.acquired_on,
            "category": masterdata.category_path(a.category), "place": _name(a.place),
            "department": _name(a.department), "custodian": _name(a.custodian),
            "status": tr(STATUSES.get(a.status, a.status))}


def _latest(model, asset_id: int, date_field):
    return (model.select().where(model.asset == asset_id).order_by(date_field.desc(), model.id.desc()).first())


def latest_doc(kind: str, asset_id: int) -> str | None:
    """The doc number of an asset's latest transfer / loan / damage / disposal (None if none)."""
    model, date_field = {"transfer": (AssetTransfer, AssetTransfer.transfer_date),
                         "loan": (AssetLoan, AssetLoan.lent_on),
                         "damage": (AssetDamage, AssetDamage.damage_date),
                         "disposal": (AssetDisposal, AssetDisposal.disposal_date)}[kind]
    rec = _latest(model, asset_id, date_field)
    return rec.doc_no if rec is not None else None


# --- transfer slip 调拨单 ---------------------------------------------------------

def transfer_slip_data(doc: Any) -> dict:
    t = _find_doc(AssetTransfer, doc, tr("transfer"))
    return {"doc_no": t.doc_no, "date": t.transfer_date, "school": masterdata.school_name(),
            "asset": _asset_basics(t.asset), "reason": t.reason,
            "from": {"place": _name(t.from_place), "department": _name(t.from_department),
                     "custodian": _name(t.from_custodian)},
            "to": {"place": _name(t.to_place), "department": _name(t.to_department),
                   "custodian": _name(t.to_custodian)}}


def _transfer_slip(d: dict, copy: str) -> SlipForm:
    a = d["asset"]
    cols = [Column("what", tr("Item"), 22), Column("from", tr("From"), 50), Column("to", tr("To"), 50)]
    rows = [{"what": tr("Place"), "from": d["from"]["place"] or "—", "to": d["to"]["place"] or "—"},
            {"what": tr("Department / class"), "from": d["from"]["department"] or "—",
             "to": d["to"]["department"] or "—"},
            {"what": tr("Custodian"), "from": d["from"]["custodian"] or "—", "to": d["to"]["custodian"] or "—"}]
    return SlipForm(
        tr("Asset transfer slip"), doc_number=d["doc_no"], date=d["date"], school=d.get("school"), subtitle=copy,
        blocks=[
            Fields([(tr("Asset number"), a["number"]), (tr("Name"), a["name"]),
                    (tr("Model / spec"), a["model"]),
                    (tr("Quantity"), f'{a["quantity"]} {a["unit"]}'), Field(tr("Original value"), a["amount"],
                                                                            kind="money"),
                    (tr("Acquired on"), a["acquired_on"])], columns=3),
            SmallTable(cols, rows, min_row_height=6),
            Fields([Field(tr("Reason for the transfer"), d["reason"], span=1)], columns=1),
        ],
        signatures=[tr("Handed over by"), tr("Received by"), tr("Director of general affairs")],
    )


def render_transfer_slip(d: dict) -> bytes:
    """调拨单: two copies on one A4 sheet (office stub, receiving side), cut line between."""
    return render_slips([_transfer_slip(d, tr(c)) for c in COPIES], per_page=2)


# --- loan slip 借用单 --------------------------------------------------------------

def loan_slip_data(doc: Any) -> dict:
    loan = _find_doc(AssetLoan, doc, tr("loan"))
    return {"doc_no": loan.doc_no, "date": loan.lent_on, "school": masterdata.school_name(),
            "asset": _asset_basics(loan.asset), "borrower": loan.borrower_name,
            "department": _name(loan.department) or (_name(loan.borrower.department) if loan.borrower else ""),
            "lent_on": loan.lent_on, "due_on": loan.due_on, "returned_on": loan.returned_on,
            "purpose": loan.purpose or "", "return_note": loan.return_note or ""}


def _loan_slip(d: dict, copy: str) -> SlipForm:
    a = d["asset"]
    returned = d.get("returned_on")
    return SlipForm(
        tr("Asset loan slip"), doc_number=d["doc_no"], date=d["date"], school=d.get("school"), subtitle=copy,
        blocks=[
            Fields([(tr("Asset number"), a["number"]), (tr("Name"), a["name"]), (tr("Model / spec"), a["model"]),
                    (tr("Quantity"), f'{a["quantity"]} {a["unit"]}'), (tr("Place"), a["place"]),
                    Field(tr("Original value"), a["amount"], kind="money"),
                    (tr("Borrower"), d["borrower"]), (tr("Department / class"), d["department"] or "—"),
                    (tr("Lent on"), d["lent_on"]),
                    (tr("Due back"), d["due_on"]), (tr("Returned on"), returned or ""),
                    (tr("Condition on return"), d.get("return_note") or ""),
                    Field(tr("Purpose"), d["purpose"], span=3)], columns=3),
            Text(tr("The borrower keeps the item safe, uses it only for the purpose above and returns it by the "
                    "due date; loss or damage is compensated under the school's property rules."), size=9),
        ],
        signatures=[tr("Borrower"), tr("Lent out by"), tr("Return checked by")],
    )


def render_loan_slip(d: dict) -> bytes:
    """借用单: two copies on one A4 sheet (office stub, borrower's copy)."""
    return render_slips([_loan_slip(d, tr(c)) for c in LOAN_COPIES], per_page=2)


# --- damage and compensation notice 损坏赔偿通知 ---------------------------------------

RULES = {
    "natural": N_("Natural wear and tear: the school bears the loss; no compensation."),
    "accidental": N_("Accidental damage: the person responsible pays the price (照价赔偿)."),
    "deliberate": N_("Deliberate damage: the person responsible pays double the price (加倍赔偿) "
                     "and receives a discipline note."),
}
BASES = {"original": N_("Original price"), "net_book_value": N_("Net book value"), "repair_cost": N_("Repair cost")}


def damage_notice_data(doc: Any) -> dict:
    d = _find_doc(AssetDamage, doc, tr("damage report"))
    responsible = d.responsible_name or _name(d.responsible)
    dept = _name(d.responsible.department) if d.responsible is not None else ""
    comp = _d(d.compensation)
    return {"doc_no": d.doc_no, "date": d.damage_date, "school": masterdata.school_name(),
            "asset": _asset_basics(d.asset), "cause": d.cause, "cause_label": tr(DAMAGE_CAUSES.get(d.cause, d.cause)),
            "rule": tr(RULES.get(d.cause, "")), "description": d.description, "responsible": responsible or "",
            "responsible_department": dept,
            # a name typed in rather than a member of staff chosen: a student (the damage dialog asks so)
            "student": d.cause != "natural" and d.responsible is None and bool(responsible),
            "basis": tr(BASES.get(d.price_basis, d.price_basis)),
            "base_value": d.base_value, "compensation": d.compensation,
            "compensation_words": rmb_upper(comp) if comp > 0 else "",
            "discipline_note": d.discipline_note or ""}


def damage_signatures(d: dict) -> list[str]:
    """Who signs: natural wear — the custodian and the director (nobody pays); a student — the
    student, a parent and the class head; staff — the person and their department head."""
    if _d(d["compensation"]) <= 0 or d.get("cause") == "natural":
        return [tr("Custodian"), tr("Director of general affairs")]
    if d.get("student"):
        return [tr("Person responsible"), tr("Parent or guardian"), tr("Class head teacher"),
                tr("Director of general affairs")]
    return [tr("Person responsible"), tr("Department head"), tr("Director of general affairs")]


def render_damage_notice(d: dict) -> bytes:
    """损坏赔偿通知: the asset, what happened, the cause and the rule that applies; when someone pays,
    the amount in figures and in words (人民币大写), who pays and the discipline note; signatures
    (see ``damage_signatures``: a student's parent signs too; natural wear asks nobody to pay)."""
    a = d["asset"]
    comp = _d(d["compensation"])
    pays = comp > 0 and d.get("cause") != "natural"
    asset_fields = [(tr("Asset number"), a["number"]), (tr("Name"), a["name"]), (tr("Model / spec"), a["model"]),
                    (tr("Place"), a["place"]), (tr("Department / class"), a["department"]),
                    Field(tr("Original value"), a["amount"], kind="money"),
                    (tr("Damaged on"), d["date"]), (tr("Cause"), d["cause_label"])]
    if pays:
        asset_fields.append((tr("Person responsible"), d["responsible"] or "—"))
        notice = tr("{name}: under the school's property rules you are to pay {amount} yuan ({words}) in "
                    "compensation for the damage above. Please pay at the general affairs office within 7 days "
                    "of receiving this notice.").format(name=d["responsible"] or "—", amount=f"{comp:,.2f}",
                                                        words=d.get("compensation_words") or rmb_upper(comp))
        if d.get("student"):
            notice += "\n" + tr("A parent or guardian reads this notice and signs below.")
        terms = Fields([Field(tr("Rule applied"), d["rule"], span=2),
                        (tr("Price basis"), d["basis"]), Field(tr("Value counted"), d["base_value"], kind="money"),
                        Field(tr("Compensation (yuan)"), d["compensation"], kind="money"),
                        (tr("Compensation paid on"), ""),
                        Field(tr("Amount in words"), d.get("compensation_words") or rmb_upper(comp), span=2),
                        Field(tr("Discipline note"), d["discipline_note"] or "—", span=2, height=14)], columns=2)
    else:
        notice = tr("The damage above is natural wear and tear: no compensation is due. The item is to be "
                    "repaired or written off through the general affairs office.")
        terms = Fields([Field(tr("Rule applied"), d["rule"], span=2)], columns=2)
    asset_fields.append(Field(tr("What happened"), d["description"], span=3, height=14))
    blocks = [Fields(asset_fields, columns=3), terms, Text(notice, size=10.5, indent=True)]
    slip = SlipForm(tr("Damage and compensation notice") if pays else tr("Damage notice"), doc_number=d["doc_no"],
                    date=d["date"], school=d.get("school"), blocks=blocks, signatures=damage_signatures(d))
    return slip.render()


# --- write-off request 报废申请表 ----------------------------------------------------

def writeoff_request_data(asset: Any = None, doc: Any = None, on: _dt.date | None = None) -> dict:
    """For an asset (a request before the write-off: reason and method left to fill by hand; its
    number BFSQ-<date>-<record>) or for a done write-off (``doc``: an AssetDisposal number).
    An asset already written off gets no request (UserError naming the recorded write-off)."""
    disposal = None
    if doc not in (None, ""):
        disposal = _find_doc(AssetDisposal, doc, tr("write-off"))
        a = disposal.asset
    else:
        if isinstance(asset, Asset):
            a = service.get_asset(asset.id)  # as it is now, not as the caller last read it
        else:
            a = service.find_by_number(str(asset or ""))
            if a is None:
                raise UserError(tr("No asset with the number {number}.").format(number=asset))
        if a.status == "disposed":
            done = latest_doc("disposal", a.id)
            if done:
                raise UserError(tr("Asset {number} has already been written off ({doc}): no request is made for "
                                   "it. To print the recorded write-off, choose {doc}.").format(
                    number=a.number, doc=done))
            raise UserError(tr("Asset {number} has already been written off: no request is made for it.").format(
                number=a.number))
    on = disposal.disposal_date if disposal is not None else (on or clock.today())
    life = masterdata.category_life_years(a.category)
    nbv = service.net_book_value(a, on)
    acc = service.accumulated_depreciation(a, on)
    months = service.months_depreciated(a.acquired_on, on)
    # a request not yet recorded has a number of the day it was printed (BFSQ-20260310-00012:
    # 报废申请, the date, the asset's record), the same on a reprint that day
    number = disposal.doc_no if disposal else f"BFSQ-{on:%Y%m%d}-{a.id:05d}"
    return {"doc_no": number, "date": on, "school": masterdata.school_name(),
            "asset": _asset_basics(a), "brand": a.brand or "", "serial_no": a.serial_no or "",
            "useful_life": life, "months_used": months, "accumulated_depreciation": acc, "net_book_value": nbv,
            "reason": disposal.reason if disposal else "",
            "method": tr(DISPOSAL_METHODS.get(disposal.method, disposal.method)) if disposal else "",
            "approver": disposal.approver if disposal else ""}


def render_writeoff_request(d: dict) -> bytes:
    """报废申请表: the asset and its values, reason and proposed disposal, and three approval
    boxes (使用部门意见, 总务处意见, 校长意见) with signature lines."""
    a = d["asset"]
    years, months = divmod(int(d.get("months_used") or 0), 12)
    used = tr("{y} years {m} months").format(y=years, m=months)
    life = tr("{n} years").format(n=d["useful_life"]) if d.get("useful_life") else tr("Not depreciated")
    def money_or_dash(v):
        return Field("", v, kind="money") if v is not None else Field("", "—")

    acc, nbv = money_or_dash(d.get("accumulated_depreciation")), money_or_dash(d.get("net_book_value"))
    blocks = [
        Fields([(tr("Asset number"), a["number"]), (tr("Name"), a["name"]), (tr("Model / spec"), a["model"]),
                Field(tr("Category"), a["category"], span=2), (tr("Brand"), d.get("brand") or ""),
                (tr("Quantity"), f'{a["quantity"]} {a["unit"]}'),
                Field(tr("Unit price"), a["unit_price"], kind="money"),
                Field(tr("Original value"), a["amount"], kind="money"),
                (tr("Acquired on"), a["acquired_on"]), (tr("Useful life"), life), (tr("Time in use"), used),
                Field(tr("Accumulated depreciation"), acc.value, kind=acc.kind),
                Field(tr("Net book value"), nbv.value, kind=nbv.kind), (tr("Status"), a["status"]),
                (tr("Place"), a["place"]), (tr("Department / class"), a["department"]),
                (tr("Custodian"), a["custodian"])], columns=3),
        Fields([Field(tr("Reason for writing off"), d.get("reason") or "", height=20),
                Field(tr("Proposed disposal"), d.get("method") or "", height=9)], columns=1),
        Fields([Field(tr("Opinion of the department using it"), "", height=22),
                Field(tr("Opinion of the general affairs office"), "", height=22),
                Field(tr("Opinion of the principal"), d.get("approver") and
                      tr("Approved by {name}").format(name=d["approver"]) or "", height=22)], columns=1),
    ]
    slip = SlipForm(tr("Asset write-off request"), doc_number=d.get("doc_no"), date=d["date"],
                    school=d.get("school"), blocks=blocks,
                    signatures=[tr("Applicant"), tr("Head of the department using it"),
                                tr("Director of general affairs"), tr("Principal")])
    return slip.render()


# the GUI and CLI call these by kind
SLIPS = {
    "transfer": (transfer_slip_data, render_transfer_slip),
    "loan": (loan_slip_data, render_loan_slip),
    "damage": (damage_notice_data, render_damage_notice),
    "disposal": (lambda doc: writeoff_request_data(doc=doc), render_writeoff_request),
}

__all__ = [
    "SCOPES", "inventory_data", "render_inventory", "card_data", "render_cards", "label_items",
    "parse_number_range", "render_asset_labels", "transfer_slip_data", "render_transfer_slip",
    "loan_slip_data", "render_loan_slip", "damage_notice_data", "render_damage_notice",
    "writeoff_request_data", "render_writeoff_request", "latest_doc", "resolve_scope", "SLIPS",
]
