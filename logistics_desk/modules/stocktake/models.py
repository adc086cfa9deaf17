"""The stock-take's tables (no Qt).

``StockTake`` is one session (a term and a scope). Opening it freezes the
expected list into ``StockTakeLine`` rows (what the register said at that
moment); counting fills in the same rows. Numbers nobody expected go to
``StockTakeUnknown``; every scan is logged in ``StockTakeScan``.
"""

from __future__ import annotations

from peewee import (
    AutoField,
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
from ...core.masterdata import Category, Place, Term
from ..assets.api import Asset

STATUSES = {
    "open": N_("Counting"),
    "closed": N_("Closed"),
    "signed": N_("Signed off"),
}
CONDITIONS = {
    "good": N_("Good"),  # 完好
    "damaged": N_("Damaged"),  # 损坏
    "needs_repair": N_("Needs repair"),  # 待修
}
RESULTS = {
    "found": N_("Found"),
    "misplaced": N_("Misplaced"),
    "missing": N_("Missing"),
    "partial": N_("Partly missing"),
    "lent": N_("On loan"),  # out on loan in the register: expected not on its shelf, neither found nor short
}
SCAN_OUTCOMES = {
    "found": N_("Found here"),
    "misplaced": N_("Misplaced"),
    "duplicate": N_("Already counted"),
    "unknown": N_("Unknown number"),
}
UNKNOWN_STATUSES = {
    "open": N_("To resolve"),
    "matched": N_("Matched to an asset"),
    "surplus": N_("Surplus (盘盈)"),
    "dismissed": N_("Dismissed"),
}


class StockTake(BaseModel):
    id = AutoField()
    doc_no = CharField(max_length=40, unique=True)  # PD-2026-0001
    title = CharField(max_length=200)
    term = ForeignKeyField(Term, null=True, on_delete="RESTRICT", backref="+")
    scope = TextField()  # JSON {"buildings": [...], "places": [...], "departments": [...], "categories": [...]}
    scope_text = TextField()  # as a person reads it
    status = CharField(max_length=20, default="open", index=True)
    count_date = DateField()  # book values are taken on this date
    opened_at = DateTimeField()
    closed_at = DateTimeField(null=True)
    counter = CharField(max_length=100, null=True)  # 盘点人
    checker = CharField(max_length=100, null=True)  # 复核人
    custodian_sign = CharField(max_length=100, null=True)  # 保管人
    director = CharField(max_length=100, null=True)  # 总务主任
    principal = CharField(max_length=100, null=True)  # 校长
    signed_on = DateField(null=True)
    note = TextField(null=True)

    class Meta:
        table_name = "stocktake"

    def __str__(self) -> str:
        return f"{self.doc_no} {self.title}"


class StockTakeLine(BaseModel):
    """One expected asset, frozen at opening, and what the count found."""

    id = AutoField()
    stocktake = ForeignKeyField(StockTake, backref="lines", on_delete="RESTRICT")
    asset = ForeignKeyField(Asset, on_delete="RESTRICT", backref="+")
    asset_number = CharField(max_length=40)
    name = CharField(max_length=200)
    model_spec = CharField(max_length=200, null=True)
    unit = CharField(max_length=20, null=True)
    category_id = IntegerField(null=True)
    category_name = CharField(max_length=100, null=True)
    place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")  # expected place
    place_name = CharField(max_length=200, null=True)
    custodian_name = CharField(max_length=100, null=True)
    department_name = CharField(max_length=100, null=True)
    quantity = IntegerField(default=1)  # expected
    unit_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True, default=0)
    book_value = DecimalField(max_digits=16, decimal_places=2, auto_round=True, default=0)  # at count_date
    # the count
    counted_qty = IntegerField(null=True)  # None: not counted yet
    found_place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
    condition = CharField(max_length=20, null=True)  # good | damaged | needs_repair
    note = TextField(null=True)
    method = CharField(max_length=10, null=True)  # scan | tick | qty | match | loan (the loan slip was seen)
    counted_at = DateTimeField(null=True)
    # on closing
    result = CharField(max_length=20, null=True)  # found | misplaced | missing | partial | lent
    # applying (after sign-off)
    relocated_at = DateTimeField(null=True)
    shortage_at = DateTimeField(null=True)
    written_off_at = DateTimeField(null=True)
    damage_recorded_at = DateTimeField(null=True)
    repair_ref = IntegerField(null=True)
    # the asset record holding the shortage: the line's asset when all of it is missing, the units
    # split off a batch line when only some are (migration 0009)
    shortage_asset = IntegerField(null=True)

    class Meta:
        table_name = "stocktake_line"
        indexes = (
            (("stocktake", "asset_number"), True),
            (("stocktake", "place", "asset_number"), False),
            (("stocktake", "asset"), False),
        )


class StockTakeUnknown(BaseModel):
    """A number nobody expected (or an untagged item found): resolve it later."""

    id = AutoField()
    stocktake = ForeignKeyField(StockTake, backref="unknowns", on_delete="RESTRICT")
    code = CharField(max_length=100, null=True)  # what was scanned/typed (None: an untagged item)
    found_place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
    times = IntegerField(default=1)
    first_seen = DateTimeField()
    status = CharField(max_length=20, default="open")  # open | matched | surplus | dismissed
    matched_asset = ForeignKeyField(Asset, null=True, on_delete="RESTRICT", backref="+")
    # surplus (盘盈)
    name = CharField(max_length=200, null=True)
    category = ForeignKeyField(Category, null=True, on_delete="RESTRICT", backref="+")
    model_spec = CharField(max_length=200, null=True)
    unit = CharField(max_length=20, null=True)
    quantity = IntegerField(default=1)
    unit_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    note = TextField(null=True)
    registered_asset = ForeignKeyField(Asset, null=True, on_delete="RESTRICT", backref="+")
    # a registered asset from outside the scope, found here: moved on the books (migration 0009)
    relocated_at = DateTimeField(null=True)

    class Meta:
        table_name = "stocktake_unknown"
        indexes = ((("stocktake", "code"), False),)


class StockTakeScan(BaseModel):
    """Every scan or typed number, in order (the recent-scans list survives a restart)."""

    id = AutoField()
    stocktake = ForeignKeyField(StockTake, backref="scans", on_delete="RESTRICT")
    code = CharField(max_length=100)
    place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
    outcome = CharField(max_length=20)
    line = ForeignKeyField(StockTakeLine, null=True, on_delete="RESTRICT", backref="+")
    scanned_at = DateTimeField()

    class Meta:
        table_name = "stocktake_scan"
        indexes = ((("stocktake", "id"), False),)


MODELS = [StockTake, StockTakeLine, StockTakeUnknown, StockTakeScan]


def current() -> StockTake | None:
    """The stock-take being counted, if any (at most one is open)."""
    return StockTake.select().where(StockTake.status == "open").order_by(StockTake.id.desc()).first()


def progress(stocktake_id: int) -> tuple[int, int]:
    """(counted, expected) over the whole stock-take; “counted” = lines with a count entered."""
    q = StockTakeLine.select().where(StockTakeLine.stocktake == stocktake_id)
    total = q.count()
    counted = q.where(StockTakeLine.counted_qty.is_null(False)).count()
    return counted, total
