"""Purchase requests, their approvals, quotes, deliveries and acceptance; budgets;
the office-supply store (no Qt)."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ...core.db import BaseModel
from ...core.i18n import N_
from ...core.masterdata import Category, Department, Person, Place, Supplier

# request states, in the order a request moves through them
STATUSES = {
    "draft": N_("Draft"),  # 草稿
    "submitted": N_("Submitted"),  # 已提交
    "approved": N_("Approved"),  # 已批准
    "rejected": N_("Rejected"),  # 已驳回
    "quoting": N_("Collecting quotes"),  # 询价
    "ordered": N_("Ordered"),  # 已下单
    "partly_received": N_("Partly received"),  # 部分到货
    "received": N_("Received"),  # 已到货
    "accepted": N_("Accepted"),  # 已验收
    "closed": N_("Completed"),  # 已完成
    "cancelled": N_("Withdrawn"),  # 已撤销
}
# which move may follow which (the service refuses any other)
TRANSITIONS = {
    "draft": ("submitted", "cancelled"),
    "submitted": ("approved", "rejected", "cancelled"),
    "approved": ("quoting", "ordered", "cancelled"),
    "rejected": (),
    "quoting": ("ordered", "cancelled"),
    "ordered": ("partly_received", "received", "cancelled"),
    "partly_received": ("received",),
    "received": ("accepted",),
    "accepted": ("closed",),
    "closed": (),
    "cancelled": (),
}
# money on these is committed against the budget; on SPENT it is spent
COMMITTED = ("approved", "quoting", "ordered", "partly_received", "received")
SPENT = ("accepted", "closed")
OPEN = ("draft", "submitted", "approved", "quoting", "ordered", "partly_received", "received", "accepted")

LINE_KINDS = {"asset": N_("Fixed asset"), "consumable": N_("Consumable")}
DECISIONS = {"approved": N_("Approved"), "rejected": N_("Rejected")}
ACCEPT_RESULTS = {"pass": N_("Passed"), "fail": N_("Failed")}
ASSET_MODES = {"each": N_("One record per unit"), "batch": N_("One batch record")}
MOVEMENT_KINDS = {
    "purchase": N_("Stock in (purchase)"),
    "manual": N_("Stock in"),
    "issue": N_("Issue"),
    "count": N_("Count adjustment"),
}


class BudgetLine(BaseModel):
    """An annual budget of a department on one budget line (e.g. 办公经费)."""

    id = AutoField()
    year = IntegerField(index=True)
    department = ForeignKeyField(Department, backref="+", on_delete="RESTRICT")
    name = CharField(max_length=100)
    amount = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "purchase_budget"
        indexes = ((("year", "department", "name"), True),)


class PurchaseRequest(BaseModel):
    id = AutoField()
    number = CharField(max_length=40, unique=True)  # CG-2026-0001
    department = ForeignKeyField(Department, backref="+", on_delete="RESTRICT", index=True)
    requester = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    requester_name = CharField(max_length=100)
    request_date = DateField(index=True)
    purpose = TextField()
    in_budget = BooleanField(default=True)
    budget_line = ForeignKeyField(BudgetLine, null=True, backref="requests", on_delete="RESTRICT", index=True)
    funding_source = CharField(max_length=100, null=True)
    place = ForeignKeyField(Place, null=True, backref="+", on_delete="RESTRICT")  # where the goods go
    status = CharField(max_length=20, default="draft", index=True)
    total = DecimalField(max_digits=16, decimal_places=2, auto_round=True, default=0, index=True)  # estimated
    order_total = DecimalField(max_digits=16, decimal_places=2, auto_round=True, null=True)
    supplier = ForeignKeyField(Supplier, null=True, backref="+", on_delete="RESTRICT")
    chosen_quote = IntegerField(null=True)
    choice_reason = TextField(null=True)
    buyer_name = CharField(max_length=100, null=True)  # 经办人, recorded at ordering
    ordered_on = DateField(null=True)
    invoice_no = CharField(max_length=100, null=True)
    accepted_on = DateField(null=True)
    cancel_reason = TextField(null=True)
    note = TextField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "purchase_request"
        indexes = ((("budget_line", "status"), False),)


class PurchaseLine(BaseModel):
    id = AutoField()
    request = ForeignKeyField(PurchaseRequest, backref="lines", on_delete="RESTRICT", index=True)
    seq = IntegerField(default=1)
    name = CharField(max_length=200)
    model_spec = CharField(max_length=200, null=True)
    quantity = IntegerField(default=1)
    unit = CharField(max_length=20, default="件")
    est_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True, default=0)
    kind = CharField(max_length=20, default="consumable")  # asset | consumable
    category = ForeignKeyField(Category, null=True, backref="+", on_delete="RESTRICT")
    price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)  # ordered unit price
    order_amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True, null=True)  # ordered line amount
    received_qty = IntegerField(default=0)
    asset_mode = CharField(max_length=10, null=True)  # each | batch, chosen at acceptance
    store_item = IntegerField(null=True)  # the store item a consumable line went into

    class Meta:
        table_name = "purchase_line"


class PurchaseStatusChange(BaseModel):
    """Every move of a request: from, to, who, when, why."""

    id = AutoField()
    request = ForeignKeyField(PurchaseRequest, backref="moves", on_delete="RESTRICT", index=True)
    from_status = CharField(max_length=20, null=True)
    to_status = CharField(max_length=20)
    at = DateTimeField()
    operator = CharField(max_length=100)
    note = TextField(null=True)

    class Meta:
        table_name = "purchase_status_change"


class PurchaseApproval(BaseModel):
    """One signature as it came back on paper."""

    id = AutoField()
    request = ForeignKeyField(PurchaseRequest, backref="approvals", on_delete="RESTRICT", index=True)
    level = CharField(max_length=100)  # the role, as in the approval-level setting
    approver = CharField(max_length=100)
    decided_on = DateField()
    decision = CharField(max_length=20)  # approved | rejected
    comment = TextField(null=True)
    # "order": signed again at ordering for an order above the approved amount; None: the request's approval
    stage = CharField(max_length=20, null=True)
    amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True, null=True)  # the amount signed for
    created_at = DateTimeField()

    class Meta:
        table_name = "purchase_approval"


class PurchaseQuote(BaseModel):
    id = AutoField()
    request = ForeignKeyField(PurchaseRequest, backref="quotes", on_delete="RESTRICT", index=True)
    supplier = ForeignKeyField(Supplier, backref="+", on_delete="RESTRICT")
    amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True)
    quoted_on = DateField()
    delivery = CharField(max_length=100, null=True)  # delivery time / terms
    note = TextField(null=True)
    created_at = DateTimeField()
    voided_at = DateTimeField(null=True)  # removed before the order (with its reason); kept for the record
    void_reason = TextField(null=True)

    class Meta:
        table_name = "purchase_quote"


class PurchaseQuotePrice(BaseModel):
    """A quote's unit price for one request line (optional; all lines or none)."""

    id = AutoField()
    quote = ForeignKeyField(PurchaseQuote, backref="prices", on_delete="RESTRICT", index=True)
    line = ForeignKeyField(PurchaseLine, backref="+", on_delete="RESTRICT")
    unit_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True)

    class Meta:
        table_name = "purchase_quote_price"


