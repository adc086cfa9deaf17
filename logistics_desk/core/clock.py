"""The current time, injectable so tests never sleep."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

_now: Callable[[], _dt.datetime] | None = None


def now() -> _dt.datetime:
    value = _now() if _now is not None else _dt.datetime.now()
    return value.replace(microsecond=0)


def today() -> _dt.date:
    return now().date()


def set_clock(fn: Callable[[], _dt.datetime] | None) -> None:
    """Use ``fn`` as the clock (``None`` restores the real one)."""
    global _now
    _now = fn


def current_clock() -> Callable[[], _dt.datetime] | None:
    """The clock in use (``None``: the real one), to hand back to ``set_clock`` after moving time."""
    return _now


def month_range(month: str) -> tuple[_dt.date, _dt.date]:
    """The first and last day of ``"YYYY-MM"``; a month that is not one is a ``UserError``."""
    from .errors import UserError
    from .i18n import tr

    try:
        y, m = (int(p) for p in str(month).strip().split("-"))
        first = _dt.date(y, m, 1)
    except (TypeError, ValueError):
        raise UserError(tr("Give the month as YYYY-MM, e.g. 2026-11.")) from None
    nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
    return first, nxt - _dt.timedelta(days=1)


def freeze(moment: _dt.datetime) -> None:
    set_clock(lambda: moment)
