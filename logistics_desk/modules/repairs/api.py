"""The repair log's public face: what other modules may call (no Qt).

The repair log is optional for the modules that use it: they declare ``"repairs"`` in
``optional``, ask ``registry.enabled("repairs")`` first, then import this file (and only
this file) where they call it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from ...core.errors import ValidationError
from .models import RepairTicket
from .service import create_ticket, find_category

FALLBACK_CATEGORY = "其他"  # the built-in catch-all, used when the category asked for is not the school's


@dataclass(frozen=True)
class OpenedTicket:
    id: int
    number: str


def open_ticket(asset: Any, place: Any, description: str, reporter: str, ref: tuple[str, int] | None = None, *,
                source: str, category: str | None = None, urgency: str = "minor",
                reported_at: _dt.datetime | None = None, reporter_person: Any = None) -> OpenedTicket:
    """Open a repair ticket (报修) from another module, in one transaction with its change record.

    ``asset``: an asset record or id, or None; ``place``: a place record or id (None: the asset's place);
    ``reporter``: the name of who reported it (``reporter_person``: that person's record or id, if known);
    ``ref``: (table, id) of the record it came from; ``source``: the module's key ("stocktake", "canteen", …);
    ``category``: a repair category's name (None: the one the asset's faults fall in, else 其他; a name the
    school no longer uses also falls back to 其他); ``urgency``: urgent | minor | major.
    Bad values raise ``ValidationError`` with the repair log's messages.
    """
    values = {"asset": asset, "place": place, "description": description, "reporter_name": reporter,
              "reporter": reporter_person, "urgency": urgency, "source": source,
              "ref_table": ref[0] if ref else None, "ref_id": ref[1] if ref else None}
    if reported_at is not None:
        values["reported_at"] = reported_at
    if category is not None:
        found = find_category(category)
        values["category"] = found if found is not None and found.active else (
            None if asset not in (None, "", 0) else FALLBACK_CATEGORY)
    try:
        ticket = create_ticket(values)
    except ValidationError as exc:
        if set(exc.errors) == {"category"}:  # the school renamed its categories: the catch-all still takes it
            ticket = create_ticket({**values, "category": FALLBACK_CATEGORY})
        else:
            raise
    return OpenedTicket(id=ticket.id, number=ticket.number)


def ticket_number(ticket_id: int) -> str | None:
    """A ticket's number (WX-2026-0001), or None if there is no such ticket."""
    return RepairTicket.select(RepairTicket.number).where(RepairTicket.id == int(ticket_id)).scalar()
