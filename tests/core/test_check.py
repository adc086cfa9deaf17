"""``check`` against someone with a database browser: the books are reconciled with the change record,
and the record itself is keyed (HMAC) with a secret and a head kept outside the database file."""

from __future__ import annotations

import decimal
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from logistics_desk import cli
from logistics_desk.core import audit, db, engine, integrity, masterdata
from logistics_desk.core.db import database as proxy
from logistics_desk.core.masterdata import Supplier
from logistics_desk.modules import modules as registry_specs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """Demo data of every module, made once: the database, its key and its head file."""
    from logistics_desk.core import demo, i18n
    from logistics_desk.modules import demo_steps

    folder = tmp_path_factory.mktemp("demo")
    i18n.set_language("en")
    db.open_database(folder / "logistics.db", backup=False)
    try:
        demo.populate(n_assets=120, seed=7, steps=demo_steps())
    finally:
        db.close_database()
    return folder


@pytest.fixture
def demo_db(demo_folder, tmp_path):
    """A copy of the demo folder for one test."""
    folder = tmp_path / "data"
    shutil.copytree(demo_folder, folder)
    return folder / "logistics.db"


def check(path, capsys) -> tuple[int, str]:
    code = cli.main(["--db", str(path), "--lang", "en", "check"])
    return code, capsys.readouterr().out


def _server_client(path):
    """A server database (the suite on PostgreSQL): a plain client, ``?`` written as ``%s``."""
    import psycopg

    return psycopg.connect(path.url, autocommit=False)


def edit(path, *statements) -> None:
    """Change the file as a database browser would: plain sqlite3, no program code (a server: psycopg)."""
    if isinstance(path, engine.ServerAddress):
        with _server_client(path) as con:
            for sql, *params in statements:
                con.execute(sql.replace("?", "%s"), *params)
        return
    con = sqlite3.connect(str(path))
    con.execute("PRAGMA foreign_keys = OFF")
    for sql, *params in statements:
        con.execute(sql, *params)
    con.commit()
    con.close()


def scalar(path, sql, *params):
    if isinstance(path, engine.ServerAddress):
        with _server_client(path) as con:
            return con.execute(sql.replace("?", "%s"), params).fetchone()[0]
    con = sqlite3.connect(str(path))
    try:
        return con.execute(sql, params).fetchone()[0]
    finally:
        con.close()


# --- the books against the change record --------------------------------------------------

def test_demo_data_of_every_module_passes_check(demo_db, capsys):
    code, out = check(demo_db, capsys)
    assert code == 0, out
    records = int(re.search(r"all (\d+) records agree", out).group(1))
    assert records > 3000  # tickets, samples, readings, inspections, assets, stock-take lines... all compared
    assert (demo_db.parent / "logistics-desk.key").is_file() and (demo_db.parent / "logistics.db.head").is_file()


def test_a_changed_price_is_found_with_table_record_field_and_both_values(demo_db, capsys):
    asset_id, price = 5, scalar(demo_db, "SELECT unit_price FROM asset WHERE id = 5")
    edit(demo_db, ("UPDATE asset SET unit_price = 1.5 WHERE id = ?", (asset_id,)))
    code, out = check(demo_db, capsys)
    assert code == 1
    line = next(x for x in out.splitlines() if x.startswith("asset record 5,"))
    assert "field unit_price" in line and "'1.5'" in line
    recorded = re.search(r"the change record says '([\d.]+)'", line).group(1)
    assert decimal.Decimal(recorded) == decimal.Decimal(str(price))
    assert "Check found 1 problems." in out and "Traceback" not in out


def test_a_changed_status_is_found(demo_db, capsys):
    edit(demo_db, ("UPDATE asset SET status = 'lost' WHERE id = 7",))
    code, out = check(demo_db, capsys)
    assert code == 1
    assert "asset record 7, field status: the change record says 'in_use', the table holds 'lost'." in out \
        or re.search(r"asset record 7, field status: the change record says '\w+', the table holds 'lost'", out)


def test_a_changed_stocktake_signature_is_found(demo_db, capsys):
    st_id, director = next(iter(sqlite3.connect(str(demo_db)).execute(
        "SELECT id, director FROM stocktake WHERE signed_on IS NOT NULL ORDER BY id LIMIT 1")))
    edit(demo_db, ("UPDATE stocktake SET director = '假签名' WHERE id = ?", (st_id,)))
    code, out = check(demo_db, capsys)
    assert code == 1
    assert f"stocktake record {st_id}, field director: the change record says {director!r}, " \
           f"the table holds '假签名'." in out


