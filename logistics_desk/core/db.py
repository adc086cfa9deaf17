"""Opening the database: one SQLite file (WAL, foreign keys on), or a PostgreSQL server.

What differs between the two engines lives in core/engine.py (and here: opening,
messages); the rest of the program uses peewee's query builder only.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import peewee
from peewee import DatabaseError, DatabaseProxy, Model, PostgresqlDatabase, SqliteDatabase

from . import engine as engines
from . import paths
from .errors import UserError
from .i18n import tr


class _Proxy(DatabaseProxy):
    """peewee's proxy builds its own transaction objects; these are the ones of ``Database`` below."""

    def atomic(self, *args, **kwargs):
        return _Atomic(self, *args, **kwargs)

    def savepoint(self):
        return _Savepoint(self)


database = _Proxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -32000,
}


# "LDSK": SQLite's application_id (file header, offset 68) marks a file as this program's database.
# Set when a file is created and by migration 0008; a backup without it is not restored.
APPLICATION_ID = 0x4C44534B

# How long the first look at an existing file waits for another program's exclusive lock (seconds)
OPEN_TIMEOUT = 10.0


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False

    @classmethod
    def get(cls, *query, **filters):
        """peewee's ``get``. A read by one key — ``Model.get_or_none(Model.id == 5)``, ``get_by_id``, a foreign
        key's record read on first use — goes through a statement built once per model and key: peewee builds
        the same SELECT afresh each time, 0.35 ms, twenty times what the database takes to answer it. The same
        columns, the same values (each field's ``python_value``), the same ``DoesNotExist``."""
        field = _one_key(cls, query, filters)
        if field is None:
            return super().get(*query, **filters)
        return _get_by_key(cls, field, query[0].rhs)

    def save(self, force_insert=False, only=None):
        """peewee's ``save``. A plain one — every column saved, each value a value (not an expression) — writes
        through a statement built once per model and set of columns (an insert so on SQLite; a server's insert
        returns its new id peewee's way): peewee builds each UPDATE or INSERT afresh, 0.4 ms. The same row, the
        same id, the same count of rows and the same fields left dirty as peewee's own ``save``."""
        rows = _plain_save(self, force_insert, only)
        return super().save(force_insert=force_insert, only=only) if rows is None else rows


# --- plain statements: SQL written once per shape, in the engine's own quotes and parameter mark -----------
#
# For the hot paths (a read by key, a save, a bulk insert): peewee's query builder makes the same text afresh
# each time, which costs more than the database's answer.

def _unwrapped(db):
    """The database behind the proxy (or ``db`` itself)."""
    return db.obj if isinstance(db, DatabaseProxy) else db


def quoted(name: str, engine=None) -> str:
    """An identifier in the quotes of ``engine`` (the open database by default)."""
    engine = engine or database.obj
    return f"{engine.quote[0]}{name}{engine.quote[1]}"


def table_sql(model, engine=None) -> str:
    """``model``'s table, quoted (with its schema, if it has one)."""
    meta = model._meta
    table = quoted(meta.table_name, engine)
    return f"{quoted(meta.schema, engine)}.{table}" if meta.schema else table


def insert_statement(model, fields, engine=None) -> str:
    """``INSERT INTO table (columns) VALUES (?, …)`` for ``fields`` (the model's Field objects)."""
    engine = engine or database.obj
    return "INSERT INTO {t} ({c}) VALUES ({p})".format(
        t=table_sql(model, engine), c=", ".join(quoted(f.column_name, engine) for f in fields),
        p=", ".join([engine.param] * len(fields)))


# peewee's own field classes (exactly these, not subclasses) and the one type each gives back unchanged
# from ``db_value`` (``adapt``: str for text, int for integers and ids, ...)
_PLAIN_TYPES = {peewee.CharField: str, peewee.TextField: str, peewee.IntegerField: int, peewee.AutoField: int,
                peewee.BooleanField: bool, peewee.DateField: _dt.date, peewee.DateTimeField: _dt.datetime}


def insert_plain(model, names, rows: list[list]) -> None:
    """Many rows (each a list of values in the order of the field ``names``) in one prepared INSERT, with
    the values peewee would write: each through its field's ``db_value``, except a value of the one type its
    field hands back unchanged (text to a text column, an id to a foreign key...), passed as it is —
    ``db_value`` called 1,250,000 times for 50,000 assets cost as much as the insert itself."""
    engine = database.obj
    fields = [model._meta.fields[n] for n in names]
    plain = [_PLAIN_TYPES.get(type(f.rel_field) if type(f) is peewee.ForeignKeyField else type(f)) for f in fields]
    converters = [(f.db_value, t) for f, t in zip(fields, plain, strict=True)]
    params = [[v if v is None or type(v) is t else convert(v) for (convert, t), v in zip(converters, row, strict=True)]
              for row in rows]
    engine.cursor().executemany(insert_statement(model, fields, engine), params)


