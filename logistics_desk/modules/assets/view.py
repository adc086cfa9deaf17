"""The asset register tab (资产台账): the list, its filters, and the dialogs of every action."""

from __future__ import annotations

import datetime as _dt
import html
import importlib.util
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import audit, changes, clock, masterdata, settings
from ...core.errors import ValidationError
from ...core.i18n import N_, builtin_name, join_list, ntr, tr
from ...core.tasks import Cancelled
from ...core.ui.dialogs import run_save
from ...core.ui.pick import make_searchable
from ...core.ui.tab import ModuleTab
from ...core.ui.table import Column, PagedTableModel, date_text, money
from ...core.ui.widgets import ChoiceBox, DateBox, FieldErrors, SearchBox, TwoSidedBar, show_error, show_info
from ...core.ui.work import run_in_worker, run_with_progress
from . import service
from .models import DAMAGE_CAUSES, DISPOSAL_METHODS, SOURCES, STATUSES

STATUS_COLORS = {"idle": "#7f8c8d", "lent": "#2c6fbb", "repair": "#c27c0e", "shortage": "#c0392b",
                 "lost": "#c0392b", "disposed": "#999999"}


def _status_color(row: dict) -> str | None:
    return STATUS_COLORS.get(row.get("status"))


COLUMNS = [
    Column("number", N_("Asset number"), width=125),
    Column("name", N_("Asset name"), width=130),
    Column("category", N_("Asset category"), fmt=builtin_name, width=95),
    Column("model_spec", N_("Model / specification"), width=115),
    Column("quantity", N_("Quantity"), "right", width=50),
    Column("unit", N_("Unit of measure"), "center", width=62),
    Column("unit_price", N_("Unit price"), "right", fmt=money, width=82),
    Column("amount", N_("Amount"), "right", fmt=money, width=92),
    Column("acquired_on", N_("Acquisition date"), "center", fmt=date_text, width=86),
    Column("place", N_("Storage place"), width=130),
    Column("department", N_("Department or class"), width=95),
    Column("custodian", N_("Custodian"), width=62),
    Column("status_label", N_("Status"), "center", color=_status_color, width=70),
]


class AssetTableModel(PagedTableModel):
    """The register's rows; no sort column means newest registrations first."""

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        if column < 0:
            self.sort_key, self.descending = None, False
            self.reload()
            return
        super().sort(column, order)


# --- small helpers ------------------------------------------------------------------

class SearchCombo(ChoiceBox):
    """A ChoiceBox one can type into: the list narrows to entries containing the text.

    ``value()`` is the chosen entry's value (None if the text names no entry);
    ``text_value()`` the typed text (for a borrower who is not on the staff list).
    """

    def __init__(self, items=None, parent=None, empty_label: str | None = None):
        super().__init__(items, parent, empty_label)
        make_searchable(self, strict=False)  # characters, pinyin or initials narrow the list (zw → 张伟)
        if empty_label is not None and self.lineEdit() is not None:
            self.lineEdit().setPlaceholderText(empty_label)
            self.setItemText(0, "")

    def set_items(self, items) -> None:
        super().set_items(items)
        if self._empty_label is not None and self.count():
            self.setItemText(0, "")  # "nothing chosen" is an empty field showing the placeholder, not text

    def value(self):
        text = self.currentText().strip()
        if not text or (self._empty_label is not None and text == self._empty_label):
            return None
        i = self.currentIndex()
        if i >= 0 and self.itemText(i).strip() == text:
            return self.itemData(i)
        i = self.findText(text, Qt.MatchFlag.MatchExactly)
        if i < 0:  # "张伟" for "张伟（教务处）", "计算机设备" for "　　计算机设备 (JSJ)", "302" for "教学楼 302"
            found = [j for j in range(self.count()) if self.itemData(j) is not None
                     and text.casefold() in self._names(self.itemText(j))]
            if len(found) == 1:
                i = found[0]
        return self.itemData(i) if i >= 0 else None

    @staticmethod
    def _names(label: str) -> set[str]:
        label = label.strip()
        names = {label, label.split("（")[0], label.split(" (")[0], label.rsplit(" ", 1)[-1]}
        if " · " in label:  # a built-in category in English: "计算机设备 · Computer equipment (JSJ)"
            names.update(part.split(" (")[0] for part in label.split(" · "))
        return {n.strip().casefold() for n in names if n.strip()}

    def text_value(self) -> str:
        text = self.currentText().strip()
        if self._empty_label is not None and text == self._empty_label:
            return ""
        return self.currentText().strip().split("（")[0] if self.value() is not None else text

    def set_value(self, value) -> None:
        if value is None and self._empty_label is not None:
            self.setCurrentIndex(0)
            return
        super().set_value(value)


def category_items() -> list[tuple[str, int]]:
    cats = masterdata.active("category", by=("sort_order", "id"))
    children: dict[int | None, list] = {}
    for c in cats:
        children.setdefault(c.parent_id, []).append(c)
    out: list[tuple[str, int]] = []

    def walk(parent, depth):
        for c in children.get(parent, []):
            shown = builtin_name(c.name)  # a built-in category in English: its Chinese name first, to type
            shown = c.name if shown == c.name else f"{c.name} · {shown}"
            out.append(("\u3000" * depth + f"{shown} ({c.code})", c.id))
            walk(c.id, depth + 1)

    walk(None, 0)
    return out


def place_items() -> list[tuple[str, int]]:
    out = []
    for b in masterdata.buildings():
        out.append((b.name, b.id))
        for r in masterdata.rooms(b):
            out.append(("\u3000" + r.full_name, r.id))
    return out


def department_items() -> list[tuple[str, int]]:
    return [(d.name, d.id) for d in masterdata.active("department", by=("-kind", "id"))]


def person_items() -> list[tuple[str, int]]:
    out = []
    for p in masterdata.people_with_departments():
        label = f"{p.name}（{p.department.name}）" if p.department_id else p.name
        out.append((label, p.id))
    return out


def supplier_items() -> list[tuple[str, int]]:
    return [(s.name, s.id) for s in masterdata.active("supplier")]


def _fmt_money(value) -> str:
    if value is None or value == "":
        return "—"
    return f"{Decimal(value):,.2f}"


