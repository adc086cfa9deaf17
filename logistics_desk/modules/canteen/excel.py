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


# --- issue 18: the whole canteen, one sheet per ledger ----------------------------------------

def _kind(values) -> str:
    """A column's kind from its first value (for food-in's plain (title, headers, rows) sheets)."""
    from decimal import Decimal

    for v in values:
        if v is None or v == "":
            continue
        if isinstance(v, bool):
            return "text"
        if isinstance(v, _dt.datetime):
            return "datetime"
        if isinstance(v, _dt.date):
            return "date"
        if isinstance(v, int):
            return "int"
        if isinstance(v, (Decimal, float)):
            return "decimal"
        return "text"
    return "text"


def _plain_sheet(title: str, headers: list[str], rows: list[list]) -> SheetData:
    columns = [WriteColumn(str(i), h, _kind(r[i] for r in rows if i < len(r))) for i, h in enumerate(headers)]
    return SheetData(title, columns, [[("" if v is None else v) for v in r] for r in rows])


def disinfection_columns() -> list[WriteColumn]:
    return [
        WriteColumn("day", tr("Date"), "date"),
        WriteColumn("meal_label", tr("Meal")),
        WriteColumn("items_label", tr("Items")),
        WriteColumn("method_label", tr("Method")),
        WriteColumn("started_at", tr("Start"), "datetime"),
        WriteColumn("minutes", tr("Minutes"), "int"),
        WriteColumn("person_name", tr("Disinfected by")),
        WriteColumn("note", tr("Notes")),
    ]


def morning_columns() -> list[WriteColumn]:
    return [
        WriteColumn("day", tr("Date"), "date"),
        WriteColumn("name", tr("Worker")),
        WriteColumn("cert_number", tr("Certificate No.")),
        WriteColumn("cert_expires", tr("Valid until"), "date"),
        WriteColumn("present_text", tr("Present")),
        WriteColumn("symptoms", tr("Findings")),
        WriteColumn("result", tr("Result")),
        WriteColumn("action", tr("Action")),
        WriteColumn("checked_by_name", tr("Checked by")),
        WriteColumn("checked_at", tr("Time"), "datetime"),
    ]


def accompany_columns() -> list[WriteColumn]:
    return [
        WriteColumn("day", tr("Date"), "date"),
        WriteColumn("meal_label", tr("Meal")),
        WriteColumn("leader_name", tr("School leader")),
        WriteColumn("dishes", tr("Dishes eaten")),
        WriteColumn("quality", tr("Quality")),
        WriteColumn("quantity", tr("Quantity")),
        WriteColumn("hygiene", tr("Hygiene")),
        WriteColumn("price", tr("Price")),
        WriteColumn("action", tr("Action taken")),
    ]


def export_canteen(path: str | os.PathLike, start: _dt.date, end: _dt.date, *, progress=None,
                   cancel=None) -> dict[str, int]:
    """``export canteen``: one sheet per ledger — samples, fridge readings, receiving and the food store
    (food-in's ``receiving.export_sheets``), disinfection, morning checks, accompanied meals — and the
    compliance findings. Returns {sheet title: rows}."""
    from . import hygiene

    samples = service.log_lines(start, end)
    for r in samples:
        r["meal"] = service.meal_label(r["meal"])
    readings = service.readings(start, end)
    for r in readings:
        r["result"] = tr("Out of range") if r["out_of_range"] else tr("Normal")
    sheets = [SheetData(tr("Food sample log"), sample_columns(), samples),
              SheetData(tr("Fridge temperatures"), reading_columns(), readings)]
    try:
        from . import receiving
    except ImportError:  # food-in's ledgers not part of this version
        receiving = None
    if receiving is not None and hasattr(receiving, "export_sheets"):
        sheets += [_plain_sheet(*s) for s in receiving.export_sheets(start, end)]
    checks = hygiene.morning_checks(start, end)
    for r in checks:
        r["present_text"] = tr("Yes") if r["present"] else tr("No")
    sheets += [SheetData(tr("Tableware disinfection"), disinfection_columns(), hygiene.disinfections(start, end)),
               SheetData(tr("Morning check"), morning_columns(), checks),
               SheetData(tr("Accompanied meals"), accompany_columns(), hygiene.accompanies(start, end))]
    report = service.period_report(start, end)
    findings = [{"day": b.day, "kind": b.kind_label, "severity": b.severity_label, "meal": b.meal_label,
                 "number": b.number or "", "message": b.message} for b in report["breaches"]]
    sheets.append(SheetData(tr("Compliance check"), breach_columns(), findings))
    write_workbook(path, sheets, progress=progress, cancel=cancel)
    return {s.title: len(s.rows) for s in sheets}
