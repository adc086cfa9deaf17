"""Canteen receiving (进货查验) and the food store (食品仓库): tables (no Qt).

* ``CanteenSupplierLicence`` — the food-business licence of a shared supplier
  (core's ``Supplier`` knows nothing of the canteen, so the licence lives here).
* ``CanteenDelivery`` / ``CanteenDeliveryLine`` — one delivery checked on arrival:
  supplier (licence as it stood that day), two receivers, per line the papers seen,
  the sensory check and accepted or refused with the reason. Voided with a reason,
  never deleted.
* ``CanteenFoodItem`` / ``CanteenFoodLot`` / ``CanteenFoodMovement`` — the food store:
  every accepted line becomes a lot with its use-by date; issues to the kitchen take
  lots first-expiring first; ``remaining`` on a lot is kept equal to the sum of its
  movements.
* ``CanteenFoodIssue`` — one issue to the kitchen for a day and meal (出库单).
* ``CanteenFoodCount`` / ``CanteenFoodCountLine`` — the month-end count (每月底盘点).

Quantities are decimals (12.5 kg of pork): the office-supply store counts whole
pieces, one reason this store has its own tables (see receiving.py).
"""

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
from ...core.masterdata import Person, Supplier

STORAGE = {
    "ambient": N_("Ambient"),  # 常温
    "chilled": N_("Chilled"),  # 冷藏
    "frozen": N_("Frozen"),  # 冷冻
}
FOOD_MOVES = {
    "in": N_("Received"),  # 入库
    "issue": N_("Issued"),  # 出库
    "count": N_("Count difference"),  # 盘点差异
    "discard": N_("Discarded"),  # 报废
    "void": N_("Delivery voided"),  # 作废冲销
    "unissue": N_("Issue voided"),  # 出库作废，退回
}


def _qty(**kw):
    return DecimalField(max_digits=14, decimal_places=3, auto_round=True, **kw)


class CanteenSupplierLicence(BaseModel):
    """A supplier's food-business licence (食品经营许可证) as the canteen has seen it."""

    id = AutoField()
    supplier = ForeignKeyField(Supplier, unique=True, backref="+", on_delete="RESTRICT")
    licence_no = CharField(max_length=60)
    valid_until = DateField(null=True)
    note = TextField(null=True)
    updated_at = DateTimeField()

    class Meta:
        table_name = "canteen_supplier_licence"


