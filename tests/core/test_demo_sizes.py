"""A demo of any size works (``python main.py demo --assets N``): small demos over several sizes and seeds.

The demo's steps share one random stream, so a size or a seed changes everything after it: these are the
sizes and seeds that broke it. ``demo.populate(60, seed=2026)`` stopped in the stock-take demo ("asset
2025-YQ-00001 is on loan: take it back first": a lent batch line counted short); with 60 assets and seed 3
only four rooms hold three assets (it took a fifth); with 3 assets and seed 1 the purchases demo had a request
over its budget signed by the first of two levels before the second turned it down. The steps that do not
depend on the register (canteen, utilities) run in the other demo tests; the clock is fixed, as the demo's
dates (terms, loans due) follow the day it runs.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from logistics_desk.core import clock, demo

DAY = _dt.datetime(2026, 12, 1, 15, 0)  # the day the demo first failed


def _run(monkeypatch, n_assets: int, seed: int, modules: list[str]) -> None:
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", modules)
    clock.freeze(DAY)
    demo.populate(n_assets, seed=seed, steps=registry.demo_steps())


def _no_lent_asset_counted_short() -> None:
    from logistics_desk.modules.assets.models import Asset, AssetLoan

    open_loans = {a for (a,) in AssetLoan.select(AssetLoan.asset).where(AssetLoan.returned_on.is_null()).tuples()}
    short = {a for (a,) in Asset.select(Asset.id).where(Asset.status.in_(("shortage", "disposed"))).tuples()}
    assert not open_loans & short  # an asset out on loan is not missing, nor written off


@pytest.mark.parametrize(("n_assets", "seed"), [(0, 1), (1, 2), (3, 3), (60, 3), (60, 2026)])
def test_the_register_steps_of_a_demo_of_any_size(database, monkeypatch, n_assets, seed):
    """The steps that depend on the register: assets, their stock-takes and repairs."""
    from logistics_desk.modules.assets.models import Asset
    from logistics_desk.modules.stocktake.models import StockTake

    _run(monkeypatch, n_assets, seed, ["assets", "stocktake", "repairs"])
    assert Asset.select().count() >= n_assets  # and the parts split off batch lines, the stock-take's surplus
    if n_assets >= 60:
        assert StockTake.select().count() == 2
    _no_lent_asset_counted_short()


def test_the_purchases_demo_never_signs_past_a_budget(database, monkeypatch):
    from logistics_desk.modules.purchases.models import PurchaseApproval, PurchaseRequest

    _run(monkeypatch, 3, 1, ["assets", "stocktake", "purchases"])
    turned_down = PurchaseRequest.select().where(PurchaseRequest.status == "rejected")
    assert turned_down.exists()
    for req in turned_down:  # turned down once, by the last to sign (or the first, when over budget)
        decisions = [a.decision for a in PurchaseApproval.select().where(PurchaseApproval.request == req)]
        assert decisions[-1] == "rejected" and decisions.count("rejected") == 1


@pytest.mark.sqlite_only  # (a whole process on a file; slow on a server)
def test_a_demo_of_12000_assets_completes_and_checks(tmp_path):
    """``demo --assets 12000`` stopped in the purchases demo: a request planned within its budget line found,
    at submission, the line's other requests had taken more ("over budget by 8,000.00"). The demo now does
    what the clerk does: told it is over budget, confirms, and the first signer turns it down."""
    import subprocess
    import sys

    env = {**__import__("os").environ, "LOGISTICS_DESK_DATA": str(tmp_path / "data")}
    path = tmp_path / "d.db"
    made = subprocess.run([sys.executable, "main.py", "--db", str(path), "--lang", "en", "demo", "--assets", "12000"],
                          capture_output=True, text=True, timeout=600, env=env,
                          cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    checked = subprocess.run([sys.executable, "main.py", "--db", str(path), "--lang", "en", "check"],
                             capture_output=True, text=True, timeout=600, env=env,
                             cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    assert checked.returncode == 0, checked.stdout[-2000:]
