"""The asset register's tables (no Qt)."""

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

from ...core import pinyin
from ...core.db import BaseModel
from ...core.i18n import N_
from ...core.masterdata import Category, Department, Person, Place, SearchKeyField, Supplier

STATUSES = {
    "in_use": N_("In use"),
    "idle": N_("Idle"),
    "lent": N_("Lent"),
    "repair": N_("Under repair"),
    "shortage": N_("Missing (pending approval)"),  # 盘亏待批
    "lost": N_("Lost"),
    "disposed": N_("Disposed"),
    "voided": N_("Voided (entered in error)"),  # off the register, kept with its history
}
ACTIVE_STATUSES = ("in_use", "idle", "lent", "repair", "shortage")
SOURCES = {
    "purchase": N_("Purchase"),
    "donation": N_("Donation"),
    "transfer_in": N_("Transfer in"),
    "self_made": N_("Self-made"),
    "other": N_("Other"),
}
DAMAGE_CAUSES = {
    "natural": N_("Natural wear"),  # the school bears it
    "accidental": N_("Accidental damage"),  # pays the price
    "deliberate": N_("Deliberate damage"),  # pays double + discipline note
}
DISPOSAL_METHODS = {
    "scrap": N_("Scrapped"),
    "sale": N_("Sold"),
    "transfer_out": N_("Transferred out"),
    "donation_out": N_("Donated"),
    "loss": N_("Written off as lost"),
    "other": N_("Other"),
}
EVENT_KINDS = {
    "register": N_("Registered"),
    "edit": N_("Edited"),
    "transfer": N_("Transferred"),
    "loan": N_("Lent"),
    "return": N_("Returned"),
    "damage": N_("Damage reported"),
    "writeoff": N_("Written off"),
    "status": N_("Status changed"),
    "stocktake": N_("Stock-take"),
    "repair": N_("Repair"),
    "import": N_("Imported"),
    "void": N_("Voided"),
}


class Asset(BaseModel):
    id = AutoField()
    number = CharField(max_length=40, unique=True)  # ASCII tag, printable as barcode/QR
    name = CharField(max_length=200, index=True)
    category = ForeignKeyField(Category, backref="assets", on_delete="RESTRICT")
    model_spec = CharField(max_length=200, null=True)
    brand = CharField(max_length=100, null=True)
    unit = CharField(max_length=20, default="台")
    quantity = IntegerField(default=1)
    unit_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True, default=0)
    acquired_on = DateField(index=True)
    source = CharField(max_length=20, default="purchase")
    supplier = ForeignKeyField(Supplier, null=True, backref="assets", on_delete="RESTRICT")
    invoice_no = CharField(max_length=100, null=True)
    funding_source = CharField(max_length=100, null=True)
    place = ForeignKeyField(Place, null=True, backref="assets", on_delete="RESTRICT", index=True)
    department = ForeignKeyField(Department, null=True, backref="assets", on_delete="RESTRICT", index=True)
    custodian = ForeignKeyField(Person, null=True, backref="assets", on_delete="RESTRICT", index=True)
    status = CharField(max_length=20, default="in_use", index=True)
    low_value = BooleanField(default=False)  # below the fixed-asset threshold
    warranty_end = DateField(null=True)
    serial_no = CharField(max_length=100, null=True)
    note = TextField(null=True)
    created_at = DateTimeField(index=True)
    updated_at = DateTimeField()
    # what the register's filter searches, lower-cased, with the pinyin and initials of the Chinese
    # (core.pinyin): number, name, model, brand, serial number; kept up to date on every save
    search_text = SearchKeyField(max_length=4000, index=False)

    class Meta:
        table_name = "asset"
        # the filter as you type scans this index, not the table: everything a search word is compared
        # with (the text, and the links to places, people, departments and categories) and the status
        indexes = ((("search_text", "status", "place", "custodian", "department", "category"), False),)

    def save(self, *args, **kwargs):
        self.search_text = search_text_of(self.__data__)
        return super().save(*args, **kwargs)


SEARCHED_FIELDS = ("number", "name", "model_spec", "brand", "serial_no")


def search_text_of(values: dict) -> str:
    """``Asset.search_text`` for these field values (a row being inserted, or a record's data)."""
    return pinyin.search_text(*(values.get(f) for f in SEARCHED_FIELDS))


class AssetEvent(BaseModel):
    """One line of an asset's history, written with every business action."""

    id = AutoField()
    asset = ForeignKeyField(Asset, backref="events", on_delete="RESTRICT")
    kind = CharField(max_length=20)
    event_date = DateField()
    created_at = DateTimeField()
    summary = TextField()
    doc_no = CharField(max_length=40, null=True)
    ref_table = CharField(max_length=40, null=True)  # e.g. "repair_ticket"
    ref_id = IntegerField(null=True)

    class Meta:
        table_name = "asset_event"
        indexes = ((("asset", "id"), False),)


class AssetTransfer(BaseModel):
    id = AutoField()
    doc_no = CharField(max_length=40, unique=True)
    asset = ForeignKeyField(Asset, backref="transfers", on_delete="RESTRICT")
    transfer_date = DateField()
    from_place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
    to_place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
    from_department = ForeignKeyField(Department, null=True, on_delete="RESTRICT", backref="+")
    to_department = ForeignKeyField(Department, null=True, on_delete="RESTRICT", backref="+")
    from_custodian = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    to_custodian = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    reason = TextField()
    created_at = DateTimeField()

    class Meta:
        table_name = "asset_transfer"


class AssetLoan(BaseModel):
    id = AutoField()
    doc_no = CharField(max_length=40, unique=True)
    asset = ForeignKeyField(Asset, backref="loans", on_delete="RESTRICT")
    borrower = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    borrower_name = CharField(max_length=100)  # as written on the slip (may be an outsider)
    department = ForeignKeyField(Department, null=True, on_delete="RESTRICT", backref="+")
    lent_on = DateField()
    due_on = DateField(index=True)
    returned_on = DateField(null=True, index=True)
    purpose = TextField(null=True)
    return_note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "asset_loan"


class AssetDamage(BaseModel):
    id = AutoField()
    doc_no = CharField(max_length=40, unique=True)
    asset = ForeignKeyField(Asset, backref="damages", on_delete="RESTRICT")
    damage_date = DateField()
    cause = CharField(max_length=20)  # natural | accidental | deliberate
    description = TextField()
    responsible = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    responsible_name = CharField(max_length=100, null=True)  # a student or outsider
    price_basis = CharField(max_length=20)  # original | net_book_value
    base_value = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    compensation = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    discipline_note = TextField(null=True)
    ref_table = CharField(max_length=40, null=True)  # e.g. a repair ticket
    ref_id = IntegerField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "asset_damage"


class AssetDisposal(BaseModel):
    id = AutoField()
    doc_no = CharField(max_length=40, unique=True)
    asset = ForeignKeyField(Asset, backref="disposals", on_delete="RESTRICT")
    disposal_date = DateField()
    reason = TextField()
    approver = CharField(max_length=100)
    method = CharField(max_length=20)
    net_value = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    created_at = DateTimeField()

    class Meta:
        table_name = "asset_disposal"


MODELS = [Asset, AssetEvent, AssetTransfer, AssetLoan, AssetDamage, AssetDisposal]
