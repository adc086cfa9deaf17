"""The change record: who changed what, when, from which value to which.

Every service write calls ``record`` inside the same ``database.atomic()``
block as the change. Entries are chained: each row's hash is an HMAC-SHA256,
keyed with this installation's secret, over its own content and the previous
row's hash. The secret lives outside the database, in the data folder
(``logistics-desk.key`` beside the database file), so someone editing the file
with a database browser cannot write a hash that verifies.

The id of the newest entry is kept in the counter table ("audit:last_id"), and
the chain's head (newest id and hash, with a keyed seal) in a file beside the
database (``<database>.head``), written after each transaction that wrote
entries commits. So entries cut from the end are found even when the counter
in the file was fixed too. After restoring a backup the head legitimately moves
back: call ``reset_head_from_database()``.

A change record written by an older version (plain SHA-256, no key) is keyed
by the first write of this version, after checking it (see ``_chain_start``).
``core/integrity.py`` reconciles the business tables with the record.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import decimal
import functools
import hashlib
import hmac
import json
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import AutoField, CharField, DateTimeField, IntegerField, TextField

from . import clock
from .db import BaseModel, database, insert_plain
from .i18n import CONTEXT, part_of_module, tr, translate

log = logging.getLogger(__name__)


class AuditEntry(BaseModel):
    id = AutoField()
    ts = DateTimeField(index=True)
    operator = CharField(max_length=100)
    table_name = CharField(max_length=64)
    record_id = IntegerField(null=True)
    action = CharField(max_length=32)
    field = CharField(max_length=64, null=True)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    note = TextField(null=True)
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)

    class Meta:
        table_name = "audit_entry"
        indexes = ((("table_name", "record_id"), False),)


GENESIS = "0" * 64
HASHED_FIELDS = ("id", "ts", "operator", "table_name", "record_id", "action", "field", "old_value", "new_value", "note")
KEY_FILE = "logistics-desk.key"
HEAD_SUFFIX = ".head"
KEY_BYTES = 32


def _decimal_text(value: decimal.Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


# the exact types the records hold, each with its text (what the checks in ``to_text`` give them): one lookup
# instead of up to seven checks, for the ~40 values of each of 50,000 rows a bulk import or the demo registers
_TEXT_OF_TYPE = {int: str, bool: lambda v: "1" if v else "0", float: repr, decimal.Decimal: _decimal_text,
                 _dt.datetime: lambda v: v.isoformat(sep=" "), _dt.date: _dt.date.isoformat}


def to_text(value: Any) -> str | None:
    """A value as the change record stores it."""
    if value is None:
        return None
    kind = type(value)
    if kind is str:  # the commonest, first
        return value
    convert = _TEXT_OF_TYPE.get(kind)
    if convert is not None:
        return convert(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, decimal.Decimal):
        return _decimal_text(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat(sep=" ") if isinstance(value, _dt.datetime) else value.isoformat()
    if hasattr(value, "_meta") and hasattr(value, "id"):  # a model instance (foreign key)
        return str(value.id)
    return str(value)


# ``json.dumps(value, ensure_ascii=False[, sort_keys=True])`` builds an encoder at each call: the same encoders
# made once give the very same text (the change record's entries and hashes are written from it)
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False).encode
_JSON_SORTED_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _payload(prev_hash: str, row: dict) -> bytes:
    return _JSON_TEXT([prev_hash] + [to_text(row.get(k)) for k in HASHED_FIELDS]).encode("utf-8")


def _digest(prev_hash: str, row: dict) -> str:
    """The public (unkeyed) formula older versions used; anyone can compute it."""
    return hashlib.sha256(_payload(prev_hash, row)).hexdigest()


def _keyed_digest(key: bytes, prev_hash: str, row: dict) -> str:
    # hmac.digest: the one-shot (C) form of ``hmac.new(key, payload, sha256).hexdigest()``, the same bytes
    return hmac.digest(key, _payload(prev_hash, row), "sha256").hex()


# --- the installation's key and the head file, outside the database ------------------

def _db_file() -> Path:
    from .db import current_path

    path = current_path()
    if path is None:
        name = getattr(database.obj, "database", None)
        if not name or name == ":memory:":
            raise RuntimeError("the change record needs a database file")
        path = Path(name).resolve()
    return Path(path)


def key_path(db_path: Path | None = None) -> Path:
    """The installation's secret: in the data folder, beside the database file."""
    return (db_path or _db_file()).parent / KEY_FILE


