"""Search keys: characters, full pinyin and initials; polyphonic characters by either reading."""

from __future__ import annotations

from logistics_desk.core import pinyin


def test_a_name_is_found_by_characters_full_pinyin_initials_and_prefixes():
    key = pinyin.search_key("张伟")
    assert key.split() == ["张伟", "zhangwei", "zw"]
    for typed in ("张", "张伟", "zw", "zhang", "zhangw", "zhangwei", "ZW", "Zhang Wei"):
        assert pinyin.matches(key, typed.replace(" ", "")) or pinyin.matches(key, typed), typed
    assert not pinyin.matches(key, "wz")
    assert pinyin.matches(pinyin.search_key("空调"), "kt")


def test_polyphonic_characters_match_either_reading():
    # 重庆: the phrase's reading (chongqing) and the other everyday reading of 重 (zhongqing)
    key = pinyin.search_key("重庆")
    for typed in ("chongqing", "cq", "zhongqing", "zq"):
        assert pinyin.matches(key, typed), typed
    # 行政楼: xing (the phrase) and hang (银行)
    key = pinyin.search_key("行政楼")
    for typed in ("xingzhenglou", "xzl", "hangzhenglou", "hzl"):
        assert pinyin.matches(key, typed), typed
    assert key.split()[1] == "xingzhenglou"  # the phrase reading comes first
    assert pinyin.search_key("银行").split()[1] == "yinhang"
    assert pinyin.matches(pinyin.search_key("曾小红"), "zxh") and pinyin.matches(pinyin.search_key("曾小红"), "cxh")


def test_rare_dictionary_readings_do_not_make_false_matches():
    assert not pinyin.matches(pinyin.search_key("丁娟雪"), "zjx")  # 丁 zheng
    assert not pinyin.matches(pinyin.search_key("格力"), "ll")  # 格 luo
    assert not pinyin.matches(pinyin.search_key("一体机"), "ybj")  # 体 ben


def test_the_number_of_spellings_is_bounded():
    text = "重行长乐调还传朝藏角校便都和差降重行长乐调还传"
    key = pinyin.search_key(text)
    assert len(key.split()) <= 1 + 2 * pinyin.MAX_READINGS
    assert len(key) < 1000


def test_latin_letters_digits_and_punctuation():
    assert pinyin.search_key("KFR-35GW") == "kfr-35gw"
    key = pinyin.search_key("初二(3)班")
    assert pinyin.matches(key, "初二(3)") and pinyin.matches(key, "ce3b") and pinyin.matches(key, "chuer3")
    key = pinyin.search_key("教学楼 · 201")
    assert pinyin.matches(key, "jxl201") and pinyin.matches(key, "教学楼 201")
    assert pinyin.search_key("绿色").split()[1] == "lvse"  # ü typed as v
    assert pinyin.search_key("") == "" and pinyin.search_key(None) == ""


def test_several_fields_in_one_text_and_like_patterns():
    text = pinyin.search_text("2019-JJ-00001", "空调", None, "格力")
    assert "2019-jj-00001" in text and " kt" in text and "geli" in text
    assert pinyin.like_pattern("50%_x") == "%50\\%\\_x%"


def test_sort_spelling_reads_only_the_character_dictionary():
    assert pinyin.sort_spelling("张伟") == "zhang wei "
    assert pinyin.sort_spelling("ABC") == "abc"
