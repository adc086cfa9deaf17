"""Command-line print and export commands of the canteen module (no Qt).

    print sample-labels --date 2026-11-23 [--meal 午餐] [--sheet 3x8] [--skip N] -o labels.pdf
    print sample-log --from D --to D -o log.pdf
    print fridge-log --from D --to D -o temps.pdf
    print sample-compliance --from D --to D -o report.pdf
    export samples FILE.xlsx [--from D --to D]
    print disinfection-log --from D --to D -o disinfection.pdf      (issue 18, hygiene)
    print morning-check --from D --to D -o morning.pdf
    print accompany-log --from D --to D -o accompany.pdf
    export canteen FILE.xlsx [--from D --to D]                       (every ledger, one sheet each)
"""

from __future__ import annotations

import datetime as _dt

from ...core import clock
from ...core.errors import UserError
from ...core.i18n import join_clauses, tr
from .. import CliCommand


def _date(text: str | None, default: _dt.date | None = None) -> _dt.date:
    if not text:
        if default is None:
            raise UserError(tr("Give a date (YYYY-MM-DD)."))
        return default
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(tr("“{text}” is not a date; write it as 2026-11-23.").format(text=text)) from None


def _period(args) -> tuple[_dt.date, _dt.date]:
    today = clock.today()
    start = _date(getattr(args, "date_from", None), today.replace(day=1))
    end = _date(getattr(args, "date_to", None), today)
    if end < start:
        raise UserError(tr("The end date is before the start date."))
    return start, end


def _period_args(parser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day (default: 1st of this month)")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day (default: today)")


def _labels_args(parser) -> None:
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day")
    parser.add_argument("--meal", help="only this meal (早餐/午餐/晚餐/加餐 or breakfast/lunch/dinner/snack)")
    parser.add_argument("--sheet", help="label sheet: 3x8, 4x10, 2x7 or custom (default: the setting)")
    parser.add_argument("--skip", type=int, default=0, help="labels already used on the first sheet")


def _labels(args) -> bytes:
    from . import forms, service

    day = _date(args.date)
    meal = service.parse_meal(args.meal) if args.meal else None
    rows = service.day_lines(day, meal)
    if not rows:
        raise UserError(tr("No dishes are entered for {day}{meal}.").format(
            day=day.isoformat(), meal=f" {service.meal_label(meal)}" if meal else ""))
    return forms.sample_labels(rows, sheet=args.sheet, skip=args.skip)


def _log(args) -> bytes:
    from . import forms, service

    start, end = _period(args)
    return forms.sample_log(service.log_lines(start, end), start, end,
                            retention_hours=service.retention_hours(), min_weight=service.min_weight())


def _fridge_log(args) -> bytes:
    from . import forms, service

    start, end = _period(args)
    return forms.fridge_log(service.readings(start, end), start, end, per_day=service.readings_per_day(),
                            fridges=service.fridge_summary(start, end))


def compliance_pdf(start: _dt.date, end: _dt.date, progress=None, cancel=None) -> bytes:
    from . import forms, service

    report = service.period_report(start, end)
    return forms.compliance_report(report["breaches"], start, end, summary=report["summary"],
                                   kinds=service.BREACH_KINDS, days_checked=report["days_checked"],
                                   dishes=report["dishes"], sampled=report["sampled"], fridges=report["fridges"],
                                   ledgers=report.get("ledgers"), progress=progress, cancel=cancel)


def _compliance(args) -> bytes:
    start, end = _period(args)
    return compliance_pdf(start, end)


def _export_args(parser) -> None:
    parser.add_argument("file", metavar="FILE.xlsx")
    _period_args(parser)


def _export(args) -> str:
    from . import excel, service

    start, end = _period(args)
    if not (getattr(args, "date_from", None)):
        start = service.first_day() or start
    n = excel.export_samples(args.file, start, end)
    return tr("{n} sample records written to {path}.").format(n=n, path=args.file)


# food-in (issue 18): receiving and the food store
def _receiving(args) -> bytes:
    from . import receiving

    start, end = _period(args)
    return receiving.receiving_pdf(start, end)


def _month_args(parser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", help="the month (default: this month)")


def _store(args) -> bytes:
    from . import food_store

    month = getattr(args, "month", None) or clock.today().strftime("%Y-%m")
    return food_store.store_pdf(month)


# hygiene (issue 18): disinfection, morning checks, accompanied meals; the whole canteen to Excel
def _disinfection_log(args) -> bytes:
    from . import hygiene, hygiene_forms

    start, end = _period(args)
    return hygiene_forms.disinfection_log(hygiene.disinfections(start, end), start, end)


def _morning_check(args) -> bytes:
    from . import hygiene, hygiene_forms

    start, end = _period(args)
    return hygiene_forms.morning_check_log(hygiene.morning_checks(start, end), start, end)


def _accompany_log(args) -> bytes:
    from . import hygiene, hygiene_forms

    start, end = _period(args)
    return hygiene_forms.accompany_log(hygiene.accompanies(start, end), start, end)


def _export_canteen(args) -> str:
    from . import excel, service

    start, end = _period(args)
    if not (getattr(args, "date_from", None)):
        start = service.first_day() or start
    counts = excel.export_canteen(args.file, start, end)
    return tr("Canteen ledgers written to {path}: {sheets}.").format(
        path=args.file, sheets=join_clauses(f"{k} {v}" for k, v in counts.items()))


PRINTS = [
    CliCommand("disinfection-log", "the tableware disinfection log (餐用具消毒记录) for a period", _period_args,
               _disinfection_log),
    CliCommand("morning-check", "the canteen staff morning check log (晨检记录) for a period", _period_args,
               _morning_check),
    CliCommand("accompany-log", "the accompanied meal log (陪餐记录) for a period", _period_args, _accompany_log),
    CliCommand("food-receiving", "the food receiving record (食品进货查验记录) for a period", _period_args, _receiving),
    CliCommand("canteen-store", "the food store ledger and month-end count (食品仓库) for a month", _month_args,
               _store),
    CliCommand("sample-labels", "labels for a day's (or a meal's) food samples", _labels_args, _labels),
    CliCommand("sample-log", "the food sample log (食品留样记录表) for a period", _period_args, _log),
    CliCommand("fridge-log", "the sample fridge temperature log for a period", _period_args, _fridge_log),
    CliCommand("sample-compliance", "the canteen compliance report (samples and the other ledgers) for a period",
               _period_args, _compliance),
]
EXPORTS = [
    CliCommand("samples", "food samples, fridge readings and findings to .xlsx", _export_args, _export),
    CliCommand("canteen", "every canteen ledger to .xlsx, one sheet each", _export_args, _export_canteen),
]
IMPORTS: list[CliCommand] = []
