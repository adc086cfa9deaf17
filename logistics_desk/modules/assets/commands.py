"""The asset register's command-line verbs (no Qt).

``import assets FILE [--dry-run] [--skip-invalid]`` and ``export assets FILE``
(with filters). Print commands for forms and labels are added to ``PRINTS`` by
the forms module.
"""

from __future__ import annotations

import datetime as _dt
import sys

from ...core.errors import UserError, ValidationError
from ...core.i18n import N_, join_clauses, ntr, tr
from .. import CliCommand
from .models import STATUSES

PRINTS: list[CliCommand] = []  # filled at the end of this file (print inventory, labels, asset-card, slips)


class InvalidRows(UserError):
    """Rows are bad and were not skipped: the report is the message (exit status 2)."""


def _print(text: str) -> None:
    try:
        print(text)
    except UnicodeEncodeError:
        sys.stdout.buffer.write((text + "\n").encode("utf-8", "replace"))


def _import_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help=".xlsx, .xls or .csv (UTF-8 or GBK)")
    parser.add_argument("--dry-run", action="store_true", help="check every row and print the report; write nothing")
    parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows, leave out the bad ones")
    parser.add_argument("--include-duplicates", action="store_true",
                        help="also import rows identical to registered assets (left out by default)")
    parser.add_argument("--map", action="append", default=[], metavar="FILE_HEADER=COLUMN",
                        help="read the file's column FILE_HEADER as COLUMN, e.g. --map 购置时间=购置日期 (repeatable)")
    parser.add_argument("--map-category", action="append", default=[], metavar="THEIRS=OURS",
                        help="import the file's category THEIRS as the school's category OURS, "
                             "e.g. --map-category Laptops=计算机设备 (repeatable)")


def _run_import(args) -> str:
    from . import excel

    mapping = {}
    for item in args.map:
        header, sep, column = item.partition("=")
        key = excel.column_key(column) if sep and header.strip() else None
        if key is None:
            raise UserError(tr("Cannot use --map {item}: write it as the file's header = a column of the register, "
                               "e.g. --map 购置时间=购置日期.").format(item=item))
        mapping[header.strip()] = key
    categories = {}
    for item in args.map_category:
        theirs, sep, ours = item.partition("=")
        if not (sep and theirs.strip() and ours.strip()):
            raise UserError(tr("Cannot use --map-category {item}: write it as the file's category = one of the "
                               "school's categories, e.g. --map-category Laptops=计算机设备.").format(item=item))
        categories[theirs.strip()] = ours.strip()
    plan = excel.plan_import(args.file, mapping=mapping or None, category_map=categories or None)
    lines = plan.report_lines()
    if plan.file_broken or (not plan.ok and not args.skip_invalid):
        if not plan.file_broken:
            lines.append(tr("Nothing was imported. Correct the rows above, or use --skip-invalid to import "
                            "only the valid rows."))
        raise InvalidRows("\n".join(lines))
    if args.dry_run:
        n = plan.valid_count if args.include_duplicates else plan.valid_count - len(plan.duplicates)
        lines.append(ntr(N_("Dry run: nothing was written. 1 row would be imported."),
                         N_("Dry run: nothing was written. {n} rows would be imported."), n))
        return "\n".join(lines)
    for line in lines:
        _print(line)
    plan.forget_good_cells()  # reported and checked: only plan.rows is needed to write
    outcome = excel.apply(plan, only_valid=args.skip_invalid, include_duplicates=args.include_duplicates)
    return outcome.summary().split("\n")[0]


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(tr("Not a date: {text}. Write it like 2026-09-01.").format(text=text)) from None


def _export_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .xlsx file to write")
    parser.add_argument("--search", metavar="TEXT",
                        help="only assets matching the text (number, name, place, person...)")
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
    return ntr(N_("1 asset written to {path}."), N_("{n} assets written to {path}."), count).format(path=args.file)


def _template_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .xlsx file to write")


def _run_template(args) -> str:
    from . import excel

    excel.write_template(args.file)
    return tr("Import template written: {path}").format(path=args.file)


IMPORTS = [
    CliCommand("assets", "import an asset register (.xlsx, .xls, .csv in UTF-8 or GBK)",
               _import_arguments, _run_import),
]
EXPORTS = [
    CliCommand("assets", "export the asset register to .xlsx (all, or filtered)", _export_arguments, _run_export),
    CliCommand("assets-template", "write the asset import template (.xlsx)", _template_arguments, _run_template),
]


# --- print FORM ... -o FILE.pdf (the forms are in forms.py) ------------------------------

def _inventory_arguments(parser) -> None:
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument("--place", metavar="PLACE", help='one room (e.g. "教学楼 301"); a building prints all its rooms')
    scope.add_argument("--building", metavar="BUILDING", help="every room of the building, each on its own pages")
    scope.add_argument("--department", metavar="NAME", help="one department or class")
    scope.add_argument("--custodian", metavar="NAME", help="one custodian")
    parser.add_argument("--per-custodian", action="store_true",
                        help="one sheet per custodian of the assets there, listing everything the person "
                             "holds wherever it stands, each with that person's signature line")


