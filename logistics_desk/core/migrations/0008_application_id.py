"""Mark the file as Logistics Desk's own: SQLite's application_id (file header, offset 68).

Restore refuses a file without this mark (a plain SQLite file, another program's
database). Files created from now on carry it from the start (core/db.py); this
step marks the files created before. Frozen here: 0x4C44534B is "LDSK", equal to
``logistics_desk.core.db.APPLICATION_ID`` (a test keeps the two equal).
"""

APPLICATION_ID = 0x4C44534B


def up(migrator, db):
    from peewee import SqliteDatabase

    if not isinstance(db, SqliteDatabase):  # a server database has no file header to mark
        return
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
