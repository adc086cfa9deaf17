"""Canteen receiving (进货查验) and the food store (食品仓库): supplier licences, deliveries
and their lines, food items, lots, movements, issues to the kitchen, month-end counts.

Frozen field definitions; tables that already exist are left alone (idempotent).
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

    class Supplier(Base):
        class Meta:
            table_name = "supplier"

    def qty(**kw):
        return DecimalField(max_digits=14, decimal_places=3, auto_round=True, **kw)

    class Licence(Base):
        id = AutoField()
        supplier = ForeignKeyField(Supplier, unique=True, backref="+", on_delete="RESTRICT")
        licence_no = CharField(max_length=60)
        valid_until = DateField(null=True)
        note = TextField(null=True)
        updated_at = DateTimeField()

        class Meta:
            table_name = "canteen_supplier_licence"

    class Item(Base):
        id = AutoField()
        name = CharField(max_length=100, unique=True)
        unit = CharField(max_length=20, default="kg")
        storage = CharField(max_length=10, default="ambient")
        shelf_days = IntegerField(null=True)
        active = BooleanField(default=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_food_item"

    class Delivery(Base):
        id = AutoField()
        number = CharField(max_length=40, unique=True)
        day = DateField(index=True)
        delivered_at = DateTimeField()
        supplier = ForeignKeyField(Supplier, backref="+", on_delete="RESTRICT")
        supplier_name = CharField(max_length=200)
        licence_no = CharField(max_length=60, null=True)
        licence_until = DateField(null=True)
        licence_reason = TextField(null=True)
        receiver1 = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
        receiver2 = ForeignKeyField(Person, backref="+", on_delete="RESTRICT")
        note = TextField(null=True)
        voided = BooleanField(default=False)
        void_reason = TextField(null=True)
        voided_at = DateTimeField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_delivery"

    class Line(Base):
        id = AutoField()
        delivery = ForeignKeyField(Delivery, backref="lines", on_delete="RESTRICT", index=True)
        seq = IntegerField(default=1)
        item = ForeignKeyField(Item, backref="+", on_delete="RESTRICT")
        item_name = CharField(max_length=100)
        quantity = qty()
        unit = CharField(max_length=20)
        produced_on = DateField(null=True)
        shelf_days = IntegerField(null=True)
        use_by = DateField(null=True)
        batch = CharField(max_length=60, null=True)
        papers = CharField(max_length=200, null=True)
        storage = CharField(max_length=10, default="ambient")
        appearance_ok = BooleanField(default=True)
        smell_ok = BooleanField(default=True)
        temperature = DecimalField(max_digits=5, decimal_places=1, null=True)
        accepted = BooleanField(default=True)
        refuse_reason = TextField(null=True)

        class Meta:
            table_name = "canteen_delivery_line"

    class Issue(Base):
        id = AutoField()
        number = CharField(max_length=40, unique=True)
        day = DateField(index=True)
        meal = CharField(max_length=20)
        taken_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_food_issue"

    class Count(Base):
        id = AutoField()
        month = CharField(max_length=7, unique=True)
        number = CharField(max_length=40, unique=True)
        counted_on = DateField()
        counted_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_food_count"

    class Lot(Base):
        id = AutoField()
        item = ForeignKeyField(Item, backref="lots", on_delete="RESTRICT")
        line = ForeignKeyField(Line, null=True, unique=True, backref="+", on_delete="RESTRICT")
        received_on = DateField()
        use_by = DateField(null=True)
        batch = CharField(max_length=60, null=True)
        quantity = qty()
        remaining = qty()
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_food_lot"
            indexes = ((("item", "use_by"), False),)

    class Movement(Base):
        id = AutoField()
        lot = ForeignKeyField(Lot, backref="movements", on_delete="RESTRICT")
        item = ForeignKeyField(Item, backref="+", on_delete="RESTRICT", index=True)
        kind = CharField(max_length=10)
        quantity = qty()
        moved_on = DateField(index=True)
        delivery = ForeignKeyField(Delivery, null=True, backref="+", on_delete="RESTRICT")
        issue = ForeignKeyField(Issue, null=True, backref="movements", on_delete="RESTRICT")
        count = ForeignKeyField(Count, null=True, backref="+", on_delete="RESTRICT")
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_food_movement"

    class CountLine(Base):
        id = AutoField()
        count = ForeignKeyField(Count, backref="lines", on_delete="RESTRICT", index=True)
        item = ForeignKeyField(Item, backref="+", on_delete="RESTRICT")
        book_qty = qty()
        counted_qty = qty()
        difference = qty()
        reason = TextField(null=True)

        class Meta:
            table_name = "canteen_food_count_line"

    db.create_tables([Licence, Item, Delivery, Line, Issue, Count, Lot, Movement, CountLine], safe=True)
