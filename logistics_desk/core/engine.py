"""The two database engines: one SQLite file (the default, one PC) or a PostgreSQL server (several PCs).

Everything that differs between them sits here, behind ``engine()``: the schema version, the
integrity check, the lock the change record's next id and previous hash are read under, the
sequences after a copy. The rest of the program uses peewee's query builder only.

A database is named by a file path or by a URL ``postgresql://user:password@host:port/dbname``
(a password may also come from ``PGPASSWORD`` or ``~/.pgpass``: libpq reads them).

On a server, the files the program keeps *beside* a database file (the change record's key and
head, ``backups/``) live in the data folder, in ``servers/<host>-<port>-<dbname>/``: the
database's "logical path" is ``servers/<host>-<port>-<dbname>/logistics.db`` (no such file exists).
"""

from __future__ import annotations

import logging
import os
import re
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .i18n import tr

log = logging.getLogger(__name__)

SERVER_SCHEMES = ("postgresql", "postgres")

# "LDSK": SQLite's application_id; on PostgreSQL the key of the change record's advisory lock
APPLICATION_ID = 0x4C44534B
AUDIT_LOCK_KEY = APPLICATION_ID
WRITE_LOCK_KEY = APPLICATION_ID + 1  # every write transaction on a server (db.ServerDatabase.begin)


def is_server_url(text) -> bool:
    """True for ``postgresql://…`` / ``postgres://…`` (any case), however it was given."""
    if text is None or isinstance(text, Path):
        return False
    scheme = str(text).split("://", 1)[0].lower() if "://" in str(text) else ""
    return scheme in SERVER_SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    url: str  # as given (with the password, if one was given): what libpq gets
    host: str
    port: int
    dbname: str
    user: str

    def __str__(self) -> str:
        return self.display()

    def display(self) -> str:
        """The URL without the password, for messages and the status bar."""
        user = f"{self.user}@" if self.user else ""
        return f"postgresql://{user}{self.host}:{self.port}/{self.dbname}"

    def folder_name(self) -> str:
        """Where this database's key, head and backups live under the data folder's ``servers/``."""
        raw = f"{self.host}-{self.port}-{self.dbname}"
        return re.sub(r"[^A-Za-z0-9._-]", "_", raw)

    def logical_path(self, data_dir: Path) -> Path:
        return data_dir / "servers" / self.folder_name() / "logistics.db"

    def with_dbname(self, dbname: str) -> ServerAddress:
        parts = urllib.parse.urlsplit(self.url)
        url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + urllib.parse.quote(dbname), parts.query,
                                       parts.fragment))
        return ServerAddress(url, self.host, self.port, dbname, self.user)


def parse_server_url(text: str) -> ServerAddress:
    """``postgresql://user:password@host:port/dbname`` -> its parts; a malformed one -> UserError."""
    text = str(text).strip()
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port or 5432
    except ValueError:
        raise UserError(_bad_url(text)) from None
    dbname = urllib.parse.unquote(parts.path.lstrip("/"))
    if parts.scheme.lower() not in SERVER_SCHEMES or not dbname or "/" in dbname:
        raise UserError(_bad_url(text))
    host = parts.hostname or "localhost"
    user = urllib.parse.unquote(parts.username or "")
    return ServerAddress(text, host, port, dbname, user)


def hide_password(text: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(text))


def _bad_url(text: str) -> str:
    return tr("{url} is not a database address this program understands. Write it as "
              "postgresql://user:password@host:port/dbname (the password may also come from PGPASSWORD "
              "or .pgpass).").format(url=hide_password(text))


# --- the engines -----------------------------------------------------------------------------


class SqliteEngine:
    name = "sqlite"
    server = False

    def schema_version(self, db) -> int:
        return int(db.execute_sql("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, db, version: int) -> None:
        db.execute_sql(f"PRAGMA user_version = {int(version)}")

    def mark_new(self, db) -> None:
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")

    def integrity_problems(self, db) -> list[str]:
        rows = db.execute_sql("PRAGMA integrity_check").fetchall()
        return [r[0] for r in rows if r[0] != "ok"]

    def lock_for_audit(self, db) -> None:
        """Nothing to do: every write transaction began with BEGIN IMMEDIATE (db.Database.begin)."""

    def reset_sequences(self, db) -> None:
        """Nothing to do: SQLite's rowids follow the largest id."""

    def indexes_to_set_aside(self, db, table: str, incoming: int) -> list[tuple[str, str]]:
        """(name, CREATE statement) of the indexes on ``table`` worth dropping for a bulk insert of ``incoming``
        rows and building again after: the plain ones (a unique index keeps checking each row), when the table
        holds fewer rows than are coming."""
        held = db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if held >= incoming:
            return []
        rows = db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                              "AND sql IS NOT NULL ORDER BY name", (table,)).fetchall()
        return [(name, sql) for name, sql in rows if not sql.lstrip().upper().startswith("CREATE UNIQUE")]


class PostgresEngine:
    name = "postgresql"
    server = True

    def schema_version(self, db) -> int:
        """PostgreSQL has no user_version: the newest step recorded in the migration history."""
        from .migrations import HISTORY_TABLE

        if HISTORY_TABLE not in db.get_tables():
            return 0
        version = 0
        for (name,) in db.execute_sql(f'SELECT "name" FROM "{HISTORY_TABLE}"').fetchall():
            match = re.match(r"(\d+)", name or "")
            if match:
                version = max(version, int(match.group(1)))
        return version

    def set_schema_version(self, db, version: int) -> None:
        """Nothing to store: the version is the migration history (see ``schema_version``)."""

    def mark_new(self, db) -> None:
        """Nothing to mark: a server database is this program's when its history table says so."""

    def integrity_problems(self, db) -> list[str]:
        """The server keeps its files consistent itself; what is left to look at: indexes left
        invalid by an interrupted CREATE INDEX CONCURRENTLY."""
        rows = db.execute_sql(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT i.indisvalid").fetchall()
        return [tr("The index {name} is not valid.").format(name=r[0]) for r in rows]

    def lock_for_audit(self, db) -> None:
        """A transaction-level advisory lock: one writer of the change record at a time, released at
        COMMIT or ROLLBACK."""
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK_KEY,))

    # other people's changes (core/changes.py): NOTIFY at each write of the change record, LISTEN in the window

    def announce_change(self, db, last_id: int) -> None:
        """Inside the write transaction that wrote change record entries up to ``last_id``: tell the other
        programs. The server delivers it at COMMIT (never for a rollback, nor for a rolled-back savepoint)."""
        db.execute_sql("SELECT pg_notify(%s, %s)", (CHANGE_CHANNEL, f"{process_token()}:{int(last_id)}"))

    def change_counter(self, db) -> int:
        """The number of other programs' committed writes heard so far (``changes.counter``): read without
        blocking from a listening connection of its own, made at the first call and closed with the database
        (``close_change_counter``)."""
        obj = getattr(db, "obj", db)
        listener = getattr(obj, "_change_listener", None)
        if listener is None:
            listener = obj._change_listener = ChangeListener(obj.database, obj.connect_params)
        return listener.read()

    def indexes_to_set_aside(self, db, table: str, incoming: int) -> list[tuple[str, str]]:
        """None: the server keeps its indexes (a bulk insert there is not the clerk's PC's time)."""
        return []

    def reset_sequences(self, db) -> None:
        """After rows were copied in with their ids: each table's id sequence past its largest id."""
        rows = db.execute_sql(
            "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND column_default LIKE 'nextval(%%'").fetchall()
        for table, column, sequence in rows:
            if not sequence:
                continue
            db.execute_sql(f'SELECT setval(%s, COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)',
                           (sequence,))