def _form(parent=None) -> QFormLayout:
    """A form whose labels stand apart from their fields (the widest label touched its field)."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setHorizontalSpacing(12)
    return form


def _field_box(widget: QWidget, error_label: QLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(1)
    lay.addWidget(widget)
    lay.addWidget(error_label)
    return box


class _Dialog(QDialog):
    """A dialog whose OK runs a service call; errors are shown beside the fields."""

    saved = Signal(object)

    def __init__(self, parent, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.errors = FieldErrors()
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet("color: #c0392b;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _copies_suffix(self, n: int) -> None:
        self.copies.setSuffix(tr(" record") if n == 1 else tr(" records"))

    def row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QWidget:
        form.addRow(label, _field_box(widget, self.errors.make_label(field, widget)))
        return widget

    def _ok(self) -> None:
        ok, result = run_save(self, self.errors, self.general_error, self.save)
        if ok:
            self.saved.emit(result)
            self.accept()

    def save(self):  # pragma: no cover - overridden
        raise NotImplementedError


# --- register / edit -------------------------------------------------------------------

class AssetDialog(_Dialog):
    """Register a new asset (with "copy into N") or edit one; each field is checked as it is typed."""

    FIELDS = ["number", "name", "category", "model_spec", "brand", "unit", "quantity", "unit_price",
              "acquired_on", "source", "supplier", "invoice_no", "funding_source", "place", "department",
              "custodian", "status", "warranty_end", "serial_no", "note"]

    def __init__(self, parent, asset=None):
        super().__init__(parent, tr("Register an asset") if asset is None else tr("Edit asset {number}").format(
            number=asset.number))
        self.asset = asset
        self.touched: set[str] = set()
        self.setMinimumWidth(860)
        self._build_fields(asset)
        left, right = self._build_forms(asset)
        self._build_layout(left, right)
        self._open_asset(asset)

    def _build_fields(self, asset) -> None:
        """One input per field (the statuses offered depend on whether the asset is new)."""
        self.number = QLineEdit()
        self.number.setPlaceholderText(tr("Empty: assigned automatically"))
        self.name = QLineEdit()
        self.category = SearchCombo(category_items(), empty_label=tr("(choose)"))
        self.model_spec = QLineEdit()
        self.brand = QLineEdit()
        self.unit = QLineEdit(tr("pc"))  # the usual measure word: 台 in Chinese
        self.quantity = QLineEdit("1")
        self.unit_price = QLineEdit()
        self.unit_price.setPlaceholderText("0.00")
        self.amount = QLabel("0.00")
        self.amount.setObjectName("amount")
        self.acquired_on = DateBox(value=clock.today())
        self.source = ChoiceBox([(tr(label), key) for key, label in SOURCES.items()])
        self.supplier = SearchCombo(supplier_items(), empty_label=tr("(none)"))
        self.invoice_no = QLineEdit()
        self.funding_source = QLineEdit()
        self.place = SearchCombo(place_items(), empty_label=tr("(none)"))
        self.department = SearchCombo(department_items(), empty_label=tr("(none)"))
        self.custodian = SearchCombo(person_items(), empty_label=tr("(none)"))
        statuses = ["in_use", "idle"] if asset is None else [k for k in STATUSES if k not in ("disposed", "voided")]
        if asset is not None and asset.status not in statuses:  # a disposed asset shows that it is
            statuses.append(asset.status)
        self.status = ChoiceBox([(tr(STATUSES[k]), k) for k in statuses])
        self.has_warranty = QCheckBox(tr("Under warranty until"))
        self.warranty_end = DateBox(value=clock.today())
        self.warranty_end.setEnabled(False)
        self.has_warranty.toggled.connect(self.warranty_end.setEnabled)
        self.serial_no = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(54)
        self.copies = QSpinBox()
        self.copies.setRange(1, 1000)
        self.copies.valueChanged.connect(self._copies_suffix)
        self._copies_suffix(self.copies.value())

    def _build_forms(self, asset) -> tuple[QFormLayout, QFormLayout]:
        """The two columns of labelled fields, each with its error line."""
        left, right = _form(), _form()
        self.row(left, tr("Asset number"), "number", self.number)
        self.row(left, tr("Name *"), "name", self.name)
        self.row(left, tr("Category *"), "category", self.category)
        self.row(left, tr("Model / spec"), "model_spec", self.model_spec)
        self.row(left, tr("Brand"), "brand", self.brand)
        qty_row = QWidget()
        ql = QHBoxLayout(qty_row)
        ql.setContentsMargins(0, 0, 0, 0)
        ql.addWidget(self.quantity, 2)
        ql.addSpacing(10)  # the label stands apart from the quantity it follows
        unit_label = QLabel(tr("Unit"))
        unit_label.setBuddy(self.unit)
        ql.addWidget(unit_label)
        ql.addWidget(self.unit, 1)
        left.addRow(tr("Quantity *"), _field_box(qty_row, self._two_labels("quantity", self.quantity, "unit",
                                                                             self.unit)))
        self.row(left, tr("Unit price (yuan)"), "unit_price", self.unit_price)
        left.addRow(tr("Amount (yuan)"), self.amount)
        self.row(left, tr("Acquired on *"), "acquired_on", self.acquired_on)
        self.row(left, tr("Source"), "source", self.source)
        self.row(left, tr("Supplier"), "supplier", self.supplier)
        self.row(right, tr("Invoice number"), "invoice_no", self.invoice_no)
        self.row(right, tr("Funding source"), "funding_source", self.funding_source)
        self.row(right, tr("Place"), "place", self.place)
        self.row(right, tr("Department / class"), "department", self.department)
        self.row(right, tr("Custodian"), "custodian", self.custodian)
        self.row(right, tr("Status"), "status", self.status)
        w_row = QWidget()
        wl = QHBoxLayout(w_row)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.has_warranty)
        wl.addWidget(self.warranty_end, 1)
        self.row(right, tr("Warranty"), "warranty_end", w_row)
        self.row(right, tr("Serial number"), "serial_no", self.serial_no)
        self.row(right, tr("Notes"), "note", self.note)
        if asset is None:
            self.row(right, tr("Copy into"), "copies", self.copies)
            self.copies.setToolTip(tr("A batch of identical items, each with its own number"))
        return left, right

    def _build_layout(self, left: QFormLayout, right: QFormLayout) -> None:
        """The two columns, the hint, the missing-field warning, the error line and the buttons."""
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setHorizontalSpacing(24)
        outer = QVBoxLayout(self)
        outer.addLayout(grid)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555;")
        outer.addWidget(self.hint)
        self.missing_warning = QLabel()
        self.missing_warning.setObjectName("missing_warning")
        self.missing_warning.setWordWrap(True)
        self.missing_warning.setStyleSheet("color: #b35c00;")
        self.missing_warning.hide()
        self._warned = False
        outer.addWidget(self.missing_warning)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)

    def _open_asset(self, asset) -> None:
        """Loads the asset as it is now (a disposed one read-only but for its notes) and watches every field."""
        if asset is not None:
            self.opened_record = changes.Opened("asset", asset.id)  # a save over someone else's change is refused
            self.asset = asset = service.get_asset(asset.id)  # as it is now, not as the list read it
            self._load(asset)
        for name in self.FIELDS + ["copies"]:
            self._watch(name)
        self._recompute()
        if asset is not None and asset.status in ("disposed", "voided"):
            for name in self.FIELDS:
                if name != "note":
                    getattr(self, name).setEnabled(False)
            self.has_warranty.setEnabled(False)
            self.note.setFocus()

    def _two_labels(self, f1, w1, f2, w2) -> QWidget:
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.errors.make_label(f1, w1))
        lay.addWidget(self.errors.make_label(f2, w2))
        return box

    def _watch(self, name: str) -> None:
        w = getattr(self, name, None)
        if w is None:
            return
        def touched(*_a, n=name):
            self.touched.add(n)
            self._recompute()
        if isinstance(w, QLineEdit):
            w.textEdited.connect(touched)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(touched)
        elif isinstance(w, DateBox):
            w.dateChanged.connect(touched)
        elif isinstance(w, QSpinBox):
            w.valueChanged.connect(touched)
        elif isinstance(w, SearchCombo):
            w.currentIndexChanged.connect(touched)
            w.editTextChanged.connect(touched)
        elif isinstance(w, ChoiceBox):
            w.currentIndexChanged.connect(touched)
        if name == "warranty_end":
            self.has_warranty.toggled.connect(touched)

    def _load(self, a) -> None:
        self.number.setText(a.number)
        self.number.setReadOnly(True)
        self.name.setText(a.name)
        self.category.set_value(a.category_id)
        self.model_spec.setText(a.model_spec or "")
        self.brand.setText(a.brand or "")
        self.unit.setText(a.unit or "")
        self.quantity.setText(str(a.quantity))
        self.unit_price.setText(f"{Decimal(a.unit_price):.2f}")
        self.acquired_on.set_date(a.acquired_on)
        self.source.set_value(a.source)
        self.supplier.set_value(a.supplier_id)
        self.invoice_no.setText(a.invoice_no or "")
        self.funding_source.setText(a.funding_source or "")
        self.place.set_value(a.place_id)
        self.department.set_value(a.department_id)
        self.custodian.set_value(a.custodian_id)
        self.status.set_value(a.status)
        if a.status in ("lent", "shortage", "lost"):
            self.status.setEnabled(False)
        if a.warranty_end:
            self.has_warranty.setChecked(True)
            self.warranty_end.set_date(a.warranty_end)
        self.serial_no.setText(a.serial_no or "")
        self.note.setPlainText(a.note or "")

    def reload_record(self) -> None:
        """Someone else changed the asset since the form opened: show it as it is now (core/ui/dialogs.run_save)."""
        self.asset = service.get_asset(self.asset.id)
        self.has_warranty.setChecked(False)
        self._load(self.asset)
        self._recompute()

    def values(self) -> dict:
        def combo(w: SearchCombo):
            v = w.value()
            if v is None and w.currentText().strip() and w.currentText().strip() != (w._empty_label or ""):
                return -1  # typed text that names no entry: "Unknown value."
            return v
        values = {
            "name": self.name.text(), "category": combo(self.category), "model_spec": self.model_spec.text(),
            "brand": self.brand.text(), "unit": self.unit.text(), "quantity": self.quantity.text(),
            "unit_price": self.unit_price.text(), "acquired_on": self.acquired_on.value(),
            "source": self.source.value(), "supplier": combo(self.supplier), "invoice_no": self.invoice_no.text(),
            "funding_source": self.funding_source.text(), "place": combo(self.place),
            "department": combo(self.department), "custodian": combo(self.custodian), "status": self.status.value(),
            "warranty_end": self.warranty_end.value() if self.has_warranty.isChecked() else None,
            "serial_no": self.serial_no.text(), "note": self.note.toPlainText(),
        }
        if values["category"] == -1:
            values["category"] = "?"
        if self.asset is None:
            values["number"] = self.number.text()
        return values

    def _recompute(self) -> None:
        values = self.values()
        clean, errors = service.validate(values, self.asset)
        if self.asset is None and self.copies.value() > 1 and clean.get("number"):
            errors["number"] = tr("Leave the number empty when copying into several records.")
        shown = {k: v for k, v in errors.items() if k in self.touched}
        if shown:
            self.errors.show(ValidationError(shown))
        else:
            self.errors.clear()
        amount = clean.get("amount")
        self.amount.setText(_fmt_money(amount) if amount is not None else "—")
        hints = []
        if "amount" in clean and clean.get("low_value") and clean.get("unit_price"):
            hints.append(tr("Below the fixed-asset threshold: registered as a low-value item."))
        if self.asset is None and not values.get("number") and clean.get("category") is not None \
                and isinstance(values.get("acquired_on"), _dt.date):
            hints.append(tr("The number is assigned on saving, like {example}.").format(
                example=_number_example(clean["category"], values["acquired_on"].year)))
        if self.asset is None and self.copies.value() > 1:
            hints.append(tr("{n} records will be registered, each with its own number.").format(n=self.copies.value()))
        if self.asset is not None and self.asset.status in ("disposed", "voided"):
            hints.insert(0, tr("This asset is disposed: only the notes can be edited.") if self.asset.status ==
                         "disposed" else tr("This record is voided: only the notes can be edited."))
        self.hint.setText("  ".join(hints))

    def _ok(self) -> None:
        """A new asset without place, custodian or price: say so once; OK again saves it as it is."""
        if self.asset is None and not self._warned:
            values = self.values()
            clean, errors = service.validate(values)
            missing = [label for key, label in (("place", tr("place")), ("custodian", tr("custodian")),
                                                ("unit_price", tr("unit price")))
                       if key not in errors and not clean.get(key)]
            if missing and not errors:
                self._warned = True
                self.missing_warning.setText(tr("No {fields} yet. It can be completed later with Edit; press Save "
                                                "again to register it as it is.").format(fields=tr(", ").join(missing)))
                self.missing_warning.show()
                return
        super()._ok()

    def save(self):
        self.touched |= set(self.FIELDS)
        values = self.values()
        if self.asset is None:
            return service.register(values, self.copies.value())
        return [service.update(self.asset, values)]


def _number_example(category, year: int) -> str:
    from ...core import numbering

    pattern = settings.get("assets.number_pattern") or "{year}-{code}-{seq:05d}"
    try:
        return pattern.format(year=year, code=category.code, seq=numbering.peek(f"asset:{year}:{category.code}") + 1)
    except (KeyError, ValueError, IndexError):
        return "—"


# --- transfer, lend, take back, damage, write off ---------------------------------

class _PartMixin:
    """A quantity field for one batch line (1..its quantity, the whole line by default) and a line saying
    what happens: the whole line, or a part split off into its own record."""

    quantity: QSpinBox | None = None

    def add_quantity(self, form: QFormLayout, assets: list, label: str) -> None:
        self.quantity = None
        if len(assets) != 1 or assets[0].quantity <= 1:
            return
        a = self.part_asset = assets[0]
        self.quantity = QSpinBox()
        self.quantity.setRange(1, a.quantity)
        self.quantity.setValue(a.quantity)
        self.quantity.setSuffix(f" {a.unit}" if a.unit else "")
        self.row(form, label, "quantity", self.quantity)
        self.part_info = QLabel()
        self.part_info.setObjectName("part_info")
        self.part_info.setWordWrap(True)
        form.addRow(self.part_info)
        self.quantity.valueChanged.connect(self._quantity_changed)
        self._quantity_changed()

    def chosen_quantity(self) -> int | None:
        return self.quantity.value() if self.quantity is not None else None

    def _quantity_changed(self, *_a) -> None:
        a, q = self.part_asset, self.quantity.value()
        if q >= a.quantity:
            text = tr("The whole line: {qty} {unit}.").format(qty=a.quantity, unit=a.unit or "")
        else:
            text = tr("{qty} of {total} {unit} are split off into their own record {part}; "
                      "{left} {unit} stay in {number}.").format(
                qty=q, total=a.quantity, unit=a.unit or "", part=service.part_number(a), left=a.quantity - q,
                number=a.number)
        self.part_info.setText(text)


class TransferDialog(_PartMixin, _Dialog):
    @staticmethod
    def _chosen(combo: SearchCombo):
        """The chosen entry's id; -1 for typed text that names none ("Unknown value."), None when left empty."""
        value = combo.value()
        return -1 if value is None and combo.currentText().strip() else value

    def __init__(self, parent, assets: list):
        super().__init__(parent, tr("Transfer"))
        self.assets = assets
        self.setMinimumWidth(520)
        form = _form()
        if len(assets) == 1:
            a = assets[0]
            current = tr("{number} {name}: now at {place}, {department}, custodian {custodian}").format(
                number=a.number, name=a.name, place=a.place or "—", department=a.department or "—",
                custodian=a.custodian or "—")
        else:
            current = tr("{n} assets selected").format(n=len(assets))
        info = QLabel(current)
        info.setWordWrap(True)
        form.addRow(info)
        self.add_quantity(form, assets, tr("Quantity to transfer"))
        keep = tr("(unchanged)")
        self.place = self.row(form, tr("New place"), "place", SearchCombo(place_items(), empty_label=keep))
        self.department = self.row(form, tr("New department / class"), "department",
                                   SearchCombo(department_items(), empty_label=keep))
        self.custodian = self.row(form, tr("New custodian"), "custodian", SearchCombo(person_items(), empty_label=keep))
        self.date = self.row(form, tr("Date"), "date", DateBox(value=clock.today()))
        self.reason = self.row(form, tr("Reason *"), "reason", QLineEdit())
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)

    def save(self):
        # all selected assets, or none (one transaction in the service)
        return service.transfer_many(self.assets, quantity=self.chosen_quantity(), place=self._chosen(self.place),
                                     department=self._chosen(self.department),
                                     custodian=self._chosen(self.custodian), on=self.date.value(),
                                     reason=self.reason.text())


