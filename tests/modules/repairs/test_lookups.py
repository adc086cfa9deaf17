"""What the repairs window asks the service for instead of querying itself (issue 16 point 2), without Qt."""

from __future__ import annotations

import datetime as _dt

import pytest

from logistics_desk.core import masterdata
from logistics_desk.core.errors import NotFound
from logistics_desk.core.masterdata import Term
from logistics_desk.modules.repairs import service as rs


def test_ticket_and_checklist_by_id_or_none(school):
    t = rs.create_ticket({"reporter": school.teacher.id, "place": school.room.id, "category": "水电",
                          "description": "水龙头漏水", "urgency": "minor"})
    assert rs.ticket_or_none(t.id).number == t.number
    assert rs.ticket_or_none(None) is None and rs.ticket_or_none(99999) is None
    cl = rs.save_checklist({"name": "每日巡视", "schedule": "daily", "items": ["照明", "扶手"]})
    assert rs.checklist_or_none(cl.id).name == "每日巡视"
    assert rs.checklist_or_none(None) is None and rs.checklist_or_none(99999) is None


def test_terms_latest_first_and_their_range(school):
    first = masterdata.save(Term, {"name": "2025-2026学年第二学期", "start_date": _dt.date(2026, 2, 20),
                                   "end_date": _dt.date(2026, 7, 10)})
    second = masterdata.save(Term, {"name": "2026-2027学年第一学期", "start_date": _dt.date(2026, 9, 1),
                                    "end_date": _dt.date(2027, 1, 20)})
    choices = rs.term_choices()
    assert [tid for _name, tid in choices][:2] == [second.id, first.id]
    assert choices[0][0] == "2026-2027学年第一学期"
    assert rs.term_range(first.id) == (_dt.date(2026, 2, 20), _dt.date(2026, 7, 10), "2025-2026学年第二学期")
    with pytest.raises(NotFound):
        rs.term_range(99999)
