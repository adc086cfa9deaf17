"""The purchases tab: sub-tabs 请购单 (requests), 库存 (the supply store) and 预算 (budgets)."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import clock, masterdata, settings
from ...core.errors import UserError
from ...core.i18n import N_, join_list, tr
from ...core.ui.dialogs import RecordDialog
from ...core.ui.tab import ModuleTab
from ...core.ui.table import Column, PagedTableModel, date_text, money, read_only_table
from ...core.ui.widgets import ChoiceBox, DateBox, SearchBox, ask_text, confirm, show_error, show_info
from ...core.ui.work import run_in_worker
from . import documents, forms, service
from .service import ACCEPT_RESULTS, ASSET_MODES, DECISIONS, LINE_KINDS, STATUSES

RED = "#c0392b"


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; tests replace this with a person filling it in."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def open_preview(parent, pdf: bytes, title: str, filename: str) -> None:
    from ...core.ui.pdf_preview import preview_pdf

    preview_pdf(parent, pdf, title, filename)


def print_form(parent, title: str, data_fn, render_fn, filename: str) -> None:
    """Read the data here (GUI thread), render the PDF in a worker, then open the preview."""
    try:
        data = data_fn()
    except UserError as exc:
        show_error(parent, exc)
        return
    run_in_worker(parent, tr("Preparing {title}…").format(title=title), lambda progress, cancelled: render_fn(data),
                  lambda pdf: open_preview(parent, pdf, title, filename))


def _item(text, align_right: bool = False, color: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if color:
        it.setForeground(QColor(color))
    return it


def _table(headers: list[str]) -> QTableWidget:
    return read_only_table(headers)


def _fill(table: QTableWidget, rows: list[list], right: set[int] = frozenset(), colors: list | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, _item(value, c in right, colors[r] if colors else None))
    table.resizeColumnsToContents()


class _Dialog(RecordDialog):
    """The purchases tab's dialogs: OK reads “Save” unless told otherwise."""

    def finish(self, ok_text: str | None = None) -> None:
        super().finish(ok_text or tr("Save"))


def _departments() -> list[tuple[str, int]]:
    return [(d.name, d.id) for d in masterdata.departments()]  # departments, then classes in school order


def _rooms() -> list[tuple[str, int]]:
    return [(p.full_name, p.id) for p in masterdata.rooms()]


def _categories() -> list[tuple[str, int]]:
    return service.category_choices()


# --- the request dialog --------------------------------------------------------------

LINE_HEADERS = [N_("Item name"), N_("Model / spec"), N_("Qty"), N_("Unit"), N_("Est. unit price"), N_("Amount"),
                N_("Asset or consumable"),
                N_("Asset category")]