class LendDialog(_PartMixin, _Dialog):
    def __init__(self, parent, asset):
        super().__init__(parent, tr("Lend {number} {name}").format(number=asset.number, name=asset.name))
        self.asset = asset
        self.setMinimumWidth(480)
        form = _form()
        self.info = QLabel(tr("{number} {name}, {qty} {unit}, at {place}").format(
            number=asset.number, name=asset.name, qty=asset.quantity, unit=asset.unit or "",
            place=asset.place.full_name if asset.place_id else "—"))
        self.info.setObjectName("info")
        self.info.setWordWrap(True)
        form.addRow(self.info)
        self.add_quantity(form, [asset], tr("Quantity to lend"))
        self.borrower = self.row(form, tr("Borrower *"), "borrower_name", SearchCombo(person_items(), empty_label=""))
        self.borrower.lineEdit().setPlaceholderText(tr("A staff member, or type any name"))
        self.department = self.row(form, tr("Department / class"), "department",
                                   SearchCombo(department_items(), empty_label=tr("(none)")))
        self.lent_on = self.row(form, tr("Lent on"), "lent_on", DateBox(value=clock.today()))
        self.due_on = self.row(form, tr("Due back *"), "due_on", DateBox(value=clock.today() + _dt.timedelta(days=7)))
        self.purpose = self.row(form, tr("Purpose"), "purpose", QLineEdit())
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)

    def save(self):
        return service.lend(self.asset, borrower_name=self.borrower.text_value(), borrower=self.borrower.value(),
                            department=self.department.value(), lent_on=self.lent_on.value(),
                            due_on=self.due_on.value(), purpose=self.purpose.text(),
                            quantity=self.chosen_quantity())


