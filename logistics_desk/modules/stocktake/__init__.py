"""期末盘点 — the end-of-term stock-take."""

from ...core.i18n import N_
from .. import ModuleSpec


def _models():
    from .models import MODELS

    return MODELS


def _demo(ctx):
    from .demo import populate

    populate(ctx)


MODULE = ModuleSpec(
    key="stocktake",
    title=N_("Stock-take"),
    view="logistics_desk.modules.stocktake.view:StockTakeTab",
    commands="logistics_desk.modules.stocktake.commands",
    demo=_demo,
    models=_models,
    today="logistics_desk.modules.stocktake.today:items",
    depends=["assets"],
    optional=["repairs"],
)
