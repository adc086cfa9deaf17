"""The wheel a user installs carries the fonts, translations and icon, and the installed program uses them.

Built once per session (about 20 s: pip builds it in an isolated environment from a
copy of the repository), then installed with ``pip install --target .../site-packages``
(no dependencies: they come from the test environment) and run from another folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source") / "logistics-desk"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "data", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "tests", "benchmarks"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (found,) = out.glob("logistics_desk-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder named like a venv's site-packages."""
    site = tmp_path_factory.mktemp("venv") / "lib" / "site-packages"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                           str(wheel)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return site


def test_the_wheel_carries_fonts_translations_icon_and_notices(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "logistics_desk/resources/fonts/wqy-microhei.ttc" in names
    for fallback in ("ld-hanext-a.ttf.gz", "ld-hanext-b.ttf.gz", "LICENSE-hanazono.txt"):  # Extension A-F, ℃
        assert f"logistics_desk/resources/fonts/{fallback}" in names
    assert "logistics_desk/resources/icons/logistics-desk.png" in names
    for part in ("core", "assets", "stocktake", "purchases", "repairs", "canteen"):
        assert f"logistics_desk/resources/i18n/{part}_zh_CN.qm" in names
        assert f"logistics_desk/resources/i18n/{part}_zh_CN.ts" in names
    assert "logistics_desk/core/migrations/0001_core.py" in names
    assert {"logistics_desk/core/excel/__init__.py", "logistics_desk/core/excel/reading.py"} <= names  # a subpackage
    assert "logistics_desk/__main__.py" in names
    dist_info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    assert f"{dist_info}/licenses/LICENSE" in names
    assert f"{dist_info}/licenses/licenses/Qt-for-Python-LGPL-3.0.txt" in names
    assert not any(n.startswith(("tests/", "data/", "resources/")) for n in names)


def test_the_wheel_declares_both_programs_and_keeps_pyside6_6_12_off_python_3_11(wheel):
    from packaging.requirements import Requirement

    z = zipfile.ZipFile(wheel)
    dist_info = next(n.split("/")[0] for n in z.namelist() if n.endswith(".dist-info/METADATA"))
    entry_points = z.read(f"{dist_info}/entry_points.txt").decode()
    assert "[console_scripts]\nlogistics-desk = logistics_desk.cli:main" in entry_points
    assert "[gui_scripts]\nlogistics-desk-gui = logistics_desk.app:gui_main" in entry_points
    metadata = Parser().parsestr(z.read(f"{dist_info}/METADATA").decode())
    assert metadata["License-Expression"] == "MIT"
    requirements = [Requirement(r) for r in metadata.get_all("Requires-Dist")]
    for python, accepted, refused in (("3.11", "6.11.3", "6.12.0"), ("3.12", "6.12.0", None)):
        env = {"python_version": python, "extra": ""}
        qt = [r for r in requirements if r.name == "PySide6-Essentials" and r.marker.evaluate(env)]
        assert len(qt) == 1, python
        assert qt[0].specifier.contains(accepted)
        if refused:
            assert not qt[0].specifier.contains(refused)
        pdf = [r for r in requirements if r.name in ("PySide6-Addons", "PySide6-Pdf") and r.marker.evaluate(env)]
        assert len(pdf) == 1, f"QtPdf comes from one package on Python {python}"


def _run(installed: Path, tmp_path: Path, *args: str, **env) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LOGISTICS_DESK", "XDG_"))}
    environ.update(PYTHONPATH=str(installed), HOME=str(home), LANG="zh_CN.UTF-8", LC_ALL="C.UTF-8",
                   QT_QPA_PLATFORM="offscreen", **env)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "logistics_desk", *args], cwd=elsewhere, env=environ,
                          capture_output=True, text=True, timeout=300)


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if "__pycache__" not in p.parts}


def test_the_installed_program_works_in_chinese_and_keeps_its_data_out_of_site_packages(installed, tmp_path):
    before = _files(installed)
    done = _run(installed, tmp_path, "--version")
    assert done.stdout.strip() == "python -m logistics_desk 0.1.0", done.stderr
    done = _run(installed, tmp_path, "demo", "--assets", "20")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "演示数据已生成" in done.stdout
    done = _run(installed, tmp_path, "print", "labels", "--since", "2000-01-01", "-o", str(tmp_path / "labels.pdf"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("已写入")
    pdf = (tmp_path / "labels.pdf").read_bytes()
    assert b"/FontFile2" in pdf and b"WenQuanYiMicroHei" in pdf  # the CJK font is embedded
    done = _run(installed, tmp_path, "check")
    assert done.returncode == 0, done.stdout + done.stderr

    data = tmp_path / "home" / ".local" / "share" / "LogisticsDesk" / "Logistics Desk"
    assert (data / "logistics.db").is_file()
    assert (data / "logs" / "logistics-desk.log").is_file()
    assert _files(installed) == before, "the installed program wrote inside site-packages"


def test_the_installed_window_speaks_chinese(installed, tmp_path):
    """Qt's translators load the .qm files from inside the installed package."""
    script = (
        "from logistics_desk.app import create_application, install_translators\n"
        "from logistics_desk.core import i18n\n"
        "i18n.set_language('zh_CN')\n"
        "app = create_application()\n"
        "t = install_translators(app, 'zh_CN')\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "print(len(t), QCoreApplication.translate('core', 'Open log folder'), i18n.tr('Logistics Desk'))\n"
        "print(app.windowIcon().isNull())\n"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LOGISTICS_DESK")}
    environ.update(PYTHONPATH=str(installed), HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=environ, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    count, opened, title = done.stdout.splitlines()[0].split(" ", 2)
    assert int(count) >= 6 and opened == "打开日志文件夹" and title == "总务台账"
    assert done.stdout.splitlines()[1] == "False"  # the window icon was found
