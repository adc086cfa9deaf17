"""Backups: online copy, daily rotation, checked restore, and the command line."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from logistics_desk import cli
from logistics_desk.core import backup, clock, db, masterdata
from logistics_desk.core.errors import UserError
from logistics_desk.core.masterdata import Supplier
from logistics_desk.modules import modules as registry_specs

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"


def _suppliers(path) -> set[str]:
    con = sqlite3.connect(str(path))
    try:
        return {r[0] for r in con.execute("SELECT name FROM supplier")}
    finally:
        con.close()


def test_online_backup_copies_committed_data_into_one_file(database, tmp_path):
    masterdata.save(Supplier, {"name": "鸿达教学设备有限公司"})
    dest = backup.make_backup(tmp_path / "copy.db")
    assert dest.is_file()
    assert not (tmp_path / "copy.db-wal").exists()
    assert "鸿达教学设备有限公司" in _suppliers(dest)
    assert backup.verify(dest) == []


def test_default_backup_goes_into_the_backups_folder(database, db_path):
    clock.freeze(dt.datetime(2026, 3, 5, 14, 30, 0))
    made = backup.make_backup()
    assert made.parent == db.current_path().parent / "backups"  # a server's: under the data folder
    assert made.name == "logistics-manual-20260305-143000.db"


def test_daily_backup_at_most_once_a_day(database, db_path):
    clock.freeze(dt.datetime(2026, 3, 5, 8, 0, 0))
    first = backup.daily_backup_if_due()
    assert first is not None and first.is_file()
    clock.freeze(dt.datetime(2026, 3, 5, 17, 0, 0))
    assert backup.daily_backup_if_due() is None
    clock.freeze(dt.datetime(2026, 3, 6, 8, 0, 0))
    second = backup.daily_backup_if_due()
    assert second is not None and second != first
    assert len(list((db.current_path().parent / "backups").glob("*-daily-*.db"))) == 2


def test_rotation_keeps_14_daily_and_the_newest_of_each_month(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    day = dt.date(2026, 1, 1)
    while day <= dt.date(2026, 4, 10):  # 100 daily backups
        (folder / f"logistics-daily-{day:%Y%m%d}-080000.db").write_bytes(b"x")
        day += dt.timedelta(days=1)
    (folder / "logistics-manual-20260101-090000.db").write_bytes(b"x")  # never rotated
    removed = backup.rotate(folder, "logistics")
    kept = sorted(p.name[len("logistics-daily-"):][:8] for p in folder.glob("logistics-daily-*.db"))
    last_14 = [f"{dt.date(2026, 3, 28) + dt.timedelta(days=i):%Y%m%d}" for i in range(14)]
    assert kept == sorted(["20260131", "20260228"] + last_14)  # March 31 and April 10 are among the 14
    assert len(removed) == 100 - 16
    assert (folder / "logistics-manual-20260101-090000.db").exists()


def test_daily_backup_rotates(database, db_path):
    folder = db.current_path().parent / "backups"
    folder.mkdir()
    for i in range(20):
        day = dt.date(2026, 2, 1) + dt.timedelta(days=i)
        (folder / f"logistics-daily-{day:%Y%m%d}-080000.db").write_bytes(b"x")
    clock.freeze(dt.datetime(2026, 2, 21, 8, 0, 0))
    backup.daily_backup_if_due()
    assert len(list(folder.glob("logistics-daily-*.db"))) == 14  # February's newest is among the 14


def test_daily_backup_is_copied_to_the_second_folder_and_rotated_there(database, db_path, tmp_path):
    from logistics_desk.core import settings

    stick = tmp_path / "stick"
    stick.mkdir()
    for i in range(20):
        day = dt.date(2026, 2, 1) + dt.timedelta(days=i)
        (stick / f"logistics-daily-{day:%Y%m%d}-080000.db").write_bytes(b"x")
    settings.set_many({"backup.second_folder": str(stick)})
    clock.freeze(dt.datetime(2026, 2, 21, 8, 0, 0))
    made, text = backup.daily_backup_with_copy()
    copy = stick / made.name
    assert copy.read_bytes() == made.read_bytes() and str(copy) in text
    assert backup.verify(copy) == []
    assert len(list(stick.glob("logistics-daily-*.db"))) == 14
    assert not list(stick.glob("*.part"))


def test_a_missing_second_folder_does_not_stop_the_backup(database, db_path, tmp_path):
    from logistics_desk.core import settings

    stick = tmp_path / "stick"
    stick.mkdir()
    settings.set_many({"backup.second_folder": str(stick)})
    stick.rmdir()  # the USB stick is pulled out
    made, text = backup.backup_with_copy()
    assert made.is_file() and "is not there" in text and str(stick) in text
    assert not stick.exists()


def test_the_second_folder_must_be_a_whole_existing_path(database, tmp_path):
    from logistics_desk.core import settings
    from logistics_desk.core.errors import ValidationError

    for bad in ("backups", str(tmp_path / "missing")):
        with pytest.raises(ValidationError) as caught:
            settings.set_many({"backup.second_folder": bad})
        assert "backup.second_folder" in caught.value.errors
    assert settings.get("backup.second_folder") == ""


def test_verify_refuses_a_corrupt_file(database, tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    assert backup.verify(garbage)
    good = backup.make_backup(tmp_path / "good.db")
    data = good.read_bytes()
    damaged = tmp_path / "damaged.db"
    # keep the header, overwrite the pages behind it
    damaged.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))
    assert backup.verify(damaged)
    assert backup.verify(tmp_path / "nowhere.db")
    plain = tmp_path / "plain.db"
    con = sqlite3.connect(str(plain))
    con.execute("CREATE TABLE t (x)")
    con.close()
    problems = backup.verify(plain)
    assert any("schema history" in p for p in problems)
    assert any("application_id" in p for p in problems)


@pytest.mark.parametrize("how", ["user_version", "unknown_step"])
def test_verify_refuses_a_backup_from_a_newer_version(database, tmp_path, how):
    newer = backup.make_backup(tmp_path / "newer.db")
    con = sqlite3.connect(str(newer))
    if how == "user_version":
        con.execute("PRAGMA user_version = 999")
    else:
        con.execute("INSERT INTO schema_migration (name, applied) VALUES ('9999_future', '2030-01-01')")
        con.commit()
    con.close()
    problems = backup.verify(newer)
    assert any("newer version" in p for p in problems)
    with pytest.raises(UserError):
        backup.restore(newer)


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_restore_replaces_the_data_and_keeps_a_pre_restore_copy(database, db_path, tmp_path):
    masterdata.save(Supplier, {"name": "甲供应商"})
    saved = backup.make_backup(tmp_path / "saved.db")
    masterdata.save(Supplier, {"name": "乙供应商"})
    safety = backup.restore(saved).safety
    names = {s.name for s in Supplier.select()}
    assert "甲供应商" in names and "乙供应商" not in names
    assert safety.is_file() and "prerestore" in safety.name
    assert {"甲供应商", "乙供应商"} <= _suppliers(safety)
    # the restored database is usable and its change record intact
    masterdata.save(Supplier, {"name": "丙供应商"})
    from logistics_desk.core import audit

    assert audit.verify_chain() == []


def test_restore_refuses_a_corrupt_file_and_changes_nothing(database, tmp_path):
    masterdata.save(Supplier, {"name": "甲供应商"})
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\0" * 8192)
    with pytest.raises(UserError):
        backup.restore(garbage)
    assert Supplier.select().where(Supplier.name == "甲供应商").exists()
    assert not (db.current_path().parent / "backups").exists()  # no pre-restore copy made either


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_restore_refuses_the_open_database_itself(database, db_path):
    with pytest.raises(UserError):
        backup.restore(db_path)


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_cli_backup_and_restore(db_path, tmp_path, capsys):
    db.open_database(db_path, backup=False)
    masterdata.save(Supplier, {"name": "甲供应商"})
    db.close_database()

    dest = tmp_path / "备份 文件.db"  # a Chinese name with a space
    assert cli.main(["--db", str(db_path), "--lang", "en", "backup", str(dest)]) == 0
    assert "Backup written" in capsys.readouterr().out
    assert dest.is_file()

    db.open_database(db_path, backup=False)
    masterdata.save(Supplier, {"name": "乙供应商"})
    db.close_database()

    assert cli.main(["--db", str(db_path), "--lang", "en", "restore", str(dest)]) == 0
    assert "Restored from" in capsys.readouterr().out
    assert "乙供应商" not in _suppliers(db_path)
    assert "甲供应商" in _suppliers(db_path)

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"garbage" * 1000)
    assert cli.main(["--db", str(db_path), "--lang", "en", "restore", str(garbage)]) == 2
    out = capsys.readouterr().out
    assert "cannot be restored" in out and "Traceback" not in out
    assert "甲供应商" in _suppliers(db_path)


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_cli_restores_over_a_damaged_database(db_path, tmp_path, capsys):
    db.open_database(db_path, backup=False)
    masterdata.save(Supplier, {"name": "甲供应商"})
    good = backup.make_backup(tmp_path / "good.db")
    db.close_database()
    db_path.write_bytes(b"disk trouble" * 4000)  # the live file is ruined

    assert cli.main(["--db", str(db_path), "--lang", "en", "restore", str(good)]) == 0
    assert "damaged file was kept as" in capsys.readouterr().out
    assert "甲供应商" in _suppliers(db_path)
    kept = list((db_path.parent / "backups").glob("logistics-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"disk trouble")
    assert cli.main(["--db", str(db_path), "--lang", "en", "check"]) == 0


# --- what counts as a backup -----------------------------------------------------------------------

def _strip(path, sql: str):
    con = sqlite3.connect(str(path))
    con.executescript(sql)
    con.commit()
    con.close()
    return path


def test_verify_refuses_a_backup_missing_a_table_or_the_mark(database, tmp_path):
    no_table = _strip(backup.make_backup(tmp_path / "no-table.db"), "DROP TABLE asset_loan;")
    problems = backup.verify(no_table)
    assert any("lacks tables" in p and "asset_loan" in p for p in problems)
    no_mark = _strip(backup.make_backup(tmp_path / "no-mark.db"), "PRAGMA application_id = 0;")
    assert any("application_id" in p for p in backup.verify(no_mark))  # it says 0008 ran, so it had the mark
    other_mark = _strip(backup.make_backup(tmp_path / "other-mark.db"), "PRAGMA application_id = 12345;")
    assert any("application_id" in p for p in backup.verify(other_mark))
    assert backup.verify(backup.make_backup(tmp_path / "good.db")) == []


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_a_backup_from_before_the_mark_is_restored_and_marked(database, db_path, tmp_path):
    masterdata.save(Supplier, {"name": "甲供应商"})
    old = _strip(backup.make_backup(tmp_path / "old.db"),
                 "PRAGMA application_id = 0; PRAGMA user_version = 7; "
                 "DELETE FROM schema_migration WHERE name >= '0008';")  # every step from 0008 on
    assert backup.verify(old) == []
    masterdata.save(Supplier, {"name": "乙供应商"})
    backup.restore(old)
    assert {s.name for s in Supplier.select()} == {"甲供应商"}
    assert db.database.execute_sql("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    from logistics_desk.core.migrations import latest_index

    assert db.user_version() == latest_index()


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_two_restores_in_the_same_second_keep_two_safety_copies(database, db_path, tmp_path):
    clock.freeze(dt.datetime(2026, 3, 5, 14, 30, 0))
    masterdata.save(Supplier, {"name": "甲供应商"})
    saved = backup.make_backup(tmp_path / "saved.db")
    masterdata.save(Supplier, {"name": "乙供应商"})
    first = backup.restore(saved).safety
    second = backup.restore(saved).safety
    assert first != second and first.is_file() and second.is_file()
    assert (first.name, second.name) == ("logistics-prerestore-20260305-143000.db",
                                         "logistics-prerestore-20260305-143000-2.db")
    assert _suppliers(first) == {"甲供应商", "乙供应商"} and _suppliers(second) == {"甲供应商"}


def test_two_backups_in_the_same_second_get_two_names(database, db_path):
    clock.freeze(dt.datetime(2026, 3, 5, 14, 30, 0))
    one, two = backup.make_backup(), backup.make_backup()
    assert one != two and one.is_file() and two.is_file()


# --- a failed backup names the cause and leaves nothing behind ----------------------------------------

@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_a_backup_to_a_missing_folder_or_a_folder_exits_2_and_writes_nothing(db_path, tmp_path, capsys):
    for dest, words in ((tmp_path / "nowhere" / "copy.db", "does not exist"), (tmp_path, "is a folder")):
        assert cli.main(["--db", str(db_path), "--lang", "en", "backup", str(dest)]) == 2
        out = capsys.readouterr().out
        assert words in out and str(dest) in out and "Traceback" not in out
    assert not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["logistics.db"]


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("LOGISTICS_DESK_DB", None)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env, **kwargs)


def _padded(db_path, size: int = 2_000_000):
    from logistics_desk.core import settings

    db.open_database(db_path, backup=False)
    try:
        settings.set("test.padding", "x" * size)
    finally:
        db.close_database()
    return db_path


def test_a_backup_into_a_read_only_folder_says_so(db_path, tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    prefix = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv")
        drop = "-dac_override,-dac_read_search,-fowner"
        prefix = ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", "--"]
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = _run([*prefix, sys.executable, str(MAIN), "--lang", "en", "--db", str(db_path), "backup",
                       str(folder / "copy.db")])
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"Cannot write {folder / 'copy.db'}: the folder {folder} is read-only" in result.stdout
    assert list(folder.iterdir()) == []


def _small_disk_or_skip() -> None:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        pytest.skip("needs Linux mount namespaces")
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt"],
                           capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot mount a small disk here (needs root in a mount namespace)")


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_a_backup_onto_a_full_disk_names_the_cause_and_leaves_no_partial_file(db_path, tmp_path):
    """A 256 KiB disk, mounted in a private mount namespace, fills up half-way through the copy."""
    _small_disk_or_skip()
    _padded(db_path)
    small = tmp_path / "small"
    small.mkdir()
    script = (f'mount -t tmpfs -o size=256k tmpfs "{small}" || exit 99\n'
              f'"{sys.executable}" "{MAIN}" --lang en --db "{db_path}" backup "{small}/copy.db"\n'
              f'echo "rc=$?"; ls -A "{small}"; echo "end"\n')
    result = _run(["unshare", "-m", "sh", "-c", script])
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert f"Cannot write {small}/copy.db: the disk is full" in out
    assert "rc=2" in out
    assert out.split("rc=2", 1)[1].strip() == "end"  # the small disk holds nothing: no partial file
    assert "Traceback" not in out + result.stderr


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_an_automatic_backup_onto_a_full_disk_names_the_cause_and_leaves_no_partial_file(db_path, tmp_path):
    _small_disk_or_skip()
    _padded(db_path)
    folder = db_path.parent / "backups"
    folder.mkdir()
    code = ("import sys; from logistics_desk.core import backup, db, i18n; i18n.set_language('en'); "
            "db.open_database(sys.argv[1], backup=False)\n"
            "try:\n    backup.daily_backup_if_due()\nexcept Exception as exc:\n"
            "    print(type(exc).__name__, getattr(exc, 'message', exc))\n")
    script = (f'mount -t tmpfs -o size=256k tmpfs "{folder}" || exit 99\n'
              f'"{sys.executable}" -c "$0" "{db_path}"\n'
              f'ls -A "{folder}"; echo "end"\n')
    result = _run(["unshare", "-m", "sh", "-c", script, code])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "UserError" in result.stdout and "the disk is full" in result.stdout and str(folder) in result.stdout
    assert result.stdout.rstrip().endswith("full. Free some space and try again.\nend")  # nothing in the folder


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_a_write_error_other_than_a_full_disk_is_named_too(db_path, tmp_path):
    """A file-size limit (RLIMIT_FSIZE) stops the copy: SQLite's own words, the path, and no partial file."""
    if not hasattr(os, "setrlimit") and sys.platform == "win32":
        pytest.skip("POSIX resource limits")
    _padded(db_path)
    dest = tmp_path / "limited" / "copy.db"
    dest.parent.mkdir()
    code = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (200000, 200000)); "
            "from logistics_desk.cli import main; raise SystemExit(main(sys.argv[1:]))")
    result = _run([sys.executable, "-c", code, "--lang", "en", "--db", str(db_path), "backup", str(dest)])
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"Cannot write {dest}: disk I/O error" in result.stdout and "Traceback" not in result.stdout
    assert list(dest.parent.iterdir()) == []  # (the limit also stops the log file: its complaint is on stderr)


