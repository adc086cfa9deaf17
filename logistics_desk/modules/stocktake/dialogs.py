"""Dialogs of the stock-take tab: open a stock-take, enter a surplus item, sign off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from ...core import clock, masterdata, settings
from ...core.errors import UserError, ValidationError
from ...core.i18n import N_, ntr, tr
from ...core.ui.dialogs import attempt
from ...core.ui.widgets import ChoiceBox, DateBox, FieldErrors, show_error
from . import service


def _form_and_buttons(dialog: QDialog, form: QFormLayout, on_ok) -> QDialogButtonBox:
    """Lay out ``form`` in ``dialog`` with OK (runs ``on_ok``) / Cancel under it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addLayout(form)
    lay.addWidget(buttons)
    return buttons


def _form(parent=None) -> QFormLayout:
    """A form whose labels stand apart from their fields (the widest label touched its field)."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setHorizontalSpacing(12)
    return form


class OpenDialog(QDialog):
    """Open a stock-take: term, scope (everything or chosen buildings/places/departments/categories)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Open a stock-take"))
        self.setMinimumWidth(560)
        self.result_stocktake = None
        self.errors = FieldErrors()
        form = _form()
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(tr("e.g. End-of-term stock-take, spring 2026 (optional)"))
        form.addRow(tr("Title"), self.title_edit)
        form.addRow("", self.errors.make_label("title", self.title_edit))
        self.term_box = ChoiceBox([(t.name, t.id) for t in masterdata.listing("term")],
                                  empty_label=tr("(no term)"))
        cur = masterdata.current_term(clock.today())
        if cur is not None:
            self.term_box.set_value(cur.id)
        form.addRow(tr("Term"), self.term_box)
        self.date_box = DateBox(value=clock.today())
        form.addRow(tr("Count date"), self.date_box)
        form.addRow("", self.errors.make_label("count_date", self.date_box))
        self.kind_box = ChoiceBox([(tr("Everything on the books"), ""), (tr("Chosen buildings"), "buildings"),
                                   (tr("Chosen places (rooms)"), "places"), (tr("Chosen departments / classes"),
                                                                             "departments"),
                                   (tr("Chosen categories"), "categories")])
        self.kind_box.setObjectName("scope_kind")
        form.addRow(tr("Scope"), self.kind_box)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("scope_filter")
        self.filter_edit.setPlaceholderText(tr("Type to filter the list, e.g. 201 or 教学楼"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        form.addRow("", self.filter_edit)
        self.choices = QListWidget()
        self.choices.setObjectName("scope_choices")
        self.choices.setMinimumHeight(200)
        form.addRow("", self.choices)
        form.addRow("", self.errors.make_label("scope", self.choices))
        self.count_label = QLabel()
        self.count_label.setObjectName("scope_count")
        self.count_label.setStyleSheet("font-weight: bold;")
        form.addRow("", self.count_label)
        self.counter_edit = QLineEdit(settings.get("operator.name") or "")
        form.addRow(tr("Counted by"), self.counter_edit)
        self.checker_edit = QLineEdit()
        form.addRow(tr("Count checked by"), self.checker_edit)
        buttons = _form_and_buttons(self, form, self.accept_open)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Open and freeze the list"))
        self.kind_box.currentIndexChanged.connect(self._fill_choices)
        self.choices.itemChanged.connect(lambda _i: self._update_count())
        self._fill_choices()

    def _fill_choices(self) -> None:
        kind = self.kind_box.value()
        self.choices.blockSignals(True)
        self.choices.clear()
        # values kept beside the list: QListWidgetItem.setData/data corrupt None's refcount in PySide6 6.12
        self._choice_values: list[int] = []
        items: list[tuple[str, int]] = []
        if kind == "buildings":
            items = [(p.full_name, p.id) for p in masterdata.buildings()]
        elif kind == "places":
            items = [(p.full_name, p.id) for b in masterdata.buildings() for p in masterdata.rooms(b)]
        elif kind == "departments":
            items = [(d.name, d.id) for d in masterdata.active("department")]
        elif kind == "categories":
            items = [(f"{c.code} {masterdata.category_path(c)}", c.id)
                     for c in masterdata.active("category", by="code")]
        for label, value in items:
            it = QListWidgetItem(label)
            self._choice_values.append(value)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.choices.addItem(it)
        self.choices.setEnabled(bool(kind))
        self.filter_edit.setEnabled(bool(kind))
        self.choices.blockSignals(False)
        self._apply_filter()
        self._update_count()

    def _apply_filter(self, *_args) -> None:
        """Show the choices whose name has every typed word (ticked ones stay ticked when hidden)."""
        words = self.filter_edit.text().lower().split()
        for i in range(self.choices.count()):
            it = self.choices.item(i)
            text = it.text().lower()
            it.setHidden(not all(w in text for w in words))

    def visible_choices(self) -> list[str]:
        return [self.choices.item(i).text() for i in range(self.choices.count())
                if not self.choices.item(i).isHidden()]

    def check(self, labels: list[str]) -> None:
        """Tick the choices with these labels (tests, and keyboard users typing a name)."""
        for i in range(self.choices.count()):
            it = self.choices.item(i)
            if it.text() in labels:
                it.setCheckState(Qt.CheckState.Checked)

    def scope(self) -> dict:
        kind = self.kind_box.value()
        if not kind:
            return {}
        ids = [self._choice_values[i] for i in range(self.choices.count())
               if self.choices.item(i).checkState() == Qt.CheckState.Checked]
        return {kind: ids}

    def _update_count(self) -> None:
        scope = self.scope()
        if scope and not next(iter(scope.values())):
            self.count_label.setText(tr("Tick what to count."))
            return
        n = service.count_in_scope(scope)
        self.count_label.setText(ntr(N_("1 asset will be expected."), N_("{n} assets will be expected."), n))

    def accept_open(self) -> None:
        from ...core.ui.work import run_with_progress

        self.errors.clear()
        scope = self.scope()
        if scope and not next(iter(scope.values())):
            self.errors.show(ValidationError({"scope": tr("Tick at least one, or choose “Everything”.")}))
            return
        try:
            self.result_stocktake = run_with_progress(
                self, tr("Freezing the expected list…"),
                lambda progress, _cancelled: service.open_stocktake(
                    title=self.title_edit.text(), term=self.term_box.value(), scope=scope,
                    count_date=self.date_box.value(), counter=self.counter_edit.text(),
                    checker=self.checker_edit.text(), progress=progress))
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                show_error(self, UserError("\n".join(rest)))
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()


class SurplusDialog(QDialog):
    """Enter an item nobody expected (盘盈): name, category, place, quantity, price."""

    def __init__(self, parent=None, *, code: str = "", place_id=None, title: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or tr("Surplus item (盘盈)"))
        self.setMinimumWidth(460)
        self.errors = FieldErrors()
        form = _form()
        self.code_label = QLabel(code or tr("(no tag)"))
        form.addRow(tr("Tag / number"), self.code_label)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        form.addRow(tr("Name"), self.name_edit)
        form.addRow("", self.errors.make_label("name", self.name_edit))
        self.category_box = ChoiceBox([(f"{c.code} {c.name}", c.id) for c in masterdata.active("category", by="code")],
                                      empty_label=tr("(choose)"))
        self.category_box.setEditable(True)
        self.category_box.setInsertPolicy(ChoiceBox.InsertPolicy.NoInsert)
        form.addRow(tr("Category"), self.category_box)
        form.addRow("", self.errors.make_label("category", self.category_box))
        self.place_box = ChoiceBox([(p.full_name, p.id) for p in masterdata.active("place", by="full_name")],
                                   empty_label=tr("(no place)"))
        if place_id is not None:
            self.place_box.set_value(place_id)
        form.addRow(tr("Found in"), self.place_box)
        self.model_edit = QLineEdit()
        form.addRow(tr("Model / spec"), self.model_edit)
        self.qty_box = QSpinBox()
        self.qty_box.setRange(1, 100000)
        form.addRow(tr("Quantity"), self.qty_box)
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText("0.00")
        form.addRow(tr("Unit price (estimated)"), self.price_edit)
        form.addRow("", self.errors.make_label("unit_price", self.price_edit))
        self.note_edit = QLineEdit()
        form.addRow(tr("Remarks"), self.note_edit)
        _form_and_buttons(self, form, self.accept)
        self.submit = None  # callable(values) set by the caller; errors stay in the dialog

    def values(self) -> dict:
        return {"name": self.name_edit.text(), "category": self.category_box.value(),
                "place": self.place_box.value(), "model_spec": self.model_edit.text(),
                "quantity": self.qty_box.value(), "unit_price": self.price_edit.text(), "note": self.note_edit.text()}

    def accept(self) -> None:
        if self.submit is None or attempt(self, self.errors, lambda: self.submit(self.values())):
            super().accept()


class SignOffDialog(QDialog):
    """Record who signed the variance report."""

    def __init__(self, parent, st):
        super().__init__(parent)
        self.setWindowTitle(tr("Sign off {doc}").format(doc=st.doc_no))
        self.st = st
        self.errors = FieldErrors()
        form = _form()
        form.addRow(QLabel(tr("Enter the names as signed on the printed variance report.")))
        self.edits = {}
        defaults = {"counter": st.counter or "", "checker": st.checker or "",
                    "director": settings.get("school.director") or "",
                    "principal": settings.get("school.principal") or "", "custodian_sign": ""}
        labels = {"counter": tr("Counted by"), "checker": tr("Count checked by"), "custodian_sign": tr("Custodian"),
                  "director": tr("Director of general affairs"), "principal": tr("Principal")}
        for key in service.SIGN_ROLES:
            edit = QLineEdit(defaults[key])
            edit.setObjectName(key)
            self.edits[key] = edit
            form.addRow(labels[key], edit)
            form.addRow("", self.errors.make_label(key, edit))
        self.date_box = DateBox(value=clock.today())
        form.addRow(tr("Signed on"), self.date_box)
        form.addRow("", self.errors.make_label("signed_on", self.date_box))
        _form_and_buttons(self, form, self.accept)

    def accept(self) -> None:
        if attempt(self, self.errors, lambda: service.sign_off(self.st.id, on=self.date_box.value(),
                                                               **{k: e.text() for k, e in self.edits.items()})):
            super().accept()