class CanteenFoodItem(BaseModel):
    """A food the canteen buys (remembered as it is first received)."""

    id = AutoField()
    name = CharField(max_length=100, unique=True)
    unit = CharField(max_length=20, default="kg")
    storage = CharField(max_length=10, default="ambient")  # a key of STORAGE
    shelf_days = IntegerField(null=True)  # the usual shelf life, proposed on the next delivery
    active = BooleanField(default=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_food_item"

    def __str__(self) -> str:
        return self.name


class CanteenDelivery(BaseModel):
    id = AutoField()
    number = CharField(max_length=40, unique=True)  # JH-20261123-01
    day = DateField(index=True)
    delivered_at = DateTimeField()
    supplier = ForeignKeyField(Supplier, backref="+", on_delete="RESTRICT")
    supplier_name = CharField(max_length=200)
    licence_no = CharField(max_length=60, null=True)  # as it stood that day
    licence_until = DateField(null=True)
    licence_reason = TextField(null=True)  # why a supplier without a valid licence was accepted
    receiver1 = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
    receiver2 = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
    # a receiver without a valid health certificate (or sent home that day): the problem as it stood
    # that day and the written reason to choose them anyway (migration 0022)
    receiver_problem = TextField(null=True)
    receiver_reason = TextField(null=True)
    note = TextField(null=True)
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    voided_at = DateTimeField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_delivery"


class CanteenDeliveryLine(BaseModel):
    id = AutoField()
    delivery = ForeignKeyField(CanteenDelivery, backref="lines", on_delete="RESTRICT", index=True)
    seq = IntegerField(default=1)
    item = ForeignKeyField(CanteenFoodItem, backref="+", on_delete="RESTRICT")
    item_name = CharField(max_length=100)
    quantity = _qty()
    unit = CharField(max_length=20)
    produced_on = DateField(null=True)
    shelf_days = IntegerField(null=True)
    use_by = DateField(null=True)
    batch = CharField(max_length=60, null=True)
    papers = CharField(max_length=200, null=True)  # 检验合格证明 / 票据 numbers
    storage = CharField(max_length=10, default="ambient")
    appearance_ok = BooleanField(default=True)
    smell_ok = BooleanField(default=True)
    temperature = DecimalField(max_digits=5, decimal_places=1, null=True)
    accepted = BooleanField(default=True)
    refuse_reason = TextField(null=True)

    class Meta:
        table_name = "canteen_delivery_line"


class CanteenFoodIssue(BaseModel):
    """出库单: what went to the kitchen for a day's meal."""

    id = AutoField()
    number = CharField(max_length=40, unique=True)  # CK-20261123-01
    day = DateField(index=True)
    meal = CharField(max_length=20)
    taken_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    note = TextField(null=True)
    created_at = DateTimeField()
    # voided with a reason (its lots restored), never deleted (migration 0022)
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    voided_at = DateTimeField(null=True)

    class Meta:
        table_name = "canteen_food_issue"


class CanteenFoodCount(BaseModel):
    """The month-end count (每月底盘点)."""

    id = AutoField()
    month = CharField(max_length=7, unique=True)  # 2026-11
    number = CharField(max_length=40, unique=True)  # SPPD-202611
    counted_on = DateField()
    counted_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_food_count"


class CanteenFoodLot(BaseModel):
    """What one accepted delivery line put on the shelf."""

    id = AutoField()
    item = ForeignKeyField(CanteenFoodItem, backref="lots", on_delete="RESTRICT")
    line = ForeignKeyField(CanteenDeliveryLine, null=True, unique=True, backref="+", on_delete="RESTRICT")
    received_on = DateField()
    use_by = DateField(null=True)
    batch = CharField(max_length=60, null=True)
    quantity = _qty()  # as received
    remaining = _qty()  # kept equal to the sum of its movements
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_food_lot"
        indexes = ((("item", "use_by"), False),)


class CanteenFoodMovement(BaseModel):
    id = AutoField()
    lot = ForeignKeyField(CanteenFoodLot, backref="movements", on_delete="RESTRICT")
    item = ForeignKeyField(CanteenFoodItem, backref="+", on_delete="RESTRICT", index=True)
    kind = CharField(max_length=10)  # a key of FOOD_MOVES
    quantity = _qty()  # signed: + in, - out
    moved_on = DateField(index=True)
    delivery = ForeignKeyField(CanteenDelivery, null=True, backref="+", on_delete="RESTRICT")
    issue = ForeignKeyField(CanteenFoodIssue, null=True, backref="movements", on_delete="RESTRICT")
    count = ForeignKeyField(CanteenFoodCount, null=True, backref="+", on_delete="RESTRICT")
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_food_movement"


class CanteenFoodCountLine(BaseModel):
    id = AutoField()
    count = ForeignKeyField(CanteenFoodCount, backref="lines", on_delete="RESTRICT", index=True)
    item = ForeignKeyField(CanteenFoodItem, backref="+", on_delete="RESTRICT")
    book_qty = _qty()
    counted_qty = _qty()
    difference = _qty()
    reason = TextField(null=True)

    class Meta:
        table_name = "canteen_food_count_line"


FOOD_MODELS = [CanteenSupplierLicence, CanteenFoodItem, CanteenDelivery, CanteenDeliveryLine, CanteenFoodIssue,
               CanteenFoodCount, CanteenFoodLot, CanteenFoodMovement, CanteenFoodCountLine]
