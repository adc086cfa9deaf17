"""维修登记 — the repair log: tickets, deadlines, acceptance, inspections and figures."""

from ...core.i18n import N_
from .. import ModuleSpec


def _models():
    from .models import MODELS

    return MODELS


def _demo(ctx):
    from .demo import populate

    populate(ctx)


MODULE = ModuleSpec(
    key="repairs",
    title=N_("Repair log"),
    view="logistics_desk.modules.repairs.view:RepairsTab",
    commands="logistics_desk.modules.repairs.commands",
    demo=_demo,
    settings_page="logistics_desk.modules.repairs.settings_page:RepairsSettingsPage",
    models=_models,
    today="logistics_desk.modules.repairs.today:items",
    badge="logistics_desk.modules.repairs.today:badge",
    depends=["assets"],
)
