"""采购申请 — purchase requests from request to acceptance, budgets and the supply store."""

from ...core.i18n import N_
from .. import ModuleSpec


def _models():
    from .models import MODELS

    return MODELS


def _demo(ctx):
    from .demo import populate

    populate(ctx)


MODULE = ModuleSpec(
    key="purchases",
    title=N_("Purchases"),
    view="logistics_desk.modules.purchases.view:PurchasesTab",
    commands="logistics_desk.modules.purchases.commands",
    demo=_demo,
    models=_models,
    today="logistics_desk.modules.purchases.today:items",
    settings_page="logistics_desk.modules.purchases.settings_page:PurchasesSettingsPage",
    depends=["assets"],
)
