"""Repairs' paper and exports read back (issue 16 point 4): the repair slips, the monthly report and the
inspection ledger through ``pdftotext -layout``, the Excel exports through openpyxl, and the command line
that writes them. Until now they were checked only by "the output starts with %PDF"."""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from logistics_desk.cli import main as cli_main
from logistics_desk.core import clock, db, i18n
from logistics_desk.modules.repairs import excel, forms
from logistics_desk.modules.repairs import service as rs

D = _dt.datetime
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

DESCRIPTION = "投影仪开机后画面闪烁，偶尔黑屏，上课无法正常使用，请尽快检修并检查连接线和电源适配器是否老化损坏"
PARTS = [{"name": "HDMI高清连接线10米", "quantity": "1", "unit": "根", "unit_cost": "45.50"},
         {"name": "电源适配器", "quantity": "2", "unit": "个", "unit_cost": "38.25"},
         {"name": "螺丝", "quantity": "0.5", "unit": "盒", "unit_cost": "3.33"}]  # 1.665 -> 1.67


def pdf_text(pdf: bytes | Path, tmp_path) -> str:
    path = pdf if isinstance(pdf, Path) else tmp_path / "form.pdf"
    if not isinstance(pdf, Path):
        path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def boxes(pdf: bytes, tmp_path) -> list[str]:
    """What each box of a form says, read in pdftotext's reading order (without -layout a box's lines come
    together), spaces and line breaks left out: a value wrapped in its box reads as one."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [flat(b) for b in re.split(r"\n\s*\n", text) if b.strip()]


def flat(text: str) -> str:
    """The text without spaces and line breaks: a value wrapped in its box reads as one."""
    return "".join(text.split())


def pages(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.fixture
def month(school):
    """November: a projector repaired with three parts and labour, damaged by a pupil, accepted; a leak reported
    by a class and still open (overdue); a broken lock cancelled; one gas check done, the other weeks missed."""
    clock.freeze(D(2026, 11, 2, 9, 0))
    done = rs.create_ticket({"reporter": school.teacher.id, "place": school.room.id, "category": "电教设备",
                             "asset": school.projector.id, "description": DESCRIPTION, "urgency": "minor"})
    clock.freeze(D(2026, 11, 3, 9, 0))
    rs.assign(done, assignee=school.worker.id, at=D(2026, 11, 2, 9, 30))
    rs.complete(done, work_done="更换HDMI线和电源适配器，清洁滤网，试机正常", cause="accidental",
                responsible_name="张小明", parts=PARTS, labour_cost="30", done_at=D(2026, 11, 2, 15, 0))
    rs.accept(done, accepted_by="王老师", satisfied=True, accepted_at=D(2026, 11, 3, 8, 0))
    leak = rs.create_ticket({"reporter_department": school.klass.id, "reporter_name": "张小明",
                             "place": school.lab_room.id, "category": "水电", "description": "水龙头漏水",
                             "urgency": "urgent"})
    lock = rs.create_ticket({"reporter": school.teacher.id, "place": school.room2.id, "category": "门窗",
                             "description": "门锁坏了", "urgency": "major"})
    rs.cancel(lock, "重复报修")
    cl = rs.save_checklist({"name": "每周燃气检查", "schedule": "weekly", "items": ["阀门", "管道"],
                            "places": [school.room.id], "category": "水电", "starts_on": _dt.date(2026, 10, 26)})
    rs.run_inspection(cl, [{"item": it.id, "ok": True} for it in rs.checklist_items(cl)], place=school.room.id,
                      inspector_name="李师傅")
    clock.freeze(D(2026, 12, 1, 9, 0))
    return rs.get_ticket(done), rs.get_ticket(leak), rs.get_ticket(lock)


# --- the repair slip -------------------------------------------------------------------------------------------

def test_slip_prints_the_ticket_and_a_cost_that_adds_up(month, tmp_path):
    done, leak, lock = month
    pdf = forms.repair_slips([forms.slip_data(t) for t in (done, leak, lock)])
    text, f = pdf_text(pdf, tmp_path), boxes(pdf, tmp_path)
    assert re.findall(r"No\.: (WX-\d{4}-\d{4})", text) == [done.number, leak.number, lock.number]
    assert text.count("Page 1 of 1") == 3  # the full slip too fits its half sheet, signer lines included
    # names and the description whole, however they wrap in their boxes
    assert "教学楼301" in f and "实验楼101物理实验室" in f and "2026-JSJ-00001投影仪" in f
    assert flat(DESCRIPTION) in f
    assert "初一(3)班张小明" in f and "Cancelled:重复报修" in f
    # every slip has both signer lines: whoever repaired it, and the reporter who accepts it
    assert text.count("Repairer signature:") == 3 and text.count("Reporter signature:") == 3
    # each part with its amount, and the parts and the labour adding up to the cost printed
    work = next(b for b in f if b.startswith("更换HDMI线"))
    assert work == ("更换HDMI线和电源适配器，清洁滤网，试机正常"
                    "Parts:HDMI高清连接线10米1根×45.50=45.50;电源适配器2个×38.25=76.50;螺丝0.5盒×3.33=1.67"
                    "Parts123.67+labour30.00=153.67yuan")
    amounts = [Decimal(a) for a in re.findall(r"=(\d+\.\d\d)(?:;|Parts)", work)]
    assert sum(amounts) == Decimal("123.67") == done.parts_cost
    assert re.search(r"Cost \(yuan\)\s+153\.67", text)
    assert "张小明pays153.67yuan" in "".join(f)  # accidental damage: the repair's cost
    # who accepted it and when, next to the boxes
    # (pdftotext may read the tick with the box above it: the cause, on its own row since 报修方式 came in)
    assert "■satisfied" in "".join(f) and "Acceptedby王老师,2026-11-0308:00" in f


def test_chinese_slips_fit_two_to_a_sheet(month, tmp_path):
    i18n.set_language("zh_CN")
    try:
        pdf = forms.repair_slips([forms.slip_data(t) for t in month])
        text, f = pdf_text(pdf, tmp_path), boxes(pdf, tmp_path)
    finally:
        i18n.set_language("en")
    assert text.count("报修单") == 3 and pages(pdf, tmp_path) == 2  # 2 + 1 half sheets
    assert flat(text).count("第1页/共1页") == 3  # each slip on its own half, none running over
    assert text.count("维修人签字：") == 3 and text.count("报修人（验收）签字：") == 3
    assert any(b.endswith("材料费123.67+人工费30.00=153.67元") for b in f)
    assert "验收人王老师，2026-11-0308:00" in f and "张小明赔偿153.67元" in "".join(f)
    assert "实验楼101物理实验室" in f and flat(DESCRIPTION) in f


# --- the monthly report ----------------------------------------------------------------------------------------

def test_monthly_report_figures_add_up(month, tmp_path):
    data = forms.report_data(*rs.month_range("2026-11"))
    text = pdf_text(forms.repair_report(data), tmp_path)
    assert "Monthly repair report" in text and "No.: WXBG-202611" in text
    assert re.search(r"Tickets reported\s+2\b", text) and re.search(r"Done\s+1（50\.0%）", text)
    # the cancelled lock is not one of the 2 (the label wraps in its box: "Cancelled (not in the" / 1 / "count)")
    assert re.search(r"Cancelled \(not in the[^\n]*\n\s+1\s", text)
    assert re.search(r"Repair cost\s+153\.67 yuan", text) and re.search(r"Compensation\s+153\.67 yuan", text)
    urgency = text[text.index("By urgency"):text.index("Tickets by category")]
    rows = {m.group(1): [int(n) for n in m.group(2, 3, 4)]
            for m in re.finditer(r"^(Urgent / safety hazard|Minor repair|Major repair|Total)\s+(\d+)\s+(\d+)\s+(\d+)",
                                 urgency, re.M)}
    assert rows == {"Urgent / safety hazard": [1, 0, 0], "Minor repair": [1, 1, 1], "Major repair": [0, 0, 0],
                    "Total": [2, 1, 1]}
    assert re.search(r"^Total.*153\.67\s*$", urgency, re.M)
    # the chart counts tickets: whole-number ticks, never 0.2 of a ticket
    chart = text[text.index("Tickets by category"):text.index("By category")]
    assert not re.search(r"\b0\.[2468]\b", chart)
    overdue = text[text.index("Open and overdue"):]
    assert "WX-2026-0002" in overdue and "实验楼 101物理实验室" in overdue and "水龙头漏水" in overdue
    assert "Prepared by signature:" in text and "Director of general affairs signature:" in text


def test_inspection_ledger_reads_back(month, tmp_path):
    data = forms.ledger_data(_dt.date(2026, 11, 1), _dt.date(2026, 11, 30))
    text = pdf_text(forms.inspection_ledger(data), tmp_path)
    assert "No.: XJTZ-202611" in text and "Inspections recorded: 1" in text and "Checks not done: 4" in text
    row = next(line for line in text.splitlines() if "2026-11-03 09:00" in line)
    assert all(v in row for v in ("每周燃气检查", "教学楼 301", "李师傅", "All normal"))
    assert re.search(r"^\s*Total\s+2\s+0\s*$", text, re.M)
    assert "Safety officer signature:" in text and "Director of general affairs signature:" in text


# --- the Excel exports -----------------------------------------------------------------------------------------

def _sheet(path) -> tuple[list, list[dict]]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    return list(rows[0]), [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_ticket_export_reads_back(month, tmp_path):
    done = month[0]
    path = tmp_path / "tickets.xlsx"
    assert excel.export_tickets(path, {}) == 3
    headers, rows = _sheet(path)
    assert headers == [c.header for c in excel.ticket_columns()]
    assert headers[:3] == ["Ticket No.", "Reported at", "Reported by"] and "Reason cancelled" in headers
    row = next(r for r in rows if r["Ticket No."] == done.number)
    assert row["Reported at"] == D(2026, 11, 2, 9, 0) and row["Reported by"] == "王老师"
    assert row["Place"] == "教学楼 301" and row["Asset No."] == "2026-JSJ-00001" and row["Asset"] == "投影仪"
    assert row["Category"] == "电教设备" and row["What is broken"] == DESCRIPTION
    assert row["Status"] == "Accepted" and row["Assigned to"] == "李师傅" and row["On time"] == "Yes"
    assert row["Hours to repair"] == 6.0
    assert row["Parts"] == "HDMI高清连接线10米 1根×45.50=45.50; 电源适配器 2个×38.25=76.50; 螺丝 0.5盒×3.33=1.67"
    amounts = [Decimal(a) for a in re.findall(r"=([\d.]+)", row["Parts"])]
    assert sum(amounts) == Decimal(str(row["Parts cost"])) == Decimal("123.67")
    assert Decimal(str(row["Parts cost"])) + Decimal(str(row["Labour cost"])) == Decimal(str(row["Cost"]))
    assert row["Cause"] == "Accidental damage" and row["Person responsible"] == "张小明"
    assert row["Compensation"] == 153.67 and row["Accepted by"] == "王老师" and row["Satisfied"] == "Yes"
    assert {r["Ticket No."]: r["On time"] for r in rows}["WX-2026-0002"] == "Overdue"
    assert {r["Ticket No."]: r["Reason cancelled"] for r in rows}["WX-2026-0003"] == "重复报修"


def test_ledger_export_reads_back(month, tmp_path):
    path = tmp_path / "ledger.xlsx"
    assert excel.export_ledger(path, _dt.date(2026, 11, 1), _dt.date(2026, 11, 30)) == 1
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Inspection ledger", "Checks not done"]
    rows = list(wb["Inspection ledger"].iter_rows(values_only=True))
    assert list(rows[0]) == [c.header for c in excel.ledger_columns()]
    assert rows[1][:8] == ("XJ-2026-0001", D(2026, 11, 3, 9, 0), "每周燃气检查", "Weekly", "教学楼 301", "李师傅", 2, 0)
    missed = list(wb["Checks not done"].iter_rows(values_only=True))
    assert missed[0] == ("Checklist", "Schedule", "Place", "Period", "From", "To")
    assert [r[3] for r in missed[1:]] == ["week of 2026-10-26", "week of 2026-11-09", "week of 2026-11-16",
                                          "week of 2026-11-23"]


# --- the command line ------------------------------------------------------------------------------------------

def test_commands_write_the_same_paper_and_sheets(month, db_path, tmp_path, capsys):
    done, leak, _lock = month
    db.close_database()
    base = ["--db", str(db_path), "--lang", "en"]
    try:
        slip = tmp_path / "slip.pdf"
        assert cli_main(base + ["print", "repair-slip", "--ticket", done.number.lower(), "--ticket", str(leak.id),
                                "-o", str(slip)]) == 0
        f = flat(pdf_text(slip, tmp_path))
        assert re.findall(r"No\.:(WX-2026-\d{4})", f) == [done.number, leak.number]
        assert "Parts123.67+labour30.00=153.67yuan" in f
        assert f.count("Reportersignature:") == 2

        report = tmp_path / "report.pdf"
        assert cli_main(base + ["print", "repair-report", "--month", "2026-11", "-o", str(report)]) == 0
        text = pdf_text(report, tmp_path)
        assert "No.: WXBG-202611" in text and re.search(r"Repair cost\s+153\.67 yuan", text)

        ledger = tmp_path / "ledger.pdf"
        assert cli_main(base + ["print", "inspection-ledger", "--from", "2026-11-01", "--to", "2026-11-30",
                                "-o", str(ledger)]) == 0
        assert "Checks not done: 4" in pdf_text(ledger, tmp_path)

        sheet = tmp_path / "tickets.xlsx"
        capsys.readouterr()
        assert cli_main(base + ["export", "repairs", str(sheet), "--from", "2026-11-03"]) == 0
        assert "2 tickets exported" in capsys.readouterr().out  # the leak and the lock, not the projector
        _headers, rows = _sheet(sheet)
        assert sorted(r["Ticket No."] for r in rows) == ["WX-2026-0002", "WX-2026-0003"]

        book = tmp_path / "ledger.xlsx"
        assert cli_main(base + ["export", "repairs", str(book), "--ledger"]) == 0
        assert openpyxl.load_workbook(book)["Inspection ledger"]["A2"].value == "XJ-2026-0001"

        # mistakes are one line, exit code 2, no file
        capsys.readouterr()
        assert cli_main(base + ["print", "repair-slip", "--ticket", "WX-2026-0099", "-o",
                                str(tmp_path / "none.pdf")]) == 2
        assert "No repair ticket WX-2026-0099." in capsys.readouterr().out
        assert cli_main(base + ["export", "repairs", str(tmp_path / "x.xlsx"), "--from", "2026-11-30",
                                "--to", "2026-11-01"]) == 2
        assert "--to must not be before --from." in capsys.readouterr().out
        assert not (tmp_path / "none.pdf").exists() and not (tmp_path / "x.xlsx").exists()
    finally:
        db.open_database(db_path, backup=False)


@pytest.mark.sqlite_only
def test_python_m_logistics_desk_prints_a_slip(month, db_path, tmp_path):
    """The program as a person runs it: ``python -m logistics_desk --db FILE print repair-slip``."""
    db.close_database()
    try:
        out = tmp_path / "slip.pdf"
        run = subprocess.run([sys.executable, "-m", "logistics_desk", "--db", str(db_path), "--lang", "zh_CN",
                              "print", "repair-slip", "--ticket", month[0].number, "-o", str(out)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stdout + run.stderr
        f = flat(pdf_text(out, tmp_path))
        assert "报修单" in f and "编号：WX-2026-0001" in f and "材料费123.67+人工费30.00=153.67元" in f
    finally:
        db.open_database(db_path, backup=False)
