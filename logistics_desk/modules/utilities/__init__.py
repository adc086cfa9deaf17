"""水电费用 — utilities and running costs: meters and readings, bills, waste found early, figures."""

from ...core.i18n import N_
from .. import ModuleSpec


def _models():
    from .models import MODELS

    return MODELS


def _demo(ctx):
    from .demo import populate

    populate(ctx)


MODULE = ModuleSpec(
    key="utilities",
    title=N_("Utilities"),
    view="logistics_desk.modules.utilities.view:UtilitiesTab",
    commands="logistics_desk.modules.utilities.commands",
    demo=_demo,
    settings_page="logistics_desk.modules.utilities.settings_page:UtilitiesSettingsPage",
    models=_models,
    today="logistics_desk.modules.utilities.today:items",
    optional=["repairs"],
)
