"""Lists in the register's messages follow the interface's language (brief J): "a, b" in English,
甲、乙 in Chinese, and a cut list still ends with "…"."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk.core import clock, i18n
from logistics_desk.core.errors import RuleError
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets import today as assets_today


def _lend_four_due_today(make_asset):
    day = clock.today()
    assets = make_asset(copies=4)
    for a, who in zip(assets, ("王芳", "赵强", "李娜", "张伟"), strict=True):
        service.lend(a, borrower_name=who, due_on=day, lent_on=day - dt.timedelta(days=1))
    return assets


def _due_line() -> str:
    (line,) = [i for i in assets_today.items(clock.today()) if i.severity == "today"]
    return line.text


def test_today_line_lists_loans_with_english_commas(make_asset):
    _lend_four_due_today(make_asset)
    text = _due_line()
    assert text.startswith("Loans due back today: 4 (")
    assert "台式计算机 (王芳), 台式计算机 (赵强), 台式计算机 (李娜)…)" in text
    assert "、" not in text


def test_today_line_lists_loans_with_chinese_marks(make_asset):
    _lend_four_due_today(make_asset)
    i18n.set_language("zh_CN")
    text = _due_line()
    assert "台式计算机 (王芳)、台式计算机 (赵强)、台式计算机 (李娜)…" in text
    assert ", " not in text


@pytest.mark.parametrize("language, sep", [("en", ", "), ("zh_CN", "、")])
def test_void_refusal_lists_the_numbers_in_the_interfaces_language(make_asset, language, sep):
    a, b, c = make_asset(copies=3)
    service.lend(a, borrower_name="王芳", due_on=clock.today(), lent_on=clock.today())
    service.lend(b, borrower_name="李娜", due_on=clock.today(), lent_on=clock.today())
    i18n.set_language(language)
    with pytest.raises(RuleError) as exc:
        service.void_registrations([a.id, b.id, c.id], reason="录错了")
    assert f"{a.number}{sep}{b.number}" in exc.value.message
    assert c.number not in exc.value.message
