"""Where the program keeps its files: resources inside the package, data in the checkout or the user's folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from logistics_desk.core import db, paths

ROOT = Path(__file__).resolve().parents[2]


def test_a_source_checkout_keeps_its_data_in_the_checkout(monkeypatch):
    monkeypatch.delenv("LOGISTICS_DESK_DB", raising=False)
    assert paths.is_installed() is False
    assert paths.data_dir() == ROOT / "data"
    assert db.resolve_path() == ROOT / "data" / "logistics.db" == paths.default_db()
    assert paths.log_dir() == ROOT / "data" / "logs"


@pytest.mark.parametrize("where", ["lib/python3.11/site-packages", "lib/python3/dist-packages", "Lib/site-packages"])
def test_installed_into_site_packages_uses_the_users_data_folder(monkeypatch, tmp_path, where):
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path / where / "logistics_desk")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("LOGISTICS_DESK_DB", raising=False)
    assert paths.is_installed() is True
    assert paths.data_dir() == paths.user_data_dir()
    assert db.resolve_path() == paths.user_data_dir() / "logistics.db"
    assert not str(db.resolve_path()).startswith(str(tmp_path / where))


def test_a_built_program_uses_the_users_data_folder(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.is_installed() is True
    assert paths.data_dir() == paths.user_data_dir()


def test_db_and_the_environment_still_choose_another_file(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("LOGISTICS_DESK_DB", str(tmp_path / "env.db"))
    assert db.resolve_path() == tmp_path / "env.db"
    assert db.resolve_path(tmp_path / "given.db") == tmp_path / "given.db"


def test_the_users_data_folder_on_each_system(tmp_path):
    home = Path("/home/clerk")
    assert paths.user_data_dir("win32", {"APPDATA": r"C:\Users\clerk\AppData\Roaming"}, home) == \
        Path(r"C:\Users\clerk\AppData\Roaming") / "LogisticsDesk" / "Logistics Desk"
    assert paths.user_data_dir("darwin", {}, home) == \
        home / "Library" / "Application Support" / "LogisticsDesk" / "Logistics Desk"
    assert paths.user_data_dir("linux", {}, home) == home / ".local" / "share" / "LogisticsDesk" / "Logistics Desk"
    assert paths.user_data_dir("linux", {"XDG_DATA_HOME": "/data/clerk"}, home) == \
        Path("/data/clerk/LogisticsDesk/Logistics Desk")
    # a relative XDG_DATA_HOME is ignored, as the XDG rules (and Qt) say
    assert paths.user_data_dir("linux", {"XDG_DATA_HOME": "relative"}, home) == \
        home / ".local" / "share" / "LogisticsDesk" / "Logistics Desk"


@pytest.mark.gui
@pytest.mark.parametrize("xdg", [None, "xdg-data"])
def test_the_data_folder_is_the_one_qt_names(qapp, monkeypatch, tmp_path, xdg):
    """QStandardPaths.AppDataLocation, for the names create_application sets, is paths.user_data_dir()."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from logistics_desk.app import create_application

    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / xdg))
    else:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    try:
        create_application()
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])
    assert Path(qt) == paths.user_data_dir(home=tmp_path)


def test_resources_are_found_and_read_through_importlib_resources():
    assert paths.resources() == ROOT / "resources"  # a checkout; the wheel test covers the installed case
    qm = [f.name for f in paths.resource_files("i18n", "_zh_CN.qm")]
    assert "core_zh_CN.qm" in qm and "assets_zh_CN.qm" in qm
    font = paths.resource_path("fonts", "wqy-microhei.ttc")
    assert font.is_file() and font.stat().st_size > 1_000_000
    assert paths.resource_files("no-such-folder", ".x") == []


def test_resources_inside_a_zip_are_extracted_to_real_files(tmp_path, monkeypatch):
    import zipfile

    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped_pkg/__init__.py", "")
        z.writestr("zipped_pkg/data/hello.txt", "你好")
    monkeypatch.syspath_prepend(str(archive))
    import importlib.resources

    resource = importlib.resources.files("zipped_pkg") / "data" / "hello.txt"
    real = paths.resource_path(resource)
    assert real.is_file() and real.read_text(encoding="utf-8") == "你好"


@pytest.mark.parametrize(("argv0", "frozen", "expected"), [
    ("/usr/local/bin/logistics-desk", False, "logistics-desk"),
    ("/opt/venv/bin/logistics-desk-gui", False, "logistics-desk-gui"),
    ("C:/Users/clerk/venv/Scripts/logistics-desk.exe", False, "logistics-desk"),
    ("C:/Program Files/Logistics Desk/logistics-desk.exe", True, "logistics-desk"),
    ("/work/main/logistics_desk/__main__.py", False, "python -m logistics_desk"),
    ("main.py", False, "python main.py"),
    ("", False, "logistics-desk"),
])
def test_the_program_is_named_as_it_was_started(argv0, frozen, expected):
    assert paths.program_name(argv0, frozen=frozen) == expected
