"""``check`` of a backup copy leaves the copy exactly as it was: a backup is evidence.

Before the fix ``main.py --db backups/COPY check`` opened the copy like the live database
(db.open_database): WAL mode was set (the file's header changed, -wal/-shm appeared while it was open),
``clean_leftovers`` ran on it, and a copy of an older schema was migrated, with a "premigrate" backup of
the backup written into ``backups/backups/``. A copy in the second backup folder (settings
"backup.second_folder", not named ``backups``) was checked as a live database: "the head file … is missing".
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from logistics_desk import cli
from logistics_desk.core import audit, backup, db, integrity, masterdata, settings
from logistics_desk.core.errors import UserError
from logistics_desk.core.masterdata import Supplier
from logistics_desk.core.migrations import known_steps, latest_index, runner

pytestmark = pytest.mark.sqlite_only  # backup files and what is beside them

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its sha256: nothing may appear, vanish or change."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def check(path: Path, capsys) -> tuple[int, str]:
    code = cli.main(["--db", str(path), "--lang", "en", "check"])
    return code, capsys.readouterr().out


def applied_steps(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM schema_migration ORDER BY name")]
    finally:
        con.close()


@pytest.fixture
def live(database, db_path):
    for n in range(3):
        masterdata.save(Supplier, {"name": f"供应商{n}", "phone": f"1380000000{n}"})
    masterdata.save(Supplier, {"phone": "0551-1"}, Supplier.get(Supplier.name == "供应商0"))
    return db_path


@pytest.fixture
def copy(live):
    made = backup.make_backup()
    masterdata.save(Supplier, {"name": "备份之后"})  # the live file goes on: its head is past the copy's end
    db.close_database()
    return made


def test_checking_a_backup_changes_no_byte_of_it(copy, capsys):
    before, folder = digest(copy), folder_state(copy.parent)
    code, out = check(copy, capsys)
    assert code == 0, out
    assert "backup copy" in out  # the findings are those of before (tests/core/test_check_backup.py)
    assert digest(copy) == before
    assert folder_state(copy.parent) == folder  # no -wal, -shm, backups/backups/, .part …
    assert not Path(str(copy) + "-wal").exists() and not Path(str(copy) + "-shm").exists()


def test_checking_a_backup_from_the_command_line_changes_no_byte_of_it(copy, tmp_path):
    """The way the clerk runs it: ``python main.py --db COPY check`` in a process of its own."""
    before, folder = digest(copy), folder_state(copy.parent)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOGISTICS_DESK_DATA": str(tmp_path / "data")}
    env.pop("LOGISTICS_DESK_DB", None)
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(copy), "--lang", "en", "check"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "backup copy" in run.stdout
    assert digest(copy) == before
    assert folder_state(copy.parent) == folder


def test_a_wal_mode_copy_is_read_without_leaving_a_wal_or_shm_file(live, capsys):
    """A copy of the live file as it is on disk (WAL mode in its header, as the old check left copies): a
    read-only SQLite connection would create -wal and -shm beside it; ``immutable`` leaves none."""
    db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = live.parent / "backups"
    folder.mkdir()
    copy = folder / "logistics-manual-20260101-080000.db"
    shutil.copyfile(live, copy)
    db.close_database()
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # WAL
    before, files = digest(copy), folder_state(folder)
    code, out = check(copy, capsys)
    assert "backup copy" in out, out
    assert digest(copy) == before
    assert folder_state(folder) == files


def test_a_backup_opened_read_only_refuses_writes(copy):
    before = digest(copy)
    db.open_database(copy, read_only=True)
    try:
        assert db.opened_read_only()
        with pytest.raises(UserError, match="read-only"):
            masterdata.save(Supplier, {"name": "不该写入"})
        with pytest.raises(UserError, match="read-only"):
            db.database.execute_sql("DELETE FROM supplier")
        assert Supplier.select().count() == 3
    finally:
        db.close_database()
    assert not db.opened_read_only()
    assert digest(copy) == before


def test_read_only_needs_no_write_access(copy):
    """A copy on a read-only medium (a CD, a write-protected stick) can be checked."""
    before = digest(copy)
    copy.chmod(0o444)
    copy.parent.chmod(0o555)
    try:
        db.open_database(copy, read_only=True)
        try:
            assert integrity.check().ok
        finally:
            db.close_database()
    finally:
        copy.parent.chmod(0o755)
        copy.chmod(0o644)
    assert digest(copy) == before


@pytest.fixture
def old_copy(live):
    """A backup of schema 1 (the first step only) in the live database's backups folder, with a supplier
    inserted outside the program."""
    folder = live.parent / "backups"
    folder.mkdir()
    path = folder / "logistics-daily-20240901-080000.db"
    raw = SqliteDatabase(str(path))
    runner(raw).up(target=known_steps()[0])
    raw.execute_sql("PRAGMA user_version = 1")
    raw.execute_sql("INSERT INTO supplier (name, active) VALUES ('旧供应商', 1)")
    raw.close()
    db.close_database()
    return path


def test_checking_an_older_copy_neither_migrates_nor_changes_it(old_copy, capsys):
    before, folder = digest(old_copy), folder_state(old_copy.parent)
    code, out = check(old_copy, capsys)
    assert digest(old_copy) == before
    assert folder_state(old_copy.parent) == folder  # no backups/backups/…-premigrate-….db either
    assert not (old_copy.parent / "backups").exists()
    assert applied_steps(old_copy) == [known_steps()[0]]
    # what can be checked is checked: the supplier inserted outside the program is still found
    assert code == 1
    assert "supplier record 1 has no registration" in out
    assert f"schema 1 (older than this program's schema {latest_index()})" in out
    assert "not migrated" in out


def test_an_older_copy_is_reported_in_the_window_the_same_way(old_copy):
    db.open_database(old_copy, read_only=True)
    try:
        assert db.older_schema() == (1, latest_index())
        report = integrity.check()
    finally:
        db.close_database()
    assert [f.table for f in report.findings] == ["supplier"]
    assert any("not migrated" in n for n in report.notes)
    assert applied_steps(old_copy) == [known_steps()[0]]


def test_a_copy_from_a_newer_version_is_refused_unchanged(copy, capsys):
    con = sqlite3.connect(str(copy))
    con.execute(f"PRAGMA user_version = {latest_index() + 5}")
    con.close()
    before = digest(copy)
    code, out = check(copy, capsys)
    assert code != 0
    assert digest(copy) == before


def test_the_live_database_is_still_migrated_when_checked(live, capsys):
    """``check`` of the live file opens it as always (migrating an older one first)."""
    db.close_database()
    code, out = check(live, capsys)
    assert code == 0, out
    assert live.read_bytes()[18:20] == b"\x02\x02"  # the live file stays in WAL mode
    assert "backup copy" not in out


# --- a copy in the second backup folder ----------------------------------------------------------

@pytest.fixture
def second_copy(live, tmp_path):
    folder = tmp_path / "U盘" / "总务台账 副本"  # not named "backups"
    folder.mkdir(parents=True)
    settings.set_many({backup.SECOND_FOLDER_KEY: str(folder)})
    made, message = backup.backup_with_copy()
    masterdata.save(Supplier, {"name": "备份之后"})
    db.close_database()
    copied = folder / made.name
    assert copied.is_file(), message
    assert (folder / audit.KEY_FILE).is_file()  # the key goes with the copies
    return copied


def test_a_copy_in_the_second_folder_is_checked_as_a_backup(second_copy, capsys):
    before, folder = digest(second_copy), folder_state(second_copy.parent)
    assert integrity.is_backup_copy(second_copy)
    code, out = check(second_copy, capsys)
    assert code == 0, out
    assert "is missing" not in out  # before: "The head file …/总务台账 副本/….db.head is missing"
    assert "backup copy" in out
    assert digest(second_copy) == before
    assert folder_state(second_copy.parent) == folder


def test_the_second_folder_is_recognised_from_the_open_databases_setting(live, tmp_path):
    """The window (the live database open, its setting naming the folder) says the same."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    settings.set_many({backup.SECOND_FOLDER_KEY: str(folder)})
    outside = tmp_path / "outside"
    outside.mkdir()
    made = backup.make_backup(folder / "x.db")
    other = backup.make_backup(outside / "y.db")
    assert integrity.is_backup_copy(made)
    assert not integrity.is_backup_copy(other)
    assert not integrity.is_backup_copy(live)


