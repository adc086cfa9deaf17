"""Backups with SQLite's online backup API, rotation and a checked restore.

Nothing here leaves half a file behind: every copy is written to ``NAME.part``
(or ``<database>.restore-tmp``), synced, and renamed into place in one step; a
failed copy is removed and the error names the real cause and the path.

**Restore** holds the database exclusively from start to end: it waits (with a
message) for a program writing to or holding the file, and refuses after
``LOCK_TIMEOUT`` seconds. Inside the lock it switches the file out of WAL mode
(so no ``-wal``/``-shm`` of the old file can ever be applied to the new one),
makes the safety copy (``backups/<stem>-prerestore-<time>.db``, a name no other
copy has), writes the backup beside the live file, syncs it and renames it over
the live file. At every instant there is a whole live database; ``kill -9`` at
any point leaves either the old or the new one, and the next start removes the
leftovers (``clean_leftovers``). Over a damaged live file the same happens
without the lock (SQLite cannot lock a file it cannot read): the damaged file is
copied to ``backups/<stem>-damaged-<time>.db`` first.

POSIX note: closing *any* descriptor of a file drops all of this process's
locks on it, so while the lock is held the live file is only ever touched
through SQLite (which shares its descriptors per process), never ``open()``.
"""

from __future__ import annotations

import datetime as _dt
import errno
import functools
import itertools
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import clock, db, engine
from .errors import UserError
from .fileio import sync_folder
from .i18n import join_clauses, join_list, tr
from .tasks import Cancelled

log = logging.getLogger(__name__)

KEEP_DAILY = 14
LOCK_TIMEOUT = 120.0  # seconds a restore waits for another program writing to or holding the database
_LOCK_SLICE = 0.25  # one attempt at the exclusive lock (then: a message, Cancel, and again)
_SIDE_FILES = ("-wal", "-shm", "-journal")
RESTORE_TMP = ".restore-tmp"
PART = ".part"
_NO_HEAD = object()  # the head file has not been touched (yet)
# Copies a restore writes while it holds the database (or while the file is too damaged for anyone to
# use it): a leftover of theirs is stale as soon as nobody holds the database. Other copies (manual,
# daily, premigrate) are written without holding it, so theirs must also be this many seconds old.
_RESTORE_KINDS = ("-prerestore-", "-damaged-")
STALE_PART_SECONDS = 60
_SQLITE_FULL = 13


