"""The utilities and Excel (no Qt): ``export utilities`` and ``import readings``.

The import follows the asset import's rules: every row is checked first and
every bad row is named with its reason; nothing is written unless every row is
good, or the clerk asks for the good rows only. Rows are read with core's
``read_table`` (headers in Chinese or English, in any order).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from ...core.errors import UserError, ValidationError
from ...core.excel import ColumnSpec, ReadResult, RowData, SheetData, WriteColumn, read_table, write_workbook
from ...core.i18n import N_, join_list, tr
from . import service as us
from .models import FLAG_KINDS, KINDS, METERED_KINDS, READING_KINDS, Meter, Reading

READING_COLUMNS = [
    ColumnSpec("meter", ("表", "表计", "电表", "水表", "meter name", "表号"), label=N_("Meter"), required=True,
               max_length=100, help=N_("The meter's name or number, as in the program.")),
    ColumnSpec("read_on", ("抄表日期", "日期", "date"), kind="date", label=N_("Read on"), required=True),
    ColumnSpec("value", ("读数", "本次读数", "reading"), kind="decimal", label=N_("Reading"), required=True,
               min_value=0),
    ColumnSpec("kind", ("类型", "type"), kind="choice", label=N_("Reading kind"),
               choices={"normal": "normal", "正常": "normal", "Normal": "normal", "change": "change", "换表": "change",
                        "Meter change": "change", "rollover": "rollover", "翻转": "rollover", "满度归零": "rollover",
                        "Rollover": "rollover"},
               help=N_("Empty or 正常; 换表 for a meter change; 翻转 for a rollover.")),
    ColumnSpec("start_value", ("起始读数", "新表起码", "start value"), kind="decimal", label=N_("Start value"),
               min_value=0, help=N_("A meter change or rollover: the new meter's start value.")),
    ColumnSpec("old_final", ("旧表止码", "old meter's last reading"), kind="decimal",
               label=N_("Old meter's last reading"), min_value=0),
    ColumnSpec("note", ("备注", "note"), label=N_("Note"), max_length=500),
]


@dataclass
class ReadingPlan:
    result: ReadResult | None
    good: list[dict] = field(default_factory=list)  # entries for ``service.save_readings``, in order
    file_broken: bool = False

    @property
    def ok(self) -> bool:
        return self.result is not None and self.result.ok

    def report_lines(self) -> list[str]:
        if self.result is None:
            return []
        lines = []
        if self.result.missing_columns:
            lines.append(tr("Missing columns: {names}").format(
                names=join_list(self.result.header_of(k) for k in self.result.missing_columns)))
        errors = self.result.errors
        bad_rows = len(self.result.invalid_rows())
        lines.append(tr("{n} rows read: {good} good, {bad} with problems.").format(
            n=len(self.result.rows), good=len(self.good), bad=bad_rows))
        lines += [str(e) for e in errors]
        return lines


def plan_readings(path, progress=None, cancel=None) -> ReadingPlan:
    """Read and check every row (nothing written)."""
    result = read_table(path, READING_COLUMNS, progress=progress, cancel=cancel)
    plan = ReadingPlan(result)
    if result.file_errors or result.missing_columns:
        plan.file_broken = True
        return plan
    rows: list[tuple[RowData, Meter]] = []
    for row in result.rows:
        if not row.ok:
            continue
        meter = us.find_meter(row.get("meter") or "")
        if meter is None:
            result.add_error(row, "meter", tr("No meter has this name or number."))
            continue
        if meter.kind not in METERED_KINDS:
            result.add_error(row, "meter", tr("This is an account without a meter: it has bills, not readings."))
            continue
        rows.append((row, meter))
    # each meter's rows in date order, each checked against the one before (in the file or in the program)
    rows.sort(key=lambda rm: (rm[1].id, rm[0].get("read_on") or _dt.date.min, rm[0].row))
    latest: dict[int, Any] = {}
    for row, meter in rows:
        values = {"read_on": row.get("read_on"), "value": row.get("value"), "kind": row.get("kind") or "normal",
                  "start_value": row.values.get("start_value"), "old_final": row.values.get("old_final"),
                  "note": row.get("note") or ""}
        previous = latest.get(meter.id, us.last_reading(meter))
        try:
            clean = us._clean_reading(meter, values, previous)
        except ValidationError as exc:
            for key, message in exc.errors.items():
                result.add_error(row, key if key in row.raw else None, message)
            continue
        latest[meter.id] = Reading(meter=meter, **clean)
        plan.good.append({"meter": meter, **values})
    return plan


def apply_readings(plan: ReadingPlan, only_valid: bool = False) -> int:
    """Write the good rows (all rows must be good unless ``only_valid``), in one transaction."""
    if plan.file_broken or (not plan.ok and not only_valid):
        raise UserError(tr("Nothing was imported: some rows have problems."))
    if not plan.good:
        return 0
    return len(us.save_readings(None, plan.good))


def import_readings(path, only_valid: bool = False) -> tuple[ReadingPlan, int]:
    plan = plan_readings(path)
    if plan.file_broken or (not plan.ok and not only_valid):
        return plan, 0
    return plan, apply_readings(plan, only_valid)


# --- export ----------------------------------------------------------------------------------------------------

def _register_rows(year: int | None) -> tuple[list[dict], list[dict], list[dict]]:
    """The meters and accounts, the readings (of ``year``, else all) and the bills, as sheet rows."""
    meters = us.meters(include_inactive=True)
    meter_rows = [{"name": m.name, "kind": us.kind_label(m.kind), "number": m.number or "",
                   "building": m.building.name if m.building_id else "",
                   "department": m.department.name if m.department_id else "",
                   "main": m.parent.name if m.parent_id else "", "multiplier": m.multiplier,
                   "unit": us.unit_label(m.kind), "active": m.active, "note": m.note or ""} for m in meters]
    start = _dt.date(year, 1, 1) if year else None
    end = _dt.date(year, 12, 31) if year else None
    reading_rows = [{"meter": r.meter.name, "read_on": r.read_on, "value": r.value,
                     "kind": us.reading_kind_label(r.kind), "start_value": r.start_value, "old_final": r.old_final,
                     "consumption": r.consumption, "unit": us.unit_label(r.meter.kind),
                     "voided": r.voided, "void_reason": r.void_reason or "", "note": r.note or ""}
                    for r in us.readings(start=start, end=end, include_voided=True)]
    bill_rows = [{**b, "metered": b["metered"], "difference": b["difference"]}
                 for b in us.bills(year=year, include_voided=True)]
    return meter_rows, reading_rows, bill_rows


def _figure_rows(year: int | None) -> list[dict]:
    """Each month's use and cost per kind (year on year, month on month, per student and m²)."""
    if year:
        months = us.year_months(year)
    else:
        first = Reading.select(Reading.read_on).order_by(Reading.read_on).first()
        from_year = first.read_on.year if first else _dt.date.today().year
        months = [m for y in range(from_year, _dt.date.today().year + 1) for m in us.year_months(y)]
    figure_rows = []
    for r in us.month_figures(months):
        for kind in KINDS:
            k = r["kinds"][kind]
            if k["use"] is None and k["cost"] is None:
                continue
            figure_rows.append({"month": r["month"], "kind": us.kind_label(kind), "use": k["use"],
                                "unit": us.unit_label(kind), "yoy": us.percent_text(k["yoy"]) if k["yoy"] is not None
                                else "", "mom": us.percent_text(k["mom"]) if k["mom"] is not None else "",
                                "cost": k["cost"], "per_student": k["per_student"], "per_m2": k["per_m2"]})
    return figure_rows


