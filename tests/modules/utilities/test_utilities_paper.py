"""The utilities on paper and in Excel: the report printed from the demo (two years, a leak, a meter change)
with 用电、用水、同比 and a chart against last year; ``export utilities``; ``import readings`` with the asset
import's rules (every bad row named, nothing written unless all are good or --skip-invalid)."""

from __future__ import annotations

import datetime as _dt
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from openpyxl import Workbook, load_workbook

from logistics_desk.cli import main as cli_main
from logistics_desk.core import clock, db, demo, integrity
from logistics_desk.modules.utilities import service as us
from logistics_desk.modules.utilities.models import Bill, Reading

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def demo_db(database, db_path, monkeypatch):
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", ["utilities"])
    clock.freeze(_dt.datetime(2026, 12, 1, 9, 0))
    demo.populate(n_assets=10, seed=7, steps=registry.demo_steps())
    return db_path


def test_demo_two_years_with_a_leak_and_a_meter_change(demo_db):
    assert us.students() == 2000 and us.school_area() > 0
    months = {us.month_of(r.read_on) for r in Reading.select()}
    assert len(months) >= 24
    change = Reading.get(Reading.kind == "change")
    assert change.meter.name == "教学楼电表" and change.read_on == _dt.date(2026, 4, 30)
    assert change.consumption > 0  # the change month's use is counted, not lost
    leak = [f for f in us.flags() if f["name"] == "宿舍楼水表"]
    assert {"rest_day", "jump_year", "jump_recent"} <= {f["kind"] for f in leak}
    assert Bill.select().where(Bill.paid_on.is_null()).count() > 0  # last month's bills still to pay
    assert integrity.check().ok


@needs_poppler
def test_report_prints_from_the_demo(demo_db, tmp_path):
    db.close_database()
    out = tmp_path / "year.pdf"
    assert cli_main(["--db", str(demo_db), "--lang", "zh_CN", "print", "utilities-report", "--year", "2026",
                     "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "用电" in text and "用水" in text and "同比" in text and "环比" in text
    assert "近十二个月与上年对比" in text  # the chart's title
    assert "SDBG-2026" in text and "宿舍楼水表" in text and "总务主任签字" in text
    out = tmp_path / "month.pdf"
    assert cli_main(["--db", str(demo_db), "--lang", "zh_CN", "print", "utilities-report", "--month", "2026-10",
                     "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "水电费用月报" in text and "SDBG-202610" in text and "用水" in text
    assert cli_main(["--db", str(demo_db), "--lang", "en", "print", "utilities-report", "--month", "2026-13",
                     "-o", str(out)]) == 2
    db.open_database(demo_db, backup=False)


def test_export_utilities(demo_db, tmp_path):
    db.close_database()
    out = tmp_path / "u.xlsx"
    assert cli_main(["--db", str(demo_db), "--lang", "en", "export", "utilities", str(out), "--year", "2026"]) == 0
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Meters and accounts", "Readings", "Bills", "Monthly figures", "Flags"]
    rows = list(wb["Readings"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Meter", "Read on", "Reading") and len(rows) > 100
    db.open_database(demo_db, backup=False)


def _sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["表计", "抄表日期", "读数", "类型", "起始读数", "备注"])
    for r in rows:
        ws.append(r)
    wb.save(path)


def test_import_readings_names_every_bad_row(plant, db_path, tmp_path, capsys):
    us.add_reading(plant.water, _dt.date(2026, 9, 30), "300")
    us.add_reading(plant.main, _dt.date(2026, 9, 30), "1000")
    path = tmp_path / "readings.xlsx"
    _sheet(path, [
        ["宿舍楼水表", _dt.date(2026, 10, 31), 342, None, None, None],  # good
        ["宿舍楼水表", _dt.date(2026, 11, 30), 12, "换表", 2, "换新表"],  # good: a new meter from 2: 10
        ["总电表", _dt.date(2026, 10, 31), 900, None, None, None],  # lower than the last: bad
        ["没有的表", _dt.date(2026, 10, 31), 1, None, None, None],  # unknown: bad
        ["总务处电话", _dt.date(2026, 10, 31), 1, None, None, None],  # an account: bad
        ["宿舍楼电表", "不是日期", 5, None, None, None],  # a bad date
    ])
    db.close_database()
    args = ["--db", str(db_path), "--lang", "en", "import", "readings", str(path)]
    assert cli_main(args) == 2
    captured = capsys.readouterr()
    err = captured.out + captured.err
    for row in ("Row 4", "Row 5", "Row 6", "Row 7"):
        assert row in err
    assert "Row 2" not in err and "Row 3" not in err and "lower than the last one" in err
    db.open_database(db_path, backup=False)
    assert Reading.select().count() == 2  # nothing written
    db.close_database()
    assert cli_main(args + ["--skip-invalid"]) == 0
    db.open_database(db_path, backup=False)
    got = [(r.read_on, r.consumption, r.kind) for r in us.readings(plant.water)]
    assert got[1:] == [(_dt.date(2026, 10, 31), D(42), "normal"), (_dt.date(2026, 11, 30), D(10), "change")]
    assert Reading.select().count() == 4
