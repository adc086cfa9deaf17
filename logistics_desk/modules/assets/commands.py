"""The asset register's command-line verbs (no Qt).

``import assets FILE [--dry-run] [--skip-invalid]`` and ``export assets FILE``
(with filters). Print commands for forms and labels are added to ``PRINTS`` by
the forms module.
"""

from __future__ import annotations

import datetime as _dt
import sys

from ...core.errors import UserError
from ...core.i18n import tr
from .. import CliCommand
from .models import STATUSES

PRINTS: list[CliCommand] = []


class InvalidRows(UserError):
    """Rows are bad and were not skipped: the report is the message (exit status 2)."""


def _print(text: str) -> None:
    try:
        print(text)
    except UnicodeEncodeError:
        sys.stdout.buffer.write((text + "\n").encode("utf-8", "replace"))


def _import_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help=".xlsx or .csv (UTF-8 or GBK)")
    parser.add_argument("--dry-run", action="store_true", help="check every row and print the report; write nothing")
    parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows, leave out the bad ones")


def _run_import(args) -> str:
    from . import excel

    plan = excel.plan_import(args.file)
    lines = plan.report_lines()
    if plan.file_broken or (not plan.ok and not args.skip_invalid):
        if not plan.file_broken:
            lines.append(tr("Nothing was imported. Correct the rows above, or use --skip-invalid to import "
                            "only the valid rows."))
        raise InvalidRows("\n".join(lines))
    if args.dry_run:
        lines.append(tr("Dry run: nothing was written. {n} rows would be imported.").format(n=plan.valid_count))
        return "\n".join(lines)
    for line in lines:
        _print(line)
    outcome = excel.apply(plan, only_valid=args.skip_invalid)
    return outcome.summary().split("\n")[0]


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(tr("Not a date: {text}. Write it like 2026-09-01.").format(text=text)) from None


def _export_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .xlsx file to write")
    parser.add_argument("--search", metavar="TEXT", help="only assets matching the text (number, name, place, person...)")
    parser.add_argument("--status", choices=sorted(list(STATUSES) + ["active", "overdue"]), help="only this status")
    parser.add_argument("--place", metavar="PLACE", help="only this place (a building includes its rooms)")
    parser.add_argument("--department", metavar="NAME", help="only this department or class")
    parser.add_argument("--category", metavar="CATEGORY", help="only this category (name or code; with sub-categories)")
    parser.add_argument("--custodian", metavar="NAME", help="only this custodian")
    parser.add_argument("--acquired-from", metavar="DATE", help="acquired on or after (2026-09-01)")
    parser.add_argument("--acquired-to", metavar="DATE", help="acquired on or before")


def filters_from_args(args) -> dict:
    from ...core import masterdata

    filters: dict = {}
    if getattr(args, "search", None):
        filters["text"] = args.search
    if getattr(args, "status", None):
        filters["status"] = args.status
    if getattr(args, "place", None):
        place = masterdata.find_place(args.place)
        if place is None:
            raise UserError(tr("Unknown place: {name}").format(name=args.place))
        filters["place"] = place.id
    if getattr(args, "department", None):
        dept = masterdata.find_department(args.department)
        if dept is None:
            raise UserError(tr("Unknown department or class: {name}").format(name=args.department))
        filters["department"] = dept.id
    if getattr(args, "category", None):
        cat = masterdata.find_category(args.category)
        if cat is None:
            raise UserError(tr("Unknown category: {name}").format(name=args.category))
        filters["category"] = cat.id
    if getattr(args, "custodian", None):
        person = masterdata.find_person(args.custodian)
        if person is None:
            raise UserError(tr("Unknown person: {name}").format(name=args.custodian))
        filters["custodian"] = person.id
    if getattr(args, "acquired_from", None):
        filters["acquired_from"] = _date(args.acquired_from)
    if getattr(args, "acquired_to", None):
        filters["acquired_to"] = _date(args.acquired_to)
    return filters


def _run_export(args) -> str:
    from . import excel

    if not str(args.file).lower().endswith(".xlsx"):
        raise UserError(tr("Export writes an .xlsx file: give a name ending in .xlsx."))
    count = excel.export(args.file, filters_from_args(args))
    return tr("{n} assets written to {path}.").format(n=count, path=args.file)


def _template_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .xlsx file to write")


def _run_template(args) -> str:
    from . import excel

    excel.write_template(args.file)
    return tr("Import template written: {path}").format(path=args.file)


IMPORTS = [CliCommand("assets", "import an asset register (.xlsx, .csv in UTF-8 or GBK)", _import_arguments, _run_import)]
EXPORTS = [
    CliCommand("assets", "export the asset register to .xlsx (all, or filtered)", _export_arguments, _run_export),
    CliCommand("assets-template", "write the asset import template (.xlsx)", _template_arguments, _run_template),
]
