"""The unknown-numbers page: numbers nobody expected, each resolved before closing — matched to an
asset (a worn or swapped tag), entered as surplus (盘盈), or dismissed with a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....core.errors import UserError
from ....core.i18n import tr
from ....core.ui.widgets import ask_text, confirm, show_error, show_info
from .. import service
from ..dialogs import SurplusDialog
from ..models import UNKNOWN_STATUSES


class UnknownsPage(QWidget):
    resolved = Signal()  # an entry was matched, entered or dismissed: the counts may have changed
    open_count_changed = Signal(int)  # how many are still to resolve

    def __init__(self, current_place: Callable[[], int | None] = lambda: None, parent=None):
        super().__init__(parent)
        self.st = None
        self.current_place = current_place  # the place being counted (where an untagged item was found)
        self._rows: list[dict] = []
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Numbers nobody expected. Resolve each before closing: match it to an asset (a worn "
                                "or swapped tag), enter it as surplus (盘盈), or dismiss it.")))
        self.unknown_table = QTableWidget(0, 6)
        self.unknown_table.setObjectName("unknown_table")
        self.unknown_table.setHorizontalHeaderLabels([tr("Tag / number"), tr("Found in"), tr("Times scanned"),
                                                      tr("Status"), tr("Resolution"), tr("Remarks")])
        self.unknown_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unknown_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unknown_table.horizontalHeader().setStretchLastSection(True)
        for col, w in ((0, 170), (1, 170), (2, 90), (3, 130), (4, 240)):
            self.unknown_table.setColumnWidth(col, w)
        self.unknown_table.verticalHeader().setVisible(False)
        self.unknown_table.currentCellChanged.connect(self._selected)
        lay.addWidget(self.unknown_table, 1)
        row = QHBoxLayout()
        self.match_button = QPushButton(tr("Match to an asset…"))
        self.match_button.clicked.connect(self.match_unknown)
        self.surplus_button = QPushButton(tr("Enter as surplus…"))
        self.surplus_button.clicked.connect(self.enter_surplus)
        self.dismiss_button = QPushButton(tr("Dismiss…"))
        self.dismiss_button.clicked.connect(self.dismiss_unknown)
        self.untagged_button = QPushButton(tr("Add an untagged item found…"))
        self.untagged_button.clicked.connect(self.add_untagged)
        for b in (self.match_button, self.surplus_button, self.dismiss_button, self.untagged_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)

    def load(self, st) -> None:
        self.st = st
        if st is None:
            return
        self.untagged_button.setEnabled(st.status == "open")
        self.fill()

    def fill(self) -> None:
        rows = service.unknowns(self.st.id)
        self._rows = rows
        self.unknown_table.setRowCount(len(rows))
        for r, u in enumerate(rows):
            values = [u["code"] or tr("(no tag)"), u["place_name"] or tr("(no place)"), str(u["times"]),
                      tr(UNKNOWN_STATUSES[u["status"]]), self._resolution(u), u["note"] or ""]
            for c, v in enumerate(values):
                it = QTableWidgetItem(v)
                if c == 3:
                    it.setForeground(QColor("#c62828" if u["status"] == "open" else "#1e8e3e"))
                self.unknown_table.setItem(r, c, it)
        self.open_count_changed.emit(sum(1 for u in rows if u["status"] == "open"))
        self._selected()

    @staticmethod
    def _resolution(u: dict) -> str:
        if u["status"] == "matched":
            return u["matched_number"] or ""
        if u["status"] == "surplus":
            text = f'{u["name"]} ×{u["quantity"]}'
            return text + (" → " + u["registered_number"] if u["registered_number"] else "")
        return ""

    def _selected(self, *_args) -> None:
        """Match, surplus and dismiss are offered for an entry still to resolve, and only for it."""
        r = self.unknown_table.currentRow()
        unresolved = (self.st is not None and self.st.status == "open" and 0 <= r < len(self._rows)
                      and self._rows[r]["status"] == "open")
        for b in (self.match_button, self.surplus_button, self.dismiss_button):
            b.setEnabled(unresolved)

    def _selected_unknown(self) -> dict | None:
        r = self.unknown_table.currentRow()
        if r < 0 or r >= len(self._rows):
            show_info(self, tr("Choose a line first."), tr("Unknown numbers"))
            return None
        return self._rows[r]

    def _after(self, unknown_id: int | None = None) -> None:
        """Refill, tell the tab, and keep the entry just resolved chosen."""
        self.fill()
        self.resolved.emit()
        if unknown_id is not None:
            for r, u in enumerate(self._rows):
                if u["id"] == unknown_id:
                    self.unknown_table.setCurrentCell(r, 0)
                    break
            self._selected()

    def _ask_about_unknown(self, title: str, prompt: str, action) -> None:
        """Ask for a text about the chosen unknown number (prompt has {code}), then ``action(id, text)``."""
        u = self._selected_unknown()
        if u is None:
            return
        text = ask_text(self, title, prompt.format(code=u["code"] or ""))
        if not text:
            return
        try:
            action(u["id"], text)
        except UserError as exc:
            show_error(self, exc)
            return
        self._after(u["id"])

    def match_unknown(self) -> None:
        u = self._selected_unknown()
        if u is None:
            return
        number = service.match_suggestion(u["id"])
        if number is None:  # a worn or swapped tag: which asset is it?
            self._ask_about_unknown(tr("Match to an asset"), tr("Asset number of “{code}”:"), service.match_unknown)
            return
        # the scanned number is an asset's own number: it is that asset, nothing to type again
        if not confirm(self, tr("Match “{code}” to asset {number}?").format(code=u["code"] or "", number=number),
                       tr("Match to an asset")):
            return
        try:
            service.match_unknown(u["id"], number)
        except UserError as exc:
            show_error(self, exc)
            return
        self._after(u["id"])

    def enter_surplus(self) -> None:
        u = self._selected_unknown()
        if u is None:
            return
        dlg = SurplusDialog(self, code=u["code"] or "", place_id=u["found_place"])
        dlg.submit = lambda values: service.set_surplus(u["id"], values)
        if dlg.exec():
            self._after(u["id"])

    def add_untagged(self) -> None:
        dlg = SurplusDialog(self, place_id=self.current_place(), title=tr("An untagged item found (盘盈)"))
        dlg.submit = lambda values: service.add_surplus(self.st.id, values)
        if dlg.exec():
            self._after()

    def dismiss_unknown(self) -> None:
        self._ask_about_unknown(tr("Dismiss"), tr("Why is “{code}” not an asset?"), service.dismiss_unknown)