# (model, key field, the engine's parameter mark and quotes) -> (SELECT by that key, [(field name, converter)])
_KEY_READS: dict[tuple, tuple[str, list]] = {}


def _one_key(cls, query: tuple, filters: dict) -> peewee.Field | None:
    """The field of a ``get`` that asks for one record by its key (``Model.key == a number or a text``, the key
    the model's own primary key or a unique field), or None for any other ``get``."""
    if filters or len(query) != 1:
        return None
    expr = query[0]
    if type(expr) is not peewee.Expression or expr.op != peewee.OP.EQ or type(expr.rhs) not in (int, str):
        return None
    field = expr.lhs
    if not isinstance(field, peewee.Field) or field.model is not cls or not (field.primary_key or field.unique):
        return None
    return field


def _plain_save(record, force_insert: bool, only) -> int | None:
    """``save`` by a statement built once, or None where peewee's own does it (see ``BaseModel.save``)."""
    meta = record._meta
    pk = meta.primary_key
    if only is not None or meta.only_save_dirty or meta.composite_key or pk is False or not meta.auto_increment:
        return None
    data = record.__data__.copy()
    record._populate_unsaved_relations(data)
    pk_value = data.pop(pk.name, None)
    if not data or any(isinstance(v, peewee.Node) for v in data.values()):
        return None
    db = meta.database
    engine = _unwrapped(db)
    insert = pk_value is None or force_insert
    if insert:
        if not isinstance(engine, SqliteDatabase) or any(f.name not in data for f in meta.defaults):
            return None  # a server's INSERT … RETURNING, or a default peewee would fill in: peewee's way
        if pk_value is not None:
            data[pk.name] = pk_value  # an insert with its id given keeps it
    names = tuple(data)
    cache_key = ("insert" if insert else "update", type(record), names, engine.param, engine.quote)
    sql = _SAVES.get(cache_key)
    if sql is None:
        if insert:
            sql = insert_statement(type(record), [meta.fields[n] for n in names], engine)
        else:
            sql = "UPDATE {t} SET {s} WHERE {k} = {p}".format(
                t=table_sql(type(record), engine),
                s=", ".join(f"{quoted(meta.fields[n].column_name, engine)} = {engine.param}" for n in names),
                k=quoted(pk.column_name, engine), p=engine.param)
        _SAVES[cache_key] = sql
    fields = meta.fields
    params = [fields[n].db_value(data[n]) for n in names]
    if insert:
        cursor = db.execute_sql(sql, params)
        setattr(record, pk.name, cursor.lastrowid)  # as peewee: the new id, not marked dirty
        record._dirty.discard(pk.name)
        rows = 1
    else:
        rows = db.rows_affected(db.execute_sql(sql, [*params, pk.db_value(pk_value)]))
    record._dirty -= set(data)
    return rows


# (insert or update, model, columns, the engine's parameter mark and quotes) -> the statement
_SAVES: dict[tuple, str] = {}


def _get_by_key(cls, field: peewee.Field, value):
    db = cls._meta.database
    engine = _unwrapped(db)
    cache_key = (cls, field.name, engine.param, engine.quote)
    found = _KEY_READS.get(cache_key)
    if found is None:
        fields = cls._meta.sorted_fields
        sql = "SELECT {c} FROM {t} WHERE {k} = {p} LIMIT 1".format(
            c=", ".join(quoted(f.column_name, engine) for f in fields), t=table_sql(cls, engine),
            k=quoted(field.column_name, engine), p=engine.param)
        found = _KEY_READS[cache_key] = (sql, [(f.name, f.python_value) for f in fields])
    sql, columns = found
    row = db.execute_sql(sql, (field.db_value(value),)).fetchone()
    if row is None:
        raise cls.DoesNotExist(f"{cls.__name__} instance matching query does not exist: {field.name} = {value!r}")
    record = cls(__no_default__=1, **{name: convert(v) for (name, convert), v in zip(columns, row, strict=True)})
    record._dirty.clear()
    return record


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


# Fewer rows than this are inserted with the indexes in place (the set-aside's own queries would cost more).
BULK_INDEX_MIN = 2000


@contextlib.contextmanager
def indexes_set_aside(models, incoming: int):
    """Inside a write transaction, a bulk insert of ``incoming`` rows into each of ``models``' tables: on SQLite,
    a table holding fewer rows than are coming has its plain indexes dropped and built again at the end
    (the first import of a register, the demo). SQLite builds an index from the sorted rows faster than it
    keeps twenty of them up to date row by row: 50,000 assets went in with their 20 indexes in 2.45 s, and in
    1.13 s without them, building them after included. Unique indexes stay: they check each row as it comes.
    The transaction covers the DDL: a rollback brings the indexes back as they were; if the work fails and the
    caller keeps its transaction, they are built again all the same."""
    aside: list[tuple[str, str]] = []
    if incoming >= BULK_INDEX_MIN:
        if not database.in_transaction():
            raise RuntimeError("indexes_set_aside needs a transaction")
        eng = engines.engine_of(database)
        for model in models:
            aside += eng.indexes_to_set_aside(database, model._meta.table_name, incoming)
        for name, _sql in aside:
            database.execute_sql(f'DROP INDEX "{name}"')

    def rebuild():
        for _name, sql in aside:
            database.execute_sql(sql)

    try:
        yield
    except BaseException:
        with contextlib.suppress(DatabaseError):
            rebuild()
        raise
    rebuild()


