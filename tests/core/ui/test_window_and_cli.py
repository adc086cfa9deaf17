"""The window and the command line on one database at once.

The failure this reproduces: with the window open, export to Excel from it, then run ``backup`` from
the command line: the window's -wal and -shm were deleted under it and what the window saved next was
missing from every later backup. The cause: Qt's file dialog, listing the database's folder, read the
first bytes of ``logistics.db``, ``-wal`` and ``-shm`` to guess their types; closing those descriptors
dropped all of the window process's POSIX locks on the files, so the command-line process believed it
was the database's last user and, when it ended, folded the journal in and deleted it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from logistics_desk.core.ui.work import wait_for_workers
from logistics_desk.modules import modules as registry_specs

OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
pytestmark = [pytest.mark.usefixtures("database"), pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
              pytest.mark.sqlite_only]  # the database file's journal and locks

ROOT = Path(__file__).resolve().parents[3]
POSIX = os.name == "posix"


def cli(tmp_path: Path, db_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"), PYTHONPATH=str(ROOT))
    env.pop("LOGISTICS_DESK_DB", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "--lang", "en", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def make_register(path: Path, prefix: str, n: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["资产编号", "资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点"])
    for i in range(n):
        ws.append([f"{prefix}-{i:05d}", f"椅子{i}", "家具", 1, 90, dt.date(2025, 9, 1), "教学楼 101"])
    wb.save(path)
    return path


def numbers_in(path: Path) -> set[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {n for (n,) in con.execute("SELECT number FROM asset")}
    finally:
        con.close()


def register(name: str) -> str:
    """A write in the window: the window's own connection, on its thread."""
    from logistics_desk.core.masterdata import Category
    from logistics_desk.modules.assets import service

    values = {"name": name, "category": Category.get(Category.code == "JJ").id, "quantity": 1,
              "unit_price": "800", "acquired_on": dt.date(2025, 9, 1), "unit": "张"}
    return service.register(values)[0].number


def file_ids(db_path: Path) -> tuple[int, int] | None:
    """The inodes of the -wal and -shm (None: removed)."""
    try:
        return (os.stat(f"{db_path}-wal").st_ino, os.stat(f"{db_path}-shm").st_ino)
    except FileNotFoundError:
        return None


@pytest.fixture
def window(qtbot):
    from logistics_desk.core.ui.main_window import MainWindow

    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    w.show()
    yield w
    wait_for_workers()


class Person:
    """Answers the window's modal dialogs: the save dialog (after it has listed its folder) and message boxes."""

    def __init__(self):
        self.messages, self.listed = [], False
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self):
        box = QApplication.activeModalWidget()
        if isinstance(box, QFileDialog):
            if not self.listed:  # let the dialog list the folder (database, -wal and -shm included) first
                self.listed = True
                self.timer.stop()
                QTimer.singleShot(1500, self.timer.start)
                return
            box.accept()  # the name it suggests, in the folder it shows
        elif isinstance(box, QMessageBox):
            self.messages.append(box.text())
            box.accept()

    def stop(self):
        self.timer.stop()


