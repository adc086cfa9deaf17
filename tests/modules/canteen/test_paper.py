"""The canteen's logs and compliance report on paper (issue 12): an empty period certifies
nothing, the fridge log's requirement matches the setting, the report names fridges short of
readings, and every log and report has a document number."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from logistics_desk.core import clock
from logistics_desk.modules.canteen import commands, forms

from .conftest import at

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def _held_three_days_with_one_reading_a_day(c):
    """A lunch sample held Monday to Wednesday in fridge 1, read once a day; a standby fridge read
    once a day that holds nothing."""
    s, day = c.service, c.day
    standby = s.save_fridge({"name": "2号留样冰箱（备用）", "location": "食堂 留样间"})
    line = s.add_dish(day, "lunch", "红烧肉")
    clock.freeze(at(day, 11, 40))
    s.quick_take(line, weight_g=150)
    for i in range(3):
        clock.freeze(at(day + dt.timedelta(days=i), 16, 0))
        s.record_reading(c.fridge, "4.0")
        s.record_reading(standby, "4.5")
    clock.freeze(at(day + dt.timedelta(days=2), 12, 0))
    s.dispose([line], disposed_by=c.cook)
    clock.freeze(at(day + dt.timedelta(days=3), 10, 0))
    return standby


@needs_poppler
def test_empty_period_certifies_nothing(canteen, tmp_path):
    # a month long after today, and a weekend with nothing served: no data, nothing certified
    canteen.service.add_dish(canteen.day, "lunch", "红烧肉")  # records begin on Monday 11-23
    clock.freeze(at(dt.date(2026, 11, 30), 10, 0))
    for start, end in ((dt.date(2030, 1, 1), dt.date(2030, 1, 31)), (dt.date(2026, 11, 28), dt.date(2026, 11, 29))):
        text = pdf_text(commands.compliance_pdf(start, end), tmp_path)
        assert "No data" in text and "This report certifies nothing." in text
        assert "No breaches" not in text and "in order" not in text


@needs_poppler
def test_fridge_log_requirement_and_report_name_fridges_short_of_readings(canteen, tmp_path):
    s, day = canteen.service, canteen.day
    _held_three_days_with_one_reading_a_day(canteen)
    start, end = day, day + dt.timedelta(days=2)
    summary = {f["name"]: f for f in s.fridge_summary(start, end)}
    assert summary["1号留样冰箱"]["days_in_use"] == 3 and len(summary["1号留样冰箱"]["short"]) == 3
    assert summary["2号留样冰箱（备用）"]["days_in_use"] == 0 and summary["2号留样冰箱（备用）"]["short"] == []
    text = pdf_text(forms.fridge_log(s.readings(start, end), start, end, per_day=s.readings_per_day(),
                                     fridges=s.fridge_summary(start, end)), tmp_path)
    assert text.count("Required: 2 readings a day while it holds samples") == 2
    assert "1号留样冰箱 held samples on 3 days; on 3 of them it has fewer than 2 readings: 11-23 (1)" in text
    assert "2号留样冰箱（备用） held no samples in this period: the readings-per-day requirement does not apply" in text
    assert "No.: LYWD-20261123-20261125" in text
    report = pdf_text(commands.compliance_pdf(start, end), tmp_path)
    assert "Too few fridge readings 3" in report
    assert "1号留样冰箱 held samples on 3 days; on 3 of them it has fewer than 2 readings" in report
    assert "No.: LYHG-20261123-20261125" in report


@needs_poppler
def test_sample_log_numbered_and_an_empty_one_says_so(canteen, tmp_path):
    s, day = canteen.service, canteen.day
    line = s.add_dish(day, "lunch", "红烧肉")
    clock.freeze(at(day, 11, 40))
    s.quick_take(line, weight_g=150)
    month = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    text = pdf_text(forms.sample_log(s.log_lines(*month), *month), tmp_path)
    assert "No.: LYJL-202611" in text and "红烧肉" in text
    empty = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    text = pdf_text(forms.sample_log(s.log_lines(*empty), *empty), tmp_path)
    assert "No.: LYJL-202610" in text and "No dishes or samples are recorded for this period" in text
