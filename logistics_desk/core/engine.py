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

import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .i18n import tr

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
