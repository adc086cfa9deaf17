"""What ``check`` proves: the file, the change record, and the books against the record.

``reconcile`` replays the change record for every audited record: it starts
from the values of the record's "create" entry (JSON under field ``*``),
applies every later per-field entry in order, and compares the result with
the values in the table. A record with no registration entry was inserted
outside the program; a registration whose record is gone was deleted outside
it; every other difference is a field changed outside it.

``check`` puts it together: SQLite's integrity check, the keyed chain and its
head (core/audit.py), and the reconciliation.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import decimal
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import BooleanField, DateField, DateTimeField, DecimalField, FloatField, ForeignKeyField, IntegerField

from . import audit
from .i18n import tr

# Every table whose records the services register (audit.record_create / record_update /
# record / record_many); any other table with entries for a record id is reconciled too.
AUDITED_TABLES = (
    "term", "department", "place", "person", "supplier", "category",
    "asset", "asset_transfer", "asset_loan", "asset_damage", "asset_disposal",
    "stocktake", "stocktake_line", "stocktake_unknown",
    "purchase_budget", "purchase_request", "purchase_line", "purchase_approval", "purchase_quote",
    "purchase_delivery", "purchase_acceptance", "store_item", "store_movement", "store_issue", "store_count",
    "store_count_line",
    "repair_category", "repair_ticket", "checklist", "inspection",
    "canteen_fridge", "canteen_dish", "canteen_sample", "canteen_reading", "canteen_closure",
)

# Fields the program changes without a change-record entry, on purpose. They are
# derived from other records or are bookkeeping, so they are not compared.
UNAUDITED_FIELDS: dict[str, frozenset[str]] = {
    # the time of the last change: the change record's own entries carry it
    "asset": frozenset({"updated_at"}),
    "purchase_request": frozenset({"updated_at"}),
    # is_open follows status, search_text is built from the other fields (repairs.service._save)
    "repair_ticket": frozenset({"updated_at", "is_open", "search_text"}),
    # how often and when last a dish was on the menu: counted as samples are entered
    "canteen_dish": frozenset({"use_count", "last_used"}),
    # how and when a line was counted: the entry of the count says it (stocktake.service.UNAUDITED)
    "stocktake_line": frozenset({"method", "counted_at"}),
    # how many times an unknown code was scanned (the scans are kept in stocktake_scan)
    "stocktake_unknown": frozenset({"times"}),
}

# Settings that are not the clerk's data (the program keeps them without an entry).
UNAUDITED_SETTINGS: frozenset[str] = frozenset()

SETTING_TABLE = "setting"

# Tables the schema steps fill (the standard categories). Until the change record has its first
# entry their rows are not findings; the first write registers them ("baseline" entries).
SEEDED_TABLES = frozenset({"category", "repair_category"})


@dataclass
class Finding:
    table: str
    record_id: Any
    field: str | None
    recorded: str | None
    found: str | None
    message: str
    kind: str = "field"  # "unregistered", "deleted", "gone", "field"


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    entries: int = 0
    records: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return tr("Database intact; change record intact ({count} entries); "
                      "all {records} records agree with it.").format(count=self.entries, records=self.records)
        return tr("Check found {n} problems.").format(n=len(self.problems))


_model_loaders: list[Callable[[], Any]] = []


def register_model_loader(load: Callable[[], Any]) -> None:
    """The module registry hands core the way to import every module's models (core never imports a module).

    ``logistics_desk.modules`` registers it when it is imported, which happens before any module's models
    can be imported (Python imports a package before its subpackages)."""
    if load not in _model_loaders:
        _model_loaders.append(load)


def _models() -> dict[str, Any]:
    from . import accounts, masterdata, numbering, settings  # noqa: F401  (registers the core models)
    from .db import BaseModel

    for load in _model_loaders:
        load()
    out: dict[str, Any] = {}
    stack = list(BaseModel.__subclasses__())
    while stack:
        model = stack.pop()
        stack.extend(model.__subclasses__())
        out.setdefault(model._meta.table_name, model)
    return out


def _norm(fld, text: str | None) -> Any:
    """A stored text in a form that compares equal however the program wrote the same value."""
    if text is None or text == "":
        return None
    try:
        if isinstance(fld, BooleanField):
            return {"1": True, "true": True, "0": False, "false": False}.get(text.lower(), text)
        if isinstance(fld, (DecimalField, FloatField)):
            return decimal.Decimal(text).normalize()
        if isinstance(fld, (IntegerField, ForeignKeyField)):
            return int(decimal.Decimal(text))
        if isinstance(fld, DateTimeField):
            return _dt.datetime.fromisoformat(text)
        if isinstance(fld, DateField):
            return _dt.date.fromisoformat(text[:10]) if len(text) >= 10 else text
    except (ValueError, ArithmeticError, TypeError):
        return text
    return text


class _State:
    __slots__ = ("values", "registered", "deleted")

    def __init__(self):
        self.values: dict[str, str | None] = {}
        self.registered = False
        self.deleted = False


def _replay(tables: set[str] | None = None) -> tuple[dict[tuple[str, int], _State], dict[str, str | None], int]:
    """The values the change record says each record has; settings separately."""
    from .audit import AuditEntry

    states: dict[tuple[str, int], _State] = {}
    setting_values: dict[str, str | None] = {}
    count = 0
    query = (AuditEntry.select(AuditEntry.table_name, AuditEntry.record_id, AuditEntry.action,
                               AuditEntry.field, AuditEntry.new_value)
             .order_by(AuditEntry.id).tuples().iterator())
    for table, record_id, action, fld, new in query:
        count += 1
        if record_id is None:
            if table == SETTING_TABLE and fld:
                setting_values[fld] = new
            continue
        if tables is not None and table not in tables:
            continue
        state = states.get((table, record_id))
        if state is None:
            state = states[(table, record_id)] = _State()
        if action == "delete":
            state.deleted = True
        elif fld == "*":
            if new is None:
                continue
            try:
                values = json.loads(new)
            except ValueError:
                values = None
            if isinstance(values, dict):
                state.values = {k: (None if v is None else str(v)) for k, v in values.items()}
                state.registered, state.deleted = True, False
        elif fld:
            state.values[fld] = new
    return states, setting_values, count


def _fields(model, present: dict[str, set[str]] | None = None) -> list[tuple[str, Any]]:
    """The fields compared; ``present`` ({table: columns}, see ``_present_columns``): only those the file has."""
    skip = UNAUDITED_FIELDS.get(model._meta.table_name, frozenset())
    columns = None if present is None else present.get(model._meta.table_name, set())
    return [(name, f) for name, f in model._meta.fields.items()
            if name not in skip and not f.primary_key and not getattr(f, "derived", False)
            and (columns is None or f.column_name in columns)]


def _present_columns() -> dict[str, set[str]] | None:
    """{table: columns} of a file of an older schema opened read-only (a backup copy checked without
    migrating it, db.older_schema): what can be compared there. None: the file has this program's schema."""
    from . import db

    if db.older_schema() is None:
        return None
    opened = db.database
    return {t: {c.name for c in opened.get_columns(t)} for t in opened.get_tables()}


