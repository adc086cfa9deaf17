"""The repair log's page of the settings window: the deadline promise and repeat faults."""

from __future__ import annotations

from ...core.i18n import N_
from ...core.ui.settings_form import SettingField, SettingsFormPage
from . import service  # noqa: F401 - registers the defaults these fields show


class RepairsSettingsPage(SettingsFormPage):
    title = N_("Repair log")
    FIELDS = [
        SettingField("repairs.urgent_hours", N_("Urgent / safety hazard: repaired within"), minimum=1, maximum=72,
                     suffix=N_("hours")),
        SettingField("repairs.minor_days", N_("Minor repair: by the end of the reporting day plus"), minimum=0,
                     maximum=30, suffix=N_("days"), help=N_("0 = the same day (小修不过夜).")),
        SettingField("repairs.major_days", N_("Major repair: by the end of the reporting day plus"), minimum=0,
                     maximum=60, suffix=N_("days"), help=N_("3 = within three days (大修不过三).")),
        SettingField("repairs.repeat_threshold", N_("A repeat fault is this many tickets in the period"),
                     minimum=2, maximum=50),
    ]
