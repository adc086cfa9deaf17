"""Canteen (issue 18): one rule for who may handle food, and an issue to the kitchen voided.

``canteen_delivery.receiver_problem`` / ``receiver_reason``: a receiver without a valid health
certificate (or sent home by that day's morning check) is chosen only with a written reason, as
the sampler is; the problem as it stood that day and the reason are kept and printed.
``canteen_food_issue.voided`` / ``void_reason`` / ``voided_at``: an issue recorded by mistake is
voided with its reason (its lots restored), never deleted.

Frozen field definitions; a column that already exists is left alone (idempotent).
"""
from peewee import BooleanField, DateTimeField, TextField


def up(migrator, db):
    wanted = (
        ("canteen_delivery", "receiver_problem", TextField(null=True)),
        ("canteen_delivery", "receiver_reason", TextField(null=True)),
        ("canteen_food_issue", "voided", BooleanField(default=False)),
        ("canteen_food_issue", "void_reason", TextField(null=True)),
        ("canteen_food_issue", "voided_at", DateTimeField(null=True)),
    )
    for table, column, field in wanted:
        existing = {c.name for c in db.get_columns(table)}
        if column not in existing:
            migrator.migrate(migrator.add_column(table, column, field))
