"""食品留样 — canteen food-sample retention: dishes and samples, labels, disposal,
fridge temperatures and the daily compliance check."""

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
    title=N_("Food samples"),
    view="logistics_desk.modules.canteen.view:CanteenTab",
    commands="logistics_desk.modules.canteen.commands",
    demo=_demo,
    settings_page="logistics_desk.modules.canteen.settings_page:CanteenSettingsPage",
    models=_models,
    today="logistics_desk.modules.canteen.today:items",
    badge="logistics_desk.modules.canteen.today:badge",
    optional=["repairs"],
)
