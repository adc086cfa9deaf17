"""Lists in the canteen's checks, Today lines and compliance report follow the interface's language
(brief J): "a, b" and "a; b" in English, 甲、乙 and 甲；乙 in Chinese."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from logistics_desk.core import clock, i18n
from logistics_desk.modules.canteen import commands
from logistics_desk.modules.canteen import today as canteen_today

from .conftest import at


def _day_with_gaps(c):
    """Lunch: one sample without who took it or its fridge; dinner: two dishes, none sampled."""
    s, day = c.service, c.day
    (d,) = s.add_dishes(day, "lunch", ["番茄蛋汤"])
    clock.freeze(at(day, 11, 30))
    s.record_sample(d, {"weight_g": 150, "taken_at": at(day, 11, 30)})
    s.add_dishes(day, "dinner", ["面条", "炒豆芽"])
    clock.freeze(at(day, 21, 0))


def _by_kind(c) -> dict:
    return {b.kind: b for b in c.service.check(c.day, c.day)}


def test_check_messages_list_with_english_commas(canteen):
    _day_with_gaps(canteen)
    by = _by_kind(canteen)
    assert "(面条, 炒豆芽)" in by["meal_no_samples"].message
    assert "the record has no who took it, fridge." in by["incomplete"].message


def test_check_messages_list_with_chinese_marks(canteen):
    _day_with_gaps(canteen)
    i18n.set_language("zh_CN")
    by = _by_kind(canteen)
    assert "面条、炒豆芽" in by["meal_no_samples"].message
    assert "留样人、存放冰箱" in by["incomplete"].message
    assert ", " not in by["meal_no_samples"].message + by["incomplete"].message


def _meals_line() -> str:
    canteen_today._memo[:] = [None, None]  # read in this language (the program sets it once, at its start)
    (line,) = [i for i in canteen_today.items(clock.today()) if i.order == 1]  # today's meals without samples
    return line.text


def test_today_line_joins_its_messages_with_semicolons(canteen):
    _day_with_gaps(canteen)
    text = _meals_line()
    assert "; " in text and "；" not in text and "、" not in text
    assert "no samples recorded; Dinner" in text  # the first message's full stop gives way to the ";"
    i18n.set_language("zh_CN")
    text = _meals_line()
    assert "；" in text and "; " not in text and "。；" not in text


def test_parse_meal_lists_the_meals_in_the_interfaces_language():
    from logistics_desk.core.errors import UserError
    from logistics_desk.modules.canteen import service

    with pytest.raises(UserError) as exc:
        service.parse_meal("brunch")
    assert "Breakfast, Lunch, Dinner" in exc.value.message
    i18n.set_language("zh_CN")
    with pytest.raises(UserError) as exc:
        service.parse_meal("brunch")
    assert "早餐、午餐、晚餐" in exc.value.message


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_compliance_report_counts_read_back_in_both_languages(canteen, tmp_path):
    """The report's findings line ("Meal without samples 1; …") printed and read back."""
    _day_with_gaps(canteen)
    s, day = canteen.service, canteen.day
    clock.freeze(at(day + dt.timedelta(days=1), 8, 0))
    summary = s.period_report(day, day)["summary"]
    assert len(summary) > 2
    english = " ".join(_pdf_text(commands.compliance_pdf(day, day), tmp_path).split())
    counts = "; ".join(f"{s.BREACH_KINDS[k]} {v}" for k, v in summary.items())
    assert counts in english and "；" not in english
    i18n.set_language("zh_CN")
    chinese = "".join(_pdf_text(commands.compliance_pdf(day, day), tmp_path).split())
    counts = "；".join(f"{i18n.translate('canteen', s.BREACH_KINDS[k])}{v}" for k, v in summary.items())
    assert counts in chinese
