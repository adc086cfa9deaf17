"""Each test gets a fresh database: migrated once into a template, copied per test.

Tests use the English interface unless they test translations.
"""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("LOGISTICS_DESK_DB", None)

import pytest

from logistics_desk.core import clock, db, i18n


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.db"
    db.open_database(path, backup=False)
    db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close_database()
    return path


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
def db_path(tmp_path, template_db):
    path = tmp_path / "logistics.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def database(db_path):
    """A fresh, migrated, open database."""
    opened = db.open_database(db_path, backup=False)
    from logistics_desk.core import settings

    settings.set_many({"school.name": "测试实验学校", "operator.name": "测试员"})
    yield opened
    db.close_database()
