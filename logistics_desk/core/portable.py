"""Copying a whole database between the engines: the portable backup of a server database, a restore
onto a server, and moving a school's SQLite file up to a server (``move-db``).

The portable format is this program's own SQLite file (application_id, user_version, the same schema
as a file the program made): every check and restore tool works on it. A copy takes every table of
the schema in id order, with the ids as they are, so the change record and every reference stays
the same; on PostgreSQL the id sequences are then set past the largest ids.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from pathlib import Path

from peewee import SqliteDatabase

from . import db, engine
from .errors import UserError
from .i18n import join_clauses, tr

log = logging.getLogger(__name__)

BATCH = 1000


def _columns(database, table: str) -> list[str]:
    return [c.name for c in database.get_columns(table)]


def _order(database, table: str, columns: list[str]) -> str:
    if "id" in columns:
        return ' ORDER BY "id"'
    return " ORDER BY " + ", ".join(f'"{c}"' for c in columns) if columns else ""


def _boolean_columns(database, table: str) -> set[str]:
    if not isinstance(database, db.ServerDatabase):
        return set()
    return {c.name for c in database.get_columns(table) if c.data_type.lower() == "boolean"}


def _defer_foreign_keys(target) -> None:
    """Rows go in table by table, so references are checked at COMMIT: the foreign keys are made
    DEFERRABLE (still checked at each statement unless a transaction defers them, as this one does)."""
    rows = target.execute_sql(
        "SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c "
        "JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE c.contype = 'f' AND NOT c.condeferrable AND n.nspname = current_schema()").fetchall()
    for table, name in rows:
        target.execute_sql(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" DEFERRABLE INITIALLY IMMEDIATE')
    target.execute_sql("SET CONSTRAINTS ALL DEFERRED")


def copy_rows(source, target, progress=None) -> dict[str, int]:
    """Every row of every table both schemas have, from ``source`` into ``target`` (a migrated database
    whose rows are first removed), in id order; returns the rows copied per table. One transaction on
    the target; its sequences are set past the largest ids."""
    tables = [t for t in source.get_tables() if t in set(target.get_tables()) and not t.startswith("sqlite_")]
    counts: dict[str, int] = {}
    with target.atomic():
        if isinstance(target, db.ServerDatabase):
            _defer_foreign_keys(target)
            quoted = ", ".join(f'"{t}"' for t in target.get_tables())
            target.execute_sql(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        else:
            target.execute_sql("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                target.execute_sql(f'DELETE FROM "{table}"')
        for number, table in enumerate(tables):
            wanted = _columns(target, table)
            have = set(_columns(source, table))
            columns = [c for c in wanted if c in have]
            booleans = _boolean_columns(target, table)
            flags = [c in booleans for c in columns]
            names = ", ".join(f'"{c}"' for c in columns)
            insert = (f'INSERT INTO "{table}" ({names}) VALUES ({", ".join([target.param] * len(columns))})')
            cursor = source.execute_sql(f'SELECT {names} FROM "{table}"{_order(source, table, columns)}')
            count = 0
            while True:
                rows = cursor.fetchmany(BATCH)
                if not rows:
                    break
                if any(flags):
                    rows = [tuple(bool(v) if f and v is not None else v for v, f in zip(row, flags, strict=True))
                            for row in rows]
                target.cursor().executemany(insert, rows)
                count += len(rows)
            counts[table] = count
            if progress is not None:
                progress(number + 1, len(tables))
        if isinstance(target, db.ServerDatabase):
            engine.POSTGRES.reset_sequences(target)
    return counts


def _migrate(database) -> None:
    from .migrations import migrate

    migrate(database, backup=False)


def write_sqlite_copy(source, part: Path, progress=None) -> None:
    """The database ``source`` (a server's) as this program's own SQLite file ``part`` (a new file)."""
    part = Path(part)
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    target = db.Database(str(part), pragmas={**db.PRAGMAS, "journal_mode": "delete"})
    target.connect()
    try:
        engine.SQLITE.mark_new(target)
        _migrate(target)
        # one consistent snapshot of the source, without stopping its writers
        with source.atomic(isolation_level="REPEATABLE READ", lock=False):
            copy_rows(source, target, progress)
        engine.SQLITE.set_schema_version(target, engine.engine_of(source).schema_version(source))
        problems = engine.SQLITE.integrity_problems(target)
        if problems:
            raise UserError(tr("The copy {path} failed its integrity check: {problems}").format(
                path=part, problems=join_clauses(problems)))
    finally:
        target.close()


@contextlib.contextmanager
def _sqlite_source(path: Path):
    """A backup file opened for reading: a migrated temporary copy (an older backup is brought up to
    this version's schema first, as a restore onto a file would)."""
    folder = Path(tempfile.mkdtemp(prefix="logistics-desk-copy-"))
    try:
        copy = folder / "source.db"
        shutil.copyfile(path, copy)
        source = db.Database(str(copy), pragmas={**db.PRAGMAS, "journal_mode": "delete"})
        source.connect()
        try:
            _migrate(source)
            yield source
        finally:
            source.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_key(source_key: Path, logical: Path) -> None:
    """The school's key goes with its history: the server's key folder gets it when it has none yet."""
    from .audit import KEY_FILE

    dest = logical.parent / KEY_FILE
    if dest.exists() or not source_key.is_file():
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    shutil.copyfile(source_key, tmp)
    tmp.chmod(0o600)
    tmp.replace(dest)


def fill_server(backup_file: Path, address: engine.ServerAddress, key_files=(), progress=None) -> list[str]:
    """Fill the EMPTY server database ``address`` from this program's SQLite file ``backup_file``; then
    check the change record with the key and make the head match. Returns the change record's problems.
    The server database must have no tables (a refusal otherwise: nothing is overwritten)."""
    from . import audit, backup

    problems = backup.verify(backup_file)
    if problems:
        raise UserError(tr("{path} is not a usable backup: {problems}").format(
            path=backup_file, problems=join_clauses(problems)))
    db.close_database()
    target = db.connect_server(address)
    try:
        if target.get_tables():
            raise UserError(tr("The database {url} is not empty: a backup is only restored into an empty "
                               "server database (nothing was changed). Ask whoever looks after the server for "
                               "a new, empty database.").format(url=address.display()))
    finally:
        target.close()
    logical = address.logical_path(db.paths.data_dir())
    for key in key_files:
        if Path(key).is_file():
            _copy_key(Path(key), logical)
            break
    with _sqlite_source(Path(backup_file)) as source:
        opened = db.open_database(address, create=True, backup=False)
        try:
            copy_rows(source, opened, progress)
            return list(audit.reset_head_from_database(list(key_files)))
        except BaseException:
            db.close_database()
            _empty_server(address)
            raise


def _empty_server(address: engine.ServerAddress) -> None:
    """After a failed fill: the server database back to empty, so the next try finds it as before."""
    with contextlib.suppress(Exception):
        target = db.connect_server(address)
        try:
            tables = target.get_tables()
            if tables:
                target.execute_sql("DROP TABLE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
        finally:
            target.close()


def is_sqlite(database) -> bool:
    return isinstance(database, SqliteDatabase)