def head_path(db_path: Path | None = None) -> Path:
    path = db_path or _db_file()
    return path.with_name(path.name + HEAD_SUFFIX)


class KeyUnusable(Exception):
    pass


def _read_key(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    if len(data) != KEY_BYTES:
        raise KeyUnusable(path)
    return data


def _load_key(create: bool, db_path: Path | None = None) -> bytes | None:
    """The key (None if there is none and ``create`` is false); made with 32 random bytes on first need."""
    from .errors import UserError

    path = key_path(db_path)
    try:
        key = _read_key(path)
    except KeyUnusable:
        raise UserError(tr("The key file {path} is damaged: the change record cannot be written or checked.").format(
            path=path)) from None
    if key is not None or not create:
        return key
    tmp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_bytes(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        except (AttributeError, NotImplementedError, PermissionError):
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise UserError(tr("Cannot create the key file {path}: {error}").format(
            path=path, error=exc.strerror or exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return _read_key(path)


@dataclass
class Head:
    last_id: int
    hash: str
    valid: bool  # sealed with this installation's key


def _head_seal(key: bytes, last_id: int, hash_: str) -> str:
    return hmac.new(key, f"head|{last_id}|{hash_}".encode(), hashlib.sha256).hexdigest()


def read_head(key: bytes | None, db_path: Path | None = None) -> Head | None:
    """The head file's content; None if there is no head file."""
    path = head_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        last_id, hash_, seal = int(data["last_id"]), str(data["hash"]), str(data["seal"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Head(0, "", False)
    valid = key is not None and hmac.compare_digest(seal, _head_seal(key, last_id, hash_))
    return Head(last_id, hash_, valid)


@contextlib.contextmanager
def _head_lock(db_path: Path):
    """Serialise head-file updates between processes (a lock beyond the end of the key file)."""
    fd = os.open(key_path(db_path), os.O_RDONLY)
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            os.lseek(fd, 1 << 20, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _write_head(db_path: Path, key: bytes, last_id: int, hash_: str) -> None:
    path = head_path(db_path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    (transaction_memo() or {}).pop("chain", None)  # (a head reset inside a transaction: read it again)
    text = json.dumps({"last_id": last_id, "hash": hash_, "seal": _head_seal(key, last_id, hash_)})
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _sql(text: str) -> str:
    """``text`` with ``"name"`` quoted and ``?`` parameters as the open database writes them (the change
    record's per-entry statements, without building a peewee query each time: issue 17)."""
    db = database.obj
    return text.replace('"', db.quote[0]).replace("?", db.param)


def _last_entry() -> tuple[int, str] | None:
    row = database.obj.execute_sql(_sql('SELECT "id", "hash" FROM "audit_entry" ORDER BY "id" DESC LIMIT 1')).fetchone()
    return (row[0], row[1]) if row else None


def _sync_head(db_path: Path, *, create: bool, force: bool = False) -> None:
    """Make the head file name the newest entry in the database; it only moves forward unless ``force``."""
    key = _load_key(create=False, db_path=db_path)
    if key is None:
        return
    with _head_lock(db_path):
        current = read_head(key, db_path)
        if current is None and not create and not force:
            return  # a missing head stays missing (check reports it) until reset_head_from_database()
        if current is not None and not current.valid and not force:
            return  # a head not sealed with our key is evidence: leave it for check
        last = _last_entry()
        if last is None:
            return
        if not force and current is not None and current.last_id >= last[0]:
            return
        _write_head(db_path, key, *last)


def _after_commit(db_path: Path, create: bool) -> None:
    try:
        _sync_head(db_path, create=create)
    except Exception:  # the data is saved; check will say the head is behind
        log.warning("could not update the change record's head file", exc_info=True)


def _update_head_on_commit(db_path: Path, create: bool) -> None:
    """Once per transaction: move the head after COMMIT (a rolled-back transaction never moves it)."""
    obj = database.obj
    if any(getattr(cb, "audit_head", False) for cb in obj._state.commit_callbacks):
        return
    callback = functools.partial(_after_commit, db_path, create)
    callback.audit_head = True
    obj.after_commit(callback)


# --- writing -------------------------------------------------------------------------

def transaction_memo() -> dict | None:
    """A dict that lives as long as the outermost open transaction (None outside one): for what cannot
    change inside one write transaction (the write lock is held), read once instead of once per entry."""
    stack = database.obj._state.transactions
    if not stack:
        return None
    txn = stack[0]
    memo = getattr(txn, "_audit_memo", None)
    if memo is None:
        memo = txn._audit_memo = {}
    return memo


def current_operator() -> str:
    from . import accounts, settings

    name = accounts.current_name()
    if name:
        return name
    memo = transaction_memo()
    if memo is None:
        return settings.get("operator.name") or tr("Clerk")
    if "operator" not in memo:  # settings.set_many forgets it when the name changes
        memo["operator"] = settings.get("operator.name")
    return memo["operator"] or tr("Clerk")


ANCHOR_KEY = "audit:last_id"


def _anchor() -> int | None:
    from .numbering import Counter

    row = Counter.get_or_none(Counter.key == ANCHOR_KEY)
    return row.value if row is not None else None


def _set_anchor(last_id: int) -> None:
    sql = _sql('INSERT INTO "counter" ("key", "value") VALUES (?, ?) '
               'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"')
    database.obj.execute_sql(sql, (ANCHOR_KEY, last_id))
    from .changes import announce  # every write of entries ends here: other programs hear of it at COMMIT
    announce(last_id)


def _anchored(row: dict) -> None:
    """After the anchor was set to ``row`` (the newest entry): the next ``_tail`` in this transaction need not
    read the anchor back while that entry is still the newest (a rolled-back savepoint makes it differ)."""
    memo = transaction_memo()
    if memo is not None:
        memo["anchored"] = (row["id"], row["hash"])


def _tail(head: Head | None) -> tuple[str, int]:
    """The hash to chain after and the next id: after the newest entry, the anchor and the head,
    so ids removed from the end are never reused."""
    last = _last_entry()
    prev = last[1] if last else GENESIS
    memo = transaction_memo()
    if last is not None and memo is not None and memo.get("anchored") == last:
        anchor = last[0]  # this transaction set the anchor to the newest entry, which is still the newest
    else:
        anchor = _anchor() or 0
    next_id = max(last[0] if last else 0, anchor, head.last_id if head and head.valid else 0) + 1
    return prev, next_id


def _chain_start(exclude=frozenset(), before=None) -> tuple[bytes, str, int]:
    """Inside the write transaction: the key, the hash to chain after and the next id.

    A brand-new change record (no entries, no head, no anchor) first registers
    the records the schema steps put in (e.g. the standard categories). A
    change record written by an older version without a key (no key file yet,
    no head, its newest entry verifying with the public formula) is checked,
    re-hashed with the new key, and the result written as a "rekey" entry.
    ``exclude``: (table, record id) pairs the caller is about to register itself; ``before``: for the records
    the caller changed, {(table, record id): {field: value before the change}} (registered with those).

    The next id and previous hash are read under a lock held to the end of the transaction: SQLite's
    write lock (BEGIN IMMEDIATE), PostgreSQL's transaction-level advisory lock (engine.lock_for_audit).
    """
    from .engine import engine_of

    engine_of(database).lock_for_audit(database)
    memo = transaction_memo()
    known = memo.get("chain") if memo is not None else None
    if known is not None:  # a later entry of this transaction: the same key and head file (both change only
        db_path, key, head, create_head = known  # when no write transaction is open: at commit, key import)
        _update_head_on_commit(db_path, create_head)
        return (key, *_tail(head))
    db_path = _db_file()
    key_existed = key_path(db_path).is_file()
    if not key_existed:
        refusal = key_missing(db_path)
        if refusal:  # (nothing written: the caller's transaction rolls back; no key file is made)
            from .errors import UserError

            raise UserError(refusal)
    key = _load_key(create=True, db_path=db_path)
    head = read_head(key, db_path)
    create_head = head is not None or engine_of(database).server  # a server: each PC's own head, from its first write
    started = False
    if head is None:
        last = AuditEntry.select().order_by(AuditEntry.id.desc()).limit(1).dicts().first()
        if last is None and _anchor() is None:
            _adopt_current_state(key, tr("Registered as found when the change record was started"), exclude=exclude,
                                 before=before)
            create_head = started = True
        elif last is not None and not key_existed and _digest(last["prev_hash"], last) == last["hash"]:
            _rekey_legacy(key)
            create_head = started = True
    _update_head_on_commit(db_path, create_head)
    if memo is not None and key_existed and not started:
        memo["chain"] = (db_path, key, head, create_head)
    prev, next_id = _tail(head)
    if not key_existed and not started and prev != GENESIS:
        # a keyed change record whose key file is gone (the database was copied without its folder):
        # go on with a new key, and say so in the record; check reports the earlier entries
        prev, next_id, _ = _write_items(key, prev, next_id, [("audit_entry", None, "newkey", None, tr(
            "The key file was missing, so a new key was made: the entries before this one "
            "cannot be verified with it."))])
    return key, prev, next_id


def key_missing(db_path: Path | None = None) -> str | None:
    """Why this PC must not write, or None. On a server database whose change record has entries, a PC
    without the key (its data folder's) would start a new key and break the record for every other PC
    (a "newkey" entry): it refuses instead and says to copy the key from a PC that has it (core/keyfile.py).
    A change record written by an older version without a key is keyed as before; a file keeps its "newkey"."""
    from .engine import engine_of
    from .paths import program_name

    db_path = db_path or _db_file()
    if not engine_of(database).server or key_path(db_path).is_file():
        return None
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).limit(1).dicts().first()
    if last is None and _anchor() is None:
        return None  # a new change record: this PC's first write makes the key
    if last is not None and _digest(last["prev_hash"], last) == last["hash"] and not head_path(db_path).exists():
        return None  # written by an older version without a key: keyed with the next change
    return tr("This PC does not have the change record's key for this database, so it cannot save changes "
              "(the other PCs' checks would fail). Copy the key from a PC that has it: there, File → Export the "
              "record key… (or: {program} key export FILE); here, File → Import the record key… (or: {program} "
              "key import FILE).").format(program=program_name())


_ENTRY_COLUMNS = ("id", "ts", "operator", "table_name", "record_id", "action", "field", "old_value", "new_value",
                  "note", "prev_hash", "hash")


def _insert_entries(rows: list[dict]) -> None:
    """Entries in one prepared INSERT with the fields' own ``db_value``: what ``insert_many`` and
    ``create`` write, without building the query each time (that cost more than hashing the entries)."""
    insert_plain(AuditEntry, _ENTRY_COLUMNS, [[row[name] for name in _ENTRY_COLUMNS] for row in rows])


def _write_items(key: bytes, prev: str, next_id: int, items, batch: int = 500) -> tuple[str, int, int]:
    """Write (table, record_id, action, changes, note) items; returns (prev, next_id, written)."""
    ts = clock.now()
    operator = current_operator()
    pending: list[dict] = []
    written = 0
    for table, record_id, action, changes, note in items:
        rows = _entry_rows(key, ts, operator, prev, next_id, table, record_id, action, changes, note)
        prev, next_id = rows[-1]["hash"], rows[-1]["id"] + 1
        for row in rows:
            pending.append(row)
            if len(pending) >= batch:
                _insert_entries(pending)
                written += len(pending)
                pending = []
    if pending:
        _insert_entries(pending)
        written += len(pending)
    if written:
        _set_anchor(next_id - 1)
        _anchored({"id": next_id - 1, "hash": prev})
    return prev, next_id, written


def _adopt_current_state(key: bytes, note: str, prev: str = GENESIS, next_id: int = 1,
                         exclude=frozenset(), before=None) -> tuple[str, int]:
    """Register every audited record whose values the change record does not account for."""
    from . import integrity

    items = [item for item in integrity.adoption_items(note, before) if (item[0], item[1]) not in exclude]
    prev, next_id, _ = _write_items(key, prev, next_id, items)
    return prev, next_id


def _rekey_legacy(key: bytes, old_key: bytes | None = None) -> None:
    """Re-hash a change record written without a key (or with ``old_key``, another installation's key),
    after checking it with that formula."""
    problems = _entry_problems(old_key)
    prev = GENESIS
    count = 0
    for row in AuditEntry.select().order_by(AuditEntry.id).dicts().iterator():
        new = _keyed_digest(key, prev, row)
        AuditEntry.update(prev_hash=prev, hash=new).where(AuditEntry.id == row["id"]).execute()
        prev = new
        count += 1
    note = (tr("Change record keyed with this installation's key: {n} earlier entries checked and re-hashed.")
            if old_key is None else
            tr("Change record moved to this installation's key: {n} entries checked with the key found beside the "
               "restored backup and re-hashed.")).format(n=count)
    if problems:
        note += " " + tr("Problems found before keying: {problems}").format(problems=" ".join(problems))
    _, next_id = _tail(None)
    prev, next_id, _ = _write_items(key, prev, next_id, [("audit_entry", None, "rekey", None, note)])
    _adopt_current_state(key, tr("Registered as found when the change record was keyed"), prev, next_id)


def _as_found(items) -> tuple[frozenset, dict]:
    """What a brand-new change record's registration of the rows found (``_chain_start``) must know of the
    (table, record_id, action, changes, note) items about to be written: the records they register themselves
    (an entry with every value, field "*": left out), and for the records they only change, the values before
    the change (registered with those). An update registers nothing: a built-in row changed by the very first
    write (a seeded repair category renamed) is registered as found, or check would call it inserted outside
    the program."""
    registered: set = set()
    before: dict = {}
    for table, record_id, _action, changes, _note in items:
        if changes and "*" in changes:
            registered.add((table, record_id))
        elif changes and record_id is not None:
            found = before.setdefault((table, record_id), {})
            for name, (old, _new) in changes.items():
                found.setdefault(name, old)
    return frozenset(registered), before


def record(
    table: str,
    record_id: int | None,
    action: str,
    changes: dict[str, tuple[Any, Any]] | None = None,
    note: str | None = None,
) -> list[AuditEntry]:
    """Write change entries; call inside the transaction of the change.

    ``changes`` maps field -> (old, new). Without changes one entry records the
    action itself (e.g. "void" with the reason in ``note``).
    """
    if not database.in_transaction():
        raise RuntimeError("audit.record must run inside database.atomic()")
    key, prev, next_id = _chain_start(*_as_found([(table, record_id, action, changes, note)]))
    from .changes import before_record  # the person may do it; nobody else changed the record meanwhile
    before_record(table, record_id, action, next_id)
    rows = _entry_rows(key, clock.now(), current_operator(), prev, next_id, table, record_id, action, changes, note)
    _insert_entries(rows)
    entries = [AuditEntry(**row) for row in rows]
    _set_anchor(rows[-1]["id"])
    _anchored(rows[-1])
    return entries


def _entry_rows(key: bytes, ts, operator: str, prev: str, next_id: int, table: str, record_id: int | None,
                action: str, changes: dict[str, tuple[Any, Any]] | None, note: str | None) -> list[dict]:
    """The entries of one change, numbered from ``next_id`` and chained after ``prev`` (at least one)."""
    rows = []
    # the hashed texts (``_payload``: HASHED_FIELDS after the previous hash) of what all the entries share,
    # worked out once; each entry's hash is ``_keyed_digest(key, prev, row)``
    ts_text, operator_text, table_text = to_text(ts), to_text(operator), to_text(table)
    record_text, action_text, note_text = to_text(record_id), to_text(action), to_text(note)
    for field, (old, new) in (list((changes or {}).items()) or [(None, (None, None))]):
        old_text, new_text = to_text(old), to_text(new)
        row = {
            "id": next_id, "ts": ts, "operator": operator, "table_name": table,
            "record_id": record_id, "action": action, "field": field,
            "old_value": old_text, "new_value": new_text, "note": note,
        }
        row["prev_hash"] = prev
        payload = _JSON_TEXT([prev, to_text(next_id), ts_text, operator_text, table_text, record_text, action_text,
                              to_text(field), old_text, new_text, note_text]).encode("utf-8")
        row["hash"] = prev = hmac.digest(key, payload, "sha256").hex()
        rows.append(row)
        next_id += 1
    return rows


def snapshot(instance, fields: list[str] | None = None) -> dict[str, Any]:
    """Field values of a model instance (foreign keys as ids)."""
    model_fields = tuple(map(id, instance._meta.fields.values()))  # (fields compare by identity)
    pairs = _SNAPSHOT_ATTRS.get(type(instance))
    if pairs is None or pairs[0] != model_fields:  # (first time, or a field added or removed since)
        # a derived column (a search key) is not part of the record's story; a foreign key as its id
        pairs = (model_fields, None, tuple(
            (name, field.column_name if hasattr(field, "rel_model") else name)
            for name, field in instance._meta.fields.items() if not getattr(field, "derived", False)))
        _SNAPSHOT_ATTRS[type(instance)] = pairs
    if fields is None:
        return {name: getattr(instance, attr) for name, attr in pairs[2]}
    return {name: getattr(instance, attr) for name, attr in pairs[2] if name in fields}


_SNAPSHOT_ATTRS: dict[type, tuple] = {}  # model -> (its fields, None, ((name, attribute), ...))


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (before.get(k), v) for k, v in after.items() if to_text(before.get(k)) != to_text(v)}


def record_create(instance, note: str | None = None) -> list[AuditEntry]:
    """One entry holding every value the new record was created with (JSON)."""
    return record(instance._meta.table_name, instance.id, "create", create_changes(snapshot(instance)), note)


def record_update(instance, before: dict[str, Any], action: str = "update",
                  note: str | None = None) -> list[AuditEntry]:
    changes = diff(before, snapshot(instance, list(before)))
    if not changes:
        return []
    return record(instance._meta.table_name, instance.id, action, changes, note)


def history(table: str, record_id: int) -> list[AuditEntry]:
    return list(
        AuditEntry.select()
        .where((AuditEntry.table_name == table) & (AuditEntry.record_id == record_id))
        .order_by(AuditEntry.id)
    )


# --- sentences stored in the database, written in the reader's language when shown ---------------

def sentence(text: str, **values: Any) -> str:
    """A sentence to store (a line of an asset's history): its English source and its values as JSON, so it
    is written in the language of whoever reads it (``shown``), not of whoever did the deed. Mark ``text``
    with ``N_()`` where it is written (the caller's part translates it). A value may itself be a sentence
    (a status label, "(no place)", a list of changes by ``sentences``); other values are kept as text."""
    caller = sys._getframe(1).f_globals.get("__name__", "")
    return _JSON_SORTED_TEXT({"t": text, "p": part_of_module(caller), "v": {k: _kept(v) for k, v in values.items()}})


def sentences(items: list[str], separator: str = "; ") -> str:
    """Several stored sentences (or plain texts) joined, as one stored sentence; ``separator`` is translated."""
    return json.dumps({"j": [_kept(i) for i in items], "s": separator}, ensure_ascii=False, sort_keys=True)


def _kept(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        try:
            data = json.loads(value)
        except ValueError:
            return value
        if isinstance(data, dict) and ("t" in data or "j" in data):
            return data
        return value
    if isinstance(value, decimal.Decimal):
        return f"{value:,.2f}"
    return "" if value is None else to_text(value)


def shown(stored: str | None) -> str:
    """A stored sentence written out in the current language; a text stored as plain words before (older
    rows, or a note typed by a person) comes back as it is."""
    if not stored:
        return ""
    if not (stored.startswith("{") and stored.endswith("}")):
        return stored
    try:
        data = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(data, dict) or not ("t" in data or "j" in data):
        return stored
    return _written(data)


def _written(data: Any) -> str:
    if isinstance(data, str):
        return data
    if not isinstance(data, dict):
        return str(data)
    if "j" in data:
        separator = translate(CONTEXT, data.get("s") or "; ")
        return separator.join(_written(item) for item in data.get("j") or [])
    text = str(data.get("t") or "")
    values = {k: _written(v) for k, v in (data.get("v") or {}).items()}
    translated = translate(str(data.get("p") or CONTEXT), text)
    for candidate in (translated, text):
        try:
            return candidate.format(**values)
        except (KeyError, IndexError, ValueError):
            continue
    return text


def create_changes(values: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> dict[str, tuple[Any, Any]]:
    """The ``changes`` that ``record_create`` writes for a new record with ``values`` (foreign keys as ids);
    ``skip``: keys of ``values`` that are not the record's values (its id, and a bulk insert's derived
    columns)."""
    text_of = _TEXT_OF_TYPE.get  # to_text's commonest cases in one lookup
    clean = {k: v if type(v) is str else (text_of(type(v)) or to_text)(v)
             for k, v in values.items() if v is not None and k not in skip and v != ""}
    return {"*": (None, _JSON_SORTED_TEXT(clean))}


def record_many(items, batch: int = 500) -> int:
    """Bulk ``record``: ``items`` yields (table, record_id, action, changes, note) tuples.

    For large imports and demo data: the same entries and hash chain as calling
    ``record`` for each item, written with multi-row inserts. Call inside the
    transaction of the change. Returns the number of entries written.
    """
    if not database.in_transaction():
        raise RuntimeError("audit.record_many must run inside database.atomic()")
    items = list(items)
    from .accounts import check_write  # the logged-in person may write these tables
    for table, action in {(item[0], item[2]) for item in items}:
        check_write(table, action)
    key, prev, next_id = _chain_start(*_as_found(items))
    return _write_items(key, prev, next_id, items, batch)[2]


def max_id(model) -> int:
    """The highest id in ``model``'s table (0 if empty): take it before a bulk insert, for ``record_inserted``."""
    return model.select(model.id).order_by(model.id.desc()).limit(1).scalar() or 0


def record_inserted(model, after_id: int, note: str | None = None) -> int:
    """Register the rows a bulk insert added (ids above ``after_id``): the create entry ``record_create``
    would write for each, as the rows are stored. Call inside the transaction of the insert."""
    table = model._meta.table_name
    # the rows as dicts, not model instances: the same values (each field's own conversion, a foreign key as
    # its id) as ``snapshot`` takes from an instance, built at a fraction of the cost
    skip = ("id",) + tuple(name for name, field in model._meta.fields.items() if getattr(field, "derived", False))
    rows = model.select().where(model.id > after_id).order_by(model.id).dicts().iterator()
    return record_many((table, row["id"], "create", create_changes(row, skip), note) for row in rows)


# --- checking ------------------------------------------------------------------------

def _ranges(ids: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in ids:
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _entry_problems(key: bytes | None) -> list[str]:
    """Gaps, broken links and altered entries (``key`` None: with the public formula of older versions)."""
    gaps: list[tuple[int, int]] = []
    broken: list[int] = []
    altered: list[int] = []
    unkeyed: list[int] = []
    prev = GENESIS
    expected_id = None
    for row in AuditEntry.select().order_by(AuditEntry.id).dicts().iterator():
        if expected_id is not None and row["id"] != expected_id:
            gaps.append((expected_id, row["id"] - 1))
        if row["prev_hash"] != prev:
            broken.append(row["id"])
        elif key is None:
            if _digest(prev, row) != row["hash"]:
                altered.append(row["id"])
        elif not hmac.compare_digest(_keyed_digest(key, prev, row), row["hash"]):
            (unkeyed if _digest(prev, row) == row["hash"] else altered).append(row["id"])
        prev = row["hash"]
        expected_id = row["id"] + 1
    problems = [tr("Change record entries {first}–{last} are missing.").format(first=a, last=b) for a, b in gaps]
    for first, last in _ranges(broken):
        problems.append(
            tr("Change record entry {id} does not follow the one before it (an entry was removed or altered).").format(
                id=first) if first == last else
            tr("Change record entries {first}–{last} do not follow the entries before them "
               "(entries were removed or altered).").format(first=first, last=last))
    for first, last in _ranges(altered):
        problems.append(
            tr("Change record entry {id} was altered after it was written.").format(id=first) if first == last else
            tr("Change record entries {first}–{last} were altered after they were written.").format(
                first=first, last=last))
    for first, last in _ranges(unkeyed):
        problems.append(
            tr("Change record entry {id} was re-hashed without this installation's key: "
               "it was not written by this program.").format(id=first) if first == last else
            tr("Change record entries {first}–{last} were re-hashed without this installation's key: "
               "they were not written by this program.").format(first=first, last=last))
    return problems


def _anchor_problems(last_id: int) -> list[str]:
    anchor = _anchor()
    if anchor is not None and anchor > last_id:
        return [tr("Change record entries {first}–{last} are missing.").format(first=last_id + 1, last=anchor)]
    if anchor is not None and anchor < last_id:
        return [tr("Change record entries after {id} were not written by the program.").format(id=anchor)]
    return []


def _head_problems(key: bytes, db_path: Path, last: tuple[int, str] | None) -> list[str]:
    from .db import current_server

    shared = current_server() is not None  # a server: each PC keeps a head of its own, the others write past it
    path = head_path(db_path)
    head = read_head(key, db_path)
    if head is None:
        if last is None or shared:  # (a PC that has not written yet; its first write makes its head)
            return []
        return [tr("The head file {path} is missing, so entries cut from the end of the change record "
                   "cannot be ruled out.").format(path=path)]
    if not head.valid:
        return [tr("The head file {path} was not written by this program (or with another key).").format(path=path)]
    last_id = last[0] if last else 0
    if head.last_id > last_id:
        return [tr("The change record ends at entry {last}, but the head file {path} records entry {head}: "
                   "entries were cut from its end.").format(last=last_id, path=path, head=head.last_id)]
    entry = AuditEntry.get_or_none(AuditEntry.id == head.last_id)
    if entry is None or entry.hash != head.hash:
        return [tr("Change record entry {id} differs from the one the head file {path} records: "
                   "the change record was rewritten.").format(id=head.last_id, path=path)]
    if head.last_id < last_id and not shared:
        return [tr("The change record goes on after entry {head}, the newest one the head file {path} records "
                   "(entries {first}–{last} were added outside the program, "
                   "or the program stopped right after saving them).").format(
            head=head.last_id, path=path, first=head.last_id + 1, last=last_id)]
    return []


def is_legacy() -> bool:
    """A change record written by an older version: no key file, no head file, and it verifies with the
    public formula. It is keyed with the next change."""
    db_path = _db_file()
    if key_path(db_path).exists() or head_path(db_path).exists() or _last_entry() is None:
        return False
    return not _entry_problems(None)


def verify_chain() -> list[str]:
    """Problems in the change record (empty list: intact)."""
    db_path = _db_file()
    last = _last_entry()
    try:
        key = _load_key(create=False, db_path=db_path)
    except Exception as exc:  # a damaged key file
        return [getattr(exc, "message", str(exc))]
    if key is None:
        if last is None:
            return _anchor_problems(0)
        if not head_path(db_path).exists() and not _entry_problems(None):
            return _anchor_problems(last[0])  # written by an older version; keyed with the next change
        return [tr("The key file {path} is missing, so the change record cannot be verified.").format(
            path=key_path(db_path))]
    return _entry_problems(key) + _anchor_problems(last[0] if last else 0) + _head_problems(key, db_path, last)


def reset_head_from_database(other_key_files: list[Path] | tuple = ()) -> list[str]:
    """After a restore: check the change record with the key, then make the head file match the database.

    Returns the problems found (then the head file is left as it was). A
    backup from an older version (no key) is checked with the public formula
    and keyed in the same step. A backup from another installation (a new PC
    after a dead disk) is checked with a key file found beside it
    (``other_key_files``) and moved to this installation's key.
    """
    db_path = _db_file()
    key = _load_key(create=True, db_path=db_path)
    others = []
    for path in other_key_files:
        with contextlib.suppress(KeyUnusable, OSError):
            other = _read_key(Path(path))
            if other is not None and other != key:
                others.append(other)
    with database.atomic():
        last = _last_entry()
        problems = _entry_problems(key) + _anchor_problems(last[0] if last else 0)
        if problems and last is not None and not _entry_problems(None):
            _rekey_legacy(key)
            problems = []
        for other in others if problems and last is not None else ():
            if not _entry_problems(other):
                _rekey_legacy(key, other)
                problems = []
                break
    if problems:
        return problems
    if last is None:
        with contextlib.suppress(FileNotFoundError):
            head_path(db_path).unlink()
        return []
    _sync_head(db_path, create=True, force=True)
    return []


def check_code() -> str:
    """The first 8 hex characters of the change record's head, printed on signed documents."""
    db_path = _db_file()
    with contextlib.suppress(Exception):
        head = read_head(_load_key(create=False, db_path=db_path), db_path)
        if head is not None and head.valid:
            return head.hash[:8]
    last = _last_entry()
    return last[1][:8] if last else GENESIS[:8]
