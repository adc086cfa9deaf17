"""Two writers at once: every write transaction takes the write lock at its start and waits for another one.

Driven the way it failed: command-line imports started together against one file (the second used to
fail with "database is locked"; of 8 small imports only 8 of 24 rows landed), and a disk that fills up
during a write (the cause used to be hidden behind "cannot rollback - no transaction is active").
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from logistics_desk.core import db
from logistics_desk.core.db import database
from logistics_desk.core.errors import UserError

ROOT = Path(__file__).resolve().parents[2]


def cli_env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env.pop("LOGISTICS_DESK_DB", None)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")  # logs of the child processes stay in the test's folder
    env["PYTHONPATH"] = str(ROOT)
    return env


def cli(tmp_path: Path, db_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "--lang", "en", *args],
                          cwd=ROOT, env=cli_env(tmp_path), capture_output=True, text=True, timeout=300)


def start_cli(tmp_path: Path, db_path: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "--lang", "en", *args],
                            cwd=ROOT, env=cli_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def make_register(path: Path, prefix: str, n: int) -> Path:
    """An asset register as a school keeps it: numbers ``prefix-00001`` ... in 家具 (furniture)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["资产编号", "资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点", "使用部门", "保管人"])
    for i in range(n):
        ws.append([f"{prefix}-{i:05d}", f"学生课桌{i}", "家具", 1, 180, dt.date(2025, 9, 1),
                   f"教学楼{i % 20:02d}", "总务处", "张伟"])
    wb.save(path)
    return path


def numbers_with_prefix(db_path: Path, prefix: str) -> int:
    if hasattr(db_path, "dbname"):  # the suite on PostgreSQL (tests/conftest.py)
        import psycopg

        with psycopg.connect(db_path.url) as con:
            return con.execute("SELECT count(*) FROM asset WHERE number LIKE %s", (prefix + "-%",)).fetchone()[0]
    con = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM asset WHERE number LIKE ?", (prefix + "-%",)).fetchone()[0]
    finally:
        con.close()


