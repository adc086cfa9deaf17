"""The change record's key on a second PC (issue 20): the key lives in each PC's data folder, never in the
database. On a server database, a PC without it refuses to write (before: it made a new key and wrote a
"newkey" entry, and from then on every other PC's check said the entries were altered); the key moves with
``key export FILE`` / ``key import FILE``, tied to its database and checked against the record before it
is kept. Runs on whichever engine the suite runs on (``LOGISTICS_DESK_TEST_DB``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from logistics_desk import cli
from logistics_desk.core import audit, db, engine, integrity, keyfile, masterdata, paths
from logistics_desk.core.errors import UserError
from logistics_desk.core.masterdata import Supplier

ON_SERVER_HINT = "about a PostgreSQL server (LOGISTICS_DESK_TEST_DB=postgresql://…)"


def _supplier(name: str):
    return masterdata.save(Supplier, {"name": name})


class PCs:
    """Two PCs on one database. On a server: the same address, each PC its own data folder. On SQLite the
    key lies beside the file, so the second PC is the file copied to another folder without its key (a
    clerk's file carried to a new PC)."""

    def __init__(self, db_path, tmp_path: Path, monkeypatch):
        self.server = isinstance(db_path, engine.ServerAddress)
        self.monkeypatch = monkeypatch
        self.folders = {pc: tmp_path / f"pc-{pc}" for pc in ("甲", "乙")}
        self.targets = {"甲": db_path, "乙": db_path}
        self.source = db_path

    def copy_file_to_second(self) -> None:
        if self.server:
            return
        second = self.folders["乙"] / "school" / "logistics.db"
        second.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.source, second)
        self.targets["乙"] = second

    def open(self, pc: str):
        db.close_database()
        self.monkeypatch.setenv(paths.DATA_DIR_ENV, str(self.folders[pc]))
        return db.open_database(self.targets[pc], backup=False, create=False)

    def check(self, pc: str) -> list[str]:
        self.open(pc)
        try:
            report = integrity.check()
            return report.problems
        finally:
            db.close_database()


@pytest.fixture
def pcs(db_path, tmp_path, monkeypatch):
    pcs = PCs(db_path, tmp_path, monkeypatch)
    pcs.open("甲")
    _supplier("甲的供应商")  # the first PC's first change makes the key
    db.close_database()
    pcs.copy_file_to_second()
    yield pcs
    db.close_database()


def _count() -> tuple[int, int]:
    return Supplier.select().count(), audit.AuditEntry.select().count()


def test_on_a_server_a_second_pc_without_the_key_refuses_to_write_and_says_what_to_do(pcs):
    if not pcs.server:
        pytest.skip(ON_SERVER_HINT)
    pcs.open("乙")
    before = _count()
    message = audit.key_missing()
    assert message and "key export FILE" in message and "Import the record key" in message
    with pytest.raises(UserError) as raised:
        _supplier("乙的供应商")
    assert raised.value.message == message
    assert _count() == before  # nothing written: not the supplier, not a "newkey" entry
    assert not audit.AuditEntry.select().where(audit.AuditEntry.action == "newkey").exists()
    assert not audit.key_path().exists()  # and no key of its own was made
    db.close_database()
    assert pcs.check("甲") == []


def test_a_key_exported_on_one_pc_and_imported_on_the_other_lets_it_write_and_every_check_passes(pcs, tmp_path):
    pcs.open("甲")
    exported = keyfile.export_key(tmp_path / "school.ldkey")
    assert exported.stat().st_mode & 0o077 == 0  # readable by its owner only
    pcs.open("乙")
    said = keyfile.import_key(exported)
    assert "kept in" in said and audit.key_missing() is None
    _supplier("乙的供应商")
    assert keyfile.import_key(exported).startswith("This PC already has this key")
    db.close_database()
    if pcs.server:  # both PCs write one record
        pcs.open("甲")
        _supplier("甲的第二个供应商")
        db.close_database()
    assert pcs.check("乙") == []
    assert pcs.check("甲") == []