class RequestDialog(_Dialog):
    def __init__(self, parent, request=None):
        super().__init__(parent, tr("Edit purchase request {number}").format(number=request.number)
                         if request else tr("New purchase request"))
        self.request = request
        self.resize(980, 640)
        self.department = self.add_row(tr("Requesting department"), ChoiceBox(_departments(), empty_label=""),
                                       "department")
        self.requester = self.add_row(tr("Requester"), QLineEdit(), "requester_name")
        self.date = self.add_row(tr("Date"), DateBox(value=clock.today()), "request_date")
        self.purpose = self.add_row(tr("Purpose"), QLineEdit(), "purpose")
        self.in_budget = QCheckBox(tr("Within the annual budget"))
        self.in_budget.setChecked(True)
        self.form.addRow("", self.in_budget)
        self.budget_line = self.add_row(tr("Budget line"), ChoiceBox([], empty_label=""), "budget_line")
        self.funding = self.add_row(tr("Funding source"), QLineEdit(), "funding_source")
        self.place = self.add_row(tr("Delivery place"), ChoiceBox(_rooms(), empty_label=""), "place")
        self.note = self.add_row(tr("Notes"), QLineEdit(), "note")
        self.lines = QTableWidget(0, len(LINE_HEADERS))
        self.lines.setHorizontalHeaderLabels([tr(h) for h in LINE_HEADERS])
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # every header whole in either language ("Asset or consumable" is not cut)
        metrics = self.lines.horizontalHeader().fontMetrics()
        for col, width in enumerate((170, 150, 50, 50, 100, 90, 100, 150)):
            self.lines.setColumnWidth(col, max(width, metrics.horizontalAdvance(tr(LINE_HEADERS[col])) + 16))
        self.layout_.addWidget(QLabel(tr("Goods")))
        self.layout_.addWidget(self.lines)
        row = QHBoxLayout()
        add = QPushButton(tr("Add line"))
        add.clicked.connect(lambda: self.add_line())
        remove = QPushButton(tr("Remove line"))
        remove.clicked.connect(self.remove_line)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        row.addWidget(self.total_label)
        self.layout_.addLayout(row)
        self.levels_label = QLabel()
        self.levels_label.setWordWrap(True)
        self.layout_.addWidget(self.levels_label)
        self.budget_warning = QLabel()
        self.budget_warning.setObjectName("budget_warning")
        self.budget_warning.setWordWrap(True)
        self.budget_warning.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.budget_warning.hide()
        self.layout_.addWidget(self.budget_warning)
        self.finish()
        self._categories = _categories()
        self.department.currentIndexChanged.connect(self._reload_budgets)
        self.date.dateChanged.connect(self._reload_budgets)
        self.in_budget.toggled.connect(self._update)
        self.budget_line.currentIndexChanged.connect(self._update)
        self.lines.itemChanged.connect(self._update)
        if request is not None:
            self.watch("purchase_request", request.id, self._reload)  # a save over someone else's change is refused
            self.request = request = service.get_request(request.id)
            self._load(request)
        else:
            self.add_line()
        self._update()

    def _reload(self) -> None:
        """Someone else changed the request since the form opened: show it as it is now."""
        self.request = service.get_request(self.request.id)
        self.lines.setRowCount(0)
        self._load(self.request)
        self._update()

    def _load(self, req) -> None:
        self.department.set_value(req.department_id)
        self.requester.setText(req.requester_name)
        self.date.set_date(req.request_date)
        self.purpose.setText(req.purpose)
        self.in_budget.setChecked(req.in_budget)
        self._reload_budgets()
        self.budget_line.set_value(req.budget_line_id)
        self.funding.setText(req.funding_source or "")
        self.place.set_value(req.place_id)
        self.note.setText(req.note or "")
        for ln in service.lines_of(req):
            self.add_line({"name": ln.name, "model_spec": ln.model_spec, "quantity": ln.quantity, "unit": ln.unit,
                           "est_price": ln.est_price, "kind": ln.kind, "category": ln.category_id})

    def _reload_budgets(self) -> None:
        dept = self.department.value()
        year = self.date.value().year
        items = [(f"{b.name}（{service.fmt_money(b.amount)}）", b.id)
                 for b in service.budget_lines(year, dept)] if dept else []
        self.budget_line.set_items(items)
        if items and self.budget_line.value() is None:
            self.budget_line.setCurrentIndex(1)
        self._update()

    def add_line(self, values: dict | None = None) -> int:
        values = values or {}
        self.lines.blockSignals(True)
        r = self.lines.rowCount()
        self.lines.insertRow(r)
        for c, key in enumerate(("name", "model_spec", "quantity", "unit", "est_price")):
            v = values.get(key)
            if key == "quantity" and v is None:
                v = 1
            if key == "unit" and v is None:
                v = "件"
            self.lines.setItem(r, c, QTableWidgetItem("" if v is None else str(v)))
        amount = QTableWidgetItem("")
        amount.setFlags(amount.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.lines.setItem(r, 5, amount)
        kind = ChoiceBox([(tr(v), k) for k, v in LINE_KINDS.items()])
        kind.set_value(values.get("kind", "consumable"))
        self.lines.setCellWidget(r, 6, kind)
        cat = ChoiceBox(self._categories, empty_label="")
        cat.set_value(values.get("category"))
        self.lines.setCellWidget(r, 7, cat)
        self.lines.blockSignals(False)
        self._update()
        return r

    def remove_line(self) -> None:
        r = self.lines.currentRow()
        if r < 0:
            r = self.lines.rowCount() - 1
        if r >= 0:
            self.lines.removeRow(r)
        self._update()

    def set_line(self, row: int, **values) -> None:
        """Type into a line's cells (tests, paste)."""
        cols = {"name": 0, "model_spec": 1, "quantity": 2, "unit": 3, "est_price": 4}
        for key, value in values.items():
            if key in cols:
                self.lines.item(row, cols[key]).setText(str(value))
            elif key == "kind":
                self.lines.cellWidget(row, 6).set_value(value)
            elif key == "category":
                self.lines.cellWidget(row, 7).set_value(value)
        self._update()

    def line_values(self) -> list[dict]:
        out = []
        for r in range(self.lines.rowCount()):
            def cell(c, r=r):
                it = self.lines.item(r, c)
                return it.text().strip() if it else ""
            out.append({"name": cell(0), "model_spec": cell(1), "quantity": cell(2), "unit": cell(3),
                        "est_price": cell(4), "kind": self.lines.cellWidget(r, 6).value(),
                        "category": self.lines.cellWidget(r, 7).value()})
        return out

    def total(self) -> Decimal:
        total = Decimal(0)
        self.lines.blockSignals(True)
        for r, v in enumerate(self.line_values()):
            qty = service._int(v["quantity"])
            price = service.to_decimal(v["est_price"])
            amount = service.money(price * qty) if qty is not None and price is not None else None
            if amount is not None:
                total += amount
            self.lines.item(r, 5).setText(service.fmt_money(amount) if amount is not None else "")
        self.lines.blockSignals(False)
        return total

    def _update(self, *_args) -> None:
        self.budget_line.setEnabled(self.in_budget.isChecked())
        total = self.total()
        self.total_label.setText(tr("Estimated total: {amount} yuan").format(amount=service.fmt_money(total)))
        self.levels_label.setText(service.approval_note(total))
        warning = None
        if self.in_budget.isChecked() and self.budget_line.value():
            warning = service.budget_check(self.budget_line.value(), total, exclude=self.request)
        self.budget_warning.setText(("⚠ " + warning) if warning else "")
        self.budget_warning.setVisible(bool(warning))

    def values(self) -> dict:
        dept = self.department.value()
        name = self.requester.text().strip()
        person = service.find_requester(name, dept)
        return {"department": dept, "requester_name": name, "requester": person.id if person else None,
                "request_date": self.date.value(), "purpose": self.purpose.text(),
                "in_budget": self.in_budget.isChecked(), "budget_line": self.budget_line.value(),
                "funding_source": self.funding.text(), "place": self.place.value(), "note": self.note.text(),
                "lines": self.line_values()}

    def save(self):
        values = self.values()
        question = service.consumables_question(values.get("lines") or [])
        if question:
            if not confirm(self, question, tr("A consumable priced like a fixed asset")):
                raise UserError(tr("Not saved: mark the line as a fixed asset, or save again and confirm."))
            values["confirmed"] = True
        if self.request is None:
            return service.create_request(values)
        return service.update_request(self.request, values)


def budget_label(request) -> QLabel | None:
    """The request's budget line as one sum that adds up; red when it is overspent (None: no line)."""
    if not request.budget_line_id or not request.in_budget:
        return None
    state = service.budget_state(request.budget_line_id, request)
    label = QLabel(("⚠ " if state.over else "") + state.summary())
    label.setObjectName("budget_state")
    label.setWordWrap(True)
    if state.over:
        label.setStyleSheet(f"color: {RED}; font-weight: bold;")
    return label


class ApprovalDialog(_Dialog):
    def __init__(self, parent, request):
        super().__init__(parent, tr("Record a signature for {number}").format(number=request.number))
        self.request = request
        self.setMinimumWidth(560)
        amount = QLabel(tr("Amount: {amount} yuan").format(amount=service.fmt_money(request.total)) + " · "
                        + service.approval_note(request.total))
        amount.setWordWrap(True)
        self.form.addRow(amount)
        self.budget = budget_label(request)
        if self.budget is not None:
            self.form.addRow(self.budget)
        pending = [s["role"] for s in service.approval_state(request) if s["approval"] is None]
        self.level = self.add_row(tr("Approval level"), ChoiceBox([(tr(r), r) for r in pending]), "level")
        self.approver = self.add_row(tr("Signed by"), QLineEdit(), "approver")
        self.date = self.add_row(tr("Date"), DateBox(value=clock.today()), "decided_on")
        self.decision = self.add_row(tr("Decision"), ChoiceBox([(tr(v), k) for k, v in DECISIONS.items()]), "decision")
        self.comment = self.add_row(tr("Signer's comment"), QLineEdit(), "comment")
        self.level.currentIndexChanged.connect(self._default_name)
        self._default_name()
        self.finish(tr("Record"))

    def _default_name(self) -> None:
        self.approver.setText(signer_for(self.level.value() or ""))

    def save(self):
        def record(confirmed: bool):
            return service.record_approval(self.request, level=self.level.value(), approver=self.approver.text(),
                                           decision=self.decision.value(), decided_on=self.date.value(),
                                           comment=self.comment.text(), confirmed=confirmed)
        try:
            return record(False)
        except service.OverBudgetNotConfirmed as exc:  # the fields are right: ask, then record
            if not confirm(self, exc.question, tr("Over budget")):
                raise UserError(tr("Not recorded: the request is over budget.")) from None
        return record(True)


def signer_for(role: str) -> str:
    """The name the settings give for a level (director, principal), else empty."""
    if role == "Director of general affairs":
        return settings.get("school.director") or ""
    if role == "Principal":
        return settings.get("school.principal") or ""
    return ""


class QuoteDialog(_Dialog):
    """A supplier's quote: its total and, if the supplier gave them, a unit price per line.
    With ``quote``, corrects that quote (until the order is placed)."""

    def __init__(self, parent, request, quote=None):
        super().__init__(parent, tr("Correct the quote of {supplier} for {number}").format(
            supplier=quote.supplier.name, number=request.number) if quote else
            tr("Add a quote for {number}").format(number=request.number))
        self.request = request
        self.quote = quote
        if quote is not None:  # a save over someone else's change is refused; the form then shows it as it is
            self.watch("purchase_quote", quote.id, self._reload)
            self.quote = quote = service.quote_or_none(quote.id) or quote
        self.setMinimumWidth(600)
        self.supplier = self.add_row(tr("Supplier"), ChoiceBox(service.supplier_choices(),
                                                              empty_label=""), "supplier")
        self.amount = self.add_row(tr("Quoted total"), QLineEdit(), "amount")
        self.amount.setPlaceholderText(tr("Empty: the sum of the unit prices"))
        self.date = self.add_row(tr("Quote date"), DateBox(value=clock.today()), "quoted_on")
        self.delivery = self.add_row(tr("Delivery / terms"), QLineEdit())
        self.note = self.add_row(tr("Notes"), QLineEdit())
        self.lines = service.lines_of(request)
        self.table = QTableWidget(len(self.lines), 5)
        self.table.setHorizontalHeaderLabels([tr("Item name"), tr("Qty"), tr("Unit"), tr("Quoted unit price"),
                                              tr("Amount")])
        self.table.verticalHeader().setVisible(False)
        prices = service.quote_prices(quote) if quote else {}
        for r, ln in enumerate(self.lines):
            self.table.setItem(r, 0, _item(ln.name + (f"（{ln.model_spec}）" if ln.model_spec else "")))
            self.table.setItem(r, 1, _item(ln.quantity, True))
            self.table.setItem(r, 2, _item(ln.unit))
            price = QTableWidgetItem(str(prices[ln.id]) if ln.id in prices else "")
            price.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 3, price)
            self.table.setItem(r, 4, _item("", True))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(60 + 28 * min(len(self.lines), 6))
        self.form.addRow(QLabel(tr("Unit prices (optional; the order then takes them):")))
        self.add_row("", self.table, "prices")
        self.made = QLabel()
        self.made.setObjectName("quote_made")
        self.form.addRow(self.made)
        if quote is not None:
            self._fill(quote)
        self.table.itemChanged.connect(self._update)
        self._update()
        self.finish(tr("Save") if quote else tr("Add"))

    def _fill(self, quote) -> None:
        self.supplier.set_value(quote.supplier_id)
        self.amount.setText(str(service.money(quote.amount)))
        self.date.set_date(quote.quoted_on)
        self.delivery.setText(quote.delivery or "")
        self.note.setText(quote.note or "")

    def _reload(self) -> None:
        self.quote = service.quote_or_none(self.quote.id) or self.quote
        prices = service.quote_prices(self.quote)
        for r, ln in enumerate(self.lines):
            self.table.item(r, 3).setText(str(prices[ln.id]) if ln.id in prices else "")
        self._fill(self.quote)
        self._update()

    def set_price(self, row: int, text: str) -> None:
        self.table.item(row, 3).setText(text)

    def prices(self) -> dict[int, str]:
        return {ln.id: self.table.item(r, 3).text().strip() for r, ln in enumerate(self.lines)}

    def _update(self, *_args) -> None:
        self.table.blockSignals(True)
        made = Decimal(0)
        complete = bool(self.lines)
        for r, ln in enumerate(self.lines):
            price = service.to_decimal(self.table.item(r, 3).text())
            amount = service.money(price * ln.quantity) if price is not None else None
            self.table.item(r, 4).setText(service.fmt_money(amount) if amount is not None else "")
            if amount is None:
                complete = False
            else:
                made += price * ln.quantity
        self.table.blockSignals(False)
        self.made.setText(tr("The unit prices make {amount} yuan.").format(amount=service.fmt_money(made))
                          if complete else "")

    def save(self):
        values = {"supplier": self.supplier.value(), "amount": self.amount.text(), "quoted_on": self.date.value(),
                  "delivery": self.delivery.text(), "note": self.note.text(), "prices": self.prices()}
        if self.quote is not None:
            return service.update_quote(self.quote, values)
        return service.add_quote(self.request, **values)


