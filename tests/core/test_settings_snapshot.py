"""``settings.snapshot()`` (issue 17): the settings read in one query for a block of reads, and never kept
beyond it (another PC may change a setting at any moment)."""

from __future__ import annotations

import threading

import pytest

from logistics_desk.core import db, settings


@pytest.fixture
def counted(database, monkeypatch):
    """The statements that read the setting table."""
    found: list[str] = []
    target = db.database.obj
    run = type(target).execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        if 'FROM "setting"' in sql:
            found.append(sql)
        return run(target, sql, params, *args, **kwargs)

    monkeypatch.setattr(target, "execute_sql", execute_sql)
    return found


def _write_behind_its_back(key: str, value: str) -> None:
    """As another PC would: straight into the table."""
    settings.Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[settings.Setting.key], update={settings.Setting.value: value}).execute()


def test_within_a_snapshot_every_setting_comes_from_one_query(counted):
    settings.set_many({"school.name": "第一中学", "school.phone": "0571-1234"})
    counted.clear()
    with settings.snapshot():
        assert settings.get("school.name") == "第一中学"
        assert settings.get("school.phone") == "0571-1234"
        assert settings.get("assets.threshold_general") == 1000  # a default: not in the table
        assert settings.get("no.such.key", "fallback") == "fallback"
        assert settings.get_many("school.")["school.phone"] == "0571-1234"
    assert len(counted) == 1
    assert settings.get("school.name") == "第一中学"
    assert len(counted) == 2  # after the block: the database again


def test_nothing_is_kept_after_the_block(counted):
    settings.set_many({"school.name": "第一中学"})
    with settings.snapshot():
        assert settings.get("school.name") == "第一中学"
        _write_behind_its_back("school.name", '"第二中学"')
        assert settings.get("school.name") == "第一中学"  # one moment's settings for the whole block
    assert settings.get("school.name") == "第二中学"
    with settings.snapshot():
        assert settings.get("school.name") == "第二中学"


def test_a_write_inside_the_block_is_read_back(database):
    with settings.snapshot():
        assert settings.get("school.phone") == ""
        settings.set_many({"school.phone": "0571-1234"})
        assert settings.get("school.phone") == "0571-1234"
        assert settings.get_many("school.")["school.phone"] == "0571-1234"


def test_a_nested_snapshot_uses_the_outer_one(counted):
    with settings.snapshot():
        with settings.snapshot():
            settings.get("school.name")
        settings.get("school.name")  # the outer one still open
    assert len(counted) == 1


def test_the_snapshot_ends_when_the_block_fails(counted):
    with pytest.raises(RuntimeError), settings.snapshot():
        raise RuntimeError("boom")
    counted.clear()
    settings.get("school.name")
    assert len(counted) == 1


def test_another_thread_reads_the_database(database):
    """A snapshot belongs to the thread that opened it."""
    settings.set_many({"school.name": "第一中学"})
    seen = []
    with settings.snapshot():
        _write_behind_its_back("school.name", '"第二中学"')

        def other():
            try:
                seen.append(settings.get("school.name"))
            finally:
                db.close_thread_connection()

        worker = threading.Thread(target=other)
        worker.start()
        worker.join()
        assert settings.get("school.name") == "第一中学"
    assert seen == ["第二中学"]


def test_the_person_logged_in_is_still_the_operator(database, monkeypatch):
    from logistics_desk.core import accounts

    settings.set_many({"operator.name": "王老师"})
    monkeypatch.setattr(accounts, "current_name", lambda: "李主任")
    with settings.snapshot():
        assert settings.get("operator.name") == "李主任"
