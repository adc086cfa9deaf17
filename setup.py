"""What pyproject.toml cannot say: ``resources/`` (top of the repository) ships as ``logistics_desk/resources``.

Every package under ``logistics_desk/`` is found as usual; the folders of
``resources/`` are added as the data packages ``logistics_desk.resources.*``
(what each carries is listed under package-data in pyproject.toml), so the wheel
and the one-folder build carry the fonts, translations and icons inside the
package, where ``logistics_desk.core.paths`` finds them with ``importlib.resources``.
"""

from pathlib import Path

from setuptools import find_packages, setup

RESOURCES = Path(__file__).resolve().parent / "resources"

setup(
    packages=[
        *find_packages(include=["logistics_desk", "logistics_desk.*"]),
        *(f"logistics_desk.resources.{d.name}" for d in sorted(RESOURCES.iterdir()) if d.is_dir()),
    ],
    package_dir={"logistics_desk.resources": "resources"},
)
