"""Each test gets a fresh database: migrated once into a template, copied per test.

On SQLite (the default) the template is a file, copied per test. With
``LOGISTICS_DESK_TEST_DB=postgresql://user@host:port/dbname`` (a server where that user may create
databases) the suite runs on PostgreSQL: the template is a migrated database, and each test gets
``CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY`` of it, dropped afterwards; ``db_path`` is then the
server address (``engine.ServerAddress``) and the data folder (key, head, backups) a per-test folder.
(Measured: CREATE … FILE_COPY + DROP 0.25–0.5 s a test, TRUNCATE of the 65 tables 0.28 s plus re-seeding
what the schema steps insert; copies made ahead by a thread gained nothing measurable: on PostgreSQL a
test's time goes to the round trips of its queries.)
Tests about SQLite itself (its files, journal, locking, backup file format) are marked
``@pytest.mark.sqlite_only`` and skipped on PostgreSQL; nothing else is.

Tests use the English interface unless they test translations.
"""

from __future__ import annotations

import itertools
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("LOGISTICS_DESK_DB", None)

import pytest

# The program (cli.py, app.py) imports the module registry before it opens a database: that is how core
# learns every module's models (integrity.register_model_loader), e.g. to register the seeded repair
# categories at the change record's first write. Every test process does the same, whichever test runs
# first in it (a file run alone, an xdist worker).
import logistics_desk.modules  # noqa: F401
from logistics_desk.core import clock, db, engine, i18n, paths

TEST_DB = os.environ.get("LOGISTICS_DESK_TEST_DB", "").strip()
ON_SERVER = engine.is_server_url(TEST_DB)


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself (files, journal, locking); "
                                       "skipped when the suite runs on PostgreSQL")


def pytest_collection_modifyitems(config, items):
    if not ON_SERVER:
        return
    skip = pytest.mark.skip(reason="about SQLite itself (LOGISTICS_DESK_TEST_DB is a PostgreSQL server)")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


class Server:
    """The test server: makes and drops databases through a maintenance connection."""

    def __init__(self, url: str):
        self.address = engine.parse_server_url(url)
        self.prefix = f"ldt_{os.getpid()}"
        self.counter = itertools.count(1)

    def admin(self):
        import psycopg

        return psycopg.connect(self.address.url, autocommit=True)

    def create(self, name: str, template: str | None = None) -> engine.ServerAddress:
        with self.admin() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if template:
                con.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
            else:
                con.execute(f'CREATE DATABASE "{name}"')
        return self.address.with_dbname(name)

    def drop(self, name: str) -> None:
        with self.admin() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def new_name(self) -> str:
        return f"{self.prefix}_{next(self.counter)}"



@pytest.fixture(scope="session")
def server():
    if not ON_SERVER:
        pytest.skip("needs LOGISTICS_DESK_TEST_DB=postgresql://…")
    return Server(TEST_DB)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    if ON_SERVER:
        srv = Server(TEST_DB)
        name = f"{srv.prefix}_template"
        address = srv.create(name)
        folder = tmp_path_factory.mktemp("template-data")
        previous = os.environ.get(paths.DATA_DIR_ENV)
        os.environ[paths.DATA_DIR_ENV] = str(folder)
        try:
            db.open_database(address, backup=False)
            db.close_database()
        finally:
            if previous is None:
                os.environ.pop(paths.DATA_DIR_ENV, None)
            else:
                os.environ[paths.DATA_DIR_ENV] = previous
        yield address
        srv.drop(name)
        return
    path = tmp_path_factory.mktemp("template") / "template.db"
    db.open_database(path, backup=False)
    db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close_database()
    yield path


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def real_clock():
    yield
    clock.set_clock(None)


@pytest.fixture
def db_path(tmp_path, template_db, monkeypatch):
    """The test's own database: a file (SQLite) or a server database's address (PostgreSQL)."""
    if ON_SERVER:
        srv = Server(TEST_DB)
        name = f"{srv.prefix}_{next(_names)}"
        address = srv.create(name, template=template_db.dbname)
        monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
        yield address
        db.close_database()
        srv.drop(name)
        return
    path = tmp_path / "logistics.db"
    shutil.copy(template_db, path)
    yield path


_names = itertools.count(1)


@pytest.fixture
def database(db_path):
    """A fresh, migrated, open database."""
    opened = db.open_database(db_path, backup=False)
    from logistics_desk.core import settings

    settings.set_many({"school.name": "测试实验学校", "operator.name": "测试员"})
    yield opened
    db.close_database()