def _utility_sheets(meter_rows, reading_rows, bill_rows, figure_rows, flag_rows) -> list[SheetData]:
    """The workbook's five sheets and their columns."""
    sheets = [
        SheetData(tr("Meters and accounts"), [
            WriteColumn("name", tr("Name")), WriteColumn("kind", tr("Kind")), WriteColumn("number", tr("Number")),
            WriteColumn("building", tr("Building")), WriteColumn("department", tr("Department")),
            WriteColumn("main", tr("Main meter")), WriteColumn("multiplier", tr("Multiplier"), "decimal"),
            WriteColumn("unit", tr("Unit")), WriteColumn("active", tr("In use"), "bool"),
            WriteColumn("note", tr("Note"))], meter_rows),
        SheetData(tr("Readings"), [
            WriteColumn("meter", tr("Meter")), WriteColumn("read_on", tr("Read on"), "date"),
            WriteColumn("value", tr("Reading"), "decimal"), WriteColumn("kind", tr("Reading kind")),
            WriteColumn("start_value", tr("Start value"), "decimal"),
            WriteColumn("old_final", tr("Old meter's last reading"), "decimal"),
            WriteColumn("consumption", tr("Consumption"), "decimal"), WriteColumn("unit", tr("Unit")),
            WriteColumn("voided", tr("Voided"), "bool"), WriteColumn("void_reason", tr("Reason voided")),
            WriteColumn("note", tr("Note"))], reading_rows),
        SheetData(tr("Bills"), [
            WriteColumn("account", tr("Account")), WriteColumn("kind_label", tr("Kind")),
            WriteColumn("month", tr("Month")), WriteColumn("amount", tr("Amount"), "money"),
            WriteColumn("quantity", tr("Quantity billed"), "decimal"),
            WriteColumn("unit_price", tr("Unit price"), "decimal"), WriteColumn("metered", tr("Metered"), "decimal"),
            WriteColumn("difference", tr("Billed − metered"), "decimal"), WriteColumn("unit", tr("Unit")),
            WriteColumn("paid_on", tr("Paid on"), "date"), WriteColumn("invoice", tr("Invoice No.")),
            WriteColumn("voided", tr("Voided"), "bool"), WriteColumn("void_reason", tr("Reason voided"))],
            bill_rows),
        SheetData(tr("Monthly figures"), [
            WriteColumn("month", tr("Month")), WriteColumn("kind", tr("Kind")),
            WriteColumn("use", tr("Use"), "decimal"), WriteColumn("unit", tr("Unit")),
            WriteColumn("yoy", tr("Year on year")), WriteColumn("mom", tr("Month on month")),
            WriteColumn("cost", tr("Cost (yuan)"), "money"), WriteColumn("per_student", tr("Per student"), "decimal"),
            WriteColumn("per_m2", tr("per m²"), "decimal")], figure_rows),
        SheetData(tr("Flags"), [
            WriteColumn("month", tr("Month")), WriteColumn("kind_label", tr("Flag")), WriteColumn("name", tr("Meter")),
            WriteColumn("text", tr("Finding"), width=80), WriteColumn("status_label", tr("Action")),
            WriteColumn("ticket_number", tr("Repair ticket")), WriteColumn("note", tr("Note"))], flag_rows),
    ]
    return sheets


def export_utilities(path, year: int | None = None, progress=None, cancel=None) -> int:
    """Meters and accounts, readings, bills, monthly figures and flags: one sheet each."""
    meter_rows, reading_rows, bill_rows = _register_rows(year)
    sheets = _utility_sheets(meter_rows, reading_rows, bill_rows, _figure_rows(year), us.flags(year=year))
    return write_workbook(path, sheets, progress, cancel)


__all__ = [
    "FLAG_KINDS",
    "READING_COLUMNS",
    "READING_KINDS",
    "ReadingPlan",
    "apply_readings",
    "export_utilities",
    "import_readings",
    "plan_readings",
]