class ReturnDialog(_Dialog):
    def __init__(self, parent, asset):
        super().__init__(parent, tr("Take back {number} {name}").format(number=asset.number, name=asset.name))
        self.asset = asset
        loan = service.open_loan(asset)
        form = _form()
        if loan is not None:
            text = tr("Lent to {name} on {lent}, due back {due}").format(
                name=loan.borrower_name, lent=loan.lent_on.isoformat(), due=loan.due_on.isoformat())
            late = (clock.today() - loan.due_on).days
            if late > 0:
                text += tr(" — {days} days overdue").format(days=late)
            form.addRow(QLabel(text))
        self.returned_on = self.row(form, tr("Returned on"), "returned_on", DateBox(value=clock.today()))
        self.note = self.row(form, tr("Condition / note"), "note", QLineEdit())
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)

    def save(self):
        return service.take_back(self.asset, returned_on=self.returned_on.value(), note=self.note.text())


RULE_TEXT = {
    "natural": N_("Natural wear: the school bears the loss; nobody pays."),
    "accidental": N_("Accidental damage: the person responsible pays the price (照价赔偿)."),
    "deliberate": N_("Deliberate damage: the person responsible pays double (加倍赔偿) and a discipline note is "
                     "recorded."),
}


class DamageDialog(_Dialog):
    def __init__(self, parent, asset):
        super().__init__(parent, tr("Report damage: {number} {name}").format(number=asset.number, name=asset.name))
        self.asset = asset
        self.setMinimumWidth(560)
        form = _form()
        self.cause = self.row(form, tr("Cause *"), "cause",
                              ChoiceBox([(tr(label), key) for key, label in DAMAGE_CAUSES.items()]))
        self.description = self.row(form, tr("What is damaged *"), "description", QLineEdit())
        self.date = self.row(form, tr("Date"), "date", DateBox(value=clock.today()))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, max(1, asset.quantity))
        self.row(form, tr("Quantity damaged"), "quantity", self.quantity)
        self.responsible = self.row(form, tr("Person responsible"), "responsible_name",
                                    SearchCombo(person_items(), empty_label=""))
        self.responsible.lineEdit().setPlaceholderText(tr("A staff member, or type a student's name"))
        self.discipline = self.row(form, tr("Discipline note"), "discipline_note", QLineEdit())
        self.new_status = self.row(form, tr("The asset is now"), "status", ChoiceBox(
            [(tr(STATUSES[k]), k) for k in ("repair", "in_use", "idle")]))
        self.rule = QLabel()
        self.rule.setObjectName("rule")
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("background: #f4f6f8; padding: 6px; border: 1px solid #d0d7de;")
        form.addRow(self.rule)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)
        self.cause.currentIndexChanged.connect(self._update_rule)
        self.quantity.valueChanged.connect(self._update_rule)
        self.date.dateChanged.connect(self._update_rule)
        self._update_rule()

    def _update_rule(self, *_a) -> None:
        cause = self.cause.value()
        basis, base, comp = service.compensation_for(self.asset, cause, self.quantity.value(), self.date.value())
        basis_text = tr("original price") if basis == "original" else tr("net book value")
        text = tr(RULE_TEXT[cause])
        if cause != "natural":
            text += "\n" + tr("Price ({basis}): {base} yuan → compensation {comp} yuan").format(
                basis=basis_text, base=_fmt_money(base), comp=_fmt_money(comp))
        self.rule.setText(text)
        self.discipline.setEnabled(cause == "deliberate")
        self.responsible.setEnabled(cause != "natural")

    def compensation_text(self) -> str:
        return self.rule.text()

    def save(self):
        cause = self.cause.value()
        return service.report_damage(
            self.asset, cause=cause, description=self.description.text(), on=self.date.value(),
            responsible=self.responsible.value() if cause != "natural" else None,
            responsible_name=self.responsible.text_value() if cause != "natural" else "",
            discipline_note=self.discipline.text() if cause == "deliberate" else "",
            quantity=self.quantity.value(), new_status=self.new_status.value())


