"""Where the program's files live (no Qt: the command line uses this too).

**Resources** (fonts, translations, icons) are read with ``importlib.resources``
from ``logistics_desk/resources``, where the wheel and the one-folder build put
them; a source checkout keeps them in ``resources/`` at the top of the repository.

**Data** (the database, ``backups/``, ``logs/``): run from a source checkout, the
checkout's ``data/`` folder. Installed (the package sits in site-packages) or
built (PyInstaller sets ``sys.frozen``), the operating system's per-user data
folder, the one ``QStandardPaths.AppDataLocation`` names for the organization and
application that ``app.create_application`` sets (``ORGANIZATION``/``APPLICATION``):

- Windows: ``%APPDATA%\\LogisticsDesk\\Logistics Desk``
- macOS: ``~/Library/Application Support/LogisticsDesk/Logistics Desk``
- Linux and others: ``$XDG_DATA_HOME/LogisticsDesk/Logistics Desk`` (``~/.local/share/...``)

A reinstall never touches that folder. ``--db`` and ``LOGISTICS_DESK_DB`` choose
another database file (``db.resolve_path``); the log stays in the data folder.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

ORGANIZATION = "LogisticsDesk"
APPLICATION = "Logistics Desk"

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # logistics_desk/
ROOT_DIR = PACKAGE_DIR.parent  # a source checkout's top folder (meaningless when installed)
DB_NAME = "logistics.db"


def is_installed() -> bool:
    """Built (PyInstaller) or installed into site-packages, rather than run from a source checkout."""
    if getattr(sys, "frozen", False):
        return True
    return any(part in ("site-packages", "dist-packages") for part in PACKAGE_DIR.parts)


# --- resources ---------------------------------------------------------------------------------

def resources() -> Traversable:
    """The resources folder: inside the package when installed or built, else the checkout's."""
    if PACKAGE_DIR.is_dir():  # a package on disk: what importlib.resources would give, without it
        packaged = PACKAGE_DIR / "resources"
        return packaged if packaged.is_dir() else ROOT_DIR / "resources"
    import importlib.resources

    packaged = importlib.resources.files("logistics_desk") / "resources"  # a package in a zip
    if packaged.is_dir():
        return packaged
    return ROOT_DIR / "resources"


def resource_files(folder: str, suffix: str) -> list[Traversable]:
    """The files of ``resources/<folder>`` whose names end with ``suffix``, by name."""
    directory = resources() / folder
    if not directory.is_dir():
        return []
    return sorted((f for f in directory.iterdir() if f.name.endswith(suffix) and f.is_file()), key=lambda f: f.name)


_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def resource_path(resource: Traversable | str, *more: str) -> Path:
    """A real file for a resource (ReportLab and Qt want file names).

    Installed or built, the resources are plain files already; from a zip they are
    extracted once and removed when the program ends.
    """
    if isinstance(resource, str):
        resource = resources().joinpath(resource, *more)
    elif more:
        resource = resource.joinpath(*more)
    if isinstance(resource, Path):
        return resource
    import importlib.resources

    return _extracted.enter_context(importlib.resources.as_file(resource))


# --- data --------------------------------------------------------------------------------------

def user_data_dir(platform: str | None = None, environ: os._Environ | dict | None = None,
                  home: Path | None = None) -> Path:
    """The per-user data folder, as ``QStandardPaths.AppDataLocation`` gives it (no Qt needed)."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    home = home or Path.home()
    if platform.startswith("win"):
        base = Path(environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / ORGANIZATION / APPLICATION


DATA_DIR_ENV = "LOGISTICS_DESK_DATA"  # another data folder (tests, CI, a portable install)


def data_dir() -> Path:
    """Where the default database, its backups and the log live (``$LOGISTICS_DESK_DATA`` if set); a
    server database's key, head and backups too, under ``servers/`` (core/engine.py)."""
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    if is_installed():
        return user_data_dir()
    return ROOT_DIR / "data"


def default_db() -> Path:
    return data_dir() / DB_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


# --- the program's name ------------------------------------------------------------------------

def program_name(argv0: str | None = None, frozen: bool | None = None) -> str:
    """The command the clerk starts this program with, for usage lines and advice in messages.

    ``logistics-desk`` (installed or built), ``python -m logistics_desk``, ``python main.py``.
    """
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if argv0 is None:
        argv0 = sys.executable if frozen else (sys.argv[0] if sys.argv else "")
    name = Path(argv0).name if argv0 else ""
    if name.lower().endswith(".exe"):
        name = name[:-4]
    if name.lower().endswith("-script.py") and not frozen:  # old setuptools launchers on Windows
        name = name[: -len("-script.py")]
    if name == "__main__.py":
        return "python -m logistics_desk"
    if name.endswith(".py"):
        return f"python {argv0}"
    if not name or name in ("-c", "-m", "python", "python3", "pytest", "py.test"):
        return "logistics-desk"
    return name
