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
from pathlib import Path

import pytest

from logistics_desk.core import audit, changes, db
from logistics_desk.modules.assets.models import Asset

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "load_worker.py"
SECONDS = 4.0  # each worker's work; the whole test stays well under 15 s

_spec = importlib.util.spec_from_file_location("load_worker", WORKER)
load_worker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load_worker)


class Worker:
    """A worker process; its output lines arrive through a queue (a read never hangs the test)."""

    def __init__(self, args: list, log: Path):
        env = dict(os.environ)
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
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        finally:
            self._err.close()


def _seed(db_path, tmp_path) -> tuple[dict, Path]:
    db.open_database(db_path, backup=False)
    try:
        setup = load_worker.seed()
    finally:
        db.close_database()
    path = tmp_path / "setup.json"
    path.write_text(json.dumps(setup), encoding="utf-8")
    return setup, path


def test_four_clerks_at_once_lose_nothing_and_half_save_nothing(db_path, tmp_path):
    setup, setup_file = _seed(db_path, tmp_path)
    workers = [Worker([role, db_path, setup_file, SECONDS], tmp_path / f"{role}.log") for role in load_worker.ROLES]
    try:
        for w in workers:
            w.expect("ready")
        for w in workers:  # all four start together
            w.send("go")
        results = [w.result(timeout=SECONDS + 90) for w in workers]
    finally:
        for w in workers:
            if w.proc.poll() is None:
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


@pytest.mark.parametrize("moment", ["one_after_the_other", "at_the_same_moment"])
def test_of_two_editors_of_one_record_the_second_save_is_refused(db_path, tmp_path, moment):
    """Two people at two PCs open the same asset; both save. The first save stands; the second is refused
    with who changed the record, and nothing of it is saved (its form reloads: core/ui/dialogs.run_save)."""
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
    try:
        for w in editors:
            w.expect("ready")
            w.expect("opened")  # both forms show the record before either saves
        if moment == "one_after_the_other":
            editors[0].send("save")
            answers = [editors[0].result()]
            editors[1].send("save")
            answers.append(editors[1].result())
        else:
            for w in editors:
                w.send("save")
            answers = [w.result() for w in editors]
    finally:
        for w in editors:
            w.finish()
    saved = [i for i, a in enumerate(answers) if a["ok"]]
    assert len(saved) == 1, answers
    winner, loser = names[saved[0]], answers[1 - saved[0]]
    if moment == "one_after_the_other":
        assert winner == "王老师"
    assert loser["conflict"] and loser["operator"] == winner, loser
    assert winner in loser["message"]
    db.open_database(db_path, backup=False, create=False)
    try:
        assert Asset.get_by_id(asset.id).note == f"{winner}改的"  # the refused save left nothing behind
        notes = audit.AuditEntry.select().where((audit.AuditEntry.table_name == "asset")
                                                & (audit.AuditEntry.record_id == asset.id)
                                                & (audit.AuditEntry.field == "note"))
        assert [e.operator for e in notes] == [winner]
        assert audit.verify_chain() == []
    finally:
        db.close_database()
