"""Canteen hygiene ledgers (issue 18): disinfection of tableware (餐用具消毒), canteen workers' health
certificates (健康证), morning checks (晨检) and accompanied meals (陪餐); and on a sample the reason
written when its sampler's certificate was not valid (``canteen_sample.sampler_reason``).

Frozen field definitions; tables and columns that already exist are left alone (idempotent).
"""
from peewee import *


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Person(Base):
        class Meta:
            table_name = "person"

    class CanteenDisinfection(Base):
        id = AutoField()
        day = DateField(index=True)
        meal = CharField(max_length=20)
        items = CharField(max_length=100)
        method = CharField(max_length=20)
        concentration = CharField(max_length=60, null=True)
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

    class CanteenHealthCert(Base):
        id = AutoField()
        person = ForeignKeyField(Person, unique=True, backref="+", on_delete="RESTRICT")
        number = CharField(max_length=60)
        issued_on = DateField(null=True)
        expires_on = DateField()
        note = TextField(null=True)
        updated_at = DateTimeField()

        class Meta:
            table_name = "canteen_health_cert"

    class CanteenMorningCheck(Base):
        id = AutoField()
        day = DateField(index=True)
        person = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
        present = BooleanField(default=True)
        fever = BooleanField(default=False)
        diarrhoea = BooleanField(default=False)
        hand_wound = BooleanField(default=False)
        sore_throat = BooleanField(default=False)
        fit = BooleanField(default=True)
        action = TextField(null=True)
        cert_number = CharField(max_length=60, null=True)
        cert_expires = DateField(null=True)
        checked_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
        checked_at = DateTimeField()
        voided = BooleanField(default=False)
        void_reason = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_morning_check"
            indexes = ((("day", "person"), False),)

    class CanteenAccompany(Base):
        id = AutoField()
        day = DateField(index=True)
        meal = CharField(max_length=20)
        leader = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
        dishes = TextField(null=True)
        quality = TextField(null=True)
        quantity = TextField(null=True)
        hygiene = TextField(null=True)
        price = TextField(null=True)
        action = TextField(null=True)
        voided = BooleanField(default=False)
        void_reason = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_accompany"

    db.create_tables([CanteenDisinfection, CanteenHealthCert, CanteenMorningCheck, CanteenAccompany], safe=True)
    existing = {c.name for c in db.get_columns("canteen_sample")}
    if "sampler_reason" not in existing:
        migrator.migrate(migrator.add_column("canteen_sample", "sampler_reason", TextField(null=True)))
