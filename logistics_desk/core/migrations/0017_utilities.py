"""Utilities and running costs (水电费用): meters and accounts, readings, bills and waste flags.

Frozen field definitions; tables that already exist are left alone (idempotent).
"""
from peewee import *


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Department(Base):
        class Meta:
            table_name = "department"

    class Place(Base):
        class Meta:
            table_name = "place"

    class Meter(Base):
        id = AutoField()
        kind = CharField(max_length=20, index=True)
        name = CharField(max_length=100, unique=True)
        number = CharField(max_length=50, null=True)
        building = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
        department = ForeignKeyField(Department, null=True, on_delete="RESTRICT", backref="+")
        parent = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="children")
        multiplier = DecimalField(max_digits=10, decimal_places=2, auto_round=True, default=1)
        sort_order = IntegerField(default=0)
        active = BooleanField(default=True)
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "utility_meter"

    class Reading(Base):
        id = AutoField()
        meter = ForeignKeyField(Meter, on_delete="RESTRICT", backref="readings")
        read_on = DateField()
        value = DecimalField(max_digits=14, decimal_places=2, auto_round=True)
        kind = CharField(max_length=10, default="normal")
        start_value = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
        old_final = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
        consumption = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
        note = TextField(null=True)
        voided = BooleanField(default=False)
        void_reason = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "utility_reading"
            indexes = ((("meter", "read_on"), False),)

    class Bill(Base):
        id = AutoField()
        meter = ForeignKeyField(Meter, on_delete="RESTRICT", backref="bills")
        month = CharField(max_length=7, index=True)
        amount = DecimalField(max_digits=14, decimal_places=2, auto_round=True)
        quantity = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
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

    class Flag(Base):
        id = AutoField()
        kind = CharField(max_length=20)
        meter = ForeignKeyField(Meter, on_delete="RESTRICT", backref="flags")
        month = CharField(max_length=7, index=True)
        day = DateField(null=True)
        value = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
        expected = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
        status = CharField(max_length=12, default="new", index=True)
        ticket_id = IntegerField(null=True)
        ticket_number = CharField(max_length=20, null=True)
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "utility_flag"
            indexes = ((("meter", "kind", "month", "day"), False),)

    db.create_tables([Meter, Reading, Bill, Flag], safe=True)
