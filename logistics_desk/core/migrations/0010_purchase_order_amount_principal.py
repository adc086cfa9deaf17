"""Purchases: the ordered amount of each line, and the principal's signature at acceptance.

``purchase_line.order_amount``: the line's share of the order, so that the
lines add up to the chosen quote to the fen even when quantity × a unit price
in whole fen cannot (the unit price shown is then this amount / quantity, rounded).
``purchase_acceptance.principal`` / ``principal_signed_on``: the principal
(校长) who signed the request before the goods were accepted.

Frozen field definitions; a column that already exists is left alone (idempotent).
"""
from peewee import CharField, DateField, DecimalField


def up(migrator, db):
    wanted = (
        ("purchase_line", "order_amount", DecimalField(max_digits=16, decimal_places=2, auto_round=True, null=True)),
        ("purchase_acceptance", "principal", CharField(max_length=100, null=True)),
        ("purchase_acceptance", "principal_signed_on", DateField(null=True)),
    )
    for table, column, field in wanted:
        existing = {c.name for c in db.get_columns(table)}
        if column not in existing:
            migrator.migrate(migrator.add_column(table, column, field))
