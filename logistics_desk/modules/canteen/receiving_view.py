"""The "Receiving" page (入库验收) of the canteen tab, keyboard first.

The delivery's head (time, supplier with its licence state, two receivers) sits on top; a
supplier without a valid licence, or a receiver not fit that day (no valid health certificate,
sent home by the morning check: ``hygiene.require_fit``, the sampler's rule), shows in red with
the box for the written reason, kept and printed with the delivery. Below it a
line is typed in the entry row: food (remembered foods are suggested and bring their unit,
storage and shelf life), quantity, production date, shelf life, use-by date, batch, papers,
temperature. Enter moves to the next field; Enter in the last field, or Ctrl+Enter anywhere,
adds the line. The papers of the previous line are carried to the next (one invoice for the
delivery). F4 refuses the selected line (with its reason), Delete takes it off. Ctrl+S saves
the delivery; the list below shows the recent deliveries (void with a reason, print).
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTime, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import UserError, ValidationError
from ...core.i18n import N_, join_list, tr
from ...core.ui.dialogs import RecordDialog
from ...core.ui.table import read_only_table
from ...core.ui.widgets import ChoiceBox, DateBox, ask_text, parse_date_text, show_error, show_info
from . import food_store, receiving, service
from .food_models import STORAGE

RED, AMBER, GREEN, GREY = "#c0392b", "#b9770e", "#1e7e34", "#7f8c8d"


def cell(text, data=None, color: str | None = None, right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if data is not None:
        it.setData(Qt.ItemDataRole.UserRole, data)
    if color:
        it.setForeground(QColor(color))
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


def preview(parent, pdf: bytes, title: str, filename: str) -> None:
    from ...core.ui.pdf_preview import preview_pdf

    parent._last_pdf = pdf  # tests and "print again" read it
    preview_pdf(parent, pdf, title, filename)


def staff_items() -> list[tuple[str, int]]:
    return [(p.name, p.id) for p in service.canteen_staff()]


class EnterLine(QLineEdit):
    """A line edit where Enter moves on (``next_requested``) and Ctrl+Enter adds the line."""

    next_requested = Signal()
    add_requested = Signal()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            popup = self.completer().popup() if self.completer() else None
            if popup is not None and popup.isVisible():
                super().keyPressEvent(event)
                return
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.add_requested.emit()
            else:
                self.next_requested.emit()
            return
        super().keyPressEvent(event)


class LicenceDialog(RecordDialog):
    """A supplier's food-business licence: number and expiry (kept by the canteen)."""

    def __init__(self, supplier_id: int | None = None, parent=None):
        super().__init__(parent, tr("Supplier licence"))
        self.supplier = ChoiceBox([(s["name"], s["id"]) for s in receiving.suppliers()], empty_label=tr("(choose)"),
                                  searchable=True)
        self.number = QLineEdit()
        self.until = DateBox()
        self.note = QLineEdit()
        self.add_row(tr("Supplier"), self.supplier, "supplier")
        self.add_row(tr("Food-business licence No."), self.number, "licence_no")
        self.add_row(tr("Valid until"), self.until, "valid_until")
        self.add_row(tr("Notes"), self.note)
        self.supplier.currentIndexChanged.connect(lambda _i: self._load())
        if supplier_id:
            self.supplier.set_value(supplier_id)
        self._load()
        self.finish()

    def _load(self) -> None:
        lic = receiving.licence_of(self.supplier.value())
        if lic is not None:  # a save over someone else's later change is refused, and the form shows it again
            self.watch("canteen_supplier_licence", lic.id, self._load)
            lic = receiving.licence_of(self.supplier.value())
        else:
            self.opened_record = None
        self.number.setText(lic.licence_no if lic else "")
        if lic and lic.valid_until:
            self.until.set_date(lic.valid_until)
        self.note.setText((lic.note or "") if lic else "")

    def save(self):
        return receiving.save_licence(self.supplier.value(), self.number.text(), self.until.value(), self.note.text())