class OrderDialog(_Dialog):
    def __init__(self, parent, request):
        super().__init__(parent, tr("Place the order for {number}").format(number=request.number))
        self.request = request
        self.setMinimumWidth(560)
        self.quotes = service.quotes_of(request)
        info = QLabel()
        info.setWordWrap(True)
        if service.needs_quotes(request.total):
            info.setText(tr("Above {limit} yuan: at least {n} quotes are needed (货比三家); {have} recorded.").format(
                limit=service.fmt_money(settings.get("purchases.quote_threshold")),
                n=settings.get("purchases.min_quotes"), have=len(self.quotes)))
        else:
            info.setText(tr("Below {limit} yuan quotes are not required.").format(
                limit=service.fmt_money(settings.get("purchases.quote_threshold"))))
        self.form.addRow(info)
        self.approved = QLabel(tr("Approved amount: {amount} yuan").format(
            amount=service.fmt_money(service.approved_amount(request))))
        self.form.addRow(self.approved)
        low = min((q.amount for q in self.quotes), default=None)
        self.quote = ChoiceBox([(f"{q.supplier.name} — {service.fmt_money(q.amount)}"
                                 + (f" ({tr('lowest')})" if q.amount == low else ""), q.id) for q in self.quotes],
                               empty_label="")
        self.supplier = ChoiceBox(service.supplier_choices(), empty_label="")
        if self.quotes:
            self.add_row(tr("Chosen quote"), self.quote, "quote")
            self.quote.setCurrentIndex(1)
        else:
            self.add_row(tr("Supplier"), self.supplier, "supplier")
        self.reason = self.add_row(tr("Reason (if not the lowest)"), QLineEdit(), "reason")
        self.buyer = self.add_row(tr("Buyer (经办人)"), QLineEdit(settings.get("operator.name") or ""), "buyer")
        self.date = self.add_row(tr("Order date"), DateBox(value=clock.today()), "ordered_on")
        # an order above the approved amount is signed again by the level its total needs
        self.again_box = QGroupBox(tr("Above the approved amount: signed again"))
        self.again_box.setObjectName("reapproval")
        again = QVBoxLayout(self.again_box)
        self.again_note = QLabel()
        self.again_note.setWordWrap(True)
        self.again_note.setStyleSheet(f"color: {RED};")
        again.addWidget(self.again_note)
        rows = QGridLayout()
        rows.addWidget(QLabel(tr("Signed by")), 0, 0)
        self.reapprover = QLineEdit()
        rows.addWidget(self.reapprover, 0, 1)
        rows.addWidget(self.errors.make_label("reapprover", self.reapprover), 1, 1)
        rows.addWidget(QLabel(tr("Date")), 2, 0)
        self.reapproved_on = DateBox(value=clock.today())
        rows.addWidget(self.reapproved_on, 2, 1)
        rows.addWidget(self.errors.make_label("reapproved_on", self.reapproved_on), 3, 1)
        again.addLayout(rows)
        self.layout_.addWidget(self.again_box)
        self._role = None
        self.quote.currentIndexChanged.connect(self._update)
        self._update()
        self.finish(tr("Place order"))

    def _update(self, *_args) -> None:
        chosen = next((q for q in self.quotes if q.id == self.quote.value()), None)
        role = service.reapproval_level(self.request, chosen.amount) if chosen is not None else None
        if role != self._role:
            self.reapprover.setText(signer_for(role) if role else "")
        self._role = role
        if role:
            approved = service.approved_amount(self.request)
            self.again_note.setText(tr("The order of {amount} yuan is {more} yuan above the approved {approved} yuan: "
                                       "{role} signs again.").format(
                amount=service.fmt_money(chosen.amount), more=service.fmt_money(chosen.amount - approved),
                approved=service.fmt_money(approved), role=tr(role)))
        self.again_box.setVisible(bool(role))

    def save(self):
        again = ({"approver": self.reapprover.text(), "decided_on": self.reapproved_on.value()}
                 if self._role else None)
        return service.place_order(self.request, buyer=self.buyer.text(), quote=self.quote.value(),
                                   supplier=self.supplier.value(), ordered_on=self.date.value(),
                                   reason=self.reason.text(), reapproval=again)


class DeliveryDialog(_Dialog):
    def __init__(self, parent, request):
        super().__init__(parent, tr("Record a delivery for {number}").format(number=request.number))
        self.request = request
        self.lines = [ln for ln in service.lines_of(request)]
        self.table = QTableWidget(len(self.lines), 5)
        self.table.setHorizontalHeaderLabels([tr("Item name"), tr("Qty ordered"), tr("Received so far"),
                                              tr("This delivery"),
                                              tr("Unit")])
        self.spins = {}
        for r, ln in enumerate(self.lines):
            self.table.setItem(r, 0, _item(ln.name + (f"（{ln.model_spec}）" if ln.model_spec else "")))
            self.table.setItem(r, 1, _item(ln.quantity, True))
            self.table.setItem(r, 2, _item(ln.received_qty, True))
            spin = QSpinBox()
            spin.setRange(0, max(0, ln.quantity - ln.received_qty))
            spin.setValue(ln.quantity - ln.received_qty)
            self.table.setCellWidget(r, 3, spin)
            self.spins[ln.id] = spin
            self.table.setItem(r, 4, _item(ln.unit))
        self.table.resizeColumnsToContents()
        self.table.setMinimumWidth(560)
        self.form.addRow(self.table)
        self.date = self.add_row(tr("Received on"), DateBox(value=clock.today()), "received_on")
        self.note = self.add_row(tr("Notes"), QLineEdit())
        self.finish(tr("Record"))

    def save(self):
        return service.record_delivery(self.request, {k: s.value() for k, s in self.spins.items()},
                                       received_on=self.date.value(), note=self.note.text())


