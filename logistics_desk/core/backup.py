"""Backups with SQLite's online backup API, rotation and a checked restore."""

from __future__ import annotations

import datetime as _dt
import shutil
import sqlite3
from pathlib import Path

from . import clock, db
from .errors import UserError
from .i18n import tr

KEEP_DAILY = 14


def _read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (spaces, #, ? and Chinese names are escaped)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def backup_dir(db_path: Path | None = None) -> Path:
    path = db_path or db.current_path()
    if path is None:
        raise UserError(tr("No database is open."))
    return path.parent / "backups"


def _copy(src: sqlite3.Connection, dest: Path, progress=None) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    if tmp.exists():
        tmp.unlink()
    target = sqlite3.connect(str(tmp))
    try:
        def _progress(status, remaining, total):
            if progress is not None and total:
                progress(total - remaining, total)

        src.backup(target, pages=256, progress=_progress)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    tmp.replace(dest)


def make_backup(dest: str | Path | None = None, *, kind: str = "manual", progress=None) -> Path:
    """Copy the open database to ``dest`` (default: backups/<stem>-<kind>-<time>.db)."""
    path = db.current_path()
    if path is None:
        raise UserError(tr("No database is open."))
    if dest is None:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        dest = backup_dir(path) / f"{path.stem}-{kind}-{stamp}.db"
    dest = Path(dest)
    _copy(db.database.connection(), dest, progress)
    return dest


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


def verify(path: str | Path) -> list[str]:
    """Problems that make ``path`` unusable as a backup (empty list: fine)."""
    path = Path(path)
    if not path.is_file():
        return [tr("File not found: {path}").format(path=path)]
    try:
        con = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
            problems = [r[0] for r in rows if r[0] != "ok"]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            applied = (
                {r[0] for r in con.execute("SELECT name FROM schema_migration")}
                if "schema_migration" in tables else set()
            )
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error as exc:
        return [tr("Not a Logistics Desk database: {error}").format(error=exc)]
    if problems:
        return [tr("The file is damaged: {detail}").format(detail="; ".join(problems[:5]))]
    if "schema_migration" not in tables:
        problems.append(tr("Not a Logistics Desk database: it has no schema history."))
    from .migrations import known_steps, latest_index

    if applied - set(known_steps()) or version > latest_index():
        problems.append(tr("It was written by a newer version of Logistics Desk."))
    return problems


def restore(source: str | Path, *, progress=None) -> Path:
    """Replace the open database with ``source`` after checking it.

    The current file is backed up first (kind "prerestore"); returns that path.
    """
    problems = verify(source)
    if problems:
        raise UserError(tr("The backup cannot be restored: {problems}").format(problems="; ".join(problems)))
    path = db.current_path()
    if path is None:
        raise UserError(tr("No database is open."))
    if Path(source).resolve() == path.resolve():
        raise UserError(tr("That is the database in use: choose a backup file."))
    safety = make_backup(kind="prerestore")
    src = sqlite3.connect(_read_only_uri(Path(source)), uri=True)
    try:
        src.backup(db.database.connection(), pages=256,
                   progress=(lambda s, r, t: progress(t - r, t)) if progress else None)
    finally:
        src.close()
    from .migrations import migrate

    migrate(db.database.obj, backup=False)
    return safety


def restore_file(source: str | Path, target: str | Path) -> Path:
    """Restore ``source`` over a database file that cannot be opened (damaged).

    Nothing may have ``target`` open. The damaged file (and its -wal/-shm) is
    moved to backups/<stem>-damaged-<time>.db first; returns that path. The
    caller opens (and so migrates) the restored file afterwards.
    """
    problems = verify(source)
    if problems:
        raise UserError(tr("The backup cannot be restored: {problems}").format(problems="; ".join(problems)))
    target = Path(target)
    if Path(source).resolve() == target.resolve():
        raise UserError(tr("That is the database in use: choose a backup file."))
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    kept = backup_dir(target) / f"{target.stem}-damaged-{stamp}.db"
    kept.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.move(str(target), str(kept))
    for suffix in ("-wal", "-shm"):
        extra = target.with_name(target.name + suffix)
        if extra.exists():
            shutil.move(str(extra), str(kept.with_name(kept.name + suffix)))
    tmp = target.with_name(target.name + ".part")
    shutil.copyfile(str(source), str(tmp))
    tmp.replace(target)
    return kept
