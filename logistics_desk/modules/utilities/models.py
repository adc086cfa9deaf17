"""Utilities and running costs (水电费用): meters and accounts, readings, bills, flags (no Qt)."""

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
from ...core.masterdata import Department, Place

# what a meter or account measures; the first three are read from a meter
KINDS = {
    "electricity": N_("Electricity"),  # 电
    "water": N_("Water"),  # 水
    "gas": N_("Gas"),  # 燃气
    "phone": N_("Telephone"),  # 电话
    "network": N_("Network"),  # 网络
    "printing": N_("Printing and copying"),  # 打印复印
}
METERED_KINDS = ("electricity", "water", "gas")
UNITS = {"electricity": N_("kWh"), "water": N_("t"), "gas": N_("m³")}
# a reading is normal, or the first of a new meter (change), or the meter went past its highest figure
READING_KINDS = {
    "normal": N_("Normal"),
    "change": N_("Meter change"),  # 换表
    "rollover": N_("Rollover"),  # 翻转 / 满度归零
}
FLAG_KINDS = {
    "jump_year": N_("Above the same month last year"),
    "jump_recent": N_("Above the three months before"),
    "rest_day": N_("Use on holidays or weekends"),
    "submeter": N_("Sub-meters do not add up to the main meter"),
}
FLAG_STATUSES = {"new": N_("New"), "ticket": N_("Repair ticket opened"), "dismissed": N_("Dismissed"),
                 "cleared": N_("No longer found")}


class Meter(BaseModel):
    """A meter (water, electricity, gas; main or sub-meter of a building) or an account without a meter
    (telephone and network lines, printing per department or machine)."""

    id = AutoField()
    kind = CharField(max_length=20, index=True)
    name = CharField(max_length=100, unique=True)
    number = CharField(max_length=50, null=True)  # the meter's or account's number (户号)
    building = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
    department = ForeignKeyField(Department, null=True, on_delete="RESTRICT", backref="+")
    parent = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="children")  # the main meter
    multiplier = DecimalField(max_digits=10, decimal_places=2, auto_round=True, default=1)  # 倍率 (CT meters)
    sort_order = IntegerField(default=0)  # the order the meters are walked in
    active = BooleanField(default=True)
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "utility_meter"

    @property
    def metered(self) -> bool:
        return self.kind in METERED_KINDS

    def __str__(self) -> str:
        return self.name


class Reading(BaseModel):
    """One reading of a meter. ``consumption`` is computed by the service (times the multiplier), never typed:
    None for a meter's first reading."""

    id = AutoField()
    meter = ForeignKeyField(Meter, on_delete="RESTRICT", backref="readings")
    read_on = DateField()
    value = DecimalField(max_digits=14, decimal_places=2, auto_round=True)
    kind = CharField(max_length=10, default="normal")  # READING_KINDS
    start_value = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)  # change/rollover
    old_final = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)  # change: old meter's last
    consumption = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
    note = TextField(null=True)
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "utility_reading"
        indexes = ((("meter", "read_on"), False),)


class Bill(BaseModel):
    """A bill of one account (a main meter or an account without a meter) for one month."""

    id = AutoField()
    meter = ForeignKeyField(Meter, on_delete="RESTRICT", backref="bills")
    month = CharField(max_length=7, index=True)  # YYYY-MM
    amount = DecimalField(max_digits=14, decimal_places=2, auto_round=True)
    quantity = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)  # billed 度/吨/m³
    unit_price = DecimalField(max_digits=12, decimal_places=4, auto_round=True, null=True)
    paid_on = DateField(null=True)
    invoice = CharField(max_length=50, null=True)
    note = TextField(null=True)
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "utility_bill"
        indexes = ((("meter", "month"), False),)


class Flag(BaseModel):
    """Waste found early: one finding for a meter and a month (or a day)."""

    id = AutoField()
    kind = CharField(max_length=20)  # FLAG_KINDS
    meter = ForeignKeyField(Meter, on_delete="RESTRICT", backref="flags")
    month = CharField(max_length=7, index=True)
    day = DateField(null=True)  # rest_day: the reading's day
    value = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)  # what was used
    expected = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)  # what it is compared with
    status = CharField(max_length=12, default="new", index=True)  # FLAG_STATUSES
    ticket_id = IntegerField(null=True)
    ticket_number = CharField(max_length=20, null=True)
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "utility_flag"
        indexes = ((("meter", "kind", "month", "day"), False),)


MODELS = [Meter, Reading, Bill, Flag]
