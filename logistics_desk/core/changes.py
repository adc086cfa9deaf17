"""Other people's changes: optimistic locking of a form, and a cheap counter that says "something changed".

Optimistic locking. A form remembers, when it opens a record, the id of the newest change record entry of
that record (``Opened``, ``last_seen``). Its save runs the service inside ``editing(table, record_id, seen)``
(a context variable). Every change record entry is written by ``audit.record``, which calls ``before_record``
once the change record's lock is held (inside the service's transaction): an entry for that record newer than
the one the form saw, written by someone else, raises ``EditConflict`` naming who changed it and when, so the
whole transaction rolls back and nothing is half-saved. The form then shows the message and reads the record
again (core/ui/dialogs.py ``run_save``).

The change counter. ``counter()`` is a number that moves when another connection (another program, another
PC) commits a change: on SQLite ``PRAGMA data_version`` (it moves only for other connections' commits, and
costs microseconds); on PostgreSQL the number of other programs' notifications heard: each write transaction
that adds change record entries sends ``NOTIFY logistics_desk, '<pid>-<random>:<last id>'`` (``announce``,
called by audit; delivered at COMMIT, never for a rollback), and ``PostgresEngine.change_counter`` reads them
without blocking from a listening connection of its own, leaving out this program's own (no query, no
refresh after its own writes). An engine without either: the newest change record entry's id (which this
program's own writes move too). A test may install its own with ``set_counter_source``; the window polls it
(core/ui/watcher.py).
No Qt here.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import UserError
from .i18n import tr


class EditConflict(UserError):
    """Someone else changed the record after the form was opened; ``operator`` and ``ts`` say who and when."""

    def __init__(self, message: str, operator: str = "", ts=None):
        super().__init__(message)
        self.operator = operator
        self.ts = ts


@dataclass
class _Watch:
    seen_id: int
    own_from: int | None = None  # the first entry id this save wrote (later ones are its own too)


@dataclass
class _Editing:
    records: dict[tuple[str, int], _Watch] = field(default_factory=dict)


_editing: contextvars.ContextVar[_Editing | None] = contextvars.ContextVar("logistics_desk_editing", default=None)


def last_seen(table: str, record_id: int) -> int:
    """The id of the newest change record entry of the record (0: none yet)."""
    from .audit import AuditEntry

    value = (AuditEntry.select(AuditEntry.id)
             .where((AuditEntry.table_name == table) & (AuditEntry.record_id == record_id))
             .order_by(AuditEntry.id.desc()).limit(1).scalar())
    return int(value or 0)


@contextlib.contextmanager
def editing(table: str, record_id: int, seen_id: int):
    """Run a save of the record opened when its newest entry was ``seen_id``: a change by someone else since
    then refuses the save (``EditConflict``). Blocks nest: the inner one adds its record."""
    outer = _editing.get()
    state = _Editing(dict(outer.records) if outer is not None else {})
    state.records[(table, int(record_id))] = _Watch(int(seen_id))
    token = _editing.set(state)
    try:
        yield state
    finally:
        _editing.reset(token)


@dataclass
class Opened:
    """A record a form has open: ``editing()`` for its save, ``refresh()`` after reading it again."""

    table: str
    record_id: int
    seen_id: int = -1

    def __post_init__(self):
        if self.seen_id < 0:
            self.seen_id = last_seen(self.table, self.record_id)

    def refresh(self) -> None:
        self.seen_id = last_seen(self.table, self.record_id)

    def editing(self):
        return editing(self.table, self.record_id, self.seen_id)


def before_record(table: str, record_id: int | None, action: str, next_id: int) -> None:
    """Called by ``audit.record`` inside the write transaction, with the change record's lock held, before
    it writes entries from ``next_id`` on: the logged-in person may make the change (core/accounts.py), and
    the record was not changed by someone else since the form that saves it was opened."""
    from . import accounts

    accounts.check_write(table, action, record_id)
    state = _editing.get()
    if state is None or record_id is None:
        return
    watch = state.records.get((table, int(record_id)))
    if watch is None:
        return
    from .audit import AuditEntry

    # (a "baseline" entry registers the record as found when the change record starts: nobody's change)
    query = AuditEntry.select().where((AuditEntry.table_name == table) & (AuditEntry.record_id == record_id)
                                      & (AuditEntry.id > watch.seen_id) & (AuditEntry.action != "baseline"))
    if watch.own_from is not None:  # this save's own entries, written earlier in the same transaction
        query = query.where(AuditEntry.id < watch.own_from)
    newer = query.order_by(AuditEntry.id.desc()).first()
    if newer is not None:
        when = newer.ts.strftime("%Y-%m-%d %H:%M:%S") if hasattr(newer.ts, "strftime") else str(newer.ts)
        raise EditConflict(tr("{operator} changed this record at {time}, after you opened it. Your changes were "
                              "not saved: the form now shows the record as it is; make your changes again.").format(
            operator=newer.operator, time=when), newer.operator, newer.ts)
    if watch.own_from is None:
        watch.own_from = next_id


# --- the change counter ----------------------------------------------------------------

def in_transaction() -> bool:
    """This thread is inside a transaction (the window does not read its lists again in the middle of it)."""
    from .db import database

    return database.in_transaction()


def announce(last_id: int) -> None:
    """Called by ``audit`` inside the write transaction once it wrote change record entries up to ``last_id``:
    an engine with notifications tells the other programs (PostgreSQL: NOTIFY, delivered at COMMIT). Sent at
    each write, with the payload of the transaction's first one: the server delivers identical notifications
    of one transaction once, and drops those of a rolled-back savepoint (peewee does not tell which savepoint
    a write is in, so "already sent" cannot be known here: a rolled-back one took its notification with it)."""
    from .db import database
    from .engine import engine_of

    notify = getattr(engine_of(database), "announce_change", None)
    if notify is None:  # SQLite: PRAGMA data_version needs nothing
        return
    from .audit import transaction_memo

    memo = transaction_memo()
    if memo is not None:
        last_id = memo.setdefault("announced", last_id)
    notify(database, last_id)


_counter_source: Callable[[], object] | None = None


def set_counter_source(fn: Callable[[], object] | None) -> Callable[[], object] | None:
    """An engine's own counter (e.g. PostgreSQL: a number that LISTEN/NOTIFY moves); None: the built-in one.
    Returns the previous one."""
    global _counter_source
    previous, _counter_source = _counter_source, fn
    return previous


def counter() -> object:
    """A value that differs from the last one read when another connection committed a change since."""
    if _counter_source is not None:
        return _counter_source()
    from peewee import SqliteDatabase

    from .db import database
    from .engine import engine_of

    own = getattr(engine_of(database), "change_counter", None)  # an engine's own (PostgreSQL: LISTEN/NOTIFY)
    if own is not None:
        return own(database)
    if isinstance(database.obj, SqliteDatabase):
        return database.execute_sql("PRAGMA data_version").fetchone()[0]
    from .audit import AuditEntry

    return AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1).scalar() or 0
