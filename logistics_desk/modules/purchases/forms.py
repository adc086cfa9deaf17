"""Printed forms of the purchases tab: plain data in (see ``documents.py``), PDF bytes out (no Qt).

请购单 (request form, with exactly the signature lines its amount needs),
比价单 (quote comparison), 验收单 (acceptance, two acceptors), 领用单 (issue slip,
two per A4 sheet), 月度盘点表 (monthly store count sheet), 采购公示 (public notice).
"""

from __future__ import annotations

from ...core.i18n import tr
from ...core.printing import (
    Column,
    Field,
    Fields,
    Section,
    SlipForm,
    SmallTable,
    Spacer,
    TableForm,
    Text,
    format_date,
    format_money,
    render_slips,
)


def _yes_no(value: bool) -> str:
    return tr("Yes") if value else tr("No")


def _item_columns(with_kind: bool = True) -> list[Column]:
    cols = [
        Column("no", tr("No."), 9, kind="index"),
        Column("name", tr("Item name"), 29),
        Column("spec", tr("Model / spec"), 30),
        Column("qty", tr("Qty"), 10, kind="qty"),
        Column("unit", tr("Unit"), 9, align="center"),
        Column("price", tr("Unit price"), 17, kind="money"),
        Column("amount", tr("Amount"), 19, kind="money"),
    ]
    if with_kind:
        cols += [Column("kind", tr("Asset or consumable"), 14, align="center"), Column("category", tr("Asset category"), 18)]
    return cols


def request_form(data: dict) -> bytes:
    """请购单: the signature lines are the requester's and exactly the levels the total needs."""
    fields = [
        (tr("Requesting department"), data["department"]), (tr("Requester"), data["requester"]),
        Field(tr("Purpose"), data["purpose"], span=2),
        (tr("Within the annual budget"), _yes_no(data["in_budget"])),
        (tr("Budget line"), data["budget"]["label"] if data["budget"] else "—"),
        (tr("Funding source"), data["funding_source"] or "—"), (tr("Delivery place"), data["place"] or "—"),
    ]
    blocks = [Fields(fields, columns=2), Spacer(3),
              SmallTable(_item_columns(), data["lines"], totals={"amount": data["total"]}),
              Spacer(2)]
    text = tr("Estimated total: {amount} yuan.").format(amount=format_money(data["total"])) + " " + data["approval_note"]
    blocks.append(Text(text, size=10))
    b = data["budget"]
    if b:
        line = tr("Budget {label}: {budget} yuan; committed {committed}; spent {spent}; left {remaining}.").format(
            label=b["label"], budget=format_money(b["budget"]), committed=format_money(b["committed"]),
            spent=format_money(b["spent"]), remaining=format_money(b["remaining"]))
        blocks.append(Text(line, size=9.5))
        if b["warning"]:
            blocks.append(Text("⚠ " + b["warning"], size=9.5, bold=True))
    if data["note"]:
        blocks.append(Text(tr("Notes: {note}").format(note=data["note"]), size=9.5))
    if data["approvals"]:
        blocks.append(Spacer(2))
        blocks.append(SmallTable([
            Column("role", tr("Approval level"), 26), Column("approver", tr("Signed by"), 18),
            Column("date", tr("Date"), 16, kind="date"), Column("decision", tr("Decision"), 12, align="center"),
            Column("comment", tr("Signer's comment"), 40)], data["approvals"], title=tr("Approvals recorded")))
    roles = [tr("Requester")] + list(data["roles"])
    return SlipForm(tr("Purchase request form"), blocks, doc_number=data["number"], date=data["date"],
                    signatures=roles).render()


