"""Opening the database: one SQLite file, WAL, foreign keys on.

Everything SQLite-specific lives here (and in backup.py); the rest of the
program uses peewee's query builder only, so it would run on PostgreSQL too.
"""

from __future__ import annotations

import os
from pathlib import Path

from peewee import DatabaseProxy, Model, SqliteDatabase

from .paths import DEFAULT_DB

database = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -32000,
}


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


def record_or_none(model, value):
    """``value`` as a ``model`` record: a record, an id (int or text) or nothing -> the record or None."""
    if value in (None, "", 0):
        return None
    if isinstance(value, model):
        return value
    try:
        return model.get_or_none(model.id == int(value))
    except (TypeError, ValueError):
        return None


def resolve_path(path: str | os.PathLike | None = None) -> Path:
    """``--db PATH`` wins, then ``LOGISTICS_DESK_DB``, then data/logistics.db."""
    if path:
        return Path(path).expanduser().resolve()
    env = os.environ.get("LOGISTICS_DESK_DB")
    if env:
        return Path(env).expanduser().resolve()
    return DEFAULT_DB


_current_path: Path | None = None


def current_path() -> Path | None:
    return _current_path


def open_database(path: str | os.PathLike | None = None, *, migrate: bool = True, backup: bool = True) -> SqliteDatabase:
    """Open (creating if needed) and migrate the database; returns it.

    Raises ``DatabaseTooNew`` (from migrations) for a file written by a newer
    version of the program, before anything is changed.
    """
    global _current_path
    close_database()
    target = resolve_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    db = SqliteDatabase(str(target), pragmas=PRAGMAS)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    _current_path = target
    if migrate:
        from .migrations import migrate as run_migrations

        try:
            run_migrations(db, backup=backup)
        except Exception:
            close_database()
            raise
    return db


def close_database() -> None:
    global _current_path
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
    _current_path = None


def integrity_problems() -> list[str]:
    rows = database.execute_sql("PRAGMA integrity_check").fetchall()
    return [r[0] for r in rows if r[0] != "ok"]


def set_user_version(value: int) -> None:
    database.execute_sql(f"PRAGMA user_version = {int(value)}")


def user_version() -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])
