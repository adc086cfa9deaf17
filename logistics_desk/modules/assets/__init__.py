"""资产台账 — the asset register."""

from ...core.i18n import N_
from .. import ModuleSpec


def _models():
    from .models import MODELS

    return MODELS


def _demo(ctx):
    from .demo import populate

    populate(ctx)


MODULE = ModuleSpec(
    key="assets",
    title=N_("Asset register"),
    view="logistics_desk.modules.assets.view:AssetsTab",
    commands="logistics_desk.modules.assets.commands",
    demo=_demo,
    models=_models,
    today="logistics_desk.modules.assets.today:items",
    find="logistics_desk.modules.assets.today:find_number",
)
