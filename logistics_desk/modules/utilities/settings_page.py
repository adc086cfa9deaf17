"""The utilities' page of the settings window: the school's size, the buildings' floor areas, the flags' limits."""

from __future__ import annotations

from ...core import settings
from ...core.i18n import N_, tr
from ...core.masterdata import buildings
from ...core.ui.settings_form import SettingField, SettingsFormPage
from . import service as us

BASE_FIELDS = [
    SettingField("utilities.students", N_("Students (for the figures per student)"), minimum=0, maximum=100000),
    SettingField("utilities.jump_percent", N_("Flag a month above last year's or the three months before by"),
                 minimum=5, maximum=500, suffix=N_("%")),
    SettingField("utilities.rest_day_percent", N_("Flag rest-day use above this share of the usual daily use"),
                 minimum=5, maximum=200, suffix=N_("%"),
                 help=N_("Rest days: weekends, and days outside every term (set the terms in the master data).")),
    SettingField("utilities.submeter_percent", N_("Flag sub-meters further from their main meter than"),
                 minimum=1, maximum=100, suffix=N_("%")),
    SettingField("utilities.reading_day", N_("Monthly readings are due from day"), minimum=1, maximum=31),
]


class UtilitiesSettingsPage(SettingsFormPage):
    title = N_("Utilities")

    def __init__(self, parent=None):
        fields = list(BASE_FIELDS)
        for b in buildings():
            key = us.area_key(b.id)
            settings.register_defaults({key: 0})
            # translated here (with the building's name in it); the form shows a text it has no entry for as it is
            fields.append(SettingField(key, tr("Floor area of {building}").format(building=b.name),
                                       minimum=0, maximum=1000000, suffix=N_("m²")))
        self.FIELDS = fields
        super().__init__(parent)