class PurchaseDelivery(BaseModel):
    id = AutoField()
    request = ForeignKeyField(PurchaseRequest, backref="deliveries", on_delete="RESTRICT", index=True)
    line = ForeignKeyField(PurchaseLine, backref="deliveries", on_delete="RESTRICT")
    quantity = IntegerField()
    received_on = DateField()
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "purchase_delivery"


class PurchaseAcceptance(BaseModel):
    id = AutoField()
    request = ForeignKeyField(PurchaseRequest, backref="acceptances", on_delete="RESTRICT", index=True)
    accepted_on = DateField()
    acceptor1 = CharField(max_length=100)
    acceptor2 = CharField(max_length=100)
    principal = CharField(max_length=100, null=True)  # 校长签字
    principal_signed_on = DateField(null=True)
    result = CharField(max_length=10)  # pass | fail
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "purchase_acceptance"


class StoreItem(BaseModel):
    id = AutoField()
    name = CharField(max_length=200, index=True)
    spec = CharField(max_length=200, default="")
    unit = CharField(max_length=20, default="件")
    min_level = IntegerField(default=0)
    stock = IntegerField(default=0)  # kept equal to the sum of its movements
    last_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
    active = BooleanField(default=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "store_item"
        indexes = ((("name", "spec"), True),)


class StoreIssue(BaseModel):
    """A 领用单: who drew what, signed on paper."""

    id = AutoField()
    doc_no = CharField(max_length=40, unique=True)  # LY-2026-0001
    issued_on = DateField(index=True)
    department = ForeignKeyField(Department, null=True, backref="+", on_delete="RESTRICT")
    person = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    recipient_name = CharField(max_length=100)
    purpose = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "store_issue"


class StoreCount(BaseModel):
    """The monthly count (月月盘点)."""

    id = AutoField()
    month = CharField(max_length=7, unique=True)  # 2026-11
    doc_no = CharField(max_length=40, unique=True)
    counted_on = DateField()
    counted_by = CharField(max_length=100)
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "store_count"


class StoreCountLine(BaseModel):
    id = AutoField()
    count = ForeignKeyField(StoreCount, backref="lines", on_delete="RESTRICT", index=True)
    item = ForeignKeyField(StoreItem, backref="+", on_delete="RESTRICT")
    book_qty = IntegerField()
    counted_qty = IntegerField()
    difference = IntegerField()
    note = TextField(null=True)

    class Meta:
        table_name = "store_count_line"


class StoreMovement(BaseModel):
    id = AutoField()
    item = ForeignKeyField(StoreItem, backref="movements", on_delete="RESTRICT")
    kind = CharField(max_length=20)  # purchase | manual | issue | count
    quantity = IntegerField()  # signed: + in, - out
    balance = IntegerField()  # stock after this movement
    moved_on = DateField(index=True)
    unit_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
    request = ForeignKeyField(PurchaseRequest, null=True, backref="+", on_delete="RESTRICT")
    issue = ForeignKeyField(StoreIssue, null=True, backref="movements", on_delete="RESTRICT")
    count = ForeignKeyField(StoreCount, null=True, backref="+", on_delete="RESTRICT")
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "store_movement"
        indexes = ((("item", "id"), False),)


MODELS = [BudgetLine, PurchaseRequest, PurchaseLine, PurchaseStatusChange, PurchaseApproval, PurchaseQuote,
          PurchaseQuotePrice,
          PurchaseDelivery, PurchaseAcceptance, StoreItem, StoreIssue, StoreCount, StoreCountLine, StoreMovement]
