"""Where the program's files live."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
ROOT_DIR = PACKAGE_DIR.parent
RESOURCES_DIR = ROOT_DIR / "resources"
I18N_DIR = RESOURCES_DIR / "i18n"
FONTS_DIR = RESOURCES_DIR / "fonts"
DATA_DIR = ROOT_DIR / "data"
DEFAULT_DB = DATA_DIR / "logistics.db"