class WriteOffDialog(_PartMixin, _Dialog):
    def __init__(self, parent, assets: list):
        super().__init__(parent, tr("Write off {number} {name}").format(number=assets[0].number, name=assets[0].name)
                         if len(assets) == 1 else tr("Write off {n} assets").format(n=len(assets)))
        self.assets = assets
        self.setMinimumWidth(540)
        form = _form()
        total_nbv = Decimal(0)
        for a in assets:
            nbv = service.net_book_value(a)
            total_nbv += nbv if nbv is not None else Decimal(a.amount)
        if len(assets) == 1:
            a = assets[0]
            head = tr("{number} {name}, {qty} {unit} (the whole line), original value {amount} yuan, "
                      "net book value {nbv} yuan").format(
                number=a.number, name=a.name, qty=a.quantity, unit=a.unit or "", amount=_fmt_money(a.amount),
                nbv=_fmt_money(total_nbv))
        else:
            head = tr("{n} assets, net book value {nbv} yuan").format(n=len(assets), nbv=_fmt_money(total_nbv))
            head += "\n" + join_list(f"{a.number} {a.name} ×{a.quantity}" for a in assets[:8]) + (
                "…" if len(assets) > 8 else "")
        self.info = QLabel(head + "\n" + tr("The record stays in the register with the status “Disposed”.") + "\n"
                           + tr("Writing off cannot be undone."))
        self.info.setObjectName("info")
        self.info.setWordWrap(True)
        form.addRow(self.info)
        self.add_quantity(form, assets, tr("Quantity to write off"))
        self._total_nbv = total_nbv
        if self.quantity is not None:
            self.quantity.valueChanged.connect(self._update_head)
        self.reason = self.row(form, tr("Reason *"), "reason", QLineEdit())
        self.approver = self.row(form, tr("Approved by *"), "approver",
                                 QLineEdit(settings.get("school.principal") or ""))
        self.method = self.row(form, tr("Disposal method *"), "method",
                               ChoiceBox([(tr(label), key) for key, label in DISPOSAL_METHODS.items()]))
        self.date = self.row(form, tr("Date"), "date", DateBox(value=clock.today()))
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)
        self.ok_button.setText(tr("&Write off"))

    def _update_head(self, *_a) -> None:
        """The first line names the asset and the units written off (a part: its share of the value)."""
        a, q = self.assets[0], self.quantity.value()
        if q >= a.quantity:
            head = tr("{number} {name}, {qty} {unit} (the whole line), original value {amount} yuan, "
                      "net book value {nbv} yuan").format(
                number=a.number, name=a.name, qty=a.quantity, unit=a.unit or "", amount=_fmt_money(a.amount),
                nbv=_fmt_money(self._total_nbv))
        else:
            head = tr("{number} {name}: {qty} of {total} {unit}, original value {amount} yuan, "
                      "net book value {nbv} yuan").format(
                number=a.number, name=a.name, qty=q, total=a.quantity, unit=a.unit or "",
                amount=_fmt_money(Decimal(a.amount) * q / a.quantity),
                nbv=_fmt_money(self._total_nbv * q / a.quantity))
        lines = self.info.text().split("\n")
        self.info.setText("\n".join([head, *lines[1:]]))

    def keyPressEvent(self, event) -> None:
        """Enter in a field does not write off: only the button does (a click, Alt+W, or Enter on it)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def save(self):
        # all selected assets, or none (one transaction in the service)
        return service.write_off_many(self.assets, quantity=self.chosen_quantity(), reason=self.reason.text(),
                                      approver=self.approver.text(), method=self.method.value(),
                                      on=self.date.value())


class VoidDialog(_Dialog):
    """Void a registration made in error, or the whole import it came with: nothing is deleted."""

    def __init__(self, parent, asset):
        super().__init__(parent, tr("Void {number} {name}").format(number=asset.number, name=asset.name))
        self.asset = asset
        self.batch = service.import_of(asset)
        self.setMinimumWidth(560)
        form = _form()
        self.only_this = QRadioButton(tr("Only this record: {number} {name}, {qty} {unit}").format(
            number=asset.number, name=asset.name, qty=asset.quantity, unit=asset.unit or ""))
        self.only_this.setChecked(True)
        form.addRow(self.only_this)
        self.whole_import = QRadioButton()
        if self.batch:
            whole = (tr("The whole import it came with: {summary}, {time}, 1 record") if self.batch["count"] == 1 else
                     tr("The whole import it came with: {summary}, {time}, {n} records"))
            self.whole_import.setText(whole.format(
                summary=audit.shown(self.batch["summary"]), time=self.batch["created_at"].strftime("%Y-%m-%d %H:%M"),
                n=self.batch["count"]))
            self.whole_import.setChecked(True)
            form.addRow(self.whole_import)
        else:
            self.whole_import.hide()
        self.info = QLabel(tr("For records entered in error that nothing has happened to since. They leave the "
                              "register (the status filter “Voided” still finds them); nothing is deleted and the "
                              "change record keeps everything."))
        self.info.setObjectName("info")
        self.info.setWordWrap(True)
        form.addRow(self.info)
        self.reason = self.row(form, tr("Reason *"), "reason", QLineEdit())
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)
        self.ok_button.setText(tr("&Void"))

    def ids(self) -> list[int]:
        return list(self.batch["ids"]) if self.batch and self.whole_import.isChecked() else [self.asset.id]

    def save(self):
        return service.void_registrations(self.ids(), reason=self.reason.text())


# --- history, overdue, detail ------------------------------------------------------

def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.setItem(r, c, QTableWidgetItem("" if v is None else str(v)))
    t.resizeColumnsToContents()
    t.horizontalHeader().setStretchLastSection(True)
    return t


class HistoryDialog(QDialog):
    def __init__(self, parent, asset):
        super().__init__(parent)
        self.setWindowTitle(tr("History of {number} {name}").format(number=asset.number, name=asset.name))
        self.setMinimumSize(760, 420)
        self.resize(900, 520)
        from .models import EVENT_KINDS

        events = service.history(asset)
        self.events = _table([tr("Date"), tr("Event"), tr("What happened"), tr("Document")],
                             [[e.event_date.isoformat(), tr(EVENT_KINDS.get(e.kind, e.kind)),
                               audit.shown(e.summary), e.doc_no or ""]
                              for e in events])
        self.events.setWordWrap(True)
        changes = service.change_record(asset)
        self.changes = _table([tr("Time"), tr("Operator"), tr("Action"), tr("Field"), tr("Old value"), tr("New value")],
                              [[c["ts"].strftime("%Y-%m-%d %H:%M") if c["ts"] else "", c["operator"], c["action_label"],
                                c["field_label"] if c["field"] != "*" else tr("(all fields)"),
                                c["old"] or "", c["new"] or ""] for c in changes])
        self.changes.setWordWrap(True)
        for column in (4, 5):
            self.changes.setColumnWidth(column, min(self.changes.columnWidth(column), 420))
        self.changes.resizeRowsToContents()
        tabs = QTabWidget()
        tabs.addTab(self.events, tr("History ({n})").format(n=len(events)))
        tabs.addTab(self.changes, tr("Change record ({n})").format(n=len(changes)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)


class OverdueDialog(QDialog):
    show_in_register = Signal()

    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(tr("Overdue loans"))
        self.setMinimumSize(700, 360)
        self.resize(820, 420)
        rows = service.overdue_loan_rows()
        lay = QVBoxLayout(self)
        if rows:
            lay.addWidget(QLabel(ntr(N_("1 loan is past its due date."), N_("{n} loans are past their due date."),
                                     len(rows))))
        else:
            lay.addWidget(QLabel(tr("No loan is overdue.")))
        self.table = _table([tr("Asset number"), tr("Asset name"), tr("Borrower"), tr("Lent on"), tr("Due back"),
                             tr("Days overdue"), tr("Purpose")],
                            [[r["number"], r["name"], r["borrower_name"], r["lent_on"].isoformat(),
                              r["due_on"].isoformat(), str(r["overdue_days"]), r.get("purpose") or ""] for r in rows])
        lay.addWidget(self.table)
        buttons = QDialogButtonBox()
        show = buttons.addButton(tr("Show them in the register"), QDialogButtonBox.ButtonRole.AcceptRole)
        show.clicked.connect(lambda: (self.show_in_register.emit(), self.accept()))
        close = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        lay.addWidget(buttons)


DETAIL_FIELDS = [
    ("number", N_("Asset number")), ("name", N_("Asset name")), ("category_path", N_("Asset category")),
    ("model_spec", N_("Model / specification")), ("brand", N_("Brand")), ("quantity_unit", N_("Quantity")),
    ("unit_price", N_("Unit price")), ("amount", N_("Amount")), ("acquired_on", N_("Acquisition date")),
    ("source_label", N_("Acquisition source")), ("supplier", N_("Supplier")), ("invoice_no", N_("Invoice number")),
    ("funding_source", N_("Funding source")), ("place", N_("Storage place")), ("department", N_("Department or class")),
    ("custodian", N_("Custodian")), ("status_label", N_("Status")), ("warranty_end", N_("Warranty until")),
    ("serial_no", N_("Serial number")), ("note", N_("Notes")),
]


def detail_html(d: dict) -> str:
    d = dict(d)
    d["quantity_unit"] = f"{d['quantity']} {d['unit'] or ''}"
    for k in ("unit_price", "amount"):
        d[k] = _fmt_money(d[k])
    rows = []
    for key, label in DETAIL_FIELDS:
        v = d.get(key)
        if v in (None, ""):
            v = "—"
        elif isinstance(v, _dt.date):
            v = v.isoformat()
        rows.append(f"<tr><td style='color:#666;padding-right:8px'>{html.escape(tr(label))}</td>"
                    f"<td>{html.escape(str(v))}</td></tr>")
    out = [f"<h3 style='margin:0'>{html.escape(d['name'])}</h3><table>{''.join(rows)}</table><hr>"]
    if d.get("net_book_value") is None:
        if d.get("useful_life_years") is None:
            out.append(html.escape(tr("This category is not depreciated.")))
        else:
            out.append(html.escape(tr("Low-value item: not depreciated.")))
    else:
        out.append(html.escape(tr("Depreciation: straight line over {years} years, {months} months so far.").format(
            years=d["useful_life_years"], months=d["months_depreciated"])))
        out.append("<br>" + html.escape(tr("Accumulated depreciation: {value} yuan").format(
            value=_fmt_money(d["accumulated_depreciation"]))))
        out.append("<br><b>" + html.escape(tr("Net book value: {value} yuan").format(
            value=_fmt_money(d["net_book_value"]))) + "</b>")
    loan = d.get("loan")
    if loan:
        text = tr("Lent to {name} on {lent}, due back {due}").format(
            name=loan["borrower"], lent=loan["lent_on"].isoformat(), due=loan["due_on"].isoformat())
        if loan["overdue_days"]:
            text += tr(" — {days} days overdue").format(days=loan["overdue_days"])
            out.append(f"<p style='color:#c0392b'>{html.escape(text)}</p>")
        else:
            out.append(f"<p>{html.escape(text)}</p>")
    return "".join(out)


# --- import -----------------------------------------------------------------------

class ImportPreviewDialog(QDialog):
    """What an import would do: every bad row (row, column, value, why), the master data it creates."""

    imported = Signal(object)

    def __init__(self, parent, plan):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("Import assets"))
        self.setMinimumSize(760, 440)
        self.resize(900, 560)
        lay = QVBoxLayout(self)
        res = plan.result
        self._add_summary(lay)
        self._add_new_master(lay)
        self.map_boxes: dict[str, QComboBox] = {}
        self.map_button = None
        if res.missing_columns and plan.mappable_headers():
            self._add_mapping(lay)
        self.category_boxes: dict[str, QComboBox] = {}
        self.category_button = None
        if plan.unknown_categories:
            self._add_category_mapping(lay)
        self._add_duplicates(lay)
        errors = self._add_errors(lay)
        self._add_buttons(lay, errors)

    def _add_summary(self, lay: QVBoxLayout) -> None:
        """The file, the rows read, good and bad, the rows skipped and the columns not imported."""
        plan = self.plan
        res = plan.result
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        lines = [tr("File: {file}").format(file=plan.path)]
        lines.append(tr("{rows} rows read: {good} can be imported, {bad} have errors.").format(
            rows=len(res.rows), good=plan.valid_count, bad=plan.invalid_count))
        if res.skipped:
            lines.append(tr("Skipped (not data): {rows}").format(
                rows=join_list(tr("row {row} ({why})").format(row=r, why=why) for r, why in res.skipped[:12])
                + ("…" if len(res.skipped) > 12 else "")))
        if res.extra_columns:
            lines.append(tr("Columns not imported: {cols}").format(cols=join_list(res.extra_columns)))
        self.summary.setText("\n".join(lines))
        lay.addWidget(self.summary)

    def _add_new_master(self, lay: QVBoxLayout) -> None:
        """The places, departments, people and suppliers the import will create."""
        master = self.plan.new_master_lines()
        if master:
            m = QLabel(tr("Will be created:") + "\n" + "\n".join(master))
            m.setObjectName("new_master")
            m.setWordWrap(True)
            m.setStyleSheet("color: #1f5f99;")
            lay.addWidget(m)

    def _add_duplicates(self, lay: QVBoxLayout) -> None:
        """The probable duplicates, and whether to import them too."""
        plan = self.plan
        self.include_duplicates = QCheckBox(tr("Import the probable duplicates too"))
        self.include_duplicates.setObjectName("include_duplicates")
        if plan.duplicates:
            d = QLabel("\n".join(plan.duplicate_lines(limit=12)))
            d.setObjectName("duplicates")
            d.setWordWrap(True)
            d.setStyleSheet("color: #b35c00;")
            lay.addWidget(d)
            lay.addWidget(self.include_duplicates)
        else:
            self.include_duplicates.hide()

    def _add_errors(self, lay: QVBoxLayout) -> list:
        """The wrong cells in a table (nothing is imported while one is wrong), or "Every row is correct"."""
        errors = self.plan.errors
        self.error_table = _table([tr("Row number"), tr("Column"), tr("Cell value"), tr("Why")],
                                  [[str(e.row) if e.row > 0 else "", e.column, e.value, e.message] for e in errors])
        if errors:
            head = QLabel(tr("Nothing is imported while a row is wrong. Correct the file and import it again, "
                             "or import only the valid rows."))
            head.setWordWrap(True)
            head.setStyleSheet("color: #c0392b; font-weight: bold;")
            lay.addWidget(head)
            lay.addWidget(self.error_table, 1)
        else:
            self.error_table.hide()
            ok = QLabel(tr("Every row is correct."))
            ok.setStyleSheet("color: #1e7e34; font-weight: bold;")
            lay.addWidget(ok)
            lay.addStretch(1)
        return errors

    def _add_buttons(self, lay: QVBoxLayout, errors: list) -> None:
        """Import, Import only the valid rows, Save the error report, Cancel."""
        plan = self.plan
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(lambda: self._import(False))
        self.valid_only_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.valid_only_button.setVisible(not plan.ok and not plan.file_broken)
        self.valid_only_button.clicked.connect(lambda: self._import(True))
        self.include_duplicates.toggled.connect(self._update_buttons)
        self._update_buttons()
        self.report_button = buttons.addButton(tr("Save the error report…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button.setVisible(bool(errors))
        self.report_button.clicked.connect(self.save_report)
        cancel = buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        lay.addWidget(buttons)

    reread = Signal(dict)  # {file header: column key}: read the file again with these columns

    def _add_mapping(self, lay: QVBoxLayout) -> None:
        """A required column was not found: let the clerk say which of the file's columns holds it."""
        from . import excel

        box = QWidget()
        box.setObjectName("mapping")
        form = _form(box)
        form.setContentsMargins(0, 0, 0, 0)
        note = QLabel(tr("Which column of the file holds it? The choice is remembered for files with the same "
                         "headers."))
        note.setWordWrap(True)
        form.addRow(note)
        labels = {c.key: tr(c.label) if c.label else c.names[0] for c in excel.import_columns()}
        for key in self.plan.result.missing_columns:
            combo = QComboBox()
            combo.addItem(tr("(choose a column)"), None)
            for header in self.plan.mappable_headers():
                combo.addItem(header, header)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.map_boxes[key] = combo
            form.addRow(labels.get(key, key), combo)
        self.map_button = QPushButton(tr("&Read the file again with these columns"))
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(self._reread)
        form.addRow(self.map_button)
        lay.addWidget(box)

    reread_categories = Signal()  # categories were mapped (and remembered): check the file again

    def _add_category_mapping(self, lay: QVBoxLayout) -> None:
        """Categories of another system: each offered once, to be read as one of the school's categories."""
        box = QWidget()
        box.setObjectName("category_mapping")
        form = _form(box)
        form.setContentsMargins(0, 0, 0, 0)
        note = QLabel(tr("Categories the school does not have: choose one of the school's categories for each "
                         "(remembered for later imports)."))
        note.setWordWrap(True)
        form.addRow(note)
        items = category_items()
        for text, n in list(self.plan.unknown_categories.items())[:30]:
            combo = SearchCombo(items, empty_label=tr("(choose)"))
            combo.currentIndexChanged.connect(self._categories_changed)
            combo.editTextChanged.connect(self._categories_changed)
            self.category_boxes[text] = combo
            form.addRow(tr("{category} ({n} rows)").format(category=text, n=n), combo)
        self.category_button = QPushButton(tr("&Use these categories and check again"))
        self.category_button.setEnabled(False)
        self.category_button.clicked.connect(self._use_categories)
        form.addRow(self.category_button)
        lay.addWidget(box)

    def _categories_changed(self, *_a) -> None:
        self.category_button.setEnabled(any(c.value() is not None for c in self.category_boxes.values()))

    def _use_categories(self) -> None:
        from . import excel

        chosen = {text: combo.value() for text, combo in self.category_boxes.items() if combo.value() is not None}
        try:
            excel.remember_category_map(chosen)
        except Exception as exc:
            show_error(self, exc)
            return
        self.reject()
        self.reread_categories.emit()

    def mapping(self) -> dict[str, str]:
        return {combo.currentData(): key for key, combo in self.map_boxes.items() if combo.currentData()}

    def _mapping_changed(self, *_a) -> None:
        chosen = [c.currentData() for c in self.map_boxes.values()]
        self.map_button.setEnabled(all(chosen) and len(set(chosen)) == len(chosen))

    def _reread(self) -> None:
        mapping = self.mapping()
        self.reject()
        self.reread.emit(mapping)

    def _update_buttons(self, *_a) -> None:
        n = self.plan.valid_count
        if not self.include_duplicates.isChecked():
            n -= len(self.plan.duplicates)
        self.import_button.setText(ntr(N_("Import 1 row"), N_("Import {n} rows"), n))
        self.import_button.setEnabled(self.plan.ok and n > 0)
        self.valid_only_button.setText(ntr(N_("Import only the valid row"), N_("Import only the {n} valid rows"), n))
        self.valid_only_button.setEnabled(n > 0)

    def save_report(self, path: str | None = None) -> str | None:
        from ...core import excel as xl

        if not path:
            base = self.plan.path.rsplit(".", 1)[0] if self.plan.path else "import"
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the error report"), base + tr("-errors") + ".xlsx",
                                                  tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        try:
            xl.write_error_report(path, self.plan.errors)
        except Exception as exc:
            show_error(self, exc)
            return None
        return path

    def _import(self, only_valid: bool) -> None:
        from . import excel

        include = self.include_duplicates.isChecked()
        try:
            outcome = run_with_progress(self, tr("Importing…"),
                                        lambda p, c: excel.apply(self.plan, only_valid=only_valid, progress=p,
                                                                 cancelled=c, include_duplicates=include))
        except Cancelled:
            show_info(self, tr("Cancelled. Nothing was imported."))
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.outcome = outcome
        self.imported.emit(outcome)
        self.accept()


