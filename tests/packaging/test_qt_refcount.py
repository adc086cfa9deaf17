"""PySide6 6.12.0's abi3 wheels drop a reference to None on every void call (item 8 of issue 11).

On Python < 3.12, where None is not immortal, 1,000 ``setText`` calls lowered
None's reference count by 1,000 and the process soon aborted with "none_dealloc".
pyproject.toml keeps 6.12 off Python < 3.12; this test fails if the fault comes
back with whatever Qt for Python is installed, and checks that no workaround pokes
None's reference count from inside the program.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "logistics_desk"


@pytest.mark.gui
def test_void_calls_keep_nones_reference_count(qtbot):
    from PySide6.QtWidgets import QLabel, QSpinBox

    label, spin = QLabel(), QSpinBox()
    qtbot.addWidget(label)
    qtbot.addWidget(spin)
    before = sys.getrefcount(None)
    for i in range(1000):
        label.setText("x")
        spin.setValue(i % 50)
    lost = before - sys.getrefcount(None)
    import PySide6

    assert lost < 50, (f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} lost {lost} references "
                       "to None over 2,000 void calls: exclude this version in pyproject.toml")


def test_nothing_pokes_nones_reference_count():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "ctypes" for n in names):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert offenders == []
