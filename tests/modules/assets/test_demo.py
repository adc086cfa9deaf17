"""Demo data: realistic, with histories, and the change record stays intact."""

from __future__ import annotations

from logistics_desk.core import audit, db, demo
from logistics_desk.modules.assets.models import Asset, AssetDisposal, AssetEvent, AssetLoan, AssetTransfer


def test_demo_assets_with_histories(database, monkeypatch):
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets"])
    demo.populate(n_assets=600, seed=7, steps=registry.demo_steps())
    assert Asset.select().count() == 600
    assert AssetTransfer.select().count() > 0 and AssetLoan.select().count() > 0
    assert AssetDisposal.select().count() > 0
    assert AssetEvent.select().count() >= 600
    assert Asset.select().where(Asset.quantity >= 40).exists()  # batch lines such as 50 sets of desks
    assert Asset.select().where(Asset.name == "希沃交互智能平板").exists()
    assert audit.verify_chain() == [] and db.integrity_problems() == []
    numbers = [a.number for a in Asset.select(Asset.number)]
    assert len(set(numbers)) == 600 and all(n.isascii() for n in numbers)
