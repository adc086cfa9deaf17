"""A settings page built from a list of fields, for modules whose settings are
numbers and choices (deadlines, weights, temperature ranges, served meals).

A module subclasses ``SettingsFormPage``, names its ``title`` and ``FIELDS`` and
points ``ModuleSpec.settings_page`` at it; the settings window adds the Save
button. ``save()`` checks every field, then writes them in one change
(``settings.set_many``: one transaction, audited), or raises ``ValidationError``
with a message beside each wrong field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..errors import ValidationError
from ..i18n import tr
from .widgets import FieldErrors


@dataclass
class SettingField:
    key: str  # the settings key
    label: str  # N_()-marked English
    kind: str = "int"  # int | float | multi (a list of chosen values)
    minimum: float = 0
    maximum: float = 9999
    suffix: str = ""  # N_()-marked unit, e.g. "hours"
    choices: dict[Any, str] = field(default_factory=dict)  # for multi: value -> N_() label
    help: str = ""  # N_()-marked hint under the field
    not_empty: bool = False  # multi: at least one choice


class SettingsFormPage(QWidget):
    title = ""
    FIELDS: list[SettingField] = []
    # (lower key, upper key, N_() message) pairs: lower must not exceed upper
    ORDERED: list[tuple[str, str, str]] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self.widgets: dict[str, Any] = {}
        form = QFormLayout()
        for spec in self.FIELDS:
            widget = self._make(spec)
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(widget)
            if spec.help:
                hint = QLabel(tr(spec.help))
                hint.setWordWrap(True)
                hint.setStyleSheet("color: #666;")
                box.addWidget(hint)
            box.addWidget(self.errors.make_label(spec.key, widget))
            form.addRow(tr(spec.label), holder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.refresh()

    def _make(self, spec: SettingField):
        if spec.kind == "multi":
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            boxes = {}
            for value, label in spec.choices.items():
                check = QCheckBox(tr(label))
                boxes[value] = check
                row.addWidget(check)
            row.addStretch(1)
            self.widgets[spec.key] = boxes
            return holder
        widget = QDoubleSpinBox() if spec.kind == "float" else QSpinBox()
        if spec.kind == "float":
            widget.setDecimals(1)
        # a wider range than allowed, so a wrong value gets a message rather than being clamped silently
        widget.setRange(int(spec.minimum) - 1000, int(spec.maximum) + 1000)
        if spec.suffix:
            widget.setSuffix(" " + tr(spec.suffix))
        self.widgets[spec.key] = widget
        return widget

    def refresh(self) -> None:
        for spec in self.FIELDS:
            value = settings.get(spec.key)
            widget = self.widgets[spec.key]
            if spec.kind == "multi":
                chosen = set(value or [])
                for v, check in widget.items():
                    check.setChecked(v in chosen)
            else:
                widget.setValue(float(value) if spec.kind == "float" else int(value))

    def values(self) -> dict[str, Any]:
        out = {}
        for spec in self.FIELDS:
            widget = self.widgets[spec.key]
            if spec.kind == "multi":
                out[spec.key] = [v for v, check in widget.items() if check.isChecked()]
            elif spec.kind == "float":
                out[spec.key] = round(widget.value(), 1)
            else:
                out[spec.key] = int(widget.value())
        return out

    def has_unsaved_changes(self) -> bool:
        return any(settings.get(k) != v for k, v in self.values().items())

    def save(self) -> None:
        values = self.values()
        errors = {}
        for spec in self.FIELDS:
            v = values[spec.key]
            if spec.kind == "multi":
                if spec.not_empty and not v:
                    errors[spec.key] = tr("Choose at least one.")
            elif not spec.minimum <= v <= spec.maximum:
                errors[spec.key] = tr("Enter a value from {low} to {high}.").format(
                    low=_num(spec.minimum), high=_num(spec.maximum))
        for low, high, message in self.ORDERED:
            if low not in errors and high not in errors and values[low] > values[high]:
                errors[high] = tr(message)
        if errors:
            raise ValidationError(errors)
        settings.set_many(values)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