def test_a_deleted_asset_and_an_inserted_row_are_found(demo_db, capsys):
    edit(demo_db, ("DELETE FROM asset WHERE id = 9",),
         ("INSERT INTO supplier (name, active) VALUES ('影子供应商', 1)",))
    new_id = scalar(demo_db, "SELECT max(id) FROM supplier")
    code, out = check(demo_db, capsys)
    assert code == 1
    assert "asset record 9 is registered in the change record but missing from the table: " \
           "it was deleted outside the program." in out
    assert f"supplier record {new_id} has no registration in the change record: " \
           "it was inserted outside the program." in out


def test_a_changed_setting_is_found(demo_db, capsys):
    edit(demo_db, ("UPDATE setting SET value = ? WHERE key = 'school.name'", (json.dumps("别的学校"),)))
    code, out = check(demo_db, capsys)
    assert code == 1 and "Setting school.name: the change record says" in out and "'别的学校'" in out


def test_check_in_a_separate_process_in_chinese(demo_db):
    edit(demo_db, ("UPDATE asset SET unit_price = 2 WHERE id = 3",))
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(demo_db), "--lang", "zh_CN", "check"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "asset" in run.stdout and "unit_price" in run.stdout and "Traceback" not in run.stdout + run.stderr
    assert "asset 表第 3 条数据的字段 unit_price" in run.stdout and "表中却是 '2'" in run.stdout  # translated


def test_service_changes_after_the_demo_still_pass(demo_db, capsys):
    from logistics_desk.modules.assets import service as assets

    db.open_database(demo_db, backup=False)
    try:
        asset = assets.get_asset(scalar(demo_db, "SELECT min(id) FROM asset WHERE status = 'in_use'"))
        assets.update(asset, {"note": "换了位置", "unit_price": "1234.50"})
        assets.transfer(asset, place=scalar(demo_db, "SELECT max(id) FROM place WHERE kind = 'room'"),
                        reason="调整")
        masterdata.save(Supplier, {"name": "又一个供应商"})
    finally:
        db.close_database()
    code, out = check(demo_db, capsys)
    assert code == 0, out


@pytest.mark.sqlite_only  # copies the database file
def test_a_new_database_with_no_writes_passes(tmp_path, template_db, capsys):
    path = tmp_path / "fresh.db"
    shutil.copy(template_db, path)
    code, out = check(path, capsys)
    assert code == 0, out
    assert not (tmp_path / "fresh.db.head").exists()  # nothing written: no head yet


def test_the_first_write_registers_the_standard_categories(database):
    from logistics_desk.core.masterdata import Category

    categories = Category.select().count()
    assert categories
    baseline = [e for e in audit.AuditEntry.select().where(audit.AuditEntry.table_name == "category")]
    assert len(baseline) == categories and {e.action for e in baseline} == {"baseline"}
    assert integrity.check().ok


# --- the keyed chain, its key and its head ------------------------------------------------

def test_the_key_is_32_random_bytes_readable_only_by_the_owner(database, db_path):
    key = audit.key_path()  # beside the file; a server's: in the data folder (core/engine.py)
    assert len(key.read_bytes()) == 32
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    head = json.loads(audit.head_path().read_text())
    last = audit.AuditEntry.select().order_by(audit.AuditEntry.id.desc()).first()
    assert (head["last_id"], head["hash"]) == (last.id, last.hash)


def test_cut_entries_with_the_counter_fixed_are_found(demo_db, capsys):
    last = scalar(demo_db, "SELECT max(id) FROM audit_entry")
    edit(demo_db, ("DELETE FROM audit_entry WHERE id > ?", (last - 3,)),
         ("UPDATE counter SET value = ? WHERE key = 'audit:last_id'", (last - 3,)))
    code, out = check(demo_db, capsys)
    assert code == 1
    assert f"The change record ends at entry {last - 3}, but the head file" in out
    assert f"records entry {last}: entries were cut from its end." in out


def test_cut_entries_stay_visible_after_the_next_change(demo_db, capsys):
    last = scalar(demo_db, "SELECT max(id) FROM audit_entry")
    edit(demo_db, ("DELETE FROM audit_entry WHERE id > ?", (last - 3,)),
         ("UPDATE counter SET value = ? WHERE key = 'audit:last_id'", (last - 3,)))
    db.open_database(demo_db, backup=False)
    try:
        masterdata.save(Supplier, {"name": "之后的供应商"})
        assert audit.AuditEntry.select().order_by(audit.AuditEntry.id.desc()).first().id == last + 1
    finally:
        db.close_database()
    code, out = check(demo_db, capsys)
    assert code == 1 and f"Change record entries {last - 2}–{last} are missing." in out


def _rehash_publicly(path) -> None:
    """Recompute every hash with the public formula (what someone without the key can do)."""
    con = sqlite3.connect(str(path))
    con.row_factory = sqlite3.Row
    prev = audit.GENESIS
    rows = [dict(r) for r in con.execute("SELECT * FROM audit_entry ORDER BY id")]
    for row in rows:
        new = audit._digest(prev, row)
        con.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, row["id"]))
        prev = new
    con.commit()
    con.close()


