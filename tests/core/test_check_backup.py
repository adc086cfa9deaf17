"""``check`` run on a backup copy in the ``backups/`` folder: the change record's key is the live database's,
in the folder above (where restore finds it too, ``backup._key_files_beside``), not beside the copy.

Before the fix: "The key file …/backups/logistics-desk.key is missing, so the change record cannot be
verified", exit status 1, although the key was there.
"""

from __future__ import annotations

import os
import sqlite3

import pytest

from logistics_desk import cli
from logistics_desk.core import audit, backup, db, integrity, masterdata
from logistics_desk.core.masterdata import Supplier

pytestmark = pytest.mark.sqlite_only  # backup files, keys and head files beside them


@pytest.fixture
def copy(database, db_path):
    """A real backup of a database with some history, made by the backup service into backups/."""
    for n in range(3):
        masterdata.save(Supplier, {"name": f"供应商{n}", "phone": f"1380000000{n}"})
    masterdata.save(Supplier, {"phone": "0551-1"}, Supplier.get(Supplier.name == "供应商0"))
    made = backup.make_backup()
    masterdata.save(Supplier, {"name": "备份之后"})  # the live file goes on: its head is past the copy's end
    assert made.parent == db_path.parent / "backups"
    db.close_database()
    return made


def check(path, capsys) -> tuple[int, str]:
    code = cli.main(["--db", str(path), "--lang", "en", "check"])
    return code, capsys.readouterr().out


def test_a_backup_in_the_backups_folder_is_verified_with_the_live_databases_key(copy, capsys):
    assert not (copy.parent / audit.KEY_FILE).exists()  # the key is only in the data folder above
    code, out = check(copy, capsys)
    assert code == 0, out
    assert "missing" not in out
    assert "backup copy" in out and str(copy.parent.parent / audit.KEY_FILE) in out  # says which key
    assert backup.verify(copy) == []  # still a backup restore takes
    assert not (copy.parent / "backups").exists()  # nor leaves a backups folder inside backups/


def test_the_window_and_the_console_check_agree(copy):
    db.open_database(copy, create=False, backup=False)
    try:
        report = integrity.check()
    finally:
        db.close_database()
    assert report.ok, report.problems
    assert report.entries > 0


def test_restore_and_check_take_the_key_from_the_same_function(copy, monkeypatch):
    asked = []
    real = backup._key_files_beside

    def spy(source):
        asked.append(source)
        return real(source)

    monkeypatch.setattr(backup, "_key_files_beside", spy)
    db.open_database(copy, create=False, backup=False)
    try:
        assert integrity.check().ok
    finally:
        db.close_database()
    assert [p.resolve() for p in asked] == [copy.resolve()]


def test_an_altered_entry_in_the_backup_is_still_found(copy, capsys):
    con = sqlite3.connect(str(copy))
    con.execute("UPDATE audit_entry SET note = 'x' WHERE id = (SELECT MAX(id) FROM audit_entry)")
    con.commit()
    con.close()
    code, out = check(copy, capsys)
    assert code == 1
    assert "was altered after it was written" in out


def test_a_backup_whose_data_folder_has_another_key_is_not_verified(copy, capsys):
    (copy.parent.parent / audit.KEY_FILE).write_bytes(os.urandom(audit.KEY_BYTES))
    code, out = check(copy, capsys)
    assert code == 1
    assert "altered after" in out


def test_a_backup_without_any_key_names_the_data_folders_key(copy, capsys):
    (copy.parent.parent / audit.KEY_FILE).unlink()
    code, out = check(copy, capsys)
    assert code == 1
    assert str(copy.parent.parent / audit.KEY_FILE) in out and "is missing" in out


def test_a_copy_with_its_key_beside_it_second_folder_style(copy, tmp_path, capsys):
    """A copy in a folder named backups elsewhere (the second folder keeps the key beside the copies)."""
    other = tmp_path / "usb" / "backups"
    other.mkdir(parents=True)
    moved = other / copy.name
    moved.write_bytes(copy.read_bytes())
    (other / audit.KEY_FILE).write_bytes((copy.parent.parent / audit.KEY_FILE).read_bytes())
    code, out = check(moved, capsys)
    assert code == 0, out


def test_the_live_database_without_its_key_is_still_a_problem(copy, db_path, capsys):
    """Only a copy in a backups folder looks above: the live file's own key must be beside it."""
    key = db_path.parent / audit.KEY_FILE
    key.rename(db_path.parent / "elsewhere.key")
    code, out = check(db_path, capsys)
    assert code == 1
    assert str(key) in out and "is missing" in out


def test_the_live_databases_check_still_checks_its_head(copy, db_path, capsys):
    code, out = check(db_path, capsys)
    assert code == 0, out
    audit.head_path(db_path).unlink()
    code, out = check(db_path, capsys)
    assert code == 1 and "head file" in out