# --- writing: one writer at a time, waiting with a message ------------------------------------------------
#
# Every write transaction takes SQLite's write lock at its start (BEGIN IMMEDIATE), so what it reads
# inside (the change record's next id and previous hash) cannot change under it, and a second writer
# waits for the first instead of failing half-way with "database is locked". The wait is a loop of short
# tries; between tries the registered waiting callback is told how long it has waited (the window shows
# it in the status bar), and after WRITE_WAIT_SECONDS the write is refused with a UserError.

WRITE_WAIT_SECONDS = 120.0  # long enough for another program's import of a school's whole register
_BUSY_STEP_MS = 200  # one try of BEGIN IMMEDIATE waits this long inside SQLite
_SQLITE_FULL = 13

log = logging.getLogger(__name__)

_waiting_callback: Callable[[float | None], None] | None = None


def set_waiting_callback(fn: Callable[[float | None], None] | None) -> Callable | None:
    """Register ``fn(seconds)``, called while a write waits for another program's write lock.

    ``seconds`` is how long it has waited so far; ``fn(None)`` follows once the wait is over (the lock
    was taken or the write refused). Returns the previous callback.
    """
    global _waiting_callback
    previous, _waiting_callback = _waiting_callback, fn
    return previous


def _notify_waiting(seconds: float | None) -> None:
    fn = _waiting_callback
    if fn is None:
        return
    try:
        fn(seconds)
    except Exception:  # telling the user must never break the write itself
        log.exception("the waiting callback failed")


def _is_busy(exc: BaseException) -> bool:
    error = sqlite_error(exc)
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return error is not None and "database is locked" in str(error)


def _is_disk_full(exc: BaseException) -> bool:
    error = sqlite_error(exc)
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == _SQLITE_FULL
    return error is not None and "disk is full" in str(error)


def _disk_full_error(exc: BaseException, path: str) -> UserError:
    return UserError(tr("The database {path} could not be written: the disk is full ({error}). Nothing of this "
                        "change was saved. Free some space on that disk, then try again.").format(
        path=path, error=sqlite_error(exc) or exc))


