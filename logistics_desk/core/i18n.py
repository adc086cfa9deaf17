"""Translation of every string a person reads.

Source strings in code are English. Translations live in Qt Linguist ``.ts``
files under ``resources/i18n/`` (one per part of the program, e.g.
``assets_zh_CN.ts``), from which ``.qm`` files are built for Qt.

``tr("text")`` is used everywhere, in services, forms and views alike. Without
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
import xml.etree.ElementTree as ET
from collections.abc import Callable

from .paths import I18N_DIR

CONTEXT = "LogisticsDesk"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

_language = DEFAULT_LANGUAGE
_catalog: dict[str, str] = {}
_backend: Callable[[str], str] | None = None


def N_(text: str) -> str:  # noqa: N802 - gettext convention
    """Mark text for extraction; translate it later with ``tr``."""
    return text


def load_ts_catalog(language: str) -> dict[str, str]:
    catalog: dict[str, str] = {}
    if language == "en":
        return catalog
    for path in sorted(I18N_DIR.glob(f"*_{language}.ts")):
        root = ET.parse(path).getroot()
        for message in root.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                catalog[source] = translation.text
    return catalog


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


def set_language(language: str | None) -> str:
    global _language, _catalog
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _language = language
    _catalog = load_ts_catalog(language)
    return language


def current_language() -> str:
    return _language


def set_backend(backend: Callable[[str], str] | None) -> None:
    """The Qt application installs QCoreApplication.translate here."""
    global _backend
    _backend = backend


def tr(text: str) -> str:
    if _language == "en":
        return text
    if _backend is not None:
        translated = _backend(text)
        if translated != text:
            return translated
    return _catalog.get(text, text)


def translate(context: str, text: str) -> str:  # noqa: ARG001 - one context
    return tr(text)


set_language(DEFAULT_LANGUAGE)
