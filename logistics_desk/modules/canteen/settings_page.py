"""The canteen's page of the settings window: meals served, retention, weights, fridges."""

from __future__ import annotations

import datetime as _dt

from ...core.i18n import N_
from ...core.ui.settings_form import SettingField, SettingsFormPage
from . import service  # noqa: F401 - registers the defaults these fields show
from .models import MEALS

WEEKDAYS = {0: N_("Mon"), 1: N_("Tue"), 2: N_("Wed"), 3: N_("Thu"), 4: N_("Fri"), 5: N_("Sat"), 6: N_("Sun")}


class CanteenSettingsPage(SettingsFormPage):
    title = N_("Food samples")
    FIELDS = [
        SettingField("canteen.meals", N_("Meals the canteen serves"), kind="multi", choices=MEALS, not_empty=True),
        SettingField("canteen.service_weekdays", N_("Days the canteen serves"), kind="multi", choices=WEEKDAYS,
                     not_empty=True),
        SettingField("canteen.retention_hours", N_("Keep each sample for at least"), minimum=48, maximum=240,
                     suffix=N_("hours"), help=N_("The rule is at least 48 hours.")),
        SettingField("canteen.min_weight_g", N_("Minimum sample weight"), minimum=125, maximum=1000,
                     suffix=N_("g"), help=N_("The rule is at least 125 g; many schools keep more.")),
        SettingField("canteen.default_weight_g", N_("Weight proposed when a sample is taken"), minimum=125,
                     maximum=1000, suffix=N_("g"),
                     help=N_("Proposed, not recorded: each weight is typed or confirmed when the sample is taken.")),
        SettingField("canteen.fridge_min", N_("Sample fridge: lowest allowed temperature"), kind="float",
                     minimum=-30, maximum=20, suffix=N_("°C")),
        SettingField("canteen.fridge_max", N_("Sample fridge: highest allowed temperature"), kind="float",
                     minimum=-30, maximum=20, suffix=N_("°C")),
        SettingField("canteen.readings_per_day", N_("Fridge readings needed per day"), minimum=1, maximum=12),
        SettingField("canteen.late_entry_hours", N_("A record entered later than this after sampling is late"),
                     minimum=1, maximum=72, suffix=N_("hours")),
    ]
    ORDERED = [("canteen.fridge_min", "canteen.fridge_max",
                N_("The highest temperature must not be below the lowest.")),
               ("canteen.min_weight_g", "canteen.default_weight_g",
                N_("The default weight must be at least the minimum weight."))]

    # the day the daily check begins (c4): empty, the first record decides; until then nothing is checked
    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

        from ...core.i18n import tr
        from ...core.ui.widgets import DateBox

        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.start_check = QCheckBox(tr("From"))
        self.start_date = DateBox()
        row.addWidget(self.start_check)
        row.addWidget(self.start_date)
        row.addStretch(1)
        box.addLayout(row)
        hint = QLabel(tr("Unticked: the check begins with the canteen's first record (sample, morning check, "
                         "disinfection, delivery or fridge reading). Before that day nothing is checked."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        box.addWidget(hint)
        self.start_check.toggled.connect(self.start_date.setEnabled)
        self.layout().itemAt(0).layout().insertRow(0, tr("Check the canteen ledgers"), holder)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        if not hasattr(self, "start_check"):
            return  # still being built
        from ...core import clock, settings

        value = settings.get("canteen.start_date")
        try:
            day = _dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            day = None
        self.start_check.setChecked(day is not None)
        self.start_date.set_date(day or clock.today())
        self.start_date.setEnabled(day is not None)

    def values(self) -> dict:
        out = super().values()
        if hasattr(self, "start_check"):
            out["canteen.start_date"] = self.start_date.value().isoformat() if self.start_check.isChecked() else None
        return out
