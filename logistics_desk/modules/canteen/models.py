"""Canteen food-sample retention (食品留样): tables (no Qt).

One ``CanteenSample`` row is one dish of one meal on one day together with its
retained sample: the menu is entered in advance (rows without sample data) and
the sample fields are filled when the sample is taken.  ``keep_until`` is
stored when the sample is recorded (taken_at + the retention hours in force),
so a later change of the setting never rewrites history.
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
from ...core.masterdata import Person

# meal key -> label (shown through tr()); the order is the order of the day
MEALS = {
    "breakfast": N_("Breakfast"),  # 早餐
    "lunch": N_("Lunch"),  # 午餐
    "dinner": N_("Dinner"),  # 晚餐
    "snack": N_("Extra meal"),  # 加餐
}
MEAL_ORDER = {key: i for i, key in enumerate(MEALS)}


class CanteenFridge(BaseModel):
    """A dedicated sample refrigerator (留样冰箱)."""

    id = AutoField()
    name = CharField(max_length=100, unique=True)
    location = CharField(max_length=200, null=True)
    min_temp = DecimalField(max_digits=5, decimal_places=1, null=True)  # None: the setting
    max_temp = DecimalField(max_digits=5, decimal_places=1, null=True)
    active = BooleanField(default=True)
    note = TextField(null=True)

    class Meta:
        table_name = "canteen_fridge"

    def __str__(self) -> str:
        return self.name


class CanteenDish(BaseModel):
    """The dish list: every dish name entered once is remembered."""

    id = AutoField()
    name = CharField(max_length=100, unique=True)
    use_count = IntegerField(default=0)
    last_used = DateField(null=True)
    active = BooleanField(default=True)

    class Meta:
        table_name = "canteen_dish"

    def __str__(self) -> str:
        return self.name


class CanteenSample(BaseModel):
    """A dish of a meal and its retained sample (留样记录)."""

    id = AutoField()
    number = CharField(max_length=40, unique=True)  # LY-20261123-0005, ASCII for the QR code
    day = DateField()
    meal = CharField(max_length=20)  # a key of MEALS
    sort_order = IntegerField(default=0)
    dish = ForeignKeyField(CanteenDish, null=True, backref="samples", on_delete="RESTRICT")
    dish_name = CharField(max_length=100)
    weight_g = IntegerField(null=True)
    taken_at = DateTimeField(null=True)
    taken_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    fridge = ForeignKeyField(CanteenFridge, null=True, backref="samples", on_delete="RESTRICT")
    container_no = CharField(max_length=40, null=True)
    retention_hours = IntegerField(null=True)
    keep_until = DateTimeField(null=True, index=True)
    entered_at = DateTimeField(null=True)  # when the sample was recorded (late-entry check)
    disposed_at = DateTimeField(null=True, index=True)
    disposed_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    disposal_note = TextField(null=True)
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    note = TextField(null=True)
    created_at = DateTimeField()
    # why the sampler was chosen although their health certificate was not valid that day (migration 0019)
    sampler_reason = TextField(null=True)

    class Meta:
        table_name = "canteen_sample"
        indexes = ((("day", "meal", "sort_order"), False),)

    @property
    def has_sample(self) -> bool:
        return self.weight_g is not None or self.taken_at is not None or self.taken_by_id is not None


class CanteenReading(BaseModel):
    """A fridge temperature reading; the allowed range in force is kept with it."""

    id = AutoField()
    fridge = ForeignKeyField(CanteenFridge, backref="readings", on_delete="RESTRICT")
    day = DateField(index=True)
    read_at = DateTimeField()
    temperature = DecimalField(max_digits=5, decimal_places=1)
    min_temp = DecimalField(max_digits=5, decimal_places=1)
    max_temp = DecimalField(max_digits=5, decimal_places=1)
    read_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    note = TextField(null=True)
    # out of range: what was done, when to read again, the repair ticket opened (its number)
    action = TextField(null=True)
    recheck_at = DateTimeField(null=True)
    repair_ticket = CharField(max_length=40, null=True)
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_reading"

    @property
    def out_of_range(self) -> bool:
        return self.temperature < self.min_temp or self.temperature > self.max_temp


class CanteenClosure(BaseModel):
    """A day the canteen does not serve (holiday, exam day off): no samples expected."""

    id = AutoField()
    day = DateField(unique=True)
    reason = CharField(max_length=200)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_closure"


MODELS = [CanteenFridge, CanteenDish, CanteenSample, CanteenReading, CanteenClosure]

# hygiene's ledgers (issue 18): disinfection, health certificates, morning checks, accompanied meals
from .hygiene_models import HYGIENE_MODELS  # noqa: E402

MODELS += HYGIENE_MODELS

# food-in (issue 18): receiving and the food store
from .food_models import FOOD_MODELS  # noqa: E402

MODELS += FOOD_MODELS