def quote_comparison(data: dict) -> bytes:
    """比价单: the quotes side by side, the lowest marked, the chosen supplier and the reason."""
    fields = [
        (tr("Purchase request"), data["number"]), (tr("Requesting department"), data["department"]),
        Field(tr("Purpose"), data["purpose"], span=2),
        (tr("Estimated total"), format_money(data["estimate"])),
        (tr("Quotes required"), str(data["needed"]) if data["needed"] else tr("Not required")),
    ]
    rows = []
    for q in data["quotes"]:
        marks = []
        if q["lowest"]:
            marks.append(tr("lowest"))
        if q["chosen"]:
            marks.append(tr("chosen"))
        rows.append({**q, "mark": "、".join(marks)})
    columns = [
        Column("no", tr("No."), 8, kind="index"), Column("supplier", tr("Supplier"), 38),
        Column("contact", tr("Contact person"), 14), Column("phone", tr("Phone"), 22),
        Column("date", tr("Quote date"), 18, kind="date"), Column("delivery", tr("Delivery / terms"), 20),
        Column("amount", tr("Quoted total"), 20, kind="money"), Column("diff", tr("Above lowest"), 17, kind="money"),
        Column("mark", tr("Comparison"), 14, align="center"),
    ]
    blocks = [Fields(fields, columns=2), Spacer(3), SmallTable(_item_columns(False), data["lines"],
                                                             title=tr("Items (estimated prices)")),
              Spacer(3), SmallTable(columns, rows, title=tr("Quotes"))]
    chosen = [(tr("Chosen supplier"), data["chosen"] or "—"),
              (tr("Order amount"), format_money(data["order_total"]) if data["order_total"] is not None else "—"),
              Field(tr("Reason for not choosing the lowest quote"), data["reason"] or "—", span=2,
                    height=12 if data["reason"] else None)]
    blocks += [Spacer(3), Fields(chosen, columns=2)]
    roles = [tr("Buyer"), tr("Second handler"), tr("Director of general affairs")]
    return SlipForm(tr("Quote comparison sheet"), blocks, doc_number=data["number"], date=data["date"],
                    signatures=roles).render()


def acceptance_form(data: dict) -> bytes:
    """验收单: ordered and received quantities, where each line went, two acceptors' lines."""
    fields = [
        (tr("Purchase request"), data["number"]), (tr("Requesting department"), data["department"]),
        Field(tr("Purpose"), data["purpose"], span=2),
        (tr("Supplier"), data["supplier"]), (tr("Order date"), format_date(data["ordered_on"])),
        (tr("Buyer"), data["buyer"]), (tr("Invoice number"), data["invoice_no"] or ""),
        (tr("Funding source"), data["funding_source"]), (tr("Acceptance result"), data["result"] or ""),
        Field(tr("Acceptors"), "、".join(data["acceptors"]), span=2),
    ]
    columns = [
        Column("no", tr("No."), 9, kind="index"), Column("name", tr("Item name"), 24),
        Column("spec", tr("Model / spec"), 24), Column("unit", tr("Unit"), 8, align="center"),
        Column("qty", tr("Qty ordered"), 10, kind="qty"), Column("received", tr("Qty received"), 10, kind="qty"),
        Column("price", tr("Unit price"), 15, kind="money"), Column("amount", tr("Amount"), 17, kind="money"),
        Column("kind", tr("Asset or consumable"), 14, align="center"), Column("dest", tr("Goes to"), 26),
    ]
    blocks = [Fields(fields, columns=2), Spacer(3),
              SmallTable(columns, data["lines"], totals={"amount": data["total"]}), Spacer(2),
              Text(tr("Quantity, specification and quality checked against the order and the invoice. "
                      "The buyer does not accept the goods."), size=9.5)]
    if data["note"]:
        blocks.append(Text(tr("Notes: {note}").format(note=data["note"]), size=9.5))
    roles = [tr("Acceptor (1)"), tr("Acceptor (2)"), tr("Buyer"), tr("Director of general affairs")]
    return SlipForm(tr("Acceptance form"), blocks, doc_number=data["number"], date=data["date"],
                    signatures=roles).render()