def _file_ids(path: str) -> tuple | None:
    """(device, inode of the database file, inode of its -wal or None): what a connection has open."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    try:
        wal = os.stat(path + "-wal").st_ino
    except OSError:
        wal = None
    return st.st_dev, st.st_ino, wal


def _rolled_back_by_sqlite(db) -> bool:
    """True when peewee believes a transaction is open but SQLite has none: it rolled back by itself
    (disk full, I/O error), and a ROLLBACK would only fail with "no transaction is active"."""
    if not isinstance(getattr(db, "obj", db), SqliteDatabase):  # (the proxy or the database)
        return False
    return not db.is_closed() and not db.connection().in_transaction


class _Savepoint(peewee._savepoint):
    """A savepoint whose rollback is skipped when SQLite has already rolled the whole transaction back."""

    def rollback(self, begin=True):
        if _rolled_back_by_sqlite(self.db):
            return
        super().rollback(begin)


class _Atomic(peewee._atomic):
    """``database.atomic()``: the real cause of a failed write reaches the user (disk full: a UserError)."""

    def __exit__(self, exc_type, exc_val, exc_tb):
        try:
            result = super().__exit__(exc_type, exc_val, exc_tb)
        except Exception as exc:  # the COMMIT itself failed (it has been rolled back)
            if _is_disk_full(exc):
                raise _disk_full_error(exc, self.db.database) from exc
            raise
        if exc_val is not None and not isinstance(exc_val, UserError) and _is_disk_full(exc_val):
            raise _disk_full_error(exc_val, self.db.database) from exc_val
        return result


class Database(SqliteDatabase):
    """SQLite as this program uses it.

    * ``atomic()`` begins with ``BEGIN IMMEDIATE``: the write lock is held from the first statement, and
      a busy database is waited for (see ``WRITE_WAIT_SECONDS``, ``set_waiting_callback``).
      ``begin("DEFERRED")`` is still there for a read-only snapshot.
    * A failed statement after which SQLite rolled the transaction back by itself (disk full, I/O error)
      is reported as what it was, not as "cannot rollback - no transaction is active".
    * Before each transaction and each statement outside one, the database file and its -wal are
      checked to be the ones this connection has open. If another program removed them (it can only do
      so when this process's locks were lost: on POSIX, closing any descriptor of the file drops all of
      them; see core/ui/file_dialogs) the connection is opened again, so reads see the live file and
      writes land in it instead of a deleted journal.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._open_lock = threading.Lock()
        self._open_count = 0  # connections open in this process (one per thread)
        self._file_ids: tuple | None = None

    # connections
    def _connect(self):
        conn = super()._connect()
        with self._open_lock:
            self._open_count += 1
            if self._open_count == 1 or self._file_ids is None:
                self._file_ids = _file_ids(self.database)
        return conn

    def _close(self, conn):
        try:
            super()._close(conn)
        finally:
            with self._open_lock:
                self._open_count = max(self._open_count - 1, 0)

    def cursor(self, named_cursor=None):
        if not self.in_transaction():  # a statement of its own: the check a transaction makes at BEGIN
            self._reopen_if_replaced()
        return super().cursor(named_cursor)

    def _reopen_if_replaced(self) -> None:
        """Reconnect when the file or its -wal on disk is not the one this connection uses (its reads
        would mix its cached pages with newer ones, its writes go into a deleted journal)."""
        if self.database == ":memory:" or self.is_closed():
            return
        current = _file_ids(self.database)
        known = self._file_ids
        if current is None or known is None:
            return
        if known[2] is None:  # the -wal appeared after the connection was made
            self._file_ids = current
            return
        if current == known:
            return
        with self._open_lock:
            others = self._open_count - 1
        if others > 0:
            raise UserError(tr("Another program replaced the database {path} or removed its journal while this "
                               "program had it open. Nothing was saved: close Logistics Desk and start it again.")
                            .format(path=self.database))
        log.warning("the database %s or its -wal was replaced under this process; connecting again", self.database)
        self.close()
        self.connect()

    # transactions
    def atomic(self, *args, **kwargs):
        return _Atomic(self, *args, **kwargs)

    def savepoint(self):
        return _Savepoint(self)

    def begin(self, lock_type=None):
        lock = (lock_type or self._lock_type or "IMMEDIATE").upper()
        if lock == "DEFERRED":
            return super().begin(lock)
        self._reopen_if_replaced()
        conn = self.connection()
        started = time.monotonic()
        waited = False
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_STEP_MS}")
        try:
            while True:
                try:
                    with peewee.__exception_wrapper__:
                        conn.execute(f"BEGIN {lock}")
                    return
                except peewee.DatabaseError as exc:
                    if not _is_busy(exc):
                        raise
                elapsed = time.monotonic() - started
                if elapsed >= WRITE_WAIT_SECONDS:
                    raise UserError(tr("Another program has been writing to the database {path} for more than "
                                       "{seconds} seconds, so this change could not be saved. Nothing was changed; "
                                       "try again when the other program has finished.").format(
                        path=self.database, seconds=int(WRITE_WAIT_SECONDS)))
                waited = True
                _notify_waiting(elapsed)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(PRAGMAS['busy_timeout'])}")
            if waited:
                _notify_waiting(None)

    def rollback(self):
        if _rolled_back_by_sqlite(self):
            return  # SQLite already rolled back (disk full, I/O error): nothing left to undo
        super().rollback()


# A file opened only to be read (``open_database(read_only=True)``): no journal_mode (setting WAL rewrites
# the header), and query_only on top of the read-only connection.
READ_ONLY_PRAGMAS = {
    "foreign_keys": 1,
    "busy_timeout": PRAGMAS["busy_timeout"],
    "cache_size": PRAGMAS["cache_size"],
    "query_only": 1,
}


class ReadOnlyError(UserError):
    """A write to a database opened read-only (a backup copy being checked)."""


class ReadOnlyDatabase(Database):
    """A database file opened for reading only (``open_database(read_only=True)``): SQLite's ``mode=ro``
    (``read_only_uri``), ``query_only``; transactions are read snapshots, and every write is refused
    with a ``ReadOnlyError`` naming the file. Nothing is written to the file or beside it."""

    def __init__(self, path: Path, **kwargs):
        super().__init__(read_only_uri(path), uri=True, pragmas=READ_ONLY_PRAGMAS, **kwargs)
        self.path = Path(path)

    def _reopen_if_replaced(self) -> None:
        return  # (the name is a URI) a file read only: a replaced one is read to the end as it was

    def begin(self, lock_type=None):
        return super().begin("DEFERRED")  # a snapshot to read; BEGIN IMMEDIATE would ask for the write lock

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except DatabaseError as exc:
            code = getattr(sqlite_error(exc), "sqlite_errorcode", None)
            if isinstance(code, int) and code & 0xFF == _SQLITE_READONLY:
                raise ReadOnlyError(tr("{path} is open read-only (a backup copy being checked): nothing in it "
                                       "can be changed.").format(path=self.path)) from None
            raise


