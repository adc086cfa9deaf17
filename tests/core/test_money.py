"""One reading of money and quantities (core.money), and the services that use it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from logistics_desk.core import money
from logistics_desk.core.errors import UserError, ValidationError
from logistics_desk.core.masterdata import Category
from logistics_desk.core.money import CENT, NumberError, parse_money, parse_quantity, to_decimal


@pytest.mark.parametrize("typed", [3500, 3500.0, Decimal("3500"), "3500", "3,500.00", "3500元", "3500 元",
                                   "￥3,500", "¥3500", "RMB 3500", "人民币3500元", "３５００", "３，５００．００",
                                   "0.35万", " 3500.00 "])
def test_every_way_a_clerk_writes_an_amount(typed):
    assert parse_money(typed) == Decimal("3500.00")


def test_amounts_are_rounded_to_the_fen():
    assert parse_money("12.345") == Decimal("12.35")
    assert parse_money("0.005") == Decimal("0.01")
    assert parse_money(0.1) == Decimal("0.10")
    assert parse_money(3500).as_tuple().exponent == CENT.as_tuple().exponent


@pytest.mark.parametrize("bad", ["NaN", "nan", float("nan"), Decimal("NaN"), "Infinity", float("inf"),
                                 Decimal("-Infinity"), "1e5", "abc", "3,50", "3500美元", True, object()])
def test_what_is_not_an_amount_is_refused_with_a_message(bad):
    with pytest.raises(NumberError) as err:
        parse_money(bad)
    assert isinstance(err.value, UserError)
    assert err.value.message == "Enter an amount of money, e.g. 3500.00."


def test_negative_blank_and_too_large():
    with pytest.raises(NumberError, match="0 or more"):
        parse_money("-5")
    assert parse_money("-5", negative=True) == Decimal("-5.00")
    with pytest.raises(NumberError):
        parse_money("")
    assert parse_money("  ", default=None) is None
    assert parse_money(None, default=Decimal(0)) == 0
    with pytest.raises(NumberError, match="too large"):
        parse_money("10000000000000")
    with pytest.raises(NumberError, match="too large"):
        parse_money("1000", maximum=Decimal("999.99"))
    with pytest.raises(NumberError) as err:
        parse_money("x", message="Enter the price.")
    assert err.value.message == "Enter the price."


def test_the_message_is_translated():
    from logistics_desk.core import i18n

    i18n.set_language("zh_CN")
    try:
        with pytest.raises(NumberError) as err:
            parse_money("NaN")
        assert err.value.message != "Enter an amount of money, e.g. 3500.00."
        assert "3500.00" in err.value.message
    finally:
        i18n.set_language("en")


def test_quantities():
    assert parse_quantity("3") == 3
    assert parse_quantity("3台", whole=True) == 3
    assert isinstance(parse_quantity("3台", whole=True), int)
    assert parse_quantity("１２.５") == Decimal("12.5")
    assert parse_quantity("12.5 kg", units=("kg",)) == Decimal("12.5")
    assert parse_quantity("1,200件", whole=True) == 1200
    assert parse_quantity("", default=1, whole=True) == 1
    for bad in ("NaN", float("nan"), "12.5kg", "约3台", "三"):
        with pytest.raises(NumberError):
            parse_quantity(bad)
    with pytest.raises(NumberError, match="whole number"):
        parse_quantity("2.5", whole=True)
    with pytest.raises(NumberError, match="at least 1"):
        parse_quantity("0", whole=True, minimum=1)


def test_lenient_reading_for_display():
    assert to_decimal("3500元") == Decimal("3500")
    assert to_decimal("NaN") is None
    assert to_decimal(Decimal("NaN")) is None
    assert to_decimal("") is None
    assert money.cents("1.005") == Decimal("1.01")
    assert money.cents(None) == Decimal("0.00")


# --- through the services ----------------------------------------------------------------------------

def _asset(price, **more):
    from logistics_desk.modules.assets import service

    values = {"name": "台式计算机", "category": Category.get(Category.code == "JSJ").id, "quantity": 1,
              "unit_price": price, "acquired_on": dt.date(2025, 9, 1), "unit": "台"}
    values.update(more)
    return service.register(values)[0]


def test_assets_accept_3500_yuan_as_purchases_do(database):
    asset = _asset("3500元")
    assert asset.unit_price == Decimal("3500.00") and asset.amount == Decimal("3500.00")
    assert _asset("￥3,500", quantity="2台").amount == Decimal("7000.00")


@pytest.mark.parametrize("bad", ["NaN", float("nan"), Decimal("NaN"), "Infinity"])
def test_nan_as_an_asset_price_is_a_clear_message_not_invalid_operation(database, bad):
    from logistics_desk.modules.assets.models import Asset

    with pytest.raises(ValidationError) as err:
        _asset(bad)
    assert err.value.errors == {"unit_price": "Enter an amount of money of 0 or more, e.g. 3500.00."}
    assert Asset.select().count() == 0


def test_an_asset_price_too_large_for_the_column(database):
    with pytest.raises(ValidationError) as err:
        _asset("100000000000")
    assert err.value.errors == {"unit_price": "The amount is too large."}


def test_utility_readings_refuse_nan(database):
    from logistics_desk.modules.utilities import service as us

    assert us._decimal("３，５００") == Decimal("3500")
    assert us._decimal("") is None
    for bad in ("NaN", float("nan"), "inf"):
        with pytest.raises(ValueError):
            us._decimal(bad)


def test_cent_is_defined_once():
    from logistics_desk.modules.assets import service as assets
    from logistics_desk.modules.utilities import service as utilities

    assert assets.CENT is CENT and utilities.CENT is CENT
