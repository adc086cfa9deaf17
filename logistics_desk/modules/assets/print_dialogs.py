"""Dialogs of the asset register's print menu: which inventory sheet, which labels on which sheet.

The dialogs only collect choices; ``print_menu`` queries and renders. Both open
non-modally (``open()``) and report through ``accepted``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import clock, settings
from ...core.errors import UserError, ValidationError
from ...core.i18n import join_clauses, tr
from ...core.printing import label_presets, label_sheet
from ...core.printing.labels import CUSTOM, LabelSheet, custom_sheet
from ...core.ui.widgets import ChoiceBox, DateBox
from .view import department_items, person_items, place_items

ERROR_COLOR = "#c0392b"


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setWordWrap(True)
    label.hide()
    return label


def _set_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _fixed_min(dialog: QDialog, w: int, h: int) -> None:
    # a fixed minimum instead of the layout's (Qt's offscreen platform warns about size hints)
    dialog.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    dialog.setMinimumSize(w, h)


class InventoryDialog(QDialog):
    """资产清单: a place (a building prints all its rooms), a department or class, or a custodian."""

    def __init__(self, parent: QWidget | None = None, place_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Print an inventory sheet"))
        self.kind = ChoiceBox([(tr("Place (a building prints every room)"), "place"),
                               (tr("Department / class"), "department"), (tr("Custodian"), "custodian")])
        self.target = ChoiceBox()
        self.target.setEditable(False)
        self.target.setMinimumWidth(280)
        self.hint = QLabel(tr("Each room starts on its own pages, with its own signature lines."))
        self.hint.setWordWrap(True)
        self.per_custodian = QCheckBox(tr("One sheet per custodian"))
        self.per_custodian.setToolTip(tr("Each custodian of the assets there gets a sheet of everything they "
                                         "hold, wherever it stands, with their own signature line."))
        form = QFormLayout()
        form.addRow(tr("Print for"), self.kind)
        form.addRow(tr("Which"), self.target)
        form.addRow("", self.per_custodian)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Preview…"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        _fixed_min(self, 440, 200)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        self.per_custodian.toggled.connect(lambda _on: self.hint.setVisible(
            self.kind.value() == "place" and not self.per_custodian.isChecked()))
        self._fill()
        if place_id is not None:
            self.target.set_value(place_id)

    def _fill(self) -> None:
        kind = self.kind.value()
        items = {"place": place_items, "department": department_items, "custodian": person_items}[kind]()
        self.target.set_items(items)
        self.hint.setVisible(kind == "place" and not self.per_custodian.isChecked())
        self.per_custodian.setEnabled(kind != "custodian")  # one person's sheet already

    def choice(self) -> tuple[str, int | None]:
        return self.kind.value(), self.target.value()

    def one_sheet_per_custodian(self) -> bool:
        return self.per_custodian.isEnabled() and self.per_custodian.isChecked()

    def _ok(self) -> None:
        if self.target.value() is None:
            return
        self.accept()


class LabelDialog(QDialog):
    """标签: which assets, which sheet (preset or custom grid in mm), QR or Code128, start position,
    and the printer offset calibration (saved in the settings) with a calibration page."""

    SOURCES = ("selection", "filter", "place", "numbers", "since")

    def __init__(self, parent: QWidget | None = None, selected: int = 0, filtered: int | None = None,
                 place_id: int | None = None, on_calibration=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Print asset labels"))
        self.on_calibration = on_calibration  # callable(pdf_bytes) that shows the calibration page
        which_box = self._build_which(selected, filtered, place_id)
        sheet_box = self._build_sheet()
        offset_box = self._build_offset()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(which_box)
        layout.addWidget(sheet_box)
        layout.addWidget(offset_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        _fixed_min(self, 560, 640)
        self._connect(selected, place_id)

    def _build_which(self, selected: int, filtered: int | None, place_id: int | None) -> QGroupBox:
        """Which assets: the selection, the list, a place, a range of numbers or a date."""
        self.source = ChoiceBox([
            (tr("Selected assets ({n})").format(n=selected), "selection"),
            (tr("Assets in the list now (current filter)") if filtered is None
             else tr("Assets in the list now ({n})").format(n=filtered), "filter"),
            (tr("A place (a building includes its rooms)"), "place"),
            (tr("A range of asset numbers"), "numbers"),
            (tr("Everything registered since a date"), "since"),
        ])
        self.place = ChoiceBox(place_items())
        if place_id is not None:
            self.place.set_value(place_id)
        self.number_from = QLineEdit()
        self.number_from.setPlaceholderText(tr("First number"))
        self.number_to = QLineEdit()
        self.number_to.setPlaceholderText(tr("Last number"))
        self.since = DateBox(value=clock.today().replace(day=1))
        numbers = QHBoxLayout()
        numbers.addWidget(self.number_from)
        numbers.addWidget(QLabel("…"))
        numbers.addWidget(self.number_to)
        which = QFormLayout()
        which.addRow(tr("Print labels for"), self.source)
        which.addRow(tr("Place"), self.place)
        which.addRow(tr("Numbers"), numbers)
        which.addRow(tr("Registered since"), self.since)
        which_box = QGroupBox(tr("Which assets"))
        which_box.setLayout(which)
        return which_box

    def _build_sheet(self) -> QGroupBox:
        """The label sheet: preset, code, start position, and the custom grid."""
        self.template = ChoiceBox([(desc, key) for key, desc in label_presets()])
        self.template.set_value(settings.get("printing.label_template") or "3x8")
        self.code = ChoiceBox([(tr("QR code"), "qr"), (tr("Code128 barcode"), "code128")])
        self.code.set_value(settings.get("printing.label_code") or "qr")
        self._build_grid()
        self.start = QSpinBox()
        self.start.setRange(1, 999)  # checked against the sheet (never clamped to it without a word)
        self.start.setToolTip(tr("On a partly used sheet: the first free label, counted row by row"))
        self.start_error = _error_label()
        start_row = QHBoxLayout()
        start_row.addWidget(self.start)
        start_row.addWidget(self.start_error, 1)
        sheet_form = QFormLayout()
        sheet_form.addRow(tr("Label sheet"), self.template)
        sheet_form.addRow(tr("Code"), self.code)
        sheet_form.addRow(tr("Start at label"), start_row)
        sheet_box = QGroupBox(tr("Label sheet"))
        sheet_layout = QVBoxLayout(sheet_box)
        sheet_layout.addLayout(sheet_form)
        sheet_layout.addWidget(self.grid_box)
        return sheet_box

    def _build_grid(self) -> None:
        """The custom grid's eight measures, each with its error line under it."""
        custom = dict(settings.get("printing.label_custom") or {})
        self.grid: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self.grid_errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        specs = [("cols", tr("Columns"), 1, 10), ("rows", tr("Rows"), 1, 30),
                 ("label_w", tr("Label width (mm)"), 5, 210), ("label_h", tr("Label height (mm)"), 5, 297),
                 ("left", tr("Left margin (mm)"), 0, 100), ("top", tr("Top margin (mm)"), 0, 150),
                 ("pitch_x", tr("Across pitch (mm)"), 5, 210), ("pitch_y", tr("Down pitch (mm)"), 5, 297)]
        for i, (key, label, lo, hi) in enumerate(specs):
            box = QSpinBox() if key in ("cols", "rows") else QDoubleSpinBox()
            box.setRange(lo, hi)
            if isinstance(box, QDoubleSpinBox):
                box.setDecimals(2)
                box.setSingleStep(0.5)
            value = custom.get(key)
            if value is not None:
                box.setValue(int(value) if isinstance(box, QSpinBox) else float(value))
            self.grid[key] = box
            row, col = (i // 2) * 2, (i % 2) * 2
            grid.addWidget(QLabel(label), row, col)
            grid.addWidget(box, row, col + 1)
            # what is wrong with this field, right under it (hidden while it is right)
            self.grid_errors[key] = _error_label()
            grid.addWidget(self.grid_errors[key], row + 1, col, 1, 2)
        self.grid_box = QGroupBox(tr("Custom grid"))
        self.grid_box.setLayout(grid)

    def _build_offset(self) -> QGroupBox:
        """The printer offset (saved for next time) and the calibration page."""
        self.offset_x = QDoubleSpinBox()
        self.offset_y = QDoubleSpinBox()
        for box, key in ((self.offset_x, "printing.label_offset_x"), (self.offset_y, "printing.label_offset_y")):
            box.setRange(-20, 20)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setSuffix(" mm")
            try:
                box.setValue(float(settings.get(key) or 0))
            except (TypeError, ValueError):
                box.setValue(0)
        self.calibration_button = QPushButton(tr("Print calibration page…"))
        self.calibration_button.clicked.connect(self.print_calibration)
        offset = QHBoxLayout()
        offset.addWidget(QLabel(tr("Right")))
        offset.addWidget(self.offset_x)
        offset.addWidget(QLabel(tr("Down")))
        offset.addWidget(self.offset_y)
        offset.addStretch(1)
        offset.addWidget(self.calibration_button)
        offset_box = QGroupBox(tr("Printer offset (saved for next time)"))
        offset_outer = QVBoxLayout(offset_box)
        offset_outer.addLayout(offset)
        self.offset_error = _error_label()
        offset_outer.addWidget(self.offset_error)
        note = QLabel(tr("Print the calibration page on plain paper, hold it against a label sheet and move "
                         "the print until the outlines match the labels."))
        note.setWordWrap(True)
        offset_outer.addWidget(note)
        return offset_box

    def _build_buttons(self) -> QDialogButtonBox:
        """The error line, Preview… and Cancel."""
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Preview…"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        return buttons

    def _connect(self, selected: int, place_id: int | None) -> None:
        """Every change re-checks the sheet; the first source is the selection, else a place, else the list."""
        self.source.currentIndexChanged.connect(lambda _i: self._update())
        self.template.currentIndexChanged.connect(lambda _i: self._update())
        for box in (*self.grid.values(), self.start, self.offset_x, self.offset_y):
            box.valueChanged.connect(lambda _v: self.check_sheet())
        self.source.set_value("selection" if selected else ("place" if place_id else "filter"))
        self._update()

    # ---- state ------------------------------------------------------------
    def _update(self) -> None:
        src = self.source.value()
        self.place.setEnabled(src == "place")
        self.number_from.setEnabled(src == "numbers")
        self.number_to.setEnabled(src == "numbers")
        self.since.setEnabled(src == "since")
        self.grid_box.setEnabled(self.template.value() == CUSTOM)
        self.check_sheet()

    def check_sheet(self) -> bool:
        """Check the sheet, the start position and the offset as they are typed; say what is wrong
        beside the field (a custom grid's field, the start position, the offset). True if all is right."""
        for label in self.grid_errors.values():
            _set_error(label, "")
        _set_error(self.start_error, "")
        _set_error(self.offset_error, "")
        self.error.hide()
        if self.template.value() == CUSTOM:
            per_page = int(self.grid["cols"].value()) * int(self.grid["rows"].value())
        else:
            per_page = label_sheet(self.template.value()).per_page
        ok = True
        if self.start.value() > per_page:
            _set_error(self.start_error, tr("This sheet has {per_page} labels: start at label 1 to {per_page}.")
                       .format(per_page=per_page))
            ok = False
        try:
            self.sheet().validate(self.offset())
        except ValidationError as exc:
            general = []
            for key, message in exc.errors.items():
                if key in self.grid_errors and self.template.value() == CUSTOM:
                    _set_error(self.grid_errors[key], message)
                elif key in ("offset_x", "offset_y"):
                    _set_error(self.offset_error, message)
                else:
                    general.append(message)
            if general:
                self.error.setText(join_clauses(general))
                self.error.show()
            ok = False
        return ok

    def custom_values(self) -> dict:
        return {k: (int(b.value()) if isinstance(b, QSpinBox) else float(b.value())) for k, b in self.grid.items()}

    def sheet(self) -> LabelSheet:
        """The chosen sheet (ValidationError if the custom grid does not fit on A4)."""
        if self.template.value() == CUSTOM:
            return custom_sheet(self.custom_values())
        return label_sheet(self.template.value())

    def offset(self) -> tuple[float, float]:
        return float(self.offset_x.value()), float(self.offset_y.value())

    def selection(self) -> dict:
        """What to print: {"source": ..., and "place" | "numbers" | "since"}."""
        src = self.source.value()
        out: dict = {"source": src}
        if src == "place":
            out["place"] = self.place.value()
        elif src == "numbers":
            a, b = self.number_from.text().strip(), self.number_to.text().strip()
            if not a or not b:
                raise UserError(tr("Enter the first and the last asset number."))
            out["numbers"] = (a, b) if a <= b else (b, a)
        elif src == "since":
            out["since"] = self.since.value()
        return out

    def save_settings(self) -> None:
        """The offset calibration, the sheet, the code and the custom grid, for next time."""
        values = {"printing.label_offset_x": self.offset()[0], "printing.label_offset_y": self.offset()[1],
                  "printing.label_template": self.template.value(), "printing.label_code": self.code.value()}
        if self.template.value() == CUSTOM:
            values["printing.label_custom"] = self.custom_values()
        settings.set_many(values)

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            text = join_clauses(exc.errors.values())
        else:
            text = getattr(exc, "message", str(exc))
        self.error.setText(text)
        self.error.show()

    def print_calibration(self) -> None:
        from ...core.printing import calibration_page

        try:
            sheet = self.sheet()
        except (ValidationError, UserError) as exc:
            self._show_error(exc)
            return
        try:
            pdf = calibration_page(sheet, offset=self.offset())
        except (ValidationError, UserError) as exc:
            self.check_sheet()  # the offset's message beside it
            if not self.offset_error.text():
                self._show_error(exc)
            return
        settings.set_many({"printing.label_offset_x": self.offset()[0],
                           "printing.label_offset_y": self.offset()[1]})
        if self.on_calibration is not None:
            self.on_calibration(pdf)

    def _ok(self) -> None:
        if not self.check_sheet():
            return  # the message is beside the field
        try:
            self.selection()
        except (ValidationError, UserError) as exc:
            self._show_error(exc)
            return
        self.error.hide()
        self.save_settings()
        self.accept()