def test_a_database_file_that_is_not_a_copy_is_not_taken_for_one(live, tmp_path):
    db.close_database()
    assert not integrity.is_backup_copy(live)
    assert not integrity.is_backup_copy(tmp_path / "missing.db")
    assert not integrity.is_backup_copy(None)


# --- the other readers of a backup: verify (restore, the Restore dialog, move-db) and restore itself ----------

@pytest.fixture
def wal_copy(live, tmp_path):
    """A copy in WAL mode (as the old check left copies, or a file copy of the live database)."""
    db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = tmp_path / "copies"
    folder.mkdir()
    path = folder / "copy.db"
    shutil.copyfile(live, path)
    assert path.read_bytes()[18:20] == b"\x02\x02"
    return path


def test_verify_leaves_no_wal_or_shm_beside_a_wal_mode_copy(wal_copy):
    """Before: backup.verify's mode=ro connection left copy.db-wal and copy.db-shm behind."""
    before, files = digest(wal_copy), folder_state(wal_copy.parent)
    assert backup.verify(wal_copy) == []
    assert digest(wal_copy) == before
    assert folder_state(wal_copy.parent) == files


def test_restoring_from_a_copy_leaves_the_copy_as_it_was(wal_copy, live):
    masterdata.save(Supplier, {"name": "恢复之前"})
    before, files = digest(wal_copy), folder_state(wal_copy.parent)
    backup.restore(wal_copy)
    assert not Supplier.select().where(Supplier.name == "恢复之前").exists()
    assert digest(wal_copy) == before
    assert folder_state(wal_copy.parent) == files
