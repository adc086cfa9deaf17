"""The change record: who changed what, when, from which value to which.

Every service write calls ``record`` inside the same ``database.atomic()``
block as the change. Entries are hash-chained (each row's hash covers its own
content and the previous row's hash), so ``verify_chain`` finds a row that was
altered or removed outside the program. The id of the newest entry is also
kept in the counter table ("audit:last_id"), so removing the newest entries
is found too.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import hashlib
import json
from typing import Any

from peewee import AutoField, CharField, DateTimeField, IntegerField, TextField

from . import clock
from .db import BaseModel, database
from .i18n import tr


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


def to_text(value: Any) -> str | None:
    """A value as the change record stores it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat(sep=" ") if isinstance(value, _dt.datetime) else value.isoformat()
    if hasattr(value, "_meta") and hasattr(value, "id"):  # a model instance (foreign key)
        return str(value.id)
    return str(value)


def _digest(prev_hash: str, row: dict) -> str:
    payload = json.dumps([prev_hash] + [to_text(row.get(k)) for k in HASHED_FIELDS], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def current_operator() -> str:
    from . import settings

    return settings.get("operator.name") or tr("Clerk")


def _last_hash() -> str:
    last = AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1).first()
    return last.hash if last else GENESIS


ANCHOR_KEY = "audit:last_id"


def _anchor() -> int | None:
    from .numbering import Counter

    row = Counter.get_or_none(Counter.key == ANCHOR_KEY)
    return row.value if row is not None else None


def _set_anchor(last_id: int) -> None:
    from .numbering import Counter

    Counter.insert(key=ANCHOR_KEY, value=last_id).on_conflict(
        conflict_target=[Counter.key], update={Counter.value: last_id}).execute()


def _next_id() -> int:
    """After the newest entry, and after the anchor: ids removed from the end are never reused."""
    last = AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1).scalar() or 0
    return max(last, _anchor() or 0) + 1


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
    ts = clock.now()
    operator = current_operator()
    rows = _entry_rows(ts, operator, _last_hash(), _next_id(), table, record_id, action, changes, note)
    entries = [AuditEntry.create(**row) for row in rows]
    _set_anchor(rows[-1]["id"])
    return entries


def _entry_rows(ts, operator: str, prev: str, next_id: int, table: str, record_id: int | None, action: str,
                changes: dict[str, tuple[Any, Any]] | None, note: str | None) -> list[dict]:
    """The entries of one change, numbered from ``next_id`` and hash-chained after ``prev`` (at least one)."""
    rows = []
    for field, (old, new) in (list((changes or {}).items()) or [(None, (None, None))]):
        row = {
            "id": next_id, "ts": ts, "operator": operator, "table_name": table,
            "record_id": record_id, "action": action, "field": field,
            "old_value": to_text(old), "new_value": to_text(new), "note": note,
        }
        row["prev_hash"] = prev
        row["hash"] = _digest(prev, row)
        rows.append(row)
        prev = row["hash"]
        next_id += 1
    return rows


def snapshot(instance, fields: list[str] | None = None) -> dict[str, Any]:
    """Field values of a model instance (foreign keys as ids)."""
    out = {}
    for name, field in instance._meta.fields.items():
        if fields is not None and name not in fields:
            continue
        if hasattr(field, "rel_model"):
            out[name] = getattr(instance, field.column_name)
        else:
            out[name] = getattr(instance, name)
    return out


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (before.get(k), v) for k, v in after.items() if to_text(before.get(k)) != to_text(v)}


def record_create(instance, note: str | None = None) -> list[AuditEntry]:
    """One entry holding every value the new record was created with (JSON)."""
    values = {k: to_text(v) for k, v in snapshot(instance).items() if k != "id" and v not in (None, "")}
    return record(
        instance._meta.table_name, instance.id, "create",
        {"*": (None, json.dumps(values, ensure_ascii=False, sort_keys=True))}, note,
    )


def record_update(instance, before: dict[str, Any], action: str = "update", note: str | None = None) -> list[AuditEntry]:
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


def verify_chain() -> list[str]:
    """Problems in the change record (empty list: intact)."""
    problems: list[str] = []
    prev = GENESIS
    expected_id = None
    query = AuditEntry.select().order_by(AuditEntry.id).dicts().iterator()
    for row in query:
        if expected_id is not None and row["id"] != expected_id:
            problems.append(tr("Change record entries {first}–{last} are missing.").format(first=expected_id, last=row["id"] - 1))
        if row["prev_hash"] != prev:
            problems.append(tr("Change record entry {id} does not follow the one before it (an entry was removed or altered).").format(id=row["id"]))
        elif _digest(prev, row) != row["hash"]:
            problems.append(tr("Change record entry {id} was altered after it was written.").format(id=row["id"]))
        prev = row["hash"]
        expected_id = row["id"] + 1
    anchor = _anchor()
    last_id = (expected_id or 1) - 1
    if anchor is not None and anchor > last_id:
        problems.append(tr("Change record entries {first}–{last} are missing.").format(first=last_id + 1, last=anchor))
    elif anchor is not None and anchor < last_id:
        problems.append(tr("Change record entries after {id} were not written by the program.").format(id=anchor))
    return problems


def create_changes(values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The ``changes`` that ``record_create`` writes for a new record with ``values`` (foreign keys as ids)."""
    clean = {k: to_text(v) for k, v in values.items() if k != "id" and v not in (None, "")}
    return {"*": (None, json.dumps(clean, ensure_ascii=False, sort_keys=True))}


def record_many(items, batch: int = 500) -> int:
    """Bulk ``record``: ``items`` yields (table, record_id, action, changes, note) tuples.

    For large imports and demo data: the same entries and hash chain as calling
    ``record`` for each item, written with multi-row inserts. Call inside the
    transaction of the change. Returns the number of entries written.
    """
    if not database.in_transaction():
        raise RuntimeError("audit.record_many must run inside database.atomic()")
    ts = clock.now()
    operator = current_operator()
    prev = _last_hash()
    next_id = _next_id()
    pending: list[dict] = []
    written = 0
    for table, record_id, action, changes, note in items:
        rows = _entry_rows(ts, operator, prev, next_id, table, record_id, action, changes, note)
        prev, next_id = rows[-1]["hash"], rows[-1]["id"] + 1
        for row in rows:
            pending.append(row)
            if len(pending) >= batch:
                AuditEntry.insert_many(pending).execute()
                written += len(pending)
                pending = []
    if pending:
        AuditEntry.insert_many(pending).execute()
        written += len(pending)
    if written:
        _set_anchor(next_id - 1)
    return written