class AcceptDialog(_Dialog):
    def __init__(self, parent, request):
        super().__init__(parent, tr("Accept the goods of {number}").format(number=request.number))
        self.request = request
        self.setMinimumWidth(560)
        note = QLabel(tr("Two people accept the goods; neither may be the buyer ({buyer}).").format(
            buyer=request.buyer_name or "—"))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.acceptor1 = self.add_row(tr("Acceptor (1)"), QLineEdit(), "acceptor1")
        self.acceptor2 = self.add_row(tr("Acceptor (2)"), QLineEdit(), "acceptor2")
        self.date = self.add_row(tr("Accepted on"), DateBox(value=clock.today()), "accepted_on")
        # 一切单据需经校长签字后方能验收: the principal's signature, from the approval when given there
        signed = service.principal_signature(request)
        self.principal = self.add_row(tr("Principal's signature (校长签字)"),
                                      QLineEdit(signed[0] if signed else ""), "principal")
        self.principal.setPlaceholderText(tr("Principal's name"))
        self.principal_date = self.add_row(tr("Signed by the principal on"),
                                           DateBox(value=signed[1] if signed else clock.today()),
                                           "principal_signed_on")
        self.result_box = self.add_row(tr("Acceptance result"),
                                       ChoiceBox([(tr(v), k) for k, v in ACCEPT_RESULTS.items()]), "result")
        self.invoice = self.add_row(tr("Invoice number"), QLineEdit(request.invoice_no or ""))
        self.funding = self.add_row(tr("Funding source"), QLineEdit(request.funding_source or ""))
        self.note = self.add_row(tr("Notes"), QLineEdit(), "note")
        self.place = self.add_row(tr("Place of the new assets"), ChoiceBox(_rooms(), empty_label=""))
        self.place.set_value(request.place_id)
        self.modes = {}
        asset_lines = [ln for ln in service.lines_of(request) if ln.kind == "asset"]
        if asset_lines:
            box = QGroupBox(tr("Fixed-asset lines go into the asset register"))
            grid = QGridLayout(box)
            for r, ln in enumerate(asset_lines):
                grid.addWidget(QLabel(f"{ln.name} ×{ln.quantity} {ln.unit}"), r, 0)
                mode = ChoiceBox([(tr(v), k) for k, v in ASSET_MODES.items()])
                mode.set_value("each" if ln.quantity <= 20 else "batch")
                grid.addWidget(mode, r, 1)
                self.modes[ln.id] = mode
            self.layout_.addWidget(box)
        consumables = [ln for ln in service.lines_of(request) if ln.kind == "consumable"]
        self.store_boxes = {}
        if consumables:
            # the clerk sees (and may change) which store item each line is added to
            box = QGroupBox(tr("Consumables go into the supply store"))
            grid = QGridLayout(box)
            matches = {ln.id: service.store_match(ln) for ln in consumables}
            shown = [m.id for m in matches.values() if m is not None]
            items = [(service.item_label(it), it.id) for it in service.store_items(include=shown)]
            for r, ln in enumerate(consumables):
                grid.addWidget(QLabel(f"{ln.name} {ln.model_spec or ''} ×{ln.quantity} {ln.unit}"), r, 0)
                pick = ChoiceBox(items, empty_label=tr("(a new store item)"))
                match = matches[ln.id]
                pick.set_value(match.id if match else None)
                grid.addWidget(pick, r, 1)
                self.store_boxes[ln.id] = pick
            self.layout_.addWidget(box)
        self.finish(tr("Record acceptance"))

    def save(self):
        options = {lid: {"mode": m.value(), "place": self.place.value()} for lid, m in self.modes.items()}
        return service.accept(self.request, acceptors=[self.acceptor1.text(), self.acceptor2.text()],
                              accepted_on=self.date.value(), result=self.result_box.value(), note=self.note.text(),
                              invoice_no=self.invoice.text(), funding_source=self.funding.text(),
                              asset_options=options, principal=self.principal.text(),
                              principal_signed_on=self.principal_date.value(),
                              store_items={lid: b.value() for lid, b in self.store_boxes.items()})


# --- requests page ------------------------------------------------------------------

def _over_color(row: dict) -> str | None:
    return RED if row.get("over_budget") else None


def _status_color(row: dict) -> str | None:
    return {"rejected": RED, "cancelled": "#7f8c8d", "closed": "#7f8c8d", "submitted": "#d35400",
            "received": "#2471a3"}.get(row.get("status"))


REQUEST_COLUMNS = [
    Column("number", N_("Request number")),
    Column("request_date", N_("Date"), fmt=date_text),
    Column("department", N_("Department")),
    Column("requester_name", N_("Requester")),
    Column("purpose", N_("Purpose")),
    Column("total", N_("Amount"), "right", fmt=lambda v, r: money(r.get("amount"))),
    Column("status", N_("Status"), fmt=lambda v, r: r.get("status_label", ""), color=_status_color),
    Column("supplier", N_("Supplier")),
    Column("budget_left", N_("Budget left"), "right", sortable=False, fmt=lambda v, r: r.get("budget_text", ""),
           color=_over_color),
]

ACTIONS = [
    ("edit", N_("Edit")), ("submit", N_("Submit")), ("approve", N_("Record signature")), ("quote", N_("Add quote")),
    ("order", N_("Place order")), ("receive", N_("Record delivery")), ("accept", N_("Accept goods")),
    ("complete", N_("Complete")), ("cancel", N_("Withdraw request")),
]
PRINT_ACTIONS = [("print_request", N_("Request form")), ("print_quotes", N_("Quote comparison")),
                 ("print_acceptance", N_("Acceptance form")), ("print_notice", N_("Public notice")),
                 ("print_labels", N_("Asset labels"))]


def _request_header(req, total) -> str:
    """The request's heading (rich text): number, state, department, amount, supplier, reasons, notices."""
    head = (f"<b>{req.number}</b> · {service.status_label(req.status)} · {req.department.name} · "
            f"{req.requester_name} · {req.request_date.isoformat()}<br>{req.purpose}<br>"
            + tr("Amount: {amount} yuan").format(amount=service.fmt_money(total)) + " · "
            + service.approval_note(req.total))
    if req.supplier_id:
        head += "<br>" + tr("Supplier: {supplier}; buyer: {buyer}").format(supplier=req.supplier.name,
                                                                           buyer=req.buyer_name or "—")
    for a in service.order_approvals(req):  # the order cost more than was approved
        head += "<br>" + html.escape(f"{documents.approval_role(a)}: {a.approver} {a.decided_on.isoformat()}")
    if req.choice_reason:
        head += "<br>" + tr("Reason for the choice: {reason}").format(reason=req.choice_reason)
    if req.cancel_reason:
        head += "<br>" + tr("Withdrawn: {reason}").format(reason=req.cancel_reason)
    if service.needs_notice(total) and req.status in ("ordered", "partly_received", "received", "accepted",
                                                      "closed"):
        head += "<br>" + tr("Large expenditure: print the public notice (采购公示).")
    return head


