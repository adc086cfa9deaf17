"""The repair report and the inspection ledger on paper (issue 12): the title says what the
report covers, overdue counts and lists only the period's tickets, repeat faults grouped by
category and kept short, a document number on each, one page count for the whole ledger."""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess

import pytest

from logistics_desk.cli import main as cli_main
from logistics_desk.core import clock, db, masterdata
from logistics_desk.core.masterdata import Term
from logistics_desk.modules.repairs import forms
from logistics_desk.modules.repairs import service as rs

D = _dt.datetime
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _ticket(school, when, category="水电", place=None, urgency="minor"):
    clock.freeze(when)
    return rs.create_ticket({"reporter": school.teacher.id, "place": (place or school.room).id, "category": category,
                             "description": "水龙头漏水", "urgency": urgency})


@needs_poppler
def test_term_report_is_titled_as_a_term_report(school, db_path, tmp_path):
    masterdata.save(Term, {"name": "2026-2027学年第一学期", "start_date": _dt.date(2026, 9, 1),
                           "end_date": _dt.date(2027, 1, 20)})
    _ticket(school, D(2026, 11, 2, 9, 0))
    db.close_database()
    out = tmp_path / "r.pdf"
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "repair-report", "--term", "2026-2027学年第一学期",
                     "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes(), tmp_path)
    assert "Term repair report" in text and "Monthly" not in text
    assert "No.: WXBG-20260901-20270120" in text
    assert cli_main(["--db", str(db_path), "--lang", "en", "print", "repair-report", "--month", "2026-11",
                     "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes(), tmp_path)
    assert "Monthly repair report" in text and "No.: WXBG-202611" in text
    db.open_database(db_path, backup=False)


@needs_poppler
def test_a_later_month_neither_counts_nor_lists_earlier_overdue_tickets(school, tmp_path):
    late = [_ticket(school, D(2026, 11, 2, 9, 0)).number, _ticket(school, D(2026, 11, 3, 9, 0)).number]
    clock.freeze(D(2026, 12, 1, 9, 0))
    nov = forms.report_data(*rs.month_range("2026-11"))
    assert nov["total"]["overdue"] == 2 and [r["number"] for r in nov["overdue_list"]] == late
    jan = forms.report_data(*rs.month_range("2030-01"))
    assert jan["total"]["overdue"] == 0 and jan["overdue_list"] == []
    text = " ".join(pdf_text(forms.repair_report(jan), tmp_path).split())
    assert re.search(r"Still open / overdue 0 ?/ ?0", text)
    assert not any(n in text for n in late) and "Open and overdue" not in text


@needs_poppler
def test_repeat_faults_grouped_by_category_and_kept_short(school, tmp_path, monkeypatch):
    rooms = [school.room, school.room2, school.lab_room]
    day = D(2026, 11, 2, 8, 0)
    for i, room in enumerate(rooms):  # 3 water faults in each room, more in the first
        for k in range(3 + (2 if i == 0 else 0)):
            _ticket(school, day + _dt.timedelta(hours=k + 10 * i), "水电", room)
    for k in range(3):
        _ticket(school, day + _dt.timedelta(days=1, hours=k), "门窗", school.room)
    for k in range(2):  # two door faults and one water fault elsewhere: not a repeat of one fault
        _ticket(school, day + _dt.timedelta(days=2, hours=k), "门窗", school.room2)
    clock.freeze(D(2026, 12, 1, 9, 0))
    data = forms.report_data(*rs.month_range("2026-11"))
    pairs = [(p["category"], p["place"], p["count"]) for p in data["repeat_places"]]
    assert pairs == [("水电", "教学楼 301", 5), ("水电", "实验楼 101物理实验室", 3), ("水电", "教学楼 302", 3),
                     ("门窗", "教学楼 301", 3)]
    rows = forms.repeat_rows(data, per_category=2)
    assert [(r["kind"], r["what"], r["count"]) for r in rows] == [
        ("水电", "教学楼 301", 5), ("", "实验楼 101物理实验室", 3), ("", "1 more places", 3), ("门窗", "教学楼 301", 3)]
    monkeypatch.setattr(forms, "REPEAT_PER_CATEGORY", 2)
    text = pdf_text(forms.repair_report(data), tmp_path)
    repeat = text[text.index("Repeat faults: the same fault 3 or more times"):text.index("Open and overdue")]
    assert "1 more places" in " ".join(repeat.split())
    assert "教学楼 302" not in repeat  # the list names the top places of each category, the rest as a count


@needs_poppler
def test_inspection_ledger_is_numbered_and_counts_its_pages_once(school, tmp_path):
    cl = rs.save_checklist({"name": "每周燃气检查", "schedule": "weekly", "items": ["阀门", "管道"],
                            "places": [school.room.id], "category": "水电", "starts_on": _dt.date(2026, 10, 26)})
    clock.freeze(D(2026, 11, 3, 8, 0))
    rs.run_inspection(cl, [{"item": it.id, "ok": True} for it in rs.checklist_items(cl)], place=school.room.id,
                      inspector_name="李师傅")
    clock.freeze(D(2026, 11, 20, 9, 0))  # the week of 11-09 was missed
    data = forms.ledger_data(_dt.date(2026, 11, 1), _dt.date(2026, 11, 15))
    assert data["missed"] and data["doc_no"] == "XJTZ-20261101-20261115"
    text = pdf_text(forms.inspection_ledger(data), tmp_path)
    assert "No.: XJTZ-20261101-20261115" in text
    assert text.count("Page 1 of") == 1 and "Page 1 of 1" in text  # one page count, not restarted
    assert text.count("Safety officer signature:") == 1
    assert "Not done: due in this period and not recorded" in text and "Checks not done: 2" in text
