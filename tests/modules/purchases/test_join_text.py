"""Lists in the store's Today line and the monthly count's check follow the interface's language (brief J):
"a, b" in English, 甲、乙 in Chinese; a cut list still ends with "…"."""

from __future__ import annotations

import pytest

from logistics_desk.core import clock, i18n
from logistics_desk.core.errors import ValidationError
from logistics_desk.modules.purchases import service
from logistics_desk.modules.purchases import today as purchases_today

from .helpers import setup_master


@pytest.fixture
def store(database):
    setup_master()
    return [service.save_item({"name": name, "unit": "支", "min_level": 10})
            for name in ("签字笔", "铅笔", "橡皮", "胶水", "订书钉", "便利贴", "回形针", "文件夹", "档案袋", "白板笔",
                         "剪刀", "胶带")]


def _low_line() -> str:
    (line,) = [i for i in purchases_today.items(clock.today()) if i.target.get("only_low")]
    return line.text


@pytest.mark.parametrize("language, sep, other", [("en", ", ", "、"), ("zh_CN", "、", ", ")])
def test_today_line_lists_items_below_their_minimum(store, language, sep, other):
    i18n.set_language(language)
    text = _low_line()
    names = [service.item_label(i) for i in service.below_minimum()[:3]]
    assert sep.join(f"{n} (0/10 支)" for n in names) + "…" in text
    assert other not in text


@pytest.mark.parametrize("language, sep, other", [("en", ", ", "、"), ("zh_CN", "、", ", ")])
def test_count_check_lists_the_items_not_counted(store, language, sep, other):
    i18n.set_language(language)
    with pytest.raises(ValidationError) as exc:
        service.record_count("2026-10", {store[0].id: 0}, counted_by="陈晓燕")
    message = exc.value.errors["counted"]
    shown = message[message.rindex(":" if language == "en" else "：") + 1:].strip(" .。")
    assert shown.endswith("…") and other not in message  # 11 not counted: the first 10, then "…"
    names = shown[:-1].split(sep)
    assert len(names) == 10 and set(names) <= {service.item_label(i) for i in store[1:]}