# --- the tab ------------------------------------------------------------------------

class AssetsTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = service.AssetQuery()
        self.dialog: QDialog | None = None  # the dialog open right now (tests reach it here)
        self._build_toolbar()
        filters = self._build_filters()
        list_page = self._build_list_page(filters)
        empty = self._build_empty_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(empty)

        outer = QVBoxLayout(self)
        outer.addLayout(self.toolbar)
        outer.addWidget(self.stack, 1)
        self._fill_filter_choices()
        self.reload()

    def _build_toolbar(self) -> None:
        """The asset's actions at the left, files and printing at the right."""
        # toolbar: the asset's actions at the left, files and printing at the right (on a second line
        # when the window is too narrow for one)
        actions_box, files_box = QWidget(), QWidget()
        bar, files = QHBoxLayout(actions_box), QHBoxLayout(files_box)
        bar.setContentsMargins(0, 0, 0, 0)
        files.setContentsMargins(0, 0, 0, 0)
        self.toolbar = TwoSidedBar(actions_box, files_box)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("register", N_("&Register…"), self.register),
            ("edit", N_("&Edit…"), self.edit),
            ("transfer", N_("&Transfer…"), self.transfer),
            ("lend", N_("&Lend…"), self.lend),
            ("take_back", N_("Ta&ke back…"), self.take_back),
            ("damage", N_("Report &damage…"), self.report_damage),
            ("write_off", N_("&Write off…"), self.write_off),
            ("history", N_("Histor&y"), self.show_history),
            ("void", N_("&Void…"), self.void),
        ):
            b = QPushButton(tr(label))
            b.setObjectName(f"btn_{key}")
            b.clicked.connect(lambda _c=False, s=slot: s())
            bar.addWidget(b)
            self.buttons[key] = b
        self.overdue_button = QPushButton()
        self.overdue_button.setObjectName("btn_overdue")
        self.overdue_button.clicked.connect(self.show_overdue)
        bar.addWidget(self.overdue_button)
        for key, label, slot in (("import", N_("&Import…"), self.import_dialog),
                                 ("export", N_("E&xport…"), self.export_dialog),
                                 ("template", N_("Import te&mplate…"), self.save_template)):
            b = QPushButton(tr(label))
            b.setObjectName(f"btn_{key}")
            b.clicked.connect(lambda _c=False, s=slot: s())
            files.addWidget(b)
            self.buttons[key] = b
        self._build_print_button(files)

    def _build_print_button(self, files: QHBoxLayout) -> None:
        """The print menu, when the module ships one; a broken one leaves the register usable."""
        self.print_button = None
        if importlib.util.find_spec(__package__ + ".print_menu") is not None:
            try:
                from .print_menu import build_print_menu

                self.print_button = QToolButton()
                self.print_button.setText(tr("Print"))
                self.print_button.setObjectName("btn_print")
                self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                self.print_button.setMenu(build_print_menu(self))
                files.addWidget(self.print_button)
            except Exception:  # a broken print menu must not take the register down
                import logging

                logging.getLogger(__name__).exception("print menu failed")

    def _build_filters(self) -> QHBoxLayout:
        """The search box, the category/place/department/status filters, Clear and the count."""
        filters = QHBoxLayout()
        self.search = SearchBox(tr("Search number, name, model, place, custodian, department…"))
        self.search.setMinimumWidth(220)
        self.search.search.connect(lambda _t: self.apply_filters())
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        self.category_filter = SearchCombo(empty_label=tr("All categories"))
        self.place_filter = SearchCombo(empty_label=tr("All places"))
        self.department_filter = SearchCombo(empty_label=tr("All departments and classes"))
        self.status_filter = ChoiceBox(
            [(tr(label), key) for key, label in service.STATUS_FILTERS.items()]
            + [(tr(label), key) for key, label in STATUSES.items()], empty_label=tr("All statuses"))
        for w in (self.category_filter, self.place_filter, self.department_filter):
            w.setMinimumWidth(160 if w is self.department_filter else 140)  # room for the count at 1366×768
            w.activated.connect(lambda _i: self.apply_filters())
            w.lineEdit().editingFinished.connect(self._combo_edited)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        filters.addWidget(self.search, 3)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.place_filter, 1)
        filters.addWidget(self.department_filter, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.clear_button)
        filters.addWidget(self.count_label)
        return filters

    def _build_list_page(self, filters: QHBoxLayout) -> QWidget:
        """The filters over the list of assets, with the detail pane at its right."""
        self.model = AssetTableModel(COLUMNS, self.query)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        metrics = self.table.horizontalHeader().fontMetrics()
        for i, col in enumerate(COLUMNS):
            # wide enough for the header in the interface language
            self.table.setColumnWidth(i, max(col.width or 80, metrics.horizontalAdvance(tr(col.title)) + 24))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumWidth(260)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMargin(8)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 300])
        self.no_match = QLabel(tr("No asset matches the search and filters."))
        self.no_match.setObjectName("no_match")
        self.no_match.setStyleSheet("color: #666; padding: 4px;")
        self.no_match.hide()
        list_page = QWidget()
        lp = QVBoxLayout(list_page)
        lp.setContentsMargins(0, 0, 0, 0)
        lp.addLayout(filters)
        lp.addWidget(self.no_match)
        lp.addWidget(splitter, 1)
        return list_page

    def _build_empty_page(self) -> QWidget:
        """What an empty register shows: a hint and the three ways to fill it."""
        empty = QWidget()
        ep = QVBoxLayout(empty)
        ep.addStretch(1)
        self.empty_hint = QLabel(tr("The register is empty.\n\nRegister the first asset, or import the register "
                                    "you keep in Excel (.xlsx, .xls or .csv). The import template shows the columns "
                                    "the program reads; your own file works too."))
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("font-size: 15px; color: #444;")
        ep.addWidget(self.empty_hint)
        eb = QHBoxLayout()
        eb.addStretch(1)
        for label, slot in ((N_("&Register…"), self.register), (N_("&Import…"), self.import_dialog),
                            (N_("Import te&mplate…"), self.save_template)):
            b = QPushButton(tr(label))
            b.setMinimumHeight(32)
            b.clicked.connect(lambda _c=False, s=slot: s())
            eb.addWidget(b)
        eb.addStretch(1)
        ep.addLayout(eb)
        ep.addStretch(2)
        return empty

    # --- filters and list ---
    def _search_entered(self) -> None:
        """Enter in the search box (a scanner ends with it): search now; a single match, or the asset whose
        number is the text, is selected and its actions enabled."""
        self.search.flush()
        text = self.search.text().strip()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)
        elif text:
            found = service.find_by_number(text)
            row = self.model.find_row(found.id) if found is not None else None
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.model.rowCount():  # Down leaves the search box for the list
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _fill_filter_choices(self) -> None:
        self.category_filter.set_items(category_items())
        self.place_filter.set_items(place_items())
        self.department_filter.set_items(department_items())

    def _combo_edited(self) -> None:
        self.apply_filters()

    def current_filters(self) -> dict:
        """The filters the list shows now (for exports and printed lists)."""
        f = {}
        text = self.search.text().strip()
        if text:
            f["text"] = text
        for key, w in (("category", self.category_filter), ("place", self.place_filter),
                       ("department", self.department_filter), ("status", self.status_filter)):
            v = w.value()
            if v is not None:
                f[key] = v
        return f

    def apply_filters(self) -> None:
        filters = self.current_filters()
        if filters == self.model.filters:
            return
        self.model.set_filters(filters)
        self._after_load()

    def clear_filters(self) -> None:
        self.search.clear()
        for w in (self.category_filter, self.place_filter, self.department_filter, self.status_filter):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        self.model.set_filters({})
        self._after_load()

    def reload(self, select_ids: list[int] | None = None) -> None:
        self.model.set_filters(self.current_filters())
        self._after_load()
        if select_ids:
            self.select_ids(select_ids)

    def _after_load(self) -> None:
        n = self.model.rowCount()
        filtered = bool(self.model.filters)
        if filtered:
            total = self.query.count({})
            self.count_label.setText(tr("{n} of {total}").format(n=n, total=total))
        else:
            total = n
            self.count_label.setText(tr("{n} in all").format(n=n))
        # voided records still reach the list page: the status filter "Voided" finds them
        self.stack.setCurrentIndex(1 if total == 0 and not self.query.count({"status": "voided"}) else 0)
        self.buttons["export"].setEnabled(total > 0)
        self.no_match.setVisible(filtered and n == 0)
        overdue = len(service.overdue_loan_rows()) if total else 0
        self.overdue_button.setText(tr("&Overdue loans ({n})").format(n=overdue))
        self.overdue_button.setStyleSheet("color: #c0392b; font-weight: bold;" if overdue else "")
        self._selection_changed()

    def refresh(self) -> None:
        self._fill_filter_choices()
        self.model.reload()
        self._after_load()

    def select_ids(self, ids: list[int]) -> None:
        if not ids:
            return
        if self.model.rowCount():
            self.model.row_dict(0)  # the first page (newest first: where new records are)
        row = self.model.find_row(ids[0])
        if row is None and len(ids) == 1:
            # not on a loaded page: show it by the number
            a = service.find_asset(ids[0])
            if a is None:
                return
            self.search.setText(a.number)
            self.search.flush()
            row = self.model.find_row(ids[0])
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- selection ---
    def selected_asset_ids(self) -> list[int]:
        """Ids of the selected rows, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.row_id(r) for r in rows) if rid is not None]

    def _current_asset(self):
        ids = self.selected_asset_ids()
        if not ids:
            idx = self.table.currentIndex()
            if idx.isValid():
                ids = [self.model.row_id(idx.row())]
        if not ids:
            return None
        return service.find_asset(ids[0])

    def _selected_assets(self) -> list:
        return service.assets_by_number(self.selected_asset_ids())

    def _selection_changed(self) -> None:
        ids = self.selected_asset_ids()
        one = len(ids) == 1
        a = service.find_asset(ids[0]) if one else None
        status = a.status if a else None
        active = status in ("in_use", "idle", "lent", "repair", "shortage")
        self.buttons["edit"].setEnabled(one)
        self.buttons["history"].setEnabled(one)
        self.buttons["transfer"].setEnabled(bool(ids) and (not one or active))
        self.buttons["lend"].setEnabled(one and status in ("in_use", "idle"))
        self.buttons["take_back"].setEnabled(one and status == "lent")
        self.buttons["damage"].setEnabled(one and active)
        self.buttons["write_off"].setEnabled(bool(ids) and (not one or status not in ("disposed", "lent", "voided")))
        self.buttons["void"].setEnabled(one and status in ("in_use", "idle"))
        if one:
            self.detail.setText(detail_html(service.asset_detail(ids[0])))
        elif ids:
            self.detail.setText(tr("{n} assets selected.").format(n=len(ids)))
        else:
            self.detail.setText(tr("Select an asset to see its details and net book value."))

    # --- dialogs ---
    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        if isinstance(dialog, _Dialog):
            dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, result) -> None:
        ids = service.asset_ids_in(result)
        self.model.reload()
        self._after_load()
        if ids:
            self.select_ids(ids[:1] if len(ids) == 1 else ids)
        self.data_changed.emit()

    def register(self) -> QDialog:
        return self._open(AssetDialog(self))

    def edit(self) -> QDialog | None:
        a = self._current_asset()
        if a is None:
            return None
        return self._open(AssetDialog(self, a))

    def transfer(self) -> QDialog | None:
        assets = self._selected_assets()
        return self._open(TransferDialog(self, assets)) if assets else None

    def lend(self) -> QDialog | None:
        a = self._current_asset()
        return self._open(LendDialog(self, a)) if a else None

    def take_back(self) -> QDialog | None:
        a = self._current_asset()
        return self._open(ReturnDialog(self, a)) if a else None

    def report_damage(self) -> QDialog | None:
        a = self._current_asset()
        return self._open(DamageDialog(self, a)) if a else None

    def write_off(self) -> QDialog | None:
        assets = self._selected_assets()
        return self._open(WriteOffDialog(self, assets)) if assets else None

    def void(self) -> QDialog | None:
        a = self._current_asset()
        return self._open(VoidDialog(self, a)) if a else None

    def show_history(self) -> QDialog | None:
        a = self._current_asset()
        return self._open(HistoryDialog(self, a)) if a else None

    def show_overdue(self) -> QDialog:
        dlg = OverdueDialog(self)
        dlg.show_in_register.connect(self.show_overdue_in_register)
        return self._open(dlg)

    def show_overdue_in_register(self) -> None:
        self.status_filter.set_value("overdue")
        self.apply_filters()

    # --- Excel ---
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import an asset register"), "",
                                              tr("Spreadsheets (*.xlsx *.xlsm *.xls *.et *.csv);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str, mapping: dict[str, str] | None = None) -> None:
        """Read the file off the GUI thread, check it, then show the preview. ``mapping``: the clerk's
        {file header: column}; without it, one remembered for files with the same headers is used."""
        from . import excel

        def done(result):
            try:
                remembered = excel.remembered_mapping(result) if mapping is None else None
                if remembered:
                    self.import_file(path, remembered)
                    return
                plan = excel.check(result, path)
                plan.header_mapping = mapping
                if mapping and not plan.file_broken:
                    excel.remember_mapping(plan, mapping)
            except Exception as exc:
                show_error(self, exc)
                return
            self.show_import_preview(plan)

        run_in_worker(self, tr("Reading {file}…").format(file=path.replace("\\", "/").rsplit("/", 1)[-1]),
                      lambda progress, cancelled: excel.read_file(path, progress, cancelled, mapping), done)

    def show_import_preview(self, plan) -> QDialog:
        dlg = ImportPreviewDialog(self, plan)
        dlg.imported.connect(self._imported)
        dlg.reread.connect(lambda mapping, path=plan.path: self.import_file(path, mapping))
        headers = getattr(plan, "header_mapping", None)
        dlg.reread_categories.connect(lambda path=plan.path, mapping=headers: self.import_file(path, mapping))
        return self._open(dlg)

    def _imported(self, outcome) -> None:
        self._fill_filter_choices()
        self.clear_filters()
        self.data_changed.emit()
        show_info(self, outcome.summary(), tr("Import"))

    def export_dialog(self) -> None:
        filters = self.current_filters()
        use_filter = False
        if filters:
            box = QMessageBox(self)
            box.setWindowTitle(tr("Export"))
            box.setText(tr("Export what the filter shows ({n}) or the whole register ({total})?").format(
                n=self.model.rowCount(), total=self.query.count({})))
            shown = box.addButton(tr("What the filter shows"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(tr("The whole register"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is None or box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.RejectRole:
                return
            use_filter = box.clickedButton() is shown
        default = tr("Asset register") + f"-{clock.today().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the register"), default, tr("Excel workbook (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_to(path, filters if use_filter else {})

    def export_to(self, path: str, filters: dict | None = None, on_done=None) -> None:
        from . import excel

        sort_key, desc = self.model.sort_key, self.model.descending

        def work(progress, cancelled):  # run_in_worker closes this thread's connection when it ends
            return excel.export(path, filters, progress, cancelled, sort_key or "number", desc)

        def done(n):
            self.last_export = (path, n)
            if on_done is not None:
                on_done(n)
            else:
                show_info(self, ntr(N_("1 asset written to {path}."), N_("{n} assets written to {path}."), n).format(
                    path=path), tr("Export"))

        run_in_worker(self, tr("Exporting…"), work, done)

    def save_template(self, path: str | None = None) -> str | None:
        from . import excel

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the import template"),
                                                  tr("Asset import template") + ".xlsx", tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        try:
            excel.write_template(path)
        except Exception as exc:
            show_error(self, exc)
            return None
        return path

    def show_today(self, target: dict) -> None:
        """A line of Today: overdue loans (the status filter), or the records it lists (by id); the first steps."""
        action = target.get("action")
        if action == "import":
            self.import_dialog()
            return
        if action == "register":
            self.register()
            return
        self.clear_filters()
        if target.get("filter") == "overdue_loans":
            self.status_filter.set_value("overdue")
            self.apply_filters()
        elif target.get("ids"):
            self.model.set_filters({"ids": list(target["ids"])})
            self._after_load()
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()

    def key_action(self, kind: str) -> bool:
        """The shared keys (core/ui/keys.py): Ctrl+N registers, Ctrl+P opens the print menu, Ctrl+E exports."""
        button = {"new": self.buttons["register"], "print": self.print_button,
                  "export": self.buttons["export"]}.get(kind)
        return self.press(button) if kind in ("new", "print", "export") else super().key_action(kind)


__all__ = ["AssetsTab", "AssetDialog", "TransferDialog", "LendDialog", "ReturnDialog", "DamageDialog",
           "WriteOffDialog", "HistoryDialog", "OverdueDialog", "ImportPreviewDialog"]