def test_every_hash_recomputed_with_the_public_formula_is_found(demo_db, capsys):
    edit(demo_db, ("UPDATE asset SET unit_price = 1 WHERE id = 4",),
         ("UPDATE audit_entry SET new_value = '1' "
          "WHERE table_name = 'asset' AND record_id = 4 AND field = 'unit_price'",))
    _rehash_publicly(demo_db)
    total = scalar(demo_db, "SELECT count(*) FROM audit_entry")
    code, out = check(demo_db, capsys)
    assert code == 1
    assert f"Change record entries 1–{total} were re-hashed without this installation's key: " \
           "they were not written by this program." in out


def test_a_public_rewrite_with_the_head_file_deleted_is_still_found(demo_db, capsys):
    _rehash_publicly(demo_db)
    (demo_db.parent / "logistics.db.head").unlink()
    code, out = check(demo_db, capsys)
    assert code == 1
    assert "re-hashed without this installation's key" in out and "The head file" in out and "is missing" in out
    # and the program's next write does not adopt it
    db.open_database(demo_db, backup=False)
    try:
        masterdata.save(Supplier, {"name": "之后的供应商"})
    finally:
        db.close_database()
    code, out = check(demo_db, capsys)
    assert code == 1 and "re-hashed without this installation's key" in out and "is missing" in out


def test_a_head_file_that_disagrees_is_found(demo_db, capsys):
    head_file = demo_db.parent / "logistics.db.head"
    head = json.loads(head_file.read_text())
    previous = scalar(demo_db, "SELECT hash FROM audit_entry WHERE id = ?", head["last_id"] - 1)
    head_file.write_text(json.dumps({**head, "last_id": head["last_id"] - 1, "hash": previous}))
    code, out = check(demo_db, capsys)
    assert code == 1 and "was not written by this program (or with another key)" in out


def test_a_missing_key_is_found(demo_db, capsys):
    (demo_db.parent / "logistics-desk.key").unlink()
    code, out = check(demo_db, capsys)
    assert code == 1 and "The key file" in out and "is missing, so the change record cannot be verified" in out


def test_a_rolled_back_transaction_does_not_move_the_head(database, db_path):
    head_file = audit.head_path()
    before = head_file.read_text()
    with pytest.raises(RuntimeError):
        with proxy.atomic():
            masterdata.save(Supplier, {"name": "不会保存的供应商"})
            raise RuntimeError("cancelled")
    assert head_file.read_text() == before
    assert not Supplier.select().where(Supplier.name == "不会保存的供应商").exists()
    masterdata.save(Supplier, {"name": "保存的供应商"})
    assert json.loads(head_file.read_text())["last_id"] == audit.AuditEntry.select().count()
    assert integrity.check().ok


@pytest.mark.sqlite_only  # copies the database file
def test_restoring_an_older_copy_then_resetting_the_head(database, db_path, tmp_path, capsys):
    masterdata.save(Supplier, {"name": "甲供应商"})
    older = tmp_path / "older.db"
    src = sqlite3.connect(str(db_path))
    dest = sqlite3.connect(str(older))
    src.backup(dest)
    src.close()
    dest.close()
    masterdata.save(Supplier, {"name": "乙供应商"})
    db.close_database()
    shutil.copy(older, db_path)  # what a restore does to the file
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    code, out = check(db_path, capsys)
    assert code == 1 and "entries were cut from its end" in out
    db.open_database(db_path, backup=False)
    assert audit.reset_head_from_database() == []
    db.close_database()
    code, out = check(db_path, capsys)
    assert code == 0, out


def test_reset_head_refuses_a_tampered_chain(demo_db):
    edit(demo_db, ("UPDATE audit_entry SET note = 'x' WHERE id = 10",))
    head_before = (demo_db.parent / "logistics.db.head").read_text()
    db.open_database(demo_db, backup=False)
    try:
        problems = audit.reset_head_from_database()
    finally:
        db.close_database()
    assert problems and "entry 10 was altered" in problems[0]
    assert (demo_db.parent / "logistics.db.head").read_text() == head_before


# --- a change record written by an older version ----------------------------------------

def test_an_unkeyed_record_from_an_older_version_is_keyed_by_the_next_write(demo_db, capsys):
    _rehash_publicly(demo_db)
    (demo_db.parent / "logistics.db.head").unlink()
    (demo_db.parent / "logistics-desk.key").unlink()
    old_entries = scalar(demo_db, "SELECT count(*) FROM audit_entry")
    code, out = check(demo_db, capsys)
    assert code == 0, out
    assert "written by an older version without a key; it will be keyed with the next change" in out
    db.open_database(demo_db, backup=False)
    try:
        masterdata.save(Supplier, {"name": "升级后的供应商"})
        rekey = audit.AuditEntry.get(audit.AuditEntry.action == "rekey")
        assert rekey.id == old_entries + 1 and f"{old_entries} earlier entries checked" in rekey.note
    finally:
        db.close_database()
    assert (demo_db.parent / "logistics-desk.key").is_file()
    code, out = check(demo_db, capsys)
    assert code == 0, out
    assert "older version" not in out


