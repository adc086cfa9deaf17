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
from ...core.printing.text import join_list


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
        cols += [Column("kind", tr("Asset or consumable"), 14, align="center"),
                 Column("category", tr("Asset category"), 18)]
    return cols


def _total_in_words(label: str, amount, words: str) -> str:
    """'合计金额：37,000.00 元（大写：人民币叁万柒仟元整）' — the figure and the same amount in words."""
    return tr("{label}: {amount} yuan (in words: RMB {words})").format(
        label=label, amount=format_money(amount), words=words)


def _budget_table(b: dict) -> SmallTable:
    """The budget line's state on one row that adds up: budget - committed - spent - this request = balance."""
    columns = [Column("budget", tr("Annual budget"), 20, kind="money"),
               Column("committed", tr("Committed (others)"), 22, kind="money"),
               Column("spent", tr("Spent (others)"), 22, kind="money"),
               Column("this_request", tr("This request"), 20, kind="money"),
               Column("balance", tr("Balance after this request"), 22, kind="money")]
    return SmallTable(columns, [b], title=tr("Budget line: {label} (yuan)").format(label=b["label"]))


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
    blocks.append(Text(_total_in_words(tr("Total requested"), data["total"], data["total_words"]), size=10))
    blocks.append(Text(data["approval_note"], size=10))
    b = data["budget"]
    if b:
        blocks += [Spacer(2), _budget_table(b)]
        if b["ordered"] and b["counted"]:
            blocks.append(Text(tr("This request is counted at its ordered amount."), size=9))
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
        rows.append({**q, "mark": join_list(marks)})
    columns = [
        Column("no", tr("No."), 8, kind="index"), Column("supplier", tr("Supplier"), 34),
        Column("contact", tr("Contact person"), 14), Column("phone", tr("Phone"), 22),
        Column("date", tr("Quote date"), 18, kind="date"), Column("delivery", tr("Delivery / terms"), 20),
        Column("amount", tr("Quoted total"), 20, kind="money"), Column("diff", tr("Above lowest"), 17, kind="money"),
        Column("mark", tr("Comparison"), 18, align="center"),
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
    """验收单: ordered and received quantities, the amount of what arrived (in figures and in
    words), where each line went, two acceptors' lines and the principal's (一切单据需经校长签字后方能验收)."""
    fields = [
        (tr("Purchase request"), data["number"]), (tr("Requesting department"), data["department"]),
        Field(tr("Purpose"), data["purpose"], span=2),
        (tr("Supplier"), data["supplier"]), (tr("Order date"), format_date(data["ordered_on"])),
        (tr("Buyer"), data["buyer"]), (tr("Invoice number"), data["invoice_no"] or ""),
        (tr("Funding source"), data["funding_source"]), (tr("Acceptance result"), data["result"] or ""),
        (tr("Order amount (yuan)"), format_money(data["ordered_total"])),
        (tr("Amount received (yuan)"), format_money(data["total"])),
        Field(tr("Acceptors"), join_list(data["acceptors"]), span=2),
        Field(tr("Principal's signature"), data.get("principal") or "", span=2),
    ]
    columns = [
        Column("no", tr("No."), 9, kind="index"), Column("name", tr("Item name"), 24),
        Column("spec", tr("Model / spec"), 24), Column("unit", tr("Unit"), 8, align="center"),
        Column("qty", tr("Qty ordered"), 10, kind="qty"), Column("received", tr("Qty received"), 10, kind="qty"),
        Column("price", tr("Unit price"), 15, kind="money"), Column("amount", tr("Amount received"), 17, kind="money"),
        Column("kind", tr("Asset or consumable"), 14, align="center"), Column("dest", tr("Goes to"), 26),
    ]
    blocks = [Fields(fields, columns=2), Spacer(3),
              SmallTable(columns, data["lines"], totals={"amount": data["total"]}), Spacer(2),
              Text(_total_in_words(tr("Amount received"), data["total"], data["total_words"]), size=10)]
    if data["partial"]:
        blocks.append(Text(tr("Partial delivery: the quantities and amounts are what has arrived so far; "
                              "the rest of the order is still due."), size=9.5, bold=True))
    blocks.append(Text(tr("Quantity, specification and quality checked against the order and the invoice. "
                          "The buyer does not accept the goods."), size=9.5))
    blocks.append(Text(tr("Every document needs the principal's signature before the goods are accepted."),
                       size=9.5))
    if data["note"]:
        blocks.append(Text(tr("Notes: {note}").format(note=data["note"]), size=9.5))
    roles = [tr("Acceptor (1)"), tr("Acceptor (2)"), tr("Buyer"), tr("Director of general affairs"),
             tr("Principal")]
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
    """月度盘点表: per item 期初、入库、出库、结存 in quantity and money, then the counted quantity and
    the surplus or shortage (blank to fill in until the count is recorded). Landscape A4."""
    columns = [
        Column("no", tr("No."), 10, kind="index"), Column("name", tr("Item name"), 20),
        Column("spec", tr("Model / spec"), 17), Column("unit", tr("Unit"), 7, align="center"),
        Column("open_qty", tr("Opening qty"), 13, kind="qty"),
        Column("open_amount", tr("Opening amount"), 15, kind="money"),
        Column("in_qty", tr("In qty"), 13, kind="qty"), Column("in_amount", tr("In amount"), 15, kind="money"),
        Column("out_qty", tr("Out qty"), 13, kind="qty"), Column("out_amount", tr("Out amount"), 15, kind="money"),
        Column("close_qty", tr("Closing qty"), 13, kind="qty"),
        Column("close_amount", tr("Closing amount"), 15, kind="money"),
        Column("counted", tr("Counted"), 13, kind="qty"), Column("difference", tr("Surplus (+) / shortage (-)"), 15,
                                                                 kind="qty"),
        Column("remark", tr("Remarks"), 12),
    ]
    rows = []
    for r in data["rows"]:
        row = dict(r)
        if data["recorded"] and r["difference"]:
            row["difference"] = f"{r['difference']:+d}"
            row["remark"] = tr("surplus") if r["difference"] > 0 else tr("shortage")
        elif data["recorded"]:
            row["difference"] = 0
        rows.append(row)
    t = data["totals"]
    totals = {"open_amount": t["open_amount"], "in_amount": t["in_amount"], "out_amount": t["out_amount"],
              "close_amount": t["close_amount"]}
    meta = [(tr("Month"), data["month"]), (tr("Counted by"), data["counted_by"] or "")]
    note = tr("Amounts in yuan by the monthly weighted average: opening + in - out = closing on every line; "
              "a difference found by the count is entered as an adjustment and carried into next month's opening.")
    if data["recorded"]:
        diffs = sum(1 for r in data["rows"] if r["difference"])
        note += " " + tr("{n} items differ from the book; each difference was entered as an adjustment.").format(
            n=diffs)
        if data["note"]:
            note += " " + data["note"]
    section = Section(meta=meta, rows=rows, totals=totals, note=note,
                      signatures=[tr("Counted by"), tr("Store keeper"), tr("Director of general affairs")])
    return TableForm(tr("Monthly store count sheet"), columns, [section], doc_number=data["doc_no"],
                     date=data["date"], landscape=True).render()


def public_notice(data: dict) -> bytes:
    """采购公示 of a large expenditure (``documents.notice_data`` refuses one below the threshold):
    posted on the notice board for the set number of days; the telephone on a line of its own (never
    split), the school's name and room for its stamp at the end."""
    intro = tr("Following approval by {roles}, the purchase below requested by {department} has been placed. "
               "Expenditures of {limit} yuan or more are made public: it is posted here.").format(
        roles=join_list(data["roles"]), department=data["department"], limit=format_money(data["threshold"]))
    fields = [
        (tr("Purchase request"), data["number"]), (tr("Requesting department"), data["department"]),
        Field(tr("Purpose"), data["purpose"], span=2),
        (tr("Supplier"), data["supplier"]), (tr("Amount (yuan)"), format_money(data["amount"])),
        Field(tr("Amount in words"), data["amount_words"], span=2),
        (tr("Quotes compared"), str(data["quotes"]) if data["quotes"] else "—"),
        (tr("Order date"), format_date(data["ordered_on"])),
    ]
    outro = tr("Notice period: {start} to {end}. Anyone with an objection may raise it with the general affairs "
               "office during this period.").format(start=format_date(data["from"]), end=format_date(data["to"]))
    blocks = [Text(intro, size=11, indent=True), Spacer(3), Fields(fields, columns=2), Spacer(3),
              SmallTable(_item_columns(False), data["lines"], totals={"amount": data["amount"]}), Spacer(4),
              Text(outro, size=11, indent=True)]
    if data["phone"]:
        blocks.append(Text(tr("Telephone: {phone}").format(phone=data["phone"]), size=11, indent=True))
    blocks += [Spacer(10),
               Text(tr("{school} general affairs office").format(school=data["school"]).strip(), size=11,
                    align="right"),
               Text(tr("(stamp)"), size=11, align="right"), Spacer(6),
               Text(format_date(data["date"]), size=11, align="right")]
    return SlipForm(tr("Public notice of purchase"), blocks, doc_number=data["number"], date=data["date"]).render()


def asset_labels(data: dict) -> bytes:
    """Asset tags on the school's label sheet, one per asset record."""
    from ...core.printing import asset_label, render_labels

    labels = [asset_label(i["number"], i["name"], i["place"], data["code"], data["school"]) for i in data["items"]]
    return render_labels(labels, data["sheet"], offset=data["offset"])
