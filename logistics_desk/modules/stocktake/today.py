"""The stock-take on Today (no Qt): a count in progress, with how far it has got.

Reads the models directly (the same two queries as ``service.current`` and ``service.progress``): the
service brings the printing code with it, too slow to import while the window starts.
"""

from __future__ import annotations

import datetime as _dt

from ...core.i18n import tr
from ...core.today import TodayItem
from .models import StockTake, StockTakeLine

KEY = "stocktake"


def items(today: _dt.date) -> list[TodayItem]:
    st = StockTake.select().where(StockTake.status == "open").order_by(StockTake.id.desc()).first()
    if st is None:
        return []
    lines = StockTakeLine.select().where(StockTakeLine.stocktake == st.id)
    total = lines.count()
    counted = lines.where(StockTakeLine.counted_qty.is_null(False)).count()
    pct = int(counted * 100 / total) if total else 0
    return [TodayItem(KEY, "today", total - counted, tr(
        "Stock-take {doc} {title} in progress: {counted} of {total} counted ({pct}%)").format(
        doc=st.doc_no, title=st.title, counted=counted, total=total, pct=pct), {"id": st.id})]
