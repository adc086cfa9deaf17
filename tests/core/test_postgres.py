"""One program, two engines: a database named by a server's URL, and the change record under
concurrency on whichever engine the suite runs (``LOGISTICS_DESK_TEST_DB``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from logistics_desk import cli
from logistics_desk.core import audit, db, engine, integrity, paths
from logistics_desk.core.masterdata import Supplier

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import sys
import logistics_desk.cli  # the modules' tables, as the program loads them
from logistics_desk.core import db, masterdata, settings
from logistics_desk.core.masterdata import Supplier
db.open_database(sys.argv[1], backup=False)
settings.set_many({"operator.name": sys.argv[2]})
for i in range(int(sys.argv[3])):
    record = masterdata.save(Supplier, {"name": f"{sys.argv[2]}-{i}"})
    masterdata.save(Supplier, {"phone": f"0755-{i:08d}"}, record)
db.close_database()
"""


def _env(data: Path) -> dict:
    env = dict(os.environ)
    env.pop("LOGISTICS_DESK_DB", None)
    env["PYTHONPATH"] = str(ROOT)
    env[paths.DATA_DIR_ENV] = str(data)
    return env


def test_a_server_url_is_not_taken_for_a_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = db.resolve_path("postgresql://clerk:secret@db.school.lan:5433/zongwu")
    assert isinstance(target, engine.ServerAddress)
    assert (target.host, target.port, target.dbname, target.user) == ("db.school.lan", 5433, "zongwu", "clerk")
    assert "secret" not in str(target) and "secret" not in target.display()
    monkeypatch.setenv("LOGISTICS_DESK_DB", "postgres://localhost/other")
    assert db.resolve_path(None).dbname == "other"
    assert not list(tmp_path.iterdir())  # no file called "postgresql:" or anything else


