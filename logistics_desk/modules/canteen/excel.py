"""The canteen's Excel export (no Qt): the sample log, the fridge readings and the
compliance findings of a period, one sheet each, through ``core.excel``."""

from __future__ import annotations

import datetime as _dt
import os

from ...core.excel import SheetData, WriteColumn, write_workbook
from ...core.i18n import tr
from . import service


def sample_columns() -> list[WriteColumn]:
    return [
        WriteColumn("number", tr("Record No.")),
        WriteColumn("day", tr("Date"), "date"),
        WriteColumn("meal", tr("Meal")),
        WriteColumn("dish_name", tr("Dish")),
        WriteColumn("weight_g", tr("Weight (g)"), "int"),
        WriteColumn("taken_at", tr("Time taken"), "datetime"),
        WriteColumn("keep_until", tr("Keep until"), "datetime"),
        WriteColumn("fridge_name", tr("Fridge")),
        WriteColumn("container_no", tr("Container No.")),
        WriteColumn("taken_by_name", tr("Taken by")),
        WriteColumn("entered_at", tr("Entered at"), "datetime"),
        WriteColumn("disposed_at", tr("Disposed at"), "datetime"),
        WriteColumn("disposed_by_name", tr("Disposed by")),
        WriteColumn("note", tr("Notes")),
    ]


def reading_columns() -> list[WriteColumn]:
    return [
        WriteColumn("fridge_name", tr("Fridge")),
        WriteColumn("read_at", tr("Time"), "datetime"),
        WriteColumn("temperature", tr("Temperature (°C)"), "decimal"),
        WriteColumn("min_temp", tr("Lowest allowed (°C)"), "decimal"),
        WriteColumn("max_temp", tr("Highest allowed (°C)"), "decimal"),
        WriteColumn("result", tr("Within range?")),
        WriteColumn("read_by_name", tr("Recorded by")),
        WriteColumn("note", tr("Notes")),
    ]


def breach_columns() -> list[WriteColumn]:
    return [
        WriteColumn("day", tr("Date"), "date"),
        WriteColumn("kind", tr("Item")),
        WriteColumn("severity", tr("Level")),
        WriteColumn("meal", tr("Meal")),
        WriteColumn("number", tr("Record No.")),
        WriteColumn("message", tr("Description")),
    ]


def export_samples(path: str | os.PathLike, start: _dt.date, end: _dt.date, *, progress=None, cancel=None) -> int:
    """Write the period's samples, fridge readings and findings; returns the sample rows written."""
    rows = service.log_lines(start, end)
    for r in rows:
        r["meal"] = service.meal_label(r["meal"])
    readings = service.readings(start, end)
    for r in readings:
        r["result"] = tr("Out of range") if r["out_of_range"] else tr("Normal")
    report = service.period_report(start, end)
    findings = [{"day": b.day, "kind": b.kind_label, "severity": b.severity_label, "meal": b.meal_label,
                 "number": b.number or "", "message": b.message} for b in report["breaches"]]
    write_workbook(path, [
        SheetData(tr("Food sample log"), sample_columns(), rows),
        SheetData(tr("Fridge temperatures"), reading_columns(), readings),
        SheetData(tr("Compliance check"), breach_columns(), findings),
    ], progress=progress, cancel=cancel)
    return len(rows)
