"""Numbered schema steps, run with peewee's ``playhouse.migrations`` runner.

Each file ``NNNN_name.py`` here defines ``up(migrator, db)`` with frozen field
definitions (never the live models), is idempotent, and runs in one
transaction. A database that has steps this program does not know was
written by a newer version and is refused before anything is touched.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import UserError
from ..i18n import tr

DIRECTORY = Path(__file__).resolve().parent
HISTORY_TABLE = "schema_migration"


class DatabaseTooNew(UserError):
    pass


def _playhouse():
    """playhouse's migrations module, imported only when a step may have to run (not at every start: with its
    migrator and that one's PostgreSQL extensions it is ~10 ms), psycopg hidden as at the first import."""
    from .. import _import_without_psycopg

    _import_without_psycopg(("playhouse.migrations",))
    import playhouse.migrations

    return playhouse.migrations


def runner(db):
    return _playhouse().Runner(db, directory=str(DIRECTORY), table_name=HISTORY_TABLE)


def known_steps() -> list[str]:
    """The steps' names in their order (as playhouse's runner orders them), without loading it."""
    return sorted(_step_names(), key=lambda name: (_index(name), name))


def runner_for_listing():
    return _playhouse().Migration.load_directory(str(DIRECTORY))


def _step_names() -> set[str]:
    """The steps' names as playhouse's ``Migration.load_directory`` finds them (files ``[0-9]*.py``)."""
    return {entry.name[:-3] for entry in os.scandir(DIRECTORY)
            if entry.name[:1].isdigit() and entry.name.endswith(".py")}


def up_to_date(db) -> bool:
    """Every step of this program applied, none it does not know, the schema version not newer than its own:
    nothing to run or refuse (the start of every day), seen with one query and without playhouse's runner."""
    if HISTORY_TABLE not in db.get_tables():
        return False
    applied = {name for (name,) in db.execute_sql(f'SELECT "name" FROM "{HISTORY_TABLE}"').fetchall()}
    names = _step_names()
    if applied != names:
        return False
    from ..engine import engine_of

    return engine_of(db).schema_version(db) <= latest_index()


def _index(name: str) -> int:
    """A step's number, as playhouse reads it (its leading digits)."""
    match = re.match(r"\d+", name)
    return int(match.group()) if match is not None else -1


def latest_index() -> int:
    return max((_index(name) for name in _step_names()), default=0)


def check_not_too_new(db) -> None:
    run = runner(db)
    applied = run.applied()
    known = {m.name for m in run.migrations()}
    unknown = sorted(set(applied) - known)
    from ..engine import engine_of

    version = engine_of(db).schema_version(db)
    if unknown or version > latest_index():
        raise DatabaseTooNew(
            tr(
                "This database was written by a newer version of Logistics Desk "
                "(schema {theirs}; this program knows schema {ours}). "
                "It has not been opened or changed. Please install the newer version."
            ).format(theirs=max(version, latest_index() + len(unknown)), ours=latest_index())
        )


def pending(db) -> list[str]:
    return [m.name for m in runner(db).status() if not m.applied and m.path]


def migrate(db, *, backup: bool = True) -> list[str]:
    """Bring the schema up to date; back up first when a used file changes."""
    if up_to_date(db):
        return []
    check_not_too_new(db)
    todo = pending(db)
    if not todo:
        return []
    run = runner(db)
    if backup and run.applied():
        from .. import backup as backups

        backups.make_backup(kind="premigrate")
    applied = run.up()
    from ..engine import engine_of

    engine_of(db).set_schema_version(db, latest_index())
    return applied