def _current_rows(model, present: dict[str, set[str]] | None = None):
    """(id, {field: text}) for every row, foreign keys as ids."""
    names = [name for name, _ in _fields(model, present)]
    columns = [model._meta.primary_key] + [model._meta.fields[n] for n in names]
    for row in model.select(*columns).tuples().iterator():
        yield row[0], {n: audit.to_text(v) for n, v in zip(names, row[1:], strict=True)}


def _setting_text(raw: str | None) -> str | None:
    from .settings import _text

    try:
        return audit.to_text(_text(json.loads(raw))) if raw is not None else None
    except ValueError:
        return raw


def reconcile(progress=None, *, seeded: bool = False) -> tuple[list[Finding], int, int]:
    """Every difference between the audited tables and the change record; (findings, entries, records).

    ``seeded``: also the rows of ``SEEDED_TABLES`` in a change record without entries.
    """
    models = _models()
    from .audit import AuditEntry

    with_entries = {t for (t,) in AuditEntry.select(AuditEntry.table_name).where(
        AuditEntry.record_id.is_null(False)).distinct().tuples()}
    present = _present_columns()  # an older copy: its own tables and columns only
    tables = [t for t in sorted(set(AUDITED_TABLES) | with_entries)
              if t in models and t != SETTING_TABLE and (present is None or t in present)]
    states, setting_values, count = _replay(set(tables))
    findings: list[Finding] = []
    records = 0
    for n, table in enumerate(tables):
        model = models[table]
        fields = dict(_fields(model, present))
        seen: set[int] = set()
        for record_id, current in _current_rows(model, present):
            records += 1
            seen.add(record_id)
            state = states.get((table, record_id))
            if state is None and not count and not seeded and table in SEEDED_TABLES:
                continue
            if state is None or not state.registered:
                findings.append(Finding(table, record_id, None, None, None, tr(
                    "{table} record {id} has no registration in the change record: "
                    "it was inserted outside the program.").format(table=table, id=record_id), "unregistered"))
                continue
            if state.deleted:
                findings.append(Finding(table, record_id, None, None, None, tr(
                    "{table} record {id} was deleted according to the change record, "
                    "but it is in the table.").format(table=table, id=record_id), "deleted"))
                continue
            for name, text in current.items():
                recorded = state.values.get(name)
                if recorded == text:
                    continue
                fld = fields[name]
                if _norm(fld, recorded) != _norm(fld, text):
                    findings.append(Finding(table, record_id, name, recorded, text, tr(
                        "{table} record {id}, field {field}: the change record says {recorded}, "
                        "the table holds {found}.").format(
                        table=table, id=record_id, field=name, recorded=_shown(recorded), found=_shown(text))))
        for (t, record_id), state in states.items():
            if t == table and state.registered and not state.deleted and record_id not in seen:
                findings.append(Finding(table, record_id, None, None, None, tr(
                    "{table} record {id} is registered in the change record but missing from the table: "
                    "it was deleted outside the program.").format(table=table, id=record_id), "gone"))
        if progress is not None:
            progress(n + 1, len(tables) + 1)
    findings += _reconcile_settings(models, setting_values)
    return findings, count, records


