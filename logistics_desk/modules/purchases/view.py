"""The purchases tab (being built)."""

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ...core.i18n import tr
from ...core.ui.tab import ModuleTab


class PurchasesTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        QVBoxLayout(self).addWidget(QLabel(tr("Purchases")))