# --- the check code on paper ------------------------------------------------------------

pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils needed")


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _head_code(path) -> str:
    return json.loads(path.with_name(path.name + ".head").read_text())["hash"][:8]


@pdftotext
def test_the_check_code_is_on_the_signed_stocktake_report(demo_db, tmp_path):
    st_id = scalar(demo_db, "SELECT id FROM stocktake WHERE signed_on IS NOT NULL ORDER BY id LIMIT 1")
    out = tmp_path / "report.pdf"
    assert cli.main(["--db", str(demo_db), "--lang", "zh_CN", "print", "stocktake-report", "--stocktake",
                     str(st_id), "-o", str(out)]) == 0
    text = _pdf_text(out)
    code = _head_code(demo_db)
    assert re.search(r"校验码[：:]\s*" + code, text), text[:2000]
    assert len(code) == 8 and int(code, 16) >= 0


@pdftotext
def test_the_check_code_is_on_the_inventory_sheet(demo_db, tmp_path):
    place = scalar(demo_db, "SELECT p.full_name FROM asset a JOIN place p ON p.id = a.place_id "
                            "WHERE a.status = 'in_use' AND p.kind = 'room' LIMIT 1")
    out = tmp_path / "inventory.pdf"
    assert cli.main(["--db", str(demo_db), "--lang", "en", "print", "inventory", "--place", place,
                     "-o", str(out)]) == 0
    text = _pdf_text(out)
    assert re.search(r"Check code:\s*" + _head_code(demo_db), text), text[:2000]


def test_check_code_follows_the_head(database, db_path):
    masterdata.save(Supplier, {"name": "甲供应商"})
    first = audit.check_code()
    masterdata.save(Supplier, {"name": "乙供应商"})
    assert audit.check_code() != first
    assert audit.check_code() == json.loads(audit.head_path().read_text())["hash"][:8]


def test_public_formula_is_plain_sha256():
    row = {k: None for k in audit.HASHED_FIELDS}
    payload = json.dumps([audit.GENESIS] + [None] * len(audit.HASHED_FIELDS)).encode()
    assert audit._digest(audit.GENESIS, row) == hashlib.sha256(payload).hexdigest()


def test_a_database_copied_without_its_key_says_so_in_the_record(demo_db, capsys):
    (demo_db.parent / "logistics-desk.key").unlink()
    (demo_db.parent / "logistics.db.head").unlink()
    last = scalar(demo_db, "SELECT max(id) FROM audit_entry")
    db.open_database(demo_db, backup=False)
    try:
        masterdata.save(Supplier, {"name": "新电脑上的供应商"})
        entry = audit.AuditEntry.get(audit.AuditEntry.id == last + 1)
        assert entry.action == "newkey" and "a new key was made" in entry.note
    finally:
        db.close_database()
    code, out = check(demo_db, capsys)
    assert code == 1 and f"Change record entries 1–{last} were altered after they were written." in out


WRITER = """
import sys
from logistics_desk.core import db, masterdata
from logistics_desk.core.masterdata import Supplier
db.open_database(sys.argv[1], backup=False)
for i in range(25):
    masterdata.save(Supplier, {"name": f"{sys.argv[2]}-{i}"})
db.close_database()
"""


def test_two_writing_processes_leave_a_head_that_matches(database, db_path, capsys):
    head_file = audit.head_path()
    db.close_database()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), name], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for name in ("甲", "乙")]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    head = json.loads(head_file.read_text())
    assert head["last_id"] == scalar(db_path, "SELECT max(id) FROM audit_entry")
    assert scalar(db_path, "SELECT count(*) FROM supplier") == 50
    code, out = check(db_path, capsys)
    assert code == 0, out


@pytest.mark.gui
@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_window_shows_what_check_found(database, db_path, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from logistics_desk.core.ui.main_window import MainWindow

    supplier = masterdata.save(Supplier, {"name": "甲供应商", "phone": "123"})
    window = MainWindow(registry_specs())
    qtbot.addWidget(window)
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    window.check_integrity()
    assert seen and "all" in seen[0] and "records agree with it" in seen[0]
    edit(db_path, ("UPDATE supplier SET phone = '999' WHERE id = ?", (supplier.id,)))
    QTimer.singleShot(50, answer)
    window.check_integrity()
    assert f"supplier record {supplier.id}, field phone: the change record says '123', the table holds '999'." \
        in seen[1]
    assert "Check found 1 problems." in seen[1]
