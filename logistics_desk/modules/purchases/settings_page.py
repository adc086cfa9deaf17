"""The purchases page of the settings window: approval levels and thresholds."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import N_, tr
from ...core.ui.widgets import FieldErrors
from . import service


class PurchasesSettingsPage(QWidget):
    title = N_("Purchases")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Approval levels: each level signs when the request total is above its amount "
                                   "(yuan). The first level (amount 0) signs every request.")))
        self.levels = QTableWidget(0, 2)
        self.levels.setHorizontalHeaderLabels([tr("Who signs"), tr("Above (yuan)")])
        self.levels.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.levels)
        add = QPushButton(tr("Add level"))
        add.clicked.connect(lambda: self._add_level("", ""))
        layout.addWidget(add)
        layout.addWidget(self.errors.make_label("levels", self.levels))
        form = QFormLayout()
        self.fields = {}
        for key, label in (("quote_threshold", N_("Three quotes needed above (yuan)")),
                           ("tender_threshold", N_("Public bidding required above (yuan)")),
                           ("notice_threshold", N_("Public notice from (yuan)"))):
            w = QLineEdit()
            self.fields[key] = w
            form.addRow(tr(label), w)
            form.addRow("", self.errors.make_label(key, w))
        for key, label in (("min_quotes", N_("Quotes needed")), ("notice_days", N_("Days a notice is posted"))):
            w = QSpinBox()
            w.setRange(0, 99)
            self.fields[key] = w
            form.addRow(tr(label), w)
            form.addRow("", self.errors.make_label(key, w))
        layout.addLayout(form)
        layout.addStretch(1)
        self.refresh()

    def _add_level(self, role: str, above) -> None:
        r = self.levels.rowCount()
        self.levels.insertRow(r)
        self.levels.setItem(r, 0, QTableWidgetItem(tr(role) if role else ""))
        self.levels.setItem(r, 1, QTableWidgetItem(str(above)))

    def refresh(self) -> None:
        self.levels.setRowCount(0)
        for lv in service.approval_levels():
            above = lv["above"]
            self._add_level(lv["role"], int(above) if above == above.to_integral_value() else above)
        stored = service.settings_values()
        for key, w in self.fields.items():
            value = stored[key]
            if isinstance(w, QSpinBox):
                w.setValue(int(value or 0))
            else:
                w.setText(str(value))

    def values(self) -> dict:
        levels = []
        stored = {tr(lv["role"]): lv["role"] for lv in service.approval_levels()}
        for r in range(self.levels.rowCount()):
            role = (self.levels.item(r, 0).text() if self.levels.item(r, 0) else "").strip()
            above = self.levels.item(r, 1).text() if self.levels.item(r, 1) else ""
            levels.append({"role": stored.get(role, role), "above": above})
        out = {"levels": levels}
        for key, w in self.fields.items():
            out[key] = w.value() if isinstance(w, QSpinBox) else w.text()
        return out

    def save(self) -> None:
        self.errors.clear()
        service.save_settings(self.values())
