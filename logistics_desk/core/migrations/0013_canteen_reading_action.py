"""Canteen: what was done about a fridge reading out of range.

``canteen_reading.action``: the corrective action (door closed, samples moved...);
``recheck_at``: when the fridge is to be read again; ``repair_ticket``: the number of
the repair ticket opened for it (WX-2026-0012), text so the canteen does not depend on
the repair log's tables. Empty for readings in range and for readings recorded before
this step.

Frozen field definitions; a column that already exists is left alone (idempotent).
"""
from peewee import CharField, DateTimeField, TextField


def up(migrator, db):
    wanted = (
        ("canteen_reading", "action", TextField(null=True)),
        ("canteen_reading", "recheck_at", DateTimeField(null=True)),
        ("canteen_reading", "repair_ticket", CharField(max_length=40, null=True)),
    )
    for table, column, field in wanted:
        existing = {c.name for c in db.get_columns(table)}
        if column not in existing:
            migrator.migrate(migrator.add_column(table, column, field))
