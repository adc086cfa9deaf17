"""Windows version information for the executables, from the version in pyproject.toml.

Used by ``logistics-desk.spec``; runs with the standard library alone (the tests
check it without PyInstaller). ``python packaging/version_info.py`` prints it.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); a suffix such as ``rc1`` or ``.dev2`` is dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0].split("rc")[0].split(".dev")[0])][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_info_text(version: str, exe_name: str = "logistics-desk.exe") -> str:
    """The text PyInstaller's ``EXE(version=FILE)`` reads (a ``VSVersionInfo`` expression)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "Logistics Desk",
        "FileDescription": "总务台账 Logistics Desk",
        "FileVersion": version,
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": "MIT License",
        "OriginalFilename": exe_name,
        "ProductName": "总务台账 Logistics Desk",
        "ProductVersion": version,
    }
    fields = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
            {fields}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(directory: Path, exe_name: str, version: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"version-{exe_name.removesuffix('.exe')}.txt"
    path.write_text(version_info_text(version or project_version(), exe_name), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.stdout.write(version_info_text(project_version()))
