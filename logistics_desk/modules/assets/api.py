"""The asset register's public face: what other modules may call (no Qt).

Another module imports this file only — never ``assets.service`` or ``assets.models`` —
and only if its ``ModuleSpec`` declares ``"assets"`` in ``depends``. Each function is the
asset service's own, so every change lands in the asset's history and the change record,
in the caller's transaction when there is one.

Models other modules' models point at (ForeignKeys) and query are re-exported here too.
"""

from __future__ import annotations

from .models import ACTIVE_STATUSES, Asset, AssetDamage, AssetDisposal, AssetEvent
from .service import (
    NUMBER_RE,
    add_event,
    display_value,
    find_by_number,
    get_asset,
    history,
    months_depreciated,
    register,
    report_damage,
    set_status,
    split_off,
    to_decimal,
    transfer,
    transfer_many,
    write_off,
    write_off_many,
)

__all__ = [  # models; reading; writing (each one transaction with its change-record entries, nested in the caller's)
    "ACTIVE_STATUSES", "NUMBER_RE", "Asset", "AssetDamage", "AssetDisposal", "AssetEvent", "add_event",
    "display_value", "find_by_number", "get_asset", "history", "months_depreciated", "register", "report_damage",
    "set_status", "split_off", "to_decimal", "transfer", "transfer_many", "write_off", "write_off_many",
]
