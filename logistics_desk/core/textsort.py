"""Natural order for names in lists (no Qt): school order for classes, numbers by value, Chinese by pinyin.

``sort_key(text)`` orders

* grades as a school counts them: 一年级 … 六年级, then 初一 (七年级) … 初三 (九年级),
  then 高一 … 高三 (a class is read as its grade: 初二(3)班 is grade 8);
* numbers by value: (1)班 < (2)班 < (12)班, room 201 < 1001 (digits, also full-width);
* other Chinese text by pinyin (张 before 赵, 教学楼 before 实验楼), then by the characters;
* Latin letters case-insensitively.

It only reads pypinyin's character dictionary (``core.pinyin.sort_spelling``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .pinyin import sort_spelling

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# 初一 … 初三, 高一 … 高三, 一年级 … 十二年级 (a grade word becomes its number in school order)
_GRADE = re.compile(r"(初|高)([一二三])(?!年)|([一二三四五六七八九]|十[一二]?)年级")
_TOKEN = re.compile(r"(\d+)")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９（）", "0123456789()")


def _grade_number(match: re.Match) -> str:
    if match.group(1):
        n = _CN_DIGITS[match.group(2)] + (6 if match.group(1) == "初" else 9)
    else:
        word = match.group(3)
        n = 10 + (_CN_DIGITS[word[1]] if len(word) == 2 else 0) if word.startswith("十") else _CN_DIGITS[word]
    return str(n)  # the grade's number: compared as a number with what follows


@lru_cache(maxsize=16384)
def sort_key(text: str | None) -> tuple:
    """A key for ``sorted``: the text's pieces, numbers as numbers and text by pinyin (see the module doc)."""
    text = (text or "").strip().translate(_FULL_WIDTH)
    text = _GRADE.sub(_grade_number, text)
    out = []
    for i, piece in enumerate(_TOKEN.split(text)):
        if not piece:
            continue
        if i % 2:  # digits
            out.append((0, int(piece), ""))
        else:
            out.append((1, 0, sort_spelling(piece), piece))
    return tuple(out), text


def natural_sorted(items, key=lambda x: x):
    """``items`` sorted by ``sort_key(key(item))``."""
    return sorted(items, key=lambda item: sort_key(key(item)))