def _wal_header(path: Path) -> bool:
    """The file's header says WAL mode (bytes 18 and 19 are 2)."""
    try:
        with open(path, "rb") as f:
            header = f.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def read_only_uri(path: Path) -> str:
    """The SQLite URI that reads ``path`` and writes nothing, in it or beside it.

    ``mode=ro``: SQLite opens the file for reading and takes its shared locks (a writer elsewhere is
    waited for, never read half-way). A file in WAL mode with no -wal beside it (nobody has it open; a
    backup the old ``check`` left in WAL mode) is also ``immutable``: a read-only connection to it would
    create a -wal and a -shm it cannot remove afterwards; all its data is in the file itself. With a -wal
    beside it (someone has it open, or was killed) it is read with that journal, as SQLite reads it.
    """
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    if _wal_header(path) and not Path(str(path) + "-wal").exists():
        uri += "&immutable=1"
    return uri


def load_psycopg() -> None:
    """Give peewee psycopg 3, which core/__init__.py hid from it at its import (only a server needs it).
    What peewee's own ``import psycopg`` would have set; a missing psycopg raises ImportError."""
    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle, adapter.txn_inerror = TransactionStatus.IDLE, TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


class ServerDatabase(PostgresqlDatabase):
    """PostgreSQL as this program uses it (psycopg 3): the same transaction objects as ``Database``.

    * One writer at a time, as on SQLite: every transaction (``atomic()``) begins by taking a
      transaction-level advisory lock (released at COMMIT/ROLLBACK), waited for with the same message and
      limit as SQLite's write lock. The services read-then-write (the next number of a sequence, "is a
      stock-take open?", the change record's next id and previous hash) as they do on SQLite, where
      BEGIN IMMEDIATE gives them this guarantee. ``atomic(lock=False)`` (a read-only snapshot) does not.
    """

    def __init__(self, address: engines.ServerAddress, **kwargs):
        load_psycopg()
        kwargs.setdefault("prefer_psycopg3", True)
        kwargs.setdefault("connect_timeout", 10)
        kwargs.setdefault("application_name", "logistics-desk")
        super().__init__(address.url, **kwargs)
        self.address = address

    def atomic(self, *args, **kwargs):
        return _Atomic(self, *args, **kwargs)

    def savepoint(self):
        return _Savepoint(self)

    def begin(self, isolation_level=None, lock: bool = True):
        super().begin(isolation_level)
        if lock:
            try:
                self._take_write_lock()
            except BaseException:  # refused (waited too long): peewee never saw the transaction; end it here
                self.rollback()
                raise

    def _take_write_lock(self) -> None:
        # Waiting in the server's queue for the lock (first come, first served; woken the moment it is free),
        # in steps of _BUSY_STEP_MS (lock_timeout, inside a savepoint) to tell the waiting callback. Polling
        # with pg_try_advisory_xact_lock and sleeps starved some writers (tests/load_worker.py, bench_concurrent).
        from psycopg.errors import LockNotAvailable

        conn = self.connection()
        started = time.monotonic()
        waited = False
        try:
            while True:
                conn.execute("SAVEPOINT ld_write_lock")
                conn.execute(f"SET LOCAL lock_timeout = '{_BUSY_STEP_MS}ms'")
                try:
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (engines.WRITE_LOCK_KEY,))
                except LockNotAvailable:
                    conn.execute("ROLLBACK TO SAVEPOINT ld_write_lock")
                else:
                    conn.execute("RELEASE SAVEPOINT ld_write_lock")
                    conn.execute("SET LOCAL lock_timeout TO DEFAULT")
                    return
                elapsed = time.monotonic() - started
                if elapsed >= WRITE_WAIT_SECONDS:
                    raise UserError(tr("Another program has been writing to the database {path} for more than "
                                       "{seconds} seconds, so this change could not be saved. Nothing was changed; "
                                       "try again when the other program has finished.").format(
                        path=self.address.display(), seconds=int(WRITE_WAIT_SECONDS)))
                waited = True
                _notify_waiting(elapsed)
        finally:
            if waited:
                _notify_waiting(None)


def close_thread_connection() -> None:
    """Close this thread's own connection, if it has one (a worker thread's, when it ends)."""
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()


POINTER_FILE = "database.txt"  # in the data folder: the database this PC uses (a path or a server's URL)


def _target(text) -> Path | engines.ServerAddress:
    if isinstance(text, engines.ServerAddress):
        return text
    if engines.is_server_url(text):
        return engines.parse_server_url(str(text))
    return Path(text).expanduser().resolve()


def pointer_file() -> Path:
    return paths.data_dir() / POINTER_FILE


def resolve_path(path: str | os.PathLike | None = None) -> Path | engines.ServerAddress:
    """``--db PATH|URL`` wins, then ``LOGISTICS_DESK_DB``, then the setting in the data folder's
    ``database.txt`` (one line: a path or ``postgresql://…``), then data/logistics.db.
    A file is a ``Path``, a server an ``engine.ServerAddress``."""
    if path:
        return _target(path)
    env = os.environ.get("LOGISTICS_DESK_DB")
    if env:
        return _target(env)
    try:
        chosen = pointer_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        chosen = ""
    if chosen:
        return _target(chosen)
    return paths.default_db()


