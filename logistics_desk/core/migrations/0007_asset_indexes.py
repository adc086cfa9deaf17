"""Indexes that keep the asset register's list, filters, sorts and overdue-loan list fast at 50,000 rows."""
from peewee import *


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    # Frozen stubs: only the columns the new indexes cover (the tables exist since 0002).
    class Asset(Base):
        model_spec = CharField(max_length=200, null=True)
        unit = CharField(max_length=20)
        quantity = IntegerField()
        unit_price = DecimalField(max_digits=14, decimal_places=2)
        amount = DecimalField(max_digits=16, decimal_places=2)
        warranty_end = DateField(null=True)
        brand = CharField(max_length=100, null=True)
        source = CharField(max_length=20)
        status = CharField(max_length=20)
        category_id = IntegerField()

        class Meta:
            table_name = "asset"
            indexes = (
                (("model_spec",), False),
                (("unit",), False),
                (("quantity",), False),
                (("unit_price",), False),
                (("amount",), False),
                (("warranty_end",), False),
                (("brand",), False),
                (("source",), False),
                (("category_id", "status"), False),
            )

    class AssetLoan(Base):
        asset_id = IntegerField()
        returned_on = DateField(null=True)
        due_on = DateField()

        class Meta:
            table_name = "asset_loan"
            indexes = (
                (("asset_id", "returned_on"), False),
                (("returned_on", "due_on"), False),
            )

    class AssetEvent(Base):
        asset_id = IntegerField()
        event_date = DateField()

        class Meta:
            table_name = "asset_event"
            indexes = ((("asset_id", "event_date"), False),)

    for model in (Asset, AssetLoan, AssetEvent):
        model._schema.create_indexes(safe=True)