def issue_slip(data: dict | list[dict]) -> bytes:
    """领用单: two per A4 sheet, the recipient signs."""
    slips = []
    for d in data if isinstance(data, list) else [data]:
        fields = [(tr("Department"), d["department"] or "—"), (tr("Recipient"), d["recipient"]),
                  Field(tr("Purpose"), d["purpose"] or "—", span=2)]
        columns = [Column("no", tr("No."), 8, kind="index"), Column("name", tr("Item name"), 34),
                   Column("spec", tr("Model / spec"), 30), Column("unit", tr("Unit"), 10, align="center"),
                   Column("qty", tr("Qty"), 12, kind="qty"), Column("remark", tr("Remarks"), 20)]
        slips.append(SlipForm(tr("Issue slip"), [Fields(fields, columns=2), Spacer(2),
                                                 SmallTable(columns, d["lines"])],
                              doc_number=d["doc_no"], date=d["date"],
                              signatures=[tr("Recipient"), tr("Issued by")]))
    return render_slips(slips, per_page=2)


def store_count_sheet(data: dict) -> bytes:
    """The monthly count sheet: book quantities, counted and differences (blank to fill in if not yet counted)."""
    columns = [
        Column("no", tr("No."), 8, kind="index"), Column("name", tr("Item name"), 34),
        Column("spec", tr("Model / spec"), 30), Column("unit", tr("Unit"), 10, align="center"),
        Column("book", tr("Book qty"), 14, kind="qty"), Column("counted", tr("Counted"), 14, kind="qty"),
        Column("difference", tr("Difference"), 14, kind="qty"), Column("remark", tr("Remarks"), 22),
    ]
    rows = []
    for r in data["rows"]:
        row = dict(r)
        if data["recorded"] and r["difference"]:
            row["remark"] = tr("surplus") if r["difference"] > 0 else tr("shortage")
        rows.append(row)
    meta = [(tr("Month"), data["month"]), (tr("Counted by"), data["counted_by"] or "")]
    note = None
    if data["recorded"]:
        diffs = sum(1 for r in data["rows"] if r["difference"])
        note = tr("{n} items differ from the book; each difference was entered as an adjustment.").format(n=diffs)
        if data["note"]:
            note += " " + data["note"]
    section = Section(meta=meta, rows=rows, note=note,
                      signatures=[tr("Counted by"), tr("Store keeper"), tr("Director of general affairs")])
    return TableForm(tr("Monthly store count sheet"), columns, [section], doc_number=data["doc_no"],
                     date=data["date"]).render()


def public_notice(data: dict) -> bytes:
    """采购公示: posted on the notice board for the set number of days."""
    intro = tr("Following approval by {roles}, the purchase below requested by {department} has been placed. "
               "In keeping with the rule that large expenditures are made public, it is posted here.").format(
        roles="、".join(data["roles"]), department=data["department"])
    fields = [
        (tr("Purchase request"), data["number"]), (tr("Requesting department"), data["department"]),
        Field(tr("Purpose"), data["purpose"], span=2),
        (tr("Supplier"), data["supplier"]), (tr("Amount (yuan)"), format_money(data["amount"])),
        (tr("Quotes compared"), str(data["quotes"])), (tr("Order date"), format_date(data["ordered_on"])),
    ]
    outro = tr("Notice period: {start} to {end}. Anyone with an objection may raise it with the general affairs "
               "office during this period{phone}.").format(
        start=format_date(data["from"]), end=format_date(data["to"]),
        phone=tr(" (telephone {phone})").format(phone=data["phone"]) if data["phone"] else "")
    blocks = [Text(intro, size=11, indent=True), Spacer(3), Fields(fields, columns=2), Spacer(3),
              SmallTable(_item_columns(False), data["lines"], totals={"amount": data["amount"]}), Spacer(4),
              Text(outro, size=11, indent=True), Spacer(8),
              Text(tr("General affairs office"), size=11, align="right"),
              Text(format_date(data["date"]), size=11, align="right")]
    return SlipForm(tr("Public notice of purchase"), blocks, doc_number=data["number"], date=data["date"]).render()


def asset_labels(data: dict) -> bytes:
    """Asset tags on the school's label sheet, one per asset record."""
    from ...core.printing import asset_label, render_labels

    labels = [asset_label(i["number"], i["name"], i["place"], data["code"], data["school"]) for i in data["items"]]
    return render_labels(labels, data["sheet"], offset=data["offset"])
