"""Translation of every string a person reads.

Source strings in code are English. Translations live in Qt Linguist ``.ts``
files under ``resources/i18n/`` (one per part of the program, e.g.
``assets_zh_CN.ts``), from which ``.qm`` files are built for Qt. Both travel
inside the package (wheel and one-folder build) and are read through
``paths.resource_files`` (``importlib.resources``).

Each part (core, and each module folder) is its own translation context: ``tr``
looks at the calling module to find its part, so the same English can be
translated differently in two parts. ``tr("text")`` is used everywhere, in
services, forms and views alike. Without
Qt it reads the ``.ts`` files directly; the Qt application swaps in a backend
that asks ``QCoreApplication.translate`` (the built ``.qm`` files), so both
paths read the same translations. ``N_("text")`` marks a string for extraction
without translating it yet (module-level labels); pass it through ``tr`` when
it is shown.

Run ``python tools/i18n.py`` after adding strings: it extracts them into the
``.ts`` files, reports the ones without a translation and rebuilds ``.qm``.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Callable

from . import paths

CONTEXT = "core"  # the context of strings outside the modules
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

_language = DEFAULT_LANGUAGE
_catalogs: dict[str, dict[str, str]] = {}  # part -> source -> translation
_catalog: dict[str, str] = {}  # every part merged (core wins), for lookups without a part
_backend: Callable[[str, str], str] | None = None


def N_(text: str) -> str:
    """Mark text for extraction; translate it later with ``tr``."""
    return text


_parsed: dict[tuple, dict[str, dict[str, str]]] = {}


def load_ts_catalogs(language: str) -> dict[str, dict[str, str]]:
    """Translations per part (each ``<part>_<language>.ts`` is one context).

    Parsed once per language and set of files (the window start asked for them three times)."""
    if language == "en":
        return {}
    suffix = f"_{language}.ts"
    files = list(paths.resource_files("i18n", suffix))
    key = (language, tuple((str(p), p.stat().st_mtime_ns if hasattr(p, "stat") else 0) for p in files))
    if key not in _parsed:
        _parsed[key] = _parse_ts(files, suffix)
    return {part: dict(catalog) for part, catalog in _parsed[key].items()}


def _parse_ts(files, suffix: str) -> dict[str, dict[str, str]]:
    import xml.etree.ElementTree as ET  # the window translates through Qt's .qm: only scripts and tests parse .ts

    catalogs: dict[str, dict[str, str]] = {}
    for path in files:
        catalog = catalogs.setdefault(path.name[: -len(suffix)], {})
        with path.open("rb") as f:
            root = ET.parse(f).getroot()
        for message in root.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                catalog[source] = translation.text
    return catalogs


def load_ts_catalog(language: str) -> dict[str, str]:
    """All parts merged into one mapping; core's translation wins a clash."""
    catalogs = load_ts_catalogs(language)
    merged: dict[str, str] = {}
    for part in sorted(catalogs, key=lambda p: p == CONTEXT):
        merged.update(catalogs[part])
    return merged


def part_of_module(module_name: str) -> str:
    """``logistics_desk.modules.assets.view`` -> ``assets``; anything else -> ``core``."""
    parts = module_name.split(".")
    if len(parts) >= 3 and parts[0] == "logistics_desk" and parts[1] == "modules":
        return parts[2]
    return CONTEXT


def system_language() -> str:
    """Simplified Chinese unless the system asks for English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            break
    else:
        value = (locale.getlocale()[0] or "") if hasattr(locale, "getlocale") else ""
    value = (value or "").lower()
    if value.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


_catalogs_of: str | None = None  # the language ``_catalogs`` and ``_catalog`` were read for


def set_language(language: str | None) -> str:
    """The language of every ``tr`` from now on; its ``.ts`` files are read at the first string Qt's
    translator does not have (in the window, seldom; ~50 ms saved at its start)."""
    global _language, _catalogs_of
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _language = language
    _catalogs_of = None  # read again at the next need (parsed once per language and files: load_ts_catalogs)
    return language


def _read_catalogs() -> None:
    global _catalog, _catalogs, _catalogs_of
    if _catalogs_of != _language:
        _catalogs = load_ts_catalogs(_language)
        _catalog = load_ts_catalog(_language)
        _catalogs_of = _language


def current_language() -> str:
    return _language


def set_backend(backend: Callable[[str, str], str] | None) -> None:
    """The Qt application installs ``QCoreApplication.translate(context, text)`` here."""
    global _backend
    _backend = backend


def translate(context: str, text: str) -> str:
    """``text`` translated in ``context`` (a part: core or a module's folder name).

    The part's own translation wins; a string the part does not translate (a
    column title handed to a shared widget, say) falls back to core's, then to
    any part's.
    """
    if _language == "en" or not text:
        return text
    if _backend is not None:
        translated = _backend(context, text)
        if translated != text:
            return translated
    _read_catalogs()
    own = _catalogs.get(context)
    if own is not None and text in own:
        return own[text]
    return _catalog.get(text, text)


def tr(text: str) -> str:
    """Translate ``text`` in the context of the calling module's part."""
    if _language == "en" or not text:
        return text
    caller = sys._getframe(1).f_globals.get("__name__", "")
    return translate(part_of_module(caller), text)


