"""Search keys for Chinese text: characters, full pinyin and initials (no Qt).

``search_key("张伟")`` gives ``"张伟 zhangwei zw"``: the text lower-cased, then for
each reading the full pinyin without tones and the initials, separated by
spaces. A word typed into a filter matches when it is a substring of the key
(``LIKE '%word%'`` in SQL, ``in`` in Python: see ``matches``), so ``zw``,
``zhang``, ``zhangwei`` and ``张`` all find 张伟. Search words never contain
spaces, so a word cannot match across two parts of a key.

Polyphonic characters match every reading: 重庆 gives ``chongqing cq`` (the
reading of the phrase, always first) and ``zhongqing zq`` (each character's other
readings), bounded to each character's ``COMMON_READINGS`` everyday readings (a table drawn
from pypinyin's phrase dictionary; its per-character dictionary also lists rare
ones: 体 ben, 式 te) and to ``MAX_READINGS`` spellings, so a long name cannot blow
up the key.
Letters and digits stay as they are (lower-cased); ü is written ``v`` (绿 ``lv``),
as pinyin input methods type it.

pypinyin (and its dictionaries, about half a second to load) is imported on
the first key computed, never when a filter runs: stored keys are compared by
SQL, and a pick list computes its keys on the first letter typed.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

MAX_READINGS = 4  # spellings per text: the phrase's reading + other readings of polyphonic characters
COMMON_READINGS = 2  # a character's readings considered besides the phrase's: its most common ones
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SPACES = re.compile(r"\s+")

_lock = threading.Lock()
_lib = None


def _pypinyin():
    global _lib
    if _lib is None:
        with _lock:
            if _lib is None:
                import pypinyin

                _lib = pypinyin
    return _lib


def has_han(text: str) -> bool:
    return bool(text) and _HAN.search(text) is not None


# Characters read in more than one way in everyday words, with those readings (most used first): the
# readings of each character across pypinyin's phrase dictionary (phrases_dict) used in at least 3
# phrases and 2% of them, then the readings of surnames (单 shan, 仇 qiu, 区 ou, …). pypinyin's
# per-character dictionary also lists rare readings (丁 zheng, 万 mo, 格 luo, 式 te) that would make
# ``dz`` or ``ll`` find unrelated names, so only these count as "the other readings".
_COMMON_POLYPHONES = (
    "乐le,yue 乘cheng,sheng 了liao,le 亲qin,qing 什shi,shen 仔zi,zai 传chuan,zhuan 便bian,pian 俩lia,liang "
    "冯feng,ping 刨bao,pao 刹cha,sha 削xue,xiao 剥bo,bao 劲jin,jing 匙chi,shi 卒zu,cu 卜bu,bo 卡ka,qia "
    "参can,shen,cen 叨dao,tao 吁xu,yu 吓xia,he 否fou,pi 吭hang,keng 呢ni,ne 呱gua,gu 和he,huo 咳ke,hai 咽yan,ye "
    "喳zha,cha 嗒da,ta 嚼jiao,jue 圈quan,juan 埋mai,man 堡bao,bu,pu 塞sai,se 壳ke,qiao 奇qi,ji 宿su,xiu "
    "将jiang,qiang 屏ping,bing 属shu,zhu 差cha,chai,ci 度du,duo 弄nong,long 弹dan,tan 强qiang,jiang 恶e,wu 扎zha,za "
    "扒pa,ba 扛gang,kang 折zhe,she 抹mo,ma 拓tuo,ta 拗niu,ao 择ze,zhai 擿ti,zhai 攒cuan,zan 景jing,ying 暴bao,pu "
    "曾zeng,ceng 朝zhao,chao 朴pu,piao,po 柏bai,bo 栅shan,zha 校xiao,jiao 椎chui,zhui 槛jian,kan 模mo,mu "
    "汤tang,shang 没mei,mo 泊bo,po 澄cheng,deng 爪zhao,zhua 牟mu,mou 率lv,shuai 畜chu,xu 的de,di 盛sheng,cheng "
    "省sheng,xing 着zhe,zhuo,zhao 磅pang,bang 称cheng,chen 粘nian,zhan 系xi,ji 纤xian,qian 纶lun,guan 给ji,gei "
    "绿lv,lu 缪miu,mou 耙pa,ba 脉mai,mo 臭chou,xiu 色se,shai 艾ai,yi 著zhu,zhuo 蔓man,wan 薄bo,bao 藉jie,ji "
    "藏cang,zang 蛤ha,ge 血xue,xie 行xing,hang 被bei,pi 裳chang,shang 见jian,xian 觉jue,jiao 角jiao,jue 解jie,xie "
    "诘jie,ji 谁shui,shei 调diao,tiao 贾gu,jia 辟pi,bi 还huan,hai 迫po,pai 遗yi,wei 都du,dou 重zhong,chong 钥yao,yue "
    "铛cheng,dang 长chang,zhang 阿a,e 陆lu,liu 降jiang,xiang 雀que,qiao 露lu,lou 靓liang,jing 颤chan,zhan "
) + (
    "单dan,shan 仇chou,qiu 区qu,ou 查cha,zha 覃tan,qin 尉wei,yu 翟zhai,di 秘mi,bi 盖gai,ge 员yuan,yun "
    "万wan,mo 种zhong,chong 召zhao,shao 那na,nuo 繁fan,po 华hua 任ren 句ju,gou 宁ning 燕yan 纪ji"
)


@lru_cache(maxsize=1)
def _polyphones() -> dict[str, tuple[str, ...]]:
    out = {}
    for item in _COMMON_POLYPHONES.split():
        out[item[0]] = tuple(item[1:].split(","))
    return out


def _char_readings(ch: str) -> tuple[str, ...]:
    """The everyday readings of a polyphonic character (empty for the others)."""
    return _polyphones().get(ch, ())


@lru_cache(maxsize=8192)
def _single(ch: str) -> tuple[str, ...]:
    lib = _pypinyin()
    return tuple(r.lower() for r in lib.lazy_pinyin(ch, style=lib.Style.NORMAL, errors="ignore", v_to_u=False)
                 if r.isascii())


def _segments(text: str) -> list[tuple[str, list[str]]]:
    """The text split into (piece, readings): a Chinese character with its readings, the phrase reading first;
    anything else as itself with no readings."""
    lib = _pypinyin()
    chars = list(text)
    # the reading of the phrase (pypinyin segments the text into words it knows)
    phrase = lib.lazy_pinyin(text, style=lib.Style.NORMAL, errors=lambda s: [None] * len(s), v_to_u=False)
    out: list[tuple[str, list[str]]] = []
    if len(phrase) != len(chars):  # not one reading per character: fall back to the characters' readings
        phrase = [None] * len(chars)
    for ch, first in zip(chars, phrase, strict=True):
        if not _HAN.match(ch):
            out.append((ch, []))
            continue
        readings = list(_char_readings(ch)[:COMMON_READINGS])
        if not readings and not first:  # a character the phrase reading missed: pypinyin's first reading
            readings = list(_single(ch))
        if first and first.isascii():
            first = first.lower()
            if first in readings:
                readings.remove(first)
            readings.insert(0, first)
        out.append((ch, readings or [ch]))
    return out


def _spellings(segments: list[tuple[str, list[str]]]) -> list[list[str]]:
    """Readings chosen per character: the first of each (the phrase reading), then the other readings of
    polyphonic characters, left to right, while the number of spellings stays within MAX_READINGS."""
    combos: list[list[str]] = [[]]
    for piece, readings in segments:
        options = readings or [piece]
        if len(options) > 1 and len(combos) * len(options) <= MAX_READINGS:
            combos = [c + [r] for c in combos for r in options]
        else:
            combos = [c + [options[0]] for c in combos]
    return combos


@lru_cache(maxsize=65536)
def search_key(text: str | None) -> str:
    """The text lower-cased, then its full pinyin and initials for every reading (see the module's doc).

    Text without Chinese characters is just lower-cased (with runs of spaces made one)."""
    if not text:
        return ""
    base = _SPACES.sub(" ", str(text).strip().lower())
    if not has_han(base):
        return base
    parts = [base]
    # "张 伟" reads as zhangwei, "初二(3)班" as chuer3ban / ce3b: the spellings keep letters and digits only
    segments = [seg for seg in _segments(base) if seg[1] or seg[0].isalnum()]
    for combo in _spellings(segments):
        full = "".join(combo)
        initials = "".join(r[0] if seg[1] else seg[0] for r, seg in zip(combo, segments, strict=True))
        for part in (full, initials):
            if part not in parts:
                parts.append(part)
    return " ".join(parts)


def search_text(*texts: str | None) -> str:
    """One key for several fields (an asset's name, brand, model, …): each field's key, space-separated."""
    return " ".join(k for k in (search_key(t) for t in texts) if k)


def normalize_query(word: str) -> str:
    """A typed search word as it is compared with keys: lower-case, without spaces."""
    return _SPACES.sub("", (word or "").lower())


def matches(key: str, query: str) -> bool:
    """True when every space-separated word of ``query`` occurs in ``key`` (a ``search_key``)."""
    return all(normalize_query(w) in key for w in (query or "").split())


def like_pattern(word: str) -> str:
    """``%word%`` for SQL LIKE with ``\\`` as escape character (``%`` and ``_`` typed are literal)."""
    w = normalize_query(word).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{w}%"


# --- spelling for sorting: each character's most common reading, without loading all of pypinyin ---------

_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")


@lru_cache(maxsize=1)
def _first_readings() -> dict[int, str]:
    """Code point → its first reading without tone, from pypinyin's character dictionary (read as data:
    a list sorts without the half second pypinyin's phrase dictionary takes to load)."""
    import importlib.util
    import json
    import os

    try:
        spec = importlib.util.find_spec("pypinyin")
        path = os.path.join(os.path.dirname(spec.origin), "pinyin_dict.json")
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
        return {int(cp): readings.split(",", 1)[0].translate(_TONES) for cp, readings in raw.items()}
    except (OSError, ValueError, AttributeError, TypeError):  # an unusual install: ask pypinyin itself
        from pypinyin.pinyin_dict import pinyin_dict

        return {cp: readings.split(",", 1)[0].translate(_TONES) for cp, readings in pinyin_dict.items()}


@lru_cache(maxsize=16384)
def sort_spelling(text: str) -> str:
    """The text with each Chinese character replaced by its most common pinyin (a space after each),
    lower-cased: 张伟 → "zhang wei ", for ordering lists by pinyin."""
    if not has_han(text):
        return text.lower()
    table = _first_readings()
    return "".join((table.get(ord(ch), ch) + " ") if _HAN.match(ch) else ch for ch in text.lower())
