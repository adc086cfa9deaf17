"""Excel export of the purchases tab: requests, their lines, the store and its movements (no Qt)."""

from __future__ import annotations

from peewee import JOIN

from ...core import excel as xl
from ...core.i18n import join_list, tr
from ...core.masterdata import Category, Department, Supplier
from . import service
from .models import LINE_KINDS, STATUSES, BudgetLine, PurchaseLine, PurchaseRequest, StoreItem, StoreMovement


def request_columns() -> list[xl.WriteColumn]:
    W = xl.WriteColumn
    return [W("number", tr("Request number")), W("request_date", tr("Date"), "date"),
            W("department", tr("Requesting department")), W("requester", tr("Requester")),
            W("purpose", tr("Purpose")), W("status", tr("Status")), W("in_budget", tr("Within the annual budget"),
                                                                      "bool"),
            W("budget_line", tr("Budget line")), W("funding_source", tr("Funding source")),
            W("total", tr("Estimated total"), "money"), W("order_total", tr("Order amount"), "money"),
            W("approvals", tr("Signatures needed")), W("supplier", tr("Supplier")), W("buyer", tr("Buyer")),
            W("ordered_on", tr("Order date"), "date"), W("invoice_no", tr("Invoice number")),
            W("accepted_on", tr("Accepted on"), "date"), W("cancel_reason", tr("Reason withdrawn"))]


def line_columns() -> list[xl.WriteColumn]:
    W = xl.WriteColumn
    return [W("number", tr("Request number")), W("seq", tr("No."), "int"), W("name", tr("Item name")),
            W("spec", tr("Model / spec")), W("qty", tr("Qty"), "int"), W("unit", tr("Unit")),
            W("est_price", tr("Estimated unit price"), "money"), W("amount", tr("Amount"), "money"),
            W("price", tr("Ordered unit price"), "money"),
            W("order_amount", tr("Ordered amount"), "money"), W("received", tr("Qty received"), "int"),
            W("kind", tr("Asset or consumable")), W("category", tr("Asset category"))]


def store_columns() -> list[xl.WriteColumn]:
    W = xl.WriteColumn
    return [W("name", tr("Item name")), W("spec", tr("Model / spec")), W("unit", tr("Unit")),
            W("stock", tr("In stock"), "int"), W("min_level", tr("Minimum level"), "int"),
            W("low", tr("Below minimum"), "bool"), W("last_price", tr("Last unit price"), "money"),
            W("value", tr("Stock value"), "money")]


def movement_columns() -> list[xl.WriteColumn]:
    W = xl.WriteColumn
    return [W("moved_on", tr("Date"), "date"), W("item", tr("Item name")), W("unit", tr("Unit")),
            W("kind", tr("Movement")),
            W("quantity", tr("Quantity"), "int"), W("balance", tr("Balance"), "int"), W("doc", tr("Document")),
            W("note", tr("Notes"))]


def _requests(filters: dict):
    q = (service._list_query(filters)
         .select(PurchaseRequest, Department.name.alias("dept"), Supplier.name.alias("sup"))
         .order_by(PurchaseRequest.number).objects())
    budgets = {b.id: b.name for b in BudgetLine.select(BudgetLine.id, BudgetLine.name)}
    for r in q.iterator():
        yield {"number": r.number, "request_date": r.request_date, "department": r.dept,
               "requester": r.requester_name, "purpose": r.purpose, "status": tr(STATUSES.get(r.status, r.status)),
               "in_budget": r.in_budget, "budget_line": budgets.get(r.budget_line_id, ""),
               "funding_source": r.funding_source, "total": r.total, "order_total": r.order_total,
               "approvals": join_list(tr(x) for x in service.required_levels(r.total)), "supplier": r.sup,
               "buyer": r.buyer_name, "ordered_on": r.ordered_on, "invoice_no": r.invoice_no,
               "accepted_on": r.accepted_on, "cancel_reason": r.cancel_reason}


def _lines(filters: dict):
    ids = service._list_query(filters).select(PurchaseRequest.id)
    q = (PurchaseLine.select(PurchaseLine, PurchaseRequest.number, Category.name.alias("cat"))
         .join(PurchaseRequest).switch(PurchaseLine).join(Category, JOIN.LEFT_OUTER)
         .where(PurchaseLine.request.in_(ids)).order_by(PurchaseRequest.number, PurchaseLine.seq).objects())
    for ln in q.iterator():
        yield {"number": ln.number, "seq": ln.seq, "name": ln.name, "spec": ln.model_spec, "qty": ln.quantity,
               "unit": ln.unit, "est_price": ln.est_price, "amount": ln.amount, "price": ln.price,
               "order_amount": ln.order_amount,
               "received": ln.received_qty, "kind": tr(LINE_KINDS.get(ln.kind, ln.kind)), "category": ln.cat}


def export(path, filters: dict | None = None, progress=None, cancel=None) -> int:
    """Write requests, lines, the store and its movements to one workbook; returns the rows written."""
    filters = filters or {}
    n_req = service.count_requests(filters)
    n_items = StoreItem.select().count()
    n_moves = StoreMovement.select().count()
    sheets = [
        xl.SheetData(tr("Purchase requests"), request_columns(), _requests(filters), n_req),
        xl.SheetData(tr("Request lines"), line_columns(), _lines(filters), None),
        xl.SheetData(tr("Supply store"), store_columns(), service.store_rows(), n_items),
        xl.SheetData(tr("Store movements"), movement_columns(), service.movements(limit=None), n_moves),
    ]
    return xl.write_workbook(path, sheets, progress, cancel)