def _is_chinese() -> bool:
    return _language.startswith("zh")


def join_list(items) -> str:
    """A list of names in running text: 甲、乙、丙 in Chinese, "a, b, c" in English.

    Follows ``current_language()``; each item is shown with ``str``. Use it for every list a person reads
    (messages, Today lines, printed forms); stored data, file formats and search keys keep their own
    separator."""
    return ("、" if _is_chinese() else ", ").join(str(i) for i in items)


def _clause(text: str, last: bool) -> str:
    """A clause before a semicolon loses its full stop ("recorded.; Dinner" -> "recorded; Dinner")."""
    if not last and (text.endswith("。") or (text.endswith(".") and not text.endswith(".."))):
        return text[:-1]
    return text


def join_clauses(items) -> str:
    """Clauses (whole phrases or sentences, often with their own commas) in running text: "甲；乙" in
    Chinese, "a; b" in English. Follows ``current_language()``. A full stop ending a clause before the
    separator is dropped (the last clause keeps its own)."""
    texts = [str(i) for i in items]
    return ("；" if _is_chinese() else "; ").join(_clause(t, n == len(texts) - 1) for n, t in enumerate(texts))


def join_phrases(items) -> str:
    """Short phrases of one sentence: "外观正常，气味正常" in Chinese, "a, b" in English (``join_list``
    would read 外观正常、气味正常)."""
    return ("，" if _is_chinese() else ", ").join(str(i) for i in items)


# Names the program itself wrote into a new database (the categories of GB/T 14885 that every school
# starts with, core/migrations/0001_core.py), with the English an English interface shows for them. A
# name the school changed is its own and is shown as written.
BUILTIN_NAMES = {
    "房屋和构筑物": "Buildings and structures",
    "钢结构、钢筋混凝土结构房屋": "Steel and reinforced-concrete buildings",
    "砖混、砖木结构房屋": "Brick-concrete and brick-timber buildings",
    "简易房": "Simple buildings",
    "构筑物及附属设施": "Structures and ancillary facilities",
    "土地": "Land",
    "设备": "Equipment",
    "通用设备": "General equipment",
    "专用设备": "Special-purpose equipment",
    "文物和陈列品": "Cultural relics and exhibits",
    "图书和档案": "Books and archives",
    "家具和用具": "Furniture and fixtures",
    "家具": "Furniture",
    "用具、装具": "Fixtures and fittings",
    "特种动植物": "Special animals and plants",
    "物资": "Materials",
    "无形资产": "Intangible assets",
    "计算机设备": "Computer equipment",
    "办公设备": "Office equipment",
    "车辆": "Vehicles",
    "机械设备": "Machinery",
    "电气设备": "Electrical equipment",
    "通信设备": "Communication equipment",
    "仪器仪表": "Instruments and meters",
}


def builtin_name(name, _row=None) -> str:
    """A built-in category's name in the interface's language (English for an English interface); any
    other name as it is written. Usable as a table column's formatter (``fmt``)."""
    if name is None:
        return ""
    text = str(name)
    if _language == "en":
        return BUILTIN_NAMES.get(text, text)
    return text


def ntr(one: str, many: str, n: int) -> str:
    """A count in words that agree with it: ``ntr(N_("1 asset selected"), N_("{n} assets selected"), n)``.
    Both are translated in the caller's part (Chinese has one form; English two) and ``{n}`` is filled in."""
    text = one if n == 1 else many
    if _language != "en":
        caller = sys._getframe(1).f_globals.get("__name__", "")
        text = translate(part_of_module(caller), text)
    return text.replace("{n}", str(n))


set_language(DEFAULT_LANGUAGE)