def _reconcile_settings(models, recorded: dict[str, str | None]) -> list[Finding]:
    model = models.get(SETTING_TABLE)
    if model is None:
        return []
    findings = []
    current = {key: _setting_text(raw) for key, raw in model.select(model.key, model.value).tuples()}
    for key in sorted(set(current) | set(recorded)):
        if key in UNAUDITED_SETTINGS:
            continue
        if (current.get(key) or None) != (recorded.get(key) or None):
            findings.append(Finding(SETTING_TABLE, key, key, recorded.get(key), current.get(key), tr(
                "Setting {key}: the change record says {recorded}, the table holds {found}.").format(
                key=key, recorded=_shown(recorded.get(key)), found=_shown(current.get(key)))))
    return findings


def _shown(text: str | None) -> str:
    if text is None or text == "":
        return tr("(empty)")
    return repr(text) if len(text) <= 80 else repr(text[:77] + "...")


def adoption_items(note: str, before: dict | None = None) -> list[tuple]:
    """Change-record items that register the tables as they are now (when a change record is started or
    keyed): a "baseline" entry for each record or value the record does not account for.

    ``before``: {(table, record id): {field: value}} for records the write that starts the record has already
    changed in its transaction (a seeded category renamed first): registered with the values they had."""
    findings, _, _ = reconcile(seeded=True)
    models = _models()
    items: list[tuple] = []
    by_record: dict[tuple[str, Any], list[Finding]] = {}
    for f in findings:
        by_record.setdefault((f.table, f.record_id), []).append(f)
    for (table, record_id), group in by_record.items():
        if table == SETTING_TABLE:
            items.append((SETTING_TABLE, None, "baseline", {f.field: (f.recorded, f.found) for f in group}, note))
            continue
        first = group[0]
        if first.kind == "gone":
            items.append((table, record_id, "delete", None, note))
        elif first.kind in ("unregistered", "deleted"):
            model = models[table]
            row = model.select().where(model._meta.primary_key == record_id).get()
            values = {**audit.snapshot(row), **(before or {}).get((table, record_id), {})}
            items.append((table, record_id, "baseline", audit.create_changes(values), note))
        else:
            items.append((table, record_id, "baseline", {f.field: (f.recorded, f.found) for f in group}, note))
    return items


