"""The stock-take on Today (no Qt): a count in progress, with how far it has got.

Uses ``current`` and ``progress`` from the models (the service's own): the service brings the printing
code with it, too slow to import while the window starts.
"""

from __future__ import annotations

import datetime as _dt

from ...core.i18n import tr
from ...core.today import TodayItem
from .models import current, progress

KEY = "stocktake"


def items(today: _dt.date) -> list[TodayItem]:
    st = current()
    if st is None:
        return []
    counted, total = progress(st.id)
    pct = int(counted * 100 / total) if total else 0
    return [TodayItem(KEY, "today", total - counted, tr(
        "Stock-take {doc} {title} in progress: {counted} of {total} counted ({pct}%)").format(
        doc=st.doc_no, title=st.title, counted=counted, total=total, pct=pct), {"id": st.id})]
