"""The purchases tab's command-line verbs (no Qt).

``print purchase-request --request N``, ``print quote-comparison --request N``,
``print acceptance --request N``, ``print public-notice --request N``,
``print issue-slip --issue N``, ``print store-count --month 2026-11`` and
``export purchases FILE.xlsx``. ``N`` is the number (CG-2026-0001) or the id.
"""

from __future__ import annotations

from ...core.i18n import join_list, tr
from .. import CliCommand


def _request_arg(parser) -> None:
    parser.add_argument("--request", required=True, metavar="N", help="request number (CG-2026-0001) or id")


def _printer(data_fn, form_fn):
    def run(args):
        from . import documents, forms

        return getattr(forms, form_fn)(getattr(documents, data_fn)(args.request))

    return run


def _issue_args(parser) -> None:
    parser.add_argument("--issue", required=True, metavar="N", help="issue slip number (LY-2026-0001) or id")


def _run_issue(args):
    from . import documents, forms

    return forms.issue_slip(documents.issue_data(args.issue))


def _month_args(parser) -> None:
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help="the month counted, e.g. 2026-11")


def _run_count(args):
    from . import documents, forms, service

    service.month_range(args.month)
    return forms.store_count_sheet(documents.count_data(args.month))


def _export_args(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .xlsx file to write")
    parser.add_argument("--status", metavar="STATUS", help="only requests in this state (draft, approved, ...)")
    parser.add_argument("--year", type=int, metavar="YEAR", help="only requests of this year")


def _run_export(args) -> str:
    from ...core.errors import UserError
    from . import excel
    from .models import STATUSES

    filters = {}
    if args.status:
        if args.status not in STATUSES and args.status != "open":
            raise UserError(tr("Unknown state {state}; use one of: {states}.").format(
                state=args.status, states=join_list(STATUSES)))
        filters["status"] = args.status
    if args.year:
        filters["year"] = args.year
    n = excel.export(args.file, filters)
    return tr("{n} rows written to {path}.").format(n=n, path=args.file)


PRINTS = [
    CliCommand("purchase-request", "purchase request form (请购单) with its signature lines", _request_arg,
               _printer("request_data", "request_form")),
    CliCommand("quote-comparison", "quote comparison sheet (比价单)", _request_arg,
               _printer("quote_data", "quote_comparison")),
    CliCommand("acceptance", "acceptance form (验收单)", _request_arg, _printer("acceptance_data", "acceptance_form")),
    CliCommand("public-notice", "public notice of a large purchase (采购公示)", _request_arg,
               _printer("notice_data", "public_notice")),
    CliCommand("issue-slip", "supply store issue slip (领用单)", _issue_args, _run_issue),
    CliCommand("store-count", "monthly store count sheet (月度盘点表)", _month_args, _run_count),
]
EXPORTS = [CliCommand("purchases", "purchase requests, lines and the supply store", _export_args, _run_export)]
IMPORTS: list[CliCommand] = []
