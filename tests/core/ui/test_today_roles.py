"""Today's lines and the tabs' badges follow the role of who logged in (issue 20 point 3): a canteen login sees
only the canteen's lines, a repair worker only their own tickets' figures; core's lines (setting up the school,
backup, check) only for who may act on them; with accounts off, everything as before."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk.core import accounts, clock, masterdata
from logistics_desk.core import today as core_today
from logistics_desk.core.masterdata import Person, Place
from logistics_desk.core.ui import login
from logistics_desk.modules import modules as registry_specs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture(autouse=True)
def nobody_logged_in():
    accounts.logout()
    accounts._failures.clear()
    yield
    accounts.logout()
    accounts._failures.clear()


def _accounts(*made) -> None:
    """Accounts on; ``made``: (name, role, person id) created by the administrator."""
    admin = accounts.turn_on("管理员", "admin-pass-1")
    accounts.set_session(accounts.Session(admin.id, admin.name, admin.role, None))
    for name, role, person in made:
        accounts.create_account(name, role, f"{name}-pass-1", person)
    accounts.logout()


def _keys(groups) -> list[str]:
    return [g.key for g in groups]


def test_a_canteen_login_sees_only_the_canteens_lines_on_today(qtbot, database):
    from logistics_desk.core.ui.main_window import MainWindow

    everything = core_today.collect(registry_specs())
    assert core_today.CORE in _keys(everything)  # accounts off: the data-safety lines (no backup yet) are there
    _accounts(("食堂王", accounts.CANTEEN, None))
    accounts.login("食堂王", "食堂王-pass-1")
    window = MainWindow(login.visible_specs(registry_specs()))
    qtbot.addWidget(window)
    window.today.refresh()
    assert set(_keys(window.today.groups)) <= {"canteen"}
    assert window.tabs.count() == 2  # Today and the canteen: no other tab's badge


def test_core_lines_follow_what_the_role_may_do(database, monkeypatch):
    specs = []  # core's own lines only
    assert [i.target.get("action") for g in core_today.collect(specs) for i in g.items] == [
        "backup", "check"]  # the school is named already
    unnamed = core_today.TodayItem(core_today.CORE, "start", 0, "Set up the school", {"action": "settings"})
    monkeypatch.setattr(core_today, "school_items", lambda: [unnamed])  # as before the school is named
    assert [i.target.get("action") for g in core_today.collect(specs) for i in g.items] == [
        "settings", "backup", "check"]
    _accounts(("文员", accounts.CLERK, None), ("审批", accounts.APPROVER, None), ("食堂", accounts.CANTEEN, None))
    expected = {"管理员": ["settings", "backup", "check"], "文员": ["backup", "check"], "审批": [], "食堂": []}
    for name, actions in expected.items():
        accounts.login(name, "admin-pass-1" if name == "管理员" else f"{name}-pass-1")
        assert [i.target.get("action") for g in core_today.collect(specs) for i in g.items] == actions, name
        accounts.logout()


def test_a_repair_worker_sees_the_figures_of_their_own_tickets(database):
    from logistics_desk.modules.repairs import service as rs
    from logistics_desk.modules.repairs import today as repairs_today

    clock.freeze(dt.datetime(2026, 11, 2, 9, 0))
    room = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    li = masterdata.save(Person, {"name": "李师傅"})
    zhao = masterdata.save(Person, {"name": "赵师傅"})
    tickets = [rs.create_ticket({"reporter_name": "王老师", "place": room.id, "category": "水电",
                                 "description": text, "urgency": "minor"})
               for text in ("水龙头漏水", "灯不亮", "门锁坏了", "窗户关不上")]
    rs.assign(tickets[0], assignee=li.id)
    rs.assign(tickets[1], assignee=zhao.id)
    rs.assign(tickets[2], assignee=zhao.id)
    clock.freeze(dt.datetime(2026, 12, 1, 9, 0))  # all four overdue
    _accounts(("李师傅", accounts.REPAIR, li.id))
    day = clock.today()
    overdue = next(i for i in repairs_today.items(day) if i.severity == "overdue")
    assert overdue.count == 4 and repairs_today.badge() == repairs_today.tab_title(4)  # nobody logged in
    accounts.login("李师傅", "李师傅-pass-1")
    lines = repairs_today.items(day)
    overdue = next(i for i in lines if i.severity == "overdue")
    assert overdue.count == 1 and tickets[0].number in overdue.text
    assert repairs_today.badge() == repairs_today.tab_title(1)
    assert rs.overdue_count(clock.now()) == 1  # the tab's own title says the same
