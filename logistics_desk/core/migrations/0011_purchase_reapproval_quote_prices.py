"""Purchases: a signature given again at ordering, quotes corrected or voided, a quote's unit prices.

``purchase_approval.stage`` / ``amount``: a signature given again when the order
costs more than was approved (stage "order"), and the amount signed for.
``purchase_quote.voided_at`` / ``void_reason``: a quote removed before the order,
kept with its reason. ``purchase_quote_price``: a quote's unit price per request line.

Frozen field definitions; a column or table that already exists is left alone (idempotent).
"""
from peewee import (
    AutoField,
    CharField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    Model,
    TextField,
)


def up(migrator, db):
    wanted = (
        ("purchase_approval", "stage", CharField(max_length=20, null=True)),
        ("purchase_approval", "amount", DecimalField(max_digits=16, decimal_places=2, auto_round=True, null=True)),
        ("purchase_quote", "voided_at", DateTimeField(null=True)),
        ("purchase_quote", "void_reason", TextField(null=True)),
    )
    for table, column, field in wanted:
        existing = {c.name for c in db.get_columns(table)}
        if column not in existing:
            migrator.migrate(migrator.add_column(table, column, field))

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class PurchaseQuote(Base):
        class Meta:
            table_name = "purchase_quote"

    class PurchaseLine(Base):
        class Meta:
            table_name = "purchase_line"

    class PurchaseQuotePrice(Base):
        id = AutoField()
        quote = ForeignKeyField(PurchaseQuote, backref="prices", on_delete="RESTRICT", index=True)
        line = ForeignKeyField(PurchaseLine, backref="+", on_delete="RESTRICT")
        unit_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True)

        class Meta:
            table_name = "purchase_quote_price"

    db.create_tables([PurchaseQuotePrice], safe=True)
