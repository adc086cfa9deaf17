"""A repair worker logged in: the repairs list shows the tickets assigned to them, and only those they may change."""

from __future__ import annotations

import pytest

from logistics_desk.core import accounts, masterdata
from logistics_desk.core.accounts import NotAllowed
from logistics_desk.core.masterdata import Person, Place
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import RepairTicket


@pytest.fixture(autouse=True)
def nobody_logged_in():
    accounts.logout()
    yield
    accounts.logout()


def test_a_repair_worker_sees_and_works_their_own_tickets(database):
    room = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    li = masterdata.save(Person, {"name": "李师傅"})
    zhao = masterdata.save(Person, {"name": "赵师傅"})
    mine, theirs, nobodys = (rs.create_ticket({"reporter_name": "王老师", "place": room.id, "category": "水电",
                                               "description": text, "urgency": "minor"})
                             for text in ("水龙头漏水", "灯不亮", "门锁坏了"))
    rs.assign(mine, assignee=li.id)
    rs.assign(theirs, assignee=zhao.id)
    admin = accounts.turn_on("管理员", "admin-pass-1")
    accounts.set_session(accounts.Session(admin.id, admin.name, admin.role, None))
    accounts.create_account("李师傅", accounts.REPAIR, "repair-pass-1", li.id)
    accounts.logout()
    assert len(rs.tickets()) == 3  # nobody logged in (accounts off, or the command line): every ticket
    accounts.login("李师傅", "repair-pass-1")
    assert [t["id"] for t in rs.tickets()] == [mine.id]
    rs.start(mine)
    assert RepairTicket.get_by_id(mine.id).status != RepairTicket.get_by_id(theirs.id).status
    with pytest.raises(NotAllowed):
        rs.start(theirs)
    with pytest.raises(NotAllowed):
        rs.start(nobodys)


def test_a_repair_worker_completes_a_ticket_for_an_asset(database):
    import datetime as dt

    from logistics_desk.core.masterdata import Category
    from logistics_desk.modules.assets import service as assets
    from logistics_desk.modules.assets.models import Asset

    room = masterdata.save(Place, {"name": "教学楼", "kind": "building"})
    li = masterdata.save(Person, {"name": "李师傅"})
    projector = assets.register({"name": "投影仪", "category": Category.select().first().id, "quantity": 1,
                                 "unit_price": "3000", "acquired_on": dt.date(2025, 9, 1), "place": room.id})[0]
    ticket = rs.create_ticket({"reporter_name": "王老师", "place": room.id, "category": "水电",
                               "description": "投影仪不亮", "urgency": "minor", "asset": projector.number})
    rs.assign(ticket, assignee=li.id)
    admin = accounts.turn_on("管理员", "admin-pass-1")
    accounts.set_session(accounts.Session(admin.id, admin.name, admin.role, None))
    accounts.create_account("李师傅", accounts.REPAIR, "repair-pass-1", li.id)
    accounts.logout()
    accounts.login("李师傅", "repair-pass-1")
    rs.start(ticket)
    rs.complete(ticket, work_done="更换灯泡", cause="wear")
    assert RepairTicket.get_by_id(ticket.id).done_at is not None
    assert Asset.get_by_id(projector.id).status == "in_use"