def is_backup_copy(path: Path | None) -> bool:
    """``path`` is a copy in a database's backups folder (``backups/`` beside the live file, db.backups_folder),
    or in the second backup folder (setting "backup.second_folder", ``_second_folders``) without a head file
    beside it (a copy has none; a live database there does)."""
    from . import audit, db

    if path is None:
        return False
    path = Path(path)
    if path.parent == db.backups_folder(path.parent.parent / path.name):
        return True
    if not path.is_file() or audit.head_path(path).exists():
        return False
    return any(_same_folder(path.parent, folder) for folder in _second_folders(path))


def _second_folders(path: Path) -> list[Path]:
    """The second backup folder as the open database's settings name it, and as the settings inside the
    file ``path`` name it (a copy there is a backup of a database that had it chosen: copy_to_second_folder).
    Read without changing anything (db.read_only_uri)."""
    import sqlite3

    from . import db, settings
    from .backup import SECOND_FOLDER_KEY

    found: list[str] = []
    if db.current_path() is not None and not db.database.is_closed():
        with contextlib.suppress(Exception):  # (a file of another schema: no setting)
            found.append(settings.get(SECOND_FOLDER_KEY) or "")
    try:
        con = sqlite3.connect(db.read_only_uri(path), uri=True, timeout=1.0)
        try:
            row = con.execute("SELECT value FROM setting WHERE key = ?", (SECOND_FOLDER_KEY,)).fetchone()
        finally:
            con.close()
        if row is not None and row[0] is not None:
            found.append(json.loads(row[0]))
    except (sqlite3.Error, ValueError):
        pass
    return [Path(text.strip()).expanduser() for text in found if isinstance(text, str) and text.strip()]


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _legacy_note() -> str:
    return tr("The change record was written by an older version without a key; it will be keyed with the next change.")


def _check_copy_chain(path: Path, report: Report) -> None:
    """The change record of a backup copy, checked as restore checks it: with a key that came with the copy
    (beside it, or the live database's in the folder above ``backups/``: ``backup._key_files_beside``, the
    function restore uses). A copy has no head file of its own (the live file's head is past its end)."""
    from . import backup

    last = audit._last_entry()
    anchor = audit._anchor_problems(last[0] if last else 0)
    keys: list[tuple[Path, bytes]] = []
    damaged: list[str] = []
    for candidate in backup._key_files_beside(path):
        try:
            key = audit._read_key(candidate)
        except audit.KeyUnusable:
            damaged.append(tr("The key file {path} is damaged: the change record cannot be written or checked.").format(
                path=candidate))
            continue
        if key is not None and all(key != k for _, k in keys):
            keys.append((candidate, key))
    if not keys:
        if last is None or not audit._entry_problems(None):  # empty, or written by an older version without a key
            report.problems += anchor
            if last is not None:
                report.notes.append(_legacy_note())
            return
        report.problems += damaged or [tr("The key file {path} is missing, so the change record cannot be verified.")
                                       .format(path=audit.key_path(path.parent.parent / path.name))]
        return
    tried = [(where, audit._entry_problems(key) + anchor) for where, key in keys]
    where, problems = next((t for t in tried if not t[1]), tried[0])
    report.problems += problems
    if not problems and last is not None:
        report.notes.append(tr("{path} is a backup copy: its change record was verified with the key {key}. "
                               "A backup has no head file, so entries cut from the end of its change record "
                               "cannot be ruled out.").format(path=path, key=where))


def check(progress=None) -> Report:
    """Everything ``check`` looks at; ``report.ok`` when nothing was found. A copy in a backups folder
    (``is_backup_copy``) is verified with the key restore would use (``_check_copy_chain``)."""
    from . import db

    report = Report()
    report.problems += [tr("SQLite: {p}").format(p=p) for p in db.integrity_problems()]
    if report.problems:
        return report  # a damaged file: reading on could fail or mislead
    path = db.current_path() if db.current_server() is None else None
    older = db.older_schema()
    if older is not None:
        report.notes.append(tr("{path} is of schema {schema} (older than this program's schema {latest}); it was "
                               "checked as it is and not migrated: tables and fields its schema does not have "
                               "were not compared.").format(path=path, schema=older[0], latest=older[1]))
    if is_backup_copy(path):
        _check_copy_chain(path, report)
    else:
        report.problems += audit.verify_chain()
        if audit.is_legacy():
            report.notes.append(_legacy_note())
    findings, report.entries, report.records = reconcile(progress)
    report.findings = findings
    report.problems += [f.message for f in findings]
    return report