def test_the_database_setting_in_the_data_folder_names_a_server(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    monkeypatch.delenv("LOGISTICS_DESK_DB", raising=False)
    assert db.resolve_path(None) == paths.default_db()
    db.set_pointer("postgresql://clerk@server/zongwu")
    assert db.resolve_path(None).dbname == "zongwu"
    db.set_pointer(None)
    assert db.resolve_path(None) == paths.default_db()


@pytest.mark.parametrize("url", ["postgresql://host:notaport/db", "postgresql://host:5432/", "postgresql://host"])
def test_a_malformed_url_is_refused_with_exit_2(url, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--lang", "en", "--db", url, "check"]) == 2
    out = capsys.readouterr().out
    assert "postgresql://user:password@host:port/dbname" in out and "Traceback" not in out
    assert not list(tmp_path.iterdir())


def test_an_unreachable_server_is_a_clear_message_with_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    assert cli.main(["--lang", "en", "--db", "postgresql://clerk:secret@127.0.0.1:1/zongwu", "check"]) == 2
    out = capsys.readouterr().out
    assert "Cannot connect to the database server for postgresql://clerk@127.0.0.1:1/zongwu" in out
    assert "secret" not in out and "Traceback" not in out


def test_a_missing_server_database_is_a_clear_message_with_exit_2(server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    url = server.address.with_dbname("no_such_database_here").url
    assert cli.main(["--lang", "en", "--db", url, "check"]) == 2
    out = capsys.readouterr().out
    assert "has no database" in out and "Traceback" not in out


def test_a_server_database_of_another_program_is_refused(server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    name = server.new_name() + "_foreign"
    address = server.create(name)
    try:
        import psycopg

        with psycopg.connect(address.url, autocommit=True) as con:
            con.execute("CREATE TABLE invoices (id serial primary key)")
        assert cli.main(["--lang", "en", "--db", address.url, "demo", "--assets", "5"]) == 2
        assert "another program" in capsys.readouterr().out
    finally:
        server.drop(name)


def test_two_processes_writing_at_once_keep_the_change_record_whole(db_path, tmp_path):
    """The next id and previous hash are read under a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
    advisory lock): no duplicate key, the chain verifies, every write is there."""
    data = Path(os.environ.get(paths.DATA_DIR_ENV) or tmp_path / "data")
    n = 40
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), name, str(n)], cwd=ROOT,
                              env=_env(data), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("甲", "乙")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-3000:]
    db.open_database(db_path, backup=False)
    try:
        assert Supplier.select().where(Supplier.name.startswith("甲-")).count() == n
        assert Supplier.select().where(Supplier.name.startswith("乙-")).count() == n
        assert audit.verify_chain() == []
        assert integrity.check().ok
    finally:
        db.close_database()


def _names(path_or_url) -> set[str]:
    db.open_database(path_or_url, backup=False)
    try:
        return {s.name for s in Supplier.select()}
    finally:
        db.close_database()


def test_a_school_moves_to_the_server_and_back_with_its_history(server, tmp_path, monkeypatch, capsys):
    """move-db copies a SQLite database with its whole history (check runs on the copy, the id sequences
    go on after the copied ids); the server's backup is this program's own SQLite file, which restores
    into a file and into an EMPTY server database; a server database with tables is refused."""
    from logistics_desk.core import backup, masterdata

    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    school = tmp_path / "school" / "logistics.db"
    school.parent.mkdir()
    db.open_database(school, backup=False)
    first = masterdata.save(Supplier, {"name": "鸿达教学设备有限公司"})
    masterdata.save(Supplier, {"phone": "0755-26881234"}, first)
    masterdata.save(Supplier, {"name": "晨光文具"})
    db.close_database()
    plain = tmp_path / "plain.db"
    backup_of_school = tmp_path / "school-copy.db"
    shutil.copy(school, backup_of_school)

    moved, restored = server.create(server.new_name()), server.create(server.new_name())
    try:
        assert cli.main(["--lang", "en", "--db", str(school), "move-db", "--to", moved.url]) == 0
        out = capsys.readouterr().out
        assert "change record intact" in out and "with its whole history" in out

        db.open_database(moved, backup=False)
        try:
            assert audit.history("supplier", first.id)[1].new_value == "0755-26881234"  # the history came along
            added = masterdata.save(Supplier, {"name": "服务器上新增"})  # the sequence goes on after the copied ids
            assert added.id == 3
        finally:
            db.close_database()

        assert cli.main(["--lang", "en", "--db", moved.url, "backup"]) == 0  # into the server's backups folder
        (made,) = (moved.logical_path(paths.data_dir()).parent / "backups").glob("*.db")
        shutil.copy(made, plain)
        assert backup.verify(plain) == []  # this program's own SQLite file: every file tool works on it
        assert cli.main(["--lang", "en", "--db", str(plain), "check"]) in (0, 1)  # (no head beside a backup)

        # the key is found beside the backup (the server's data folder above backups/)
        assert cli.main(["--lang", "en", "--db", restored.url, "restore", str(made)]) == 0
        assert cli.main(["--lang", "en", "--db", restored.url, "check"]) == 0
        assert "服务器上新增" in _names(restored)

        assert cli.main(["--lang", "en", "--db", str(school), "restore", str(plain)]) == 0  # and back to a file
        assert cli.main(["--lang", "en", "--db", str(school), "check"]) == 0
        assert _names(school) == {"鸿达教学设备有限公司", "晨光文具", "服务器上新增"}

        capsys.readouterr()
        assert cli.main(["--lang", "en", "--db", moved.url, "restore", str(backup_of_school)]) == 2
        assert "is not empty" in capsys.readouterr().out
        assert "服务器上新增" in _names(moved)  # untouched
    finally:
        db.close_database()
        server.drop(moved.dbname)
        server.drop(restored.dbname)


def test_the_window_says_why_it_cannot_reach_the_server(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from logistics_desk import app

    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    seen = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a, **k: seen.append(text)))
    assert app.open_database_for_window(qapp, "postgresql://clerk:secret@127.0.0.1:1/zongwu") is False
    assert len(seen) == 1 and "Cannot connect to the database server" in seen[0] and "secret" not in seen[0]
    assert db.current_path() is None
