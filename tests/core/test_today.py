"""Issue 15 items 1-2 without Qt: the lines modules and core give Today, ``today`` on the command line and
``print today`` on paper."""

from __future__ import annotations

import datetime as _dt
import shutil
import subprocess

import pytest

from logistics_desk import cli
from logistics_desk.core import backup, clock, db, integrity, settings, today
from logistics_desk.modules import modules as registry_specs

NOW = _dt.datetime(2026, 11, 2, 11, 30)


@pytest.fixture
def books(database):
    """A school with an overdue urgent ticket, a ticket due today and a loan overdue."""
    from logistics_desk.core import masterdata
    from logistics_desk.modules.assets import service as assets
    from logistics_desk.modules.repairs import service as repairs

    clock.freeze(NOW - _dt.timedelta(days=20))
    building = masterdata.save(masterdata.Place, {"name": "教学楼", "kind": "building"})
    room = masterdata.save(masterdata.Place, {"name": "301", "kind": "room", "parent": building.id})
    cat = masterdata.Category.select().where(masterdata.Category.code.is_null(False)).first()
    asset = assets.register({"name": "投影仪", "category": cat.id, "unit_price": "3200", "acquired_on": clock.today(),
                             "place": room.id})[0]
    assets.lend(asset, borrower_name="张伟", due_on=clock.today() + _dt.timedelta(days=5))
    clock.freeze(NOW - _dt.timedelta(hours=3))
    repairs.create_ticket(reporter_name="张老师", place=room.id, category="水电", description="电线裸露",
                          urgency="urgent")  # due 10:30: overdue at 11:30
    repairs.create_ticket(reporter_name="李老师", place=room.id, category="水电", description="灯不亮",
                          urgency="minor")  # due today 23:59
    clock.freeze(NOW)
    return database


def lines_of(groups, key):
    return [i for g in groups if g.key == key for i in g.items]


def test_modules_give_their_lines_through_the_registry(books):
    groups = today.collect(registry_specs(), clock.today())
    assert [g.key for g in groups][-1] == "core"
    repairs = lines_of(groups, "repairs")
    assert [i.text.split(":")[0] for i in repairs] == [
        "Repair tickets overdue", "Urgent repair tickets nobody has been sent to", "Repair tickets due today"]
    assert repairs[0].severity == "overdue" and repairs[0].count == 1 and "电线裸露" in repairs[0].text
    assert repairs[2].severity == "today" and "灯不亮" in repairs[2].text
    loans = lines_of(groups, "assets")
    assert loans[0].text.startswith("Loans overdue: 1") and loans[0].target == {"filter": "overdue_loans"}


def test_a_module_that_fails_does_not_take_today_down(books, monkeypatch):
    from logistics_desk.modules.repairs import today as repairs_today

    monkeypatch.setattr(repairs_today, "items", lambda day: 1 / 0)
    groups = today.collect(registry_specs(), clock.today())
    assert lines_of(groups, "repairs")[0].text.startswith("Could not be read")
    assert lines_of(groups, "assets")


def test_backup_age_and_the_last_check(books):
    item = today.backup_item(clock.today())
    assert item.text == "No backup has been made yet: back up now." and item.severity == "overdue"
    backup.make_backup(kind="manual")
    assert today.backup_item(clock.today()).text.startswith("Last backup: today")
    assert today.backup_item(clock.today() + _dt.timedelta(days=9)).severity == "overdue"
    assert today.check_item(clock.today()).text.startswith("No integrity check recorded yet")
    today.remember_check(integrity.check())
    assert today.check_item(clock.today()).text == "Last check 2026-11-02 11:30: no problems."


def test_an_empty_database_gives_the_first_steps(db_path):
    db.open_database(db_path, backup=False)
    try:
        assert not settings.get("school.name")
        steps = today.start_steps(today.collect(registry_specs(), clock.today()))
        assert [s.target.get("action") for s in steps] == ["settings", "import", "register"]
    finally:
        db.close_database()


def test_today_on_the_command_line_groups_by_module(books, db_path, capsys):
    db.close_database()
    clock.freeze(NOW)
    assert cli.main(["--db", str(db_path), "--lang", "en", "today"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Today 2026-11-02 — 测试实验学校"
    assert out.index("Repair log") < out.index("  [Overdue] " + next(
        line.strip()[len("[Overdue] "):] for line in out if "Repair tickets overdue" in line))
    assert "Asset register" in out and "Data safety" in out
    assert any(line.startswith("  [Today] Repair tickets due today: 1") for line in out)


def test_today_on_the_command_line_in_chinese(books, db_path, capsys):
    db.close_database()
    clock.freeze(NOW)
    assert cli.main(["--db", str(db_path), "--lang", "zh_CN", "today"]) == 0
    out = capsys.readouterr().out
    assert "今日 2026-11-02" in out and "维修单逾期：1 单" in out and "数据安全" in out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_print_today_writes_the_sheet_with_school_and_date(books, db_path, tmp_path):
    db.close_database()
    clock.freeze(NOW)
    out = tmp_path / "today.pdf"
    assert cli.main(["--db", str(db_path), "--lang", "zh_CN", "print", "today", "-o", str(out)]) == 0
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and b"/FontFile2" in pdf  # the CJK font embedded
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "测试实验学校" in text and "今日待办" in text and "2026-11-02" in text
    assert "维修单逾期" in text and "电线裸露" in text and "借用逾期" in text
    assert "检查人" in text
