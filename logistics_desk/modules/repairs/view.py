"""The repair log tab (placeholder while the real tab is written)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ...core.i18n import tr
from ...core.ui.tab import ModuleTab


class RepairsTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Repair log")))