# --- leftovers of an interrupted restore or backup ------------------------------------------------------

@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_the_next_start_removes_leftovers_but_not_a_copy_still_being_written(db_path, tmp_path):
    folder = db_path.parent / "backups"
    folder.mkdir()
    tmp = db_path.with_name(db_path.name + ".restore-tmp")
    tmp.write_bytes(b"half a database")
    stale = folder / "logistics-manual-20260305-143000.db.part"
    stale.write_bytes(b"half a backup")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    recent = folder / "logistics-manual-20260305-143001.db.part"  # another program may be about to rename it
    recent.write_bytes(b"a whole backup, not yet renamed")
    safety = folder / "logistics-prerestore-20260305-143000.db.part"  # written under the restore's lock
    safety.write_bytes(b"half a safety copy")
    busy = folder / "logistics-daily-20260306-080000.db.part"
    sqlite3.connect(str(busy)).close()
    other = folder / "school-manual-20260305-143000.db.part"  # another database's: not ours to touch
    other.write_bytes(b"x")
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN EXCLUSIVE'); c.execute('CREATE TABLE t (x)'); print('writing', flush=True); time.sleep(30)"),
        str(busy)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        db.open_database(db_path, backup=False, create=False)
        db.close_database()
        assert not tmp.exists() and not stale.exists() and not safety.exists()
        assert busy.exists() and other.exists() and recent.exists()
    finally:
        writer.kill()
        writer.wait()
    for p in (busy, recent):  # later: the writer is gone, and the other copy was not renamed after all
        os.utime(p, (an_hour_ago, an_hour_ago))
    db.open_database(db_path, backup=False, create=False)
    db.close_database()
    assert not busy.exists() and not recent.exists() and other.exists()


