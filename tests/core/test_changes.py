"""Optimistic locking (core/changes.py): a save over someone else's later change is refused, whole;
and the change counter moves when another connection commits."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from logistics_desk.core import audit, changes, settings
from logistics_desk.core.changes import EditConflict
from logistics_desk.core.masterdata import Category
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets.models import Asset, AssetEvent


@pytest.fixture
def asset(database):
    cat = Category.select().first()
    return service.register({"name": "台式计算机", "category": cat.id, "quantity": 1, "unit_price": "4200",
                             "acquired_on": dt.date(2025, 9, 1), "unit": "台"})[0]


def _entries() -> int:
    return audit.AuditEntry.select().count()


def test_the_second_of_two_editors_is_refused_and_nothing_is_half_saved(asset):
    first = changes.Opened("asset", asset.id)  # two people open the same asset
    second = changes.Opened("asset", asset.id)
    settings.set("operator.name", "王老师")
    with first.editing():
        service.update(asset, {"name": "笔记本电脑"})
    settings.set("operator.name", "李老师")
    before_entries, before_events = _entries(), AssetEvent.select().count()
    with pytest.raises(EditConflict) as caught:
        with second.editing():
            service.update(asset, {"brand": "联想", "note": "二楼"})
    assert "王老师" in caught.value.message and caught.value.operator == "王老师"
    assert caught.value.ts is not None and caught.value.ts.strftime("%Y-%m-%d %H:%M") in caught.value.message
    fresh = Asset.get_by_id(asset.id)
    assert (fresh.name, fresh.brand, fresh.note) == ("笔记本电脑", None, None)  # nothing of the refused save
    assert (_entries(), AssetEvent.select().count()) == (before_entries, before_events)
    assert audit.verify_chain() == []
    second.refresh()  # the form read the record again: now its save goes through
    with second.editing():
        service.update(asset, {"brand": "联想"})
    assert Asset.get_by_id(asset.id).brand == "联想"


def test_a_save_with_several_entries_of_its_own_record_is_not_refused_by_itself(asset):
    opened = changes.Opened("asset", asset.id)
    with opened.editing():
        service.update(asset, {"name": "笔记本电脑", "brand": "联想", "serial_no": "SN1"})  # three entries
    assert Asset.get_by_id(asset.id).serial_no == "SN1"


def test_a_change_to_another_record_is_no_conflict(asset):
    other = service.register({"name": "投影仪", "category": asset.category_id, "quantity": 1, "unit_price": "3000",
                              "acquired_on": dt.date(2025, 9, 1), "unit": "台"})[0]
    opened = changes.Opened("asset", asset.id)
    service.update(other, {"brand": "爱普生"})
    with opened.editing():
        service.update(asset, {"brand": "联想"})
    assert Asset.get_by_id(asset.id).brand == "联想"


def test_a_write_off_after_someone_else_edited_is_refused(asset):
    opened = changes.Opened("asset", asset.id)
    service.update(asset, {"brand": "联想"})
    with pytest.raises(EditConflict), opened.editing():
        service.write_off(asset, reason="损坏无法修复", approver="校长", method="scrap")
    assert Asset.get_by_id(asset.id).status != "disposed"


def test_another_program_editing_meanwhile_is_refused(asset, db_path, tmp_path):
    """A second process (another PC) saves the asset between opening and saving it here."""
    opened = changes.Opened("asset", asset.id)
    script = textwrap.dedent(f"""
        from logistics_desk.core import db, settings
        from logistics_desk.modules.assets import service
        db.open_database({getattr(db_path, "url", str(db_path))!r}, backup=False)
        settings.set("operator.name", "赵老师")
        service.update(service.get_asset({asset.id}), {{"place": None, "brand": "戴尔"}})
        db.close_database()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    with pytest.raises(EditConflict) as caught, opened.editing():
        service.update(asset, {"brand": "联想"})
    assert "赵老师" in caught.value.message
    assert Asset.get_by_id(asset.id).brand == "戴尔"


@pytest.mark.sqlite_only  # PRAGMA data_version; on a server the engine's own counter
def test_the_counter_moves_when_another_connection_commits(database, db_path):
    start = changes.counter()
    assert changes.counter() == start  # nothing happened
    settings.set("school.address", "本地修改")  # this connection's own commit does not move it
    assert changes.counter() == start
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE setting SET value = '\"x\"' WHERE key = 'school.name'")
    other.close()
    assert changes.counter() != start


def test_an_engine_may_install_its_own_counter(database):
    values = iter([1, 2])
    previous = changes.set_counter_source(lambda: next(values))
    try:
        assert changes.counter() == 1 and changes.counter() == 2
    finally:
        changes.set_counter_source(previous)
