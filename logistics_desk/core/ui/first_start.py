"""The first start: ask who works here and for which school, and say where the settings are.

Shown (not blocking the window) when the school's name or the operator's name is still empty:
the school's name heads every printed form, the operator's name signs every change record entry.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from .. import settings
from ..errors import ValidationError
from ..i18n import tr
from .widgets import FieldErrors

FIELDS = ("school.name", "operator.name")


def needed() -> bool:
    return any(not (settings.get(key) or "").strip() for key in FIELDS)


class FirstStartDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Welcome to Logistics Desk"))
        self.errors = FieldErrors()
        intro = QLabel(tr("Two things before you start. The school's name heads every printed form; your name "
                          "is written beside every change you make. Both can be changed later under "
                          "Settings → Settings and master data…"))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.widgets: dict[str, QLineEdit] = {}
        for key, label, hint in (("school.name", tr("School name"), tr("e.g. 示范市实验中学")),
                                 ("operator.name", tr("Your name"), tr("e.g. 陈晓燕"))):
            edit = QLineEdit(settings.get(key) or "")
            edit.setPlaceholderText(hint)
            edit.setObjectName(f"field_{key}")
            self.widgets[key] = edit
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(edit)
            box.addWidget(self.errors.make_label(key, edit))
            form.addRow(label, box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Later"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        values = {key: w.text().strip() for key, w in self.widgets.items()}
        self.errors.clear()
        if not values["operator.name"]:
            self.errors.show(ValidationError({"operator.name": tr("Enter your name: it signs your changes.")}))
            self.widgets["operator.name"].setFocus()
            return
        try:
            settings.set_many(values)
        except ValidationError as exc:
            self.errors.show(exc)
            first = next((self.widgets[k] for k in exc.errors if k in self.widgets), None)
            if first is not None:
                first.setFocus()
            return
        self.accept()