# --- the window's File → Restore ------------------------------------------------------------------------

@pytest.fixture
def window(qtbot, database, monkeypatch):
    from logistics_desk.core.ui.main_window import MainWindow

    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    return w


def _answer_dialogs(monkeypatch, chosen: Path) -> dict[str, list[str]]:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    seen: dict[str, list[str]] = {"info": [], "warning": []}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(chosen), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a, **k: seen["info"].append(text)))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: seen["warning"].append(text)))
    return seen


@pytest.mark.sqlite_only  # restores over a live file
@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_window_restores_a_backup_and_keeps_working(window, db_path, tmp_path, monkeypatch):
    masterdata.save(Supplier, {"name": "甲供应商"})
    saved = backup.make_backup(tmp_path / "saved.db")
    masterdata.save(Supplier, {"name": "乙供应商"})
    seen = _answer_dialogs(monkeypatch, saved)
    window.restore_backup()
    assert seen["warning"] == []
    assert len(seen["info"]) == 1 and "previous data was saved to" in seen["info"][0]
    assert "prerestore" in seen["info"][0]
    assert {s.name for s in Supplier.select()} == {"甲供应商"}
    masterdata.save(Supplier, {"name": "丙供应商"})  # the window's connection is the restored file's
    assert _suppliers(db_path) == {"甲供应商", "丙供应商"}