# --- other programs' changes on a server: LISTEN/NOTIFY ----------------------------------------

CHANGE_CHANNEL = "logistics_desk"
LISTEN_RETRY_SECONDS = 10.0  # after the listening connection could not be made, the next try
_LISTEN_PARAMS = {  # a dead server or network is noticed by the socket (keepalives), not by a query
    "autocommit": True, "connect_timeout": 3, "application_name": "logistics-desk-listen",
    "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
}

_token: tuple[int, str] | None = None


def process_token() -> str:
    """This program in a notification: its pid and a random part (two PCs' programs may share a pid)."""
    global _token
    pid = os.getpid()
    if _token is None or _token[0] != pid:  # (a forked child is another program)
        import secrets

        _token = (pid, f"{pid}-{secrets.token_hex(4)}")
    return _token[1]


class ChangeListener:
    """A connection of its own (autocommit) that LISTENs on ``CHANGE_CHANNEL``; ``read()`` counts, without
    blocking, the notifications of OTHER programs (a payload ``<this process>:<id>`` is this program's own
    write, which refreshes its window itself). A server gone away is tried again quietly every
    ``LISTEN_RETRY_SECONDS``; once back, the count moves by one (what happened meanwhile was not heard)."""

    def __init__(self, url: str, params: dict | None = None):
        self.url = url
        self.params = {**(params or {}), **_LISTEN_PARAMS}
        self.conn = None
        self.count = 0
        self.lost = False  # the connection failed (or never came): the next one moves the count
        self.retry_at = 0.0

    def read(self) -> int:
        import psycopg

        if (self.conn is None or self.conn.closed) and not self._connect():
            return self.count
        own = process_token() + ":"
        try:
            for note in self.conn.notifies(timeout=0):
                if note.pid != self.conn.info.backend_pid and not note.payload.startswith(own):
                    self.count += 1
        except (psycopg.Error, OSError):
            log.info("the listening connection to %s was lost; connecting again", hide_password(self.url))
            self._drop()
            self.lost = True
            self._connect()  # at once: a server restarted a moment ago is back; otherwise after the pause
        return self.count

    def _connect(self) -> bool:
        import psycopg

        if time.monotonic() < self.retry_at:
            return False
        try:
            conn = psycopg.connect(self.url, **self.params)
            try:
                conn.execute(f"LISTEN {CHANGE_CHANNEL}")
            except BaseException:
                conn.close()
                raise
        except (psycopg.Error, OSError) as exc:
            if not self.lost:
                log.warning("cannot listen for other programs' changes on %s: %s", hide_password(self.url),
                            hide_password(str(exc).strip()))
            self.lost = True
            self.retry_at = time.monotonic() + LISTEN_RETRY_SECONDS
            return False
        self.conn = conn
        if self.lost:
            self.count += 1
            self.lost = False
        return True

    def _drop(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken
                pass

    def close(self) -> None:
        """Closed with the database; a later ``read`` would connect again (without moving the count)."""
        self._drop()
        self.lost = False
        self.retry_at = 0.0


def close_change_counter(db) -> None:
    """Close the listening connection of ``db`` (core/db.py ``close_database``), if it has one."""
    listener = getattr(getattr(db, "obj", db), "_change_listener", None)
    if listener is not None:
        listener.close()


SQLITE = SqliteEngine()
POSTGRES = PostgresEngine()


def engine_of(db) -> SqliteEngine | PostgresEngine:
    import peewee

    obj = getattr(db, "obj", db)  # the proxy or the database
    if isinstance(obj, peewee.PostgresqlDatabase):
        return POSTGRES
    return SQLITE


def engine() -> SqliteEngine | PostgresEngine:
    """The engine of the open database."""
    from .db import database

    return engine_of(database)


def is_server() -> bool:
    return engine().server
