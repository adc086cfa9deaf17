"""The migration chain: from empty to the newest schema, which must equal what the
models declare; idempotent steps; a database from a newer program is refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from peewee import SqliteDatabase

from logistics_desk.core import audit, db, masterdata, numbering, settings
from logistics_desk.core.migrations import (
    DatabaseTooNew,
    known_steps,
    latest_index,
    migrate,
    pending,
    runner,
    up_to_date,
)
from logistics_desk.modules import modules


def declared_models() -> list:
    out = [settings.Setting, numbering.Counter, audit.AuditEntry, *masterdata.MODELS]
    for spec in modules():
        if spec.models is not None:
            out += list(spec.models())
    return out


MODELS = declared_models()


def _columns(con, table: str) -> dict[str, tuple]:
    rows = con.execute(f'PRAGMA table_info("{table}")').fetchall()
    # name -> (type, not null, default, primary key position)
    return {r[1]: (r[2].upper(), bool(r[3]), r[4], r[5]) for r in rows}


def _indexes(con, table: str) -> set[tuple]:
    out = set()
    for _seq, name, unique, origin, _partial in con.execute(f'PRAGMA index_list("{table}")').fetchall():
        if origin == "pk":
            continue
        cols = tuple(r[2] for r in con.execute(f'PRAGMA index_info("{name}")').fetchall())
        out.add((cols, bool(unique)))
    return out


def _foreign_keys(con, table: str) -> set[tuple]:
    rows = con.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
    return {(r[3], r[2], r[4], r[6]) for r in rows}  # from, table, to, on delete


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A database built by running the whole chain from an empty file."""
    path = tmp_path_factory.mktemp("chain") / "chain.db"
    db.open_database(path, backup=False)
    applied = [m.name for m in runner(db.database.obj).status() if m.applied]
    version = db.user_version()
    db.close_database()
    return path, applied, version


@pytest.fixture(scope="module")
def declared(tmp_path_factory):
    """The same tables created straight from the live models."""
    path = tmp_path_factory.mktemp("declared") / "declared.db"
    target = SqliteDatabase(str(path))
    with target.bind_ctx(MODELS):
        target.create_tables(MODELS)
    target.close()
    return path


def test_the_chain_runs_from_empty(migrated):
    _path, applied, version = migrated
    assert applied == known_steps()
    assert version == latest_index()


def test_every_model_has_a_migrated_table(migrated):
    con = sqlite3.connect(str(migrated[0]))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    missing = sorted(m._meta.table_name for m in MODELS if m._meta.table_name not in tables)
    assert missing == [], f"tables the models declare but no migration creates: {missing}"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: f"{m.__module__.split('.')[-2]}.{m.__name__}")
def test_migrated_table_equals_the_model(model, migrated, declared):
    table = model._meta.table_name
    got = sqlite3.connect(str(migrated[0]))
    want = sqlite3.connect(str(declared))
    try:
        assert _columns(got, table) == _columns(want, table), f"columns of {table} differ from {model.__name__}"
        assert _foreign_keys(got, table) == _foreign_keys(want, table), f"foreign keys of {table}"
        got_idx, want_idx = _indexes(got, table), _indexes(want, table)
        assert want_idx - got_idx == set(), f"indexes {model.__name__} declares but {table} lacks"
        extra_unique = {i for i in got_idx - want_idx if i[1]}
        assert extra_unique == set(), f"unique indexes on {table} that {model.__name__} does not declare"
    finally:
        got.close()
        want.close()


def _schema(path) -> list[tuple]:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        con.close()


@pytest.mark.sqlite_only  # reads and writes the file with sqlite3
def test_migrate_again_is_a_no_op(db_path):
    before = _schema(db_path)
    opened = db.open_database(db_path, backup=True)
    try:
        assert pending(opened) == []
        assert migrate(opened) == []
    finally:
        db.close_database()
    assert _schema(db_path) == before
    assert not (db_path.parent / "backups").exists()  # nothing to do: no backup either


@pytest.mark.sqlite_only  # reads and writes the file with sqlite3
def test_every_step_is_idempotent(db_path):
    """Running the steps again over their own result changes nothing (Vorta's lesson)."""
    before = _schema(db_path)
    con = sqlite3.connect(str(db_path))
    con.execute("DELETE FROM schema_migration")
    con.commit()
    con.close()
    opened = db.open_database(db_path, backup=False)
    try:
        assert masterdata.Category.select().where(masterdata.Category.code == "JJ").count() == 1
        assert runner(opened).applied().keys() == set(known_steps())
    finally:
        db.close_database()
    assert _schema(db_path) == before


def test_a_backup_is_taken_before_migrating_a_used_file(tmp_path):
    path = tmp_path / "old.db"
    first = known_steps()[0]
    raw = SqliteDatabase(str(path))
    runner(raw).up(target=first)
    raw.execute_sql("PRAGMA user_version = 1")
    raw.close()
    db.open_database(path, backup=True)
    try:
        assert pending(db.database.obj) == []
    finally:
        db.close_database()
    backups = list((tmp_path / "backups").glob("old-premigrate-*.db"))
    assert len(backups) == 1
    con = sqlite3.connect(str(backups[0]))
    assert [r[0] for r in con.execute("SELECT name FROM schema_migration")] == [first]
    con.close()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only  # reads and writes the file with sqlite3
@pytest.mark.parametrize("how", ["user_version", "unknown_step"])
def test_a_database_from_a_newer_version_is_refused_and_not_changed(db_path, how):
    con = sqlite3.connect(str(db_path))
    if how == "user_version":
        con.execute(f"PRAGMA user_version = {latest_index() + 1}")
    else:
        con.execute("INSERT INTO schema_migration (name, applied) VALUES ('9999_from_the_future', '2030-01-01')")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseTooNew) as caught:
        db.open_database(db_path)
    assert "newer version" in caught.value.message
    assert db.current_path() is None
    assert _digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


@pytest.mark.sqlite_only  # reads and writes the file with sqlite3
@pytest.mark.parametrize("change", ["none", "step_missing", "unknown_step", "newer_version"])
def test_up_to_date_says_what_playhouse_would(db_path, change):
    """The start's quick look (one query, no playhouse) agrees with the runner: up to date only when every
    step is applied, none unknown, and the schema version is not newer."""
    con = sqlite3.connect(str(db_path))
    if change == "step_missing":
        con.execute("DELETE FROM schema_migration WHERE name = ?", (known_steps()[-1],))
    elif change == "unknown_step":
        con.execute("INSERT INTO schema_migration (name, applied) VALUES ('9999_from_the_future', '2030-01-01')")
    elif change == "newer_version":
        con.execute(f"PRAGMA user_version = {latest_index() + 1}")
    con.commit()
    con.close()
    raw = SqliteDatabase(str(db_path))
    try:
        quick = up_to_date(raw)
        slow = pending(raw) == [] and set(runner(raw).applied()) == set(known_steps()) \
            and db_user_version(raw) <= latest_index()
    finally:
        raw.close()
    assert quick is (change == "none")
    assert quick == slow


def db_user_version(raw) -> int:
    return raw.execute_sql("PRAGMA user_version").fetchone()[0]


def test_an_empty_database_is_not_up_to_date(tmp_path):
    raw = SqliteDatabase(str(tmp_path / "empty.db"))
    try:
        assert up_to_date(raw) is False
    finally:
        raw.close()
