"""The module settings pages built from fields (repairs, canteen): a clerk changes
the deadline promise or the sample rules from the window; wrong values are refused
beside the field and nothing is saved."""

from __future__ import annotations

import pytest

from logistics_desk.core import settings
from logistics_desk.core.errors import ValidationError
from logistics_desk.modules.canteen.settings_page import CanteenSettingsPage
from logistics_desk.modules.repairs.settings_page import RepairsSettingsPage


@pytest.mark.parametrize("page_class", [CanteenSettingsPage, RepairsSettingsPage])
def test_every_field_is_a_registered_setting(qtbot, database, page_class):
    page = page_class()
    qtbot.addWidget(page)
    for spec in page.FIELDS:
        assert spec.key in settings.DEFAULTS, spec.key
    assert not page.has_unsaved_changes()


def test_canteen_page_saves_and_refuses(qtbot, database):
    page = CanteenSettingsPage()
    qtbot.addWidget(page)
    page.widgets["canteen.min_weight_g"].setValue(100)
    page.widgets["canteen.meals"]["snack"].setChecked(True)
    with pytest.raises(ValidationError) as caught:
        page.save()
    assert caught.value.errors == {"canteen.min_weight_g": "Enter a value from 125 to 1000."}
    assert settings.get("canteen.min_weight_g") == 125
    assert "snack" not in settings.get("canteen.meals")  # nothing half-saved

    page.widgets["canteen.min_weight_g"].setValue(200)
    with pytest.raises(ValidationError) as caught:
        page.save()  # the default weight (150) is now below the minimum
    assert "canteen.default_weight_g" in caught.value.errors

    page.widgets["canteen.default_weight_g"].setValue(200)
    page.save()
    assert settings.get("canteen.min_weight_g") == 200
    assert settings.get("canteen.meals") == ["breakfast", "lunch", "dinner", "snack"]
    assert not page.has_unsaved_changes()

    for check in page.widgets["canteen.service_weekdays"].values():
        check.setChecked(False)
    with pytest.raises(ValidationError) as caught:
        page.save()
    assert caught.value.errors["canteen.service_weekdays"] == "Choose at least one."


def test_repairs_page_changes_the_deadline(qtbot, database):
    import datetime as dt

    from logistics_desk.modules.repairs import service

    page = RepairsSettingsPage()
    qtbot.addWidget(page)
    page.widgets["repairs.major_days"].setValue(5)
    page.save()
    assert settings.get("repairs.major_days") == 5
    reported = dt.datetime(2026, 11, 2, 10, 0)
    assert service.deadline(reported, "major") == dt.datetime(2026, 11, 7, 23, 59, 59)