def set_pointer(target: str | None) -> Path:
    """Write (or, with None, remove) the data folder's ``database.txt``; returns its path."""
    path = pointer_file()
    if target is None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(str(target) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


_current_path: Path | None = None
_current_server: engines.ServerAddress | None = None


def current_path() -> Path | None:
    """The open database's file; for a server, its logical path in the data folder (see core/engine.py):
    the change record's key and head and the backups are kept beside it."""
    return _current_path


def current_server() -> engines.ServerAddress | None:
    """The open server database's address (None: a file, or nothing open)."""
    return _current_server


def describe() -> str:
    """The open database for people: its file, or its URL without the password."""
    if _current_server is not None:
        return _current_server.display()
    return str(_current_path) if _current_path is not None else ""


def open_database(path: str | os.PathLike | None = None, *, migrate: bool = True, backup: bool = True,
                  create: bool = True, read_only: bool = False) -> SqliteDatabase:
    """Open and migrate the database; returns it.

    ``create``: a missing (or empty) file is made, marked with
    ``APPLICATION_ID``; otherwise a missing path raises ``DatabaseOpenError``
    and nothing (no file, no folder) is created. Only the window's first start,
    ``demo`` and ``import`` create. A file that cannot be used raises
    ``DatabaseOpenError`` whose ``kind`` tells why (see there); one written by a
    newer version raises ``DatabaseTooNew`` (from migrations) before anything
    is changed. Leftovers of an interrupted restore or backup are removed first.

    ``read_only`` (a file only; ``check`` of a backup copy): not a byte of the file changes and nothing is
    written beside it. No WAL, no migration (an older file is read as it is: ``older_schema``), no
    leftovers cleaned, nothing created; writes are refused (``ReadOnlyDatabase``). A file from a newer
    version is refused as above.
    """
    global _current_path
    close_database()
    target = resolve_path(path)
    if read_only:
        return _open_read_only(target)
    if isinstance(target, engines.ServerAddress):
        return _open_server(target, migrate=migrate, backup=backup, create=create)
    new = _check_file(target, create)
    if new:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise explain_open_error(exc, target) from None
    else:
        new = _first_look(target, create)
        from .backup import clean_leftovers

        clean_leftovers(target)
    db = Database(str(target), pragmas=PRAGMAS)
    database.initialize(db)
    try:
        _connect(db)
        if new:
            engines.SQLITE.mark_new(db)
    except Exception as exc:
        db.close()
        raise explain_open_error(exc, target) or exc from None
    _current_path = target
    if migrate:
        from .migrations import migrate as run_migrations

        try:
            run_migrations(db, backup=backup)
        except Exception as exc:
            close_database()
            error = explain_open_error(exc, target)
            if error is None:
                raise
            raise error from None
    return db


_older_schema: tuple[int, int] | None = None  # a file opened read-only: (its schema, this program's), if older


def opened_read_only() -> bool:
    """The open database is a file opened with ``open_database(read_only=True)``."""
    obj = database.obj
    return _current_path is not None and isinstance(obj, ReadOnlyDatabase) and not obj.is_closed()


def older_schema() -> tuple[int, int] | None:
    """(the file's schema, this program's) when the file opened read-only is of an older schema and was
    therefore not migrated (its tables are those of that schema); None otherwise."""
    return _older_schema if opened_read_only() else None


def _open_read_only(target: Path | engines.ServerAddress) -> ReadOnlyDatabase:
    global _current_path, _older_schema
    if isinstance(target, engines.ServerAddress):
        raise ValueError("only a database file can be opened read-only")
    if not target.exists():
        raise _error("missing", target)
    if not target.is_file():
        raise _error("not_a_file", target)
    if not os.access(target, os.R_OK):
        raise _error("unreadable", target)
    if target.stat().st_size == 0:
        raise _error("empty", target)
    opened = None
    try:
        _first_look(target, create=False, uri=read_only_uri(target))
        opened = ReadOnlyDatabase(target)
        database.initialize(opened)
        _connect(opened)
        from .migrations import check_not_too_new, latest_index, runner

        check_not_too_new(opened)  # a newer version's file: refused, as when it is opened to be used
        steps = runner(opened).status()
    except Exception as exc:
        if opened is not None:
            opened.close()
        error = explain_open_error(exc, target)
        if error is not None and error.kind in ("permission", "read_only_folder"):  # (reading needs neither)
            error = _error("other", target, str(sqlite_error(exc) or exc))
        raise error or exc from None
    _current_path = target
    if any(not m.applied and m.path for m in steps):
        _older_schema = (max((m.idx for m in steps if m.applied), default=0), latest_index())
    return opened


def _open_server(address: engines.ServerAddress, *, migrate: bool, backup: bool, create: bool) -> ServerDatabase:
    """Open a PostgreSQL database; ``create``: one with no tables gets the schema (the server database
    itself is made by its administrator, or by ``createdb``)."""
    global _current_path, _current_server
    opened = connect_server(address)
    database.initialize(opened)
    try:
        tables = set(opened.get_tables())
    except Exception as exc:
        opened.close()
        raise server_error(exc, address) from None
    logical = address.logical_path(paths.data_dir())
    from .migrations import HISTORY_TABLE

    if not tables and not create:
        opened.close()
        raise _error("empty", logical, target_name=address.display())
    if tables and HISTORY_TABLE not in tables:
        opened.close()
        raise _error("foreign_server", logical, target_name=address.display())
    try:  # the change record's key and head, and the backups, are kept here
        logical.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        opened.close()
        raise explain_open_error(exc, logical) from None
    _current_path, _current_server = logical, address
    if migrate:
        from .migrations import migrate as run_migrations

        try:
            run_migrations(opened, backup=backup)
        except Exception as exc:
            close_database()
            if isinstance(exc, UserError):
                raise
            raise server_error(exc, address) or exc from None
    return opened


def connect_server(address: engines.ServerAddress) -> ServerDatabase:
    """A connected ``ServerDatabase`` (not made the program's database); unreachable, refused, a wrong
    password, a missing database, psycopg not installed: a ``DatabaseOpenError`` in the clerk's words."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise _error("no_driver", address.logical_path(paths.data_dir()), target_name=address.display()) from None
    opened = ServerDatabase(address)
    try:
        opened.connect(reuse_if_open=True)
    except Exception as exc:
        opened.close()
        raise server_error(exc, address) or exc from None
    return opened


def server_error(exc: BaseException, address: engines.ServerAddress) -> DatabaseOpenError | None:
    """A server's failure in the clerk's words (None: not one of these)."""
    if isinstance(exc, DatabaseOpenError):
        return exc
    text = str(exc).strip() or exc.__class__.__name__
    text = engines.hide_password(text.splitlines()[0] if "\n" in text else text)
    try:
        import psycopg
    except ImportError:
        return None
    seen = set()
    cause = exc
    while cause is not None and id(cause) not in seen and not isinstance(cause, psycopg.Error):
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    if not isinstance(cause, psycopg.Error) and not isinstance(exc, peewee.DatabaseError | peewee.OperationalError):
        return None
    logical = address.logical_path(paths.data_dir())
    lowered = text.lower()
    if "password" in lowered and ("authentication" in lowered or "no password" in lowered):
        return _error("server_password", logical, text, target_name=address.display())
    if "does not exist" in lowered and "database" in lowered:
        return _error("server_no_database", logical, text, target_name=address.display())
    return _error("server", logical, text, target_name=address.display())


# SQLite's result codes the messages below tell apart (the primary code is the low byte)
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 3, 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_CANTOPEN, _SQLITE_AUTH, _SQLITE_NOTADB = 11, 14, 23, 26
_SQLITE_READONLY_DBMOVED = _SQLITE_READONLY | (4 << 8)


class DatabaseOpenError(UserError):
    """The database file cannot be used. ``kind`` is one of: ``missing``, ``not_a_file``,
    ``permission``, ``read_only_folder``, ``locked``, ``damaged``, ``foreign`` (another
    program's SQLite file), ``empty``, ``unreadable`` (opened read-only), ``other``. The message names the path
    and the cause."""

    def __init__(self, message: str, kind: str, path: Path):
        super().__init__(message)
        self.kind = kind
        self.path = path


def backups_folder(path: Path | engines.ServerAddress) -> Path:
    """Where the backups of the database ``path`` are kept (a server's: under the data folder)."""
    if isinstance(path, engines.ServerAddress):
        path = path.logical_path(paths.data_dir())
    return path.parent / "backups"


def _error(kind: str, target: Path, detail: str = "", folder: Path | None = None,
           target_name: str | None = None) -> DatabaseOpenError:
    folder = folder or target.parent
    messages = {
        "missing": tr("The database {path} does not exist. Check the path; nothing was created."),
        "not_a_file": tr("{path} is not a database file (it is a folder or a device)."),
        "permission": tr("You have no permission to read and write {path}. Ask whoever looks after this "
                         "computer to give your account access to it, or copy the database into a folder of your own."),
        "unreadable": tr("You have no permission to read {path}. Ask whoever looks after this computer to give "
                         "your account access to it."),
        "read_only_folder": tr("The folder {folder} is read-only, but the database {path} needs to write its journal "
                               "beside it. Move the database into a folder you can write to, or ask for write access."),
        "locked": tr("The database {path} is locked by another program that holds it exclusively (a restore in "
                     "progress, perhaps). Wait until it has finished or close that program, then try again."),
        "damaged": tr("The database {path} is damaged and cannot be opened ({error}). Its backups are in {backups}."),
        "foreign": tr("{path} is not a Logistics Desk database (it is another program's SQLite file). "
                      "It was not opened or changed."),
        "empty": tr("{path} is empty: it is not a Logistics Desk database. It was not changed."),
        "other": tr("The database {path} cannot be opened: {error}"),
        "server": tr("Cannot connect to the database server for {path}: {error}. Check the address, that the "
                     "server is running and that this computer may reach it."),
        "server_password": tr("The database server refused the user name or password for {path}: {error}"),
        "server_no_database": tr("The database server has no database {path}: {error}. Ask whoever looks after "
                                 "the server to create it (an empty database is filled by this program)."),
        "foreign_server": tr("{path} holds tables of another program: it is not a Logistics Desk database. "
                             "It was not changed."),
        "no_driver": tr("{path} is on a PostgreSQL server, but the PostgreSQL driver is not installed. "
                        "Install it with: pip install \"logistics-desk[postgres]\""),
    }
    shown = target_name if target_name is not None else target
    message = messages[kind].format(path=shown, folder=folder, error=detail, backups=backups_folder(target))
    return DatabaseOpenError(message, kind, target)


def _writable(path: Path) -> bool:
    return os.access(path, os.R_OK | os.W_OK)


def _check_file(target: Path, create: bool) -> bool:
    """Refuse what cannot be a usable database before SQLite sees it; True when it is to be created."""
    if not target.exists():
        if not create:
            raise _error("missing", target)
        folder = target.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not (folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)):
            raise _error("read_only_folder", target, folder=folder)
        return True
    if not target.is_file():
        raise _error("not_a_file", target)
    if not _writable(target):
        raise _error("permission", target)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = target.with_name(target.name + suffix)
        if extra.exists() and not _writable(extra):
            raise _error("permission", extra)
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise _error("read_only_folder", target)
    if target.stat().st_size == 0:
        if not create:
            raise _error("empty", target)
        return True
    return False


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def _first_look(target: Path, create: bool, uri: str | None = None) -> bool:
    """Read the mark and the tables without changing anything; True when the file has no tables yet."""
    try:
        con = sqlite3.connect(uri or _uri(target, "rw"), uri=True, timeout=OPEN_TIMEOUT, isolation_level=None)
        try:
            app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise explain_open_error(exc, target) or _error("other", target, str(exc)) from None
    if not tables:
        if not create:
            raise _error("empty", target)
        return True
    if app_id not in (0, APPLICATION_ID) or (app_id != APPLICATION_ID and "schema_migration" not in tables):
        raise _error("foreign", target)
    return False


def _connect(db: SqliteDatabase) -> None:
    """Connect; retried when the file was replaced (a restore) while this process waited to read it."""
    for attempt in range(3):
        try:
            db.connect(reuse_if_open=True)
            return
        except DatabaseError as exc:
            error = sqlite_error(exc)
            if attempt == 2 or error is None or getattr(error, "sqlite_errorcode", None) != _SQLITE_READONLY_DBMOVED:
                raise
            db.close()


def sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The ``sqlite3`` error behind ``exc`` (peewee wraps them), if any."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, sqlite3.Error):
            return exc
        if exc.args and isinstance(exc.args[0], sqlite3.Error):
            return exc.args[0]
        exc = exc.__cause__ or exc.__context__
    return None


def explain_open_error(exc: BaseException, target: Path) -> DatabaseOpenError | None:
    """``exc`` in the clerk's words: which of the reasons a database cannot be opened (None: none of them)."""
    if isinstance(exc, DatabaseOpenError):
        return exc
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            if target.exists() and not _writable(target):
                return _error("permission", target)
            return _error("read_only_folder", target)
        return _error("other", target, exc.strerror or str(exc))
    error = sqlite_error(exc)
    if error is None:
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return _error("locked", target)
    if primary in (_SQLITE_NOTADB, _SQLITE_CORRUPT) or "not a database" in text or "malformed" in text:
        return _error("damaged", target, text)
    if primary in (_SQLITE_CANTOPEN, _SQLITE_READONLY, _SQLITE_PERM, _SQLITE_AUTH, _SQLITE_IOERR):
        if target.exists() and not _writable(target):
            return _error("permission", target)
        if not os.access(target.parent, os.W_OK | os.X_OK):
            return _error("read_only_folder", target)
        return _error("other", target, text)
    return None


@contextlib.contextmanager
def opened_as(path: Path, logical: Path):
    """Open the file ``path`` as if it were the database ``logical`` (a restore's new file before it is
    renamed into place: the change record finds its key and head beside ``logical``). Rollback journal,
    no migration, no leftovers cleaned; closed at the end (no database is open afterwards)."""
    global _current_path
    close_database()
    opened = Database(str(path), pragmas={**dict(PRAGMAS), "journal_mode": "delete"})
    database.initialize(opened)
    opened.connect()
    _current_path = Path(logical)
    try:
        yield opened
    finally:
        opened.close()
        _current_path = None


def close_database() -> None:
    global _current_path, _current_server, _older_schema
    obj = database.obj
    if obj is not None:
        engines.close_change_counter(obj)  # a server's listening connection (core/changes.py counter)
    if obj is not None and not obj.is_closed():
        obj.close()
    _current_path = None
    _current_server = None
    _older_schema = None


def integrity_problems() -> list[str]:
    return engines.engine_of(database).integrity_problems(database)


def user_version() -> int:
    return engines.engine_of(database).schema_version(database)
