"""What the one-folder build is made from: the spec, the icons, the version information, the notices.

The build itself is made and run by .ci/run (packaging/smoke.sh); these checks need no PyInstaller.
"""

from __future__ import annotations

import ast
import importlib.util
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _version_info():
    spec = importlib.util.spec_from_file_location("version_info", PACKAGING / "version_info.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_windows_version_information_comes_from_pyproject():
    vi = _version_info()
    from logistics_desk import __version__

    assert vi.project_version() == __version__
    text = vi.version_info_text(__version__, "logistics-desk-gui.exe")
    numbers = vi.version_tuple(__version__)
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'logistics-desk-gui.exe')" in text
    ast.parse(text, mode="eval")  # PyInstaller evaluates it


def test_version_numbers_for_windows():
    vi = _version_info()
    assert vi.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert vi.version_tuple("1.2") == (1, 2, 0, 0)
    assert vi.version_tuple("2.0.1rc1") == (2, 0, 1, 0)
    assert vi.version_tuple("1.4.0.dev3") == (1, 4, 0, 0)


def test_the_spec_builds_both_programs_with_resources_migrations_barcodes_and_notices():
    text = (PACKAGING / "logistics-desk.spec").read_text(encoding="utf-8")
    ast.parse(text)
    for needed in ('executable(NAME, console=True)', 'executable(NAME + "-gui", console=False)',
                   '"logistics_desk/resources/fonts"', '"logistics_desk/resources/i18n"',
                   '"logistics_desk/core/migrations"', 'collect_submodules("reportlab.graphics.barcode")',
                   '"licenses"', '"LICENSE"', "logistics-desk.ico", "version_info.write_version_file"):
        assert needed in text, needed


def test_the_icons_exist_in_the_sizes_windows_uses():
    png = ROOT / "resources" / "icons" / "logistics-desk.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ico = (PACKAGING / "logistics-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {(ico[6 + 16 * i] or 256) for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_every_notice_is_listed_and_the_licence_is_mit():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    readme = (ROOT / "licenses" / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in (ROOT / "licenses").iterdir() if p.name != "README.md")
    assert files, "no notices"
    for name in files:
        assert f"`{name}`" in readme, f"{name} is not listed in licenses/README.md"
    for component in ("Qt for Python", "WenQuanYi Micro Hei", "ReportLab", "openpyxl", "peewee"):
        assert component in readme
    lgpl = (ROOT / "licenses" / "Qt-for-Python-LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl[:200] and "Version 3" in lgpl[:200]
