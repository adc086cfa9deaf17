"""The results page: the variance (by place or category) and, after sign-off, applying the results —
ticked lines in one service call (one transaction: all or none), approved write-offs, repair tickets."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....core.errors import UserError
from ....core.i18n import N_, tr
from ....core.tasks import Cancelled
from ....core.ui.widgets import ChoiceBox, ask_text, confirm, show_error, show_info
from ....core.ui.work import run_with_progress
from .. import service
from ..models import CONDITIONS

ACTION_LABELS = {
    "relocate": N_("Move to where found"),
    "relocate_extra": N_("Move to where found (from outside the scope)"),
    "shortage": N_("Mark as shortage (盘亏待批)"),
    "damage": N_("Record the damage"),
    "surplus": N_("Register as a new asset (盘盈)"),
    "writeoff": N_("Awaiting write-off approval"),
    "loan_return": N_("Record the return of the loan"),
}
APPLY_ORDER = ("relocate", "relocate_extra", "shortage", "damage", "surplus", "loan_return", "writeoff")
# ticked by default once signed off; a move is never: a wrong-room scan must not move an asset unseen
TICKED = ("shortage", "damage", "surplus")


def apply_effect(kind: str, d: dict) -> str:
    """What applying this line will do to the register, in words."""
    unit = d.get("unit") or ""
    if kind in ("relocate", "relocate_extra"):
        return tr("The register moves it from {expected} to {found} (a transfer in its history).").format(
            expected=d["place_name"] or tr("(no place)"), found=d["found_place_name"])
    if kind == "shortage":
        missing = d["quantity"] - (d["counted_qty"] or 0)
        if missing < d["quantity"]:
            return tr("{n} of {qty} {unit} not found (expected in {place}): those {n} are split off into a "
                      "record of their own, marked 盘亏待批 until the write-off is approved; {left} stay on the "
                      "books.").format(n=missing, qty=d["quantity"], unit=unit, place=d["place_name"] or "—",
                                       left=d["quantity"] - missing)
        return tr("Not found (expected in {place}): its status becomes 盘亏待批 until the write-off is "
                  "approved.").format(place=d["place_name"] or "—")
    if kind == "loan_return":
        return tr("The register says “{loan}”, but it was found in {place}: the return is recorded on the day "
                  "it was counted.").format(loan=service.loan_text(d["loan"]), place=d["found_place_name"])
    if kind == "writeoff":
        return tr("{number}: {n} {unit} to write off as lost once approved (Write-off approved…).").format(
            number=d["shortage_number"], n=d["shortage_qty"], unit=unit)
    if kind == "damage":
        text = tr("A damage record ({condition}: {note}), natural wear.").format(
            condition=tr(CONDITIONS[d["condition"]]), note=d["note"] or "")
        if d.get("repair_ref"):
            text += " · " + tr("repair ticket {id}").format(id=d["repair_ref"])
        return text
    return tr("A new asset: {qty} found in {place}.").format(qty=d["quantity"], place=d["place_name"] or "—")


class ResultsPage(QWidget):
    applied = Signal(object)  # results were applied (a ``service.Applied``): the register changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.st = None
        self._variance = None
        self._apply_rows: list[tuple] = []  # (kind, id, number, name, detail) by row
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Variance")))
        self.variance_by = ChoiceBox([(tr("by place"), "places"), (tr("by category"), "categories")])
        self.variance_by.currentIndexChanged.connect(lambda _i: self._fill_variance())
        top.addWidget(self.variance_by)
        self.variance_note = QLabel()
        self.variance_note.setObjectName("variance_note")
        top.addWidget(self.variance_note, 1)
        lay.addLayout(top)
        # the variance above, what to apply below, the line between them movable; the variance keeps
        # room for its rows and its total (see _fit_variance)
        self.results_split = QSplitter(Qt.Orientation.Vertical)
        self.results_split.setObjectName("results_split")
        self.results_split.setChildrenCollapsible(False)
        lay.addWidget(self.results_split, 1)
        self.results_split.addWidget(self._build_variance())
        self.results_split.addWidget(self._build_apply())

    def _build_variance(self) -> QTableWidget:
        self.variance_table = QTableWidget(0, 10)
        self.variance_table.setObjectName("variance_table")
        self.variance_table.setHorizontalHeaderLabels([
            "", tr("Items expected"), tr("Qty expected"), tr("Book value"), tr("Qty found"), tr("Shortage qty"),
            tr("Shortage value"), tr("Surplus qty"), tr("Misplaced"), tr("Damaged")])
        self.variance_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.variance_table.verticalHeader().setVisible(False)
        self.variance_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return self.variance_table

    def _build_apply(self) -> QWidget:
        lower = QWidget()
        lay = QVBoxLayout(lower)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(tr("Applying the results (after sign-off): tick what to apply. Each choice is written "
                                "into the asset's history.")))
        self.apply_table = QTableWidget(0, 5)
        self.apply_table.setObjectName("apply_table")
        self.apply_table.setHorizontalHeaderLabels([tr("Apply"), tr("Action"), tr("Asset No."), tr("Name"),
                                                    tr("Details")])
        self.apply_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.apply_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.apply_table.verticalHeader().setVisible(False)
        self.apply_table.horizontalHeader().setStretchLastSection(True)
        for col, w in ((0, 50), (1, 190), (2, 160), (3, 180)):
            self.apply_table.setColumnWidth(col, w)
        lay.addWidget(self.apply_table, 1)
        row = QHBoxLayout()
        self.apply_button = QPushButton(tr("Apply ticked"))
        self.apply_button.setObjectName("apply_button")
        self.apply_button.clicked.connect(self.apply_ticked)
        self.writeoff_button = QPushButton(tr("Write-off approved…"))
        self.writeoff_button.clicked.connect(self.approve_writeoffs)
        self.repair_button_apply = QPushButton(tr("Open repair ticket"))
        self.repair_button_apply.clicked.connect(self.open_repair)
        for b in (self.apply_button, self.writeoff_button, self.repair_button_apply):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return lower

    # ------------------------------------------------------------------ filling
    def load(self, st) -> None:
        self.st = st
        if st is not None:
            self.fill()

    def fill(self) -> None:
        self._variance = service.variance(self.st.id)
        self._fill_variance()
        self._fill_apply()

    def _fill_variance(self) -> None:
        v = self._variance
        if v is None:
            return
        rows = v[self.variance_by.value() or "places"] + [v["totals"]]
        self.variance_note.setText(tr("Provisional: the count is still open.") if v["provisional"] else "")
        self.variance_table.setHorizontalHeaderItem(0, QTableWidgetItem(
            tr("Place") if self.variance_by.value() == "places" else tr("Category")))
        self.variance_table.setRowCount(len(rows))
        for r, d in enumerate(rows):
            values = [d["label"], d["expected"], d["expected_qty"], f'{d["expected_value"]:,.2f}', d["found_qty"],
                      d["missing_qty"], f'{d["missing_value"]:,.2f}', d["surplus_qty"], d["misplaced"], d["damaged"]]
            for c, val in enumerate(values):
                it = QTableWidgetItem(str(val))
                if c:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r == len(rows) - 1:
                    f = it.font()
                    f.setBold(True)
                    it.setFont(f)
                if c in (5, 6) and d["missing_qty"]:
                    it.setForeground(QColor("#c62828"))
                self.variance_table.setItem(r, c, it)
        self._fit_variance()

    def _fit_variance(self) -> None:
        """Give the variance table the height of its rows (up to 12) and the total, so the total row
        is seen without scrolling; the list of what to apply gets the rest."""
        t = self.variance_table
        rows = t.rowCount()
        row_h = t.verticalHeader().defaultSectionSize()
        shown = min(rows, 12)
        want = t.horizontalHeader().height() + shown * row_h + 2 * t.frameWidth() + 4
        if rows > shown:
            want += t.horizontalScrollBar().sizeHint().height()
        t.setMinimumHeight(min(want, 120 + 6 * row_h))
        total = max(self.results_split.height(), want + 160)
        self.results_split.setSizes([want, max(total - want, 160)])

    def _fill_apply(self) -> None:
        signed = self.st.status == "signed"
        pending = service.pending_actions(self.st.id) if self.st.status != "open" else {}
        rows = [(kind, d["id"], d.get("asset_number") or d.get("code") or "", d["name"], apply_effect(kind, d))
                for kind in APPLY_ORDER for d in pending.get(kind, [])]
        self._apply_rows = rows
        self.apply_table.setRowCount(len(rows))
        for r, (kind, _id, number, name, detail) in enumerate(rows):
            check = QTableWidgetItem()
            if kind != "writeoff":
                check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                               | Qt.ItemFlag.ItemIsSelectable)
                ticked = signed and kind in TICKED
                check.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            else:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.apply_table.setItem(r, 0, check)
            for c, v in enumerate((tr(ACTION_LABELS[kind]), number, name, detail), start=1):
                it = QTableWidgetItem(v)
                if c == 4:
                    it.setToolTip(v)
                self.apply_table.setItem(r, c, it)
        self.apply_button.setEnabled(signed and any(k != "writeoff" for k, *_ in rows))
        self.writeoff_button.setEnabled(signed and any(k == "writeoff" for k, *_ in rows))
        self.repair_button_apply.setVisible(service.repairs_available())
        self.repair_button_apply.setEnabled(signed and any(k == "damage" for k, *_ in rows))

    # ------------------------------------------------------------------ applying
    def ticked(self) -> list[tuple[str, int]]:
        """The (kind, id) of every ticked line."""
        return [(kind, rid) for r, (kind, rid, *_rest) in enumerate(self._apply_rows)
                if kind != "writeoff" and self.apply_table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def apply_ticked(self) -> None:
        chosen = self.ticked()
        if not chosen:
            show_info(self, tr("Tick what to apply first."), tr("Apply"))
            return
        if not confirm(self, tr("Apply {n} results to the asset register? Each is written into the asset's "
                                "history.").format(n=len(chosen)), tr("Apply")):
            return
        done = None
        try:  # one service call, one transaction: a failure applies none of them
            done = run_with_progress(self, tr("Applying the results…"), lambda progress, cancelled: service.apply(
                self.st.id, chosen, progress, cancelled))
        except Cancelled:
            pass
        except Exception as exc:
            show_error(self, exc)
        self.fill()
        if done is not None:
            self.applied.emit(done)
            show_info(self, tr("{n} results applied.").format(n=done.total), tr("Apply"))

    def approve_writeoffs(self) -> None:
        ids = [rid for r, (kind, rid, *_rest) in enumerate(self._apply_rows) if kind == "writeoff"
               and (self.apply_table.item(r, 0).isSelected() or not self.apply_table.selectedItems())]
        if not ids:
            return
        approver = ask_text(self, tr("Write-off approved"),
                            tr("Who approved writing off these {n} missing assets?").format(n=len(ids)))
        if not approver:
            return
        done = None
        try:
            done = service.approve_writeoffs(ids, approver=approver)
        except UserError as exc:
            show_error(self, exc)
        self.fill()
        if done is not None:
            self.applied.emit(done)

    def open_repair(self) -> None:
        r = self.apply_table.currentRow()
        if r < 0 or self._apply_rows[r][0] != "damage":
            show_info(self, tr("Choose a damaged asset first."), tr("Open repair ticket"))
            return
        try:
            ticket = service.open_repair_ticket(self._apply_rows[r][1])
        except UserError as exc:
            show_error(self, exc)
            return
        show_info(self, tr("Repair ticket {id} opened.").format(id=service.repair_number(ticket)),
                  tr("Open repair ticket"))
        self.fill()
        self.applied.emit(service.Applied(counts={"repair": 1}))
