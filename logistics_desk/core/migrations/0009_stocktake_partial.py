"""Stock-take: a partial shortage of a batch line, and assets from outside the scope found in it.

``stocktake_line.shortage_asset``: the asset record that holds a line's shortage
(the line's own asset when all of it is missing; the part split off a batch
line when only some units are missing), written off when the shortage is approved.
``stocktake_unknown.relocated_at``: when an asset from outside the stock-take's
scope, found in one of its rooms, was moved on the books to where it was found.

Frozen field definitions; a column that already exists is left alone (idempotent).
"""
from peewee import DateTimeField, IntegerField


def up(migrator, db):
    wanted = (
        ("stocktake_line", "shortage_asset", IntegerField(null=True)),
        ("stocktake_unknown", "relocated_at", DateTimeField(null=True)),
    )
    for table, column, field in wanted:
        existing = {c.name for c in db.get_columns(table)}
        if column not in existing:
            migrator.migrate(migrator.add_column(table, column, field))
