"""食堂 — the canteen's ledgers: food-sample retention (dishes and samples, labels, disposal, fridge
temperatures), receiving and the food store, disinfection, morning checks, accompanied meals, and the
daily compliance check over all of them (issue 18)."""

from ...core.i18n import N_
from .. import ModuleSpec


def _models():
    from .models import MODELS

    return MODELS


def _demo(ctx):
    from .demo import populate

    populate(ctx)


MODULE = ModuleSpec(
    key="canteen",
    title=N_("Canteen"),
    view="logistics_desk.modules.canteen.view:CanteenTab",
    commands="logistics_desk.modules.canteen.commands",
    demo=_demo,
    settings_page="logistics_desk.modules.canteen.settings_page:CanteenSettingsPage",
    models=_models,
    today="logistics_desk.modules.canteen.today:items",
    badge="logistics_desk.modules.canteen.today:badge",
    optional=["repairs"],
)
