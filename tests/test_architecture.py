"""No Qt below the views: models, services, forms, excel and core/ (except core/ui/) never import PySide6.

Qt-free: everything in core/ except core/ui/; the CLI and the registry; in each
module its __init__, models, service, forms, excel, commands and demo files.
A module's other files (view.py, dialogs, print menus) belong to the views.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "logistics_desk"


QT_FREE_MODULE_FILES = {"__init__.py", "models.py", "service.py", "forms.py", "excel.py", "commands.py", "demo.py"}


def qt_free_files() -> list[Path]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "core":
            if rel.parts[:2] != ("core", "ui"):
                out.append(path)
        elif rel.parts[0] == "modules":
            if len(rel.parts) == 2 or (len(rel.parts) == 3 and rel.name in QT_FREE_MODULE_FILES):
                out.append(path)
        elif rel.name in ("__init__.py", "cli.py"):
            out.append(path)
    return out


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names = [str(node.args[0].value)]
        found += [f"{path.relative_to(PACKAGE)}:{node.lineno} imports {n}" for n in names
                  if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    return found


def test_nothing_below_the_views_imports_qt():
    files = qt_free_files()
    assert any(p.name == "service.py" for p in files) and any(p.name == "excel.py" for p in files)
    problems = [line for path in files for line in qt_imports(path)]
    assert problems == []


def test_the_check_catches_a_qt_import(tmp_path):
    bad = tmp_path / "service.py"
    bad.write_text("import os\nfrom PySide6.QtCore import QObject\n", encoding="utf-8")
    original = PACKAGE
    try:
        globals()["PACKAGE"] = tmp_path
        assert qt_imports(bad) == ["service.py:2 imports PySide6.QtCore"]
    finally:
        globals()["PACKAGE"] = original


def test_core_never_imports_a_module():
    """The doors between rooms: core is handed the registry's specs; it never imports logistics_desk.modules."""
    offenders = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                name = ("." * node.level) + (node.module or "")
                rel = path.relative_to(PACKAGE)
                absolute = name if not node.level else ".".join(
                    ("logistics_desk",) + rel.parts[:len(rel.parts) - node.level]) + ("." + node.module if node.module else "")
                if absolute.startswith("logistics_desk.modules"):
                    offenders.append(f"{rel}:{node.lineno} {name}")
            elif isinstance(node, ast.Import):
                offenders += [f"{path.relative_to(PACKAGE)}:{node.lineno} {a.name}" for a in node.names
                              if a.name.startswith("logistics_desk.modules")]
    assert offenders == []