class RequestsPage(QWidget):
    def __init__(self, tab):
        super().__init__()
        self.tab = tab
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        self.budget_filter_label = QLabel()
        self.budget_filter_label.hide()
        layout.addWidget(self.budget_filter_label)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._build_request_list())
        split.addWidget(self._detail_panel())
        # the list as wide as its columns need (the purpose 150) and the details the rest
        wanted = sum(self.view.columnWidth(c) for c in range(len(REQUEST_COLUMNS)) if c != 4) + 154
        split.setSizes([wanted, max(380, 1366 - wanted)])
        split.setStretchFactor(0, 1)
        layout.addWidget(split, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.filters: dict = {"status": None}
        self.current = None
        self.apply_filters()

    def _build_bar(self) -> QHBoxLayout:
        """The search box, the state filter, New request… and Export to Excel…."""
        bar = QHBoxLayout()
        self.search = SearchBox(tr("Search number, purpose, requester, department, item…"))
        self.search.search.connect(lambda _t: self.apply_filters())
        bar.addWidget(self.search, 3)
        self.status = ChoiceBox([(tr("Open requests"), "open")] + [(tr(v), k) for k, v in STATUSES.items()],
                                empty_label=tr("All states"))
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        bar.addWidget(self.status, 1)
        self.new_button = QPushButton(tr("New request…"))
        self.new_button.clicked.connect(self.new_request)
        bar.addWidget(self.new_button)
        self.export_button = QPushButton(tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)
        return bar

    def _build_request_list(self) -> QTableView:
        """The requests, newest first, every column as wide as its header and longest state."""
        self.model = PagedTableModel(REQUEST_COLUMNS, service.RequestSource(), self, default_sort="number",
                                     default_descending=True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().hide()
        # every column at least as wide as its header in the interface language and the status
        # column as its longest state ("Request number", "Collecting quotes" are not cut at
        # 1366×768); the purpose takes what is left, so the whole row stays in view
        header = self.view.horizontalHeader()
        metrics, cells = header.fontMetrics(), self.view.fontMetrics()
        for col, w in enumerate((105, 85, 90, 60, 0, 85, 70, 110, 110)):
            head = metrics.horizontalAdvance(tr(REQUEST_COLUMNS[col].title)) + 28
            if col == 6:
                head = max(head, max(cells.horizontalAdvance(tr(v)) for v in STATUSES.values()) + 20)
            if col == 8:
                head = max(head, cells.horizontalAdvance(tr("⚠ over by {amount}").format(amount="9,999.00")) + 12)
            self.view.setColumnWidth(col, max(w, head))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.view.doubleClicked.connect(lambda _i: self.run_action("edit"))
        return self.view

    def _detail_panel(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(4, 0, 0, 0)
        self.header = QLabel(tr("Choose a request on the left, or make a new one."))
        self.header.setObjectName("request_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.header)
        self.budget_warning = QLabel()
        self.budget_warning.setObjectName("request_budget_warning")
        self.budget_warning.setWordWrap(True)
        self.budget_warning.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.budget_warning.hide()
        v.addWidget(self.budget_warning)
        self._add_action_buttons(v)
        v.addWidget(self._build_detail_tabs(), 1)
        self._enable([])
        return w

    def _add_action_buttons(self, v: QVBoxLayout) -> None:
        """The request's actions, three a row, and its forms to print."""
        actions = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, label) in enumerate(ACTIONS):
            b = QPushButton(tr(label))
            b.clicked.connect(lambda _c=False, k=key: self.run_action(k))
            actions.addWidget(b, i // 3, i % 3)  # three a row: the list keeps its room at 1366×768
            self.buttons[key] = b
        v.addLayout(actions)
        prints = QGridLayout()
        prints.addWidget(QLabel(tr("Print:")), 0, 0)
        for i, (key, label) in enumerate(PRINT_ACTIONS):
            b = QPushButton(tr(label))
            b.clicked.connect(lambda _c=False, k=key: self.run_action(k))
            prints.addWidget(b, i // 3, 1 + i % 3)
            self.buttons[key] = b
        v.addLayout(prints)

    def _build_detail_tabs(self) -> QTabWidget:
        """Goods, signatures, quotes (with correct and remove), status history, assets created."""
        self.details = QTabWidget()
        self.lines_table = _table([tr("Item name"), tr("Model / spec"), tr("Qty"), tr("Unit"), tr("Unit price"),
                                   tr("Amount"), tr("Asset or consumable"), tr("Qty received")])
        self.details.addTab(self.lines_table, tr("Goods"))
        self.approvals_table = _table([tr("Approval level"), tr("Signed by"), tr("Date"), tr("Decision"),
                                       tr("Signer's comment")])
        self.details.addTab(self.approvals_table, tr("Signatures"))
        self.quotes_table = _table([tr("Supplier"), tr("Quoted total"), tr("Quote date"), tr("Delivery / terms"),
                                    tr("Comparison")])
        self.quote_ids: list[int] = []
        quotes_page = QWidget()
        qv = QVBoxLayout(quotes_page)
        qv.setContentsMargins(0, 0, 0, 0)
        qv.addWidget(self.quotes_table, 1)
        qbar = QHBoxLayout()
        for key, label in (("correct_quote", N_("Correct quote…")), ("void_quote", N_("Remove quote…"))):
            b = QPushButton(tr(label))
            b.setObjectName(key)
            b.clicked.connect(lambda _c=False, k=key: self.run_action(k))
            qbar.addWidget(b)
            self.buttons[key] = b
        qbar.addStretch(1)
        qv.addLayout(qbar)
        self.details.addTab(quotes_page, tr("Quotes"))
        self.history_table = _table([tr("Time"), tr("From state"), tr("To state"), tr("By"), tr("Notes")])
        self.details.addTab(self.history_table, tr("Status history"))
        self.assets_table = _table([tr("Asset number"), tr("Name"), tr("Quantity"), tr("Amount"), tr("Place")])
        self.details.addTab(self.assets_table, tr("Assets created"))
        return self.details

    # --- list ---
    def apply_filters(self) -> None:
        self.filters["text"] = self.search.text().strip()
        self.filters["status"] = self.status.value()
        self.model.set_filters({k: v for k, v in self.filters.items() if v})
        total = self.model.rowCount()
        self.count_label.setText(tr("{n} requests").format(n=total))
        if self.current is not None:
            self.select_request(self.current.id)
        else:
            self.show_selected()

    def set_budget_filter(self, budget_id: int | None, label: str = "") -> None:
        self.filters["budget_line"] = budget_id
        self.budget_filter_label.setText(tr("Only requests on budget line {label}").format(label=label))
        self.budget_filter_label.setVisible(bool(budget_id))
        self.apply_filters()

    def reload(self) -> None:
        self.model.reload()
        self.count_label.setText(tr("{n} requests").format(n=self.model.rowCount()))
        if self.current is not None:
            self.select_request(self.current.id)

    def select_request(self, request_id: int) -> None:
        row = self.model.find_row(request_id)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        self.current = service.request_or_none(request_id)
        self.show_request(self.current)

    def show_selected(self) -> None:
        idx = self.view.currentIndex()
        rid = self.model.row_id(idx.row()) if idx.isValid() else None
        self.current = service.request_or_none(rid)
        self.show_request(self.current)

    def _enable(self, actions: list[str]) -> None:
        for key, b in self.buttons.items():
            b.setEnabled(key in actions)

    def show_request(self, req) -> None:
        if req is None:
            self.header.setText(tr("Choose a request on the left, or make a new one."))
            self.budget_warning.hide()
            for t in (self.lines_table, self.approvals_table, self.quotes_table, self.history_table,
                      self.assets_table):
                t.setRowCount(0)
            self._enable([])
            return
        total = service.effective_total(req)
        self.header.setText(_request_header(req, total))
        warning = None
        if req.budget_line_id and req.status not in ("rejected", "cancelled", "closed"):
            warning = service.budget_check(req.budget_line_id, total, exclude=req)
        elif not req.in_budget:
            warning = None
        self.budget_warning.setText(("⚠ " + warning) if warning else "")
        self.budget_warning.setVisible(bool(warning))
        lines = service.lines_of(req)
        _fill(self.lines_table, [[ln.name, ln.model_spec or "", ln.quantity, ln.unit,
                                  service.fmt_money(ln.price if ln.price is not None else ln.est_price),
                                  service.fmt_money(service.order_amount(ln)),
                                  tr(LINE_KINDS[ln.kind]), ln.received_qty] for ln in lines], {2, 4, 5, 7})
        self._fill_approvals(req)
        quotes = self._fill_quotes(req)
        _fill(self.history_table, [[c.at.strftime("%Y-%m-%d %H:%M"), status_text(c.from_status),
                                    status_text(c.to_status), c.operator, c.note or ""]
                                   for c in service.status_history(req)])
        _fill(self.assets_table, [[a.number, a.name, a.quantity, service.fmt_money(a.amount),
                                   a.place.full_name if a.place_id else ""] for a in service.assets_of(req)], {2, 3})
        self._enable(self._actions(req, quotes))

    def _fill_approvals(self, req) -> None:
        """Each level's signature (or who is awaited), and the signatures again at ordering."""
        rows = []
        for s in service.approval_state(req):
            a = s["approval"]
            rows.append([tr(s["role"]), a.approver if a else tr("(waiting)"), a.decided_on.isoformat() if a else "",
                         tr(DECISIONS[a.decision]) if a else "", (a.comment or "") if a else ""])
        for a in service.order_approvals(req):  # signed again at ordering, above the approved amount
            rows.append([documents.approval_role(a), a.approver, a.decided_on.isoformat(), tr(DECISIONS[a.decision]),
                         a.comment or ""])
        _fill(self.approvals_table, rows)

    def _fill_quotes(self, req) -> list:
        """Every quote, removed ones grey with their reason; returns the quotes in force."""
        quotes = service.quotes_of(req)
        all_quotes = service.quotes_of(req, voided=True)
        low = min((q.amount for q in quotes), default=None)
        self.quote_ids = [q.id for q in all_quotes]
        _fill(self.quotes_table, [[q.supplier.name, service.fmt_money(q.amount), q.quoted_on.isoformat(),
                                   q.delivery or "",
                                   tr("removed: {reason}").format(reason=q.void_reason) if q.voided_at else join_list(
                                       ([tr("lowest")] if q.amount == low else [])
                                       + ([tr("chosen")] if req.chosen_quote == q.id else []))]
                                  for q in all_quotes], {1},
              ["#7f8c8d" if q.voided_at else None for q in all_quotes])
        for r, q in enumerate(all_quotes):  # the whole reason, however narrow the column
            if q.voided_at:
                self.quotes_table.item(r, 4).setToolTip(q.void_reason or "")
        return quotes

    def _actions(self, req, quotes: list) -> list[str]:
        """What can be done with the request now, and which of its forms can be printed."""
        acts = service.next_actions(req)
        acts = list(acts) + ["print_request"]
        if quotes:
            acts.append("print_quotes")
            if req.status in ("approved", "quoting"):
                acts += ["correct_quote", "void_quote"]
        if req.status in ("ordered", "partly_received", "received", "accepted", "closed"):
            acts += ["print_acceptance", "print_notice"]
        if self.assets_table.rowCount():
            acts.append("print_labels")
        return acts


    # --- actions ---
    def new_request(self) -> None:
        dlg = RequestDialog(self)
        if run_dialog(dlg):
            self.current = dlg.result_value
            self.changed()

    def changed(self) -> None:
        self.reload()
        self.tab.data_changed.emit()
        self.tab.store.reload()
        self.tab.budgets.reload()

    def run_action(self, key: str) -> None:
        req = self.current
        if req is None:
            return
        req = service.get_request(req.id)
        try:
            if key.startswith("print_"):
                self._print_document(key, req)
            elif key in ("correct_quote", "void_quote"):
                self._quote_action(key, req)
            else:
                self._step(key, req)
        except UserError as exc:
            show_error(self, exc)

    def _step(self, key: str, req) -> None:
        """A step of the request's life: edit, submit, sign, quote, order, receive, accept, complete, withdraw."""
        if key == "edit":
            if req.status != "draft":
                return
            if run_dialog(RequestDialog(self, req)):
                self.changed()
        elif key == "submit":
            try:
                service.submit(req)
            except service.OverBudgetNotConfirmed as exc:
                if not confirm(self, exc.question, tr("Over budget")):
                    return
                service.submit(req, confirmed=True)
            self.changed()
        elif key == "approve":
            if run_dialog(ApprovalDialog(self, req)):
                self.changed()
        elif key == "quote":
            if run_dialog(QuoteDialog(self, req)):
                self.changed()
        elif key == "order":
            if run_dialog(OrderDialog(self, req)):
                self.changed()
        elif key == "receive":
            if run_dialog(DeliveryDialog(self, req)):
                self.changed()
        elif key == "accept":
            if run_dialog(AcceptDialog(self, req)):
                self.changed()
        elif key == "complete":
            service.complete(req)
            self.changed()
        elif key == "cancel":
            reason = ask_text(self, tr("Withdraw request"),
                              tr("Why is {number} withdrawn?").format(number=req.number))
            if reason is None:
                return
            service.cancel(req, reason)
            self.changed()

    def _quote_action(self, key: str, req) -> None:
        """Correct or remove the quote chosen in the list."""
        quote = self.selected_quote()
        if quote is None:
            self.details.setCurrentIndex(2)
            show_info(self, tr("Choose a quote in the list first."))
            return
        if key == "correct_quote":
            if run_dialog(QuoteDialog(self, req, quote)):
                self.changed()
            return
        reason = ask_text(self, tr("Remove quote"),
                          tr("Why is the quote of {supplier} ({amount} yuan) removed?")
                          .format(supplier=quote.supplier.name, amount=service.fmt_money(quote.amount)))
        if reason is None:
            return
        service.void_quote(quote, reason)
        self.changed()

    def _print_document(self, key: str, req) -> None:
        """The request's forms: request, quote comparison, acceptance, asset labels, public notice."""
        if key == "print_request":
            print_form(self, tr("Purchase request form"), lambda: documents.request_data(req.id),
                       forms.request_form, f"{req.number}.pdf")
        elif key == "print_quotes":
            print_form(self, tr("Quote comparison sheet"), lambda: documents.quote_data(req.id),
                       forms.quote_comparison, f"{req.number}-quotes.pdf")
        elif key == "print_acceptance":
            print_form(self, tr("Acceptance form"), lambda: documents.acceptance_data(req.id),
                       forms.acceptance_form, f"{req.number}-acceptance.pdf")
        elif key == "print_labels":
            print_form(self, tr("Asset labels"), lambda: documents.label_data(req.id), forms.asset_labels,
                       f"{req.number}-labels.pdf")
        elif key == "print_notice":
            print_form(self, tr("Public notice of purchase"), lambda: documents.notice_data(req.id),
                       forms.public_notice, f"{req.number}-notice.pdf")

    def selected_quote(self):
        r = self.quotes_table.currentRow()
        if not 0 <= r < len(self.quote_ids):
            return None
        quote = service.quote_or_none(self.quote_ids[r])
        return quote if quote is not None and quote.voided_at is None else None

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export to Excel"), "purchases.xlsx", "Excel (*.xlsx)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from . import excel

        filters = {k: v for k, v in self.filters.items() if v}
        run_in_worker(self, tr("Exporting…"), lambda progress, cancelled: excel.export(path, filters, progress,
                                                                                       cancelled),
                      lambda n: show_info(self, tr("{n} rows written to {path}.").format(n=n, path=path)))


def status_text(status: str | None) -> str:
    return service.status_label(status) if status else "—"


# --- the supply store ------------------------------------------------------------------

class ItemDialog(_Dialog):
    def __init__(self, parent, item=None):
        super().__init__(parent, tr("Store item"))
        self.item = item
        self.name = self.add_row(tr("Item name"), QLineEdit(item.name if item else ""), "name")
        self.spec = self.add_row(tr("Model / spec"), QLineEdit(item.spec if item else ""))
        self.unit = self.add_row(tr("Unit"), QLineEdit(item.unit if item else "件"))
        self.min_level = self.add_row(tr("Minimum level"), QSpinBox(), "min_level")
        self.min_level.setRange(0, 1000000)
        self.min_level.setValue(item.min_level if item else 0)
        self.finish()
        if item is not None:  # a save over someone else's change is refused; the form then shows it as it is
            self.watch("store_item", item.id, self._reload)
            self._reload()

    def _reload(self) -> None:
        self.item = item = service.item_or_none(self.item.id) or self.item
        self.name.setText(item.name)
        self.spec.setText(item.spec or "")
        self.unit.setText(item.unit or "")
        self.min_level.setValue(item.min_level)

    def save(self):
        return service.save_item({"name": self.name.text(), "spec": self.spec.text(), "unit": self.unit.text(),
                                  "min_level": self.min_level.value()}, self.item)


def _store_items() -> list[tuple[str, int]]:
    return [(f"{service.item_label(i)} — {tr('in stock')} {i.stock} {i.unit}", i.id)
            for i in service.store_items()]


class StockInDialog(_Dialog):
    def __init__(self, parent, item_id=None):
        super().__init__(parent, tr("Stock in"))
        self.item = self.add_row(tr("Item name"), ChoiceBox(_store_items(), empty_label=""), "item")
        self.item.set_value(item_id)
        self.quantity = self.add_row(tr("Quantity"), QSpinBox(), "quantity")
        self.quantity.setRange(0, 1000000)
        self.price = self.add_row(tr("Unit price"), QLineEdit(), "unit_price")
        self.date = self.add_row(tr("Date"), DateBox(value=clock.today()), "on")
        self.note = self.add_row(tr("Notes"), QLineEdit())
        self.finish(tr("Stock in"))

    def save(self):
        return service.stock_in(self.item.value(), self.quantity.value(), on=self.date.value(),
                                unit_price=self.price.text(), note=self.note.text())


class IssueDialog(_Dialog):
    def __init__(self, parent, item_id=None):
        super().__init__(parent, tr("Issue from the store (领用)"))
        self.resize(620, 420)
        self.department = self.add_row(tr("Department"), ChoiceBox(_departments(), empty_label=""), "department")
        self.recipient = self.add_row(tr("Recipient"), QLineEdit(), "recipient_name")
        self.purpose = self.add_row(tr("Purpose"), QLineEdit())
        self.date = self.add_row(tr("Date"), DateBox(value=clock.today()), "on")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr("Item name"), tr("Quantity")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.form.addRow(self.table)
        add = QPushButton(tr("Add line"))
        add.clicked.connect(lambda: self.add_line())
        self.form.addRow(add)
        self.items = _store_items()
        self.add_line(item_id)
        self.finish(tr("Issue"))

    def add_line(self, item_id=None, qty: int = 1) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        box = ChoiceBox(self.items, empty_label="")
        box.set_value(item_id)
        self.table.setCellWidget(r, 0, box)
        spin = QSpinBox()
        spin.setRange(0, 1000000)
        spin.setValue(qty)
        self.table.setCellWidget(r, 1, spin)
        return r

    def lines(self):
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.cellWidget(r, 0).value()
            qty = self.table.cellWidget(r, 1).value()
            if item or qty:
                out.append((item, qty))
        return out

    def save(self):
        dept = self.department.value()
        name = self.recipient.text().strip()
        person = service.find_requester(name, dept)
        return service.issue(self.lines(), recipient_name=name, department=dept,
                             person=person.id if person else None, on=self.date.value(), purpose=self.purpose.text())


class CountDialog(_Dialog):
    """The monthly count: the counted column starts empty (the clerk types what is on the
    shelf); the differences show as they are typed, and recording them asks once more."""

    def __init__(self, parent, month: str):
        super().__init__(parent, tr("Monthly store count"))
        self.resize(680, 520)
        self.month = self.add_row(tr("Month"), QLineEdit(month), "month")
        self.counted_by = self.add_row(tr("Counted by"), QLineEdit(settings.get("operator.name") or ""), "counted_by")
        self.date = self.add_row(tr("Date"), DateBox(value=clock.today()), "on")
        self.note = self.add_row(tr("Notes"), QLineEdit())
        self.items = service.store_items()
        self.table = QTableWidget(len(self.items), 5)
        self.table.setHorizontalHeaderLabels([tr("Item name"), tr("Unit"), tr("Book qty"), tr("Counted"),
                                              tr("Difference")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # room to type the counted quantity, and for the header in either language
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(3, max(90, header.fontMetrics().horizontalAdvance(tr("Counted")) + 20))
        for r, it in enumerate(self.items):
            self.table.setItem(r, 0, _item(service.item_label(it)))
            self.table.setItem(r, 1, _item(it.unit))
            self.table.setItem(r, 2, _item(it.stock, True))
            counted = QTableWidgetItem("")
            counted.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 3, counted)
            self.table.setItem(r, 4, _item("", True))
        self.layout_.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("count_summary")
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self._shown: dict | None = None  # the counts whose differences were shown for confirmation
        self.table.itemChanged.connect(self._update)
        self.finish(tr("Record the count"))
        self._update()

    def set_counted(self, row: int, value) -> None:
        self.table.item(row, 3).setText(str(value))

    def counted(self) -> dict[int, str]:
        return {it.id: self.table.item(r, 3).text().strip() for r, it in enumerate(self.items)
                if self.table.item(r, 3).text().strip()}

    def _update(self, *_args) -> None:
        self.table.blockSignals(True)
        missing = 0
        for r, it in enumerate(self.items):
            qty = service._int(self.table.item(r, 3).text())
            cell = self.table.item(r, 4)
            if qty is None:
                missing += 1
                cell.setText("")
                continue
            diff = qty - it.stock
            cell.setText(f"{diff:+d}" if diff else "0")
            cell.setForeground(QColor(RED if diff else "#000000"))
        self.table.blockSignals(False)
        self.summary.setText(tr("{missing} of {n} items not counted yet.").format(missing=missing, n=len(self.items))
                             if missing else tr("Every item counted."))
        if self._shown is not None and self.counted() != self._shown:
            self._shown = None
            self.ok_button.setText(tr("Record the count"))

    def save(self):
        counted = self.counted()
        try:
            return service.record_count(self.month.text(), counted, counted_by=self.counted_by.text(),
                                        on=self.date.value(), note=self.note.text(),
                                        confirmed=counted == self._shown)
        except service.CountNotConfirmed as exc:
            self._shown = counted
            self.ok_button.setText(tr("Confirm and adjust the stock"))
            gain = sum(v["difference"] for v in exc.variances if v["difference"] > 0)
            loss = -sum(v["difference"] for v in exc.variances if v["difference"] < 0)
            raise UserError(tr("{n} items differ from the book (in red in the table): {gain} more and {loss} fewer "
                               "units in all. Recording the count adjusts the stock to what was counted; check the "
                               "red lines, then press “Confirm and adjust the stock”.").format(
                n=len(exc.variances), gain=gain, loss=loss)) from None


class StorePage(QWidget):
    def __init__(self, tab):
        super().__init__()
        self.tab = tab
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = SearchBox(tr("Search items…"))
        self.search.search.connect(lambda _t: self.reload())
        bar.addWidget(self.search, 2)
        self.only_low = QCheckBox(tr("Only below minimum"))
        self.only_low.toggled.connect(lambda _c: self.reload())
        bar.addWidget(self.only_low)
        for key, label in (("new", N_("New item…")), ("edit", N_("Edit item…")), ("stock_in", N_("Stock in…")),
                           ("issue", N_("Issue (领用)…")), ("count", N_("Monthly count…")), ("print_count",
                                                                                             N_("Count sheet")),
                           ("print_issue", N_("Print issue slip")), ("export", N_("Export to Excel…"))):
            b = QPushButton(tr(label))
            b.setObjectName(f"store_{key}")
            b.clicked.connect(lambda _c=False, k=key: self.run_action(k))
            bar.addWidget(b)
        layout.addLayout(bar)
        self.low_label = QLabel()
        self.low_label.setObjectName("low_label")
        self.low_label.setWordWrap(True)
        self.low_label.setStyleSheet(f"color: {RED};")
        layout.addWidget(self.low_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.items = _table([tr("Item name"), tr("Model / spec"), tr("Unit"), tr("In stock"), tr("Minimum level"),
                             tr("Last unit price")])
        self.items.itemSelectionChanged.connect(self.show_movements)
        split.addWidget(self.items)
        right = QTabWidget()
        self.movements = _table([tr("Date"), tr("Movement"), tr("Quantity"), tr("Balance"), tr("Document"),
                                 tr("Notes")])
        right.addTab(self.movements, tr("Movements"))
        self.issues = _table([tr("Issue slip"), tr("Date"), tr("Department"), tr("Recipient"), tr("Purpose")])
        right.addTab(self.issues, tr("Issue slips"))
        self.right = right
        split.addWidget(right)
        split.setSizes([700, 600])
        layout.addWidget(split, 1)
        self.rows: list[dict] = []
        self.issue_ids: list[int] = []
        self.reload()

    def reload(self) -> None:
        self.rows = service.store_rows(self.search.text().strip(), self.only_low.isChecked())
        _fill(self.items, [[r["name"], r["spec"], r["unit"], r["stock"], r["min_level"],
                            service.fmt_money(r["last_price"]) if r["last_price"] is not None else ""]
                           for r in self.rows], {3, 4, 5}, [RED if r["low"] else None for r in self.rows])
        low = service.below_minimum()
        self.low_label.setText(tr("Below the minimum level: {items}").format(
            items=join_list(f"{service.item_label(i)} ({i.stock}/{i.min_level} {i.unit})" for i in low)) if low
            else tr("Every item is at or above its minimum level."))
        issues = service.recent_issues(300)
        self.issue_ids = [s.id for s in issues]
        _fill(self.issues, [[s.doc_no, s.issued_on.isoformat(), s.department.name if s.department_id else "",
                             s.recipient_name, s.purpose or ""] for s in issues])
        self.show_movements()

    def selected_item(self) -> int | None:
        r = self.items.currentRow()
        return self.rows[r]["id"] if 0 <= r < len(self.rows) else None

    def show_movements(self) -> None:
        item_id = self.selected_item()
        rows = service.movements(item_id, limit=500) if item_id else service.movements(limit=200)
        _fill(self.movements, [[m["moved_on"].isoformat(), m["kind"] if item_id else f"{m['item']} · {m['kind']}",
                                m["quantity"], m["balance"], m["doc"], m["note"]] for m in rows], {2, 3},
              [RED if m["quantity"] < 0 else None for m in rows])
        self.movements.scrollToBottom()  # oldest first, like a ledger: the latest in view

    def changed(self) -> None:
        self.reload()
        self.tab.data_changed.emit()

    def run_action(self, key: str) -> None:
        try:
            if key == "new":
                if run_dialog(ItemDialog(self)):
                    self.changed()
            elif key == "edit":
                item = service.item_or_none(self.selected_item())
                if item is not None and run_dialog(ItemDialog(self, item)):
                    self.changed()
            elif key == "stock_in":
                if run_dialog(StockInDialog(self, self.selected_item())):
                    self.changed()
            elif key == "issue":
                dlg = IssueDialog(self, self.selected_item())
                if run_dialog(dlg):
                    self.changed()
                    slip = dlg.result_value
                    print_form(self, tr("Issue slip"), lambda: documents.issue_data(slip.id), forms.issue_slip,
                               f"{slip.doc_no}.pdf")
            elif key == "count":
                if run_dialog(CountDialog(self, clock.today().strftime("%Y-%m"))):
                    self.changed()
            elif key == "print_count":
                month = ask_text(self, tr("Count sheet"), tr("Month (YYYY-MM):"), clock.today().strftime("%Y-%m"))
                if month:
                    service.month_range(month)
                    print_form(self, tr("Monthly store count sheet"), lambda: documents.count_data(month),
                               forms.store_count_sheet, f"store-count-{month}.pdf")
            elif key == "print_issue":
                r = self.issues.currentRow()
                if 0 <= r < len(self.issue_ids):
                    sid = self.issue_ids[r]
                    print_form(self, tr("Issue slip"), lambda: documents.issue_data(sid), forms.issue_slip,
                               "issue-slip.pdf")
                else:
                    self.right.setCurrentWidget(self.issues)
                    show_info(self, tr("Choose an issue slip in the list first."))
            elif key == "export":
                self.tab.requests.export()
        except UserError as exc:
            show_error(self, exc)


# --- budgets ------------------------------------------------------------------------

class BudgetDialog(_Dialog):
    def __init__(self, parent, year: int, line=None):
        super().__init__(parent, tr("Budget line"))
        self.line = line
        self.year = self.add_row(tr("Year"), QSpinBox(), "year")
        self.year.setRange(2000, 2100)
        self.year.setValue(line.year if line else year)
        self.department = self.add_row(tr("Department"), ChoiceBox(_departments(), empty_label=""), "department")
        self.department.set_value(line.department_id if line else None)
        names = list(settings.get("purchases.budget_lines") or [])
        self.name = self.add_row(tr("Budget line"), ChoiceBox([(n, n) for n in names]), "name")
        self.name.setEditable(True)
        if line:
            self.name.setCurrentText(line.name)
        self.amount = self.add_row(tr("Annual budget (yuan)"), QLineEdit(str(line.amount) if line else ""), "amount")
        self.note = self.add_row(tr("Notes"), QLineEdit(line.note or "" if line else ""))
        self.finish()
        if line is not None:  # a save over someone else's change is refused; the form then shows it as it is
            self.watch("purchase_budget", line.id, self._reload)
            self._reload()

    def _reload(self) -> None:
        self.line = line = service.budget_line_or_none(self.line.id) or self.line
        self.year.setValue(line.year)
        self.department.set_value(line.department_id)
        self.name.setCurrentText(line.name)
        self.amount.setText(str(line.amount))
        self.note.setText(line.note or "")

    def save(self):
        return service.save_budget({"year": self.year.value(), "department": self.department.value(),
                                    "name": self.name.currentText(), "amount": self.amount.text(),
                                    "note": self.note.text()}, self.line)


class BudgetPage(QWidget):
    def __init__(self, tab):
        super().__init__()
        self.tab = tab
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        bar.addWidget(self.year)
        for key, label in (("new", N_("New budget line…")), ("edit", N_("Edit…")),
                           ("requests", N_("Show its requests"))):
            b = QPushButton(tr(label))
            b.setObjectName(f"budget_{key}")
            b.clicked.connect(lambda _c=False, k=key: self.run_action(k))
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = _table([tr("Department"), tr("Budget line"), tr("Budget"), tr("Committed"), tr("Spent"),
                             tr("Left"), tr("Used"), tr("Notes")])
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("budget_summary")
        layout.addWidget(self.summary)
        explain = QLabel(tr("Committed: approved requests not yet accepted. Spent: accepted requests. "
                            "Red: the line is overspent."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.rows: list[dict] = []
        self.reload()

    def reload(self) -> None:
        self.rows = service.budget_rows(self.year.value())
        out = []
        for r in self.rows:
            used = (r["committed"] + r["spent"]) / r["budget"] * 100 if r["budget"] else Decimal(0)
            out.append([r["department"], r["name"], service.fmt_money(r["budget"]), service.fmt_money(r["committed"]),
                        service.fmt_money(r["spent"]), service.fmt_money(r["remaining"]), f"{used:.0f}%", r["note"]])
        _fill(self.table, out, {2, 3, 4, 5, 6}, [RED if r["over"] else None for r in self.rows])
        tot = {k: sum((r[k] for r in self.rows), Decimal(0)) for k in ("budget", "committed", "spent", "remaining")}
        self.summary.setText(tr("{year}: budget {budget}, committed {committed}, spent {spent}, "
                                "left {left} yuan").format(
            year=self.year.value(), budget=service.fmt_money(tot["budget"]),
            committed=service.fmt_money(tot["committed"]), spent=service.fmt_money(tot["spent"]),
            left=service.fmt_money(tot["remaining"])))

    def selected(self) -> dict | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def run_action(self, key: str) -> None:
        try:
            if key == "new":
                if run_dialog(BudgetDialog(self, self.year.value())):
                    self.reload()
                    self.tab.data_changed.emit()
            elif key == "edit":
                line = service.budget_line_or_none(self.selected()["id"]) if self.selected() else None
                if line is not None and run_dialog(BudgetDialog(self, self.year.value(), line)):
                    self.reload()
                    self.tab.requests.reload()
            elif key == "requests":
                row = self.selected()
                if row:
                    self.tab.requests.set_budget_filter(row["id"], f"{row['department']} · {row['name']}")
                    self.tab.sub.setCurrentWidget(self.tab.requests)
        except UserError as exc:
            show_error(self, exc)


class PurchasesTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.sub = QTabWidget()
        self.requests = RequestsPage(self)
        self.store = StorePage(self)
        self.budgets = BudgetPage(self)
        self.sub.addTab(self.requests, tr("Purchase requests"))
        self.sub.addTab(self.store, tr("Supply store"))
        self.sub.addTab(self.budgets, tr("Budgets"))
        layout.addWidget(self.sub)

    def refresh(self) -> None:
        self.requests.reload()
        self.store.reload()
        self.budgets.reload()

    def show_today(self, target: dict) -> None:
        """A line of Today: requests in a state (the first one chosen), the budgets, or the store's low items."""
        page = target.get("page")
        if page == "store":
            self.sub.setCurrentWidget(self.store)
            self.store.only_low.setChecked(bool(target.get("only_low")))
            self.store.reload()
        elif page == "budgets":
            self.sub.setCurrentWidget(self.budgets)
            self.budgets.year.setValue(clock.today().year)
            self.budgets.reload()
            rows = [i for i, r in enumerate(self.budgets.rows) if r.get("id") == target.get("id")]
            if rows:
                self.budgets.table.selectRow(rows[0])
        else:
            self.sub.setCurrentWidget(self.requests)
            self.requests.search.clear()
            self.requests.status.blockSignals(True)
            self.requests.status.set_value(target.get("status") or "open")
            self.requests.status.blockSignals(False)
            self.requests.apply_filters()
            rid, model = target.get("id"), self.requests.model
            for row in range(min(model.rowCount(), 1000)) if rid else ():
                if model.row_id(row) == rid:
                    self.requests.view.selectRow(row)
                    break
            if rid:
                self.requests.select_request(int(rid))
            self.requests.view.setFocus()

    def key_action(self, kind: str) -> bool:
        """The shared keys (core/ui/keys.py), on the page shown: requests (new, the request form, export),
        the store (new item, count sheet, export) or the budgets (new line)."""
        from PySide6.QtWidgets import QPushButton as _Button

        def store(key):
            return self.store.findChild(_Button, f"store_{key}")

        if kind == "new":
            return self.press(self.requests.new_button, store("new"), self.budgets.findChild(_Button, "budget_new"))
        if kind == "print":
            return self.press(self.requests.buttons.get("print_request"), store("print_count"))
        if kind == "export":
            return self.press(self.requests.export_button, store("export"))
        return super().key_action(kind)
