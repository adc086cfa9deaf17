"""The utilities on the command line (no Qt).

    python main.py print utilities-report --year 2026 -o report.pdf
    python main.py print utilities-report --month 2026-11 -o report.pdf
    python main.py export utilities FILE.xlsx [--year 2026]
    python main.py import readings FILE.xlsx [--dry-run] [--skip-invalid]
"""

from __future__ import annotations

from ...core.errors import UserError, ValidationError
from ...core.i18n import tr
from .. import CliCommand


class InvalidRows(UserError):
    """Rows are bad and were not skipped: the report is the message (exit status 2)."""


def _report_args(p) -> None:
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--year", type=int, metavar="YYYY", help="the year, e.g. 2026")
    g.add_argument("--month", metavar="YYYY-MM", help="the month, e.g. 2026-11")


def _report_run(args) -> bytes:
    from . import forms

    if args.month:
        try:
            data = forms.report_data(month=args.month)
        except ValidationError:
            raise UserError(tr("--month: give the month as YYYY-MM, e.g. 2026-11.")) from None
    else:
        if not 2000 <= args.year <= 2100:
            raise UserError(tr("--year: give a year such as 2026."))
        data = forms.report_data(year=args.year)
    return forms.utilities_report(data)


def _export_args(p) -> None:
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--year", type=int, metavar="YYYY", help="only this year (default: everything)")


def _export_run(args) -> str:
    from . import excel

    n = excel.export_utilities(args.file, year=args.year)
    return tr("{n} rows exported to {path}.").format(n=n, path=args.file)


def _import_args(p) -> None:
    p.add_argument("file", metavar="FILE", help=".xlsx, .xls or .csv: meter, date, reading (kind, start value, note)")
    p.add_argument("--dry-run", action="store_true", help="check every row and print the report; write nothing")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows, leave out the bad ones")


def _import_run(args) -> str:
    from . import excel

    plan = excel.plan_readings(args.file)
    lines = plan.report_lines()
    if plan.file_broken or (not plan.ok and not args.skip_invalid):
        if not plan.file_broken:
            lines.append(tr("Nothing was imported. Correct the rows above, or use --skip-invalid to import "
                            "only the valid rows."))
        raise InvalidRows("\n".join(lines))
    if args.dry_run:
        lines.append(tr("Dry run: nothing was written. {n} rows would be imported.").format(n=len(plan.good)))
        return "\n".join(lines)
    n = excel.apply_readings(plan, only_valid=args.skip_invalid)
    lines.append(tr("{n} readings imported.").format(n=n))
    return "\n".join(lines)


PRINTS = [
    CliCommand("utilities-report", "the utilities report for a year or a month, with a chart against last year",
               _report_args, _report_run),
]
EXPORTS = [
    CliCommand("utilities", "meters, readings, bills, monthly figures and flags to .xlsx", _export_args, _export_run),
]
IMPORTS = [
    CliCommand("readings", "import meter readings (.xlsx, .xls, .csv)", _import_args, _import_run),
]
