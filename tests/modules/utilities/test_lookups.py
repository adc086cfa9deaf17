"""The number reading the utilities window uses while a reading is typed (issue 16: no private names)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from logistics_desk.modules.utilities import service as us


def test_parse_number_reads_like_the_save():
    assert us.parse_number("") is None and us.parse_number(None) is None and us.parse_number("  ") is None
    assert us.parse_number("12,345.6") == Decimal("12345.6")
    assert us.parse_number("１２３") == Decimal("123")
    for bad in ("abc", "NaN", "1e30"):
        with pytest.raises(ValueError):
            us.parse_number(bad)