@pytest.mark.sqlite_only  # restores over a live file
@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_window_waits_for_another_program_then_says_why_it_cannot_restore(
        window, db_path, tmp_path, monkeypatch):
    masterdata.save(Supplier, {"name": "甲供应商"})
    saved = backup.make_backup(tmp_path / "saved.db")
    seen = _answer_dialogs(monkeypatch, saved)
    statuses: list[str] = []
    monkeypatch.setattr(window.statusBar(), "showMessage", lambda text, *a: statuses.append(text))
    monkeypatch.setattr(backup, "LOCK_TIMEOUT", 1.0)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('SELECT count(*) FROM supplier').fetchone(); print('open', flush=True); time.sleep(30)"),
        str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        window.restore_backup()
    finally:
        holder.kill()
        holder.wait()
    assert any("waiting" in s for s in statuses)
    assert len(seen["warning"]) == 1 and "still has the database" in seen["warning"][0]
    masterdata.save(Supplier, {"name": "乙供应商"})  # the window still works on its own file
    assert _suppliers(db_path) == {"甲供应商", "乙供应商"}


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_a_backup_whose_change_record_does_not_verify_is_restored_with_a_warning(db_path, tmp_path, capsys):
    """(A backup from another computer has another key: refusing it would strand a clerk whose disk died.)"""
    db.open_database(db_path, backup=False)
    masterdata.save(Supplier, {"name": "甲供应商"})
    saved = _strip(backup.make_backup(tmp_path / "saved.db"),
                   "UPDATE audit_entry SET new_value = '改过' WHERE id = (SELECT max(id) FROM audit_entry);")
    db.close_database()
    assert cli.main(["--db", str(db_path), "--lang", "en", "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "Restored from" in out and "does not verify with this installation's key" in out
    assert cli.main(["--db", str(db_path), "--lang", "en", "check"]) == 1  # and check says so
    capsys.readouterr()


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_a_backup_from_another_pc_verifies_with_the_key_copied_beside_it(tmp_path, template_db, capsys):
    """The old PC's disk died; its USB copy (backup + key) is restored on a new PC: check passes."""
    from logistics_desk.core import settings

    old_pc, stick, new_pc = tmp_path / "old", tmp_path / "stick", tmp_path / "new"
    for folder in (old_pc, stick, new_pc):
        folder.mkdir()
    shutil.copy(template_db, old_pc / "logistics.db")
    shutil.copy(template_db, new_pc / "logistics.db")
    db.open_database(old_pc / "logistics.db", backup=False)
    try:
        settings.set_many({"backup.second_folder": str(stick)})
        masterdata.save(Supplier, {"name": "旧电脑上的供应商"})
        made, text = backup.backup_with_copy()
    finally:
        db.close_database()
    copy = stick / made.name
    assert copy.is_file()
    assert (stick / "logistics-desk.key").read_bytes() == (old_pc / "logistics-desk.key").read_bytes()
    assert cli.main(["--lang", "en", "--db", str(new_pc / "logistics.db"), "check"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--db", str(new_pc / "logistics.db"), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "does not verify" not in out
    assert "旧电脑上的供应商" in _suppliers(new_pc / "logistics.db")
    assert (new_pc / "logistics-desk.key").read_bytes() != (old_pc / "logistics-desk.key").read_bytes()
    assert cli.main(["--lang", "en", "--db", str(new_pc / "logistics.db"), "check"]) == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.sqlite_only  # restores over a live file / the file's own size or folder
def test_a_backup_from_another_pc_without_its_key_is_restored_with_a_warning(tmp_path, template_db, capsys):
    old_pc, new_pc = tmp_path / "old", tmp_path / "new"
    old_pc.mkdir()
    new_pc.mkdir()
    shutil.copy(template_db, old_pc / "logistics.db")
    shutil.copy(template_db, new_pc / "logistics.db")
    db.open_database(old_pc / "logistics.db", backup=False)
    try:
        masterdata.save(Supplier, {"name": "旧电脑上的供应商"})
        made = backup.make_backup(tmp_path / "lonely.db")
    finally:
        db.close_database()
    assert cli.main(["--lang", "en", "--db", str(new_pc / "logistics.db"), "check"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--db", str(new_pc / "logistics.db"), "restore", str(made)]) == 0
    assert "does not verify" in capsys.readouterr().out
    assert cli.main(["--lang", "en", "--db", str(new_pc / "logistics.db"), "check"]) == 1
