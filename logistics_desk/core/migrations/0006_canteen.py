"""Canteen food-sample retention: fridges, the dish list, samples, fridge readings, closed days."""
from peewee import *


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Person(Base):
        class Meta:
            table_name = "person"

    class CanteenFridge(Base):
        id = AutoField()
        name = CharField(max_length=100, unique=True)
        location = CharField(max_length=200, null=True)
        min_temp = DecimalField(max_digits=5, decimal_places=1, null=True)
        max_temp = DecimalField(max_digits=5, decimal_places=1, null=True)
        active = BooleanField(default=True)
        note = TextField(null=True)

        class Meta:
            table_name = "canteen_fridge"

    class CanteenDish(Base):
        id = AutoField()
        name = CharField(max_length=100, unique=True)
        use_count = IntegerField(default=0)
        last_used = DateField(null=True)
        active = BooleanField(default=True)

        class Meta:
            table_name = "canteen_dish"

    class CanteenSample(Base):
        id = AutoField()
        number = CharField(max_length=40, unique=True)
        day = DateField()
        meal = CharField(max_length=20)
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
        entered_at = DateTimeField(null=True)
        disposed_at = DateTimeField(null=True, index=True)
        disposed_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
        disposal_note = TextField(null=True)
        voided = BooleanField(default=False)
        void_reason = TextField(null=True)
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_sample"
            indexes = ((("day", "meal", "sort_order"), False),)

    class CanteenReading(Base):
        id = AutoField()
        fridge = ForeignKeyField(CanteenFridge, backref="readings", on_delete="RESTRICT")
        day = DateField(index=True)
        read_at = DateTimeField()
        temperature = DecimalField(max_digits=5, decimal_places=1)
        min_temp = DecimalField(max_digits=5, decimal_places=1)
        max_temp = DecimalField(max_digits=5, decimal_places=1)
        read_by = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
        note = TextField(null=True)
        voided = BooleanField(default=False)
        void_reason = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_reading"

    class CanteenClosure(Base):
        id = AutoField()
        day = DateField(unique=True)
        reason = CharField(max_length=200)
        created_at = DateTimeField()

        class Meta:
            table_name = "canteen_closure"

    db.create_tables([CanteenFridge, CanteenDish, CanteenSample, CanteenReading, CanteenClosure], safe=True)
