"""Backups: online copy, daily rotation, checked restore, and the command line."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from logistics_desk import cli
from logistics_desk.core import backup, clock, db, masterdata
from logistics_desk.core.errors import UserError
from logistics_desk.core.masterdata import Supplier


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
    assert made.parent == db_path.parent / "backups"
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
    assert len(list((db_path.parent / "backups").glob("*-daily-*.db"))) == 2


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
    folder = db_path.parent / "backups"
    folder.mkdir()
    for i in range(20):
        day = dt.date(2026, 2, 1) + dt.timedelta(days=i)
        (folder / f"logistics-daily-{day:%Y%m%d}-080000.db").write_bytes(b"x")
    clock.freeze(dt.datetime(2026, 2, 21, 8, 0, 0))
    backup.daily_backup_if_due()
    assert len(list(folder.glob("logistics-daily-*.db"))) == 14  # February's newest is among the 14


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
    assert any("schema history" in p for p in backup.verify(plain))


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


def test_restore_replaces_the_data_and_keeps_a_pre_restore_copy(database, db_path, tmp_path):
    masterdata.save(Supplier, {"name": "甲供应商"})
    saved = backup.make_backup(tmp_path / "saved.db")
    masterdata.save(Supplier, {"name": "乙供应商"})
    safety = backup.restore(saved)
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


def test_restore_refuses_the_open_database_itself(database, db_path):
    with pytest.raises(UserError):
        backup.restore(db_path)


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


def test_cli_restores_over_a_damaged_database(db_path, tmp_path, capsys):
    db.open_database(db_path, backup=False)
    masterdata.save(Supplier, {"name": "甲供应商"})
    good = backup.make_backup(tmp_path / "good.db")
    db.close_database()
    db_path.write_bytes(b"disk trouble" * 4000)  # the live file is ruined

    assert cli.main(["--db", str(db_path), "--lang", "en", "restore", str(good)]) == 0
    assert "damaged file was moved" in capsys.readouterr().out
    assert "甲供应商" in _suppliers(db_path)
    kept = list((db_path.parent / "backups").glob("logistics-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"disk trouble")
    assert cli.main(["--db", str(db_path), "--lang", "en", "check"]) == 0
