"""Accounts and roles (core/accounts.py): one row per person who logs in, with a role and a scrypt hash.

Used only when accounts are turned on (setting ``accounts.enabled``); the table is empty otherwise.
Frozen field definitions; a table that already exists is left alone (idempotent).
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

    class Account(Base):
        id = AutoField()
        name = CharField(max_length=50, unique=True)
        role = CharField(max_length=20)
        person = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
        password_hash = TextField()
        password_set_at = DateTimeField()
        active = BooleanField(default=True)
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "account"

    db.create_tables([Account], safe=True)
