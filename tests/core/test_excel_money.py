"""An import reads money and quantities with core.money, the parser of every form (issue 16, point 3):
what a form accepts a file accepts, with the same value; what a form refuses a file refuses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from logistics_desk.core import money
from logistics_desk.core.errors import UserError
from logistics_desk.core.excel import ColumnSpec, parse_value, read_table

D = Decimal
MONEY = ColumnSpec("m", ["金额"], kind="money")
COUNT = ColumnSpec("q", ["数量"], kind="int")
WEIGHT = ColumnSpec("w", ["重量"], kind="decimal", units=("克", "g"))

SPELLINGS = ["3500元", "￥3,500.00", "¥3500", "RMB 3500", "人民币3500元", "3500元整", "3500块", "1.2万元", "３５００",
             "１,２００", "3,500.", "3500.", ".5", "12.3400", "-20", "+20", " 180 ", "NaN", "nan", "inf", "Infinity",
             "-Infinity", "1e3", "1E3", "-1e3", "0x10", "4,2000", "3,50", "三千", "35$", "3500美元", "¥", "3 500",
             "1万5", "99999999999999999", "1000000000000", "999999999999.99", 3500, 3500.5, 12.345, float("nan"),
             float("inf"), D("NaN"), D("sNaN"), D("1E+3"), D("1000000000000"), True, dt.date(2026, 9, 1)]


def _import(value, spec):
    try:
        return parse_value(value, spec)
    except UserError:
        return "refused"


def _form(parse, value, **kwargs):
    try:
        return parse(value, **kwargs)
    except money.NumberError:
        return "refused"


@pytest.mark.parametrize("value", SPELLINGS, ids=repr)
def test_an_amount_reads_the_same_in_an_import_as_in_a_form(value):
    # any sign: a money column's min_value says what it allows (the asset register's say 0 or more)
    assert _import(value, MONEY) == _form(money.parse_money, value, negative=True)


@pytest.mark.parametrize("value", ["3500.005", "12.345", "0.001"])
def test_a_typed_amount_beyond_the_fen_stays_an_error_in_a_file(value):
    """The one rule an import adds: in a file, 12.345 is more likely a typo than an amount (a form rounds)."""
    with pytest.raises(UserError, match="More than two decimal places"):
        parse_value(value, MONEY)
    assert parse_value(12.345, MONEY) == D("12.35")  # a computed cell is rounded, as a form rounds


@pytest.mark.parametrize("value", ["12", "１２", "12 ", "1,200", "12.0", "12.", "12台", "50 套", "+3", "-3", "12.5",
                                   "12kg", "12台半", "十二", "NaN", "1e3", "inf", "1 2", "9999999999999", 12.0, 12.5,
                                   float("nan"), D("1E+3"), True, dt.date(2026, 9, 1)], ids=repr)
def test_a_count_reads_the_same_in_an_import_as_in_a_form(value):
    got = _import(value, COUNT)
    assert got == _form(money.parse_quantity, value, whole=True, minimum=None)
    assert got == "refused" or type(got) is int


@pytest.mark.parametrize("value", ["125", "125克", "125.5 g", "125.5G", "１２５", "NaN", "1e3", "Infinity", 125.5,
                                   float("inf")], ids=repr)
def test_a_measure_reads_as_a_form_reads_it(value):
    assert _import(value, WEIGHT) == _form(money.parse_quantity, value, minimum=None, units=("克", "g"))


@pytest.mark.parametrize("value", ["0.125千克", "125斤", "125台"])
def test_a_measure_takes_only_its_own_units_never_a_measure_word(value):
    """A form's quantity takes 台 or 斤; a column of grams does not (125斤 would be misread as 125 g)."""
    with pytest.raises(UserError, match="Not a number"):
        parse_value(value, WEIGHT)


def test_a_file_of_such_amounts_imports_as_a_form_would_take_them(tmp_path):
    path = tmp_path / "amounts.csv"
    rows = ["3500元", "￥3,500.00", "NaN", "1e3", "1.2万", "3500."]
    path.write_text("名称,金额,数量\n" + "".join(f'桌{i},"{v}",2台\n' for i, v in enumerate(rows)), encoding="utf-8")
    result = read_table(path, [ColumnSpec("name", ["名称"]), MONEY, COUNT])
    assert [r["m"] for r in result.rows] == [D("3500.00"), D("3500.00"), None, None, D("12000.00"), D("3500.00")]
    assert [r["q"] for r in result.rows] == [2] * 6
    assert [(e.row, e.value) for e in result.errors] == [(4, "NaN"), (5, "1e3")]
    assert all(e.message == "Not an amount of money." for e in result.errors)