def _read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (spaces, #, ? and Chinese names are escaped) that leaves no -wal or
    -shm beside a copy in WAL mode (db.read_only_uri)."""
    return db.read_only_uri(Path(path))


def _read_write_uri(path: Path) -> str:
    """Read-write, never creating the file."""
    return Path(path).resolve().as_uri() + "?mode=rw"


def backup_dir(db_path: Path | None = None) -> Path:
    path = db_path or db.current_path()
    if path is None:
        raise UserError(tr("No database is open."))
    return db.backups_folder(path)


# --- writing files whole or not at all -----------------------------------------------------------

def _remove(*paths: Path) -> None:
    for p in paths:
        try:
            os.unlink(p)
        except FileNotFoundError:
            pass
        except OSError:  # in use (Windows) or not ours to delete: left for the next start
            pass


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_error(exc: BaseException, path: Path, needed: int = 0) -> UserError | None:
    """Why ``path`` could not be written, in the clerk's words (None: not a write error)."""
    if isinstance(exc, UserError):
        return exc
    folder = path.parent
    full = tr("Cannot write {path}: the disk is full. Free some space and try again.")
    read_only = tr("Cannot write {path}: the folder {folder} is read-only, or you have no permission to write there.")
    missing = tr("Cannot write {path}: the folder {folder} does not exist.")
    other = tr("Cannot write {path}: {error}")
    error = db.sqlite_error(exc)
    if error is None and isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            text = full
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            text = read_only
        elif exc.errno == errno.ENOENT and not folder.is_dir():
            text = missing
        else:
            text = other
        return UserError(text.format(path=path, folder=folder, error=exc.strerror or exc))
    if error is None:
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_FULL or "disk is full" in str(error):
        text = full
    elif primary in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED: the database being copied is held by another program
        text = tr("Cannot write {path}: another program holds the database (a restore, perhaps). "
                  "Try again in a moment.")
    elif not folder.is_dir():
        text = missing
    elif not os.access(folder, os.W_OK | os.X_OK):
        text = read_only
    elif primary == 10 and _space_left(folder) <= max(needed, 1 << 20):  # SQLITE_IOERR with no room left
        text = full
    else:
        text = other
    return UserError(text.format(path=path, folder=folder, error=error))


def _space_left(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62


def _reserve(directory: Path, base: str) -> tuple[Path, Path]:
    """A name ``base[-n].db`` in ``directory`` no other copy has, and its ``.part`` (created, empty)."""
    for n in itertools.count(1):
        dest = directory / (f"{base}.db" if n == 1 else f"{base}-{n}.db")
        part = dest.with_name(dest.name + PART)
        if dest.exists():
            continue
        try:
            fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            continue
        os.close(fd)
        return dest, part
    raise AssertionError("unreachable")


def _publish(part: Path, dest: Path, base: str | None = None) -> Path:
    """Rename ``part`` to ``dest`` in one step. With ``base`` (a generated name), never over another file."""
    if base is None:
        os.replace(part, dest)
        return dest
    while True:
        try:
            os.link(part, dest)  # fails if another process took the name meanwhile
        except FileExistsError:
            dest, other_part = _reserve(dest.parent, base)
            _remove(other_part)
            continue
        except OSError:  # no hard links on this file system: the reserved name is ours anyway
            os.replace(part, dest)
            return dest
        _remove(part)
        return dest


def _copy_into(src: sqlite3.Connection, part: Path, progress=None, needed: int = 0, shown: Path | None = None) -> None:
    """The whole database behind ``src`` into ``part`` (rollback journal mode), synced; no leftovers on failure.
    An error names ``shown`` (the file the copy is for), not the temporary name."""
    try:
        target = sqlite3.connect(str(part))
        try:
            def _progress(status, remaining, total):
                if progress is not None and total:
                    progress(total - remaining, total)

            src.backup(target, pages=256, progress=_progress)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        _fsync_file(part)
    except BaseException as exc:
        _remove(part, part.with_name(part.name + "-journal"))
        error = _write_error(exc, shown or part, needed) if isinstance(exc, Exception) else None
        if error is None:
            raise
        raise error from None


def _file_size(path: Path | None) -> int:
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0


def _copy_from_server(part: Path, progress, shown: Path) -> None:
    """A server database's backup: every table copied into this program's own SQLite file (portable.py)."""
    from . import portable

    try:
        portable.write_sqlite_copy(db.database.obj, part)
        _fsync_file(part)
    except BaseException as exc:
        _remove(part, part.with_name(part.name + "-journal"))
        if isinstance(exc, Exception):
            cause = exc.__cause__ if isinstance(exc, UserError) and exc.__cause__ is not None else exc
            error = _write_error(cause, shown)
            if error is not None and error is not cause:
                raise error from None
        raise
    if progress is not None:
        progress(1, 1)


def make_backup(dest: str | Path | None = None, *, kind: str = "manual", progress=None) -> Path:
    """Copy the open database to ``dest`` (default: backups/<stem>-<kind>-<time>.db, a name no other backup has).

    An explicit ``dest`` must be in a folder that exists; a default one creates
    the backups folder. Raises ``UserError`` naming the path and the cause
    (disk full, read-only or missing folder) and leaves no partial file.
    """
    path = db.current_path()
    if path is None:
        raise UserError(tr("No database is open."))
    server = db.current_server() is not None  # then a portable copy: this program's own SQLite file
    needed = 0 if server else _file_size(path) + _file_size(path.with_name(path.name + "-wal"))
    if dest is None:
        directory = backup_dir(path)
        base = f"{path.stem}-{kind}-{clock.now():%Y%m%d-%H%M%S}"
        try:
            directory.mkdir(parents=True, exist_ok=True)
            dest, part = _reserve(directory, base)
        except OSError as exc:
            raise _write_error(exc, directory / f"{base}.db") from None
    else:
        dest, base = Path(dest), None
        if dest.is_dir():
            raise UserError(tr("{path} is a folder: give a file name for the backup.").format(path=dest))
        if not dest.parent.is_dir():
            raise UserError(tr("Cannot write {path}: the folder {folder} does not exist.").format(
                path=dest, folder=dest.parent))
        part = dest.with_name(dest.name + PART)
        _remove(part, part.with_name(part.name + "-journal"))
    if server:
        _copy_from_server(part, progress, dest)
    else:
        _copy_into(db.database.connection(), part, progress, needed, dest)
    try:
        return _publish(part, dest, base)
    except OSError as exc:
        _remove(part)
        raise _write_error(exc, dest) from None


SECOND_FOLDER_KEY = "backup.second_folder"


def second_folder() -> Path | None:
    """The second folder backups are copied to (another disk, a USB stick), if the clerk chose one."""
    from . import settings

    chosen = (settings.get(SECOND_FOLDER_KEY) or "").strip()
    return Path(chosen) if chosen else None


def copy_to_second_folder(made: Path) -> tuple[Path | None, str | None]:
    """Copy the backup ``made`` into the second folder (all or nothing: a temporary name, synced, renamed).

    Returns (the copy, None) or (None, why not). A missing second folder (a USB stick not plugged in)
    or a full disk is a message, never an exception: the first backup was written either way.
    Daily copies there are rotated like the ones beside the database.
    """
    folder = second_folder()
    if folder is None:
        return None, None
    if not folder.is_dir():
        return None, tr("The second backup folder {folder} is not there (is the USB stick plugged in?).").format(
            folder=folder)
    dest = folder / made.name
    part = dest.with_name(dest.name + PART)
    try:
        shutil.copyfile(made, part)
        _fsync_file(part)
        os.replace(part, dest)
        sync_folder(folder)
    except OSError as exc:
        _remove(part)
        error = _write_error(exc, dest, _file_size(made))
        return None, error.message if error is not None else str(exc)
    _copy_key_to(folder)
    stem = made.name.split("-daily-")[0] if "-daily-" in made.name else None
    if stem:
        try:
            rotate(folder, stem)
        except OSError as exc:
            log.warning("rotating the second backup folder failed: %s", exc)
    return dest, None


def _copy_key_to(folder: Path) -> None:
    """The change record's key beside the copies: restored on a new PC (the old disk dead), the backup's
    record can then still be verified and moved to the new key. Whoever holds this folder holds the key,
    as whoever holds the data folder does."""
    from .audit import KEY_FILE

    path = db.current_path()
    key = path.parent / KEY_FILE if path is not None else None
    if key is None or not key.is_file():
        return
    dest = folder / KEY_FILE
    try:
        if dest.is_file() and dest.read_bytes() == key.read_bytes():
            return
        part = dest.with_name(dest.name + PART)
        shutil.copyfile(key, part)
        os.replace(part, dest)
    except OSError as exc:
        log.warning("copying the key to the second backup folder failed: %s", exc)


def backup_with_copy(kind: str = "manual", progress=None) -> tuple[Path, str]:
    """A backup into the backups folder and its copy in the second folder; (the backup, what to tell the clerk)."""
    made = make_backup(kind=kind, progress=progress)
    return made, backup_message(made, *copy_to_second_folder(made))


def backup_message(made: Path, copy: Path | None, problem: str | None) -> str:
    text = tr("Backup written: {path}").format(path=made)
    if copy is not None:
        text += " " + tr("A copy is in {path}.").format(path=copy)
    elif problem:
        text += " " + tr("No second copy: {reason}").format(reason=problem)
    return text


def _daily_backups(directory: Path, stem: str) -> list[tuple[_dt.date, Path]]:
    out = []
    for p in directory.glob(f"{stem}-daily-*.db"):
        try:
            day = _dt.datetime.strptime(p.stem.split("-daily-")[1][:8], "%Y%m%d").date()
        except (IndexError, ValueError):
            continue
        out.append((day, p))
    return sorted(out)


def daily_backup_if_due() -> Path | None:
    """At most one automatic backup a day; keep 14 daily and one per month."""
    path = db.current_path()
    if path is None:
        return None
    directory = backup_dir(path)
    today = clock.today()
    existing = _daily_backups(directory, path.stem) if directory.exists() else []
    if existing and existing[-1][0] >= today:
        return None
    made = make_backup(kind="daily")
    rotate(directory, path.stem)
    return made


def daily_backup_with_copy() -> tuple[Path, str] | None:
    """The daily backup (if due) and its copy in the second folder; None when today's exists."""
    made = daily_backup_if_due()
    if made is None:
        return None
    return made, backup_message(made, *copy_to_second_folder(made))


def rotate(directory: Path, stem: str) -> list[Path]:
    """Delete daily backups beyond the last 14, keeping the newest of each month."""
    backups = _daily_backups(directory, stem)
    keep = {p for _, p in backups[-KEEP_DAILY:]}
    newest_per_month: dict[tuple[int, int], Path] = {}
    for day, p in backups:
        newest_per_month[(day.year, day.month)] = p
    keep.update(newest_per_month.values())
    removed = []
    for _, p in backups:
        if p not in keep:
            p.unlink()
            removed.append(p)
    return removed


# --- what a backup must look like ----------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _schema_after_each_step() -> dict[str, dict[str, frozenset[str]]]:
    """step name -> {table: column names} right after that step, from running the chain in memory."""
    from peewee import SqliteDatabase

    from .migrations import known_steps, runner

    memory = SqliteDatabase(":memory:")
    try:
        run = runner(memory)
        out = {}
        for name in known_steps():
            run.up(target=name)
            out[name] = {t: frozenset(c.name for c in memory.get_columns(t)) for t in memory.get_tables()}
        return out
    finally:
        memory.close()


def _missing_tables(con: sqlite3.Connection, applied: set[str]) -> list[str]:
    """Tables (or columns) the recorded schema version must have but the file lacks."""
    from .migrations import known_steps

    steps = known_steps()
    reached = [s for s in steps if s in applied]
    if not reached:
        return [tr("(no schema step recorded)")]
    last = reached[-1]
    skipped = [s for s in steps[: steps.index(last) + 1] if s not in applied]
    if skipped:
        return [tr("(schema steps missing from its history: {steps})").format(steps=join_list(skipped))]
    missing = []
    for table, columns in sorted(_schema_after_each_step()[last].items()):
        found = {r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}
        if not found:
            missing.append(table)
        elif columns - found:
            missing.append(f"{table}.{', '.join(sorted(columns - found))}")
    return missing


def verify(path: str | Path) -> list[str]:
    """Problems that make ``path`` unusable as a backup (empty list: fine).

    Refused: not a regular file, not an SQLite database, failing SQLite's
    integrity check, without this program's ``application_id`` (a backup
    written before migration 0008 carries none and is accepted when its history
    says so), without schema history, from a newer version, or missing any
    table its recorded schema version must have.
    """
    path = Path(path)
    if not path.exists():
        return [tr("File not found: {path}").format(path=path)]
    if not path.is_file():
        return [tr("{path} is not a file.").format(path=path)]
    try:
        con = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
            problems = [r[0] for r in rows if r[0] != "ok"]
            if problems:
                return [tr("The file is damaged: {detail}").format(detail=join_clauses(problems[:5]))]
            app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            applied = (
                {r[0] for r in con.execute("SELECT name FROM schema_migration")}
                if "schema_migration" in tables else set()
            )
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            from .migrations import known_steps, latest_index

            known = set(known_steps())
            newer = bool(applied - known) or version > latest_index()
            missing = _missing_tables(con, applied) if applied and not newer else []
        finally:
            con.close()
    except sqlite3.Error as exc:
        return [tr("Not a Logistics Desk database: {error}").format(error=exc)]
    problems = []
    if "schema_migration" not in tables:
        problems.append(tr("Not a Logistics Desk database: it has no schema history."))
    marked_step = "0008_application_id"
    if app_id != db.APPLICATION_ID and (app_id != 0 or not applied or marked_step in applied or newer):
        problems.append(tr("Not a Logistics Desk backup: the file does not carry this program's mark "
                           "(application_id)."))
    if newer:
        problems.append(tr("It was written by a newer version of Logistics Desk."))
    if missing:
        problems.append(tr("It lacks tables its schema version must have: {tables}").format(tables=join_list(missing)))
    return problems


# --- restore -------------------------------------------------------------------------------------

@dataclass
class Restored:
    """What a restore did: ``safety`` is the copy of the data it replaced (``damaged``: the damaged file)."""

    source: Path
    target: Path
    safety: Path
    damaged: bool = False
    warnings: list[str] = field(default_factory=list)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def restore(source: str | Path, *, target: str | Path | None = None, progress=None,
            on_wait: Callable[[str], None] | None = None, cancelled: Callable[[], bool] | None = None,
            timeout: float | None = None) -> Restored:
    """Replace the database ``target`` (default: the open one) with the backup ``source``.

    ``source`` is checked first (``verify``); a refusal raises ``UserError`` and
    leaves the live file byte-identical. Then see the module's docstring. Before
    the rename the new file's change record is checked with this installation's
    key and the head kept outside the file moved to it; after it the file is
    opened once (migrated if it is older). If ``target`` was the open database
    it is open again afterwards (the old one if the restore failed). ``on_wait(message)`` is
    called while another program holds the file; ``cancelled()`` may stop the
    wait. Returns a ``Restored``.
    """
    source = Path(source)
    problems = verify(source)
    if problems:
        raise UserError(tr("The backup cannot be restored: {problems}").format(problems=" ".join(problems)))
    if target is None:
        target = db.current_server() or db.current_path()
        if target is None:
            raise UserError(tr("No database is open."))
    target = db.resolve_path(target)
    if isinstance(target, engine.ServerAddress):
        return _restore_to_server(source, target)
    if not target.exists():
        raise UserError(tr("The database {path} does not exist. Check the path; nothing was created.").format(
            path=target))
    if not target.is_file():
        raise UserError(tr("{path} is not a database file (it is a folder or a device).").format(path=target))
    if _same_file(source, target):
        raise UserError(tr("That is the database in use: choose a backup file."))
    was_open = db.current_path() is not None and _same_file(db.current_path(), target)
    if was_open:
        db.close_database()  # this process's own connection would hold the file too
    done = False
    try:
        result = _replace_locked(source, target, progress, on_wait, cancelled,
                                 LOCK_TIMEOUT if timeout is None else timeout)
        done = True
    finally:
        if was_open and not done:
            try:
                db.open_database(target, create=False, backup=False)
            except Exception:  # the restore's own error is the one to show
                pass
    db.open_database(target, create=False, backup=False)  # migrates a backup from an older version
    if not was_open:
        db.close_database()
    return result


def _restore_to_server(source: Path, target: engine.ServerAddress) -> Restored:
    """Fill an EMPTY server database from the backup (a database with tables is refused untouched: on a
    server there is no file to keep as the safety copy). ``safety`` is then the backup itself."""
    from . import portable

    was_open = db.current_server() == target
    if was_open:
        db.close_database()
    problems = portable.fill_server(source, target, _key_files_beside(source))
    if not was_open:
        db.close_database()
    if problems:
        problems = [tr("The change record of the restored data does not verify with this installation's key; "
                       "check will report it:")] + problems
    return Restored(source, target.logical_path(db.paths.data_dir()), source, warnings=problems)


def _saved_head(target: Path):
    """The bytes of the change record's head file (None: there is none) before a restore moves it."""
    from . import audit

    if not hasattr(audit, "head_path"):
        return _NO_HEAD
    try:
        return audit.head_path(target).read_bytes()
    except FileNotFoundError:
        return None


def _key_files_beside(source: Path) -> list[Path]:
    """Key files that may have come with a backup: in its folder, or in the data folder above ``backups/``."""
    from .audit import KEY_FILE

    folder = Path(source).resolve().parent
    return [folder / KEY_FILE, folder.parent / KEY_FILE]


def _adopt_change_record(tmp: Path, target: Path, source: Path | None = None) -> list[str]:
    """Before the new file goes live: check its change record with this installation's key and move the
    head kept outside the file (``<database>.head``) to it, so that no moment after the rename has a head
    that disagrees with the live file. Returns the problems found (then the head is left as it was)."""
    from . import audit

    reset = getattr(audit, "reset_head_from_database", None)
    if reset is None:
        return []
    before = _stamp(tmp)
    with db.opened_as(tmp, target):
        problems = list(reset(_key_files_beside(source)) if source is not None else reset() or [])
    if _stamp(tmp) != before:  # an older backup's record was keyed in the same step: make that durable too
        _fsync_file(tmp)
    if problems:
        problems = [tr("The change record of the restored data does not verify with this installation's key; "
                       "check will report it:")] + problems
    return problems


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def _put_back_head(target: Path, saved: bytes | None) -> None:
    """The rename failed: the head file goes back to what it said about the old file."""
    from . import audit

    head = audit.head_path(target)
    if saved is None:
        _remove(head)
        return
    tmp = head.with_name(head.name + ".restore-back")
    tmp.write_bytes(saved)
    os.replace(tmp, head)


def _replace_locked(source: Path, target: Path, progress, on_wait, cancelled, timeout: float) -> Restored:
    con = _lock_exclusively(target, timeout, on_wait, cancelled, progress)
    if con is None:
        return _replace_damaged(source, target, progress)
    try:
        damaged = _quick_check_fails(con)
        kind = "damaged" if damaged else "prerestore"
        safety = _safety_copy(con, target, kind, progress)

        def replace(tmp: Path) -> None:
            nonlocal con
            if os.name == "nt":  # an open file cannot be replaced on Windows: let go first, then rename at once
                con.close()
                con = None
                _replace_soon(tmp, target)
            else:
                os.replace(tmp, target)

        # the old file's -wal/-shm are stale, and nobody has them open
        warnings = _swap_in(source, target, progress, ("-wal", "-shm"), replace)
    finally:
        if con is not None:
            con.close()
    return Restored(source, target, safety, damaged, warnings)


def _swap_in(source: Path, target: Path, progress, side_files, replace) -> list[str]:
    """Write ``source`` beside ``target``, check its change record and move the head file to it, then
    ``replace(tmp)`` it over the live file in one step (dropping ``target``'s ``side_files`` first).
    On any failure the temporary file goes and the head file is put back. Returns the change-record warnings."""
    tmp = target.with_name(target.name + RESTORE_TMP)
    head = _NO_HEAD
    try:
        _write_new(source, tmp, progress)
        head = _saved_head(target)
        _keep_head_aside(target, head)  # a kill -9 before the rename: the next start puts this back
        warnings = _adopt_change_record(tmp, target, source)
        _remove(*(target.with_name(target.name + s) for s in side_files))
        replace(tmp)
        head = _NO_HEAD
        sync_folder(target.parent)
        _remove(_head_aside(target))
    except BaseException:
        _remove(*(tmp.with_name(tmp.name + s) for s in ("", "-journal", "-wal", "-shm")))
        if head is not _NO_HEAD:
            _put_back_head(target, head)
            _remove(_head_aside(target))
        raise
    return warnings


def _head_aside(target: Path) -> Path:
    """Where a restore keeps the live file's head until the new file is in place (``<db>.head.restore-back``)."""
    from . import audit

    head = audit.head_path(target)
    return head.with_name(head.name + ".restore-back")


def _keep_head_aside(target: Path, saved) -> None:
    """Write the live file's head (empty: it had none) beside it, durably, before the head is moved to the new
    file: if the restore dies before its rename, the live file is still the old one and ``clean_leftovers``
    gives it back its own head; after the rename the new file's head stands and this copy is only removed."""
    if saved is _NO_HEAD:
        return
    aside = _head_aside(target)
    part = aside.with_name(aside.name + ".part")
    part.write_bytes(saved or b"")
    _fsync_file(part)
    os.replace(part, aside)
    sync_folder(target.parent)


def _head_back_after_a_kill(db_path: Path, renamed: bool) -> None:
    """A restore killed with its head kept aside: before the rename (``renamed`` False) the old file is live,
    so its head goes back; after it, the new head stands."""
    from . import audit

    if not hasattr(audit, "head_path"):
        return
    aside = _head_aside(db_path)
    if not aside.is_file():
        return
    if not renamed:
        _put_back_head(db_path, aside.read_bytes() or None)
    _remove(aside, aside.with_name(aside.name + ".part"))


def _replace_soon(tmp: Path, target: Path) -> None:
    for attempt in range(20):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt == 19:
                raise UserError(tr("Another program opened the database {path} during the restore, so it could "
                                   "not be replaced. Nothing was changed; close the other program and try again.")
                                .format(path=target)) from None
            time.sleep(0.1)


def _quick_check_fails(con: sqlite3.Connection) -> bool:
    try:
        return con.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok"
    except sqlite3.DatabaseError:
        return True


def _lock_exclusively(target: Path, timeout: float, on_wait, cancelled, progress) -> sqlite3.Connection | None:
    """A connection holding ``target`` exclusively, in rollback-journal mode with the WAL merged in.

    Waits while another program writes to or has the file open; raises
    ``UserError`` after ``timeout`` seconds. None when the file is too damaged
    for SQLite to lock it.
    """
    deadline = time.monotonic() + timeout
    state = None
    while True:
        try:
            con = sqlite3.connect(_read_write_uri(target), uri=True, timeout=_LOCK_SLICE, isolation_level=None,
                                  check_same_thread=False)
        except sqlite3.Error as exc:
            raise db.explain_open_error(exc, target) or UserError(str(exc)) from None
        try:
            con.execute("PRAGMA locking_mode=EXCLUSIVE")  # locks are kept until the connection closes
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]  # merges the WAL; needs sole access
            if str(mode).lower() != "delete":
                raise sqlite3.OperationalError("database is locked")
            con.execute("BEGIN EXCLUSIVE")
            con.execute("COMMIT")
            con.execute("PRAGMA journal_mode=MEMORY")  # no -journal file beside the live one from here on
            return con
        except sqlite3.Error as exc:
            con.close()
            reason = db.explain_open_error(exc, target)
            if reason is None or reason.kind not in ("locked", "damaged"):
                raise reason or UserError(str(exc)) from None
            if reason.kind == "damaged":
                return None
        if time.monotonic() >= deadline:
            if state == "writing":
                message = tr("Restore refused: another program kept writing to the database {path} for {seconds} "
                             "seconds. Nothing was changed; try again when it has finished.")
            else:
                message = tr("Restore refused: another program still has the database {path} open (the Logistics "
                             "Desk window, perhaps). Close it and try again; nothing was changed.")
            raise UserError(message.format(path=target, seconds=int(timeout)))
        now = "writing" if _writer_active(target) else "open"
        if now != state:
            state = now
            if on_wait is not None:
                on_wait(tr("Another program is writing to the database (an import, perhaps); waiting for it to "
                           "finish…") if now == "writing" else
                        tr("Another program has the database open (the Logistics Desk window, perhaps); waiting "
                           "up to {seconds} seconds for it to close…").format(seconds=int(timeout)))
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(0, 0)
        time.sleep(0.05)


def _writer_active(target: Path) -> bool:
    """Does another program hold the write lock right now?"""
    try:
        con = sqlite3.connect(_read_write_uri(target), uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite3.Error:
        return True
    finally:
        con.close()


def _safety_copy(con: sqlite3.Connection, target: Path, kind: str, progress) -> Path:
    directory = db.backups_folder(target)
    base = f"{target.stem}-{kind}-{clock.now():%Y%m%d-%H%M%S}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        dest, part = _reserve(directory, base)
    except OSError as exc:
        raise _nothing_restored(_write_error(exc, directory / f"{base}.db")) from None
    try:
        _copy_into(con, part, progress, _file_size(target), dest)
    except UserError as exc:
        raise _nothing_restored(exc) from None
    return _publish(part, dest, base)


def _nothing_restored(error: UserError) -> UserError:
    return UserError(tr("{reason} The safety copy could not be made, so nothing was restored.").format(
        reason=error.message))


def _write_new(source: Path, tmp: Path, progress) -> None:
    """The backup, copied beside the live file and synced."""
    _remove(tmp, tmp.with_name(tmp.name + "-journal"))
    try:
        src = sqlite3.connect(_read_only_uri(source), uri=True)
    except sqlite3.Error as exc:
        raise UserError(tr("The backup cannot be restored: {problems}").format(problems=exc)) from None
    try:
        try:
            _copy_into(src, tmp, progress, _file_size(source), tmp)
        except UserError as exc:
            raise UserError(tr("{reason} Nothing was restored.").format(reason=exc.message)) from None
    finally:
        src.close()


def _replace_damaged(source: Path, target: Path, progress) -> Restored:
    """The live file cannot be read (nobody can use it, so there is nothing to lock): keep it, then replace it."""
    directory = db.backups_folder(target)
    base = f"{target.stem}-damaged-{clock.now():%Y%m%d-%H%M%S}"
    part = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        kept, part = _reserve(directory, base)
        shutil.copyfile(target, part)
        _fsync_file(part)
        kept = _publish(part, kept, base)
        for suffix in _SIDE_FILES:
            extra = target.with_name(target.name + suffix)
            if extra.exists():
                shutil.copyfile(extra, kept.with_name(kept.name + suffix))
    except OSError as exc:
        if part is not None:
            _remove(part)
        error = _write_error(exc, part or directory / f"{base}.db")
        raise UserError(tr("{reason} The damaged file could not be kept, so nothing was restored.").format(
            reason=error.message)) from None
    # the damaged file's side files were kept above
    warnings = _swap_in(source, target, progress, _SIDE_FILES, lambda tmp: os.replace(tmp, target))
    return Restored(source, target, kept, True, warnings)


# --- leftovers of an interrupted restore or backup -----------------------------------------------

def clean_leftovers(db_path: Path) -> list[Path]:
    """Remove ``<db>.restore-tmp`` and the backups folder's ``.part`` files that no running copy is writing.

    Called when the database is opened. Nothing is removed while a restore
    holds the database; a ``.part`` still being written is locked by SQLite and
    left alone, and so is a recent one of a backup made without the lock.
    """
    db_path = Path(db_path)
    tmps = [p for p in db_path.parent.glob(f"{_glob_escape(db_path.name)}{RESTORE_TMP}*")]
    directory = db.backups_folder(db_path)
    parts = []
    if directory.is_dir():
        stem = _glob_escape(db_path.stem)
        parts = [p for p in directory.glob(f"{stem}-*{PART}") if p.is_file()]
    if not tmps and not parts:
        _head_back_after_a_kill(db_path, renamed=True)
        return []
    try:
        guard = sqlite3.connect(_read_write_uri(db_path), uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return []
    removed = []
    try:
        try:  # a read transaction: no restore can take the file while it is open
            guard.execute("BEGIN")
            guard.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            return []  # a restore is running (or the file is damaged): not now
        _head_back_after_a_kill(db_path, renamed=not any(p.name.endswith(RESTORE_TMP) for p in tmps))
        for p in tmps:
            _remove(p)
            removed.append(p)
        for p in parts:
            if _being_written(p):
                continue
            if not any(kind in p.name for kind in _RESTORE_KINDS) and _age(p) < STALE_PART_SECONDS:
                continue  # a backup by another program may be between its last page and its rename
            _remove(p, p.with_name(p.name + "-journal"))
            removed.append(p)
        guard.execute("COMMIT")
    finally:
        guard.close()
    return removed


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _being_written(part: Path) -> bool:
    try:
        con = sqlite3.connect(_read_write_uri(part), uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    except sqlite3.Error:
        return False
    finally:
        con.close()


def _glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)
