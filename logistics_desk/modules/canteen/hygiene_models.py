"""Canteen hygiene ledgers (issue 18): tables (no Qt).

- ``CanteenDisinfection`` — 餐用具消毒: one row per meal and item group cleaned (tableware, containers,
  boards, the sample containers), the method (heat, steam, disinfection cabinet, chemical with its
  concentration), start time, duration, the person.
- ``CanteenHealthCert`` — 健康证: the certificate number and expiry of a canteen worker (one row per
  person; core's Person knows nothing of the canteen).
- ``CanteenMorningCheck`` — 晨检: one row per worker per day: present, the four checks, fit for work or
  sent home, the certificate's expiry as it was that day.
- ``CanteenAccompany`` — 陪餐: a school leader eating with the students, what was eaten, the remarks and
  what was done about them.

Records are voided with a reason, never deleted.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ...core.db import BaseModel
from ...core.i18n import N_
from ...core.masterdata import Person

# what was cleaned -> label
DISINFECT_ITEMS = {
    "tableware": N_("Tableware"),  # 餐具
    "containers": N_("Food containers"),  # 盛放容器
    "boards": N_("Chopping boards and knives"),  # 砧板刀具
    "sample_boxes": N_("Sample containers"),  # 留样盒
}
# method -> label
DISINFECT_METHODS = {
    "heat": N_("Boiling"),  # 煮沸
    "steam": N_("Steam"),  # 蒸汽
    "cabinet": N_("Disinfection cabinet"),  # 消毒柜
    "chemical": N_("Chemical"),  # 化学消毒（含浓度）
}


class CanteenDisinfection(BaseModel):
    """One disinfection of one meal's items (餐用具消毒记录)."""

    id = AutoField()
    day = DateField(index=True)
    meal = CharField(max_length=20)  # a key of models.MEALS
    items = CharField(max_length=100)  # comma-separated keys of DISINFECT_ITEMS
    method = CharField(max_length=20)  # a key of DISINFECT_METHODS
    concentration = CharField(max_length=60, null=True)  # chemical only, e.g. 250 mg/L 含氯
    started_at = DateTimeField()
    minutes = IntegerField()
    person = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
    note = TextField(null=True)
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_disinfection"
        indexes = ((("day", "meal"), False),)


class CanteenHealthCert(BaseModel):
    """A canteen worker's health certificate (健康证): number and expiry."""

    id = AutoField()
    person = ForeignKeyField(Person, unique=True, backref="+", on_delete="RESTRICT")
    number = CharField(max_length=60)
    issued_on = DateField(null=True)
    expires_on = DateField()
    note = TextField(null=True)
    updated_at = DateTimeField()

    class Meta:
        table_name = "canteen_health_cert"


class CanteenMorningCheck(BaseModel):
    """A worker's morning health check (晨检) on one day."""

    id = AutoField()
    day = DateField(index=True)
    person = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
    present = BooleanField(default=True)
    fever = BooleanField(default=False)
    diarrhoea = BooleanField(default=False)
    hand_wound = BooleanField(default=False)  # skin wounds or infections of the hands
    sore_throat = BooleanField(default=False)
    fit = BooleanField(default=True)  # False: sent home (or moved off food handling)
    action = TextField(null=True)  # what was done (sent home, to the doctor...)
    cert_number = CharField(max_length=60, null=True)  # the certificate as it was that day
    cert_expires = DateField(null=True)
    checked_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
    checked_at = DateTimeField()
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_morning_check"
        indexes = ((("day", "person"), False),)


class CanteenAccompany(BaseModel):
    """A school leader's accompanied meal (陪餐记录)."""

    id = AutoField()
    day = DateField(index=True)
    meal = CharField(max_length=20)
    leader = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
    dishes = TextField(null=True)  # what was eaten
    quality = TextField(null=True)
    quantity = TextField(null=True)
    hygiene = TextField(null=True)
    price = TextField(null=True)
    action = TextField(null=True)  # what was done about the remarks
    voided = BooleanField(default=False)
    void_reason = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "canteen_accompany"


HYGIENE_MODELS = [CanteenDisinfection, CanteenHealthCert, CanteenMorningCheck, CanteenAccompany]
