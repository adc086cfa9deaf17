"""The repair log on the command line (no Qt).

    python main.py print repair-slip --ticket WX-2026-0001 -o slip.pdf
    python main.py print repair-report --month 2026-11 -o report.pdf
    python main.py print inspection-ledger --from 2026-11-01 --to 2026-11-30 -o ledger.pdf
    python main.py export repairs FILE.xlsx
"""

from __future__ import annotations

import datetime as _dt

from ...core import clock
from ...core.errors import UserError
from ...core.i18n import tr
from .. import CliCommand

# forms (ReportLab) and the service are imported when a command runs: the window's start builds no parser
# of commands, but `main.py --help` and every other command do, and need neither


def _date(text: str, option: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise UserError(tr("{option}: give a date as YYYY-MM-DD, e.g. 2026-11-01.").format(option=option)) from None


def _slip_args(p) -> None:
    p.add_argument("--ticket", required=True, action="append", metavar="N",
                   help="ticket number (WX-2026-0001) or id; repeat for several slips")


def _slip_run(args) -> bytes:
    from . import forms
    from . import service as rs

    data = []
    for text in args.ticket:
        ticket = rs.find_ticket(text)
        if ticket is None:
            raise UserError(tr("No repair ticket {number}.").format(number=text))
        data.append(forms.slip_data(ticket))
    return forms.repair_slips(data)


def _report_args(p) -> None:
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--month", metavar="YYYY-MM", help="the month, e.g. 2026-11")
    g.add_argument("--term", metavar="NAME", help="a term's name as in the master data")


def _report_run(args) -> bytes:
    from . import forms
    from . import service as rs

    if args.month:
        try:
            start, end = rs.month_range(args.month)
        except UserError:
            raise UserError(tr("--month: give the month as YYYY-MM, e.g. 2026-11.")) from None
        label, kind = start.strftime("%Y-%m"), "month"
    else:
        from ...core.masterdata import Term

        term = Term.get_or_none(Term.name == args.term.strip())
        if term is None:
            raise UserError(tr("No term named {name}.").format(name=args.term))
        start, end, label, kind = term.start_date, term.end_date, term.name, "term"
    return forms.repair_report(forms.report_data(start, end, label, kind))


def _ledger_args(p) -> None:
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")


def _ledger_run(args) -> bytes:
    from . import forms

    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if end < start:
        raise UserError(tr("--to must not be before --from."))
    return forms.inspection_ledger(forms.ledger_data(start, end))


def _export_args(p) -> None:
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="reported on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="reported on or before")
    p.add_argument("--ledger", action="store_true", help="export the inspection ledger instead of the tickets")


def _export_run(args) -> str:
    from . import excel

    start = _date(args.date_from, "--from") if args.date_from else None
    end = _date(args.date_to, "--to") if args.date_to else None
    if start and end and end < start:
        raise UserError(tr("--to must not be before --from."))
    if args.ledger:
        start = start or _dt.date(2000, 1, 1)
        end = end or clock.today()
        n = excel.export_ledger(args.file, start, end)
        return tr("{n} inspections exported to {path}.").format(n=n, path=args.file)
    n = excel.export_tickets(args.file, {"date_from": start, "date_to": end})
    return tr("{n} tickets exported to {path}.").format(n=n, path=args.file)


PRINTS = [
    CliCommand("repair-slip", "repair slip(s), two per A4 sheet", _slip_args, _slip_run),
    CliCommand("repair-report", "the monthly (or term) repair report with figures and a chart", _report_args,
               _report_run),
    CliCommand("inspection-ledger", "the inspection ledger (安全检修台账) for a period", _ledger_args, _ledger_run),
]
EXPORTS = [
    CliCommand("repairs", "repair tickets (or --ledger: the inspection ledger) to .xlsx", _export_args, _export_run),
]
IMPORTS: list[CliCommand] = []
