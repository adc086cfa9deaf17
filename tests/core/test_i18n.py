"""Every string a person reads has a Simplified Chinese translation, per part of the program.

One test per part (core and each module), so each part fails on its own with the list
of its untranslated strings. Fix: ``python tools/i18n.py --missing --part <part>``,
then ``python tools/i18n.py --add file.json``.
"""

from __future__ import annotations

import importlib.util
import string

import pytest

from logistics_desk.core import i18n
from logistics_desk.core.paths import ROOT_DIR


def _load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT_DIR / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _load_tool()
PARTS = TOOL.extract()


def _fields(text: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


@pytest.mark.parametrize("part", sorted(PARTS))
def test_every_string_has_a_chinese_translation(part):
    strings = PARTS[part]
    translations = TOOL.read_ts(TOOL.ts_path(part))
    missing = [s for s in strings if not translations.get(s)]
    assert not missing, (
        f"{len(missing)} string(s) of part '{part}' have no zh_CN translation "
        f"(run: python tools/i18n.py --missing --part {part}):\n" + "\n".join(repr(s) for s in missing[:40]))


@pytest.mark.parametrize("part", sorted(PARTS))
def test_translations_keep_the_placeholders(part):
    """``tr(s).format(...)`` must not fail in Chinese: the same {names} as the English."""
    translations = TOOL.read_ts(TOOL.ts_path(part))
    wrong = []
    for source in PARTS[part]:
        translated = translations.get(source)
        if translated and _fields(source) != _fields(translated):
            wrong.append(f"{source!r} -> {translated!r}")
    assert not wrong, f"part '{part}': placeholders differ:\n" + "\n".join(wrong)


def test_chinese_catalog_is_used_without_qt():
    i18n.set_language("zh_CN")
    assert i18n.tr("Settings and master data") == "设置与基础数据"
    assert i18n.tr("Reactivated: {name}").format(name="教学楼") == "已重新启用：教学楼"
    i18n.set_language("en")
    assert i18n.tr("Settings and master data") == "Settings and master data"
