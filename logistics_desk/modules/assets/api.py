"""The asset register's public face: what other modules may call (no Qt).

Another module imports this file only — never ``assets.service`` or ``assets.models`` —
and only if its ``ModuleSpec`` declares ``"assets"`` in ``depends``. Each function is the
asset service's own, so every change lands in the asset's history and the change record,
in the caller's transaction when there is one.

Models other modules' models point at (ForeignKeys) and query are re-exported here too.
"""

from __future__ import annotations

import datetime as _dt

from .models import ACTIVE_STATUSES, Asset, AssetDamage, AssetDisposal, AssetEvent, AssetLoan
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
    take_back,
    to_decimal,
    transfer,
    transfer_many,
    write_off,
    write_off_many,
)

__all__ = [  # models; reading; writing (each one transaction with its change-record entries, nested in the caller's)
    "ACTIVE_STATUSES", "NUMBER_RE", "Asset", "AssetDamage", "AssetDisposal", "AssetEvent", "add_event",
    "display_value", "find_by_number", "get_asset", "history", "months_depreciated", "register", "report_damage",
    "loans_of", "set_status", "split_off", "take_back", "to_decimal", "transfer", "transfer_many", "write_off",
    "write_off_many",
]


def loans_of(on: _dt.date | None = None, asset_ids=None) -> dict[int, dict]:
    """The loan each asset is out on, by asset id: {"id", "doc_no", "borrower", "lent_on", "due_on",
    "returned_on"}. Without ``on``: the loans not returned yet. With ``on``: the latest loan of each asset
    lent on or before that day, returned since or not (what a past count saw). Loans are few (hundreds):
    one query for all of them; ``asset_ids`` narrows it to those assets."""
    q = AssetLoan.select(AssetLoan.id, AssetLoan.asset, AssetLoan.doc_no, AssetLoan.borrower_name,
                         AssetLoan.lent_on, AssetLoan.due_on, AssetLoan.returned_on)
    q = q.where(AssetLoan.returned_on.is_null()) if on is None else q.where(AssetLoan.lent_on <= on)
    if asset_ids is not None:
        q = q.where(AssetLoan.asset.in_(list(asset_ids)))
    out: dict[int, dict] = {}
    for loan_id, asset_id, doc_no, borrower, lent_on, due_on, returned_on in q.order_by(AssetLoan.id).tuples():
        out[asset_id] = {"id": loan_id, "doc_no": doc_no, "borrower": borrower, "lent_on": lent_on,
                         "due_on": due_on, "returned_on": returned_on}
    return out
