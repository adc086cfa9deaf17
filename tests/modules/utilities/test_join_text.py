"""The reading import's report lists the missing columns in the interface's language (brief J): "a, b" in
English, 甲、乙 in Chinese."""

from __future__ import annotations

import openpyxl
import pytest

from logistics_desk.core import i18n
from logistics_desk.modules.utilities import excel


@pytest.mark.parametrize("language, sep, other", [("en", ", ", "、"), ("zh_CN", "、", ", ")])
def test_missing_columns_are_listed_in_the_interfaces_language(database, tmp_path, language, sep, other):
    path = tmp_path / "readings.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["表", "备注"])
    wb.active.append(["1号电表", "无"])
    wb.save(path)
    i18n.set_language(language)
    plan = excel.plan_readings(path)
    assert plan.file_broken and plan.result.missing_columns
    (line,) = [x for x in plan.report_lines() if x.startswith(("Missing columns", "缺少"))]
    names = [plan.result.header_of(k) for k in plan.result.missing_columns]
    assert len(names) >= 2 and sep.join(names) in line and other not in line
