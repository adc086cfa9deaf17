"""The compare page: this stock-take against the previous closed one — newly missing, missing again,
found again."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ....core.i18n import tr
from .. import service


class ComparePage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.st = None
        lay = QVBoxLayout(self)
        self.compare_label = QLabel()
        self.compare_label.setObjectName("compare_label")
        self.compare_label.setWordWrap(True)
        lay.addWidget(self.compare_label)
        self.compare_table = QTableWidget(0, 4)
        self.compare_table.setObjectName("compare_table")
        self.compare_table.setHorizontalHeaderLabels([tr("What"), tr("Asset No."), tr("Name"), tr("Expected place")])
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.verticalHeader().setVisible(False)
        self.compare_table.horizontalHeader().setStretchLastSection(True)
        for col, w in ((0, 130), (1, 170), (2, 220)):
            self.compare_table.setColumnWidth(col, w)
        lay.addWidget(self.compare_table, 1)

    def load(self, st) -> None:
        self.st = st
        if st is not None:
            self.fill()

    def fill(self) -> None:
        cmp = service.compare_with_previous(self.st.id)
        prev = cmp["previous"]
        if prev is None:
            self.compare_label.setText(tr("No earlier closed stock-take to compare with."))
            self.compare_table.setRowCount(0)
            return
        self.compare_label.setText(tr(
            "Compared with {doc} ({title}): {new} newly missing, {rec} missing again, {back} found again.").format(
            doc=prev.doc_no, title=prev.title, new=len(cmp["new_missing"]), rec=len(cmp["recurring"]),
            back=len(cmp["recovered"]))
            + ("\n" + tr("This count is still open: items not counted yet are shown as missing.")
               if self.st.status == "open" else ""))
        rows = ([(tr("Missing again"), d, "#c62828") for d in cmp["recurring"]]
                + [(tr("Newly missing"), d, "#c62828") for d in cmp["new_missing"]]
                + [(tr("Found again"), d, "#1e8e3e") for d in cmp["recovered"]])
        self.compare_table.setRowCount(len(rows))
        for r, (what, d, colour) in enumerate(rows):
            for c, v in enumerate((what, d["asset_number"], d["name"], d["place_name"] or "")):
                it = QTableWidgetItem(v)
                if c == 0:
                    it.setForeground(QColor(colour))
                self.compare_table.setItem(r, c, it)
