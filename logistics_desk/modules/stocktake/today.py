"""The stock-take on Today (no Qt): a count in progress, with how far it has got.

Uses ``current`` from the models (the service's own) and counts as ``models.progress`` does, in one
query: the service brings the printing code with it, too slow to import while the window starts.
"""

from __future__ import annotations

import datetime as _dt

from peewee import fn

from ...core.i18n import tr
from ...core.today import TodayItem
from .models import StockTakeLine, current

KEY = "stocktake"


def items(today: _dt.date) -> list[TodayItem]:
    st = current()
    if st is None:
        return []
    # models.progress (counted, expected) in one query instead of two
    total, counted = (StockTakeLine.select(fn.COUNT(StockTakeLine.id), fn.COUNT(StockTakeLine.counted_qty))
                      .where(StockTakeLine.stocktake == st.id).tuples().get())
    pct = int(counted * 100 / total) if total else 0
    return [TodayItem(KEY, "today", total - counted, tr(
        "Stock-take {doc} {title} in progress: {counted} of {total} counted ({pct}%)").format(
        doc=st.doc_no, title=st.title, counted=counted, total=total, pct=pct), {"id": st.id})]
