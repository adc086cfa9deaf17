"""Proof under load (issue 20, item 6): four processes importing, editing, scanning and recording repairs
and fridge readings on one database at the same time, on whichever engine the suite runs
(``LOGISTICS_DESK_TEST_DB``): no write is lost, none is half-saved, ``check`` passes; and of two editors
of one record, the second save is refused (``changes.EditConflict``) naming the first.

The workers are tests/load_worker.py (benchmarks/bench_concurrent.py runs them longer and prints figures).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from logistics_desk.core import audit, changes, db, engine, integrity, paths
from logistics_desk.core.errors import UserError
from logistics_desk.modules.assets.models import Asset

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "load_worker.py"
SECONDS = 4.0  # each worker's work; the whole test stays well under 15 s

_spec = importlib.util.spec_from_file_location("load_worker", WORKER)
load_worker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load_worker)


class Worker:
    """A worker process; its output lines arrive through a queue (a read never hangs the test)."""

    def __init__(self, args: list, log: Path, env: dict | None = None):
        env = dict(env or os.environ)
        env.pop("LOGISTICS_DESK_DB", None)
        env["PYTHONPATH"] = str(ROOT)
        self.log = log
        self._err = open(log, "w", encoding="utf-8")  # noqa: SIM115 (closed in finish)
        self.proc = subprocess.Popen([sys.executable, str(WORKER), *map(str, args)], cwd=ROOT, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._err, text=True,
                                     encoding="utf-8")
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def expect(self, word: str, timeout: float = 90) -> str:
        """The next line, which must start with ``word``; returns the rest of it."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            line = None
        if line is None or not line.startswith(word):
            self.proc.kill()
            self.finish()
            pytest.fail(f"expected {word!r} from the worker, got {line!r}:\n{self.log.read_text()[-3000:]}")
        return line[len(word):].strip()

    def send(self, word: str) -> None:
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()

    def result(self, timeout: float = 90) -> dict:
        return json.loads(self.expect("result", timeout))

    def finish(self) -> None:
        """End of its input (a worker then stops), and its end awaited."""
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        finally:
            self._err.close()


def _seed(db_path, tmp_path) -> tuple[dict, Path, dict]:
    """The school the workers work in, and each worker's environment: on a server, a data folder of its
    own as on a PC of its own (the school's key copied in); a file's key and head lie beside it anyway."""
    db.open_database(db_path, backup=False)
    try:
        setup = load_worker.seed()
        envs = {role: load_worker.pc_env(dict(os.environ), tmp_path / f"pc-{role}", db_path)
                for role in load_worker.ROLES}
    finally:
        db.close_database()
    path = tmp_path / "setup.json"
    path.write_text(json.dumps(setup), encoding="utf-8")
    return setup, path, envs


def test_four_clerks_at_once_lose_nothing_and_half_save_nothing(db_path, tmp_path):
    setup, setup_file, envs = _seed(db_path, tmp_path)
    workers = [Worker([role, db_path, setup_file, SECONDS], tmp_path / f"{role}.log", envs[role])
               for role in load_worker.ROLES]
    try:
        for w in workers:
            w.expect("ready")
        for w in workers:  # all four start together
            w.send("go")
        results = [w.result(timeout=SECONDS + 90) for w in workers]
    finally:
        for w in workers:
            w.finish()
    for r in results:
        assert r["failed"] == 0, (r["role"], r["failures"])
        assert r["writes"] > 0, r["role"]
    db.open_database(db_path, backup=False, create=False)
    try:
        assert load_worker.verify(setup, results) == []
        assert audit.verify_chain() == []
        outcome = load_worker.check_all()
        assert outcome["check_ok"], outcome["check_problems"]
    finally:
        db.close_database()


def test_of_two_editors_of_one_record_the_second_save_is_refused(db_path, tmp_path):
    """Two people at two PCs open the same asset; both save. The first save stands; the second is refused
    with who changed the record, and nothing of it is saved (its form reloads: core/ui/dialogs.run_save).
    Once one after the other, then (both forms read again) both at the same moment."""
    assert hasattr(changes, "editing") and hasattr(changes, "EditConflict")
    db.open_database(db_path, backup=False)
    try:
        from logistics_desk.core.masterdata import Category
        from logistics_desk.modules.assets import service

        asset = service.register({"name": "投影仪", "category": Category.select().first().id, "quantity": 1,
                                  "unit_price": "3500", "acquired_on": dt.date(2025, 9, 1), "unit": "台"})[0]
    finally:
        db.close_database()
    setup_file = tmp_path / "setup.json"
    setup_file.write_text("{}", encoding="utf-8")
    names = ["王老师", "李老师"]
    editors = [Worker(["pair", db_path, setup_file, 0, name, asset.id], tmp_path / f"pair{i}.log")
               for i, name in enumerate(names)]
    winners = []
    try:
        for w in editors:
            w.expect("ready")
        for moment in ("one after the other", "at the same moment"):
            for w in editors:
                w.send("open")
                w.expect("opened")  # both forms show the record before either saves
            if moment == "one after the other":
                answers = []
                for w in editors:
                    w.send(f"save {len(winners)}")
                    answers.append(w.result())
            else:
                for w in editors:
                    w.send(f"save {len(winners)}")
                answers = [w.result() for w in editors]
            saved = [i for i, a in enumerate(answers) if a["ok"]]
            assert len(saved) == 1, (moment, answers)
            winner, loser = names[saved[0]], answers[1 - saved[0]]
            if moment == "one after the other":
                assert winner == "王老师"
            assert loser["conflict"] and loser["operator"] == winner, (moment, loser)
            assert winner in loser["message"]
            winners.append(winner)
    finally:
        for w in editors:
            w.finish()
    db.open_database(db_path, backup=False, create=False)
    try:
        assert Asset.get_by_id(asset.id).note == f"{winners[-1]}改的1"  # the refused saves left nothing behind
        notes = audit.AuditEntry.select().where((audit.AuditEntry.table_name == "asset")
                                                & (audit.AuditEntry.record_id == asset.id)
                                                & (audit.AuditEntry.field == "note")).order_by(audit.AuditEntry.id)
        assert [(e.operator, e.new_value) for e in notes] == [(w, f"{w}改的{i}") for i, w in enumerate(winners)]
        assert audit.verify_chain() == []
    finally:
        db.close_database()