def _run_inventory(args) -> bytes:
    from . import forms

    for kind in forms.SCOPES:
        value = getattr(args, kind, None)
        if value:
            forms.resolve_scope(kind, value)  # unknown names: a clear message (exit status 2)
            return forms.render_inventory(forms.inventory_data(**{kind: value},
                                                               per_custodian=bool(args.per_custodian)))
    raise UserError(tr("Choose one place, building, department or custodian for the inventory sheet."))


def _labels_arguments(parser) -> None:
    parser.add_argument("--template", choices=["3x8", "4x10", "2x7", "custom"],
                        help="label sheet (default: the settings; custom: the grid saved in the settings)")
    parser.add_argument("--code", choices=["qr", "code128"], help="code on the label (default: the settings)")
    parser.add_argument("--skip", type=int, default=0, metavar="N",
                        help="leave the first N labels blank (a used sheet)")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--numbers", metavar="A..B", help="asset numbers from A to B (inclusive)")
    which.add_argument("--place", metavar="PLACE", help="a room, or a building with all its rooms")
    which.add_argument("--since", metavar="DATE", help="everything registered on or after the date")
    which.add_argument("--ids", metavar="NUMBER", nargs="+", help="these asset numbers")


def _run_labels(args) -> bytes:
    from ...core.printing import label_sheet
    from . import forms

    if args.skip < 0:
        raise UserError(tr("The start position cannot be negative."))
    try:  # a --skip beyond the sheet is refused before anything is looked up, never wrapped round
        label_sheet(args.template).check_skip(args.skip)
    except ValidationError as exc:
        raise UserError(join_clauses(exc.errors.values())) from None
    if args.numbers:
        items = forms.label_items(numbers=forms.parse_number_range(args.numbers))
    elif args.place:
        items = forms.label_items(place=forms.resolve_scope("place", args.place))
    elif args.since:
        items = forms.label_items(since=_date(args.since))
    else:
        ids = []
        for number in args.ids:
            asset = _asset(number)
            ids.append(asset.id)
        items = forms.label_items(ids=ids)
    if not items:
        raise UserError(tr("No assets to print labels for."))
    try:
        return forms.render_asset_labels(items, template=args.template, code=args.code, skip=args.skip)
    except ValidationError as exc:
        raise UserError(join_clauses(exc.errors.values())) from None


def _asset(number: str):
    from . import service

    asset = service.find_by_number(number)
    if asset is None:
        raise UserError(tr("No asset with the number {number}.").format(number=number))
    return asset


def _card_arguments(parser) -> None:
    parser.add_argument("--number", metavar="NUMBER", nargs="+", required=True, help="asset number(s)")
    parser.add_argument("--per-page", type=int, choices=[1, 2], default=1, help="cards per A4 sheet")


def _run_card(args) -> bytes:
    from . import forms

    cards = [forms.card_data(_asset(n).id) for n in args.number]
    return forms.render_cards(cards, per_page=args.per_page)


def _doc_arguments(parser) -> None:
    parser.add_argument("--doc", metavar="DOC_NO", required=True, help="the document number (e.g. DB-2026-0001)")


def _slip_runner(kind: str):
    def run(args) -> bytes:
        from . import forms

        data, render = forms.SLIPS[kind]
        return render(data(args.doc))

    return run


def _writeoff_arguments(parser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--number", metavar="NUMBER", help="the asset to be written off (a request to sign)")
    which.add_argument("--doc", metavar="DOC_NO", help="a recorded write-off (e.g. BF-2026-0001)")


def _run_writeoff(args) -> bytes:
    from . import forms

    if args.doc:
        return forms.render_writeoff_request(forms.writeoff_request_data(doc=args.doc))
    return forms.render_writeoff_request(forms.writeoff_request_data(asset=_asset(args.number)))


PRINTS.extend([
    CliCommand("inventory", "asset inventory sheet (资产清单) of a place, building, department or custodian",
               _inventory_arguments, _run_inventory),
    CliCommand("labels", "asset labels on A4 label sheets", _labels_arguments, _run_labels),
    CliCommand("asset-card", "fixed asset card (固定资产卡片)", _card_arguments, _run_card),
    CliCommand("transfer-slip", "asset transfer slip (调拨单)", _doc_arguments, _slip_runner("transfer")),
    CliCommand("loan-slip", "asset loan slip (借用单)", _doc_arguments, _slip_runner("loan")),
    CliCommand("damage-notice", "damage and compensation notice (损坏赔偿通知)", _doc_arguments,
               _slip_runner("damage")),
    CliCommand("writeoff-request", "write-off request (报废申请表) for an asset or a recorded write-off",
               _writeoff_arguments, _run_writeoff),
])
