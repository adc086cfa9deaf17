"""The utilities tab (水电费用): the readings round, bills, flags, figures, meters and accounts."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import UserError, ValidationError
from ...core.i18n import tr
from ...core.masterdata import buildings, departments
from ...core.ui.dialogs import RecordDialog
from ...core.ui.tab import ModuleTab
from ...core.ui.table import read_only_table
from ...core.ui.widgets import ChoiceBox, DateBox, ask_text, confirm, show_error, show_info
from . import service as us
from .service import KINDS, METERED_KINDS, READING_KINDS

ERROR_COLOR = QColor("#c0392b")
GREY = QColor("#777777")


def _item(text, align_right: bool = False, data=None) -> QTableWidgetItem:
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if data is not None:
        it.setData(Qt.ItemDataRole.UserRole, data)
    return it


def _table(headers: list[str]) -> QTableWidget:
    return read_only_table(headers, alternate=True)


def _selected_id(table: QTableWidget):
    row = table.currentRow()
    if row < 0:
        return None
    item = table.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item else None


def _money(value) -> str:
    return "" if value is None else f"{Decimal(value):,.2f}"


def _years() -> tuple[int, int]:
    return 2000, clock.today().year + 1


# --- the readings round ----------------------------------------------------------------------------------------

class _ReadingDelegate(QStyledItemDelegate):
    """The reading cell's editor: Enter saves the cell and goes on to the next meter."""

    enter_pressed = Signal()

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setObjectName("reading_editor")
        return editor

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)


class ReadingsGrid(QTableWidget):
    """Enter on a row (not editing) opens its reading for typing."""

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != \
                QAbstractItemView.State.EditingState:
            row = max(self.currentRow(), 0)
            self.setCurrentCell(row, ReadingsPage.VALUE)
            self.editItem(self.item(row, ReadingsPage.VALUE))
            return
        super().keyPressEvent(event)


