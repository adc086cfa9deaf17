"""Opening the database: only the window's first start, ``demo`` and ``import`` create a missing file;
permission denied, a read-only folder, a file locked by another program and a damaged file are four
different, clear messages (on the command line and in the window); another program's SQLite file and
an empty file are refused without being changed; new files carry the program's application_id."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from logistics_desk import cli
from logistics_desk.core import backup, db, masterdata
from logistics_desk.core.masterdata import Supplier

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"

pytestmark = pytest.mark.sqlite_only  # the database file's own troubles (a server's: tests/core/test_postgres.py)


def _env() -> dict:
    env = dict(os.environ)
    env.pop("LOGISTICS_DESK_DB", None)
    return env


def run_cli(capsys, *args) -> tuple[int, str]:
    code = cli.main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def application_id(path: Path) -> int:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA application_id").fetchone()[0]
    finally:
        con.close()


# --- a mistyped --db creates nothing ----------------------------------------------------------

def _commands(tmp_path: Path, good_backup: Path) -> dict[str, list[str]]:
    return {
        "check": ["check"],
        "print": ["print", "asset-card", "--number", "ZC-1", "-o", str(tmp_path / "card.pdf")],
        "export": ["export", "assets", str(tmp_path / "assets.xlsx")],
        "backup": ["backup", str(tmp_path / "copy.db")],
        "backup-default": ["backup"],
        "restore": ["restore", str(good_backup)],
    }


@pytest.mark.parametrize("command", ["check", "print", "export", "backup", "backup-default", "restore"])
@pytest.mark.parametrize("where", ["typo.db", "nowhere/logistics.db"])
def test_a_missing_database_is_refused_with_exit_2_and_nothing_is_created(
        db_path, tmp_path, capsys, command, where):
    good = tmp_path / "good.db"
    shutil.copy(db_path, good)  # a real backup (rollback journal, as backups are), so only --db is wrong
    con = sqlite3.connect(str(good))
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    work = tmp_path / "work"
    work.mkdir()
    target = work / where
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, out = run_cli(capsys, "--db", target, *_commands(tmp_path, good)[command])
    assert code == 2
    assert str(target) in out and "does not exist" in out
    assert not target.exists()
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # no file, no folder


def test_import_and_demo_create_a_missing_database_marked_as_the_programs_own(tmp_path, capsys):
    for command in (["demo", "--assets", "5"], ["import", "assets", str(_one_row_csv(tmp_path))]):
        target = tmp_path / command[0] / "new" / "logistics.db"
        code, out = run_cli(capsys, "--db", target, *command)
        assert code == 0, out
        assert target.is_file()
        assert application_id(target) == db.APPLICATION_ID


def _one_row_csv(tmp_path: Path) -> Path:
    path = tmp_path / "one.csv"
    path.write_text("资产名称,资产分类,计量单位,数量,单价,购置日期,存放地点\n"
                    "投影仪,通用设备,台,1,3500,2025-09-01,教学楼301\n", encoding="utf-8")
    return path


def test_the_mark_is_set_on_new_files_and_by_migration_0008_on_old_ones(tmp_path):
    import importlib

    step = importlib.import_module("logistics_desk.core.migrations.0008_application_id")
    assert step.APPLICATION_ID == db.APPLICATION_ID == 0x4C44534B
    from peewee import SqliteDatabase

    from logistics_desk.core.migrations import runner

    old = tmp_path / "old.db"
    raw = SqliteDatabase(str(old))
    runner(raw).up(target="0007_asset_indexes")
    raw.execute_sql("PRAGMA user_version = 7")
    raw.close()
    assert application_id(old) == 0
    db.open_database(old, backup=False, create=False)
    db.close_database()
    assert application_id(old) == db.APPLICATION_ID


# --- why a database cannot be opened ---------------------------------------------------------------

def _without_root_powers() -> list[str]:
    """A prefix that runs a command without root's power to ignore file permissions (or skip)."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    drop = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", "--"]


def _check_in_child(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*_without_root_powers(), sys.executable, str(MAIN), "--lang", "en", "--db", str(path),
                           "check"], capture_output=True, text=True, timeout=60, cwd=ROOT, env=_env())