class RefuseDialog(QDialog):
    """Refuse a line: what the sensory check found and why."""

    def __init__(self, item: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Refuse {item}").format(item=item))
        form = QFormLayout(self)
        self.appearance = QCheckBox(tr("Appearance not normal"))
        self.smell = QCheckBox(tr("Smell not normal"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("e.g. arrived at 11 °C, returned"))
        form.addRow(self.appearance)
        form.addRow(self.smell)
        form.addRow(tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.reason.setFocus()


class ReceivingPage(QWidget):
    changed = Signal()

    LINE_COLUMNS = [N_("Food"), N_("Quantity"), N_("Production date"), N_("Shelf life (days)"), N_("Use by"),
                    N_("Batch"), N_("Papers seen"), N_("Storage"), N_("Temperature (°C)"), N_("Accepted or refused")]
    LIST_COLUMNS = [N_("Delivery No."), N_("Time"), N_("Supplier"), N_("Lines"), N_("Refused"), N_("Received by"),
                    N_("Notes")]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[dict] = []
        lay = QVBoxLayout(self)
        self._build_header(lay)
        self._build_entry(lay)
        self._build_lines(lay)
        self._build_list(lay)
        self._connect()
        save = QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # other pages have their own Ctrl+S
        self.reload_choices()
        self.new_delivery()
        self.reload()

    def _build_header(self, lay: QVBoxLayout) -> None:
        """When, from whom (and their licence), received by whom (and their health)."""
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("Delivered at")))
        self.at = QDateTimeEdit()
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        head.addWidget(self.at)
        head.addWidget(QLabel(tr("Supplier")))
        self.supplier = ChoiceBox([], empty_label=tr("(choose)"), searchable=True)
        self.supplier.setMinimumWidth(200)
        head.addWidget(self.supplier)
        self.licence_btn = QPushButton(tr("Licence…"))
        head.addWidget(self.licence_btn)
        head.addWidget(QLabel(tr("Received by")))
        self.receiver1 = ChoiceBox(staff_items(), empty_label=tr("(choose)"))
        self.receiver2 = ChoiceBox(staff_items(), empty_label=tr("(choose)"))
        head.addWidget(self.receiver1)
        head.addWidget(self.receiver2)
        head.addStretch(1)
        lay.addLayout(head)
        lic = QHBoxLayout()
        self.licence_label = QLabel()
        self.licence_label.setWordWrap(True)
        lic.addWidget(self.licence_label, 1)
        self.licence_reason = QLineEdit()
        self.licence_reason.setPlaceholderText(tr("Why take the goods anyway (printed with the delivery)"))
        lic.addWidget(self.licence_reason, 2)
        lay.addLayout(lic)
        # a receiver without a valid health certificate, or sent home that day: the sampler's rule,
        # chosen only with a written reason (hidden while both receivers are fit)
        rec = QHBoxLayout()
        self.receiver_label = QLabel()
        self.receiver_label.setObjectName("receiver_state")
        self.receiver_label.setWordWrap(True)
        self.receiver_label.setStyleSheet(f"color: {RED};")
        rec.addWidget(self.receiver_label, 1)
        self.receiver_reason = QLineEdit()
        self.receiver_reason.setPlaceholderText(tr("Why this person receives anyway (printed with the delivery)"))
        rec.addWidget(self.receiver_reason, 2)
        lay.addLayout(rec)

    def _build_entry(self, lay: QVBoxLayout) -> None:
        """One line of the delivery typed field by field, Enter moving on."""
        entry = QHBoxLayout()
        self.food = EnterLine()
        self.food.setPlaceholderText(tr("Food"))
        self.food_model = QStringListModel([], self)
        completer = QCompleter(self.food_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.food.setCompleter(completer)
        self.qty = EnterLine()
        self.qty.setPlaceholderText(tr("Quantity"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(tr("Unit"))
        self.unit.setMaximumWidth(50)
        self.produced = EnterLine()
        self.produced.setPlaceholderText(tr("Produced on"))
        self.produced.setToolTip(tr("Production date; left empty with a shelf life, the delivery day is taken "
                                    "(fresh food)."))
        self.shelf = EnterLine()
        self.shelf.setPlaceholderText(tr("Shelf days"))
        self.use_by = EnterLine()
        self.use_by.setPlaceholderText(tr("Use by"))
        self.use_by.setToolTip(tr("The use-by date; left empty, it is the production date + shelf life - 1 day."))
        self.batch = EnterLine()
        self.batch.setPlaceholderText(tr("Batch"))
        self.papers = EnterLine()
        self.papers.setPlaceholderText(tr("Papers seen"))
        self.papers.setToolTip(tr("The inspection certificate or invoice numbers seen (carried to the next line)."))
        self.storage = ChoiceBox([(tr(label), key) for key, label in STORAGE.items()])
        self.temp = EnterLine()
        self.temp.setPlaceholderText(tr("°C"))
        self.temp.setMaximumWidth(60)
        self.add_btn = QPushButton(tr("Add line"))
        self.fields = [self.food, self.qty, self.produced, self.shelf, self.use_by, self.batch, self.papers,
                       self.temp]
        for w, stretch in ((self.food, 2), (self.qty, 1), (self.unit, 0), (self.produced, 1), (self.shelf, 1),
                           (self.use_by, 1), (self.batch, 1), (self.papers, 2), (self.storage, 0), (self.temp, 0),
                           (self.add_btn, 0)):
            entry.addWidget(w, stretch)
        lay.addLayout(entry)
        hint = QLabel(tr("Enter moves to the next field; Enter in the last field or Ctrl+Enter adds the line (a "
                         "remembered food: after its quantity, or its temperature). F4 refuses the selected line, "
                         "Delete removes it, Ctrl+S saves the delivery."))
        hint.setStyleSheet(f"color: {GREY};")
        hint.setWordWrap(True)
        lay.addWidget(hint)

    def _build_lines(self, lay: QVBoxLayout) -> None:
        """The delivery's lines, its error and its buttons."""
        self.grid = read_only_table([tr(c) for c in self.LINE_COLUMNS])
        self.grid.keyPressEvent = self._grid_key
        lay.addWidget(self.grid, 2)
        self.error = QLabel()
        self.error.setObjectName("receiving_error")
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        actions = QHBoxLayout()
        self.refuse_btn = QPushButton(tr("Refuse line… (F4)"))
        self.remove_btn = QPushButton(tr("Remove line (Del)"))
        self.save_btn = QPushButton(tr("Save delivery (Ctrl+S)"))
        self.save_btn.setDefault(False)
        actions.addWidget(self.refuse_btn)
        actions.addWidget(self.remove_btn)
        actions.addStretch(1)
        actions.addWidget(self.save_btn)
        lay.addLayout(actions)

    def _build_list(self, lay: QVBoxLayout) -> None:
        """The recent deliveries, to void or print."""
        lay.addWidget(QLabel(tr("Recent deliveries (30 days)")))
        self.list = read_only_table([tr(c) for c in self.LIST_COLUMNS])
        lay.addWidget(self.list, 2)
        bottom = QHBoxLayout()
        self.void_btn = QPushButton(tr("Void delivery…"))
        self.print_btn = QPushButton(tr("Print receiving record (this month)"))
        bottom.addWidget(self.void_btn)
        bottom.addStretch(1)
        bottom.addWidget(self.print_btn)
        lay.addLayout(bottom)

    def _connect(self) -> None:
        for i, w in enumerate(self.fields):
            w.next_requested.connect(lambda i=i: self._next(i))
            w.add_requested.connect(self.add_line)
        self.food.editingFinished.connect(self._food_chosen)
        self.food.completer().activated.connect(lambda _t: self._food_chosen())
        self.storage.currentIndexChanged.connect(lambda _i: self._temp_state())
        self.add_btn.clicked.connect(self.add_line)
        self.supplier.currentIndexChanged.connect(lambda _i: self._licence_state())
        self.at.dateTimeChanged.connect(lambda _d: self._licence_state())
        self.at.dateTimeChanged.connect(lambda _d: self._receiver_state())
        self.receiver1.currentIndexChanged.connect(lambda _i: self._receiver_state())
        self.receiver2.currentIndexChanged.connect(lambda _i: self._receiver_state())
        self.licence_btn.clicked.connect(self.edit_licence)
        self.refuse_btn.clicked.connect(self.refuse_selected)
        self.remove_btn.clicked.connect(self.remove_selected)
        self.save_btn.clicked.connect(self.save)
        self.void_btn.clicked.connect(self.void_selected)
        self.print_btn.clicked.connect(self.print_month)

    def shown(self) -> None:
        """The page comes into view: suppliers, staff and foods as they are now."""
        self.reload_choices()
        self.reload()

    # --- choices ---
    def reload_choices(self) -> None:
        self.supplier.set_items([(s["name"], s["id"]) for s in receiving.suppliers()])
        staff = staff_items()
        self.receiver1.set_items(staff)
        self.receiver2.set_items(staff)
        if self.receiver1.value() is None and len(staff) >= 2:
            from .hygiene import fit_workers

            ids = {p.id for p in fit_workers(clock.today())}
            fit = [s for s in staff if s[1] in ids] or staff
            self.receiver1.set_value(fit[0][1])
            self.receiver2.set_value(fit[1][1] if len(fit) > 1 else next(s for s in staff if s != fit[0])[1])
        self.food_model.setStringList([it.name for it in receiving.food_items()])
        self._licence_state()
        self._receiver_state()

    def _receiver_state(self) -> None:
        """A chosen receiver not fit that day (no valid health certificate, sent home): said in red, with
        the box for the written reason."""
        problems = receiving.receiver_problems([self.receiver1.value(), self.receiver2.value()],
                                               self.at.dateTime().toPython().date())
        self.receiver_label.setText(" ".join(problems))
        self.receiver_label.setVisible(bool(problems))
        self.receiver_reason.setVisible(bool(problems))

    def _licence_state(self) -> None:
        sid = self.supplier.value()
        if sid is None:
            self.licence_label.setText(tr("Choose the supplier; its licence is checked."))
            self.licence_label.setStyleSheet(f"color: {GREY};")
            self.licence_reason.hide()
            return
        problem = receiving.licence_problem(sid, self.at.dateTime().toPython().date())
        if problem:
            self.licence_label.setText(problem)
            self.licence_label.setStyleSheet(f"color: {RED};")
            self.licence_reason.show()
        else:
            lic = receiving.licence_of(sid)
            self.licence_label.setText(tr("Licence {number}, valid until {date}.").format(
                number=lic.licence_no, date=lic.valid_until.isoformat()))
            self.licence_label.setStyleSheet(f"color: {GREEN};")
            self.licence_reason.hide()

    def edit_licence(self) -> None:
        d = LicenceDialog(self.supplier.value(), self)
        if d.exec():
            sid = d.supplier.value()
            self.reload_choices()
            self.supplier.set_value(sid)
            self._licence_state()

    # --- the entry row ---
    def new_delivery(self) -> None:
        now = clock.now()
        self.at.setDateTime(QDateTime(now.date(), QTime(now.hour, now.minute)))
        self.lines = []
        self.licence_reason.clear()
        self.receiver_reason.clear()
        self._clear_entry(keep_papers=False)
        self._show_lines()

    def _clear_entry(self, keep_papers: bool = True) -> None:
        for w in (self.food, self.qty, self.unit, self.produced, self.shelf, self.use_by, self.batch, self.temp):
            w.clear()
        if not keep_papers:
            self.papers.clear()
        self.storage.set_value("ambient")
        self._temp_state()

    def _food_chosen(self) -> None:
        item = receiving.find_item(self.food.text())
        if item is None:
            return
        if not self.unit.text():
            self.unit.setText(item.unit)
        self.storage.set_value(item.storage)
        if item.shelf_days and not self.shelf.text():
            self.shelf.setText(str(item.shelf_days))
        self._temp_state()

    def _temp_state(self) -> None:
        self.temp.setEnabled(self.storage.value() in receiving.MAX_TEMP)

    def _next(self, i: int) -> None:
        if i == 0:
            self._food_chosen()
        if i == 1 and self.shelf.text().strip() and self.papers.text().strip():
            # a remembered food (its shelf life known) with the papers carried over: after the quantity only
            # the temperature of chilled / frozen food is still to type
            if self.temp.isEnabled() and not self.temp.text().strip():
                self.temp.setFocus()
            else:
                self.add_line()
            return
        rest = [w for w in self.fields[i + 1:] if w.isEnabled()]
        if rest:
            rest[0].setFocus()
            rest[0].selectAll()
        else:
            self.add_line()

    def _date(self, box: QLineEdit) -> _dt.date | None:
        text = box.text().strip()
        if not text:
            return None
        day = parse_date_text(text, clock.today())
        if day is None:
            raise ValidationError({"entry": tr("“{text}” is not a date; write it as 2026-11-23.").format(text=text)})
        return day

    def entry_values(self) -> dict:
        day = self.at.dateTime().toPython().date()
        produced = self._date(self.produced)
        use_by = self._date(self.use_by)
        shelf = self.shelf.text().strip()
        if produced is None and use_by is None and shelf:
            produced = day  # fresh food: produced (picked, slaughtered) on the delivery day
        if not self.unit.text().strip():
            item = receiving.find_item(self.food.text())
            self.unit.setText(item.unit if item else "kg")
        return {"item": self.food.text().strip(), "quantity": self.qty.text().strip(), "unit": self.unit.text().strip(),
                "produced_on": produced, "shelf_days": shelf or None, "use_by": use_by,
                "batch": self.batch.text().strip(), "papers": self.papers.text().strip(),
                "storage": self.storage.value(), "temperature": self.temp.text().strip() if self.temp.isEnabled()
                else None, "appearance_ok": True, "smell_ok": True, "accepted": True, "refuse_reason": None}

    def add_line(self) -> None:
        """The entry row checked as a line of this delivery and added below."""
        self.error.hide()
        try:
            row = self.entry_values()
            errors: dict[str, str] = {}
            day = self.at.dateTime().toPython().date()
            clean = receiving.check_line(len(self.lines) + 1, dict(row), day, errors)
        except ValidationError as e:
            self._show_error(e)
            return
        if clean is None:
            self.food.setFocus()
            return
        if errors:
            self._show_error(ValidationError(errors))
            return
        if clean["use_by"] is not None and row["use_by"] is None:
            row["use_by"] = clean["use_by"]
        self.lines.append(row)
        self._show_lines()
        self._clear_entry()
        self.food.setFocus()

    def _show_error(self, e: UserError) -> None:
        self.error.setText(e.message)
        self.error.show()

    def _show_lines(self) -> None:
        g = self.grid
        g.setRowCount(len(self.lines))
        for r, ln in enumerate(self.lines):
            color = None if ln["accepted"] else RED
            values = [ln["item"], f"{ln['quantity']} {ln['unit']}", ln["produced_on"] or "", ln["shelf_days"] or "",
                      ln["use_by"] or "", ln["batch"], ln["papers"], receiving.storage_label(ln["storage"]),
                      ln["temperature"] or "",
                      tr("Accepted") if ln["accepted"] else tr("Refused: {reason}").format(reason=ln["refuse_reason"])]
            for c, v in enumerate(values):
                g.setItem(r, c, cell(v, r, color))
        g.resizeColumnsToContents()

    def _grid_key(self, event) -> None:
        if event.key() == Qt.Key.Key_F4:
            self.refuse_selected()
        elif event.key() == Qt.Key.Key_Delete:
            self.remove_selected()
        else:
            QTableWidget.keyPressEvent(self.grid, event)

    def _selected(self) -> int | None:
        rows = sorted({i.row() for i in self.grid.selectedIndexes()})
        return rows[0] if rows else (len(self.lines) - 1 if self.lines else None)

    def refuse_selected(self, reason: str | None = None, appearance_bad: bool = False, smell_bad: bool = False) -> None:
        r = self._selected()
        if r is None:
            return
        ln = self.lines[r]
        if not ln["accepted"]:  # refused again: taken back as accepted
            ln.update(accepted=True, refuse_reason=None, appearance_ok=True, smell_ok=True)
            self._show_lines()
            return
        if reason is None:
            d = RefuseDialog(ln["item"], self)
            if not d.exec():
                return
            reason, appearance_bad, smell_bad = d.reason.text().strip(), d.appearance.isChecked(), d.smell.isChecked()
        if not reason:
            self._show_error(UserError(tr("Say why it was refused.")))
            return
        ln.update(accepted=False, refuse_reason=reason, appearance_ok=not appearance_bad, smell_ok=not smell_bad)
        self._show_lines()

    def remove_selected(self) -> None:
        r = self._selected()
        if r is not None:
            del self.lines[r]
            self._show_lines()

    def values(self) -> dict:
        return {"delivered_at": self.at.dateTime().toPython().replace(second=0, microsecond=0),
                "supplier": self.supplier.value(), "licence_reason": self.licence_reason.text(),
                "receiver1": self.receiver1.value(), "receiver2": self.receiver2.value(),
                "receiver_reason": self.receiver_reason.text() if self.receiver_reason.isVisibleTo(self) else "",
                "lines": self.lines}

    def save(self):
        """Record the delivery; the entry row's line is added first if one is typed."""
        self.error.hide()
        if self.food.text().strip():
            self.add_line()
            if self.error.isVisible():
                return None
        try:
            d = receiving.record_delivery(self.values())
        except ValidationError as e:
            self._show_error(e)
            return None
        except UserError as e:
            show_error(self, e)
            return None
        self.new_delivery()
        self.reload()
        self.changed.emit()
        self.food.setFocus()
        return d

    # --- the list ---
    def reload(self) -> None:
        today = clock.today()
        rows = list(reversed(receiving.deliveries(today - _dt.timedelta(days=30), today)))
        t = self.list
        t.setRowCount(len(rows))
        for r, d in enumerate(rows):
            refused = sum(1 for ln in d["lines"] if not ln["accepted"])
            note = "  ".join(t for t in (
                d["licence_reason"] and tr("Licence: {reason}").format(reason=d["licence_reason"]),
                receiving.receiver_text(d)) if t) or d["note"]
            if d["voided"]:
                note = tr("VOIDED: {reason}").format(reason=d["void_reason"])
            color = GREY if d["voided"] else (RED if refused or d["licence_reason"] or d["receiver_reason"] else None)
            values = [d["number"], d["delivered_at"].strftime("%m-%d %H:%M"), d["supplier"],
                      join_list(f"{ln['item']} {food_store.fmt_qty(ln['quantity'])}{ln['unit']}" for ln in d["lines"]),
                      refused or "", join_list([d["receiver1"], d["receiver2"]]), note]
            for c, v in enumerate(values):
                t.setItem(r, c, cell(v, d["id"], color))
        t.resizeColumnsToContents()

    def void_selected(self) -> None:
        items = self.list.selectedItems()
        if not items:
            show_info(self, tr("Select a delivery in the list first."))
            return
        did = items[0].data(Qt.ItemDataRole.UserRole)
        reason = ask_text(self, tr("Void delivery"), tr("Why is this delivery voided? (It is kept, marked void.)"))
        if reason is None:
            return
        try:
            receiving.void_delivery(did, reason)
        except UserError as e:
            show_error(self, e)
            return
        self.reload()
        self.changed.emit()

    def print_month(self) -> None:
        today = clock.today()
        start = today.replace(day=1)
        try:
            pdf = receiving.receiving_pdf(start, today)
        except UserError as e:
            show_error(self, e)
            return
        preview(self, pdf, tr("Food receiving record"), f"food-receiving-{start:%Y%m}.pdf")
