"""A change to a built-in list entry (a seeded repair category, a standard asset category) as the very first
write of a new database: the change record registers that entry like every other seeded row, so ``check``
finds nothing, also after ``demo --add``.

Before the fix the first write's own record was left out of the registration ("the caller registers it
itself"), which only a create does: an update or a deactivation left the entry unregistered for good.
"""

from __future__ import annotations

import json
import shutil

import pytest

from logistics_desk import cli
from logistics_desk.core import audit, changes, db, demo, integrity, masterdata
from logistics_desk.core.masterdata import Category, Supplier
from logistics_desk.modules import demo_steps
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import RepairCategory


@pytest.fixture
def fresh(db_path):
    """A migrated database with no change-record entry yet (the first start, before anything is saved)."""
    db.open_database(db_path, backup=False)
    assert not audit.AuditEntry.select().exists()
    yield db_path
    db.close_database()


def _unregistered(report) -> list[str]:
    return [f"{f.table} {f.record_id}" for f in report.findings if f.kind == "unregistered"]


def test_renaming_a_seeded_repair_category_first_is_registered(fresh):
    water = RepairCategory.get(RepairCategory.name == "水电")
    rs.save_category("水电维修", water)
    report = integrity.check()
    assert _unregistered(report) == [] and report.ok, report.problems
    assert [e.action for e in audit.history("repair_category", water.id)] == ["baseline", "update"]


def test_the_registration_holds_the_values_before_the_first_change(fresh):
    water = RepairCategory.get(RepairCategory.name == "水电")
    rs.save_category("水电维修", water)
    baseline, update = audit.history("repair_category", water.id)
    assert json.loads(baseline.new_value)["name"] == "水电"  # as found
    assert (update.field, update.old_value, update.new_value) == ("name", "水电", "水电维修")


def test_the_settings_form_saves_a_standard_category_first_without_a_conflict(fresh):
    """The settings page saves inside ``Opened.editing()`` (a save over someone else's change is refused): the
    registration written by the same save is nobody else's change."""
    first = Category.select().order_by(Category.id).first()
    opened = changes.Opened("category", first.id)
    with opened.editing():
        masterdata.save(Category, {"name": "土地（改）"}, first)
    assert Category.get_by_id(first.id).name == "土地（改）"
    assert integrity.check().ok


def test_deactivating_a_seeded_repair_category_first_is_registered(fresh):
    rs.set_category_active(RepairCategory.get(RepairCategory.name == "其他"), False)
    report = integrity.check()
    assert report.ok, report.problems


def test_editing_a_standard_asset_category_first_is_registered(fresh):
    masterdata.save(Category, {"name": "土地（改）"}, Category.select().order_by(Category.id).first())
    report = integrity.check()
    assert report.ok, report.problems


def test_a_new_supplier_first_is_registered_once(fresh):
    made = masterdata.save(Supplier, {"name": "城区水电维修服务部"})
    assert [e.action for e in audit.history("supplier", made.id)] == ["create"]  # no baseline beside it
    assert integrity.check().ok


def test_demo_add_after_a_seeded_category_was_renamed(fresh, capsys):
    """The brief's path: the first change renames 水电, then ``demo --add`` (its tickets need a 水电 that is
    no longer there: they fall back to a category the school has), then ``check``."""
    rs.save_category("水电维修", RepairCategory.get(RepairCategory.name == "水电"))
    demo.populate(n_assets=12, seed=5, steps=demo_steps(), add=True)
    report = integrity.check()
    assert report.ok, report.problems[:5]
    db.close_database()
    code = cli.main(["--db", str(fresh), "--lang", "en", "check"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "has no registration" not in out


@pytest.mark.sqlite_only
def test_demo_then_a_change_then_demo_add_passes_check(tmp_path, template_db, capsys):
    """The path as the brief wrote it, on the command line: demo, a supplier and a category changed,
    demo --add, check."""
    path = tmp_path / "school.db"
    shutil.copy(template_db, path)
    assert cli.main(["--db", str(path), "--lang", "en", "demo", "--assets", "12", "--seed", "3"]) == 0
    db.open_database(path, backup=False)
    try:
        masterdata.save(Supplier, {"phone": "0551-00000000"}, Supplier.select().first())
        rs.save_category("门窗（含玻璃）", RepairCategory.get(RepairCategory.name == "门窗"))
    finally:
        db.close_database()
    assert cli.main(["--db", str(path), "--lang", "en", "demo", "--add", "--assets", "12", "--seed", "4"]) == 0
    capsys.readouterr()
    code = cli.main(["--db", str(path), "--lang", "en", "check"])
    out = capsys.readouterr().out
    assert code == 0, out
