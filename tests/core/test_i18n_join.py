"""Lists in running text follow the interface's language (brief J): 甲、乙 / "a, b", 甲；乙 / "a; b"."""

from __future__ import annotations

import pytest

from logistics_desk.core import i18n
from logistics_desk.core.printing import text


@pytest.fixture
def chinese():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_english_lists_use_commas_and_semicolons():
    assert i18n.join_list(["Tea", "Rice", 3]) == "Tea, Rice, 3"
    assert i18n.join_clauses(["a, b", "c"]) == "a, b; c"
    assert i18n.join_phrases(["appearance normal", "4.0 °C"]) == "appearance normal, 4.0 °C"
    assert i18n.join_list(x for x in ("one",)) == "one" and i18n.join_list([]) == ""
    # sentences joined into one: the full stop before a semicolon goes, the last one stays
    assert i18n.join_clauses(["Breakfast: none recorded.", "Dinner: 2 dishes.", "Wait..."]) == (
        "Breakfast: none recorded; Dinner: 2 dishes; Wait...")
    assert i18n.join_clauses(["Done."]) == "Done." and i18n.join_clauses([]) == ""


def test_chinese_lists_use_chinese_marks(chinese):
    assert i18n.join_list(["茶叶", "大米", 3]) == "茶叶、大米、3"
    assert i18n.join_clauses(["甲，乙", "丙"]) == "甲，乙；丙"
    assert i18n.join_clauses(["早餐：没有登记。", "晚餐：均未留样。"]) == "早餐：没有登记；晚餐：均未留样。"
    assert i18n.join_phrases(["外观正常", "气味正常"]) == "外观正常，气味正常"


def test_printing_keeps_its_join_list(chinese):
    """Forms that import ``join_list`` from printing get the same helper."""
    assert text.join_list is i18n.join_list
    assert text.join_list(["盘点人", "保管人"]) == "盘点人、保管人"
    i18n.set_language("en")
    assert text.join_list(["Counted by", "Custodian"]) == "Counted by, Custodian"