def hold_write_lock(db_path: Path, seconds: float) -> subprocess.Popen:
    """Another program holding the database's write lock for ``seconds`` (returns once it holds it)."""
    code = ("import sqlite3, sys, time\n"
            "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "con.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(float(sys.argv[2]))\n"
            "con.execute('COMMIT')\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db_path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def furniture_values(name: str = "办公桌") -> dict:
    from logistics_desk.core.masterdata import Category

    return {"name": name, "category": Category.get(Category.code == "JJ").id, "quantity": 1, "unit_price": "800",
            "acquired_on": dt.date(2025, 9, 1), "unit": "张"}


# --- two command-line imports at once -----------------------------------------------------------------------

def test_two_imports_of_1500_rows_into_one_file_at_once_both_land(tmp_path, db_path):
    a = make_register(tmp_path / "register-a.xlsx", "A", 1500)
    b = make_register(tmp_path / "register-b.xlsx", "B", 1500)
    started = time.monotonic()
    procs = [start_cli(tmp_path, db_path, "import", "assets", str(f)) for f in (a, b)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    elapsed = time.monotonic() - started
    for code, out, err in results:
        assert code == 0, out + err
        assert "1500 assets imported." in out
        assert "locked" not in out + err
    assert numbers_with_prefix(db_path, "A") == 1500
    assert numbers_with_prefix(db_path, "B") == 1500
    check = cli(tmp_path, db_path, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Database intact; change record intact" in check.stdout
    print(f"two imports of 1500 rows at once: {elapsed:.1f} s")


def test_eight_small_imports_at_once_all_24_rows_land(tmp_path, db_path):
    files = [make_register(tmp_path / f"small-{i}.xlsx", f"S{i}", 3) for i in range(8)]
    procs = [start_cli(tmp_path, db_path, "import", "assets", str(f)) for f in files]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, out + err
        assert "3 assets imported." in out
    assert sum(numbers_with_prefix(db_path, f"S{i}") for i in range(8)) == 24
    check = cli(tmp_path, db_path, "check")
    assert check.returncode == 0, check.stdout + check.stderr


# --- the write lock is taken at the start, waited for, and given up with a message -------------------------------

@pytest.mark.sqlite_only  # SQLite's write lock / its file on a full disk
def test_a_write_transaction_holds_the_write_lock_from_its_start(database, db_path):
    other = sqlite3.connect(str(db_path), timeout=0, isolation_level=None)
    try:
        with database.atomic():
            database.execute_sql("SELECT count(*) FROM asset").fetchone()  # only a read so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released at the end
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.mark.sqlite_only  # SQLite's write lock / its file on a full disk
def test_a_write_waits_for_another_program_and_says_how_long(database, db_path):
    from logistics_desk.modules.assets import service

    calls = []
    previous = db.set_waiting_callback(calls.append)
    holder = hold_write_lock(db_path, 1.5)
    try:
        started = time.monotonic()
        asset = service.register(furniture_values())[0]
        waited = time.monotonic() - started
    finally:
        db.set_waiting_callback(previous)
        holder.wait(timeout=30)
    assert waited >= 1.0
    seconds = [c for c in calls if c is not None]
    assert seconds and seconds == sorted(seconds) and seconds[-1] >= 0.8
    assert calls[-1] is None  # the wait is over
    assert service.find_by_number(asset.number) is not None


@pytest.mark.sqlite_only  # SQLite's write lock / its file on a full disk
def test_after_the_limit_the_write_is_refused_with_a_clear_message(database, db_path, monkeypatch):
    from logistics_desk.modules.assets import service
    from logistics_desk.modules.assets.models import Asset

    monkeypatch.setattr(db, "WRITE_WAIT_SECONDS", 0.6)
    before = Asset.select().count()
    holder = hold_write_lock(db_path, 1.5)
    try:
        with pytest.raises(UserError) as caught:
            service.register(furniture_values())
    finally:
        holder.wait(timeout=30)
    message = caught.value.message
    assert "Another program has been writing to the database" in message and str(db_path) in message
    assert "Nothing was changed" in message
    assert Asset.select().count() == before
    assert not database.in_transaction()
    service.register(furniture_values())  # and the next write goes through
    assert Asset.select().count() == before + 1


def test_the_window_and_a_command_line_import_write_at_once(tmp_path, database, db_path):
    """The window keeps writing (its own connection, one write after another) while an import runs."""
    from logistics_desk.modules.assets import service

    register = make_register(tmp_path / "register.xlsx", "W", 1500)
    proc = start_cli(tmp_path, db_path, "import", "assets", str(register))
    mine = []
    while proc.poll() is None and len(mine) < 40:
        mine.append(service.register(furniture_values(f"窗口登记{len(mine)}"))[0].number)
        time.sleep(0.05)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, out + err
    assert numbers_with_prefix(db_path, "W") == 1500
    assert all(service.find_by_number(n) is not None for n in mine)
    db.close_database()
    check = cli(tmp_path, db_path, "check")
    assert check.returncode == 0, check.stdout + check.stderr


# --- disk full -----------------------------------------------------------------------------------------------

def _fill_up(db_path: Path) -> None:
    """Make the database "full" for this connection: no page may be added."""
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")


@pytest.mark.sqlite_only  # SQLite's file on a full disk
@pytest.mark.parametrize("nested", [False, True], ids=["transaction", "savepoint"])
def test_disk_full_names_the_cause_and_the_database_and_saves_nothing(database, db_path, nested):
    from logistics_desk.modules.assets import service
    from logistics_desk.modules.assets.models import Asset

    before = Asset.select().count()
    _fill_up(db_path)
    rows = [dict(furniture_values(f"课桌{i}"), unit_price=Decimal("800"), note="备注" * 400) for i in range(300)]
    with pytest.raises(UserError) as caught:
        if nested:
            with database.atomic():
                service.register(rows[0])
                service.register_many(rows)
        else:
            service.register_many(rows)
    message = caught.value.message
    assert "disk is full" in message and str(db_path) in message
    assert "cannot rollback" not in message and "no transaction" not in message
    assert not database.in_transaction()
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert Asset.select().count() == before  # nothing half-saved
    service.register(furniture_values())  # the connection is still good
    assert Asset.select().count() == before + 1


@pytest.mark.sqlite_only  # SQLite's write lock / its file on a full disk
def test_disk_full_at_the_command_line_exits_2_with_the_reason(tmp_path, db_path, monkeypatch, capsys):
    from logistics_desk import cli as cli_module

    register = make_register(tmp_path / "register.xlsx", "F", 300)
    real_connect = db.Database._connect

    def full_connect(self):
        conn = real_connect(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(db.Database, "_connect", full_connect)
    code = cli_module.main(["--db", str(db_path), "--lang", "en", "import", "assets", str(register)])
    out = capsys.readouterr().out
    assert code == 2, out
    assert "disk is full" in out and str(db_path) in out
    assert "cannot rollback" not in out and "Traceback" not in out
    monkeypatch.undo()
    assert numbers_with_prefix(db_path, "F") == 0


# --- worker threads ---------------------------------------------------------------------------------------------

def test_a_worker_thread_s_connection_is_its_own_and_closing_it_keeps_the_window_s(database, db_path):
    """An export-style reader on another thread opens and closes its own connection; the window's stays."""
    from logistics_desk.modules.assets.models import Asset

    seen = []

    def work():
        try:
            seen.append(Asset.select().count())
        finally:
            db.close_thread_connection()

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen and not database.is_closed()
    assert Asset.select().count() == seen[0]
