"""Issue 16: the repair log's public face for other modules — one fixed signature, the repair log's own
category rule, the record it came from, all in one transaction."""

from __future__ import annotations

import pytest

from logistics_desk.core.errors import ValidationError
from logistics_desk.modules.repairs import api
from logistics_desk.modules.repairs import service as rs
from logistics_desk.modules.repairs.models import RepairTicket


def test_open_ticket_for_an_asset_takes_the_repair_logs_own_category(school):
    opened = api.open_ticket(school.projector, None, "镜头裂了", "陈晓燕", ("stocktake", 7), source="stocktake")
    t = RepairTicket.get_by_id(opened.id)
    assert opened.number == t.number and api.ticket_number(opened.id) == t.number
    assert t.category.name == "电教设备" and t.place_id == school.room.id  # the asset's place
    assert (t.source, t.ref_table, t.ref_id, t.reporter_name, t.urgency) == ("stocktake", "stocktake", 7, "陈晓燕",
                                                                           "minor")
    assert api.ticket_number(opened.id + 100) is None


def test_a_category_the_school_no_longer_uses_falls_back_to_the_catch_all(school):
    rs.set_category_active(rs.find_category("水电"), False)
    opened = api.open_ticket(None, school.room2.id, "冰箱不制冷", "王老师", ("canteen_reading", 3),
                             source="canteen", category="水电", urgency="urgent")
    t = RepairTicket.get_by_id(opened.id)
    assert t.category.name == "其他" and t.urgency == "urgent" and t.place_id == school.room2.id


def test_bad_values_raise_the_repair_logs_messages_and_write_nothing(school):
    before = RepairTicket.select().count()
    with pytest.raises(ValidationError) as exc:
        api.open_ticket(None, None, "", "王老师", None, source="utilities")
    assert {"place", "description"} <= set(exc.value.errors)
    assert RepairTicket.select().count() == before
