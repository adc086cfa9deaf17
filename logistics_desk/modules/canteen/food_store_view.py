"""The "Food store" page (食品仓库) of the canteen tab, keyboard first.

Stock per food with its earliest use-by date (expired or expiring within 3 days in red, on top) and
the lots of the selected food; an issue to the kitchen for a day and meal typed as food ⏎
quantity ⏎ per line (the store picks the lots, first-expiring first; the line shows which),
Ctrl+S issues; an issue recorded by mistake voided with its reason (its food back on the shelf);
lots discarded with a reason; the month-end count in a dialog (counted
quantity and the reason for each difference); the month's ledger and count printed.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
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
from ...core.ui.widgets import ChoiceBox, DateBox, ask_text, show_error, show_info
from . import food_store, service
from .models import MEALS
from .receiving_view import GREY, RED, EnterLine, cell, preview, staff_items

STATE_COLORS = {"expired": RED, "soon": RED}


class CountDialog(RecordDialog):
    """The month-end count: the book quantity of each food, the counted one, the reason for a difference."""

    def __init__(self, month: str, parent=None):
        super().__init__(parent, tr("Month-end count {month}").format(month=month))
        self.month = month
        self.rows = food_store.count_sheet(month)
        self.by = ChoiceBox(staff_items(), empty_label=tr("(choose)"))
        self.add_row(tr("Counted by"), self.by, "counted_by")
        self.table = QTableWidget(len(self.rows), 5)
        self.table.setHorizontalHeaderLabels([tr("Food"), tr("Unit"), tr("Book balance (结存)"), tr("Counted"),
                                              tr("Reason for the difference")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for r, row in enumerate(self.rows):
            self.table.setItem(r, 0, cell(row["item"], row["item_id"]))
            self.table.setItem(r, 1, cell(row["unit"]))
            self.table.setItem(r, 2, cell(food_store.fmt_qty(row["book"]), right=True))
            self.table.setItem(r, 3, QTableWidgetItem(food_store.fmt_qty(row["book"])))
            self.table.setItem(r, 4, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        self.table.setMinimumSize(620, 300)
        self.layout_.addWidget(QLabel(tr("Type the counted quantity over the book one; a difference needs its "
                                         "reason.")))
        self.layout_.addWidget(self.table)
        self.finish()

    def set_counted(self, item: str, qty: str, reason: str = "") -> None:
        for r, row in enumerate(self.rows):
            if row["item"] == item:
                self.table.item(r, 3).setText(qty)
                self.table.item(r, 4).setText(reason)

    def save(self):
        counted, reasons = {}, {}
        for r, row in enumerate(self.rows):
            counted[row["item_id"]] = self.table.item(r, 3).text()
            reasons[row["item_id"]] = self.table.item(r, 4).text()
        try:
            return food_store.record_count(self.month, counted, reasons=reasons, counted_by=self.by.value())
        except ValidationError as e:
            item_errors = [m for k, m in e.errors.items() if k.startswith("item")]
            if item_errors:
                raise UserError("\n".join(item_errors)) from None
            raise


class FoodStorePage(QWidget):
    changed = Signal()

    STOCK_COLUMNS = [N_("Food"), N_("In stock"), N_("Unit"), N_("Earliest use-by"), N_("Lots"), N_("State")]
    LOT_COLUMNS = [N_("Use by"), N_("Batch"), N_("In stock"), N_("Received on"), N_("State")]
    DRAFT_COLUMNS = [N_("Food"), N_("Quantity"), N_("Taken from (use by)")]
    ISSUE_COLUMNS = [N_("Issue No."), N_("Date"), N_("Meal"), N_("Collected by"), N_("Foods issued")]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.draft: list[tuple[str, str]] = []
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._build_stock())
        split.addWidget(self._build_issue())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)
        lay.addLayout(self._build_month_row())
        self._connect()
        save = QShortcut(QKeySequence("Ctrl+S"), self, activated=self.issue)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # other pages have their own Ctrl+S
        self.reload()

    def _build_stock(self) -> QWidget:
        """Left: what is in stock, the selected food's lots."""
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        lv.addWidget(self.summary)
        self.stock = read_only_table([tr(c) for c in self.STOCK_COLUMNS])
        lv.addWidget(self.stock, 3)
        lv.addWidget(QLabel(tr("Lots of the selected food (first-expiring first)")))
        self.lots = read_only_table([tr(c) for c in self.LOT_COLUMNS])
        lv.addWidget(self.lots, 2)
        lot_actions = QHBoxLayout()
        self.discard_btn = QPushButton(tr("Discard lot…"))
        lot_actions.addWidget(self.discard_btn)
        lot_actions.addStretch(1)
        lv.addLayout(lot_actions)
        return left

    def _build_issue(self) -> QWidget:
        """Right: an issue to the kitchen typed line by line, and the recent issues."""
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("Issue to the kitchen on")))
        self.day = DateBox()
        head.addWidget(self.day)
        self.meal = ChoiceBox([(tr(label), key) for key, label in MEALS.items()])
        self.meal.set_value(service.current_meal())
        head.addWidget(self.meal)
        head.addWidget(QLabel(tr("collected by")))
        self.taken_by = ChoiceBox(staff_items(), empty_label=tr("(choose)"))
        head.addWidget(self.taken_by)
        head.addStretch(1)
        rv.addLayout(head)
        self._build_entry(rv)
        self._build_issue_tables(rv)
        return right

    def _build_entry(self, rv: QVBoxLayout) -> None:
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
        self.add_btn = QPushButton(tr("Add"))
        entry.addWidget(self.food, 2)
        entry.addWidget(self.qty, 1)
        entry.addWidget(self.add_btn)
        rv.addLayout(entry)
        hint = QLabel(tr("Food ⏎ quantity ⏎ adds a line; the lots expiring first are taken. Ctrl+S issues."))
        hint.setStyleSheet(f"color: {GREY};")
        hint.setWordWrap(True)
        rv.addWidget(hint)

    def _build_issue_tables(self, rv: QVBoxLayout) -> None:
        """The lines of the issue being typed, its buttons, and the recent issues."""
        self.draft_table = read_only_table([tr(c) for c in self.DRAFT_COLUMNS])
        rv.addWidget(self.draft_table, 2)
        self.error = QLabel()
        self.error.setObjectName("store_error")
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setWordWrap(True)
        self.error.hide()
        rv.addWidget(self.error)
        issue_actions = QHBoxLayout()
        self.clear_btn = QPushButton(tr("Clear the lines"))
        self.issue_btn = QPushButton(tr("Issue (Ctrl+S)"))
        issue_actions.addWidget(self.clear_btn)
        issue_actions.addStretch(1)
        issue_actions.addWidget(self.issue_btn)
        rv.addLayout(issue_actions)
        rv.addWidget(QLabel(tr("Recent issues (7 days)")))
        self.issues = read_only_table([tr(c) for c in self.ISSUE_COLUMNS])
        rv.addWidget(self.issues, 2)
        issue_list_actions = QHBoxLayout()
        self.void_btn = QPushButton(tr("Void issue…"))
        self.void_btn.setToolTip(tr("An issue recorded by mistake: voided with the reason, its food back in the "
                                    "store."))
        issue_list_actions.addWidget(self.void_btn)
        issue_list_actions.addStretch(1)
        rv.addLayout(issue_list_actions)

    def _build_month_row(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("Month")))
        self.month = ChoiceBox([])
        bottom.addWidget(self.month)
        self.count_btn = QPushButton(tr("Month-end count…"))
        self.print_btn = QPushButton(tr("Print ledger and count"))
        bottom.addWidget(self.count_btn)
        bottom.addWidget(self.print_btn)
        bottom.addStretch(1)
        return bottom

    def _connect(self) -> None:
        self.food.next_requested.connect(self._to_qty)
        self.food.add_requested.connect(self.add_line)
        self.qty.next_requested.connect(self.add_line)
        self.qty.add_requested.connect(self.add_line)
        self.add_btn.clicked.connect(self.add_line)
        self.clear_btn.clicked.connect(self.clear_draft)
        self.issue_btn.clicked.connect(self.issue)
        self.stock.itemSelectionChanged.connect(self.show_lots)
        self.discard_btn.clicked.connect(self.discard_selected)
        self.void_btn.clicked.connect(self.void_selected)
        self.count_btn.clicked.connect(self.count)
        self.print_btn.clicked.connect(self.print_month)

    def shown(self) -> None:
        self.reload()

    # --- stock ---
    def reload(self) -> None:
        today = clock.today()
        # what needs using or discarding first on top (Today's line opens this page for them)
        rank = {"expired": 0, "soon": 1}
        rows = sorted(food_store.stock(today), key=lambda row: (rank.get(row["state"], 2),
                                                                row["use_by"] or _dt.date.max, row["item"]))
        self.stock_rows = rows
        selected = self.stock.selectedItems()
        keep = selected[0].data(Qt.ItemDataRole.UserRole) if selected else None
        t = self.stock
        t.setRowCount(len(rows))
        red = 0
        for r, row in enumerate(rows):
            color = STATE_COLORS.get(row["state"])
            red += bool(color)
            values = [row["item"], food_store.fmt_qty(row["stock"]), row["unit"], row["use_by"] or "", row["lots"],
                      row["state_label"]]
            for c, v in enumerate(values):
                t.setItem(r, c, cell(v, row["item_id"], color, right=c == 1))
        t.resizeColumnsToContents()
        self.summary.setText(tr("{n} foods in stock; {red} expired or expiring within 3 days (red).").format(
            n=len(rows), red=red))
        self.summary.setStyleSheet(f"color: {RED};" if red else "")
        self.food_model.setStringList([r["item"] for r in rows])
        months = food_store.months_with_movements() or [today.strftime("%Y-%m")]
        current = self.month.value()
        self.month.set_items([(m, m) for m in months])
        if current in months:
            self.month.set_value(current)
        self.taken_by.set_items(staff_items())
        ids = [row["item_id"] for row in rows]
        if ids:  # the lots of a food always shown: the one selected before, else the first
            self.stock.selectRow(ids.index(keep) if keep in ids else 0)
        self.show_lots()
        self.reload_issues()

    def show_lots(self) -> None:
        items = self.stock.selectedItems()
        item_id = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        rows = food_store.lots(item_id) if item_id else []
        t = self.lots
        t.setRowCount(len(rows))
        for r, lot in enumerate(rows):
            color = STATE_COLORS.get(lot["state"])
            values = [lot["use_by"] or "", lot["batch"], f"{food_store.fmt_qty(lot['remaining'])} {lot['unit']}",
                      lot["received_on"], lot["state_label"]]
            for c, v in enumerate(values):
                t.setItem(r, c, cell(v, lot["id"], color))
        t.resizeColumnsToContents()

    def discard_selected(self) -> None:
        items = self.lots.selectedItems()
        if not items:
            show_info(self, tr("Select a lot of the food first."))
            return
        reason = ask_text(self, tr("Discard lot"), tr("Why is it discarded (expired, spoiled…)?"))
        if reason is None:
            return
        try:
            food_store.discard(items[0].data(Qt.ItemDataRole.UserRole), reason)
        except UserError as e:
            show_error(self, e)
            return
        self.reload()
        self.changed.emit()

    # --- the issue ---
    def _to_qty(self) -> None:
        self.qty.setFocus()
        self.qty.selectAll()

    def add_line(self) -> None:
        self.error.hide()
        name, qty = self.food.text().strip(), self.qty.text().strip()
        if not name:
            self.food.setFocus()
            return
        if not qty:
            self._to_qty()
            return
        try:
            lines = self.draft + [(name, qty)]
            self._plan(lines)
        except UserError as e:
            self.error.setText(e.message)
            self.error.show()
            return
        self.draft = lines
        self._show_draft()
        self.food.clear()
        self.qty.clear()
        self.food.setFocus()

    def _plan(self, lines: list[tuple[str, str]]) -> list[str]:
        """What each line would take (use-by dates), or a UserError."""
        day = self.day.value()
        totals: dict[str, object] = {}
        out = []
        from ...core.money import NumberError, parse_quantity

        for n, (name, qty) in enumerate(lines, start=1):
            item = food_store.get_item(name)
            if item is None:
                raise UserError(tr("Line {n}: “{name}” is not in the food store.").format(n=n, name=name))
            try:
                q = parse_quantity(qty, minimum=food_store.Q, units=(item.unit,))
            except NumberError as e:
                raise UserError(tr("Line {n}: {problem}").format(n=n, problem=e.message)) from None
            totals[item.name] = totals.get(item.name, 0) + q
            picks = food_store.pick_lots(item, totals[item.name], day)
            out.append(join_list(f"{lot.use_by or '—'} ×{food_store.fmt_qty(take)}" for lot, take in picks))
        return out

    def _show_draft(self) -> None:
        try:
            plans = self._plan(self.draft)
        except UserError:
            plans = [""] * len(self.draft)
        t = self.draft_table
        t.setRowCount(len(self.draft))
        for r, ((name, qty), plan) in enumerate(zip(self.draft, plans, strict=True)):
            item = food_store.get_item(name)
            for c, v in enumerate([name, f"{qty} {item.unit if item else ''}", plan]):
                t.setItem(r, c, cell(v))
        t.resizeColumnsToContents()

    def clear_draft(self) -> None:
        self.draft = []
        self._show_draft()
        self.error.hide()

    def issue(self):
        self.error.hide()
        if self.food.text().strip() and self.qty.text().strip():
            self.add_line()
            if self.error.isVisible():
                return None
        try:
            slip = food_store.issue(self.day.value(), self.meal.value(), self.draft, taken_by=self.taken_by.value())
        except UserError as e:
            self.error.setText(e.message)
            self.error.show()
            return None
        self.clear_draft()
        self.reload()
        self.changed.emit()
        self.food.setFocus()
        return slip

    def reload_issues(self) -> None:
        today = clock.today()
        rows = list(reversed(food_store.issues(today - _dt.timedelta(days=7), today)))
        t = self.issues
        t.setRowCount(len(rows))
        for r, s in enumerate(rows):
            foods = join_list(f"{ln['item']} {food_store.fmt_qty(ln['quantity'])}{ln['unit']}" for ln in s["lines"])
            if s["voided"]:
                foods = tr("VOIDED: {reason}").format(reason=s["void_reason"]) + "  " + foods
            for c, v in enumerate([s["number"], s["day"], service.meal_label(s["meal"]), s["taken_by"], foods]):
                t.setItem(r, c, cell(v, s["id"], GREY if s["voided"] else None))
            t.item(r, 4).setToolTip(foods)
        t.resizeColumnsToContents()
        t.setColumnWidth(4, 100)  # the foods fill what is left, no wider (the whole list: its tooltip)

    def void_selected(self) -> None:
        """Void the issue selected in the list, with its reason (asked); its food goes back into the store."""
        items = self.issues.selectedItems()
        if not items:
            show_info(self, tr("Select an issue in the list first."))
            return
        slip_id = items[0].data(Qt.ItemDataRole.UserRole)
        reason = ask_text(self, tr("Void issue"), tr("Why is this issue voided? (It is kept, marked void; "
                                                      "its food goes back into the store.)"))
        if reason is None:
            return
        try:
            food_store.void_issue(slip_id, reason)
        except UserError as e:
            show_error(self, e)
            return
        self.reload()
        self.changed.emit()

    # --- the month ---
    def count(self) -> None:
        month = self.month.value() or clock.today().strftime("%Y-%m")
        try:
            if food_store.count_for(month) is not None:
                show_info(self, tr("The count for {month} has already been recorded.").format(month=month))
                return
            d = CountDialog(month, self)
        except UserError as e:
            show_error(self, e)
            return
        if d.exec():
            self.reload()
            self.changed.emit()

    def print_month(self) -> None:
        month = self.month.value() or clock.today().strftime("%Y-%m")
        try:
            pdf = food_store.store_pdf(month)
        except UserError as e:
            show_error(self, e)
            return
        preview(self, pdf, tr("Food store ledger and month-end count"), f"canteen-store-{month}.pdf")