class MarkDialog(RecordDialog):
    """Mark a reading as a meter change or a rollover, with the new start value."""

    def __init__(self, parent, name: str, mark: dict | None):
        super().__init__(parent, tr("Meter change or rollover: {name}").format(name=name))
        mark = mark or {}
        self.kind = self.add_row(tr("This reading is"), ChoiceBox(
            [(tr(READING_KINDS[k]), k) for k in READING_KINDS]), "kind")
        self.kind.set_value(mark.get("kind", "change"))
        self.start = self.add_row(tr("Start value of the new meter (or after the rollover)"),
                                  QLineEdit(str(mark.get("start_value") or "0")), "start_value")
        self.old_final = self.add_row(tr("The old meter's last reading (if noted)"),
                                      QLineEdit(str(mark.get("old_final") or "")), "old_final")
        hint = QLabel(tr("A rollover counts up to the next power of ten (99 850 → 100 000), then from the start "
                         "value. A meter change counts the old meter up to its last reading, then the new one "
                         "from its start value."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.layout_.addWidget(hint)
        self.finish()

    def save(self):
        kind = self.kind.value()
        if kind == "normal":
            return None
        errors = {}
        for key, box in (("start_value", self.start), ("old_final", self.old_final)):
            try:
                us.parse_number(box.text())
            except ValueError:
                errors[key] = tr("Enter a number of 0 or more.")
        if errors:
            raise ValidationError(errors)
        return {"kind": kind, "start_value": self.start.text().strip() or None,
                "old_final": self.old_final.text().strip() or None}


class ReadingsPage(QWidget):
    METER, BUILDING, MAIN, MULT, LAST, LAST_ON, VALUE, USE, MARK = range(9)

    def __init__(self, tab: UtilitiesTab):
        super().__init__()
        self.tab = tab
        self.marks: dict[int, dict] = {}
        self._loading = False
        v = QVBoxLayout(self)
        v.addLayout(self._build_bar())
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._build_grid())
        split.addWidget(self._build_history())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        v.addWidget(split, 1)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self.rows: list[dict] = []
        self.load()

    def _build_bar(self) -> QHBoxLayout:
        """The day read, Save, Meter change / rollover, Import, and the hint."""
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Read on")))
        self.date = DateBox()
        self.date.dateChanged.connect(lambda _d: self.load())
        bar.addWidget(self.date)
        self.save_button = QPushButton(tr("Save readings"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.mark_button = QPushButton(tr("Meter change / rollover…"))
        self.mark_button.clicked.connect(self.mark_current)
        self.import_button = QPushButton(tr("Import from Excel…"))
        self.import_button.clicked.connect(self.import_file)
        bar.addWidget(self.save_button)
        bar.addWidget(self.mark_button)
        bar.addWidget(self.import_button)
        hint = QLabel(tr("Type each reading and press Enter for the next meter; the use is worked out for you."))
        hint.setStyleSheet("color: #555;")
        bar.addWidget(hint, 1)
        return bar

    def _build_grid(self) -> QTableWidget:
        """One row per meter: the last reading, the reading typed (Enter: the next meter) and its use."""
        self.table = ReadingsGrid(0, 9)
        self.table.setHorizontalHeaderLabels([tr("Meter"), tr("Building"), tr("Main meter"), tr("Multiplier"),
                                              tr("Last reading"), tr("Last read on"), tr("Reading"), tr("Use"),
                                              tr("Mark or problem")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.delegate = _ReadingDelegate(self.table)
        self.delegate.enter_pressed.connect(self.next_meter)
        self.table.setItemDelegateForColumn(self.VALUE, self.delegate)
        self.table.itemChanged.connect(self._changed)
        self.table.currentCellChanged.connect(lambda *_: self.load_history())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for column in (self.VALUE, self.USE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, 120)
        return self.table

    def _build_history(self) -> QWidget:
        """The selected meter's readings, and Void reading."""
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        hb = QHBoxLayout()
        self.history_label = QLabel(tr("Readings of the selected meter"))
        hb.addWidget(self.history_label, 1)
        self.void_button = QPushButton(tr("Void reading…"))
        self.void_button.clicked.connect(self.void_reading)
        hb.addWidget(self.void_button)
        lv.addLayout(hb)
        self.history = _table([tr("Read on"), tr("Reading"), tr("Reading kind"), tr("Use"), tr("Note")])
        lv.addWidget(self.history)
        return lower

    # the grid
    def load(self) -> None:
        self._loading = True
        self.marks.clear()
        self.rows = us.grid(self.date.value())
        t = self.table
        t.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            unit = r["unit"]
            t.setItem(i, self.METER, _item(f"{r['name']}（{r['kind_label']}）", data=r["id"]))
            t.setItem(i, self.BUILDING, _item(r["building"]))
            t.setItem(i, self.MAIN, _item(r["main"]))
            t.setItem(i, self.MULT, _item(us.qty_text(r["multiplier"]), True))
            t.setItem(i, self.LAST, _item(us.qty_text(r["last_value"]) if r["last_value"] is not None else "", True))
            t.setItem(i, self.LAST_ON, _item(r["last_date"].isoformat() if r["last_date"] else ""))
            value = _item(us.qty_text(r["taken"]) if r["taken"] is not None else "", True)
            if r["taken"] is None:
                value.setFlags(value.flags() | Qt.ItemFlag.ItemIsEditable)
                value.setBackground(QColor("#fffbe6"))
            else:
                value.setForeground(GREY)
            t.setItem(i, self.VALUE, value)
            use = f"{us.qty_text(r['taken_use'])} {unit}" if r["taken_use"] is not None else ""
            t.setItem(i, self.USE, _item(use, True))
            t.setItem(i, self.MARK, _item(tr("Read already") if r["taken"] is not None else ""))
        self._loading = False
        if self.rows:
            t.setCurrentCell(0, self.VALUE)
        self.load_history()

    def start(self) -> None:
        """Put the cursor in the first reading still to be typed, ready to type."""
        for i, r in enumerate(self.rows):
            if r["taken"] is None:
                self.table.setCurrentCell(i, self.VALUE)
                self.table.setFocus()
                self.table.editItem(self.table.item(i, self.VALUE))
                return

    def next_meter(self) -> None:
        row = self.table.currentRow()
        for i in range(row + 1, len(self.rows)):
            if self.rows[i]["taken"] is None:
                self.table.setCurrentCell(i, self.VALUE)
                self.table.editItem(self.table.item(i, self.VALUE))
                return
        self.save_button.setFocus()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != self.VALUE:
            return
        self._show_row(item.row())

    def _show_row(self, i: int) -> None:
        r = self.rows[i]
        text = self.table.item(i, self.VALUE).text().strip()
        mark = self.marks.get(r["id"])
        self._loading = True
        use_item, mark_item = self.table.item(i, self.USE), self.table.item(i, self.MARK)
        mark_item.setForeground(QColor("#000000"))
        mark_item.setText("")
        use_item.setText("")
        try:
            value = us.parse_number(text)
        except ValueError:
            value = None
            mark_item.setText(tr("Not a number"))
            mark_item.setForeground(ERROR_COLOR)
        if value is not None:
            try:
                used = us.consumption(r["last_value"], value, mark["kind"] if mark else "normal",
                                      us.parse_number(mark.get("start_value")) if mark else None,
                                      us.parse_number(mark.get("old_final")) if mark else None, r["multiplier"])
                if used is not None:
                    use_item.setText(f"{us.qty_text(used)} {r['unit']}")
                if mark:
                    mark_item.setText(self._mark_text(mark))
            except (UserError, ValueError):
                mark_item.setText(tr("Lower than the last reading: mark a meter change or rollover"))
                mark_item.setForeground(ERROR_COLOR)
        elif mark:
            mark_item.setText(self._mark_text(mark))
        self._loading = False

    @staticmethod
    def _mark_text(mark: dict) -> str:
        text = tr(READING_KINDS[mark["kind"]])
        if mark.get("start_value") not in (None, ""):
            text += " " + tr("start {value}").format(value=mark["start_value"])
        return text

    def mark_current(self) -> None:
        i = self.table.currentRow()
        if i < 0 or i >= len(self.rows) or self.rows[i]["taken"] is not None:
            return
        r = self.rows[i]
        dlg = MarkDialog(self, r["name"], self.marks.get(r["id"]))
        if dlg.exec():
            if dlg.result_value:
                self.marks[r["id"]] = dlg.result_value
            else:
                self.marks.pop(r["id"], None)
            self._show_row(i)

    def entries(self) -> list[dict]:
        out = []
        for i, r in enumerate(self.rows):
            if r["taken"] is not None:
                continue
            text = self.table.item(i, self.VALUE).text().strip()
            if not text:
                continue
            out.append({"meter": r["id"], "value": text, **self.marks.get(r["id"], {})})
        return out

    def save(self) -> None:
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()  # closes the open editor, keeping what was typed
        entries = self.entries()
        if not entries:
            self.tab.status_message(tr("No readings typed."))
            return
        try:
            saved = us.save_readings(self.date.value(), entries)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            show_error(self, UserError(tr("Nothing was saved:") + "\n" + "\n".join(exc.errors.values())))
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.tab.status_message(tr("{n} readings saved.").format(n=len(saved)))
        self.load()
        self.tab.data_changed.emit()
        self.tab.flags_page.load()

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._loading = True
        for key, message in errors.items():
            meter_id = key.split(":")[0]
            for i, r in enumerate(self.rows):
                if str(r["id"]) == meter_id:
                    item = self.table.item(i, self.MARK)
                    item.setText(message.split(": ", 1)[-1])
                    item.setForeground(ERROR_COLOR)
        self._loading = False

    def import_file(self, path: str | None = None) -> None:
        """Readings from a spreadsheet, with the asset import's rules: every bad row named; nothing written
        unless every row is good, or the clerk chooses to import the good rows only."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import readings"), "",
                                                  tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return
        from . import excel

        try:
            plan = excel.plan_readings(path)
        except UserError as exc:
            show_error(self, exc)
            return
        lines = plan.report_lines()
        if plan.file_broken or not plan.good:
            show_error(self, UserError(tr("Nothing was imported.") + "\n" + "\n".join(lines[:30])))
            return
        if not plan.ok and not confirm(self, "\n".join(lines[:30]) + "\n\n" + tr(
                "Import only the {n} good rows and leave out the others?").format(n=len(plan.good))):
            return
        try:
            n = excel.apply_readings(plan, only_valid=not plan.ok)
        except UserError as exc:
            show_error(self, exc)
            return
        self.tab.status_message(tr("{n} readings imported.").format(n=n))
        self.load()
        self.tab.data_changed.emit()
        self.tab.flags_page.load()

    # the selected meter's readings
    def current_meter_id(self):
        i = self.table.currentRow()
        return self.rows[i]["id"] if 0 <= i < len(self.rows) else None

    def load_history(self) -> None:
        mid = self.current_meter_id()
        self.history.setRowCount(0)
        if mid is None:
            return
        found = us.readings(mid, include_voided=True)[-24:][::-1]
        self.history.setRowCount(len(found))
        for i, r in enumerate(found):
            note = r.note or ""
            if r.voided:
                note = tr("Voided: {reason}").format(reason=r.void_reason)
            self.history.setItem(i, 0, _item(r.read_on.isoformat(), data=r.id))
            self.history.setItem(i, 1, _item(us.qty_text(r.value), True))
            self.history.setItem(i, 2, _item(us.reading_kind_label(r.kind)))
            self.history.setItem(i, 3, _item(us.qty_text(r.consumption) if r.consumption is not None else "", True))
            self.history.setItem(i, 4, _item(note))
            if r.voided:
                for c in range(5):
                    self.history.item(i, c).setForeground(GREY)

    def void_reading(self) -> None:
        rid = _selected_id(self.history)
        if rid is None:
            show_info(self, tr("Choose a reading in the list below first."))
            return
        reason = ask_text(self, tr("Void reading"), tr("Why is this reading voided?"))
        if not reason:
            return
        try:
            us.void_reading(rid, reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self.load()
        self.tab.data_changed.emit()
        self.tab.flags_page.load()


# --- bills -----------------------------------------------------------------------------------------------------

class BillDialog(RecordDialog):
    def __init__(self, parent, bill=None):
        super().__init__(parent, tr("Correct bill") if bill else tr("Enter a bill"))
        self.bill = bill
        accounts = [m for m in us.meters() if not m.parent_id]
        self.account = self.add_row(tr("Account"), ChoiceBox(
            [(f"{m.name}（{us.kind_label(m.kind)}）", m.id) for m in accounts]), "meter")
        last_month = us.month_of(clock.today().replace(day=1) - _dt.timedelta(days=1))
        self.month = self.add_row(tr("Month (YYYY-MM)"), QLineEdit(bill.month if bill else last_month), "month")
        self.amount = self.add_row(tr("Amount (yuan)"), QLineEdit(us.qty_text(bill.amount) if bill else ""), "amount")
        self.quantity = self.add_row(tr("Quantity billed"), QLineEdit(
            us.qty_text(bill.quantity) if bill and bill.quantity is not None else ""), "quantity")
        self.price = self.add_row(tr("Unit price (empty: amount ÷ quantity)"), QLineEdit(
            str(bill.unit_price) if bill and bill.unit_price is not None else ""), "unit_price")
        self.paid = QCheckBox(tr("Paid on"))
        self.paid_on = DateBox(value=bill.paid_on if bill and bill.paid_on else None)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.paid)
        h.addWidget(self.paid_on, 1)
        self.paid.setChecked(bool(bill and bill.paid_on))
        self.add_row(tr("Payment"), row, "paid_on")
        self.invoice = self.add_row(tr("Invoice No."), QLineEdit(bill.invoice or "" if bill else ""), "invoice")
        self.note = self.add_row(tr("Note"), QLineEdit(bill.note or "" if bill else ""), "note")
        if bill:
            self.account.set_value(bill.meter_id)
        self.finish()
        if bill is not None:  # a save over someone else's change is refused; the form then shows it as it is
            self.watch("utility_bill", bill.id, self._reload)
            self._reload()

    def _reload(self) -> None:
        self.bill = bill = us.get_bill(self.bill.id)
        self.account.set_value(bill.meter_id)
        self.month.setText(bill.month)
        self.amount.setText(us.qty_text(bill.amount))
        self.quantity.setText(us.qty_text(bill.quantity) if bill.quantity is not None else "")
        self.price.setText(str(bill.unit_price) if bill.unit_price is not None else "")
        self.paid.setChecked(bool(bill.paid_on))
        if bill.paid_on:
            self.paid_on.set_date(bill.paid_on)
        self.invoice.setText(bill.invoice or "")
        self.note.setText(bill.note or "")

    def save(self):
        return us.save_bill({"meter": self.account.value(), "month": self.month.text(), "amount": self.amount.text(),
                             "quantity": self.quantity.text(), "unit_price": self.price.text(),
                             "paid_on": self.paid_on.value() if self.paid.isChecked() else None,
                             "invoice": self.invoice.text(), "note": self.note.text()}, self.bill)


class BillsPage(QWidget):
    def __init__(self, tab: UtilitiesTab):
        super().__init__()
        self.tab = tab
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(*_years())
        self.year.setValue(clock.today().year)
        self.year.valueChanged.connect(lambda _v: self.load())
        bar.addWidget(self.year)
        self.unpaid = QCheckBox(tr("Unpaid only"))
        self.unpaid.toggled.connect(lambda _v: self.load())
        bar.addWidget(self.unpaid)
        bar.addStretch(1)
        for text, slot in ((tr("Enter a bill…"), self.add), (tr("Correct…"), self.edit), (tr("Mark paid"), self.pay),
                           (tr("Void…"), self.void)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
        v.addLayout(bar)
        self.table = _table([tr("Month"), tr("Account"), tr("Kind"), tr("Amount"), tr("Quantity billed"),
                             tr("Unit price"), tr("Metered"), tr("Billed − metered"), tr("Paid on"), tr("Invoice No.")])
        self.table.doubleClicked.connect(lambda _i: self.edit())
        v.addWidget(self.table, 1)
        self.total = QLabel()
        v.addWidget(self.total)
        self.load()

    def load(self) -> None:
        rows = us.bills(year=None if self.unpaid.isChecked() else self.year.value(), unpaid=self.unpaid.isChecked())
        t = self.table
        t.setRowCount(len(rows))
        for i, b in enumerate(rows):
            unit = b["unit"]
            diff = ""
            if b["difference"] is not None:
                diff = f"{us.qty_text(b['difference'])} {unit}（{us.percent_text(b['difference_rate'])}）"
            cells = [b["month"], b["account"], b["kind_label"], _money(b["amount"]),
                     f"{us.qty_text(b['quantity'])} {unit}" if b["quantity"] is not None else "",
                     str(b["unit_price"]) if b["unit_price"] is not None else "",
                     f"{us.qty_text(b['metered'])} {unit}" if b["metered"] is not None else "", diff,
                     b["paid_on"].isoformat() if b["paid_on"] else tr("Unpaid"), b["invoice"]]
            for c, text in enumerate(cells):
                t.setItem(i, c, _item(text, c in (3, 4, 5, 6, 7), data=b["id"] if c == 0 else None))
            if b["paid_on"] is None:
                t.item(i, 8).setForeground(ERROR_COLOR)
            if b["difference_rate"] is not None and abs(b["difference_rate"]) > 0.05:
                t.item(i, 7).setForeground(ERROR_COLOR)
        t.resizeColumnsToContents()
        self.total.setText(tr("{n} bills, {amount} yuan").format(
            n=len(rows), amount=_money(sum((b["amount"] for b in rows), Decimal(0)))))

    def add(self) -> None:
        if BillDialog(self).exec():
            self._changed()

    def edit(self) -> None:
        bid = _selected_id(self.table)
        if bid is None:
            return
        if BillDialog(self, us.get_bill(bid)).exec():
            self._changed()

    def pay(self) -> None:
        bid = _selected_id(self.table)
        if bid is None:
            return
        try:
            us.pay_bill(bid)
        except UserError as exc:
            show_error(self, exc)
            return
        self._changed()

    def void(self) -> None:
        bid = _selected_id(self.table)
        if bid is None:
            return
        reason = ask_text(self, tr("Void bill"), tr("Why is this bill voided?"))
        if not reason:
            return
        try:
            us.void_bill(bid, reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self._changed()

    def _changed(self) -> None:
        self.load()
        self.tab.data_changed.emit()


# --- flags -----------------------------------------------------------------------------------------------------

class FlagsPage(QWidget):
    def __init__(self, tab: UtilitiesTab):
        super().__init__()
        self.tab = tab
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.show_all = QCheckBox(tr("Show dismissed and cleared flags too"))
        self.show_all.toggled.connect(lambda _v: self.load())
        bar.addWidget(self.show_all)
        bar.addStretch(1)
        self.ticket_button = QPushButton(tr("Open a repair ticket"))
        self.ticket_button.clicked.connect(self.open_ticket)
        self.ticket_button.setEnabled(us.repairs_available())
        self.dismiss_button = QPushButton(tr("Dismiss…"))
        self.dismiss_button.clicked.connect(self.dismiss)
        bar.addWidget(self.ticket_button)
        bar.addWidget(self.dismiss_button)
        v.addLayout(bar)
        self.table = _table([tr("Month"), tr("Flag"), tr("Finding"), tr("Status"), tr("Repair ticket")])
        self.table.setWordWrap(True)
        v.addWidget(self.table, 1)
        self.load()

    def load(self) -> None:
        rows = us.flags(open_only=not self.show_all.isChecked())
        t = self.table
        t.setRowCount(len(rows))
        for i, f in enumerate(rows):
            for c, text in enumerate([f["month"], f["kind_label"], f["text"], f["status_label"], f["ticket_number"]]):
                t.setItem(i, c, _item(text, data=f["id"] if c == 0 else None))
            if f["status"] == "new":
                t.item(i, 3).setForeground(ERROR_COLOR)
        t.resizeColumnToContents(0)
        t.resizeColumnToContents(1)
        t.setColumnWidth(2, 620)
        t.resizeRowsToContents()

    def select(self, flag_id) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == flag_id:
                self.table.setCurrentCell(i, 0)
                return

    def open_ticket(self) -> None:
        fid = _selected_id(self.table)
        if fid is None:
            show_info(self, tr("Choose a flag first."))
            return
        try:
            flag = us.open_ticket(fid)
        except UserError as exc:
            show_error(self, exc)
            return
        self.tab.status_message(tr("Repair ticket {number} opened.").format(number=flag.ticket_number))
        self.load()
        self.select(fid)
        self.tab.data_changed.emit()

    def dismiss(self) -> None:
        fid = _selected_id(self.table)
        if fid is None:
            return
        reason = ask_text(self, tr("Dismiss flag"), tr("Why is this not waste (e.g. an exam week, a new building)?"))
        if not reason:
            return
        try:
            us.dismiss_flag(fid, reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self.load()
        self.tab.data_changed.emit()


# --- figures ---------------------------------------------------------------------------------------------------

class FiguresPage(QWidget):
    def __init__(self, tab: UtilitiesTab):
        super().__init__()
        self.tab = tab
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(*_years())
        self.year.setValue(clock.today().year)
        self.year.valueChanged.connect(lambda _v: self.load())
        bar.addWidget(self.year)
        bar.addStretch(1)
        self.month = ChoiceBox([])
        bar.addWidget(self.month)
        b = QPushButton(tr("Print month report"))
        b.clicked.connect(self.print_month)
        bar.addWidget(b)
        b = QPushButton(tr("Print year report"))
        b.clicked.connect(self.print_year)
        bar.addWidget(b)
        b = QPushButton(tr("Export to Excel…"))
        b.clicked.connect(self.export)
        bar.addWidget(b)
        v.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.table = _table([tr("Month")])
        v.addWidget(self.table, 2)
        v.addWidget(QLabel(tr("By building (the year so far)")))
        self.buildings = _table([tr("Building")])
        for t in (self.table, self.buildings):
            t.horizontalHeader().setStretchLastSection(False)
        v.addWidget(self.buildings, 1)

    def load(self) -> None:
        year = self.year.value()
        self.month.set_items([(m, m) for m in us.year_months(year)])
        last = us.month_of(clock.today().replace(day=1) - _dt.timedelta(days=1))
        self.month.set_value(last if last.startswith(str(year)) else f"{year}-12")
        this_month = us.month_of(clock.today())
        rows = [r for r in us.month_figures(us.year_months(year)) if r["month"] <= this_month]
        kinds = [k for k in METERED_KINDS if any(r["kinds"][k]["use"] is not None for r in rows)] or \
            ["electricity", "water"]
        headers = [tr("Month")]
        for k in kinds:
            headers += [f"{us.kind_label(k)}（{us.unit_label(k)}）", tr("Year on year"), tr("Month on month")]
        headers += [tr("Cost (yuan)"), tr("Year on year"), tr("Cost per student")]
        t = self.table
        t.clear()
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [r["month"]]
            for k in kinds:
                x = r["kinds"][k]
                cells += [us.qty_text(x["use"]) if x["use"] is not None else "", us.percent_text(x["yoy"]),
                          us.percent_text(x["mom"])]
            cells += [_money(r["cost"]), us.percent_text(r["cost_yoy"]),
                      _money(r["cost_per_student"]) if r["cost_per_student"] is not None else ""]
            for c, text in enumerate(cells):
                t.setItem(i, c, _item(text, c > 0))
        t.resizeColumnsToContents()
        totals = us.year_totals(year)
        parts = []
        for k in kinds:
            x = totals["kinds"][k]
            parts.append(tr("{kind}: {use} {unit} (year on year {yoy})").format(
                kind=us.kind_label(k), use=us.qty_text(x["use"]), unit=us.unit_label(k),
                yoy=us.percent_text(x["yoy"])))
        parts.append(tr("cost {amount} yuan (year on year {yoy})").format(
            amount=_money(totals["cost"]), yoy=us.percent_text(totals["cost_yoy"])))
        students = us.students()
        if not students or not us.school_area():
            parts.append(tr("Set the number of students and the buildings' floor areas in the settings for the "
                            "figures per student and per m²."))
        self.summary.setText(tr("; ").join(parts))
        brows = us.building_figures(f"{year}-01", f"{year}-12")
        headers = [tr("Building"), tr("Floor area m²")]
        for k in kinds:
            headers += [f"{us.kind_label(k)}（{us.unit_label(k)}）", tr("per m²"), tr("Year on year")]
        headers.append(tr("Cost (yuan)"))
        b = self.buildings
        b.clear()
        b.setColumnCount(len(headers))
        b.setHorizontalHeaderLabels(headers)
        b.setRowCount(len(brows))
        for i, r in enumerate(brows):
            cells = [r["building"], us.qty_text(r["area"]) if r["area"] else ""]
            for k in kinds:
                x = r["kinds"].get(k)
                cells += [us.qty_text(x["use"]) if x and x["use"] is not None else "",
                          str(x["per_m2"]) if x and x["per_m2"] is not None else "",
                          us.percent_text(x["yoy"]) if x else ""]
            cells.append(_money(r["cost"]))
            for c, text in enumerate(cells):
                b.setItem(i, c, _item(text, c > 0))
        b.resizeColumnsToContents()

    def _print(self, **kwargs) -> None:
        from ...core.ui.work import run_in_worker
        from . import forms

        try:
            data = forms.report_data(**kwargs)
        except UserError as exc:
            show_error(self, exc)
            return
        name = f"utilities-report-{data['doc_no']}.pdf"
        run_in_worker(self, tr("Preparing the utilities report…"), lambda p, c: forms.utilities_report(data, p, c),
                      lambda pdf: self.tab.preview(pdf, tr("Utilities report"), name))

    def print_year(self) -> None:
        self._print(year=self.year.value())

    def print_month(self) -> None:
        self._print(month=self.month.value())

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export utilities"), f"utilities-{self.year.value()}.xlsx",
                                              tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        from ...core.ui.work import run_with_progress
        from . import excel

        try:
            n = run_with_progress(self, tr("Exporting…"), lambda p, c: excel.export_utilities(
                path, year=self.year.value(), progress=p, cancel=c))
        except Exception as exc:
            show_error(self, exc)
            return
        show_info(self, tr("{n} rows exported to {path}.").format(n=n, path=path))


# --- meters and accounts ------------------------------------------------------------------------------------

class MeterDialog(RecordDialog):
    def __init__(self, parent, meter=None):
        super().__init__(parent, tr("Change meter or account") if meter else tr("New meter or account"))
        self.meter = meter
        self.kind = self.add_row(tr("Measures"), ChoiceBox([(tr(KINDS[k]), k) for k in KINDS]), "kind")
        self.name = self.add_row(tr("Name"), QLineEdit(meter.name if meter else ""), "name")
        self.number = self.add_row(tr("Number"), QLineEdit(meter.number or "" if meter else ""), "number")
        self.building = self.add_row(tr("Building"), ChoiceBox([(b.name, b.id) for b in buildings()],
                                                               empty_label=tr("(none)")), "building")
        self.department = self.add_row(tr("Department"), ChoiceBox(
            [(d.name, d.id) for d in departments("department")], empty_label=tr("(none)")), "department")
        mains = [m for m in us.meters(metered=True) if not m.parent_id and (meter is None or m.id != meter.id)]
        self.parent_box = self.add_row(tr("Main meter (for a sub-meter)"), ChoiceBox(
            [(f"{m.name}（{us.kind_label(m.kind)}）", m.id) for m in mains], empty_label=tr("(none: a main meter)")),
            "parent")
        self.multiplier = self.add_row(tr("Multiplier"), QLineEdit(us.qty_text(meter.multiplier) if meter else "1"),
                                       "multiplier")
        self.multiplier.setToolTip(tr("1 for a plain meter; a current-transformer meter's ratio, e.g. 80."))
        self.order = self.add_row(tr("Order in the round"), QLineEdit(str(meter.sort_order) if meter else "0"),
                                  "sort_order")
        self.note = self.add_row(tr("Note"), QLineEdit(meter.note or "" if meter else ""), "note")
        if meter:
            self.kind.set_value(meter.kind)
            self.building.set_value(meter.building_id)
            self.department.set_value(meter.department_id)
            self.parent_box.set_value(meter.parent_id)
        self.finish()
        if meter is not None:  # a save over someone else's change is refused; the form then shows it as it is
            self.watch("utility_meter", meter.id, self._reload)
            self._reload()

    def _reload(self) -> None:
        self.meter = meter = us.get_meter(self.meter.id)
        self.kind.set_value(meter.kind)
        self.name.setText(meter.name)
        self.number.setText(meter.number or "")
        self.building.set_value(meter.building_id)
        self.department.set_value(meter.department_id)
        self.parent_box.set_value(meter.parent_id)
        self.multiplier.setText(us.qty_text(meter.multiplier))
        self.order.setText(str(meter.sort_order))
        self.note.setText(meter.note or "")

    def save(self):
        return us.save_meter({"kind": self.kind.value(), "name": self.name.text(), "number": self.number.text(),
                              "building": self.building.value(), "department": self.department.value(),
                              "parent": self.parent_box.value(), "multiplier": self.multiplier.text(),
                              "sort_order": self.order.text(), "note": self.note.text()}, self.meter)


class MetersPage(QWidget):
    def __init__(self, tab: UtilitiesTab):
        super().__init__()
        self.tab = tab
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.show_retired = QCheckBox(tr("Show meters no longer in use"))
        self.show_retired.toggled.connect(lambda _v: self.load())
        bar.addWidget(self.show_retired)
        bar.addStretch(1)
        for text, slot in ((tr("New…"), self.add), (tr("Change…"), self.edit), (tr("No longer in use…"), self.retire)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
        v.addLayout(bar)
        self.table = _table([tr("Name"), tr("Measures"), tr("Number"), tr("Building"), tr("Department"),
                             tr("Main meter"), tr("Multiplier"), tr("In use")])
        self.table.doubleClicked.connect(lambda _i: self.edit())
        v.addWidget(self.table, 1)
        self.load()

    def load(self) -> None:
        rows = us.meters(include_inactive=self.show_retired.isChecked())
        t = self.table
        t.setRowCount(len(rows))
        for i, m in enumerate(rows):
            name = ("    " + m.name) if m.parent_id else m.name
            cells = [name, us.kind_label(m.kind), m.number or "", m.building.name if m.building_id else "",
                     m.department.name if m.department_id else "", m.parent.name if m.parent_id else "",
                     us.qty_text(m.multiplier) if m.kind in METERED_KINDS else "",
                     tr("Yes") if m.active else tr("No")]
            for c, text in enumerate(cells):
                t.setItem(i, c, _item(text, c == 6, data=m.id if c == 0 else None))
        t.resizeColumnsToContents()

    def add(self) -> None:
        if MeterDialog(self).exec():
            self._changed()

    def edit(self) -> None:
        mid = _selected_id(self.table)
        if mid is None:
            return
        if MeterDialog(self, us.get_meter(mid)).exec():
            self._changed()

    def retire(self) -> None:
        mid = _selected_id(self.table)
        if mid is None:
            return
        meter = us.get_meter(mid)
        if not meter.active:
            if confirm(self, tr("Put {name} back in use?").format(name=meter.name)):
                us.set_meter_active(meter, True)
                self._changed()
            return
        reason = ask_text(self, tr("No longer in use"), tr("Why is {name} no longer used?").format(name=meter.name))
        if not reason:
            return
        try:
            us.set_meter_active(meter, False, reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self._changed()

    def _changed(self) -> None:
        self.load()
        self.tab.readings_page.load()
        self.tab.data_changed.emit()


# --- the tab ---------------------------------------------------------------------------------------------------

class UtilitiesTab(ModuleTab):
    PAGES = ("readings", "bills", "flags", "figures", "meters")

    def __init__(self, parent=None):
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 6, 6, 6)
        self.pages = QTabWidget()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.readings_page = ReadingsPage(self)
        self.bills_page = BillsPage(self)
        self.flags_page = FlagsPage(self)
        self.figures_page = FiguresPage(self)
        self.meters_page = MetersPage(self)
        self.pages.addTab(self.readings_page, tr("Meter readings"))
        self.pages.addTab(self.bills_page, tr("Bills"))
        self.pages.addTab(self.flags_page, tr("Flags"))
        self.pages.addTab(self.figures_page, tr("Figures"))
        self.pages.addTab(self.meters_page, tr("Meters and accounts"))
        self.pages.currentChanged.connect(self._page_shown)
        v.addWidget(self.pages, 1)
        v.addWidget(self.status)
        self._update_title()

    def status_message(self, text: str) -> None:
        self.status.setText(text)

    def _update_title(self) -> None:
        n = us.new_flag_count()
        self.title_changed.emit(tr("Utilities ({n} flags)").format(n=n) if n else tr("Utilities"))

    def _page_shown(self, index: int) -> None:
        page = self.pages.widget(index)
        if page is self.readings_page and self.readings_page.entries():
            pass  # readings typed and not yet saved stay as they are
        elif hasattr(page, "load"):
            page.load()
        self._update_title()

    def refresh(self) -> None:
        self._page_shown(self.pages.currentIndex())

    def show_today(self, target: dict) -> None:
        page = target.get("page", "readings")
        if page in self.PAGES:
            self.pages.setCurrentIndex(self.PAGES.index(page))
        if page == "flags" and target.get("id"):
            self.flags_page.select(target["id"])
        elif page == "bills":
            self.bills_page.unpaid.setChecked(True)

    def key_action(self, kind: str) -> bool:
        """The shared keys (core/ui/keys.py), on the page shown: a new bill or meter; the month report printed
        and the figures exported."""
        page = self.pages.currentWidget()
        slots = {
            self.bills_page: {"new": self.bills_page.add},
            self.figures_page: {"print": self.figures_page.print_month, "export": self.figures_page.export},
            self.meters_page: {"new": self.meters_page.add},
        }.get(page, {})
        if kind in ("new", "print", "export"):
            return self.press(slots.get(kind))
        return super().key_action(kind)

    def preview(self, pdf: bytes, title: str, filename: str) -> None:
        from ...core.ui.pdf_preview import preview_pdf

        self.last_pdf = pdf
        if getattr(self, "suppress_preview", False):
            return
        preview_pdf(self, pdf, title, filename)
