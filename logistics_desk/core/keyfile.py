"""Moving the change record's key from one PC to another (``key export FILE``, ``key import FILE``).

The key (core/audit.py) lives in each PC's data folder, never in the database: whoever can edit the
database must not be able to forge the record. On a server database every PC needs the same key; a PC
without it refuses to write (``audit.key_missing``) until the key is imported here.

A key file is JSON: the key, the identity of the database it belongs to (the change record's first
entry: its id and hash, which only this key could have written) and a seal (HMAC with the key over the
rest), so a damaged or edited file is refused. Before an imported key is kept, the whole change record
must verify with it. Whoever holds the file holds the key: it is written readable by its owner only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from . import accounts, audit, clock, db
from .errors import UserError
from .i18n import tr

FORMAT = "logistics-desk record key"
VERSION = 1
MAX_BYTES = 64 * 1024


def identity() -> dict | None:
    """The open database's identity: its change record's first entry (None: the record is empty)."""
    row = (audit.AuditEntry.select(audit.AuditEntry.id, audit.AuditEntry.hash)
           .order_by(audit.AuditEntry.id).limit(1).tuples().first())
    return {"first_entry": row[0], "first_hash": row[1]} if row else None


def _seal(key: bytes, body: dict) -> str:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, b"key-file|" + text.encode("utf-8"), hashlib.sha256).hexdigest()


def _first_entry_fits(key: bytes) -> bool:
    row = audit.AuditEntry.select().order_by(audit.AuditEntry.id).limit(1).dicts().first()
    return row is not None and hmac.compare_digest(audit._keyed_digest(key, row["prev_hash"], row), row["hash"])


def export_key(path: str | os.PathLike) -> Path:
    """Write this PC's key for the open database to ``path`` (readable by its owner only). Administrators only
    (as settings), when accounts are on."""
    accounts.require(accounts.SETTINGS)
    key = audit._load_key(create=False)
    if key is None:
        raise UserError(tr("This PC has no change record key for this database ({path} is missing): "
                           "export it on a PC that has it.").format(path=audit.key_path()))
    ident = identity()
    if ident is None:
        raise UserError(tr("The change record of this database has no entries yet: the key is made with the "
                           "first change, and any PC may make it."))
    if not _first_entry_fits(key):
        raise UserError(tr("This PC's key does not fit this database's change record: export the key on a PC "
                           "whose check passes."))
    body = {"format": FORMAT, "version": VERSION, "key": key.hex(), "database": ident,
            "described": db.describe(), "written": clock.now().isoformat(sep=" ", timespec="seconds")}
    data = json.dumps({**body, "seal": _seal(key, body)}, ensure_ascii=False, indent=1).encode("utf-8")
    path = Path(path)
    _write_private(path, data)
    return path


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(tr("Cannot write {path}: {error}").format(path=path, error=exc.strerror or exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def read_key_file(path: str | os.PathLike) -> tuple[bytes, dict]:
    """The key and the database identity in a key file; a file that is not one, or was altered: UserError."""
    path = Path(path)
    bad = tr("{path} is not a change record key file written by this program, or it was altered after it was "
             "written: export the key again on a PC that has it.").format(path=path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UserError(tr("Cannot read {path}: {error}").format(path=path, error=exc.strerror or exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
        seal = str(data.pop("seal"))
        key = bytes.fromhex(str(data["key"]))
        ident = data["database"]
        ident = {"first_entry": int(ident["first_entry"]), "first_hash": str(ident["first_hash"])}
        fits = data["format"] == FORMAT and len(key) == audit.KEY_BYTES and len(raw) <= MAX_BYTES
    except (ValueError, KeyError, TypeError, AttributeError):
        raise UserError(bad) from None
    if not fits or not hmac.compare_digest(seal, _seal(key, data)):
        raise UserError(bad)
    return key, ident


def import_key(path: str | os.PathLike) -> str:
    """Keep the key in ``path`` as this PC's key for the open database, after checking that it belongs to it
    and that the whole change record verifies with it. Returns what was done, for people."""
    accounts.require(accounts.SETTINGS)
    key, ident = read_key_file(path)
    mine = identity()
    if mine is None:
        raise UserError(tr("The change record of this database has no entries yet: there is no key to import "
                           "(the first change makes it)."))
    if ident != mine:
        raise UserError(tr("The key in {path} belongs to another database: this database's change record starts "
                           "with another entry. Export the key from a PC that uses this database.").format(path=path))
    last = audit._last_entry()
    problems = audit._entry_problems(key) + audit._anchor_problems(last[0] if last else 0)
    if problems:
        raise UserError(tr("The change record does not verify with the key in {path}, so it was not kept: "
                           "{problems}").format(path=path, problems=" ".join(problems)))
    target = audit.key_path()
    try:
        current = audit._read_key(target)
    except audit.KeyUnusable:
        current = b""
    if current == key:
        return tr("This PC already has this key ({path}).").format(path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if current is not None:  # another key (a damaged one, or one made by mistake): kept aside, never lost
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        os.replace(target, target.with_name(f"{target.name}.replaced-{stamp}"))
    _write_private(target, key)
    head = audit.head_path()
    if head.exists() and not (audit.read_head(key) or audit.Head(0, "", False)).valid:
        os.replace(head, head.with_name(f"{head.name}.replaced-{_dt.datetime.now():%Y%m%d-%H%M%S}"))
    audit._sync_head(audit._db_file(), create=True, force=True)  # the record verified: the head names its end
    return tr("The key was checked against the change record and kept in {path}: this PC can now save "
              "changes.").format(path=target)


# --- the command line: `key export FILE`, `key import FILE` -----------------------------------------

def add_cli(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("key", parents=[common], help="move the change record's key between PCs")
    verbs = p.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    e = verbs.add_parser("export", parents=[common], help="write this PC's key for the database to FILE")
    e.add_argument("file")
    i = verbs.add_parser("import", parents=[common],
                         help="check the key in FILE against the change record, then keep it on this PC")
    i.add_argument("file")


def run_cli(args: argparse.Namespace, out) -> int:
    if args.key_command == "export":
        path = export_key(args.file)
        out(tr("The change record key was written to {path}. Keep it like a password; on each other PC that "
               "uses this database: {program} key import FILE").format(path=path, program=_program()))
        return 0
    out(import_key(args.file))
    return 0


def _program() -> str:
    from .paths import program_name

    return program_name()
