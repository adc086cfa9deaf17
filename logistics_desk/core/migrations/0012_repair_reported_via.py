"""Repairs: how a report came in.

``repair_ticket.reported_via``: slip (报修单), phone (电话), in_person (当面) or
other; empty for tickets opened by an inspection or another module, and for
tickets recorded before this step.

Frozen field definitions; a column that already exists is left alone (idempotent).
"""
from peewee import CharField


def up(migrator, db):
    wanted = (
        ("repair_ticket", "reported_via", CharField(max_length=20, null=True)),
    )
    for table, column, field in wanted:
        existing = {c.name for c in db.get_columns(table)}
        if column not in existing:
            migrator.migrate(migrator.add_column(table, column, field))