def test_export_then_backup_and_import_from_other_processes_keep_the_journal_and_every_write(
        qtbot, window, db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(db_path.parent)  # the export is saved beside the database: the dialog lists its folder
    before = [register(f"办公桌{i}") for i in range(3)]
    ids = file_ids(db_path)

    tab = window.module_tabs[0]
    person = Person()
    try:
        tab.export_dialog()  # the save dialog, then the export on a worker thread with its own connection
        qtbot.waitUntil(lambda: getattr(tab, "last_export", None) is not None, timeout=30000)
        wait_for_workers()
        qtbot.waitUntil(lambda: bool(person.messages), timeout=10000)
    finally:
        person.stop()
    out = Path(tab.last_export[0])
    assert person.listed and tab.last_export[1] == 3 and out.parent == db_path.parent and out.exists()

    backup1 = tmp_path / "first.db"
    done = cli(tmp_path, db_path, "backup", str(backup1))
    assert done.returncode == 0, done.stdout + done.stderr
    imported = make_register(tmp_path / "chairs.xlsx", "CLI", 3)
    done = cli(tmp_path, db_path, "import", "assets", str(imported))
    assert done.returncode == 0, done.stdout + done.stderr

    journal_after_the_commands = file_ids(db_path)
    after = register("打印机桌")  # written in the window after the other programs ended
    backup2 = tmp_path / "second.db"
    done = cli(tmp_path, db_path, "backup", str(backup2))
    assert done.returncode == 0, done.stdout + done.stderr

    in_backup = numbers_in(backup2)
    assert set(before) <= numbers_in(backup1)
    assert set(before) | {after} | {f"CLI-{i:05d}" for i in range(3)} <= in_backup
    from logistics_desk.modules.assets import service

    assert service.find_by_number("CLI-00002") is not None  # and the window sees the import
    assert journal_after_the_commands == ids  # the window's journal stayed the live one all along
    check = cli(tmp_path, db_path, "check")
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.skipif(not POSIX, reason="Windows locks belong to the handle: closing another one drops nothing")
def test_a_plain_open_of_the_file_in_the_window_s_process_loses_no_write(db_path, tmp_path):
    """Anything else that opens and closes the file in the window's process (here a plain open()) drops the
    locks too; the next write notices that its journal was removed and connects again, so it is kept."""
    first = register("文件柜")
    with open(db_path, "rb") as f:  # closing this descriptor drops every lock the process holds on the file
        assert f.read(16) == b"SQLite format 3\x00"
    done = cli(tmp_path, db_path, "backup", str(tmp_path / "first.db"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert not Path(f"{db_path}-wal").exists()  # the other program believed it was the last user

    second = register("书架")
    assert Path(f"{db_path}-wal").exists()
    done = cli(tmp_path, db_path, "backup", str(tmp_path / "second.db"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert {first, second} <= numbers_in(tmp_path / "second.db")


def test_the_window_says_it_is_waiting_for_another_program(qtbot, window, db_path):
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    code = ("import sqlite3, sys, time\n"
            "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "con.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(2.5)\n"
            "con.execute('COMMIT')\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        number = register("讲台")
    finally:
        holder.wait(timeout=30)
    waiting = [m for m in shown if m.startswith("Waiting for another program to finish writing…")]
    pattern = r"Waiting for another program to finish writing… \(\d+ s\)"
    assert waiting and all(re.fullmatch(pattern, m) for m in waiting)
    assert waiting[-1] != waiting[0]  # the seconds count up while it waits
    assert window.statusBar().currentMessage() == ""  # over once the write went through
    from logistics_desk.modules.assets import service

    assert service.find_by_number(number) is not None


def my_locks(db_path: Path) -> list[tuple]:
    """The POSIX locks this process holds on the database, its -wal and its -shm (Linux's lock table)."""
    inodes = {os.stat(f"{db_path}{suffix}").st_ino for suffix in ("", "-wal", "-shm")}
    held = []
    with open("/proc/locks") as table:
        for line in table:
            parts = line.split()
            if len(parts) >= 8 and parts[1] == "POSIX" and parts[4] == str(os.getpid()) \
                    and int(parts[5].rsplit(":", 1)[1]) in inodes:
                held.append((parts[5], parts[3], parts[6], parts[7]))
    return sorted(held)


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads Linux's lock table")
def test_a_file_dialog_on_the_database_s_folder_keeps_the_window_s_locks(qtbot, window, db_path):
    register("门卫桌")
    before = my_locks(db_path)
    assert len(before) >= 2  # SQLite's shared lock on the file and its lock on the -shm

    def close_it():
        box = QApplication.activeModalWidget()
        if isinstance(box, QFileDialog):
            box.reject()
        else:
            QTimer.singleShot(100, close_it)

    QTimer.singleShot(1500, close_it)  # after the dialog has listed the folder
    assert QFileDialog.getOpenFileName(window, "Open", str(db_path.parent)) == ("", "")
    after = my_locks(db_path)
    # every lock the window held is still held (a read the window ran meanwhile may hold one more)
    assert set(before) <= set(after), (before, after)
