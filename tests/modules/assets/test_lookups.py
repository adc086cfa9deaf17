"""What the asset views ask the service for instead of querying (issue 16 point 2), without Qt."""

from __future__ import annotations

from logistics_desk.core import masterdata
from logistics_desk.core.masterdata import Department
from logistics_desk.modules.assets import service


def test_assets_are_found_by_id_and_listed_by_number(make_asset):
    first = make_asset(number="2026-JSJ-00009")
    second = make_asset(number="2026-JSJ-00002")
    assert service.find_asset(first.id).number == "2026-JSJ-00009"
    assert service.find_asset(99999) is None and service.find_asset(None) is None
    assert [a.id for a in service.assets_by_number([first.id, second.id, 99999])] == [second.id, first.id]
    assert service.assets_by_number([]) == []
    assert service.ids_by_number([first.id, second.id]) == [(second.id, "2026-JSJ-00002"),
                                                           (first.id, "2026-JSJ-00009")]


def test_the_assets_a_result_touched(make_asset, world):
    a = make_asset()
    moved = service.transfer(a, place=world["r302"].id, reason="换教室")
    assert service.asset_ids_in(a) == [a.id]
    assert service.asset_ids_in([a, moved]) == [a.id, a.id]
    assert service.asset_ids_in(None) == [] and service.asset_ids_in([]) == []


def test_pick_lists_keep_their_order(world):
    """The asset form's lists: departments before classes as entered, people with their departments."""
    later = masterdata.save(Department, {"name": "教务处", "kind": "department"})
    assert [d.id for d in masterdata.active("department", by=("-kind", "id"))] == [
        world["zwc"].id, later.id, world["cls"].id]
    people = masterdata.people_with_departments()
    assert [(p.name, p.department.name if p.department_id else None) for p in people] == [
        ("张伟", "总务处"), ("李娜", None)]
    codes = [c.code for c in masterdata.active("category", by="code")]
    assert codes == sorted(codes)
    assert [s.name for s in masterdata.active("supplier")] == ["联想（北京）有限公司"]
