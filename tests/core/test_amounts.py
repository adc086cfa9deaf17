"""人民币大写 as a finance office writes it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from logistics_desk.core.printing.amounts import rmb_upper


@pytest.mark.parametrize("amount, words", [
    ("12300", "壹万贰仟叁佰元整"),
    ("0", "零元整"),
    ("0.5", "伍角整"),
    ("0.03", "叁分"),
    ("1", "壹元整"),
    ("10", "壹拾元整"),
    ("105", "壹佰零伍元整"),
    ("1005.5", "壹仟零伍元伍角整"),
    ("100.05", "壹佰元零伍分"),
    ("3100.00", "叁仟壹佰元整"),
    ("33893.00", "叁万叁仟捌佰玖拾叁元整"),
    ("100000", "壹拾万元整"),
    ("100010", "壹拾万零壹拾元整"),
    ("1000100", "壹佰万零壹佰元整"),
    ("10000000", "壹仟万元整"),
    ("100000000", "壹亿元整"),
    ("100000001", "壹亿零壹元整"),
    ("120050000.7", "壹亿贰仟零伍万元柒角整"),
    ("6007.89", "陆仟零柒元捌角玖分"),
    ("-25.5", "负贰拾伍元伍角整"),
])
def test_amounts_in_words(amount, words):
    assert rmb_upper(Decimal(amount)) == words


def test_rounds_to_the_cent_and_refuses_non_amounts():
    assert rmb_upper(1.005) == "壹元零壹分"
    with pytest.raises(ValueError):
        rmb_upper("abc")
