"""The parts on a repair slip and the findings of an inspection follow the interface's language (brief J):
"a; b" in English, 甲；乙 in Chinese (the slip printed and read back with pdftotext)."""

from __future__ import annotations

import datetime as _dt
import shutil
import subprocess

import pytest

from logistics_desk.core import clock, i18n
from logistics_desk.modules.repairs import forms
from logistics_desk.modules.repairs import service as rs

PARTS = [{"name": "HDMI线", "quantity": "1", "unit": "根", "unit_cost": "45.50"},
         {"name": "电源适配器", "quantity": "2", "unit": "个", "unit_cost": "38.25"}]


@pytest.fixture
def repaired(school):
    t = rs.create_ticket({"reporter": school.teacher.id, "place": school.room.id, "category": "电教设备",
                          "description": "投影仪黑屏", "urgency": "minor"})
    clock.freeze(_dt.datetime(2026, 11, 2, 16, 0))
    rs.assign(t, assignee=school.worker.id, at=_dt.datetime(2026, 11, 2, 9, 30))
    rs.complete(t, work_done="更换连接线", cause="wear", parts=PARTS, labour_cost="30",
                done_at=_dt.datetime(2026, 11, 2, 15, 0))
    return rs.get_ticket(t)


def _slip_text(ticket, tmp_path) -> str:
    path = tmp_path / "slip.pdf"
    path.write_bytes(forms.repair_slips([forms.slip_data(ticket)]))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_slip_parts_read_back_in_both_languages(repaired, tmp_path):
    text = _slip_text(repaired, tmp_path)
    assert "HDMI线 1根×45.50=45.50; 电源适配器 2个×38.25=76.50" in text and "；" not in text
    i18n.set_language("zh_CN")
    text = "".join(_slip_text(repaired, tmp_path).split())
    assert "HDMI线1根×45.50=45.50；电源适配器2个×38.25=76.50" in text


def test_a_shortened_parts_list_says_the_rest_is_in_the_program(repaired):
    d = dict(forms.slip_data(repaired), parts=[rs.part_text(p) for p in rs.parts_of(repaired)][:1], parts_left=1)
    assert forms._work(d).endswith("Parts: HDMI线 1根×45.50=45.50; 1 more parts in the program\n"
                                   "Parts 122.00 + labour 30.00 = 152.00 yuan")
    i18n.set_language("zh_CN")
    assert "HDMI线 1根×45.50=45.50；" in forms._work(d)


@pytest.mark.parametrize("language, sep", [("en", "; "), ("zh_CN", "；")])
def test_inspection_findings_are_clauses_in_the_interfaces_language(school, language, sep):
    cl = rs.save_checklist({"name": "每周燃气检查", "schedule": "weekly", "items": ["阀门", "管道"],
                            "places": [school.room.id], "category": "水电"})
    a, b = rs.checklist_items(cl)
    rs.run_inspection(cl, [{"item": a.id, "ok": False, "note": "漏气"}, {"item": b.id, "ok": True, "note": "有锈"}],
                      place=school.room.id, inspector_name="李师傅")
    i18n.set_language(language)
    (row,) = rs.inspections(_dt.date(2026, 11, 2), _dt.date(2026, 11, 2))
    first, second = row["findings"].split(sep)
    colon = "：" if language == "zh_CN" else ": "  # the item and its note, in the interface's language
    assert first.startswith(f"阀门{colon}漏气") and second.startswith(f"管道{colon}有锈")
    assert first.endswith("）" if language == "zh_CN" else ")")  # the ticket's number