# --- on a server: the write lock is waited for in turn; several PCs' checks -----------------------------------

def _server(db_path):
    if not isinstance(db_path, engine.ServerAddress):
        pytest.skip("about a PostgreSQL server (LOGISTICS_DESK_TEST_DB=postgresql://…)")
    import psycopg

    return psycopg


def _other_writer(db_path, hold: float, stop_after: float, started: threading.Event,
                  stop: threading.Event | None = None) -> threading.Thread:
    """Another program taking the server's write lock again and again (``hold`` seconds each time, the next
    time at once) for ``stop_after`` seconds or until ``stop`` is set."""
    psycopg = _server(db_path)
    stop = stop or threading.Event()

    def run():
        with psycopg.connect(db_path.url) as con:
            end = time.monotonic() + stop_after
            while time.monotonic() < end and not stop.is_set():
                con.execute("SELECT pg_advisory_xact_lock(%s)", (engine.WRITE_LOCK_KEY,))
                started.set()
                time.sleep(hold)
                con.commit()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(30)
    return thread


def _supplier(name: str):
    from logistics_desk.core import masterdata
    from logistics_desk.core.masterdata import Supplier

    return masterdata.save(Supplier, {"name": name})


def test_a_write_on_a_server_gets_its_turn_while_another_program_keeps_writing(database, db_path):
    """Before: the lock was polled every 0.2 s, and a program writing back to back kept it (the editor of
    bench_concurrent made 0.4 writes/s beside the scanner's 6.6); now it waits in the server's queue."""
    stop = threading.Event()
    other = _other_writer(db_path, hold=0.1, stop_after=4.0, started=threading.Event(), stop=stop)
    started = time.monotonic()
    try:
        _supplier("排队的供应商")
        waited = time.monotonic() - started
    finally:
        stop.set()
        other.join(timeout=30)
    assert waited < 1.5, f"waited {waited:.1f} s for a program that holds the lock 0.1 s at a time"


def test_a_write_on_a_server_waits_says_how_long_and_gives_up_cleanly(database, db_path, monkeypatch):
    calls = []
    previous = db.set_waiting_callback(calls.append)
    try:
        other = _other_writer(db_path, hold=1.2, stop_after=0.1, started=threading.Event())
        started = time.monotonic()
        _supplier("等候的供应商")
        waited = time.monotonic() - started
        other.join(timeout=30)
        assert waited >= 0.8
        seconds = [c for c in calls if c is not None]
        assert seconds and seconds == sorted(seconds) and calls[-1] is None
        monkeypatch.setattr(db, "WRITE_WAIT_SECONDS", 0.5)  # the limit: refused, nothing left open
        other = _other_writer(db_path, hold=1.5, stop_after=0.1, started=threading.Event())
        with pytest.raises(UserError, match="Another program has been writing"):
            _supplier("放弃的供应商")
        assert not database.in_transaction()
        from psycopg.pq import TransactionStatus

        assert database.connection().info.transaction_status == TransactionStatus.IDLE  # no BEGIN left open
        other.join(timeout=30)
    finally:
        db.set_waiting_callback(previous)
    _supplier("之后的供应商")  # the next write goes through, in a transaction of its own
    from logistics_desk.core.masterdata import Supplier

    psycopg = _server(db_path)
    with psycopg.connect(db_path.url) as con:  # committed: another connection sees it
        names = {r[0] for r in con.execute("SELECT name FROM supplier")}
    assert {"等候的供应商", "之后的供应商"} <= names and "放弃的供应商" not in names
    assert Supplier.select().where(Supplier.name == "放弃的供应商").count() == 0
    assert audit.verify_chain() == []


def test_on_a_server_each_pc_s_check_passes_after_the_others_wrote(db_path, tmp_path, monkeypatch):
    """Each PC keeps the change record's head file in its own data folder; on a server the others write after
    it, which is no sign of entries added outside the program (it was reported as one)."""
    _server(db_path)
    folders = {pc: tmp_path / f"pc-{pc}" for pc in ("甲", "乙")}
    key = None
    for pc in ("甲", "乙", "甲"):
        monkeypatch.setenv(paths.DATA_DIR_ENV, str(folders[pc]))
        db.open_database(db_path, backup=False, create=False)
        try:
            if key is None:
                _supplier("甲的供应商")
                key = audit.key_path().read_bytes()
            elif not audit.key_path().exists():  # set up like the first PC: the school's key copied in
                audit.key_path().parent.mkdir(parents=True, exist_ok=True)
                audit.key_path().write_bytes(key)
                _supplier("乙的供应商")
            report = integrity.check()
            assert report.ok, (pc, report.problems)
        finally:
            db.close_database()