def test_the_command_line_moves_the_key(pcs, tmp_path, capsys):
    file = tmp_path / "key.ldkey"
    pcs.monkeypatch.setenv(paths.DATA_DIR_ENV, str(pcs.folders["甲"]))
    assert cli.main(["--lang", "en", "--db", str(pcs.targets["甲"]), "key", "export", str(file)]) == 0
    assert "key import FILE" in capsys.readouterr().out
    pcs.monkeypatch.setenv(paths.DATA_DIR_ENV, str(pcs.folders["乙"]))
    assert cli.main(["--lang", "en", "--db", str(pcs.targets["乙"]), "key", "import", str(file)]) == 0
    assert "can now save changes" in capsys.readouterr().out
    pcs.open("乙")
    _supplier("乙的供应商")
    db.close_database()
    assert pcs.check("乙") == [] and pcs.check("甲") == []


def test_the_key_of_another_database_is_refused(pcs, tmp_path, monkeypatch):
    other = tmp_path / "other-school" / "logistics.db"
    other.parent.mkdir()
    db.close_database()
    db.open_database(other, backup=False)
    _supplier("别的学校的供应商")
    wrong = keyfile.export_key(tmp_path / "other.ldkey")
    pcs.open("乙")
    with pytest.raises(UserError) as raised:
        keyfile.import_key(wrong)
    assert "belongs to another database" in raised.value.message
    assert not audit.key_path().exists()  # nothing kept
    if pcs.server:
        with pytest.raises(UserError):  # it still cannot write
            _supplier("乙的供应商")


def _tampered(path: Path, change) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    out = path.with_name("tampered-" + path.name)
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def test_a_tampered_key_file_is_refused_and_nothing_is_kept(pcs, tmp_path):
    import hashlib
    import hmac

    pcs.open("甲")
    good = keyfile.export_key(tmp_path / "good.ldkey")
    key = bytes.fromhex(json.loads(good.read_text())["key"])

    def flip_key(d):
        d["key"] = ("0" if d["key"][0] != "0" else "1") + d["key"][1:]

    def other_database(d):
        d["database"]["first_hash"] = "f" * 64

    def forged(d):  # another key, sealed correctly for this database: the record does not verify with it
        d.pop("seal")
        d["key"] = bytes(32).hex()
        text = json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        d["seal"] = hmac.new(bytes(32), b"key-file|" + text.encode(), hashlib.sha256).hexdigest()

    files = [_tampered(good, flip_key), _tampered(good, other_database), _tampered(good, forged)]
    truncated = tmp_path / "truncated.ldkey"
    truncated.write_bytes(good.read_bytes()[:40])
    files.append(truncated)
    pcs.open("乙")
    kept = audit.key_path().read_bytes() if audit.key_path().exists() else None
    messages = []
    for file in files:
        with pytest.raises(UserError) as raised:
            keyfile.import_key(file)
        messages.append(raised.value.message)
    assert "altered" in messages[0] and "altered" in messages[1] and "altered" in messages[3]
    assert "does not verify with the key" in messages[2]
    assert (audit.key_path().read_bytes() if audit.key_path().exists() else None) == kept != bytes(32)
    assert kept in (None, key)


def test_move_db_says_where_the_key_is_and_that_other_pcs_need_it(server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    school = tmp_path / "school" / "logistics.db"
    school.parent.mkdir()
    db.open_database(school, backup=False)
    _supplier("鸿达教学设备有限公司")
    db.close_database()
    moved = server.create(server.new_name())
    try:
        assert cli.main(["--lang", "en", "--db", str(school), "move-db", "--to", moved.url]) == 0
        out = capsys.readouterr().out
        key = audit.key_path(moved.logical_path(paths.data_dir()))
        assert str(key) in out and "Every other PC that uses the server needs it" in out and key.is_file()
    finally:
        db.close_database()
        server.drop(moved.dbname)
