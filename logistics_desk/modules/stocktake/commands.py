"""Command-line entries of the stock-take (no Qt).

    python main.py print stocktake-sheets --stocktake ID [--place P] -o sheets.pdf
    python main.py print stocktake-report --stocktake ID -o report.pdf
    python main.py export stocktake ID FILE.xlsx
"""

from __future__ import annotations

from ...core.errors import UserError
from ...core.i18n import tr
from .. import CliCommand


def _stocktake_id(value) -> int:
    from . import service

    try:
        sid = int(str(value).strip())
    except (TypeError, ValueError):
        raise UserError(tr("“{value}” is not a stock-take number; give the id shown in the list.").format(
            value=value)) from None
    return service.get(sid).id


def _sheets_args(p):
    p.add_argument("--stocktake", required=True, metavar="ID", help="the stock-take's id")
    p.add_argument("--place", metavar="P", help="only this place (name like '教学楼 101', or a building)")


def _sheets_run(args):
    from . import forms

    return forms.sheets_pdf(_stocktake_id(args.stocktake), args.place)


def _report_args(p):
    p.add_argument("--stocktake", required=True, metavar="ID", help="the stock-take's id")


def _report_run(args):
    from . import forms

    return forms.report_pdf(_stocktake_id(args.stocktake))


def _export_args(p):
    p.add_argument("stocktake", metavar="ID", help="the stock-take's id")
    p.add_argument("file", metavar="FILE.xlsx", help="where to write the workbook")


def _export_run(args):
    from . import excel

    if not str(args.file).lower().endswith(".xlsx"):
        raise UserError(tr("The file name must end in .xlsx."))
    n = excel.export(_stocktake_id(args.stocktake), args.file)
    return tr("Written: {path} ({n} rows)").format(path=args.file, n=n)


PRINTS = [
    CliCommand("stocktake-sheets", "count sheets of a stock-take, one place per page", _sheets_args, _sheets_run),
    CliCommand("stocktake-report", "the variance report of a stock-take, with sign-off", _report_args, _report_run),
]
EXPORTS = [
    CliCommand("stocktake", "a stock-take's variance report and lines", _export_args, _export_run),
]
IMPORTS: list = []
