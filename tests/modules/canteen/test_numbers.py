"""Temperatures and weights are read by core.money: NaN and Infinity are messages, not tracebacks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from logistics_desk.core import clock
from logistics_desk.core.errors import ValidationError

from .conftest import at


@pytest.mark.parametrize("bad", ["NaN", "Infinity", float("nan")])
def test_a_fridge_range_of_nan_is_a_message(canteen, bad):
    with pytest.raises(ValidationError) as e:
        canteen.service.save_fridge({"name": "留样冰箱 2", "min_temp": bad, "max_temp": "8"})
    assert e.value.errors == {"min_temp": "Enter a temperature in °C, e.g. 4.5."}


def test_temperatures_as_people_write_them(canteen):
    fridge = canteen.service.save_fridge({"name": "留样冰箱 3", "min_temp": "-2℃", "max_temp": "８°C"})
    assert (fridge.min_temp, fridge.max_temp) == (Decimal("-2.0"), Decimal("8.0"))


@pytest.mark.parametrize("bad", ["Infinity", "NaN", "很多"])
def test_a_sample_weight_of_infinity_is_a_message(canteen, bad):
    s, day = canteen.service, canteen.day
    line = s.add_dish(day, "breakfast", "小米粥")
    clock.freeze(at(day, 8, 0))
    with pytest.raises(ValidationError) as e:
        s.record_sample(line, {"weight_g": bad, "taken_at": at(day, 7, 10)})
    assert set(e.value.errors) == {"weight_g"}
    assert s.record_sample(line, {"weight_g": "１６０克", "taken_at": at(day, 7, 10)}).weight_g == 160
