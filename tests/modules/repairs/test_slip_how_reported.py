"""The repair slip says how the report came in (报修方式: slip, phone, in person, other), which the ticket
stores (``reported_via``), and a long ticket (a long description, a long account of the work, many parts)
still prints on its own half sheet: read back with pdftotext, pages counted with pdfinfo."""

from __future__ import annotations

import datetime as _dt
import shutil

import pytest

from logistics_desk.core import clock, i18n
from logistics_desk.modules.repairs import forms
from logistics_desk.modules.repairs import service as rs

from .test_paper_readback import boxes, flat, pages, pdf_text

D = _dt.datetime
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

LONG_DESCRIPTION = ("三楼东侧男生卫生间第二个隔间的冲水阀一直漏水，地面积水已经流到走廊，学生进出容易滑倒；"
                    "同时洗手池下方的排水管接口松动，水龙头关不严，夜间也在滴水，墙角瓷砖有两块开裂翘起，"
                    "隔间门的插销脱落无法锁门，照明灯管一闪一闪，排气扇不转有异味，请尽快派人一并检修，"
                    "如需停水请提前通知班主任，并在维修完成后清理现场、拖干地面，检查相邻隔间是否有同样问题。") * 2
LONG_WORK = ("更换冲水阀一套，重新连接并缠生料带紧固排水管接口，更换水龙头阀芯，铲除开裂瓷砖重新铺贴，"
             "更换隔间门插销，更换LED灯管两根，拆洗排气扇并更换电容，试水试电正常，现场已清理。") * 2
MANY_PARTS = [{"name": name, "quantity": "1", "unit": "个", "unit_cost": cost} for name, cost in (
    ("冲水阀（含配件）", "85.00"), ("排水管接头", "12.50"), ("水龙头阀芯", "18.00"), ("瓷砖300×300", "9.80"),
    ("瓷砖胶", "35.00"), ("门插销", "6.50"), ("LED灯管1.2米", "22.00"), ("LED灯管1.2米（备用）", "22.00"),
    ("排气扇电容", "8.00"), ("生料带", "2.00"), ("玻璃胶", "15.00"), ("膨胀螺丝", "4.00"),
    ("不锈钢软管60厘米", "16.00"), ("角阀", "24.00"), ("防水胶布", "5.50"))]


@pytest.fixture
def tickets(school):
    clock.freeze(D(2026, 11, 2, 9, 0))
    phoned = rs.create_ticket({"reporter": school.teacher.id, "place": school.room.id, "category": "水电",
                               "description": "水龙头漏水", "urgency": "minor", "reported_via": "phone"})
    walked = rs.create_ticket({"reporter": school.teacher.id, "place": school.room2.id, "category": "门窗",
                               "description": "门锁坏了", "urgency": "minor", "reported_via": "in_person"})
    unknown = rs.create_ticket({"reporter": school.teacher.id, "place": school.room2.id, "category": "门窗",
                                "description": "窗户关不严", "urgency": "minor"})
    long = rs.create_ticket({"reporter_department": school.klass.id, "reporter_name": "张小明",
                             "contact": "13900000001（班主任）", "place": school.lab_room.id, "category": "水电",
                             "asset": school.projector.id, "description": LONG_DESCRIPTION, "urgency": "major",
                             "reported_via": "slip"})
    clock.freeze(D(2026, 11, 3, 9, 0))
    rs.assign(long, assignee=school.worker.id, at=D(2026, 11, 2, 9, 30))
    rs.complete(long, work_done=LONG_WORK, cause="deliberate", responsible_name="张小明", parts=MANY_PARTS,
                discipline_note="班主任已进行批评教育",
                labour_cost="120", done_at=D(2026, 11, 2, 16, 0))
    rs.accept(long, accepted_by="王老师", satisfied=False, comment="地面还有积水，排气扇声音仍然偏大，" * 4,
              accepted_at=D(2026, 11, 3, 8, 0))
    return [rs.get_ticket(t) for t in (phoned, walked, unknown, long)]


def test_the_slip_says_how_the_report_came_in(tickets, tmp_path):
    pdf = forms.repair_slips([forms.slip_data(t) for t in tickets[:3]])
    text, f = pdf_text(pdf, tmp_path), boxes(pdf, tmp_path)
    assert text.count("How reported") == 3
    assert "Phone" in f and "Inperson" in f
    assert "Repairslip" not in flat(text.split("How reported")[3])  # not recorded: the box stays empty


def test_the_slip_says_how_the_report_came_in_in_chinese(tickets, tmp_path):
    i18n.set_language("zh_CN")
    try:
        pdf = forms.repair_slips([forms.slip_data(t) for t in tickets])
        text, f = pdf_text(pdf, tmp_path), boxes(pdf, tmp_path)
    finally:
        i18n.set_language("en")
    assert text.count("报修方式") == 4
    assert "电话" in f and "当面" in f and "报修单" in f  # (the title too says 报修单: the box is read alone)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_long_slip_stays_on_its_half_sheet(tickets, tmp_path, language):
    long = tickets[3]
    assert len(rs.parts_of(long)) == len(MANY_PARTS)
    i18n.set_language(language)
    try:
        pdf = forms.repair_slips([forms.slip_data(t) for t in (long, tickets[0])])
        text, f = pdf_text(pdf, tmp_path), boxes(pdf, tmp_path)
    finally:
        i18n.set_language("en")
    (tmp_path / f"long-{language}.pdf").write_bytes(pdf)
    # two slips, one half sheet each: one sheet, each slip its own "page 1 of 1"
    assert pages(pdf, tmp_path) == 1
    one_of_one = "第1页/共1页" if language == "zh_CN" else "Page1of1"
    assert flat(text).count(one_of_one) == 2 and "共2页" not in flat(text) and "of2" not in flat(text)
    # what matters is all there: both signer lines, the cost as it adds up, the start of each long text,
    # and a word that the rest is in the program
    signers = ("维修人签字：", "报修人（验收）签字：") if language == "zh_CN" else ("Repairer signature:",
                                                                                "Reporter signature:")
    assert all(text.count(s) == 2 for s in signers)
    total = f"{long.total_cost:,.2f}"
    assert total in flat(text)
    assert flat(LONG_DESCRIPTION)[:30] in "".join(f)
    assert flat(LONG_WORK)[:20] in "".join(f)
    assert "冲水阀（含配件）" in "".join(f)
    more = "见系统" if language == "zh_CN" else "in the program"
    assert more in flat(text) or more in text


def test_a_short_slip_is_printed_whole(tickets, tmp_path):
    """Nothing is shortened on a slip that fits."""
    data = forms.slip_data(tickets[0])
    assert forms.fitted_slip(data) == forms.slip_form(data)