@pytest.fixture
def open_errors(db_path, tmp_path, capsys, monkeypatch):
    """The message each of the four reasons gives on the command line (exit 2 each)."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    messages = {}
    # permission denied: the file is not readable and writable by this account
    denied = tmp_path / "denied" / "logistics.db"
    denied.parent.mkdir()
    shutil.copy(db_path, denied)
    denied.chmod(0o000)
    try:
        result = _check_in_child(denied)
    finally:
        denied.chmod(0o644)
    assert result.returncode == 2, result.stdout + result.stderr
    messages["permission"] = (result.stdout, denied)
    # a read-only folder: the journal (-wal, -shm) cannot be created beside the file
    folder = tmp_path / "readonly"
    folder.mkdir()
    shutil.copy(db_path, folder / "logistics.db")
    folder.chmod(0o555)
    try:
        result = _check_in_child(folder / "logistics.db")
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stdout + result.stderr
    messages["read_only_folder"] = (result.stdout, folder / "logistics.db")
    # locked: another process holds the file exclusively
    locked = tmp_path / "locked" / "logistics.db"
    locked.parent.mkdir()
    shutil.copy(db_path, locked)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA locking_mode=EXCLUSIVE'); c.execute('PRAGMA journal_mode=DELETE'); "
        "c.execute('BEGIN EXCLUSIVE'); c.execute('COMMIT'); print('locked', flush=True); time.sleep(30)"),
        str(locked)], stdout=subprocess.PIPE, text=True, env=_env())
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(db, "OPEN_TIMEOUT", 0.3)
        code, out = run_cli(capsys, "--db", locked, "check")
    finally:
        holder.kill()
        holder.wait()
    assert code == 2, out
    messages["locked"] = (out, locked)
    # damaged: not a database any more
    damaged = tmp_path / "damaged" / "logistics.db"
    damaged.parent.mkdir()
    damaged.write_bytes(b"disk trouble " * 1000)
    code, out = run_cli(capsys, "--db", damaged, "check")
    assert code == 2, out
    messages["damaged"] = (out, damaged)
    return messages


def test_four_reasons_four_clear_messages_on_the_command_line(open_errors):
    m = {kind: out for kind, (out, _path) in open_errors.items()}
    for out, path in open_errors.values():
        assert str(path) in out and "Traceback" not in out
    assert "no permission to read and write" in m["permission"]
    assert "is read-only" in m["read_only_folder"] and str(open_errors["read_only_folder"][1].parent) in \
        m["read_only_folder"]
    assert "locked by another program" in m["locked"]
    assert "is damaged and cannot be opened (file is not a database)" in m["damaged"]
    assert "restore BACKUP.db" in m["damaged"] and "backups" in m["damaged"]  # how to put a backup in its place
    # four different messages, not one message with four paths
    assert len({out.replace(str(path), "PATH").replace(str(path.parent), "FOLDER")
                for out, path in open_errors.values()}) == 4


def test_another_programs_sqlite_file_and_an_empty_file_are_refused_unchanged(tmp_path, capsys):
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(str(foreign))
    con.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    con.commit()
    con.close()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path, words in ((foreign, "not a Logistics Desk database"), (empty, "is empty")):
        before = sha256(path)
        code, out = run_cli(capsys, "--db", path, "check")
        assert code == 2 and words in out, out
        assert sha256(path) == before
        assert not path.with_name(path.name + "-wal").exists()
    # import would create into an empty file, but never into another program's database
    code, out = run_cli(capsys, "--db", foreign, "import", "assets", str(_one_row_csv(tmp_path)))
    assert code == 2 and "not a Logistics Desk database" in out


# --- the window -------------------------------------------------------------------------------

class _Boxes:
    def __init__(self, monkeypatch, answer=None):
        from PySide6.QtWidgets import QMessageBox

        self.critical: list[str] = []
        self.information: list[str] = []
        self.answer = answer

        def critical(parent, title, text, *args, **kwargs):
            self.critical.append(text)
            return self.answer if self.answer is not None else QMessageBox.StandardButton.Ok

        def information(parent, title, text, *args, **kwargs):
            self.information.append(text)
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
        monkeypatch.setattr(QMessageBox, "information", staticmethod(information))


def test_the_window_explains_a_locked_file_without_command_line_advice(qapp, db_path, tmp_path, monkeypatch):
    from logistics_desk import app

    boxes = _Boxes(monkeypatch)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA locking_mode=EXCLUSIVE'); c.execute('PRAGMA journal_mode=DELETE'); "
        "c.execute('BEGIN EXCLUSIVE'); c.execute('COMMIT'); print('locked', flush=True); time.sleep(30)"),
        str(db_path)], stdout=subprocess.PIPE, text=True, env=_env())
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(db, "OPEN_TIMEOUT", 0.3)
        assert app.open_database_for_window(qapp, db_path) is False
    finally:
        holder.kill()
        holder.wait()
    assert len(boxes.critical) == 1 and "locked by another program" in boxes.critical[0]
    assert "main.py" not in boxes.critical[0]
    assert db.current_path() is None


def test_the_window_offers_to_restore_over_a_damaged_file(qapp, db_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from logistics_desk import app

    db.open_database(db_path, backup=False)
    masterdata.save(Supplier, {"name": "甲供应商"})
    good = backup.make_backup()  # in backups/ beside the file, where the dialog opens
    db.close_database()
    db_path.write_bytes(b"disk trouble " * 4000)

    boxes = _Boxes(monkeypatch, answer=QMessageBox.StandardButton.Open)
    asked = {}

    def choose(parent, caption, directory, *args, **kwargs):
        asked["directory"] = directory
        return str(good), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    try:
        assert app.open_database_for_window(qapp, db_path) is True
        assert {s.name for s in Supplier.select()} == {"甲供应商"}
    finally:
        db.close_database()
    assert "damaged" in boxes.critical[0] and str(db_path.parent / "backups") in boxes.critical[0]
    assert "main.py" not in boxes.critical[0]
    assert asked["directory"] == str(db_path.parent / "backups")
    assert "damaged file was kept as" in boxes.information[0]
    kept = list((db_path.parent / "backups").glob("logistics-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"disk trouble")


def test_the_window_creates_the_database_on_its_first_start(qapp, tmp_path, monkeypatch):
    from logistics_desk import app

    boxes = _Boxes(monkeypatch)
    target = tmp_path / "first" / "logistics.db"
    try:
        assert app.open_database_for_window(qapp, target) is True
    finally:
        db.close_database()
    assert boxes.critical == []
    assert application_id(target) == db.APPLICATION_ID
